"""The extractive answerer: picks the sentences of the retrieved passages that answer the question.

No language model is involved, so nothing is invented: every answer sentence is a sentence from a
cited passage. Sentences are scored by how much of the question they cover (terms weighted by
rarity in the index, both Dutch and English stems), whether they hold the kind of fact the question
asks for (a date for *wanneer/when*, an amount for *hoeveel/how much*, a body or person for
*wie/who*), and how well their passage ranked. For *wanneer/wie* questions about a decision, the
matching decision records (``assistant/decision_evidence.py``) add their passages and favour their
sentences. When the best evidence is weak, the answer says the documents do not answer the question
and offers the closest passages as related material.

This module runs the three steps: gathering the evidence (retrieval, decision records, scored sentences:
:mod:`~planwijzer.assistant.candidates`), choosing the answer (:mod:`~planwijzer.assistant.choice`) and citing it
(:mod:`~planwijzer.assistant.citing`); the weights of all three are in :mod:`~planwijzer.assistant.answer_weights`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace

from planwijzer.assistant import answer_weights
from planwijzer.assistant.candidates import Candidate, score_candidates
from planwijzer.assistant.choice import compose, fit, is_weak, list_room, on_topic_first, ordinal_item, page_entry
from planwijzer.assistant.citing import Citation, cite, related
from planwijzer.assistant.decision_evidence import find_evidence, sentence_bonus, with_evidence
from planwijzer.assistant.question import (
    MAX_QUESTION_CHARS,
    Question,
    as_question,
    cap_question,
    has_words,
    parse_question,
    question_parts,
)
from planwijzer.assistant.retrieval import Filters, Hit, Index, SearchResult
from planwijzer.assistant.translation import words_of
from planwijzer.ingest.language import detect_language

from planwijzer import messages


@dataclass
class Answer:
    """An answer with its citations (the ``ask --json`` contract)."""

    answer: str
    language: str
    abstained: bool
    citations: list[Citation] = field(default_factory=list)
    related: list[Citation] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)
    kind: str = "what"
    hits: list[Hit] = field(default_factory=list, repr=False)
    """Every ranked passage the answer was drawn from (for evaluation; not part of the JSON)."""
    notice: str | None = None
    """Something the asker should know about how the question was handled (e.g. it was cut); in the JSON when set."""

    def to_json(self) -> dict:
        data = {
            "answer": self.answer,
            "language": self.language,
            "abstained": self.abstained,
            "citations": [c.to_json() for c in self.citations],
            "related": [c.to_json() for c in self.related],
            "timings_ms": {k: round(v, 2) for k, v in self.timings_ms.items()},
        }
        if self.notice:
            data["notice"] = self.notice
        return data


@dataclass
class Evidence:
    """What the answer is chosen from: the passages read, the question's parts (a compound question's halves after
    the first) and, per part, the decision records that answer it."""

    hits: list[Hit]
    parts: list[Question]
    decisions: list[list]
    translations: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    """The question's words in the other language (word coverage of passages in that language)."""


def passages_to_read(ranked: list[Hit], passages: int) -> list[Hit]:
    """The top ``passages`` of ``ranked``, and the next ``TOP_DOC_EXTRA`` passages of the top passage's document
    from lower in the ranking: an article's answer often sits a paragraph further than the passage that matched
    the question best, in words the question does not share."""
    hits = ranked[:passages]
    if not hits:
        return hits
    top_doc = hits[0].meta.get("doc_id")
    more = [h for h in ranked[passages:] if h.meta.get("doc_id") == top_doc]
    return hits + more[: answer_weights.TOP_DOC_EXTRA]


def pinned_as(question: Question, part: Question) -> Question:
    """A compound question's later ``part`` with what the whole ``question`` pins down (its years, months, names):
    in "Wie is de voorzitter van de Leidse raad, en wie is de griffier?" the clerk is the Leiden council's too."""
    extra = tuple(c for c in question.constraints if c not in part.constraints)
    return replace(part, constraints=part.constraints + extra)


