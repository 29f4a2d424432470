"""Tuning a setting by held-out folds: ``planwijzer eval QUESTIONS... --grid NAME=v1,v2 [--cv-folds K]``.

The questions (of one or several files) are split into ``K`` folds **by document**: questions that share a gold
url, directly or through a chain of others, land in the same fold (union-find over gold urls); a question without
gold urls (unanswerable) is a group of its own. Groups go, largest first, to the fold with the fewest questions, so
the folds are balanced by question count and the split is deterministic.

Every question is answered once per grid value. The objective (``--objective``) is the mean per-question
correctness: for an answerable question its facts are in the answer (``fact_ok``), for an unanswerable one the
answerer abstained; or (``cited``) the same weighted by the answer's citation precision, so that a setting which
adds off-the-point citations to right answers is not preferred.
For each fold the value with the best mean on the other ``K - 1`` folds is chosen (ties: the default, i.e. the
current value, then the first in the grid) and scored on the held-out fold. The change is accepted only when the
CV-chosen settings beat the default on the held-out folds (improvement > 0).

A grid names either a setting read at query time, by its flat name (``dense_weight``, ``fusion``, ``fusion_k``,
``candidates``, ``answer_passages``, ``max_answer_chars``, …; see ``FLAT_NAMES`` in :mod:`planwijzer.config`) —
swapped in with ``index.settings.replace`` for each value, since :class:`~assistant.retrieval.Index` and the
answerer read ``index.settings`` on every question — or a module constant, ``module.CONSTANT`` (e.g.
``assistant.answer_weights.LEXICAL_WEIGHT``), set for the run of each value and restored afterwards. A constant
only takes effect where it is read through its module at call time (``answer_weights.NAME``, or the defining
module's own functions); a copy made by ``from module import CONSTANT`` elsewhere keeps the old value.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import TypeAdapter

from planwijzer.config import FLAT_NAMES, Settings, flat_field

INDEX_TIME_FIELDS = frozenset(name for name, (group, _) in FLAT_NAMES.items() if group == "index")
"""Settings fixed when the index is built or opened, i.e. the ``index`` group (``second_dense``: the lane's model is
loaded with the :class:`~assistant.retrieval.Index`): sweeping them at query time would measure nothing."""


# --------------------------------------------------------------------------------------------------- folds


def question_key(q: dict, n: int) -> str:
    """A question's id (its position when it has none)."""
    return str(q.get("id") or f"#{n}")


def fold_split(questions: list[dict], k: int) -> list[int]:
    """The fold (0 … k-1) of each question: questions sharing a gold url (transitively) share a fold; folds are
    balanced by question count; the same questions always give the same split."""
    if k < 2:
        raise ValueError("cross-validation needs at least 2 folds")
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    nodes = []
    for n, q in enumerate(questions):
        urls = sorted(set(q.get("gold_urls") or []))
        node = f"url:{urls[0]}" if urls else f"q:{question_key(q, n)}"
        for url in urls[1:]:
            union(node, f"url:{url}")
        nodes.append(node)
    groups: dict[str, list[int]] = {}
    for n, node in enumerate(nodes):
        groups.setdefault(find(node), []).append(n)
    ordered = sorted(groups.values(), key=lambda g: (-len(g), min(question_key(questions[i], i) for i in g)))
    sizes = [0] * k
    folds = [0] * len(questions)
    for group in ordered:
        target = min(range(k), key=lambda f: (sizes[f], f))
        sizes[target] += len(group)
        for i in group:
            folds[i] = target
    return folds


# --------------------------------------------------------------------------------------------------- grid


@dataclass
class Grid:
    """One swept parameter: a setting (flat name) or a ``module.CONSTANT``, its values and the current (default) one."""

    name: str
    values: list[Any]
    default: Any
    kind: str  # "settings" or "constant"

    @property
    def all_values(self) -> list[Any]:
        """The grid's values, with the default first when the grid does not list it (it is always measured)."""
        return self.values if self.default in self.values else [self.default, *self.values]


def _parse_as(raw: str, like: Any) -> Any:
    if isinstance(like, bool):
        if raw.lower() in {"1", "true", "yes", "on"}:
            return True
        if raw.lower() in {"0", "false", "no", "off"}:
            return False
        raise ValueError(f"not a boolean: {raw!r}")
    if isinstance(like, (int, float, str)):
        return type(like)(raw)
    raise ValueError(f"cannot sweep a value of type {type(like).__name__}")


