"""The admin password's hash: made by ``planwijzer admin-password``, kept in ``PLANWIJZER_ADMIN_PASSWORD_HASH``
and checked by the web app's admin tab before every action.

scrypt (``hashlib``, N=2^14, r=8, p=1) with a random 16-byte salt, written as ``scrypt:N:r:p:salt:hash`` (salt and
hash in base64): no ``$``, so env files and compose files leave it alone. Checking compares in constant time. The
module needs only the standard library, so hashing a password starts nothing else.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
SCRYPT_MAXMEM = 256 * 1024 * 1024


def hash_password(password: str) -> str:
    """``scrypt:N:r:p:salt:hash`` (salt and hash in base64) of ``password``: the value for
    ``PLANWIJZER_ADMIN_PASSWORD_HASH`` (no ``$``, so env files and compose files leave it alone)."""
    if not password:
        raise ValueError("the admin password must not be empty")
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, maxmem=SCRYPT_MAXMEM, dklen=32
    )
    b64 = base64.b64encode
    return f"scrypt:{SCRYPT_N}:{SCRYPT_R}:{SCRYPT_P}:{b64(salt).decode()}:{b64(digest).decode()}"


def parse_hash(stored: str) -> tuple[int, int, int, bytes, bytes]:
    """The parts (N, r, p, salt, hash) of a :func:`hash_password` value, or ValueError naming the setting and the
    fix."""
    try:
        scheme, n, r, p, salt, digest = stored.strip().split(":")
        if scheme != "scrypt":
            raise ValueError(scheme)
        parts = int(n), int(r), int(p), base64.b64decode(salt, validate=True), base64.b64decode(digest, validate=True)
        if parts[0] < 2 or parts[0] & (parts[0] - 1) or min(parts[1], parts[2]) < 1 or not parts[3] or not parts[4]:
            raise ValueError("parameters")
        return parts
    except ValueError as exc:
        raise ValueError(
            "PLANWIJZER_ADMIN_PASSWORD_HASH is not a Planwijzer password hash (expected scrypt:N:r:p:salt:hash); "
            "make one with `planwijzer admin-password` and set the variable to its output"
        ) from exc


def verify_password(password: str | None, stored: str) -> bool:
    """True when ``password`` matches the stored hash (constant-time comparison; empty never matches)."""
    if not password or not stored:
        return False
    n, r, p, salt, digest = parse_hash(stored)
    candidate = hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=SCRYPT_MAXMEM, dklen=len(digest)
    )
    return hmac.compare_digest(candidate, digest)
