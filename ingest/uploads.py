"""The uploads folder: where documents added through the web app are stored, and the names they get there.

Uploads are stored flat in one folder (``PLANWIJZER_UPLOADS_DIR``, default ``uploads`` next to the index
directory), which is ingested as its own root. The folder must not overlap a folder a web server hands files out
from (the caller names those: this module knows no web server), nor the corpus folder or the index (documents would
be indexed twice). A stored file's name is one flat, visible name of a supported type, whatever the browser sent.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from planwijzer.ingest.loaders import SUPPORTED_SUFFIXES

from planwijzer.config import Settings
from planwijzer.messages import Refusal

MAX_NAME_CHARS = 120
_UNSAFE_CHARS = re.compile(r"[^\w.\-() ]+")


def uploads_root(settings: Settings) -> Path:
    """The uploads folder (absolute): ``PLANWIJZER_UPLOADS_DIR`` or ``uploads`` next to the index directory."""
    root = Path(settings.web.uploads_dir) if settings.web.uploads_dir else Path(settings.index.dir).parent / "uploads"
    return root.expanduser().resolve()


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def prepare_uploads_dir(settings: Settings, served: Iterable[Path] = ()) -> Path:
    """Create the uploads folder after checking it is safe: outside (and not around) every ``served`` folder, and
    neither inside nor around the corpus folder or the index. Returns it; RuntimeError naming the fix if not."""
    root = uploads_root(settings)
    for folder in served:
        folder = Path(folder).expanduser().resolve()
        if _inside(root, folder) or _inside(folder, root):
            raise RuntimeError(
                f"PLANWIJZER_UPLOADS_DIR={root} overlaps {folder}, a folder the web server serves files from; "
                "set PLANWIJZER_UPLOADS_DIR to a private folder elsewhere"
            )
    for name, other in (("corpus", Path(settings.index.corpus)), ("index", Path(settings.index.dir))):
        other = other.expanduser().resolve()
        if _inside(root, other) or _inside(other, root):
            raise RuntimeError(
                f"PLANWIJZER_UPLOADS_DIR={root} overlaps the {name} folder {other}; "
                "set PLANWIJZER_UPLOADS_DIR to a folder of its own (default: `uploads` next to the index)"
            )
    root.mkdir(parents=True, exist_ok=True)
    return root


def safe_filename(name: str) -> str:
    """A safe, flat file name for an upload, or :class:`~planwijzer.messages.Refusal` (``err_name``, ``err_type``).

    Keeps only the last path component (``/`` and ``\\`` both separate), drops control characters (NUL too),
    replaces anything but letters, digits, ``_ . - ( )`` and spaces with ``_``, strips leading dots (no hidden files)
    and trailing dots/spaces, shortens long names and lower-cases the suffix, which must be a supported type.
    """
    text = unicodedata.normalize("NFC", str(name or ""))
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")
    text = re.split(r"[\\/]", text)[-1]
    text = _UNSAFE_CHARS.sub("_", text)
    text = re.sub(r"\s+", " ", text).strip(" .")
    if not text:
        raise Refusal("err_name")
    stem, dot, suffix = text.rpartition(".")
    if not dot:
        stem, suffix = text, ""
    suffix = f".{suffix.lower()}" if dot else ""
    if suffix not in SUPPORTED_SUFFIXES:
        raise Refusal("err_type", suffix=suffix or "(none)", allowed=", ".join(SUPPORTED_SUFFIXES))
    stem = stem.strip(" .")[:MAX_NAME_CHARS].strip(" .")
    if not stem.strip("_-"):
        raise Refusal("err_name")
    return stem + suffix
