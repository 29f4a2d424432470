"""The extractive answerer: picks the sentences of the retrieved passages that answer the question.

No language model is involved, so nothing is invented: every answer sentence is a sentence from a
cited passage. Sentences are scored by how much of the question they cover (terms weighted by
rarity in the index, both Dutch and English stems), whether they hold the kind of fact the question
asks for (a date for *wanneer/when*, an amount for *hoeveel/how much*, a body or person for
*wie/who*), and how well their passage ranked. For *wanneer/wie* questions about a decision, the
matching decision records (``assistant/decision_evidence.py``) add their passages and favour their
sentences. When the best evidence is weak, the answer says the documents do not answer the question
and offers the closest passages as related material.
"""

from __future__ import annotations

import math
import re
import time
from dataclasses import dataclass, field

from planwijzer.assistant import lexicon, patterns
from planwijzer.assistant.decision_evidence import find_evidence, sentence_bonus, with_evidence
from planwijzer.assistant.dedup import near_duplicate
from planwijzer.assistant.question import (
    MAX_QUESTION_CHARS,
    Constraint,
    Question,
    cap_question,
    has_words,
    parse_question,
    question_parts,
    wants_list,
)
from planwijzer.assistant.retrieval import Filters, Hit, Index, Sentence
from planwijzer.ingest.language import detect_language
from planwijzer.ingest.sentences import shorten, split_sentences
from planwijzer.ingest.tokens import contains_word, content_words, text_stems, word_stems

from planwijzer import messages

# The answerer's weights, in one place (a sentence's score runs to about 1.5).
HISTORY_WEIGHT = 0.35
"""Weight of the previous question's words (follow-ups) against the question's own."""
CONTEXT_WEIGHT = 0.5
"""Weight of question words found only in the sentence before, or in the passage's title or heading."""
LEXICAL_WEIGHT = 0.6
"""Share of word coverage (the rest: embedding similarity) in a same-language sentence's score."""
CROSS_LEXICAL_WEIGHT = 0.25
"""The same for a sentence in the other language: its words cannot match the question's, only names and numbers."""
SIM_FLOOR, SIM_RANGE = 0.78, 0.12
"""Cosine (e5) mapped onto 0..1 for the similarity part of the score."""
FACT_WEIGHT = 0.3
"""Bonus of a sentence that holds the kind of fact asked for (a date for *wanneer*, an amount for *hoeveel*)."""
RANK_WEIGHT = 0.2
"""Weight of the passage's retrieval score relative to the best passage's."""
WEAK_COVERAGE, WEAK_SIMILARITY = 0.1, 0.84
"""Below both, the best sentence shares too little with the question: abstain."""
CROSS_WEAK_SIMILARITY = 0.80
"""The similarity bar for a sentence in the other language (its coverage is near zero by nature)."""
RANKED_HITS = 20
QUOTE_CHARS = 320
"""A passage quoted whole (a related passage, a generated answer's source) is cut at a word after this many
characters."""


@dataclass
class Citation:
    """A numbered source: which document, where, and the exact quoted passage."""

    n: int
    doc_id: str
    title: str
    url: str | None
    page: int | None
    date: str | None
    quote: str
    chunk_id: str = ""
    heading: str | None = None

    def to_json(self) -> dict:
        return {
            "n": self.n,
            "doc_id": self.doc_id,
            "title": self.title,
            "url": self.url,
            "page": self.page,
            "date": self.date,
            "quote": self.quote,
        }


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
class Candidate:
    text: str
    hit: Hit
    hit_rank: int
    score: float = 0.0
    coverage: float = 0.0
    matched: frozenset[str] = frozenset()
    similarity: float = 0.0
    missing: list[Constraint] = field(default_factory=list)
    following: list[str] = field(default_factory=list)
    """The sentences after this one in its passage (used to complete an announced list)."""
    preceding: str | None = None
    """The sentence before this one in its passage (brought along when this one opens with a referring word)."""
    cross: bool = False
    """The passage is in another language than the question."""


def _fact_match(kind: str, text: str, day: bool = False) -> float:
    """1.0 when ``text`` holds the kind of fact the question asks for, else 0 (``day``: the question asks for a
    day, "op welke datum", so a year alone does not count)."""
    if kind == "money":
        return float(patterns.has_money(text))
    checks = {
        "date": patterns.has_date(text) or (0.0 if day else patterns.has_year(text) * 0.5),
        "time": patterns.has_time(text),
        "amount": patterns.has_amount(text),
        "who": patterns.has_name(text),
    }
    return float(checks.get(kind, 0.0))


