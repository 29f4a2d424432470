"""API keys: made once and shown once, only their hash stored, listed without secrets, revoked at once; from the key
file next to the index or from ``PLANWIJZER_API_KEYS``; the ``planwijzer api-key`` commands."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from planwijzer.ui.apikeys import PREFIX, KeyError_, KeyStore, bearer_token, hash_key, key_file

from planwijzer.access import Reader
from planwijzer.cli import main
from planwijzer.config import Settings


@pytest.fixture()
def key_settings(tmp_path: Path) -> Settings:
    return Settings(index=tmp_path / "data" / "index")


def test_the_key_file_lies_next_to_the_index_unless_configured(key_settings: Settings, tmp_path: Path):
    assert key_file(key_settings) == tmp_path / "data" / "api-keys.json"
    assert key_file(key_settings.replace(api_keys_file=tmp_path / "k.json")) == tmp_path / "k.json"


def test_a_created_key_verifies_and_only_its_hash_is_stored(key_settings: Settings):
    store = KeyStore(key_settings)
    assert not store.enabled() and store.verify("anything") is None
    key, stored = store.create("open-webui")
    assert key.startswith(PREFIX) and len(key) > 40
    assert store.enabled() and store.verify(key) == "open-webui"
    assert store.verify(key + "x") is None and store.verify("") is None and store.verify(None) is None
    text = store.path.read_text(encoding="utf-8")
    assert key not in text and key[len(PREFIX) + 4 :] not in text  # the secret part is nowhere on disk
    assert json.loads(text)["keys"][0]["hash"] == hash_key(key) == stored.hash
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    key2, _ = store.create("Jan de Vries")
    assert key2 != key and store.verify(key2) == "Jan de Vries" and store.verify(key) == "open-webui"


def test_names_are_checked_and_unique(key_settings: Settings):
    store = KeyStore(key_settings)
    store.create("librechat")
    with pytest.raises(KeyError_, match="exists already"):
        store.create("librechat")
    for bad in ["", "   ", "a\nb", "x" * 65, "../etc", "naam;rm"]:
        with pytest.raises(KeyError_):
            store.create(bad)


def test_revoking_takes_effect_in_a_running_store_at_once(key_settings: Settings):
    server_side = KeyStore(key_settings)  # as a running server holds it
    key, _ = KeyStore(key_settings).create("claude")
    assert server_side.verify(key) == "claude"
    KeyStore(key_settings).revoke("claude")
    assert server_side.verify(key) is None and not server_side.enabled()
    with pytest.raises(KeyError_, match="no API key named"):
        KeyStore(key_settings).revoke("claude")


def test_keys_from_the_settings(key_settings: Settings):
    key, stored = KeyStore(key_settings).create("worker", store=False)
    assert not KeyStore(key_settings).path.exists()  # --env stores nothing
    configured = key_settings.replace(api_keys=f" worker={stored.hash} , sha256:{'ab' * 32}")
    store = KeyStore(configured)
    assert store.enabled() and store.verify(key) == "worker"
    assert [k.name for k in store.keys()] == ["worker", "key-2"]
    with pytest.raises(KeyError_, match="PLANWIJZER_API_KEYS"):
        store.revoke("worker")
    with pytest.raises(KeyError_, match="entry 1"):
        KeyStore(key_settings.replace(api_keys="worker=md5:abc"))


def test_bearer_token_parsing():
    assert bearer_token("Bearer abc") == "abc"
    assert bearer_token("bearer   abc ") == "abc"
    assert bearer_token("Basic abc") is None
    assert bearer_token("Bearer ") is None
    assert bearer_token(None) is None and bearer_token("") is None


def test_cli_create_list_revoke(tmp_path: Path, capsys: pytest.CaptureFixture):
    index = str(tmp_path / "index")
    assert main(["api-key", "create", "open-webui", "--index", index]) == 0
    out, err = capsys.readouterr()
    key = out.strip()
    assert key.startswith(PREFIX) and "only time" in err and str(tmp_path / "api-keys.json") in err
    assert KeyStore(Settings(index=tmp_path / "index")).verify(key) == "open-webui"

    assert main(["api-key", "list", "--index", index]) == 0
    listed = capsys.readouterr().out
    assert "open-webui" in listed and key not in listed and key[:8] in listed

    assert main(["api-key", "create", "open-webui", "--index", index]) == 1
    assert "exists already" in capsys.readouterr().err

    assert main(["api-key", "create", "worker", "--env", "--index", index]) == 0
    out, err = capsys.readouterr()
    assert f"PLANWIJZER_API_KEYS='worker={hash_key(out.strip())}'" in err

    assert main(["api-key", "revoke", "open-webui", "--index", index]) == 0
    assert KeyStore(Settings(index=tmp_path / "index")).verify(key) is None
    capsys.readouterr()
    assert main(["api-key", "list", "--index", index]) == 0
    assert "No API keys" in capsys.readouterr().out
    assert main(["api-key", "revoke", "open-webui", "--index", index]) == 1


# --------------------------------------------------------------------------- keys carry groups


def test_a_key_reads_as_its_groups(key_settings: Settings):
    store = KeyStore(key_settings)
    council, stored = store.create("raadsapp", groups=["Council", "staff", "public"])
    public, _ = store.create("open-webui")
    assert stored.groups == ("council", "staff")  # lower-cased, sorted; every key reads public documents anyway
    assert store.reader(council) == Reader("raadsapp", frozenset({"council", "staff"}))
    assert store.reader(public) == Reader("open-webui", frozenset())
    assert store.reader(council + "x") is None and store.reader("") is None and store.reader(None) is None
    assert store.verify(council) == "raadsapp"
    with pytest.raises(KeyError_, match="not a group name"):
        store.create("kapot", groups=["raad/besloten"])


def test_key_groups_round_trip_through_the_key_file(key_settings: Settings):
    key, _ = KeyStore(key_settings).create("raadsapp", groups="council")
    rows = json.loads(key_file(key_settings).read_text(encoding="utf-8"))["keys"]
    assert rows[0]["groups"] == ["council"]
    assert KeyStore(key_settings).reader(key) == Reader("raadsapp", frozenset({"council"}))


def test_a_key_file_from_before_groups_still_loads(key_settings: Settings):
    key = "pwk_" + "x" * 43
    path = key_file(key_settings)
    path.parent.mkdir(parents=True)
    old = {"keys": [{"name": "claude", "hash": hash_key(key), "hint": "pwk_xxxx…", "created": "2024-05-01T10:00:00Z"}]}
    path.write_text(json.dumps(old), encoding="utf-8")
    store = KeyStore(key_settings)
    assert store.verify(key) == "claude" and store.reader(key) == Reader("claude", frozenset())
    assert store.keys()[0].groups == ()
    store.create("nieuw", groups="staff")  # rewriting the file keeps the old key, now with an empty groups list
    assert json.loads(path.read_text(encoding="utf-8"))["keys"][0]["groups"] == []
    assert KeyStore(key_settings).verify(key) == "claude"


def test_key_groups_in_the_settings(key_settings: Settings):
    key, stored = KeyStore(key_settings).create("worker", groups=["staff", "council"], store=False)
    assert stored.env_entry() == f"worker[council+staff]={stored.hash}"
    plain = f"sha256:{'ab' * 32}"
    configured = key_settings.replace(api_keys=f"{stored.env_entry()}, old={plain}, [council]={plain}")
    store = KeyStore(configured)
    assert store.reader(key) == Reader("worker", frozenset({"council", "staff"}))
    assert [(k.name, k.groups) for k in store.keys()] == [
        ("worker", ("council", "staff")),
        ("old", ()),
        ("key-3", ("council",)),
    ]
    for bad in [f"worker[raad/x]={plain}", f"worker[council={plain}", f"a]b={plain}"]:
        with pytest.raises(KeyError_, match="PLANWIJZER_API_KEYS entry 1"):
            KeyStore(key_settings.replace(api_keys=bad))


def test_cli_keys_with_groups(tmp_path: Path, capsys: pytest.CaptureFixture):
    index = str(tmp_path / "index")
    assert main(["api-key", "create", "raadsapp", "--group", "council", "--group", "staff", "--index", index]) == 0
    key = capsys.readouterr().out.strip()
    assert KeyStore(Settings(index=tmp_path / "index")).reader(key).groups == {"council", "staff"}
    assert main(["api-key", "create", "open-webui", "--index", index]) == 0
    capsys.readouterr()
    assert main(["api-key", "list", "--index", index]) == 0
    rows = [line.split()[:2] for line in capsys.readouterr().out.splitlines()]
    assert rows == [["raadsapp", "council,staff"], ["open-webui", "public"]]
    assert main(["api-key", "create", "worker", "--group", "council", "--env", "--index", index]) == 0
    out, err = capsys.readouterr()
    assert f"PLANWIJZER_API_KEYS='worker[council]={hash_key(out.strip())}'" in err
    assert main(["api-key", "create", "kapot", "--group", "raad/x", "--index", index]) == 1
    assert "not a group name" in capsys.readouterr().err
