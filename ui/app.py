"""The Gradio web app: a streamed, cited chat; a search view for council members; the documents table.

API endpoints (for ``gradio_client``): ``/ask``, ``/search`` and ``/decisions``, all returning JSON (see the README).
"""

from __future__ import annotations

import html
import sys
import time
from datetime import UTC, datetime
from typing import Any

import gradio as gr
from planwijzer.assistant import spelling
from planwijzer.assistant.answer import Answer, answer_question
from planwijzer.assistant.ask import ask
from planwijzer.assistant.decision_timeline import timeline
from planwijzer.assistant.retrieval import Filters, Index
from planwijzer.assistant.service import open_index
from planwijzer.ui import catalog, render, share
from planwijzer.ui.admin import admin_enabled, build_admin_tab
from planwijzer.ui.assets import CHAT_JS, CSS, DETECT_LANGUAGE_JS, SET_LANGUAGE_JS
from planwijzer.ui.feedback import FeedbackStore
from planwijzer.ui.i18n import DEFAULT, body_label, examples, normalize, t
from planwijzer.ui.identity import reader_for
from planwijzer.ui.login import configured as users_configured
from planwijzer.ui.ratelimit import RateLimiter, client_key, limited_chat_html, limited_notice, request_logger

from planwijzer.access import ANONYMOUS, PUBLIC, Reader
from planwijzer.config import Settings
from planwijzer.messages import LANGUAGES, language_name

PAGE_SIZE = 10
STREAM_STEPS = 24
"""The answer appears in about this many steps."""
STREAM_DELAY_S = 0.025


def _opt(value: Any) -> Any:
    """Dropdown "any" (empty) → None."""
    return None if value in (None, "", "any") else value


def _year(value: Any) -> int | None:
    value = _opt(value)
    return int(value) if value is not None else None


def make_filters(
    year_from: Any = None, year_to: Any = None, doc_type: Any = None, institution: Any = None, language: Any = None
) -> Filters:
    """:class:`Filters` from the search view's dropdown values (empty = any)."""
    return Filters(_year(year_from), _year(year_to), _opt(doc_type), _opt(institution), _opt(language))


def answer_record(ans: Answer) -> dict:
    """The JSON form of an answer, with each citation's section heading (shown on the source cards)."""
    data = ans.to_json()
    for key, items in (("citations", ans.citations), ("related", ans.related)):
        for out, c in zip(data[key], items, strict=True):
            out["heading"] = c.heading
    if data.get("notice"):  # the question was cut, the model failed, or its answer was not backed: say so first
        data["answer"] = f"⚠ {data['notice']} {data['answer']}"
    return data


