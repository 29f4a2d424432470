"""General Dutch and English language resources for choosing answers, in one place.

Nothing here names anything of a particular corpus (no title, body, person or place): only function words,
referring words, question cues and the shapes of text that are never an answer (a question, a heading, a bullet
stub, a navigation or cookie line). The answerer uses them to choose and extend its span; ``planwijzer eval`` uses
:func:`is_non_answer` for the non-answer rate, so both judge an answer by the same rule.
"""

from __future__ import annotations

import re

from planwijzer.assistant.patterns import AMOUNT, DATE, MONTH_NAMES, MONTHS, NUMBER_WORDS, YEAR, months_in
from planwijzer.ingest.tokens import content_words

REFERRING_START = frozenset(
    (
        # Dutch: personal and demonstrative pronouns, pronominal adverbs that point back
        "zij ze hij dit deze dat die dergelijke zulke zo'n beide beiden allebei hun haar "
        "daarnaast daarom daardoor daarmee daarbij daarin daarvoor daarvan daarop hierdoor hiermee hierbij hierin "
        "hiervoor hiervan hierop bovendien tevens ook eveneens "
        # English
        "she he it they this these that those such both its their his her them "
        "also moreover furthermore additionally likewise thereby therefore hence "
        # naming what came before by its place
        "laatstgenoemde eerstgenoemde bovengenoemde voornoemde latter"
    ).split()
)
"""Words that, starting a sentence, refer to something the sentence before it names ("Zij werd …", "Both …")."""

CONTINUATION_CUES = (
    "vervolg op", "een vervolg", "aanvullend", "herijking", "herziening", "herzien", "vervangt", "vervangen",
    "wijziging van", "gewijzigd", "actualisatie", "geactualiseerd", "supplementary", "follow-up", "follow up",
    "replaces", "replaced", "revised", "revision of", "amendment", "amended", "update of", "updated",
)  # fmt: skip
"""Words by which a decision says it continues, amends or replaces an earlier one (lower case, matched as text)."""

CAPITALISED_BY_CONVENTION = frozenset("monday tuesday wednesday thursday friday saturday sunday".split()) | MONTH_NAMES
"""Words English writes with a capital that are not names: the days of the week and the months."""


def is_name(word: str) -> bool:
    """``word``, written with a capital inside a sentence, is a name (not a day or a month, "Saturdays" included)."""
    lowered = word.lower()
    return lowered not in CAPITALISED_BY_CONVENTION and lowered.removesuffix("s") not in CAPITALISED_BY_CONVENTION


HOLDS_NOW = re.compile(
    r"\b(?:geldt|gelden)\b.{0,40}?\bnu\b|\bnu\b.{0,20}?\b(?:geldt|gelden|van\s+kracht)\b|\bvan\s+kracht\b|"
    r"\bnog\s+(?:steeds|altijd)\s+(?:geldig|van\s+kracht|in\s+gebruik)\b|\bhuidige\b|\bactuele\b|"
    r"\bstill\s+(?:in\s+force|valid|applies|apply|in\s+effect)\b|\bin\s+force\b|\bcurrent(?:ly)?\b|\bnow\s+in\s+effect\b",
    re.I,
)
"""A question that asks which decision, plan or rule holds now ("Welk bestedingsplan geldt nu?", "Is the 2019 plan
still in force?"): answered from the latest decision of a chain, naming the one it continues."""

FINITE = frozenset(
    (
        "is zijn was waren wordt worden werd werden heeft hebben had hadden zal zullen zou zouden kan kunnen kon "
        "konden moet moeten moest mag mogen gaat gaan ging gingen komt komen kwam staat staan stond krijgt krijgen "
        "kreeg blijft blijven bleef biedt bieden bood maakt maken maakte neemt nemen nam geeft geven gaf ligt "
        "liggen lag houdt vormt vormen betekent bevat omvat investeert investeren besteedt besteden "
        "are were be been has have will would can could shall should may might must does do did "
        "gets got gives gave takes took makes made offers provides includes means became becomes remains"
    ).split()
)
"""Finite and auxiliary verb forms common enough to tell a statement from a label."""
_PARTICIPLE = re.compile(r"\b(?:ge|be|ver|ont|her|er)\w{2,}(?:d|t|en)\b|\b\w{3,}(?:ed|es)\b", re.I)
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)
_END = re.compile(r"[.!;:\"”’)\]…]\s*$")
BULLETS = "-•■·*–▪◦"
LABEL_WORDS = 10
"""Up to this many words, a text with no verb we know, date or number is a label; a longer one has a verb we do
not know (the list of verb forms is short on purpose)."""

