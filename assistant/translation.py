"""A question's words in the other language, from the index's own vocabulary (:mod:`planwijzer.ingest.vocabulary`).

BM25 and word coverage cannot cross languages: "turnout" never matches "opkomst". Each content word of the
question is embedded on its own by the multilingual second lane and matched with the words of the other language's
chunks whose vectors lie closest to it (cosine at least ``THRESHOLD``, at most ``PER_WORD`` of them): the classic
dictionary translation of a query for cross-language retrieval, with the dictionary learned by the encoder. The
translations give a BM25 score to passages in the other language and word coverage to their sentences.
"""

from __future__ import annotations

import re

import numpy as np
from planwijzer.assistant import lexicon
from planwijzer.ingest.tokens import content_words
from planwijzer.ingest.vocabulary import LANGUAGES, WordTable

THRESHOLD = 0.65
"""Cosine between a word and a candidate translation (USE, words embedded alone). Translations mostly score 0.75-1.0,
unrelated words under 0.65; chosen by held-out folds over 0.65, 0.70 and 0.75."""
NEIGHBOURS = 10
"""A translation's margin is its cosine less the word's mean cosine to this many nearest words of the other language:
in a small vocabulary, or for a word close to many, the nearest word is often no translation at all (hubness; the
local scaling of CSLS, Conneau et al. 2018). Retrieval takes every translation; word coverage of an answer sentence
only those with a margin of ``answer_weights.TRANSLATION_MARGIN``."""
FAMILY_PREFIX = 5
"""Words that share this many first letters are one word family ("investering", "investeringen") when the margin's
neighbours are counted."""
PER_WORD = 2
"""At most this many translations per question word."""
DICTIONARY_MARGIN = 1.0
"""The margin given to a translation from :data:`~planwijzer.assistant.lexicon.DICTIONARY`: a dictionary's
translation is certain."""
SHARED_CHUNKS = 2
"""A question word that occurs in this many chunks of the other language is a word both languages write (a name,
an acronym, a loan word): it matches as itself and is not translated."""


def other_language(language: str) -> str | None:
    """The language a question in ``language`` is translated into (None: not a language of the index)."""
    return next((lang for lang in LANGUAGES if lang != language), None) if language in LANGUAGES else None


def _names(question: str) -> set[str]:
    """Words written with a capital inside ``question`` (not its first word): names, the same in both languages."""
    tokens = re.findall(r"[^\W\d_]+", question)
    return {t.lower() for t in tokens[1:] if t[0].isupper() and lexicon.is_name(t)}


def translate(question: str, language: str, table: WordTable | None, embedder) -> dict[str, list[tuple[str, float]]]:
    """Each content word of ``question`` (written in ``language``) → its translations among ``table``'s words of the
    other language with their margins (see ``NEIGHBOURS``), best first; words without one are left out. Empty when
    there is no table or no other language."""
    target = other_language(language)
    if table is None or not len(table) or target is None:
        return {}
    names = _names(question)
    asked = [
        w
        for w in dict.fromkeys(content_words(question))
        if w.isalpha() and len(w) >= 3 and w not in names and table.chunks_in(w, target) < SHARED_CHUNKS
    ]
    if not asked:
        return {}
    targets, matrix = table.by_language[target]
    if not targets:
        return {}
    vectors = np.asarray(embedder.embed_passages_array(asked), dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    sims = vectors @ matrix.T
    k, near = min(PER_WORD, len(targets)), min(NEIGHBOURS, len(targets))
    out: dict[str, list[tuple[str, float]]] = {}
    for word, row in zip(asked, sims, strict=True):
        top = np.argpartition(-row, k - 1)[:k]
        top = top[np.argsort(-row[top])]
        local = _local_mean(row, targets, near)
        found = [(targets[i], float(row[i]) - local) for i in top if row[i] >= THRESHOLD and targets[i] != word]
        known = lexicon.DICTIONARY.get(language, {}).get(word, ())
        found = [(t, DICTIONARY_MARGIN) for t in known] + [(t, m) for t, m in found if t not in known]
        if found:
            out[word] = found
    return out


def _local_mean(row: np.ndarray, targets: list[str], near: int) -> float:
    """The mean cosine of ``row``'s ``near`` nearest words, one per word family (the forms of one word,
    "investering", "investeringen", "investeert", share their first ``FAMILY_PREFIX`` letters and count once, so a
    word with many forms is no hub)."""
    pool = np.argpartition(-row, min(len(row), near * 5) - 1)[: near * 5]
    seen, sims = set(), []
    for i in pool[np.argsort(-row[pool])]:
        family = targets[i][:FAMILY_PREFIX]
        if family not in seen:
            seen.add(family)
            sims.append(float(row[i]))
            if len(sims) == near:
                break
    return float(np.mean(sims)) if sims else 0.0


def words_of(translations: dict[str, list[tuple[str, float]]], margin: float = -1.0) -> dict[str, list[str]]:
    """The translated words of ``translations`` whose margin is at least ``margin``."""
    kept = {w: [t for t, m in found if m >= margin] for w, found in translations.items()}
    return {w: found for w, found in kept.items() if found}
