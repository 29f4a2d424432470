"""Decision records: who decided what, and when — extracted from chunk text with Dutch and English rules.

A record needs three things in one sentence: a deciding body (mapped to one canonical name), a
decision act (consent, approve, decide, adopt, assess positively/negatively, reject, agree) and a
date that belongs to the act. The date is the one in the act's clause, preferring a date introduced
by "op/in/on"; dates that mark a period or an effective date ("van 2022 tot en met 2024",
"per 1 september", "from", "voor 2024") are not decision dates. A date without a year
("op 6 december") or a relative date ("vorig jaar", "last month", "gisteren") is resolved only when
the document date is precise enough to make it unambiguous; otherwise, and when a sentence has no
date at all, no record is made: a date is never invented.

Negated decisions ("stemde niet in", "did not approve") are kept with ``negated=True``. Intentions,
requests and rights ("zal instemmen", "heeft instemming nodig", "will decide") are not decisions.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass

from planwijzer.ingest.metadata import _MONTHS, MONTH_RE, YEAR_RE, format_date_parts
from planwijzer.ingest.sentences import split_sentences

# --- bodies ---------------------------------------------------------------------------------------

_BODY_PATTERNS: list[tuple[str, str, int]] = [
    ("Universiteitsraad", r"universiteitsraad|university council|\bU-?raad\b", re.I),
    ("Universiteitsraad", r"\bUR\b", 0),
    ("Universitaire Studentenraad", r"universitaire studentenraad|\bUSR\b", 0),
    ("College van Bestuur", r"college van bestuur|executive board", re.I),
    ("College van Bestuur", r"\bCvB\b", 0),
    ("College voor Promoties", r"college voor promoties|doctorate board", re.I),
    ("College voor Promoties", r"\bCvP\b", 0),
    ("Faculteitsraad", r"faculteitsraad|faculty council", re.I),
    ("Medezeggenschapsraad", r"(?:centrale )?medezeggenschapsraad|(?:central )?participation council", re.I),
    ("Opleidingscommissie", r"opleidingscommissie|programme committee|program committee", re.I),
    ("Raad van Toezicht", r"raad van toezicht|supervisory board", re.I),
    (
        "NVAO",
        r"\bNVAO\b|nederlands-vlaamse accreditatieorganisatie|accreditation organisation of the netherlands",
        re.I,
    ),
    (
        "Ministerie van OCW",
        r"(?:(?:de|het|the)\s+)?(?:ministerie|minister|ministry|staatssecretaris|state secretary)"
        r"(?:\s+\w+)?\s+(?:van|of)\s+"
        r"(?:OCW|onderwijs,?\s+cultuur\s+en\s+wetenschap|education,?\s+culture\s+and\s+science)"
        r"(?:\s*\(OCW\))?|\bOCW\b|\b(?:de|het|the)\s+(?:minister|ministerie|ministry)\b|\bMinister\s+[A-Z]\w+",
        re.I,
    ),
    ("Tweede Kamer", r"tweede kamer|house of representatives|\bde Kamer\b", 0),
    ("Tweede Kamer", r"tweede kamer|house of representatives", re.I),
    ("Eerste Kamer", r"eerste kamer|\bsenate\b", re.I),
    ("Kabinet", r"\bkabinet\b|\bcabinet\b", re.I),
]
BODIES = sorted({name for name, _, _ in _BODY_PATTERNS})
_BODIES = [(name, re.compile(pattern, flags)) for name, pattern, flags in _BODY_PATTERNS]
NATIONAL_BODIES = frozenset({"NVAO", "Ministerie van OCW", "Tweede Kamer", "Eerste Kamer", "Kabinet"})
"""Bodies that belong to no institution."""
_GENERIC_BODY = re.compile(
    r"\b(?:[Dd]e|[Hh]et|[Tt]he|een|a)\s+((?:[A-Z][\w-]+\s+)?(?:raad|college|bestuur|commissie|jury|council|board|committee|"
    r"minister)(?:\s+(?:van|of)\s+(?:bestuur|toezicht|beheer|advies|governors|directors|trustees))?)\b"
)
"""Any other council, board, committee, jury or minister named in a sentence ("de raad van bestuur", "the board of
governors", "de Examencommissie"): shown as written."""
_INSTITUTION = re.compile(
    r"\b(?:(?:Universiteit|Hogeschool|University|Rijksuniversiteit)(?:\s+(?:van|of))?(?:\s+[A-Z][\w-]+){1,2}|"
    r"(?:[A-Z][\w-]+\s+){1,2}University)"
)

# --- acts -----------------------------------------------------------------------------------------

_GAP = r"(?:\s+[\w’'()-]+){0,8}?"  # a few words between the parts of a separable verb
_AFTER = r"\b(?:na|met|following|after|with)\s+(?:de\s+|the\s+)?"  # "na instemming van", "following approval by"
_NOMINAL = re.compile(_AFTER, re.I)
_ACT_PATTERNS: list[tuple[str, str]] = [
    ("consent", rf"\bstemde[n]?\b{_GAP}\s+in\s+met\b|\bingestemd\b|\binstemming\s+(?:gegeven|verleend)\b"),
    ("consent", rf"\b(?:gaf|gaven)\b{_GAP}\s+(?:zijn|haar|hun)?\s*instemming\b|\b(?:ging|gingen)\s+akkoord\b"),
    ("consent", r"\bakkoord\s+gegaan\b|\bconsented\b|\bgave\s+(?:its|their)\s+consent\b"),
    ("reject", rf"\bstemde[n]?\b{_GAP}\s+tegen\b|\btegengestemd\b|\bverworpen\b|\bverwierp(?:en)?\b|\bafgewezen\b"),
    ("reject", r"\brejected\b|\bvoted\s+against\b|\bwees\b.{0,60}?\baf\b"),
    ("approve", rf"\bgoedgekeurd\b|\bkeurde[n]?\b{_GAP}\s+goed\b|\bapproved\b|\b(?:did\s+not|didn't)\s+approve\b"),
    ("consent", r"\b(?:did\s+not|didn't)\s+consent\b"),
    ("adopt", r"\b(?:did\s+not|didn't)\s+adopt\b"),
    (
        "assess_positively",
        r"\bpositief\s+(?:her)?beoordeeld\b|\bpositief\s+oordeel\s+(?:gegeven|gaf)\b|\bassessed\s+positively\b",
    ),
    ("assess_positively", r"\bpositively\s+assessed\b|\bgave\s+a\s+positive\s+assessment\b"),
    ("assess_negatively", r"\bnegatief\s+beoordeeld\b|\bnegatively\s+assessed\b|\bassessed\s+negatively\b"),
    (
        "decide",
        r"\bbesloot\b|\bbesloten\b(?!\s+vennootschap)|\bdecided\b|\bbesluit\s+genomen\b|\btook\s+a\s+decision\b",
    ),
    (
        "adopt",
        rf"\bvastgesteld\b|\bstelde[n]?\b{_GAP}\s+vast\b|\badopted\b|\baangenomen\b|\bnam(?:en)?\b{_GAP}\s+aan\b",
    ),
    ("adopt", r"\b(?:motion|motie)\b.{0,40}?\baccepted\b|\baccepted\b.{0,40}?\bmotion\b"),
    ("agree", r"\bakkoord\b.{0,80}?\bgesloten\b|\b(?:sloot|sloten)\b.{0,40}?\bakkoord\b|\bafspraken\s+gemaakt\b"),
    ("agree", r"\bconcluded\s+an?\s+agreement\b|\breached\s+an?\s+agreement\b"),
    # meeting records and headlines: the present tense ("De raad stemt in met"), "akkoord met"
    ("consent", rf"\bstem(?:t|men)\b{_GAP}\s+in\s+met\b|\bakkoord\s+met\b|\bagrees?\s+to\b|\bconsents?\s+to\b"),
    ("approve", rf"\bkeur(?:t|en)\b{_GAP}\s+goed\b|\bapproves\b"),
    # nominal forms: "na instemming van de raad", "met goedkeuring door de minister", "following approval by"
    ("consent", rf"{_AFTER}(?:instemming|consent)\s+(?:van|door|of|by)\b"),
    ("approve", rf"{_AFTER}(?:goedkeuring|approval)\s+(?:van|door|of|by)\b"),
    ("agree", r"\b(?:akkoord|overeenkomst|convenant|agreement|accord)\s+(?:tussen|between)\b"),
]
_ACTS = [(name, re.compile(pattern, re.I)) for name, pattern in _ACT_PATTERNS]
_PROCEDURE = re.compile(r"\b(?:wordt|worden|is\s+to\s+be|are\s+to\s+be)\b", re.I)
"""A present passive ("De begroting wordt vastgesteld door …") describes a procedure, not a decision taken."""
_NEGATION = re.compile(r"\b(?:niet|geen|nooit|not|never|no)\b|n't\b", re.I)
_NOT_A_DECISION = re.compile(
    r"\b(?:zal|zullen|zou|zouden|wil|wilde|wilden|moet|moeten|kan|kunnen|mag|mogen|nodig|verzoekt|vraagt|"
    r"will|would|wants?|wanted|must|should|shall|can|could|may|might|requires?|asks?|need|needs)\b|\bte\s+\w+en\b|"
    r"\bals\b|\bindien\b|\bif\b|\?",
    re.I,
)

# --- dates ----------------------------------------------------------------------------------------

_MONTH, _YEAR = MONTH_RE, YEAR_RE
_DATE_PATTERNS = [
    re.compile(r"(?<![\d-])" + _YEAR + r"-(?P<mnum>\d\d)-(?P<day>\d\d)(?![\d-])"),
    re.compile(r"(?<![\d/-])(?P<day>\d{1,2})-(?P<mnum>\d{1,2})-" + _YEAR + r"(?![\d-])"),
    re.compile(r"\b(?P<day>\d{1,2})\s+" + _MONTH + r"(?:\s+" + _YEAR + r")?\b", re.I),
    re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+" + _YEAR + r")?\b", re.I),
    re.compile(r"\b" + _MONTH + r"\s+" + _YEAR + r"\b", re.I),
    re.compile(r"(?<![\d-])" + _YEAR + r"(?![\d-])"),
]
_RELATIVE = [
    (re.compile(r"\b(?:vorig|afgelopen)\s+jaar\b|\blast\s+year\b", re.I), "year", -1),
    (re.compile(r"\b(?:dit|het\s+afgelopen)\s+jaar\b|\bthis\s+year\b|\bearlier\s+this\s+year\b", re.I), "year", 0),
    (re.compile(r"\bvorige\s+week\b|\blast\s+week\b", re.I), "week", -1),
    (re.compile(r"\bvorige\s+maand\b|\blast\s+month\b", re.I), "month", -1),
    (re.compile(r"\bdeze\s+maand\b|\bthis\s+month\b", re.I), "month", 0),
    (re.compile(r"\bgisteren\b|\byesterday\b", re.I), "day", -1),
    (re.compile(r"\bvandaag\b|\btoday\b", re.I), "day", 0),
]
# a date after one of these words is a period, an effective date or an attribute, not when a body decided
_BLOCKED_BEFORE = re.compile(
    r"(?:\b(?:van|voor|vanaf|per|tot|t/m|met\s+ingang\s+van|uiterlijk|vóór|na|sinds|from|for|of|as\s+of|until|"
    r"by|since|after|before|to|through|tot\s+en\s+met|d\.d\.)|[-–])\s*$",
    re.I,
)
_BLOCKED_AFTER = re.compile(r"^\s*(?:[-–]|tot\b|t/m\b|to\b|through\b|until\b|en\s+verder\b)", re.I)
_YEAR_ONLY_PREP = re.compile(r"\b(?:in|eind|begin|medio|halverwege|early|late|mid)\s*$", re.I)
_CLAUSE_BREAK = re.compile(r";|\s(?:en|and|maar|but|terwijl|whereas)\s")


