"""The MCP server through the official ``mcp`` client: over stdio (``planwijzer mcp`` in a subprocess) and over
streamable HTTP (``/mcp`` of the real server on a free port, behind the API keys). Every tool is called; results carry
the citation fields of ``ask --json``; bad ids give clear errors; a request without a key is refused."""

from __future__ import annotations

import os
import sys
from types import SimpleNamespace

import anyio
import httpx
import pytest
from api_support import api_settings, create_key, run_async, running
from conftest import PLAN_URL
from mcp import ClientSession
from mcp.client.stdio import StdioServerParameters, stdio_client
from mcp.client.streamable_http import streamable_http_client
from planwijzer.assistant.retrieval import Index

from planwijzer.config import Settings

CITATION_FIELDS = {"n", "doc_id", "title", "url", "page", "date", "quote", "link", "chunk_id"}
TOOLS = ["ask", "search", "get_passage", "get_document", "list_decisions"]
PLAN_Q = "Wanneer stemde de Universiteitsraad in met het bestedingsplan?"


async def exercise(session: ClientSession) -> dict:
    """Call every tool (and the error cases) on an initialised session; returns what came back."""
    out: dict = {"tools": (await session.list_tools()).tools}
    ask = await session.call_tool("ask", {"question": PLAN_Q})
    out["ask"] = ask
    chunk_id = ask.structuredContent["citations"][0]["chunk_id"]
    out["follow_up"] = await session.call_tool(
        "ask",
        {
            "question": "Hoeveel geld is ermee gemoeid?",
            "history": ["Wat zegt het besluit van de faculteitsraad over de begroting?"],
        },
    )
    out["ask_filtered"] = await session.call_tool(
        "ask", {"question": "What did the jury praise?", "filters": {"language": "nl"}}
    )
    out["ask_empty"] = await session.call_tool("ask", {"question": "?!"})
    out["search"] = await session.call_tool(
        "search", {"query": "mentorprogramma Kompas", "k": 3, "filters": {"year_from": 2020, "year_to": 2020}}
    )
    out["search_typo"] = await session.call_tool("search", {"query": "kwaliteitsafpsraken", "k": 2})
    out["passage"] = await session.call_tool("get_passage", {"chunk_id": chunk_id})
    out["bad_passage"] = await session.call_tool("get_passage", {"chunk_id": "no-such-chunk"})
    out["document"] = await session.call_tool("get_document", {"doc_id": "bestedingsplan-2022.md"})
    out["pdf_page"] = await session.call_tool("get_document", {"doc_id": "jaarverslag-2020.pdf", "page": 2})
    out["bad_page"] = await session.call_tool("get_document", {"doc_id": "jaarverslag-2020.pdf", "page": 9})
    out["bad_document"] = await session.call_tool("get_document", {"doc_id": "jaarverslag.pdf"})
    out["decisions"] = await session.call_tool("list_decisions", {"body": "University Council", "year_from": 2022})
    out["no_decisions"] = await session.call_tool("list_decisions", {"year_to": 1990})
    return out


