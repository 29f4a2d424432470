"""The web app's admin tab: upload documents (then an incremental ingest) and remove documents from the index.

It exists only when the operator set ``PLANWIJZER_ADMIN_PASSWORD_HASH`` (made with ``planwijzer admin-password``):
without it :func:`build_admin_tab` is never called, so there is no tab and no endpoint. With it, every action
checks on the server, whatever the browser shows, that the caller is an admin: a reader in the ``admin`` group
(:func:`planwijzer.ui.identity.reader_for`: named by the trusted login proxy or logged in as a local user), or anyone
with the password (:mod:`planwijzer.passwords`); a client gets :data:`AUTH_FAILURES_PER_MINUTE` wrong passwords per
minute.

The work itself is below the web app: the uploads folder and file names in :mod:`ingest.uploads`, adding and
removing documents in :mod:`ingest.library`. This module adds what only the web app knows (the folders its server
hands files out from, which the uploads folder must stay out of) and shows each refusal in the user's language.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import gradio as gr
from planwijzer.ingest import library
from planwijzer.ingest.loaders import SUPPORTED_SUFFIXES
from planwijzer.ingest.uploads import prepare_uploads_dir
from planwijzer.ui.i18n import t
from planwijzer.ui.identity import reader_for
from planwijzer.ui.ratelimit import RateLimiter, client_key

from planwijzer.access import ANONYMOUS, EVERYTHING, PUBLIC, Reader, label
from planwijzer.config import Settings
from planwijzer.messages import Refusal
from planwijzer.passwords import parse_hash, verify_password

AUTH_FAILURES_PER_MINUTE = 5


def admin_enabled(settings: Settings) -> bool:
    """True when the operator configured an admin password (the hash is checked for its format here)."""
    if not settings.web.admin_password_hash.strip():
        return False
    parse_hash(settings.web.admin_password_hash)
    return True


def served_folders() -> list[Path]:
    """Folders the Gradio server may hand files out from: its upload and cache folders and any static paths."""
    from gradio import utils
    from gradio.data_classes import _StaticFiles  # the folders of gr.set_static_paths

    paths = [utils.get_upload_folder(), str(utils.get_cache_folder()), *_StaticFiles.all_paths]
    return [Path(p).expanduser().resolve() for p in paths]


def check_uploads_dir(settings: Settings, extra_served: list[Path] | None = None) -> Path:
    """Create the uploads folder after checking it is safe: outside every folder the web server serves (and
    ``extra_served``), and neither inside nor around the corpus folder or the index. Returns it; RuntimeError if
    not."""
    return prepare_uploads_dir(settings, [*served_folders(), *(extra_served or [])])


def document_choices(settings: Settings, who: Reader = ANONYMOUS) -> list[tuple[str, str]]:
    """(label, doc_id) of the indexed documents ``who`` may manage, uploads marked, sorted by id: every document for
    an admin, else those ``who`` may read (the tab is shown before anyone has proven to be an admin)."""
    return [
        (f"{doc_id}{' (upload)' if uploaded else ''}", doc_id)
        for doc_id, uploaded, access in library.documents(settings)
        if who.is_admin or who.may_read(access)
    ]


class AdminActions:
    """The tab's event handlers: each checks the caller is an admin (by group, or by the password with a per-client
    limit on failures) before acting."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.failures = RateLimiter(AUTH_FAILURES_PER_MINUTE)

    def authorise(self, password: str | None, request: Any) -> None:
        """Return when ``request`` comes from a reader in the admin group (no password needed) or ``password`` is
        right; else :class:`~planwijzer.messages.Refusal` (wrong, or too many failures)."""
        if reader_for(request, self.settings).is_admin:
            return
        key = client_key(request, self.settings.web.trust_forwarded_for)
        wait = self.failures.retry_after(key)
        if wait:
            raise Refusal("admin_locked", seconds=wait)
        if not verify_password(password, self.settings.web.admin_password_hash):
            self.failures.add(key)
            raise Refusal("admin_wrong_password")

    def manager(self, password: str | None, request: Any) -> Reader:
        """Who manages the library in this request: an admin (the caller passed :meth:`authorise`), else the
        caller as a reader."""
        try:
            self.authorise(password, request)
        except Refusal:
            return reader_for(request, self.settings)
        return EVERYTHING

    def upload(
        self, password: str | None, files: list[str] | None, lang: str, request: Any = None, access: str = PUBLIC
    ) -> tuple[str, bool]:
        """Upload handler: the status message (HTML) and whether the password was accepted and files were given.
        ``access``: who may read the uploads (public, staff, council)."""
        try:
            self.authorise(password, request)
            if not files:
                raise Refusal("admin_no_files")
        except Refusal as exc:
            return _status(_explain(exc, lang), ok=False), False
        uploads = [(Path(f), Path(f).name) for f in files]
        result = library.upload_files(self.settings, uploads, served_folders(), label(access or PUBLIC))
        _forget_gradio_copies(files)
        lines = [t(lang, "admin_uploaded", names=", ".join(result.added))] if result.added else []
        lines += [t(lang, "admin_refused", name=n, reason=_explain(e, lang)) for n, e in result.refused.items()]
        return _status("\n".join(lines), ok=not result.refused), True

    def delete(self, password: str | None, doc_id: str | None, lang: str, request: Any = None) -> tuple[str, bool]:
        """Delete handler: the status message (HTML) and whether a document was removed."""
        try:
            self.authorise(password, request)
            if not doc_id:
                raise Refusal("admin_no_doc")
            stored = library.remove_document(self.settings, doc_id)
        except Refusal as exc:
            return _status(_explain(exc, lang), ok=False), False
        note = t(lang, "admin_deleted_upload") if stored else t(lang, "admin_deleted_other")
        return _status(f"{t(lang, 'admin_deleted', doc=doc_id)} {note}", ok=True), True


