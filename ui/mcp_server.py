"""The MCP server (official ``mcp`` SDK): Planwijzer as tools for Claude Desktop, IDEs and other assistants.

``planwijzer mcp`` runs it over stdio; ``planwijzer serve`` also serves it over streamable HTTP at ``/mcp``, behind
the same API keys as the OpenAI-compatible endpoint (see :mod:`ui.apikeys`). Tools: ``ask``, ``search``,
``get_passage``, ``get_document`` and ``list_decisions``; each returns structured content whose passages carry the
citation fields of ``planwijzer ask --json`` (``n``, ``doc_id``, ``title``, ``url``, ``page``, ``date``, ``quote``)
plus ``chunk_id``.

Over HTTP each tool call counts against the web app's per-client rate limit and is logged only when request logging
is on (``PLANWIJZER_LOG_REQUESTS``); over stdio the caller is the local user and nothing is limited.
"""

# no ``from __future__ import annotations``: the SDK reads the tools' annotations (Context, pydantic models)

import io
import os
import sys
from typing import Annotated, Any, Literal, Protocol

import anyio
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.exceptions import ToolError
from mcp.server.transport_security import TransportSecuritySettings
from mcp.types import ToolAnnotations
from planwijzer.assistant import lookup, spelling
from planwijzer.assistant.ask import AskRequest, EmptyIndex, NoQuestion, answer_json, citation_json, respond
from planwijzer.assistant.citing import Citation as Cited
from planwijzer.assistant.retrieval import Filters, Index
from planwijzer.ingest.decisions import BODIES
from planwijzer.ui import catalog
from planwijzer.ui.apikeys import KeyStore, bearer_token
from planwijzer.ui.links import server_base
from pydantic import BaseModel, Field
from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import Receive, Scope, Send

from planwijzer.access import ANONYMOUS, Reader
from planwijzer.config import Settings

MAX_K = 50
MAX_DOCUMENT_PASSAGES = 60
"""``get_document`` returns at most this many passages (ask for one page of a long document)."""
NAME = "planwijzer"
INSTRUCTIONS = (
    "Planwijzer searches and quotes university quality-agreement documents (kwaliteitsafspraken: spending plans, "
    "annual reports, council decisions, news, policy), in Dutch and English. Every answer sentence is quoted from a "
    "document and ends in a marker [n] that refers to citations[n]. When you use a result, cite its title and url "
    "(and page). Use `ask` for a factual question, `search` to find passages yourself, `list_decisions` for who "
    "decided what and when, `get_passage`/`get_document` to read more around a citation."
)


class Access(Protocol):
    """What the tools need: the index, the settings, the gate of one request (rate limit, opt-in log) and who makes
    it (the tools read only what that reader may read)."""

    index: Index
    settings: Settings

    def admit(self, kind: str, text: str, request: Any) -> int: ...

    def reader(self, request: Any) -> Reader: ...


class LocalAccess:
    """Access for stdio: the local user reading as ``who`` (``planwijzer mcp --group``; default public documents
    only), no rate limit; questions logged only with request logging on."""

    def __init__(self, settings: Settings, index: Index, who: Reader = ANONYMOUS) -> None:
        from planwijzer.ui.ratelimit import request_logger

        self.settings = settings
        self.index = index
        self.who = who
        self.request_log = request_logger(settings.web.log_requests)

    def admit(self, kind: str, text: str, request: Any) -> int:
        if self.request_log:
            self.request_log.info("%s client=stdio limited=False text=%r", kind, text)
        return 0

    def reader(self, request: Any) -> Reader:
        return self.who


class KeyedAccess:
    """Access over HTTP: the web app's index, settings and rate limit; the reader is the API key's (its name and
    groups), so an MCP client reads what its key may read."""

    def __init__(self, app: Any, keys: KeyStore) -> None:
        self.app, self.keys = app, keys
        self.index, self.settings = app.index, app.settings

    def admit(self, kind: str, text: str, request: Any) -> int:
        return self.app.admit(kind, text, request)

    def reader(self, request: Any) -> Reader:
        headers = getattr(request, "headers", None)
        token = bearer_token(headers.get("authorization")) if headers is not None else None
        return self.keys.reader(token) or ANONYMOUS


