"""Every text Planwijzer shows its users, in Dutch and English, in one place; :func:`text` looks one up.

The extractive answerer (its abstention, cross-language prefix and notices), the language-model fallback notices
and their reasons, the ``planwijzer`` command's answer headings, the web app's labels, and the refusals of the
document library all read from :data:`TEXTS`. A text is written once, with its translation beside it, so a Dutch
notice is Dutch all the way through: the reason inside it is looked up in the same language.

Keys are flat, prefixed by who uses them (``answer_``, ``llm_``, ``llm_reason_``, ``cli_``, ``doc_type_``,
``err_``; the web app's own keys have no prefix). Fields are ``str.format`` names (``{limit}``) and are the same
in both languages. The module imports nothing of Planwijzer, so every layer may use it.
"""

from __future__ import annotations

LANGUAGES = ("nl", "en")
"""The languages of the catalogue; a text asked for in any other language is given in English."""

TEXTS: dict[str, dict[str, str]] = {
    # Language names, in the language of the text around them
    "language_nl": {"nl": "Nederlands", "en": "Dutch"},
    "language_en": {"nl": "Engels", "en": "English"},
    # Extractive answers (assistant/answer.py)
    "answer_abstain": {
        "nl": "Dit staat niet in de documenten: ik vond geen passage die deze vraag beantwoordt.",
        "en": "The documents do not answer this: I found no passage that answers the question.",
    },
    "answer_related": {
        "nl": "Mogelijk verwante passages staan hieronder.",
        "en": "Possibly related passages are listed below.",
    },
    "answer_cross": {"nl": "Volgens de ({lang}talige) bron: ", "en": "According to the source (in {lang}): "},
    "answer_no_question": {
        "nl": "Stel een vraag in woorden, bijvoorbeeld: wanneer stemde de Universiteitsraad in met het plan?",
        "en": "Please ask a question in words, e.g.: when did the University Council consent to the plan?",
    },
    "answer_corrected": {
        "nl": "Gezocht naar {words}.",
        "en": "Searched for {words}.",
    },
    "answer_corrected_word": {"nl": "“{fixed}” (getypt: “{typed}”)", "en": "“{fixed}” (typed: “{typed}”)"},
    "answer_truncated": {
        "nl": "Je vraag is langer dan {limit} tekens; alleen het begin is gebruikt.",
        "en": "Your question is longer than {limit} characters; only its beginning was used.",
    },
    # Generated answers (assistant/llm.py, assistant/generate.py): the model's no-answer reply and the notices shown
    # with the extractive answer when the model fails or is not backed by the sources
    "llm_not_in_documents": {"nl": "Dit staat niet in de documenten.", "en": "This is not in the documents."},
    "llm_failed": {
        "nl": "Het taalmodel gaf geen antwoord ({reason}); hieronder het antwoord uit de documenten zelf.",
        "en": "The language model gave no answer ({reason}); below is the answer taken from the documents.",
    },
    "llm_ungrounded": {
        "nl": "Het gegenereerde antwoord kon niet met de bronnen worden onderbouwd ({supported} van {checked} "
        "zinnen); hieronder het antwoord uit de documenten zelf.",
        "en": "The generated answer could not be backed by the sources ({supported} of {checked} sentences); below "
        "is the answer taken from the documents.",
    },
    # Why a generation failed (the {reason} of llm_failed; assistant/llm.py LLMError.key)
    "llm_reason_unreachable": {
        "nl": "het taalmodel is niet bereikbaar",
        "en": "the language model endpoint cannot be reached",
    },
    "llm_reason_broken": {
        "nl": "de verbinding met het taalmodel werd tijdens het antwoord verbroken",
        "en": "the connection to the language model broke off during the answer",
    },
    "llm_reason_timeout": {
        "nl": "het taalmodel antwoordde niet op tijd",
        "en": "the language model did not answer in time",
    },
    "llm_reason_context": {
        "nl": "de vraag en de bronnen passen niet in het contextvenster van het taalmodel",
        "en": "the question and sources do not fit in the language model's context window",
    },
    "llm_reason_malformed": {
        "nl": "het taalmodel stuurde een antwoord dat niet te lezen was",
        "en": "the language model sent a reply that could not be read",
    },
    "llm_reason_empty": {
        "nl": "het taalmodel stuurde een leeg antwoord",
        "en": "the language model sent an empty reply",
    },
    "llm_reason_no_model": {
        "nl": "geen GGUF-modelbestand op {path}; stel PLANWIJZER_LLM_MODEL in",
        "en": "no GGUF model file at {path}; set PLANWIJZER_LLM_MODEL",
    },
    "llm_reason_not_installed": {
        "nl": "llama-cpp-python is niet geïnstalleerd (pip install 'planwijzer[llm]')",
        "en": "llama-cpp-python is not installed (pip install 'planwijzer[llm]')",
    },
    "llm_reason_error": {"nl": "het taalmodel faalde ({name})", "en": "the language model failed ({name})"},
    # The planwijzer command (planwijzer/cli.py)
    "cli_checked": {
        "nl": "Gecontroleerd tegen de bronnen ({removed} van {checked} zinnen niet onderbouwd):",
        "en": "Checked against the sources ({removed} of {checked} sentences not supported):",
    },
    "cli_sources": {"nl": "Bronnen / Sources:", "en": "Sources:"},
    "cli_related": {"nl": "Verwant / Related:", "en": "Related:"},
    # The web app (ui/)
    "title": {"nl": "Planwijzer", "en": "Planwijzer"},
    "tagline": {
        "nl": "Vragen en zoeken in de kwaliteitsafspraken van de Universiteit Leiden. Elk antwoord citeert de "
        "passages waarop het rust.",
        "en": "Ask and search Leiden University's quality agreements (kwaliteitsafspraken). Every answer quotes the "
        "passages it rests on.",
    },
    "lang_label": {"nl": "Taal / Language", "en": "Taal / Language"},
    "tab_chat": {"nl": "Vraag het", "en": "Ask"},
    "tab_search": {"nl": "Besluiten en documenten zoeken", "en": "Search decisions and documents"},
    "tab_docs": {"nl": "Documenten", "en": "Documents"},
    "question": {"nl": "Uw vraag", "en": "Your question"},
    "question_ph": {
        "nl": "Bijvoorbeeld: Wanneer stemde de Universiteitsraad in met het bestedingsplan?",
        "en": "For example: When did the University Council consent to the spending plan?",
    },
    "ask": {"nl": "Vraag", "en": "Ask"},
    "new_chat": {"nl": "Nieuw gesprek", "en": "New conversation"},
    "examples": {"nl": "Voorbeeldvragen", "en": "Example questions"},
    "empty_chat": {
        "nl": "Stel een vraag over de kwaliteitsafspraken. Het antwoord komt uit de documenten, met genummerde "
        "bronnen [1], [2] die u kunt aanklikken.",
        "en": "Ask a question about the quality agreements. The answer comes from the documents, with numbered "
        "sources [1], [2] you can click.",
    },
    "you": {"nl": "U", "en": "You"},
    "assistant": {"nl": "Planwijzer", "en": "Planwijzer"},
    "sources": {"nl": "Bronnen", "en": "Sources"},
    "related": {"nl": "Verwante passages", "en": "Related passages"},
    "page": {"nl": "p.", "en": "p."},
    "open_source": {"nl": "Bron openen", "en": "Open source"},
    "answering": {"nl": "Antwoord wordt opgesteld …", "en": "Composing the answer …"},
    "like": {"nl": "Nuttig", "en": "Helpful"},
    "dislike": {"nl": "Niet nuttig", "en": "Not helpful"},
    "thanks": {"nl": "Bedankt voor uw feedback.", "en": "Thank you for your feedback."},
    "comment": {"nl": "Toelichting bij uw beoordeling (optioneel)", "en": "Comment on your rating (optional)"},
    "comment_ph": {"nl": "Wat was goed of wat ontbrak er?", "en": "What was good, or what was missing?"},
    "send_comment": {"nl": "Toelichting versturen", "en": "Send comment"},
    "comment_saved": {"nl": "Toelichting opgeslagen.", "en": "Comment saved."},
    "query": {"nl": "Zoekterm", "en": "Search terms"},
    "query_ph": {
        "nl": "Bijvoorbeeld: instemming universiteitsraad (leeg laten om te bladeren)",
        "en": "For example: university council consent (leave empty to browse)",
    },
    "year_from": {"nl": "Vanaf jaar", "en": "From year"},
    "year_to": {"nl": "Tot en met jaar", "en": "Up to year"},
    "doc_type": {"nl": "Documentsoort", "en": "Document type"},
    "institution": {"nl": "Instelling", "en": "Institution"},
    "language": {"nl": "Taal van het document", "en": "Document language"},
    "any": {"nl": "(alle)", "en": "(any)"},
    "sort": {"nl": "Sorteren op", "en": "Sort by"},
    "sort_relevance": {"nl": "Relevantie", "en": "Relevance"},
    "sort_date": {"nl": "Datum (nieuwste eerst)", "en": "Date (newest first)"},
    "search": {"nl": "Zoeken", "en": "Search"},
    "more": {"nl": "Meer resultaten", "en": "More results"},
    "no_results": {
        "nl": "Geen passages gevonden. Probeer andere woorden of ruimere filters.",
        "en": "No passages found. Try other words or wider filters.",
    },
    "results": {"nl": "{n} resultaten", "en": "{n} results"},
    "browse": {"nl": "{n} documenten, nieuwste eerst", "en": "{n} documents, newest first"},
    "search_hint": {
        "nl": "Typ een zoekterm, of laat het veld leeg en kies filters om documenten op datum te bekijken.",
        "en": "Type search terms, or leave the box empty and pick filters to list documents by date.",
    },
    "docs_intro": {
        "nl": "Wat er in de index staat ({n} documenten, {chunks} passages). Alleen-lezen.",
        "en": "What the index holds ({n} documents, {chunks} passages). Read-only.",
    },
    "col_title": {"nl": "Titel", "en": "Title"},
    "col_type": {"nl": "Soort", "en": "Type"},
    "col_date": {"nl": "Datum", "en": "Date"},
    "col_language": {"nl": "Taal", "en": "Language"},
    "col_chunks": {"nl": "Passages", "en": "Passages"},
    "col_indexed": {"nl": "Geïndexeerd", "en": "Indexed"},
    "undated": {"nl": "zonder datum", "en": "undated"},
    "error": {"nl": "Er ging iets mis: {error}", "en": "Something went wrong: {error}"},
    "tab_decisions": {"nl": "Besluiten", "en": "Decisions"},
    "decisions_intro": {
        "nl": "Besluiten uit de documenten: wie besloot wat, en wanneer. Oudste eerst.",
        "en": "Decisions stated in the documents: who decided what, and when. Oldest first.",
    },
    "body": {"nl": "Orgaan", "en": "Body"},
    "decision_text": {"nl": "Zoek in besluiten", "en": "Search decisions"},
    "decision_text_ph": {"nl": "Bijvoorbeeld: bestedingsplan", "en": "For example: spending plan"},
    "filter": {"nl": "Filteren", "en": "Filter"},
    "no_decisions": {
        "nl": "Geen besluiten gevonden. Probeer ruimere filters.",
        "en": "No decisions found. Try wider filters.",
    },
    "decisions_count": {"nl": "{n} besluiten", "en": "{n} decisions"},
    "decisions_count_one": {"nl": "{n} besluit", "en": "{n} decision"},
    "decision_source": {"nl": "Bron:", "en": "Source:"},
    # Decision acts (ingest/decisions.py names them; the Besluiten tab shows them)
    "act_adopt": {"nl": "vastgesteld", "en": "adopted"},
    "act_agree": {"nl": "akkoord", "en": "agreed"},
    "act_approve": {"nl": "goedgekeurd", "en": "approved"},
    "act_assess_negatively": {"nl": "negatief beoordeeld", "en": "assessed negatively"},
    "act_assess_positively": {"nl": "positief beoordeeld", "en": "assessed positively"},
    "act_consent": {"nl": "instemming", "en": "consent"},
    "act_decide": {"nl": "besloten", "en": "decided"},
    "act_reject": {"nl": "afgewezen", "en": "rejected"},
    "act_negated": {"nl": "niet: {act}", "en": "not: {act}"},
    # Rate limit (ui/ratelimit.py)
    "rate_limited": {
        "nl": "Te veel vragen in korte tijd. Probeer het over {seconds} seconden opnieuw.",
        "en": "Too many questions in a short time. Please try again in {seconds} seconds.",
    },
    # Share links and export (ui/share.py; the links under each answer in ui/render.py)
    "share_actions": {"nl": "Delen en exporteren", "en": "Share and export"},
    "share_link": {"nl": "Link naar dit antwoord", "en": "Link to this answer"},
    "share_recomputed": {
        "nl": "Opnieuw berekend op {made_at} uit de index van {indexed_at} (generatie {generation}).",
        "en": "Recomputed on {made_at} from the index of {indexed_at} (generation {generation}).",
    },
    "export_markdown": {"nl": "Exporteren (Markdown)", "en": "Export (Markdown)"},
    "export_print": {"nl": "Afdrukken", "en": "Print"},
    "export_title": {"nl": "Planwijzer: vraag en antwoord", "en": "Planwijzer: question and answer"},
    "export_question": {"nl": "Vraag {n}", "en": "Question {n}"},
    "export_answer": {"nl": "Antwoord", "en": "Answer"},
    "export_sources": {"nl": "Bronnen", "en": "Sources"},
    "export_related": {"nl": "Mogelijk verwante passages", "en": "Possibly related passages"},
    "export_link": {"nl": "Link", "en": "Link"},
    "export_document": {"nl": "Document", "en": "Document"},
    "export_page": {"nl": "Pagina", "en": "Page"},
    "export_date": {"nl": "Datum", "en": "Date"},
    "export_footer": {
        "nl": "Berekend op {made_at} uit de index van {indexed_at} (generatie {generation}) door Planwijzer.",
        "en": "Computed on {made_at} from the index of {indexed_at} (generation {generation}) by Planwijzer.",
    },
    "export_open": {"nl": "Dit gesprek openen in Planwijzer", "en": "Open this conversation in Planwijzer"},
    "export_no_question": {
        "nl": "Geef een vraag mee in de link (?q=...).",
        "en": "Give a question in the link (?q=...).",
    },
    "export_unknown_date": {"nl": "onbekende datum", "en": "unknown date"},
    # The admin tab (ui/admin.py)
    "tab_admin": {"nl": "Beheer", "en": "Admin"},
    "admin_intro": {
        "nl": "Alleen voor beheerders: documenten toevoegen aan de index of eruit verwijderen. Elke actie vraagt het "
        "beheerderswachtwoord.",
        "en": "For administrators only: add documents to the index or remove them. Every action asks for the admin "
        "password.",
    },
    "admin_password": {"nl": "Beheerderswachtwoord", "en": "Admin password"},
    "admin_files": {
        "nl": "Documenten uploaden ({types}; hoogstens {mb} MB per bestand)",
        "en": "Upload documents ({types}; at most {mb} MB per file)",
    },
    "admin_upload": {"nl": "Uploaden en indexeren", "en": "Upload and index"},
    "decision_continues": {"nl": "Vervolg op:", "en": "Continues:"},
    "decision_no_date": {"nl": "zonder datum", "en": "undated"},
    "decision_document_date": {"nl": "datum van het document", "en": "document date"},
    "decision_meeting_date": {"nl": "datum van de vergadering", "en": "meeting date"},
    "admin_choose": {"nl": "Bestanden kiezen", "en": "Choose files"},
    "admin_chosen": {"nl": "Gekozen bestanden:", "en": "Chosen files:"},
    "admin_doc": {"nl": "Document in de index", "en": "Document in the index"},
    "login_title": {"nl": "Inloggen", "en": "Log in"},
    "login_intro": {
        "nl": "Log in om ook de documenten te lezen die voor jouw groepen zijn bedoeld.",
        "en": "Log in to also read the documents meant for your groups.",
    },
    "login_name": {"nl": "Gebruikersnaam", "en": "User name"},
    "login_password": {"nl": "Wachtwoord", "en": "Password"},
    "login_submit": {"nl": "Inloggen", "en": "Log in"},
    "login_failed": {
        "nl": "Deze combinatie van naam en wachtwoord klopt niet.",
        "en": "This combination of name and password is not right.",
    },
    "login_off_title": {"nl": "Inloggen is niet ingesteld", "en": "Login is not configured"},
    "login_off": {
        "nl": "Deze Planwijzer heeft geen eigen gebruikers. Je kunt de openbare documenten zonder inloggen lezen.",
        "en": "This Planwijzer has no users of its own. You can read the public documents without logging in.",
    },
    "login_back": {"nl": "Terug naar Planwijzer", "en": "Back to Planwijzer"},
    "login_other_language": {"nl": "English", "en": "Nederlands"},
    "login_link": {"nl": "Inloggen", "en": "Log in"},
    "logout_link": {"nl": "Uitloggen", "en": "Log out"},
    "logged_in_as": {"nl": "Ingelogd als {name}", "en": "Logged in as {name}"},
    # The source view of a cited document without a url (ui/source_view.py)
    "source_label": {"nl": "Bron", "en": "Source"},
    "source_date": {"nl": "Datum", "en": "Date"},
    "source_page": {"nl": "Pagina", "en": "Page"},
    "source_section": {"nl": "Sectie", "en": "Section"},
    "source_file": {"nl": "Bestand", "en": "File"},
    "source_before": {"nl": "Tekst ervoor", "en": "Text before"},
    "source_passage": {"nl": "Geciteerde passage", "en": "Cited passage"},
    "source_after": {"nl": "Tekst erna", "en": "Text after"},
    "source_start": {"nl": "Begin van het document", "en": "Start of the document"},
    "source_shown": {
        "nl": "De eerste {shown} van {total} passages van dit document.",
        "en": "The first {shown} of {total} passages of this document.",
    },
    "source_quote_missing": {
        "nl": "De geciteerde woorden staan niet letterlijk in deze passage; hieronder staat die zonder markering.",
        "en": "The quoted words do not occur literally in this passage; it is shown below without highlighting.",
    },
    "source_open_pdf": {"nl": "Open de PDF op pagina {page}", "en": "Open the PDF at page {page}"},
    "source_open_file": {"nl": "Open het originele bestand ({kind})", "en": "Open the original file ({kind})"},
    "source_open_web": {"nl": "Open de oorspronkelijke webpagina", "en": "Open the original web page"},
    "source_not_found_title": {"nl": "Bron niet gevonden", "en": "Source not found"},
    "source_not_found": {
        "nl": "Deze bron bestaat niet of is niet voor jou beschikbaar.",
        "en": "This source does not exist or is not available to you.",
    },
    "admin_access": {"nl": "Wie mag de geüploade documenten lezen?", "en": "Who may read the uploaded documents?"},
    "access_public": {"nl": "Iedereen (openbaar)", "en": "Everyone (public)"},
    "access_staff": {"nl": "Medewerkers", "en": "Staff"},
    "access_council": {"nl": "Raadsleden", "en": "Council members"},
    "admin_delete": {"nl": "Verwijderen uit de index", "en": "Remove from the index"},
    "admin_wrong_password": {
        "nl": "Onjuist wachtwoord; er is niets gewijzigd.",
        "en": "Wrong password; nothing was changed.",
    },
    "admin_locked": {
        "nl": "Te veel mislukte pogingen. Probeer het over {seconds} seconden opnieuw.",
        "en": "Too many failed attempts. Please try again in {seconds} seconds.",
    },
    "admin_no_files": {"nl": "Kies eerst een of meer bestanden.", "en": "Choose one or more files first."},
    "admin_no_doc": {"nl": "Kies eerst een document.", "en": "Choose a document first."},
    "admin_uploaded": {"nl": "Toegevoegd en geïndexeerd: {names}.", "en": "Added and indexed: {names}."},
    "admin_refused": {"nl": "Niet toegevoegd: {name} — {reason}", "en": "Not added: {name} — {reason}"},
    "admin_deleted": {"nl": "Verwijderd uit de index: {doc}.", "en": "Removed from the index: {doc}."},
    "admin_deleted_upload": {"nl": "Het geüploade bestand is ook gewist.", "en": "The uploaded file was deleted too."},
    "admin_deleted_other": {
        "nl": "Het bestand zelf staat buiten de uploadmap; het komt terug als die map opnieuw wordt ingelezen.",
        "en": "The file itself lies outside the uploads folder; it comes back when that folder is ingested again.",
    },
    # Refused library changes (ingest/uploads.py, ingest/library.py): each names the file and, where there is one, the
    # fix
    "err_type": {
        "nl": "bestandstype {suffix} is niet toegestaan (toegestaan: {allowed})",
        "en": "file type {suffix} is not allowed (allowed: {allowed})",
    },
    "err_name": {"nl": "ongeldige bestandsnaam", "en": "invalid file name"},
    "err_size": {
        "nl": "het bestand is {size} MB, groter dan de grens van {limit} MB",
        "en": "the file is {size} MB, over the limit of {limit} MB",
    },
    "err_taken": {
        "nl": "er staat al een document {name} uit een andere map in de index; geef het bestand een andere naam",
        "en": "a document {name} from another folder is already indexed; rename the file",
    },
    "err_unreadable": {"nl": "onleesbaar bestand ({reason})", "en": "unreadable file ({reason})"},
    "err_unknown_doc": {"nl": "{doc} staat niet in de index", "en": "{doc} is not in the index"},
    # Document types (the doc_type metadata value after the prefix)
    "doc_type_plan": {"nl": "plan", "en": "plan"},
    "doc_type_annual_report": {"nl": "jaarverslag", "en": "annual report"},
    "doc_type_council": {"nl": "raadsstuk", "en": "council document"},
    "doc_type_news": {"nl": "nieuws", "en": "news"},
    "doc_type_policy": {"nl": "beleid", "en": "policy"},
    "doc_type_web_page": {"nl": "webpagina", "en": "web page"},
    "doc_type_report": {"nl": "verslag", "en": "report"},
}
"""Key → ``{"nl": text, "en": text}``."""

