"""``planwijzer eval``: retrieval and answer quality on a questions file, with baselines in the same run.

Questions file: JSON lines with ``question``, optional ``history`` (earlier questions), ``answerable``,
``gold_urls`` and ``answer_facts`` (a list of required facts, each a list of accepted spellings), ``kind``,
``language``.

Besides retrieval and fact accuracy, every answer that is given (not abstained) is judged for two faults:

* **non-answer**: its first sentence (after the cross-language prefix and the citation markers) is a question,
  heading, bullet stub, navigation line or verbless label (:func:`assistant.lexicon.is_non_answer`);
* **duplicate citation**: two of its citations quote near-duplicate passages (one passage from two copies or
  versions of a page) or two of its sentences say the same thing (:func:`assistant.dedup.near_duplicate`).

Fact accuracy is also split by direction: the question's language against its gold documents' language (``en_nl``:
an English question answered from Dutch documents, ``nl_en`` the reverse, ``same`` when a gold document is in the
question's own language).
"""

from __future__ import annotations

import json
import re
import time
from collections import defaultdict
from pathlib import Path

from planwijzer.assistant.answer import Answer, answer_question, cross_prefix
from planwijzer.assistant.dedup import near_duplicate
from planwijzer.assistant.lexicon import is_non_answer
from planwijzer.assistant.retrieval import Index
from planwijzer.ingest.sentences import split_sentences

from planwijzer.messages import LANGUAGES

ANSWER_WINDOW = 600
DIRECTIONS = ("en_nl", "nl_en")
"""Cross-lingual directions reported, question language first (``en_nl``: English question, Dutch source)."""
_CITATION_MARK = re.compile(r"\s*\[\d+\]")


def load_questions(path: Path) -> list[dict]:
    """The questions of a JSONL file, one JSON object with a ``question`` (and optionally a ``history`` list) per
    line, blank lines ignored: the one reader of questions files (eval, ``--grid``, the grounding calibration and
    both benches). A line that is not such an object is a ValueError naming the file, the line and the fix."""
    rows = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{n}: not valid JSON ({exc.msg})") from exc
        if not isinstance(row, dict) or not isinstance(row.get("question"), str):
            raise ValueError(f"{path}:{n}: expected a JSON object with a 'question' string")
        if not isinstance(row.get("history") or [], list):
            raise ValueError(f"{path}:{n}: 'history' must be a list of earlier questions")
        rows.append(row)
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


def _cross_prefixes() -> list[str]:
    """Every cross-language prefix the answerer can put first, longest first."""
    found = {cross_prefix(lang, source).strip() for lang in LANGUAGES for source in LANGUAGES}
    return sorted(found, key=len, reverse=True)


def _without_prefix(answer_text: str) -> str:
    text = answer_text.strip()
    for prefix in _cross_prefixes():
        if text.startswith(prefix):
            return text[len(prefix) :].lstrip()
    return text


def answer_body(answer_text: str) -> str:
    """``answer_text`` without the cross-language prefix and the citation markers (`` [1]``)."""
    return _CITATION_MARK.sub("", _without_prefix(answer_text)).strip()


def answer_sentences(answer_text: str) -> list[str]:
    """The sentences of an answer, judged without prefix and citation markers. A marker ends the answerer's
    quoted unit, so a heading quoted without a full stop stays apart from the sentence after it."""
    units = _CITATION_MARK.split(_without_prefix(answer_text))
    return [s for unit in units if unit.strip() for s in split_sentences(unit.strip())]


def is_non_answer_text(answer_text: str) -> bool:
    """True when the answer's first sentence cannot answer anything on its own (or there is none)."""
    sentences = answer_sentences(answer_text)
    return is_non_answer(sentences[0]) if sentences else True


def has_duplicate(answer_text: str, quotes: list[str]) -> bool:
    """True when two citation quotes are near-duplicates or one answer sentence repeats another."""
    for texts in (quotes, answer_sentences(answer_text)):
        texts = [t for t in texts if t and t.strip()]
        if any(near_duplicate(a, b) for i, a in enumerate(texts) for b in texts[i + 1 :]):
            return True
    return False


def judge(answer_text: str, quotes: list[str], abstained: bool) -> dict:
    """``non_answer`` and ``duplicate`` of an answer given its text and its citations' quotes (both None when it
    abstained)."""
    if abstained:
        return {"non_answer": None, "duplicate": None}
    return {"non_answer": is_non_answer_text(answer_text), "duplicate": has_duplicate(answer_text, quotes)}


def judge_answer(ans: Answer) -> dict:
    """:func:`judge` of an :class:`Answer`."""
    return judge(ans.answer, [c.quote for c in ans.citations], ans.abstained)