# -- structured results ------------------------------------------------------------------------------------------
class Citation(BaseModel):
    """A numbered source, as in ``planwijzer ask --json``, plus the passage's chunk_id."""

    n: int = Field(description="the number used by the [n] markers")
    doc_id: str = Field(description="document id (its path in the indexed folder); pass it to get_document")
    title: str
    url: str | None = Field(description="link to the original document")
    page: int | None = Field(description="page in the original (PDFs), else null")
    date: str | None = Field(description="document date, YYYY-MM-DD, YYYY-MM or YYYY")
    quote: str = Field(description="the quoted text of the passage")
    link: str | None = Field(
        None, description="opens the source at the passage: a PDF at its page, a web page at the quote (text fragment)"
    )
    chunk_id: str = Field(description="passage id; pass it to get_passage")


class Passage(Citation):
    heading: str | None = Field(None, description="section heading of the passage")
    doc_type: str | None = None
    language: str | None = None
    institution: str | None = None


class ScoredPassage(Passage):
    score: float = Field(description="fused retrieval score (higher is better; only comparable within one search)")


class AskResult(BaseModel):
    answer: str = Field(description="the answer; each sentence ends in [n] markers referring to citations")
    language: str = Field(description="language of the question and answer (nl or en)")
    abstained: bool = Field(description="true when the documents do not answer the question (see related)")
    citations: list[Citation] = Field(description="the sources of the answer, numbered as its [n] markers")
    related: list[Citation] = Field(description="other passages that may be relevant (the closest ones on abstain)")
    notice: str | None = Field(None, description="how the question was handled, when worth knowing (e.g. cut)")
    backend: str | None = Field(None, description="who wrote the answer: extractive, openai or llamacpp")
    timings_ms: dict[str, float] = Field(default_factory=dict)


class Correction(BaseModel):
    typed: str = Field(description="a word of the query the index does not know")
    searched: str = Field(description="the index's word one edit away that was searched for instead")


class SearchResult(BaseModel):
    query: str
    results: list[ScoredPassage] = Field(description="ranked passages, best first")
    corrected: list[Correction] = Field(default_factory=list, description="mistyped words and what was searched for")


class PassageResult(Passage):
    position: int = Field(description="0-based position of the passage in its document")
    previous_chunk_id: str | None = Field(description="the passage before it in the document, if any")
    next_chunk_id: str | None = Field(description="the passage after it in the document, if any")


class DocumentResult(BaseModel):
    doc_id: str
    title: str
    url: str | None
    date: str | None
    doc_type: str | None
    language: str | None
    institution: str | None
    pages: list[int] = Field(description="the pages that hold passages (PDFs; empty for other formats)")
    passage_count: int = Field(description="passages in the document (or on the requested page)")
    passages: list[Passage] = Field(description="the passages in reading order (they overlap slightly)")
    truncated: bool = Field(description=f"true when only the first {MAX_DOCUMENT_PASSAGES} passages are returned")


class Decision(BaseModel):
    date: str | None = Field(description="date of the decision, YYYY-MM-DD, YYYY-MM or YYYY; null when undated")
    date_basis: str = Field(
        "sentence",
        description="where the date comes from: sentence, meeting (the meeting the document records) or "
        "document (undated: placed at doc_date)",
    )
    doc_date: str | None = Field(None, description="the date of the document that states it")
    institution: str | None = Field(None, description="the institution the body belongs to (none for national bodies)")
    parties: str = Field("", description="an agreement's named parties, joined by '; '")
    date_text: str = Field(description="the date as worded in the document")
    body: str = Field(description="the deciding body (canonical Dutch name)")
    act: str = Field(description="consent, approve, decide, adopt, assess_positively, assess_negatively, reject, agree")
    subject: str
    negated: bool = Field(description="true for a decision not taken (e.g. 'stemde niet in')")
    sentence: str = Field(description="the sentence that states the decision")
    access: str = Field("public", description="who may read its document: public, or the groups (e.g. council)")
    citation: Citation = Field(description="the source: document, page, document date and the sentence as quote")


class DecisionsResult(BaseModel):
    decisions: list[Decision] = Field(description="oldest first")


class SearchFilters(BaseModel):
    """Metadata filters; leave a field out for "any"."""

    year_from: int | None = Field(None, description="only documents dated in or after this year")
    year_to: int | None = Field(None, description="only documents dated in or before this year")
    doc_type: str | None = Field(None, description="document type, e.g. plan, annual_report, council, news, policy")
    institution: str | None = Field(None, description="institution name exactly as indexed")
    language: Literal["nl", "en"] | None = Field(None, description="language of the documents")

    def to_filters(self) -> Filters:
        return Filters(self.year_from, self.year_to, self.doc_type, self.institution, self.language)


