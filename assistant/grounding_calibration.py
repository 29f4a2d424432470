"""Measure the grounding check's closeness thresholds on labelled (sentence, cited passage, supported?) pairs.

The pairs are built from a real index and a questions file, with no model in the loop:

* **supported** — each sentence of the extractive answer to a question, paired with the passage it was taken
  from, as written (``verbatim``) and in four general rewrites that keep its facts: clauses moved
  (``reordered``), a quarter of the plain words dropped (``dropped``), only its longest clause (``compressed``)
  and common words swapped into the other language with a small glossary (``glossed``, a rough stand-in for a
  paraphrase across Dutch and English);
* **unsupported** — the same sentences paired with another passage ranked high for the same question but from
  another document (``hard``), and with a random passage of another document (``random``). A passage that holds
  every date and number of the sentence, or a near-copy of it, is not used as a negative: it may state the same
  fact (the English version of a Dutch page, a newer version of the same page);
* optionally, real model sentences labelled by hand (``tests/fixtures/smollm2_calibration.json``).

For each pair it computes the two features the check uses (:func:`assistant.grounding.lexical_overlap` and the
cosine to the passage's closest stored sentence, as :func:`assistant.grounding.index_similarity`), then picks the
thresholds that keep at least ``target`` of the supported pairs while removing as many unsupported ones as
possible. Reproduce with ``planwijzer eval QUESTIONS --calibrate-grounding`` or
``python -m planwijzer.assistant.grounding_calibration QUESTIONS --index DIR``.
"""

from __future__ import annotations

import argparse
import difflib
import json
import random
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
from planwijzer.assistant import grounding
from planwijzer.assistant.answer import answer_question, cross_prefix
from planwijzer.assistant.answer_weights import RANKED_HITS
from planwijzer.assistant.evaluation import load_questions
from planwijzer.assistant.grounding import MARKER, Source
from planwijzer.assistant.retrieval import Index
from planwijzer.ingest.sentences import split_sentences

from planwijzer.config import PROJECT_ROOT, Settings, get_settings
from planwijzer.messages import LANGUAGES

