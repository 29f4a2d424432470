"""``planwijzer eval``: retrieval and answer quality on a questions file, with baselines in the same run.

Questions file: JSON lines with ``question``, optional ``history`` (earlier questions), ``answerable``,
``gold_urls`` and ``answer_facts`` (a list of required facts, each a list of accepted spellings), ``kind``.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from pathlib import Path

from assistant.answer import Answer, answer_question
from assistant.retrieval import Index

ANSWER_WINDOW = 600


def load_questions(path: Path) -> list[dict]:
    """The questions of a JSONL file (blank lines ignored); errors name the line."""
    rows = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{n}: not valid JSON ({exc.msg})") from exc
    return rows


def ranked_urls(urls: list[str | None]) -> list[str]:
    """Unique document urls in rank order."""
    seen: list[str] = []
    for url in urls:
        if url and url not in seen:
            seen.append(url)
    return seen


def facts_found(answer: str, facts: list[list[str]]) -> bool:
    """True when every required fact (any accepted form, case-insensitive) is in the answer's first 600 chars."""
    window = answer[:ANSWER_WINDOW].lower()
    return all(any(form.lower() in window for form in forms) for forms in facts)


def score_one(
    q: dict, urls: list[str], answer_text: str, cited_urls: list[str | None], abstained: bool, ms: float
) -> dict:
    """Per-question measurements."""
    gold = set(q.get("gold_urls") or [])
    rank = next((i + 1 for i, u in enumerate(urls) if u in gold), None)
    answerable = bool(q.get("answerable", True))
    return {
        "id": q.get("id"),
        "kind": q.get("kind", "unknown"),
        "answerable": answerable,
        "rank": rank,
        "fact_ok": answerable and not abstained and facts_found(answer_text, q.get("answer_facts") or []),
        "cited": len(cited_urls),
        "cited_gold": sum(1 for u in cited_urls if u in gold),
        "abstained": abstained,
        "ms": ms,
    }


def summarise(rows: list[dict]) -> dict:
    """Aggregate metrics over per-question rows."""
    ans = [r for r in rows if r["answerable"]]
    unans = [r for r in rows if not r["answerable"]]
    lat = sorted(r["ms"] for r in rows)

    def recall(k: int) -> float | None:
        return round(sum(1 for r in ans if r["rank"] and r["rank"] <= k) / len(ans), 3) if ans else None

    def pct(p: float) -> float:
        return round(lat[min(len(lat) - 1, int(round(p * (len(lat) - 1))))], 1) if lat else 0.0

    cited = sum(r["cited"] for r in ans)
    return {
        "questions": len(rows),
        "recall@1": recall(1),
        "recall@5": recall(5),
        "recall@10": recall(10),
        "mrr": round(sum(1 / r["rank"] for r in ans if r["rank"]) / len(ans), 3) if ans else None,
        "fact_accuracy": round(sum(r["fact_ok"] for r in ans) / len(ans), 3) if ans else None,
        "citation_precision": round(sum(r["cited_gold"] for r in ans) / cited, 3) if cited else None,
        "abstention_recall": round(sum(r["abstained"] for r in unans) / len(unans), 3) if unans else None,
        "false_abstention": round(sum(r["abstained"] for r in ans) / len(ans), 3) if ans else None,
        "p50_ms": pct(0.5),
        "p95_ms": pct(0.95),
    }


def _run_ours(index: Index, questions: list[dict], mode: str) -> list[dict]:
    rows = []
    for q in questions:
        t = time.perf_counter()
        ans: Answer = answer_question(index, q["question"], q.get("history") or [], mode=mode)
        ms = (time.perf_counter() - t) * 1000
        urls = ranked_urls([h.meta.get("url") for h in ans.hits])
        cited = [c.url for c in ans.citations]
        rows.append(score_one(q, urls, ans.answer, cited, ans.abstained, ms) | {"answer": ans.answer})
    return rows


def _report(rows: list[dict]) -> dict:
    kinds = defaultdict(list)
    for r in rows:
        kinds[r["kind"]].append(r)
    return {"overall": summarise(rows), "by_kind": {k: summarise(v) for k, v in sorted(kinds.items())}, "rows": rows}


