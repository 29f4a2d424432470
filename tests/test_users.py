"""Local users for the web app's login page: added with their groups and only a password hash, listed without it,
checked in the same time whether the name exists or not, found again with their current groups on every request, and
removed at once; the ``planwijzer user`` commands."""

from __future__ import annotations

import io
import json
import os
import stat
import sys
import time
from pathlib import Path

import pytest

from planwijzer import users
from planwijzer.access import Reader
from planwijzer.cli import main
from planwijzer.config import Settings

PASSWORD = "raadszaal-2024-jan"


@pytest.fixture()
def user_settings(tmp_path: Path) -> Settings:
    return Settings(index=tmp_path / "data" / "index")


def replace_file(path: Path, data: dict) -> None:
    """Write ``path`` as another process (``planwijzer user …`` beside a running server) would: a new file renamed
    over the old one."""
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data), encoding="utf-8")
    os.replace(tmp, path)


def test_the_users_file_lies_next_to_the_index_unless_configured(user_settings: Settings, tmp_path: Path):
    assert users.users_file(user_settings) == tmp_path / "data" / "users.json"
    assert users.users_file(user_settings.replace(users_file=tmp_path / "u.json")) == tmp_path / "u.json"


def test_an_added_user_logs_in_with_their_password_and_groups(user_settings: Settings):
    assert not users.has_users(user_settings) and users.list_users(user_settings) == []
    added = users.add(user_settings, "jan", ["Council", "staff", "public"], PASSWORD)
    assert added.name == "jan" and added.groups == ("council", "staff")  # lower-cased, sorted, public implied
    assert users.has_users(user_settings)
    assert users.check(user_settings, "jan", PASSWORD) == Reader("jan", frozenset({"council", "staff"}))
    assert users.check(user_settings, " JAN ", PASSWORD) == Reader("jan", frozenset({"council", "staff"}))
    for wrong in [PASSWORD + "x", PASSWORD.upper(), "", None]:
        assert users.check(user_settings, "jan", wrong) is None
    assert users.check(user_settings, "piet", PASSWORD) is None
    assert users.check(user_settings, None, PASSWORD) is None


def test_only_the_hash_is_stored_privately_and_listing_never_shows_it(user_settings: Settings):
    users.add(user_settings, "jan", "council", PASSWORD)
    users.add(user_settings, "An.de-Boer@example.nl", [], PASSWORD + "2")
    path = users.users_file(user_settings)
    text = path.read_text(encoding="utf-8")
    assert PASSWORD not in text
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    rows = json.loads(text)["users"]
    assert [r["name"] for r in rows] == ["jan", "An.de-Boer@example.nl"]
    assert all(r["hash"].startswith("scrypt:") and r["created"].endswith("Z") for r in rows)
    listed = users.list_users(user_settings)
    assert [(u.name, u.groups) for u in listed] == [("An.de-Boer@example.nl", ()), ("jan", ("council",))]
    assert not any("scrypt" in repr(u) for u in listed)


def test_names_groups_and_passwords_are_checked_and_names_are_unique(user_settings: Settings):
    users.add(user_settings, "jan", "council", PASSWORD)
    with pytest.raises(users.UserError, match="already has a user 'jan'.*planwijzer user remove") as caught:
        users.add(user_settings, "Jan", "staff", PASSWORD)
    assert str(users.users_file(user_settings)) in str(caught.value)
    for bad in ["", "  ", "jan de vries", "../etc", "-x", "a;b", "x" * 65, "na\nam"]:
        with pytest.raises(users.UserError, match="not a user name"):
            users.add(user_settings, bad, [], PASSWORD)
    with pytest.raises(users.UserError, match="not a group name"):
        users.add(user_settings, "piet", ["council", "raad/besloten"], PASSWORD)
    with pytest.raises(users.UserError, match=f"at least {users.MIN_PASSWORD} characters"):
        users.add(user_settings, "piet", [], "kort")
    assert [u.name for u in users.list_users(user_settings)] == ["jan"]


def test_a_removed_user_is_gone_at_once(user_settings: Settings):
    users.add(user_settings, "jan", "council", PASSWORD)
    assert users.lookup(user_settings, "jan") == Reader("jan", frozenset({"council"}))
    assert users.remove(user_settings, "JAN").name == "jan"
    assert users.lookup(user_settings, "jan") is None and users.check(user_settings, "jan", PASSWORD) is None
    with pytest.raises(users.UserError, match="has no user 'jan'"):
        users.remove(user_settings, "jan")