def check_results(out: dict) -> None:
    tools = {t.name: t for t in out["tools"]}
    assert sorted(tools) == sorted(TOOLS)
    for tool in tools.values():
        assert len(tool.description) > 150 and tool.outputSchema and tool.annotations.readOnlyHint
    assert "[n]" in tools["ask"].description and "history" in tools["ask"].description
    assert "Hogeschool Polderland" in tools["search"].description  # the index's own filter values
    assert "Universiteitsraad" in tools["list_decisions"].description

    ask = out["ask"]
    assert not ask.isError
    data = ask.structuredContent
    assert "14 maart 2022" in data["answer"] and "[1]" in data["answer"] and data["abstained"] is False
    first = data["citations"][0]
    assert set(first) == CITATION_FIELDS
    assert first["doc_id"] == "bestedingsplan-2022.md" and first["url"] == PLAN_URL and first["n"] == 1
    assert "14 maart 2022" in ask.content[0].text  # the same as JSON text, for clients without structured content

    follow_up = out["follow_up"].structuredContent
    assert "3,4 miljoen" in follow_up["answer"]
    assert follow_up["citations"][0]["doc_id"] == "raadsbesluit-begroting-2021.md"
    assert out["ask_filtered"].structuredContent["abstained"] is True
    assert out["ask_empty"].isError and "Stel een vraag in woorden" in out["ask_empty"].content[0].text

    results = out["search"].structuredContent["results"]
    assert results and {r["doc_id"] for r in results} == {"jaarverslag-2020.pdf"}
    assert CITATION_FIELDS <= set(results[0]) and results[0]["page"] == 2 and "Kompas" in results[0]["quote"]
    assert [r["n"] for r in results] == list(range(1, len(results) + 1))
    assert out["search"].structuredContent["corrected"] == []
    typo = out["search_typo"].structuredContent
    assert typo["corrected"] == [{"typed": "kwaliteitsafpsraken", "searched": "kwaliteitsafspraken"}]
    assert typo["results"]

    passage = out["passage"].structuredContent
    assert CITATION_FIELDS <= set(passage) and passage["chunk_id"] == first["chunk_id"]
    # a citation of sentences that are not next to each other marks the gap with " … "
    assert all(part in passage["quote"] for part in first["quote"].split(" … "))
    assert passage["doc_id"] == "bestedingsplan-2022.md"
    assert passage["next_chunk_id"] or passage["previous_chunk_id"]
    bad = out["bad_passage"]
    assert bad.isError and "No passage with chunk_id 'no-such-chunk'" in bad.content[0].text

    document = out["document"].structuredContent
    assert document["title"].startswith("Bestedingsplan") and document["url"] == PLAN_URL
    assert document["passage_count"] == len(document["passages"]) >= 1 and not document["truncated"]
    assert first["chunk_id"] in {p["chunk_id"] for p in document["passages"]}
    page = out["pdf_page"].structuredContent
    assert page["pages"] == [1, 2, 3] and all(p["page"] == 2 for p in page["passages"])
    assert any("Kompas" in p["quote"] for p in page["passages"])
    assert out["bad_page"].isError and "pages are 1–3" in out["bad_page"].content[0].text
    bad_doc = out["bad_document"]
    assert bad_doc.isError and "jaarverslag-2020.pdf" in bad_doc.content[0].text  # "did you mean"

    decisions = out["decisions"].structuredContent["decisions"]
    assert decisions and decisions[0]["date"] == "2022-03-14" and decisions[0]["body"] == "Universiteitsraad"
    citation = decisions[0]["citation"]
    assert set(citation) == CITATION_FIELDS and citation["url"] == PLAN_URL
    assert citation["quote"] == decisions[0]["sentence"]
    assert out["no_decisions"].structuredContent == {"decisions": []}


# --------------------------------------------------------------------------- stdio


def test_stdio_server_answers_every_tool(settings: Settings, index: Index):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLANWIJZER_")}
    env.update(PLANWIJZER_INDEX=str(settings.index.dir), HF_HUB_OFFLINE="1")
    params = StdioServerParameters(command=sys.executable, args=["-m", "planwijzer.cli", "mcp"], env=env)

    async def go() -> dict:
        with anyio.fail_after(300):
            async with stdio_client(params) as (read, write):
                async with ClientSession(read, write) as session:
                    info = await session.initialize()
                    assert info.serverInfo.name == "planwijzer" and "citations" in (info.instructions or "")
                    return await exercise(session)

    check_results(run_async(go))


# --------------------------------------------------------------------------- streamable HTTP


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, settings: Settings, index: Index):
    s = api_settings(settings, tmp_path_factory.mktemp("mcp"), answer_backend="extractive")
    key = create_key(s)
    with running(s, index) as running_server:
        yield SimpleNamespace(url=running_server.url, key=key, settings=s)


async def _over_http(url: str, key: str | None, work):
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    with anyio.fail_after(120):
        async with httpx.AsyncClient(headers=headers, timeout=60) as http:
            async with streamable_http_client(f"{url}/mcp", http_client=http) as (read, write, _):
                async with ClientSession(read, write) as session:
                    await session.initialize()
                    return await work(session)


def test_http_server_answers_every_tool_with_a_key(server):
    check_results(run_async(lambda: _over_http(server.url, server.key, exercise)))


@pytest.mark.parametrize("key", [None, "pwk_wrong"])
def test_http_without_a_valid_key_is_refused(server, key: str | None):
    async def listing(session: ClientSession):
        return await session.list_tools()

    with pytest.raises(ExceptionGroup) as err:  # the client gives up on the server's 401
        run_async(lambda: _over_http(server.url, key, listing))
    assert err.group_contains(httpx.HTTPStatusError, match="401 Unauthorized")

    headers = {"Accept": "application/json, text/event-stream"}
    if key:
        headers["Authorization"] = f"Bearer {key}"
    initialize = {
        "jsonrpc": "2.0",
        "id": 1,
        "method": "initialize",
        "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}},
    }
    response = httpx.post(f"{server.url}/mcp", json=initialize, headers=headers, timeout=30)
    assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"
    assert response.json()["error"]["code"] == "invalid_api_key"
    ok = httpx.post(
        f"{server.url}/mcp", json=initialize, headers={**headers, "Authorization": f"Bearer {server.key}"}, timeout=30
    )
    assert ok.status_code == 200 and ok.json()["result"]["serverInfo"]["name"] == "planwijzer"