def _run_backend(index: Index, questions: list[dict], backend: str) -> list[dict]:
    """Planwijzer with a generating backend: the answer metrics plus the grounding check's counts."""
    from assistant.generate import answer

    settings = index.settings.model_copy(update={"answer_backend": backend})
    rows = []
    for q in questions:
        t = time.perf_counter()
        ans = answer(index, q["question"], q.get("history") or [], None, settings)
        ms = (time.perf_counter() - t) * 1000
        urls = ranked_urls([h.meta.get("url") for h in ans.hits])
        cited = [c.url for c in ans.citations]
        g = getattr(ans, "grounding", None) or {"checked": 0, "supported": 0, "removed": []}
        row = score_one(q, urls, ans.answer, cited, ans.abstained, ms)
        rows.append(
            row
            | {"answer": ans.answer, "raw": getattr(ans, "raw", ""), "notice": getattr(ans, "notice", None)}
            | {"checked": g["checked"], "removed": len(g["removed"]), "fallback": bool(getattr(ans, "notice", None))}
        )
    return rows


def _backend_report(rows: list[dict]) -> dict:
    report = _report(rows)
    checked = sum(r["checked"] for r in rows)
    report["overall"]["generated_sentences"] = checked
    report["overall"]["removed_share"] = round(sum(r["removed"] for r in rows) / checked, 3) if checked else None
    report["overall"]["fallback_share"] = round(sum(r["fallback"] for r in rows) / len(rows), 3) if rows else None
    return report


def run_eval(index: Index, questions_path: Path, baselines: bool = False, backend: str | None = None) -> dict:
    """Run every question through Planwijzer (and, with ``baselines``, BM25-only, dense-only and the plain pipeline;
    with ``backend``, also Planwijzer answering with that generating backend)."""
    questions = load_questions(questions_path)
    index.search("warm-up", k=1)  # load the BM25 side and the model before timing
    systems = {"planwijzer": _report(_run_ours(index, questions, "hybrid"))}
    if backend and backend != "extractive":
        systems[f"planwijzer_{backend}"] = _backend_report(_run_backend(index, questions, backend))
    if baselines:
        from assistant.baseline import PlainPipeline

        systems["bm25_only"] = _report(_run_ours(index, questions, "bm25"))
        systems["dense_only"] = _report(_run_ours(index, questions, "dense"))
        plain = PlainPipeline.for_index(index)
        rows = []
        for q in questions:
            t = time.perf_counter()
            docs = plain.search(" ".join([*(q.get("history") or [])[-1:], q["question"]]), k=20)
            ms = (time.perf_counter() - t) * 1000
            urls = ranked_urls([d.metadata.get("url") for d in docs])
            top = docs[:1]
            rows.append(
                score_one(q, urls, top[0].page_content if top else "", [d.metadata.get("url") for d in top], False, ms)
            )
        systems["plain_minilm_top_chunk"] = _report(rows)
    return {"questions_file": str(questions_path), "chunks": index.chunk_count(), "systems": systems}


METRICS = (
    "recall@1",
    "recall@5",
    "recall@10",
    "mrr",
    "fact_accuracy",
    "citation_precision",
    "abstention_recall",
    "false_abstention",
    "p50_ms",
    "p95_ms",
)


def format_report(report: dict) -> str:
    """A Markdown table: one row per system, then Planwijzer per question kind."""

    def fmt(v):
        return "–" if v is None else (f"{v:.3f}" if isinstance(v, float) and v <= 1.0 else f"{v}")

    head = "| system | " + " | ".join(METRICS) + " |\n|---|" + "---|" * len(METRICS)
    lines = [f"{report['questions_file']} — index of {report['chunks']} chunks", "", head]
    for name, sys_report in report["systems"].items():
        lines.append(f"| {name} | " + " | ".join(fmt(sys_report["overall"][m]) for m in METRICS) + " |")
    for name, sys_report in report["systems"].items():
        if "removed_share" in sys_report["overall"]:
            o = sys_report["overall"]
            lines.append(
                f"\n{name}: {o['generated_sentences']} generated sentences checked, share removed by the grounding "
                f"check {fmt(o['removed_share'])}, extractive fallback on {fmt(o['fallback_share'])} of the questions"
            )
    lines += ["", "Planwijzer by question kind:", "", head.replace("system", "kind (n)")]
    for kind, s in report["systems"]["planwijzer"]["by_kind"].items():
        lines.append(f"| {kind} ({s['questions']}) | " + " | ".join(fmt(s[m]) for m in METRICS) + " |")
    return "\n".join(lines)
