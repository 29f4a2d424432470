"""Evidence: every sentence of the top passages, scored as an answer to the question.

A sentence's score adds how much of the question it covers (terms weighted by rarity in the index, Dutch and
English stems; words found only in the sentence before it or the passage's title or heading at a lower weight),
its embedding similarity to the question (mostly that, for a sentence in the other language), whether it holds
the kind of fact asked for, and its passage's rank; and subtracts for the question's years, months, numbers,
institutions and names that its passage does not mention. A question, heading, bullet stub or navigation line is
context only, never a candidate. The weights are in :mod:`planwijzer.assistant.answer_weights`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planwijzer.assistant import answer_weights, lexicon, patterns
from planwijzer.assistant.question import Constraint, Question
from planwijzer.assistant.retrieval import Hit, Index, Sentence
from planwijzer.ingest.sentences import split_sentences
from planwijzer.ingest.tokens import contains_word, text_stems, word_stems


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
    next_joined: bool = False
    """The sentence after this one goes on in the same paragraph of its passage (no line break between them)."""


def joined(text: str, first: str, second: str) -> bool:
    """Whether ``second`` follows ``first`` in ``text`` within one paragraph: found after it with no line break
    between them."""
    start = text.find(first)
    after = text.find(second, start + len(first)) if start >= 0 else -1
    return after >= 0 and "\n" not in text[start + len(first) : after]


def in_other_language(question: Question, hit: Hit) -> bool:
    """Whether ``hit``'s passage is in another language than ``question`` (a passage of no known language is not)."""
    return str(hit.meta.get("language") or question.language) != question.language


HARD_CONSTRAINTS = frozenset({"number", "month", "institution"})
"""Constraints a passage must satisfy (a year, a number, a month, an institution); other names may be paraphrased
or translated."""


def fact_match(kind: str, text: str, day: bool = False, year: bool = False) -> float:
    """1.0 when ``text`` holds the kind of fact the question asks for, else 0 (``day``: the question asks for a
    day, "op welke datum", so a year alone does not count; ``year``: it asks for a year, so a year counts in full,
    otherwise as ``YEAR_AS_DATE``)."""
    if kind == "money":
        return float(patterns.has_money(text))
    checks = {
        "date": (patterns.has_day(text) if day else patterns.has_date(text))
        or (0.0 if day else patterns.has_year(text) * (1.0 if year else answer_weights.YEAR_AS_DATE)),
        "time": patterns.has_time(text),
        "frequency": patterns.has_frequency(text),
        "amount": patterns.has_amount(text),
        "who": patterns.has_name(text),
        "why": lexicon.has_reason(text) * answer_weights.REASON_AS_FACT,
    }
    return float(checks.get(kind, 0.0))


def _term_weights(question: Question, history: list[str], index: Index) -> dict[str, tuple[frozenset[str], float]]:
    """Question words → (their stems, weight = idf, lowered for words that come from the history)."""
    weights: dict[str, tuple[frozenset[str], float]] = {}
    for text, factor in [(h, answer_weights.HISTORY_WEIGHT) for h in history[-1:]] + [(question.text, 1.0)]:
        for w in lexicon.asked_words(text):
            stems = word_stems(w)
            weight = max(weights.get(w, (stems, 0.0))[1], index.idf(stems) * factor)
            weights[w] = (stems.union(*(word_stems(s) for s in lexicon.synonyms(w))), weight)
    return weights


def _translated(
    weights: dict[str, tuple[frozenset[str], float]], translations: dict[str, list[str]]
) -> dict[str, tuple[frozenset[str], float]]:
    """``weights`` with each word's stems joined by the stems of its translations."""
    out = dict(weights)
    for word, found in translations.items():
        if word in out:
            stems, weight = out[word]
            out[word] = (stems.union(*(word_stems(t) for t in found)), weight)
    return out