NAVIGATION = re.compile(
    r"\b(?:cookies?|lees meer|read more|meer informatie|more information|deel (?:dit|deze)|share (?:this|on)|"
    r"terug naar|back to|skip to|ga naar|go to|klik hier|click here|inloggen|log in|sign in|zoeken|search|"
    r"menu|sitemap|privacy(?:verklaring| statement| policy)?|disclaimer|volg ons|follow us|nieuwsbrief|newsletter|"
    r"contact|print(?:en)?|delen|share)\b",
    re.I,
)
"""Cues of a site's furniture; a short line made of them is navigation, not content."""
PUBLICATION_LINE = re.compile(
    r"^\W*(?:published|posted|updated|last\s+(?:updated|modified|changed|edited)|modified|gepubliceerd|geplaatst|"
    r"bijgewerkt|gewijzigd|laatst\s+(?:gewijzigd|bijgewerkt|aangepast)|datum\s+(?:publicatie|laatste\s+wijziging))\b",
    re.I,
)
"""The start of a page's publication or update line ("Published on 3 May 2021", "Laatst gewijzigd: 3 mei 2021"): it
dates the page, not anything the page reports."""

PERSON_ROLES = (
    # Dutch role nouns, also as the tail of a compound ("gemeenteraadslid", "universiteitsvoorzitter")
    "lid", "leden", "raadslid", "raadsleden", "kamerlid", "kamerleden", "bestuurslid", "bestuursleden",
    "voorzitter", "voorzitters", "adviseur", "directeur", "docent", "hoogleraar", "onderzoeker",
    "onderzoekers", "medewerker", "wethouder", "minister", "staatssecretaris", "bestuurder", "woordvoerder", "decaan",
    "rector", "griffier", "secretaris", "winnaar", "winnaars", "persoon", "personen",
    # English
    "member", "members", "chair", "chairs", "chairman", "chairwoman", "chairperson", "director", "lecturer",
    "professor", "researcher", "researchers", "minister", "secretary", "spokesperson", "spokesman", "dean", "rector",
    "clerk", "councillor", "alderman", "winner", "winners", "person", "people",
)  # fmt: skip
"""Nouns for a person by role: "welke onderzoeker / which researcher" asks who (the longer ones also as the tail of a
compound: "gemeenteraadslid", "universiteitsvoorzitter")."""

