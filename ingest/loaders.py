"""Turn one file (PDF, HTML, DOCX, Markdown, plain text) into a :class:`LoadedDocument`.

:func:`load_document` checks the file (type, size, readability), hands its bytes to one small
function per format, and fills the metadata: front matter first, then what the text reveals.
Every failure is a :class:`LoadError` that names the file, says why and, where there is one, the fix.
Hostile input is expected: every pattern runs in linear time on megabyte-long lines, deeply nested HTML
is parsed without recursion limits, and a file that vanishes or a looping symlink is a reason, not a crash.
"""

from __future__ import annotations

import errno
import io
import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from planwijzer.ingest.document import METADATA_FIELDS, Block, LoadedDocument, LoadError
from planwijzer.ingest.language import detect_language
from planwijzer.ingest.metadata import MONTH_NUMBERS, detect_date, guess_title, normalise_date, parse_front_matter

SUPPORTED_SUFFIXES = (".pdf", ".html", ".htm", ".docx", ".md", ".markdown", ".txt")
_MB = 1024 * 1024
MAX_LABEL_CHARS = 300
"""Titles and headings go into the metadata and the embedding text of every chunk: a longer title is cut, and a
longer "heading" (a ``#`` line, an HTML ``<h1>``, a Word heading paragraph) is read as body text."""
BINARY = "binary data, not text; give the file its real extension or remove it"
EMPTY = "empty file (0 bytes); add text or remove it"

Meta = dict[str, str | None]

# --------------------------------------------------------------------------- text clean-up

_COOKIE_PHRASES = (
    "deze website maakt gebruik van cookies",
    "deze site maakt gebruik van cookies",
    "deze website gebruikt cookies",
    "wij gebruiken cookies",
    "we gebruiken cookies",
    "this website uses cookies",
    "this site uses cookies",
    "we use cookies",
    "cookie-instellingen",
    "cookie settings",
    "accept cookies",
    "cookies accepteren",
)
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HYPHEN_BREAK = re.compile(r"([a-zà-öø-ÿ])-\n([a-zà-öø-ÿ])")
# Every pattern here runs on whole lines, and a line may be a megabyte long: each must work in linear time.
# (``\s*#*\s*$`` after a lazy group, or ``[^\]]*`` restarting at every ``[``, took minutes on long lines.)
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_MD_IMAGE = re.compile(r"!\[[^\[\]]*\]\((?:[^()]|\([^()]*\))*\)")
_MD_LINK = re.compile(r"\[([^\[\]]+)\]\((?:[^()]|\([^()]*\))*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_MD_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$|^\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$")


def is_cookie_banner(paragraph: str) -> bool:
    """True for a short paragraph that is a cookie notice ("Deze website maakt gebruik van cookies...")."""
    lowered = paragraph.lower()
    return len(paragraph) < 300 and any(phrase in lowered for phrase in _COOKIE_PHRASES)


def clean_text(text: str, dehyphenate: bool = False) -> str:
    """Normalise whitespace: one space between words, lines trimmed, paragraphs split by ``\\n\\n``.

    Drops invisible characters (soft hyphens, zero-width spaces), control characters and cookie
    notices. With ``dehyphenate`` (PDF), joins ``educa-\\ntion`` into ``education``.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_INVISIBLE)
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    if dehyphenate:
        text = _HYPHEN_BREAK.sub(r"\1\2", text)
    paragraphs = (p.strip() for p in re.split(r"\n{2,}", text))
    return "\n\n".join(p for p in paragraphs if p and not is_cookie_banner(p))


_ITEM = re.compile(r"^\s*(?:[-*+•▪■]|\d{1,3}[.)])\s")
"""A list item's line ("- …", "■ …", "3. …")."""
_BLOCK_LINE = re.compile(rf"{_ITEM.pattern}|^\s*(?:[a-z][.)]\s|\||>|```|~~~)")
"""A line that is a block of its own in Markdown: a list item (also "a) …"), a table row, a quote or a code fence."""
WRAP_SHARE = 0.5
"""A paragraph is hard-wrapped when every line but its last is at least this share of its longest line."""
WRAP_WIDTH = 50
"""… and its longest line has at least this many characters (short lines are a letter's header, an address)."""


_GOES_ON = re.compile(r"^(?:[^\W\d_](?<=[a-zß-ÿ])|\d[\d.,]*\s+(?!(?:" + "|".join(MONTH_NUMBERS) + r")\b)[a-zß-ÿ])")
"""A line that goes on with a sentence: it opens with a lower-case letter, or with a number and a lower-case word
("2025 vast, waarna …"; not "12 april 2018", a date line)."""


