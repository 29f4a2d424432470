"""Scale-out on a Chroma server: ingest in one process, serve from another, see updates from a third.

A real ``chroma run`` server is started on a free loopback port. Every process gets its own local
index directory (only caches live there), as app workers on different hosts would.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from llm_support import free_port
from planwijzer.assistant.answer import answer_question
from planwijzer.assistant.retrieval import Filters, Index
from planwijzer.ingest.lexical import load_lexical
from planwijzer.ingest.store import IndexStore, open_store

from planwijzer.config import Settings

PLAN = """\
---
title: Instemming bestedingsplan Hogeschool Zeewolde
url: https://zeewolde.example/plan
date: 2023-05-10
doc_type: council
language: nl
institution: Hogeschool Zeewolde
---
# Besluit

Op 9 mei 2023 stemde de Medezeggenschapsraad in met het bestedingsplan van de hogeschool. \
Met het plan is 4,2 miljoen euro gemoeid voor extra studiebegeleiding.
"""

OTHER = """\
---
title: Studentenwelzijn in Zeewolde
url: https://zeewolde.example/welzijn
date: 2023-01-15
doc_type: news
language: nl
institution: Hogeschool Zeewolde
---
# Welzijn

De hogeschool opende een inloopspreekuur voor studenten met stress. Het spreekuur is elke dinsdag.
"""


def _cli(env_url: str, cache: Path, *argv: str) -> subprocess.CompletedProcess:
    """Run ``planwijzer`` in a separate process against the server, with its own local cache directory."""
    env = {**os.environ, "PLANWIJZER_CHROMA_URL": env_url, "PLANWIJZER_INDEX": str(cache)}
    return subprocess.run(
        [sys.executable, "-m", "planwijzer.cli", *argv, "--no-progress"]
        if argv[0] == "ingest"
        else [sys.executable, "-m", "planwijzer.cli", *argv],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_one_index_on_a_server_is_shared_and_updates_reach_every_process(chroma_url: str, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "plan.md").write_text(PLAN, encoding="utf-8")
    (corpus / "welzijn.md").write_text(OTHER, encoding="utf-8")

    # Process A ingests into the server.
    done = _cli(chroma_url, tmp_path / "cache-a", "ingest", str(corpus))
    assert done.returncode == 0, done.stderr
    assert "2 added" in done.stdout

    # This process serves queries from its own, empty local cache.
    serving = Settings(index=tmp_path / "cache-serve", chroma_url=chroma_url)
    index = Index(serving)
    first = answer_question(index, "Hoeveel geld is er met het bestedingsplan gemoeid?")
    assert not first.abstained
    assert "4,2 miljoen" in first.answer
    assert not (tmp_path / "cache-serve" / "chroma").exists(), "server mode must not create an embedded store"
    assert (tmp_path / "cache-serve" / "bm25").is_dir()
    assert [d.date for d in open_store(serving).decisions()] == ["2023-05-09"]

    # Process B changes the plan (another amount, another date) and removes the news item.
    (corpus / "plan.md").write_text(
        PLAN.replace("4,2 miljoen", "5,9 miljoen").replace("Op 9 mei 2023", "Op 16 mei 2023"), encoding="utf-8"
    )
    (corpus / "welzijn.md").unlink()
    done = _cli(chroma_url, tmp_path / "cache-b", "ingest", str(corpus))
    assert done.returncode == 0, done.stderr
    assert "1 changed, 1 removed" in done.stdout

    # The serving process sees the change at its next request: dense (server), BM25 and decisions (local caches).
    index.refresh()
    second = answer_question(index, "Hoeveel geld is er met het bestedingsplan gemoeid?")
    assert "5,9 miljoen" in second.answer and "4,2 miljoen" not in second.answer
    assert index.search("inloopspreekuur stress dinsdag", Filters(), k=5, mode="bm25").hits == []
    assert {h.meta["doc_id"] for h in index.search("inloopspreekuur stress dinsdag", Filters(), k=5).hits} == {
        "plan.md"
    }
    lex = load_lexical(tmp_path / "cache-serve")
    assert lex is not None and {m["doc_id"] for m in lex.metas} == {"plan.md"}
    assert [d.date for d in open_store(serving).decisions()] == ["2023-05-16"]

    # The manifest lives on the server, not in any local directory.
    anywhere = IndexStore.on_server(chroma_url, tmp_path / "anywhere", serving.index.collection)
    manifest = anywhere.manifest()
    assert sorted(manifest.docs) == ["plan.md"]
    assert not (tmp_path / "cache-serve" / "manifest.json").exists()
    chunk_ids = anywhere.chunk_collection().get(include=[])["ids"]
    assert sorted(chunk_ids) == sorted(lex.ids)

    # A third process lists the decisions and the status from yet another fresh cache.
    done = _cli(chroma_url, tmp_path / "cache-c", "decisions", "--json")
    assert done.returncode == 0, done.stderr
    assert '"2023-05-16"' in done.stdout and '"2023-05-09"' not in done.stdout
    done = _cli(chroma_url, tmp_path / "cache-c", "status")
    assert "Chroma server" in done.stdout and "documents:  1" in done.stdout


def test_an_unreachable_server_is_named_with_the_fix(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    done = _cli(url, tmp_path / "cache", "ask", "Wanneer stemde de raad in?")
    assert done.returncode == 2
    assert url in done.stderr and "chroma run" in done.stderr and "Traceback" not in done.stderr


def test_an_empty_server_is_not_auto_ingested_by_a_worker(chroma_url: str, tmp_path: Path) -> None:
    env_settings = Settings(index=tmp_path / "cache", chroma_url=chroma_url, collection="leeg")
    from planwijzer.assistant.service import ensure_index

    with pytest.raises(RuntimeError, match="planwijzer ingest"):
        ensure_index(env_settings, progress=False)