BODY_NAMES_EN: dict[str, str] = {
    "College van Bestuur": "Executive Board",
    "College voor Promoties": "Doctorate Board",
    "Eerste Kamer": "Senate",
    "Faculteitsraad": "Faculty Council",
    "Gemeenschappelijke Vergadering": "Joint Assembly",
    "Kabinet": "Cabinet",
    "Lokaal Overleg": "Local Consultative Body",
    "Medezeggenschapsraad": "Participation Council",
    "Ministerie van OCW": "Ministry of Education, Culture and Science",
    "NVAO": "NVAO",
    "Ondernemingsraad": "Works Council",
    "Opleidingscommissie": "Programme Committee",
    "Raad van Toezicht": "Supervisory Board",
    "Tweede Kamer": "House of Representatives",
    "Universitaire Studentenraad": "University Student Council",
    "Universiteitsraad": "University Council",
}
"""English names of the canonical (Dutch) deciding bodies of ``ingest/decisions.py``; in Dutch a body is shown by
its canonical name."""

EXAMPLE_QUESTIONS: dict[str, list[str]] = {
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
"""The web app's example questions per language (it shows the Dutch ones first, then the English)."""


def text(key: str, lang: str, /, **fields: object) -> str:
    """The text ``key`` in ``lang`` (``nl`` or ``en``; any other language gets English), with ``fields`` filled in.
    An unknown key is a :class:`KeyError`."""
    pair = TEXTS[key]
    value = pair[lang] if lang in pair else pair["en"]
    return value.format(**fields) if fields else value


def searched_for(corrected: list[tuple[str, str]], lang: str) -> str:
    """What mistyped words were searched for as: "Gezocht naar “bestedingsplan” (getypt: “bestedingspaln”)."."""
    words = ", ".join(text("answer_corrected_word", lang, typed=a, fixed=b) for a, b in corrected)
    return text("answer_corrected", lang, words=words)


def language_name(code: str, lang: str) -> str:
    """The name of the language ``code`` written in ``lang`` (``en`` in Dutch: "Engels"); an unknown code as is."""
    key = f"language_{code}"
    return text(key, lang) if key in TEXTS else code


class Refusal(Exception):
    """A refused user action whose explanation is in the catalogue: ``key`` and its ``fields``. ``str()`` gives the
    English text; the caller shows the text of ``key`` in the user's language (:meth:`message`)."""

    def __init__(self, key: str, /, **fields: object) -> None:
        self.key = key
        self.fields = fields
        super().__init__(text(key, "en", **fields))

    def message(self, lang: str) -> str:
        """The explanation in ``lang``."""
        return text(self.key, lang, **self.fields)
