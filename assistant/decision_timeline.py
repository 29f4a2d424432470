"""The decisions timeline: one entry per decision, however many documents report it, linked to the earlier decision
it continues, amends or replaces.

Records are the same decision when the same body took the same act (or did not) on compatible dates (equal, or one
a more precise form of the other: "april 2018" and "9 april 2018"; undated only with undated) and their sentences
mean the same: the cosine of their stored sentence vectors (the multilingual e5 vectors ingest keeps for every
sentence) reaches :data:`SAME_DECISION_SIMILARITY`. An entry whose sentence or subject says it continues an earlier
one ("vervolg op", "aanvullend", "herijking", "vervangt", "wijziging van", "supplementary", "replaces", …; the cues
are in :mod:`assistant.lexicon`) points to the latest earlier entry of the same body whose sentence is closest, when
that is at least :data:`CONTINUES_SIMILARITY`.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field

import numpy as np
from planwijzer.assistant.lexicon import CONTINUATION_CUES
from planwijzer.assistant.retrieval import Index
from planwijzer.ingest.decisions import Decision

SAME_DECISION_SIMILARITY = 0.90
"""Measured on the shared corpus's records (same body, act and compatible dates, different documents): every pair at
or above 0.908 reports one decision (the April 2018 national agreement three times, two University Council consents
twice); the closest pair of different decisions was 0.852, and an undated near-paraphrase 0.879."""
CONTINUES_SIMILARITY = 0.85
"""The least cosine between a continuing decision's sentence and the earlier one it names as continued."""


@dataclass
class TimelineEntry:
    """One decision: ``record`` (the most precisely dated report), every report of it in ``sources`` (one per
    document, ``record`` first), and ``continues``, the earlier entry it continues, amends or replaces."""

    record: Decision
    sources: list[Decision] = field(default_factory=list)
    continues: TimelineEntry | None = None

    @property
    def anchor(self) -> str:
        """A stable DOM id for links to this entry."""
        r = self.record
        key = "\x00".join((r.doc_id, r.chunk_id, r.sentence, r.act)).encode()
        return f"pw-dec-{zlib.crc32(key)}"  # the same in every process (hash() of a str is salted per process)


def _key(text: str) -> str:
    return " ".join(text.split())


def sentence_vectors(index: Index, records: list[Decision]) -> dict[tuple[str, str], np.ndarray]:
    """The stored sentence vector of each record's sentence, keyed by ``(chunk_id, sentence)`` (records whose line
    is no stored sentence, such as a minutes' decision line, have none)."""
    by_chunk: dict[str, dict[str, np.ndarray]] = index.memo(("sentence_vectors",), dict)  # one per generation
    missing = sorted({r.chunk_id for r in records} - by_chunk.keys())
    if missing:  # each chunk's sentences are read once per generation, whatever the filters of the request
        found, vectors = index.stored_sentences(missing)
        read: dict[str, dict[str, np.ndarray]] = {cid: {} for cid in missing}
        for (cid, _, text), vector in zip(found, vectors, strict=True):
            read[cid][_key(text)] = vector
        by_chunk.update(read)
    return {(cid, key): v for cid in {r.chunk_id for r in records} for key, v in by_chunk[cid].items()}


def vector_of(vectors: dict[tuple[str, str], np.ndarray], r: Decision) -> np.ndarray | None:
    """The stored vector of ``r``'s sentence in ``vectors`` (:func:`sentence_vectors`), None when it has none."""
    return vectors.get((r.chunk_id, _key(r.sentence)))


def _compatible(a: Decision, b: Decision) -> bool:
    if a.date is None or b.date is None:
        return a.date is None and b.date is None
    return a.date.startswith(b.date) or b.date.startswith(a.date)


def _same(a: Decision, b: Decision, vectors: dict) -> bool:
    if (a.body, a.act, a.negated) != (b.body, b.act, b.negated) or not _compatible(a, b):
        return False
    va, vb = vector_of(vectors, a), vector_of(vectors, b)
    return va is not None and vb is not None and float(va @ vb) >= SAME_DECISION_SIMILARITY


def _continues(r: Decision) -> bool:
    text = f"{r.sentence} {r.subject}".lower()
    return any(cue in text for cue in CONTINUATION_CUES)


def timeline(index: Index, records: list[Decision]) -> list[TimelineEntry]:
    """``records`` (chronological) as timeline entries: reports of one decision merged (sources listed), each
    continuing decision linked to the one it continues (see the module docstring). Order is kept."""
    vectors = sentence_vectors(index, records)
    entries: list[TimelineEntry] = []
    for r in records:
        same = next((e for e in entries if any(_same(r, s, vectors) for s in e.sources)), None)
        if same is None:
            entries.append(TimelineEntry(r, [r]))
        elif r.doc_id not in {s.doc_id for s in same.sources}:
            same.sources.append(r)
            if r.date and (same.record.date is None or len(r.date) > len(same.record.date)):
                same.record = r  # the most precise date speaks for the entry
    for i, entry in enumerate(entries):
        r = entry.record
        vr = vector_of(vectors, r)
        if vr is None or not _continues(r):
            continue
        best, best_sim = None, CONTINUES_SIMILARITY
        for earlier in entries[:i]:
            e = earlier.record
            ve = vector_of(vectors, e)
            if ve is None or e.body != r.body or (e.when or "") >= (r.when or ""):
                continue
            sim = float(vr @ ve)
            if sim >= best_sim:
                best, best_sim = earlier, sim
        entry.continues = best
    return entries