def _breaks_sentence(line: str, after: str) -> bool:
    """Whether the break between ``line`` and the line ``after`` it falls inside a sentence: ``line`` ends without a
    full stop, colon, quote or the like and ``after`` goes on with it (:data:`_GOES_ON`)."""
    return not line.rstrip().endswith((".", "!", "?", ":", ";", '"', "”", "’", "'", ")")) and bool(
        _GOES_ON.match(after)
    )


_INDENTED = re.compile(r"^(?: {2,}|\t)(?=\S)")


def continued(lines: list[str]) -> list[str]:
    """``lines`` with each indented line that goes on with the list item above it joined to that item ("- De
    gemeenteraad heeft … het bestemmingsplan" and "  Esdoornterrein vastgesteld."), as Markdown reads a list item's
    continuation; a nested item stays a line of its own."""
    out: list[str] = []
    in_item = False
    for line in lines:
        if in_item and _INDENTED.match(line) and not _ITEM.match(line):
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
            continue
        in_item = bool(_ITEM.match(line)) or (in_item and bool(_INDENTED.match(line)))
        out.append(line)
    return out


def unwrap(text: str) -> str:
    """``text`` (paragraphs split by ``\\n\\n``) with each hard-wrapped paragraph on one line: its line breaks are
    soft ones, as Markdown reads them, where an editor wrapped the text ("stelde het College van Bestuur de begroting
    \\n2025 vast"). A paragraph is hard-wrapped when it has no list item, table row, quote or code, its lines but the
    last are about as long as its longest (:data:`WRAP_SHARE`, :data:`WRAP_WIDTH`) and at least one line break falls
    inside a sentence (:func:`_breaks_sentence`)."""
    out = []
    for paragraph in text.split("\n\n"):
        lines = paragraph.split("\n")
        width = max(len(line) for line in lines)
        wrapped = (
            len(lines) > 1
            and width >= WRAP_WIDTH
            and not any(_BLOCK_LINE.match(line) for line in lines)
            and all(len(line) >= WRAP_SHARE * width for line in lines[:-1])
            and any(_breaks_sentence(line, after) for line, after in zip(lines, lines[1:], strict=False))
        )
        out.append(" ".join(lines) if wrapped else paragraph)
    return "\n\n".join(out)


def _clean_title(title: object) -> str | None:
    text = " ".join(str(title or "").split())
    if len(text) > MAX_LABEL_CHARS:
        text = text[: MAX_LABEL_CHARS - 1].rsplit(" ", 1)[0] + "…"
    return text or None


# --------------------------------------------------------------------------- shared helpers


def _decode_text(path: Path, data: bytes) -> str:
    """Bytes of a text file as str: UTF-8 (or UTF-16 with a BOM), else cp1252; binary data is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if b"\x00" in data[:8192]:
        raise LoadError(path, BINARY)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    sample = text[:8192]
    odd = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f") or ch == "\ufffd")
    if sample and odd / len(sample) > 0.05:
        raise LoadError(path, BINARY)
    return text


def _markdown_blocks(text: str, plain_headings: bool) -> list[Block]:
    """Split Markdown at ``#`` headings into Blocks (heading text goes to ``Block.heading``).

    With ``plain_headings`` and no ``#`` heading anywhere, :func:`_plain_blocks` decides instead.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if plain_headings and not any(_heading(line) is not None for line in lines):
        return _plain_blocks(text)
    blocks: list[Block] = []
    heading: str | None = None
    open_levels: list[tuple[int, str]] = []  # the headings in force, by level, outermost first
    body: list[str] = []

    def flush() -> None:
        cleaned = unwrap(clean_text("\n".join(continued(body))))
        if cleaned:
            outline = tuple(h for _, h in open_levels[:-1] if h != heading)
            blocks.append(Block(cleaned, heading=heading, outline=outline))
        body.clear()

    for line in lines:
        text = _heading(line)
        if text is not None:
            flush()
            heading = _strip_inline_markdown(text).strip() or heading
            level = len(_MD_HEADING.match(line).group(1))
            open_levels = [(lv, h) for lv, h in open_levels if lv < level] + [(level, heading)]
            continue
        if _MD_RULE.match(line):
            continue
        body.append(_strip_inline_markdown(line))
    flush()
    return blocks


