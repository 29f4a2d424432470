"""Packaging: one import root (``planwijzer.*``) that keeps the customer's top-level folders, layers that only
import downwards, and a wheel that answers from its bundled corpus outside the checkout."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Data flows one way: configuration, ingest, index and retrieval, answers, then the surfaces (web app, CLI, bench).
LAYERS = {
    "planwijzer.config": 0,
    "planwijzer.messages": 0,
    "planwijzer.passwords": 0,
    "planwijzer.access": 0,
    "planwijzer.users": 0,
    "planwijzer.ingest": 1,
    "planwijzer.assistant": 2,
    "planwijzer.ui": 3,
    "planwijzer.cli": 4,
    "planwijzer.bench": 4,
}
FOLDERS = {
    "ingest": "planwijzer.ingest",
    "assistant": "planwijzer.assistant",
    "ui": "planwijzer.ui",
    "planwijzer": "planwijzer",
}


def _layer(module: str) -> int | None:
    for prefix, level in sorted(LAYERS.items(), key=lambda item: -len(item[0])):
        if module == prefix or module.startswith(prefix + "."):
            return level
    return None


def _imports(path: Path) -> list[str]:
    """Every absolute module a file imports, at the top or inside a function."""
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names += [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
    return names


def _modules() -> list[tuple[str, Path]]:
    found = []
    for folder, package in FOLDERS.items():
        for path in sorted((ROOT / folder).rglob("*.py")):
            parts = path.relative_to(ROOT / folder).with_suffix("").parts
            found.append((".".join((package, *parts)).removesuffix(".__init__"), path))
    return found


def test_the_customer_folders_are_imported_under_one_root() -> None:
    import planwijzer.assistant
    import planwijzer.ingest
    import planwijzer.ui

    assert Path(planwijzer.ingest.__file__).parent == ROOT / "ingest"
    assert Path(planwijzer.assistant.__file__).parent == ROOT / "assistant"
    assert Path(planwijzer.ui.__file__).parent == ROOT / "ui"


def test_no_module_imports_a_layer_above_it() -> None:
    upward = []
    for module, path in _modules():
        mine = _layer(module)
        for name in _imports(path):
            theirs = _layer(name)
            if mine is not None and theirs is not None and theirs > mine:
                upward.append(f"{path.relative_to(ROOT)} imports {name}")
    assert not upward, upward


def test_no_module_below_the_web_app_imports_gradio() -> None:
    offenders = [
        f"{path.relative_to(ROOT)} imports {name}"
        for module, path in _modules()
        if (_layer(module) or 0) < LAYERS["planwijzer.ui"] or module == "planwijzer"
        for name in _imports(path)
        if name.split(".")[0] in {"gradio", "gradio_client"}
    ]
    assert not offenders, offenders


def test_the_layer_check_sees_an_upward_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from planwijzer.ui import render\n", encoding="utf-8")
    assert [_layer(name) for name in _imports(bad)] == [LAYERS["planwijzer.ui"]] * 2


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-q", "-w", str(out)],
        check=True,
        capture_output=True,
        text=True,
    )
    (built,) = out.glob("planwijzer-*.whl")
    return built


def test_the_wheel_holds_one_import_root_and_the_bundled_corpus(wheel: Path) -> None:
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    roots = {name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")}
    assert roots == {"planwijzer"}
    assert "planwijzer/corpus/kwaliteitsafspraken-universiteit-leiden.md" in names
    assert "planwijzer/ingest/pipeline.py" in names and "planwijzer/ui/app.py" in names


def test_an_installed_wheel_answers_from_its_bundled_corpus(wheel: Path, tmp_path: Path) -> None:
    """A venv that sees the installed dependencies but not the checkout: the wheel's planwijzer, not the source."""
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", site, str(wheel)],
        check=True,
        capture_output=True,
        text=True,
    )
    env = {**os.environ, "PLANWIJZER_INDEX": str(tmp_path / "index"), "HF_HUB_OFFLINE": "1"}
    env.pop("PYTHONPATH", None)
    where = subprocess.run(
        [python, "-c", "import planwijzer.config as c; print(c.__file__); print(c.DEFAULT_CORPUS)"],
        cwd=tmp_path,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    assert all(path.startswith(str(env_dir)) for path in where), where
    assert where[1].endswith("planwijzer/corpus")

    clash = subprocess.run([python, "-c", "import ui"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert clash.returncode != 0 and "No module named 'ui'" in clash.stderr

    asked = subprocess.run(
        [python, "-m", "planwijzer.cli", "ask", "--json", "Where does the money for the quality agreements come from?"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert asked.returncode == 0, asked.stderr[-2000:]
    import json

    answer = json.loads(asked.stdout)
    assert not answer["abstained"] and answer["citations"]
    assert answer["citations"][0]["doc_id"] == "kwaliteitsafspraken-universiteit-leiden.md"