@dataclass
class Decision:
    """One decision: canonical body and act, the normalised date with its wording, and the source.

    ``date_basis`` says where the date comes from: ``sentence`` (the sentence dates it), ``meeting`` (the date of the
    meeting the document records) or ``document`` (undated: ``date`` is None and the record is placed under its
    document's date, ``doc_date``)."""

    date: str | None
    date_text: str
    body: str
    act: str
    subject: str
    negated: bool
    doc_id: str
    chunk_id: str
    page: int | None
    sentence: str
    access: str = "public"
    """Who may read the document that states it (its access label, see :mod:`planwijzer.access`)."""
    date_basis: str = "sentence"
    institution: str | None = None
    """The institution the body belongs to: the one the sentence names, else the document's own (None for national
    bodies such as the ministry, NVAO or parliament)."""
    doc_date: str | None = None
    """The date of the document that states it (where an undated record is placed)."""
    parties: str = ""
    """An agreement's named parties, joined by "; "."""

    @property
    def when(self) -> str | None:
        """Where the record stands on a timeline: its date, else its document's date."""
        return self.date or self.doc_date

    @property
    def year(self) -> int | None:
        when = self.when
        return int(when[:4]) if when else None

    def to_json(self) -> dict:
        return asdict(self)


def _doc_parts(doc_date: str | None) -> tuple[int | None, int | None, int | None]:
    if not doc_date or not re.match(r"^\d{4}(?:-\d\d(?:-\d\d)?)?$", doc_date):
        return None, None, None
    bits = [int(x) for x in doc_date.split("-")]
    return bits[0], bits[1] if len(bits) > 1 else None, bits[2] if len(bits) > 2 else None


