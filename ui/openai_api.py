"""The OpenAI-compatible chat endpoint: ``GET /v1/models`` and ``POST /v1/chat/completions``, streamed or not.

Chat clients (Open WebUI, LibreChat, scripts using the ``openai`` package, LangChain's ``ChatOpenAI``) use Planwijzer
as a model. Two model ids: ``planwijzer`` answers with the configured backend (``PLANWIJZER_ANSWER_BACKEND``),
``planwijzer-extractive`` with the extractive answerer. The question is the last user message; the earlier user
messages are the history (follow-ups); system and assistant messages do not change retrieval. Filters are extra body
fields (``year_from``, ``year_to``, ``doc_type``, ``institution``, ``language``, at the top level or in a ``filters``
object).

The citations survive: the message text ends in a "Bronnen / Sources" footer (title, page, date, passage link), and
the message (streaming: the final chunk) carries ``citations`` and ``related`` in the ``ask --json`` shape (plus
``chunk_id``) and ``planwijzer`` with the rest of that object (language, abstained, notice, backend, timings).
A generated answer is checked against its sources before it is sent, so a stream carries the checked text.

Errors have OpenAI's shape, ``{"error": {"message", "type", "param", "code"}}``: 400 for a malformed request or a
question without words (the CLI's message), 401 for a missing or wrong key, 404 for an unknown model (and for every
route while no API key is configured: the endpoint is off), 429 with ``Retry-After`` over the rate limit (shared with
the web app), 503 when the index is empty. CORS only when ``PLANWIJZER_CORS_ORIGINS`` is set.
"""

from __future__ import annotations

import functools
import json
import re
import time
import uuid
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, StreamingResponse
from planwijzer.assistant.answer import Answer
from planwijzer.assistant.ask import AskRequest, EmptyIndex, NoQuestion, answer_json, check, message_text, respond
from planwijzer.assistant.llm import estimate_tokens
from planwijzer.assistant.retrieval import Filters
from planwijzer.ui.apikeys import KeyStore, bearer_token
from planwijzer.ui.links import server_base
from planwijzer.ui.mcp_server import Access
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.cors import CORSMiddleware

from planwijzer.access import Reader

MODELS = {"planwijzer": None, "planwijzer-extractive": "extractive"}
"""Model id → answer backend (None: the configured one)."""
FILTER_FIELDS = {"year_from": int, "year_to": int, "doc_type": str, "institution": str, "language": str}
STREAM_WORDS = 3
"""Words per streamed chunk."""
CREATED = int(time.time())