def _heading(line: str) -> str | None:
    """The text of a ``#`` heading line (closing hashes dropped: ``## Plan ##`` -> ``Plan``; spaces collapsed),
    or None: not a heading, or one longer than :data:`MAX_LABEL_CHARS` (that is body text)."""
    match = _MD_HEADING.match(line)
    if not match:
        return None
    text = " ".join(match.group(2).rstrip().rstrip("#").split())
    return text if len(text) <= MAX_LABEL_CHARS else None


def _strip_inline_markdown(line: str) -> str:
    line = _MD_IMAGE.sub("", line)
    line = _MD_LINK.sub(r"\1", line)
    return _MD_EMPHASIS.sub(r"\2", line)


def _looks_like_heading(paragraph: str, following: str | None) -> bool:
    """A plain-text heading: one short line without closing punctuation, before a longer paragraph.

    The paragraph after it must start with a capital: a lower-case start means a broken sentence.
    """
    return (
        following is not None
        and "\n" not in paragraph
        and len(paragraph) < 80
        and paragraph[:1].isupper()
        and not paragraph.endswith((".", ",", ";", ":", "!", "?", ")"))
        and "..." not in paragraph
        and len(following) >= 80
        and len(following) > 2 * len(paragraph)
        and _first_letter(following).isupper()
    )


def _first_letter(text: str) -> str:
    """The first letter of ``text`` (skipping bullets, digits, quotes), or "" when there is none."""
    return next((ch for ch in text if ch.isalpha()), "")


def _plain_blocks(text: str) -> list[Block]:
    """Split plain text into Blocks at heading-like lines (see :func:`_looks_like_heading`)."""
    paragraphs = unwrap(clean_text(text)).split("\n\n")
    paragraphs = [p for p in paragraphs if p]
    blocks: list[Block] = []
    heading: str | None = None
    body: list[str] = []
    for i, paragraph in enumerate(paragraphs):
        following = paragraphs[i + 1] if i + 1 < len(paragraphs) else None
        if _looks_like_heading(paragraph, following):
            if body:
                blocks.append(Block("\n\n".join(body), heading=heading))
                body = []
            heading = paragraph
        else:
            body.append(paragraph)
    if body:
        blocks.append(Block("\n\n".join(body), heading=heading))
    return blocks


# --------------------------------------------------------------------------- formats


@contextmanager
def _quiet(logger_name: str) -> Iterator[None]:
    """Silence a library's warnings (pypdf logs every oddity of a damaged file) while parsing."""
    logger = logging.getLogger(logger_name)
    level = logger.level
    logger.setLevel(logging.ERROR + 1)
    try:
        yield
    finally:
        logger.setLevel(level)


def _load_pdf(path: Path, data: bytes) -> tuple[list[Block], Meta]:
    """One Block per page with text (``page`` is 1-based); title from the PDF's /Title when meaningful."""
    from pypdf import PdfReader

    with _quiet("pypdf"):
        try:
            reader = PdfReader(io.BytesIO(data))
        except Exception as exc:  # pypdf raises many types for damaged files
            raise LoadError(path, f"not a readable PDF ({exc or type(exc).__name__}); repair or re-export it") from exc
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except Exception:  # e.g. AES without the cryptography package
                opened = 0
            if not opened:
                raise LoadError(path, "encrypted PDF; decrypt it first")
        blocks: list[Block] = []
        try:
            for number, page in enumerate(reader.pages, start=1):
                text = clean_text(page.extract_text() or "", dehyphenate=True)
                if text:
                    blocks.append(Block(text, page=number))
            raw_title = reader.metadata.title if reader.metadata else None
        except LoadError:
            raise
        except Exception as exc:
            raise LoadError(path, f"not a readable PDF ({exc or type(exc).__name__}); repair or re-export it") from exc
    if not blocks:
        raise LoadError(path, "no text layer; OCR not available")
    title = _clean_title(raw_title)
    if title and (
        title.lower() in {"untitled", "title", "document"}
        or title.lower().startswith("microsoft word")
        or title.lower().endswith((".doc", ".docx", ".pdf", ".indd"))
    ):
        title = None
    return blocks, {"title": title}


def _trafilatura_markdown(html: str) -> str | None:
    """Main text of a page as Markdown via trafilatura, or None when it finds nothing or is unavailable."""
    try:
        import trafilatura
    except ImportError:  # e.g. lxml without lxml_html_clean: fall back to BeautifulSoup
        return None
    try:
        with _quiet("trafilatura"):
            result = trafilatura.extract(
                html,
                output_format="markdown",
                include_comments=False,
                include_tables=True,
                include_links=False,
                include_images=False,
                favor_recall=True,
            )
    except Exception:
        return None
    return result if result and result.strip() else None


