"""``planwijzer bench``: ingest and query cost, ours next to the plain pipeline, at growing corpus sizes."""

from __future__ import annotations

import json
import multiprocessing
import os
import platform
import sys
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

from planwijzer.assistant.evaluation import load_questions
from planwijzer.bench import jobs
from planwijzer.bench.report import markdown, plots
from planwijzer.config import SHARED

DEFAULT_QUESTIONS: Path | None = (SHARED / "eval" / "questions.jsonl") if SHARED else None
NOTES = [
    "Distractor chunks are new text generated from the real chunks (word-bigram chains over 3-5 real chunks, "
    "rare words replaced by made-up ones so rare terms stay rare, every year and number shifted). Their "
    "embeddings are derived, not computed (embedding 100k chunks on 2 CPU cores takes hours with any model): "
    "each sits as close to its first source chunk's real vector as real chunks sit to their nearest neighbour "
    "(median cosine on the real corpus), in a seeded random direction. Distractors carry no sentence "
    "embeddings. The real corpus is embedded for real.",
    "Each measurement runs in its own process; peak RSS is that process's own.",
    "Baseline: langchain RecursiveCharacterTextSplitter(1000, 200), English all-MiniLM-L6-v2, Chroma "
    "similarity search, top chunk as the answer (so its ask latency is its search latency).",
]


EMBEDDED_NOTE = (
    "Distractor chunks are new text generated from the real chunks (word-bigram chains over 3-5 real chunks, "
    "rare words replaced by made-up ones so rare terms stay rare, every year and number shifted). They are "
    "embedded for real by each system's own model (`--embed-distractors`); the vectors are cached by content "
    "hash in ~/.cache/planwijzer/bench-embeddings.sqlite3, so later runs reuse them. Distractors carry no "
    "sentence embeddings."
)


def _in_child(fn, *args):
    """Run ``fn(*args)`` in a fresh process (spawned, so memory figures are its own)."""
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(fn, *args).result()


def _ratio(ours: float | None, base: float | None) -> float | None:
    return round(ours / base, 3) if ours is not None and base else None


def run_bench(
    corpus: list[Path],
    out: Path,
    sizes: list[int],
    questions_path: Path | None,
    quick: bool = False,
    log=print,
    embed_distractors: bool = False,
    baseline_sizes: list[int] | None = None,
) -> dict:
    """Run every measurement; write ``bench.json``, ``bench.md`` and PNG plots to ``out``.

    The baseline runs on the real corpus and at each of ``baseline_sizes`` (default: every size); elsewhere its
    figures and the ratios are None (with ``embed_distractors`` the baseline's own embeddings of 100k distractors
    take about an hour more on 2 cores).
    """
    out.mkdir(parents=True, exist_ok=True)
    work = out / "work"
    paths = [str(Path(p).resolve()) for p in corpus]
    questions = load_questions(questions_path) if questions_path else []
    if quick:
        questions = questions[:15]
    if not questions:
        raise ValueError("no questions to time: give --questions FILE (JSONL, the eval format)")
    requests = 8 if quick else 32

    log("ingest: Planwijzer …")
    ours_ingest = _in_child(jobs.ingest_job, paths, str(work / "real"))
    log("ingest: baseline …")
    base_ingest = _in_child(jobs.baseline_ingest_job, paths, str(work / "baseline-real"))
    scales = []
    for size in [0, *sizes]:
        log(f"size {size or 'real corpus'}: Planwijzer …")
        ours = _in_child(
            jobs.ours_scale_job,
            str(work / "real"),
            str(work / f"scale-{size}"),
            size,
            questions,
            requests,
            embed_distractors,
        )
        base = None
        if size == 0 or baseline_sizes is None or size in baseline_sizes:
            log(f"size {size or 'real corpus'}: baseline …")
            base = _in_child(
                jobs.baseline_scale_job,
                paths,
                str(work / "real"),
                str(work / f"base-{size}"),
                size,
                questions,
                embed_distractors,
            )
        scales.append(
            {
                "size": size or ours["chunks"],
                "distractors": size > 0,
                "planwijzer": ours,
                "baseline": base,
                "ratio": {
                    "search_p95": _ratio(ours["search_ms"]["p95"], base and base["search_ms"]["p95"]),
                    "ask_p95": _ratio(ours["ask_ms"]["p95"], base and base["search_ms"]["p95"]),
                    "recall@5": _ratio(ours["recall@5"], base and base["recall@5"]),
                    "peak_rss": _ratio(ours["peak_rss_mb"], base and base["peak_rss_mb"]),
                },
            }
        )
    report = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": "planwijzer bench " + " ".join(sys.argv[2:]),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "corpus": paths,
        "questions": len(questions),
        "notes": [EMBEDDED_NOTE, *NOTES[1:]] if embed_distractors else NOTES,
        "distractor_vectors": "embedded (cached by content hash)" if embed_distractors else "derived",
        "ingest": {
            "planwijzer": ours_ingest,
            "baseline": base_ingest,
            "ratio": {
                "seconds": _ratio(ours_ingest["seconds"], base_ingest["seconds"]),
                "index_mb": _ratio(ours_ingest["index_mb"], base_ingest["index_mb"]),
                "peak_rss": _ratio(ours_ingest["peak_rss_mb"], base_ingest["peak_rss_mb"]),
            },
        },
        "scales": scales,
    }
    (out / "bench.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    (out / "bench.md").write_text(markdown(report), encoding="utf-8")
    plots(report, out)
    return report
