"""Decision records as answer evidence for *wanneer/when* and *wie/who* questions about a decision.

A question asks about a decision when it wants a date or a body (``Question.kind`` ``date`` or ``who``)
and names a decision act ("stemde in", "goedgekeurd", "approve", "decide", ...) or a deciding body
("Universiteitsraad", "the ministry", ...). For such a question the records of ``decisions.sqlite3``
(see ``ingest/decisions.py``) are matched against it:

* **body**: a body the question names must be the record's body (for *who* questions a named body only
  counts in the record's favour, since the question may name the body the decision was about);
* **act**: an act the question names must be the record's act, or a related one (consent, approve,
  adopt and agree are all a "yes" to a plan; *decide* covers every act) at a lower score;
* **subject**: the question's remaining words (its topic), stemmed as BM25 stems them (``ingest/tokens.py``)
  and weighted by their rarity in the index, must largely occur in the record's subject or sentence,
  or, across languages, the record's sentence must be close to the question in meaning (its stored
  sentence embedding). Subject words the question does not mention count against a record ("aanvullend"
  when the question asks about the original plan). A question that names a body but no act must be covered
  almost entirely ("Wanneer besprak de raad het plan?" is about a meeting, not about the decision).

The source chunks of the best matching records join the passages the extractive answerer reads, and
their decision sentences get a bonus in proportion to the match, so the decision sentence becomes the
answer unless a retrieved sentence is clearly better. Records are only taken from chunks that pass the
question's filters, exactly as retrieval does. A negated record ("stemde niet in") is quoted as it
stands, so the answer says what was (not) decided; a positive question prefers a positive record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from planwijzer.assistant.candidates import in_other_language
from planwijzer.assistant.decision_timeline import sentence_vectors, timeline, vector_of
from planwijzer.assistant.lexicon import HOLDS_NOW, KIND_CUES
from planwijzer.assistant.question import Question
from planwijzer.assistant.retrieval import Filters, Hit, Index
from planwijzer.ingest.decisions import Decision, find_bodies
from planwijzer.ingest.tokens import contains_word, content_words, text_stems, word_stems

DECISION_KINDS = frozenset({"date", "who"})
MAX_RECORDS = 2
"""Decision sentences added as evidence per question: the best match, and the same decision in another passage
(the Dutch and the English page stating it)."""
BONUS = 0.3
"""Score bonus of a decision sentence at a perfect match (the answerer's sentence scores run to about 1.5)."""
MIN_TOPIC = 0.5
"""Share of the question's topic a record must cover (in words or, scaled, in meaning)."""
MIN_TOPIC_WITHOUT_ACT = 0.9
"""The same when the question names a body but no act ("Wanneer besprak de raad X?" is not about a decision)."""
RELATED_ACT = 0.6
EXTRA_SUBJECT_PENALTY = 0.3
NEGATION_MISMATCH = 0.8
SIM_FLOOR, SIM_RANGE = 0.80, 0.08
"""Cosine similarity (multilingual e5) mapped onto 0..1 for the cross-language topic match."""
CONTEXT_WEIGHT = 0.5

_ACT_CUES: list[tuple[str, str]] = [
    (
        "consent",
        r"\binstem\w*|\bingestemd\b|\bstem(?:de|den|t)?\b(?:\s+\w+){0,8}?\s+in\s+met\b|\bconsent\w*|\bakkoord\b",
    ),
    ("approve", r"\bgoedkeur\w*|\bgoedgekeurd\b|\bkeur(?:de|den|t)?\b(?:\s+\w+){0,8}?\s+goed\b|\bapprov\w*"),
    ("decide", r"\bbeslo\w*|\bbesluit\w*|\bbeslis\w*|\bdecid\w*|\bdecision\w*"),
    (
        "adopt",
        r"\bvaststel\w*|\bvastgesteld\b|\bstel(?:de|den|t)?\b(?:\s+\w+){0,8}?\s+vast\b|\badopt\w*|\baangenomen\b",
    ),
    ("assess", r"\bbeoordee?l\w*|\boordeel\w*|\bassess\w*"),
    (
        "reject",
        r"\bverwerp\w*|\bverworpen\b|\bafgewezen\b|\bafwijz\w*|\bwees\b(?:\s+\w+){0,8}?\s+af\b|\breject\w*"
        r"|\bstem(?:de|den|t)?\b(?:\s+\w+){0,8}?\s+tegen\b|\btegengestemd\b|\bvot\w*\s+against\b",
    ),
    ("agree", r"\bakkoord\b|\bovereenkomst\b|\bagree\w*|\bafspra(?:ak|ken)\b"),
]
_ACT_RE = [(name, re.compile(pattern, re.I)) for name, pattern in _ACT_CUES]
_ACT_FAMILY = {
    "assess": {"assess_positively", "assess_negatively"},
}
_YES = {"consent", "approve", "adopt", "agree"}
_POSITIVE = re.compile(r"\bpositie\w*", re.I)
_NEGATIVE = re.compile(r"\bnegatie\w*", re.I)
_NEGATIVE_QUESTION = re.compile(r"\b(?:niet|geen|nooit|not|never)\b|n't\b", re.I)
_FILLER = frozenset(
    "gaf gaven geven gegeven kreeg kregen krijgen gekregen ging gingen gaan gegaan deed deden doen gedaan nam namen "
    "genomen datum jaar maand dag positief negatief positive positively negative negatively gave give given got get "
    "receive received took take taken made make date year month day body orgaan instantie".split()
)


@dataclass(frozen=True)
class DecisionQuestion:
    """What a question asks about a decision: the bodies and acts it names, its topic words, its negation."""

    bodies: frozenset[str]
    acts: frozenset[str]
    negated: bool
    topic: dict[str, tuple[frozenset[str], float]]
    """Topic word → (its Dutch and English stems, weight); the question's own words weigh 1, context words less."""


@dataclass
class Evidence:
    """A decision record that answers the question, the passage it comes from and how well it matches (0..1)."""

    record: Decision
    hit: Hit
    match: float
    earlier: bool = False
    """For a "what holds now" question: the decision the latest one continues, named alongside it."""

    @property
    def bonus(self) -> float:
        return BONUS * self.match


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for s, e in spans:
        chars[s:e] = " " * (e - s)
    return "".join(chars)


def question_acts(text: str) -> tuple[frozenset[str], list[tuple[int, int]]]:
    """The decision acts ``text`` names (canonical, as in ``ingest/decisions.py``) and where it names them."""
    acts: set[str] = set()
    spans: list[tuple[int, int]] = []
    for name, pattern in _ACT_RE:
        for m in pattern.finditer(text):
            acts |= _ACT_FAMILY.get(name, {name})
            if name == "assess" and _POSITIVE.search(text) and not _NEGATIVE.search(text):
                acts.discard("assess_negatively")
            elif name == "assess" and _NEGATIVE.search(text) and not _POSITIVE.search(text):
                acts.discard("assess_positively")
            # a separable verb ("keurde … goed"): only its two parts, not the words between them
            first, last = m.group(0).split()[0], m.group(0).split()[-1]
            spans += [(m.start(), m.start() + len(first)), (m.end() - len(last), m.end())]
    return frozenset(acts), spans


def _topic_words(text: str) -> list[str]:
    """The words of ``text`` left when bodies, acts and the question cue are taken out."""
    spans = [(s, e) for s, e, _ in find_bodies(text)]
    spans += question_acts(text)[1]
    for _, pattern in KIND_CUES:
        spans += [(m.start(), m.end()) for m in pattern.finditer(text)]
    return [w for w in content_words(_blank(text, spans)) if w not in _FILLER]


def decision_question(question: Question, index: Index, context: list[str] | None = None) -> DecisionQuestion | None:
    """The decision ``question`` asks about, or None when it is not a *when/who* question about a decision.

    ``context`` (the earlier question of a follow-up, or the whole of a compound question) adds topic
    words at a lower weight.
    """
    if question.kind not in DECISION_KINDS:
        return None
    bodies = frozenset(name for _, _, name in find_bodies(question.text))
    acts, _ = question_acts(question.text)
    if not bodies and not acts:
        return None
    topic: dict[str, tuple[frozenset[str], float]] = {}
    for text, factor in [(c, CONTEXT_WEIGHT) for c in context or [] if c.strip()] + [(question.text, 1.0)]:
        for w in _topic_words(text):
            stems = word_stems(w)
            weight = index.idf(stems) * factor
            topic[w] = (stems, max(weight, topic.get(w, (stems, 0.0))[1]))
    return DecisionQuestion(bodies, acts, bool(_NEGATIVE_QUESTION.search(question.text)), topic)


def _act_score(asked: DecisionQuestion, act: str) -> float:
    if not asked.acts:
        return 1.0
    if act in asked.acts:
        return 1.0
    if "decide" in asked.acts or act == "decide" or (act in _YES and asked.acts & _YES):
        return RELATED_ACT
    return 0.0


def _topic_share(asked: DecisionQuestion, rec: Decision) -> float:
    """The weighted share of the question's topic that ``rec`` covers: words of its subject and date in full,
    words found only elsewhere in its sentence (context such as an earlier plan it refers to) at half weight."""
    total = sum(w for _, w in asked.topic.values())
    if not total:
        return 1.0
    sentence = text_stems(rec.sentence)
    own = text_stems(f"{rec.subject} {rec.date_text}") if rec.subject.strip() else sentence  # no subject: the sentence
    found = 0.0
    for stems, w in asked.topic.values():
        if contains_word(own, stems):
            found += w
        elif contains_word(sentence, stems):
            found += CONTEXT_WEIGHT * w
    return found / total


def _extra_share(asked: DecisionQuestion, subject: str, index: Index) -> float:
    """The weighted share of the record's subject words that the question does not mention."""
    wanted = [stems for stems, _ in asked.topic.values()]
    weights = [
        (index.idf(word_stems(w)), any(contains_word(word_stems(w), stems) for stems in wanted))
        for w in content_words(subject)
    ]
    total = sum(w for w, _ in weights)
    return sum(w for w, hit in weights if not hit) / total if total else 0.0


def _chunk_hit(index: Index, chunk_id: str, retrieved: dict[str, Hit], floor: float) -> Hit | None:
    """The passage ``chunk_id`` as a hit: the retrieved one if retrieval found it, else scored at ``floor``."""
    if chunk_id in retrieved:
        return retrieved[chunk_id]
    lex = index.lexical
    pos = index.row_of(chunk_id)
    if pos is None:
        return None
    return Hit(chunk_id, lex.texts[pos], dict(lex.metas[pos]), floor)


def find_evidence(
    index: Index,
    question: Question,
    filters: Filters | None,
    vector: list[float],
    retrieved: list[Hit],
    context: list[str] | None = None,
) -> list[Evidence]:
    """The decision records that answer ``question`` (best first, at most :data:`MAX_RECORDS`), or none.

    ``retrieved`` are the ranked hits of the question's search: a record's passage found there keeps its
    retrieval score, any other gets the lowest score among them.
    """
    if HOLDS_NOW.search(question.text):
        chain = holds_now_evidence(index, question, filters or Filters(), vector, retrieved)
        if chain:
            return chain
    asked = decision_question(question, index, context)
    if asked is None:
        return []
    filters = filters or Filters()
    by_id = {h.chunk_id: h for h in retrieved}
    floor = min((h.score for h in retrieved), default=1.0)
    pool: list[tuple[Decision, Hit, float, float]] = []
    seen: set[tuple[str, str]] = set()
    for rec in sorted(index.decisions(dedupe=False), key=lambda r: r.chunk_id not in by_id):
        if rec.date_basis != "sentence" or (rec.doc_id, rec.sentence) in seen:  # evidence the sentence itself dates
            continue
        body_ok = rec.body in asked.bodies
        if asked.bodies and not body_ok and question.kind != "who":
            continue
        act = _act_score(asked, rec.act)
        if act == 0.0:
            continue
        hit = _chunk_hit(index, rec.chunk_id, by_id, floor)
        if hit is None or not filters.matches(hit.meta):
            continue
        seen.add((rec.doc_id, rec.sentence))
        lexical = _topic_share(asked, rec)
        pool.append((rec, hit, act, lexical))
    if not pool:
        return []
    sims = index.sentences_of(sorted({hit.chunk_id for _, hit, _, _ in pool}), vector)
    scored: list[Evidence] = []
    for rec, hit, act, lexical in pool:
        topic = lexical
        if in_other_language(question, hit):
            # words do not carry across languages: the stored sentence embedding (multilingual) does
            sim = max((s.similarity for s in sims.get(hit.chunk_id, []) if s.text == rec.sentence), default=0.0)
            topic = max(lexical, min(1.0, max(0.0, (sim - SIM_FLOOR) / SIM_RANGE)))
        if asked.topic and topic < (MIN_TOPIC if asked.acts else MIN_TOPIC_WITHOUT_ACT):
            continue
        if not asked.topic and not (rec.body in asked.bodies and asked.acts):
            continue  # "Wanneer besloot de raad?" needs both the body and the act to pin a record down
        parts = [act, topic] + ([1.0 if rec.body in asked.bodies else 0.5] if asked.bodies else [])
        match = sum(parts) / len(parts) - EXTRA_SUBJECT_PENALTY * _extra_share(asked, rec.subject, index)
        if rec.negated != asked.negated:
            match *= NEGATION_MISMATCH
        if match > 0:
            scored.append(Evidence(rec, hit, min(1.0, match)))
    # equal matches: the sentence that states its date in full ("6 december 2021", not "6 december" dated by
    # its document) answers on its own, so it goes first
    scored.sort(key=lambda e: (-e.match, not _states_year(e.record), e.record.date))
    if not scored:
        return []
    best = scored[0]
    same = [e for e in scored[1:] if _decision_key(e.record) == _decision_key(best.record)]
    return [best, *same][:MAX_RECORDS]


CHAIN_SIMILARITY = 0.80
"""The least cosine (multilingual e5) between a "what holds now" question and a decision of a chain for the chain to
answer it (the floor of the cross-language topic match, :data:`SIM_FLOOR`)."""


def holds_now_evidence(
    index: Index, question: Question, filters: Filters, vector: list[float], retrieved: list[Hit]
) -> list[Evidence]:
    """For a "what holds now" question: the latest decision of the chain closest to the question (a decision that
    continues an earlier one, see :mod:`assistant.decision_timeline`) and the decision it continues, or none when no
    chain comes close enough (:data:`CHAIN_SIMILARITY`) or the question names nothing of what the chain decided (a
    word of their subjects: "Wie is de huidige voorzitter van de raad?" asks about a person, not a plan)."""
    asked = {s for w in content_words(HOLDS_NOW.sub(" ", question.text)) for s in word_stems(w)}
    by_id = {h.chunk_id: h for h in retrieved}
    floor = min((h.score for h in retrieved), default=1.0)
    records = []
    for rec in index.decisions():
        hit = _chunk_hit(index, rec.chunk_id, by_id, floor)
        if hit is not None and filters.matches(hit.meta):
            records.append(rec)
    vectors = sentence_vectors(index, records)
    entries = timeline(index, records)
    continued = {id(e.continues) for e in entries if e.continues is not None}
    latest = [e for e in entries if e.continues is not None and id(e) not in continued]  # the ends of chains
    if not latest:
        return []
    query = np.asarray(vector, dtype=np.float32)

    def closeness(entry) -> float:
        v = vector_of(vectors, entry.record)
        return float(v @ query) if v is not None else 0.0

    def about(entry) -> bool:
        subjects = f"{entry.record.subject} {entry.continues.record.subject}"
        return bool(asked & text_stems(subjects))

    latest = [e for e in latest if about(e)]
    if not latest:
        return []
    best = max(latest, key=closeness)
    if closeness(best) < CHAIN_SIMILARITY:
        return []
    out = []
    for entry, match, earlier in ((best, 1.0, False), (best.continues, 0.9, True)):
        hit = _chunk_hit(index, entry.record.chunk_id, by_id, floor)
        if hit is not None:
            out.append(Evidence(entry.record, hit, match, earlier))
    return out


def _states_year(rec: Decision) -> bool:
    """The record's sentence writes the year of its date (rather than taking it from the document's date)."""
    return rec.date[:4] in rec.date_text


def _decision_key(rec: Decision) -> tuple:
    return (rec.date, rec.body, rec.act, rec.negated)


def with_evidence(hits: list[Hit], evidence: list[Evidence]) -> list[Hit]:
    """``hits`` followed by the passages of ``evidence`` that are not among them yet."""
    out = list(hits)
    have = {h.chunk_id for h in out}
    for ev in evidence:
        if ev.hit.chunk_id not in have:
            out.append(ev.hit)
            have.add(ev.hit.chunk_id)
    return out


def sentence_bonus(evidence: list[Evidence]) -> dict[str, float]:
    """Decision sentence → its score bonus (the highest when two records share a sentence)."""
    out: dict[str, float] = {}
    for ev in evidence:
        out[ev.record.sentence] = max(out.get(ev.record.sentence, 0.0), ev.bonus)
    return out
