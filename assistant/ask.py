"""One answering request, the same for every surface: a question, the earlier questions, filters and the backend.

The OpenAI-compatible endpoint and the MCP server answer through :func:`respond` (and the CLI and the web app can):
it refuses a question without words with the same message ``planwijzer ask`` prints (:class:`NoQuestion`), an empty
index with a message saying what to run (:class:`EmptyIndex`), and otherwise answers with the chosen backend
(:func:`assistant.generate.answer`: extractive, or a language model whose sentences are checked). The helpers turn an
answer into the citation objects of ``ask --json`` (plus each passage's ``chunk_id``) and into a short, plain-text
"Bronnen / Sources" footer for chat clients that show only the message text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from planwijzer.assistant import llm
from planwijzer.assistant.answer import Answer, Citation
from planwijzer.assistant.citing import absolute, disambiguate
from planwijzer.assistant.generate import answer
from planwijzer.assistant.question import has_words, parse_question
from planwijzer.assistant.retrieval import Filters, Index

from planwijzer import messages
from planwijzer.access import ANONYMOUS, Reader
from planwijzer.config import Settings

BACKENDS = ("extractive", *llm.BACKENDS)
"""The answer backends a request may name: the extractive answerer and the language-model backends."""


class NoQuestion(ValueError):
    """The question has no letter or digit; ``str()`` is the hint ``planwijzer ask`` gives, in its language."""

    def __init__(self, message: str, language: str) -> None:
        super().__init__(message)
        self.language = language


class EmptyIndex(RuntimeError):
    """The index holds no passages, so nothing can be answered until something is ingested."""


@dataclass(frozen=True)
class AskRequest:
    """What to answer: ``question``; ``history``, the earlier questions of the conversation (oldest first);
    ``filters``; ``backend`` (``extractive``, ``openai``, ``llamacpp``; None = the configured one); ``reader``, who
    asks (the answer rests only on documents they may read)."""

    question: str
    history: tuple[str, ...] = ()
    filters: Filters | None = None
    backend: str | None = None
    reader: Reader = ANONYMOUS


def check(index: Index, request: AskRequest) -> None:
    """Raise :class:`NoQuestion` or :class:`EmptyIndex` when ``request`` cannot be answered (nothing is searched).
    It starts a request, so it first brings ``index`` in step with its store (:meth:`Index.refresh`)."""
    index.refresh()
    if not has_words(request.question):  # the hint ``planwijzer ask`` gives, in the question's language
        lang = parse_question(request.question).language
        raise NoQuestion(messages.text("answer_no_question", lang), lang)
    if index.for_reader(request.reader).chunk_count() == 0:
        raise EmptyIndex(
            "The index is empty: there are no documents to answer from yet. "
            "Run `planwijzer ingest PATH` (or upload documents in the web app's admin tab) first."
        )


def ask(
    index: Index,
    question: str,
    history: list[str] | tuple[str, ...] = (),
    filters: Filters | None = None,
    settings: Settings | None = None,
    on_token: Callable[[str], None] | None = None,
    reader: Reader = ANONYMOUS,
) -> Answer:
    """The one answer entry point of every surface (CLI, web app, OpenAI-compatible API, MCP): bring ``index`` in
    step with its store, then answer from what ``reader`` may read (:meth:`Index.for_reader`) with the backend
    ``settings`` name (:func:`assistant.generate.answer`: the extractive answerer, or a language model whose
    sentences are checked and whose fallback reuses its retrieval). A question without words gets the extractive
    answerer's refusal, in the question's language."""
    index.refresh()
    view = index.for_reader(reader)
    return _located(answer(view, question, list(history), filters, settings or index.settings, on_token), view)


def _located(ans: Answer, view: Index) -> Answer:
    """``ans`` with each web citation's link made to land on its own occurrence of the quote (:func:`disambiguate`)."""
    disambiguate([*ans.citations, *ans.related], view)
    return ans


def respond(
    index: Index,
    request: AskRequest,
    settings: Settings | None = None,
    on_token: Callable[[str], None] | None = None,
) -> Answer:
    """Answer ``request`` (after :func:`check`). ``on_token`` receives a language model's text as it is generated
    (before the grounding check); the returned answer is the checked one, or the extractive one with a notice."""
    check(index, request)  # it refreshed the index: answer straight away
    settings = settings or index.settings
    if request.backend is not None and request.backend != settings.answer.backend:
        if request.backend not in BACKENDS:
            raise ValueError(f"unknown answer backend {request.backend!r}; use one of {', '.join(BACKENDS)}")
        settings = settings.replace(answer_backend=request.backend)
    view = index.for_reader(request.reader)
    return _located(answer(view, request.question, list(request.history), request.filters, settings, on_token), view)


def citation_json(c: Citation, base: str | None = None) -> dict:
    """A citation as in ``ask --json`` (n, doc_id, title, url, page, date, quote, link), plus the passage's
    ``chunk_id``; a source-view link gets ``base`` (this server's address) in front (:func:`citing.absolute`)."""
    return {**c.to_json(), "link": absolute(c.link, base), "chunk_id": c.chunk_id}


def answer_json(ans: Answer, base: str | None = None) -> dict:
    """The ``ask --json`` object, each citation and related passage with its ``chunk_id`` (links as in
    :func:`citation_json`)."""
    data = ans.to_json()
    data["citations"] = [citation_json(c, base) for c in ans.citations]
    data["related"] = [citation_json(c, base) for c in ans.related]
    return data


def _line(c: Citation, lang: str, base: str | None) -> str:
    bits = [c.title or c.doc_id]
    if c.page is not None:
        bits.append(f"{messages.text('page', lang)} {c.page}")
    if c.date:
        bits.append(c.date)
    link = absolute(c.link, base)
    return f"- [{c.n}] " + ", ".join(bits) + (f" — {link}" if link else "")


def sources_footer(ans: Answer, base: str | None = None) -> str:
    """The "Bronnen / Sources" lines under an answer (title, page, date, passage link per citation); for an
    abstention the related passages instead. Empty when there is neither."""
    lang = ans.language
    if ans.citations:
        return messages.text("cli_sources", lang) + "\n" + "\n".join(_line(c, lang, base) for c in ans.citations)
    if ans.related:
        return messages.text("cli_related", lang) + "\n" + "\n".join(_line(c, lang, base) for c in ans.related)
    return ""


def message_text(ans: Answer, base: str | None = None) -> str:
    """The whole text a chat client shows: the notice (if any), the answer with its [n] markers, the footer."""
    text = f"⚠ {ans.notice}\n\n{ans.answer}" if ans.notice else ans.answer
    footer = sources_footer(ans, base)
    return f"{text}\n\n{footer}" if footer else text
