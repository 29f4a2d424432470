"""Local users for small set-ups without a login proxy: names, groups and scrypt password hashes in one file.

``users.json`` next to the index directory (``PLANWIJZER_USERS_FILE``), made and changed by ``planwijzer user add``
and ``planwijzer user remove``, written atomically with mode 0600::

    {"users": [{"name": "jan", "groups": ["council"], "hash": "scrypt:…", "created": "2025-01-31T09:00:00Z"}]}

The web app's login page checks a name and password with :func:`check`; every later request finds the user again
with :func:`lookup`, which re-reads the file when it changed, so a removed user or a changed group counts from the
next request on. Names are matched without regard to case. Passwords are hashed by :mod:`planwijzer.passwords`;
checking an unknown name costs a hash too, so the time a check takes does not tell which names exist.

Standard library only (and :mod:`planwijzer.access`, :mod:`planwijzer.passwords`).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import tempfile
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from planwijzer.access import PUBLIC, AccessError, Reader, group_names
from planwijzer.passwords import hash_password, parse_hash, verify_password

if TYPE_CHECKING:
    from planwijzer.config import Settings

USERS_FILE = "users.json"
MIN_PASSWORD = 10
"""Shortest password :func:`add` accepts."""
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@+-]{0,63}")


class UserError(ValueError):
    """A user operation that cannot be done (bad name, duplicate, unknown user, unreadable file); the message names
    the file and the fix."""


@dataclass(frozen=True)
class User:
    """One user as listed: name, groups and when they were added (never the password hash)."""

    name: str
    groups: tuple[str, ...] = ()
    created: str = ""


@dataclass(frozen=True)
class _Stored:
    user: User
    hash: str


def users_file(settings: Settings) -> Path:
    """Where the users file is: ``PLANWIJZER_USERS_FILE``, else ``users.json`` next to the index directory."""
    configured = settings.web.users_file
    return Path(configured) if configured else Path(settings.index.dir).parent / USERS_FILE


# --------------------------------------------------------------------------- reading (cached per file)

_lock = threading.Lock()
_cache: dict[Path, tuple[tuple | None, dict[str, _Stored]]] = {}


def _stamp(path: Path) -> tuple | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return st.st_mtime_ns, st.st_size, st.st_ino


def _parse(path: Path) -> dict[str, _Stored]:
    fix = f"fix {path} or delete it and add the users again with `planwijzer user add`"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise UserError(f"the users file {path} cannot be read ({exc}); {fix}") from exc
    rows = data.get("users") if isinstance(data, dict) else None
    if not isinstance(rows, list):
        raise UserError(f'the users file {path} has no "users" list; {fix}')
    found: dict[str, _Stored] = {}
    for i, row in enumerate(rows, 1):
        try:
            if not isinstance(row, dict) or not _NAME.fullmatch(str(row.get("name", ""))):
                raise ValueError("no valid name")
            parse_hash(str(row.get("hash", "")))
            groups = tuple(sorted(group_names(row.get("groups", []), "groups") - {PUBLIC}))
        except ValueError as exc:  # AccessError is one
            raise UserError(f"the users file {path}: user {i} is not valid ({exc}); {fix}") from exc
        user = User(row["name"], groups, str(row.get("created", "")))
        found[user.name.casefold()] = _Stored(user, str(row["hash"]))
    return found


def _load(path: Path) -> dict[str, _Stored]:
    """The users in ``path`` by case-folded name, re-read when the file's modification time, size or inode
    changed."""
    stamp = _stamp(path)
    with _lock:
        cached = _cache.get(path)
        if cached and cached[0] == stamp:
            return cached[1]
    users = _parse(path) if stamp else {}
    with _lock:
        _cache[path] = (stamp, users)
    return users


def list_users(settings: Settings) -> list[User]:
    """Every user in the users file, sorted by name (never a password hash)."""
    return sorted((s.user for s in _load(users_file(settings)).values()), key=lambda u: u.name.casefold())


def has_users(settings: Settings) -> bool:
    """True when the users file holds at least one user (the web app then offers its login page)."""
    return bool(_load(users_file(settings)))


# --------------------------------------------------------------------------- checking


_dummy_hash: str | None = None


def _dummy() -> str:
    """A hash no password matches, checked for unknown names so that they cost as much time as known ones."""
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = hash_password(secrets.token_urlsafe(24))
    return _dummy_hash


def check(settings: Settings, name: str | None, password: str | None) -> Reader | None:
    """The reader ``name`` logs in as when ``password`` is theirs, else None (wrong password, unknown name or none at
    all). Always computes one scrypt hash and compares in constant time, so the answer time does not reveal whether
    the name exists."""
    stored = _load(users_file(settings)).get((name or "").strip().casefold())
    ok = verify_password(password or "", stored.hash if stored else _dummy())
    if stored is None or not ok:
        return None
    return Reader(stored.user.name, frozenset(stored.user.groups))


def lookup(settings: Settings, name: str | None) -> Reader | None:
    """The reader ``name`` is now (current groups), or None when the users file does not hold them (any more)."""
    stored = _load(users_file(settings)).get((name or "").strip().casefold())
    return Reader(stored.user.name, frozenset(stored.user.groups)) if stored else None


def session_stamp(settings: Settings, name: str | None) -> str | None:
    """A short fingerprint of ``name``'s password hash (None for an unknown name): a login session records it, so that
    removing and adding a user again, or a new password, ends the sessions made before."""
    stored = _load(users_file(settings)).get((name or "").strip().casefold())
    return hashlib.sha256(stored.hash.encode("utf-8")).hexdigest()[:16] if stored else None


# --------------------------------------------------------------------------- changing the file


def _write(path: Path, users: list[_Stored]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = [
        {"name": s.user.name, "groups": list(s.user.groups), "hash": s.hash, "created": s.user.created} for s in users
    ]
    fd, tmp = tempfile.mkstemp(prefix=".users-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            os.fchmod(fh.fileno(), 0o600)
            json.dump({"users": rows}, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    with _lock:
        _cache.pop(path, None)


def add(settings: Settings, name: str, groups: object, password: str) -> User:
    """Add the user ``name`` in ``groups`` (a group name, or a list of them; ``public`` is implied and dropped) with
    ``password`` (stored as its scrypt hash). Raises :class:`UserError` for a bad name, a taken name (names differ in
    more than case), a bad group or a password shorter than :data:`MIN_PASSWORD`."""
    path = users_file(settings)
    name = (name or "").strip()
    if not _NAME.fullmatch(name):
        raise UserError(
            f"{name!r} is not a user name for {path}: 1-64 letters, digits or . _ @ + -, starting with a letter or "
            "digit (e.g. jan, j.devries@example.nl)"
        )
    try:
        group_set = group_names(groups, "--group") - {PUBLIC}
    except AccessError as exc:
        raise UserError(str(exc)) from exc
    if len(password or "") < MIN_PASSWORD:
        raise UserError(f"use at least {MIN_PASSWORD} characters for the password of {name!r}")
    users = _load(path)
    if name.casefold() in users:
        raise UserError(
            f"{path} already has a user {users[name.casefold()].user.name!r}; remove it first with "
            f"`planwijzer user remove {name}` or choose another name"
        )
    created = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    user = User(name, tuple(sorted(group_set)), created)
    _write(path, [*users.values(), _Stored(user, hash_password(password))])
    return user


def remove(settings: Settings, name: str) -> User:
    """Remove the user ``name`` from the users file (a running web app refuses their session from its next request).
    Raises :class:`UserError` for an unknown name."""
    path = users_file(settings)
    users = _load(path)
    gone = users.get((name or "").strip().casefold())
    if gone is None:
        raise UserError(f"{path} has no user {name!r} (see `planwijzer user list`)")
    _write(path, [s for s in users.values() if s is not gone])
    return gone.user