_FURNITURE = [
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "svg",
    "nav",
    "aside",
    "header",
    "footer",
    "form",
]
_COOKIE_ATTR = re.compile("cookie|consent", re.I)


def _strip_furniture(soup: BeautifulSoup) -> None:
    """Remove scripts, styles, menus, cookie notices and page headers/footers from ``soup`` in place.

    Headers and footers inside ``<main>``/``<article>`` belong to the text and stay; so does a
    ``<form>`` that wraps the whole page (as ASP.NET pages do).
    """
    for tag in soup.find_all(_FURNITURE):
        if tag.decomposed:
            continue
        if tag.name in ("header", "footer") and tag.find_parent(["main", "article"]):
            continue
        if tag.name == "form" and tag.find(["main", "article", "h1", "h2"]):
            continue
        tag.decompose()
    for tag in soup.find_all(attrs={"id": _COOKIE_ATTR}) + soup.find_all(attrs={"class": _COOKIE_ATTR}):
        if not tag.decomposed and tag.name not in ("html", "body", "main", "article"):
            tag.decompose()


def _soup_blocks(soup: BeautifulSoup) -> list[Block]:
    """Fallback HTML extraction from an already stripped page: block elements, split at h1-h4."""
    root = soup.find("main") or soup.body or soup
    lines: list[str] = []
    for element in root.find_all(["h1", "h2", "h3", "h4", "p", "li", "td", "th", "pre", "blockquote", "dd", "dt"]):
        if element.find_parent(["p", "li", "td", "th", "pre", "blockquote"]):
            continue  # its text is part of the enclosing element
        text = " ".join(element.get_text(" ").split())
        if not text:
            continue
        if element.name in ("h1", "h2", "h3", "h4"):
            lines.append(f"\n{'#' * int(element.name[1])} {text}\n")
        else:
            lines.append(text + "\n")
    if not lines:  # no block elements at all: take the bare text
        return _plain_blocks(root.get_text("\n"))
    return _markdown_blocks("\n".join(lines), plain_headings=False)


def _load_html(path: Path, data: bytes) -> tuple[list[Block], Meta]:
    """Main text of an HTML page (trafilatura, else BeautifulSoup), split at headings.

    Page furniture is stripped before either extractor sees the page, so a page that is only
    menus and scripts yields no text rather than its menu.
    """
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError(path, BINARY)
    soup = BeautifulSoup(data, "html.parser")
    title = _clean_title(soup.title.get_text()) if soup.title else None
    if not title:
        h1 = soup.find("h1")
        title = _clean_title(h1.get_text(" ")) if h1 else None
    html_tag = soup.find("html")
    lang = str(html_tag.get("lang") or "").strip().lower()[:2] if html_tag else ""
    _strip_furniture(soup)
    markdown = _trafilatura_markdown(str(soup)) if soup.get_text().strip() else None
    blocks = _markdown_blocks(markdown, plain_headings=False) if markdown else _soup_blocks(soup)
    meta: Meta = {"title": title}
    if lang in ("nl", "en"):
        meta["language"] = lang
    return blocks, meta


def _load_docx(path: Path, data: bytes) -> tuple[list[Block], Meta]:
    """Paragraphs and tables of a Word file, split at Heading/Kop/Title styles."""
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise LoadError(path, f"not a readable DOCX file ({exc or type(exc).__name__})") from exc
    blocks: list[Block] = []
    heading: str | None = None
    first_heading: str | None = None
    body: list[str] = []

    def flush() -> None:
        text = clean_text("\n\n".join(body))
        if text:
            blocks.append(Block(text, heading=heading))
        body.clear()

    for item in document.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                cells = [" ".join(cell.text.split()) for cell in row.cells]
                unique = [c for i, c in enumerate(cells) if c and (i == 0 or c != cells[i - 1])]
                if unique:
                    body.append(" | ".join(unique))
            continue
        text = item.text.strip()
        if not text:
            continue
        style = (item.style.name if item.style is not None else "") or ""
        if style.startswith(("Heading", "Kop", "Title", "Titel")) and len(text) <= MAX_LABEL_CHARS:
            flush()
            heading = " ".join(text.split())
            first_heading = first_heading or heading
        else:
            body.append(text)
    flush()
    title = _clean_title(document.core_properties.title) or first_heading
    return blocks, {"title": title}