class APIError(Exception):
    """An error answered in OpenAI's shape."""

    def __init__(
        self,
        status: int,
        message: str,
        type_: str = "invalid_request_error",
        code: str | None = None,
        param: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status, self.message, self.type, self.code, self.param = status, message, type_, code, param
        self.headers = headers or {}

    def body(self) -> dict:
        return {"error": {"message": self.message, "type": self.type, "param": self.param, "code": self.code}}

    def response(self) -> JSONResponse:
        return JSONResponse(self.body(), self.status, self.headers)


def cors_origins(settings) -> list[str]:
    return [o.strip() for o in (settings.web.cors_origins or "").split(",") if o.strip()]


def _text(content: Any) -> str:
    """A message's text: a string, or the text parts of a list of content parts."""
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = []
        for part in content:
            text = part.get("text") if isinstance(part, dict) else None
            if isinstance(text, str) and part.get("type") in ("text", "input_text"):
                parts.append(text)
            elif isinstance(part, str):
                parts.append(part)
        return "\n".join(parts)
    raise APIError(400, "message content must be a string or a list of content parts", param="messages")


def parse_messages(messages: Any) -> tuple[str, list[str]]:
    """(question, history): the last user message and the earlier ones, oldest first."""
    if not isinstance(messages, list) or not messages:
        raise APIError(400, "'messages' must be a non-empty list of {role, content} objects", param="messages")
    users = []
    for i, m in enumerate(messages):
        if not isinstance(m, dict) or not isinstance(m.get("role"), str):
            raise APIError(400, f"messages[{i}] must be an object with a 'role'", param=f"messages[{i}]")
        if m["role"] == "user":
            users.append(_text(m.get("content")))
    if not users:
        raise APIError(400, "'messages' holds no user message to answer", param="messages")
    return users[-1], [u for u in users[:-1] if u.strip()]


def parse_filters(body: dict) -> Filters:
    """Filters from the body's top level or its ``filters`` object (top level wins); null or "" = any."""
    nested = body.get("filters") or {}
    if not isinstance(nested, dict):
        raise APIError(400, "'filters' must be an object", param="filters")
    values: dict[str, Any] = {}
    for name, kind in FILTER_FIELDS.items():
        value = body.get(name, nested.get(name))
        if value is None or value == "":
            values[name] = None
            continue
        if kind is int:
            try:
                if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
                    raise ValueError
                value = int(value)
            except (TypeError, ValueError):
                raise APIError(400, f"'{name}' must be a year (an integer)", param=name) from None
        elif not isinstance(value, str):
            raise APIError(400, f"'{name}' must be a string", param=name)
        values[name] = value
    if values["language"] not in (None, "nl", "en"):
        raise APIError(400, "'language' must be 'nl' or 'en'", param="language")
    return Filters(**values)


def _pieces(text: str) -> list[str]:
    """``text`` in chunks of a few words whose concatenation is exactly ``text``."""
    tokens = re.findall(r"\S+\s*|\s+", text)
    return ["".join(tokens[i : i + STREAM_WORDS]) for i in range(0, len(tokens), STREAM_WORDS)]


def _extras(ans: Answer, base: str | None = None) -> dict:
    """What the message (or the final chunk) carries beside its text."""
    data = answer_json(ans, base)
    citations, related = data.pop("citations"), data.pop("related")
    return {"citations": citations, "related": related, "planwijzer": data}


def _usage(question: str, history: list[str], text: str) -> dict:
    prompt = estimate_tokens(" ".join([*history, question]))
    completion = estimate_tokens(text)
    return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}