def parse_grid(spec: str, settings: Settings) -> Grid:
    """``NAME=v1,v2,…`` as a :class:`Grid`; values are parsed to the field's (or the constant's) type."""
    name, sep, raw = spec.partition("=")
    name = name.strip()
    values_raw = [v.strip() for v in raw.split(",") if v.strip()]
    if not sep or not name or not values_raw:
        raise ValueError(f"--grid wants NAME=v1,v2,… (got {spec!r})")
    if name in FLAT_NAMES:
        if name in INDEX_TIME_FIELDS:
            raise ValueError(f"{name} is fixed when the index is built or opened; compare one index per value")
        field = flat_field(name)
        adapter = TypeAdapter(Annotated[field.annotation, *field.metadata] if field.metadata else field.annotation)
        try:
            values = [adapter.validate_python(v) for v in values_raw]
        except Exception as exc:
            raise ValueError(f"--grid {name}: {exc}") from exc
        return Grid(name, list(dict.fromkeys(values)), settings.get(name), "settings")
    module_name, dot, attr = name.rpartition(".")
    if not dot:
        raise ValueError(f"--grid: {name!r} is not a setting (see planwijzer/config.py) nor a module.CONSTANT")
    try:
        module = _module(module_name)
    except ImportError as exc:
        raise ValueError(f"--grid: no module {module_name!r}") from exc
    if not hasattr(module, attr):
        raise ValueError(f"--grid: {module_name} has no {attr}")
    current = getattr(module, attr)
    try:
        values = [_parse_as(v, current) for v in values_raw]
    except ValueError as exc:
        raise ValueError(f"--grid {name}: {exc}") from exc
    return Grid(name, list(dict.fromkeys(values)), current, "constant")


def _module(name: str):
    """The module ``name``, also given as the folder path without its ``planwijzer.`` root (``assistant.answer``)."""
    if not name.startswith("planwijzer.") and name.split(".")[0] in {"ingest", "assistant", "ui"}:
        name = "planwijzer." + name
    return importlib.import_module(name)


@contextmanager
def applied(index, grid: Grid, value: Any) -> Iterator[None]:
    """``index`` answering with ``grid.name`` set to ``value``; the previous settings or constant restored after."""
    if grid.kind == "settings":
        saved = index.settings
        index.settings = saved.replace(**{grid.name: value})
        try:
            yield
        finally:
            index.settings = saved
        return
    module_name, _, attr = grid.name.rpartition(".")
    module = _module(module_name)
    saved_value = getattr(module, attr)
    setattr(module, attr, value)
    try:
        yield
    finally:
        setattr(module, attr, saved_value)


# --------------------------------------------------------------------------------------------------- selection


def correct(row: dict) -> bool:
    """The objective per question: facts found (answerable) or abstained (unanswerable)."""
    return bool(row["fact_ok"]) if row["answerable"] else bool(row["abstained"])


def correctly_cited(row: dict) -> float:
    """The stricter objective per question: :func:`correct`, and for an answered question weighted by its citation
    precision (the share of its cited passages that come from a gold document): 1.0 for a right answer that cites
    only gold passages, 0.5 for one whose second of two citations is off the point."""
    if not row["answerable"]:
        return 1.0 if row["abstained"] else 0.0
    if not row["fact_ok"] or not row["cited"]:
        return 0.0
    return row["cited_gold"] / row["cited"]


OBJECTIVES = {
    "correct": (
        lambda row: 1.0 if correct(row) else 0.0,
        "mean per-question correctness: facts found (answerable), abstained (unanswerable)",
    ),
    "cited": (
        correctly_cited,
        "mean per-question correctness weighted by citation precision: facts found × share of gold citations "
        "(answerable), abstained (unanswerable)",
    ),
}
"""The objectives ``--objective`` chooses from: name → (score of one question's row, description)."""


def _mean(xs: list[float]) -> float | None:
    return sum(xs) / len(xs) if xs else None


def cross_validate(scores: dict[Any, list[float]], folds: list[int], default: Any) -> dict:
    """Held-out selection from per-question scores.

    ``scores`` maps each value (the default among them) to one score per question (in ``folds`` order).
    Returns per value its overall score, per fold the value chosen on the other folds with its held-out score
    and the default's, and the held-out totals over all folds.
    """
    if default not in scores:
        raise ValueError("the default value must be measured too")
    n = len(folds)
    if any(len(s) != n for s in scores.values()):
        raise ValueError("every value needs one score per question")
    values = list(scores)
    order = [default, *[v for v in values if v != default]]  # ties go to the default, then grid order
    k = max(folds) + 1 if folds else 0
    per_fold = []
    cv_total = default_total = 0.0
    for f in range(k):
        train = [i for i in range(n) if folds[i] != f]
        test = [i for i in range(n) if folds[i] == f]
        if not test:
            continue
        train_scores = {v: _mean([scores[v][i] for i in train]) for v in values}
        best = default
        for v in order:
            if train_scores[v] is not None and train_scores[v] > (train_scores[best] or 0.0) + 1e-12:
                best = v
        chosen_sum = sum(scores[best][i] for i in test)
        default_sum = sum(scores[default][i] for i in test)
        cv_total += chosen_sum
        default_total += default_sum
        per_fold.append(
            {
                "fold": f,
                "questions": len(test),
                "chosen": best,
                "train_scores": {_key(v): _round(s) for v, s in train_scores.items()},
                "held_out": _round(chosen_sum / len(test)),
                "default_held_out": _round(default_sum / len(test)),
            }
        )
    cv = cv_total / n if n else None
    base = default_total / n if n else None
    improvement = (cv - base) if n else None
    return {
        "default": default,
        "overall": {_key(v): _round(_mean(s)) for v, s in scores.items()},
        "folds": per_fold,
        "cv_held_out": _round(cv),
        "default_held_out": _round(base),
        "improvement": _round(improvement),
        "accept": bool(improvement is not None and improvement > 1e-12),
        "chosen_values": sorted({_key(p["chosen"]) for p in per_fold}),
    }