_EXACT = r"exacte|precieze|exact|precise"
"""The words that qualify an asked day ("op welke precieze dag", "on which exact date")."""
KIND_CUES: list[tuple[str, re.Pattern]] = [
    ("time", re.compile(r"\b(hoe laat|om hoeveel uur|what time|at what time)\b", re.I)),
    (
        "frequency",
        re.compile(
            r"\b(hoe vaak|hoe dikwijls|om de hoeveel|hoeveel keer per|how often|how frequently|how many times)\b", re.I
        ),
    ),
    (
        "date",
        re.compile(
            r"\b(wanneer|welke datum|op welke datum|tot welke datum|sinds wanneer|in welk jaar|welk jaar|welke maand|"
            r"which month|what month|"
            r"welke periode|welke dag|op welke dag|welke data|welke dagen|when|what date|which date|what year|"
            r"which year|since when|which period|what period|which day|what day|what dates|which dates|which days|"
            rf"what days|(?:welke|what|which)\s+(?:{_EXACT})\s+(?:datum|dag|date|day)|"
            r"wat (is|was) de (deadline|datum|einddatum|begindatum|startdatum|uiterste datum)|"
            r"what (is|was) the (deadline|date|closing date|start date|end date))\b",
            re.I,
        ),
    ),
    (
        "amount",
        re.compile(
            r"\b(hoeveel|welk bedrag|welk totaalbedrag|hoe groot|hoe hoog|welk percentage|welk deel|welk cijfer|"
            r"welk gemiddeld|wat kost|wat kosten|wat kostte|wat kostten|how much|how many|what amount|"
            r"what total amount|how large|how big|how high|what percentage|what share|what score|"
            r"what (does|do|did) [\w\s-]{1,60} cost|wat (is|was) het (budget|bedrag|totaalbedrag)|"
            r"what (is|was) the (budget|amount|total amount|cost|price))\b",
            re.I,
        ),
    ),
    (
        "who",
        re.compile(
            r"\b(wie|door wie|welk (orgaan|bestuursorgaan|college)|welke (organisatie|organisaties|instantie|"
            r"instanties|orgaan|organen|partij|partijen|universiteit|universiteiten|"
            r"beleidsadviseur|voorzitter|voorzitters|studentenorganisatie|studentenorganisaties)|who|whom|by whom|"
            r"which (organisations?|organizations?|body|bodies|party|parties|university|universities|"
            r"student organisations?|student organizations?))\b",
            re.I,
        ),
    ),
    (
        "who",
        re.compile(
            r"\b(?:welke?|which)\s+(?:[^\W\d_]+\s+)?(?:"
            + "|".join(PERSON_ROLES)
            + r"|[^\W\d_]+(?:"
            + "|".join(r for r in PERSON_ROLES if len(r) >= 5)
            + r"))\b",
            re.I,
        ),
    ),
    ("where", re.compile(r"\b(waar|where|in welke paragraaf|in which section)\b", re.I)),
    ("why", re.compile(r"\b(waarom|why)\b", re.I)),
]
"""Question cues → the kind of answer asked for (the cue that comes first in the question wins, a tie by this order;
``assistant.question.question_kind``)."""
BEFORE_ASKING_WHO = frozenset(
    (
        "by to for from with about of and or but tell know ask asks asked wonder door voor naar met over en of maar "
        "after before during since until till into onto over under upon through throughout between among within "
        "without against toward towards across along around behind beyond following regarding concerning via per"
    ).split()
)
"""Words after which "who/which" still asks ("by whom", "tell me who", "and who", "during which period"):
prepositions, conjunctions, verbs of asking."""


def is_relative(text: str, start: int) -> bool:
    """The "who/which/whom" at ``start`` of ``text`` follows a noun ("students who …", "the plan which …"): it relates a
    clause to that noun and does not ask who or which."""
    if not re.match(r"(?:who|whom|which)\b", text[start:], re.I):
        return False
    before = _WORD.findall(text[:start])
    return bool(before) and len(before[-1]) >= 3 and before[-1].lower() not in BEFORE_ASKING_WHO


SUBORDINATE_CUE = re.compile(
    r"\b(?:when|wanneer|toen)\s+(?:she|he|it|they|we|you|i|the|a|an|this|that|these|those|its|their|his|her|"
    r"zij|ze|hij|het|de|een|dit|dat|deze|die|we|wij|u|hun|haar|zijn)\b",
    re.I,
)
"""A "when" that opens a clause with its own subject ("… did she belong to when she called it …", "… wanneer de raad
instemt") joins two statements; it does not ask for a date (asking, it is followed by a verb: "when did", "wanneer
stemde")."""
FRONTED_WHEN = re.compile(
    r"\b(?:when|wanneer|toen|als|if|stel\s+dat|suppose)\b[^,?]{3,200},\s*(?:and\s+|en\s+)?"
    r"(?:what|which|who|whom|whose|how|why|where|wat|welk|welke|wie|hoe|waarom|waar|hoeveel)\b",
    re.I,
)
"""A "when" (or "als", "suppose") clause put before the question it sets the scene for ("When the minister proposed
…, what did the party want …?", "Toen de raad … besprak, wat zei …?"): the question after its comma asks, the clause
does not ask for a date."""
YES_NO = re.compile(
    r"^(is|zijn|was|waren|heeft|hebben|had|wordt|worden|werd|kan|kunnen|moet|moeten|mag|zal|gaat|krijgt|"
    r"does|do|did|is|are|was|were|has|have|had|can|could|will|would|should|must|may)\b",
    re.I,
)
"""A question that starts with a verb asks yes or no."""

