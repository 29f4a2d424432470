"""The admin password's hash (``planwijzer/passwords.py``) and ``planwijzer admin-password``, which makes one without
starting the web app."""

from __future__ import annotations

import subprocess
import sys

import pytest

from planwijzer.passwords import hash_password, parse_hash, verify_password

PASSWORD = "kwartsvogel-beheer-2024"


def test_a_hash_is_salted_scrypt_that_verifies_only_its_password() -> None:
    stored = hash_password(PASSWORD)
    n, r, p, salt, digest = parse_hash(stored)
    assert (n, r, p) == (2**14, 8, 1) and len(salt) == 16 and len(digest) == 32
    assert stored.startswith("scrypt:") and "$" not in stored and hash_password(PASSWORD) != stored
    assert verify_password(PASSWORD, stored) and not verify_password(PASSWORD + "!", stored)


def test_a_malformed_hash_names_the_setting_and_the_fix() -> None:
    with pytest.raises(ValueError, match="PLANWIJZER_ADMIN_PASSWORD_HASH .*`planwijzer admin-password`"):
        parse_hash("scrypt:16384:8:1:c2FsdA==")


def test_admin_password_command_hashes_without_importing_the_web_app() -> None:
    script = (
        "import io, sys\n"
        "from planwijzer.cli import main\n"
        f"sys.stdin = io.StringIO({PASSWORD + chr(10)!r})\n"
        "code = main(['admin-password'])\n"
        "heavy = sorted(m for m in ('gradio', 'planwijzer.ui', 'chromadb') if m in sys.modules)\n"
        "print('loaded:', heavy, file=sys.stderr)\n"
        "sys.exit(code or (3 if heavy else 0))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "loaded: []" in done.stderr
    name, _, value = done.stdout.strip().partition("=")
    assert name == "PLANWIJZER_ADMIN_PASSWORD_HASH" and verify_password(PASSWORD, value.strip("'"))
