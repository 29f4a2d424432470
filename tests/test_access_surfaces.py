"""Every surface reads as its caller: the web app (trusted proxy headers, the login session), the OpenAI-compatible
API and MCP (the API key's groups), and the CLI (``--group``). Over the mixed corpus (tests/conftest.py), a council
member gets the closed minutes' fact and decision; everyone else gets an abstention and never sees them, not even as
a related passage, a search result, a decision, a document or a filter value. A forged identity header from an
address that is not the trusted proxy is ignored.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

import anyio
import httpx
import pytest
from api_support import api_settings, run_async, running
from browser_support import wait_until_drawn
from conftest import (
    CLOSED_DOC,
    CLOSED_FACT,
    CLOSED_WORD,
    STAFF_DOC,
    ingested_index,
    write_mixed_corpus,
)
from gradio_client import Client
from mcp import ClientSession
from mcp.client.streamable_http import streamable_http_client
from openai import OpenAI
from planwijzer.assistant.retrieval import Index
from planwijzer.ui.apikeys import KeyStore

from planwijzer import users
from planwijzer.cli import main
from planwijzer.config import Settings

CLOSED_QUESTION = f"Hoeveel bedraagt het reservefonds {CLOSED_WORD}?"
PASSWORD = "raadslid-wachtwoord"
COUNCIL_HEADERS = {"X-Forwarded-User": "cas", "X-Forwarded-Groups": "council"}


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return ingested_index(tmp_path_factory.mktemp("mixed-surfaces"), write=write_mixed_corpus)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, mixed: Settings):
    """The real server over the mixed index, behind a "proxy" on 127.0.0.1 (where the tests connect from)."""
    folder = tmp_path_factory.mktemp("surfaces")
    s = api_settings(
        mixed, folder, answer_backend="extractive", trusted_proxies="127.0.0.1", users_file=folder / "users.json"
    )
    council_key, _ = KeyStore(s).create("raad", groups=["council"])
    public_key, _ = KeyStore(s).create("website")
    users.add(s, "cas", ["council"], PASSWORD)
    with running(s, Index(s)) as srv:
        yield SimpleNamespace(url=srv.url, settings=s, council_key=council_key, public_key=public_key)


def _gradio(url: str, headers: dict | None = None) -> Client:
    return Client(url, headers=headers or {}, verbose=False, download_files=False)


def _leaks(data: object) -> bool:
    """True when ``data`` holds the closed minutes' fact, document id or title (the caller's own words may echo)."""
    text = json.dumps(data, ensure_ascii=False)
    return any(mark in text for mark in (CLOSED_FACT, CLOSED_DOC, "Notulen besloten"))


# --------------------------------------------------------------------------- web app


def test_the_web_app_answers_a_council_member_behind_the_proxy_from_the_closed_minutes(server) -> None:
    council = _gradio(server.url, COUNCIL_HEADERS)
    ans = council.predict(CLOSED_QUESTION, [], api_name="/ask")
    assert not ans["abstained"] and CLOSED_FACT in ans["answer"]
    assert CLOSED_DOC in {c["doc_id"] for c in ans["citations"]}
    found = council.predict(CLOSED_WORD, 10, api_name="/search")
    assert CLOSED_DOC in {r["doc_id"] for r in found["results"]}
    decisions = council.predict(None, None, None, CLOSED_WORD, api_name="/decisions")
    assert [d["doc_id"] for d in decisions] == [CLOSED_DOC]


@pytest.mark.parametrize(
    "headers",
    [{}, {"X-Forwarded-User": "ada", "X-Forwarded-Groups": "student"}, {"X-Forwarded-User": "bob",
                                                                          "X-Forwarded-Groups": "staff"}],
    ids=["anonymous", "student", "staff"],
)  # fmt: skip
def test_the_web_app_gives_everyone_else_an_abstention_and_no_trace(server, headers: dict) -> None:
    client = _gradio(server.url, headers)
    ans = client.predict(CLOSED_QUESTION, [], api_name="/ask")
    assert ans["abstained"] and not _leaks(ans)
    assert not _leaks(client.predict(CLOSED_WORD, 10, api_name="/search"))
    assert client.predict(None, None, None, CLOSED_WORD, api_name="/decisions") == []
    browsed = client.predict("", 50, api_name="/search")["documents"]
    shown = {d["doc_id"] for d in browsed}
    assert CLOSED_DOC not in shown and (STAFF_DOC in shown) == (headers.get("X-Forwarded-Groups") == "staff")


def test_a_forged_identity_header_from_an_untrusted_address_is_ignored(server, mixed: Settings) -> None:
    """The same council headers, but the server trusts only a proxy at another address: the caller is anonymous."""
    s = server.settings.replace(trusted_proxies="10.11.12.13")
    with running(s, Index(s)) as other:
        ans = _gradio(other.url, COUNCIL_HEADERS).predict(CLOSED_QUESTION, [], api_name="/ask")
    assert ans["abstained"] and CLOSED_FACT not in json.dumps(ans, ensure_ascii=False)


def test_a_login_session_reads_as_its_user(server) -> None:
    with httpx.Client(base_url=server.url, follow_redirects=False) as http:
        wrong = http.post("/login", data={"name": "cas", "password": "not-it"})
        assert wrong.status_code == 401 and "planwijzer_session" not in wrong.cookies
        ok = http.post("/login", data={"name": "cas", "password": PASSWORD})
        assert ok.status_code == 303
        cookie = ok.cookies["planwijzer_session"]
    logged_in = _gradio(server.url, {"Cookie": f"planwijzer_session={cookie}"})
    assert CLOSED_FACT in logged_in.predict(CLOSED_QUESTION, [], api_name="/ask")["answer"]
    tampered = _gradio(server.url, {"Cookie": f"planwijzer_session={cookie[:-2]}xx"})
    assert tampered.predict(CLOSED_QUESTION, [], api_name="/ask")["abstained"]


# --------------------------------------------------------------------------- OpenAI-compatible API


@pytest.mark.parametrize("who", ["council", "public"])
def test_the_api_answers_from_what_the_key_may_read(server, who: str) -> None:
    key = server.council_key if who == "council" else server.public_key
    client = OpenAI(base_url=f"{server.url}/v1", api_key=key)
    done = client.chat.completions.create(
        model="planwijzer-extractive", messages=[{"role": "user", "content": CLOSED_QUESTION}]
    )
    data = done.model_dump()
    message = data["choices"][0]["message"]
    if who == "council":
        assert CLOSED_FACT in message["content"]
        assert CLOSED_DOC in {c["doc_id"] for c in message["citations"]}
    else:
        assert not _leaks(data)
        assert CLOSED_DOC not in {c["doc_id"] for c in message["citations"] + message["related"]}


# --------------------------------------------------------------------------- MCP


async def _mcp(url: str, key: str) -> dict:
    async with httpx.AsyncClient(headers={"Authorization": f"Bearer {key}"}, timeout=60) as http:
        async with streamable_http_client(f"{url}/mcp", http_client=http) as (read, write, _):
            async with ClientSession(read, write) as session:
                await session.initialize()
                with anyio.fail_after(120):
                    tools = await session.list_tools()
                    return {
                        "descriptions": " ".join(t.description or "" for t in tools.tools),
                        "ask": await session.call_tool("ask", {"question": CLOSED_QUESTION}),
                        "search": await session.call_tool("search", {"query": CLOSED_WORD}),
                        "document": await session.call_tool("get_document", {"doc_id": CLOSED_DOC}),
                        "decisions": await session.call_tool("list_decisions", {"query": CLOSED_WORD}),
                    }


@pytest.mark.parametrize("who", ["council", "public"])
def test_mcp_tools_read_what_the_key_may_read(server, who: str) -> None:
    key = server.council_key if who == "council" else server.public_key
    out = run_async(lambda: _mcp(server.url, key))
    ask = out["ask"].structuredContent
    decisions = out["decisions"].structuredContent["decisions"]
    search = out["search"].structuredContent["results"]
    years = re.search(r"years (\d{4})–(\d{4})", out["descriptions"])  # the tools' filter values: public documents'
    assert years and years.group(2) == "2023"  # the closed minutes (2024) are not counted, whoever asks
    if who == "council":
        assert CLOSED_FACT in ask["answer"]
        assert CLOSED_DOC in {r["doc_id"] for r in search}
        assert [d["citation"]["doc_id"] for d in decisions] == [CLOSED_DOC]
        assert not out["document"].isError
    else:
        assert ask["abstained"] and not _leaks(ask)
        assert CLOSED_DOC not in {r["doc_id"] for r in search}
        assert decisions == []
        assert out["document"].isError and CLOSED_DOC in out["document"].content[0].text  # "no such document"
        assert "Did you mean" not in out["document"].content[0].text


# --------------------------------------------------------------------------- CLI


@pytest.mark.parametrize("groups", [[], ["--group", "council"]], ids=["public", "council"])
def test_the_cli_reads_as_its_groups(capsys: pytest.CaptureFixture[str], mixed: Settings, groups: list[str]) -> None:
    index_args = ["--index", str(mixed.index.dir)]
    assert main(["ask", CLOSED_QUESTION, "--json", *index_args, *groups]) == 0
    ans = json.loads(capsys.readouterr().out)
    assert main(["decisions", "--json", "--query", CLOSED_WORD, *index_args, *groups]) == 0
    decisions = json.loads(capsys.readouterr().out)
    if groups:
        assert CLOSED_FACT in ans["answer"] and [d["doc_id"] for d in decisions] == [CLOSED_DOC]
    else:
        assert ans["abstained"] and CLOSED_FACT not in json.dumps(ans, ensure_ascii=False) and decisions == []


def test_no_restricted_file_is_served_by_path(server, mixed: Settings) -> None:
    """The web server hands out no file of the corpus by its path, restricted or not."""
    corpus = Path(mixed.index.corpus)
    with httpx.Client(base_url=server.url) as http:
        for path in (f"/gradio_api/file={corpus / CLOSED_DOC}", f"/file={corpus / CLOSED_DOC}"):
            response = http.get(path)
            assert response.status_code in (403, 404) and CLOSED_FACT not in response.text, path


# --------------------------------------------------------------------------- the browser


def test_in_the_browser_a_council_member_logs_in_and_reads_the_closed_minutes(browser_context, server) -> None:
    """Anonymous: no closed minutes in the documents list, a login link. After logging in on the login page (which
    meets WCAG 2.1 AA): the header names the user, the documents list and the chat include the closed minutes;
    after logging out they are gone again."""
    import axe_playwright_python.sync_playwright as axe_module
    from browser_support import Page

    p = Page(browser_context, server.url)
    try:
        pg = p.page
        p.tab(2)
        pg.locator("#pw-docs tbody tr").first.wait_for()
        assert "Notulen besloten" not in pg.inner_text("#pw-docs")
        pg.get_by_role("link", name="Inloggen").click()
        pg.wait_for_selector("#pw-login-name")
        wcag = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
        assert axe_module.Axe().run(pg, options=wcag).response["violations"] == []
        pg.fill("#pw-login-name", "cas")
        pg.fill("#pw-login-password", PASSWORD)
        pg.get_by_role("button", name="Inloggen").click()
        pg.wait_for_selector(".pw-chat")
        pg.wait_for_function("document.querySelector('.pw-user')?.innerText.includes('cas')")
        assert "council" in pg.inner_text(".pw-user")
        wait_until_drawn(pg)
        assert axe_module.Axe().run(pg, options=wcag).response["violations"] == []  # the app with its user line
        assert CLOSED_FACT in p.ask(CLOSED_QUESTION).inner_text()
        p.tab(2)
        pg.wait_for_function("document.querySelector('#pw-docs').innerText.includes('Notulen besloten')")
        pg.get_by_role("link", name="Uitloggen").click()
        pg.wait_for_selector(".pw-chat")
        pg.wait_for_function("document.querySelector('.pw-user a')?.innerText === 'Inloggen'")
        assert p.ask(CLOSED_QUESTION).locator(".pw-source").filter(has_text="Notulen besloten").count() == 0
    finally:
        p.close()
