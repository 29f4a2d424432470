"""Who is asking: the user a trusted login proxy names (and only a trusted one), else the local user of a signed login
session, else anonymous; the login page and logout; admin actions for readers in the admin group.

The requests are real: a small Starlette app whose ``/whoami`` answers with :func:`reader_for` of its request, plus
the login routes, driven by Starlette's ``TestClient`` from chosen client addresses.
"""

from __future__ import annotations

import re
import stat
import time
from pathlib import Path

import gradio as gr
import pytest
from planwijzer.ui import identity
from planwijzer.ui.identity import COOKIE, check_trusted_proxies, header_groups, is_trusted_proxy, reader_for
from planwijzer.ui.login import LOGIN_FAILURES_PER_MINUTE, login_routes
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from planwijzer import users
from planwijzer.access import ANONYMOUS, Reader
from planwijzer.config import Settings

PROXY = "10.0.0.5"
OUTSIDER = "203.0.113.7"
PASSWORD = "raadszaal-2024-jan"
FORGED = {"X-Forwarded-User": "mallory", "X-Forwarded-Groups": "council,admin"}


@pytest.fixture()
def id_settings(tmp_path: Path) -> Settings:
    return Settings(index=tmp_path / "data" / "index", trusted_proxies="10.0.0.0/24, 2001:db8::/32")


def app_for(settings: Settings) -> Starlette:
    def whoami(request: Request) -> JSONResponse:
        who = reader_for(request, settings)
        return JSONResponse({"name": who.name, "groups": sorted(who.groups)})

    return Starlette(routes=[Route("/whoami", whoami), *login_routes(settings)])


def client(settings: Settings, host: str = OUTSIDER) -> TestClient:
    return TestClient(app_for(settings), client=(host, 50123), follow_redirects=False)


def whoami(c: TestClient, headers: dict | None = None) -> tuple[str | None, list[str]]:
    data = c.get("/whoami", headers=headers or {}).json()
    return data["name"], data["groups"]


def log_in(c: TestClient, name: str = "jan", password: str = PASSWORD, lang: str = "nl"):
    return c.post("/login", data={"name": name, "password": password, "lang": lang})


def use_cookie(c: TestClient, value: str) -> None:
    """Send ``value`` as the session cookie from now on (instead of the one the server set)."""
    c.cookies.clear()
    c.cookies.set(COOKIE, value)


def alert(page: str) -> str:
    found = re.search(r'role="alert">(.*?)</p>', page)
    return found.group(1) if found else ""


# --------------------------------------------------------------------------- the trusted proxy


def test_identity_headers_from_an_address_that_is_no_trusted_proxy_are_ignored(id_settings: Settings):
    assert whoami(client(id_settings, OUTSIDER), FORGED) == (None, [])
    assert whoami(client(id_settings, "10.0.1.5"), FORGED) == (None, [])  # just outside 10.0.0.0/24
    assert whoami(client(id_settings, "testclient"), FORGED) == (None, [])  # not an address at all
    nobody_trusted = id_settings.replace(trusted_proxies="")
    assert whoami(client(nobody_trusted, "127.0.0.1"), FORGED) == (None, [])


def test_the_same_headers_from_the_trusted_proxy_name_the_reader_and_groups(id_settings: Settings):
    assert whoami(client(id_settings, PROXY), FORGED) == ("mallory", ["admin", "council"])
    assert whoami(client(id_settings, "2001:db8:1::9"), FORGED) == ("mallory", ["admin", "council"])
    assert whoami(client(id_settings, PROXY)) == (None, [])  # the proxy let an anonymous visitor through
    headers = {"X-Forwarded-User": "jan@example.nl", "X-Forwarded-Groups": "Staff; council  finance,raad/x,public"}
    assert whoami(client(id_settings, PROXY), headers) == ("jan@example.nl", ["council", "finance", "staff"])


