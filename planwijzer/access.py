"""Who may read what: a document's access label, a reader's groups, and the folder rules of ``access.toml``.

A document's **access label** is ``public`` (the default) or the groups that may read it: ``staff``, ``council``, or
any named groups (``council,finance``), written in the front matter (``access: council`` or ``access: [council,
finance]``) or by a folder rule in ``access.toml`` at the root of an ingested folder::

    "besloten/**" = "council"
    "notes/*.md" = ["staff", "council"]

Front matter wins over the rules; among the rules, a later one that matches wins over an earlier one. Labels are
groups, not a ladder: a council member who may also read staff notes is in both groups.

A **reader** is who asks: anonymous readers have no groups and read ``public`` documents only. Every surface turns
its caller into a :class:`Reader` (the web app from the trusted proxy's headers or the login session, the API and MCP
from the API key's groups, the CLI from ``--group``) and reads the index through :meth:`Reader.may_read`.

Standard library only: ingest, assistant and ui all use it.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

PUBLIC = "public"
"""The label of a document everyone may read (and of every document that names no other)."""

ADMIN_GROUP = "admin"
"""Readers in this group may upload, delete and relabel documents in the web app."""

RULES_FILE = "access.toml"
"""The folder rules' file at the root of an ingested folder."""

_GROUP = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")


class AccessError(ValueError):
    """An access label or rule that cannot be read; the message names the value and what is allowed."""


def group_names(value: object, where: str = "access") -> frozenset[str]:
    """The group names in ``value``: a string (``"council"``, ``"staff, council"``) or a list of strings, lower-cased.

    Raises :class:`AccessError` (naming ``where``) for anything else or a name with other characters than letters,
    digits, ``_``, ``.`` and ``-``."""
    if value is None:
        return frozenset()
    if isinstance(value, str):
        items: Iterable[object] = re.split(r"[,;\s]+", value)
    elif isinstance(value, (list, tuple, set, frozenset)):
        items = value
    else:
        raise AccessError(f"{where}: expected a group name or a list of group names, got {value!r}")
    names = set()
    for item in items:
        if not isinstance(item, str):
            raise AccessError(f"{where}: expected a group name, got {item!r}")
        name = item.strip().lower()
        if not name:
            continue
        if not _GROUP.match(name):
            raise AccessError(
                f"{where}: {item!r} is not a group name (letters, digits, '_', '.', '-'; e.g. public, staff, council)"
            )
        names.add(name)
    return frozenset(names)


def label(value: object, where: str = "access") -> str:
    """The canonical access label of ``value`` (see :func:`group_names`): ``public`` when it is empty or names
    ``public``, else the group names sorted and comma-joined (``"council,staff"``)."""
    names = group_names(value, where)
    if not names or PUBLIC in names:
        return PUBLIC
    return ",".join(sorted(names))


def label_groups(access_label: str | None) -> frozenset[str]:
    """The groups of a canonical label (empty for ``public`` or a missing label: everyone may read)."""
    if not access_label or access_label == PUBLIC:
        return frozenset()
    return frozenset(access_label.split(","))


@dataclass(frozen=True)
class Reader:
    """Who reads: ``name`` (None = anonymous) and ``groups``. ``unrestricted`` readers (the operator's own tools:
    ``eval``, ``bench``, ingest checks) read everything."""

    name: str | None = None
    groups: frozenset[str] = frozenset()
    unrestricted: bool = False

    def may_read(self, access_label: str | None) -> bool:
        """True when this reader may read a document labelled ``access_label`` (missing = ``public``)."""
        wanted = label_groups(access_label)
        return self.unrestricted or not wanted or bool(wanted & self.groups)

    @property
    def is_admin(self) -> bool:
        """True for readers in the admin group."""
        return self.unrestricted or ADMIN_GROUP in self.groups

    def describe(self) -> str:
        """``name (group, group)`` for logs and the interface; ``anonymous`` without a name."""
        who = self.name or ("everything" if self.unrestricted else "anonymous")
        return f"{who} ({', '.join(sorted(self.groups))})" if self.groups else who


ANONYMOUS = Reader()
"""A reader without groups: public documents only."""

EVERYTHING = Reader(unrestricted=True)
"""The operator's tools (evaluation, benchmarks): every document."""


def reader(name: str | None, groups: object) -> Reader:
    """A :class:`Reader` named ``name`` in ``groups`` (see :func:`group_names`)."""
    return Reader(name or None, group_names(groups, "groups") - {PUBLIC})


# --------------------------------------------------------------------------- folder rules


def _glob_regex(pattern: str) -> re.Pattern[str]:
    """A path glob as a regex over POSIX paths: ``**`` any number of folders, ``*`` and ``?`` within one name."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


@dataclass(frozen=True)
class AccessRules:
    """The folder rules of one ingested folder: ``(glob, label)`` pairs in file order (later ones win)."""

    rules: tuple[tuple[str, str], ...] = ()
    source: str = ""

    def label_for(self, doc_id: str) -> str | None:
        """The label of the last rule whose glob matches ``doc_id`` (a path below the folder), None if none does.
        A glob that names a folder (``besloten``, ``besloten/``) covers everything below it."""
        found = None
        for glob, access_label in self.rules:
            pattern = glob.strip("/")
            if _glob_regex(pattern).match(doc_id) or doc_id.startswith(pattern + "/"):
                found = access_label
        return found


def read_rules(folder: Path) -> AccessRules:
    """The rules in ``folder/access.toml`` (none when the file is absent). Raises :class:`AccessError` naming the
    file when it is not TOML or a value is not a label."""
    path = Path(folder) / RULES_FILE
    if not path.is_file():
        return AccessRules()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise AccessError(
            f'{path}: cannot read the access rules ({exc}); write lines such as "besloten/**" = "council"'
        ) from exc
    rules = []
    for glob, value in data.items():
        if isinstance(value, dict):
            raise AccessError(f'{path}: [{glob}] is a table; write "{glob}/**" = "council" lines at the top level')
        rules.append((str(glob), label(value, f'{path}: "{glob}"')))
    return AccessRules(tuple(rules), str(path))


def set_rule(folder: Path, glob: str, access_label: str) -> Path:
    """Give ``glob`` the label ``access_label`` in ``folder/access.toml``, keeping the other rules: a rule
    ``"glob" = "label"`` replaces any rule for the same glob; ``public`` just drops it (and the file, when no rule is
    left). Written atomically; returns the file's path. Used for uploads: each stored file gets the level it was
    uploaded with."""
    path = Path(folder) / RULES_FILE
    rules = [(g, lab) for g, lab in read_rules(folder).rules if g != glob]
    wanted = label(access_label)
    if wanted != PUBLIC:
        rules.append((glob, wanted))
    if not rules:
        path.unlink(missing_ok=True)
        return path
    text = "".join(f"{json.dumps(g)} = {json.dumps(lab)}\n" for g, lab in rules)  # JSON strings are TOML strings
    tmp = path.with_name(f".{RULES_FILE}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return path


def document_label(front_matter: object, rules: AccessRules, doc_id: str) -> str:
    """A document's label: its front matter's ``access`` when given (it wins), else the folder rules', else public."""
    if front_matter is not None and front_matter != "":
        return label(front_matter, f"{doc_id}: access")
    return rules.label_for(doc_id) or PUBLIC


def readable_labels(labels: Iterable[str], who: Reader) -> frozenset[str]:
    """The labels among ``labels`` that ``who`` may read."""
    return frozenset(lab for lab in labels if who.may_read(lab))