def _load_markdown(path: Path, data: bytes) -> tuple[list[Block], Meta]:
    """Markdown or plain text with optional YAML front matter; split at ``#`` or heading-like lines."""
    text = _decode_text(path, data)
    try:
        meta, body = parse_front_matter(text, path)
    except LoadError as exc:
        raise _front_matter_error(path, exc) from exc
    return _markdown_blocks(body, plain_headings=True), meta


def _front_matter_error(path: Path, exc: LoadError) -> LoadError:
    """The front-matter error with the YAML problem at its line in the file (PyYAML counts from the first
    line after ``---``, and quotes the text as "<unicode string>").

    Invalid front matter refuses the whole file rather than indexing the body without it: its title, date
    and type would otherwise be guessed, and filters and citations would quietly be wrong.
    """
    cause = exc.__cause__
    if not isinstance(cause, yaml.MarkedYAMLError) or cause.problem_mark is None:
        return exc
    line = cause.problem_mark.line + 2
    what = " ".join(f"{cause.problem or 'invalid syntax'}".split())
    context = f" ({' '.join(cause.context.split())})" if cause.context else ""
    return LoadError(path, f"front matter is not valid YAML at line {line}: {what}{context}; fix the YAML or remove it")


_LOADERS: dict[str, Callable[[Path, bytes], tuple[list[Block], Meta]]] = {
    ".pdf": _load_pdf,
    ".html": _load_html,
    ".htm": _load_html,
    ".docx": _load_docx,
    ".md": _load_markdown,
    ".markdown": _load_markdown,
    ".txt": _load_markdown,
}


# --------------------------------------------------------------------------- entry point


def os_error_reason(path: Path, exc: OSError) -> str:
    """Why ``path`` cannot be read, with the fix: it vanished during the run, is a broken or looping symbolic
    link, or the operating system refuses (permissions)."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop; point the link at a real file or remove it"
    if isinstance(exc, FileNotFoundError):
        if Path(path).is_symlink():
            return "broken symbolic link (its target does not exist); fix or remove the link"
        return "file disappeared (moved or deleted while the ingest ran); run the ingest again"
    return f"cannot read file: {exc.strerror or exc}"


def load_document(path: Path, max_bytes: int | None = None) -> LoadedDocument:
    """Load one file into Blocks and metadata, or raise :class:`LoadError` saying why not.

    Refused: unsupported suffixes, unreadable paths, empty files, files over ``max_bytes``,
    and files without extractable text. ``meta`` gets every key of ``METADATA_FIELDS``: values
    from front matter (Markdown/TXT) or the file itself (PDF /Title, HTML ``<title>``/``lang``,
    DOCX core properties) win; the rest is detected (title from the text or the file name,
    language from the text, date from the file name or the text) or None.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in _LOADERS:
        shown = f"'{suffix}'" if suffix else "without an extension"
        raise LoadError(path, f"unsupported file type {shown} (supported: {', '.join(SUPPORTED_SUFFIXES)})")
    try:
        if path.is_dir():
            raise LoadError(path, "is a directory, not a file")
        size = path.stat().st_size
        if size == 0:
            raise LoadError(path, EMPTY)
        if max_bytes is not None and size > max_bytes:
            raise LoadError(
                path,
                f"file is {size / _MB:.1f} MB, over the limit of {max_bytes / _MB:g} MB (PLANWIJZER_MAX_FILE_MB)",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(path, os_error_reason(path, exc)) from exc
    if not data:
        raise LoadError(path, EMPTY)

    blocks, found = _LOADERS[suffix](path, data)
    blocks = [block for block in blocks if block.text.strip()]
    if not blocks:
        raise LoadError(path, "no text found")
    return LoadedDocument(blocks=blocks, meta=_fill_meta(found, blocks, path))


def _fill_meta(found: Meta, blocks: list[Block], path: Path) -> Meta:
    """Every METADATA_FIELDS key: given values first (normalised), then detected ones, else None."""
    meta: Meta = {key: found.get(key) or None for key in METADATA_FIELDS}
    text = "\n\n".join(block.text for block in blocks)
    fallback = " ".join(re.sub(r"[-_]+", " ", path.stem).split()) or path.name
    meta["title"] = _clean_title(meta["title"]) or guess_title(blocks, fallback)
    language = (meta["language"] or "").strip().lower()[:2]
    meta["language"] = language if language in ("nl", "en") else detect_language(text)
    meta["date"] = normalise_date(meta["date"]) or detect_date(text, path.name)
    return meta