def _term_weights(question: Question, history: list[str], index: Index) -> dict[str, tuple[frozenset[str], float]]:
    """Question words → (their stems, weight = idf, lowered for words that come from the history)."""
    weights: dict[str, tuple[frozenset[str], float]] = {}
    for text, factor in [(h, HISTORY_WEIGHT) for h in history[-1:]] + [(question.text, 1.0)]:
        for w in content_words(text):
            stems = word_stems(w)
            weights[w] = (stems, max(weights.get(w, (stems, 0.0))[1], index.idf(stems) * factor))
    return weights


def _citation(n: int, hit: Hit, quote: str) -> Citation:
    meta = hit.meta
    page = meta.get("page")
    return Citation(
        n=n,
        doc_id=str(meta.get("doc_id", "")),
        title=str(meta.get("title") or meta.get("doc_id") or ""),
        url=meta.get("url") or None,
        page=int(page) if page is not None else None,
        date=str(meta["date"]) if meta.get("date") else None,
        quote=quote,
        chunk_id=hit.chunk_id,
        heading=meta.get("heading"),
    )


def passage_quote(text: str) -> str:
    """A passage quoted whole: ``text``, cut at a word after :data:`QUOTE_CHARS` characters."""
    return shorten(text, QUOTE_CHARS)


def cross_prefix(question_lang: str, source_lang: str) -> str:
    """What an answer from a passage in ``source_lang`` starts with, in the question's language."""
    return messages.text("answer_cross", question_lang, lang=messages.language_name(source_lang, question_lang))


def missing_constraints(question: Question, hit: Hit, index: Index) -> list[Constraint]:
    """The question's constraints that ``hit`` does not mention: not in its text, its neighbouring
    chunks (the subject is often named a paragraph earlier), title, heading, date or institution."""
    meta = hit.meta
    around = [index.neighbour_text(meta, -1) or "", index.neighbour_text(meta, 1) or ""]
    fields = [str(meta.get(k) or "") for k in ("title", "heading", "date", "institution")]
    text_scope = " ".join([hit.text, *around, str(meta.get("title") or "")])
    scope = " ".join([text_scope, *fields[1:]])
    lowered = scope.lower()
    words = None
    same_language = str(meta.get("language") or question.language) == question.language
    institutions = index.institution_words() if INSTITUTION_IS_HARD else frozenset()
    missing = []
    for c in question.constraints:
        if c.kind in {"name", "acronym"} and _prefix_match(c.token.lower(), institutions):
            # an institution the index knows ("Utrecht", "Radboud"): a proper name, the same in both languages.
            # A passage whose text names other institutions and not this one is about them and does not answer;
            # one that names none may be about it (a student paper's article need not repeat the university's name)
            words = words if words is not None else set(re.findall(r"[a-zà-ÿ]{3,}", lowered))
            if not _prefix_match(c.token.lower(), words):
                named = {w for w in re.findall(r"[a-zà-ÿ]{4,}", text_scope.lower()) if w in institutions}
                missing.append(Constraint("institution" if named else "name", c.token))
            continue
        if c.kind == "number":
            ok = c.token in lowered
        elif c.kind == "month":
            ok = int(c.token) in patterns.months_in(scope)
        elif c.kind == "acronym":
            ok = re.search(rf"\b{re.escape(c.token)}", scope) is not None
        else:
            if not same_language:
                continue
            words = words if words is not None else set(re.findall(r"[a-zà-ÿ]{3,}", lowered))
            ok = _prefix_match(c.token, words)
        if not ok:
            missing.append(c)
    return missing


def _prefix_match(token: str, words: frozenset[str] | set[str]) -> bool:
    """``token`` is one of ``words`` up to an inflection ("Leidse" ~ "leiden"): they share all but its last two
    letters, at least four."""
    need = max(4, len(token) - 2)
    return any(w[:need] == token[:need] for w in words if len(w) >= need)


INSTITUTION_IS_HARD = True
"""A question word that names an institution of the index must be in the passage
(:meth:`~assistant.retrieval.Index.institution_words`)."""


HARD_CONSTRAINTS = frozenset({"number", "month", "institution"})
"""Constraints a passage must satisfy (a year, a number, a month, an institution); other names may be paraphrased
or translated."""


