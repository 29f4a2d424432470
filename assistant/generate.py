"""One entry point for answers: the extractive answerer, or a language model whose every sentence is checked.

:func:`answer` dispatches on ``settings.answer.backend``. The generative path retrieves with the same
``Index.search`` as the extractive one, asks the model with numbered sources (:mod:`assistant.llm`), checks each
generated sentence against the passages it cites (:mod:`assistant.grounding`) and renumbers the citations. When the
model fails (down, timeout, malformed reply, context too long) or too little of its answer survives the check, the
extractive answer is given with a notice saying why, in the question's language (texts in
:mod:`planwijzer.messages`).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from planwijzer.assistant import grounding
from planwijzer.assistant.answer import (
    Answer,
    answer_question,
    passages_read,
    question_notice,
    read_history,
    read_question,
)
from planwijzer.assistant.answer_weights import RANKED_HITS
from planwijzer.assistant.citing import citation, passage_quote
from planwijzer.assistant.llm import LLMError, build_prompt, failure_notice, get_backend
from planwijzer.assistant.question import has_words
from planwijzer.assistant.retrieval import Filters, Index

from planwijzer import messages
from planwijzer.config import Settings

_ABSTAIN = re.compile(
    r"niet in de documenten|staat niet in|not in the documents|do(?:es)? not (?:contain|answer|mention)|"
    r"no information|geen informatie",
    re.I,
)


@dataclass
class GeneratedAnswer(Answer):
    """An answer from a generating backend: the ``ask --json`` contract plus ``backend``, ``grounding`` and,
    when the extractive answer was given instead, ``notice``."""

    backend: str = "extractive"
    grounding: dict | None = None
    notice: str | None = None
    raw: str = field(default="", repr=False)
    """The model's reply before the check (for evaluation and debugging; not in the JSON)."""

    def to_json(self) -> dict:
        data = super().to_json()
        data["backend"] = self.backend
        if self.grounding is not None:
            data["grounding"] = self.grounding
        if self.notice:
            data["notice"] = self.notice
        return data


def answer(
    index: Index,
    question: str,
    history: list[str] | None = None,
    filters: Filters | None = None,
    settings: Settings | None = None,
    on_token: Callable[[str], None] | None = None,
) -> Answer:
    """Answer ``question`` with the configured backend. ``on_token`` receives the model's text as it streams
    (not called by the extractive backend)."""
    settings = settings or index.settings
    history = [h for h in (history or []) if h.strip()]
    if settings.answer.backend == "extractive" or not has_words(question):
        # no words to ask the model about: the extractive answerer refuses it without searching
        return answer_question(index, question, history, filters, settings.answer.max_chars)
    return generate(index, question, history, filters, settings, on_token)


def _fallback(
    index: Index, question: str, history: list[str], filters: Filters | None, settings: Settings, notice: str, **extra
) -> GeneratedAnswer:
    ans = answer_question(index, question, history, filters, settings.answer.max_chars)
    extra.setdefault("grounding", {"checked": 0, "supported": 0, "removed": []})
    said = " ".join(n for n in (notice, ans.notice) if n) or None  # why it fell back; how the question was read
    return GeneratedAnswer(**{**ans.__dict__, "backend": settings.answer.backend, "notice": said, **extra})


def generate(
    index: Index,
    text: str,
    history: list[str],
    filters: Filters | None,
    settings: Settings,
    on_token: Callable[[str], None] | None = None,
) -> GeneratedAnswer:
    """The generative path: retrieve, prompt, stream, check, cite (or fall back to the extractive answer)."""
    started = time.perf_counter()
    question, corrected = read_question(index, text)  # as the extractive path: typos, lower-case names
    notice = question_notice(question, corrected)
    lang = question.language
    context = " ".join(read_history(index, history)[-1:])  # the previous question, read as the extractive path reads it
    result = index.search(question.text, filters, k=RANKED_HITS, context=context)
    timings = dict(result.timings_ms)
    hits = passages_read(index, question, filters, result, settings.answer.passages)  # as the extractive path reads
    if not hits:
        return _fallback(index, text, history, filters, settings, None)
    t = time.perf_counter()
    raw = ""
    try:
        prompt = build_prompt(question.text, lang, hits, settings, history)
        backend = get_backend(settings)
        for piece in backend.stream(prompt.messages):
            raw += piece
            if on_token is not None:
                on_token(piece)
        if not raw.strip():
            raise LLMError("empty")
    except LLMError as exc:
        return _fallback(index, text, history, filters, settings, failure_notice(exc, lang), raw=raw)
    timings["generate"] = (time.perf_counter() - t) * 1000
    sources = [
        grounding.Source(n, h.text, h.chunk_id, str(h.meta.get("title") or ""), str(h.meta.get("heading") or ""))
        for n, h in enumerate(prompt.hits, 1)
    ]
    t = time.perf_counter()
    if not grounding.markers(raw) and _ABSTAIN.search(raw):
        timings["grounding"] = 0.0
        timings["total"] = (time.perf_counter() - started) * 1000
        related = [citation(i + 1, h, passage_quote(h.text)) for i, h in enumerate(hits[:3])]
        body = messages.text("llm_not_in_documents", lang) + " " + messages.text("answer_related", lang)
        return GeneratedAnswer(
            body, lang, True, [], related, timings, question.kind, result.hits, notice=notice,
            backend=settings.answer.backend, grounding={"checked": 0, "supported": 0, "removed": []}, raw=raw,
        )  # fmt: skip
    checked = grounding.check_answer(
        raw, sources, grounding.index_similarity(index), settings.grounding.policy, lang,
        settings.grounding.lexical_min, settings.grounding.similarity_min,
    )  # fmt: skip
    timings["grounding"] = (time.perf_counter() - t) * 1000
    report = checked.to_json()
    if checked.supported == 0 or checked.supported < settings.grounding.min_share * checked.checked:
        notice = messages.text("llm_ungrounded", lang, supported=checked.supported, checked=checked.checked)
        return _fallback(index, text, history, filters, settings, notice, grounding=report, raw=raw)

    # source [n] stays the prompt's source n, so the streamed text and the final answer cite the same numbers
    kept = [c for c in checked.sentences if c.supported or settings.grounding.policy == "mark"]
    order = sorted({n for c in kept for n in c.markers if 1 <= n <= len(prompt.hits)})
    body = checked.text
    citations = []
    for n in order:
        quotes = [c.quote[n] for c in kept if n in c.quote]
        quote = " … ".join(dict.fromkeys(quotes)) if quotes else passage_quote(prompt.hits[n - 1].text)
        citations.append(citation(n, prompt.hits[n - 1], quote))
    cited_ids = {prompt.hits[n - 1].chunk_id for n in order}
    numbers = {h.chunk_id: n for n, h in enumerate(prompt.hits, 1)}
    rest = [h for h in hits if h.chunk_id not in cited_ids][:3]
    related = [
        citation(numbers.get(h.chunk_id, len(prompt.hits) + i + 1), h, passage_quote(h.text))
        for i, h in enumerate(rest)
    ]
    timings["answer"] = (time.perf_counter() - t) * 1000 + timings["generate"]
    timings["total"] = (time.perf_counter() - started) * 1000
    return GeneratedAnswer(
        body, lang, False, citations, related, timings, question.kind, result.hits, notice=notice,
        backend=settings.answer.backend, grounding=report, raw=raw,
    )  # fmt: skip