def test_lookup_sees_changes_another_process_makes(user_settings: Settings):
    users.add(user_settings, "jan", "council", PASSWORD)
    path = users.users_file(user_settings)
    assert users.lookup(user_settings, "jan").groups == {"council"}
    data = json.loads(path.read_text(encoding="utf-8"))
    data["users"][0]["groups"] = ["staff", "admin"]
    replace_file(path, data)
    assert users.lookup(user_settings, "jan") == Reader("jan", frozenset({"staff", "admin"}))
    replace_file(path, {"users": []})
    assert users.lookup(user_settings, "jan") is None and not users.has_users(user_settings)


def test_an_unknown_name_costs_a_password_hash_too(user_settings: Settings):
    users.add(user_settings, "jan", [], PASSWORD)

    def fastest(name: str) -> float:
        times = []
        for _ in range(3):
            start = time.perf_counter()
            assert users.check(user_settings, name, "niet-het-wachtwoord") is None
            times.append(time.perf_counter() - start)
        return min(times)

    users.check(user_settings, "nobody", "warm-up")  # the first unknown name makes the stand-in hash
    known, unknown = fastest("jan"), fastest("nobody")
    assert unknown > 0.5 * known and known > 0.005  # both are a whole scrypt, not a dictionary miss


def test_a_broken_users_file_is_named_with_the_fix(user_settings: Settings):
    path = users.users_file(user_settings)
    path.parent.mkdir(parents=True)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(users.UserError, match=f"{path}.*cannot be read.*planwijzer user add"):
        users.lookup(user_settings, "jan")
    replace_file(path, {"users": [{"name": "jan", "groups": [], "hash": "plaintext"}]})
    with pytest.raises(users.UserError, match="user 1 is not valid"):
        users.check(user_settings, "jan", "plaintext")


# --------------------------------------------------------------------------- the command line


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_add_list_remove(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    index = str(tmp_path / "index")
    settings = Settings(index=tmp_path / "index")
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    add = ["user", "add", "jan", "--group", "council", "--group", "Staff", "--password-stdin", "--index", index]
    code, _, err = run(capsys, *add)
    assert code == 0 and "'jan' added" in err and str(tmp_path / "users.json") in err and "council, staff" in err
    assert users.check(settings, "jan", PASSWORD) == Reader("jan", frozenset({"council", "staff"}))

    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    code, _, err = run(capsys, "user", "add", "piet", "--password-stdin", "--index", index)
    assert code == 0 and "public documents only" in err

    code, out, _ = run(capsys, "user", "list", "--index", index)
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2 and PASSWORD not in out and "scrypt" not in out
    assert lines[0].split()[:2] == ["jan", "council,staff"] and lines[1].split()[:2] == ["piet", "public"]

    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    code, _, err = run(capsys, "user", "add", "JAN", "--password-stdin", "--index", index)
    assert code == 1 and "already has a user" in err

    assert run(capsys, "user", "remove", "jan", "--index", index)[0] == 0
    assert users.lookup(settings, "jan") is None
    code, _, err = run(capsys, "user", "remove", "jan", "--index", index)
    assert code == 1 and "has no user 'jan'" in err
    assert run(capsys, "user", "remove", "piet", "--index", index)[0] == 0
    assert "No users" in run(capsys, "user", "list", "--index", index)[1]


def test_cli_add_asks_for_the_password_twice(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch):
    answers = iter([PASSWORD, PASSWORD + "?"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    users_json = tmp_path / "elders" / "users.json"
    code, _, err = run(capsys, "user", "add", "jan", "--users-file", str(users_json), "--index", str(tmp_path / "i"))
    assert code == 1 and "passwords differ" in err and not users_json.exists()
    answers = iter([PASSWORD, PASSWORD])
    code, _, err = run(capsys, "user", "add", "jan", "--users-file", str(users_json), "--index", str(tmp_path / "i"))
    assert code == 0 and str(users_json) in err
    assert users.check(Settings(index=tmp_path / "i", users_file=users_json), "jan", PASSWORD) is not None