def _constraint_penalty(missing: list[Constraint]) -> float:
    return sum(0.3 if c.kind in HARD_CONSTRAINTS else 0.15 for c in missing)


_LEADER_DOTS = re.compile(r"\.{4,}|…{2,}")


def _looks_like_contents(text: str) -> bool:
    """A table-of-contents line: dot leaders, or more numbers than a sentence carries."""
    words = text.split()
    numbers = sum(1 for w in words if w.rstrip(".").replace(".", "").isdigit())
    return bool(_LEADER_DOTS.search(text)) or (len(words) >= 8 and numbers / len(words) > 0.25)


def _next_chunk_sentences(index: Index, hit: Hit, sentences: list[Sentence]) -> list[str]:
    """The first sentences of the next chunk in the document, without those the chunks share (overlap)."""
    text = index.neighbour_text(hit.meta, 1)
    if not text:
        return []
    seen = {s.text for s in sentences}
    return [s for s in split_sentences(text) if s not in seen and s not in hit.text]


def score_candidates(
    question: Question,
    history: list[str],
    hits: list[Hit],
    index: Index,
    vector: list[float],
    bonus: dict[str, float] | None = None,
) -> list[Candidate]:
    """Every sentence of the top passages, scored as an answer to ``question`` (best first).

    A sentence's coverage counts the question words it contains in full, and words found only in the
    sentence before it or in the passage's title/heading at half weight (context that "Dat bedrag …"
    relies on). Its similarity is the cosine between the question and the stored sentence embedding.
    ``bonus`` adds to the score of given sentences (decision sentences that answer the question).
    """
    bonus = bonus or {}
    weights = _term_weights(question, history, index)
    total = sum(w for _, w in weights.values()) or 1.0
    top_score = hits[0].score if hits else 1.0
    stored = index.sentences_of([h.chunk_id for h in hits], vector)
    best: dict[str, Candidate] = {}
    for rank, hit in enumerate(hits):
        context = text_stems(" ".join(str(hit.meta.get(k) or "") for k in ("title", "heading")))
        missing = missing_constraints(question, hit, index)
        penalty = _constraint_penalty(missing)
        cross = str(hit.meta.get("language") or question.language) != question.language
        lexical_weight = CROSS_LEXICAL_WEIGHT if cross else LEXICAL_WEIGHT
        sentences = stored.get(hit.chunk_id) or [Sentence(i, t, 0.0) for i, t in enumerate(split_sentences(hit.text))]
        prev: frozenset[str] = frozenset()
        for i, sent in enumerate(sentences):
            if patterns.addresses_a_model(sent.text):  # a planted instruction is data, never an answer
                continue
            stems = text_stems(sent.text)
            own = frozenset(w for w, (st, _) in weights.items() if contains_word(stems, st))
            around = frozenset(w for w, (st, _) in weights.items() if contains_word(prev | context, st)) - own
            prev = stems
            if lexicon.is_non_answer(sent.text):  # a question, heading, bullet stub or navigation line: context only
                continue
            coverage = (sum(weights[w][1] for w in own) + CONTEXT_WEIGHT * sum(weights[w][1] for w in around)) / total
            similarity = min(1.0, max(0.0, (sent.similarity - SIM_FLOOR) / SIM_RANGE))
            length_penalty = 0.15 if len(sent.text) < 30 else (0.1 if len(sent.text) > 450 else 0.0)
            if _looks_like_contents(sent.text):
                length_penalty += 0.2
            score = (
                lexical_weight * coverage
                + (1 - lexical_weight) * similarity
                + FACT_WEIGHT * _fact_match(question.kind, sent.text, question.day)
                + RANK_WEIGHT * (hit.score / top_score)
                - length_penalty
                - penalty
                + bonus.get(sent.text, 0.0)
            )
            following = [s.text for s in sentences[i + 1 : i + 3]]
            if len(following) < 2:
                following += _next_chunk_sentences(index, hit, sentences)[: 2 - len(following)]
            preceding = sentences[i - 1].text if i > 0 else None
            cand = Candidate(
                sent.text, hit, rank, score, coverage, own, sent.similarity, missing, following, preceding, cross
            )
            if sent.text not in best or best[sent.text].score < score:
                best[sent.text] = cand
    return sorted(best.values(), key=lambda c: -c.score)