def build_openai_api(access: Access, keys: KeyStore) -> FastAPI:
    """The ``/v1`` app (mount it at ``/v1``) over ``access``'s index, rate limit and request log."""
    api = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    if origins := cors_origins(access.settings):
        api.add_middleware(
            CORSMiddleware,
            allow_origins=origins,
            allow_methods=["GET", "POST", "OPTIONS"],
            allow_headers=["Authorization", "Content-Type"],
            expose_headers=["Retry-After"],
        )

    @api.exception_handler(APIError)
    async def _api_error(request: Request, exc: APIError) -> JSONResponse:
        return exc.response()

    @api.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = "Unknown endpoint" if exc.status_code == 404 else str(exc.detail)
        err = APIError(exc.status_code, f"{message}: {request.method} {request.url.path}", code="unknown_url")
        return err.response()

    @api.exception_handler(Exception)
    async def _failure(request: Request, exc: Exception) -> JSONResponse:
        return APIError(500, f"The answer failed ({type(exc).__name__}).", "server_error", "answer_failed").response()

    def authorize(request: Request) -> Reader:
        if not keys.enabled():
            raise APIError(
                404,
                "The OpenAI-compatible API is off on this server: no API key is configured "
                "(run `planwijzer api-key create NAME` on the server).",
                code="api_disabled",
            )
        who = keys.reader(bearer_token(request.headers.get("authorization")))
        if who is None:
            raise APIError(
                401,
                "Missing or wrong API key: send 'Authorization: Bearer <key>' with a key made by "
                "`planwijzer api-key create NAME`.",
                code="invalid_api_key",
                headers={"WWW-Authenticate": "Bearer"},
            )
        return who

    def model_object(model_id: str) -> dict:
        return {"id": model_id, "object": "model", "created": CREATED, "owned_by": "planwijzer"}

    @api.get("/models")
    async def list_models(request: Request) -> dict:
        authorize(request)
        return {"object": "list", "data": [model_object(m) for m in MODELS]}

    @api.get("/models/{model_id}")
    async def get_model(model_id: str, request: Request) -> dict:
        authorize(request)
        if model_id not in MODELS:
            raise _unknown_model(model_id)
        return model_object(model_id)

    @api.post("/chat/completions")
    async def chat_completions(request: Request):
        who = authorize(request)  # answers rest only on what the key's groups may read
        try:
            body = json.loads(await request.body() or b"null")
        except (ValueError, UnicodeDecodeError):
            raise APIError(400, "The request body is not valid JSON.") from None
        if not isinstance(body, dict):
            raise APIError(400, "The request body must be a JSON object.")
        model = body.get("model")
        if not isinstance(model, str) or not model:
            raise APIError(400, "You must provide a model parameter ('planwijzer' or 'planwijzer-extractive').",
                           param="model")  # fmt: skip
        if model not in MODELS:
            raise _unknown_model(model)
        question, history = parse_messages(body.get("messages"))
        filters = parse_filters(body)
        stream = body.get("stream", False)
        if not isinstance(stream, bool):
            raise APIError(400, "'stream' must be true or false", param="stream")
        req = AskRequest(question, tuple(history), None if filters.is_empty() else filters, MODELS[model], who)
        try:
            await run_in_threadpool(check, access.index, req)
        except NoQuestion as exc:
            raise APIError(400, str(exc), param="messages", code="no_question") from None
        except EmptyIndex as exc:
            raise APIError(503, str(exc), "server_error", "index_empty") from None
        if wait := access.admit("chat", question, request):
            raise APIError(
                429,
                f"Too many requests from this client: the limit is {access.settings.web.rate_limit_per_minute} "
                f"questions per minute, shared with the web app. Retry in {wait} seconds.",
                "rate_limit_error",
                "rate_limit_exceeded",
                headers={"Retry-After": str(wait)},
            )
        base = server_base(request, access.settings)
        completion_id = f"chatcmpl-{uuid.uuid4().hex}"
        created = int(time.time())
        run = functools.partial(respond, access.index, req, access.settings)
        if stream:
            options = body.get("stream_options") or {}
            usage = isinstance(options, dict) and bool(options.get("include_usage"))
            events = _stream(run, completion_id, created, model, question, history, usage, base)
            headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
            return StreamingResponse(events, media_type="text/event-stream", headers=headers)
        ans = await run_in_threadpool(run)
        text = message_text(ans, base)
        extras = _extras(ans, base)
        message = {"role": "assistant", "content": text, "refusal": None}
        message.update(citations=extras["citations"], related=extras["related"])
        return {
            "id": completion_id,
            "object": "chat.completion",
            "created": created,
            "model": model,
            "choices": [{"index": 0, "message": message, "logprobs": None, "finish_reason": "stop"}],
            "usage": _usage(question, history, text),
            "planwijzer": extras["planwijzer"],
        }

    return api


def _unknown_model(model: str) -> APIError:
    return APIError(
        404,
        f"The model '{model}' does not exist; use one of: {', '.join(MODELS)}.",
        param="model",
        code="model_not_found",
    )


def _sse(data: dict | str) -> str:
    return f"data: {data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)}\n\n"


async def _stream(
    run, completion_id: str, created: int, model: str, question: str, history: list[str], usage: bool, base: str
):
    """Server-sent chunks: the role at once, the checked answer's text in pieces, then a final chunk with the
    citations; ``[DONE]`` last."""

    def chunk(delta: dict, finish: str | None = None, **extra) -> dict:
        choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}
        base = {"id": completion_id, "object": "chat.completion.chunk", "created": created, "model": model}
        return {**base, "choices": [choice], **extra}

    yield _sse(chunk({"role": "assistant", "content": ""}))
    try:
        ans = await run_in_threadpool(run)
    except Exception as exc:  # headers are sent: report it in the stream, the way OpenAI does
        err = APIError(500, f"The answer failed ({type(exc).__name__}).", "server_error", "answer_failed")
        yield _sse(err.body())
        yield _sse("[DONE]")
        return
    text = message_text(ans, base)
    for piece in _pieces(text):
        yield _sse(chunk({"content": piece}))
    yield _sse(chunk({}, "stop", **_extras(ans, base)))
    if usage:
        yield _sse({**chunk({}), "choices": [], "usage": _usage(question, history, text)})
    yield _sse("[DONE]")
