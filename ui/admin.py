"""Admin actions of the web app: upload documents (then an incremental ingest) and remove documents from the index.

They exist only when the operator set ``PLANWIJZER_ADMIN_PASSWORD_HASH`` (made with ``planwijzer admin-password``):
without it :func:`build_admin_tab` is never called, so there is no tab and no endpoint. With it, every action
checks the password on the server (scrypt hash, constant-time comparison), whatever the browser shows; a client
gets :data:`AUTH_FAILURES_PER_MINUTE` wrong passwords per minute.

Uploads are stored flat in one folder (``PLANWIJZER_UPLOADS_DIR``, default ``uploads`` next to the index directory),
which is ingested as its own root: a document's id is its (sanitised) file name, and ingesting that folder only
ever removes documents that came from it. A name already used by a document from another folder is refused.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import html
import re
import secrets
import shutil
import tempfile
import threading
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import gradio as gr
from planwijzer.ingest.document import LoadError
from planwijzer.ingest.loaders import SUPPORTED_SUFFIXES, load_document
from planwijzer.ui.i18n import t
from planwijzer.ui.ratelimit import RateLimiter, client_key

from planwijzer.config import Settings

AUTH_FAILURES_PER_MINUTE = 5
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
SCRYPT_MAXMEM = 256 * 1024 * 1024
MAX_NAME_CHARS = 120
_UNSAFE_CHARS = re.compile(r"[^\w.\-() ]+")
_LOCK = threading.Lock()
"""One admin change at a time in this process (ingest and removal both rewrite the manifest)."""


class AdminError(Exception):
    """A refused admin action; ``key`` and ``values`` give the localised message (:func:`ui.i18n.t`)."""

    def __init__(self, key: str, **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(t("en", key, **values))

    def message(self, lang: str) -> str:
        return t(lang, self.key, **self.values)


# --------------------------------------------------------------------------- password


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


def _parse_hash(stored: str) -> tuple[int, int, int, bytes, bytes]:
    """The parts of a :func:`hash_password` value, or ValueError naming the setting and the fix."""
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
    n, r, p, salt, digest = _parse_hash(stored)
    candidate = hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=SCRYPT_MAXMEM, dklen=len(digest)
    )
    return hmac.compare_digest(candidate, digest)


def admin_enabled(settings: Settings) -> bool:
    """True when the operator configured an admin password (the hash is checked for its format here)."""
    if not settings.admin_password_hash.strip():
        return False
    _parse_hash(settings.admin_password_hash)
    return True


# --------------------------------------------------------------------------- upload folder and file names


def uploads_root(settings: Settings) -> Path:
    """The uploads folder (absolute): ``PLANWIJZER_UPLOADS_DIR`` or ``uploads`` next to the index directory."""
    root = Path(settings.uploads_dir) if settings.uploads_dir else Path(settings.index).parent / "uploads"
    return root.expanduser().resolve()


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def served_folders() -> list[Path]:
    """Folders the Gradio server may hand files out from: its upload and cache folders and any static paths."""
    from gradio import utils
    from gradio.data_classes import _StaticFiles  # the folders of gr.set_static_paths

    paths = [utils.get_upload_folder(), str(utils.get_cache_folder()), *_StaticFiles.all_paths]
    return [Path(p).expanduser().resolve() for p in paths]


def check_uploads_dir(settings: Settings, extra_served: list[Path] | None = None) -> Path:
    """Create the uploads folder after checking it is safe: outside every served folder, and neither inside nor
    around the corpus folder or the index (documents would be indexed twice). Returns it; RuntimeError if not."""
    root = uploads_root(settings)
    for served in [*served_folders(), *(Path(p).resolve() for p in extra_served or [])]:
        if _inside(root, served) or _inside(served, root):
            raise RuntimeError(
                f"PLANWIJZER_UPLOADS_DIR={root} overlaps {served}, a folder the web server serves files from; "
                "set PLANWIJZER_UPLOADS_DIR to a private folder elsewhere"
            )
    for name, other in (("corpus", Path(settings.corpus)), ("index", Path(settings.index))):
        other = other.expanduser().resolve()
        if _inside(root, other) or _inside(other, root):
            raise RuntimeError(
                f"PLANWIJZER_UPLOADS_DIR={root} overlaps the {name} folder {other}; "
                "set PLANWIJZER_UPLOADS_DIR to a folder of its own (default: `uploads` next to the index)"
            )
    root.mkdir(parents=True, exist_ok=True)
    return root


def safe_filename(name: str) -> str:
    """A safe, flat file name for an upload, or :class:`AdminError`.

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
        raise AdminError("err_name")
    stem, dot, suffix = text.rpartition(".")
    if not dot:
        stem, suffix = text, ""
    suffix = f".{suffix.lower()}" if dot else ""
    if suffix not in SUPPORTED_SUFFIXES:
        raise AdminError("err_type", suffix=suffix or "(none)", allowed=", ".join(SUPPORTED_SUFFIXES))
    stem = stem.strip(" .")[:MAX_NAME_CHARS].strip(" .")
    if not stem.strip("_-"):
        raise AdminError("err_name")
    return stem + suffix


