"""Interface text in Dutch and English. The page starts in the browser's language; a switch changes it."""

from __future__ import annotations

LANGUAGES = ("nl", "en")
DEFAULT = "nl"

STRINGS: dict[str, dict[str, str]] = {
    "nl": {
        "title": "Planwijzer",
        "tagline": "Vragen en zoeken in de kwaliteitsafspraken van de Universiteit Leiden. "
        "Elk antwoord citeert de passages waarop het rust.",
        "lang_label": "Taal / Language",
        "tab_chat": "Vraag het",
        "tab_search": "Besluiten en documenten zoeken",
        "tab_docs": "Documenten",
        "question": "Uw vraag",
        "question_ph": "Bijvoorbeeld: Wanneer stemde de Universiteitsraad in met het bestedingsplan?",
        "ask": "Vraag",
        "new_chat": "Nieuw gesprek",
        "examples": "Voorbeeldvragen",
        "empty_chat": "Stel een vraag over de kwaliteitsafspraken. Het antwoord komt uit de documenten, "
        "met genummerde bronnen [1], [2] die u kunt aanklikken.",
        "you": "U",
        "assistant": "Planwijzer",
        "sources": "Bronnen",
        "related": "Verwante passages",
        "page": "p.",
        "open_source": "Bron openen",
        "answering": "Antwoord wordt opgesteld …",
        "like": "Nuttig",
        "dislike": "Niet nuttig",
        "thanks": "Bedankt voor uw feedback.",
        "comment": "Toelichting bij uw beoordeling (optioneel)",
        "comment_ph": "Wat was goed of wat ontbrak er?",
        "send_comment": "Toelichting versturen",
        "comment_saved": "Toelichting opgeslagen.",
        "query": "Zoekterm",
        "query_ph": "Bijvoorbeeld: instemming universiteitsraad (leeg laten om te bladeren)",
        "year_from": "Vanaf jaar",
        "year_to": "Tot en met jaar",
        "doc_type": "Documentsoort",
        "institution": "Instelling",
        "language": "Taal van het document",
        "any": "(alle)",
        "sort": "Sorteren op",
        "sort_relevance": "Relevantie",
        "sort_date": "Datum (nieuwste eerst)",
        "search": "Zoeken",
        "more": "Meer resultaten",
        "no_results": "Geen passages gevonden. Probeer andere woorden of ruimere filters.",
        "results": "{n} resultaten",
        "browse": "{n} documenten, nieuwste eerst",
        "search_hint": "Typ een zoekterm, of laat het veld leeg en kies filters om documenten op datum te bekijken.",
        "docs_intro": "Wat er in de index staat ({n} documenten, {chunks} passages). Alleen-lezen.",
        "col_title": "Titel",
        "col_type": "Soort",
        "col_date": "Datum",
        "col_language": "Taal",
        "col_chunks": "Passages",
        "col_indexed": "Geïndexeerd",
        "undated": "zonder datum",
        "error": "Er ging iets mis: {error}",
        "tab_decisions": "Besluiten",
        "decisions_intro": "Besluiten uit de documenten: wie besloot wat, en wanneer. Oudste eerst.",
        "body": "Orgaan",
        "decision_text": "Zoek in besluiten",
        "decision_text_ph": "Bijvoorbeeld: bestedingsplan",
        "filter": "Filteren",
        "no_decisions": "Geen besluiten gevonden. Probeer ruimere filters.",
        "decisions_count": "{n} besluiten",
        "decisions_count_one": "{n} besluit",
        "decision_source": "Bron:",
        "act_adopt": "vastgesteld",
        "act_agree": "akkoord",
        "act_approve": "goedgekeurd",
        "act_assess_negatively": "negatief beoordeeld",
        "act_assess_positively": "positief beoordeeld",
        "act_consent": "instemming",
        "act_decide": "besloten",
        "act_reject": "afgewezen",
        "act_negated": "niet: {act}",
        "rate_limited": "Te veel vragen in korte tijd. Probeer het over {seconds} seconden opnieuw.",
        "tab_admin": "Beheer",
        "admin_intro": "Alleen voor beheerders: documenten toevoegen aan de index of eruit verwijderen. "
        "Elke actie vraagt het beheerderswachtwoord.",
        "admin_password": "Beheerderswachtwoord",
        "admin_files": "Documenten uploaden ({types}; hoogstens {mb} MB per bestand)",
        "admin_upload": "Uploaden en indexeren",
        "admin_doc": "Document in de index",
        "admin_delete": "Verwijderen uit de index",
        "admin_wrong_password": "Onjuist wachtwoord; er is niets gewijzigd.",
        "admin_locked": "Te veel mislukte pogingen. Probeer het over {seconds} seconden opnieuw.",
        "admin_no_files": "Kies eerst een of meer bestanden.",
        "admin_no_doc": "Kies eerst een document.",
        "admin_uploaded": "Toegevoegd en geïndexeerd: {names}.",
        "admin_refused": "Niet toegevoegd: {name} — {reason}",
        "admin_deleted": "Verwijderd uit de index: {doc}.",
        "admin_deleted_upload": "Het geüploade bestand is ook gewist.",
        "admin_deleted_other": "Het bestand zelf staat buiten de uploadmap; het komt terug als die map opnieuw "
        "wordt ingelezen.",
        "err_type": "bestandstype {suffix} is niet toegestaan (toegestaan: {allowed})",
        "err_name": "ongeldige bestandsnaam",
        "err_size": "het bestand is {size} MB, groter dan de grens van {limit} MB",
        "err_taken": "er staat al een document {name} uit een andere map in de index; geef het bestand een andere naam",
        "err_unreadable": "onleesbaar bestand ({reason})",
        "err_unknown_doc": "{doc} staat niet in de index",
    },
    "en": {
        "title": "Planwijzer",
        "tagline": "Ask and search Leiden University's quality agreements (kwaliteitsafspraken). "
        "Every answer quotes the passages it rests on.",
        "lang_label": "Taal / Language",
        "tab_chat": "Ask",
        "tab_search": "Search decisions and documents",
        "tab_docs": "Documents",
        "question": "Your question",
        "question_ph": "For example: When did the University Council consent to the spending plan?",
        "ask": "Ask",
        "new_chat": "New conversation",
        "examples": "Example questions",
        "empty_chat": "Ask a question about the quality agreements. The answer comes from the documents, "
        "with numbered sources [1], [2] you can click.",
        "you": "You",
        "assistant": "Planwijzer",
        "sources": "Sources",
        "related": "Related passages",
        "page": "p.",
        "open_source": "Open source",
        "answering": "Composing the answer …",
        "like": "Helpful",
        "dislike": "Not helpful",
        "thanks": "Thank you for your feedback.",
        "comment": "Comment on your rating (optional)",
        "comment_ph": "What was good, or what was missing?",
        "send_comment": "Send comment",
        "comment_saved": "Comment saved.",
        "query": "Search terms",
        "query_ph": "For example: university council consent (leave empty to browse)",
        "year_from": "From year",
        "year_to": "Up to year",
        "doc_type": "Document type",
        "institution": "Institution",
        "language": "Document language",
        "any": "(any)",
        "sort": "Sort by",
        "sort_relevance": "Relevance",
        "sort_date": "Date (newest first)",
        "search": "Search",
        "more": "More results",
        "no_results": "No passages found. Try other words or wider filters.",
        "results": "{n} results",
        "browse": "{n} documents, newest first",
        "search_hint": "Type search terms, or leave the box empty and pick filters to list documents by date.",
        "docs_intro": "What the index holds ({n} documents, {chunks} passages). Read-only.",
        "col_title": "Title",
        "col_type": "Type",
        "col_date": "Date",
        "col_language": "Language",
        "col_chunks": "Passages",
        "col_indexed": "Indexed",
        "undated": "undated",
        "error": "Something went wrong: {error}",
        "tab_decisions": "Decisions",
        "decisions_intro": "Decisions stated in the documents: who decided what, and when. Oldest first.",
        "body": "Body",
        "decision_text": "Search decisions",
        "decision_text_ph": "For example: spending plan",
        "filter": "Filter",
        "no_decisions": "No decisions found. Try wider filters.",
        "decisions_count": "{n} decisions",
        "decisions_count_one": "{n} decision",
        "decision_source": "Source:",
        "act_adopt": "adopted",
        "act_agree": "agreed",
        "act_approve": "approved",
        "act_assess_negatively": "assessed negatively",
        "act_assess_positively": "assessed positively",
        "act_consent": "consent",
        "act_decide": "decided",
        "act_reject": "rejected",
        "act_negated": "not: {act}",
        "rate_limited": "Too many questions in a short time. Please try again in {seconds} seconds.",
        "tab_admin": "Admin",
        "admin_intro": "For administrators only: add documents to the index or remove them. "
        "Every action asks for the admin password.",
        "admin_password": "Admin password",
        "admin_files": "Upload documents ({types}; at most {mb} MB per file)",
        "admin_upload": "Upload and index",
        "admin_doc": "Document in the index",
        "admin_delete": "Remove from the index",
        "admin_wrong_password": "Wrong password; nothing was changed.",
        "admin_locked": "Too many failed attempts. Please try again in {seconds} seconds.",
        "admin_no_files": "Choose one or more files first.",
        "admin_no_doc": "Choose a document first.",
        "admin_uploaded": "Added and indexed: {names}.",
        "admin_refused": "Not added: {name} — {reason}",
        "admin_deleted": "Removed from the index: {doc}.",
        "admin_deleted_upload": "The uploaded file was deleted too.",
        "admin_deleted_other": "The file itself lies outside the uploads folder; it comes back when that folder is "
        "ingested again.",
        "err_type": "file type {suffix} is not allowed (allowed: {allowed})",
        "err_name": "invalid file name",
        "err_size": "the file is {size} MB, over the limit of {limit} MB",
        "err_taken": "a document {name} from another folder is already indexed; rename the file",
        "err_unreadable": "unreadable file ({reason})",
        "err_unknown_doc": "{doc} is not in the index",
    },
}