_EXACTLY = rf"(?:(?:{_EXACT}|specifieke|specific)\s+)?"
DAY_QUESTION = re.compile(
    rf"\b(?:op\s+)?welke\s+{_EXACTLY}(?:datum|dag|data|dagen)\b|\b(?:on\s+)?(?:what|which)\s+{_EXACTLY}"
    r"(?:date|day|dates|days)\b",
    re.I,
)
"""A question that asks for a day, not just a year or a period (also for several: "op welke data", "which dates", and
"on which exact day")."""
YEAR_QUESTION = re.compile(r"\b(?:welk|which|what)\s+jaar\b|\b(?:which|what)\s+year\b|\bhet hoeveelste jaar\b", re.I)
"""A question that asks for a year ("in welk jaar", "in which year"): a year alone answers it in full."""


_MOMENT = rf"((?:\d{{1,2}}\s+)?(?:(?:{MONTHS})\.?\s+)?(?:19|20)\d\d)\b"
UNTIL = re.compile(rf"\b(?:before|prior\s+to|until|till|up\s+to|vóór|voordat|tot|totdat)\s+{_MOMENT}", re.I)
"""The time before a moment: "before May 2023", "vóór 2020", "tot 1 mei 2023" (not a plain "voor", which is also
"for": "geld voor 2021")."""
SINCE = re.compile(rf"\b(?:since|as\s+of|from|after|sinds|vanaf|per|na)\s+{_MOMENT}", re.I)
"""The time from a moment on: "since 1 May 2023", "sinds 2020", "vanaf mei 2023"."""


def _moments(pattern: re.Pattern, text: str) -> set[tuple[str, frozenset[int]]]:
    found = set()
    for m in pattern.finditer(text):
        year = m.group(1)[-4:]
        found.add((year, frozenset(months_in(m.group(1)))))
    return found


def other_side_of(question: str, sentence: str) -> bool:
    """True when ``question`` asks about the time before a moment and ``sentence`` speaks of the time from that
    moment on, or the other way round ("Who chaired the council before May 2023?" and "Since 1 May 2023 she chairs
    the council."): the sentence is about the other side of the moment, and does not answer."""
    for asked, told in ((UNTIL, SINCE), (SINCE, UNTIL)):
        for year, months in _moments(asked, question):
            for other_year, other_months in _moments(told, sentence):
                if year == other_year and (not months or not other_months or months & other_months):
                    return True
    return False


ASKS_PERIOD_END = re.compile(
    r"\b(?:tot wanneer|until when|hoe lang|how long|end|ends|expire|expires|eindigen|eindigt|aflopen|"
    r"(?:loopt|lopen)\s+(?:\w+\s+){0,4}?af)\b",
    re.I,
)
"""A question about when a period ends: "When will the agreements end?", "Tot wanneer lopen ze?", "Hoe lang …?"."""
PERIOD_END = re.compile(
    rf"\b(?:until|till|through|to|tot(?:\s+en\s+met)?|t/m|ends?\s+in|eindigt\s+in)\s+{_MOMENT}|"
    r"\b(?:19|20)\d\d\s*[-–/]\s*(?:19|20)?\d\d\b",
    re.I,
)
"""A period's end in a sentence: "until 2024", "tot en met 2024", "2019-2024"."""


def asks_period_end(question: str) -> bool:
    """True when ``question`` asks when a period ends ("When will the agreements end?", "Tot wanneer …?")."""
    return bool(ASKS_PERIOD_END.search(question))


def states_period_end(sentence: str) -> bool:
    """True when ``sentence`` says until when a period runs ("effective from 2019 until 2024", "2019-2024")."""
    return bool(PERIOD_END.search(sentence))