def test_the_header_names_are_the_operators_choice(id_settings: Settings):
    settings = id_settings.replace(user_header="Remote-User", groups_header="Remote-Groups")
    c = client(settings, PROXY)
    assert whoami(c, FORGED) == (None, [])
    assert whoami(c, {"Remote-User": "jan", "Remote-Groups": "council"}) == ("jan", ["council"])


@pytest.mark.parametrize(
    ("proxies", "host", "trusted"),
    [
        ("10.0.0.0/8", "10.200.3.4", True),
        ("10.0.0.0/8", "11.0.0.1", False),
        ("192.168.1.10", "192.168.1.10", True),
        ("192.168.1.10", "192.168.1.11", False),
        ("127.0.0.1, ::1", "::1", True),
        ("2001:db8::/32", "2001:db8:ffff::1", True),
        ("2001:db8::/32", "2001:db9::1", False),
        ("10.0.0.0/8", "::ffff:10.1.2.3", True),  # an IPv4 client on a dual-stack socket
        ("10.0.0.5/8", "10.9.9.9", True),  # host bits in a network are forgiven
        ("", "127.0.0.1", False),
        ("10.0.0.0/8", None, False),
        ("10.0.0.0/8", "unix:/run/planwijzer.sock", False),
    ],
)
def test_trusted_proxies_are_addresses_or_networks(id_settings: Settings, proxies: str, host: str, trusted: bool):
    assert is_trusted_proxy(host, id_settings.replace(trusted_proxies=proxies)) is trusted


@pytest.mark.parametrize("bad", ["10.0.0.0/33", "proxy.example.nl", "10.0.0.1-10.0.0.9", "::g"])
def test_a_malformed_trusted_proxy_is_named_at_startup(id_settings: Settings, bad: str):
    with pytest.raises(ValueError, match=f"PLANWIJZER_TRUSTED_PROXIES: '{re.escape(bad)}' is not an IP address"):
        check_trusted_proxies(id_settings.replace(trusted_proxies=f"127.0.0.1,{bad}"))


def test_groups_header_parsing_drops_what_is_no_group():
    assert header_groups("council, staff;finance admin") == {"council", "staff", "finance", "admin"}
    assert header_groups("CN=raad,OU=groups;/council;public;;") == frozenset()  # LDAP names, paths, public
    assert header_groups(None) == frozenset() and header_groups("") == frozenset()


def test_two_user_headers_are_not_trusted(id_settings: Settings):
    c = client(id_settings, PROXY)
    headers = [("X-Forwarded-User", "mallory"), ("X-Forwarded-User", "jan"), ("X-Forwarded-Groups", "admin")]
    assert c.get("/whoami", headers=headers).json() == {"name": None, "groups": []}


# --------------------------------------------------------------------------- login sessions


@pytest.fixture()
def with_users(id_settings: Settings) -> Settings:
    users.add(id_settings, "jan", ["council"], PASSWORD)
    users.add(id_settings, "beheer", ["admin"], PASSWORD + "-beheer")
    return id_settings


def test_the_login_page_is_an_accessible_form_in_dutch_or_english(with_users: Settings):
    c = client(with_users)
    page = c.get("/login")
    assert page.status_code == 200 and page.headers["cache-control"] == "no-store"
    assert '<html lang="nl">' in page.text and "<h1>Inloggen</h1>" in page.text
    for field in ("pw-login-name", "pw-login-password"):
        assert f'<label for="{field}">' in page.text and f'id="{field}"' in page.text
    assert 'autocomplete="current-password"' in page.text and 'role="alert"' not in page.text
    english = c.get("/login?lang=en")
    assert '<html lang="en">' in english.text and "<h1>Log in</h1>" in english.text and "User name" in english.text


