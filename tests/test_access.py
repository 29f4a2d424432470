"""Access labels, readers and folder rules (planwijzer/access.py): who may read which document."""

from __future__ import annotations

from pathlib import Path

import pytest

from planwijzer.access import (
    ANONYMOUS,
    EVERYTHING,
    PUBLIC,
    AccessError,
    AccessRules,
    document_label,
    label,
    read_rules,
    reader,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, PUBLIC),
        ("", PUBLIC),
        ("public", PUBLIC),
        ("Council", "council"),
        ("staff, council", "council,staff"),
        (["council", "staff", "council"], "council,staff"),
        (["public", "council"], PUBLIC),  # public to anyone means public
        ("council finance", "council,finance"),
    ],
)
def test_a_label_is_public_or_the_sorted_groups_that_may_read(value, expected) -> None:
    assert label(value) == expected


@pytest.mark.parametrize("value", ["raad/bestuur", ["council", 3], {"council": True}, "ráad"])
def test_a_label_that_is_not_group_names_is_refused_with_the_value_named(value) -> None:
    with pytest.raises(AccessError, match="doc.md: access"):
        label(value, "doc.md: access")


@pytest.mark.parametrize(
    ("who", "readable"),
    [
        (ANONYMOUS, {PUBLIC}),
        (reader("ada", "student"), {PUBLIC}),
        (reader("bob", "staff"), {PUBLIC, "staff", "council,staff"}),
        (reader("cas", "council"), {PUBLIC, "council", "council,staff"}),
        (reader("dee", ["staff", "council"]), {PUBLIC, "staff", "council", "council,staff"}),
        (EVERYTHING, {PUBLIC, "staff", "council", "council,staff"}),
    ],
)
def test_a_reader_reads_public_documents_and_those_labelled_with_one_of_their_groups(who, readable) -> None:
    labels = {PUBLIC, "staff", "council", "council,staff"}
    assert {lab for lab in labels if who.may_read(lab)} == readable
    assert who.may_read(None)  # a document without a label is public


def test_only_the_admin_group_administers() -> None:
    assert reader("root", ["admin"]).is_admin
    assert not reader("cas", "council").is_admin
    assert not ANONYMOUS.is_admin


def test_folder_rules_match_paths_below_the_folder_and_later_rules_win(tmp_path: Path) -> None:
    (tmp_path / "access.toml").write_text(
        '"besloten/**" = "council"\n"besloten/open/*.md" = "public"\n"notes/*.md" = ["staff", "council"]\n',
        encoding="utf-8",
    )
    rules = read_rules(tmp_path)
    assert rules.label_for("besloten/2024/notulen.pdf") == "council"
    assert rules.label_for("besloten/open/agenda.md") == PUBLIC
    assert rules.label_for("notes/a.md") == "council,staff"
    assert rules.label_for("notes/deeper/a.md") is None  # * stays within one folder
    assert rules.label_for("plan.md") is None


def test_front_matter_wins_over_the_folder_rules() -> None:
    rules = AccessRules((("besloten/**", "council"),))
    assert document_label("staff", rules, "besloten/x.md") == "staff"
    assert document_label(None, rules, "besloten/x.md") == "council"
    assert document_label(None, rules, "open.md") == PUBLIC


def test_no_rules_file_means_no_rules_and_a_broken_one_is_named(tmp_path: Path) -> None:
    assert read_rules(tmp_path) == AccessRules()
    (tmp_path / "access.toml").write_text('"besloten/**" = council\n', encoding="utf-8")
    with pytest.raises(AccessError, match="access.toml"):
        read_rules(tmp_path)
    (tmp_path / "access.toml").write_text('"besloten/**" = "raad/bestuur"\n', encoding="utf-8")
    with pytest.raises(AccessError, match="besloten"):
        read_rules(tmp_path)