FRAME_WORDS = frozenset(
    "gebeurt gebeurde gebeurden gebeuren gebeurd betekent betekenen betekende houdt houden inhouden "
    "doen doet deed deden gedaan happen happens happened happening mean means meant".split()
)
"""Verbs that frame a question rather than name its topic: a consequence ("Wat gebeurt er als …", "What happens
if …"), a meaning ("Wat betekent …", "Wat houdt … in"), an action ("Wat doet de raad …"). A sentence that shares only
such a verb with the question ("De raad betreurt dat het niet is gebeurd.") does not answer it: the answerer does not
count them as the question's words. ("vinden" is not one: "Wat vindt de raad van …" asks for a sentence that says
what it "vindt".)"""


EXPANSION_JOINERS = frozenset("en van de der den het voor and of the for in".split())
"""Function words an acronym's expansion may hold without an initial ("Onderwijs, Cultuur en Wetenschap" is OCW)."""
_TITLE_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def spells_out(acronym: str, text: str) -> bool:
    """``text`` writes ``acronym`` out in full: consecutive capitalised words whose initials spell it, with only
    :data:`EXPANSION_JOINERS` and punctuation between them ("Onderwijs, Cultuur en Wetenschap" for OCW)."""
    letters = "".join(ch for ch in acronym.removesuffix("s") if ch.isupper())  # "CvB": the v is a joiner's
    if len(letters) < 2:
        return False
    words = _TITLE_WORD.findall(text)
    for start, word in enumerate(words):
        if word[0] != letters[0] or not word[0].isupper():
            continue
        got, i = 1, start + 1
        while got < len(letters) and i < len(words):
            w = words[i]
            if w[0].isupper() and w[0] == letters[got]:
                got += 1
            elif w.lower() not in EXPANSION_JOINERS:
                break
            i += 1
        if got == len(letters):
            return True
    return False


def inflections_of(token: str, words: frozenset[str] | set[str], longer: int | None = None) -> list[str]:
    """The ``words`` that are ``token`` up to an inflection ("Leidse" ~ "leiden"): they share all but its last two
    letters, at least four (and, with ``longer``, are at most that many letters longer than ``token``: "sciences" is
    no inflection of "scienceguide")."""
    need = max(4, len(token) - 2)
    most = len(token) + longer if longer is not None and longer >= 0 else None
    return [w for w in words if len(w) >= need and w[:need] == token[:need] and (most is None or len(w) <= most)]


def inflected_as(token: str, words: frozenset[str] | set[str], longer: int | None = None) -> bool:
    """``token`` is one of ``words`` up to an inflection (:func:`inflections_of`)."""
    return bool(inflections_of(token, words, longer))


def asked_words(text: str) -> list[str]:
    """The content words of a question that say what it is about: its content words without :data:`FRAME_WORDS`, an
    English possessive as its noun ("Leiden's" is Leiden)."""
    words = (re.sub(r"['’]s$", "", w) for w in content_words(text))
    return [w for w in words if w not in FRAME_WORDS]


SYNONYMS = (
    frozenset({"geld", "middelen", "gelden", "financiering", "bekostiging"}),
    frozenset({"money", "funds", "funding", "resources"}),
    frozenset({"docenten", "docent", "leraren", "leraar", "lesgevers"}),
    frozenset({"lecturers", "lecturer", "teachers", "teacher"}),
)
"""Words of one language that name the same thing, which documents use in turn ("het geld" in a question, "de
middelen" in the plan): a question word also matches its synonyms in a sentence. One language per group: across
languages the learned translations (:mod:`~planwijzer.assistant.translation`) and :data:`DICTIONARY` do this (a
bilingual money group here cost two citations on the development questions)."""