# --------------------------------------------------------------------------- upload and removal


@dataclass
class UploadResult:
    """What an upload did: the stored (and indexed) file names, and the refused ones with their reason."""

    added: list[str] = field(default_factory=list)
    refused: dict[str, AdminError] = field(default_factory=dict)


def _manifest(settings: Settings):
    from planwijzer.ingest.store import open_store

    return open_store(settings).manifest()


def store_upload(src: Path, original_name: str, settings: Settings) -> Path:
    """Check one uploaded file (name, type, size, readable text, name not used by another folder's document) and
    move it into the uploads folder; returns the stored path. Nothing is stored when a check fails."""
    root = uploads_root(settings)
    name = safe_filename(original_name)
    max_bytes = int(settings.max_file_mb * 1024 * 1024)
    size = Path(src).stat().st_size
    if size > max_bytes:
        raise AdminError("err_size", size=f"{size / 1024 / 1024:.1f}", limit=f"{settings.max_file_mb:g}")
    entry = _manifest(settings).docs.get(name)
    if entry and entry.get("root") != str(root):
        raise AdminError("err_taken", name=name)
    target = root / name
    if target.parent != root:  # cannot happen after safe_filename; the last line of defence
        raise AdminError("err_name")
    staging = Path(tempfile.mkdtemp(dir=root, prefix=".staging-"))  # hidden: ingest never sees it
    try:
        staged = staging / name
        shutil.copyfile(src, staged)
        try:
            load_document(staged, max_bytes=max_bytes)
        except LoadError as exc:
            raise AdminError("err_unreadable", reason=exc.reason) from exc
        staged.replace(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def upload_files(settings: Settings, files: list[tuple[Path, str]]) -> UploadResult:
    """Store each ``(temporary path, original name)`` that passes the checks, then ingest the uploads folder
    (incremental: only new or changed files are embedded). Files the ingest cannot index are removed again."""
    from planwijzer.ingest.pipeline import ingest

    result = UploadResult()
    root = check_uploads_dir(settings)
    with _LOCK:
        stored: dict[str, str] = {}
        for src, original in files:
            try:
                stored[str(store_upload(Path(src), original, settings))] = original
            except AdminError as exc:
                result.refused[original] = exc
        if not stored:
            return result
        report = ingest([root], settings, progress=False)
        failed = [path for path in stored if path in report.failed]
        for path in failed:
            result.refused[stored[path]] = AdminError("err_unreadable", reason=report.failed[path])
            Path(path).unlink(missing_ok=True)
        if failed:  # keep the index in step with the folder
            ingest([root], settings, progress=False)
        result.added = [Path(p).name for p in stored if p not in failed]
    return result


def remove_document(settings: Settings, doc_id: str) -> Path | None:
    """Remove ``doc_id`` from the index (chunks, sentences, decision records, manifest, BM25 side); when it was
    uploaded, its stored file too (returned). A document from another folder comes back if that folder is ingested
    again."""
    from planwijzer.ingest.pipeline import remove_documents

    root = uploads_root(settings)
    with _LOCK:
        entry = _manifest(settings).docs.get(doc_id)
        if entry is None:
            raise AdminError("err_unknown_doc", doc=doc_id)
        remove_documents([doc_id], settings)
        stored = Path(str(entry.get("path") or ""))
        if entry.get("root") == str(root) and stored.parent == root:
            stored.unlink(missing_ok=True)
            return stored
    return None


def document_choices(settings: Settings) -> list[tuple[str, str]]:
    """(label, doc_id) of every indexed document, uploads marked, sorted by id."""
    root = str(uploads_root(settings))
    docs = _manifest(settings).docs
    return [(f"{doc_id}{' (upload)' if e.get('root') == root else ''}", doc_id) for doc_id, e in sorted(docs.items())]


# --------------------------------------------------------------------------- the web app's admin tab


class AdminActions:
    """The tab's event handlers: each checks the password (with a per-client limit on failures) before acting."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.failures = RateLimiter(AUTH_FAILURES_PER_MINUTE)

    def authorise(self, password: str | None, request: Any) -> None:
        """Return when ``password`` is right; else :class:`AdminError` (wrong, or too many failures)."""
        key = client_key(request, self.settings.trust_forwarded_for)
        wait = self.failures.retry_after(key)
        if wait:
            raise AdminError("admin_locked", seconds=wait)
        if not verify_password(password, self.settings.admin_password_hash):
            self.failures.add(key)
            raise AdminError("admin_wrong_password")

    def upload(self, password: str | None, files: list[str] | None, lang: str, request: Any = None) -> tuple[str, bool]:
        """Upload handler: the status message (HTML) and whether the password was accepted and files were given."""
        try:
            self.authorise(password, request)
            if not files:
                raise AdminError("admin_no_files")
        except AdminError as exc:
            return _status(exc.message(lang), ok=False), False
        result = upload_files(self.settings, [(Path(f), Path(f).name) for f in files])
        _forget_gradio_copies(files)
        lines = [t(lang, "admin_uploaded", names=", ".join(result.added))] if result.added else []
        lines += [t(lang, "admin_refused", name=n, reason=e.message(lang)) for n, e in result.refused.items()]
        return _status("\n".join(lines), ok=not result.refused), True

    def delete(self, password: str | None, doc_id: str | None, lang: str, request: Any = None) -> tuple[str, bool]:
        """Delete handler: the status message (HTML) and whether a document was removed."""
        try:
            self.authorise(password, request)
            if not doc_id:
                raise AdminError("admin_no_doc")
            stored = remove_document(self.settings, doc_id)
        except AdminError as exc:
            return _status(exc.message(lang), ok=False), False
        note = t(lang, "admin_deleted_upload") if stored else t(lang, "admin_deleted_other")
        return _status(f"{t(lang, 'admin_deleted', doc=doc_id)} {note}", ok=True), True


def _forget_gradio_copies(files: list[str]) -> None:
    """Delete Gradio's own copies of handled uploads (its upload folder is served to anyone who has the path)."""
    from gradio import utils

    cache = Path(utils.get_upload_folder()).resolve()
    for f in files:
        path = Path(f).resolve()
        if cache in path.parents:
            path.unlink(missing_ok=True)


def _status(text: str, ok: bool) -> str:
    lines = "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line)
    role = "status" if ok else "alert"
    return f'<div class="pw-admin-status pw-admin-{"ok" if ok else "error"}" role="{role}">{lines}</div>'


def build_admin_tab(settings: Settings, lang0: str, lang, docs, docs_html) -> None:
    """Add the "Beheer/Admin" tab to the open ``gr.Tabs``; ``lang`` is the language radio, ``docs`` the documents
    table and ``docs_html(lang)`` its content (refreshed after each change). Call only when :func:`admin_enabled`."""
    check_uploads_dir(settings)
    actions = AdminActions(settings)
    limit = {"types": ", ".join(SUPPORTED_SUFFIXES), "mb": f"{settings.max_file_mb:g}"}
    with gr.Tab(t(lang0, "tab_admin"), id="admin") as tab:
        intro = gr.Markdown(t(lang0, "admin_intro"))
        password = gr.Textbox(label=t(lang0, "admin_password"), type="password", elem_id="pw-admin-password")
        files = gr.File(
            label=t(lang0, "admin_files", **limit),
            file_count="multiple",
            file_types=list(SUPPORTED_SUFFIXES),
            type="filepath",
            elem_id="pw-admin-files",
        )
        upload_btn = gr.Button(t(lang0, "admin_upload"), variant="primary", elem_id="pw-admin-upload")
        with gr.Row(equal_height=True):
            doc = gr.Dropdown(
                document_choices(settings), value=None, label=t(lang0, "admin_doc"), elem_id="pw-admin-doc", scale=4
            )
            delete_btn = gr.Button(t(lang0, "admin_delete"), variant="stop", elem_id="pw-admin-delete", scale=1)
        status = gr.HTML("", elem_id="pw-admin-status")

    def after_upload(password: str, paths: list[str] | None, lang_value: str, request: gr.Request):
        message, done = actions.upload(password, paths, lang_value, request)
        if not done:  # refused before anything happened: keep the chosen files
            return message, gr.update(), gr.update(), gr.update()
        return message, None, gr.update(choices=document_choices(settings)), docs_html(lang_value)

    def after_delete(password: str, doc_id: str | None, lang_value: str, request: gr.Request):
        message, done = actions.delete(password, doc_id, lang_value, request)
        if not done:
            return message, gr.update(), gr.update()
        return message, gr.update(choices=document_choices(settings), value=None), docs_html(lang_value)

    def relabel(code: str):
        return (
            gr.update(label=t(code, "tab_admin")),
            t(code, "admin_intro"),
            gr.update(label=t(code, "admin_password")),
            gr.update(label=t(code, "admin_files", **limit)),
            gr.update(value=t(code, "admin_upload")),
            gr.update(label=t(code, "admin_doc")),
            gr.update(value=t(code, "admin_delete")),
        )

    private = {"api_visibility": "private", "concurrency_limit": 1}
    upload_btn.click(after_upload, [password, files, lang], [status, files, doc, docs], **private)
    delete_btn.click(after_delete, [password, doc, lang], [status, doc, docs], **private)
    lang.change(relabel, [lang], [tab, intro, password, files, upload_btn, doc, delete_btn], api_visibility="private")
