"""Settings (planwijzer/config.py): six documented groups, read from the same flat ``PLANWIJZER_*`` variables.

Every setting has one flat name, the suffix of its environment variable (``PLANWIJZER_DENSE_WEIGHT`` ->
``dense_weight``), which is also its keyword in ``Settings(...)``, ``get_settings(...)``, ``replace(...)`` and
``planwijzer eval --grid``; in code it is read from its group (``settings.retrieval.dense_weight``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import pytest
from planwijzer.assistant.crossval import INDEX_TIME_FIELDS, Grid, applied, parse_grid
from pydantic import ValidationError

from planwijzer.config import FLAT_NAMES, GROUPS, Settings, flat_field, get_settings

REPO = Path(__file__).resolve().parent.parent


def _sample(name: str, tmp_path: Path) -> tuple[str, Any]:
    """A valid value for setting ``name`` that is not its default: (as an environment string, as parsed)."""
    field = flat_field(name)
    if get_origin(field.annotation) is Literal:
        choice = next(c for c in get_args(field.annotation) if c != field.default)
        return choice, choice
    kinds = set(get_args(field.annotation) or [field.annotation]) - {type(None)}
    if bool in kinds:
        return ("false", False) if field.default else ("true", True)
    if int in kinds:
        return "7", 7
    if float in kinds:
        return "0.25", 0.25
    if Path in kinds:
        return str(tmp_path / name), tmp_path / name
    if str in kinds:
        return "http://127.0.0.1:9/v1", "http://127.0.0.1:9/v1"
    raise AssertionError(f"no sample value for {name}: {field.annotation}")


def test_every_flat_environment_variable_sets_its_grouped_field(monkeypatch, tmp_path: Path) -> None:
    expected = {}
    for name in FLAT_NAMES:
        raw, value = _sample(name, tmp_path)
        assert value != flat_field(name).default, name
        monkeypatch.setenv(f"PLANWIJZER_{name.upper()}", raw)
        expected[name] = value
    settings = Settings()
    for name, (group, attr) in FLAT_NAMES.items():
        assert getattr(getattr(settings, group), attr) == expected[name], f"PLANWIJZER_{name.upper()}"
        assert settings.get(name) == expected[name]


def test_some_variables_read_where_a_reader_expects_them(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PLANWIJZER_INDEX", str(tmp_path / "idx"))  # a path, not the JSON of the ``index`` group
    monkeypatch.setenv("PLANWIJZER_DENSE_WEIGHT", "0.3")
    monkeypatch.setenv("PLANWIJZER_LLM_MODEL", "smollm2")
    monkeypatch.setenv("PLANWIJZER_GROUNDING_POLICY", "mark")
    monkeypatch.setenv("PLANWIJZER_MAX_ANSWER_CHARS", "300")
    monkeypatch.setenv("PLANWIJZER_LOG_REQUESTS", "1")
    settings = Settings()
    assert settings.index.dir == tmp_path / "idx"
    assert settings.retrieval.dense_weight == 0.3
    assert settings.llm.model == "smollm2"
    assert settings.grounding.policy == "mark"
    assert settings.answer.max_chars == 300
    assert settings.web.log_requests is True
    assert settings.web.feedback_db == tmp_path / "feedback.sqlite3"  # still defaults next to the index


def test_environment_values_are_validated(monkeypatch) -> None:
    monkeypatch.setenv("PLANWIJZER_USE_SHARE", "1.5")
    with pytest.raises(ValidationError, match="use_share"):
        Settings()
    monkeypatch.delenv("PLANWIJZER_USE_SHARE")
    monkeypatch.setenv("PLANWIJZER_FUSION", "median")
    with pytest.raises(ValidationError, match="fusion"):
        Settings()


def test_flat_keyword_overrides_are_routed_into_the_groups(monkeypatch, tmp_path: Path) -> None:
    settings = Settings(
        index=tmp_path / "idx", embedder="sentence-transformers:minilm", dense_weight=0.3, llm_model="m"
    )
    assert settings.index.dir == tmp_path / "idx" and settings.index.embedder == "sentence-transformers:minilm"
    assert settings.retrieval.dense_weight == 0.3 and settings.llm.model == "m"
    assert settings.web.feedback_db == tmp_path / "feedback.sqlite3"

    # a keyword wins over the environment, which still fills the rest of the same group
    monkeypatch.setenv("PLANWIJZER_INDEX", str(tmp_path / "from-env"))
    monkeypatch.setenv("PLANWIJZER_EMBEDDER", "sentence-transformers:minilm")
    settings = get_settings(index=tmp_path / "flag", embedder=None, chroma_url=None)  # None = flag not given
    assert settings.index.dir == tmp_path / "flag" and settings.index.embedder == "sentence-transformers:minilm"
    assert settings.index.chroma_url is None

    with pytest.raises(ValidationError, match="dedup_margin"):
        Settings(dedup_margin=2.0)


def test_replace_returns_a_validated_copy_by_flat_name(tmp_path: Path) -> None:
    settings = Settings(index=tmp_path / "idx")
    changed = settings.replace(dense_weight=0.6, answer_backend="openai", uploads_dir=str(tmp_path / "up"))
    assert changed.retrieval.dense_weight == 0.6 and changed.answer.backend == "openai"
    assert changed.web.uploads_dir == tmp_path / "up"  # parsed like the environment would be
    assert settings.retrieval.dense_weight == 0.5 and settings.answer.backend == "extractive"  # the original stays
    assert changed.index == settings.index
    with pytest.raises(ValidationError, match="use_share"):
        settings.replace(use_share=1.5)
    with pytest.raises(ValidationError, match="grounding.policy"):
        settings.replace(grounding_policy="ignore")
    with pytest.raises(ValueError, match="no such setting: dense_wieght"):
        settings.replace(dense_wieght=0.5)


def test_the_json_dump_is_a_faithful_cache_key(tmp_path: Path) -> None:
    settings = Settings(index=tmp_path / "idx", fusion="rrf")
    assert Settings.model_validate_json(settings.model_dump_json()) == settings
    assert settings.model_dump_json() == Settings(index=tmp_path / "idx", fusion="rrf").model_dump_json()
    assert settings.model_dump_json() != settings.replace(fusion="convex").model_dump_json()


def test_the_flat_table_names_every_group_field_once() -> None:
    fields = {(group, attr) for group, model in GROUPS.items() for attr in model.model_fields}
    assert sorted(FLAT_NAMES.values()) == sorted(fields)
    assert set(Settings.model_fields) == set(GROUPS)
    assert INDEX_TIME_FIELDS == {name for name, (group, _) in FLAT_NAMES.items() if group == "index"}


def test_the_groups_and_every_field_are_documented() -> None:
    for name, field in Settings.model_fields.items():
        assert field.description, name
    for group, model in GROUPS.items():
        assert model.__doc__ and model.__doc__.strip(), group
        for attr, field in model.model_fields.items():
            assert field.description and len(field.description) > 10, f"{group}.{attr}"


def test_the_readme_configuration_table_names_real_variables() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    named = {m.lower() for m in re.findall(r"PLANWIJZER_([A-Z0-9_]+)", section)}
    assert named and named <= set(FLAT_NAMES), named - set(FLAT_NAMES)


def test_grid_takes_a_flat_setting_name() -> None:
    settings = Settings(index=Path("/nonexistent"))
    grid = parse_grid("dense_weight=0.4,0.5", settings)
    assert (grid.name, grid.values, grid.default, grid.kind) == ("dense_weight", [0.4, 0.5], 0.5, "settings")
    grid = parse_grid("cross_use_share=0.6,1.0", settings)
    assert (grid.values, grid.default) == ([0.6, 1.0], 0.8)
    assert parse_grid("max_answer_chars=400", settings).values == [400]
    for bad in ("use_share=1.5", "index=/tmp", "second_dense=none", "retrieval.dense_weight=0.4"):
        with pytest.raises(ValueError):
            parse_grid(bad, settings)

    class FakeIndex:
        pass

    index = FakeIndex()
    index.settings = settings
    with applied(index, Grid("cross_use_share", [0.6], 0.8, "settings"), 0.6):
        assert index.settings.retrieval.cross_use_share == 0.6
    assert index.settings is settings