def test_login_sets_a_cookie_that_identifies_the_user_on_the_next_request(with_users: Settings):
    c = client(with_users)
    assert whoami(c) == (None, [])
    response = log_in(c, "JAN")  # names are matched without regard to case
    assert response.status_code == 303 and response.headers["location"] == "/"
    cookie = response.headers["set-cookie"].lower()
    assert cookie.startswith(COOKIE + "=") and "httponly" in cookie and "samesite=lax" in cookie and "path=/" in cookie
    assert "max-age=43200" in cookie and PASSWORD.lower() not in cookie
    assert whoami(c) == ("jan", ["council"])
    key = identity.session_key_file(with_users)
    assert key == Path(with_users.index.dir).parent / "session.key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and len(key.read_bytes()) == 32


def test_a_wrong_password_gets_401_without_telling_whether_the_name_exists(with_users: Settings):
    c = client(with_users)
    wrong_password = log_in(c, "jan", PASSWORD + "x")
    unknown_name = log_in(c, "piet", PASSWORD)
    for response in (wrong_password, unknown_name):
        assert response.status_code == 401 and "set-cookie" not in response.headers
        assert '<html lang="nl">' in response.text and 'aria-invalid="true"' in response.text
    assert (
        alert(wrong_password.text) == alert(unknown_name.text) == "Deze combinatie van naam en wachtwoord klopt niet."
    )
    english = log_in(c, "piet", PASSWORD, lang="en")
    assert alert(english.text) == "This combination of name and password is not right."
    assert whoami(c) == (None, [])


def test_a_tampered_or_foreign_cookie_is_ignored(with_users: Settings, tmp_path: Path):
    c = client(with_users)
    log_in(c)
    value = c.cookies[COOKIE]
    payload, rest = value.split(".", 1)
    for forged in [payload[:-1] + ("A" if payload[-1] != "A" else "B") + "." + rest, value[:-2], "jan", ""]:
        use_cookie(c, forged)
        assert whoami(c) == (None, [])
    elsewhere = with_users.replace(index=tmp_path / "other" / "index", users_file=users.users_file(with_users))
    other = client(elsewhere)  # the same users, another session key: its cookies mean nothing here
    log_in(other)
    use_cookie(c, other.cookies[COOKIE])
    assert whoami(other) == ("jan", ["council"]) and whoami(c) == (None, [])


def test_a_removed_user_s_cookie_no_longer_gives_groups(with_users: Settings):
    c = client(with_users)
    log_in(c)
    assert whoami(c) == ("jan", ["council"])
    users.remove(with_users, "jan")
    assert whoami(c) == (None, [])
    users.add(with_users, "jan", ["council", "finance"], PASSWORD)  # the same name again is a new user
    assert whoami(c) == (None, [])
    log_in(c)
    assert whoami(c) == ("jan", ["council", "finance"])


def test_a_session_ends_after_its_maximum_age(with_users: Settings, monkeypatch: pytest.MonkeyPatch):
    c = client(with_users)
    log_in(c)
    monkeypatch.setattr(identity, "SESSION_MAX_AGE_S", 0)
    time.sleep(1.1)
    assert whoami(c) == (None, [])


def test_logout_clears_the_session(with_users: Settings):
    for method in ("GET", "POST"):
        c = client(with_users)
        log_in(c)
        response = c.request(method, "/logout")
        assert response.status_code == 303 and response.headers["location"] == "/"
        assert COOKIE in response.headers["set-cookie"] and "max-age=0" in response.headers["set-cookie"].lower()
        assert whoami(c) == (None, [])


def test_the_proxy_names_the_reader_before_a_login_session(with_users: Settings):
    c = client(with_users, PROXY)
    log_in(c)
    assert whoami(c) == ("jan", ["council"])  # the proxy named nobody: the session counts
    assert whoami(c, {"X-Forwarded-User": "an", "X-Forwarded-Groups": "staff"}) == ("an", ["staff"])