def compose(question: Question, cands: list[Candidate], max_chars: int) -> list[Candidate]:
    """The sentences to answer with, within ``max_chars``.

    The best sentence; when it announces a list ("acht ambities", "…onder andere:") that it does not
    itself contain, the sentences that follow it in its passage; then up to two more sentences that
    score nearly as well (from another document: very nearly) and add question words, the asked-for
    kind of fact, or an enumeration.
    """
    if not cands:
        return []
    best = cands[0]
    plural = wants_list(question.text)
    lists = [c for c in cands[1:6] if patterns.has_enumeration(c.text) and c.score >= 0.85 * best.score]
    wanted = patterns.asked_count(question.text)
    if wanted and lists:
        # "welke zes thema's": prefer the list with about six items
        lists.sort(key=lambda c: abs(patterns.enumeration_size(c.text) - wanted))
    listing = lists[0] if lists else None
    chosen: list[Candidate] = [best]
    length = len(best.text)
    announced = (patterns.count_words(best.text) & patterns.count_words(question.text)) or best.text.endswith(":")
    if announced and not patterns.has_enumeration(best.text) and listing is None:
        for text in best.following:
            if length + len(text) + 1 > max_chars:
                break
            chosen.append(Candidate(text, best.hit, best.hit_rank, best.score, 0.0, frozenset()))
            length += len(text) + 1
    covered = set(best.matched)
    if plural and listing is not None and not patterns.has_enumeration(best.text):
        if length + len(listing.text) + 6 <= max_chars:
            chosen.append(listing)
            covered |= listing.matched
            length += len(listing.text) + 6
    for cand in cands[1:6]:
        same_doc = cand.hit.meta.get("doc_id") == best.hit.meta.get("doc_id")
        if cand.score < (0.7 if same_doc else 0.8) * best.score or any(
            near_duplicate(cand.text, c.text) for c in chosen
        ):
            continue
        adds_terms = bool(cand.matched - covered)
        adds_fact = (
            question.kind in {"date", "amount", "money", "who", "time"}
            and _fact_match(question.kind, cand.text, question.day) > 0
        )
        adds = adds_terms or (adds_fact and same_doc)
        if not adds or length + len(cand.text) + 6 > max_chars:
            continue
        chosen.append(cand)
        covered |= cand.matched
        length += len(cand.text) + 6
        if len(chosen) >= 3:
            break
    return with_antecedents(chosen, max_chars)


