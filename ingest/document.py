"""The shapes that flow from loaders to the chunker: a loaded document is metadata plus text blocks."""

from __future__ import annotations

from dataclasses import dataclass, field

METADATA_FIELDS = ("title", "url", "language", "doc_type", "date", "institution", "access")


@dataclass
class Block:
    """A stretch of clean text from one page (PDF) or one section (HTML, DOCX, Markdown)."""

    text: str
    page: int | None = None
    """1-based page number where the format has pages (PDF), else None."""
    heading: str | None = None
    """The nearest section heading above this text, where known."""
    outline: tuple[str, ...] = ()
    """The headings of the sections that enclose this one, outermost first, where the format nests them (Markdown
    levels: "## Collegevergadering 9 januari 2024" over "### Besluiten")."""


@dataclass
class LoadedDocument:
    """A parsed file: its blocks in reading order and its metadata.

    ``meta`` holds the keys of :data:`METADATA_FIELDS`; values are strings or None.
    ``date`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; ``language`` is ``nl`` or ``en``.
    """

    blocks: list[Block]
    meta: dict[str, str | None] = field(default_factory=dict)


class LoadError(Exception):
    """A file that cannot be indexed. The message names the file and says why (and the fix, if any)."""

    def __init__(self, path: object, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")