def gather_evidence(
    index: Index, question: Question, history: list[str], filters: Filters | None, result: SearchResult
) -> Evidence:
    """The passages of ``result`` to read (:func:`passages_read`), joined by the passages of the decision records
    that answer a *wanneer/wie … besloot* question (or one of its parts)."""
    hits = passages_read(index, question, filters, result, index.settings.answer.passages)
    parts = [pinned_as(question, parse_question(part)) for part in question_parts(question.text)[1:]]
    context = [*history[-1:], *([question.text] if parts else [])]
    decisions = [
        find_evidence(index, q, filters, result.query_vector, result.hits, context) for q in [question, *parts]
    ]
    found = [ev for part in decisions for ev in part]
    return Evidence(with_evidence(hits, found), parts, decisions, result.translations)


def passages_read(
    index: Index, question: Question, filters: Filters | None, result: SearchResult, passages: int
) -> list[Hit]:
    """The passages an answer is drawn from, by either backend: the top ``passages`` of ``result``
    (:func:`passages_to_read`) and those of a source the question names (:func:`named_source_passages`)."""
    hits = passages_to_read(result.hits, passages)
    return hits + named_source_passages(index, question, filters, hits)


def named_source_passages(index: Index, question: Question, filters: Filters | None, hits: list[Hit]) -> list[Hit]:
    """The best passages of each institution or publication the question names ("according to de Volkskrant",
    "Tilburg University's council") whose documents none of ``hits`` comes from: the question says where its answer
    is, and retrieval over the whole index may rank that source's passages below the ones read. None when the asker
    has already chosen an institution (a filter is never widened)."""
    if filters is not None and filters.institution is not None:
        return []
    have = {h.meta.get("institution") for h in hits}
    ids = {h.chunk_id for h in hits}
    extra: list[Hit] = []
    for c in question.constraints:
        if c.kind not in {"name", "acronym"}:
            continue
        for name in index.institutions_named(c.token):
            if name in have:
                continue
            have.add(name)
            within = replace(filters, institution=name) if filters else Filters(institution=name)
            found = index.search(question.text, within, k=answer_weights.NAMED_SOURCE_PASSAGES).hits
            extra += [h for h in found[: answer_weights.NAMED_SOURCE_PASSAGES] if h.chunk_id not in ids]
            ids |= {h.chunk_id for h in found}
    return extra


def choose_answer(
    index: Index, question: Question, history: list[str], evidence: Evidence, vector: list[float], max_chars: int
) -> list[Candidate]:
    """The sentences that answer ``question``, best first (with the referents they need); empty to abstain.

    A compound question's later parts each add their best sentence when it is not already in and not weak."""
    item = ordinal_item(question, evidence.hits) if answer_weights.ORDINAL_ITEM else None
    item = item or (page_entry(question, evidence.hits, index) if answer_weights.PAGE_ENTRY else None)
    if item is not None:  # "the second of the six ambitions": that item of the numbered list; "op welke bladzijde
        return [item]  # begint …": the contents entry
    bonus = sentence_bonus(evidence.decisions[0])
    translations = words_of(evidence.translations, answer_weights.TRANSLATION_MARGIN)
    cands = on_topic_first(
        question, score_candidates(question, history, evidence.hits, index, vector, bonus, translations)
    )
    chosen = compose(question, cands, max_chars)
    best = cands[0] if chosen else None  # the top-scored sentence, not an antecedent placed before it
    if best is None or is_weak(question, best):
        return []
    if any(ev.earlier for ev in evidence.decisions[0]):
        # "what holds now": the latest decision, then the one it continues (named too), then the rest of the answer
        best_of: dict[str, Candidate] = {}
        for c in cands:
            best_of.setdefault(c.text, c)
        latest_first = sorted(evidence.decisions[0], key=lambda e: e.earlier)
        chain = [best_of[ev.record.sentence] for ev in latest_first if ev.record.sentence in best_of]
        chosen = chain + [c for c in chosen if c.text not in {k.text for k in chain}]
    for sub, sub_evidence in zip(evidence.parts, evidence.decisions[1:], strict=True):
        sub_bonus = sentence_bonus(sub_evidence)
        sub_cands = score_candidates(
            sub, [*history, question.text], evidence.hits, index, vector, sub_bonus, translations
        )
        taken = {c.text: c for c in chosen}
        if sub_cands and sub_cands[0].text in taken:
            # the best sentence for this part is already in: only a runner-up from the same document
            doc = taken[sub_cands[0].text].hit.meta.get("doc_id")
            extra = next((c for c in sub_cands[1:3] if c.hit.meta.get("doc_id") == doc and c.text not in taken), None)
        else:
            extra = sub_cands[0] if sub_cands else None
        if extra is not None and not is_weak(sub, extra):
            chosen.insert(1, extra)
    return fit(chosen, list_room(question, max_chars))