EXAMPLES: dict[str, list[str]] = {
    "nl": [
        "Wanneer stemde de Universiteitsraad in met het aanvullend bestedingsplan?",
        "Waar gaat het geld van de kwaliteitsafspraken naartoe?",
        "Wat zijn de nieuwe initiatieven voor studentenwelzijn en docenten?",
    ],
    "en": [
        "What are the quality agreements?",
        "When did the University Council consent to the supplementary spending plan?",
    ],
}


def normalize(language: str | None) -> str:
    """``nl`` or ``en`` from a browser language tag such as ``nl-NL``, ``en-GB`` or ``fr`` (→ English)."""
    tag = (language or "").strip().lower()
    if not tag:
        return DEFAULT
    return "nl" if tag.startswith("nl") else "en"


def t(lang: str, key: str, **values: object) -> str:
    """The interface string ``key`` in ``lang`` (falling back to Dutch), formatted with ``values``."""
    text = STRINGS.get(lang, STRINGS[DEFAULT]).get(key) or STRINGS[DEFAULT][key]
    return text.format(**values) if values else text


def count(lang: str, key: str, n: int) -> str:
    """The interface string ``key`` for ``n`` things: ``key_one`` when ``n`` is 1 and that form exists."""
    one = f"{key}_one"
    return t(lang, one if n == 1 and one in STRINGS[DEFAULT] else key, n=n)


BODY_NAMES_EN: dict[str, str] = {
    "College van Bestuur": "Executive Board",
    "College voor Promoties": "Doctorate Board",
    "Eerste Kamer": "Senate",
    "Faculteitsraad": "Faculty Council",
    "Kabinet": "Cabinet",
    "Medezeggenschapsraad": "Participation Council",
    "Ministerie van OCW": "Ministry of Education, Culture and Science",
    "NVAO": "NVAO",
    "Opleidingscommissie": "Programme Committee",
    "Raad van Toezicht": "Supervisory Board",
    "Tweede Kamer": "House of Representatives",
    "Universitaire Studentenraad": "University Student Council",
    "Universiteitsraad": "University Council",
}
"""English display names of the canonical (Dutch) deciding bodies of ``ingest/decisions.py``."""


def body_label(body: str, lang: str) -> str:
    """A canonical deciding body ("Universiteitsraad") as the interface shows it in ``lang``."""
    return BODY_NAMES_EN.get(body, body) if lang == "en" else body


def examples() -> list[str]:
    """Example questions, Dutch first, then English."""
    return EXAMPLES["nl"] + EXAMPLES["en"]
