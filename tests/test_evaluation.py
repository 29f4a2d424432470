"""``planwijzer eval``'s new measurements and the cross-validation tool (assistant/crossval.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import PLAN_DATE_QUESTION, PLAN_URL, UNANSWERABLE_QUESTION, write_questions
from planwijzer.assistant import crossval
from planwijzer.assistant.answer import Answer, Citation, cross_prefix
from planwijzer.assistant.crossval import (
    Grid,
    applied,
    correct,
    correctly_cited,
    cross_validate,
    fold_split,
    parse_grid,
)
from planwijzer.assistant.evaluation import (
    answer_body,
    as_typed_lower,
    direction,
    has_duplicate,
    is_non_answer_text,
    judge_answer,
    score_one,
    summarise,
    with_slip,
)
from planwijzer.assistant.retrieval import Index

from planwijzer import messages
from planwijzer.cli import main
from planwijzer.config import Settings

NEWS_URL = "https://duinstad.example/news/wellbeing-award"
POLICY_URL = "https://duinstad.example/policy/small-scale-teaching"


def q(qid: str, *urls: str, answerable: bool = True, language: str = "nl") -> dict:
    return {"id": qid, "gold_urls": list(urls), "answerable": answerable, "language": language}


# ---------------------------------------------------------------------------------------------- fold split


@pytest.mark.parametrize(
    ("questions", "k", "together"),
    [
        # a shared url puts two questions in one fold
        ([q("a", "u1"), q("b", "u1"), q("c", "u2"), q("d", "u3")], 2, [("a", "b")]),
        # transitively: a–b share u1, b–c share u2
        ([q("a", "u1"), q("b", "u1", "u2"), q("c", "u2", "u3"), q("d", "u4"), q("e", "u5")], 2, [("a", "b", "c")]),
        # unanswerable questions without gold urls are groups of their own
        ([q("a", answerable=False), q("b", answerable=False), q("c", "u1"), q("d", "u1")], 3, [("c", "d")]),
    ],
)
def test_questions_sharing_a_gold_url_share_a_fold(questions: list[dict], k: int, together: list[tuple]) -> None:
    folds = fold_split(questions, k)
    by_id = {qq["id"]: f for qq, f in zip(questions, folds, strict=True)}
    for group in together:
        assert len({by_id[i] for i in group}) == 1, (group, by_id)
    assert set(folds) <= set(range(k))


def test_unanswerables_without_urls_are_spread_not_lumped() -> None:
    questions = [q(f"u{i}", answerable=False) for i in range(6)]
    assert sorted(fold_split(questions, 3)) == [0, 0, 1, 1, 2, 2]


@pytest.mark.parametrize(("n", "k"), [(10, 5), (23, 5), (100, 5), (7, 3), (12, 4)])
def test_folds_are_balanced_and_deterministic(n: int, k: int) -> None:
    questions = [q(f"q{i:03d}", f"u{i // 2}") for i in range(n)]  # pairs share a url
    folds = fold_split(questions, k)
    assert folds == fold_split(questions, k) == fold_split([dict(x) for x in questions], k)
    sizes = [folds.count(f) for f in range(k)]
    assert max(sizes) - min(sizes) <= 2  # groups of two: balanced up to one group
    for i in range(0, n - 1, 2):
        assert folds[i] == folds[i + 1]


def test_fold_split_needs_two_folds() -> None:
    with pytest.raises(ValueError):
        fold_split([q("a", "u")], 1)


# ---------------------------------------------------------------------------------------------- selection

# ten questions, five folds of two (fold of question i = i // 2)
FOLDS = [i // 2 for i in range(10)]


@pytest.mark.parametrize(
    ("name", "scores", "accept", "chosen"),
    [
        (
            "better everywhere: accepted",
            {"d": [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], "x": [1, 0, 1, 0, 1, 0, 1, 0, 1, 0]},
            True,
            {"x"},
        ),
        (
            "better on one fold only: chosen when that fold trains, no gain when it is held out",
            # x wins only on fold 4; with fold 4 held out training ties and keeps the default
            {"d": [1] * 8 + [0, 0], "x": [1] * 10},
            False,
            {"d", "x"},
        ),
        (
            "better overall and on training, worse held-out: not accepted",
            # x beats d on fold 0 but loses on fold 1; chosen for folds 1-4, it loses fold 1 and gains nothing
            {"d": [0, 0, 1, 1, 1, 1, 1, 1, 1, 1], "x": [1, 1, 0, 1, 1, 1, 1, 1, 1, 1]},
            False,
            {"d", "x"},
        ),
        ("a tie goes to the default", {"x": [1, 0] * 5, "d": [1, 0] * 5}, False, {"d"}),
        (
            "worse: never chosen",
            {"d": [1] * 10, "x": [0] * 10},
            False,
            {"d"},
        ),
    ],
)
def test_cross_validation_selects_on_training_folds_only(
    name: str, scores: dict, accept: bool, chosen: set[str]
) -> None:
    result = cross_validate({v: [float(s) for s in ss] for v, ss in scores.items()}, FOLDS, "d")
    assert result["accept"] is accept, (name, result)
    assert set(result["chosen_values"]) == chosen, (name, result)
    assert len(result["folds"]) == 5
    for fold in result["folds"]:  # each fold's choice is the best on the other folds, default on ties
        train = [i for i in range(10) if FOLDS[i] != fold["fold"]]
        means = {v: sum(ss[i] for i in train) / len(train) for v, ss in scores.items()}
        best = max(means.values())
        expected = "d" if means["d"] == best else next(v for v in scores if means[v] == best)
        assert fold["chosen"] == expected, (name, fold)
    assert result["improvement"] == pytest.approx(result["cv_held_out"] - result["default_held_out"], abs=1e-3)
    assert result["default_held_out"] == pytest.approx(sum(scores["d"]) / 10)


def test_overfitting_value_is_not_accepted() -> None:
    # x scores better overall (0.9 vs 0.8) and on most training sets, but held out it is worse than the default
    d = [0, 0, 1, 1, 1, 1, 1, 1, 1, 1]
    x = [1, 1, 0, 1, 1, 1, 1, 1, 1, 1]
    result = cross_validate({"d": [float(s) for s in d], "x": [float(s) for s in x]}, FOLDS, "d")
    assert result["overall"] == {"d": 0.8, "x": 0.9}
    assert [f["chosen"] for f in result["folds"]] == ["d", "x", "x", "x", "x"]
    assert result["cv_held_out"] == 0.7 and result["default_held_out"] == 0.8
    assert result["improvement"] == pytest.approx(-0.1) and result["accept"] is False


def test_cross_validation_needs_the_default_measured() -> None:
    with pytest.raises(ValueError):
        cross_validate({"x": [1.0] * 10}, FOLDS, "d")


@pytest.mark.parametrize(
    ("row", "ok"),
    [
        ({"answerable": True, "fact_ok": True, "abstained": False}, True),
        ({"answerable": True, "fact_ok": False, "abstained": False}, False),
        ({"answerable": True, "fact_ok": False, "abstained": True}, False),
        ({"answerable": False, "fact_ok": False, "abstained": True}, True),
        ({"answerable": False, "fact_ok": False, "abstained": False}, False),
    ],
)
def test_the_objective(row: dict, ok: bool) -> None:
    assert correct(row) is ok


@pytest.mark.parametrize(
    ("row", "score"),
    [
        ({"answerable": True, "fact_ok": True, "abstained": False, "cited": 2, "cited_gold": 2}, 1.0),
        ({"answerable": True, "fact_ok": True, "abstained": False, "cited": 2, "cited_gold": 1}, 0.5),
        ({"answerable": True, "fact_ok": True, "abstained": False, "cited": 3, "cited_gold": 0}, 0.0),
        ({"answerable": True, "fact_ok": False, "abstained": False, "cited": 1, "cited_gold": 1}, 0.0),
        ({"answerable": True, "fact_ok": False, "abstained": True, "cited": 0, "cited_gold": 0}, 0.0),
        ({"answerable": False, "fact_ok": False, "abstained": True, "cited": 0, "cited_gold": 0}, 1.0),
        ({"answerable": False, "fact_ok": False, "abstained": False, "cited": 1, "cited_gold": 0}, 0.0),
    ],
)
def test_the_cited_objective_weighs_a_right_answer_by_its_citation_precision(row: dict, score: float) -> None:
    assert correctly_cited(row) == score


# ---------------------------------------------------------------------------------------------- grid


def test_parse_grid_types_settings_and_constants() -> None:
    settings = Settings(index=Path("/nonexistent"))
    g = parse_grid("dense_weight=0.35, 0.45,0.55", settings)
    assert (g.name, g.values, g.default, g.kind) == ("dense_weight", [0.35, 0.45, 0.55], 0.5, "settings")
    assert g.all_values == [0.5, 0.35, 0.45, 0.55]  # the default is always measured
    g = parse_grid("candidates=20,60", settings)
    assert g.values == [20, 60] and all(isinstance(v, int) for v in g.values)
    assert g.all_values == [40, 20, 60]  # the default is always measured
    assert parse_grid("fusion=rrf,convex", settings).values == ["rrf", "convex"]
    g = parse_grid("assistant.answer_weights.RANKED_HITS=10,30", settings)
    assert g.kind == "constant" and g.values == [10, 30] and g.default == 20
    for bad in (
        "dense_weight",
        "dense_weight=",
        "nosuchfield=1",
        "fusion=median",
        "chunk_size=500,900",
        "second_dense=use,none",
    ):
        with pytest.raises(ValueError):
            parse_grid(bad, settings)


def test_applied_sets_and_restores() -> None:
    class FakeIndex:
        settings = Settings(index=Path("/nonexistent"))

    index = FakeIndex()
    with applied(index, Grid("dense_weight", [0.8], 0.5, "settings"), 0.8):
        assert index.settings.retrieval.dense_weight == 0.8
    assert index.settings.retrieval.dense_weight == 0.5
    with applied(index, Grid("assistant.crossval.INDEX_TIME_FIELDS", [], None, "constant"), frozenset()):
        assert crossval.INDEX_TIME_FIELDS == frozenset()
    assert "chunk_size" in crossval.INDEX_TIME_FIELDS


# ---------------------------------------------------------------------------------------------- answer faults


def cite(n: int, quote: str, url: str = PLAN_URL) -> Citation:
    return Citation(n, f"doc{n}", "Titel", url, None, None, quote)


CROSS_EN = cross_prefix("en", "nl")
CROSS_NL = cross_prefix("nl", "en")
PLAN = "Op 14 maart 2022 stemde de Universiteitsraad in met het bestedingsplan."
MONEY = "Met het bestedingsplan is in totaal 12,8 miljoen euro gemoeid."


@pytest.mark.parametrize(
    ("answer", "non_answer", "duplicate"),
    [
        (Answer(f"{PLAN} [1]", "nl", False, [cite(1, PLAN)]), False, False),
        (Answer(f"{PLAN} [1] {MONEY} [2]", "nl", False, [cite(1, PLAN), cite(2, MONEY)]), False, False),
        # the cross-language prefix is not the first sentence
        (Answer(f"{CROSS_EN}{PLAN} [1]", "en", False, [cite(1, PLAN)]), False, False),
        (Answer(f"{CROSS_NL}The council approved the plan in 2021. [1]", "nl", False, [cite(1, "x")]), False, False),
        # a question or a heading first is a non-answer, prefix or not
        (Answer("Wat is het bestedingsplan? [1]", "nl", False, [cite(1, "Wat is het bestedingsplan?")]), True, False),
        (
            Answer(f"{CROSS_EN}Bestedingsplan kwaliteitsafspraken [1] {PLAN} [1]", "en", False, [cite(1, PLAN)]),
            True,
            False,
        ),
        # the same passage from two copies of a page
        (
            Answer(
                f"{PLAN} [1] {MONEY} [2]",
                "nl",
                False,
                [cite(1, f"{PLAN} {MONEY}"), cite(2, f"Home › Nieuws {PLAN} {MONEY}", url="https://copy.example/p")],
            ),
            False,
            True,
        ),
        # one sentence repeating another
        (Answer(f"{PLAN} [1] {PLAN.replace('14 maart', '14 maart')} [2]", "nl", False, [cite(1, PLAN)]), False, True),
    ],
)
def test_non_answer_and_duplicate_on_hand_built_answers(answer: Answer, non_answer: bool, duplicate: bool) -> None:
    judged = judge_answer(answer)
    assert judged == {"non_answer": non_answer, "duplicate": duplicate}
    assert is_non_answer_text(answer.answer) is non_answer
    assert has_duplicate(answer.answer, [c.quote for c in answer.citations]) is duplicate


def test_abstained_answers_are_not_judged() -> None:
    abstained = Answer(messages.text("answer_abstain", "nl"), "nl", True)
    assert judge_answer(abstained) == {"non_answer": None, "duplicate": None}


def test_answer_body_strips_prefix_and_markers() -> None:
    assert answer_body(f"{CROSS_EN}{PLAN} [1] {MONEY} [12]") == f"{PLAN} {MONEY}"
    assert answer_body(f"{CROSS_NL}It was approved. [3]") == "It was approved."


# ---------------------------------------------------------------------------------------------- directions

LANGS = {PLAN_URL: "nl", NEWS_URL: "en", POLICY_URL: "en"}


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (q("a", PLAN_URL, language="nl"), "same"),
        (q("b", PLAN_URL, language="en"), "en_nl"),
        (q("c", NEWS_URL, language="nl"), "nl_en"),
        (q("d", NEWS_URL, POLICY_URL, language="en"), "same"),
        (q("e", PLAN_URL, NEWS_URL, language="en"), "same"),  # one gold document in its own language
        (q("f", answerable=False, language="en"), None),
        (q("g", "https://unknown.example/", language="en"), None),
        ({"id": "h", "gold_urls": [PLAN_URL]}, None),  # no language field
    ],
)
def test_direction(question: dict, expected: str | None) -> None:
    assert direction(question, LANGS) == expected


def test_summary_reports_rates_and_directions() -> None:
    rows = [
        score_one(
            q("a", PLAN_URL, language="en") | {"answer_facts": [["2022"]]},
            [PLAN_URL],
            PLAN,
            [PLAN_URL],
            False,
            1,
            [PLAN],
            LANGS,
        ),
        score_one(
            q("b", PLAN_URL, language="en") | {"answer_facts": [["2099"]]},
            [PLAN_URL],
            "Wat nu?",
            [PLAN_URL],
            False,
            1,
            ["x"],
            LANGS,
        ),
        score_one(
            q("c", NEWS_URL, language="nl") | {"answer_facts": [["2023"]]}, [NEWS_URL], "", [], True, 1, [], LANGS
        ),
        score_one(
            q("d", PLAN_URL) | {"answer_facts": [["2022"]]},
            [PLAN_URL],
            f"{PLAN} {PLAN}",
            [PLAN_URL],
            False,
            1,
            [PLAN],
            LANGS,
        ),
    ]
    s = summarise(rows)
    assert s["answered"] == 3
    assert s["non_answer_rate"] == pytest.approx(1 / 3, abs=1e-3)
    assert s["duplicate_citation_rate"] == pytest.approx(1 / 3, abs=1e-3)
    assert s["cross_lingual"]["en_nl"] == {"questions": 2, "fact_accuracy": 0.5}
    assert s["cross_lingual"]["nl_en"] == {"questions": 1, "fact_accuracy": 0.0}
    assert s["cross_lingual"]["same"] == {"questions": 1, "fact_accuracy": 1.0}


# ---------------------------------------------------------------------------------------------- end to end


def _questions(path: Path) -> Path:
    rows = [
        {"id": "e1", **PLAN_DATE_QUESTION},
        {
            "id": "e2",
            "question": "When did the University Council consent to the spending plan?",
            "language": "en",
            "answerable": True,
            "gold_urls": [PLAN_URL],
            "answer_facts": [["2022"]],
            "kind": "cross_lingual",
        },
        {
            "id": "e3",
            "question": "Which award did the Buddy Network receive?",
            "language": "en",
            "answerable": True,
            "gold_urls": [NEWS_URL],
            "answer_facts": [["Well-being Award"]],
            "kind": "what",
        },
        {"id": "e4", **UNANSWERABLE_QUESTION},
    ]
    return write_questions(path, rows)


def test_eval_cli_reports_the_new_measurements(
    capsys: pytest.CaptureFixture[str], settings: Settings, index: Index, tmp_path: Path
) -> None:
    questions = _questions(tmp_path / "q.jsonl")
    assert main(["eval", str(questions), "--json", "--index", str(settings.index.dir)]) == 0
    report = json.loads(capsys.readouterr().out)
    overall = report["systems"]["planwijzer"]["overall"]
    for key in ("non_answer_rate", "duplicate_citation_rate"):
        assert overall[key] is None or 0.0 <= overall[key] <= 1.0, (key, overall[key])
    assert 1 <= overall["answered"] <= 4
    xl = overall["cross_lingual"]
    assert set(xl) == {"same", "en_nl", "nl_en"}
    assert xl["en_nl"]["questions"] == 1 and xl["same"]["questions"] == 2 and xl["nl_en"]["questions"] == 0
    assert xl["nl_en"]["fact_accuracy"] is None
    assert overall["fact_accuracy"] > 0  # the planted facts are found
    rows = {r["id"]: r for r in report["systems"]["planwijzer"]["rows"]}
    assert rows["e2"]["direction"] == "en_nl" and rows["e1"]["direction"] == "same" and rows["e4"]["direction"] is None
    for r in rows.values():
        assert (r["non_answer"] is None) == r["abstained"]
    assert "cross_lingual" in report["systems"]["planwijzer"]["by_kind"]["cross_lingual"]

    assert main(["eval", str(questions), "--index", str(settings.index.dir)]) == 0
    text = capsys.readouterr().out
    assert "non_answer_rate" in text and "duplicate_citation_rate" in text and "fact en→nl (n)" in text

    assert main(["eval", str(questions), "--lowercase", "--json", "--index", str(settings.index.dir)]) == 0
    typed = json.loads(capsys.readouterr().out)
    assert typed["lowercase"] is True and typed["systems"]["planwijzer"]["overall"]["fact_accuracy"] > 0
    assert main(["eval", str(questions), "--slip", "--index", str(settings.index.dir)]) == 0
    assert "every question with one typing slip" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("text", "slipped"),
    [
        ("Wat zijn de kwaliteitsafspraken?", "Wat zijn de kwaliteitasfspraken?"),
        ("Who consented and when?", "Who consneted and when?"),
        ("Wie is het?", "Wie is het?"),  # no word of seven letters
    ],
)
def test_a_question_with_one_typing_slip(text: str, slipped: str) -> None:
    assert with_slip(text) == slipped


def test_a_question_as_typed_in_lower_case() -> None:
    q = {"id": "x", "question": "Wie leidt de NVAO?", "history": ["Wat doet de NVAO?"], "answer_facts": [["Anna"]]}
    assert as_typed_lower(q) == {**q, "question": "wie leidt de nvao?", "history": ["wat doet de nvao?"]}
    assert "history" not in as_typed_lower({"question": "Wie?"})


def test_eval_cli_cross_validates_a_grid(
    capsys: pytest.CaptureFixture[str], settings: Settings, index: Index, tmp_path: Path
) -> None:
    questions = _questions(tmp_path / "q.jsonl")
    argv = ["eval", str(questions), "--grid", "dense_weight=0.2,0.8", "--cv-folds", "2", "--json"]
    assert main([*argv, "--index", str(settings.index.dir)]) == 0
    cv = json.loads(capsys.readouterr().out)
    assert cv["grid"] == {"name": "dense_weight", "values": ["0.2", "0.8"], "default": "0.5"}
    assert set(cv["overall"]) == {"0.5", "0.2", "0.8"} and cv["questions"] == 4
    assert cv["fold_sizes"] == [2, 2]  # e1 and e2 share the plan's url: one fold, e3 and e4 the other
    assert {r["fold"] for r in cv["rows"] if r["id"] in ("e1", "e2")} == {cv["rows"][0]["fold"]}
    assert isinstance(cv["accept"], bool) and len(cv["folds"]) == 2
    assert index.settings.retrieval.dense_weight == 0.5  # restored
    assert (
        main(
            [
                "eval",
                str(questions),
                "--grid",
                "dense_weight=0.8",
                "--cv-folds",
                "2",
                "--objective",
                "cited",
                "--index",
                str(settings.index.dir),
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "Held-out score of the CV-chosen setting" in out and "weighted by citation precision" in out


@pytest.mark.parametrize(
    ("lines", "line"),
    [('{"question": "Wat?"}\n\n{not json\n', 3), ('{"question": "Wat?"}\n{"vraag": "Wat?"}\n', 2)],
)
def test_every_questions_file_is_read_by_one_reader_that_names_the_broken_line(
    tmp_path: Path, lines: str, line: int
) -> None:
    """eval, the grounding calibration and the load bench read a questions file the same way, with the same error."""
    from planwijzer.assistant import grounding_calibration
    from planwijzer.assistant.evaluation import load_questions

    from planwijzer.bench.load import read_questions

    bad = tmp_path / "bad.jsonl"
    bad.write_text(lines, encoding="utf-8")
    readers = [load_questions, read_questions, lambda p: grounding_calibration.run(None, p, extra=None)]
    for read in readers:
        with pytest.raises(ValueError, match=rf"bad\.jsonl:{line}: "):
            read(bad)
    good = write_questions(tmp_path / "good.jsonl", [{"question": "Wat?", "history": ["Eerder?"]}])
    assert load_questions(good) == [{"question": "Wat?", "history": ["Eerder?"]}]
    assert [(q.question, q.history) for q in read_questions(good)] == [("Wat?", ("Eerder?",))]