def _yearless(parts: dict, doc_date: str | None) -> str | None:
    """A day-month date without a year: the latest such date not after the document date, if it is precise."""
    year, month, day = _doc_parts(doc_date)
    if year is None or month is None:
        return None
    m = _MONTHS.get((parts.get("month") or "").lower().rstrip("."))
    d = int(parts["day"]) if parts.get("day") else None
    if m is None or d is None:
        return None
    late = m > month or (m == month and day is not None and d > day)
    return format_date_parts(parts, year - 1 if late else year)


def _relative(kind: str, delta: int, doc_date: str | None) -> str | None:
    year, month, day = _doc_parts(doc_date)
    if year is None:
        return None
    if kind == "year":
        return f"{year + delta:04d}"
    if month is None:
        return None
    if kind == "month":
        y, m = (year, month + delta) if month + delta >= 1 else (year - 1, 12)
        return f"{y:04d}-{m:02d}"
    if kind == "week":  # "last week": the month of a day a week before a precise document date
        if day is None:
            return None
        return (dt.date(year, month, day) + dt.timedelta(weeks=delta)).isoformat()[:7]
    if day is None:
        return None
    return (dt.date(year, month, day) + dt.timedelta(days=delta)).isoformat()


def find_dates(text: str, doc_date: str | None = None) -> list[tuple[int, int, str, str]]:
    """``(start, end, normalised, wording)`` for each decision-date candidate in ``text``, left to right.

    Periods, effective dates and attributive dates are left out (see the module docstring); dates
    without a year and relative dates are resolved against ``doc_date`` or left out.
    """
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, int, str, str]] = []
    for pattern in _DATE_PATTERNS:
        year_only = "month" not in pattern.groupindex and "mnum" not in pattern.groupindex
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            before, after = text[: m.start()], text[m.end() :]
            if _BLOCKED_BEFORE.search(before[-25:]) or _BLOCKED_AFTER.match(after):
                continue
            if year_only and not _YEAR_ONLY_PREP.search(before[-12:]):
                continue
            parts = m.groupdict()
            value = format_date_parts(parts) if parts.get("year") else _yearless(parts, doc_date)
            if value:
                found.append((m.start(), m.end(), value, m.group(0)))
    for pattern, kind, delta in _RELATIVE:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            value = _relative(kind, delta, doc_date)
            if value:
                found.append((m.start(), m.end(), value, m.group(0)))
    return sorted(found)