DICTIONARY = {
    "en": {
        "money": ("geld", "middelen"),
        "funds": ("middelen", "gelden"),
        "funding": ("financiering", "middelen"),
        "lecturers": ("docenten",),
        "teachers": ("docenten", "leraren"),
    },
    "nl": {
        "geld": ("money", "funds"),
        "middelen": ("funds", "resources"),
        "docenten": ("lecturers", "teachers"),
        "leraren": ("teachers",),
    },
}
"""A few common words of one language (the key) in the other, added to the translations learned from the index
(:func:`~planwijzer.assistant.translation.translate`): an index's vocabulary may be too small to learn them (one Dutch
page has "middelen" but no word that "money" lies close to), and a learned one may miss the answerer's margin."""


def synonyms(word: str) -> frozenset[str]:
    """The other words of ``word``'s synonym group (:data:`SYNONYMS`), empty when it has none."""
    lowered = word.lower()
    return frozenset().union(*(group - {lowered} for group in SYNONYMS if lowered in group))


REASON = re.compile(
    r"\b(?:omdat|doordat|zodat|vanwege|dankzij|daardoor|daarom|waardoor|aangezien|"
    r"because|due\s+to|owing\s+to|so\s+that|in\s+order\s+to|therefore|as\s+a\s+result)\b",
    re.I,
)
"""Words that give a reason or a purpose: what a *waarom/why* question asks for (not "om … te", "since" or "want",
which as often introduce what is asked for, a time or a wish: "vraagt de leden om het rooster goed te keuren",
"they want")."""


def has_reason(sentence: str) -> bool:
    """True when ``sentence`` gives a reason or a purpose ("omdat …", "doordat …", "because …", "in order to …")."""
    return bool(REASON.search(sentence))


def words_of(text: str) -> list[str]:
    """The words of ``text`` (letters only), lower-cased."""
    return [w.lower() for w in _WORD.findall(text)]


def starts_with_reference(sentence: str) -> bool:
    """True when ``sentence`` opens with a word that points back to the sentence before it."""
    stripped = sentence.lstrip(" \"'‘“(" + BULLETS)
    first = words_of(stripped[:40])
    return bool(first) and (first[0] in REFERRING_START or first[:2] == ["the", "latter"])


CAUSAL_BACK = re.compile(
    r"\b(?:daardoor|hierdoor|daarom|hierom|therefore|consequently|as\s+a\s+result|because\s+of\s+this)\b", re.I
)
"""Words that make the sentence before the cause of this one ("Het voordeel wordt daardoor teniet gedaan.")."""


def refers_back_causally(sentence: str) -> bool:
    """True when ``sentence`` names the sentence before it as its cause (:data:`CAUSAL_BACK`), anywhere in it."""
    return bool(CAUSAL_BACK.search(sentence))


def is_question(sentence: str) -> bool:
    """A sentence that asks rather than tells."""
    return sentence.rstrip(" \"'”’)").endswith("?")


def has_verb(sentence: str) -> bool:
    """A finite verb or participle: enough to tell a statement from a label or heading."""
    ws = words_of(sentence)
    return any(w in FINITE for w in ws) or bool(_PARTICIPLE.search(sentence))


def has_fact(sentence: str) -> bool:
    """A date, a year or an amount."""
    return bool(DATE.search(sentence) or YEAR.search(sentence) or AMOUNT.search(sentence))


def is_heading(sentence: str) -> bool:
    """A heading or label: short, with no closing punctuation and no verb."""
    text = sentence.strip()
    n = len(words_of(text))
    return n <= 14 and not _END.search(text) and not has_verb(text)


_OPENS_LIST = re.compile(r":\s*(?:\(?(?:\d{1,2}|[a-z])[.)])?\s*$")


def opens_list(sentence: str) -> bool:
    """``sentence`` ends where a list begins: on a colon, or on the first item's number that sentence splitting left
    behind ("The panel uses the following 3 criteria in its assessment: 1.")."""
    return _OPENS_LIST.search(sentence) is not None


def is_cut_off(sentence: str) -> bool:
    """Text that stops without the punctuation that ends a sentence or opens a list (a passage cut mid-sentence)."""
    return not sentence.rstrip(" \"'”’)]*").endswith((".", "!", "?", ":", ";", "…"))


