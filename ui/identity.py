"""Who is asking: every web surface turns its request into a :class:`~planwijzer.access.Reader` with
:func:`reader_for`, and nothing else decides it.

In this order:

1. a request whose connecting address (the socket's, never ``X-Forwarded-For``) is one of
   ``PLANWIJZER_TRUSTED_PROXIES`` and that names a user in ``PLANWIJZER_USER_HEADER``: that user, in the groups of
   ``PLANWIJZER_GROUPS_HEADER`` (split on commas, semicolons and spaces; names that are not group names are dropped);
2. a valid session cookie from the login page (:mod:`planwijzer.ui.login`): that user of the users file, with the
   groups the file gives them now (a removed user, or one added again or with a new password, is anonymous);
3. anyone else is :data:`~planwijzer.access.ANONYMOUS`. Identity headers from any other address are ignored
   entirely: a client can write any header, so only the operator's proxy may name users.

The session cookie is signed (``itsdangerous``) with a random secret in ``session.key`` next to the index directory,
made (mode 0600) on first use; deleting that file ends every session. Sessions last :data:`SESSION_MAX_AGE_S`.
"""

from __future__ import annotations

import contextlib
import ipaddress
import logging
import os
import re
import secrets
import tempfile
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.requests import HTTPConnection

from planwijzer import users
from planwijzer.access import ANONYMOUS, PUBLIC, AccessError, Reader, group_names
from planwijzer.config import Settings

COOKIE = "planwijzer_session"
SESSION_MAX_AGE_S = 12 * 3600
"""A login lasts this long (seconds); then the login page again."""
SESSION_KEY_FILE = "session.key"
_SALT = "planwijzer.session"
_MAX_NAME = 256
_log = logging.getLogger("planwijzer.identity")

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


# --------------------------------------------------------------------------- trusted proxies


@lru_cache(maxsize=8)
def _networks(value: str) -> tuple[Network, ...]:
    networks = []
    for entry in (e.strip() for e in re.split(r"[,\s]+", value or "")):
        if not entry:
            continue
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError as exc:
            raise ValueError(
                f"PLANWIJZER_TRUSTED_PROXIES: {entry!r} is not an IP address or network ({exc}); write addresses or "
                "networks separated by commas, e.g. 127.0.0.1,10.0.0.0/8,::1"
            ) from None
    return tuple(networks)


def check_trusted_proxies(settings: Settings) -> tuple[Network, ...]:
    """The networks of ``PLANWIJZER_TRUSTED_PROXIES`` (a single address is a network of one). Call at startup: raises
    ValueError naming the setting for an entry that is neither an address nor a network."""
    return _networks(settings.web.trusted_proxies)


def is_trusted_proxy(host: str | None, settings: Settings) -> bool:
    """True when ``host`` (a connecting address) lies in one of ``PLANWIJZER_TRUSTED_PROXIES``' networks."""
    networks = check_trusted_proxies(settings)
    if not networks or not host:
        return False
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:  # "testclient", a Unix socket path
        return False
    mapped = getattr(address, "ipv4_mapped", None)  # ::ffff:10.0.0.5 is 10.0.0.5
    return any(address in net or (mapped is not None and mapped in net) for net in networks)


def header_groups(value: str | None) -> frozenset[str]:
    """The group names in a proxy's groups header (commas, semicolons or spaces between them); anything that is not
    a group name is dropped, and so is ``public``."""
    found = set()
    for item in re.split(r"[,;\s]+", value or ""):
        try:
            found |= group_names(item, "groups header")
        except AccessError:
            continue
    return frozenset(found - {PUBLIC})


# --------------------------------------------------------------------------- the request's parts


def _connection(request: Any) -> Any:
    """The Starlette connection behind ``request`` (a ``gr.Request`` wraps one), else ``request`` itself."""
    if isinstance(request, HTTPConnection):
        return request
    inner = vars(request).get("request") if hasattr(request, "__dict__") else None
    return inner if isinstance(inner, HTTPConnection) else request