def find_bodies(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, name)`` of each deciding body named in ``text``: the canonical bodies by their canonical name,
    and when there is none, any other council, board, committee, jury or minister as written."""
    spans: list[tuple[int, int, str]] = []
    for name, pattern in _BODIES:
        for m in pattern.finditer(text):
            if not any(m.start() < e and s < m.end() for s, e, _ in spans):
                spans.append((m.start(), m.end(), name))
    if not spans:
        for m in _GENERIC_BODY.finditer(text):
            written = " ".join(m.group(1).split())
            spans.append((m.start(1), m.end(1), written[0].upper() + written[1:]))
    return sorted(spans)


def find_institution(text: str) -> str | None:
    """The first institution ("Universiteit Utrecht", "Hogeschool Rotterdam", "Leiden University") ``text`` names."""
    m = _INSTITUTION.search(text)
    return " ".join(m.group(0).split()) if m else None


def _clauses(text: str, protected: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Clause spans: the sentence split at ';' and coordinating conjunctions outside body names."""
    cuts = [m.start() for m in _CLAUSE_BREAK.finditer(text) if not any(s <= m.start() < e for s, e in protected)]
    bounds = [0, *cuts, len(text)]
    return [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]


_PASSIVE_TAIL = re.compile(r"^\s*(?:door|by)\b", re.I)
_AUX = re.compile(r"\b(?:is|zijn|werd|werden|was|were|has|have|been|heeft|hebben|op|in|on)\b", re.I)
_LAST_NOUN_PHRASE = re.compile(r"\b(?:het|de|the|this|dit|deze)\s+[^,;:.()]+?(?=[.;:]?$)", re.I)
PRONOUNS = {"dat", "dit", "het", "deze", "die", "it", "this", "that", "they", "zij", "ze"}


def _separable_object(clause: str, act_start: int, act_end: int, masks: list[tuple[int, int]]) -> str:
    """The object inside a Dutch separable verb ("keurde het College de kadernota goed" → "de kadernota"): the
    words between the verb's two parts, after the last body or date among them; empty when there are none."""
    span = clause[act_start:act_end]
    first, last = span.find(" "), span.rfind(" ")
    if first < 0 or first == last:
        return ""
    start, end = act_start + first, act_start + last
    cut = max((e for s, e in masks if start <= s < end), default=start)
    phrase = " ".join(clause[max(cut, start) : end].split()).strip(" ,.;:")
    phrase = re.sub(r"^(?:en|and|ook|also|daarna|then)\b\s*", "", phrase, flags=re.I)
    return phrase if re.search(r"\w{3,}", phrase) and phrase.lower() not in PRONOUNS else ""