# -- the server --------------------------------------------------------------------------------------------------
def _facets_line(index: Index) -> str:
    """The filter values present in the index, for the tool descriptions."""
    try:
        f = catalog.facets(catalog.documents(index))
    except Exception:  # an unreadable index still gets a server; the tools then report the problem
        return ""
    parts = []
    if f["years"]:
        parts.append(f"years {f['years'][0]}–{f['years'][-1]}")
    for key in ("doc_types", "institutions", "languages"):
        if f[key]:
            values = f[key][:20]
            parts.append(f"{key[:-1]}: " + ", ".join(values) + (", …" if len(f[key]) > 20 else ""))
    return ("\nFilter values in this index: " + "; ".join(parts) + ".") if parts else ""


def _request(ctx: Context | None) -> Any:
    if ctx is None:
        return None
    try:
        return ctx.request_context.request
    except (ValueError, AttributeError):
        return None


def _base(access: Access, ctx: Context | None) -> str | None:
    """This server's address for source-view links (``PLANWIJZER_PUBLIC_URL``, else the HTTP request's own; over
    stdio only the setting)."""
    request = _request(ctx)
    if getattr(request, "url", None) is None:
        return access.settings.web.public_url or None
    return server_base(request, access.settings)


def _gate(access: Access, kind: str, text: str, ctx: Context | None) -> Reader:
    """Admit one tool call (rate limit, opt-in log), bring the index in step with its store (each call is a
    request), and return who makes it: read the index through ``access.index.for_reader`` of that reader."""
    request = _request(ctx)
    wait = access.admit(kind, text, request)
    if wait:
        raise ToolError(f"Rate limited: too many requests from this client. Retry in {wait} seconds.")
    access.index.refresh()
    return access.reader(request)