def about_others(index: Index, meta: dict, name: str) -> bool:
    """The whole document of the passage with metadata ``meta`` never names the institution ``name``, and it names
    another institution of the index or its publisher's documents are mostly about another
    (:meth:`~planwijzer.assistant.retrieval.Index.home_words`): it is about them, not about ``name``. A document of
    no known institution that names none may still be about it."""
    token = name.lower()
    words = index.document_words(str(meta.get("doc_id")))
    if lexicon.inflected_as(token, words):
        return False
    home = index.home_words(str(meta.get("institution") or ""))
    if lexicon.inflected_as(token, home):
        return False
    return bool((words & index.institution_words()) | home)


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
    same_language = not in_other_language(question, hit)
    institutions = index.institution_words() if answer_weights.INSTITUTION_IS_HARD else frozenset()
    missing = []
    for c in question.constraints:
        if c.kind in {"name", "acronym"} and lexicon.inflected_as(
            c.token.lower(), institutions, answer_weights.INSTITUTION_LONGER
        ):
            # an institution the index knows ("Utrecht", "Radboud"): a proper name, the same in both languages.
            # A passage whose text names other institutions and not this one is about them and does not answer;
            # one that names none may be about it (a student paper's article need not repeat the university's name)
            words = words if words is not None else set(re.findall(r"[a-zà-ÿ]{3,}", lowered))
            if not lexicon.inflected_as(c.token.lower(), words):
                named = {w for w in re.findall(r"[a-zà-ÿ]{4,}", text_scope.lower()) if w in institutions}
                hard = bool(named) or (answer_weights.INSTITUTION_IN_DOCUMENT and about_others(index, meta, c.token))
                missing.append(Constraint("institution" if hard else "name", c.token))
            continue
        if c.kind == "number":
            ok = any(n in lowered for n in _decimal_forms(c.token)) or _in_short_range(c.token, lowered)
        elif c.kind == "month":
            ok = int(c.token) in patterns.months_in(scope)
        elif c.kind == "acronym":
            ok = re.search(rf"\b{re.escape(c.token)}", scope) is not None or lexicon.spells_out(c.token, scope)
        else:
            if not same_language:
                continue
            words = words if words is not None else set(re.findall(r"[a-zà-ÿ]{3,}", lowered))
            parts = [p for p in c.token.split("-") if len(p) >= 3] if "-" in c.token else [c.token]
            ok = all(lexicon.inflected_as(p, words) for p in parts)  # "well-being": both of its parts
        if not ok:
            missing.append(c)
    return missing


def _decimal_forms(number: str) -> set[str]:
    """``number`` as either language writes it: "16,3" and "16.3" (a decimal comma in Dutch, a point in English)."""
    return {number, number.replace(",", "."), number.replace(".", ",")}


def _in_short_range(year: str, text: str) -> bool:
    """``year`` written as the end of a short range: "2023" in "2022-23", "2022/23" (a study year)."""
    if not re.fullmatch(r"(?:19|20)\d\d", year):
        return False
    return re.search(rf"\b{int(year) - 1}\s*[-/–]\s*{year[2:]}\b", text) is not None