TARGET_RECALL = 0.95
"""Share of supported pairs the chosen thresholds must keep."""
LEXICAL_GRID = [round(x * 0.05, 2) for x in range(21)]
SIMILARITY_GRID = [round(0.75 + x * 0.005, 3) for x in range(51)]
"""Candidate thresholds (a threshold of 1.0 for word overlap keeps only sentences whose every content word occurs in
the passage)."""
OFF = 1.01
GRID_LEXICAL = (0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
GRID_SIMILARITY = (0.88, 0.9, 0.91, 0.92, 0.93, 0.94, 0.95, 0.96)
"""The rows and columns of the report's table of both rules together."""
"""A threshold that switches one feature off, for the tables of each feature alone."""
POSITIVE_KINDS = ("verbatim", "reordered", "dropped", "compressed", "glossed", "framed", "paraphrased", "merged")
NEGATIVE_KINDS = ("hard", "random")
NEAR_COPY = 0.75
"""difflib ratio above which a passage sentence counts as a near-copy of the answer sentence."""
DEFAULT_EXTRA = PROJECT_ROOT / "tests" / "fixtures" / "smollm2_calibration.json"

_KEEP = {"niet", "geen", "nooit", "zonder", "not", "no", "never", "without", "nor", "noch"}
"""Words never dropped by a rewrite: they carry the meaning."""
_GLOSSARY = {
    "de": "the", "het": "the", "een": "a", "van": "of", "en": "and", "in": "in", "met": "with", "voor": "for",
    "op": "on", "door": "by", "aan": "to", "is": "is", "zijn": "are", "werd": "was", "worden": "are",
    "wordt": "is", "heeft": "has", "hebben": "have", "ook": "also", "alle": "all", "elk": "each", "jaar": "year",
    "jaarlijks": "annually", "universiteit": "university", "universiteiten": "universities",
    "student": "student", "studenten": "students", "docenten": "lecturers", "docent": "lecturer",
    "onderwijs": "education", "kwaliteit": "quality", "kwaliteitsafspraken": "quality agreements",
    "bestedingsplan": "implementation plan", "plan": "plan", "middelen": "funds", "geld": "money",
    "besluit": "decision", "ingestemd": "consented", "instemming": "consent", "goedgekeurd": "approved",
    "faculteiten": "faculties", "faculteit": "faculty", "opleidingen": "programmes", "opleiding": "programme",
    "raad": "council", "universiteitsraad": "university council", "bestuur": "board", "ministerie": "ministry",
    "nieuwe": "new", "extra": "extra", "meer": "more", "kleinere": "smaller", "begeleiding": "guidance",
    "welzijn": "well-being", "ondersteuning": "support", "verslag": "report", "jaarverslag": "annual report",
    "samenwerking": "cooperation", "ontwikkeling": "development", "investeringen": "investments",
}  # fmt: skip
_GLOSS = {"nl": _GLOSSARY, "en": {v: k for k, v in _GLOSSARY.items() if " " not in v}}
_SYNONYMS = {
    "nl": {
        "ingestemd": "akkoord gegaan", "instemming": "goedkeuring", "goedgekeurd": "aanvaard",
        "goedkeuring": "fiat", "besloten": "bepaald", "besluit": "beslissing", "studenten": "studerenden",
        "docenten": "leraren", "universiteit": "instelling", "plan": "voorstel", "middelen": "gelden",
        "geld": "budget", "aanvullend": "extra", "aanvullende": "extra", "jaarlijks": "ieder jaar",
        "verbeteren": "versterken", "versterken": "verbeteren", "gericht": "bedoeld", "belangrijk": "essentieel",
        "ondersteuning": "hulp", "begeleiding": "ondersteuning", "opleidingen": "studies", "investeert": "belegt",
        "kleinere": "minder grote", "werkgroepen": "groepen", "periode": "tijd", "overleg": "gesprekken",
        "intensief": "uitgebreid", "vervolg": "voortzetting", "oorspronkelijke": "eerste", "positief": "gunstig",
        "beoordeeld": "geëvalueerd", "verschillende": "diverse", "gemoeid": "betrokken", "samen": "gezamenlijk",
        "uitgevoerd": "verricht", "ontvangen": "gekregen", "gestart": "begonnen", "nieuwe": "verse",
        "ambities": "doelen", "afspraken": "overeenkomsten", "rapportage": "verslag", "faculteiten": "faculteiten",
    },
    "en": {
        "approved": "endorsed", "consented": "agreed", "students": "learners", "lecturers": "teachers",
        "staff": "employees", "university": "institution", "plan": "proposal", "funds": "resources",
        "money": "budget", "additional": "extra", "supplementary": "additional", "annual": "yearly",
        "annually": "every year", "improve": "strengthen", "support": "assistance", "programmes": "courses",
        "education": "teaching", "invest": "spend", "smaller": "less large", "groups": "teams",
        "period": "time", "consultation": "discussion", "intensive": "extensive", "initiatives": "projects",
        "well-being": "welfare", "appoint": "hire", "together": "jointly", "derives": "stems", "started": "began",
        "received": "got", "decided": "resolved", "important": "essential", "aims": "goals", "new": "fresh",
        "agreements": "arrangements", "report": "account", "various": "diverse", "carried": "performed",
    },
}  # fmt: skip
"""Near-synonyms for the ``paraphrased`` rewrite (general words of policy documents, both languages)."""
_FRAMES = {
    "nl": ["Volgens de documenten: {s}", "In de bron staat: {s}", "De stukken melden het volgende: {s}"],
    "en": ["According to the documents, {s}", "The source says that {s}", "The documents report that {s}"],
}
"""Framings a model puts around a sentence it takes from a source."""
_RELATIVE = {"who", "which", "that", "whose", "where", "die", "dat", "wie", "wat", "waarin", "waarmee", "waarbij"}
_PREPOSITIONS = r"in|op|voor|met|door|bij|tijdens|na|vanaf|per|on|for|with|by|at|during|after|from|since"


@dataclass
class Pair:
    """One labelled point: a sentence, the passage it is checked against, and the check's features."""

    question: int
    """Index of the question the sentence came from (for the held-out split)."""
    kind: str
    supported: bool
    sentence: str
    chunk_id: str
    lexical: float = 0.0
    similarity: float = 0.0
    facts_ok: bool = True
    """Every date, number and name of the sentence occurs in the passage (the check's other rule)."""


@dataclass
class Rates:
    lexical_min: float
    similarity_min: float
    kept_supported: float | None
    """Recall of the check: share of supported pairs kept (None: no such pairs)."""
    removed_unsupported: float | None
    removed_hard: float | None
    removed_random: float | None
    precision: float | None
    """Share of the kept pairs that are supported (depends on the mix; see ``counts``)."""


@dataclass
class Calibration:
    """The measured distributions, the threshold table and the chosen thresholds (``to_json`` for ``--json``)."""

    counts: dict[str, int]
    distributions: dict[str, dict[str, list[float]]]
    chosen: Rates
    configured: Rates
    chosen_full_check: Rates
    """The chosen thresholds with the facts rule as well (what users get)."""
    lexical_only: list[Rates]
    similarity_only: list[Rates]
    grid: list[Rates]
    """Both rules together around the usual choices (the ROC-ish table of the check)."""
    held_out: list[dict]
    per_kind: dict[str, dict[str, float]]
    skipped: dict[str, int] = field(default_factory=dict)
    target: float = TARGET_RECALL

    def to_json(self) -> dict:
        return asdict(self)


# -- building the pairs -----------------------------------------------------------------------------------------
def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _strip_cross_prefix(text: str, language: str) -> str:
    for source in LANGUAGES:
        prefix = cross_prefix(language, source)
        if text.startswith(prefix):
            return text[len(prefix) :]
    return text


def answer_sentences(index: Index, questions: Sequence[dict]) -> tuple[list[tuple[int, str, str, object]], int]:
    """``(question number, language, sentence, hit)`` for every sentence of the extractive answers that occurs
    in its cited passage, without duplicates; and how many sentences were left out (not in their passage)."""
    out, seen, skipped = [], set(), 0
    for qi, q in enumerate(questions):
        ans = answer_question(index, q["question"], max_chars=index.settings.answer.max_chars)
        if ans.abstained:
            continue
        by_n = {c.n: c.chunk_id for c in ans.citations}
        hits = {h.chunk_id: h for h in ans.hits}
        for raw in grounding.split_answer(_strip_cross_prefix(ans.answer, ans.language)):
            cited = [by_n[n] for n in grounding.markers(raw) if n in by_n]
            sentence = _norm(MARKER.sub(" ", raw)).rstrip(" ")
            sentence = re.sub(r"\s+([.!?])$", r"\1", sentence)
            hit = hits.get(cited[0]) if cited else None
            if hit is None or _norm(sentence).rstrip(".!?") not in _norm(hit.text):
                skipped += 1
                continue
            if (sentence, hit.chunk_id) not in seen:
                seen.add((sentence, hit.chunk_id))
                out.append((qi, ans.language, sentence, hit))
    return out, skipped


def _words(sentence: str) -> list[str]:
    return sentence.rstrip(".!?").split()


def _is_fact_word(word: str) -> bool:
    bare = word.strip("()[],;:.'\"‘’“”")
    return not bare or bare[0].isdigit() or bare[0].isupper() or bare.lower() in grounding.MONTH_NUMBERS


def _sentence(words: list[str], end: str = ".") -> str:
    text = " ".join(words).strip(" ,;:")
    return text[:1].upper() + text[1:] + end if text else ""


def _lower_first(words: list[str], names: set[str]) -> list[str]:
    first = words[0]
    if first.strip("()'\"") not in names and len(first) > 1 and first[1:2].islower():
        return [first[:1].lower() + first[1:], *words[1:]]
    return words


def reordered(sentence: str) -> str | None:
    """The sentence with a phrase moved: an inserted clause (", na een periode van overleg,") to the front, a
    leading dated phrase ("Op 6 december 2021") to the end, a closing prepositional phrase to the front, or the
    two halves around ", en" / ", and" swapped; None when none applies."""
    names = set(grounding.names(sentence))
    body = sentence.rstrip(".!?")
    m = re.search(rf",\s+((?:{_PREPOSITIONS}|na|after|volgens|according)\s[^,]{{4,60}}),\s+", body, re.I)
    if m:
        rest = (body[: m.start()] + " " + body[m.end() :]).split()
        return _sentence([*m.group(1).split(), *_lower_first(rest, names)])
    m = re.match(rf"((?:{_PREPOSITIONS})\s+(?:\S+\s+){{0,3}}?\d{{4}}),?\s+(.{{10,}})$", body, re.I)
    if m:
        return _sentence([*m.group(2).split(), *_lower_first(m.group(1).split(), names)])
    m = re.search(rf"\s((?:{_PREPOSITIONS})\s+[^,]{{3,40}})$", body, re.I)
    if m and m.start() > 10:
        return _sentence([*m.group(1).split(), *_lower_first(body[: m.start()].split(), names)])
    m = re.search(r",\s+(en|and|maar|but)\s+", body)
    if m:
        first, second = body[: m.start()], body[m.end() :]
        return _sentence([*second.split(), m.group(1), *_lower_first(first.split(), names)])
    return None


def dropped(sentence: str, rng: random.Random, share: float = 0.25) -> str | None:
    """The sentence without a quarter of its plain words (never a date, number, name or negation)."""
    words = _words(sentence)
    plain = [i for i, w in enumerate(words) if not _is_fact_word(w) and w.lower().strip(",;:") not in _KEEP]
    k = max(1, round(len(words) * share))
    if len(plain) < k + 2:
        return None
    gone = set(rng.sample(plain, k))
    return _sentence([w for i, w in enumerate(words) if i not in gone])


def compressed(sentence: str) -> str | None:
    """The sentence's longest clause (split at commas, semicolons, dashes and brackets) when it is a real part."""
    parts = [p.strip() for p in re.split(r",\s+|;\s*|\s[–-]\s|\s*\([^)]*\)\s*", sentence.rstrip(".!?")) if p]
    parts = [p for p in parts if p.split()[0].lower() not in _RELATIVE]
    best = max(parts, key=len, default="")
    if len(best.split()) < 5 or len(best) > 0.8 * len(sentence):
        return None
    return _sentence(best.split())


def glossed(sentence: str, language: str) -> str | None:
    """The sentence with its common words put into the other language (Dutch ↔ English) by a small glossary:
    a rough, general stand-in for a paraphrase across languages. None when fewer than three words change."""
    table = _GLOSS.get(language, {})
    out, changed = [], 0
    for word in _words(sentence):
        core = word.strip(",;:()")
        swap = table.get(core.lower())
        if swap and core.lower() == core and swap != core:
            out.append(word.replace(core, swap))
            changed += 1
        else:
            out.append(word)
    return _sentence(out) if changed >= 3 else None


def _swap_words(sentence: str, table: dict[str, str]) -> tuple[str, int]:
    out, changed = [], 0
    for word in _words(sentence):
        core = word.strip(",;:()")
        swap = table.get(core.lower())
        if swap and swap != core.lower() and not _is_fact_word(word):
            out.append(word.replace(core, swap))
            changed += 1
        else:
            out.append(word)
    return _sentence(out), changed


def framed(sentence: str, language: str, rng: random.Random) -> str:
    """The sentence inside a framing such as "According to the documents, …"."""
    words = _lower_first(_words(sentence), set(grounding.names(sentence)))
    text = _sentence(words)
    return rng.choice(_FRAMES.get(language, _FRAMES["en"])).format(s=text[:1].lower() + text[1:])


def paraphrased(sentence: str, language: str, rng: random.Random) -> str | None:
    """The heaviest rewrite: clauses moved, near-synonyms swapped in, plain words dropped, and a framing; None when
    no synonym applies."""
    text, changed = _swap_words(reordered(sentence) or sentence, _SYNONYMS.get(language, {}))
    if not changed:
        return None
    return framed(dropped(text, rng, share=0.15) or text, language, rng)


def merged(sentence: str, neighbour: str | None, language: str, rng: random.Random) -> str | None:
    """The sentence and its neighbour in the passage as one sentence (each cut to its longest clause), the way a
    model sums up two sentences; framed half of the time. None without a neighbour of five words or more."""
    if not neighbour or len(neighbour.split()) < 5:
        return None
    first = (compressed(sentence) or sentence).rstrip(".!?")
    second = _words(compressed(neighbour) or neighbour)
    joined = f"{first}, {'en' if language == 'nl' else 'and'} " + " ".join(
        _lower_first(second, set(grounding.names(neighbour)))
    )
    text = _sentence(joined.split())
    return framed(text, language, rng) if rng.random() < 0.5 else text


def neighbour_of(sentence: str, passage: str) -> str | None:
    """The sentence after ``sentence`` in ``passage`` (or the one before it, for the last)."""
    sents = split_sentences(passage)
    target = _norm(sentence).rstrip(".!?")
    at = next((i for i, s in enumerate(sents) if target in _norm(s)), None)
    if at is None or len(sents) < 2:
        return None
    return sents[at + 1] if at + 1 < len(sents) else sents[at - 1]


def variants(sentence: str, language: str, rng: random.Random, neighbour: str | None = None) -> list[tuple[str, str]]:
    """``(kind, text)`` for the sentence and each rewrite that applies to it (``merged`` needs the sentence's
    ``neighbour`` in its passage)."""
    made = {
        "verbatim": sentence,
        "reordered": reordered(sentence),
        "dropped": dropped(sentence, rng),
        "compressed": compressed(sentence),
        "glossed": glossed(sentence, language),
        "framed": framed(sentence, language, rng),
        "paraphrased": paraphrased(sentence, language, rng),
        "merged": merged(sentence, neighbour, language, rng),
    }
    return [(k, v) for k, v in made.items() if v and (k == "verbatim" or _norm(v) != _norm(sentence))]


def _dates_and_numbers(sentence: str) -> bool:
    found, rest = grounding.dates(sentence)
    return bool(found or grounding.numbers(rest))


def may_state_it(sentence: str, passage: str) -> bool:
    """Whether ``passage`` could back ``sentence`` after all: it holds every date and number of a sentence that
    has some, or a near-copy of the sentence. Such passages are not used as unsupported examples."""
    names = set(grounding.names(sentence))
    missing = [m for m in grounding.unsupported_facts(sentence, passage) if m not in names]
    if _dates_and_numbers(sentence) and not missing:
        return True
    target = _norm(sentence).lower()
    return any(
        difflib.SequenceMatcher(None, target, _norm(s).lower()).ratio() >= NEAR_COPY for s in split_sentences(passage)
    )


def _hit_source(hit) -> Source:
    meta = hit.meta
    return Source(1, hit.text, hit.chunk_id, str(meta.get("title") or ""), str(meta.get("heading") or ""))


def build_pairs(index: Index, questions: Sequence[dict], seed: int = 0) -> tuple[list[Pair], dict, dict[str, int]]:
    """The labelled pairs (features not yet computed), the sources by chunk id, and what was left out."""
    rng = random.Random(seed)
    sentences, not_in_passage = answer_sentences(index, questions)
    lex = index.lexical
    sources: dict[str, Source] = {}
    pairs: list[Pair] = []
    skipped = {"answer sentence not in its passage": not_in_passage, "negative that may state it": 0}
    all_positions = list(range(len(lex.ids)))
    for qi, language, sentence, hit in sentences:
        src = _hit_source(hit)
        sources[src.chunk_id] = src
        doc = hit.meta.get("doc_id")
        ranked = [h for h in index.search(questions[qi]["question"], k=RANKED_HITS).hits if h.meta.get("doc_id") != doc]
        hard = []
        for h in ranked:
            if may_state_it(sentence, grounding.source_text([_hit_source(h)])):
                skipped["negative that may state it"] += 1
            else:
                hard.append(h)
        for vi, (kind, text) in enumerate(variants(sentence, language, rng, neighbour_of(sentence, hit.text))):
            pairs.append(Pair(qi, kind, True, text, src.chunk_id))
            if hard:  # the variants take turns over the eligible high-ranked passages
                neg = _hit_source(hard[vi % len(hard)])
                sources[neg.chunk_id] = neg
                pairs.append(Pair(qi, "hard", False, text, neg.chunk_id))
            for _ in range(20):  # a random passage of another document that does not state it
                pos = rng.choice(all_positions)
                meta = lex.metas[pos]
                title, heading = str(meta.get("title") or ""), str(meta.get("heading") or "")
                neg = Source(1, lex.texts[pos], lex.ids[pos], title, heading)
                if meta.get("doc_id") != doc and not may_state_it(sentence, grounding.source_text([neg])):
                    sources[neg.chunk_id] = neg
                    pairs.append(Pair(qi, "random", False, text, neg.chunk_id))
                    break
    return pairs, sources, skipped


def load_extra(path: Path) -> list[dict]:
    """Hand-labelled model sentences: ``[{"sentence", "supported", "source": {"title", "heading", "text"}}]``."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        msg = f"{path}: cannot read the labelled sentences ({exc}); fix the file or leave --extra out"
        raise SystemExit(msg) from exc
    return [d for d in data if {"sentence", "supported", "source"} <= set(d)]


# -- features ---------------------------------------------------------------------------------------------------
def _batched(items: list[str], size: int = 64) -> Iterable[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def compute_features(index: Index, pairs: list[Pair], sources: dict[str, Source]) -> None:
    """Fill in each pair's word overlap, embedding similarity and facts verdict, as the check computes them
    (similarity to the stored sentence embeddings of the passage when it is in the index, else to the passage's
    sentences embedded here the way ingest embeds them)."""
    texts = sorted({p.sentence for p in pairs})
    vectors: dict[str, np.ndarray] = {}
    for batch in _batched(texts):
        for text, vec in zip(batch, index.embedder.embed_documents(batch), strict=True):
            vectors[text] = np.asarray(vec, dtype=np.float32)
    stored: dict[str, np.ndarray] = {}
    for cid, src in sources.items():
        got = index.sentence_collection.get(where={"chunk_id": cid}, include=["embeddings"]) if src.chunk_id else None
        if got is not None and len(got["ids"]):
            stored[cid] = np.asarray(got["embeddings"], dtype=np.float32)
        else:
            sents = split_sentences(src.text) or [src.text]
            embed = [f"{src.title}: {s}" if src.title else s for s in sents]
            stored[cid] = np.asarray(index.embedder.embed_documents(embed), dtype=np.float32)
    for p in pairs:
        src = sources[p.chunk_id]
        text = grounding.source_text([src])
        p.lexical = grounding.lexical_overlap(p.sentence, text)
        p.similarity = float(np.max(stored[p.chunk_id] @ vectors[p.sentence]))
        p.facts_ok = not grounding.unsupported_facts(p.sentence, text)


# -- thresholds -------------------------------------------------------------------------------------------------
def rates(pairs: Sequence[Pair], lexical_min: float, similarity_min: float, facts: bool = False) -> Rates:
    """How the rule ``lexical ≥ lexical_min or similarity ≥ similarity_min`` (and, with ``facts``, the facts
    rule) does on ``pairs``."""

    def kept(p: Pair) -> bool:
        return grounding.is_close(p.lexical, p.similarity, lexical_min, similarity_min) and (p.facts_ok or not facts)

    def share(items: list[Pair], value: bool) -> float | None:
        return round(sum(kept(p) == value for p in items) / len(items), 4) if items else None

    pos = [p for p in pairs if p.supported]
    neg = [p for p in pairs if not p.supported]
    kept_pos = sum(kept(p) for p in pos)
    kept_all = kept_pos + sum(kept(p) for p in neg)
    return Rates(
        lexical_min,
        similarity_min,
        share(pos, True),
        share(neg, False),
        share([p for p in neg if p.kind == "hard"], False),
        share([p for p in neg if p.kind == "random"], False),
        round(kept_pos / kept_all, 4) if kept_all else None,
    )


def choose(pairs: Sequence[Pair], target: float = TARGET_RECALL, folds: int = 2) -> Rates:
    """The thresholds that remove the most unsupported pairs while keeping at least ``target`` of the supported
    pairs overall and in each of ``folds`` groups of questions (so the choice does not sit on an edge that only
    this sample has); ties go to the higher recall, then the stricter thresholds."""
    pos = [p for p in pairs if p.supported]
    neg = [p for p in pairs if not p.supported]
    if not pos or not neg:
        raise ValueError("calibration needs supported and unsupported pairs; give more (answerable) questions")
    lx = (np.array([p.lexical for p in pos]), np.array([p.lexical for p in neg]))
    sm = (np.array([p.similarity for p in pos]), np.array([p.similarity for p in neg]))
    groups = np.array([p.question % folds if p.question >= 0 else -1 for p in pos])
    parts = [groups == g for g in range(folds) if (groups == g).any()]
    best: tuple | None = None
    for lmin in LEXICAL_GRID:
        for smin in SIMILARITY_GRID:
            kept = (lx[0] >= lmin) | (sm[0] >= smin)
            recall = min([float(kept.mean())] + [float(kept[part].mean()) for part in parts])
            removed = float(np.mean(~((lx[1] >= lmin) | (sm[1] >= smin))))
            key = (recall >= target, removed if recall >= target else recall, recall, lmin, smin)
            if best is None or key > best:
                best = key
    assert best is not None
    return rates(pairs, best[3], best[4])


def held_out(pairs: Sequence[Pair], target: float = TARGET_RECALL) -> list[dict]:
    """Thresholds chosen on the pairs of one half of the questions (even or odd), measured on the other half."""
    out = []
    for fit in (0, 1):
        train = [p for p in pairs if p.question >= 0 and p.question % 2 == fit]
        test = [p for p in pairs if p.question >= 0 and p.question % 2 != fit]
        if not {True, False} <= {p.supported for p in train} or not {True, False} <= {p.supported for p in test}:
            continue
        picked = choose(train, target, folds=1)
        out.append({"fit_on": "even" if fit == 0 else "odd", **asdict(rates(test, picked.lexical_min,
                                                                            picked.similarity_min))})  # fmt: skip
    return out


def _quantiles(values: list[float]) -> list[float]:
    return [round(float(q), 3) for q in np.quantile(values, [0.05, 0.25, 0.5, 0.75, 0.95])] if values else []


def calibrate(
    index: Index,
    questions: Sequence[dict],
    extra: Sequence[dict] = (),
    seed: int = 0,
    target: float = TARGET_RECALL,
    settings: Settings | None = None,
) -> Calibration:
    """Build the labelled pairs from ``index`` and ``questions`` (plus ``extra`` hand-labelled sentences), measure
    both features and choose the thresholds."""
    settings = settings or index.settings
    pairs, sources, skipped = build_pairs(index, questions, seed)
    for i, item in enumerate(extra):
        s = item["source"]
        cid = f"extra-{i}"
        sources[cid] = Source(1, s["text"], "", str(s.get("title") or ""), str(s.get("heading") or ""))
        sentence = _norm(MARKER.sub(" ", item["sentence"]))
        pairs.append(Pair(-1, "model", bool(item["supported"]), sentence, cid))
    compute_features(index, pairs, sources)
    kinds = sorted({p.kind for p in pairs}, key=lambda k: ([*POSITIVE_KINDS, *NEGATIVE_KINDS, "model"].index(k), k))
    counts = {k: sum(p.kind == k for p in pairs) for k in kinds}
    counts["supported"] = sum(p.supported for p in pairs)
    counts["unsupported"] = len(pairs) - counts["supported"]
    distributions = {
        feature: {k: _quantiles([getattr(p, feature) for p in pairs if p.kind == k]) for k in kinds}
        for feature in ("lexical", "similarity")
    }
    chosen = choose(pairs, target)
    per_kind = {}
    for k in kinds:
        labels = sorted({p.supported for p in pairs if p.kind == k}, reverse=True)
        for label in labels:
            items = [p for p in pairs if p.kind == k and p.supported == label]
            kept = sum(
                grounding.is_close(p.lexical, p.similarity, chosen.lexical_min, chosen.similarity_min) for p in items
            )
            name = k if len(labels) == 1 else f"{k} ({'supported' if label else 'unsupported'})"
            per_kind[name] = {"pairs": len(items), "kept": round(kept / len(items), 4)}
    return Calibration(
        counts=counts,
        distributions=distributions,
        chosen=chosen,
        configured=rates(pairs, settings.grounding.lexical_min, settings.grounding.similarity_min),
        chosen_full_check=rates(pairs, chosen.lexical_min, chosen.similarity_min, facts=True),
        lexical_only=[rates(pairs, t, OFF) for t in LEXICAL_GRID[2::2]],
        similarity_only=[rates(pairs, OFF, t) for t in SIMILARITY_GRID[::4]],
        grid=[rates(pairs, lmin, smin) for lmin in GRID_LEXICAL for smin in GRID_SIMILARITY],
        held_out=held_out(pairs, target),
        per_kind=per_kind,
        skipped=skipped,
        target=target,
    )


# -- report -----------------------------------------------------------------------------------------------------
def _row(r: Rates, label: str = "") -> str:
    lmin = "off" if r.lexical_min > 1 else f"{r.lexical_min:.2f}"
    smin = "off" if r.similarity_min > 1 else f"{r.similarity_min:.3f}"
    shares = (r.kept_supported, r.removed_unsupported, r.removed_hard, r.removed_random, r.precision)
    return f"| {label}{lmin} | {smin} | " + " | ".join(_share(x) for x in shares) + " |"


def _share(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def format_report(cal: Calibration) -> str:
    """The calibration as readable text: counts, distributions, the ROC-ish tables and the choice."""
    head = (
        "| word overlap ≥ | cosine ≥ | supported kept | unsupported removed | hard removed | random removed "
        "| precision |"
    )
    rule = "|---|---|---|---|---|---|---|"
    lines = ["Grounding calibration: (sentence, cited passage, supported?) pairs", ""]
    lines.append("pairs: " + ", ".join(f"{k} {v}" for k, v in cal.counts.items()))
    lines.append("left out: " + ", ".join(f"{k} {v}" for k, v in cal.skipped.items()))
    lines += ["", "distributions (5th, 25th, 50th, 75th, 95th percentile):"]
    for feature, by_kind in cal.distributions.items():
        for kind, qs in by_kind.items():
            lines.append(f"  {feature:<10} {kind:<10} " + " ".join(f"{q:.3f}" for q in qs))
    lines += ["", "word overlap alone:", head, rule, *(_row(r) for r in cal.lexical_only)]
    lines += ["", "cosine alone:", head, rule, *(_row(r) for r in cal.similarity_only)]
    lines += ["", "either rule (the check): supported kept / unsupported removed", "",
              "| word overlap ≥ \\ cosine ≥ | " + " | ".join(f"{x:.2f}" for x in GRID_SIMILARITY) + " |",
              "|---" * (len(GRID_SIMILARITY) + 1) + "|"]  # fmt: skip
    for lmin in GRID_LEXICAL:
        cells = [
            f"{_share(r.kept_supported)} / {_share(r.removed_unsupported)}" for r in cal.grid if r.lexical_min == lmin
        ]
        lines.append(f"| {lmin:.2f} | " + " | ".join(cells) + " |")
    lines += ["", f"chosen to keep ≥ {cal.target:.0%} of supported (overall and in each half of the questions):", head]
    lines.append(rule)
    lines += [_row(cal.configured, "configured: "), _row(cal.chosen, "chosen: ")]
    lines.append(_row(cal.chosen_full_check, "chosen, with the facts rule: "))
    lines += ["", "kept per kind at the chosen thresholds: "
              + ", ".join(f"{k} {v['kept']:.3f} (n={v['pairs']})" for k, v in cal.per_kind.items())]  # fmt: skip
    for h in cal.held_out:
        lines.append(
            f"held out (fit on {h['fit_on']} questions: {h['lexical_min']:.2f} / {h['similarity_min']:.3f}, "
            f"measured on the others): supported kept {_share(h['kept_supported'])}, "
            f"unsupported removed {_share(h['removed_unsupported'])}"
        )
    lines += ["", f"PLANWIJZER_GROUNDING_LEXICAL_MIN={cal.chosen.lexical_min:.2f}",
              f"PLANWIJZER_GROUNDING_SIMILARITY_MIN={cal.chosen.similarity_min:.3f}"]  # fmt: skip
    return "\n".join(lines)


def run(index: Index, questions_path: Path, extra: Path | None = DEFAULT_EXTRA, seed: int = 0) -> Calibration:
    """The calibration for a questions file, with the hand-labelled model sentences when the file exists."""
    labelled = load_extra(extra) if extra is not None and extra.exists() else []
    questions = [q for q in load_questions(questions_path) if q["question"]]
    return calibrate(index, questions, labelled, seed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m planwijzer.assistant.grounding_calibration", description=(__doc__ or "").split("\n")[0]
    )
    parser.add_argument("questions", type=Path, help="questions JSONL (e.g. ../shared/eval/questions.jsonl)")
    parser.add_argument("--index", type=Path, help="the index directory (default: PLANWIJZER_INDEX)")
    parser.add_argument("--extra", type=Path, default=DEFAULT_EXTRA, help="hand-labelled model sentences (JSON)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    from planwijzer.assistant.service import open_index

    index = open_index(get_settings(index=args.index))
    try:
        cal = run(index, args.questions, args.extra, args.seed)
    except (OSError, ValueError) as exc:  # an unreadable questions file: its name, the line and the fix
        raise SystemExit(f"{parser.prog}: error: {exc}") from exc
    print(json.dumps(cal.to_json(), ensure_ascii=False, indent=2) if args.json else format_report(cal))
    return 0


if __name__ == "__main__":
    sys.exit(main())