def _subject(clause: str, act_start: int, act_end: int, masks: list[tuple[int, int]]) -> str:
    """The object phrase: what follows "met"/the verb up to the clause's end; for a passive ("X is … goedgekeurd
    door Y") what precedes the verb, without the date and the body."""
    inner = _separable_object(clause, act_start, act_end, masks)
    if inner:
        return inner
    tail = clause[act_end:]
    m = re.match(r"\s*(?:met|with|om|to|that|dat|tot)?\s*(.+)", tail, re.S)
    phrase = (m.group(1) if m else "").strip(" ,.;:")
    if len(phrase.split()) < 2 or _PASSIVE_TAIL.match(tail):
        head = list(clause[:act_start])
        for s, e in masks:
            head[max(0, s) : max(0, e)] = " " * (max(0, e) - max(0, s))
        phrase = " ".join(_AUX.sub(" ", "".join(head)).replace("(", " ").replace(")", " ").split())
        phrase = re.sub(r"^(?:en|and|maar|but)\b", "", phrase).strip(" ,.;:")
        while (shorter := re.sub(r"\s*\b(?:door|by|de|het|the|van|of)$", "", phrase).strip(" ,.;:")) != phrase:
            phrase = shorter
        if len(phrase.split()) < 2 and phrase.lower() not in PRONOUNS:
            rest = list(clause)
            for s, e in masks:
                rest[max(0, s) : max(0, e)] = " " * (max(0, e) - max(0, s))
            after = " ".join("".join(rest[act_end:]).replace("(", " ").replace(")", " ").split())
            phrase = re.sub(r"^(?:door|by)(?:\s+(?:de|het|the))?\s+(?:in\s+)?", "", after).strip(" ,.;:")
    phrase = re.split(r",\s+(?:een|a|an|which|die|dat|na|after)\b", phrase)[0]
    return " ".join(phrase.split())[:200]


_PARTY_SPLIT = re.compile(r",\s*|\s+(?:en|and|&)\s+")
_PARTY_END = re.compile(r"\s+(?:werd|werden|is|zijn|was|were|has|have|heeft|hebben|over|about|on|op|in|om|to)\b|[.;:(]")


def _parties(sentence: str) -> list[str]:
    """The parties named after "tussen/between" (an agreement): "A, B en C" → [A, B, C], canonical bodies by their
    canonical names; none when fewer than two are named."""
    m = re.search(r"\b(?:tussen|between)\s+", sentence, re.I)
    if not m:
        return []
    rest = sentence[m.end() :]
    end = _PARTY_END.search(rest)
    names = []
    for part in _PARTY_SPLIT.split(rest[: end.start()] if end else rest):
        part = re.sub(r"^(?:de|het|the)\s+", "", part.strip(), flags=re.I).strip()
        if part and len(part) <= 80:
            names.append(canonical_body(part) or part)
    return list(dict.fromkeys(names)) if len(names) >= 2 else []


_AGREEMENT = re.compile(
    r"\b(?:het|de|een|the|an?)\s+(?:[\w-]+\s+){0,3}?[\w-]*(?:akkoord|agreement|overeenkomst|convenant|accord)\b"
    r"(?:\s+(?:over|on|about|inzake|voor|for)\s+[^,.;]+)?",
    re.I,
)


def _agreement_subject(sentence: str) -> str:
    """The agreement a sentence names, as a noun phrase ("het sectorakkoord over …"), else empty."""
    m = _AGREEMENT.search(sentence)
    return " ".join(m.group(0).split())[:200] if m else ""


def _nominal_subject(sentence: str, body_end: int) -> str:
    """What a nominal consent or approval was for: "Na instemming van de raad is het plan vastgesteld" → "het plan"
    (the rest of the sentence without its auxiliary and its final participle)."""
    aux = r"^[\s,]*(?:is|zijn|werd|werden|was|were|has\s+been|have\s+been|heeft|hebben)\b"
    rest = re.sub(aux, "", sentence[body_end:])
    words = rest.strip(" .;:,").split()
    return " ".join(words[:-1] if len(words) > 2 else words)[:200]