def continues(text: str) -> bool:
    """``text`` may go on with a sentence cut off before it: it is no question, and it starts in lower case or holds
    list separators (the rest of a cut-off list: "beurzen; ■ Realiseren van …"), so it is not a new heading or
    sentence ("Deadlines ronde 2020")."""
    opens_low = text.lstrip()[:1].islower()
    return not is_question(text) and (opens_low or any(c in text for c in ";" + BULLETS))


BULLETS_AFTER_COLON = re.compile(rf":\s*[{re.escape(BULLETS)}]\s")
"""A colon that opens a bulleted list ("four themes: - Increasing …")."""


def is_list_item(sentence: str) -> bool:
    """A list item: text that starts with a bullet ("- Further expertise.", "• Meer begeleiding")."""
    return sentence.strip()[:1] in BULLETS


def is_bullet_stub(sentence: str) -> bool:
    """A lone list item: starts with a bullet and says too little to stand alone."""
    text = sentence.strip()
    return text[:1] in BULLETS and (len(words_of(text)) < 8 or not has_verb(text))


def is_navigation(sentence: str) -> bool:
    """A line of the site around the text (cookie notice, "lees meer", menu, share buttons, the page's publication
    or update line)."""
    n = len(words_of(sentence))
    if n <= 12 and PUBLICATION_LINE.search(sentence):
        return True
    return n <= 16 and bool(NAVIGATION.search(sentence)) and (n <= 6 or "cookie" in sentence.lower())


def is_non_answer(sentence: str) -> bool:
    """True for text that cannot answer anything on its own: a question, a heading, a bullet stub, a navigation
    or cookie line, or a sentence with no verb, date or number."""
    text = sentence.strip()
    if not text:
        return True
    return (
        is_question(text)
        or is_navigation(text)
        or is_bullet_stub(text)
        or is_heading(text)
        or (len(words_of(text)) <= LABEL_WORDS and not (has_verb(text) or has_fact(text) or _is_sentence(text)))
    )


def _is_sentence(text: str) -> bool:
    """Five words or more closed by a full stop or exclamation mark: a sentence, even when its verb is none of the few
    we know ("De werkgroep besprak het pilotproject voor digitaal toetsen.")."""
    return len(words_of(text)) >= 5 and text.rstrip(" \"'”’)").endswith((".", "!"))


_NAME_WORD = re.compile(r"[^\W\d_]{4,}", re.UNICODE)
NAME_SAMPLE = 2000
"""Passages read to tell a proper name from a common word (a bounded, evenly spread sample)."""


