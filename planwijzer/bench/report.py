"""The benchmark's Markdown table and PNG plots."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def markdown(report: dict) -> str:
    """Ingest summary and one row per corpus size, ours next to the baseline, with ratios."""
    ing = report["ingest"]
    o, b = ing["planwijzer"], ing["baseline"]
    lines = [
        f"Benchmark of {report['date']} on {report['machine']['cpus']} CPUs — `{report['command']}`",
        "",
        "| ingest | files | chunks | seconds | chunks/s | embedder tokens/s | overhead share | peak RSS MB "
        "| index MB |",
        "|---|---|---|---|---|---|---|---|---|",
        f"| Planwijzer | {o['files']} | {o['chunks']} | {o['seconds']} | {o['chunks_per_s']} | "
        f"{o['embedder_tokens_per_s']} | {o['overhead_share']:.1%} | {o['peak_rss_mb']} | {o['index_mb']} |",
        f"| baseline | {o['files']} | {b['chunks']} | {b['seconds']} | {b['chunks_per_s']} | – | – | "
        f"{b['peak_rss_mb']} | {b['index_mb']} |",
        f"| ratio (ours/baseline) | | | {ing['ratio']['seconds']} | | | | {ing['ratio']['peak_rss']} | "
        f"{ing['ratio']['index_mb']} |",
        "",
        f"Planwijzer ingest stages (s): {o['stages_s']}",
        "",
        "| chunks | ask p50/p95/p99 ms | search p50/p95/p99 ms | recall@5 | peak RSS MB | baseline search "
        "p50/p95/p99 ms | baseline recall@5 | ratio ask p95 | ratio search p95 | ratio recall@5 |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for s in report["scales"]:
        p, bl, r = s["planwijzer"], s["baseline"], s["ratio"]
        base = (
            f"{bl['search_ms']['p50']}/{bl['search_ms']['p95']}/{bl['search_ms']['p99']} | {bl['recall@5']}"
            if bl
            else "not run | not run"
        )
        lines.append(
            f"| {p['chunks']}{'' if s['distractors'] else ' (real only)'} | "
            f"{p['ask_ms']['p50']}/{p['ask_ms']['p95']}/{p['ask_ms']['p99']} | "
            f"{p['search_ms']['p50']}/{p['search_ms']['p95']}/{p['search_ms']['p99']} | {p['recall@5']} | "
            f"{p['peak_rss_mb']} | {base} | "
            + " | ".join("–" if r[k] is None else str(r[k]) for k in ("ask_p95", "search_p95", "recall@5"))
            + " |"
        )
    lines += ["", "Throughput of `ask` (queries/s, errors) by concurrent clients:", ""]
    for s in report["scales"]:
        tp = ", ".join(f"{t['clients']}: {t['qps']}/s ({t['errors']} err)" for t in s["planwijzer"]["throughput"])
        lines.append(f"- {s['planwijzer']['chunks']} chunks — {tp}")
    lines += ["", *[f"- {n}" for n in report["notes"]], ""]
    return "\n".join(lines)


def plots(report: dict, out: Path) -> list[Path]:
    """latency.png (percentiles vs size, log x), ingest.png (stage split), recall.png (recall@5 vs size)."""
    scales = sorted(report["scales"], key=lambda s: s["planwijzer"]["chunks"])
    x = [s["planwijzer"]["chunks"] for s in scales]
    files = []

    fig, ax = plt.subplots(figsize=(7, 4))
    for key, label, style in [("ask_ms", "Planwijzer ask", "-o"), ("search_ms", "Planwijzer search", "-s")]:
        for pct, alpha in [("p50", 1.0), ("p95", 0.7), ("p99", 0.4)]:
            ax.plot(x, [s["planwijzer"][key][pct] for s in scales], style, alpha=alpha, label=f"{label} {pct}")
    based = [s for s in scales if s["baseline"]]
    bx = [s["planwijzer"]["chunks"] for s in based]
    ax.plot(bx, [s["baseline"]["search_ms"]["p95"] for s in based], "--^", color="grey", label="baseline p95")
    ax.set_xscale("log")
    ax.set_xlabel("chunks in index")
    ax.set_ylabel("latency (ms)")
    ax.set_title("Query latency vs corpus size")
    ax.legend(fontsize=7)
    fig.tight_layout()
    files.append(out / "latency.png")
    fig.savefig(files[-1], dpi=110)
    plt.close(fig)

    stages = report["ingest"]["planwijzer"]["stages_s"]
    fig, ax = plt.subplots(figsize=(6, 3))
    left = 0.0
    for name, value in stages.items():
        ax.barh(["Planwijzer"], [value], left=left, label=name)
        left += value
    ax.barh(["baseline"], [report["ingest"]["baseline"]["seconds"]], color="grey", label="baseline total")
    ax.set_xlabel("seconds")
    ax.set_title("Ingest time by stage")
    ax.legend(fontsize=7)
    fig.tight_layout()
    files.append(out / "ingest.png")
    fig.savefig(files[-1], dpi=110)
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(6, 3.5))
    ax.plot(x, [s["planwijzer"]["recall@5"] for s in scales], "-o", label="Planwijzer")
    ax.plot(bx, [s["baseline"]["recall@5"] for s in based], "--^", color="grey", label="baseline")
    ax.set_xscale("log")
    ax.set_ylim(0, 1.05)
    ax.set_xlabel("chunks in index")
    ax.set_ylabel("document recall@5")
    ax.set_title("Recall with distractors vs corpus size")
    ax.legend()
    fig.tight_layout()
    files.append(out / "recall.png")
    fig.savefig(files[-1], dpi=110)
    plt.close(fig)
    return files