def extract_sentence(sentence: str, doc_date: str | None = None) -> list[dict]:
    """Decisions in one sentence as dicts (date, date_text, body, act, parties, subject, negated), at most one per
    act; ``date`` is None when the sentence dates it nowhere (the caller may date it by the meeting the document
    records)."""
    acts: list[tuple[int, int, str]] = []
    for name, pattern in _ACTS:
        for m in pattern.finditer(sentence):
            if not any(m.start() < e and s < m.end() for s, e, _ in acts):
                acts.append((m.start(), m.end(), name))
    if not acts:
        return []
    bodies = find_bodies(sentence)
    if not bodies:
        return []
    # the body of a nominal act ("na instemming van de raad") did not do the sentence's other acts
    nominal = [(s, e) for s, e, name in acts if _NOMINAL.match(sentence, s)]
    owned = {b for b in bodies for s, e in nominal if 0 <= b[0] - e <= 12}
    dates = find_dates(sentence, doc_date)
    clauses = _clauses(sentence, [(s, e) for s, e, _ in bodies] + [(s, e) for s, e, _, _ in dates])
    out: list[dict] = []
    for a_start, a_end, act in sorted(acts):
        c_start, c_end = next((c for c in clauses if c[0] <= a_start < c[1]), (0, len(sentence)))
        clause = sentence[c_start:c_end]
        in_clause = [d for d in dates if c_start <= d[0] < c_end]
        pool = in_clause or (dates if len(acts) == 1 else [])
        is_nominal = any(s == a_start for s, _ in nominal)
        usable = bodies if is_nominal else [b for b in bodies if b not in owned]
        body_pool = [b for b in usable if c_start <= b[0] < c_end] or (usable if len(acts) == 1 else [])
        if not body_pool:
            continue
        if _NOT_A_DECISION.search(sentence[c_start:a_end]) or _PROCEDURE.search(sentence[:a_end]):
            continue
        date = min(pool, key=lambda d: (abs(d[0] - a_start), d[0])) if pool else (0, 0, None, "")
        body = min(body_pool, key=lambda b: abs(b[0] - a_start))
        verb_zone = sentence[max(c_start, min(body[1], a_start) if body[1] <= a_start else a_start - 30) : a_end]
        negated = bool(_NEGATION.search(verb_zone))
        parties = _parties(sentence) if act == "agree" else []
        if parties and not in_clause and not pool:
            body = (0, 0, parties[0])
        subject = _nominal_subject(sentence, body[1]) if is_nominal else ""
        if act == "agree":
            subject = _agreement_subject(sentence) or subject
        out.append(
            {
                "date": date[2],
                "date_text": date[3],
                "body": canonical_body(body[2]) or body[2] if parties else body[2],
                "act": act,
                "parties": "; ".join(parties),
                "subject": subject
                or _subject(
                    clause,
                    a_start - c_start,
                    a_end - c_start,
                    [(d[0] - c_start, d[1] - c_start) for d in dates]
                    + [(b[0] - c_start, b[1] - c_start) for b in bodies],
                ),
                "negated": negated,
            }
        )
    return out


_MEETING = re.compile(
    r"\b(?:vergadering|verslag|notulen|besluitenlijst|besluiten|minutes|meeting|decision\s+list|decisions)\b", re.I
)
_FULL_DATES = [p for p in _DATE_PATTERNS if "day" in p.groupindex]


def _day_dates(text: str, doc_date: str | None) -> list[tuple[int, str, str]]:
    """``(position, date, wording)`` of every day-precise date in ``text`` (a day without a year resolved against a
    precise ``doc_date``)."""
    found = []
    for pattern in _FULL_DATES:
        for m in pattern.finditer(text):
            parts = m.groupdict()
            value = format_date_parts(parts) if parts.get("year") else _yearless(parts, doc_date)
            if value and len(value) == 10:
                found.append((m.start(), value, m.group(0)))
    return found


def meeting_date(title: str | None, head: str, doc_date: str | None) -> tuple[str, str] | None:
    """``(date, wording)`` of the meeting a document records, when it states one: a sentence of its title or first
    lines names a meeting and a day ("Verslag van de vergadering … d.d. 14 maart 2022", "Besluitenlijst UR 12 maart
    2024", "Op 11 maart vond een extra vergadering plaats"; the date nearest the meeting word), or its title names a
    meeting and its front matter gives a full date. None otherwise: never guessed."""
    for sentence in [title or "", *split_sentences(head[:600])]:
        word = _MEETING.search(sentence)
        if not word:
            continue
        dates = _day_dates(sentence, doc_date)
        if dates:
            _, value, wording = min(dates, key=lambda d: abs(d[0] - word.start()))
            return value, wording
    if title and _MEETING.search(title) and doc_date and len(doc_date) == 10:
        return doc_date, doc_date
    return None