def read_question(index: Index, text: str) -> tuple[Question, list[tuple[str, str]]]:
    """``text`` read as the index writes it (:meth:`~planwijzer.assistant.retrieval.Index.normalise`, after cutting it
    to length: the words beyond are not looked at), and the mistyped words that were corrected."""
    typed = parse_question(as_question(text))
    normalised, corrected = index.normalise(typed.text)
    return replace(parse_question(normalised), truncated=typed.truncated), corrected


def read_history(index: Index, history: list[str] | None) -> list[str]:
    """The earlier questions of a conversation as the index reads them (each cut to length, read as a question,
    normalised like the question itself); blank ones left out."""
    return [index.normalise(cap_question(as_question(h))[0])[0] for h in (history or []) if h.strip()]


def question_notice(question: Question, corrected: list[tuple[str, str]]) -> str | None:
    """What the asker should know about how ``question`` was read: that it was cut to length, and which mistyped
    words were searched for as which (None when neither)."""
    lang = question.language
    parts = [messages.text("answer_truncated", lang, limit=MAX_QUESTION_CHARS)] if question.truncated else []
    if corrected:
        parts.append(messages.searched_for(corrected, lang))
    return " ".join(parts) or None


def cross_prefix(question_lang: str, source_lang: str) -> str:
    """What an answer from a passage in ``source_lang`` starts with, in the question's language."""
    return messages.text("answer_cross", question_lang, lang=messages.language_name(source_lang, question_lang))


def answer_question(
    index: Index,
    text: str,
    history: list[str] | None = None,
    filters: Filters | None = None,
    max_chars: int = 600,
    mode: str = "hybrid",
) -> Answer:
    """Answer ``text`` from the index with cited sentences, or abstain honestly.

    A question without a letter or digit (empty, blank, only punctuation) is refused without searching; one
    longer than ``MAX_QUESTION_CHARS`` is cut (so is each history entry), and the answer's ``notice`` says so.
    """
    history = read_history(index, history)
    started = time.perf_counter()
    question, corrected = read_question(index, text)
    lang = question.language
    if not has_words(question.text):
        elapsed = {"total": (time.perf_counter() - started) * 1000}
        return Answer(messages.text("answer_no_question", lang), lang, True, [], [], elapsed, question.kind)
    notice = question_notice(question, corrected)
    result = index.search(
        question.text, filters, k=answer_weights.RANKED_HITS, context=" ".join(history[-1:]), mode=mode
    )
    timings = dict(result.timings_ms)
    t = time.perf_counter()
    evidence = gather_evidence(index, question, history, filters, result)
    chosen = choose_answer(index, question, history, evidence, result.query_vector, max_chars)

    def done() -> dict[str, float]:
        timings["answer"] = (time.perf_counter() - t) * 1000
        timings["total"] = (time.perf_counter() - started) * 1000
        return timings

    if not chosen:
        near = related(evidence.hits)
        body = messages.text("answer_abstain", lang) + (" " + messages.text("answer_related", lang) if near else "")
        return Answer(body, question.language, True, [], near, done(), question.kind, result.hits, notice)
    body, citations = cite(chosen)
    source_lang = str(chosen[0].hit.meta.get("language") or detect_language(chosen[0].text))
    if source_lang != lang and source_lang in messages.LANGUAGES:
        body = cross_prefix(lang, source_lang) + body
    near = related(evidence.hits, {c.chunk_id for c in citations}, first=len(citations) + 1)
    return Answer(body, question.language, False, citations, near, done(), question.kind, result.hits, notice)
