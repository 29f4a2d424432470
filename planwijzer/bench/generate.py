"""Deterministic corpus growth for the benchmark: distractor chunks made from the real ones.

A distractor is new text on the topic of three to five real chunks (chosen by a seeded RNG): a
word-bigram chain over those chunks' words, with random jumps so that real sentences are not copied
whole, rare words (names, codes) replaced by made-up ones, and every year and number shifted.
Vocabulary, length and topic stay realistic while no distractor repeats a real sentence or states a
real fact (copying whole paragraphs would put hundreds of near-duplicates of every real passage into
a 100k-chunk index).

Embedding 100k chunks on a 2-core CPU takes hours with any model, so a distractor's vector is
*derived*, not computed: a point as close to its first source chunk's real vector as real chunks
are to their nearest neighbour (median cosine measured on the real corpus), in a seeded random
direction. The benchmark says so in its report. Distractors are never gold: their urls are
``https://bench.invalid/…``.
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass

import numpy as np

_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)?\b")
JUMP = 0.2
RARE_DF = 2


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


def _chain_text(words: list[str], length: int, rng: random.Random) -> str:
    follows: dict[str, list[str]] = {}
    for a, b in zip(words, words[1:], strict=False):
        follows.setdefault(a, []).append(b)
    starts = [w for w in words if w[:1].isupper()] or words
    out = [rng.choice(starts)]
    while len(out) < length:
        nxt = follows.get(out[-1])
        out.append(rng.choice(nxt) if nxt and rng.random() > JUMP else rng.choice(words))
    return " ".join(out)


def _invent(word: str, salt: str) -> str:
    """A made-up word of the same length and capitalisation, fixed for ``(word, salt)``."""
    digest = hashlib.sha256(f"{salt}\x00{word}".encode()).digest()
    letters = "".join(
        ("bdfgklmnprstvwz" if i % 2 == 0 else "aeiou")[b % (15 if i % 2 == 0 else 5)] for i, b in enumerate(digest)
    )
    core = re.sub(r"\W", "", word)
    made = (letters * 3)[: max(3, len(core))]
    return made.capitalize() if word[:1].isupper() else made


def make_distractors(texts: list[str], metas: list[dict], count: int, seed: int = 7) -> list[Distractor]:
    """``count`` distractor chunks from the real chunks ``texts``/``metas`` (deterministic for a seed).

    Words that are rare in the real corpus (in at most ``RARE_DF`` chunks: names, codes, compounds) are
    replaced by made-up words, new for each generated document, so rare terms stay rare as the corpus
    grows, as they do when real documents are added.
    """
    rng = random.Random(seed)
    tokens = [t.split() for t in texts]
    df: dict[str, int] = {}
    for toks in tokens:
        for w in {w.lower() for w in toks}:
            df[w] = df.get(w, 0) + 1
    out: list[Distractor] = []
    for i in range(count):
        sources = rng.sample(range(len(texts)), k=min(len(texts), rng.randint(3, 5)))
        salt = f"{seed}-{i // 10}"
        words = [
            _invent(w, salt) if df.get(w.lower(), 0) <= RARE_DF and not w[:1].isdigit() else w
            for src in sources
            for w in tokens[src]
        ] or ["leeg"]
        length = max(8, int(sum(len(tokens[s]) for s in sources) / len(sources)))
        text = _shift_numbers(_chain_text(words, length, rng), rng)
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


def neighbour_cosine(real_vectors: np.ndarray) -> float:
    """Median cosine between a real chunk and its nearest other real chunk (how close real chunks sit)."""
    sims = real_vectors @ real_vectors.T
    np.fill_diagonal(sims, -1.0)
    return float(np.median(sims.max(axis=1)))


def derived_vectors(distractors: list[Distractor], real_vectors: np.ndarray, seed: int = 7) -> np.ndarray:
    """Vectors for distractors: each sits as close to its first source chunk as real chunks sit to their
    nearest neighbour (the measured median cosine), in a random direction; never a centroid, which in an
    anisotropic embedding space would be closer to every query than real text is."""
    rng = np.random.default_rng(seed)
    real_vectors = np.asarray(real_vectors, dtype=np.float32)
    cos = neighbour_cosine(real_vectors) if len(real_vectors) > 1 else 0.9
    spread = np.sqrt(max(0.0, 1.0 - cos * cos))
    out = np.empty((len(distractors), real_vectors.shape[1]), dtype=np.float32)
    for i, d in enumerate(distractors):
        base = real_vectors[d.sources[0]]
        noise = rng.normal(size=base.shape).astype(np.float32)
        noise -= (noise @ base) * base
        noise /= np.linalg.norm(noise)
        v = cos * base + spread * noise
        out[i] = v / np.linalg.norm(v)
    return out