def _explain(refusal: Refusal, lang: str) -> str:
    """A refusal in the interface language (Dutch for a language the interface does not have)."""
    return t(lang, refusal.key, **refusal.fields)


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
    limit = {"types": ", ".join(SUPPORTED_SUFFIXES), "mb": f"{settings.index.max_file_mb:g}"}
    with gr.Tab(t(lang0, "tab_admin"), id="admin") as tab:
        intro = gr.Markdown(t(lang0, "admin_intro"))
        password = gr.Textbox(label=t(lang0, "admin_password"), type="password", elem_id="pw-admin-password")
        hint = gr.Markdown(t(lang0, "admin_files", **limit), elem_id="pw-admin-hint")
        # an upload button, not gr.File: the drop zone nests its file list's controls inside a button (axe:
        # nested-interactive) and names itself by an untranslated key
        files = gr.UploadButton(
            t(lang0, "admin_choose"),
            file_count="multiple",
            file_types=list(SUPPORTED_SUFFIXES),
            type="filepath",
            elem_id="pw-admin-files",
        )
        chosen = gr.State([])
        chosen_html = gr.HTML("", elem_id="pw-admin-chosen")
        levels = gr.Radio(
            _level_choices(lang0), value=PUBLIC, label=t(lang0, "admin_access"), elem_id="pw-admin-access"
        )
        upload_btn = gr.Button(t(lang0, "admin_upload"), variant="primary", elem_id="pw-admin-upload")
        with gr.Row(equal_height=True):
            doc = gr.Dropdown(
                document_choices(settings), value=None, label=t(lang0, "admin_doc"), elem_id="pw-admin-doc", scale=4
            )
            delete_btn = gr.Button(t(lang0, "admin_delete"), variant="stop", elem_id="pw-admin-delete", scale=1)
        status = gr.HTML("", elem_id="pw-admin-status")

    def choose(paths: list[str] | None, lang_value: str):
        paths = list(paths or [])
        return paths, _chosen_html(paths, lang_value)

    def after_upload(password: str, paths: list[str] | None, level: str, lang_value: str, request: gr.Request):
        message, done = actions.upload(password, paths, lang_value, request, level)
        if not done:  # refused before anything happened: keep the chosen files
            return message, gr.update(), gr.update(), gr.update(), gr.update()
        choices = document_choices(settings, actions.manager(password, request))
        return message, [], "", gr.update(choices=choices), docs_html(lang_value, request)

    def after_delete(password: str, doc_id: str | None, lang_value: str, request: gr.Request):
        message, done = actions.delete(password, doc_id, lang_value, request)
        if not done:
            return message, gr.update(), gr.update()
        choices = document_choices(settings, actions.manager(password, request))
        return message, gr.update(choices=choices, value=None), docs_html(lang_value, request)

    def relabel(code: str, request: gr.Request) -> dict:
        choices = document_choices(settings, reader_for(request, settings))
        return {
            levels: gr.update(label=t(code, "admin_access"), choices=_level_choices(code)),
            tab: gr.update(label=t(code, "tab_admin")),
            intro: t(code, "admin_intro"),
            password: gr.update(label=t(code, "admin_password")),
            hint: t(code, "admin_files", **limit),
            files: gr.update(label=t(code, "admin_choose")),
            upload_btn: gr.update(value=t(code, "admin_upload")),
            doc: gr.update(label=t(code, "admin_doc"), choices=choices),
            delete_btn: gr.update(value=t(code, "admin_delete")),
        }

    private = {"api_visibility": "private", "concurrency_limit": 1}
    files.upload(choose, [files, lang], [chosen, chosen_html], api_visibility="private")
    upload_btn.click(
        after_upload, [password, chosen, levels, lang], [status, chosen, chosen_html, doc, docs], **private
    )
    delete_btn.click(after_delete, [password, doc, lang], [status, doc, docs], **private)
    relabelled = [tab, intro, password, hint, files, levels, upload_btn, doc, delete_btn]
    lang.change(relabel, [lang], relabelled, api_visibility="private")


def _chosen_html(paths: list[str], lang: str) -> str:
    """The chosen files' names as a labelled list (empty when none)."""
    if not paths:
        return ""
    items = "".join(f"<li>{html.escape(Path(p).name)}</li>" for p in paths)
    label = f'<p id="pw-admin-chosen-label">{html.escape(t(lang, "admin_chosen"))}</p>'
    return f'{label}<ul aria-labelledby="pw-admin-chosen-label">{items}</ul>'


def _level_choices(lang: str) -> list[tuple[str, str]]:
    return [(t(lang, f"access_{level}"), level) for level in ("public", "staff", "council")]