def _header_values(conn: Any, name: str) -> list[str]:
    headers = getattr(conn, "headers", None)
    if headers is None:
        return []
    if hasattr(headers, "getlist"):
        return list(headers.getlist(name))
    value = headers.get(name.lower())  # a gr.Request without its Starlette request: a plain (lower-case) dict
    return [] if value is None else [str(value)]


def _client_host(conn: Any) -> str | None:
    client = getattr(conn, "client", None)
    host = getattr(client, "host", None)
    return str(host) if host else None


def _cookie(conn: Any, name: str) -> str | None:
    cookies = getattr(conn, "cookies", None)
    value = cookies.get(name) if cookies is not None else None
    return str(value) if value else None


def _proxy_reader(conn: Any, settings: Settings) -> Reader | None:
    """The user a trusted proxy names, or None (not from a trusted proxy, or no single usable user name)."""
    if not is_trusted_proxy(_client_host(conn), settings):
        return None
    names = {v.strip() for v in _header_values(conn, settings.web.user_header) if v.strip()}
    if len(names) != 1:  # absent, or a proxy that appended its header to the client's: trust neither
        return None
    (name,) = names
    if len(name) > _MAX_NAME or not name.isprintable():
        return None
    groups = header_groups(",".join(_header_values(conn, settings.web.groups_header)))
    return Reader(name, groups)


# --------------------------------------------------------------------------- login sessions

_key_lock = threading.Lock()


def session_key_file(settings: Settings) -> Path:
    """Where the session secret is: ``session.key`` next to the index directory."""
    return Path(settings.index.dir).parent / SESSION_KEY_FILE


def _session_secret(settings: Settings) -> bytes:
    """The session secret, made on first use (mode 0600; several processes starting at once agree on one)."""
    path = session_key_file(settings)
    with _key_lock:
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".session-", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as fh:
                    os.fchmod(fh.fileno(), 0o600)
                    fh.write(secrets.token_bytes(32))
                os.link(tmp, path)  # fails when another process made it first: then that one counts
            except FileExistsError:
                pass
            except OSError:  # a file system without hard links: the first to create the name wins
                with contextlib.suppress(FileExistsError):
                    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                    with os.fdopen(fd, "wb") as fh:
                        fh.write(Path(tmp).read_bytes())
            finally:
                Path(tmp).unlink(missing_ok=True)
        secret = path.read_bytes()
    if len(secret) < 32:
        raise ValueError(f"the session key {path} is shorter than 32 bytes; delete it (a new one is made)")
    return secret


def _serializer(settings: Settings) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(_session_secret(settings), salt=_SALT)


def session_cookie(settings: Settings, name: str) -> str:
    """The signed session cookie value for the users-file user ``name`` (after :func:`planwijzer.users.check`)."""
    return _serializer(settings).dumps({"u": name, "s": users.session_stamp(settings, name)})


def session_reader(value: str | None, settings: Settings) -> Reader | None:
    """The reader a session cookie value stands for now, or None: missing, tampered with, older than
    :data:`SESSION_MAX_AGE_S`, or its user removed, added again or given a new password since."""
    if not value:
        return None
    try:
        data = _serializer(settings).loads(value, max_age=SESSION_MAX_AGE_S)
    except BadSignature:  # SignatureExpired is one
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), str):
        return None
    try:
        if data.get("s") != users.session_stamp(settings, data["u"]):
            return None
        return users.lookup(settings, data["u"])
    except users.UserError as exc:  # a broken users file logs nobody in
        _log.error("%s", exc)
        return None


# --------------------------------------------------------------------------- the one entry point


def reader_for(request: Any, settings: Settings) -> Reader:
    """Who sends ``request`` (a Starlette ``Request``, a ``gr.Request`` or None): the user a trusted proxy names,
    else the logged-in user of a valid session cookie, else :data:`~planwijzer.access.ANONYMOUS`."""
    if request is None:
        return ANONYMOUS
    conn = _connection(request)
    return _proxy_reader(conn, settings) or session_reader(_cookie(conn, COOKIE), settings) or ANONYMOUS
