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

# --- acts -----------------------------------------------------------------------------------------

_GAP = r"(?:\s+[\w’'()-]+){0,8}?"  # a few words between the parts of a separable verb
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
]
_ACTS = [(name, re.compile(pattern, re.I)) for name, pattern in _ACT_PATTERNS]
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
    """One decision: canonical body and act, the normalised date with its wording, and the source."""

    date: str
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

    @property
    def year(self) -> int:
        return int(self.date[:4])

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
    spans: list[tuple[int, int, str]] = []
    for name, pattern in _BODIES:
        for m in pattern.finditer(text):
            if not any(m.start() < e and s < m.end() for s, e, _ in spans):
                spans.append((m.start(), m.end(), name))
    return sorted(spans)


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


def extract_sentence(sentence: str, doc_date: str | None = None) -> list[dict]:
    """Decisions in one sentence as dicts (date, date_text, body, act, subject, negated), at most one per act."""
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
    dates = find_dates(sentence, doc_date)
    clauses = _clauses(sentence, [(s, e) for s, e, _ in bodies] + [(s, e) for s, e, _, _ in dates])
    out: list[dict] = []
    for a_start, a_end, act in sorted(acts):
        c_start, c_end = next((c for c in clauses if c[0] <= a_start < c[1]), (0, len(sentence)))
        clause = sentence[c_start:c_end]
        in_clause = [d for d in dates if c_start <= d[0] < c_end]
        pool = in_clause or (dates if len(acts) == 1 else [])
        body_pool = [b for b in bodies if c_start <= b[0] < c_end] or (bodies if len(acts) == 1 else [])
        if not pool or not body_pool:
            continue
        if _NOT_A_DECISION.search(sentence[c_start:a_end]):
            continue
        date = min(pool, key=lambda d: (abs(d[0] - a_start), d[0]))
        body = min(body_pool, key=lambda b: abs(b[0] - a_start))
        verb_zone = sentence[max(c_start, min(body[1], a_start) if body[1] <= a_start else a_start - 30) : a_end]
        negated = bool(_NEGATION.search(verb_zone))
        out.append(
            {
                "date": date[2],
                "date_text": date[3],
                "body": body[2],
                "act": act,
                "subject": _subject(
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


def extract_decisions(
    text: str, doc_id: str, chunk_id: str, page: int | None = None, doc_date: str | None = None
) -> list[Decision]:
    """Every decision stated in ``text`` (one chunk), with its source."""
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
    """Precision and recall of ``records`` against hand-labelled ``gold`` rows.

    A decision is the key (document file name, date, body, act, negated); gold rows give ``doc``,
    ``date``, ``body``, ``act`` and optionally ``negated``. Only documents that appear in ``gold``
    or in ``records`` count; the records of each key are counted once.
    """

    def key(doc: str, date: str, body: str, act: str, negated: bool) -> tuple:
        return (doc.rsplit("/", 1)[-1], date, canonical_body(body) or body, act, bool(negated))

    predicted = {key(r.doc_id, r.date, r.body, r.act, r.negated) for r in records}
    wanted = {key(g["doc"], g["date"], g["body"], g["act"], g.get("negated", False)) for g in gold}
    hits = predicted & wanted
    return {
        "gold": len(wanted),
        "extracted": len(predicted),
        "correct": len(hits),
        "precision": round(len(hits) / len(predicted), 3) if predicted else None,
        "recall": round(len(hits) / len(wanted), 3) if wanted else None,
        "false_positives": sorted(predicted - wanted),
        "missed": sorted(wanted - predicted),
    }