def with_antecedents(chosen: list[Candidate], max_chars: int) -> list[Candidate]:
    """``chosen`` with the sentence before each sentence that opens with a referring word ("Zij werd in 2019
    benoemd." needs the sentence that names her), unless it is already there, is a question, or does not fit."""
    out: list[Candidate] = []
    length = sum(len(c.text) + 6 for c in chosen)
    texts = {c.text for c in chosen}
    for cand in chosen:
        before = cand.preceding
        if (
            before
            and before not in texts
            and lexicon.starts_with_reference(cand.text)
            and not lexicon.is_question(before)
            and length + len(before) + 1 <= max_chars
        ):
            out.append(Candidate(before, cand.hit, cand.hit_rank, cand.score, 0.0, frozenset(), cross=cand.cross))
            texts.add(before)
            length += len(before) + 1
        out.append(cand)
    return out


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
    history = [cap_question(h)[0] for h in (history or []) if h.strip()]
    started = time.perf_counter()
    question = parse_question(text)
    lang = question.language
    if not has_words(question.text):
        elapsed = {"total": (time.perf_counter() - started) * 1000}
        return Answer(messages.text("answer_no_question", lang), lang, True, [], [], elapsed, question.kind)
    notice = messages.text("answer_truncated", lang, limit=MAX_QUESTION_CHARS) if question.truncated else None
    result = index.search(question.text, filters, k=RANKED_HITS, context=" ".join(history[-1:]), mode=mode)
    timings = dict(result.timings_ms)
    t = time.perf_counter()
    hits = result.hits[: index.settings.answer_passages]
    # decision records answer "wanneer/wie … besloot" questions: their passages join the evidence
    parts = [parse_question(part) for part in question_parts(question.text)[1:]]
    context = [*history[-1:], *([question.text] if parts else [])]
    evidence = [find_evidence(index, q, filters, result.query_vector, result.hits, context) for q in [question, *parts]]
    hits = with_evidence(hits, [ev for found in evidence for ev in found])
    cands = score_candidates(question, history, hits, index, result.query_vector, sentence_bonus(evidence[0]))
    chosen = compose(question, cands, max_chars)
    best = cands[0] if chosen else None  # the top-scored sentence, not an antecedent placed before it
    abstain = best is None or is_weak(question, best)
    if not abstain:
        for sub, sub_evidence in zip(parts, evidence[1:], strict=True):
            sub_bonus = sentence_bonus(sub_evidence)
            sub_cands = score_candidates(sub, [*history, question.text], hits, index, result.query_vector, sub_bonus)
            taken = {c.text: c for c in chosen}
            if sub_cands and sub_cands[0].text in taken:
                # the best sentence for this part is already in: only a runner-up from the same document
                doc = taken[sub_cands[0].text].hit.meta.get("doc_id")
                extra = next(
                    (c for c in sub_cands[1:3] if c.hit.meta.get("doc_id") == doc and c.text not in taken), None
                )
            else:
                extra = sub_cands[0] if sub_cands else None
            if extra is not None and not is_weak(sub, extra):
                chosen.insert(1, extra)
        chosen = _fit(chosen, max_chars)
    if abstain:
        related = [_citation(i + 1, h, passage_quote(h.text)) for i, h in enumerate(hits[:3])]
        timings["answer"] = (time.perf_counter() - t) * 1000
        timings["total"] = (time.perf_counter() - started) * 1000
        body = messages.text("answer_abstain", lang) + (" " + messages.text("answer_related", lang) if related else "")
        return Answer(body, question.language, True, [], related, timings, question.kind, result.hits, notice)

    order = chosen
    numbers: dict[str, int] = {}
    quotes: dict[str, list[str]] = {}
    parts = []
    for cand in order:
        n = numbers.setdefault(cand.hit.chunk_id, len(numbers) + 1)
        quotes.setdefault(cand.hit.chunk_id, []).append(cand.text)
        parts.append(f"{cand.text} [{n}]")
    by_id = {c.hit.chunk_id: c.hit for c in order}
    citations = [_citation(n, by_id[cid], " … ".join(quotes[cid])) for cid, n in numbers.items()]
    body = " ".join(parts)
    source_lang = str(order[0].hit.meta.get("language") or detect_language(order[0].text))
    if source_lang != lang and source_lang in messages.LANGUAGES:
        body = cross_prefix(lang, source_lang) + body
    used = set(numbers)
    related = [
        _citation(len(citations) + i + 1, h, passage_quote(h.text))
        for i, h in enumerate([h for h in hits if h.chunk_id not in used][:3])
    ]
    timings["answer"] = (time.perf_counter() - t) * 1000
    timings["total"] = (time.perf_counter() - started) * 1000
    return Answer(body, question.language, False, citations, related, timings, question.kind, result.hits, notice)


def _fit(chosen: list[Candidate], max_chars: int) -> list[Candidate]:
    """The leading sentences of ``chosen`` that fit in ``max_chars`` with their markers (at least one)."""
    kept, length = [], 0
    for cand in chosen:
        if kept and length + len(cand.text) + 6 > max_chars:
            break
        kept.append(cand)
        length += len(cand.text) + 6
    return kept


def is_weak(question: Question, best: Candidate) -> bool:
    """True when the best sentence is too weak to count as an answer.

    Weak means: its passage misses a year, number or month the question names, or most of the names and
    acronyms it names; or the question wants a date/amount/time (a day, for "op welke datum") and the sentence
    holds none; or it shares little with the question both in words and in meaning (for a sentence in the other
    language, whose words cannot match, a lower similarity bar). Names and acronyms may be paraphrased or
    translated, so one missing name alone does not make the evidence weak.
    """
    hard = [c for c in best.missing if c.kind in HARD_CONSTRAINTS]
    names = [c for c in question.constraints if c.kind not in HARD_CONSTRAINTS]
    missing_names = [c for c in best.missing if c.kind not in HARD_CONSTRAINTS]
    if hard or (len(missing_names) >= 2 and len(missing_names) * 2 > len(names)):
        return True
    kind = question.kind
    if kind in {"date", "amount", "money", "time"} and _fact_match(kind, best.text, question.day) == 0:
        return True
    if math.isnan(best.score):
        return True
    if best.cross:
        return best.similarity < CROSS_WEAK_SIMILARITY and best.coverage < WEAK_COVERAGE
    return best.coverage < WEAK_COVERAGE and best.similarity < WEAK_SIMILARITY