def test_login_attempts_are_limited_per_client(with_users: Settings):
    c = client(with_users)
    for _ in range(LOGIN_FAILURES_PER_MINUTE):
        assert log_in(c, "jan", "geraden-wachtwoord").status_code == 401
    locked = log_in(c)  # even the right password waits now
    assert locked.status_code == 429 and int(locked.headers["retry-after"]) >= 1
    assert "Te veel mislukte pogingen" in alert(locked.text) and whoami(c) == (None, [])
    other = client(with_users, "198.51.100.9")
    assert log_in(other).status_code == 303


def test_without_users_login_is_not_configured(id_settings: Settings):
    c = client(id_settings)
    for response in (c.get("/login"), log_in(c), c.get("/login?lang=en")):
        assert response.status_code == 404 and "set-cookie" not in response.headers
    assert "Inloggen is niet ingesteld" in c.get("/login").text
    assert "Login is not configured" in c.get("/login?lang=en").text


# --------------------------------------------------------------------------- Gradio requests, admin actions


def gradio_request(host: str, headers: dict[str, str], cookies: dict[str, str] | None = None) -> gr.Request:
    """A real ``gr.Request`` around a Starlette request, as Gradio hands one to an event handler."""
    raw = [(k.lower().encode(), v.encode()) for k, v in headers.items()]
    if cookies:
        raw.append((b"cookie", "; ".join(f"{k}={v}" for k, v in cookies.items()).encode()))
    scope = {"type": "http", "method": "POST", "path": "/", "query_string": b"", "headers": raw}
    return gr.Request(request=Request({**scope, "client": (host, 50123)}))


def test_gradio_requests_are_read_the_same_way(with_users: Settings):
    assert reader_for(gradio_request(OUTSIDER, FORGED), with_users) == ANONYMOUS
    assert reader_for(gradio_request(PROXY, FORGED), with_users) == Reader("mallory", frozenset({"council", "admin"}))
    c = client(with_users)
    log_in(c)
    session = {COOKIE: c.cookies[COOKIE]}
    assert reader_for(gradio_request(OUTSIDER, {}, session), with_users) == Reader("jan", frozenset({"council"}))
    # a request Gradio kept for later (its queue): the plain-dict form, read alike
    kept = gr.Request(headers={k.lower(): v for k, v in FORGED.items()}, client={"host": PROXY}, cookies={})
    assert reader_for(kept, with_users) == Reader("mallory", frozenset({"council", "admin"}))
    kept = gr.Request(headers={k.lower(): v for k, v in FORGED.items()}, client={"host": OUTSIDER}, cookies=session)
    assert reader_for(kept, with_users) == Reader("jan", frozenset({"council"}))
    assert reader_for(None, with_users) == ANONYMOUS


def test_admin_actions_accept_a_reader_in_the_admin_group_without_password(with_users: Settings):
    from planwijzer.ui.admin import AdminActions

    from planwijzer.messages import Refusal
    from planwijzer.passwords import hash_password

    actions = AdminActions(with_users.replace(admin_password_hash=hash_password("beheerwachtwoord-2024")))
    actions.authorise(None, gradio_request(PROXY, {"X-Forwarded-User": "an", "X-Forwarded-Groups": "admin"}))
    c = client(with_users)
    log_in(c, "beheer", PASSWORD + "-beheer")
    actions.authorise("", gradio_request(OUTSIDER, {}, {COOKIE: c.cookies[COOKIE]}))
    for not_admin in (
        gradio_request(OUTSIDER, {"X-Forwarded-User": "an", "X-Forwarded-Groups": "admin"}),  # forged
        gradio_request(PROXY, {"X-Forwarded-User": "jan", "X-Forwarded-Groups": "council"}),
    ):
        with pytest.raises(Refusal) as refused:
            actions.authorise(None, not_admin)
        assert refused.value.key == "admin_wrong_password"
    actions.authorise("beheerwachtwoord-2024", gradio_request(OUTSIDER, {}))  # the password still works
