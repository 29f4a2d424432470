"""BM25 tokens: stemmed content words, the parts of hyphenated words and normalised dates; stemming is correct
when many threads stem at once (the web app answers in parallel)."""

from __future__ import annotations

import random
import string
from concurrent.futures import ThreadPoolExecutor

import pytest
import snowballstemmer
from planwijzer.ingest.tokens import _stem, query_stems, stems


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


def test_a_hyphenated_word_also_gives_its_parts() -> None:
    assert stems("Het NPO-geld gaat naar studenten", "nl") == ["npo-geld", "student", "npo", "geld"]
    assert {"npo-geld", "npo", "geld"} <= set(query_stems("Hoeveel NPO-geld?"))
    assert "de" not in query_stems("de-facto")  # a stopword part is left out like any stopword


@pytest.mark.parametrize(
    "text",
    [
        "De raad vergaderde op 27 september 2021 in het Academiegebouw.",
        "The Council meets on Monday 27 September 2021 from 15:00.",
        "Meeting of September 27, 2021.",
        "Besluit d.d. 27-09-2021",
        "agenda 2021-09-27",
    ],
)
def test_a_day_gives_one_date_token_in_any_wording_or_language(text: str) -> None:
    for tokens in (stems(text, "nl"), stems(text, "en"), query_stems(text)):
        assert [t for t in tokens if "-" in t and t[0].isdigit()] == ["2021-09-27"]
        assert "27" not in tokens  # the day number is in the date token, not a token of its own


def test_the_date_token_takes_the_place_of_the_day_number() -> None:
    assert stems("Op 6 december 2021 en 13 december 2021 besloot de raad over 27 voorstellen", "nl") == [
        "december",
        "2021",
        "december",
        "2021",
        "besloot",
        "raad",
        "27",
        "voorstel",
        "2021-12-06",
        "2021-12-13",
    ]


def test_months_years_and_impossible_days_give_no_date_token() -> None:
    assert stems("In december 2021 kwam de raad bijeen", "nl") == ["december", "2021", "kwam", "raad", "bijeen"]
    assert stems("op 31 februari 2021", "nl") == ["31", "februari", "2021"]


@pytest.mark.parametrize("text", ["Instellingsplan 2015-2020", "Institutional Plan 2015–2020", "plan 2015 - 2020"])
def test_a_period_of_years_is_one_token_besides_its_years(text: str) -> None:
    for tokens in (stems(text, "nl"), query_stems(text)):
        assert {"2015", "2020", "2015-2020"} <= set(tokens)
    assert "2021-2022" in query_stems("studiejaar 2021/2022")


def test_dates_and_backward_or_long_spans_are_not_periods() -> None:
    assert not [t for t in stems("2021-09-27, 2020-2019 en 1990-2099", "nl") if t.count("-") == 1]