def url_languages(index: Index) -> dict[str, str]:
    """Each indexed document url's ``language`` metadata."""
    langs: dict[str, str] = {}
    for meta in index.lexical.metas:
        url, lang = meta.get("url"), meta.get("language")
        if url and lang:
            langs.setdefault(str(url), str(lang))
    return langs


def direction(q: dict, url_lang: dict[str, str]) -> str | None:
    """``same`` when a gold document is in the question's language, ``<question>_<source>`` (e.g. ``en_nl``) when
    every known gold document is in another language, None without gold urls or known languages."""
    qlang = q.get("language")
    langs = {url_lang[u] for u in q.get("gold_urls") or [] if u in url_lang}
    if not qlang or not langs:
        return None
    if qlang in langs:
        return "same"
    return f"{qlang}_{sorted(langs)[0]}"


def score_one(
    q: dict,
    urls: list[str],
    answer_text: str,
    cited_urls: list[str | None],
    abstained: bool,
    ms: float,
    quotes: list[str] | None = None,
    url_lang: dict[str, str] | None = None,
) -> dict:
    """Per-question measurements (``quotes``: the citations' quoted text; ``url_lang``: document languages)."""
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
        **judge(answer_text, quotes or [], abstained),
        "direction": direction(q, url_lang or {}),
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
    given = [r for r in rows if not r["abstained"]]

    def rate(key: str) -> float | None:
        judged = [r[key] for r in given if r.get(key) is not None]
        return round(sum(judged) / len(judged), 3) if judged else None

    def by_direction(name: str) -> dict:
        group = [r for r in ans if r.get("direction") == name]
        share = round(sum(r["fact_ok"] for r in group) / len(group), 3) if group else None
        return {"questions": len(group), "fact_accuracy": share}

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
        "answered": len(given),
        "non_answer_rate": rate("non_answer"),
        "duplicate_citation_rate": rate("duplicate"),
        "cross_lingual": {name: by_direction(name) for name in ("same", *DIRECTIONS)},
    }


def run_questions(
    index: Index, questions: list[dict], mode: str = "hybrid", url_lang: dict[str, str] | None = None
) -> list[dict]:
    """One measurement row per question (see :func:`score_one`), answered by Planwijzer with retrieval ``mode``."""
    rows = []
    for q in questions:
        t = time.perf_counter()
        ans: Answer = answer_question(
            index, q["question"], q.get("history") or [], max_chars=index.settings.answer.max_chars, mode=mode
        )
        ms = (time.perf_counter() - t) * 1000
        urls = ranked_urls([h.meta.get("url") for h in ans.hits])
        cited = [c.url for c in ans.citations]
        quotes = [c.quote for c in ans.citations]
        row = score_one(q, urls, ans.answer, cited, ans.abstained, ms, quotes, url_lang)
        rows.append(row | {"answer": ans.answer})
    return rows


def _report(rows: list[dict]) -> dict:
    kinds = defaultdict(list)
    for r in rows:
        kinds[r["kind"]].append(r)
    return {"overall": summarise(rows), "by_kind": {k: summarise(v) for k, v in sorted(kinds.items())}, "rows": rows}


def _run_backend(
    index: Index, questions: list[dict], backend: str, url_lang: dict[str, str] | None = None
) -> list[dict]:
    """Planwijzer with a generating backend: the answer metrics plus the grounding check's counts."""
    from planwijzer.assistant.generate import answer

    settings = index.settings.replace(answer_backend=backend)
    rows = []
    for q in questions:
        t = time.perf_counter()
        ans = answer(index, q["question"], q.get("history") or [], None, settings)
        ms = (time.perf_counter() - t) * 1000
        urls = ranked_urls([h.meta.get("url") for h in ans.hits])
        cited = [c.url for c in ans.citations]
        g = getattr(ans, "grounding", None) or {"checked": 0, "supported": 0, "removed": []}
        quotes = [c.quote for c in ans.citations]
        row = score_one(q, urls, ans.answer, cited, ans.abstained, ms, quotes, url_lang)
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