def build_mcp(access: Access) -> FastMCP:
    """The MCP server over ``access``'s index, with the five tools."""
    facets = _facets_line(access.index.for_reader(ANONYMOUS))  # tool descriptions are seen by every client
    mcp = FastMCP(
        NAME,
        instructions=INSTRUCTIONS,
        log_level="WARNING",
        streamable_http_path="/mcp",
        stateless_http=True,
        json_response=True,
        # every /mcp request needs an API key, so a page a browser visits cannot use it (DNS rebinding included);
        # the SDK's own host check would refuse a server reached by any name but localhost
        transport_security=TransportSecuritySettings(enable_dns_rebinding_protection=False),
    )
    read_only = ToolAnnotations(readOnlyHint=True, destructiveHint=False, idempotentHint=True, openWorldHint=False)

    @mcp.tool(
        name="ask",
        title="Ask the documents",
        annotations=read_only,
        description=(
            "Answer a factual question about the indexed quality-agreement documents (Dutch or English: answer in the "
            "question's language). The answer consists of sentences quoted from the documents, each followed by a "
            "marker [n] that refers to citations[n] (title, url, page, date, quote, chunk_id); it never adds facts. "
            "When the documents do not answer, abstained is true and related lists the closest passages. Best for "
            "when/who/how much/what questions. For a follow-up, pass the earlier questions of the conversation in "
            "history (oldest first), e.g. question 'En wanneer werd dat goedgekeurd?' with history ['Wat staat er in "
            "het bestedingsplan?']." + facets
        ),
    )
    async def ask(
        question: Annotated[str, Field(description="the question, in Dutch or English, as the user asked it")],
        history: Annotated[
            list[str] | None, Field(description="earlier questions of this conversation, oldest first")
        ] = None,
        filters: Annotated[SearchFilters | None, Field(description="restrict the documents answered from")] = None,
        ctx: Context | None = None,
    ) -> AskResult:
        who = _gate(access, "ask", question, ctx)
        earlier = tuple(h for h in history or [] if h.strip())
        req = AskRequest(question, earlier, filters and filters.to_filters(), reader=who)
        try:
            ans = await anyio.to_thread.run_sync(respond, access.index, req, access.settings)
        except (NoQuestion, EmptyIndex) as exc:
            raise ToolError(str(exc)) from None
        return AskResult.model_validate(answer_json(ans, _base(access, ctx)))

    @mcp.tool(
        name="search",
        title="Search passages",
        annotations=read_only,
        description=(
            "Ranked passages for a query (hybrid keyword and meaning search, Dutch and English), without an answer. "
            "Use it to read several sources yourself, to find documents about a topic, or when ask abstained. Each "
            "result carries the citation fields (n, doc_id, title, url, page, date, quote = the passage text, "
            "chunk_id) and its score. Pass a result's chunk_id to get_passage, or its doc_id to get_document, to "
            "read on." + facets
        ),
    )
    async def search(
        query: Annotated[str, Field(description="words or a question to search for")],
        filters: Annotated[SearchFilters | None, Field(description="restrict the documents searched")] = None,
        k: Annotated[int, Field(ge=1, le=MAX_K, description=f"number of passages (1-{MAX_K})")] = 10,
        ctx: Context | None = None,
    ) -> SearchResult:
        index = access.index.for_reader(_gate(access, "search", query, ctx))
        if not any(ch.isalnum() for ch in query):
            raise ToolError("Give a query with at least one word, e.g. 'instemming universiteitsraad'.")
        flt = filters.to_filters() if filters else Filters()
        result = await anyio.to_thread.run_sync(lambda: index.search(query, flt, k=k))
        base = _base(access, ctx)
        rows = [
            {**lookup.passage_json(i, h, base=base), "score": round(float(h.score), 6)}
            for i, h in enumerate(result.hits, 1)
        ]
        corrected = spelling.as_json(result.corrected)
        return SearchResult.model_validate({"query": query, "results": rows, "corrected": corrected})

    @mcp.tool(
        name="get_passage",
        title="Read one passage",
        annotations=read_only,
        description=(
            "The full text and metadata of one passage, by the chunk_id of a citation, search result or decision. "
            "Returns the citation fields (quote = the whole passage text), the section heading, and the chunk ids "
            "of the passages before and after it in the document, to read on."
        ),
    )
    async def get_passage(
        chunk_id: Annotated[str, Field(description="a chunk_id from ask, search, get_document or list_decisions")],
        ctx: Context | None = None,
    ) -> PassageResult:
        index = access.index.for_reader(_gate(access, "passage", chunk_id, ctx))
        found = await anyio.to_thread.run_sync(lookup.passage, index, chunk_id)
        if found is None:
            raise ToolError(
                f"No passage with chunk_id {chunk_id!r} in the index. Use a chunk_id exactly as returned by ask, "
                "search, get_document or list_decisions (the index may have changed since)."
            )
        hit, before, after = found
        data = lookup.passage_json(1, hit, base=_base(access, ctx))
        data.update(position=int(hit.meta.get("position", 0)), previous_chunk_id=before, next_chunk_id=after)
        return PassageResult.model_validate(data)

    @mcp.tool(
        name="get_document",
        title="Read a document",
        annotations=read_only,
        description=(
            "The text of one indexed document as its passages in reading order, with its metadata, by the doc_id of "
            f"a citation or search result. Long documents are cut after {MAX_DOCUMENT_PASSAGES} passages "
            "(truncated = true): give page (for PDFs, see pages) to read one page."
        ),
    )
    async def get_document(
        doc_id: Annotated[str, Field(description="a doc_id from ask, search or list_decisions")],
        page: Annotated[int | None, Field(ge=1, description="only this page (PDF documents)")] = None,
        ctx: Context | None = None,
    ) -> DocumentResult:
        index = access.index.for_reader(_gate(access, "document", doc_id, ctx))
        hits = await anyio.to_thread.run_sync(lookup.document, index, doc_id)
        if not hits:
            similar = lookup.similar_doc_ids(index, doc_id)
            hint = f" Did you mean: {', '.join(similar)}?" if similar else ""
            raise ToolError(f"No document with doc_id {doc_id!r} in the index.{hint}")
        pages = sorted({int(h.meta["page"]) for h in hits if h.meta.get("page") is not None})
        if page is not None:
            if page not in pages:
                where = f"its pages are {pages[0]}–{pages[-1]}" if pages else "it has no page numbers"
                raise ToolError(f"Document {doc_id!r} has no passages on page {page}; {where}.")
            hits = [h for h in hits if h.meta.get("page") is not None and int(h.meta["page"]) == page]
        meta = hits[0].meta
        shown = hits[:MAX_DOCUMENT_PASSAGES]
        base = _base(access, ctx)
        return DocumentResult(
            doc_id=doc_id,
            title=str(meta.get("title") or doc_id),
            url=meta.get("url") or None,
            date=str(meta["date"]) if meta.get("date") else None,
            doc_type=meta.get("doc_type") or None,
            language=meta.get("language") or None,
            institution=meta.get("institution") or None,
            pages=pages,
            passage_count=len(hits),
            passages=[Passage.model_validate(lookup.passage_json(i, h, base=base)) for i, h in enumerate(shown, 1)],
            truncated=len(hits) > len(shown),
        )

    @mcp.tool(
        name="list_decisions",
        title="List decisions",
        annotations=read_only,
        description=(
            "The decisions stated in the documents: who (which body) decided what (consent, approve, decide, adopt, "
            "assess positively/negatively, reject, agree) and when, oldest first, each with the sentence that says "
            "so and its source as a citation. Use it for 'when did X approve/consent to Y' and for timelines. body "
            "takes a Dutch or English name, e.g. Universiteitsraad or University Council, College van Bestuur or "
            f"Executive Board, NVAO, minister. Bodies known: {', '.join(BODIES)}."
        ),
    )
    async def list_decisions(
        body: Annotated[str | None, Field(description="the deciding body, Dutch or English name")] = None,
        year_from: Annotated[int | None, Field(description="decisions in or after this year")] = None,
        year_to: Annotated[int | None, Field(description="decisions in or before this year")] = None,
        query: Annotated[str | None, Field(description="words that must all occur in the subject or sentence")] = None,
        ctx: Context | None = None,
    ) -> DecisionsResult:
        index = access.index.for_reader(_gate(access, "decisions", query or "", ctx))
        base = _base(access, ctx)

        def work() -> list[dict]:
            docs = {d.doc_id: d for d in catalog.documents(index)}
            out = []
            for n, r in enumerate(index.decisions(body or None, year_from, year_to, query or None), 1):
                doc = docs.get(r.doc_id)
                url, date = (doc.url, doc.date) if doc else (None, None)
                title = doc.title if doc else r.doc_id
                cited = Cited(n, r.doc_id, title, url, r.page, date, r.sentence, r.chunk_id)  # the ask --json shape
                out.append({**r.to_json(), "citation": citation_json(cited, base)})
            return out

        return DecisionsResult.model_validate({"decisions": await anyio.to_thread.run_sync(work)})

    return mcp