_BARE_BODIES = frozenset({"raad", "council", "college", "bestuur", "board", "commissie", "committee"})
"""A body named by its kind alone: in a meeting record, the body whose meeting it is."""


_ITEM = re.compile(r"^\s*(?:agendapunt\s+|item\s+)?(\d{1,2}(?:\.\d{1,2})?)[.)]?\s+([A-Z][^\n]{2,120})$", re.I | re.M)
"""A numbered agenda item's title line ("3. Begroting 2024", "Agendapunt 4 Kwaliteitsafspraken")."""
_DECISION_LINE = re.compile(
    r"^\s*(?:besluit|besluiten|conclusie|decision|decided|conclusion|vastgesteld)\s*:\s*(.+)$", re.I | re.M
)
"""A minutes' decision line ("Besluit: de raad stemt in met …", "Conclusie: …", "Vastgesteld: …")."""


def _item_decisions(text: str, host: str, meeting: tuple[str, str], heading: str | None = None) -> list[dict]:
    """The decision lines of a meeting record's chunk, each as a decision of ``host`` on the meeting's date whose
    subject is its agenda item's title (a numbered line above it, else the chunk's section ``heading``; lines the
    sentence rules already read are found there too; the caller keeps one per sentence)."""
    out = []
    for m in _DECISION_LINE.finditer(text):
        line = m.group(1).strip()
        if _NOT_A_DECISION.search(line) or _PROCEDURE.search(line):
            continue
        item = None
        for it in _ITEM.finditer(text, 0, m.start()):
            item = it
        acts = [name for name, pattern in _ACTS if pattern.search(line)]
        negated = bool(_NEGATION.search(line))
        kind = m.group(0).split(":")[0].strip().lower()
        act = acts[0] if acts else ("adopt" if kind == "vastgesteld" else "decide")
        subject = item.group(0).strip() if item else (heading or line[:200])
        out.append(
            {"date": meeting[0], "date_text": meeting[1], "body": host, "act": act, "parties": "",
             "subject": subject, "negated": negated, "sentence": m.group(0).strip(), "date_basis": "meeting"}
        )  # fmt: skip
    return out


def _same_line(a: str, b: str) -> bool:
    a, b = " ".join(a.split()), " ".join(b.split())
    return a.endswith(b) or b.endswith(a)


def document_decisions(chunks: list[tuple[str, str, dict]]) -> list[Decision]:
    """Every decision stated in one document, given as its chunks ``(chunk_id, text, metadata)`` in reading order.

    A decision its sentence does not date takes the date of the meeting the document records (:func:`meeting_date`,
    ``date_basis`` ``meeting``), else stays undated (``document``: placed under the document's date). The body's
    institution is the one the sentence names, else the document's own (none for national bodies)."""
    if not chunks:
        return []
    first = chunks[0][2]
    doc_id, doc_date = str(first.get("doc_id", "")), first.get("date")
    meeting = meeting_date(first.get("title"), chunks[0][1], doc_date)
    head = f"{first.get('title') or ''}. {chunks[0][1][:300]}"
    own = first.get("institution") or find_institution(head)
    named = find_bodies(head)
    host = next((name for _, _, name in named if name in BODIES), None)  # the body whose meeting it records
    records: list[Decision] = []
    for chunk_id, text, meta in chunks:
        found = extract_decisions(text, doc_id, chunk_id, meta.get("page"), doc_date)
        if meeting is not None and host:
            for item in _item_decisions(text, host, meeting, meta.get("heading")):
                sentence = item.pop("sentence")
                same = [r for r in found if _same_line(r.sentence, sentence)]
                for r in same:  # the sentence rules read the line: its subject is the agenda item's title
                    r.subject = item["subject"]
                if not same:
                    found.append(
                        Decision(**item, doc_id=doc_id, chunk_id=chunk_id, page=meta.get("page"), sentence=sentence)
                    )
        for r in found:
            r.access = str(meta.get("access") or "public")
            r.doc_date = doc_date
            if r.date is None and meeting is not None:
                r.date, r.date_text, r.date_basis = meeting[0], meeting[1], "meeting"
            elif r.date is None:
                r.date_basis = "document"
            if meeting is not None and host and r.body.lower() in _BARE_BODIES:  # "De raad stemt in" in its minutes
                r.body = host
            if r.body not in NATIONAL_BODIES:
                r.institution = find_institution(r.sentence) or own
            records.append(r)
    return records