def distinctive_name_words(names: frozenset[str], texts: list[str]) -> frozenset[str]:
    """The words (lower case) that single out one of ``names`` (e.g. the institutions of an index): four letters or
    more, in only one name, and written as a name in ``texts`` (capitalised at least nine times in ten where it
    occurs), so "Utrecht" and "Radboud" count, and "universiteit", "raad" or "nieuws" from a name do not."""
    owners: dict[str, set[str]] = {}
    for name in names:
        for w in _NAME_WORD.findall(name):
            owners.setdefault(w.lower(), set()).add(name)
    candidates = {w for w, names_of in owners.items() if len(names_of) == 1}
    capital = dict.fromkeys(candidates, 0)
    lower = dict.fromkeys(candidates, 0)
    step = max(1, len(texts) // NAME_SAMPLE)
    for text in texts[::step]:
        for w in _NAME_WORD.findall(text):
            key = w.lower()
            if key in capital:
                if w[0].isupper():
                    capital[key] += 1
                else:
                    lower[key] += 1
    return frozenset(w for w in candidates if lower[w] * 9 <= capital[w] or capital[w] + lower[w] == 0)


_CAPITALISED_RUN = re.compile(
    r"(?<![\w'’-])[A-Z][^\W\d_]+(?:[ \t]+(?:(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Tt]en|[Tt]er|von|le|la|du|da)[ \t]+)*"
    r"[A-Z][^\W\d_]+)+"
)
_PARTICLES = frozenset("van de der den ten ter von le la du da".split())


def written_as_names(texts: list[str]) -> frozenset[str]:
    """The words (lower case) that ``texts`` write only with a capital: the words of people's and places' names
    ("schmidt", "bijl"), learned from the texts themselves; a word also written in lower case somewhere ("college",
    "studenten", "het") is a common word, also where it opens a sentence or a title."""
    capital: set[str] = set()
    lower: set[str] = set()
    step = max(1, len(texts) // NAME_SAMPLE)
    for text in texts[::step]:
        for w in _NAME_WORD.findall(text):
            (capital if w[0].isupper() else lower).add(w.lower())
    return frozenset(capital - lower)


def names_a_person(text: str, names: frozenset[str]) -> bool:
    """``text`` holds a person's name: two or more capitalised words in a row ("Eduard Schmidt", "Arjen van Vliet"),
    each of them a word the index writes only as a name (:func:`written_as_names`; so "College van Bestuur" or
    "Landelijke Studenten Vakbond" is no person)."""
    for run in _CAPITALISED_RUN.finditer(text):
        words = [w.lower() for w in run.group(0).split() if w.lower() not in _PARTICLES]
        if len(words) >= 2 and all(w in names or len(w) < 4 and w.isalpha() for w in words):
            return True
    return False


ASKS_PERSON = re.compile(
    r"^\W*(?:en\s+|and\s+)?(?:wie|who|whom)\b|\b(?:door wie|by whom)\b|"
    r"\b(?:welke?|which)\s+(?:[^\W\d_]+\s+)?(?:" + "|".join(PERSON_ROLES) + r")\b",
    re.I,
)
"""A question that asks for a person ("Wie schreef …", "Who chaired …", "Welk bestuurslid …", "Which member …"),
not for a body or an organisation ("Welke partij …", "Which university …")."""


ORDINALS = {
    "first": 1, "eerste": 1, "second": 2, "tweede": 2, "third": 3, "derde": 3, "fourth": 4, "vierde": 4, "fifth": 5,
    "vijfde": 5, "sixth": 6, "zesde": 6, "seventh": 7, "zevende": 7, "eighth": 8, "achtste": 8, "ninth": 9,
    "negende": 9, "tenth": 10, "tiende": 10,
}  # fmt: skip
"""Ordinal words, English and Dutch, and the place they name."""
_COUNT = "|".join([r"\d{1,2}", *NUMBER_WORDS])
ORDINAL_OF = re.compile(
    rf"\b(?P<ordinal>{'|'.join(ORDINALS)})\s+(?:of|van)\s+(?:the|de|het|die|deze|those|these)\s+(?:(?:{_COUNT})\s+)?"
    r"(?P<noun>[a-zà-ÿ][\w-]{3,})",
    re.I,
)
"""A question for one item of a list by its place ("what is the second of the six ambitions", "de tweede van de acht
ambities"): the place and the noun the list is of."""


def asked_ordinal(question: str) -> tuple[int, str] | None:
    """``(place, noun)`` when ``question`` asks for the item at a place in a list (:data:`ORDINAL_OF`), else None."""
    m = ORDINAL_OF.search(question)
    return (ORDINALS[m.group("ordinal").lower()], m.group("noun").lower()) if m else None


PAGE_QUESTION = re.compile(
    r"\b(?:op\s+|vanaf\s+)?welke\s+(?:pagina|bladzijde|blz\.?)|\b(?:on\s+|from\s+)?(?:which|what)\s+page\b|"
    r"\b(?:paginanummer|page\s+number)\b",
    re.I,
)
"""A question for the page a part of a document is on ("Op welke bladzijde begint het hoofdstuk over onderwijs?", "On
which page does the section on prizes start?")."""
PAGE_WORDS = frozenset({
    "pagina", "bladzijde", "blz", "page", "pages", "paginanummer", "begint", "beginnen", "start", "starts", "begins",
    "staat", "staan", "stands", "hoofdstuk", "chapter", "paragraaf", "section", "stuk", "deel", "part", "onderdeel",
    "number", "nummer", "vind", "vinden", "find", "found",
})  # fmt: skip
"""Words of a page question that say where to look, not what the part is about."""
