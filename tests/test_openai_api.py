"""The OpenAI-compatible endpoint of ``planwijzer serve`` (``/v1``), against the real server on a free port, through
the official ``openai`` client, LangChain's ``ChatOpenAI`` and plain HTTP: answers with their citations (message,
final stream chunk, "Bronnen / Sources" footer), follow-ups, filters, both model ids, and every error case."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import httpx
import openai
import pytest
from api_support import api_settings, create_key, run_async, running
from conftest import PLAN_URL
from planwijzer.assistant.retrieval import Index
from planwijzer.ui.apikeys import KeyStore

from planwijzer.cli import main
from planwijzer.config import Settings

PLAN_Q = "Wanneer stemde de Universiteitsraad in met het bestedingsplan?"
MONEY_Q = "Hoeveel geld is ermee gemoeid?"
JURY_Q = "What did the jury praise?"
UNANSWERABLE_Q = "Wie was in 2030 voorzitter van de faculteitsraad Geneeskunde?"


def user(text: str) -> dict:
    return {"role": "user", "content": text}


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory, settings: Settings, index: Index):
    """The server over the shared test index: one API key, no rate limit, no CORS; its ``planwijzer`` model is the
    ``openai`` backend pointed at a closed port."""
    s = api_settings(settings, tmp_path_factory.mktemp("api"))
    key = create_key(s)
    with running(s, index) as server:
        yield SimpleNamespace(url=server.url, key=key, settings=s)


@pytest.fixture(scope="module")
def client(api) -> openai.OpenAI:
    return openai.OpenAI(base_url=f"{api.url}/v1", api_key=api.key, max_retries=0, timeout=120)


def ask(client: openai.OpenAI, messages: list[dict], model: str = "planwijzer-extractive", **extra):
    return client.chat.completions.create(model=model, messages=messages, extra_body=extra or None)


def post(api, body: dict | bytes, key: str | None = "default", path: str = "/v1/chat/completions") -> httpx.Response:
    headers = {"Authorization": f"Bearer {api.key if key == 'default' else key}"} if key else {}
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    headers["Content-Type"] = "application/json"
    return httpx.post(api.url + path, content=content, headers=headers, timeout=120)


def assert_openai_error(response: httpx.Response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert set(error) == {"message", "type", "param", "code"} and error["message"]
    if code:
        assert error["code"] == code
    return error


# --------------------------------------------------------------------------- answers


def test_models_are_listed_and_an_unknown_one_is_404(client: openai.OpenAI):
    assert [m.id for m in client.models.list()] == ["planwijzer", "planwijzer-extractive"]
    assert client.models.retrieve("planwijzer-extractive").owned_by == "planwijzer"
    with pytest.raises(openai.NotFoundError) as err:
        ask(client, [user(PLAN_Q)], model="gpt-4o")
    assert err.value.body["code"] == "model_not_found" and "planwijzer-extractive" in err.value.body["message"]
    with pytest.raises(openai.NotFoundError):
        client.models.retrieve("gpt-4o")


def test_the_answer_keeps_its_citations_and_a_sources_footer(client: openai.OpenAI):
    reply = ask(client, [{"role": "system", "content": "You are a helpful assistant."}, user(PLAN_Q)])
    assert reply.object == "chat.completion" and reply.model == "planwijzer-extractive"
    choice = reply.choices[0]
    assert choice.finish_reason == "stop" and choice.message.role == "assistant"
    text = choice.message.content
    answer, footer = text.split("\n\nBronnen / Sources:\n")
    assert "14 maart 2022" in answer and "[1]" in answer
    citations = choice.message.model_extra["citations"]
    first = citations[0]
    assert set(first) == {"n", "doc_id", "title", "url", "page", "date", "quote", "link", "chunk_id"}
    assert first["n"] == 1 and first["doc_id"] == "bestedingsplan-2022.md" and first["url"] == PLAN_URL
    assert "14 maart 2022" in first["quote"] and first["date"] == "2022-03-14"
    assert footer.startswith(f"- [1] {first['title']}, 2022-03-14 — {PLAN_URL}#:~:text=")
    extra = reply.model_extra["planwijzer"]
    assert extra["abstained"] is False and extra["language"] == "nl" and extra["answer"] == answer
    assert reply.usage.total_tokens == reply.usage.prompt_tokens + reply.usage.completion_tokens > 0
    # the system message does not change retrieval: the same answer without it
    assert ask(client, [user(PLAN_Q)]).choices[0].message.content == text


def test_streaming_gives_the_same_text_and_the_citations_on_the_final_chunk(client: openai.OpenAI):
    whole = ask(client, [user(PLAN_Q)]).choices[0].message
    chunks = list(
        client.chat.completions.create(
            model="planwijzer-extractive",
            messages=[user(PLAN_Q)],
            stream=True,
            stream_options={"include_usage": True},
        )
    )
    assert chunks[0].choices[0].delta.role == "assistant"
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text == whole.content
    assert len([c for c in chunks if c.choices and c.choices[0].delta.content]) > 3  # really in pieces
    final = [c for c in chunks if c.choices][-1]
    assert final.choices[0].finish_reason == "stop"
    assert final.model_extra["citations"] == whole.model_extra["citations"]
    assert final.model_extra["planwijzer"]["abstained"] is False
    assert all(c.choices[0].finish_reason is None for c in chunks if c.choices and c is not final)
    assert chunks[-1].choices == [] and chunks[-1].usage.completion_tokens > 0
    assert len({c.id for c in chunks}) == 1


def test_a_follow_up_is_answered_in_the_context_of_the_earlier_user_turns(client: openai.OpenAI):
    alone = ask(client, [user(MONEY_Q)]).choices[0].message
    assert "12,8 miljoen" in alone.content
    earlier = "Wat zegt het besluit van de faculteitsraad over de begroting?"
    first = ask(client, [user(earlier)]).choices[0].message
    follow_up = ask(client, [user(earlier), {"role": "assistant", "content": first.content}, user(MONEY_Q)])
    message = follow_up.choices[0].message
    assert "3,4 miljoen" in message.content
    assert message.model_extra["citations"][0]["doc_id"] == "raadsbesluit-begroting-2021.md"


def test_filters_are_extra_body_fields(client: openai.OpenAI, api):
    english = ask(client, [user(JURY_Q)], language="en").choices[0].message
    assert "praised" in english.content
    assert [c["doc_id"] for c in english.model_extra["citations"]] == ["welzijnsprijs-2023.md"]
    dutch_only = ask(client, [user(JURY_Q)], filters={"language": "nl"})
    assert dutch_only.model_extra["planwijzer"]["abstained"] is True
    assert all(c["doc_id"] != "welzijnsprijs-2023.md" for c in dutch_only.choices[0].message.model_extra["related"])

    amount = "Hoeveel miljoen euro?"
    assert "12,8 miljoen" in ask(client, [user(amount)]).choices[0].message.content  # the 2022 plan
    up_to_2021 = ask(client, [user(amount)], year_to=2021).choices[0].message
    assert "3,4 miljoen" in up_to_2021.content
    assert {c["doc_id"] for c in up_to_2021.model_extra["citations"]} == {"raadsbesluit-begroting-2021.md"}
    polderland = ask(client, [user(amount)], filters={"institution": "Hogeschool Polderland"}, year_from=None)
    cited = polderland.choices[0].message.model_extra
    assert "3,4 miljoen" in polderland.choices[0].message.content
    polderland_docs = {"raadsbesluit-begroting-2021.md", "docentprofessionalisering.html", "tutoraat.docx"}
    assert {c["doc_id"] for c in cited["citations"] + cited["related"]} <= polderland_docs

    for bad, param in [({"year_from": "twintig"}, "year_from"), ({"language": "de"}, "language"),
                       ({"doc_type": 3}, "doc_type"), ({"filters": "nl"}, "filters")]:  # fmt: skip
        response = post(api, {"model": "planwijzer-extractive", "messages": [user(MONEY_Q)], **bad})
        assert assert_openai_error(response, 400)["param"] == param


def test_an_abstention_is_a_normal_answer_that_says_so(client: openai.OpenAI):
    reply = ask(client, [user(UNANSWERABLE_Q)])
    message = reply.choices[0].message
    assert reply.choices[0].finish_reason == "stop"
    assert message.content.startswith("Dit staat niet in de documenten")
    assert "\n\nVerwant / Related:\n- [1] " in message.content
    assert message.model_extra["citations"] == [] and message.model_extra["related"]
    assert reply.model_extra["planwijzer"]["abstained"] is True


def test_the_planwijzer_model_uses_the_configured_backend(client: openai.OpenAI):
    """The configured backend is ``openai`` at a closed port: the answer is the extractive one with a notice."""
    generated = ask(client, [user(PLAN_Q)], model="planwijzer")
    extractive = ask(client, [user(PLAN_Q)])
    assert generated.model == "planwijzer"
    assert generated.model_extra["planwijzer"]["backend"] == "openai"
    assert "backend" not in extractive.model_extra["planwijzer"]
    text = generated.choices[0].message.content
    assert text.startswith("⚠ Het taalmodel gaf geen antwoord (het taalmodel is niet bereikbaar)")
    assert text.endswith(extractive.choices[0].message.content)
    cited = extractive.choices[0].message.model_extra["citations"]
    assert generated.choices[0].message.model_extra["citations"] == cited
    streamed = client.chat.completions.create(model="planwijzer", messages=[user(PLAN_Q)], stream=True)
    assert "".join(c.choices[0].delta.content or "" for c in streamed if c.choices) == text


def test_langchain_chatopenai_gets_the_same_answer(client: openai.OpenAI, api):
    from langchain_openai import ChatOpenAI

    expected = ask(client, [user(PLAN_Q)]).choices[0].message.content
    chat = ChatOpenAI(base_url=f"{api.url}/v1", api_key=api.key, model="planwijzer-extractive", max_retries=0)
    assert chat.invoke([("user", PLAN_Q)]).content == expected
    assert "".join(chunk.content for chunk in chat.stream([("user", PLAN_Q)])) == expected


def test_the_web_app_on_the_same_server_still_works_in_a_browser(browser_context, api):
    from browser_support import Page

    page = Page(browser_context, api.url + "/")
    turn = page.ask(PLAN_Q)
    assert "14 maart 2022" in turn.inner_text() and turn.locator("a.pw-cite").count() >= 1
    styled = page.page.evaluate(
        """() => [...document.styleSheets].some(s => {
             try { return [...s.cssRules].some(r => r.cssText.includes('#pw-header')); } catch (e) { return false; }
           })"""
    )
    assert styled, "the app's stylesheet is missing"
    page.close()


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize("question", ["", "   ", "?!", "…"])
def test_a_question_without_words_is_400_with_the_cli_message(
    client: openai.OpenAI, api, question: str, capsys: pytest.CaptureFixture
):
    assert main(["ask", question, "--index", str(api.settings.index.dir)]) == 0
    cli_message = capsys.readouterr().out.strip()
    with pytest.raises(openai.BadRequestError) as err:
        ask(client, [user(question)])
    assert err.value.status_code == 400
    assert err.value.body["message"] == cli_message and err.value.body["code"] == "no_question"


def test_malformed_requests_are_400_in_openai_shape(api):
    model = "planwijzer-extractive"
    cases = [
        (b"{not json", None),
        (b"[]", None),
        ({"messages": [user(PLAN_Q)]}, "model"),
        ({"model": model}, "messages"),
        ({"model": model, "messages": []}, "messages"),
        ({"model": model, "messages": [{"role": "system", "content": "hi"}]}, "messages"),
        ({"model": model, "messages": ["hello"]}, "messages[0]"),
        ({"model": model, "messages": [{"role": "user", "content": 5}]}, "messages"),
        ({"model": model, "messages": [user(PLAN_Q)], "stream": "yes"}, "stream"),
    ]
    for body, param in cases:
        assert assert_openai_error(post(api, body), 400)["param"] == param, body
    parts = {"role": "user", "content": [{"type": "text", "text": PLAN_Q}]}  # content parts are read
    reply = post(api, {"model": model, "messages": [parts]}).json()
    assert "14 maart 2022" in reply["choices"][0]["message"]["content"]


def test_a_missing_or_wrong_key_is_401(api, client: openai.OpenAI):
    for key in (None, "pwk_wrong", api.key + "x"):
        response = post(api, {"model": "planwijzer-extractive", "messages": [user(PLAN_Q)]}, key=key)
        assert_openai_error(response, 401, "invalid_api_key")
        assert response.headers["www-authenticate"] == "Bearer"
        assert_openai_error(httpx.get(f"{api.url}/v1/models", timeout=30), 401, "invalid_api_key")
    wrong = openai.OpenAI(base_url=f"{api.url}/v1", api_key="pwk_wrong", max_retries=0)
    with pytest.raises(openai.AuthenticationError):
        wrong.chat.completions.create(model="planwijzer-extractive", messages=[user(PLAN_Q)])
    basic = httpx.get(f"{api.url}/v1/models", headers={"Authorization": f"Basic {api.key}"}, timeout=30)
    assert_openai_error(basic, 401)


def test_unknown_routes_are_404_in_openai_shape(api):
    headers = {"Authorization": f"Bearer {api.key}"}
    assert_openai_error(httpx.post(f"{api.url}/v1/embeddings", headers=headers, timeout=30), 404)
    assert_openai_error(httpx.get(f"{api.url}/v1/chat/completions", headers=headers, timeout=30), 405)


def test_cors_is_off_unless_configured(api):
    origin = {"Origin": "https://evil.example"}
    preflight = httpx.options(
        f"{api.url}/v1/chat/completions",
        headers={**origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization"},
        timeout=30,
    )
    assert "access-control-allow-origin" not in preflight.headers
    simple = httpx.get(f"{api.url}/v1/models", headers={**origin, "Authorization": f"Bearer {api.key}"}, timeout=30)
    assert simple.status_code == 200 and "access-control-allow-origin" not in simple.headers
    mcp = httpx.options(f"{api.url}/mcp", headers={**origin, "Access-Control-Request-Method": "POST"}, timeout=30)
    assert "access-control-allow-origin" not in mcp.headers


def test_an_empty_index_is_503(tmp_path: Path, settings: Settings):
    empty = api_settings(settings, tmp_path, index=tmp_path / "empty-index")
    key = create_key(empty)
    with running(empty, Index(empty)) as server:
        response = httpx.post(
            f"{server.url}/v1/chat/completions",
            json={"model": "planwijzer", "messages": [user(PLAN_Q)], "stream": True},
            headers={"Authorization": f"Bearer {key}"},
            timeout=60,
        )
        error = assert_openai_error(response, 503, "index_empty")
        assert "planwijzer ingest" in error["message"] and error["type"] == "server_error"
        assert urllib.request.urlopen(server.url + "/", timeout=30).status == 200  # the web app itself still runs


# --------------------------------------------------------------------------- limits, keys and CORS on a second server


@pytest.fixture(scope="module")
def limited(tmp_path_factory: pytest.TempPathFactory, settings: Settings, index: Index):
    """A server with a rate limit of 3 per minute and CORS for one origin."""
    s = api_settings(
        settings, tmp_path_factory.mktemp("limited"), rate_limit_per_minute=3, cors_origins="https://chat.example"
    )
    key = create_key(s)
    with running(s, index) as server:
        yield SimpleNamespace(url=server.url, key=key, settings=s)


def _mcp_search(url: str, key: str) -> tuple[bool, str]:
    from mcp import ClientSession
    from mcp.client.streamable_http import streamable_http_client

    async def go():
        async with httpx.AsyncClient(headers={"Authorization": f"Bearer {key}"}, timeout=60) as http:
            async with streamable_http_client(f"{url}/mcp", http_client=http) as (read, write, _):
                async with ClientSession(read, write) as session:
                    await session.initialize()
                    result = await session.call_tool("search", {"query": "bestedingsplan", "k": 2})
                    return result.isError, result.content[0].text

    return run_async(go)


def test_the_rate_limit_is_shared_with_the_web_app_and_mcp(limited):
    from gradio_client import Client

    web = Client(limited.url, verbose=False)
    assert "results" in web.predict(query="bestedingsplan", api_name="/search")  # 1: the web app's API
    client = openai.OpenAI(base_url=f"{limited.url}/v1", api_key=limited.key, max_retries=0)
    client.chat.completions.create(model="planwijzer-extractive", messages=[user(PLAN_Q)])  # 2
    assert _mcp_search(limited.url, limited.key)[0] is False  # 3: an MCP tool call
    with pytest.raises(openai.RateLimitError) as err:
        client.chat.completions.create(model="planwijzer-extractive", messages=[user(PLAN_Q)])
    retry_after = int(err.value.response.headers["retry-after"])
    assert 1 <= retry_after <= 60
    body = err.value.body
    assert body["code"] == "rate_limit_exceeded" and f"Retry in {retry_after} seconds" in body["message"]
    is_error, text = _mcp_search(limited.url, limited.key)
    assert is_error and "Rate limited" in text
    assert web.predict(query="bestedingsplan", api_name="/search")["error"] == "rate_limited"


def test_cors_for_the_configured_origin_only(limited):
    def preflight(origin: str, path: str) -> httpx.Response:
        headers = {"Origin": origin, "Access-Control-Request-Method": "POST"}
        headers["Access-Control-Request-Headers"] = "authorization"
        return httpx.options(limited.url + path, headers=headers, timeout=30)

    for path in ("/v1/chat/completions", "/mcp"):
        allowed = preflight("https://chat.example", path)
        assert allowed.status_code == 200 and allowed.headers["access-control-allow-origin"] == "https://chat.example"
        assert "access-control-allow-origin" not in preflight("https://evil.example", path).headers
    models = httpx.get(
        f"{limited.url}/v1/models",
        headers={"Origin": "https://chat.example", "Authorization": f"Bearer {limited.key}"},
        timeout=30,
    )
    assert models.headers["access-control-allow-origin"] == "https://chat.example"


def test_revoked_keys_stop_at_once_and_without_keys_the_endpoint_is_off(limited):
    store = KeyStore(limited.settings)
    headers = {"Authorization": f"Bearer {limited.key}"}
    assert httpx.get(f"{limited.url}/v1/models", headers=headers, timeout=30).status_code == 200
    store.revoke("tests")
    off = assert_openai_error(httpx.get(f"{limited.url}/v1/models", headers=headers, timeout=30), 404, "api_disabled")
    assert "planwijzer api-key create" in off["message"]
    assert httpx.post(f"{limited.url}/mcp", headers=headers, json={}, timeout=30).status_code == 404
    new_key, _ = store.create("again")
    assert_openai_error(httpx.get(f"{limited.url}/v1/models", headers=headers, timeout=30), 401)  # the old key
    fresh = httpx.get(f"{limited.url}/v1/models", headers={"Authorization": f"Bearer {new_key}"}, timeout=30)
    assert fresh.status_code == 200


# --------------------------------------------------------------------------- `planwijzer serve` itself


def test_planwijzer_serve_serves_v1_and_mcp_and_logs_no_questions(tmp_path: Path, settings: Settings, index: Index):
    s = api_settings(settings, tmp_path)
    key = create_key(s)
    port_env = {k: v for k, v in os.environ.items() if not k.startswith("PLANWIJZER_")}
    port_env.update(
        PLANWIJZER_INDEX=str(s.index.dir),
        PLANWIJZER_CORPUS=str(s.index.corpus),
        PLANWIJZER_API_KEYS_FILE=str(s.web.api_keys_file),
        PLANWIJZER_FEEDBACK_DB=str(s.web.feedback_db),
        GRADIO_ANALYTICS_ENABLED="False",
        HF_HUB_OFFLINE="1",
    )
    from llm_support import free_port

    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "planwijzer.cli", "serve", "--port", str(port)], stdout=out, stderr=out, env=port_env
        )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(url + "/", timeout=2).close()
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                assert proc.poll() is None, log.read_text(errors="replace")
                time.sleep(0.25)
        question = "Wanneer stemde de Universiteitsraad in met het KWARTSPLAN-bestedingsplan?"
        client = openai.OpenAI(base_url=f"{url}/v1", api_key=key, max_retries=0, timeout=120)
        reply = client.chat.completions.create(model="planwijzer-extractive", messages=[user(question)])
        assert reply.choices[0].message.model_extra["citations"]
        assert _mcp_search(url, key)[0] is False
        assert httpx.post(f"{url}/mcp", json={}, timeout=30).status_code == 401
        time.sleep(0.5)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    written = log.read_text(errors="replace")
    assert f"{url}/v1" in written and "KWARTSPLAN" not in written, written
    assert "POST /v1" not in written and "POST /mcp" not in written and "client=" not in written, written