def extract_decisions(
    text: str, doc_id: str, chunk_id: str, page: int | None = None, doc_date: str | None = None
) -> list[Decision]:
    """Every decision stated in ``text`` (one chunk), with its source (dated by its sentence, or undated)."""
    records: list[Decision] = []
    previous = ""  # what the previous sentence was about, for "Dat is … goedgekeurd"
    for sentence in split_sentences(text):
        if len(sentence) > 600 or sentence.lower().startswith(("url:", "title:", "date:")):
            continue
        found_here = extract_sentence(sentence, doc_date)
        for found in found_here:
            if not found["subject"] or found["subject"].lower() in PRONOUNS:
                found["subject"] = previous
            records.append(Decision(**found, doc_id=doc_id, chunk_id=chunk_id, page=page, sentence=sentence))
        if found_here:
            previous = found_here[-1]["subject"] or previous
        else:
            last_phrase = _LAST_NOUN_PHRASE.search(sentence, sentence.find(" ") + 1)  # not the sentence's subject
            previous = last_phrase.group(0) if last_phrase else ""
    return records


def canonical_body(name: str) -> str | None:
    """The canonical body for a Dutch or English name or abbreviation ("University Council" → "Universiteitsraad")."""
    for body in BODIES:
        if body.lower() == name.strip().lower():
            return body
    alias = _ALIASES.get(name.strip().lower())
    if alias:
        return alias
    found = find_bodies(name)
    return found[0][2] if found else None


_ALIASES = {
    "ur": "Universiteitsraad",
    "usr": "Universitaire Studentenraad",
    "cvb": "College van Bestuur",
    "cvp": "College voor Promoties",
    "ocw": "Ministerie van OCW",
    "minister": "Ministerie van OCW",
    "ministerie": "Ministerie van OCW",
    "ministry": "Ministerie van OCW",
    "kamer": "Tweede Kamer",
}


def evaluate_records(records: list[Decision], gold: list[dict]) -> dict:
    """Precision and recall of ``records`` against hand-labelled ``gold`` rows (``tests/decisions_gold_README.md``).

    Gold rows give ``doc``, ``date`` (None for an undated decision), ``body``, ``act``, optionally ``negated`` and
    ``date_basis``. A record matches a gold row of the same document (file name), body (canonical), act and
    negation when their dates agree: the same date, or both undated; each gold row and each distinct record is used
    once. Besides the totals: *dated recall* (gold rows with a date found with that date) and recall per gold
    ``date_basis``, precision per record ``date_basis``.
    """

    def group(doc: str, body: str, act: str, negated: bool) -> tuple:
        return (doc.rsplit("/", 1)[-1], canonical_body(body) or body, act, bool(negated))

    distinct: dict[tuple, Decision] = {}
    for r in records:  # overlapping chunks state a sentence twice: one record per decision
        undated = " ".join(r.sentence.split()) if r.date is None else ""
        distinct.setdefault((*group(r.doc_id, r.body, r.act, r.negated), r.date, undated), r)
    free = list(distinct.values())
    matched: list[tuple[dict, Decision]] = []
    missed: list[dict] = []
    for g in gold:
        wanted = group(g["doc"], g["body"], g["act"], g.get("negated", False))
        found = next(
            (r for r in free if group(r.doc_id, r.body, r.act, r.negated) == wanted and r.date == g.get("date")), None
        )
        if found is None:
            missed.append(g)
        else:
            free.remove(found)
            matched.append((g, found))

    def rate(part: int, whole: int) -> float | None:
        return round(part / whole, 3) if whole else None

    bases = ("sentence", "meeting", "document")
    gold_basis = {b: [g for g in gold if g.get("date_basis", "sentence" if g.get("date") else "document") == b]
                  for b in bases}  # fmt: skip
    hit_basis = {b: sum(1 for g, _ in matched if g in gold_basis[b]) for b in bases}
    dated = [g for g in gold if g.get("date")]
    return {
        "gold": len(gold),
        "extracted": len(distinct),
        "correct": len(matched),
        "precision": rate(len(matched), len(distinct)),
        "recall": rate(len(matched), len(gold)),
        "dated_recall": rate(sum(1 for g, _ in matched if g.get("date")), len(dated)),
        "recall_by_date_basis": {b: rate(hit_basis[b], len(gold_basis[b])) for b in bases},
        "precision_by_date_basis": {
            b: rate(
                sum(1 for _, r in matched if r.date_basis == b), sum(1 for r in distinct.values() if r.date_basis == b)
            )
            for b in bases
        },
        "false_positives": sorted(
            [(r.doc_id, r.date or "", r.body, r.act, r.sentence[:120]) for r in free], key=lambda row: row[:4]
        ),
        "missed": [{k: g.get(k) for k in ("doc", "date", "body", "act", "subject")} for g in missed],
    }
