"""The web app's login page for the local users of the users file (``planwijzer user add``), and logout.

``GET /login`` shows the form (Dutch, or English with ``?lang=en``); ``POST /login`` checks the name and password
(:func:`planwijzer.users.check`), sets the signed session cookie (:mod:`planwijzer.ui.identity`: HttpOnly,
SameSite=Lax, Secure over HTTPS) and sends the browser to ``/``; a wrong name or password gets 401 and one message
for both. A client gets :data:`LOGIN_FAILURES_PER_MINUTE` failures per minute. ``/logout`` (GET or POST) clears the
cookie. Without any user in the users file both login routes answer 404: login is not configured.

Mount with ``root.router.routes.extend(login_routes(settings))`` before the web app is mounted at ``/``.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable

from planwijzer.ui.i18n import t
from planwijzer.ui.identity import COOKIE, SESSION_MAX_AGE_S, session_cookie
from planwijzer.ui.ratelimit import RateLimiter, client_key
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from planwijzer import users
from planwijzer.config import Settings

LOGIN_FAILURES_PER_MINUTE = 10
_MAX_FIELD = 1024
_log = logging.getLogger("planwijzer.identity")

_STYLE = (
    "body{font-family:system-ui,sans-serif;margin:0;background:#f6f7f9;color:#1b1f24}"
    "main{max-width:24rem;margin:4rem auto;padding:2rem;background:#fff;border-radius:8px;"
    "box-shadow:0 1px 4px rgba(0,0,0,.15)}"
    "label{display:block;margin-top:1rem;font-weight:600}"
    "input{box-sizing:border-box;width:100%;padding:.5rem;margin-top:.25rem;font-size:1rem;border:1px solid #6b7280;"
    "border-radius:4px}"
    "button{margin-top:1.5rem;padding:.6rem 1.2rem;font-size:1rem;background:#1d4ed8;color:#fff;border:0;"
    "border-radius:4px;cursor:pointer}"
    ":focus-visible{outline:3px solid #f59e0b;outline-offset:2px}"
    ".error{border-left:4px solid #b91c1c;background:#fef2f2;color:#7f1d1d;padding:.5rem .8rem;margin:1rem 0}"
    "a{color:#1d4ed8}"
)


def _lang(value: str | None) -> str:
    return "en" if (value or "").strip().lower() == "en" else "nl"


def _home(request: Request) -> str:
    return request.scope.get("root_path", "").rstrip("/") + "/"


def _page(request: Request, lang: str, title: str, body: str, status: int) -> HTMLResponse:
    other = "en" if lang == "nl" else "nl"
    e = html.escape
    page = (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{e(title)} · Planwijzer</title><style>{_STYLE}</style></head><body><main>"
        f"<h1>{e(title)}</h1>{body}"
        f'<p><a href="?lang={other}" lang="{other}" hreflang="{other}">{e(t(lang, "login_other_language"))}</a>'
        f' · <a href="{e(_home(request))}">{e(t(lang, "login_back"))}</a></p>'
        "</main></body></html>"
    )
    return HTMLResponse(page, status_code=status, headers={"Cache-Control": "no-store"})


def _form(request: Request, lang: str, status: int = 200, error: str = "", name: str = "") -> HTMLResponse:
    e = html.escape
    alert = f'<p class="error" role="alert">{e(error)}</p>' if error else ""
    invalid = ' aria-invalid="true"' if error else ""
    body = (
        f"<p>{e(t(lang, 'login_intro'))}</p>{alert}"
        '<form method="post" action="login">'
        f'<input type="hidden" name="lang" value="{lang}">'
        f'<label for="pw-login-name">{e(t(lang, "login_name"))}</label>'
        f'<input id="pw-login-name" name="name" autocomplete="username" autocapitalize="none" spellcheck="false" '
        f'required maxlength="64" value="{e(name)}"{invalid}>'
        f'<label for="pw-login-password">{e(t(lang, "login_password"))}</label>'
        f'<input id="pw-login-password" name="password" type="password" autocomplete="current-password" required'
        f"{invalid}>"
        f'<button type="submit">{e(t(lang, "login_submit"))}</button></form>'
    )
    return _page(request, lang, t(lang, "login_title"), body, status)


def _not_configured(request: Request, lang: str) -> HTMLResponse:
    body = f"<p>{html.escape(t(lang, 'login_off'))}</p>"
    return _page(request, lang, t(lang, "login_off_title"), body, 404)


def configured(settings: Settings) -> bool:
    """Whether the users file holds anyone who can log in (False, logged, when it cannot be read)."""
    try:
        return users.has_users(settings)
    except users.UserError as exc:  # a broken users file: nobody can log in until it is fixed
        _log.error("%s", exc)
        return False


def login_routes(settings: Settings) -> list[Route]:
    """``/login`` (GET: the form; POST: check and set the session cookie) and ``/logout`` (GET or POST), for the web
    app's server. Login attempts are limited to :data:`LOGIN_FAILURES_PER_MINUTE` failures per client per minute."""
    failures = RateLimiter(LOGIN_FAILURES_PER_MINUTE)

    async def login(request: Request) -> Response:
        lang = _lang(request.query_params.get("lang"))
        if not configured(settings):
            return _not_configured(request, lang)
        if request.method == "GET":
            return _form(request, lang)
        form = await request.form(max_files=0, max_fields=8)
        lang = _lang(str(form.get("lang") or lang))
        name, password = str(form.get("name") or "").strip(), str(form.get("password") or "")
        key = client_key(request, settings.web.trust_forwarded_for)
        wait = failures.retry_after(key)
        if wait:
            response = _form(request, lang, 429, t(lang, "admin_locked", seconds=wait), name[:64])
            response.headers["Retry-After"] = str(wait)
            return response
        who = None
        if len(name) <= _MAX_FIELD and len(password) <= _MAX_FIELD:
            try:
                who = await run_in_threadpool(users.check, settings, name, password)
            except users.UserError as exc:
                _log.error("%s", exc)
        if who is None or who.name is None:
            failures.add(key)
            return _form(request, lang, 401, t(lang, "login_failed"), name[:64])
        response = RedirectResponse(_home(request), status_code=303)
        response.set_cookie(
            COOKIE,
            session_cookie(settings, who.name),
            max_age=SESSION_MAX_AGE_S,
            path="/",
            httponly=True,
            samesite="lax",
            secure=request.url.scheme == "https",
        )
        return response

    async def logout(request: Request) -> Response:
        response = RedirectResponse(_home(request), status_code=303)
        response.delete_cookie(COOKIE, path="/", httponly=True, samesite="lax")
        return response

    endpoints: list[tuple[str, Callable]] = [("/login", login), ("/logout", logout)]
    return [Route(path, endpoint, methods=["GET", "POST"]) for path, endpoint in endpoints]