def _constraint_penalty(missing: list[Constraint]) -> float:
    return sum(
        answer_weights.HARD_MISS_PENALTY if c.kind in HARD_CONSTRAINTS else answer_weights.SOFT_MISS_PENALTY
        for c in missing
    )


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
    translations: dict[str, list[str]] | None = None,
) -> list[Candidate]:
    """Every sentence of the top passages, scored as an answer to ``question`` (best first).

    A sentence's coverage counts the question words it contains in full, and words found only in the
    sentence before it or in the passage's title/heading at half weight (context that "Dat bedrag …"
    relies on). Its similarity is the cosine between the question and the stored sentence embedding.
    ``bonus`` adds to the score of given sentences (decision sentences that answer the question). In a passage of
    the other language a question word also counts when one of its ``translations`` occurs
    (:func:`planwijzer.assistant.translation.translate`).
    """
    bonus = bonus or {}
    weights = _term_weights(question, history, index)
    asks_end = question.kind == "date" and lexicon.asks_period_end(question.text)

    person = question.kind == "who" and lexicon.ASKS_PERSON.search(question.text) is not None
    names = index.name_words() if person and answer_weights.NAME_WITHOUT_PERSON < 1.0 else frozenset()

    def asked_fact(text: str) -> float:
        """:func:`fact_match`; for "when will it end", a period's end ("until 2024") in full, another date half; for
        "who wrote …", a name that is no person's as ``NAME_WITHOUT_PERSON``."""
        found = fact_match(question.kind, text, question.day, question.year)
        if names and found and not lexicon.names_a_person(text, names):
            return found * answer_weights.NAME_WITHOUT_PERSON
        if not asks_end:
            return found
        return 1.0 if lexicon.states_period_end(text) else found * answer_weights.YEAR_AS_DATE

    across = _translated(weights, translations or {})
    total = sum(w for _, w in weights.values()) or 1.0
    top_score = hits[0].score if hits else 1.0
    stored = index.sentences_of([h.chunk_id for h in hits], vector)
    best: dict[str, Candidate] = {}
    for rank, hit in enumerate(hits):
        context = text_stems(" ".join(str(hit.meta.get(k) or "") for k in ("title", "heading")))
        missing = missing_constraints(question, hit, index)
        penalty = _constraint_penalty(missing)
        cross = in_other_language(question, hit)
        lexical_weight = answer_weights.CROSS_LEXICAL_WEIGHT if cross else answer_weights.LEXICAL_WEIGHT
        terms = across if cross else weights
        # a compound's tail only in Dutch text: in English "vision" is not in "supervision"
        compounds = str(hit.meta.get("language") or "nl") == "nl" or not answer_weights.TAILS_IN_DUTCH_ONLY
        sentences = stored.get(hit.chunk_id) or [Sentence(i, t, 0.0) for i, t in enumerate(split_sentences(hit.text))]
        prev: frozenset[str] = frozenset()
        for i, sent in enumerate(sentences):
            if patterns.addresses_a_model(sent.text):  # a planted instruction is data, never an answer
                continue
            stems = text_stems(sent.text)
            own = frozenset(w for w, (st, _) in terms.items() if contains_word(stems, st, compounds))
            around = frozenset(w for w, (st, _) in terms.items() if contains_word(prev | context, st, compounds)) - own
            prev = stems
            if lexicon.is_non_answer(sent.text):  # a question, heading, bullet stub or navigation line: context only
                continue
            if _looks_like_contents(sent.text) and question.kind != "where":
                continue  # a table of contents answers only "in which section"
            coverage = (
                sum(weights[w][1] for w in own) + answer_weights.CONTEXT_WEIGHT * sum(weights[w][1] for w in around)
            ) / total
            similarity = min(1.0, max(0.0, (sent.similarity - answer_weights.SIM_FLOOR) / answer_weights.SIM_RANGE))
            length_penalty = (
                answer_weights.SHORT_PENALTY
                if len(sent.text) < answer_weights.SHORT_CHARS
                else (answer_weights.LONG_PENALTY if len(sent.text) > answer_weights.LONG_CHARS else 0.0)
            )
            if _looks_like_contents(sent.text):
                length_penalty += answer_weights.CONTENTS_PENALTY
            score = (
                lexical_weight * coverage
                + (1 - lexical_weight) * similarity
                + answer_weights.FACT_WEIGHT * asked_fact(sent.text)
                + answer_weights.RANK_WEIGHT * (hit.score / top_score)
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
            cand.next_joined = i + 1 < len(sentences) and joined(hit.text, sent.text, sentences[i + 1].text)
            if sent.text not in best or best[sent.text].score < score:
                best[sent.text] = cand
    return sorted(best.values(), key=lambda c: (-c.score, -c.similarity))  # a tie goes to the closer in meaning
