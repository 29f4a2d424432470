"""Timing helpers for the benchmark: percentiles, peak memory, disk size, concurrent clients."""

from __future__ import annotations

import resource
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np


def percentiles(samples_ms: list[float]) -> dict[str, float]:
    """p50/p95/p99/mean of latency samples in milliseconds."""
    if not samples_ms:
        return {"p50": 0.0, "p95": 0.0, "p99": 0.0, "mean": 0.0}
    arr = np.asarray(samples_ms, dtype=float)
    return {
        "p50": round(float(np.percentile(arr, 50)), 2),
        "p95": round(float(np.percentile(arr, 95)), 2),
        "p99": round(float(np.percentile(arr, 99)), 2),
        "mean": round(float(arr.mean()), 2),
    }


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def dir_size_mb(path: Path) -> float:
    """Total size of the files under ``path``, in MB."""
    return round(sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file()) / 1e6, 2)


def throughput(fn: Callable[[str], object], queries: list[str], clients: int, total: int) -> dict:
    """Run ``total`` calls of ``fn`` over ``queries`` from ``clients`` threads: queries/s and errors."""
    errors = 0

    def call(i: int) -> None:
        nonlocal errors
        try:
            fn(queries[i % len(queries)])
        except Exception:  # noqa: BLE001 - every failure counts as an error
            errors += 1

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        list(pool.map(call, range(total)))
    seconds = time.perf_counter() - started
    return {"clients": clients, "requests": total, "errors": errors, "qps": round(total / seconds, 2)}