def _key(v: Any) -> str:
    return str(v)


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


# --------------------------------------------------------------------------------------------------- running


def run_cv(
    index,
    question_files: list,
    grid: Grid,
    k: int = 5,
    log=None,
    objective: str = "correct",
    lowercase: bool = False,
    slip: bool = False,
) -> dict:
    """Answer every question of ``question_files`` once per grid value and select by ``k`` held-out folds on
    ``objective`` (a name in :data:`OBJECTIVES`); with ``lowercase``/``slip`` the questions as typed so
    (:func:`~planwijzer.assistant.evaluation.as_typed`; the folds are those of the questions as written)."""
    from planwijzer.assistant.evaluation import as_typed, load_questions, run_questions, url_languages

    if objective not in OBJECTIVES:
        raise ValueError(f"unknown objective {objective!r}: choose one of {', '.join(OBJECTIVES)}")
    score_of, described = OBJECTIVES[objective]
    questions = [q for path in question_files for q in load_questions(path)]
    if len(questions) < k:
        raise ValueError(f"{len(questions)} questions cannot fill {k} folds")
    folds = fold_split(questions, k)
    questions = as_typed(questions, lowercase, slip)
    index.search("warm-up", k=1)
    langs = url_languages(index)
    rows: dict[Any, list[dict]] = {}
    for value in grid.all_values:
        if log:
            log(f"{grid.name}={value}: answering {len(questions)} questions …")
        with applied(index, grid, value):
            rows[value] = run_questions(index, questions, "hybrid", langs)
    scores = {v: [score_of(r) for r in rs] for v, rs in rows.items()}
    result = cross_validate(scores, folds, grid.default)
    fold_sizes = [folds.count(f) for f in range(k)]
    per_question = [
        {"id": question_key(q, n), "fold": folds[n], **{_key(v): round(scores[v][n], 4) for v in rows}}
        for n, q in enumerate(questions)
    ]
    return {
        "questions_files": [str(p) for p in question_files],
        "questions": len(questions),
        "grid": {"name": grid.name, "values": [_key(v) for v in grid.values], "default": _key(grid.default)},
        "k": k,
        "fold_sizes": fold_sizes,
        "objective": described,
        **{key: _key(val) if key == "default" else val for key, val in result.items()},
        "folds": [{**p, "chosen": _key(p["chosen"])} for p in result["folds"]],
        "rows": per_question,
    }


def format_cv(report: dict) -> str:
    """The cross-validation report as Markdown."""

    def fmt(x):
        return "–" if x is None else f"{x:.3f}"

    g = report["grid"]
    lines = [
        f"Cross-validation of {g['name']} over {report['questions']} questions "
        f"({', '.join(report['questions_files'])}), {report['k']} folds by document "
        f"(sizes {', '.join(map(str, report['fold_sizes']))}); default {g['default']}.",
        f"Objective: {report['objective']}.",
        "",
        "| value | overall score |",
        "|---|---|",
    ]
    for value, score in report["overall"].items():
        lines.append(f"| {value}{' (default)' if value == report['default'] else ''} | {fmt(score)} |")
    lines += ["", "| fold (n) | chosen on the other folds | held-out score | default held-out |", "|---|---|---|---|"]
    for p in report["folds"]:
        lines.append(
            f"| {p['fold']} ({p['questions']}) | {p['chosen']} | {fmt(p['held_out'])} | {fmt(p['default_held_out'])} |"
        )
    verdict = "accept" if report["accept"] else "do not accept"
    lines += [
        "",
        f"Held-out score of the CV-chosen setting {fmt(report['cv_held_out'])} vs the default's "
        f"{fmt(report['default_held_out'])} (improvement {report['improvement']:+.3f}): {verdict} the change.",
    ]
    return "\n".join(lines)