# -- over HTTP, behind the API keys ------------------------------------------------------------------------------
class KeyedEndpoint:
    """``/mcp``: the SDK's streamable HTTP handler, reached only with a valid API key (``Authorization: Bearer``).
    Without any key configured it answers 404 (off)."""

    def __init__(self, mcp: FastMCP, keys: KeyStore) -> None:
        mcp.streamable_http_app()  # creates the session manager; its lifespan is run by the serving app
        self.manager = mcp.session_manager
        self.keys = keys

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = Headers(scope=scope)
        if not self.keys.enabled():
            message = "The MCP endpoint is off: no API key is configured (planwijzer api-key create NAME)."
            await JSONResponse({"error": {"message": message, "code": "api_disabled"}}, 404)(scope, receive, send)
            return
        if self.keys.verify(bearer_token(headers.get("authorization"))) is None:
            message = "Missing or wrong API key: send 'Authorization: Bearer <key>' (planwijzer api-key create NAME)."
            response = JSONResponse(
                {"error": {"message": message, "code": "invalid_api_key"}}, 401, {"WWW-Authenticate": "Bearer"}
            )
            await response(scope, receive, send)
            return
        await self.manager.handle_request(scope, receive, send)


# -- over stdio --------------------------------------------------------------------------------------------------
class _ProtocolStdout(io.TextIOBase):
    """``sys.stdout`` while the stdio server runs: the SDK takes ``.buffer`` (the real standard output, kept for
    the protocol); anything else printed goes to standard error, so it cannot corrupt the JSON-RPC stream."""

    def __init__(self, protocol: io.BufferedWriter) -> None:
        self.buffer = protocol

    def write(self, text: str) -> int:
        return sys.stderr.write(text)

    def flush(self) -> None:
        sys.stderr.flush()

    def writable(self) -> bool:
        return True


def run_stdio(settings: Settings, who: Reader = ANONYMOUS) -> None:
    """``planwijzer mcp``: open (and, when empty, fill) the index, then serve the tools over stdio until EOF,
    reading as ``who``."""
    from planwijzer.assistant.service import open_index

    protocol = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # from here on, whatever writes to file descriptor 1 (a library, a C extension) reaches stderr
    sys.stdout = _ProtocolStdout(protocol)  # type: ignore[assignment]
    index = open_index(settings)
    index.search("kwaliteitsafspraken", k=1)  # load the models now, not during the client's first call
    build_mcp(LocalAccess(settings, index, who)).run("stdio")