def run_eval(
    index: Index,
    questions_path: Path,
    baselines: bool = False,
    backend: str | None = None,
    lowercase: bool = False,
    slip: bool = False,
) -> dict:
    """Run every question through Planwijzer (and, with ``baselines``, BM25-only, dense-only and the plain pipeline;
    with ``backend``, also Planwijzer answering with that generating backend). Robustness to a user's typing: with
    ``lowercase`` every question and its history are asked all in lower case, with ``slip`` each with one typing slip
    (:func:`with_slip`)."""
    questions = as_typed(load_questions(questions_path), lowercase, slip)
    index.search("warm-up", k=1)  # load the BM25 side and the model before timing
    langs = url_languages(index)
    systems = {"planwijzer": _report(run_questions(index, questions, "hybrid", langs))}
    if backend and backend != "extractive":
        systems[f"planwijzer_{backend}"] = _backend_report(_run_backend(index, questions, backend, langs))
    if baselines:
        from planwijzer.assistant.baseline import PlainPipeline

        systems["bm25_only"] = _report(run_questions(index, questions, "bm25", langs))
        systems["dense_only"] = _report(run_questions(index, questions, "dense", langs))
        plain = PlainPipeline.for_index(index)
        rows = []
        for q in questions:
            t = time.perf_counter()
            docs = plain.search(" ".join([*(q.get("history") or [])[-1:], q["question"]]), k=20)
            ms = (time.perf_counter() - t) * 1000
            urls = ranked_urls([d.metadata.get("url") for d in docs])
            top = docs[:1]
            text = top[0].page_content if top else ""
            cited = [d.metadata.get("url") for d in top]
            rows.append(score_one(q, urls, text, cited, False, ms, [d.page_content for d in top], langs))
        systems["plain_minilm_top_chunk"] = _report(rows)
    report = {"questions_file": str(questions_path), "chunks": index.chunk_count(), "systems": systems}
    return {**report, **({"lowercase": True} if lowercase else {}), **({"slip": True} if slip else {})}


_LONG_WORD = re.compile(r"[^\W\d_]{7,}")


def with_slip(text: str) -> str:
    """``text`` with one typing slip: the two middle letters of its longest word (seven letters or more) swapped
    ("kwaliteitsafspraken" → "kwaliteitasfspraken"); unchanged without such a word."""
    words = _LONG_WORD.findall(text)
    if not words:
        return text
    word = max(words, key=len)
    i = len(word) // 2
    return text.replace(word, word[:i] + word[i + 1] + word[i] + word[i + 2 :], 1)


def as_typed(questions: list[dict], lowercase: bool = False, slip: bool = False) -> list[dict]:
    """``questions`` as a user might type them: all in lower case (:func:`as_typed_lower`) and/or with one typing slip
    each (:func:`with_slip`)."""
    if lowercase:
        questions = [as_typed_lower(q) for q in questions]
    if slip:
        questions = [{**q, "question": with_slip(q["question"])} for q in questions]
    return questions


def as_typed_lower(question: dict) -> dict:
    """``question`` with its text and history in lower case."""
    history = [h.lower() for h in question.get("history") or []]
    return {**question, "question": question["question"].lower(), **({"history": history} if history else {})}


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


EXTRA_METRICS = ("non_answer_rate", "duplicate_citation_rate")
"""Columns after :data:`METRICS`: shares of the given (not abstained) answers."""


def _direction_cell(summary: dict, name: str) -> str:
    d = (summary.get("cross_lingual") or {}).get(name) or {}
    share = d.get("fact_accuracy")
    return "–" if share is None else f"{share:.3f} ({d['questions']})"


def format_report(report: dict) -> str:
    """A Markdown table: one row per system, then Planwijzer per question kind."""

    def fmt(v):
        return "–" if v is None else (f"{v:.3f}" if isinstance(v, float) and v <= 1.0 else f"{v}")

    columns = (*METRICS, *EXTRA_METRICS, *(f"fact {d.replace('_', '→')} (n)" for d in DIRECTIONS))
    head = "| system | " + " | ".join(columns) + " |\n|---|" + "---|" * len(columns)

    def cells(s: dict) -> str:
        values = [fmt(s.get(m)) for m in (*METRICS, *EXTRA_METRICS)] + [_direction_cell(s, d) for d in DIRECTIONS]
        return " | ".join(values)

    typed = " — every question asked in lower case" if report.get("lowercase") else ""
    typed += " — every question with one typing slip" if report.get("slip") else ""
    lines = [f"{report['questions_file']} — index of {report['chunks']} chunks{typed}", "", head]
    for name, sys_report in report["systems"].items():
        lines.append(f"| {name} | " + cells(sys_report["overall"]) + " |")
    for name, sys_report in report["systems"].items():
        if "removed_share" in sys_report["overall"]:
            o = sys_report["overall"]
            lines.append(
                f"\n{name}: {o['generated_sentences']} generated sentences checked, share removed by the grounding "
                f"check {fmt(o['removed_share'])}, extractive fallback on {fmt(o['fallback_share'])} of the questions"
            )
    lines += [
        "",
        "non_answer_rate and duplicate_citation_rate are shares of the answers given (not abstained); "
        "fact en→nl: English questions whose gold documents are Dutch (n = answerable questions), nl→en the reverse.",
    ]
    lines += ["", "Planwijzer by question kind:", "", head.replace("system", "kind (n)")]
    for kind, s in report["systems"]["planwijzer"]["by_kind"].items():
        lines.append(f"| {kind} ({s['questions']}) | " + cells(s) + " |")
    return "\n".join(lines)