class PlanwijzerApp:
    """Event handlers of the app, bound to one index and one feedback store."""

    def __init__(self, settings: Settings, index: Index | None = None) -> None:
        self.settings = settings
        self.index = index or open_index(settings)
        self.feedback = FeedbackStore(settings.web.feedback_db)
        self.limiter = RateLimiter(settings.web.rate_limit_per_minute)
        self.request_log = request_logger(settings.web.log_requests)

    def reader(self, request: gr.Request | None) -> Reader:
        """Who makes ``request`` (:func:`ui.identity.reader_for`: the trusted proxy's headers, the login session, else
        anonymous); direct calls from Python (no request) read as anonymous."""
        return reader_for(request, self.settings) if request is not None else ANONYMOUS

    def view(self, request: gr.Request | None) -> Index:
        """The index brought in step with its store, as the maker of ``request`` may read it (:meth:`Index.for_reader`):
        every handler reads through this, so nothing they may not read reaches them."""
        self.index.refresh()
        return self.index.for_reader(self.reader(request))

    def labels(self, doc_ids: set[str]) -> list[str]:
        """The access labels of the documents ``doc_ids`` (from the index's manifest)."""
        docs = self.index.store.manifest().docs
        return [str(docs.get(doc_id, {}).get("access") or PUBLIC) for doc_id in sorted(doc_ids)]

    def admit(self, kind: str, text: str, request: gr.Request | None) -> int:
        """Rate limit (and the opt-in request log) of one public request: 0 = go ahead, else seconds to wait.
        Direct calls from Python (no ``request``) are not limited."""
        if request is None:
            return 0
        key = client_key(request, self.settings.web.trust_forwarded_for)
        wait = self.limiter.check(key)
        if self.request_log:
            self.request_log.info("%s client=%s limited=%s text=%r", kind, key, bool(wait), text)
        return wait

    # -- chat -------------------------------------------------------------------------------------------------
    def ask_stream(self, question: str, turns: list[dict] | None, lang: str, request: gr.Request | None = None):
        """Answer ``question`` in the conversation ``turns``; yields (chat html, turns, question box) as it streams."""
        turns = list(turns or [])
        question = (question or "").strip()
        if not question:
            yield render.conversation_html(turns, lang), turns, gr.update()
            return
        if wait := self.admit("ask", question, request):  # rate limited: say so, keep the question for a retry
            yield limited_chat_html(turns, lang, wait), turns, gr.update()
            return
        yield render.waiting_html(turns, question, lang), turns, ""  # ask() below refreshes the index
        history = [turn["question"] for turn in turns]
        who = self.reader(request)
        if self.settings.answer.backend != "extractive":
            ans = None
            for partial, ans in self._generate_stream(who, question, history):
                if ans is None:  # the model's text so far, not yet checked: shown without sources
                    draft = {"answer": partial, "language": lang, "abstained": False, "citations": [], "related": []}
                    live = [*turns, {"question": question, "answer": draft, "vote": None, "feedback_id": None}]
                    shown = len(render.split_for_stream(partial))
                    yield render.conversation_html(live, lang, streaming=shown), turns, ""
            record = answer_record(ans)
            turns.append({"question": question, "answer": record, "vote": None, "feedback_id": None})
            yield render.conversation_html(turns, lang), turns, ""
            return
        ans = ask(self.index, question, history, None, self.settings, reader=who)
        turns.append({"question": question, "answer": answer_record(ans), "vote": None, "feedback_id": None})
        pieces = render.split_for_stream(ans.answer)
        step = max(1, -(-len(pieces) // STREAM_STEPS))
        for shown in range(0, len(pieces), step):
            yield render.conversation_html(turns, lang, streaming=shown), turns, ""
            time.sleep(STREAM_DELAY_S)
        yield render.conversation_html(turns, lang), turns, ""

    def open_shared(self, lang: str, turns: list[dict] | None, request: gr.Request | None = None):
        """A page opened from a share link (``/?q=...&h=...``, :mod:`ui.share`): ask its earlier questions and then
        its question in order, as if typed, under the opener's own rights; yields (chat html, turns, notice, notice
        data). The notice says when it was computed and from which index. A page without ``q`` is left as it is."""
        question, history = share.parse_share(share.request_query(request))
        if not question:
            yield gr.update(), turns, gr.update(), gr.update()
            return
        if wait := self.admit("ask", question, request):  # one link counts as one request
            yield limited_chat_html(list(turns or []), lang, wait), turns, gr.update(), gr.update()
            return
        who = self.reader(request)
        done: list[dict] = []
        for q, ans in share.ask_conversation(self.index, self.settings, who, question, history):
            if ans is None:  # about to ask q: show it as being answered
                yield render.waiting_html(done, q, lang), done, gr.update(), gr.update()
            else:
                done = [*done, {"question": q, "answer": answer_record(ans), "vote": None, "feedback_id": None}]
        generation, indexed_at = share.index_stamp(self.index, who)
        info = {"generation": generation, "indexed_at": indexed_at, "made_at": datetime.now(UTC).isoformat()}
        note = gr.update(value=share.notice_html(info, lang), visible=True)
        yield render.conversation_html(done, lang), done, note, info

    def _generate_stream(self, who: Reader, question: str, history: list[str]):
        """Run the generating backend in a thread; yields (text so far, None) while it streams, then (text, answer)."""
        import queue
        import threading

        pieces: queue.Queue = queue.Queue()
        done: dict = {}

        def work() -> None:
            try:
                done["answer"] = ask(self.index, question, history, None, self.settings, pieces.put, who)
            finally:
                pieces.put(None)

        threading.Thread(target=work, daemon=True).start()
        text, last = "", 0.0
        while (piece := pieces.get()) is not None:
            text += piece
            if time.perf_counter() - last > 0.1:
                last = time.perf_counter()
                yield text, None
        if "answer" not in done:  # the worker failed unexpectedly: the extractive answer, never a stack trace
            view = self.index.for_reader(who)
            done["answer"] = answer_question(view, question, history, None, self.settings.answer.max_chars)
        yield text, done["answer"]

    def vote(self, turns: list[dict] | None, lang: str, evt: gr.EventData):
        """A like/dislike button in the chat: store it, mark it pressed, offer the comment box."""
        data = getattr(evt, "_data", None) or {}
        turns = list(turns or [])
        try:
            i, vote = int(data["turn"]), str(data["vote"])
            turn = dict(turns[i])
        except (KeyError, ValueError, IndexError, TypeError):
            return gr.update(), turns, gr.update(), None, gr.update()
        ans = turn["answer"]
        if turn.get("feedback_id"):
            self.feedback.set_vote(int(turn["feedback_id"]), vote)
        else:
            labels = self.labels({c["doc_id"] for c in ans["citations"]})
            turn["feedback_id"] = self.feedback.record(
                turn["question"], ans["answer"], ans["citations"], vote, None, labels
            )
        turn["vote"] = vote
        turns[i] = turn
        return (
            render.conversation_html(turns, lang),
            turns,
            gr.update(visible=True),
            turn["feedback_id"],
            gr.update(value="", visible=False),
        )

    def comment(self, text: str, feedback_id: int | None, lang: str):
        """Attach the optional comment to the last vote."""
        if feedback_id and (text or "").strip():
            self.feedback.add_comment(int(feedback_id), text)
            return (
                gr.update(value=""),
                gr.update(visible=False),
                gr.update(value=t(lang, "comment_saved"), visible=True),
            )
        return gr.update(), gr.update(), gr.update()

    def new_conversation(self, lang: str):
        """Clear the conversation."""
        return render.conversation_html([], lang), [], "", gr.update(visible=False), None, gr.update(visible=False)

    # -- search -----------------------------------------------------------------------------------------------
    def run_search(
        self, view: Index, query: str, year_from, year_to, doc_type, institution, language, sort: str, limit: int, lang
    ):
        """Search ``view`` (or browse, with an empty query); returns the results html, the "more" button and the
        limit."""
        filters = make_filters(year_from, year_to, doc_type, institution, language)
        query = (query or "").strip()
        if not query:
            docs = catalog.browse(view, filters)
            shown = docs[:limit]
            more = len(docs) > limit
            html = render.browse_html(shown, lang, has_more=more)
        else:
            passages, result = catalog.searched(view, query, filters, limit + 1, sort)
            more = len(passages) > limit
            if more and sort != "date":
                passages = passages[:limit]
            elif more:
                passages = catalog.sort_by_date(catalog.search(view, query, filters, limit, "relevance"))
            # mistyped words: say what was searched for, and mark the words as searched
            html = render.results_html(passages, result.searched, lang, has_more=more, corrected=result.corrected)
        return html, gr.update(visible=more), limit

    def search_first(
        self, query, year_from, year_to, doc_type, institution, language, sort, lang, request: gr.Request | None = None
    ):
        if wait := self.admit("search", query, request):
            return limited_notice(lang, wait), gr.update(visible=False), PAGE_SIZE
        view = self.view(request)
        return self.run_search(view, query, year_from, year_to, doc_type, institution, language, sort, PAGE_SIZE, lang)

    def search_more(
        self,
        query,
        year_from,
        year_to,
        doc_type,
        institution,
        language,
        sort,
        limit,
        lang,
        request: gr.Request | None = None,
    ):
        if wait := self.admit("search", query, request):
            return limited_notice(lang, wait), gr.update(visible=False), limit
        limit = int(limit or PAGE_SIZE) + PAGE_SIZE
        view = self.view(request)
        return self.run_search(view, query, year_from, year_to, doc_type, institution, language, sort, limit, lang)

    # -- decisions --------------------------------------------------------------------------------------------
    def decisions_view(
        self,
        body: Any,
        year_from: Any,
        year_to: Any,
        text: str | None,
        lang: str,
        institution: Any = None,
        request: gr.Request | None = None,
    ) -> str:
        """The decision timeline filtered by body, year range, words and institution (empty = any): one entry per
        decision with every document that reports it, linked to the decision it continues."""
        view = self.view(request)
        docs = {d.doc_id: d for d in catalog.documents(view)}
        words = (text or "").strip() or None
        records = view.decisions(_opt(body), _year(year_from), _year(year_to), words, institution=_opt(institution))
        return render.decisions_html(timeline(view, records), docs, lang)

    def decision_choices(self, lang: str, request: gr.Request | None = None) -> dict[str, list[tuple[str, str]]]:
        """Dropdown choices for the decision filters: the bodies and years that occur, "any" first."""
        records = self.view(request).decisions()
        any_ = [(t(lang, "any"), "")]
        return {
            "bodies": any_ + [(body_label(b, lang), b) for b in sorted({r.body for r in records})],
            "years": any_ + [(str(y), str(y)) for y in sorted({r.year for r in records if r.year is not None})],
            "institutions": any_ + [(i, i) for i in sorted({r.institution for r in records if r.institution})],
        }

    # -- documents and language -------------------------------------------------------------------------------
    def documents_html(self, lang: str, request: gr.Request | None = None) -> str:
        return render.documents_html(catalog.documents(self.view(request)), lang)

    def facet_choices(self, lang: str, request: gr.Request | None = None) -> dict[str, list[tuple[str, str]]]:
        """Dropdown choices (label, value) for the search filters, "any" first."""
        f = catalog.facets(catalog.documents(self.view(request)))
        any_ = [(t(lang, "any"), "")]
        return {
            "years": any_ + [(str(y), str(y)) for y in f["years"]],
            "doc_types": any_ + [(render.doc_type_label(d, lang), d) for d in f["doc_types"]],
            "institutions": any_ + [(i, i) for i in f["institutions"]],
            "languages": any_ + [(render.language_label(code, lang), code) for code in f["languages"]],
        }

    # -- API --------------------------------------------------------------------------------------------------
    def api_ask(
        self,
        question: str,
        history: list[str] | None = None,
        year_from: int | None = None,
        year_to: int | None = None,
        doc_type: str | None = None,
        institution: str | None = None,
        language: str | None = None,
        request: gr.Request | None = None,
    ) -> dict:
        """Answer a question with numbered citations (the ``planwijzer ask --json`` object)."""
        if wait := self.admit("ask", question, request):
            return rate_limited_json(wait)
        filters = make_filters(year_from, year_to, doc_type, institution, language)
        who = self.reader(request)
        return ask(self.index, question, history or [], filters, self.settings, reader=who).to_json()

    def api_search(
        self,
        query: str,
        k: int = 10,
        year_from: int | None = None,
        year_to: int | None = None,
        doc_type: str | None = None,
        institution: str | None = None,
        language: str | None = None,
        sort: str = "relevance",
        request: gr.Request | None = None,
    ) -> dict:
        """Ranked passages (empty query: the matching documents, newest first)."""
        if wait := self.admit("search", query, request):
            return rate_limited_json(wait)
        view = self.view(request)
        filters = make_filters(year_from, year_to, doc_type, institution, language)
        if not (query or "").strip():
            docs = catalog.browse(view, filters)[: max(1, int(k))]
            return {"query": "", "documents": [d.__dict__ for d in docs]}
        passages, result = catalog.searched(view, query, filters, max(1, int(k)), sort)
        data = {"query": query, "results": [p.to_json() for p in passages]}
        if result.corrected:  # as `planwijzer search --json`
            data["corrected"] = spelling.as_json(result.corrected)
        return data

    def api_decisions(
        self,
        body: str | None = None,
        year_from: int | None = None,
        year_to: int | None = None,
        query: str | None = None,
        institution: str | None = None,
        request: gr.Request | None = None,
    ) -> list[dict] | dict:
        """The decision records (the Besluiten timeline), oldest first (undated ones at their document's date):
        ``body`` (Dutch or English name), years, words that must occur and the body's institution; each record with
        its date basis and its source document's title and url."""
        if wait := self.admit("decisions", query or "", request):
            return rate_limited_json(wait)
        view = self.view(request)
        docs = {d.doc_id: d for d in catalog.documents(view)}
        records = view.decisions(
            _opt(body), _year(year_from), _year(year_to), _opt(query), institution=_opt(institution)
        )
        out = []
        for r in records:
            doc = docs.get(r.doc_id)
            out.append(r.to_json() | {"title": doc.title if doc else r.doc_id, "url": doc.url if doc else None})
        return out


def rate_limited_json(seconds: int) -> dict:
    """What ``/ask`` and ``/search`` return to a client over the rate limit."""
    return {"error": "rate_limited", "retry_after_s": seconds, "message": t("en", "rate_limited", seconds=seconds)}


def _header(lang: str, who: Reader = ANONYMOUS, login: bool = False) -> str:
    """The title and tagline; with a login page (``login``) or a named reader, who is reading and the login or
    logout link."""
    head = f"<h1>{t(lang, 'title')}</h1><p>{t(lang, 'tagline')}</p>"
    if who.name:
        groups = f" ({html.escape(', '.join(sorted(who.groups)))})" if who.groups else ""
        name = html.escape(t(lang, "logged_in_as", name=who.name))
        logout = f' · <a href="/logout">{t(lang, "logout_link")}</a>' if login else ""
        return head + f'<p class="pw-user">{name}{groups}{logout}</p>'
    if login:
        return head + f'<p class="pw-user"><a href="/login?lang={lang}">{t(lang, "login_link")}</a></p>'
    return head


def _hide_share_notice() -> tuple[dict, None]:
    """A new conversation is no longer the one a share link computed: hide its notice."""
    return gr.update(value="", visible=False), None


def build_app(settings: Settings, index: Index | None = None, app: PlanwijzerApp | None = None) -> gr.Blocks:
    """The Blocks app over the index of ``settings`` (opened, and auto-ingested when empty, if not given); ``app``:
    handlers to share with other routes of the same server (its rate limit, see ``ui/server.py``)."""
    app = app or PlanwijzerApp(settings, index)
    lang0 = DEFAULT
    choices = app.facet_choices(lang0)
    dchoices = app.decision_choices(lang0)
    with gr.Blocks(title="Planwijzer", analytics_enabled=False) as demo:
        with gr.Row(equal_height=False):
            header = gr.HTML(_header(lang0), elem_id="pw-header", min_width=320)
            lang = gr.Radio(
                [(language_name(code, code), code) for code in LANGUAGES],
                value=lang0,
                label=t(lang0, "lang_label"),
                elem_id="pw-lang",
                scale=0,
                min_width=300,
            )
        turns = gr.State([])
        feedback_id = gr.State(None)
        share_info = gr.State(None)  # set when the page was opened from a share link: its notice's data
        limit = gr.State(PAGE_SIZE)
        with gr.Tabs(overflow_behavior="wrap"):
            with gr.Tab(t(lang0, "tab_chat"), id="chat") as tab_chat:
                share_note = gr.HTML("", visible=False, elem_id="pw-share-notice")
                chat = gr.HTML(
                    render.conversation_html([], lang0), elem_id="pw-chat", js_on_load=CHAT_JS, apply_default_css=True
                )
                with gr.Row(equal_height=True):
                    question = gr.Textbox(
                        label=t(lang0, "question"),
                        show_label=False,
                        placeholder=t(lang0, "question_ph"),
                        lines=1,
                        max_lines=4,
                        scale=5,
                        elem_id="pw-question",
                        autofocus=False,
                    )
                    ask_btn = gr.Button(t(lang0, "ask"), variant="primary", scale=1, min_width=90, elem_id="pw-ask")
                with gr.Group(visible=False) as comment_box:
                    comment = gr.Textbox(
                        label=t(lang0, "comment"), placeholder=t(lang0, "comment_ph"), lines=2, elem_id="pw-comment"
                    )
                    comment_btn = gr.Button(t(lang0, "send_comment"), size="sm", elem_id="pw-comment-send")
                comment_done = gr.Markdown(visible=False, elem_id="pw-comment-done")
                examples_label = gr.Markdown(f"**{t(lang0, 'examples')}**")
                with gr.Row(elem_id="pw-examples"):
                    example_btns = [gr.Button(q, size="sm", variant="secondary") for q in examples()]
                new_btn = gr.Button(t(lang0, "new_chat"), size="sm", elem_id="pw-new")
            with gr.Tab(t(lang0, "tab_search"), id="search") as tab_search:
                with gr.Row(equal_height=True):
                    query = gr.Textbox(
                        label=t(lang0, "query"),
                        show_label=False,
                        placeholder=t(lang0, "query_ph"),
                        scale=5,
                        elem_id="pw-query",
                    )
                    search_btn = gr.Button(
                        t(lang0, "search"), variant="primary", scale=1, min_width=90, elem_id="pw-search"
                    )
                with gr.Row():
                    year_from = gr.Dropdown(
                        choices["years"], value="", label=t(lang0, "year_from"), elem_id="pw-year-from", min_width=120
                    )
                    year_to = gr.Dropdown(
                        choices["years"], value="", label=t(lang0, "year_to"), elem_id="pw-year-to", min_width=120
                    )
                    doc_type = gr.Dropdown(
                        choices["doc_types"], value="", label=t(lang0, "doc_type"), elem_id="pw-doc-type", min_width=150
                    )
                    institution = gr.Dropdown(
                        choices["institutions"],
                        value="",
                        label=t(lang0, "institution"),
                        elem_id="pw-institution",
                        min_width=150,
                    )
                    language = gr.Dropdown(
                        choices["languages"], value="", label=t(lang0, "language"), elem_id="pw-language", min_width=120
                    )
                sort = gr.Radio(
                    [(t(lang0, "sort_relevance"), "relevance"), (t(lang0, "sort_date"), "date")],
                    value="relevance",
                    label=t(lang0, "sort"),
                    elem_id="pw-sort",
                )
                results = gr.HTML(f"<p class='pw-hint'>{t(lang0, 'search_hint')}</p>", elem_id="pw-results")
                more_btn = gr.Button(t(lang0, "more"), visible=False, elem_id="pw-more")
            with gr.Tab(t(lang0, "tab_docs"), id="docs") as tab_docs:
                docs = gr.HTML(app.documents_html(lang0), elem_id="pw-docs")
            with gr.Tab(t(lang0, "tab_decisions"), id="decisions") as tab_decisions:
                dec_intro = gr.Markdown(t(lang0, "decisions_intro"))
                with gr.Row():
                    dec_body = gr.Dropdown(
                        dchoices["bodies"], value="", label=t(lang0, "body"), elem_id="pw-dec-body", min_width=180
                    )
                    dec_from = gr.Dropdown(
                        dchoices["years"], value="", label=t(lang0, "year_from"), elem_id="pw-dec-from", min_width=120
                    )
                    dec_to = gr.Dropdown(
                        dchoices["years"], value="", label=t(lang0, "year_to"), elem_id="pw-dec-to", min_width=120
                    )
                    dec_inst = gr.Dropdown(
                        dchoices["institutions"],
                        value="",
                        label=t(lang0, "institution"),
                        elem_id="pw-dec-institution",
                        min_width=180,
                    )
                with gr.Row(equal_height=True):
                    dec_text = gr.Textbox(
                        label=t(lang0, "decision_text"),
                        placeholder=t(lang0, "decision_text_ph"),
                        scale=5,
                        elem_id="pw-dec-text",
                    )
                    dec_btn = gr.Button(t(lang0, "filter"), scale=1, min_width=90, elem_id="pw-dec-filter")
                decisions = gr.HTML(app.decisions_view(None, None, None, None, lang0), elem_id="pw-decisions")
            if admin_enabled(settings):  # only with an operator-set password; otherwise no tab and no endpoints
                build_admin_tab(settings, lang0, lang, docs, app.documents_html)

        # chat
        chat_out = [chat, turns, question]
        ask_args = {"outputs": chat_out, "api_visibility": "private", "concurrency_limit": 4, "show_progress": "hidden"}
        question.submit(app.ask_stream, [question, turns, lang], **ask_args)
        ask_btn.click(app.ask_stream, [question, turns, lang], **ask_args)
        for btn in example_btns:
            btn.click(app.ask_stream, [btn, turns, lang], **ask_args)
        chat.click(
            app.vote,
            [turns, lang],
            [chat, turns, comment_box, feedback_id, comment_done],
            api_visibility="private",
            show_progress="hidden",
        )
        comment_btn.click(
            app.comment, [comment, feedback_id, lang], [comment, comment_box, comment_done], api_visibility="private"
        )
        comment.submit(
            app.comment, [comment, feedback_id, lang], [comment, comment_box, comment_done], api_visibility="private"
        )
        new_btn.click(
            app.new_conversation,
            [lang],
            [chat, turns, question, comment_box, feedback_id, comment_done],
            api_visibility="private",
        ).then(_hide_share_notice, None, [share_note, share_info], api_visibility="private", show_progress="hidden")

        # search
        filters_in = [query, year_from, year_to, doc_type, institution, language, sort]
        search_args = {"outputs": [results, more_btn, limit], "api_visibility": "private"}
        for trigger in (query.submit, search_btn.click, sort.input):
            trigger(app.search_first, [*filters_in, lang], **search_args)
        more_btn.click(app.search_more, [*filters_in, limit, lang], **search_args)

        # decisions
        dec_in = [dec_body, dec_from, dec_to, dec_text, lang, dec_inst]
        dec_args = {"outputs": [decisions], "api_visibility": "private", "show_progress": "hidden"}
        for trigger in (dec_body.input, dec_from.input, dec_to.input, dec_inst.input, dec_text.submit, dec_btn.click):
            trigger(app.decisions_view, dec_in, **dec_args)

        # language: the browser's on load, then the switch
        def apply_language(
            lang_value: str, turns_value: list[dict], body, d_from, d_to, d_text, info, d_inst, request: gr.Request
        ) -> dict:
            """Every label, placeholder, choice list and view in the language ``lang_value`` (one update each), with
            the documents, facets and decisions the visitor may read."""
            code = normalize(lang_value)
            ch = app.facet_choices(code, request)
            dch = app.decision_choices(code, request)
            sorts = [(t(code, "sort_relevance"), "relevance"), (t(code, "sort_date"), "date")]
            return {
                lang: code,
                header: _header(code, app.reader(request), users_configured(settings)),
                tab_chat: gr.update(label=t(code, "tab_chat")),
                tab_search: gr.update(label=t(code, "tab_search")),
                tab_docs: gr.update(label=t(code, "tab_docs")),
                chat: render.conversation_html(turns_value or [], code),
                question: gr.update(label=t(code, "question"), placeholder=t(code, "question_ph")),
                ask_btn: gr.update(value=t(code, "ask")),
                new_btn: gr.update(value=t(code, "new_chat")),
                examples_label: f"**{t(code, 'examples')}**",
                comment: gr.update(label=t(code, "comment"), placeholder=t(code, "comment_ph")),
                comment_btn: gr.update(value=t(code, "send_comment")),
                query: gr.update(label=t(code, "query"), placeholder=t(code, "query_ph")),
                search_btn: gr.update(value=t(code, "search")),
                year_from: gr.update(label=t(code, "year_from"), choices=ch["years"]),
                year_to: gr.update(label=t(code, "year_to"), choices=ch["years"]),
                doc_type: gr.update(label=t(code, "doc_type"), choices=ch["doc_types"]),
                institution: gr.update(label=t(code, "institution"), choices=ch["institutions"]),
                language: gr.update(label=t(code, "language"), choices=ch["languages"]),
                sort: gr.update(label=t(code, "sort"), choices=sorts),
                more_btn: gr.update(value=t(code, "more")),
                docs: app.documents_html(code, request),
                tab_decisions: gr.update(label=t(code, "tab_decisions")),
                dec_intro: t(code, "decisions_intro"),
                dec_body: gr.update(label=t(code, "body"), choices=dch["bodies"]),
                dec_from: gr.update(label=t(code, "year_from"), choices=dch["years"]),
                dec_to: gr.update(label=t(code, "year_to"), choices=dch["years"]),
                dec_inst: gr.update(label=t(code, "institution"), choices=dch["institutions"]),
                dec_text: gr.update(label=t(code, "decision_text"), placeholder=t(code, "decision_text_ph")),
                dec_btn: gr.update(value=t(code, "filter")),
                decisions: app.decisions_view(body, d_from, d_to, d_text, code, d_inst, request),
                share_note: gr.update(value=share.notice_html(info, code), visible=bool(info)),
            }

        lang_out = [  # the components apply_language updates (its dict's keys; Gradio matches them by component)
            lang, header, tab_chat, tab_search, tab_docs, chat, question, ask_btn, new_btn, examples_label,
            comment, comment_btn, query, search_btn, year_from, year_to, doc_type, institution, language, sort,
            more_btn, docs, tab_decisions, dec_intro, dec_body, dec_from, dec_to, dec_inst, dec_text, dec_btn,
            decisions, share_note,
        ]  # fmt: skip
        lang_in = [lang, turns, dec_body, dec_from, dec_to, dec_text, share_info, dec_inst]
        # on load: the browser's language first, then the conversation of a share link (?q=...&h=...), if any
        demo.load(apply_language, lang_in, lang_out, js=DETECT_LANGUAGE_JS, api_visibility="private").then(
            app.open_shared,
            [lang, turns],
            [chat, turns, share_note, share_info],
            api_visibility="private",
            concurrency_limit=4,
            show_progress="hidden",
        )
        lang.input(apply_language, lang_in, lang_out, js=SET_LANGUAGE_JS, api_visibility="private")

        gr.api(app.api_ask, api_name="ask")
        gr.api(app.api_search, api_name="search")
        gr.api(app.api_decisions, api_name="decisions")
    demo.queue(default_concurrency_limit=8)
    return demo


def launch(demo: gr.Blocks, host: str = "127.0.0.1", port: int = 7860, share: bool = False, **kwargs: Any):
    """Start ``demo`` with the app's stylesheet (non-blocking when ``prevent_thread_lock=True`` is passed)."""
    return demo.launch(
        server_name=host,
        server_port=port,
        share=share,
        css=CSS,
        footer_links=["api"],
        show_error=False,
        quiet=kwargs.pop("quiet", False),
        **kwargs,
    )


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 7860, share: bool = False) -> None:
    """Ingest the corpus into an empty index (with progress), then serve the app until interrupted."""
    from planwijzer.assistant.service import ensure_index

    ensure_index(settings, progress=True)
    if not share:  # the web app, the OpenAI-compatible API (/v1) and MCP (/mcp) on one server
        from planwijzer.ui.server import serve_all

        return serve_all(settings, host, port)
    demo = build_app(settings)  # Gradio's share link needs its own launch: the web app only
    print(f"Planwijzer: http://{host}:{port}", file=sys.stderr)
    launch(
        demo, host, port, share, max_file_size=int(settings.index.max_file_mb * 1024 * 1024)
    )  # Gradio refuses larger
