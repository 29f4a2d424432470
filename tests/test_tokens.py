"""BM25 tokens: stemming is correct when many threads stem at once (the web app answers in parallel)."""

from __future__ import annotations

import random
import string
from concurrent.futures import ThreadPoolExecutor

import snowballstemmer

from ingest.tokens import _stem, query_stems, stems


def _made_up_words(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    suffixes = ["en", "heden", "ingen", "ische", "lijk", "tions", "ness", "ing", "ies", "ed", ""]
    return ["".join(rng.choices(string.ascii_lowercase, k=rng.randint(4, 9))) + rng.choice(suffixes) for _ in range(n)]


def test_stopwords_are_dropped_and_the_rest_stemmed_per_language() -> None:
    dutch = snowballstemmer.stemmer("dutch")
    assert stems("De werkgroepen kregen begeleiding", "nl") == [
        dutch.stemWord(w) for w in ("werkgroepen", "kregen", "begeleiding")
    ]
    assert stems("The councils approved the plans", "en") == ["council", "approv", "plan"]
    assert query_stems("werkgroepen") == ["werkgroep", "werkgroepen"]  # Dutch stem, then the English one


def test_concurrent_stemming_gives_the_same_stems_as_one_thread() -> None:
    words = _made_up_words(20_000, seed=3)
    dutch = snowballstemmer.stemmer("dutch")
    english = snowballstemmer.stemmer("english")
    expected = {w: (dutch.stemWord(w), english.stemWord(w)) for w in words}
    _stem.cache_clear()
    parts = [words[i::4] for i in range(4)]

    def work(part: list[str]) -> dict[str, tuple[str, str]]:
        return {w: (_stem(w, "nl"), _stem(w, "en")) for w in part}

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(work, parts + parts[::-1]))
    got = {w: pair for result in results for w, pair in result.items()}
    wrong = [w for w in words if got[w] != expected[w]]
    assert wrong == []
