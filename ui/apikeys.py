"""API keys for the OpenAI-compatible endpoint and the MCP server over HTTP: made, listed and revoked from the CLI.

A key is 32 random bytes (``pwk_…``), printed once by ``planwijzer api-key create NAME``; only its SHA-256 is kept
(a key is as strong as a random 256-bit secret, so a slow password hash adds nothing, and a fast one keeps every
request cheap). Hashes come from two places:

* the key file, ``api-keys.json`` next to the index directory (``PLANWIJZER_API_KEYS_FILE``), written by
  ``api-key create`` and ``api-key revoke`` (atomically, mode 0600) and re-read by a running server when it
  changes, so a revoked key stops working at once;
* ``PLANWIJZER_API_KEYS``: comma-separated ``NAME=sha256:HEX`` entries (``api-key create NAME --env`` prints one),
  for deployments whose workers share settings rather than a disk.

A key carries **groups** (``api-key create NAME --group council --group staff``): the API and MCP read as
:meth:`KeyStore.reader`, a reader named after the key in those groups; a key without groups reads public documents
only. In the key file they are the ``groups`` list of the key (files written before keys had groups load with none);
in ``PLANWIJZER_API_KEYS`` they go in brackets after the name, joined by ``+``: ``NAME[council+staff]=sha256:HEX``.

Without any key the endpoints are off.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import secrets
import tempfile
import threading
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from planwijzer.access import PUBLIC, AccessError, Reader, group_names
from planwijzer.config import Settings

PREFIX = "pwk_"
KEY_FILE = "api-keys.json"
_NAME = re.compile(r"[\w.@+-][\w .@+-]{0,63}")
_HASH = re.compile(r"sha256:[0-9a-f]{64}")
_ENV_NAME = re.compile(r"(?P<name>[^\[\]]*?)\s*(?:\[(?P<groups>[^\[\]]*)\])?\s*")


class KeyError_(ValueError):
    """A key operation that cannot be done (bad name, duplicate, unknown key, malformed setting)."""


@dataclass(frozen=True)
class StoredKey:
    """One key as stored: its name, hash, the first characters of the key (to recognise it) and when it was made;
    ``source`` is the key file's path or ``PLANWIJZER_API_KEYS``; ``groups`` are the groups its reader is in (none =
    public documents only)."""

    name: str
    hash: str
    hint: str = ""
    created: str = ""
    source: str = ""
    groups: tuple[str, ...] = ()

    def env_entry(self) -> str:
        """This key as a ``PLANWIJZER_API_KEYS`` entry: ``NAME=sha256:HEX`` or ``NAME[g1+g2]=sha256:HEX``."""
        return f"{self.name}[{'+'.join(self.groups)}]={self.hash}" if self.groups else f"{self.name}={self.hash}"


def key_file(settings: Settings) -> Path:
    """Where the key file is: ``PLANWIJZER_API_KEYS_FILE``, else ``api-keys.json`` next to the index directory."""
    configured = settings.web.api_keys_file
    return Path(configured) if configured else Path(settings.index.dir).parent / KEY_FILE


def hash_key(key: str) -> str:
    return "sha256:" + hashlib.sha256(key.encode("utf-8")).hexdigest()


def new_key() -> str:
    return PREFIX + secrets.token_urlsafe(32)


def key_groups(value: object, where: str) -> tuple[str, ...]:
    """The sorted group names of ``value`` (``public`` dropped: every key reads public documents), or
    :class:`KeyError_` naming ``where``."""
    try:
        return tuple(sorted(group_names(value, where) - {PUBLIC}))
    except AccessError as exc:
        raise KeyError_(str(exc)) from exc


def settings_keys(settings: Settings) -> list[StoredKey]:
    """The keys in ``PLANWIJZER_API_KEYS``: comma-separated ``NAME=sha256:HEX``, ``NAME[g1+g2]=sha256:HEX`` (a key
    in groups g1 and g2) or a bare ``sha256:HEX``."""
    out = []
    for i, entry in enumerate(e.strip() for e in (settings.web.api_keys or "").split(",")):
        if not entry:
            continue
        head, _, digest = entry.rpartition("=")
        digest = digest.strip().lower()
        named = _ENV_NAME.fullmatch(head)
        if not _HASH.fullmatch(digest) or not named:
            raise KeyError_(
                f"PLANWIJZER_API_KEYS entry {i + 1} is not NAME=sha256:<64 hex digits> (or NAME[group+group]=…); "
                "make one with `planwijzer api-key create NAME --env`"
            )
        groups = key_groups((named["groups"] or "").split("+"), f"PLANWIJZER_API_KEYS entry {i + 1}")
        name = named["name"].strip() or f"key-{i + 1}"
        out.append(StoredKey(name, digest, source="PLANWIJZER_API_KEYS", groups=groups))
    return out


class KeyStore:
    """The configured keys (key file and settings), for checking bearer tokens and for the CLI.

    Thread-safe; the key file is re-read when its modification time or size changes.
    """

    def __init__(self, settings: Settings) -> None:
        self.path = key_file(settings)
        self._fixed = settings_keys(settings)
        self._lock = threading.Lock()
        self._stamp: tuple | None = None
        self._file: list[StoredKey] = []

    # -- reading ------------------------------------------------------------------------------------------------
    def _read_file(self) -> list[StoredKey]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return []
        except (OSError, ValueError) as exc:
            raise KeyError_(f"the API key file {self.path} cannot be read ({exc}); fix or delete it") from exc
        keys = []
        for row in data.get("keys", []) if isinstance(data, dict) else []:
            if isinstance(row, dict) and _HASH.fullmatch(str(row.get("hash", ""))):
                where = f"the API key file {self.path}, key {row.get('name', '')!r}"
                keys.append(
                    StoredKey(
                        str(row.get("name", "")),
                        str(row["hash"]),
                        str(row.get("hint", "")),
                        str(row.get("created", "")),
                        str(self.path),
                        key_groups(row.get("groups") or [], where),  # files from before groups: none
                    )
                )
        return keys

    def file_keys(self) -> list[StoredKey]:
        try:
            st = self.path.stat()
            stamp = (st.st_mtime_ns, st.st_size, st.st_ino)
        except FileNotFoundError:
            stamp = None
        with self._lock:
            if stamp != self._stamp:
                self._file = self._read_file() if stamp else []
                self._stamp = stamp
            return list(self._file)

    def keys(self) -> list[StoredKey]:
        """Every configured key: the key file's, then the settings'."""
        return self.file_keys() + self._fixed

    def enabled(self) -> bool:
        """True when at least one key is configured (without any, the API endpoints are off)."""
        return bool(self._fixed) or bool(self.file_keys())

    def match(self, token: str | None) -> StoredKey | None:
        """The stored key ``token`` is, or None (every stored hash is compared, in constant time each)."""
        if not token:
            return None
        digest = hash_key(token)
        found = None
        for key in self.keys():
            if hmac.compare_digest(digest, key.hash):
                found = found or key
        return found

    def verify(self, token: str | None) -> str | None:
        """The name of the key ``token`` is, or None."""
        key = self.match(token)
        return key.name if key else None

    def reader(self, token: str | None) -> Reader | None:
        """Who reads with ``token``: a reader named after its key, in the key's groups; None for a missing or unknown
        key."""
        key = self.match(token)
        return Reader(key.name, frozenset(key.groups)) if key else None

    # -- changing the key file ----------------------------------------------------------------------------------
    def _write(self, keys: list[StoredKey]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        rows = [{k: list(v) if k == "groups" else v for k, v in asdict(key).items() if k != "source"} for key in keys]
        fd, tmp = tempfile.mkstemp(prefix=".api-keys-", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                os.fchmod(fh.fileno(), 0o600)
                json.dump({"keys": rows}, fh, ensure_ascii=False, indent=2)
                fh.write("\n")
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        with self._lock:
            self._stamp = None

    def create(self, name: str, groups: object = (), store: bool = True) -> tuple[str, StoredKey]:
        """A new key named ``name`` reading as ``groups`` (a group name or a list of them; none = public documents
        only): returns the key (shown once, never stored) and its stored form. With ``store`` its hash is added to the
        key file, else nothing is written (for ``PLANWIJZER_API_KEYS``: :meth:`StoredKey.env_entry`)."""
        name = (name or "").strip()
        if not _NAME.fullmatch(name):
            raise KeyError_(
                "a key name is 1-64 letters, digits, spaces or . _ @ + - (e.g. open-webui or 'Jan de Vries')"
            )
        group_tuple = key_groups(groups, "--group")
        if any(k.name == name for k in self.keys()):
            raise KeyError_(f"a key named {name!r} exists already; revoke it first or choose another name")
        key = new_key()
        created = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        hint = key[: len(PREFIX) + 4] + "…"
        stored = StoredKey(name, hash_key(key), hint, created, str(self.path) if store else "", group_tuple)
        if store:
            self._write([*self.file_keys(), stored])
        return key, stored

    def revoke(self, name: str) -> StoredKey:
        """Remove the key named ``name`` from the key file (a running server refuses it from its next request)."""
        keys = self.file_keys()
        gone = [k for k in keys if k.name == name]
        if not gone:
            if any(k.name == name for k in self._fixed):
                raise KeyError_(f"the key {name!r} is set in PLANWIJZER_API_KEYS; remove it there")
            raise KeyError_(f"no API key named {name!r} (see `planwijzer api-key list`)")
        self._write([k for k in keys if k.name != name])
        return gone[0]


def bearer_token(authorization: str | None) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header, else None."""
    if not authorization:
        return None
    scheme, _, token = authorization.strip().partition(" ")
    return (token.strip() or None) if scheme.lower() == "bearer" else None
