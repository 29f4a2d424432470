"""Deterministic corpus growth for the benchmark: distractor chunks made from the real ones.

A distractor mixes sentences of two or three real chunks (chosen by a seeded RNG) and shifts every
year and number in them, so vocabulary, length and style stay realistic while no distractor states
a real fact. Embedding 100k chunks on a 2-core CPU takes hours with any model, so a distractor's
vector is *derived*, not computed: the normalised mean of its source chunks' real vectors plus small
seeded noise. The benchmark says so in its report. Distractors are never gold: their urls are
``https://bench.invalid/…``.
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass

import numpy as np

from ingest.sentences import split_sentences

_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)?\b")
NOISE = 0.08


@dataclass
class Distractor:
    """A generated chunk: text, metadata and the indices of the real chunks it was made from."""

    chunk_id: str
    text: str
    meta: dict
    sources: list[int]


def _shift_numbers(text: str, rng: random.Random) -> str:
    year_shift = rng.randint(1, 9)
    factor = rng.choice([0.5, 1.5, 2, 3])

    def repl(m: re.Match) -> str:
        raw = m.group(0)
        if "," in raw or "." in raw:
            return raw[:-1] + str((int(raw[-1]) + 3) % 10)
        value = int(raw)
        if 1900 <= value <= 2099:
            return str(value + year_shift)
        return str(max(1, round(value * factor)))

    return _NUMBER.sub(repl, text)


def make_distractors(texts: list[str], metas: list[dict], count: int, seed: int = 7) -> list[Distractor]:
    """``count`` distractor chunks from the real chunks ``texts``/``metas`` (deterministic for a seed)."""
    rng = random.Random(seed)
    sentences = [split_sentences(t) or [t] for t in texts]
    out: list[Distractor] = []
    for i in range(count):
        sources = rng.sample(range(len(texts)), k=min(len(texts), rng.choice([2, 3])))
        picked = [s for src in sources for s in rng.sample(sentences[src], k=min(len(sentences[src]), 3))]
        rng.shuffle(picked)
        text = _shift_numbers(" ".join(picked), rng)
        base = metas[sources[0]]
        year = int(base.get("year", 2020)) + rng.randint(-3, 3)
        meta = {
            "doc_id": f"bench/generated-{i // 10:05d}.md",
            "title": f"{base.get('title', 'Document')} (variant {i // 10})",
            "url": f"https://bench.invalid/generated/{i // 10}",
            "language": base.get("language", "nl"),
            "doc_type": base.get("doc_type", "web_page"),
            "institution": base.get("institution", "Generated"),
            "date": str(year),
            "year": year,
            "position": i % 10,
        }
        digest = hashlib.sha256(f"bench{seed}\x00{i}\x00{text}".encode()).hexdigest()[:24]
        out.append(Distractor(digest, text, meta, sources))
    return out


def derived_vectors(distractors: list[Distractor], real_vectors: np.ndarray, seed: int = 7) -> np.ndarray:
    """Vectors for distractors: normalised mean of their sources' vectors plus seeded noise."""
    rng = np.random.default_rng(seed)
    dim = real_vectors.shape[1]
    out = np.empty((len(distractors), dim), dtype=np.float32)
    for i, d in enumerate(distractors):
        v = real_vectors[d.sources].mean(axis=0) + rng.normal(0, NOISE / np.sqrt(dim), dim)
        out[i] = v / np.linalg.norm(v)
    return out
