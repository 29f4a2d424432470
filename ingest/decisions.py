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
requests, conditions and rights ("zal instemmen", "heeft instemming nodig", "voorwaarde was dat", "the right to
consent") are not decisions; nor are participles used as adjectives or citations ("de overeengekomen afspraken", "zoals
vastgesteld in het plan"), but a citation that names its agent is ("zoals vastgesteld door het ministerie").
Commitments ("heeft toegezegd") and choices ("heeft ervoor gekozen") are decisions; agreements made, signed or decided
jointly by two bodies are agreements, recorded under the ministry when it is a party. A consent, approval
or verdict held or received ("die de instemming hebben van deze raden", "kregen een positief oordeel van de minister")
is the act of the body it is of; a decision whose "dat" clause coordinates two clauses ("besloot dat A …, en B …") is
one record per thing decided. An agreement recorded by its parties ("leggen hun overeenstemming vast") or reported in
an inverted clause ("…, was de afspraak in 2014, …") is an agreement; a panel of an assessing body assesses for it,
also when the next sentence gives the verdict ("De uitkomst was positief").

Within a document (:func:`document_decisions`): a body named by its kind alone ("het college", "de raad") is the
document's body of that kind; the institution itself may decide ("de hogeschool", its initials); an agentless
passive takes the body its paragraph is about; an undated decision takes the date of the meeting the document
records or its lead reports (an agreement document: the place-and-date line it opens with); a formal report is adopted
by its committee on the date of its "Vastgesteld <date>" line; and a decision reported twice (headline and lead,
agreement and signing) is one record.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

from planwijzer.ingest.language import detect_language
from planwijzer.ingest.metadata import _MONTHS, MONTH_RE, YEAR_RE, format_date_parts
from planwijzer.ingest.sentences import split_sentences

# --- bodies ---------------------------------------------------------------------------------------

_BODY_PATTERNS: list[tuple[str, str, int]] = [
    ("Universiteitsraad", r"universiteitsraad|university council|\bU-?raad\b", re.I),
    ("Universiteitsraad", r"\bUR\b", 0),
    ("Universitaire Studentenraad", r"universitaire studentenraad|\bUSR\b", 0),
    ("College van Bestuur", r"college van bestuur|executive board", re.I),
    ("College van Bestuur", r"\bCvB\b", 0),
    # its members speak for it ("De rector zegt toe dat …", "Rector Doornbos zegde toe …")
    ("College van Bestuur", r"\brector(?:\s+magnificus)?\b", re.I),
    ("College voor Promoties", r"college voor promoties|doctorate board", re.I),
    ("College voor Promoties", r"\bCvP\b", 0),
    # singular and plural ("de faculteitsraden", "the faculty councils"): several councils of one kind act as one body
    ("Faculteitsraad", r"faculteitsra(?:ad|den)|faculty councils?", re.I),
    (
        "Medezeggenschapsraad",
        r"(?:centrale )?medezeggenschapsra(?:ad|den)|(?:central )?participation councils?",
        re.I,
    ),
    ("Medezeggenschapsraad", r"\b[CG]?MR\b", 0),
    ("Ondernemingsraad", r"ondernemingsra(?:ad|den)|works councils?", re.I),
    ("Ondernemingsraad", r"\bOR\b", 0),
    ("Gemeenschappelijke Vergadering", r"gemeenschappelijke vergadering|joint assembly", re.I),
    # by its name only: "in de gezamenlijke vergadering" is a meeting
    ("Gemeenschappelijke Vergadering", r"\bGezamenlijke Vergadering\b", 0),
    ("Gemeenschappelijke Vergadering", r"\bGV\b", 0),
    ("Opleidingscommissie", r"opleidingscommissies?|program(?:me)? committees?", re.I),
    ("Raad van Toezicht", r"raad van toezicht|supervisory board", re.I),
    # the consultation of an institution's employer and the unions on terms of employment
    ("Lokaal Overleg", r"lokaal overleg|local consultative (?:body|committee)", re.I),
    (
        "NVAO",
        r"\bNVAO\b|nederlands-vlaamse accreditatieorganisatie|accreditation organisation of the netherlands",
        re.I,
    ),
    (
        "Ministerie van OCW",
        r"(?:(?:de|het|the)\s+)?(?:ministerie|minister|ministry|staatssecretaris|state secretary)"
        r"(?:\s+\w+)?\s+(?:van|of)\s+"
        r"(?:OCW|onderwijs(?:,?\s+cultuur\s+en\s+wetenschap)?|education(?:,?\s+culture\s+and\s+science)?)"
        r"(?:\s*\(OCW\))?|\bOCW\b|\b(?:de|het|the|mijn|my)\s+(?:minister|ministerie|ministry)\b"
        r"(?!\s+(?:van|of)\s+(?!OCW|Onderwijs|Education)[A-Z])|"
        r"\bMinister\s+(?!(?-i:van|of)\b)[A-Z]\w+",  # not another ministry ("het ministerie van Financiën")
        re.I,
    ),
    # "uw Kamer" in a letter to parliament, as the subject ("Op 4 april heeft uw Kamer ingestemd"), not the addressee
    # ("heb ik uw Kamer toegezegd")
    (
        "Tweede Kamer",
        r"tweede kamer|house of representatives|\bde Kamer\b|(?<=heeft )uw Kamer\b|(?<=had )uw Kamer\b|"
        r"\b[Uu]w Kamer(?= (?:heeft|had|stemde|nam|keurde|aanvaardde|verwierp)\b)",
        0,
    ),
    ("Tweede Kamer", r"tweede kamer|house of representatives", re.I),
    ("Eerste Kamer", r"eerste kamer|\bsenate\b", re.I),
    ("Kabinet", r"\bkabinet\b|\bcabinet\b", re.I),
]
BODIES = sorted({name for name, _, _ in _BODY_PATTERNS})
_BODIES = [(name, re.compile(pattern, flags)) for name, pattern, flags in _BODY_PATTERNS]
NATIONAL_BODIES = frozenset({"NVAO", "Ministerie van OCW", "Tweede Kamer", "Eerste Kamer", "Kabinet"})
"""Bodies that belong to no institution."""
CONSENTING_BODIES = frozenset(
    {
        "Universiteitsraad",
        "Faculteitsraad",
        "Medezeggenschapsraad",
        "Universitaire Studentenraad",
        "Ondernemingsraad",
        "Gemeenschappelijke Vergadering",
    }
)
"""Participation councils: their yes to a plan is their consent (instemmingsrecht), whatever the verb ("the University
Council approved the plan", as English pages write "stemde in")."""
ASSESSING_BODIES = frozenset({"NVAO"})
"""Bodies whose (positive or negative) advice on a plan is a formal assessment, not just advice."""
PARLIAMENT = frozenset({"Tweede Kamer", "Eerste Kamer"})
_ACCREDITED = re.compile(
    r"\b(?:grant(?:s|ed)?|verleen(?:t|de|den)?|verleend|toe\s+te\s+kennen|to\s+grant|renew(?:s|ed)?|to\s+renew|"
    r"verleng(?:t|de|den)?|verlengd)\b[^.;]{0,40}?\baccreditati(?:on|e)\b|"
    r"\baccreditati(?:on|e)\b[^.;]{0,40}?\b(?:te\s+verlenen|verleend|granted|toegekend|renewed|te\s+verlengen|verlengd)\b|"
    r"\b(?:to\s+(?:re-?)?accredit|te\s+(?:her)?accrediteren)\b",
    re.I,
)
"""Accreditation granted or renewed ("decided to grant accreditation", "besloot de accreditatie te verlenen",
"decided to accredit the programme", "decided … to renew the accreditation"): an assessing body's positive
verdict."""
AGREEMENT_LEAD = "Ministerie van OCW"
"""The party an agreement is recorded under when it is one of the parties (else the first party named)."""
KIND_WORDS = {
    "raad": "raad", "council": "raad", "college": "college", "bestuur": "bestuur", "board": "bestuur",
    "commissie": "commissie", "committee": "commissie", "assembly": "assembly",
}  # fmt: skip
"""A body named by its kind alone ("de raad", "the board") and the word its canonical names contain."""
_GOVERNING_BOARD = re.compile(r"(?:Board|Council)\s+of\s+(?:Governors|Directors|Trustees)", re.I)
"""An institution's governing board under another name than the College van Bestuur ("the Board of Governors", "the
Board of Directors"): a bare "the board" in a text that names it is that board."""
_BARE_DEFAULTS = {"college": "College van Bestuur", "bestuur": "College van Bestuur"}
_MUNICIPAL_DEFAULTS = {"college": "College van burgemeester en wethouders", "raad": "Gemeenteraad"}
"""The bodies a bare kind names in a municipality's own document ("de raad stelt … vast", "het college zegt toe")."""
_MUNICIPALITY = re.compile(r"^(?:gemeente|municipality\s+of)\s", re.I)
_MUNICIPAL_BODY = re.compile(r"\b(?:city|town|municipal)\s+(?:council|executive)\b", re.I)
"""A municipality's council or executive as an English document writes it ("the Velsdam city council"); Dutch ones
keep the names of :data:`_MUNICIPAL_DEFAULTS`."""
_TITLE_KIND = re.compile(
    r"\b([A-Z]?[\w-]*(?:raad|commissie)|[A-Z][\w-]*(?:council|committee)|"
    r"(?-i:(?!The\b|De\b|Het\b)[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?\s+(?:Council|Committee|Board|Assembly))|"
    r"(?-i:(?:Council|Committee|Board)\s+of\s+(?:Examiners|Governors|Directors|Trustees|Deans)))\b",
    re.I,
)
"""A body the title names by a word of its kind ("Jaarverslag Studentenraad …", "Annual report Programme Committee",
"Examination Board", "Board of Examiners"; not "raadsvergadering", a meeting)."""
"""The body a bare kind names at a university or university of applied sciences when no body of that kind is named."""
_INSTITUTION_NOUN = re.compile(
    r"\b(?:[Dd]e|[Tt]he)\s+(?:universiteit|hogeschool|university|Universiteit|Hogeschool|University)\b"
    r"(?![\w-])(?!\s+(?:van|of)\b)(?!\s+[A-Z])"
)
"""The institution itself as a deciding body ("de hogeschool heeft ervoor gekozen", "the university signed", "The
University is choosing to invest"; not "the University Council", "the University of Amsterdam")."""
_INSTITUTION_WORDS = re.compile(r"universiteit|hogeschool|university|\bTU\b", re.I)
"""Words in the name of an institution (not of a publication or an organisation that writes about them)."""
_GENERIC_BODY = re.compile(
    r"\b(?:[Dd]e|[Hh]et|[Tt]he|een|a|[Oo]ur|[Ii]ts|[Tt]heir)\s+((?:[A-Z][\w-]+\s+){0,3}(?:[A-Z]\w*-)?"
    r"(?:(?:faculty|student|programme|program|examination)\s+(?=board|council|committee))?"
    r"(?:(?:city|town|municipal|provincial)\s+(?=council|executive|board))?"
    r"(?:(?:algemene|general)\s+(?=ledenvergadering|assembly))?"
    r"(?i:college\s+van\s+(?:burgemeester\s+en\s+wethouders|b\s?(?:&|en)\s?w)\b|"
    r"\w*?(?:raad|bestuur|besturen|commissies?)(?<!voorraad)(?<!beraad)(?<!draad)(?<!graad)|college|jury|council|board|senaat|"
    r"(?:(?<=municipal\s)|(?<=provincial\s))executive|"
    r"committee|minister|ministerie|ministry|overheid|regering|government|decaan|dean|ledenvergadering|assembly|"
    r"parlement|parliament)"
    r"(?:\s+(?:van|of)\s+(?i:bestuur|toezicht|beheer|advies|governors|directors|trustees|examiners))?"
    r"(?:\s+(?:van|of)\s+(?:de\s+|het\s+|the\s+)?[A-Z][\w-]+(?:\s+(?:der|van|voor|of|for|[A-Z][\w-]+)){0,3}(?<!\sder)"
    r"(?<!\svan)(?<!\svoor)(?<!\sof)(?<!\sfor)|"
    r"\s+(?:van|of)\s+(?:de\s+|het\s+|the\s+)(?:[a-z][\w-]*\s+){0,3}?(?i:stichting|foundation|vereniging|association)"
    r"(?:\s+[A-Z][\w-]+){0,2})?)\b"
)
"""Any other council, board, committee, jury, minister or government named in a sentence ("de raad van bestuur", "the
Board of Governors", "the Faculty Board", "the Central Student Council", "de Examencommissie", "het faculteitsbestuur",
"de gemeenteraad", "het college van burgemeester en wethouders", "het KPQ-bestuur", "de overheid", "the Velsdam city
council", "the municipal executive", "the faculty board", "the programme committee", "the Provincial Executive of
Westmark", "the board of the student housing foundation SSZ", "het bestuur van de stichting"; not "de voorraad", "het
beraad"): shown as written."""
_HEADLINE_BODY = re.compile(
    r"^\W*((?:(?!(?:The|De|Het|Een|An?)\s)[A-Z][\w-]+\s+)?(?:Raad|Council|Board|Committee|Commissie|Bestuur|College))"
    r"\s+[a-z]"
)
"""A headline's body without its article ("Raad stemt in met bestedingsplan", "Council approves spending plan")."""
_STATES = re.compile(r"\b(?:Gedeputeerde|Provinciale)\s+Staten\b")
"""A province's executive or council, which Dutch names without an article ("GS keuren … goed", "aan Provinciale
Staten")."""
_ASSOCIATION = re.compile(r"\b(?:Vereniging|Association|Federatie|Federation)(?:\s+(?:van|of))?(?:\s+[A-Z][\w-]+){1,3}")
"""An association named by its proper name ("de Vereniging Hogescholen", "the Association of Universities"): a party
that may agree or decide, shown as written."""
_INSTITUTION = re.compile(
    r"\b(?:(?:Universiteit|Hogeschool|University|Rijksuniversiteit)(?:\s+(?:van|of))?"
    r"(?:\s+(?!(?:Council|Board|College|Raad|Committee|Commissie)\b)[A-Z][\w-]+(?![\w-])){1,2}(?!\s+(?:Committee|Commissie)\b)|"
    r"(?:[A-Z][\w-]+\s+){1,2}University(?!\s+(?:[A-Z][\w-]+\s+)?(?:Council|Board|Committee)\b))"
)
"""An institution by name ("Universiteit Utrecht", "Leiden University"; not "University Council", a body)."""

# --- acts -----------------------------------------------------------------------------------------

_GAP = r"(?:\s+[*\w’'()–\"“”„‘€£$-]+(?:[.,]\d+)*){0,12}?"  # the words between the parts of a separable verb,
# within a clause (a quoted title among them: "keurde het plan "Samen verder" goed"; an amount: "€ 1,2 miljoen")
_AFTER = (  # "na instemming van", "following approval by", "op basis van een positief advies van"
    r"\b(?:na|met|following|after|with|op\s+(?:basis|grond)\s+van|based\s+on|on\s+the\s+basis\s+of)\s+"
    r"(?:de\s+|het\s+|the\s+|een\s+|an?\s+)?"
)
_ELECTION = (
    r"(?!\s+(?:de\s+|het\s+|the\s+|een\s+|an?\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:kandida+t|candidat|partij|part(?:y|ies)\b|lijst|list\b|[\w-]*raad\b|[\w-]*council\b|termijn|term\b|"
    r"zetel|seat))"
)
"""Not followed by a candidate, party, list, council, seat or term: voting for or being chosen for one of those is an
election, not a decision."""
_NOMINAL = re.compile(_AFTER, re.I)
_RELATIVE_PRONOUN = r"(?:that|which|dat|die)"
_ISSUED_BY = rf"{_RELATIVE_PRONOUN}(?=(?:\s+[\w-]+){{1,4}}?\s+(?:issued|gave|uitbracht|uitbrachten|gaf|afgaf)\b)"
"""A relative clause that names who gave a nominal verdict ("following the positive assessment that the NVAO issued on
20 January", "na het positieve oordeel dat de NVAO in mei uitbracht"): its agent, as "van"/"by" would."""
_DATED_AGENT = (
    r"(?=(?:\s+[\w’'-]+){1,6}?,?\s+(?:die|dat)\s+op\s+\d{1,2}\s+[a-z]+(?:\s+\d{4})?\s+(?:werd|is|was)\s+"
    r"(?:verleend|gegeven)\b|"
    r"(?:\s+[\w’'-]+){1,6}?,?\s+(?:(?:verleend|gegeven|given|granted)\s+)?"
    r"(?:(?:in|at|op|on|tijdens|during)\s+(?:de|het|the|its|zijn|haar|diens|hun|their)\s+(?:[\w-]+\s+)?"
    rf"(?:vergadering|meeting)\s+)?(?:van|of|d\.d\.|dated|op|on)\s+\d{{1,2}}\s+{MONTH_RE})"
)
"""After a nominal act: its agent and the day it was given ("de instemming van de Universiteitsraad van 6 februari
2024" in a formal decision's "gelet op" list, "de instemming van de raad, verleend in diens vergadering van 29
augustus 2023"): a consent given that day, not a right or a requirement; also in a relative clause ("de instemming
van de Universiteitsraad …, die op 18 februari 2025 werd verleend")."""
_HOLD = r"(?:heeft|hebben|had|hadden|kreeg|kregen|gekregen|ontving|ontvingen|verkreeg|verkregen)"
"""Having or receiving something a body gives ("de instemming hebben van", "kreeg de goedkeuring van")."""
_HOLD_GAP = r"(?:\s+(?!recht\b|rechten\b|bevoegdheid\b|nodig\b)[\w-]+){0,4}?"
"""Words between "kregen" and what was received ("kregen de plannen de instemming van"), but not a right ("heeft het
recht op instemming van")."""
_RECEIVE = r"(?:kreeg|kregen|ontving|ontvingen|received|obtained|got)"
_RECEIVED = r"(?:ontvangen|gekregen|verkregen)"
_PERFECT = re.compile(r"\b(?:heeft|hebben|had|hadden)\b", re.I)
"""A perfect auxiliary: with it, "ontvangen" is a participle ("hadden … ontvangen"); without it, a present tense
("instellingen die een positief oordeel ontvangen, krijgen …") that describes a procedure."""
_VERDICT = r"(?:oordeel|beoordeling|besluit|advies|assessment|decision|advice)"
_BY = r"(?:van|door|of|from|by)"
_NOT_NEEDED = r"(?!(?:\s+[\w-]+){0,6}?\s+(?:nodig|vereist|needed|required)\b)"
"""Not followed by "nodig"/"needed": "heeft de instemming van de raad nodig" is a requirement, not a consent held."""
_ASSESSED = r"(?:(?:besluit|oordeel)\s+)?(?:(?:is|zijn|werd|werden|heeft|hebben|had|hadden)\s+)?(?:her)?beoordeeld\b"
"""After "positief"/"negatief": assessed, also with a verdict noun or an auxiliary between ("negatief is
beoordeeld", "met een negatief besluit beoordeeld", "positief herbeoordeeld")."""


def _verdict_given(verdict: str) -> str:
    """An English assessment with ``verdict`` ("positive", "negative") given or reached: "gave a positive
    assessment", "issued its negative advice", "took a negative accreditation decision", "reassessed … as
    positive", "assessed … with a negative decision", "assessed the quality of the programme (60 EC; …) negatively",
    "has decided to assess … as conditionally positive"."""
    return (
        rf"\b(?:gave|given|issued|delivered|published)\s+(?:a|its)\s+{verdict}\s+(?:assessment|advice|verdict|opinion)\b|"
        rf"\b(?:took|taken|made)\s+a\s+{verdict}\s+(?:accreditation\s+)?decision\b|"
        rf"\b(?:(?:re)?assessed|decided\s+to\s+(?:re)?assess)\b{_VERDICT_OBJECT}\s+(?:as\s+(?:conditionally\s+)?{verdict}|"
        rf"{verdict}ly|with\s+a\s+{verdict}\s+(?:decision|verdict|outcome))\b"
    )


_VERDICT_OBJECT = r"[^.:?!]{0,200}?"
"""What an assessment judges, however long ("the quality of the existing master's programme Global Health (60 EC;
…)")."""


def _verdict_reached(verdict: str, past: bool) -> str:
    """An English verdict reached ("reached a positive judgement", "reaches a negative conclusion"; with ``past``
    False the present: "reach", "reaches")."""
    reach = "reached" if past else "reach(?:es)?"
    return rf"\b{reach}\s+a\s+{verdict}\s+(?:judge?ment|verdict|conclusion)\b"


_VERDICT_DECISION = re.compile(r"\b(positie[fv]e?|positive|negatie[fv]e?|negative)\s+(?:besluit|decision)\b", re.I)
"""A decision with a verdict ("een positief besluit genomen over de instellingstoets", "a negative decision on"): an
assessing body's is its assessment (another body's "positief besluit" is a decision of its own kind)."""


def _dutch_verdict(verdict: str, past: bool) -> str:
    """A Dutch verdict with the verb "oordelen", "komen tot", "geven", "nemen" or "uitvallen" ("oordeelde positief",
    "kwam tot een negatief oordeel", "gaf in maart een positief oordeel", "heeft een positief accreditatiebesluit
    genomen", "viel het oordeel negatief uit"; with ``past`` False their present: "oordeelt", "komt tot", "geeft",
    "neemt", "valt"). With "nemen" only an accreditation decision is an assessment: "nam een positief besluit over de
    toets" is a decision of another kind."""
    judge, reach, fall = ("oordeelde[n]?", "kwam|kwamen", "viel|vielen") if past else ("oordeelt", "komt", "valt")
    give = "gaf|gaven" if past else "geeft"
    take = "nam|namen" if past else "neemt"
    taken = rf"\been\s+{verdict}\s+accreditatiebesluit\s+(?:[\w-]+\s+){{0,6}}?genomen\b|" if past else ""
    return (
        rf"\b(?:{judge})\b{_GAP}\s+{verdict}\b|\b(?:{reach})\b{_GAP}\s+tot\s+een\s+{verdict}\s+(?:oordeel|besluit)\b|"
        rf"\b(?:{give})\b{_GAP}\s+een\s+{verdict}\s+(?:oordeel|besluit)\b|"
        rf"\b(?:{take})\b{_GAP}\s+een\s+{verdict}\s+accreditatiebesluit\b|{taken}"
        rf"\b(?:{fall})\b[^.;:?!]{{0,80}}?\b(?:oordeel|besluit|beoordeling)\b[^.;:?!]{{0,80}}?\s{verdict}\s+uit\b"
    )


def _present_verdict(dutch: str, english: str) -> str:
    """An assessment in the present tense with its verdict after its object, as in an assessing body's own decision:
    "beoordeelt de kwaliteit … als (voorwaardelijk) <dutch>", "assesses the quality … as (conditionally) <english>" or
    "… <english>ly" (the qualifier as :func:`_verdict_given` reads it)."""
    return (
        rf"\bbeoordeelt\b{_VERDICT_OBJECT}\s+(?:als\s+)?(?:voorwaardelijk\s+)?{dutch}\b|"
        rf"{_dutch_verdict(dutch, past=False)}|"
        rf"\b(?:re)?assesses\b{_VERDICT_OBJECT}\s+(?:as\s+(?:conditionally\s+)?{english}|{english}ly)\b"
    )


_LONG_OBJECT = r"[^.;:?!]{0,160}?"
"""The object between a present-tense verb and its particle at the end of its clause, however long ("stelt de
onderwijs- en examenregelingen 2023-2024 van de bachelor- en masteropleidingen vast")."""
_PARTICLE_END = r"(?=\s*(?:[.;,:!)]|$|en\b|onder\b|met\b|om\b|omdat\b|want\b))"
"""The particle ends the clause (not "stelt vast dat", "wijst af te …")."""
_PRESENT_DECIDE = (
    r"(?<!het\s)(?<!een\s)(?<!dit\s)(?<!dat\s)(?<!zijn\s)(?<!haar\s)(?<!hun\s)(?<!ons\s)(?<!elk\s)(?<!de\s)"
    r"(?<!deze\s)(?<!die\s)(?<!alle\s)(?<!welk\s)(?<!welke\s)(?<!genomen\s)(?<!eerdere\s)(?<!definitieve\s)"
    r"\b(?:besluit|besluiten)\b(?![*_\s]*:)"
    r"(?=\s+(?:om|dat|tot)\b|(?:[^.;:]|(?<=\d)[.:](?=\d)){0,150}?\bte\s+[\w-]+n\b)|"
    r"\bdecides\s+(?:to|that|on)\b|\bresolves\s+to\b|\bcommits\s+(?:itself\s+)?to\s+\w+ing\b|"
    r"\b(?:wijzigt|wijzigen|herziet|herzien)\b(?=\s+(?:zijn|haar|hun|het)\s+(?:[\w-]+\s+)?besluit\b)"
)
"""A decision in the present tense of a decision list or minutes ("Het college besluit de pilot te beëindigen",
"besluit om", "The board decides to …", "wijzigt zijn besluit van 6 maart"; an amount's point, "(€ 610.000)", ends
no sentence); not the noun ("het besluit om …") nor a
"Besluit:" line's label."""


_CHOOSES_FOR = rf"\s+(?:[\w-]+\s+){{0,3}}?voor\b{_ELECTION}(?!\s+(?:om|te)\b)"
"""After "koos/kiest": what was chosen ("koos het bestuur voor een pilot"), not a candidate or list."""


_VOTE_HOW = (
    r"(?:\s+(?:\d+\s*(?:to|[-–])\s*\d+|on\s+[A-Z][a-z]+(?:\s+(?:evening|night|afternoon|morning))?|unanimously|"
    r"by\s+[\w-]+\s+votes?\s+to\s+[\w-]+|by\s+a\s+(?:narrow|large|clear)\s+majority)){0,3}"
)
"""How and when a vote went, between "voted" and "for"/"against" ("voted 13 to 6", "voted on Tuesday by seven votes
to six in favour of", "voted unanimously against")."""


_ACT_PATTERNS: list[tuple[str, str]] = [
    (
        "consent",
        rf"\bstemde[n]?\b{_GAP}\s+in\s+met\b|\bstemde[n]?\b{_GAP}\s+in(?=\s*(?:[.;:!,]|\(|$))|\bingestemd\b|\binstemde[n]?\b|"
        rf"\binstemming\s+(?:gegeven|verleend)\b|\b(?:werd|werden)\s+(?:de\s+)?instemming\b{_GAP}\s+(?:gegeven|verleend)\b",
    ),  # "stemde de raad in met het plan", "Daarna stemde de raad in.", "werd de instemming met het statuut verleend"
    (
        "consent",
        rf"\b(?:gaf|gaven|verleende|verleenden)\b{_GAP}\s+(?:zijn|haar|hun)?\s*instemming\b|"
        rf"\b(?:geeft|geven|verleent)\b{_GAP}\s+(?:zijn|haar|hun)\s+instemming\b|"  # a minutes' present: "geeft de raad
        # zijn instemming aan de nieuwe norm"
        rf"\b(?:ging|gingen)\b{_GAP}\s+akkoord\b|"
        r"\bakkoord\s+(?:ging|gingen)\s+met\b",
    ),
    (
        "consent",
        r"\bakkoord\s+gegaan\b|\bconsented\b|\b(?:gave|withheld|had\s+given)\s+(?:its|their)\s+consent\b",
    ),
    # a record's line that dates a body's consent ("University Council consent: 23-02-2021", "Instemming
    # Universiteitsraad: 6 mei 2025" in a regulation's history)
    ("consent", r"\b(?:consent|instemming)(?:\s+[A-Z][\w-]*){0,3}\s*:\s*(?=\d{1,2}[-/ ])"),
    # a council writing of its own consent ("A revised version received our consent in September")
    (
        "consent",
        r"\b(?:received|obtained|got|gained|kreeg|kregen|ontving|ontvingen)\s+(?:our|onze)\s+(?:consent|instemming)\b",
    ),
    ("reject", rf"\bstemde[n]?\b{_GAP}\s+tegen\b|\btegengestemd\b|\bverworpen\b|\bverwierp(?:en)?\b|\bafgewezen\b"),
    # voted down ("heeft het voorstel weggestemd", "stemde het voorstel weg"), not "op weg" or "de weg"
    ("reject", rf"\bweggestemd\b|\bstem(?:de|den|t|men)\b{_GAP}\s+(?<!op\s)(?<!de\s)weg\b(?!\s+(?:naar|van)\b)"),
    (
        "reject",
        rf"\brejected\b|\bturned\s+down\b|\bvoted{_VOTE_HOW}\s+against\b|"
        r"\bdeclined(?=\s+(?:the|a|an|this|that|its|their)\s+(?:[\w-]+\s+){0,3}?(?:request|proposal|application|"
        r"plan|offer|appeal|bid)\b)|"
        r"\b(?:request|proposal|application|appeal|bid)\s+(?:is|was|were|are|has\s+been|have\s+been)\s+declined\b|"
        r"(?:(?<=council\s)|(?<=board\s)|(?<=committee\s)|(?<=senate\s)|(?<=majority\s)|(?<=assembly\s)|(?<=\bit\s))"
        r"votes\s+against\b|\bvoted\s+(?:\w+\s+){0,4}?down\b|\bwees\b.{0,60}?\baf\b|"
        # a letter's own refusal: "Dat verzoek wijs ik af"
        r"\b(?:wijs\s+ik|wijzen\s+(?:wij|we))\b(?:\s+[\w-]+){0,6}?\s+af\b",
    ),
    (
        "approve",
        rf"\bgoedgekeurd\b|\bgoedkeurde[n]?\b|\bkeurde[n]?\b{_GAP}\s+goed\b|\bapproved\b|\b(?:did\s+not|didn't|did)\s+approve\b",
    ),
    (
        "approve",
        r"\bgoedkeuring\s+(?:(?:heeft|hebben|had|hadden|is|werd|was)\s+)?(?:gegeven|verleend)\b|"
        r"\bgoedkeuring\s+(?:verleende|verleenden|gaf|gaven)\b|"
        rf"\b(?:gaf|gaven|verleende|verleenden)\b{_GAP}\s+(?:zijn|haar|hun)?\s*goedkeuring\b",
    ),
    # "hecht zijn goedkeuring aan", "heeft haar goedkeuring gehecht aan": the idiom of a supervisory board's approval
    (
        "approve",
        rf"\b(?:hecht|hechten|hechtte|hechtten)\b{_GAP}\s+(?:zijn|haar|hun)\s+goedkeuring\s+aan\b|"
        r"\bgoedkeuring\s+gehecht\b",
    ),
    ("consent", r"\b(?:did|does|do)\s+not\s+consent\b|\b(?:didn't|doesn't|don't)\s+consent\b"),
    ("adopt", r"\b(?:did\s+not|didn't)\s+adopt\b"),
    (
        "assess_positively",
        rf"\bpositief\s+{_ASSESSED}|\bpositief\s+oordeel\s+(?:gegeven|gaf)\b|\bassessed\b(?:\s+[\w-]+){{0,4}}?\s+positively\b",
    ),
    ("assess_positively", r"\bpositively\s+assessed\b|\bdecided\s+positively\b|" + _verdict_given("positive")),
    ("assess_negatively", r"\bdecided\s+negatively\b"),
    # the past tense with the verdict after its object ("beoordeelde het plan in oktober 2019 positief")
    ("assess_positively", rf"\b(?:her)?beoordeelde[n]?\b{_GAP}\s+(?:positief|als\s+voldoende)\b"),
    ("assess_negatively", rf"\b(?:her)?beoordeelde[n]?\b{_GAP}\s+(?:negatief|als\s+onvoldoende)\b"),
    # "oordeelde positief", "kwam tot een negatief oordeel", "viel het oordeel negatief uit"
    ("assess_positively", _dutch_verdict("positief", past=True)),
    ("assess_positively", _verdict_reached("positive", past=True)),
    ("assess_negatively", _verdict_reached("negative", past=True)),
    ("assess_negatively", _dutch_verdict("negatief", past=True)),
    ("assess_negatively", _verdict_given("negative")),
    (
        "assess_negatively",
        rf"\bnegatief\s+{_ASSESSED}|\bnegatively\s+assessed\b|\bassessed\b(?:\s+[\w-]+){{0,4}}?\s+negatively\b",
    ),
    # a verdict received ("kregen een positief oordeel van de minister", "een negatief besluit van de NVAO ontvangen")
    (
        "assess_positively",
        rf"\b{_RECEIVE}{_HOLD_GAP}\s+(?:een\s+|a\s+)?(?:positie[fv]e?|positive)\s+{_VERDICT}\s+{_BY}\b|"
        rf"\bpositie[fv]e?\s+{_VERDICT}\s+(?:van|door)\b(?:\s+[\w’'()-]+){{1,6}}?\s+{_RECEIVED}\b",
    ),
    (
        "assess_negatively",
        rf"\b{_RECEIVE}{_HOLD_GAP}\s+(?:een\s+|a\s+)?(?:negatie[fv]e?|negative)\s+{_VERDICT}\s+{_BY}\b|"
        rf"\bnegatie[fv]e?\s+{_VERDICT}\s+(?:van|door)\b(?:\s+[\w’'()-]+){{1,6}}?\s+{_RECEIVED}\b",
    ),
    # a consent or approval held or received ("die de instemming hebben van deze raden", "has the approval of")
    (
        "consent",
        rf"\b(?:de|hun|zijn|haar)\s+instemming\s+{_HOLD}\s+(?:van|door)\b{_NOT_NEEDED}|"
        rf"\b{_HOLD}{_HOLD_GAP}\s+(?:de\s+|hun\s+|zijn\s+|haar\s+)?instemming\s+(?:van|door)\b{_NOT_NEEDED}|"
        rf"\binstemming\s+(?:van|door)\b(?:\s+[\w’'()-]+){{1,6}}?\s+{_RECEIVED}\b|"
        rf"\b(?:has|have|had|received|obtained|got|gained)\s+(?:the\s+)?consent\s+(?:of|from|by)\b{_NOT_NEEDED}",
    ),
    (
        "approve",
        rf"\b(?:de|hun|zijn|haar)\s+goedkeuring\s+{_HOLD}\s+(?:van|door)\b{_NOT_NEEDED}|"
        rf"\b{_HOLD}{_HOLD_GAP}\s+(?:de\s+|hun\s+|zijn\s+|haar\s+)?goedkeuring\s+(?:van|door)\b{_NOT_NEEDED}|"
        rf"\bgoedkeuring\s+(?:van|door)\b(?:\s+[\w’'()-]+){{1,6}}?\s+{_RECEIVED}\b|"
        rf"\b(?:has|have|had|received|obtained|got|gained)\s+(?:the\s+)?approval\s+(?:of|from|by)\b{_NOT_NEEDED}",
    ),
    # a joint decision of two bodies ("het college en de raad besloten gezamenlijk") is an agreement between them
    (
        "agree",
        r"\b(?:besloten|besloot|beslisten|besluiten|decided)\s+(?:gezamenlijk|samen)\b|\b(?:gezamenlijk|samen|jointly)\s+"
        r"(?:besloten|besloot|beslisten|besluiten|decided|decide)\b|\b(?:decided|decide)\s+(?:jointly|together)\b",
    ),
    (
        "decide",
        r"\bbesloot\b|\bbesliste[n]?\b|\b(?:heeft|hebben|had|hadden)\s+(?:\w+\s+){0,3}?beslist\b|"
        r"\bbesloten\b(?!\s+(?:vennootschap|zitting|vergadering|deel|kring))|\bdecided\b(?!\s+(?:positively|"
        r"negatively)\b)|\bbesluit\s+genomen\b|\btook\s+a\s+decision\b|\bresolved\s+(?:that|to)\b|"
        r"\b(?:nam|namen)\s+(?:het|een|dat|dit|de)\s+(?:\w+\s+)?(?:besluit|beslissing)\b",
    ),
    # a commitment given ("heeft toegezegd", "zegde toe", "deed/gaf de toezegging") and a choice made ("heeft ervoor
    # gekozen", "koos ervoor", "chose to")
    (
        "decide",
        rf"\btoegezegd\b|\bzeg(?:de[n]?|t|gen)\b{_GAP}\s+toe\b|"
        rf"\b(?:deed|deden)\b{_GAP}\s+(?:de\s+|een\s+)?toezegging\b|"
        r"\b(?:gaf|gaven)\b[^.;:?!]{0,120}?\s(?:de|een)\s+(?:formele\s+)?toezegging\b|"
        r"\b(?:promised|promises)\b(?=(?:\s+(?:the|its|their)\s+\w+)?\s+that\b)|"
        r"\bcommits\s+(?:itself\s+)?to\s+(?:the|its)\s+\w+\s+that\b|"
        r"(?<!\bis\s)(?<!\bare\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bremains\s)(?<!\bstays\s)"
        r"\bcommitted\s+(?:itself\s+|themselves\s+)?to\s+(?:\w+ing\b|(?:the|its|their)\s+(?:[\w-]+\s+){0,2}?"
        r"(?:council|board|committee|senate)\s+that\b)",  # "committed to presenting …", "formally committed to the
        # Council that …"; not "is committed"
    ),
    (
        "decide",
        rf"\b(?:ervoor|er(?:\s+(?!voor\b)[\w-]+){{0,3}}?\s+voor)\s+gekozen\b|\b(?:koos|kozen)\b{_GAP}\s+(?:ervoor|er\s+voor)\b|\b(?:chose|opted)\s+to\b",
    ),
    # a choice stated in the present tense or with "er … voor" split ("kiest er eveneens voor om", "chooses to",
    # "is also choosing to")
    (
        "decide",
        rf"\b(?:kiest|kiezen)\b{_GAP}\s+(?:ervoor|er\s+voor)\b|"
        r"\b(?:koos|kozen|kiest|kiezen)\s+(?:[\w-]+\s+){0,5}?er\s+(?:[\w-]+\s+){1,4}?voor\b|"
        r"\b(?:chooses|opts)\s+to\b|\bopts\s+for\b|\b(?:has|have|had)\s+(?:chosen|opted)\s+(?:to|for)\b|"
        r"\b(?:is|are)\s+(?:\w+\s+)?(?:choosing|opting)\s+(?:to|for)\b",
    ),
    ("decide", rf"\bgekozen\s+voor\b{_ELECTION}|\bopted\s+for\b"),
    ("decide", rf"\b(?:koos|kozen){_CHOOSES_FOR}"),
    # a bill or motion voted through is approved (rule 15 of tests/decisions_gold_README.md: "voting for a bill")
    (
        "approve",
        r"\b(?:motion|motie|wetsvoorstel|wet|amendement|amendment|bill)\b.{0,40}?\b(?:accepted|aangenomen|aannam|"
        r"aannamen)\b|"
        r"\baccepted\b.{0,40}?\bmotion\b|\bpassed\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?:bill|motion|law|act|amendment)\b|"
        rf"\bnam(?:en)?\b(?:\s+[\w’'()–-]+){{0,4}}?\s+(?:het\s+|de\s+)?(?:wetsvoorstel|motie|amendement)\b{_GAP}\s+aan\b",
    ),
    (
        "adopt",
        rf"(?<!\been\svooraf\s)(?<!\bhet\svooraf\s)(?<!\bde\svooraf\s)\bvastgesteld\b(?!\s+dat\b)|\bvaststelde[n]?\b|\bstelde[n]?\b{_GAP}\s+vast\b(?!\s+dat\b)|\badopted\b|\baangenomen\b|\bnam(?:en)?\b{_GAP}\s+aan\b",
    ),
    ("adopt", r"\bpassed\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?:budget|proposal)\b"),
    # "established the revised code of conduct": adopted; not a body or group set up ("established a committee")
    (
        "adopt",
        r"\bestablished(?=\s+(?:the|a|an|its|their)\s+(?:[\w-]+\s+){0,4}?(?:code|regulations?|rules|budget|plan|"
        r"policy|framework|statute|strategy|guidelines?|protocol|scheme|charter|accounts)\b)",
    ),
    # also a compound's agreements ("kwaliteitsafspraken gemaakt")
    (
        "agree",
        r"\b(?:akkoord|convenant|overeenkomst)\b.{0,80}?\bgesloten\b|\b(?:sloot|sloten)\b.{0,40}?\b(?:akkoord|convenant|"
        r"overeenkomst)\b|\w*afspraken\s+gemaakt\b",
    ),
    (
        "agree",
        r"\bconcluded\s+an?\s+agreement\b|\breached\s+an?\s+agreement\b|\bagreed\s+(?:that|on|upon)\b|"
        r"\bagreed\s+with\s+[^.;]{1,80}?\s(?:on|upon)\b|"
        r"(?<=\band\s)(?:[\w-]+\s+){1,4}?agreed\s+(?:a|an)\s+(?:new\s+)?[\w-]+(?:\s+[\w-]+)?(?=[\s,.;])",
    ),  # "We agreed with the Board … on a new protocol"
    # "A and B agreed to make two plots available": what they will do together (not "agreed to the plan": consent)
    ("agree", r"\bagreed\s+to(?=\s+(?!(?:the|a|an|this|that|these|those|its|their|his|her|our|it|them)\b)[a-z]+\b)"),
    # agreements made, agreed on or signed ("zijn overeengekomen", "is afgesproken", "made agreements with",
    # "werd ondertekend door", "one of the signatories")
    (
        "agree",
        rf"\bovereengekomen\b|\b(?:kwamen|komen)\b{_GAP}\s+overeen\b|\bafgesproken\b|\bspraken\b{_GAP}\s+af\b",
    ),
    ("agree", rf"\b(?:maakte|maakten)\b{_GAP}\s+afspraken\b|\bmade\s+(?:\w+\s+)?agreements?\b"),
    # agreement reached or recorded ("bereikten overeenstemming", "leggen … hun overeenstemming vast": the parties of an
    # agreement text recording it) and an agreement reported in an inverted clause ("…, was de afspraak in 2014, …")
    (
        "agree",
        r"\b(?:bereikten?|bereikt|bereiken)\b[^.;:?!]{0,160}?\s(?:een\s+)?(?:overeenstemming|akkoord)\b|"
        r"\b(?:zetten|zette|zet|gezet)\b[^.;:?!]{0,40}?\bhandtekening(?:en)?\s+onder\s+(?:een|het|de)\s+"
        r"(?:[\w-]+\s+){0,2}?\w*(?:akkoord|convenant|overeenkomst|verklaring)\b|"
        r"\b(?:put|puts|set|sets)\s+(?:their|its|his|her)\s+signatures?\s+(?:under|to|on)\s+(?:the|a|an)\s+"
        r"(?:[\w-]+\s+){0,3}?(?:pact|agreement|accord|covenant|declaration|charter)\b|"
        r"\b(?:overeenstemming|akkoord)\s+bereikt\b|"
        r"\b(?:leggen|legden|legt|legde)\b[^.;:?]{0,250}?\b(?:hun|zijn|haar)\s+overeenstemming\s+vast\b|"
        r"(?<=,\s)(?:zo\s+)?(?:was|luidde)\s+de\s+afspraak\b(?=\s*(?:[,.;]|$|(?:in|op|eind|begin|medio)\s))",
    ),
    (
        "agree",
        r"\bondertekend\b|\bondertekende[n]?\b|\bondertekent\b|\bondertekenen\b|\bsigned\b(?!\s+(?:up|off))|\b(?:ondertekenaars?|signator(?:y|ies))\b",
    ),
    # "tekende het akkoord", "werd getekend": not "tekende bezwaar/beroep aan" (objected) or "tekende voor" (accounted)
    ("agree", r"\btekende[n]?\b(?!\s+voor\b)(?!(?:\s+[\w-]+){0,4}?\s+(?:bezwaar|beroep|protest|aan)\b)|\bgetekend\b"),
    # a vote for a bill or motion ("heeft gestemd voor", "voted for"), not for a candidate
    (
        "approve",
        rf"\b(?:stemde[n]?\b{_GAP}|gestemd|voted{_VOTE_HOW})\s+(?:voor|for|in\s+favou?r\s+of)\b"
        rf"{_ELECTION}",
    ),  # "voted 13 to 6 in favour of lowering …": its tally between
    # meeting records and headlines: the present tense ("De raad stemt in met", "Met artikel 4.7 stemt de raad niet
    # in."), "akkoord met"
    # ("het akkoord met de VSNU" is a noun phrase, the agreement itself, not a council's consent)
    (
        "consent",
        rf"\bstem(?:t|men)\b{_GAP}\s+in\s+met\b|\bstem(?:t|men)\b{_GAP}\s+in(?=\s*(?:[.;!]|\(|$))|"
        r"(?<!het\s)(?<!een\s)(?<!dit\s)(?<!dat\s)\bakkoord\s+met\b|"
        r"\bagree[sd]?\s+to\b(?!\s+(?:make|draw|set|work|meet|discuss|talk|negotiate)\b)|\bconsents?\s+to\b|"
        r"\bagree[sd]?\s+with\s+(?:the|this|its)\s+(?:[\w-]+\s+){0,3}?(?:plan|proposal|budget|regulations?|framework|"
        r"policy|scheme|arrangement|changes?|amendments?|model|code|statute|rules)\b",
    ),
    ("approve", rf"\bkeur(?:t|en)\b{_GAP}\s+goed\b|\bapproves\b"),
    # a refusal ("weigerde in te stemmen", "refused to approve") or consent withheld: the act, negated (see _NEGATION)
    (
        "consent",
        rf"\b(?:weigerde|weigerden|weigert|weigeren)\b{_GAP}\s+in\s+te\s+stemmen\b|"
        r"\b(?:refused|refuses|declined|declines)\s+(?:to\s+give\s+|to\s+)?(?:(?:its|their)\s+)?consent\b|"
        rf"\b(?:onthield|onthielden|onthoudt)\b{_GAP}\s+(?:zijn|haar|hun|de)?\s*instemming\b|"
        r"\b(?:withheld|withholds|withhold)\s+(?:its|their|the)?\s*consent\b",
    ),
    (
        "approve",
        rf"\b(?:weigerde|weigerden|weigert|weigeren)\b{_GAP}\s+goed\s+te\s+keuren\b|"
        r"\b(?:refused|refuses|declined|declines)\s+to\s+approve\b",
    ),
    # approval in other words: "gave its approval", "gaf haar fiat", "bekrachtigde", "ratified", "endorsed",
    # "signed off on"
    (
        "approve",
        r"\b(?:gave|given|gives)\s+(?:its|their|his|her)\s+approval\b|"
        rf"\b(?:gaf|gaven|geeft|geven)\b{_GAP}\s+(?:zijn|haar|hun|het)\s+fiat\b|\bfiat\s+gegeven\b|"
        r"\bbekrachtig(?:de|den|d|t)\b|\bratified\b|\bendorsed\b|\bsign(?:ed|s)?\s+off(?:\s+on)?(?=\s+(?:the|a|an|its|their|this|that)\b)|\brubber-stamped\b",
    ),
    # a commitment as a noun ("na een toezegging van het college"): a decision of the body that gave it; given as one
    # ("gave the council a formal undertaking to evaluate …")
    ("decide", rf"{_AFTER}(?:enkele\s+|twee\s+)?toezegging(?:en)?\s+(?:van|door)\b"),
    ("decide", r"\b(?:gave|gives|has\s+given)\s+(?:[\w-]+\s+){0,3}?an?\s+(?:formal\s+|firm\s+)?undertaking\b"),
    # "zegt ja tegen", "says yes to" (a headline's consent) and its refusal
    ("consent", r"\b(?:zegt|zeggen|zei|zeiden)\s+ja\s+(?:tegen|op)\b|\b(?:says?|said)\s+yes\s+to\b"),
    ("reject", r"\b(?:zegt|zeggen|zei|zeiden)\s+nee\s+(?:tegen|op)\b|\b(?:says?|said)\s+no\s+to\b"),
    # a headline's verdict of an assessing body ("NVAO positief over plan", "NVAO negative about …")
    *(
        (f"assess_{tone}ly", rf"^\W*NVAO\s+(?:is\s+)?(?:{nl}|{tone})\s+(?:over|about|on)\b")
        for tone, nl in (("positive", "positief"), ("negative", "negatief"))
    ),
    # the idiom: "gaf groen licht voor", "gave the green light" (not "kreeg groen licht": the giver decided)
    (
        "approve",
        rf"\b(?:gaf|gaven|geeft|geven)\b{_GAP}\s+groen\s+licht\b|\bgroen\s+licht\s+gegeven\b|"
        r"\b(?:gave|gives|has\s+given)\s+(?:the\s+)?green\s+light\b",
    ),
    # nominal forms: "na instemming van de raad", "met goedkeuring door de minister", "following approval by", and
    # the act as the sentence's subject with its agent ("de goedkeuring door de minister volgde op …")
    (
        "consent",
        rf"{_AFTER}(?:instemming|consent)\s+(?:van|door|of|by)\b|\b(?:de|the)\s+(?:instemming|consent)\s+(?:door|by)\b|"
        rf"\b(?:de|the)\s+(?:instemming|consent)\s+(?:van|of)\b{_DATED_AGENT}|"
        rf"{_AFTER}(?:positive|positieve)\s+(?:vote|stemming)\s+(?:van|door|of|by|in)\b|"
        r"\b(?:volgde|volgt|followed|came)\s+(?:(?:alsnog|toen|daarna|then|finally|eventually)\s+)?(?:de\s+|the\s+)?"
        r"(?:instemming|consent)\s+(?:van|door|of|by|from)\b",
    ),  # "following the positive vote of the University Council on 14 May", "Twee maanden later volgde alsnog
    # instemming van de raad"
    (
        "approve",
        rf"{_AFTER}(?:goedkeuring|approval)\s+(?:van|door|of|by)\b|\b(?:de|the)\s+(?:goedkeuring|approval)\s+(?:door|by)\b|"
        r"(?:(?<=\sen\s)|(?<=\sand\s)|^(?=[Gg]oedkeuring|[Aa]pproval))(?:goedkeuring|approval)\s+(?:door|by)\b|"
        rf"\b(?:de|the)\s+(?:goedkeuring|approval)\s+(?:van|of)\b{_DATED_AGENT}",
    ),
    # "op basis van een positief advies van de NVAO", "following a negative assessment by"
    (
        "assess_positively",
        rf"{_AFTER}(?:positie[fv]e?|positive)\s+(?:advies|oordeel|advice|assessment)\s+(?:van|door|of|by|from|{_ISSUED_BY})\b",
    ),
    (
        "assess_negatively",
        rf"{_AFTER}(?:negatie[fv]e?|negative)\s+(?:advies|oordeel|advice|assessment)\s+(?:van|door|of|by|from|{_ISSUED_BY})\b",
    ),
    ("agree", r"\b(?:akkoord|overeenkomst|convenant|agreement|accord)\s+(?:tussen|between)\b"),
]
_PRESENT_PATTERNS: list[tuple[str, str]] = [
    ("adopt", rf"\bstel(?:t|len)\b{_LONG_OBJECT}\s+vast\b{_PARTICLE_END}|\badopts\b"),
    (
        "reject",
        rf"\b(?:wijst|wijzen)\b(?!\s+(?:erop|er\s+op|op|naar)\b){_LONG_OBJECT}\s+af\b{_PARTICLE_END}|"
        r"\bverwerp(?:t|en)\b|\brejects\b|\bturns\b(?:\s+[\w-]+){1,6}?\s+down\b|"
        r"\bstemt\s+tegen\b(?!\s+(?:de|het|een|ons|hun|zijn|haar)\b)",  # "een meerderheid van de raad stemt tegen"
    ),
    ("decide", _PRESENT_DECIDE),
    ("decide", rf"\b(?:kiest|kiezen){_CHOOSES_FOR}"),
    ("approve", r"\bendorses\b"),
    # "gaat de raad op 20 maart alsnog akkoord"
    ("consent", rf"\b(?:gaat|gaan)\b{_GAP}\s+akkoord\b(?!\s+(?:met|dat)\b)"),
    ("agree", rf"\b(?:maakt|maken)\b{_GAP}\s+afspraken\b|\breach(?:es)?\s+(?:an\s+)?agreement\b"),  # "maken afspraken"
    ("assess_positively", _verdict_reached("positive", past=False)),
    ("assess_negatively", _verdict_reached("negative", past=False)),
    (
        "agree",
        r"(?<=\band\s)(?:[\w-]+\s+){1,4}?agree\s+(?:that|on|to)\b|"
        r"(?<!\bto\s)\bsigns?\b(?=\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:agreement|covenant|contract|accord|declaration|"
        r"letter\s+of\s+intent)\b)",
    ),  # "A and B agree that …", "A and B sign a letter of intent" (a timeline's present)
    # "The Executive Board chooses the former freight yard as the site for …" (a timeline's present)
    ("decide", r"\bchooses\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,8}?as\s+(?:the|its|a|an)\b"),
    # an assessing body's verdict in its own decision ("De NVAO beoordeelt de kwaliteit … als positief", "NVAO
    # assesses the quality … as positive", "assesses the application … negatively")
    ("assess_positively", _present_verdict("positief", "positive")),
    ("assess_negatively", _present_verdict("negatief", "negative")),
]
"""The rest of a decision list's present tense ("Het college stelt de begroting 2024 vast", "wijst het voorstel af",
"besluit de pilot te beëindigen", "kiest voor een pilot", "The board adopts …, decides to …"). Elsewhere the present
tense states a policy or a procedure ("nu kiest het kabinet voor ruimte"): a decision only in a meeting record or
decision list (see :func:`_present_only`)."""
_PRESENT = [re.compile(pattern, re.I) for _, pattern in _PRESENT_PATTERNS]
_ACTS = [(name, re.compile(pattern, re.I)) for name, pattern in _ACT_PATTERNS + _PRESENT_PATTERNS]
_SIGNING = re.compile(r"^(?:ondertek|(?:ge)?tek|sign(?!\w*\s+off\b))", re.I)  # "signed off on" is an approval
_AGREEMENT_NOUN = re.compile(
    r"akkoord|afspra(?:ak|ken)|overeenkomst|convenant|contract|agreement|accord|covenant|framework|kader\b|pact|"
    r"charter|verklaring|declaration|protocol|letter\s+of\s+intent",
    re.I,
)
"""What a signature makes an agreement: signing an agreement, covenant or framework is one; signing a letter or a
petition is not."""
_OTHER_SIGNED = re.compile(r"\b(?:brief|petitie|letter(?!\s+of\s+intent)|petition|manifest|pamflet)\b", re.I)
"""Documents a signature does not make an agreement: a letter or petition, even one about an agreement."""


def _signed_agreement(sentence: str, a_end: int) -> bool:
    """Whether what was signed is an agreement: the sentence names one, and the first document named after the
    signing is not a letter or petition ("tekende de petitie tegen het akkoord" is no agreement)."""
    if not _AGREEMENT_NOUN.search(sentence):
        return False
    agreement, other = _AGREEMENT_NOUN.search(sentence, a_end), _OTHER_SIGNED.search(sentence, a_end)
    return not (other and (agreement is None or other.start() < agreement.start()))


_PROCEDURE = re.compile(r"\b(?:wordt|worden|is\s+to\s+be|are\s+to\s+be)\b", re.I)
"""A present passive ("De begroting wordt vastgesteld door …") describes a procedure, not a decision taken."""
_NEGATION = re.compile(
    r"\b(?:niet|geen|nooit|not|never|no|weigerde|weigerden|weigert|weigeren|onthield|onthielden|onthoudt|"
    r"refused|refuses|declined|declines|withheld|withholds|withhold)\b(?![-‐‑]\w)|n't\b",
    re.I,
)
"""Words that make an act one not taken: a negation, a refusal ("weigerde in te stemmen", "refused to approve") or
consent withheld ("onthield zijn instemming", "withheld its consent")."""
_NOT_YET = re.compile(r"\bnog\s+(?:geen|niet)\b|\bnot\s+yet\b|\bno\s+(?:\w+\s+)?agreement\s+yet\b", re.I)
"""An agreement not yet made ("daarover zijn nog geen afspraken gemaakt", "have not yet agreed"): no decision of anyone,
where a council's "stemt nog niet in" is its provisional refusal (labelling rule 10)."""
_REFUSAL = re.compile(r"\b(?:weigerde|weigerden|weigert|weigeren|refused|refuses|declined|declines)\b", re.I)
"""A refusal: the infinitive after it ("weigerde in te stemmen", "refused to approve") is the act not taken, no
intention."""
_NOT_A_DECISION = re.compile(
    r"\b(?:zal|zullen|zou|zouden|wil|wilde|wilden|moet|moeten|kan|kunnen|mag|mogen|nodig|verzoekt|vraagt|"
    r"will|would|wants?|wanted|must|should|shall|can|could|(?-i:may)|might|requires?|asks?|need|needs|whether|"
    r"vroeg|vroegen|(?:has|have)\s+to)\b|"
    r"\bte\s+(?!dezen\b)\w+en\b|"
    r"\bals\b(?!\s+(?:positief|negatief|voldoende|onvoldoende|eerste|laatste|volgende|onderdeel|gevolg|reactie)\b)|\b(?:indien|wanneer|zodra|tenzij|mits|unless)\b|"
    r"\bif\b|\?|\b(?:op\s+)?voorwaarde\s+(?:was|is|dat)\b|\b(?:on\s+(?:the\s+)?condition|provided)\s+that\b|"
    r"\b(?:the\s+)?condition\s+(?:was|is)\s+that\b|"
    r"\b(?:right|power|recht|bevoegdheid)\s+(?:to|om)\b|\bto\s+(?:consent|approve|agree|adopt|decide|reject)\b|"
    r"\b(?:uitslag|verkiezingsuitslag|election\s+results?|results?\s+of\s+the\s+election)\b",
    re.I,
)
"""Intentions, obligations ("still has to sign off"), requests, questions ("asked whether the board had decided"),
conditions ("voorwaarde was dat … werden goedgekeurd"), rights ("the right to consent to") and infinitives ("to
approve"; not the idiom "te dezen") before an act make it no decision taken ("may" only in lower case: "In May 2021
the board adopted …" is a month; "als" before an ordinal or "onderdeel/gevolg/reactie" is "as", no condition: "Als
laatste heeft het College …")."""
_ATTRIBUTIVE = re.compile(r"\b(?:de|een|the|an?|deze|this|these|those|zoals|as)\s+$", re.I)
"""Right before a participle, a determiner makes it describe a noun ("de overeengekomen afspraken", "a signed
agreement") and "zoals/as" cites a document ("zoals vastgesteld in het plan"): neither reports an act, unless the
citation names its agent (:func:`_cites_agent`)."""
_PARTICIPLE = re.compile(r"^\w+(?:d|t|en|de|te)$")
"""A single-word act shaped like a participle ("goedgekeurd", "overeengekomen", "signed"), not a noun
("signatories")."""
_POSSESSOR = re.compile(r"\b(?:van|of)\s+(?:(?:de|het|the)\s+)?$", re.I)
"""Before a body: it owns something ("het beleid van de hogeschool"); it is not the one that acted."""
_FACTIVE = re.compile(
    r"\b(?:omdat|doordat|aangezien|gezien\s+(?:het\s+feit\s+)?dat|nu\s+dat|because|given\s+that|now\s+that|"
    r"(?:melden|meldt|meldde|mededelen|deelt\s+mee|laten\s+weten|liet\s+weten|berichten)\s+dat|"
    r"(?:report|reports|reported|announce|announces|announced)\s+that)\b",
    re.I,
)
"""A clause these words introduce states a fact whatever the modality of the main clause ("Dat zou kunnen, gezien het
feit dat de minister heeft besloten …", "Hierbij wil ik u melden dat ik vandaag … heb getekend"): a modal or an
infinitive before it does not make its act hypothetical."""
_FRONTED_QUESTION = re.compile(
    r"^\W*(?:hoe|wat|welke|waarom|waarvoor|waaraan|waarop|wie|how|what|which|why|who|whether)\b[^,;:]*,", re.I
)
"""A fronted indirect question that is the subject of the main clause ("Hoe de kwaliteit verbeterd moet worden, is
vastgelegd in …"): its modal is part of the question, not of the main clause's act."""
_ADVERBIAL = re.compile(
    r"\b(?:nadat|omdat|doordat|toen|terwijl|zodat|hoewel|zodra|after|because|when|while|although|once)\b", re.I
)
"""A subordinate clause with its own subject: an act inside it ("…, nadat de decaan had toegezegd") is not done by a
body of the main clause."""
_ADVERBIAL_AFTER = re.compile(
    r",\s+(?:nadat|omdat|doordat|after|because|although|hoewel)\s+(?:de|het|the|zij|they)\b", re.I
)
"""A subordinate clause after the act, its own subject named ("…, after the Board had added an ombudsperson"): a body
in it did not do the act before it."""
_AS_CLAUSE = re.compile(
    r",\s+(?:as|zoals)\s+(?:we|wij|the|de|het|he|she|they|zij|hij|it|its|their|our|onze|u|you)\b", re.I
)
"""A clause after the act that compares it with what someone did or said ("…, as we had recommended last year", "…,
zoals de raad vorig jaar had gevraagd"): a time in it is not the act's."""
_AGENT_WORD = rf"(?:{_BY}|{_RECEIVED})"
"""The word a nominal act ends with when it names its agent ("instemming van", "oordeel ontvangen")."""
_AGENT_IN_ACT = re.compile(rf"(?<!\bfavour\s)(?<!\bfavor\s)\b{_AGENT_WORD}$", re.I)
"""An act that names its agent itself, as a nominal form does ("de instemming hebben van de raad", "een positief
oordeel van de minister ontvangen"): the body after "van"/"door" did it, even though it reads as an owner; not "voted in
favour of" a body's plan."""
_VERDICT_FALLS = re.compile(r"\b(?:valt|vallen|viel|vielen)\b[^.;:?!]{0,80}?\b(?:oordeel|besluit|beoordeling)\b", re.I)
"""A verdict that "falls" one way ("valt het oordeel negatief uit"): no agent named, the paragraph's body gave it."""
_PASSIVE_AUX = re.compile(r"\b(?:werd|werden|is|zijn|was|were|been)\b", re.I)
"""An agentless passive ("werd vandaag ingestemd", "was approved"): its body may be the one its paragraph is about."""

# --- dates ----------------------------------------------------------------------------------------

_MONTH, _YEAR = MONTH_RE, YEAR_RE
_A_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
"""A year anywhere in a text."""
_NEXT_TO = re.compile(r"\b(?:the|de)\s+(?P<unit>week|day|dag)\s+(?P<side>before|after|voor|na|voordat|nadat)\b", re.I)
"""A time told against another one later in the sentence ("The council consented the week before the board approved
it on 30 November 2020", "de dag nadat …"): a day on either side of that day, a week on either side its month."""
_DATE_PATTERNS = [
    re.compile(r"(?<![\d-])" + _YEAR + r"-(?P<mnum>\d\d)-(?P<day>\d\d)(?![\d-])"),
    re.compile(r"(?<![\d/.-])(?P<day>\d{1,2})([-/.])(?P<mnum>\d{1,2})\2" + _YEAR + r"(?![\d/.-]\d)"),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + r")?\b", re.I),
    re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+" + _YEAR + r")?\b", re.I),
    re.compile(r"\b" + _MONTH + r"\s+" + _YEAR + r"\b", re.I),
    re.compile(r"(?<![\d-])" + _YEAR + r"(?![\d-])"),
]
_MONTH_OF_YEAR = re.compile(rf"\b{MONTH_RE}\s+(?:(?:van|of)\s+)?(?P<which>dit|vorig|this|last)\s+(?:jaar|year)\b", re.I)
"""A month of the document's year or the year before ("in juni van dit jaar", "in March last year")."""
_RELATIVE = [
    (re.compile(r"\b(?:vorig|afgelopen)\s+jaar\b|\blast\s+year\b", re.I), "year", -1),
    (re.compile(r"\b(?:dit|het\s+afgelopen)\s+jaar\b|\bthis\s+year\b|\bearlier\s+this\s+year\b", re.I), "year", 0),
    (re.compile(r"\bvorige\s+week\b|\blast\s+week\b", re.I), "week", -1),
    (re.compile(r"\b(?:eerder\s+)?deze\s+week\b|\b(?:earlier\s+)?this\s+week\b", re.I), "week", 0),
    (re.compile(r"\bvorige\s+maand\b|\blast\s+month\b", re.I), "month", -1),
    (re.compile(r"\b(?:eerder\s+)?deze\s+maand\b|\b(?:earlier\s+)?this\s+month\b", re.I), "month", 0),
    (re.compile(r"\bgisteren\b|\bgister(?:avond|middag|ochtend)\b|\byesterday\b|\blast\s+night\b", re.I), "day", -1),
    (
        re.compile(
            r"\bvandaag\b|\bvan(?:middag|avond|ochtend|morgen)\b|\btoday\b|\bthis\s+(?:morning|afternoon|evening)\b|"
            r"\btonight\b",
            re.I,
        ),
        "day",
        0,
    ),
]
_HOLIDAYS = [
    (re.compile(r"\b(?:Christmas\s+Eve|kerstavond)\b", re.I), "december", 24),
    (re.compile(r"\b(?:Christmas(?:\s+Day)?|(?:eerste\s+)?kerstdag|Kerstmis)\b", re.I), "december", 25),
    (re.compile(r"\b(?:New\s+Year's\s+Eve|oudejaarsdag|oudejaarsavond)\b", re.I), "december", 31),
    (re.compile(r"\b(?:New\s+Year's\s+Day|nieuwjaarsdag)\b", re.I), "january", 1),
    (re.compile(r"\b(?:Koningsdag|King's\s+Day)\b", re.I), "april", 27),
]
"""Holidays on a fixed day ("the day before Christmas", "op oudejaarsdag"): that day of the latest year not after a
precise document date."""
_WEEKDAYS = {
    name: i
    for i, names in enumerate(
        [("maandag", "monday"), ("dinsdag", "tuesday"), ("woensdag", "wednesday"), ("donderdag", "thursday"),
         ("vrijdag", "friday"), ("zaterdag", "saturday"), ("zondag", "sunday")]
    )
    for name in names
}  # fmt: skip
_WEEKDAY = re.compile(
    rf"(?<!volgende\s)(?<!komende\s)(?<!next\s)(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bhet\s)(?<!\been\s)(?<!\bde\s)"
    rf"(?<!ed\s)\b(?:(?:afgelopen|vorige|last|on|this|deze)\s+)?"
    rf"({'|'.join(_WEEKDAYS)})(?:avond|ochtend|middag)?\b(?!\s+\d)(?!\s+(?:{MONTH_RE}))"
    r"(?!\s+(?:mornings|afternoons|evenings|nights)\b)(?!s\b)",
    re.I,
)
"""A weekday without a date ("Maandag heeft de minister …", "on Monday"): in a dated article, the latest such day on
or before its date (a news report tells what happened, "volgende maandag" / "next Monday" is left out); not a weekday
after an article or a participle, inside a noun phrase ("the proposed Saturday closure", "de dinsdag daarna"), nor
every such day ("on Sunday mornings", "on Sundays")."""
_DAY_NAMES = "|".join(_WEEKDAYS)
_LAST_WEEK_DAY = re.compile(
    rf"\b(?:vorige|afgelopen)\s+week\s+({_DAY_NAMES})\b|\b({_DAY_NAMES})\s+(?:vorige|last)\s+week\b|"
    rf"\blast\s+week\s+(?:on\s+)?({_DAY_NAMES})\b",
    re.I,
)
"""A weekday of the week before the article's ("vorige week dinsdag", "last week on Tuesday"): that day, not the
latest such day."""
_NUMBER_WORDS = {
    "een": 1, "één": 1, "a": 1, "an": 1, "one": 1, "twee": 2, "two": 2, "drie": 3, "three": 3, "vier": 4, "four": 4,
    "vijf": 5, "five": 5, "zes": 6, "six": 6, "zeven": 7, "seven": 7, "acht": 8, "eight": 8, "negen": 9, "nine": 9,
    "tien": 10, "ten": 10, "elf": 11, "eleven": 11, "twaalf": 12, "twelve": 12,
}  # fmt: skip


def _count(word: str) -> int:
    """A count written in digits or as a number word of :data:`_NUMBER_WORDS` ("3", "drie", "ten")."""
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


_AGO = re.compile(
    rf"\b({'|'.join(_NUMBER_WORDS)}|\d{{1,2}})\s+(?:(dag|dagen|days?)|(week|weken|weeks?)|(maand|maanden|months?)|"
    r"(jaar|years?))\s+(?:geleden|ago)\b",
    re.I,
)
"""A time ago ("twee weken geleden", "three months ago"): against a precise document date, as precise as the unit
allows (days: the day; weeks and months: the month; years: the year)."""
_BARE_MONTH = re.compile(
    rf"(?:\b(?:in|in\s+early|in\s+late|this|deze|last|afgelopen|vorige|(?:at|in|during)\s+(?:its|their|the)|"
    rf"(?:^|(?<=[,;]\s))(?:(?:aan\s+het\s+)?(?:eind|begin)(?:\s+van)?|medio|(?:at\s+)?the\s+(?:end|beginning|start)\s+of)|"
    rf"(?:in|tijdens)\s+(?:de|zijn|haar|hun)|"
    r"(?:werd|werden|was|waren|had|hadden|heeft|hebben)\s+(?:eind|begin|medio))\s+|\b(?:in\s+)?mid-)"
    rf"{MONTH_RE}(?![\w-])(?!\s*\d)",
    re.I,
)
"""A month without a year ("In december heeft het bestuur …", "At its December meeting the Board approved …", "last
December", "afgelopen december", "Eind oktober" or "At the end of March" opening a clause, "In mid-November", not a
deadline after its verb, "gaat eind april naar de toezichthouder", but after a past auxiliary, "werd begin februari
ondertekend"): the latest such month not after the document's date; in a document dated by its year alone (an annual
report), that year's."""
_SEASON_START = {"voorjaar": 3, "lente": 3, "spring": 3, "zomer": 6, "summer": 6, "najaar": 9, "herfst": 9,
                 "autumn": 9, "fall": 9}  # fmt: skip
_BARE_SEASON = re.compile(
    rf"\b(?:in|during|last|afgelopen|vorig|this|dit|deze|na|after)\s+(?:het\s+|de\s+|the\s+)?({'|'.join(_SEASON_START)})\b"
    r"(?!\s+(?:van|of)\b)"
    r"(?!\s+\d)",
    re.I,
)
"""A season without a year ("in het najaar", "in the spring", "last spring", "this spring", "afgelopen voorjaar", "na de
zomer"): the year of the latest such season begun by the document's date (only as precise as the year)."""
# a date after one of these words is a period, an effective date or an attribute, not when a body decided
_BLOCKED_BEFORE = re.compile(
    r"(?:\b(?:van|voor|vanaf|per|tot|t/m|met\s+ingang\s+van|uiterlijk|vóór|na|sinds|from|for|of|as\s+of|until|"
    r"by|since|after|before|to|through|tot\s+en\s+met|d\.d\.)|[\w.,)]\s*[-–])\s*$",
    re.I,
)  # a dash after a word or number ("2019 - 2024") starts a period; a bullet's dash ("- 12 februari 2019 – …") does not
_STARTING = re.compile(r"\b(?:starting|beginning|ingaande|vanaf)\s*$", re.I)
"""Before a month without its year: the month what was decided begins ("open until 2 a.m., starting in January"), not
the month it was decided."""
_SEASON = r"(?:najaar|voorjaar|zomer|winter|herfst|lente|autumn|spring|summer|fall)"
"""A season, before the year it is of ("in het najaar van 2018")."""
_MEETING_NOUN = r"(?:\w*vergadering|\bbijeenkomst|\bzitting|\bmeeting|\bsession|\b(?:bestuurlijk|algemeen)\s+overleg)"
"""A meeting, also as a compound ("collegevergadering", "CMR-vergadering")."""
_GIVEN_OF = re.compile(
    r"\b(?:instemming|goedkeuring|consent|approval)\s+(?:van|of)\s+(?:[\w’'-]+\s+){1,6}?(?:van|of|d\.d\.|dated)\s*$",
    re.I,
)
"""Before a date: a consent or approval and its agent ("de instemming van de Universiteitsraad van 6 februari 2024"):
the day it was given, despite the "van"."""
_MEETING_OF = re.compile(
    rf"(?:{_MEETING_NOUN}|\b(?:gesprek|overleg|conversation|talks)|\b{_SEASON}|\bbij\s+besluit|\bby\s+(?:a\s+)?decision|"
    r"\b(?:bij|per|by)\s+(?:brief|letter)|\(\s*(?:brief|letter)|"
    r"\bin\s+(?:the|de|het)\s+(?:[\w'’-]+\s+){0,2}(?:council|raad|overleg|committee|commissie)|"
    rf"\bin\s+(?:its|zijn|haar|their|hun|the|het)\s+(?:same\s+|zelfde\s+)?(?:decision|besluit)|"
    r"\bin\s+(?:dezelfde|diezelfde)\s+(?:beslissing|vergadering)|\b(?:bij|via)\s+(?:de\s+)?(?:e-?mailronde|"
    r"schriftelijke\s+ronde)|\bby\s+(?:an?\s+)?(?:e-?mail\s+round|written\s+procedure))\s+(?:van|of|d\.d\.)\s*$",
    re.I,
)
"""Before a date: the meeting it was ("de vergadering van 4 maart", "in our conversation of 11 June"), the decision
that took the act ("bij besluit van 3 juli 2020", "In its decision of 12 November 2019, NVAO assessed …", "in the
same decision of 28 March", "bij e-mailronde van 1 september"; not "wijzigt zijn besluit van 6 maart", an earlier
one), the council's sitting it was taken in ("in the Deans' Council of 14 November 2023"), the letter that made it
known ("bij brief van 18 december 2024 ingestemd", "afgewezen (brief van 28 februari)") or the season of its year ("in
het najaar van 2018"), a decision date despite the "van"."""
_BLOCKED_AFTER = re.compile(
    r"^\s*(?:[-–](?!\s+[A-Z][a-z])|(?:tot|t/m|to|through|until)\b(?=[^.;,]{0,20}\d)"
    rf"(?=\s+(?:en\s+met\s+)?(?:(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\b|(?:19|20)\d\d\b|{MONTH_RE}))|en\s+verder\b)",
    re.I,
)  # "2019 tot en met 2024", "2023 to 2030", "3 to 7 June": a period only when another date follows ("in 2023 to the
# plan" is not, nor "decided on 26 March 2024 to contribute €12 million")
_YEAR_ONLY_PREP = re.compile(
    r"\b(?:in|eind|begin|medio|halverwege|early|late|mid)\s*$|"
    rf"\b{_SEASON}\s+(?:(?:van|of)\s*)?$",
    re.I,
)
_PLANNED = re.compile(
    r"\s*(?:staat|stond|is|was|wordt|werd)\s+(?:\w+\s+)?(?:gepland|voorzien|verwacht)\b|"
    r"\s*(?:is|was)\s+(?:\w+\s+)?(?:planned|scheduled|expected)\b",
    re.I,
)
"""A nominal act's predicate that puts it ahead ("De goedkeuring door de Raad van Toezicht staat gepland voor …",
"Approval by the Senate is expected in May")."""


def _subject_end(sentence: str, a_end: int) -> int:
    """Where a nominal act's noun phrase ends: after its agent ("door de Raad van Toezicht", "by the Senate") when one
    follows the act word, else at the act word's end."""
    named = [b for b in find_bodies(sentence[a_end:]) if b[0] <= 12]
    return a_end + named[0][1] if named else a_end


_WHEN_AFTER = re.compile(r"^,?\s+(?:when|toen)\b", re.I)
"""After a time: the clause it dates follows ("… go back to 2019, when the Board and the Council agreed …", "tot
2020, toen de raad instemde"), a decision's time whatever word came before it."""


def _when_clause(sentence: str, date_end: int, act_start: int) -> bool:
    """Whether the act at ``act_start`` is in the "when" clause right after the time ending at ``date_end`` ("2019,
    when the board agreed", "2020, toen de raad instemde"; :data:`_WHEN_AFTER`), no comma between."""
    m = _WHEN_AFTER.match(sentence[date_end:])
    return bool(m) and "," not in sentence[date_end + m.end() : act_start]


_CLAUSE_BREAK = re.compile(r";|\s(?:en|and|maar|but|terwijl|whereas)\s")
_IN_NAME = re.compile(r"\b[A-Z][\w-]*\s(?:en|and)\s[A-Z][a-z]$")
"""A conjunction between two capitalised words, inside a name ("Teaching and Examination Regulations")."""


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


def _yearless(parts: dict, doc_date: str | None, weekday: int | None = None) -> str | None:
    """A day-month date without a year: the latest such date not after the document date, if it is precise; when its
    ``weekday`` is written ("vrijdag 2 juni"), the year of the document, the one before or the one after in which that
    day is that weekday, when only one is."""
    year, month, day = _doc_parts(doc_date)
    if year is None or month is None:
        return None
    m = _MONTHS.get((parts.get("month") or "").lower().rstrip("."))
    d = int(parts["day"]) if parts.get("day") else None
    if m is None or d is None:
        return None
    if weekday is not None:
        fitting = [y for y in (year, year - 1, year + 1) if _is_weekday(y, m, d, weekday)]
        if len(fitting) == 1:
            return format_date_parts(parts, fitting[0])
    late = m > month or (m == month and day is not None and d > day)
    return format_date_parts(parts, year - 1 if late else year)


def _is_weekday(year: int, month: int, day: int, weekday: int) -> bool:
    """Whether ``day`` ``month`` ``year`` is a calendar day falling on ``weekday`` (0 = Monday)."""
    try:
        return dt.date(year, month, day).weekday() == weekday
    except ValueError:
        return False


_WEEKDAY_BEFORE = re.compile(rf"\b({_DAY_NAMES})\s*,?\s*$", re.I)
"""A weekday just before a date ("vrijdag 2 juni", "Friday, 2 June")."""


def _relative(kind: str, delta: int, doc_date: str | None) -> str | None:
    year, month, day = _doc_parts(doc_date)
    if year is None or doc_date is None:
        return None
    if delta == 0:  # "vandaag", "deze maand": the document's own date, as precise as it is and the word allows
        return doc_date[: {"year": 4, "month": 7, "week": 7, "day": 10}[kind]]
    if kind == "year":
        return f"{year + delta:04d}"
    if month is None:
        return None
    if kind == "month":
        y, m = divmod(year * 12 + month - 1 + delta, 12)
        return f"{y:04d}-{m + 1:02d}"
    if kind == "week":  # "last week": the month of a day a week before a precise document date
        if day is None:
            return None
        return (dt.date(year, month, day) + dt.timedelta(weeks=delta)).isoformat()[:7]
    if day is None:
        return None
    return (dt.date(year, month, day) + dt.timedelta(days=delta)).isoformat()


def _date_value(m: re.Match, doc_date: str | None) -> str | None:
    """The normalised date a :data:`_DATE_PATTERNS` match names; a day without a year resolved against ``doc_date``
    and the weekday written before it (see :func:`_yearless`)."""
    parts = m.groupdict()
    if parts.get("year"):
        return format_date_parts(parts)
    named = _WEEKDAY_BEFORE.search(m.string, max(0, m.start() - 14), m.start())
    return _yearless(parts, doc_date, _WEEKDAYS[named.group(1).lower()] if named else None)


def _overlaps(start: int, end: int, spans) -> bool:
    """Whether ``start``–``end`` overlaps one of ``spans`` (tuples that begin with their start and end)."""
    return any(start < span[1] and span[0] < end for span in spans)


def _year_of_the_sentence(found: list[tuple[int, int, str, str]], yearless: list[int]) -> None:
    """A day written without its year takes the year that puts it closest to a day the same text writes in full
    ("op 30 mei 2017 … vastgesteld, na instemming van de Universiteitsraad op 15 mei": 15 May 2017, not the
    document's year; "15 december" beside "2 januari 2018": December 2017), in place in ``found``."""
    full = [(start, dt.date.fromisoformat(value)) for start, _, value, wording in found
            if len(value) == 10 and re.search(r"\b(?:19|20)\d\d\b", wording)]  # fmt: skip
    for index in yearless if full else ():
        start, end, value, wording = found[index]
        near, reference = min(full, key=lambda f: abs(f[0] - start))
        if abs(near - start) > 200:  # in the same sentence or the one beside it, not anywhere in a long text
            continue
        month, day = int(value[5:7]), int(value[8:10])
        options = []
        for year in (reference.year - 1, reference.year, reference.year + 1):
            try:
                options.append(dt.date(year, month, day))
            except ValueError:  # 29 February of a year without it
                continue
        if options:
            found[index] = (start, end, min(options, key=lambda d: abs(d - reference)).isoformat(), wording)


def find_dates(text: str, doc_date: str | None = None) -> list[tuple[int, int, str, str]]:
    """``(start, end, normalised, wording)`` for each decision-date candidate in ``text``, left to right.

    Periods, effective dates and attributive dates are left out (see the module docstring); dates
    without a year and relative dates are resolved against ``doc_date`` or left out.
    """
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, int, str, str]] = []
    yearless: list[int] = []  # the found days written without their year ("op 15 mei")
    for pattern in _DATE_PATTERNS:
        year_only = "month" not in pattern.groupindex and "mnum" not in pattern.groupindex
        for m in pattern.finditer(text):
            if _overlaps(m.start(), m.end(), taken):
                continue
            taken.append((m.start(), m.end()))
            before, after = text[: m.start()], text[m.end() :]
            blocked = (
                _BLOCKED_BEFORE.search(before[-25:])
                and not _MEETING_OF.search(before[-30:])
                and not _GIVEN_OF.search(before[-80:])
            )
            when = _WHEN_AFTER.match(after)  # "go back to 2019, when the board and the council agreed …"
            blocked = blocked and not _DAY_BESIDE.search(before)  # "de dag na 5 mei": the day after it
            if (blocked and not when) or _BLOCKED_AFTER.match(after):
                continue
            if year_only and not _YEAR_ONLY_PREP.search(before[-16:]) and not when:
                continue
            value = _date_value(m, doc_date)
            if value:
                found.append((m.start(), m.end(), value, m.group(0)))
                if not m.groupdict().get("year") and m.groupdict().get("day"):
                    yearless.append(len(found) - 1)
    _year_of_the_sentence(found, yearless)
    year, month, day = _doc_parts(doc_date)
    try:
        published = dt.date(year, month, day) if day is not None else None
    except ValueError:  # a document date that is no calendar day ("2018-02-30")
        published = None
    for m in _LAST_WEEK_DAY.finditer(text) if published is not None else ():
        weekday = _WEEKDAYS[next(g for g in m.groups() if g).lower()]
        monday = published - dt.timedelta(days=published.weekday() + 7)  # the Monday of the week before
        found.append((m.start(), m.end(), (monday + dt.timedelta(days=weekday)).isoformat(), m.group(0)))
        taken.append((m.start(), m.end()))
    for m in _MONTH_OF_YEAR.finditer(text) if year is not None else ():  # "in juni van dit jaar": that June
        named = _MONTHS.get(m.group("month").lower().rstrip("."))
        if named and not _overlaps(m.start(), m.end(), taken):
            back = 1 if m.group("which").lower() in ("vorig", "last") else 0
            found.append((m.start(), m.end(), f"{year - back:04d}-{named:02d}", m.group(0)))
            taken.append((m.start(), m.end()))
    for pattern, month_of, day_of in _HOLIDAYS if published is not None else ():
        for m in pattern.finditer(text):
            if not _overlaps(m.start(), m.end(), taken):
                value = _yearless({"month": month_of, "day": str(day_of)}, doc_date)
                if value:
                    found.append((m.start(), m.end(), value, m.group(0)))
                taken.append((m.start(), m.end()))
    for pattern, kind, delta in _RELATIVE:
        for m in pattern.finditer(text):
            if _overlaps(m.start(), m.end(), taken):
                continue
            value = _relative(kind, delta, doc_date)
            if value:
                found.append((m.start(), m.end(), value, m.group(0)))
    if year is not None:
        for m in _BARE_MONTH.finditer(text):
            named = _MONTHS.get(m.group("month").lower().rstrip("."))
            if _STARTING.search(text, 0, m.start()):  # "…, starting in January": when what was decided begins
                continue
            if named and not _overlaps(m.start(), m.end(), taken):
                late = month is not None and named > month
                told = {value for start, _, value, _ in found if len(value) == 4 and start < m.start()}
                at = f"{told.pop()}-{named:02d}" if len(told) == 1 else f"{year - 1 if late else year:04d}-{named:02d}"
                found.append((m.start(), m.end(), at, m.group(0)))  # "Back in 2021 …, after … consent in March":
                taken.append((m.start(), m.end()))  # the March of the one year the sentence told of before it
        for m in _BARE_SEASON.finditer(text):
            if not _overlaps(m.start(), m.end(), taken):
                begun = month is None or _SEASON_START[m.group(1).lower()] <= month  # this year's season has begun
                found.append((m.start(), m.end(), f"{year if begun else year - 1:04d}", m.group(0)))
                taken.append((m.start(), m.end()))
    for m in _AGO.finditer(text) if day is not None else ():
        if _overlaps(m.start(), m.end(), taken) or re.search(r"\b(?:of|van)\s+$", text[: m.start()]):
            continue  # "its vote against the merger of two months ago": an earlier act the noun names
        n = _count(m.group(1))
        unit = next(kind for kind, word in zip(("day", "week", "month", "year"), m.groups()[1:], strict=True) if word)
        value = _relative(unit, -n, doc_date)
        if value:
            found.append((m.start(), m.end(), value, m.group(0)))
            taken.append((m.start(), m.end()))
    if published is not None:
        for m in _WEEKDAY.finditer(text):
            if not _overlaps(m.start(), m.end(), taken):
                back = (published.weekday() - _WEEKDAYS[m.group(1).lower()]) % 7
                found.append((m.start(), m.end(), (published - dt.timedelta(days=back)).isoformat(), m.group(0)))
    return sorted(_beside_day(text, f) for f in found)


_DAY_BESIDE = re.compile(r"\b(?:the|de)\s+(?:day|dag)\s+(?P<side>before|after|voor|na)\s+(?:the\s+)?$", re.I)
"""Right before a day: the day on either side of it ("the day before Christmas", "de dag na 5 mei")."""


def _beside_day(text: str, found: tuple[int, int, str, str]) -> tuple[int, int, str, str]:
    """``found`` (a :func:`find_dates` entry), moved to the day before or after it when ``text`` says so right before
    it (:data:`_DAY_BESIDE`), its wording widened to say so."""
    start, end, value, _ = found
    m = _DAY_BESIDE.search(text, 0, start)
    if m is None or len(value) != 10:
        return found
    side = -1 if m.group("side").lower() in ("before", "voor") else 1
    return m.start(), end, _days_on(value, side), text[m.start() : end]


def find_bodies(text: str, institution: str | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, name)`` of each deciding body named in ``text``: the canonical bodies by their canonical name, any
    other council, board, committee, jury or minister as written (also beside a canonical one: "na instemming van de
    raad … naar de NVAO"), and when no canonical body is named, associations and the institution itself (see
    :func:`_institution_bodies`)."""
    spans: list[tuple[int, int, str]] = []
    for name, pattern in _BODIES:
        for m in pattern.finditer(text):
            if not _overlaps(m.start(), m.end(), spans):
                spans.append((m.start(), m.end(), name))
    merged: list[tuple[int, int, str]] = []
    for span in sorted(spans):  # "de Centrale Medezeggenschapsraad (CMR)": one mention
        if merged and merged[-1][2] == span[2] and re.fullmatch(r"\s*\(", text[merged[-1][1] : span[0]]):
            merged[-1] = (merged[-1][0], span[1], span[2])
        else:
            merged.append(span)
    spans = merged
    canonical = bool(spans)
    headline = _HEADLINE_BODY.match(text)
    if headline and not _overlaps(headline.start(1), headline.end(1), spans):
        spans.append((headline.start(1), headline.end(1), " ".join(headline.group(1).split())))
    for m in _STATES.finditer(text):
        if not _overlaps(m.start(), m.end(), spans):
            spans.append((m.start(), m.end(), m.group(0)))
    for m in _GENERIC_BODY.finditer(text):  # also beside a canonical body: "na instemming van de raad … de NVAO"
        # "het bestuur van de NVAO": the NVAO itself
        body = next(
            (span for span in spans if span[0] > m.start(1) and _ORGAN_OF.fullmatch(text, m.start(1), span[0])), None
        )
        if body is not None:
            spans[spans.index(body)] = (m.start(1), body[1], body[2])
            continue
        if not _overlaps(m.start(1), m.end(1), spans):
            written = " ".join(m.group(1).split())
            spans.append((m.start(1), m.end(1), written[0].upper() + written[1:]))
    if not canonical:
        for m in _ASSOCIATION.finditer(text):
            spans.append((m.start(), m.end(), " ".join(m.group(0).split())))
        for span in _institution_bodies(text, institution) + _named_institutions(text):
            if not _overlaps(span[0], span[1], spans):
                spans.append(span)
    return sorted(spans)


_ORGAN_OF = re.compile(r"[\w-]+\s+(?:van|of)\s+(?:de\s+|het\s+|the\s+)?", re.I)
"""A body's organ before its name ("bestuur van de ", "board of the "): the named body acts."""


_PLACE_BEFORE = re.compile(
    r"\b(?:at|in|to|from|with|for|of|about|aan|bij|van|met|naar|op|voor|over|tussen|between)\s+(?:de\s+|the\s+)?$",
    re.I,
)
"""A preposition before an institution's name: it is where or what something is, not who decides."""


def _named_institutions(text: str) -> list[tuple[int, int, str]]:
    """Each institution ``text`` names ("Daarom kiest de Hogeschool Duinstad ervoor …"): another institution than
    the document's own decides for itself too."""
    found = []
    for m in _INSTITUTION.finditer(text):
        name = " ".join(m.group(0).split())
        if _INSTITUTION_NOUN.fullmatch(name) or _PLACE_BEFORE.search(text[: m.start()]):
            continue  # "The University" alone is the document's own; "to study at Leiden University" is a place
        found.append((m.start(), m.end(), name))
    return found


_HEAD_NOUN = re.compile(r"(raad|commissie|bestuur|vergadering|council|board|committee)$", re.I)


def body_acronym(name: str) -> str:
    """The initials a body goes by, a compound's head noun counted as a word: "Gezamenlijke Medezeggenschapsraad" →
    "GMR", "Universitaire Studentenraad" → "USR", "Opleidingscommissie" → "OC"."""
    letters = []
    for word in name.split():
        if not word[0].isalpha() or word.lower() in {"van", "de", "het", "der", "voor", "of", "the", "for"}:
            continue
        letters.append(word[0].upper())
        head = _HEAD_NOUN.search(word)
        if head and head.start() > 0:
            letters.append(head.group(1)[0].upper())
    return "".join(letters)


def body_acronyms(text: str) -> list[tuple[re.Pattern, str]]:
    """The bodies ``text`` names that it also calls by their initials (:func:`body_acronym`: "de Gezamenlijke
    Medezeggenschapsraad" and later "de GMR"), as ``(pattern of the initials, body)``; initials that name a body
    already ("UR", "CvB") are left to :func:`find_bodies`."""
    out: dict[str, str] = {}
    for start, end, name in find_bodies(text):
        before = re.search(r"(?:\b[A-Z][\w-]+\s+){1,2}$", text[max(0, start - 40) : start])  # "Gezamenlijke "
        written = (before.group(0) if before else "") + text[start:end]
        initials = body_acronym(written)
        if len(initials) >= 2 and initials not in out and re.search(rf"\b{initials}\b", text):
            if not find_bodies(f"de {initials}"):
                out[initials] = name
    return [(re.compile(rf"\b{initials}\b"), name) for initials, name in out.items()]


def acronym(name: str) -> str:
    """The initials an institution goes by: "Hogeschool van Amsterdam" → "HvA", "Universiteit Twente" → "UT"."""
    return "".join(word[0] for word in name.split() if word[0].isalpha())


def _institution_bodies(text: str, institution: str | None) -> list[tuple[int, int, str]]:
    """The document's own ``institution`` as the deciding body, named as "de universiteit", "the university", "de
    hogeschool", by its name or by its initials ("de HvA heeft ervoor gekozen"); none when it is not known."""
    if not institution:
        return []
    found = list(_INSTITUTION_NOUN.finditer(text)) + list(_institution_name(institution).finditer(text))
    return [(m.start(), m.end(), institution) for m in found]


@lru_cache(maxsize=256)
def _institution_name(institution: str) -> re.Pattern:
    """``institution`` by its name or its initials, as one pattern (compiled once per institution, not per sentence)."""
    short = acronym(institution)
    names = [re.escape(institution)] + ([re.escape(short)] if len(short) >= 2 else [])
    return re.compile(rf"\b(?:{'|'.join(names)})\b")


def find_institution(text: str) -> str | None:
    """The first institution ("Universiteit Utrecht", "Hogeschool Rotterdam", "Leiden University") ``text`` names."""
    m = _INSTITUTION.search(text)
    return " ".join(m.group(0).split()) if m else None


_ROLE_NAME = re.compile(
    r"\b(?:[Mm]inister|[Ss]taatssecretaris|[Ss]tate\s+[Ss]ecretary)\s+(?:van\s+[A-Z]\w+\s+)?"
    r"(?:[A-Z][\w-]+\s+)?(?:(?:van|de|der|den|ter|ten)\s+){0,2}([A-Z][\w-]{2,})"
)
"""A minister or state secretary named with their name ("minister Petra de Wolff", "staatssecretaris
Jansen"): the last word is the surname the document may later use alone."""


_PARTICIPATION = re.compile(
    r"studentenraad|student\s+council|students'\s+council|medezeggenschap|deelraad|ondernemingsraad|works\s+council|"
    r"faculty\s+council|staff\s+council",
    re.I,
)
"""A participation council outside the canonical list ("the Student Council", "de deelraad"): it has a say by consent,
as the canonical councils (:data:`CONSENTING_BODIES`); a committee (a programme committee advises) is none."""


def consenting(body: str) -> bool:
    """Whether ``body`` is a participation council, whose yes is its consent and whose no is its consent withheld
    (:data:`CONSENTING_BODIES`, :data:`_PARTICIPATION`)."""
    return canonical_body(body) in CONSENTING_BODIES or bool(_PARTICIPATION.search(body))


_BOARD = re.compile(r"bestuur$|\bboard$", re.I)
"""An executive body by its name's last word ("Faculteitsbestuur", "College van Bestuur", "Faculty Board"; not a
participation council such as the "Board of Students")."""
_AGREES_WITH = re.compile(
    r"\b(?:gaat|gaan|ging|gingen)\s+(?:\w+\s+){0,3}?akkoord\b|\bakkoord\s+(?:gegaan|gaan|ging|gingen)\b", re.I
)
"""Going along with a proposal ("Het bestuur gaat akkoord met …"): a board's approval, a council's consent."""


def council_act(act: str, body: str) -> str:
    """``act`` as ``body`` takes it: a participation council's approval is its consent (:func:`consenting`)."""
    if act in ("consent", "adopt") and body in PARLIAMENT:
        return "approve"  # parliament's yes to a bill ("aangenomen") is its approval (labelling rule 15)
    return "consent" if act == "approve" and consenting(body) else act


def people(text: str) -> list[tuple[re.Pattern, str]]:
    """The people ``text`` introduces by their office, as ``(pattern of the surname, body)``: "De Wolff heeft
    afspraken gemaakt" is the minister's act when the document named "minister Petra de Wolff"."""
    out: dict[str, str] = {}
    for m in _ROLE_NAME.finditer(text):
        found = find_bodies(m.group(0))
        if found and m.group(1) not in out:
            out[m.group(1)] = found[0][2]
    return [
        (re.compile(rf"\b(?:(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Tt]er|[Tt]en)\s+){{0,2}}{re.escape(name)}\b"), body)
        for name, body in out.items()
    ]


_LETTER_FROM = re.compile(r"\b(?:brief|letter)\s+(?:van|from)\b", re.I)
_LETTER_WRITER = re.compile(
    r"\b(?:brief|letter)\s+(?:(?:de|het|the)\s+)?(?P<writer>[^\n]{3,80}?)\s+(?:aan|to)\s+(?:de|het|the|uw|your)\b", re.I
)
"""A letter's title that names its writer and then its addressee without "van" / "from" ("Brief College van Bestuur
aan de Universiteitsraad over …")."""
_SELF = r"[Ii]k|I|[Mm]ijn\s+ambtsvoorganger|[Mm]y\s+predecessor"
_FIRST_PERSON = re.compile(rf"\b(?:{_SELF})\b")
_FIRST_PERSON_PLURAL = re.compile(rf"\b(?:{_SELF}|[Ww]e|[Ww]ij)\b")
"""The writer of a board's or council's letter: "we" as well as "I" ("We have decided to postpone …")."""


_OWN_OPENING = re.compile(
    r"\b(?:(?:newsletter|nieuwsbrief)\s+(?:of|from|van)|(?:voor\s+)?(?:ons|wij|we)\s+als|(?:for\s+)?(?:us|we)\s+as)\s+"
    r"(?:the\s+|de\s+|het\s+)?",
    re.I,
)
"""A council's or board's own newsletter, named so in its opening ("The newsletter of the Participation Council"), or
an opening in which it names itself ("Voor ons als Centrale Medezeggenschapsraad (CMR) van …", "For us as the
Student Council"): it writes "we" and "our council"."""
_WRITER_LABEL, _DATE_LABEL = r"(?:van|from|afzender|sender)", r"(?:date|datum)"
"""The labels of a letter's header lines that name its writer and its date ("**Van:**", "**Date:**")."""
_FROM_LINE = re.compile(rf"^[*_\s>]*{_WRITER_LABEL}[*_\s]*:[*_\s]*(?:de\s+|het\s+|the\s+)?(?P<who>[^\n]+)", re.I)
"""A letter's header line naming its writer ("**Van:** het College van Bestuur"): the letter under it says "wij" / "we"
for that body (a page may publish two letters, each with its own)."""


_TO_LINE = re.compile(r"^[*_\s]*(?:to|aan)\b[*_\s:]*(?:the\s+|de\s+|het\s+)?(?P<who>[^\n]+)", re.I | re.M)
"""A letter's line naming the body it is written to ("*To the Executive Board of …*", "**Aan:** het College")."""
_YOUR_BODY = re.compile(r"\b(?:[Yy]our|[Uu]w)\s+(?:board|council|college|raad|bestuur)\b")
"""The addressee as a letter names it ("On 22 October your board decided …")."""


def _leading_body(text: str) -> str | None:
    """The body ``text`` opens with ("College van Bestuur aan de Universiteitsraad" → "College van Bestuur"), else
    None."""
    return next((name for start, _, name in find_bodies(text) if start == 0), None)


def addressee(opening: str) -> list:
    """The body the first "To …" / "Aan …" line of a letter's ``opening`` names, as a :func:`people` entry for "your
    board" / "uw college"; none when no such line names a body."""
    named = next((body for line in _TO_LINE.finditer(opening) if (body := _leading_body(line.group("who")))), None)
    return [(_YOUR_BODY, named)] if named else []


def _sender(line: str) -> str | None:
    """The body a letter's header line names as its writer (:data:`_FROM_LINE`), else None."""
    sender = _FROM_LINE.match(line)
    return _leading_body(sender.group("who")) if sender else None


_OUR_BODY = re.compile(r"\b(?:[Oo]ur|[Oo]nze)\s+(?:council|board|raad)\b")
"""The writer's own body, as it names itself ("After our council refused its consent …")."""


_OUR_CONSENT = re.compile(r"\b(?:[Oo]ur|[Oo]nze)(?=\s+(?:consent|instemming)\b)")
"""The writer's own consent ("received our consent"): the writer gave it."""


def _we(body: str) -> list[tuple[re.Pattern, str]]:
    """:func:`people` entries for a council or board that writes: "we" / "wij" and "our council" are ``body``."""
    return [(_FIRST_PERSON_PLURAL, body), (_OUR_BODY, body), (_OUR_CONSENT, body)]


_SIGNATURE = re.compile(
    r"^[ \t*_]*(?P<close>(?:met\s+vriendelijke\s+groet(?:en)?|hoogachtend|kind\s+regards|best\s+regards|"
    r"yours\s+(?:sincerely|faithfully)|namens|on\s+behalf\s+of)\b[^\n]*)\n(?P<who>(?:[ \t]*\n)*(?:[^\n]*\n?){0,3})",
    re.I | re.M,
)
"""A document's signature: its closing words and the lines under them ("Met vriendelijke groet,\n\nde minister van
…", "On behalf of the Central Works Council,\nElaine Prothero, chair")."""


def _signatory(closing: str) -> list[tuple[int, int, str]]:
    """The bodies the last signature (:data:`_SIGNATURE`) in ``closing`` names, in its closing line or under it."""
    signatures = list(_SIGNATURE.finditer(closing))
    if not signatures:
        return []
    last = signatures[-1]
    return find_bodies(last.group("close")) or find_bodies(last.group("who"))


_INTERVIEW_WITH = re.compile(r"\b(?:interview|gesprek|conversation)\s+(?:with|met)\b", re.I)
"""A title that names whom an interview is with ("an interview with Supervisory Board chair X", "In gesprek met …")."""
_CHAIR = re.compile(r"\b(?:chair|chairman|chairwoman|chairperson|president|voorzitter|rector)\b", re.I)
"""The one who speaks for a body."""


def author(
    title: str | None, institution: str | None = None, doc_type: str | None = None, opening: str = "", closing: str = ""
) -> list:
    """A letter's writer, who says "ik" / "I" (and "mijn ambtsvoorganger") in it: the body its title names after
    "Brief van" / "Letter from" ("Kamerbrief over stagevergoedingen: brief van de minister van OCW"), else, for a
    letter (its ``doc_type`` says so, or a title that opens with "Kamerbrief") the canonical body its ``institution``
    is ("Ministerie van OCW"), else the body that signs the document at its ``closing`` ("Met vriendelijke groet, de
    minister van …", "On behalf of the Central Works Council,"), else the body whose chair an interview is with (its
    title says so), as a :func:`people` entry (a board or council also writes "we"); none for any other document."""
    m = _LETTER_FROM.search(title or "")
    found = find_bodies(title[m.end() :]) if m else []
    if not m and (bare := _LETTER_WRITER.search(title or "")):  # "Brief College van Bestuur aan de Universiteitsraad"
        found = [b for b in find_bodies(bare.group("writer")) if b[0] == 0]
    lettered = re.search(r"letter|brief", doc_type or "", re.I) or re.match(r"\W*kamerbrief\b", title or "", re.I)
    if not found and lettered:
        found = [b for b in find_bodies(institution or "") if b[2] in BODIES]
    found = found or _signatory(closing)
    talk = _INTERVIEW_WITH.search(title or "") if not found else None  # "an interview with Supervisory Board chair X"
    if talk and _CHAIR.search(title[talk.end() :]):  # the chair speaks for the body: "In April we approved …"
        found = find_bodies(title[talk.end() :])
    own = _OWN_OPENING.search(opening) if not found else None  # "*The newsletter of the Participation Council*"
    if own:
        body = _leading_body(opening[own.end() :])
        return _we(body) if body else []
    if not found:
        return []
    writer = found[0][2]  # a minister writes "ik", a board or council "we"
    return [(_FIRST_PERSON, writer)] if writer == "Ministerie van OCW" else _we(writer)


_REPORT_OF = re.compile(r"\b(?:report|verslag|jaarverslag)\s+(?:(?:of|van)\s+(?:the\s+|de\s+|het\s+)?)?", re.I)
"""A report's title before the body whose report it is ("Report of the …", "Jaarverslag van de …", "Jaarverslag
Universiteitsraad 2024")."""


def reporting_body(title: str) -> str | None:
    """The body whose own report a document's ``title`` says it is ("Report of the Supervisory Board 2024",
    "Jaarverslag van de Raad van Toezicht", "Jaarverslag Universiteitsraad 2024"), when it names that body by its full
    name (not a bare "the Board"); else None."""
    m = _REPORT_OF.search(title)
    found = find_bodies(title[m.end() :]) if m else []
    name = found[0][2] if found and found[0][0] == 0 else None
    return name if name and name.lower() not in KIND_WORDS else None


_BODY_OF_PLACE = re.compile(
    r"(?:[A-Z][\w-]+\s+)+(?:Council|Board|Committee|Raad|Commissie)\s+(?:of|for|van|voor)\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*"
)
"""An organisation named as a body of a place or field ("Accreditation Council of Westerland")."""


def own_board(body: str, publisher: str) -> bool:
    """Whether ``body`` is the board of the ``publisher`` whose document it is: "the Board" or "the ACW Board" (its
    initials) in the press release of the Accreditation Council of Westerland, whose board decides for it."""
    initials = "".join(w[0] for w in publisher.split() if w[:1].isupper())
    return body.lower() in ("board", "bestuur") or body.lower() == f"{initials} board".lower()


def publishing_body(institution: str | None) -> str | None:
    """The document's front-matter ``institution`` when it is itself a body named by its kind ("Board for Programme
    Accreditation", an accreditation body's own decision letter): "the Board" in it is that body. None for an
    institution ("Universiteit Leiden") or a body of the canonical list."""
    found = find_bodies(institution or "")
    words = str(institution or "").split()
    qualified = not found and len(words) > 1 and words[-1].lower() in KIND_WORDS and all(w[:1].isupper() for w in words)
    if qualified or _BODY_OF_PLACE.fullmatch(str(institution or "").strip()):
        return str(institution).strip()  # "Nordvale Accreditation Council", "Accreditation Council of Westerland"
    if not found or found[0][0] != 0 or found[0][2].lower() not in KIND_WORDS:
        return None
    return str(institution).strip()


def _with_people(sentence: str, bodies: list[tuple[int, int, str]], known: list[tuple[re.Pattern, str]]) -> list:
    """``bodies`` and the spans where ``sentence`` names one of the ``known`` people by surname (as their body)."""
    spans = list(bodies)
    for pattern, body in known:
        for m in pattern.finditer(sentence):
            if not _overlaps(m.start(), m.end(), spans):
                spans.append((m.start(), m.end(), body))
    return sorted(spans)


def _clauses(text: str, protected: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Clause spans: the sentence split at ';' and coordinating conjunctions outside body names and outside a
    capitalised name ("the Teaching and Examination Regulations")."""
    cuts = [
        m.start()
        for m in _CLAUSE_BREAK.finditer(text)
        if not any(s <= m.start() < e for s, e in protected) and not _IN_NAME.search(text, 0, m.end() + 2)
    ]
    bounds = [0, *cuts, len(text)]
    return [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]


_PASSIVE_TAIL = re.compile(r"^\s*(?:door|by)\b", re.I)
_AUX = re.compile(r"\b(?:is|zijn|werd|werden|was|were|has|have|been|heeft|hebben|op|in|on)\b", re.I)
_LAST_NOUN_PHRASE = re.compile(r"\b(?:het|de|the|this|dit|deze)\s+[^,;:.()]+?(?=[.;:]?$)", re.I)
PRONOUNS = {"dat", "dit", "het", "deze", "die", "it", "this", "that", "they", "zij", "ze"}


_NOT_SEPARABLE = re.compile(rf"\b(?:{_AGENT_WORD}|beoordeeld|to|for)$", re.I)
"""An act of several words that is no separable verb: a nominal or assessment form ("de instemming hebben van",
"negatief besluit beoordeeld") or an English verb with its particle ("has chosen to", "is opting for"); the words
inside it are not its object."""


def _separable_object(clause: str, act_start: int, act_end: int, masks: list[tuple[int, int]]) -> str:
    """The object inside a Dutch separable verb ("keurde het College de kadernota goed" → "de kadernota"): the
    words between the verb's two parts, after the last body or date among them; empty when there are none."""
    span = clause[act_start:act_end]
    first, last = span.find(" "), span.rfind(" ")
    if first < 0 or first == last or _NOT_SEPARABLE.search(span):
        return ""
    start, end = act_start + first, act_start + last
    # a body or date right after the verb is its inverted subject or its time; one further in belongs to the object
    # ("stelt de notitie Taalbeleid Universiteit Utrecht vast")
    cut = max((e for s, e in masks if start <= s < end and len(clause[start:s].split()) <= 2), default=start)
    phrase = " ".join(clause[max(cut, start) : end].split()).strip(" ,.;:")
    phrase = re.sub(r"^(?:en|and|ook|also|daarna|then)\b\s*", "", phrase, flags=re.I)
    if re.match(r"er\b", phrase, re.I):  # "kiest er eveneens voor": "er" is part of the verb "ervoor kiezen"
        return ""
    if all(w.lower() in _NOT_AN_OBJECT for w in phrase.split()):  # "did not consent", "stemt niet in": no object
        return ""
    if _TALLY.match(phrase):  # "stemde met vijftien stemmen voor en vier tegen in met …": how, not what
        return ""
    return phrase if re.search(r"\w{3,}", phrase) and phrase.lower() not in PRONOUNS else ""


_COUNT_WORD = (
    r"(?:\d+|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|[a-z]+tien|[a-z]*twintig|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty(?:-[a-z]+)?|algemene)"
)
"""A count of votes or members, in figures or words ("vijftien", "eenentwintig", "seventeen"); "algemene" as in
"met algemene stemmen" (unanimously)."""
_TALLY = re.compile(rf"(?:met|with|by)\s+{_COUNT_WORD}\s+(?:stemmen|stem|votes?)\b", re.I)
"""A vote tally between the parts of a verb ("stemde met vijftien stemmen voor en vier tegen in met"): its manner."""
_COUNTED_VOTERS = re.compile(rf"\b{_COUNT_WORD}\s+(?:[\w-]*leden|(?:[\w-]+\s+)?members)\s*$", re.I)
"""Members counted right before a verb ("elf raadsleden stemden tegen", "seven members voted against"): a tally of
how a vote went, not an act of the body."""


_NOT_AN_OBJECT = frozenset("not niet in ook wel al nog also then daarna en and er voorlopig provisionally yet".split())
"""Words between the parts of a verb that are no object of it ("did not consent to", "stemt niet in met")."""
_LEADING_TIME = re.compile(
    rf"^(?:(?:al|already|toen|then)\s+)?(?:in|on|op)\s+(?:{MONTH_RE}|\d{{4}})(?:\s+\d{{4}})?(?:\s+al)?\b[,\s]*"
    r"(?:(?:dat|that)\s+)?",
    re.I,
)
"""A time that opens an object phrase ("in december al dat tentamens …", "in 2023 to the Framework"): not what was
decided."""
_TRAILING_TIME = re.compile(
    rf"\s+(?:in|on|op)\s+(?:(?:\d{{1,2}}\s+)?{MONTH_RE}(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?|\d{{4}})$", re.I
)
"""A time that ends it ("the board's plan in December 2018")."""


_ITEM_REQUEST = re.compile(
    r"^(?P<number>(?:\d{1,2}(?:\.\d{1,2})*|[a-z])[.)]\s+)?(?:(?:instemmings|advies)(?:verzoek|aanvraag)|verzoek\s+om\s+"
    r"(?:instemming|advies)|request\s+for\s+(?:consent|advice))(?:\s*:)?\s*(?:(?:met|over|on|with)\s+)?",
    re.I,
)
"""The request an agenda item puts to the council ("5. Instemmingsverzoek", "3.1 Request for consent on"), before
what the item is about (its number stays)."""


_LEADING_WEEKDAY = re.compile(rf"^(?:{_DAY_NAMES})(?:avond|ochtend|middag)?\s+", re.I)
"""A weekday a subject opens with ("maandag het voorstel …"): the day belongs to the record's date."""


def clean_subject(subject: str, title: str | None = None) -> str:
    """``subject`` without markdown emphasis and a time it opens or ends with ("in december al dat …"); the
    document's ``title`` when nothing that names a thing is left ("op .*" of "*Vastgesteld … op 18 juni 2020.*")."""
    cleaned = " ".join(subject.replace("*", " ").replace("_", " ").split())
    cleaned = _TRAILING_TIME.sub("", _LEADING_TIME.sub("", cleaned)).strip(" ,.;:")
    cleaned = re.sub(rf"[\s,]+{_TALLY.pattern}.*$", "", cleaned, flags=re.I) or cleaned  # "… by 29 votes to 8"
    cleaned = re.sub(r"^(?:to|with|met|tot)\s+", "", cleaned, flags=re.I)
    cleaned = _ITEM_REQUEST.sub(lambda m: m.group("number") or "", cleaned) or cleaned  # "5. Instemmingsverzoek …"
    cleaned = _LEADING_WEEKDAY.sub("", cleaned) or cleaned  # "maandag het voorstel …": the day is the date's
    if not re.search(r"[^\W\d_]{4,}", cleaned) and title:
        return " ".join(title.split())[:200]
    return cleaned or subject


_MASKED_ARTICLE = re.compile(r"\b(?:(?:van|of|door|by)\s+)?(?:de|het|the|een|an?)\s{3,}", re.I)
"""An article (and the preposition before it) whose noun, a body or date, was blanked out of a clause."""


def _subject(clause: str, act_start: int, act_end: int, masks: list[tuple[int, int]]) -> str:
    """The object phrase: what follows "met"/the verb up to the clause's end; for a passive ("X is … goedgekeurd
    door Y") what precedes the verb, without the date and the body."""
    inner = _separable_object(clause, act_start, act_end, masks)
    if inner:
        return inner
    tail = clause[act_end:]
    m = re.match(r"\s*(?:(?:met|with|om|tot|to|that|dat)\b)?\s*(.+)", tail, re.S)
    phrase = (m.group(1) if m else "").strip(" ,.;:")
    if len(phrase.split()) < 2 or _PASSIVE_TAIL.match(tail):
        head = list(clause[:act_start])
        for s, e in masks:
            head[max(0, s) : max(0, e)] = " " * (max(0, e) - max(0, s))
        unmasked = _MASKED_ARTICLE.sub("   ", "".join(head))  # "De ⟨body⟩ heeft": no article left without its noun
        phrase = " ".join(_AUX.sub(" ", unmasked).replace("(", " ").replace(")", " ").split())
        phrase = re.sub(r"^(?:en|and|maar|but)\b", "", phrase).strip(" ,.;:")
        while (
            shorter := re.sub(r"\s*\b(?:door|by|de|het|the|van|of|als|as|met|with|een)$", "", phrase).strip(" ,.;:")
        ) != phrase:
            phrase = shorter
        if len(phrase.split()) < 2 and phrase.lower() not in PRONOUNS:
            rest = list(clause)
            for s, e in masks:
                rest[max(0, s) : max(0, e)] = " " * (max(0, e) - max(0, s))
            after = " ".join("".join(rest[act_end:]).replace("(", " ").replace(")", " ").split())
            phrase = re.sub(r"^(?:door|by)(?:\s+(?:de|het|the))?\s+(?:in\s+)?", "", after).strip(" ,.;:")
    phrase = re.split(r",\s+(?:een|a|an|which|die|dat|na|after)\b", phrase)[0]
    return " ".join(phrase.split())[:200]


_PARTY_SPLIT = re.compile(r",\s*|\s+(?:en|and|&|met|with)\s+")
_PARTY_END = re.compile(r"\s+(?:werd|werden|is|zijn|was|were|has|have|heeft|hebben|over|about|on|op|in|om|to)\b|[.;:(]")


_PARTY_LIST = re.compile(r"\b(?:tussen|between|(?:ondertekend|signed)\s+(?:door|by))\s+(?:[^:,.;]{0,30}?:\s*)?", re.I)
"""Where an agreement's parties are listed: "tussen A en B", "ondertekend door A, B en C", "signed by five parties:"."""


_BOTH_PARTIES = re.compile(r"\b(?:beide|both|de\s+twee|the\s+two)\s+(?:partijen|parties)\b", re.I)
"""The parties of the agreement the sentence before told of ("beide partijen", "both parties")."""
_ACRONYM_PAIR = re.compile(
    r"\b(?P<a>(?-i:[A-Z][A-Z&]{1,5}))\s+(?:en|and)\s+(?:de|het|the)\s+(?P<b>(?-i:[A-Z][A-Z&]{1,5})|[a-z][\w-]{3,30})\b"
)
"""Two parties of an agreement outside the list of bodies, the first by its acronym ("de VSNU en de vakbonden", "the
KNAW and the unions")."""


def _parties(sentence: str) -> list[str]:
    """The parties named after "tussen/between" or "ondertekend door/signed by" (an agreement): "A, B en C" →
    [A, B, C], canonical bodies by their canonical names; none when fewer than two are named."""
    m = _PARTY_LIST.search(sentence)
    if not m:
        return []
    rest = re.sub(r"\s*\([^()]{1,20}\)", "", sentence[m.end() :])  # "de Vereniging Hogescholen (VH)"
    for start, end, name in reversed(find_bodies(rest)):  # "the Ministry of Education, Culture and Science"
        if name in BODIES:
            rest = rest[:start] + name + rest[end:]
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


_CITATION = re.compile(r"\b(?:zoals|as)\s+$", re.I)
_AGENT_NEXT = re.compile(r"\s+(?:door|by)\b", re.I)


def _cites_agent(sentence: str, act: re.Match) -> bool:
    """Whether a cited participle names who did it ("zoals vastgesteld door het ministerie", "as adopted by the
    board"): that reports the act of a named body; a citation without one ("zoals vastgesteld in het plan") does not."""
    return bool(_CITATION.search(sentence, 0, act.start()) and _AGENT_NEXT.match(sentence, act.end()))


def _present_only(sentence: str, act: str) -> bool:
    """Whether ``sentence`` states ``act`` (as a council takes it, :func:`council_act`) only in a decision list's
    present tense (:data:`_PRESENT_PATTERNS`): "Na instemming van de CMR stelt het CvB de begroting vast" states the
    adoption so, whatever tense the consent is in."""
    acts = [(start, name) for start, _, name in _find_acts(sentence)]
    own = [start for start, name in acts if name == act or (act == "consent" and name in {"approve", "reject"})]
    return bool(own) and all(any(p.match(sentence, start) for p in _PRESENT) for start in own)


def _find_acts(sentence: str) -> list[tuple[int, int, str]]:
    """``(start, end, act)`` of each decision act in ``sentence``, the first pattern winning where two overlap;
    participles used as adjectives or citations (:data:`_ATTRIBUTIVE`) are left out."""
    acts: list[tuple[int, int, str]] = []
    for name, pattern in _ACTS:
        for m in pattern.finditer(sentence):
            before = sentence[max(0, m.start() - 12) : m.start()]
            if _PARTICIPLE.match(m.group(0)) and _ATTRIBUTIVE.search(before) and not _cites_agent(sentence, m):
                continue
            if not _overlaps(m.start(), m.end(), acts):
                acts.append((m.start(), m.end(), name))
    return sorted(acts)


_REPORTING = re.compile(r"(?:zo\s+)?(?:was|luidde)\b", re.I)
_AFTER_COMMA = re.compile(r",\s*$")
"""An inverted reporting clause after a comma ("Als de overheid …, was de afspraak, zou het geld …"): the conditional
or modal clause before it is the content of the agreement it reports, not a condition on it."""


def _inverted_report(sentence: str, a_start: int) -> bool:
    """Whether the act is an inverted reporting clause after a comma (:data:`_REPORTING`): the modality and negation
    of the clause before it belong to what was agreed, not to the act."""
    return bool(_REPORTING.match(sentence, a_start) and _AFTER_COMMA.search(sentence, 0, a_start))


_OBJECT_INFINITIVE = re.compile(
    r"\b(?:voorstel|verzoek|plan|idee|besluit|aanvraag)(?:\s+(?:van|d\.d\.)\s+[^,;:.]{1,40}?)?\s+om\s+"
    r"[^,;:.]{1,160}?\bte\s+[\w-]+en\b",
    re.I,
)
"""What a proposal or request is for ("het voorstel om de toets af te schaffen", "uw verzoek van 2 december om … te
garanderen"): its infinitive describes the object, it is no intention of the body that acts on it."""


def _hypothetical(sentence: str, c_start: int, a_start: int, a_end: int) -> bool:
    """Whether the act is an intention, request, condition or procedure rather than a decision taken: a modal or
    condition in its clause before it, or a present passive before it; a factive clause ("omdat", "gezien het feit
    dat") starts afresh, and so does the main clause after a fronted indirect question ("Hoe het geld besteed moet
    worden, is vastgelegd in een akkoord tussen …"), an inverted reporting clause (:data:`_REPORTING`) and what follows
    a clause's colon."""
    factive = [m.start() for m in _FACTIVE.finditer(sentence, c_start, a_start)]
    fronted = _FRONTED_QUESTION.match(sentence)
    starts = factive[-1:] + ([fronted.end()] if fronted and fronted.end() <= a_start else [])
    if _inverted_report(sentence, a_start):
        starts.append(a_start)  # "Als X …, was de afspraak, zou …": the condition is what was agreed
    colon = sentence.rfind(": ", c_start, a_start)  # "A summary for those who could not attend: at last Thursday's
    lead_in = colon >= 0 and len(sentence[c_start:colon].split()) >= 4  # meeting the Council consented …": a clause
    starts += [colon + 2] if lead_in else []  # before its colon, not a label ("Uitslag: …", "Voorwaarde: …")
    zone = max([c_start, *starts])
    refusal = _REFUSAL.search(sentence, zone, a_end)
    end = refusal.start() if refusal else a_end  # "weigerde in te stemmen": the infinitive is the refused act
    said = _OBJECT_INFINITIVE.sub(" ", sentence[zone:end])  # "Met het voorstel om de toets af te schaffen stemde
    return bool(_NOT_A_DECISION.search(said) or _PROCEDURE.search(sentence[zone if starts else 0 : end]))  # de raad …"


def _in_subordinate(sentence: str, bodies: list[tuple[int, int, str]], c_start: int, a_start: int) -> list:
    """The bodies that may have done an act inside an adverbial subordinate clause ("nadat X had toegezegd"): those
    named in that clause; all ``bodies`` when the act is not in one (no such clause, or a comma closes it)."""
    opened = [m.start() for m in _ADVERBIAL.finditer(sentence, c_start, a_start)]
    if not opened or "," in sentence[opened[-1] : a_start]:
        return bodies
    return [b for b in bodies if b[0] >= opened[-1]]


_BY_WORD = re.compile(rf"\b{_BY}\b", re.I)
"""The preposition that names the agent of a nominal act ("instemming van de raad")."""


def _agent(bodies: list[tuple[int, int, str]], sentence: str, a_start: int, a_end: int, after: bool) -> tuple:
    """The body that did the act: the agent of a passive ("goedgekeurd door de minister") or of a nominal form
    (``after``: "na instemming van de raad"), else the nearest body before the act's end (its subject, also inside
    a separable verb: "stemde de raad in"), else the nearest body after it."""
    preposition = list(_BY_WORD.finditer(sentence, a_start, a_end)) if after else []
    cut = preposition[-1].start() if preposition else a_end  # "oordeel van de NVAO ontvangen"
    later = [b for b in bodies if b[0] >= cut]
    if later and (after or _PASSIVE_TAIL.match(sentence[a_end:])):
        return later[0]
    earlier = [b for b in bodies if b[0] < a_end]
    inverted = [b for b in bodies if b[0] >= a_end and _ARTICLE_ONLY.fullmatch(sentence, a_end, b[0])]
    if inverted and earlier and all(_FRONTED_WITH.fullmatch(sentence, 0, b[0]) for b in earlier):
        return inverted[0]  # "Na overleg met de USR besluit het College van Bestuur …": the subject after the verb
    for b in earlier:  # "De decaan zegt namens het faculteitsbestuur toe": the board's commitment
        spoken = next((o for o in bodies if o[0] > b[0] and _ON_BEHALF.fullmatch(sentence, b[1], o[0])), None)
        fronted = next(  # "On behalf of the Faculty Board, the Dean promises …": the board's commitment too
            (o for o in bodies if o[1] <= b[0] and _FRONTED_BEHALF.fullmatch(sentence[: o[0]])
             and _COMMA_ARTICLE.fullmatch(sentence, o[1], b[0])),
            None,
        )  # fmt: skip
        if spoken is not None or fronted is not None:
            earlier = [o for o in earlier if o is not b]
    inside = [b for b in earlier if a_start < b[0]]
    opening = [b for b in earlier if b[1] <= a_start and _NAMED_GAP.fullmatch(sentence, b[1], a_start)]
    if inside and opening:  # "Rector Oudeman zegde de raad toe": the subject before the verb, not who it was told
        return opening[-1]
    if earlier:
        nearest = min(earlier, key=lambda b: abs(b[0] - a_start))
        subject = [b for b in earlier if b[0] < nearest[0]]
        if subject and _PRONOUN_CLAUSE.search(sentence, nearest[1], a_start):
            return subject[0]  # "The Board informed the Council that it decided …": the Board decided
        return nearest
    return min(bodies, key=lambda b: abs(b[0] - a_start))


_NAMED_GAP = re.compile(
    r"(?:\s+(?-i:[A-Z])[\w.'’-]*){0,4}(?:\s+(?:then|now|also|ook|toen|nu|vervolgens|daarna|\w+ly|formeel))*\s*", re.I
)
"""Between a body and its verb: nothing, or the name of the person holding the office ("Rector Marit Oudeman"), perhaps
with an adverb ("Rector Wijeratne then formally commits to the council …")."""
_BEHALF = r"(?:namens|on\s+behalf\s+of)\s+(?:de\s+|het\s+|the\s+)?"
"""The words before the body a speaker speaks for ("namens het faculteitsbestuur", "on behalf of the Board")."""
_ON_BEHALF = re.compile(rf"[\s,]+(?:\w+\s+)?{_BEHALF}", re.I)
"""Between a speaker and the body it speaks for ("De decaan zegt namens het faculteitsbestuur toe"): the body's act."""
_FRONTED_WITH = re.compile(
    r"\W*(?:na|in|following|after)\s+(?:overleg|consultation|discussion|gesprekken?|talks)\s+(?:met|with)\s+"
    r"(?:de\s+|het\s+|the\s+)?",
    re.I,
)
"""A sentence that opens with whom a body consulted ("Na overleg met de USR besluit het college …"): not its subject."""
_ARTICLE_ONLY = re.compile(r"\s+(?:de\s+|het\s+|the\s+)?", re.I)
"""Between a verb and the body right after it: at most an article ("besluit het College …")."""
_COMMA_ARTICLE = re.compile(r"\s*,\s*(?:de\s+|het\s+|the\s+)?", re.I)
"""Between a fronted "on behalf of X" and its speaker: a comma and at most an article."""
_FRONTED_BEHALF = re.compile(rf"\W*(?:\w+[*_]*:\W*)?{_BEHALF}", re.I)
"""A sentence that opens by naming the body its speaker speaks for ("Namens het bestuur zegt de decaan toe …", after a
label: "Commitment: on behalf of the Faculty Board, the Dean commits …")."""
_PRONOUN_CLAUSE = re.compile(
    r"\b(?:that|dat)\s+(?:(?:in|on|op|last|vorige|eerder|earlier)\s+(?:\w+\s+){0,2}?)?(?:it|he|she|they|hij|zij|ze)\b",
    re.I,
)
"""A reported clause whose subject is a pronoun ("informed the Council that it decided", "… that in April it had
decided"): it stands for the subject of the sentence, not for the body it was told to."""


def _agreement_body(bodies: list[tuple[int, int, str]], parties: list[str]) -> str:
    """The body an agreement is recorded under: the ministry when it is a party, else the first party named."""
    names = parties or [canonical_body(name) or name for _, _, name in sorted(bodies)]
    return AGREEMENT_LEAD if AGREEMENT_LEAD in names else names[0]


_DELEGATE = re.compile(
    r"\b(?:panel|commissie|committee|delegatie|delegation|meerderheid|majority)(?:\s+[\w-]+){0,2}?\s+(?:van|of)\s+$",
    re.I,
)
"""Before a body: a panel or committee of it ("een panel van experts van de NVAO"), which acts for that body, or its
majority ("A majority of the Council votes against …")."""


def _possessor(sentence: str, body: tuple[int, int, str]) -> bool:
    """Whether ``body`` is named as an owner ("het plan van de raad", "the Executive Board's plan"): then it is not
    the one that acted; a panel or committee it owns (:data:`_DELEGATE`) acts for it."""
    if re.match(r"['’]s\s", sentence[body[1] : body[1] + 3]):
        return True
    before = re.sub(r"(?:de|het|the)\s+$", "", sentence[: body[0]], flags=re.I) if body[0] else ""
    behalf = re.search(r"\bbehalf\s+of\s+$", before, re.I)  # "on behalf of the board": who speaks for it, no owner
    return bool(_POSSESSOR.search(before)) and not _DELEGATE.search(before) and not behalf


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


def _dates_for(act: tuple[int, int, str], acts: list, dates: list, in_clause: list, nominal: bool) -> list:
    """The dates that may date ``act``: those in its clause (all of them when it is the sentence's only act); a
    nominal act beside other acts ("dat in oktober door de minister is goedgekeurd na een positief advies van de
    NVAO") takes only a date after it that is nearer to it than to any other act."""
    pool = in_clause or (dates if len(acts) == 1 else [])
    if nominal and len(acts) > 1:
        others = [a for a in acts if a != act]
        # an act that starts after the date does not take it ("de instemming van X van 12 januari; de instemming …")
        pool = [d for d in pool if d[0] >= act[0] and all(_gap(act, d) < _gap(o, d) for o in others if o[0] < d[0])]
    return pool


_OVERVIEW = re.compile(
    r"^\W*(?:below\s+is|here\s+is|the\s+following\s+is|hieronder\s+(?:staat|volgt|vindt\s+u|een)|onderstaand)\b"
    r"[^:]*\b(?:overview|list|overzicht|lijst)\b[^:]*:",
    re.I,
)
"""The header of a list of what was decided ("Below is a list of the programmes that the NVAO has
positively assessed:"): it restates the decisions the list and the text report, and is none itself."""


_FRONTED = re.compile(r"^\W*(?:na|following|after|met|with)\b", re.I)
"""A sentence that opens with a phrase ("Na instemming van …", "Following the consent of …")."""
_FUTURE_WORDS = r"zal|zullen|zou|zouden|will|would|shall"
_FUTURE = re.compile(rf"\b(?:{_FUTURE_WORDS})\b", re.I)
"""A main clause about what is to come: the act its opening phrase names is its condition, not yet taken."""
_FINITE_AUX = re.compile(
    rf"\b(?:heeft|hebben|had|hadden|is|zijn|was|waren|werd|werden|wordt|worden|has|have|{_FUTURE_WORDS})\b", re.I
)
"""The auxiliary that follows an inverted opening phrase: where the phrase ends."""


def _fronted_end(sentence: str, acts: list, nominal: list[tuple[int, int]]) -> int | None:
    """Where a phrase that opens the sentence with a nominal act ends: at its comma ("Following the consent of the
    Faculty Council on 25 April 2024, the Faculty Board adopts …") or, inverted, at the next act ("Na instemming van
    de deelraad op 11 januari besluit het CvB …"). A date in it dates the nominal act, not the main one; None when the
    sentence opens otherwise."""
    opening = _FRONTED.match(sentence)
    if opening is None or not any(s <= opening.end() + 1 for s, _ in nominal):
        return None
    first_end = min(e for s, e in nominal if s <= opening.end() + 1)
    later = [s for s, _, _ in acts if s >= first_end]
    comma = sentence.find(",", first_end)
    finite = _FINITE_AUX.search(sentence, first_end)  # "Na een advies van de raad heeft het CvB op 2 maart …"
    ends = [x for x in (comma, later[0] if later else -1, finite.start() if finite else -1) if x >= 0]
    return min(ends) if ends else None


_AT_MEETING = re.compile(rf"{_MEETING_NOUN}(?:\s+(?:van|d\.d\.|op|of|on))?\s*$", re.I)
"""Right before a date: the meeting it names ("tijdens de CMR-vergadering van 20 juni", "during its meeting last
week"), the time a decision in the sentence was taken rather than another date the sentence gives."""


def _after(date: str, meeting: str) -> bool:
    """Whether ``date`` lies after the ``meeting``'s date (as precise as both go): a time to come."""
    size = min(len(date), len(meeting))
    return date[:size] > meeting[:size]


_PRONOUN_SUBJECT = re.compile(
    r"^\W*(?:(?:in|on|at|early|late)\s+(?:[A-Za-z]+\s+){0,2}?(?:\d{1,2}\s+)?[A-Z][a-z]+(?:\s+\d{4})?,?\s+)?"
    r"(?:it|zij|ze)\s+(?:(?:also|then|later|ook|daarna|vervolgens)\s+)?\w",
    re.I,
)
"""A sentence whose subject is a pronoun ("It also approved the procedure …", after a time: "In December it decided
…"): the body the sentence before named."""


_PARENTHESIS = re.compile(r"\([^()]*\)")
"""A bracketed aside ("(240 EC; voltijd en deeltijd)")."""


_SHARED_SUBJECT = re.compile(
    r"[\s,;]*(?:but|and|yet|maar|en|doch)\s+(?:(?:also|then|later|subsequently|ook|daarna|vervolgens|toen|eveneens)\s+)?",
    re.I,
)
"""A clause that opens with a conjunction and goes straight on with its act ("…, but withheld its consent for …", "…
en wees het voorstel … af"): a second predicate of the subject before it."""


def extract_sentence(
    sentence: str,
    doc_date: str | None = None,
    institution: str | None = None,
    context_body: str | None = None,
    bodies: list[tuple[int, int, str]] | None = None,
) -> list[dict]:
    """Decisions in one sentence as dicts (date, date_text, body, act, parties, subject, negated), at most one per
    act; ``date`` is None when the sentence dates it nowhere (the caller may date it by the meeting the document
    records). ``institution`` is the document's own, which may be the deciding body ("de hogeschool heeft ervoor
    gekozen"); ``context_body`` is the body the paragraph is about, the body of an agentless passive ("Er werd
    vandaag ingestemd"). ``bodies``: :func:`find_bodies` of the sentence, where the caller has it already."""
    acts = _find_acts(sentence)
    if not acts or _OVERVIEW.match(sentence) or sentence.rstrip(" *_").endswith("?"):  # a question states nothing
        return []
    bodies = find_bodies(sentence, institution) if bodies is None else bodies
    if not bodies and context_body and (_PASSIVE_AUX.search(sentence) or _VERDICT_FALLS.search(sentence)):
        bodies = [(0, 0, context_body)]
    elif context_body and _PRONOUN_SUBJECT.match(sentence):  # "It also approved …": the body the sentence before
        bodies = [(0, 0, context_body), *bodies]  # names, not one its object names
    if not bodies and any(act == "agree" for _, _, act in acts):
        # "het akkoord tussen de VSNU, de VH, het ISO en de LSVb": the parties an agreement names are its bodies
        parties = _parties(sentence)
        if all(re.match(r"[^\W\d_]", p) for p in parties):  # names, not "tussen 2014 en 2018"
            bodies = sorted((sentence.find(p), sentence.find(p) + len(p), p) for p in parties if p in sentence)
        pair = None if bodies else _ACRONYM_PAIR.search(sentence)  # "De VSNU en de vakbonden bereikten een akkoord"
        if pair:
            bodies = [(pair.start(g), pair.end(g), pair.group(g)) for g in ("a", "b")]
    if not bodies:
        return []
    # the body of a nominal act ("na instemming van de raad") did not do the sentence's other acts
    nominal = [(s, e) for s, e, name in acts if _NOMINAL.match(sentence, s) or _AGENT_IN_ACT.search(sentence[s:e])]
    owned = {b for b in bodies for s, e in nominal if 0 <= b[0] - e <= 12}
    dates = find_dates(sentence, doc_date)
    protected = [(s, e) for s, e, _ in bodies] + [(s, e) for s, e, _, _ in dates] + [(s, e) for s, e, _ in acts]
    clauses = _clauses(sentence, protected)  # not inside a body, a date or an act ("stelt de onderwijs- en … vast")
    out: list[dict] = []
    trailing: list[dict] = []  # nominal acts that end the sentence: they are about the other act's object
    acted_by: tuple[int, int, str] | None = None  # the body of the act before, for a predicate that shares it
    for a_start, a_end, act in acts:
        c_start, c_end = next((c for c in clauses if c[0] <= a_start < c[1]), (0, len(sentence)))
        in_clause = [d for d in dates if c_start <= d[0] < c_end]
        is_nominal = any(s == a_start for s, _ in nominal)
        pool = _dates_for((a_start, a_end, act), acts, dates, in_clause, is_nominal)
        pool = [d for d in pool if ";" not in _PARENTHESIS.sub("", sentence[min(a_end, d[0]) : max(a_start, d[0])])]
        # "…; de pilot liep eigenlijk af in augustus": a clause of its own after a semicolon (not one in brackets)
        front = _fronted_end(sentence, acts, nominal)  # "Following the consent of X on 25 April, the board adopts"
        if front is not None:
            if is_nominal and a_start < front and _FUTURE.search(sentence, front):
                continue  # "Na goedkeuring van de Eerste Kamer zal de wet …": a condition of what is to come
            if is_nominal and a_start < front:
                pool = [d for d in dates if a_end <= d[0] < front] or pool
            elif a_start >= front:
                pool = [d for d in pool if d[0] >= front]
        elif (opening := _FRONTED.match(sentence)) and 0 < (comma := sentence.find(",", opening.end())) < a_start:
            if not any(s < comma for s, _, _ in acts):  # "Following the discussion in June, the council decided …"
                pool = [d for d in pool if d[0] > comma]  # the time of what it followed, not of the act
        complement = _COMPLEMENT.match(sentence, a_end)  # "zegt toe dat de raad in november …": what is decided
        if complement and len(acts) == 1 and pool and all(d[0] >= complement.end() for d in pool):
            pool = [d for d in dates if d[0] < complement.end()]  # "Op 1 oktober heb ik met A en B afgesproken dat …"
        pool = [d for d in pool if not complement or d[0] < complement.end()]
        opened = [m.start() for m in _ADVERBIAL.finditer(sentence, c_start, a_start)]
        if opened and "," not in sentence[opened[-1] : a_start]:  # "…, nadat de decaan had toegezegd": its own time
            pool = [d for d in pool if d[0] >= opened[-1]]
        pool = [d for d in pool if d[0] < a_end or not re.search(r":\s", sentence[a_end : d[0]])]
        # "heeft gekozen voor een overgangsregeling: wie op 1 september 2024 al stond ingeschreven …": what was chosen
        when = [d for d in dates if d[1] <= a_start and _when_clause(sentence, d[1], a_start)]
        if when and not any(d[0] > when[-1][1] for d in pool):  # "From March 2021, when the council consented …":
            pool = when[-1:]  # the time the clause is of (not when the clause dates it itself, "when … on 3 May")
        usable = bodies if is_nominal else [b for b in bodies if b not in owned and not _possessor(sentence, b)]
        body_pool = [b for b in usable if c_start <= b[0] < c_end] or (usable if len(acts) == 1 else [])
        behalf = [b for b in usable if _FRONTED_BEHALF.fullmatch(sentence[: b[0]]) and b not in body_pool]
        body_pool = behalf + body_pool  # "On behalf of the Faculty Board, the Dean promises …"
        shared = not body_pool and acted_by is not None and _SHARED_SUBJECT.fullmatch(sentence[c_start:a_start])
        if shared:  # "… consented to the budget on 12 May, but withheld its consent for the merger": its own act, then
            body_pool = [acted_by]
        if act == "agree":
            body_pool = usable  # the parties may be named anywhere in the sentence ("A en B besloten gezamenlijk")
        body_pool = _in_subordinate(sentence, body_pool, c_start, a_start)
        # a body in a clause after the act did not do it: a condition's ("Goedgekeurd: …, onder voorbehoud van
        # instemming door de MR"), or a subordinate clause's after an active act ("we consented …, after the Board had
        # added …"; not "werd … verleend, nadat de CMR …", whose agent may be named there)
        active = not is_nominal and not _PASSIVE_AUX.search(sentence, c_start, a_end)
        after = [_CONDITION.search(sentence, a_end), _ADVERBIAL_AFTER.search(sentence, a_end) if active else None]
        if (cut := min((m.start() for m in after if m), default=None)) is not None:
            body_pool = [b for b in body_pool if b[0] < cut]
        # a past fact, whatever modal the main clause has ("can start in September, following the positive assessment
        # that the NVAO issued")
        issued = is_nominal and re.search(rf"\b{_RELATIVE_PRONOUN}$", sentence[a_start:a_end], re.I)
        if not body_pool or (_hypothetical(sentence, c_start, a_start, a_end) and not issued):
            continue
        if issued:  # "… that the NVAO issued on 20 January": the day its clause gives
            pool = [d for d in pool if d[0] > a_end] or pool
        if is_nominal and _PLANNED.match(sentence, _subject_end(sentence, a_end)):
            continue  # "De goedkeuring door de Raad van Toezicht staat gepland voor 17 december": still to come
        if _COUNTED_VOTERS.search(sentence, c_start, a_start):  # "…: elf raadsleden stemden tegen, acht voor"
            continue
        if _SIGNING.match(sentence[a_start:a_end]) and not _signed_agreement(sentence, a_end):
            continue  # a signed letter or petition
        if sentence[a_start:a_end].lower().endswith("ontvangen") and not _PERFECT.search(sentence, 0, a_start):
            continue  # "die een positief oordeel van de NVAO ontvangen": a present tense, a procedure
        if act == "decide" and _COMMITMENT.search(sentence, a_start, a_end):  # "zegt toe de MR in januari … te sturen"
            pool = [d for d in pool if d[0] < a_end]  # a date after a commitment is when it is to be kept
        to = _DECIDED_TO.match(sentence, a_end) if act == "decide" else None
        if to and not _DECIDED_ACT.search(sentence[a_end:c_end]):  # "heeft besloten de vestiging in juli … te houden"
            participle = sentence[a_start:a_end].lower().endswith("besloten")  # perfect, not a plural past
            if not participle or _PERFECT.search(sentence, c_start, a_start):
                pool = [d for d in pool if d[0] < to.end()]  # the time of what was decided, not of the decision
        for clause in (_CONDITION, _AS_CLAUSE):  # "…, provided that the resit week in January …", "…, as we had
            if cut := clause.search(sentence, a_end):  # recommended last year": that clause's time, not the act's
                pool = [d for d in pool if d[0] < cut.start()]
        later_acts = [(s, e) for s, e, _ in acts if s >= a_end]  # "…, after the council had consented on 6 December"
        pool = [
            d
            for d in pool
            if not any(s <= d[0] and _gap((s, e), d[:2]) < _gap((a_start, a_end), d[:2]) for s, e in later_acts)
        ]
        background = _background_end(sentence)  # "After the CDHO had advised in August, the Minister approved … in
        if 0 < background < a_start:  # November": the opening clause's time is that of what had happened before
            pool = [d for d in pool if d[0] > background] or pool
        at_meeting = [d for d in pool if _AT_MEETING.search(sentence, max(0, d[0] - 40), d[0])]
        pool = at_meeting or pool  # "in its meeting last week", "in de CMR-vergadering van 20 juni": when it was taken
        date = min(pool, key=lambda d: (abs(d[0] - a_start), d[0])) if pool else (0, 0, None, "")
        if shared and not pool and out:  # and at the time of the act before (the same clause's time)
            date = (0, 0, out[-1]["date"], out[-1]["date_text"])
        body = _agent(body_pool, sentence, a_start, a_end, is_nominal)
        acted_by = body
        if act.startswith("assess") and re.search(r"\badvi(?:es|ce)\b", sentence[a_start:a_end], re.I):
            if body[2] not in ASSESSING_BODIES:  # advice from anyone else is advice, not an assessment
                continue
        verb_zone = sentence[max(c_start, min(body[1], a_start) if body[1] <= a_start else a_start - 30) : a_end]
        verb_zone = sentence[a_start:a_end] if _inverted_report(sentence, a_start) else verb_zone
        if re.search(r",\s*$", sentence[:a_start]):  # "Omdat het niet haalbaar is, kiest het college …": the
            verb_zone = sentence[a_start:a_end]  # inverted main clause starts at its verb, after the fronted clause
        parties = _parties(sentence) if act == "agree" else []
        if act == "agree" and not parties and len(body_pool) > 1:
            parties = list(dict.fromkeys(canonical_body(b[2]) or b[2] for b in body_pool))
        if act == "agree" and len(body_pool) == 1 and sentence[a_start:a_end].lower().startswith("agreed to"):
            if not re.search(r"\b(?:and|with)\b", sentence[body_pool[0][0] : a_start]):
                act = "decide"  # "The board agreed to postpone …": one body's decision, no agreement between parties
        # "decided not to consent to …": the consent it names, not given; "kreeg de instemming van de raad niet"
        refused = a_end <= body[0] and re.match(r"\s+(?:niet|not)\b", sentence[body[1] :]) is not None
        if act == "decide" and (infinitive := _DECIDED_ACT.search(sentence[a_end:c_end])):
            act = str(infinitive.lastgroup)  # the act the complement names
            refused = refused or bool(_NEGATION.search(sentence[a_end : a_end + infinitive.start(act)]))
        name = _agreement_body(body_pool, parties) if act == "agree" else body[2]
        said = council_act(act, name)
        verdict = _VERDICT_DECISION.search(sentence, max(c_start, a_start - 30), c_end) if said == "decide" else None
        if verdict and canonical_body(name) in ASSESSING_BODIES:  # the NVAO's "positief besluit" on a review
            said = "assess_negatively" if verdict.group(1).lower().startswith("neg") else "assess_positively"
        if _none_taken(said, sentence, verb_zone, max(c_start, a_start - 40), a_end):
            continue
        stop = min([s for s, _, _ in acts if s >= a_end] + [c_end])  # the object ends where another act starts
        acted = sentence[a_start:a_end]
        out.append(
            {
                "date": date[2],
                "date_text": date[3],
                "body": name,
                "act": said,
                "parties": "; ".join(parties),
                "subject": _record_subject(sentence, (a_start, a_end), (c_start, stop), body, dates, bodies, act),
                # "declined the request": a rejection, not an act withheld
                "negated": refused
                or (bool(_NEGATION.search(verb_zone)) and not (act == "reject" and _NEGATION.search(acted))),
            }
        )
        if is_nominal and not _nominal_subject(sentence, body[1]):
            trailing.append(out[-1])
        if act == "decide":  # "besloot dat A …, en B …": one record per thing decided
            out.extend({**out[-1], "subject": more} for more in _coordinated_complements(sentence, a_end, bodies))
    main = [o["subject"] for o in out if o not in trailing and o["subject"]]
    for o in trailing:  # "keurde het plan goed, na een positief advies van de NVAO": the advice was on "het plan"
        o["subject"] = main[0] if main else o["subject"]
    return out


def _none_taken(act: str, sentence: str, verb_zone: str, start: int, end: int) -> bool:
    """Whether the agreement or decision ``act`` that ``sentence`` names between ``start`` and ``end`` was not taken:
    not yet ("daarover zijn nog geen afspraken gemaakt", "is nog geen besluit genomen", "has not yet decided", "is
    nog niet vastgesteld"; a council's "stemt nog niet in" is its refusal, labelling rule 10), an
    agreement a party did not make ("heeft het akkoord niet ondertekend"), or a decision not taken or only named
    (:data:`_NOT_DECIDED`; "decided not to" is a decision)."""
    if act != "consent" and _NOT_YET.search(verb_zone):  # "has not yet approved": a council's is its refusal
        return True
    if act == "agree":
        return bool(_NEGATION.search(verb_zone))
    named_only = _WHAT_IS_DECIDED.search(sentence[start : end + 6])  # "zien wat er besloten is": the verb after it
    named_only = named_only or _WHAT_IT_DECIDED.search(sentence, max(0, start - 100), end)
    return act == "decide" and bool(_NOT_DECIDED.search(sentence, start, end) or named_only)


_WHAT_IS_DECIDED = re.compile(r"\bwat\s+(?:[\w-]+\s+){0,6}?besloten\s+(?:is|was|wordt|werd)\b", re.I)
"""What was decided, only named, its verb last ("wat er besproken en besloten is")."""


_NOT_DECIDED = re.compile(
    r"\b(?:has|have|had)\s+not\s+(?:\w+\s+)?decided\b|\bheeft\s+(?:nog\s+)?niet\s+besloten\b|"
    r"\b(?:hebben|had|hadden)\s+(?:nog\s+)?niet\s+besloten\b|\bniets\s+(?:\w+\s+)?besloten\b|"
    r"\bnothing\s+(?:has\s+been\s+|had\s+been\s+|was\s+|is\s+)(?:\w+\s+)?decided\b|"
    r"\b(?:wat|what)\s+(?:[\w-]+\s+){0,6}?(?:is|was|werd|has\s+been|had\s+been)\s+(?:besloten|decided)\b|"
    r"\b(?:wat|what)\s+(?:de|het|the)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:decided|besloot|besliste|heeft\s+besloten|"
    r"has\s+decided)\b|"
    r"\b(?:wat|what)\s+(?:wij|we|zij|they)\s+(?:[\w-]+\s+){0,6}?(?:hebben|have|had)\s+(?:besloten|toegezegd|decided|"
    r"promised|agreed)\b",
    re.I,
)
"""A decision not taken ("she has not decided whether to intervene", "heeft nog niet besloten", "Over X is niets
besloten"), or only named ("zet op een rij wat wel en wat niet is besloten", "an overview of what the Board
decided", "leggen wij vast wat wij in die vergadering hebben toegezegd"): none."""
_WHAT_IT_DECIDED = re.compile(
    r"\b(?:wat|what)\s+(?:het|hij|ze|it)\s+(?:[\w-]+\s+){0,12}?(?:heeft|has)\s+(?:besloten|decided)\b", re.I
)
"""What a body decided, only named, however far its verb ("een overzicht van wat het in de vergaderingen van februari
tot en met april 2025 heeft besloten")."""
_CONDITION = re.compile(
    r"\b(?:(?:onder\s+de\s+)?voorwaarde\s+(?:dat|van)|mits|provided\s+that|on\s+(?:the\s+)?condition\s+that|"
    r"as\s+long\s+as|zolang|onder\s+voorbehoud\s+van|subject\s+to|conditional\s+(?:up)?on)\b|"
    r",\s+(?:in\s+which|under\s+which|whereby|waarin|waarbij|waarmee)\b",
    re.I,
)
"""A condition attached to an act, or a clause that describes its object: a time in it is theirs ("…, provided that
the resit week in January …", "a pilot, in which students … can take a resit in August")."""
_DECIDED_ACTS = {
    "assess_positively": r"positief\s+te\s+beoordelen|to\s+assess\s+(?:it\s+)?positively",
    "assess_negatively": r"negatief\s+te\s+beoordelen|to\s+assess\s+(?:it\s+)?negatively",
    "approve": r"goed\s+te\s+keuren|to\s+approve",
    "reject": r"af\s+te\s+wijzen|to\s+reject",
    "adopt": r"vast\s+te\s+stellen|to\s+adopt",
    "consent": r"in\s+te\s+stemmen|to\s+consent",
}
_DECIDED_ACT = re.compile(
    rf"^[^.;:]{{0,160}}?\b(?:{'|'.join(f'(?P<{act}>{words})' for act, words in _DECIDED_ACTS.items())})\b", re.I
)
"""The act a decision takes when its complement is one ("heb ik besloten de aanvraag … goed te keuren": an approval)."""
_DECIDED_TO = re.compile(
    r"(?<=\bto)\s|\s+to\s+(?=[a-z])|(?:\s+[^\s,;:.]+){0,3}?\s+om\s|"
    r"(?<=besloten)(?=(?:\s+[^\s,;:.]+){1,12}?\s+te\s+\w+en\b)"
)
"""Where the action a decision decides begins, right after its verb: "decided to", "chose to", "besloot (in juli)
om", and the perfect "heeft besloten de vestiging … dicht te houden" (an infinitive after the participle): a time
after it is the action's, not the decision's."""
_COMMITMENT = re.compile(r"\btoe\b|toegezegd|toezegging|\bcommit(?:s|ted)\b|\bpromise[sd]\b", re.I)
"""A commitment among the decide acts ("zegde toe", "heeft toegezegd", "committed to", "promised the council that")."""
_BOARD_OF = {"Faculteitsraad": "Faculteitsbestuur"}
"""The board that gives a council its commitments (:data:`_COMMITMENT`); the College van Bestuur for the others: a
council named after the verb of a commitment ("zegt de raad toe", "zegt toe dat de raad …") is who it was given to."""


def _given_to_council(sentence: str) -> bool:
    """Whether ``sentence`` states a commitment (:data:`_COMMITMENT`) that names no body before its verb ("Toezegging:
    de vicevoorzitter zegt toe dat de raad …"): a council it names after the verb is the one it was given to."""
    acts = [(s, e) for s, e, act in _find_acts(sentence) if act == "decide" and _COMMITMENT.search(sentence, s, e)]
    return bool(acts) and not any(b[0] < acts[0][0] for b in find_bodies(sentence))


_COMPLEMENT = re.compile(
    r"(?:\s+[\w-]+){0,5}?(?<!\bfor)(?<!\bwith)(?<!\bto)(?<!\bof)(?<!\bon)(?<!\bin)(?<!\bvoor)(?<!\bmet)(?<!\bvan)"
    r"(?<!\baan)(?<!\bop)\s+(?:dat|that)\b",
    re.I,
)
"""A "dat/that" clause right after the act or after its inverted subject ("besloot de raad dat"), not the determiner
after a preposition ("withheld its consent for that higher norm in September")."""
_INFINITIVE_COMPLEMENT = re.compile(r"\s+(?:not\s+)?to\s+\w", re.I)
_NEXT_INFINITIVE = re.compile(r",?\s+and\s+((?:not\s+)?to\s+[^,;:.]+)", re.I)
"""An infinitive complement ("decided to …") and a second one after "and to": two things decided."""
_NEXT_CONJUNCT = re.compile(r",\s+(?:en|and)\s+((?:dat|that)\s+)?([^,;:]+)", re.I)
_FINITE = re.compile(
    r"\b(?:moet|moeten|zal|zullen|gaat|gaan|wordt|worden|komt|komen|krijgt|krijgen|kan|kunnen|mag|mogen|"
    r"must|should|will|would|shall)\b",
    re.I,
)
"""Finite auxiliaries of a complement clause ("dat de raad … moet richten"): two conjuncts with the same one are two
parallel clauses ("…, en meer geld moet uittrekken")."""


def _coordinated_complements(sentence: str, a_end: int, bodies: list[tuple[int, int, str]]) -> list[str]:
    """The further thing a decision decides when its "dat/that" clause is followed by a second one after ", en/and":
    an explicit second "dat" ("besloot dat A, en dat B") or a clause with the same auxiliary and no body of its own
    ("besloot dat de universiteit X moet doen, en meer geld moet uittrekken"); empty otherwise (a new main clause)."""
    if _INFINITIVE_COMPLEMENT.match(sentence, a_end):  # "decided not to renew X and to tender it again"
        second = _NEXT_INFINITIVE.search(sentence, a_end)
        return [" ".join(second.group(1).split()).strip(" .")[:200]] if second else []
    if not _COMPLEMENT.match(sentence, a_end):
        return []
    m = _NEXT_CONJUNCT.search(sentence, a_end)
    if not m:
        return []
    first, second = sentence[a_end : m.start()], m.group(2)
    shared = {w.lower() for w in _FINITE.findall(first)} & {w.lower() for w in _FINITE.findall(second)}
    own_body = any(m.start(2) <= b[0] < m.end(2) for b in bodies)
    if m.group(1) or (shared and not own_body):
        return [" ".join(second.split()).strip(" .")[:200]]
    return []


_GREEN_LIGHT = re.compile(r"groen\s+licht|green\s+light", re.I)
_GREEN_LIGHT_FOR = re.compile(r"\s+(?:voor|for|to)\s+([^,;.:]+)", re.I)
"""What a green light was given for: the phrase after "voor/for/to"."""


def _record_subject(
    sentence: str, act: tuple[int, int], clause: tuple[int, int], body: tuple, dates: list, bodies: list, kind: str
) -> str:
    """What was decided: the agreement a sentence names, the rest of a nominal act's sentence, else the object
    phrase of the act's clause (see :func:`_subject`)."""
    (a_start, a_end), (c_start, c_end) = act, clause
    subject = _nominal_subject(sentence, body[1]) if _NOMINAL.match(sentence, a_start) else ""
    green = _GREEN_LIGHT.search(sentence, a_start, a_end)
    given = _GREEN_LIGHT_FOR.match(sentence, a_end) if green else None  # "gaf groen licht voor de avondcolleges"
    if given:
        return given.group(1).strip()
    if kind == "agree":
        subject = _agreement_subject(sentence) or subject
    masks = [(d[0] - c_start, d[1] - c_start) for d in dates] + [(b[0] - c_start, b[1] - c_start) for b in bodies]
    return subject or _subject(sentence[c_start:c_end], a_start - c_start, a_end - c_start, masks)


_MEETING = re.compile(
    r"\b(?:vergadering|verslag|notulen|besluitenlijst|besluiten(?!\s+(?:over|om)\b)|minutes|meeting|decision\s+list|"
    r"decisions(?!\s+(?:on|about)\b))\b",  # "besluiten over het opleidingsaanbod": decisions about something
    re.I,
)
_MET = re.compile(
    r"\b(?:vergaderde[n]?|kwam(?:en)?\s+(?:[\w()-]+\s+){0,8}?bijeen)\b|"
    r"\b(?:(?-i:met)|convened)\s+(?=on\b|in\b|at\b)",
    re.I,
)
"""A report's opening that says its body met ("Op dinsdag 12 maart vergaderde de faculteitsraad …", "The council met on
Thursday 27 June"): the meeting the report records, as the noun does."""
_FULL_DATES = [p for p in _DATE_PATTERNS if "day" in p.groupindex]


def _day_dates(text: str, doc_date: str | None) -> list[tuple[int, str, str]]:
    """``(position, date, wording)`` of every day-precise date in ``text`` (a day without a year resolved against a
    precise ``doc_date``)."""
    found = []
    for pattern in _FULL_DATES:
        for m in pattern.finditer(text):
            value = _date_value(m, doc_date)
            if value and len(value) == 10:
                found.append((m.start(), value, m.group(0)))
    return found


_RECITAL = re.compile(r"\b(?:gezien|gelet\s+op|overwegende|having\s+regard\s+to|considering|in\s+view\s+of)\b", re.I)
"""A formal decision's recital ("gezien de instemming van …", "gelet op artikel …"): what it cites, not what it
records."""


def meeting_date(title: str | None, head: str, doc_date: str | None) -> tuple[str, str] | None:
    """``(date, wording)`` of the meeting a document records, when it states one: a sentence of its title or first
    lines names a meeting and a day ("Verslag van de vergadering … d.d. 14 maart 2022", "Besluitenlijst UR 12 maart
    2024", "Op 11 maart vond een extra vergadering plaats", "today's meeting", "Op dinsdag 12 maart vergaderde de raad";
    the date nearest the meeting word), or its title names a
    meeting and its front matter gives a full date. None otherwise: never guessed."""
    for i, sentence in enumerate([title or "", *split_sentences(head[:600])]):
        word = _MEETING.search(sentence) or (_MET.search(sentence) if i else None)
        if not word or _ADOPTED_BY.match(sentence):  # the meeting that adopted a report is not one it records
            continue
        if _RECITAL.search(sentence, 0, word.start()):  # "gezien de instemming van de raad, verleend in zijn
            continue  # vergadering van 10 november": the meeting of the body a formal decision cites
        acts = _find_acts(sentence) if i else []  # the title states no act
        if [a for a in acts if not _NOMINAL.match(sentence, a[0]) and not _RECITAL.search(sentence, 0, a[0])]:
            continue  # "At its meeting on 30 May the Supervisory Board approved …": a news item's lead (see
            # :func:`_lead_meeting`), not the meeting it records; a formal decision's recitals state no act
        dates = _day_dates(sentence, doc_date) or [  # "today's University Council meeting": the document's day
            (start, value, wording)
            for start, _, value, wording in find_dates(sentence, doc_date)
            if any(kind == "day" and pattern.fullmatch(wording) for pattern, kind, _ in _RELATIVE)
        ]
        if dates:
            _, value, wording = min(dates, key=lambda d: abs(d[0] - word.start()))
            return value, wording
    if (
        title
        and _MEETING.search(title)
        and not _REPORT_WORD.search(title)
        and not _PERIOD.search(title)
        and not _RUNNING_OVERVIEW.search(title)
        and doc_date
        and len(doc_date) == 10
    ):  # not "Jaarverslag 2021 – Verslag van de Raad van Toezicht", "Decisions and positions 2023-2024" nor "recente
        # besluiten": no one meeting
        return doc_date, doc_date
    return None


_PERIOD = re.compile(r"\b(?:19|20)\d\d\s*[-–/]\s*(?:(?:19|20)\d\d|\d\d)\b")
"""A span of years ("2023-2024", "2023/24"): a title naming one covers a period, not one meeting."""
_RUNNING_OVERVIEW = re.compile(r"\b(?:recente?|recent|overzicht|overview|latest)\b", re.I)
"""A title of a page that keeps up with decisions as they come ("Besluitvorming: recente besluiten", "Overview of
recent decisions"): many meetings, not one dated by the page's own date."""
_BULLET_MARK = r"[-•][ \t]+"
"""A list bullet and the space after it."""
_ENTRY_LINE = re.compile(
    rf"^[ \t]*(?:#{{1,6}}[ \t]+|{_BULLET_MARK})?[*_]*(?P<when>[^\n*_–—:]{{4,30}}?)[*_]*[ \t]*[–—:-][ \t]+[^\n]+$|"
    r"^[ \t]*(?:#{1,6}[ \t]+(?P<head>[^\n*_]{4,30}?)|[*_]{2}(?P<bold>[^\n*_]{4,30}?)[*_]{2})[ \t]*$|"
    rf"^[ \t]*[*_]*(?:[A-Z][^\n,.:;*_]{{2,40}},[ \t]+)?(?P<lead>(?:\d{{1,2}}\s+)?(?i:{MONTH_RE})(?:\s+(?:19|20)\d\d)?)"
    r"\.[*_]*[ \t]+[A-Z][^\n]*$|"
    r"^[ \t]*[*_]*(?P<rel>[A-Z][^\n*_.:]{3,28}?)(?:\.[*_]*|[*_]{2})[ \t]+[A-Z][^\n]*$|"
    r"^[ \t]*(?P<alone>[^\n|]{4,30}?)[ \t]*(?=\n[ \t]*\S)|"
    r"^[ \t]*\|(?:[ \t]*[\d.]{1,6}[ \t]*\|)?[ \t]*(?P<cell>[^|\n]{4,30}?)[ \t]*\|[^\n]*$",
    re.M,
)
"""A dated entry's line in an overview or timeline ("**19 October 2023 – Study-advance funds 2024**", "*4 juni* — De
NVAO …", "## Maart 2024:
Studentenstatuut", a heading or bold line that is only a date, "**18 januari 2022**", a line led by its full date and
a full stop, "12 December 2023. The Supervisory Board approved …", perhaps after the meeting's body and a comma
("Faculty Council, 16 April. The council consented …", a newsletter's paragraph, its bold dropped), a line that is
only a date with its entry right under it, or a table row whose first cell is its date, "| 11-10-2022 | Kaderbrief
2023 | De raad stemt in … |"): its date opens the line. A lead of a few words before the entry's text ("**Last
week.** A and B signed …", its bold dropped or not) is an entry line only when it is a time the document's date places
(:func:`_entry_date`)."""


_BULLET = re.compile(rf"[ \t]*{_BULLET_MARK}")
_ENTRY_YEAR = re.compile(rf"(?:(?:{_SEASON}|begin|eind|medio|early|late|mid)\s+)?((?:19|20)\d\d)", re.I)
"""An entry line that is a year, perhaps with its season ("2019", "Spring 2021", "Najaar 2020")."""


_LATER_BY = re.compile(
    rf"\b(?:(?:een|één|a|one)\s+(?P<unit>maand|month|jaar|year)|(?P<n>{'|'.join(_NUMBER_WORDS)}|\d{{1,2}})\s+"
    r"(?:(?P<days>dag|dagen|days?)|weken|weeks?))\s+later\b",
    re.I,
)
"""An entry's sentence placed a month or a year after the entry's date ("Een maand later volgt de goedkeuring …"), or
days or weeks after its day ("**Two days later** the Faculty Board decides …" under "**3 October 2023.**")."""


def _later_by(entry: tuple[str, str], sentence: str) -> tuple[str, str]:
    """``entry``'s date moved on by the month or year ``sentence`` says its act came later (:data:`_LATER_BY`), or by
    the days or weeks after an entry's day; the entry as it is otherwise, or when the entry has no month (or, for
    days, no day) to move on from."""
    m = _LATER_BY.search(sentence)
    if m and m.group("n") and re.fullmatch(r"\d{4}-\d\d-\d\d", entry[0]):
        n = _count(m.group("n"))
        return _days_on(entry[0], n if m.group("days") else 7 * n), m.group(0)
    if not m or m.group("n") or not re.fullmatch(r"\d{4}(?:-\d\d)?", entry[0]):
        return entry
    year = int(entry[0][:4])
    if m.group("unit").lower() in ("jaar", "year"):
        return f"{year + 1}{entry[0][4:]}", m.group(0)
    if len(entry[0]) < 7:
        return entry
    return _months_after(entry[0], 1), m.group(0)


def _months_after(date: str, months: int) -> str:
    """The month ``months`` after the month of ``date`` ("2023-11-04", 2 → "2024-01")."""
    month = int(date[5:7]) - 1 + months
    return f"{int(date[:4]) + month // 12}-{month % 12 + 1:02d}"


def _entry_date(text: str, sentence: str, doc_date: str | None, nth: int = 0) -> tuple[str, str] | None:
    """``(date, wording)`` of the dated entry line (:data:`_ENTRY_LINE`) that holds ``sentence`` or is nearest above it
    in ``text`` (a bullet or table row led by its date only for its own line), when the line opens with nothing but a
    date: a day, a month (one without its year of the year ``doc_date`` reads) or a year with its season; None
    otherwise."""
    at = text.find(sentence[:40])
    if nth:  # the nth time the text says it whole ("Adopted by the Executive Board" in two rows of a table)
        found = [m.start() for m in re.finditer(rf"{re.escape(sentence)}(?![\w,])", text)]
        at = found[nth] if nth < len(found) else at
    above = [m for m in _ENTRY_LINE.finditer(text) if m.start() <= at] if at >= 0 else []  # its own line, too
    # a bullet led by its date ("- 11 oktober: …") or a table row dates its own line, not the lines after it
    above = [m for m in above if m.end() >= at or not (_BULLET.match(m.group(0)) or m.group("cell"))]
    # "**Last week.** …" leads an entry the document's date places; "**Background.** …", "**Two days later** …" do
    # not (the entry above dates them, moved on by :func:`_later_by`)
    above = [m for m in above if not m.group("rel") or _only_date(m.group("rel").strip(), doc_date)]
    if not above:
        return None
    dated = _entry_line_date(above[-1], doc_date)
    if dated is None and above[-1].end() >= at and len(above) > 1 and above[-1].group("when"):
        return _entry_line_date(above[-2], doc_date)  # "Wijziging van het plan: het college kiest …" under "**Januari
    return dated  # 2024**": its own line names no date, the entry's line above it does


def _entry_line_date(line: re.Match, doc_date: str | None) -> tuple[str, str] | None:
    """``(date, wording)`` of an entry line (:data:`_ENTRY_LINE`) that opens with nothing but a date, else None."""
    kind = next(name for name in ("when", "head", "bold", "lead", "rel", "alone", "cell") if line.group(name))
    when = line.group(kind).strip()
    if kind == "rel":  # "**Last week.**": the time the document's date places
        return _only_date(when, doc_date)
    if kind != "when" and not re.search(r"\d", when):  # "Januari. De raad stemde in …", "Juni" over its entries: that
        return _only_date(f"in {when}", doc_date)  # month of the year read
    year = _ENTRY_YEAR.fullmatch(when)  # "**2019**", "**Spring 2021**" over a timeline's entry: its year
    return _only_date(when, doc_date) or ((year.group(1), when) if year else None)


_CLOSING_VERB = r"(?:besloten|vastgesteld|decided|resolved|adopted)"
_CLOSING_VERBS = rf"{_CLOSING_VERB}(?:\s+(?:en|and)\s+{_CLOSING_VERB})?"
"""The verbs of a formal decision's closing line, one or two ("Aldus besloten en vastgesteld door …")."""
_CLOSING_OPENING = rf"^[ \t*_]*(?:aldus|zo|thus|so)\s+{_CLOSING_VERBS}\s+(?:(?:door|by)\s+(?:[\w-]+\s+){{1,6}}?)?"
"""How a formal decision's closing line opens: "Aldus (besloten en) vastgesteld (door het College van Bestuur)"."""
_CLOSING = re.compile(
    rf"{_CLOSING_OPENING}(?:in|at)\s+"
    rf"(?:de|het|the|zijn|haar|hun|its|their)\s+(?:\w+\s+){{0,2}}?{_MEETING_NOUN}\b[^\n]*",
    re.I | re.M,
)
"""A formal decision's closing line, the meeting it was taken at ("Aldus besloten in de openbare vergadering van de
gemeenteraad van Zeeduin van 9 maart 2023.", "Thus decided at the public meeting of 4 May 2023", "Aldus vastgesteld
door het College van Bestuur in zijn vergadering van 19 juni 2023"): it dates the items above it and is no decision of
its own."""
_CLOSING_DAY = re.compile(
    rf"{_CLOSING_OPENING}(?:op|on)\s+\d[^\n]*",
    re.I | re.M,
)
"""A formal decision's closing line with its day only ("Aldus vastgesteld door het College van Bestuur op 20 februari
2024."): it dates the numbered items above it and is none of its own; without items it is the decision itself."""


def closing_meeting(text: str, doc_date: str | None) -> tuple[str, str] | None:
    """``(date, wording)`` of the meeting a formal decision's closing line (:data:`_CLOSING`) names, else None."""
    for line in [*_CLOSING.finditer(text), *_CLOSING_DAY.finditer(text)]:
        dates = _day_dates(line.group(0), doc_date)
        if dates:
            return dates[-1][1], dates[-1][2]
    return None


_REPORT = re.compile(r"\b(?:verslag|rapport|report)\b", re.I)
_ADOPTED_LINE = re.compile(
    r"^\s*(?:vastgesteld|adopted)(?:\s+(?:op|on|d\.d\.))?\s*:?\s+(?P<date>[^\n]{6,30}?)\s*\.?$", re.I
)
"""The line a formal report is adopted by ("Vastgesteld 15 september 2015", "Adopted on 3 May 2021"): only a date."""
_COMMITTEE = re.compile(
    r"\b(?:[Dd]e|[Tt]he)\s+((?:[a-z]+\s+)?(?:commissie|committee)\s+(?:voor|van|on|for|of)\s+"
    r"[A-Z][\w-]*(?:(?:,\s+|\s+(?:en|and|&)\s+|\s+)[A-Z][\w-]*)*)"
)
"""A committee by its full name ("de vaste commissie voor Onderwijs, Cultuur en Wetenschap"): a report's author."""


def _sections(sections: str | None, offset: Callable[[Any], Any] = lambda o: o) -> list[tuple[Any, str]] | None:
    """``(offset, heading)`` of each section in a chunk's ``sections`` metadata (JSON ``[[offset, heading], …]``, set
    where short sections were merged into one chunk), each offset read by ``offset``; [] when there is none, None
    when it does not parse."""
    try:
        return [(offset(o), str(h)) for o, h in json.loads(sections)] if sections else []
    except (ValueError, TypeError):
        return None


def _report_lines(chunks: list[tuple[str, str, dict]]) -> list[str]:
    """The lines of a document's opening chunks, with the section headings the chunker lifted out of them."""
    lines: list[str] = []
    for _, text, meta in chunks[:3]:
        headings = [h for _, h in _sections(meta.get("sections")) or []]
        lines += [str(meta.get("heading") or ""), *headings, *text.splitlines()]
    return [line for line in lines if line.strip()]


_ADOPTED_BY = re.compile(
    r"^\W*(?:vastgesteld|adopted|approved|goedgekeurd)\s+(?:door|by)\s+(?P<body>[^\n]{2,80}?)\s+"
    r"(?:in|at|op|on|tijdens|during)\s+(?:(?:de|het|its|zijn|haar|their|hun|the)\s+)?(?:\w*vergadering|meeting|zitting)?"
    r"\s*(?:van|of|op|on|d\.d\.)?\s*(?P<date>[^\n]{6,30}?)\W*$",
    re.I,
)
"""A report's line naming who adopted it and when ("Vastgesteld door de GMR in de vergadering van 14 maart 2024",
"Adopted by the Faculty Council at its meeting of 3 May 2023")."""


def _adopted_by(chunks: list[tuple[str, str, dict]], known: list[tuple[re.Pattern, str]]) -> Decision | None:
    """The adoption a report's opening states with its body (also by a name the document ``known``s, such as its
    acronym) and date (:data:`_ADOPTED_BY`); None otherwise."""
    first = chunks[0][2]
    title = str(first.get("title") or "")
    for line in _report_lines(chunks):
        m = _ADOPTED_BY.match(line)
        dates = _day_dates(m.group("date"), first.get("date")) if m else []
        named = f"de {m.group('body')}" if m else ""
        bodies = _with_people(named, find_bodies(named), known) if m else []
        if len(dates) == 1 and bodies:
            return Decision(
                date=dates[0][1], date_text=dates[0][2], body=bodies[0][2], act="adopt",
                subject=title or line, negated=False, doc_id=str(first.get("doc_id", "")), chunk_id=chunks[0][0],
                page=first.get("page"), sentence=line.strip(), date_basis="meeting",
            )  # fmt: skip
    return None


_RECORD_ADOPTED = re.compile(
    r"^[\W_]*(?:(?:deze|dit|these|this)\s+(?:notulen|verslag|besluitenlijst|minutes|decision\s+list)\s+"
    r"(?:zijn|is|werd|werden|were|was)\s+)?(?:vastgesteld|adopted|approved|goedgekeurd)\s+(?:in|at|during|tijdens)\s+"
    rf"(?:de|het|the|its|zijn|haar|their)\s+(?:[\w-]+\s+)?{_MEETING_NOUN}\b[^\n]*$",
    re.I,
)
"""The line of minutes or a decision list that says at which later meeting it was adopted ("*Vastgesteld in de
vergadering van 13 december 2022*", "Adopted at the meeting of the Council of 12 November 2024")."""


def record_adoption(chunks: list[tuple[str, str, dict]], host: str | None) -> Decision | None:
    """The adoption of a meeting record by the body whose meeting it records (``host``, or the body its line names),
    on the day its :data:`_RECORD_ADOPTED` line gives, or of any other document whose such line names its body
    ("*Vastgesteld in de plenaire vergadering van de Medezeggenschapsraad van 3 september 2024.*" under a position
    paper; ``host`` None); None when it has none."""
    first = chunks[0][2]
    for chunk_id, text, meta in chunks:
        for line in text.splitlines():
            m = _RECORD_ADOPTED.match(line.strip())
            dates = _day_dates(line, first.get("date")) if m else []
            if len(dates) != 1:
                continue
            named = [name for _, _, name in find_bodies(line)]
            if not named and host is None:
                continue
            return Decision(
                date=dates[0][1], date_text=dates[0][2], body=named[0] if named else host, act="adopt",
                subject=str(first.get("title") or line), negated=False, doc_id=str(first.get("doc_id", "")),
                chunk_id=chunk_id, page=meta.get("page"), sentence=line.strip(),
            )  # fmt: skip
    return None


def report_adoption(chunks: list[tuple[str, str, dict]]) -> Decision | None:
    """The adoption of a formal report by its committee: a report (its title or opening names one) whose opening has
    an "adopted on <date>" line (:data:`_ADOPTED_LINE`) and names a committee (:data:`_COMMITTEE`); None otherwise."""
    first = chunks[0][2]
    title = str(first.get("title") or "")
    if not _REPORT.search(f"{title} {chunks[0][1][:600]}"):
        return None
    committee = _COMMITTEE.search(" ".join(c[1] for c in chunks[:2]))
    for line in _report_lines(chunks) if committee else []:
        m = _ADOPTED_LINE.match(line)
        dates = _day_dates(m.group("date"), first.get("date")) if m else []
        if len(dates) == 1:
            return Decision(
                date=dates[0][1], date_text=dates[0][2], body=" ".join(committee.group(1).split()), act="adopt",
                subject=title or line, negated=False, doc_id=str(first.get("doc_id", "")), chunk_id=chunks[0][0],
                page=first.get("page"), sentence=line.strip(),
            )  # fmt: skip
    return None


_PLACE_DATE = re.compile(r"^\s*['A-Z][\w'-]+(?:[\s-][A-Z][\w'-]+)?,?\s+(?P<date>\d{1,2}\s+[A-Za-z]+\.?\s+\d{4})\s*$")
"""A place-and-date line ("Den Haag, 9 april 2018") that opens a signed document: the date it was signed."""


def signing_date(title: str | None, text: str) -> tuple[str, str] | None:
    """``(date, wording)`` of an agreement document's signing: its title names an agreement and its first line is a
    place-and-date line (:data:`_PLACE_DATE`); None otherwise (a news item's dateline opens a paragraph)."""
    first_line = text.strip().split("\n", 1)[0]
    m = _PLACE_DATE.match(first_line) if title and _AGREEMENT_NOUN.search(title) else None
    dates = _day_dates(m.group("date"), None) if m else []
    return (dates[0][1], first_line.strip()) if dates else None


_LATER = re.compile(
    r"\b(?:inmiddels|intussen|sindsdien|daarna|later|eerder|al\s+eerder|destijds|meanwhile|since|since\s+then|"
    r"afterwards|subsequently|earlier|previously|already)\b",
    re.I,
)
"""Words that place a decision at another time than the meeting a news item reports ("Inmiddels heeft ook …")."""


_ITEM = re.compile(r"^\s*(?:agendapunt\s+|item\s+)?(\d{1,2}(?:\.\d{1,2})?)[.):]?\s+([A-Z][^\n]{2,120})$", re.I | re.M)
"""A numbered agenda item's title line ("3. Begroting 2024", "Agendapunt 4 Kwaliteitsafspraken", "Item 2: Budget")."""
_DECISION_LINE = re.compile(
    r"^\s*(?:(?:\|[^\n|]*)+\|[ \t]*)?(?:[-•*]\s+)?(?:\*\*)?(?:(?P<title>[^\n.:*|]{1,100})\.(?:\*\*)?[ \t]+)?[*_]*"
    r"(?P<label>besluit|besluiten|conclusie|afgesproken|decision|decided|conclusion|resolved|agreed|vastgesteld|"
    r"adopted|established|approved|rejected|goedgekeurd|afgewezen|aangenomen|verworpen|besloten)\s*[*_]*\s*:[*_]*\s*"
    r"(?P<rest>.+)$",
    re.I | re.M,
)
"""A minutes' decision line ("Besluit: de raad stemt in met …", "Conclusie: …", "Vastgesteld: …", "Resolved: …"), also
a decision list's bullet with its title ("- **Budget 2024.** Adopted: the budget 2024, …") or a table row's last cell
("| 2 | Regeling | Vastgesteld: de regeling 2024. … |")."""
_NOMINAL_ITEM = re.compile(
    r"^[ \t]*(?:\d{1,2}[.)]|[-•*])[ \t]+[*_]*(?:(?P<day>[^\n:]{4,30}?):[ \t]+)?"
    r"(?:(?P<noun>approval|adoption|rejection|endorsement|consent|goedkeuring|vaststelling|instemming|afwijzing)"
    r"\s+(?:of|to|for|van|met)|(?:decision|besluit)\s+(?P<neg>not\s+|niet\s+)?(?:to|om)\s+(?P<verb>[a-z]+))\b"
    r"(?P<rest>[^\n]+)$",
    re.I | re.M,
)
"""A decision list's item that is its act as a noun ("1. Approval of the 2026 budget, …", "3. Adoption of the
remuneration framework …", "5. Decision not to approve the sale of …", "- 2 December 2025: approval of …",
"2. Vaststelling van de kaderbrief 2027."): under a heading that says the list gives decisions
(:data:`_DECISIONS_WORD`), the meeting's decision, or of the day that opens it."""
_INLINE_DECISION = re.compile(
    r"(?<=[.!?])[ \t]+[*_]*(?P<label>Besluit|Decision|Conclusie|Conclusion|Resolved)[*_]*[ \t]*:[*_]*[ \t]*"
    r"(?P<rest>[^\n]+)$",
    re.M,
)
"""A decision label inside an item's paragraph, after the sentences that lead up to it ("… €2.1 million below
forecast. Decision: the first budget amendment is adopted, …"): a decision line of its own."""
_BARE_LABEL_LINE = re.compile(
    r"^\s*(?:[-•*]\s+)?[*_]*(?:(?:conform|ongewijzigd|unchanged|as\s+proposed)\s+)?"
    r"(?P<label>vastgesteld|goedgekeurd|afgewezen|aangenomen|verworpen|adopted|approved|rejected)[*_]*"
    r"(?:\s+(?:without|zonder)\s+(?:any\s+)?(?:amendments?|changes?|wijziging(?:en)?))?"
    r"(?:[.,;]\s*(?P<rest>[^\n]*)|\s*)$",
    re.I | re.M,
)
"""A minutes' line that is its act alone, or its act and a remark ("Vastgesteld, met inachtneming van de verlaagde
taakstelling.", "Conform vastgesteld.", "Approved.", "Adopted without amendment."): the item's decision, as a
labelled line (:data:`_DECISION_LINE`)."""
_NOT_END = r"(?:[^\n.!?]|(?<=\d)\.(?=\d))"
"""A character inside a sentence: no line break or end mark, but the point of a number ("£1.1m")."""
_IN_CLAUSE = r"(?:[^\n.!?;]|(?<=\d)\.(?=\d))"
"""A character inside a clause (:data:`_NOT_END`, and no semicolon)."""
_MODAL = rf"\b(?:{_FUTURE_WORDS}|should|must|may|can|could|moet|moeten|kan|kunnen)\b"
_NOT_PASSIVE_DECISION = (
    rf"{_MODAL}|\b(?:after|once|when|whenever|until|before|if|unless|that|nadat|zodra|wanneer|totdat|voordat|tenzij|"
    r"indien|dat|minutes|notulen|verslag|besluitenlijst)\b"
)
"""Before a passive's verb: a modal or future, a clause that tells when or what someone says ("once they have been
approved", "notes that several applications were rejected"), or the minutes (:data:`_MINUTES_ADOPTED` reads them)."""
_PASSIVE_DECISION = re.compile(
    rf"(?:^|(?<=[.!?])[ \t]+)[*_]*(?P<rest>(?!{_IN_CLAUSE}*\b(?:by|door)\s+(?:the|de|het|een|an?)\b)"
    rf"(?:(?!{_NOT_PASSIVE_DECISION}){_NOT_END}){{0,160}}?(?:\b(?:was|were|has\s+been|have\s+been|werd|werden|is|zijn)\s+"
    r"(?:[\w'’-]+\s+){0,8}?"
    r"(?P<label>approved|adopted|declined|rejected|endorsed|vastgesteld|goedgekeurd|afgewezen|aangenomen|verworpen|"
    r"ingestemd|resolved)\b|"
    rf"\b(?P<noun>approval|endorsement|consent|instemming|goedkeuring)\b{_NOT_END}{{0,100}}?"
    rf"\b(?:was|were|is|werd|wordt)\s+(?:given|granted|recorded|verleend|gegeven)\b){_NOT_END}*[.!?]?)",
    re.I | re.M,
)
"""A meeting record's sentence in the past passive with an act and no agent ("The revised Financial Regulations were
approved, …", "Het reglement werd na discussie vastgesteld.", "Approval was given to the budget …", "The Board's
endorsement of the plan was recorded."): the decision of the body that met, on the meeting's day. Not one that names
its agent ("adopted by the Board in 2021": the sentence rules read it) nor a modal's or future's."""
_LABEL_ACTS = {
    "vastgesteld": "adopt", "adopted": "adopt", "established": "adopt", "aangenomen": "adopt", "approved": "approve",
    "goedgekeurd": "approve",
    "rejected": "reject", "afgewezen": "reject", "verworpen": "reject",
}  # fmt: skip
"""The act a line's label names ("Adopted: the budget 2024"): it decides the line's act, whatever the rest mentions."""
_PASSIVE_ACTS = _LABEL_ACTS | {
    "declined": "reject", "endorsed": "approve", "approval": "approve", "endorsement": "approve", "consent": "consent",
    "instemming": "consent", "goedkeuring": "approve", "ingestemd": "consent",
}  # fmt: skip
"""The act a decision line's label names, or a passive decision's participle or noun (:data:`_PASSIVE_DECISION`)."""
_NOMINAL_ITEM_ACTS = _PASSIVE_ACTS | {
    "adoption": "adopt", "vaststelling": "adopt", "rejection": "reject", "afwijzing": "reject", "approve": "approve",
    "endorse": "approve", "adopt": "adopt", "reject": "reject",
}  # fmt: skip
"""The act a nominal item's noun ("Approval of", "Vaststelling van"), or the verb after its "Decision (not) to", names
(any other verb: ``decide``)."""


_MINUTES_ADOPTED = re.compile(
    r"(?:^|(?<=[.!?]\s))\W*(?:(?:besluit|conclusie|decision|resolved)\W*:\W*)?(?:het|de|the|dit|deze|this|these)\s+"
    r"(?:verslag|notulen|besluitenlijst|minutes)\b"
    r"[^\n]{0,160}?\b(?:wordt|worden|werd|werden|is|are|was|were)\b[^\n]{0,160}?\b(?:vastgesteld|goedgekeurd|adopted|"
    r"approved)\b|"
    # the verb first: "Met deze wijziging worden de notulen vastgesteld."
    r"(?:^|(?<=[.!?]\s))[^\n.]{0,80}?\b(?:wordt|worden|werd|werden|is|zijn)\s+(?:het|de)\s+(?:verslag|notulen|"
    r"besluitenlijst)\b"
    r"[^\n.]{0,80}?\b(?:vastgesteld|goedgekeurd)\b",
    re.I | re.M,
)
"""The line of a meeting record that adopts the minutes of an earlier meeting ("Het verslag wordt met enkele
tekstuele wijzigingen vastgesteld", "The minutes were approved"): a decision of the meeting, in the present passive
that elsewhere describes a procedure."""


_SELF_ADOPTED = re.compile(
    r"\b(?:dit|deze|this|these)\s+(?:verslag|notulen|besluitenlijst|minutes|decision\s+list)\b[^.]{0,40}?"
    r"\b(?:vastgesteld|goedgekeurd|adopted|approved)\b",
    re.I,
)
"""The record adopting itself ("Deze besluitenlijst is vastgesteld op 21 mei 2024", "Deze notulen zijn vastgesteld in
de vergadering van 12 december 2024"): at a later meeting than the one it records, on the date it gives."""
_NOTED = re.compile(
    r"\b(?:neemt|nemen|nam|namen)\s+kennis\b|\bkennisname\b|\bgeen\s+besluit\b|\b(?:takes?|took)\s+note\b|"
    r"\bfor\s+information\b|\bno\s+decision\b",
    re.I,
)
_ADVICE = re.compile(
    r"\b(?:brengt|brengen|bracht|brachten)\b[^.;]{0,60}?\badvies\s+uit\b|\badviseer(?:t|den|de)\b|\badviseren\b|"
    r"\b(?:advises|advised)\b|\b(?:gives?|gave)\b[^.;]{0,40}?\badvice\b",
    re.I,
)
"""A minutes' line that gives advice ("Conclusie: de raad brengt positief advies uit over het reglement"): advice is no
decision (labelling rule 4), unless the line also states an act."""
"""A minutes' line that only takes note ("Conclusie: de MR neemt kennis van de kaderbrief", "ter kennisname; geen
besluit"): no decision."""


def _section_at(sections: str | None, position: int) -> tuple[int, str] | None:
    """``(start, heading)`` of the section a chunk position lies in, from the chunk's ``sections`` metadata (JSON
    ``[[offset, heading], …]``, see :func:`_sections`); None where not known."""
    parsed = _sections(sections, int)
    if parsed is None:
        return None
    above = [section for section in parsed if section[0] <= position]
    return above[-1] if above else None


_OM_TE = re.compile(r"\bom\b[^,;]*?\bte\s+\w+en\b", re.I)
"""What a noun before it is about ("het voorstel om alle tentamens digitaal af te nemen"): no intention of the body."""


_POSTPONED = re.compile(
    r"\b(?:voortgezet|aangehouden|uitgesteld|doorgeschoven|verdaagd)\b|\b(?:houdt|houden|stelt|stellen)\b[^.;]{0,60}?"
    r"\b(?:aan|uit)\b(?=\s*[.;]|$)|\bpostpone[sd]?\b|\bdefer(?:s|red)?\b|\badjourn(?:s|ed)?\b",
    re.I,
)
"""A minutes' line that puts its item off ("De bespreking wordt in mei voortgezet", "the council postpones the item"):
no decision is taken (labelling rule 4)."""
_DECIDED_LABELS = frozenset(
    {"besluit", "besluiten", "besloten", "afgesproken", "decision", "decided", "resolved", "agreed"}
)
"""Labels that say the line was decided ("Agreed: the committee will meet six times a year"): what the line goes on to
say will happen is what was decided, not an intention."""
_WILL = re.compile(r"\b(?:zal|zullen|will|shall)\b", re.I)
"""The future's auxiliaries, not counted as an intention under a label that says the line was decided."""


def _not_decided(line: str, label: str = "") -> bool:
    """Whether a minutes' decision line decides nothing: it takes note, or its first sentence states an intention or
    condition before its act (:data:`_NOT_A_DECISION`, not counting what a noun is about, :data:`_OM_TE`, nor the
    future under a label that says it was decided, :data:`_DECIDED_LABELS`), a procedure with a time up to its act
    ("de begroting wordt in december vastgesteld") or, with no act, puts the item off (:data:`_POSTPONED`). Its
    present passive without a time is the meeting's decision ("Besluit: het voorstel … wordt afgewezen")."""
    first = next(iter(split_sentences(line)), line)
    acts = _find_acts(first)
    before = _OM_TE.sub(" ", first[: acts[0][0] if acts else len(first)])  # up to its first act
    if label.lower() in _DECIDED_LABELS:
        before = _WILL.sub(" ", before)
    if label.lower() in _LABEL_ACTS:  # "Goedgekeurd: het voorstel …, onder de voorwaarde dat …": the label is the act,
        before = before.split(",")[0]  # and a condition after its object is one of the decision, not before it
    end = acts[0][1] if acts else len(first)  # a time of its own, not one in a clause after its act ("met dien …")
    timed = _PROCEDURE.search(first) and any(d[0] < end for d in find_dates(first))
    advice = _ADVICE.search(first) and not acts
    postponed = _POSTPONED.search(first) and not acts
    none = _NONE_DECIDED.match(line)  # "Besluit: geen; het punt komt terug in januari."
    return bool(_NOTED.search(line) or _NOT_A_DECISION.search(before) or timed or advice or postponed or none)


_NONE_DECIDED = re.compile(r"^\W*(?:geen(?:\s+besluit)?|none|no\s+decision|n\.?v\.?t\.?|n/a)\s*(?:[.;:,]|$)", re.I)
"""A decision line that says none was taken ("Besluit: geen;", "Decision: none.")."""


_SENTENCE_END = re.compile(r"(?<=\w)\.\s+(?=[A-Z])")
"""Where a decision line's first sentence ends (a full stop after a word, a capital after it)."""


def _item_decisions(
    text: str, host: str, meeting: tuple[str, str], heading: str | None = None, sections: str | None = None
) -> list[dict]:
    """The decision lines of a meeting record's chunk, each as a decision of ``host`` on the meeting's date whose
    subject is its agenda item's title (the nearest numbered line or section heading above it, see
    :func:`_section_at`, else the chunk's section ``heading``; lines the sentence rules already read are found there
    too; the caller keeps one per sentence)."""
    out = []
    items = list(_ITEM.finditer(text))  # once per chunk, not per decision line
    adopted_minutes = [  # the act its verb names: "vastgesteld"/"adopted" adopts, "goedgekeurd"/"approved" approves
        (m, m.group(0).strip(), "approve" if re.search(r"(?:approved|goedgekeurd)$", m.group(0), re.I) else "adopt")
        for m in _MINUTES_ADOPTED.finditer(text)
    ]
    labelled = [*_DECISION_LINE.finditer(text), *_BARE_LABEL_LINE.finditer(text)]
    labelled += [
        m for m in _INLINE_DECISION.finditer(text) if not _overlaps(m.start(), m.end(), [x.span() for x in labelled])
    ]
    passive = [  # "The revised regulations were approved, …": the meeting's decision, in a sentence of its own
        m for m in _PASSIVE_DECISION.finditer(text) if not _overlaps(m.start(), m.end(), [x.span() for x in labelled])
    ]
    labelled += passive
    lines = [
        (m, (m.group("rest") or "").strip(), None)
        for m in labelled
        if not _overlaps(m.start(), m.end(), [found[0].span() for found in adopted_minutes])  # read as minutes adopted
    ] + adopted_minutes
    for m, line, adopted in sorted(lines, key=lambda found: found[0].start()):
        is_passive = m in passive
        said_label = "" if adopted else (m.group("label") or m.groupdict().get("noun") or "")
        if is_passive:  # up to its act: what follows ("…; the grant will remain …") does not undo it
            line_to_act = text[m.start("rest") : m.end("label") if m.group("label") else m.end()]
        else:
            line_to_act = line
        if adopted is None and _not_decided(line_to_act, said_label):
            continue
        # the items that end above the line: those a scan of the text above it finds (an item that runs on into the
        # line, "3.\n\nBesluit: …", covers only blanks, a number and "agendapunt"/"item" above it: no item of its own)
        titles = [(it.start(), it.group(0).strip()) for it in items if it.end() <= m.start()]
        section = _section_at(sections, m.start("label") if adopted is None and m.group("label") else m.start())
        item = max(titles + ([section] if section else []), default=None)
        found_acts = [(hit.start(), hit.end(), name) for name, pattern in _ACTS if (hit := pattern.search(line))]
        named = min(found_acts) if found_acts else None  # the act the line names first ("approves the framework,
        first_act = named[2] if named else None  # provided that the Council consents …": an approval)
        first = _SENTENCE_END.split(line)[0]  # its first sentence, up to a condition: not "Mocht een
        condition = _CONDITION.search(first)  # deelraad niet instemmen, dan …" after it
        said_first = first[: condition.start()] if condition else first
        if named and named[2] == "reject" and named[1] <= len(said_first):  # "the request is declined": the
            said_first = said_first[: named[0]] + said_first[named[1] :]  # rejection's own words deny nothing
        if is_passive and _PASSIVE_ACTS.get(said_label.lower()) == "reject":  # "was declined": its own word
            said_first = said_first.replace(said_label, " ")  # denies nothing
        negated = bool(_NEGATION.search(said_first))
        label = said_label.lower()
        act = adopted or _PASSIVE_ACTS.get(label) or first_act or "decide"
        titled = "" if adopted else (m.groupdict().get("title") or "").strip(" .")
        rest = (m.groupdict().get("rest") or "").split("|")[0].strip(" .*_")  # a table row's cell
        rest = _SENTENCE_END.split(rest)[0]  # its first sentence
        if item and _MEETING_HEADING.search(item[1]) and len(rest) > 10:  # "## Meeting of 17 June 2025" over
            item = None  # "- Established: the framework budget 2026 …": no item's title, the line says what
        subject = titled or (item[1] if item else (rest if len(rest) > 10 else heading or line[:200]))
        when, basis, said = meeting, "meeting", m.group(0).strip()
        if adopted and _SELF_ADOPTED.search(said):  # "Deze besluitenlijst is vastgesteld op 21 mei 2024."
            said = text[m.start() : text.find("\n", m.end()) % (len(text) + 1)].strip()
            own = find_dates(said[len(m.group(0).strip()) :])
            when, basis = ((own[0][2], own[0][3]), "sentence") if own else (when, basis)
            subject = said  # the record itself, not the last item above its closing line
        out.append(
            {"date": when[0], "date_text": when[1], "body": host, "act": act, "parties": "",
             "subject": subject, "negated": negated, "sentence": said, "date_basis": basis,
             "stated": bool(adopted or _PASSIVE_ACTS.get(label) or first_act), "agentless": is_passive}
        )  # fmt: skip
    taken = [found[0].span() for found in lines]
    for m in _NOMINAL_ITEM.finditer(text):
        section = _section_at(sections, m.start())
        under = section[1] if section else heading or ""
        if _overlaps(m.start(), m.end(), taken) or not re.search(_DECISIONS_WORD, under, re.I):
            continue
        out.append(_nominal_item(m, host, meeting))
    return out


def _nominal_item(m: re.Match, host: str, meeting: tuple[str, str]) -> dict:
    """A decision list's nominal item (:data:`_NOMINAL_ITEM`) as ``host``'s decision: its act from its noun (or the
    verb after "Decision not to"), what follows as its subject (up to its first sentence's end), dated by a day
    opening it ("2 December 2025: approval of …") or else by the meeting."""
    word = (m.group("noun") or m.group("verb")).lower()
    own = find_dates(m.group("day")) if m.group("day") else []
    when, basis = ((own[0][2], own[0][3]), "sentence") if own else (meeting, "meeting")
    subject = _SENTENCE_END.split(m.group("rest"))[0].strip(" .*_")
    return {
        "date": when[0], "date_text": when[1], "body": host, "act": _NOMINAL_ITEM_ACTS.get(word, "decide"),
        "parties": "", "subject": subject, "negated": bool(m.group("neg")), "sentence": m.group(0).strip(),
        "date_basis": basis, "stated": True, "agentless": False,
    }  # fmt: skip


def _stands_for(name: str, body: str) -> bool:
    """``name`` is ``body``, or a bare kind that stands for it ("the board" for "Faculty Board", see
    :func:`_resolve_bare`)."""
    return _resolve_bare(name, [body], None) == body


def _same_line(a: str, b: str) -> bool:
    a, b = " ".join(a.split()), " ".join(b.split())
    return a.endswith(b) or b.endswith(a)


def _resolve_bare(name: str, named: list[str], host: str | None, own: str | None = None) -> str:
    """The body a bare kind stands for ("het college", "de raad", "the board"): in a municipality's own document
    (``own``) its council or its mayor and aldermen; else the ``host`` whose meeting the document records when it is
    of that kind ("het bestuur" in the faculty board's decision list), else the first body of that kind the document
    names (its title and opening first), else the default for that kind, else the host; other names unchanged."""
    kind = KIND_WORDS.get(name.lower())
    if kind is None:
        return name
    words = [word for word, of in KIND_WORDS.items() if of == kind]  # "the Board": a "… Board" or a "…bestuur"
    if own and _MUNICIPALITY.match(own) and kind in _MUNICIPAL_DEFAULTS:
        written = [b for b in named if _MUNICIPAL_BODY.search(b) and any(word in b.lower() for word in words)]
        return written[0] if written else _MUNICIPAL_DEFAULTS[kind]  # "the council": "the Velsdam city council"
    same_kind = [body for body in [host, *named] if body and any(word in body.lower() for word in words)]
    same_kind = [body for body in same_kind if body.lower() != "college"]  # "Besluiten van het College": no name
    if name.lower() == "council":  # "the council" in English is no Raad van Toezicht (a Supervisory Board)
        same_kind = [body for body in same_kind if body != "Raad van Toezicht"]
    if name.lower() == "board" and named[:1] == ["Raad van Toezicht"]:
        return "Raad van Toezicht"  # "the Board" on a page of the Supervisory Board's own decisions
    return same_kind[0] if same_kind else _BARE_DEFAULTS.get(kind) or host or name


_DECISIONS_WORD = r"\b(?:besluiten|besluitenlijst|decisions)\b"
"""The word of a list of decisions ("Besluitenlijst Hogeschoolraad 2024", "Decisions of the Board")."""
_MEETING_HEADING = re.compile(rf"{_MEETING_NOUN}\b|{_DECISIONS_WORD}", re.I)
"""A section heading that names a meeting ("Collegevergadering 12 december 2023", "Meeting of 14 November")."""


_MINUTES_ITEM = re.compile(r"\b(?:verslag|notulen|besluitenlijst|minutes|report|decision\s+list)\b", re.I)
"""An agenda item on the record of an earlier meeting ("2. Verslag vergadering 5 december 2023", "Besluitenlijst
vergadering 11 oktober 2022"): its date is that meeting's, not the one that decides on it."""


def _heading_over(text: str, meta: dict, sentence: str) -> str | None:
    """The heading of the section of the chunk ``text`` that holds ``sentence`` (from its ``sections`` metadata); None
    where not known."""
    at = text.find(sentence[:40])
    section = _section_at(meta.get("sections"), at) if at >= 0 else None
    return section[1] if section else None


def _only_date(text: str, doc_date: str | None) -> tuple[str, str] | None:
    """``(date, wording)`` when ``text`` is nothing but a date ("15 June 2021", "October 2021"); None otherwise."""
    dates = find_dates(text, doc_date) if text else []
    return (dates[0][2], dates[0][3]) if dates and dates[0][:2] == (0, len(text)) else None


def _enclosing_headings(text: str, meta: dict, sentence: str) -> list[str]:
    """The headings of the sections enclosing the one that holds ``sentence``, nearest first (from the chunk's
    ``outline`` metadata: "## Collegevergadering 9 januari 2024" over "### Besluiten"); [] where not known."""
    at = text.find(sentence[:40])
    try:
        outlines = json.loads(meta.get("outline") or "[]")
        above = [headings for offset, headings in outlines if offset <= max(at, 0)]
    except (ValueError, TypeError):
        return []
    return [str(h) for h in reversed(above[-1])] if above else []


def _heading_meeting(text: str, meta: dict, sentence: str, doc_date: str | None) -> tuple[str, str] | None:
    """``(date, wording)`` of the meeting the section holding ``sentence`` is headed by, when its heading names a
    meeting and a day ("## Collegevergadering 12 december 2023" over a list of decisions), or else the nearest heading
    enclosing it that does ("## Collegevergadering 9 januari 2024" over "### Besluiten"); None otherwise."""
    heading = _heading_over(text, meta, sentence) or meta.get("heading")
    for over in [heading, *_enclosing_headings(text, meta, sentence)]:
        if not over or not _MEETING_HEADING.search(over) or _MINUTES_ITEM.search(over):
            continue
        dates = _day_dates(over, doc_date)
        if dates:
            return (dates[0][1], dates[0][2]) if len(dates) == 1 else None
    return None


def _dated_heading(text: str, meta: dict, sentence: str, doc_date: str | None) -> tuple[str, str] | None:
    """``(date, wording)`` of the section heading over ``sentence`` when the heading is nothing but a date ("### 15 June
    2021", "### October 2021" over a timeline's entries, lifted out of the text by the chunker) or a date leading the
    entry's title ("## March 2019 – Master plan approved") or a month alone ("## June" in an annual report: of the year
    ``doc_date`` reads); None otherwise."""
    over = _heading_over(text, meta, sentence) or ("" if meta.get("sections") else meta.get("heading"))  # a chunk of
    heading = " ".join((over or "").replace("*", " ").split())  # one section: its own heading
    if _PLACE_DATE.match(heading) and not find_bodies(heading):  # a letter's dateline ("Oosterduin, 18 juni 2025"):
        return None  # the day it was written, not the time of what it tells
    entry = _ENTRY_LINE.match(heading)  # "## March 2019 – Master plan approved": the date that leads its title
    when = entry["when"].strip() if entry and entry["when"] else ""
    year = _ENTRY_YEAR.fullmatch(when)  # "## 2016 – Open Horizon": its year
    led = (_only_date(when, doc_date) or ((year.group(1), when) if year else None)) if when else None
    month = _only_date(f"in {heading}", doc_date) if re.fullmatch(MONTH_RE, heading, re.I) else None
    tail = _HEADING_DAY.search(heading)  # "## Deelraad Techniek, 13 juni": the day that ends it
    ended = _only_date(tail.group("when"), doc_date) if tail else None
    return _only_date(heading, doc_date) or led or month or (ended if ended and len(ended[0]) == 10 else None)


_HEADING_DAY = re.compile(r"\S\s*[,–—]\s*(?P<when>[^,–—]{4,30}?)\s*$")
"""A heading's tail after a comma or dash ("Deelraad Techniek, 13 juni"): its date, when that is all it is."""


_ANNOUNCES = re.compile(r"\bhet\s+volgende\s+besluit\b|\bthe\s+following\s+decision\b", re.I)
"""A sentence that announces the decision below it ("Het bestuur van de NVAO heeft op 14 november 2022 het volgende
besluit genomen."): the lines that follow are the decisions; its date is theirs."""


def decision_day(text: str, doc_date: str | None) -> tuple[str, str] | None:
    """``(date, wording)`` of the day a decision document took its decision: the day of the sentence announcing it
    (:data:`_ANNOUNCES`), else the document's own date when it is a day; None otherwise."""
    for sentence in split_sentences(text):
        if _ANNOUNCES.search(sentence):
            dates = _day_dates(sentence, doc_date)
            if dates:
                return dates[0][1], dates[0][2]
    return (doc_date, doc_date) if doc_date and len(doc_date) == 10 else None


def _own_verdict(r: Decision, own: str | None) -> bool:
    """``r`` is an assessing body's verdict in a document of that body (its decision)."""
    return r.act.startswith("assess") and bool(own) and canonical_body(own) == r.body and r.body in ASSESSING_BODIES


def _present_holds(r: Decision, held: tuple[str, str] | None, title: str | None, own: str | None = None) -> bool:
    """Whether a decision stated only in the present tense (:func:`_present_only`) is one: the document records a
    meeting (``held``: its date) or lists decisions (its title says so), and the sentence gives no other time for it
    ("stelt de begroting in december vast" in June's decision list is a plan); or it is the verdict of an assessing
    body in that body's own decision ("De NVAO beoordeelt de kwaliteit … als positief" in a document of the NVAO)."""
    if _own_verdict(r, own):
        return r.date is None or held is None or r.date == held[0]
    if held is None:
        return bool(title and _MEETING.search(title))
    return r.date is None or r.date == held[0] or (len(held[0]) == 4 and r.date.startswith(held[0]))  # "## 2016":
    # a timeline's year entry narrates what it dates in the present ("stelt het plan in september vast")


_REPORT_WORDS = r"jaarverslag|jaarrapport|jaaroverzicht|annual\s+report|year\s+report"
_REPORT_WORD = re.compile(_REPORT_WORDS, re.I)
"""An annual report named ("Jaarverslag", "annual report")."""
_YEAR_REPORT = re.compile(
    rf"\b(?:{_REPORT_WORDS})\b\D{{0,40}}?\b((?:19|20)\d\d)\b(?!\s*[-/–]\s*\d)|"
    rf"(?<![-/–\d])\b((?:19|20)\d\d)\b(?!\s*[-/–]\s*\d)\D{{0,5}}(?:{_REPORT_WORDS})\b",
    re.I,
)
"""A title naming an annual report and the one year it covers ("Jaarverslag 2023 …", "2022 Annual Report")."""


def report_year(title: str | None) -> str | None:
    """The year an annual report covers, from its title ("Jaarverslag 2023 Gezamenlijke Medezeggenschapsraad", "2022
    Annual Report"): a date without its year in it is of that year, whenever the report was published. None for other
    titles and for a report of an academic year ("Jaarverslag 2022-2023")."""
    m = _YEAR_REPORT.search(title or "")
    return (m.group(1) or m.group(2)) if m else None


def _title_body(title: str | None) -> str | None:
    """The body a meeting record's title names after its meeting word, without an article ("Besluitenlijst
    faculteitsbestuur ESSB", "Verslag vergadering examencommissie Fontys ICT")."""
    for word in _MEETING.finditer(title or ""):  # "Verslag vergadering Studentenraad …": after either word
        found = find_bodies(f"{title[: word.end()]} de {title[word.end() :].lstrip()}")
        if found:  # the one nearest the meeting word: "Council digest: University Council meeting of 12 March"
            return min(found, key=lambda b: word.start() - b[1] if b[1] <= word.start() else b[0] - word.end())[2]
    return None


_QUESTION_LINE = re.compile(r"^[ \t#*_]*[^\n?]{5,200}\?[ \t*_]*$", re.M)
"""A line that is a question ("**Who decides on my application?**"): a page of them answers questions one by one, and
no lead reports the meeting its decisions were taken at."""


def _lead_meeting(
    records: list[Decision], head: str, present: set[str], resolve: Callable[[str], str] = lambda name: name
) -> None:
    """Date the undated decisions that were taken at the meeting a news item's lead reports.

    The lead is the first decision in the document's opening (``head``) that its sentence dates to a day (else to a
    month: "this week"), by a body of an institution. A later undated decision takes its date (``date_basis``
    ``meeting``) when its body or a party is the lead's body or one of the bodies the title and opening name
    (``present``), and its sentence does not place it at another time ("inmiddels", "al eerder"). A commitment also
    involves the council its sentence names, to which it was given ("Rector X zegde de raad toe …"); ``resolve``
    names a bare body in full."""
    paragraphs = [p for p in re.split(r"\n\s*\n", head) if len(p.split()) >= 8 and not p.lstrip().startswith("#")]
    opening = " ".join(" ".join(paragraphs[:2]).split())  # a news item's lead: its first paragraphs of text
    leads = [r for r in records if r.date and r.body not in NATIONAL_BODIES and " ".join(r.sentence.split()) in opening]
    lead = next((r for r in leads if len(r.date or "") == 10), leads[0] if leads else None)  # a day before a month
    if lead is None or len(lead.date or "") < 7:  # a meeting has a day or at least a month, not just a year
        return
    present = present | {lead.body}
    for r in records[records.index(lead) + 1 :]:
        involved = {r.body, *filter(None, r.parties.split("; "))}
        if r.act == "decide" and _COMMITMENT.search(r.sentence):
            involved |= {resolve(name) for _, _, name in find_bodies(r.sentence)}
        elsewhen = _LATER.search(r.sentence) and not _SAME_MEETING.search(r.sentence)
        if r.date is None and r.body not in NATIONAL_BODIES and involved & present and not elsewhen:
            r.date, r.date_text, r.date_basis = lead.date, lead.date_text, "meeting"


_REASON_CLAUSE = re.compile(r"\b(?:because|omdat|doordat|want|zodat)\b", re.I)
"""A clause giving the reason or result of a decision: the times it names are not the decision's."""
_SAME_MEETING = re.compile(rf"\b(?:dezelfde|diezelfde|the\s+same|that\s+same)\s+{_MEETING_NOUN}", re.I)
"""A sentence that places its decision at the meeting just reported ("Earlier in the same meeting, the council …",
"Eerder in dezelfde vergadering …"): that meeting's, though "earlier" otherwise sets it at another time."""


_SUBJECT_WORD = re.compile(r"\w{5,}")


def _same_subject(a: Decision, b: Decision) -> bool:
    """Whether two records' subjects share two words of five letters or more, or one when a subject has at most two
    ("de begroting 2024", "begroting"; not "… blijven in gebruik" and "het gebouw komt weer in gebruik"), an act's or a
    body's words not counted ("door het College vastgesteld … de gedragscode" and "het College de regeling …
    vastgesteld" are two subjects)."""

    def words(r: Decision) -> set[str]:  # not an act's or a body's words ("vastgesteld", "College"): what it is about
        found = {w.lower() for w in _SUBJECT_WORD.findall(r.subject or r.sentence)}
        return {w for w in found if not _find_acts(w) and not find_bodies(w)}

    shared = words(a) & words(b)
    return len(shared) >= 2 or bool(shared) and min(len(words(a)), len(words(b))) <= 2


_BACKGROUND = re.compile(
    r"^\W*(?:after|once|nadat|toen|since|sinds)\b[^,.;]{0,200}?\b(?:had|hadden|has|have|heeft|hebben)\b", re.I
)
"""A sentence that opens with what had happened before ("After the committee had withheld its consent, the director
…", "Nadat de raad had ingestemd, …"): a decision it names there is told as background."""


def _background_end(sentence: str) -> int:
    """Where ``sentence``'s opening background clause (:data:`_BACKGROUND`) ends, at its comma; -1 when it has none."""
    opening = _BACKGROUND.match(sentence)
    return sentence.find(",", opening.end()) if opening else -1


def _in_background(sentence: str) -> bool:
    """Whether ``sentence``'s only act stands in its opening background clause (:data:`_BACKGROUND`), not in the main
    clause after it ("Nadat het CvB een artikel had toegevoegd, stemde de CMR in": the consent is the main clause's)."""
    comma = _background_end(sentence)
    return comma > 0 and bool(_find_acts(sentence[:comma])) and not _find_acts(sentence[comma:])


_CIRCUMSTANCE = re.compile(
    _AFTER + r"(?:[\w-]+\s+){0,2}?(?P<noun>oordeel|instemming|goedkeuring|advies|besluit|approval|consent|assessment|"
    r"decision)\s+(?:van|door|of|by)\b",
    re.I,
)
"""A decision named as the circumstance of another ("op basis van het positieve oordeel van de NVAO", "following the
approval by the council")."""
_CIRCUMSTANCE_ACTS = {
    "instemming": ("consent", "approve"), "consent": ("consent", "approve"), "goedkeuring": ("approve", "consent"),
    "approval": ("approve", "consent"), "besluit": ("decide",), "decision": ("decide",),
    "oordeel": ("assess_positively", "assess_negatively"), "advies": ("assess_positively", "assess_negatively"),
    "assessment": ("assess_positively", "assess_negatively"),
}  # fmt: skip
"""The acts a circumstance's noun names ("na instemming van": a consent, not the adoption it preceded)."""


def _named_as_circumstance(r: Decision) -> bool:
    """Whether ``r``'s own act is the one its sentence names as the circumstance of another (:data:`_CIRCUMSTANCE`):
    "na instemming van de raad" is the council's consent so named; the board's adoption after it is not."""
    m = _CIRCUMSTANCE.search(r.sentence)
    return bool(m) and r.act in _CIRCUMSTANCE_ACTS.get(m.group("noun").lower(), ())


def _dated_by_signing(records: list[Decision]) -> list[Decision]:
    """``records`` with an agreement dated only to its year or month ("This year, A and B agreed on a new covenant")
    taking the day of a later agreement record of the same body within that period ("The covenant was signed on 3 July
    2023."), which then goes: one agreement, its signing its date."""
    dropped: list[int] = []
    for n, r in enumerate(records):
        if r.act != "agree" or not r.date or len(r.date) == 10 or n in dropped:
            continue
        later = next(
            (
                m
                for m, o in enumerate(records[n + 1 :], n + 1)
                if o.act == "agree"
                and o.body == r.body
                and o.negated == r.negated
                and m not in dropped
                and o.date
                and len(o.date) > len(r.date)
                and o.date.startswith(r.date)
            ),
            None,
        )
        if later is not None:
            r.date, r.date_text = records[later].date, records[later].date_text
            dropped.append(later)
    return [r for n, r in enumerate(records) if n not in dropped]


_OWN_ADOPTION_LINE = re.compile(
    r"^[\s|*_]*(?:aldus\s+)?(?:vastgesteld|adopted|established)\s+(?:door|by)\s+[^.|\n]{3,120}?"
    r"(?:\s+(?:op|on|in\s+\w+\s+vergadering\s+van|at\s+its\s+meeting\s+(?:of|on)))?[\s|*_]*"
    r"(?:\d{1,2}\s+\w+\s+\d{4})?[\s|*_.]*$",
    re.I,
)
"""A formal document's line that records its own adoption and nothing else ("| Vastgesteld door het College van
Bestuur op | 23 januari 2024 |", "Aldus vastgesteld door het College van Bestuur … in zijn vergadering van 23 januari
2024."): its header and its closing line state one adoption."""


_ANOTHER_DECISION = re.compile(
    r"^\W*(?:earlier|eerder|also|ook|daarnaast|verder|in\s+addition|bovendien|furthermore|moreover)\b", re.I
)
"""A sentence that opens by telling of another decision than the one before ("Earlier on Tuesday evening, …", "Ook
stemde de raad in met …", "Daarnaast …")."""


def _drop_repeats(records: list[Decision], title: str = "") -> list[Decision]:
    """One record per decision a document reports twice: an undated record is dropped when the document dates a
    decision of the same body, act and negation on the same subject (a headline and its lead) or names it as a
    circumstance ("op basis van het positieve oordeel van de NVAO"), and an undated agreement when the document
    dates or has already stated one of the same body (its signing, its terms), also when only its overview entry's
    month dates it. The title's record gives way to the text's of the same body, act and negation (and date, if it
    has one), and a later sentence that dates a decision itself to an earlier one of the same date on the same
    subject; a record dated to a month gives way to one of the same decision dated to a day in it; a bilingual page's
    record in its second language gives way to the same decision of the same date in its first; a formal document's
    line that records its own adoption (:data:`_OWN_ADOPTION_LINE`) gives way to the same adoption stated before it.
    Records of one sentence in one chunk are distinct decisions (several things decided, see
    :func:`_coordinated_complements`).
    """

    def headline(r: Decision) -> bool:
        return bool(title) and _same_line(r.sentence, title)

    def restated(r: Decision, o: Decision) -> bool:  # r, dated by its own sentence or the meeting, repeats o (not
        # one that says it tells of another: "Earlier on Tuesday evening, the council consented to …")
        dated = r.date_basis in ("sentence", "meeting") and o.date_basis == "sentence"
        another = _ANOTHER_DECISION.match(r.sentence) is not None
        return dated and not another and records.index(o) < records.index(r) and _same_subject(r, o)

    def finer(o: Decision, r: Decision) -> bool:  # o, stated before r, dates r's agreement to its day
        finer_date = bool(o.date and r.date) and o.date != r.date and str(o.date).startswith(str(r.date))
        return finer_date and records.index(o) < records.index(r)

    def within(o: Decision, r: Decision) -> bool:  # o dates r's month to a day of it
        return len(str(o.date)) == 10 and str(o.date).startswith(str(r.date))

    def earlier(o: Decision, r: Decision) -> bool:  # o, of r's date, is stated before it
        return o.date == r.date and records.index(o) < records.index(r)

    def translated(o: Decision, r: Decision) -> bool:  # r, stated after o, says o's decision in the other language
        return detect_language(o.sentence) != detect_language(r.sentence) and earlier(o, r)

    records = _dated_by_signing(records)
    kept: list[Decision] = []
    for r in records:
        key = (r.body, r.act, r.negated)
        if any(o.chunk_id != r.chunk_id and _same_record(o, r) for o in kept):
            continue  # the same sentence read again in the next chunk, which overlaps this one
        related = [o for o in records if o is not r and (o.body, o.act, o.negated) == key]
        if headline(r) and any(not headline(o) and (r.date is None or o.date == r.date) for o in related):
            continue
        same = [o for o in related if (o.date or o in kept) and (o.sentence, o.chunk_id) != (r.sentence, r.chunk_id)]
        circumstance = _named_as_circumstance(r)  # "op basis van het oordeel van …"
        if _in_background(r.sentence) and any(o.sentence != r.sentence for o in related):
            continue  # "After the committee had withheld its consent, …": the decision reported where it was taken
        if r.date is None and any(r.act == "agree" or circumstance or _same_subject(r, o) for o in same):
            continue
        if r.act == "agree" and r.date_basis == "meeting" and any(finer(o, r) for o in same):
            continue  # "November. Op 9 november ondertekenden A en B het convenant. Daarin zijn afspraken gemaakt …"
        if r.date and any(translated(o, r) for o in related):
            continue  # a bilingual page's entry said twice: "The council consents to …" and "De raad stemt in met …"
        if len(str(r.date)) == 7 and any(within(o, r) and _same_subject(r, o) for o in related):
            continue  # "In October the council voted against …" under a table row of its meeting of 10 October
        if r.date and any(o.date == r.date and not _same_line(o.sentence, r.sentence) and restated(r, o) for o in same):
            continue
        if _NOMINAL_ITEM.match(r.sentence) and any(earlier(o, r) and _same_subject(r, o) for o in related):
            continue  # "### Besluitenlijst - Instemming met de wijziging …": the minutes' summary of an item's decision
        own_line = len(str(r.date)) == 10 and _OWN_ADOPTION_LINE.match(r.sentence)
        if own_line and any(o in kept and o.date == r.date for o in related):
            continue  # the adoption line at the document's end, after its header's (or a table row's cell after it)
        kept.append(r)
    return kept


def _same_record(a: Decision, b: Decision) -> bool:
    """``a`` and ``b`` read one sentence alike: the same body, act, negation, date and subject."""
    fields = ("sentence", "body", "act", "negated", "date", "subject")
    return all(getattr(a, f) == getattr(b, f) for f in fields)


def _meeting_item_records(
    text: str, found: list[Decision], host: str, meeting: tuple[str, str], meta: dict, doc_id: str, chunk_id: str
) -> None:
    """Add the decision lines of a meeting record's chunk to ``found`` (see :func:`_item_decisions`); lines the
    sentence rules already read (the line, or its first sentence) get their agenda item's title as subject."""
    for item in _item_decisions(text, host, meeting, meta.get("heading"), meta.get("sections")):
        sentence, stated, agentless = item.pop("sentence"), item.pop("stated"), item.pop("agentless")
        held = _heading_meeting(text, meta, sentence, meta.get("date"))  # "## Meeting of 3 October 2023" above it
        if held is not None:
            item["date"], item["date_text"] = held
        line = " ".join(sentence.split())
        first = " ".join(next(iter(split_sentences(sentence)), sentence).split())
        same = []  # the line, or one of its sentences stating the same act (a second act is a decision of its own)
        for r in found:
            said = " ".join(r.sentence.split())
            same_act = r.act == item["act"] or (not stated and (first in said or said in first))
            if (said in line or line in said) and same_act:
                same.append(r)
        for r in same:
            r.subject = item["subject"]
            if agentless and not find_bodies(sentence):  # "Er werd ingestemd met …": the body that met, not one the
                r.body = host  # sentence before named, on the meeting's day when the sentence tells none
                if r.date is None:
                    r.date, r.date_text, r.date_basis = item["date"], item["date_text"], item["date_basis"]
        if not same:
            found.append(Decision(**item, doc_id=doc_id, chunk_id=chunk_id, page=meta.get("page"), sentence=sentence))


_FORMAL_HEAD = re.compile(
    r"^[ \t]*[*_]*(?:besluit|besluiten|besluit\s+het\s+volgende|resolves|decides)[*_]*\s*:?[*_]*[ \t]*$|"
    r"^[ \t]*[*_]*(?P<who>(?:de|het|the)\s[^\n:,]{3,80}),\s+"
    r"(?:in\s+(?:vergadering|zitting)\s+bijeen|assembled|meeting)\b[^\n:]*:[*_]*[ \t]*$",
    re.I | re.M,
)
"""The word that opens the operative part of a formal decision ("**besluit:**" after "De raad van de gemeente …;
gelezen …; overwegende …"), on a line of its own, or the body's line that opens them ("De raad van bestuur, in
vergadering bijeen op 27 juni 2023:"): the numbered items below it are what was decided."""
_FORMAL_ITEM = re.compile(r"^[ \t]*(?:\d{1,2}|[a-z]|[IVX]{1,4})[.)][ \t]+(?P<item>\S[^\n]*)$", re.M)
_SINGLE_ITEM = re.compile(
    r"^[ \t]*[*_]*(?:vast\s+te\s+stellen|in\s+te\s+stemmen|goed\s+te\s+keuren|af\s+te\s+wijzen|to\s+adopt|"
    r"to\s+approve|to\s+reject)\b",
    re.I,
)
"""A formal decision's one operative line, led by its act ("vast te stellen de volgende beleidsregel.")."""
_FORMAL_ACTS = [
    ("adopt", r"\bvast\s+te\s+stellen\b|\bto\s+adopt\b|^stelt\b.*\bvast\b|^adopts\b"),
    ("approve", r"^keurt\b.*\bgoed\b|^approves\b"),
    ("consent", r"^stemt\b.*\bin\b"),
    ("consent", r"\bin\s+te\s+stemmen\b|\bto\s+consent\b"),
    ("approve", r"\bgoed\s+te\s+keuren\b|\bto\s+approve\b"),
    ("reject", r"\baf\s+te\s+wijzen\b|\bte\s+verwerpen\b|\bto\s+reject\b"),
    ("adopt", r"\baan\s+te\s+nemen\b"),
]
"""The infinitive that ends a formal decision's item ("het bestemmingsplan … gewijzigd vast te stellen;"); any other
item ("een krediet beschikbaar te stellen", "geen exploitatieplan vast te stellen") is a decision of its own kind."""
_FORMAL_NOTICE = re.compile(
    r"\b(?:te\s+(?:informeren|publiceren|verzenden|zenden|sturen)|bekend\s+te\s+maken|mede\s+te\s+delen|"
    r"ter\s+kennis\s+te\s+brengen)\b|^(?:to\s+)?(?:publish|inform|notify|send|communicate)\b|^(?:verdaagt|postpones)\b",
    re.I,
)
"""A formal decision's item that only makes it known ("Provinciale Staten over dit besluit te informeren", "to
publish this decision on the website"): publishing is no decision (labelling rule 4)."""
_PREAMBLE_BODY = re.compile(r"^[ \t]*[*_]*(?P<who>(?:de|het|the)\s[^\n;,]{3,120})[;,][*_]*[ \t]*$", re.I | re.M)
"""A formal decision's opening line, its deciding body ("De raad van de gemeente Leiden;", "…,")."""
_PREAMBLE_NAMED = re.compile(r"^[ \t]*[*_]*(?P<who>[A-Z][^\n;,]{3,120})[;,][*_]*[ \t]*$", re.M)
"""The same line opening with the body's name ("Gedeputeerde Staten van Oostmark,"): a preamble only when the name
is a body's."""


def _preambles(text: str, end: int) -> list[str]:
    """The deciding bodies' lines of formal decisions in ``text`` before ``end`` (:data:`_PREAMBLE_BODY`,
    :data:`_PREAMBLE_NAMED`), in order."""
    found = [(m.start(), m.group("who")) for m in _PREAMBLE_BODY.finditer(text, 0, end)]
    for m in _PREAMBLE_NAMED.finditer(text, 0, end):
        bodies = find_bodies(m.group("who"))
        if bodies and bodies[0][0] == 0 and not _PREAMBLE_BODY.match(m.group(0)):
            found.append((m.start(), m.group("who")))
    return [who for _, who in sorted(found)]


_VOTE_OUTCOME = re.compile(
    r"(?:\b(?:de|het|dit|een|the|this|an?)\s+|^)(?:motie|amendement|wetsvoorstel|motion|amendment|bill)\b[^.;:]{0,200}?"
    r"\b(?:werd|werden|is|was|were)\b[^.;:]{0,60}?\b(?P<outcome>aangenomen|verworpen|carried|passed|rejected|defeated)\b",
    re.I,
)
"""A vote's outcome without its voters ("Het amendement werd met 27 tegen 12 stemmen aangenomen", "De motie werd
verworpen", "Amendement A1 van …, dat beoogde …, is … verworpen"): in a meeting record, the decision of the assembly
that met (labelling rule 15: voting for is approving)."""


_VOTE_COUNT = re.compile(
    rf"\b{_COUNT_WORD}\s+(?:stemmen|votes?)\s+(?:to|tegen|against)\s+{_COUNT_WORD}\b|"
    rf"\b{_COUNT_WORD}\s+(?:in\s+favou?r|voor|for)\s*,\s*{_COUNT_WORD}\s+(?:against|tegen)\b",
    re.I,
)
"""A vote's count ("by four votes to one", "met 11 tegen 3 stemmen", "9 in favour, 11 against")."""
_PROPOSAL_VOTE = re.compile(
    r"(?:\b(?:de|het|dit|een|the|this|an?)\s+|^)(?:voorstel|proposal)\b[^.;:]{0,200}?"
    r"(?:\b(?:werd|is|was)\b[^.;:]{0,60}?\b(?P<outcome>aangenomen|verworpen|carried|passed|rejected|defeated|adopted)\b|"
    r"\b(?P<active>fails|failed|passes|passed)\b)",
    re.I,
)
"""A proposal put to the vote and its outcome ("The proposal was rejected by four votes to one", "The proposal to
consent to the scheme fails: 9 in favour, 11 against"), with its count (:data:`_VOTE_COUNT`): the assembly's vote."""
_STAMP = re.compile(r"^[*_\s]*(?:\d{1,2}[:.]\d\d[*_\s]*[–—-]\s*)?")
"""A live report's time stamp before its entry ("**15:46** – ")."""
_BY_AGENT = re.compile(r"\b(?:door|by)\s+(?:de\s+|het\s+|the\s+)?$", re.I)
"""Right before a body: the agent of a passive ("door de Tweede Kamer aangenomen")."""


def _votes(text: str) -> list[tuple[str, str]]:
    """``(act, sentence)`` for each vote outcome in ``text`` whose sentence names no body outside the motion (who voted
    is the meeting's assembly, never a body the sentence before names)."""
    out = []
    for sentence in split_sentences(text):
        m = _VOTE_OUTCOME.search(sentence)
        # a body named inside the motion ("A motion asking the municipal executive to …") did not vote on it
        outside = [  # … but the agent of its passive did ("is … door de Tweede Kamer aangenomen")
            b
            for b in find_bodies(sentence)
            if not m or not m.start() <= b[0] < m.start("outcome") or _BY_AGENT.search(sentence, 0, b[0])
        ]
        if m and not outside:
            passed = m.group("outcome").lower() in ("aangenomen", "carried", "passed")
            out.append(("approve" if passed else "reject", sentence))
        elif _VOTE_COUNT.search(sentence) and not find_bodies(sentence):  # a vote counted, nobody named
            proposal = _PROPOSAL_VOTE.search(sentence)
            outcome = _LIST_OUTCOME.match(sentence[_STAMP.match(sentence).end() :])  # "Consent given, 14 votes to 6."
            if proposal:
                said = (proposal.group("outcome") or proposal.group("active")).lower()
                out.append(("approve" if said in ("aangenomen", "carried", "passed", "passes", "adopted") else "reject",
                            sentence))  # fmt: skip
            elif outcome and (outcome.group("given") or outcome.group("withheld")):
                out.append(("consent" if outcome.group("given") else "reject", sentence))
    return out


def formal_preamble(text: str) -> str:
    """The deciding body's line of a document's first formal decision ("De raad van de gemeente Leiden"), else ""."""
    head = _FORMAL_HEAD.search(text)
    if head and head.group("who"):  # "De raad van bestuur, in vergadering bijeen op …:"
        return head.group("who")
    preambles = _preambles(text, head.start()) if head else []
    return preambles[-1] if preambles else ""


def _formal_items(text: str, preamble: str = "") -> list[tuple[str, str, str]]:
    """``(act, item, preamble)`` for each numbered item under a formal decision's "besluit:" line (blank lines between
    items allowed, the first other line ends them), or its one line when that is not numbered and opens with its act
    ("vast te stellen de volgende beleidsregel.") in a decision whose closing line names its meeting (:data:`_CLOSING`);
    the preamble is the last "De raad van …;" line above it in
    ``text``, else the given one (the document's, when a chunk starts at "besluit:")."""
    out = []
    for head in _FORMAL_HEAD.finditer(text):
        preambles = [head.group("who")] if head.group("who") else _preambles(text, head.start())
        preamble = preambles[-1] if preambles else preamble
        opening, closed = True, _CLOSING.search(text) is not None  # its meeting named by the closing line
        for line in text[head.end() :].splitlines():
            if not line.strip():
                continue
            item = _FORMAL_ITEM.match(line)
            single = opening and item is None and _SINGLE_ITEM.match(line) is not None and closed
            opening = False  # "besluit:" / "vast te stellen de volgende beleidsregel.": one item, not numbered
            if item is None and not single:
                break
            said = (item.group("item") if item else line).strip().rstrip(";.")
            notice, first = _FORMAL_NOTICE.search(said), re.search(r"\b(?:te|to)\s+\w", said, re.I)
            if notice and (first is None or notice.start() <= first.start()):  # not "de decanen op te dragen … te
                continue  # informeren": the item instructs, what it has them do is its content
            act = next((name for name, pattern in _FORMAL_ACTS if re.search(pattern, said, re.I)), "decide")
            if _NEGATION.search(said):  # "geen exploitatieplan vast te stellen": a decision, taken
                act = "decide"
            out.append((act, said, preamble))
    return out


_TABLE_ROW = re.compile(r"^[ \t]*\|(?P<cells>.+)\|[ \t]*$", re.M)
_OUTCOME_HEADER = re.compile(
    r"^[ \t]*\|[^\n]*\|[ \t]*[*_]*(?:outcome|uitkomst|uitslag|result|resultaat|besluit|decision)[*_]*[ \t]*\|[ \t]*$",
    re.I | re.M,
)
"""A table whose last column is the outcome ("| Year | Meeting | Subject | Outcome |"): its rows state the decisions of
the body the document is about, as a decision list's do."""
_LIST_OUTCOME = re.compile(
    r"^[*_\s]*(?:(?:the\s+|het\s+|de\s+)?(?:request|proposal|item|verzoek|voorstel)\s+)?(?P<label>adopted|approved|"
    r"rejected|established|declined|vastgesteld|goedgekeurd|afgewezen|aangenomen|verworpen)\b|"
    r"^[*_\s]*(?P<decision>decision|besluit)\s+(?:to|om|tot)\b|"
    r"^[*_\s]*(?P<bare>(?:(?:provisionally|voorlopig)\s+)?(?:(?P<no>no|geen)\s+)?(?:consent|instemming))[*_\s]*(?:[,;(]|$)|"
    r"^[*_\s]*(?:consent|instemming)\s+(?:(?P<given>given|granted|verleend|gegeven)|(?:(?:provisionally|voorlopig)\s+)?"
    r"(?P<withheld>withheld|refused|denied|onthouden|geweigerd|niet\s+verleend))\b|"
    r"^[^.;:]{0,80}?\b(?:was|were|is|are|has\s+been|werd|werden|wordt|worden)\s+(?:\w+\s+)?(?P<passive>adopted|"
    r"approved|rejected|vastgesteld|goedgekeurd|afgewezen)\b(?![^.;]*\b(?:by|door)\b)",
    re.I,
)
"""A decision list's outcome (a table cell, a bullet after its bold title) that states the list's own decision
without its body: led by its act ("Approved, provided that …", "Adopted as proposed: …", "Request rejected.",
"Decision to extend …", a council's "Consent given", "Consent provisionally withheld …") or an agentless passive
("The revised model was adopted", "the request was not approved")."""
_TITLED_BULLET = re.compile(
    rf"^[ \t]*{_BULLET_MARK}(?:\*\*)?(?P<title>[^*\n.:|]{{2,100}}?)\.(?:\*\*)?[ \t]+(?P<outcome>\S[^\n]*)$", re.M
)
"""A decision list's bullet led by its item's title ("- **Framework letter 2023.** Adopted, and sent …", its bold
dropped by the loader)."""
_LIST_OUTCOME_ACTS = {"declined": "reject", "established": "adopt"} | _LABEL_ACTS
_DECISION_LIST = re.compile(_DECISIONS_WORD, re.I)
"""A title that names a list of decisions ("Besluitenlijst Hogeschoolraad 2024"), not minutes ("Verslag …")."""
_CONSENT_BULLET = re.compile(
    rf"^[ \t]*{_BULLET_MARK}(?P<no>(?:geen|no)\s+)?(?:instemming|consent)\s+(?:met|voor|to|for)\s+(?P<item>[^.;\n]+)",
    re.I | re.M,
)
"""A council's decision list's bullet that is its consent, or its refusal, as a noun ("- Geen instemming met het
voorstel voor …", "- Instemming met het aangepaste …, onder voorwaarde dat …")."""


def _outcome_act(found: re.Match) -> tuple[str, bool]:
    """The act a decision list's outcome (:data:`_LIST_OUTCOME`) states, and whether it is negated ("was not
    approved")."""
    if found.group("given") or found.group("withheld"):  # "Consent given", "Consent withheld (5 in favour, 7 against)"
        return "consent", bool(found.group("withheld"))
    if found.group("bare"):  # an outcome column's "Consent, on condition …", "No consent", "Provisionally no consent"
        return "consent", bool(found.group("no"))
    label = (found.group("label") or found.group("passive") or "").lower()
    return _LIST_OUTCOME_ACTS.get(label, "decide"), bool(_NEGATION.search(found.string[: found.end()]))


def _list_outcomes(text: str, consent_bullets: bool = False) -> list[tuple[str, str, str, bool]]:
    """``(act, sentence, item, negated)`` for each bullet or table row of a decision list that states the list's own
    decision (:data:`_LIST_OUTCOME`): the act, the outcome's first sentence, and the item: a bullet's title ("-
    **Framework letter 2023.** Adopted, …"; a clause after a semicolon may state it, "…; the request was not
    approved"), or a row's cell (the one after the date or number that opens it, "| 16 Jan 2024 | Teaching load model
    | The revised model was adopted; … |", else the first one, "| Catering contract | Rejected; … |" under a meeting's
    heading; a labelled cell names its own, "Vastgesteld: de regeling"); with ``consent_bullets`` (a list of decisions,
    not minutes that sum theirs up), a bullet that is a consent or its refusal as a noun (:data:`_CONSENT_BULLET`)."""
    out = []
    for bullet in _CONSENT_BULLET.finditer(text) if consent_bullets else []:
        outcome = split_sentences(bullet.group(0).strip())
        out.append(("consent", outcome[0], bullet.group("item").strip(), bool(bullet.group("no"))))
    for bullet in _TITLED_BULLET.finditer(text):
        outcome = split_sentences(bullet.group("outcome"))
        clauses = [c.strip() for c in outcome[0].split(";")] if outcome else []
        found = next((m for m in map(_LIST_OUTCOME.match, clauses) if m), None)
        if found is not None:
            act, negated = _outcome_act(found)
            out.append((act, outcome[0], bullet.group("title").strip(), negated))
    for row in _TABLE_ROW.finditer(text):
        cells = [c.strip() for c in row.group("cells").split("|")]
        if len(cells) < 2:
            continue
        dated = bool(re.search(r"\d", cells[0])) and _only_date(cells[0].strip("*_ "), None) is not None
        outcome = split_sentences(cells[-1])
        found = _LIST_OUTCOME.match(outcome[0]) if outcome else None
        if found is None or found.group("decision"):
            continue
        act, negated = _outcome_act(found)
        numbered = dated or bool(re.fullmatch(r"[\d.]+", cells[0]))  # "| 2 | Regeling | Vastgesteld: … |"
        item = (cells[1] if len(cells) > 2 else "") if numbered else cells[0]  # "| Subject | Outcome |"
        if numbered and len(cells) > 3 and _only_date(cells[1].strip("*_ "), None) is not None:
            item = cells[2]  # "| 2021 | 10 June 2021 | Framework … | Consent |": the subject after the dates
        named = re.match(r"^[*_\s]*\w+[*_]*\s*:[*_\s]*(?P<what>\S.*?)\.?$", outcome[0])  # "Vastgesteld: de …"
        said = outcome[0] if text.count(outcome[0]) == 1 else row.group(0).strip()  # "Consent given" in two rows:
        out.append((act, said, named.group("what") if named else item, negated))  # the row, dated by its own cell
    return out


_WRAPPED = re.compile(r"(?<=[a-zà-ÿ,])[ \t]*\n[ \t]*(?=[a-zà-ÿ])")
"""A line break inside a sentence of a paragraph wrapped at a fixed width ("In its first meeting, the\ncouncil
consented …"): a word goes on in lower case after a line that ends in a word or a comma."""


def document_decisions(chunks: list[tuple[str, str, dict]]) -> list[Decision]:
    """Every decision stated in one document, given as its chunks ``(chunk_id, text, metadata)`` in reading order.

    A decision its sentence does not date takes the date of the meeting the document records (:func:`meeting_date`,
    ``date_basis`` ``meeting``) or of the meeting its lead reports (:func:`_lead_meeting`), else stays undated
    (``document``: placed under the document's date). A body named by its kind alone is the document's body of that
    kind (:func:`_resolve_bare`). The body's institution is the one the sentence names, else the document's own (none
    for national bodies). A decision reported twice is one record (:func:`_drop_repeats`). A paragraph wrapped at a
    fixed width is read as its sentences, not its lines (:data:`_WRAPPED`)."""
    chunks = [(chunk_id, _WRAPPED.sub(" ", text), meta) for chunk_id, text, meta in chunks]
    if not chunks:
        return []
    first = chunks[0][2]
    doc_id, doc_date = str(first.get("doc_id", "")), first.get("date")
    # the title is confirmed by the text's own words (its first headings among them: "# Jaarverslag 2022 …")
    opening = f"{first.get('heading') or ''} {first.get('sections') or ''} {chunks[0][1][:600]}"
    confirmed = _REPORT_WORD.search(opening) or any(_REPORT_WORD.search(c[1]) for c in chunks)  # "Dit jaarverslag …"
    confirmed = confirmed or _REPORT_WORD.search(str(first.get("doc_type") or "").replace("_", " "))  # its type says so
    annual = report_year(first.get("title")) if confirmed else None  # a year, no one meeting
    lifted = [str(first.get("heading") or ""), *(h for _, h in _sections(first.get("sections")) or [])]
    headed = "\n".join([*(f"{h}." for h in lifted if h.strip()), chunks[0][1]])  # the chunker lifts the first heading
    header = next((m for line in chunks[0][1].splitlines() if (m := _LETTER_DAY.match(line))), None)
    days = _day_dates(header.group(1), doc_date) if header else []
    written = days[0][1] if days else doc_date  # a letter's "**Date:**": its "yesterday's meeting" is of that day
    meeting = None if annual else meeting_date(first.get("title"), headed, written)
    head = f"{first.get('title') or ''}. {chunks[0][1][:300]}"
    own = first.get("institution") or find_institution(head)
    # an institution decides, a publication does not: its opening names whose it is ("The Lantern is the independent
    # newspaper of Kestrel Bay University"), the one its "the university" is
    deciding = (own if _INSTITUTION_WORDS.search(own) else find_institution(head)) if own else None
    own_senate = bool(deciding and re.search(r"\bsenate\b", str(first.get("title") or ""), re.I))
    in_head = [name for _, _, name in find_bodies(head) if name in BODIES]
    titled_host = _title_body(first.get("title")) if meeting else None  # "Besluitenlijst faculteitsbestuur …"
    host = titled_host or (in_head[0] if in_head else None)  # whose meeting
    titled = [  # a body outside the list that the title names ("Jaarverslag Studentenraad …"): the document's own
        m.group(1)[0].upper() + m.group(1)[1:]
        for m in _TITLE_KIND.finditer(str(first.get("title") or ""))
        if m.group(1).lower() not in KIND_WORDS and not any(name in BODIES for _, _, name in find_bodies(m.group(1)))
    ]
    in_text = [name for c in chunks for _, _, name in find_bodies(c[1])]
    named = titled + in_head + [name for name in in_text if name in BODIES]
    named += [name for name in in_text if _MUNICIPAL_BODY.search(name)]
    # then an institution's governing board the text names outside the list ("the Board of Governors"): "the board"
    named += [name for name in in_text if name not in named and _GOVERNING_BOARD.fullmatch(name)]
    signed = signing_date(first.get("title"), chunks[0][1])  # an agreement document's place-and-date line
    writer = author(
        first.get("title"), first.get("institution"), first.get("doc_type"), chunks[0][1][:300], chunks[-1][1][-500:]
    )
    reading = f"{annual}-12-31" if annual else doc_date  # "Op 22 juni …" in "Jaarverslag 2023": of 2023
    if reading and re.fullmatch(r"\d{4}", reading):  # a document dated by its year alone: "op 4 april" of that year
        reading = f"{reading}-12-31"
    whole = " ".join(c[1] for c in chunks)
    known = (
        people(whole) + writer + addressee(chunks[0][1][:600]) + body_acronyms(f"{first.get('title') or ''}\n{whole}")
    )
    lines = "\n".join(c[1] for c in chunks)
    assessing = bool(own) and canonical_body(str(own)) in ASSESSING_BODIES  # the NVAO's own decision
    verdict_day = decision_day(lines, doc_date) if assessing else None
    formal = formal_preamble(lines)  # "De raad van de gemeente Leiden;" … "besluit:"
    doc_items = _formal_items(lines, formal)  # the items under each "besluit:" line of the whole document
    itemised = bool(formal) and bool(doc_items)
    if formal:  # "Aldus besloten in de openbare vergadering van … 9 maart 2023.", not a meeting its preamble cites
        meeting = closing_meeting(lines, doc_date) or meeting
    lister = host or (titled[0] if titled else None)  # whose decisions a list's table of outcomes gives
    voter = next((name for _, _, name in find_bodies(formal, deciding)), None) if formal else host
    voter = _resolve_bare(voter, named, None, own) if voter and meeting is not None else None  # who met and voted
    sender: str | None = None  # the writer the last letter header names ("Van: het College van Bestuur")
    reporter = reporting_body(str(first.get("title") or ""))
    publisher = None if reporter else publishing_body(first.get("institution"))  # its own board decides for it
    itself = reporter or publisher
    records: list[Decision] = []
    used: list[tuple[str, str, str]] = []
    thread = Thread()  # the letter of a thread a chunk goes on with
    for chunk_id, text, meta in chunks:
        found = extract_decisions(
            text, doc_id, chunk_id, meta.get("page"), reading, deciding, known, sender, itself, thread
        )
        sender = next((w for line in reversed(text.splitlines()) if (w := _sender(line))), sender)  # for the next
        if meeting is not None and host:
            _meeting_item_records(text, found, host, meeting, meta, doc_id, chunk_id)
        placed = [f for f in doc_items if f not in used and " ".join(f[1].split())[:80] in " ".join(text.split())]
        used += placed
        said_items = [  # the items, not the run-on sentence of their body that holds them (a body the recitals cite
            (" ".join(item.split())[:60], {n for _, _, n in find_bodies(who, deciding)})  # keeps its consent)
            for _, item, who in placed
        ]
        found = [r for r in found if not any(i in " ".join(r.sentence.split()) and r.body in b for i, b in said_items)]
        for act, item, preamble in placed:  # the items in this chunk, also when the list began in the one before
            who = [name for _, _, name in find_bodies(preamble, deciding)] or ([host] if host else [])
            if who and not any(_same_line(r.sentence, item) for r in found):
                found.append(Decision(
                    date=None, date_text="", body=who[0], act=act, parties="", subject=item, negated=False,
                    sentence=item, date_basis="sentence", doc_id=doc_id, chunk_id=chunk_id, page=meta.get("page"),
                ))  # fmt: skip
        for act, sentence in _votes(text):
            said = " ".join(sentence.split())
            found = [r for r in found if " ".join(r.sentence.split()) != said]  # not the body a sentence before names
            if voter:  # the assembly whose meeting the document records; elsewhere nobody the text names
                found.append(Decision(
                    date=None, date_text="", body=voter, act=act, parties="", subject=_STAMP.sub("", sentence, 1),
                    negated=False,
                    sentence=sentence, date_basis="sentence", doc_id=doc_id, chunk_id=chunk_id, page=meta.get("page"),
                ))  # fmt: skip
        if lister and (_MEETING.search(str(first.get("title") or "")) or _OUTCOME_HEADER.search(lines)):  # a decision
            # list's bullets and table rows, or a table with an outcome column
            rows = _list_outcomes(text, bool(_DECISION_LIST.search(str(first.get("title") or ""))))
            said = {" ".join(sentence.split()) for _, sentence, _, _ in rows}
            found = [  # the row's or bullet's own reading, unless it dates its act itself ("following the consent
                r  # of the University Council … on 26 October 2023")
                for r in found
                if (r.date and r.date_basis == "sentence")
                or not any(cell in " ".join(r.sentence.split()) for cell in said)
            ]
            for act, sentence, item, negated in rows:
                found.append(Decision(
                    date=None, date_text="", body=lister, act=act, parties="", subject=item or sentence,
                    negated=negated, sentence=sentence, date_basis="sentence", doc_id=doc_id, chunk_id=chunk_id,
                    page=meta.get("page"),
                ))  # fmt: skip
        found = [r for r in found if not _ANNOUNCES.search(r.sentence)]  # "heeft … het volgende besluit genomen"
        if formal:  # "Aldus vastgesteld door het college in zijn vergadering van …": the items' date, no record
            found = [
                r
                for r in found
                if not _CLOSING.match(r.sentence.strip()) and not (itemised and _CLOSING_DAY.match(r.sentence.strip()))
            ]
        times: dict[tuple, int] = {}  # how often each record was read before, to find its own line
        for r in found:
            nth = times[(r.sentence, r.act, r.body)] = times.get((r.sentence, r.act, r.body), -1) + 1
            at = _heading_meeting(text, meta, r.sentence, reading)  # "## Januari — vergadering van 23 januari" in
            # "Jaarverslag 2024", published in February 2025: of 2024
            reason = _REASON_CLAUSE.search(r.sentence)  # not "… because the funds have already been committed"
            main = r.sentence[: reason.start()] if reason else r.sentence
            condition = _CONDITION.search(main)  # "…, op voorwaarde dat de regeling voor cohort 2021 en eerder …"
            main = main[: condition.start()] if condition else main
            elsewhen = bool(_LATER.search(main)) and not _SAME_MEETING.search(r.sentence)  # "… is inmiddels
            at = None if elsewhen else at  # goedgekeurd door het college" in a meeting's report: at another time
            entry = _entry_date(text, r.sentence, reading, nth) or _dated_heading(text, meta, r.sentence, reading)
            entry = None if at else entry
            if entry and r.date and not _A_YEAR.search(r.date_text):  # "op 13 april" under "April
                r.date = entry[0][:4] + r.date[4:]  # 2021": the entry's year, not the one the document was read in
            entry = _later_by(entry, r.sentence) if entry and r.date is None else entry  # "Een maand later volgt …"
            held = at or entry or (None if elsewhen else meeting)  # the meeting it was taken at, or the date of the
            # overview's entry it is in
            if r.date is None and held is None and _own_verdict(r, own) and _present_only(r.sentence, r.act):
                held = verdict_day  # "De NVAO beoordeelt …" in its decision: the day it was taken
            later = r.date and held is not None and _after(r.date, held[0]) and not _SELF_ADOPTED.search(r.sentence)
            own_day = len(str(r.date)) == 10 and bool(doc_date) and str(r.date) <= str(doc_date)
            if later and own_day and not _present_only(r.sentence, r.act):
                later = False  # "Op 20 juni heeft het college besloten …" in a newsletter of 30 June: its own day
            if entry and len(str(r.date)) >= len(entry[0]):  # an overview's entry may tell what followed it to the
                later = False  # day ("April. … stelde de regeling op 2 mei vast"), not to a coarser time ("in 2024")
            if later and r.act != "decide" and _present_only(r.sentence, r.act):
                continue  # "stelt de kaderbrief vervolgens in april vast" in March's minutes: a step to come
            if later:  # "kiest ervoor de open dag in 2025 …"
                r.date, r.date_text = None, ""  # a time to come: the meeting's decision
            if _present_only(r.sentence, r.act) and not _present_holds(r, held, first.get("title"), own):
                continue
            r.access = str(meta.get("access") or "public")
            r.doc_date = doc_date
            assessed = r.act.startswith("assess") and _INSTITUTION.fullmatch(r.body) is not None
            if publisher and (own_board(r.body, publisher) or assessed):  # "The Board assessed the programme
                r.body = publisher  # positively", "… University of Dunmore – the programme was assessed negatively"
            r.body = _resolve_bare(r.body, named, host if meeting else None, own)
            if r.body == "Eerste Kamer" and own_senate and not re.search(r"eerste\s+kamer|dutch", r.sentence, re.I):
                r.body = "Senate"  # "Senate approved …" in the summary of a university's Senate: its own
            if r.act == "decide" and consenting(r.body) and _given_to_council(r.sentence):
                r.body = _BOARD_OF.get(canonical_body(r.body) or "", "College van Bestuur")  # "zegt de raad toe"
            r.act = council_act(r.act, r.body)  # "the council approves": the University Council's consent
            if r.act == "consent" and _BOARD.search(r.body) and _AGREES_WITH.search(r.sentence):
                r.act = "approve"  # "Het bestuur gaat akkoord met …": the board approves (labelling rule 15)
            if r.act == "reject" and consenting(r.body):  # "voted against": consent withheld
                r.act, r.negated = "consent", True
            if r.act == "decide" and r.body in ASSESSING_BODIES and _ACCREDITED.search(r.sentence):
                r.act = "assess_positively"  # "the NVAO decided to grant accreditation": its verdict
            r.parties = "; ".join(_resolve_bare(p, named, None) for p in r.parties.split("; ")) if r.parties else ""
            if r.date is None and held is not None:
                r.date, r.date_text, r.date_basis = held[0], held[1], "meeting"
            elif r.date is None and r.act == "agree" and signed is not None:
                r.date, r.date_text, r.date_basis = signed[0], signed[1], "meeting"
            records.append(r)
    adopted = report_adoption(chunks) or _adopted_by(chunks, known)
    if adopted is None and (meeting is None or host):  # "*Vastgesteld in de vergadering van 13 december 2022*"
        adopted = record_adoption(chunks, host if meeting is not None else None)
        if adopted is not None:
            adopted.body = _resolve_bare(adopted.body, named, host, own)
    if adopted is not None and not any(_same_line(r.sentence, adopted.sentence) for r in records):
        adopted.access, adopted.doc_date = str(first.get("access") or "public"), doc_date
        records.insert(0, adopted)
    running = _RUNNING_OVERVIEW.search(str(first.get("title") or ""))
    if meeting is None and not annual and not running and len(_QUESTION_LINE.findall(lines)) < 3:  # no lead in an
        # annual report (it covers a year), on a page that keeps up with decisions as they come ("Recente besluiten":
        # its first item's day is that item's) nor on a page of questions and answers
        opening = f"{first.get('title') or ''}\n{chunks[0][1][:600]}"
        present = {  # the bodies the opening names (an institution it names is what the news is about, no body)
            _resolve_bare(name, named, None)
            for line in opening.splitlines()
            for _, _, name in find_bodies(line)
            if not _INSTITUTION.fullmatch(name)
        }
        _lead_meeting(records, chunks[0][1][:600], present, lambda name: _resolve_bare(name, named, None))
    _same_time_across(records)
    records = _drop_repeats(records, str(first.get("title") or ""))
    for r in records:
        r.subject = clean_subject(r.subject, first.get("title"))
        if r.date is None:
            r.date_basis = "document"
        if r.body not in NATIONAL_BODIES:
            r.institution = find_institution(r.sentence) or own
    return records


def _same_time_across(records: list[Decision]) -> None:
    """Date an undated decision whose sentence takes its time from what the document told before it ("In diezelfde
    vergadering gaf de raad geen instemming …" opening the section after the one that dated the council's consent, in
    another chunk) by the last decision before it in the document dated to a day (``date_basis`` ``meeting``), and one
    whose sentence opens by placing it days, weeks or months after the last dated decision before it ("Een week later
    heeft het college …", :func:`_months_later`) by that time; one told of "earlier that month" by the month of the
    last decision before it dated to a month or day."""
    for i, r in enumerate(records):
        if r.date is None and _SAME_TIME.search(r.sentence):
            day = next((d for d in reversed(records[:i]) if len(d.date or "") == 10), None)
            if day is not None:
                r.date, r.date_text, r.date_basis = day.date, day.date_text, "meeting"
        elif r.date is None and (month := _THAT_MONTH.search(r.sentence)):  # "… earlier that month" after a decision
            if told := _last_month(records[:i]):  # whose meeting dated it after it was read
                r.date, r.date_text, r.date_basis = told, month.group(0), "sentence"
        elif r.date is None and (dated := [str(d.date) for d in records[:i] if d.date]):
            moved = _months_later(r.sentence, [], dated, None)  # "Een week later heeft het college …" opening a
            if moved:  # paragraph in the next chunk
                r.date, r.date_text, r.date_basis = moved[0], moved[1], "sentence"


_HEADER_LINE = re.compile(rf"^[*_\s>]*(?:{_DATE_LABEL}|{_WRITER_LABEL})[*_\s]*:[^\n]*$", re.I | re.M)
"""A letter's header line ("**Date:** Fri, 8 Mar 2024", "**From:** …"): a sentence of its own, also after a line that
ends in a comma ("Regards,\nEveline\n\n---\n\n**From:** …")."""


def _split_at_headers(text: str) -> list[str]:
    """:func:`split_sentences` of ``text``, with each letter header line (:data:`_HEADER_LINE`) a sentence of its
    own."""
    out, cursor = [], 0
    for m in _HEADER_LINE.finditer(text):
        out += split_sentences(text[cursor : m.start()]) + [m.group(0).strip()]
        cursor = m.end()
    return out + split_sentences(text[cursor:])


def _paragraph_sentences(text: str) -> list[tuple[str, bool]]:
    """The sentences of ``text`` with whether each starts a new paragraph (a line break before it)."""
    out, cursor = [], 0
    for sentence in _split_at_headers(text):
        found = text.find(sentence[:40], cursor)
        start = found if found >= 0 else cursor
        new = not out or "\n" in text[cursor:start]
        for i, cell in enumerate(_cells(sentence)):  # a table row's cells are read one by one
            out.append((cell, new and i == 0))
        cursor = max(cursor, start + len(sentence)) if found >= 0 else cursor
    return out


_CELL = re.compile(r"\s*\|\s*")


def _cells(sentence: str) -> list[str]:
    """A markdown table row's cells ("| 2024-04 | Onderwerp | Na instemming van … besluit het CvB …"), each its own
    text (the row's number is no date of the decision its last cell states); another sentence as it is."""
    if sentence.count("|") < 2:
        return [sentence]
    return [cell for cell in _CELL.split(sentence) if cell.strip(" -:")]


_ASSESSED_BY = re.compile(
    r"\b(?:is|zijn|werd|werden|was|were|been)\b(?:\s+[\w-]+){0,4}?\s+(?:beoordeeld|getoetst|assessed|reviewed)\s+"
    r"(?:door|by)\b",
    re.I,
)
"""A completed assessment whose verdict the sentence does not give ("De plannen zijn in 2019 beoordeeld door een
panel dat benoemd is door de NVAO")."""
_OUTCOME = re.compile(
    r"^\W*(?:de|het|the)\s+(?:uitkomst|uitslag|oordeel|resultaat|outcome|result|verdict)\b[^.;:?]{0,40}?"
    r"\b(?:was|luidde|were)\s+(?P<verdict>positief|negatief|positive|negative)\b",
    re.I,
)
"""The next sentence giving that assessment's verdict ("De uitkomst van die beoordeling was positief")."""


def _split_assessment(sentence: str, following: str, doc_date: str | None) -> dict | None:
    """An assessment by an assessing body (or a panel it appointed) that one sentence reports (:data:`_ASSESSED_BY`)
    and the next gives the verdict of (:data:`_OUTCOME`), as a record of that body dated by the first sentence;
    None otherwise (no assessing body, no verdict, or a modal: an assessment still to come)."""
    m, verdict = _ASSESSED_BY.search(sentence), _OUTCOME.match(following)
    if not m or not verdict or _hypothetical(sentence, 0, m.start(), m.end()):
        return None
    assessor = [b for b in find_bodies(sentence[m.end() :]) if b[2] in ASSESSING_BODIES]
    if not assessor:
        return None
    dates = find_dates(sentence, doc_date)
    date = min(dates, key=lambda d: abs(d[0] - m.start())) if dates else (0, 0, None, "")
    positive = verdict.group("verdict").lower().startswith("posit")
    return {
        "date": date[2], "date_text": date[3], "body": assessor[0][2], "parties": "", "negated": False,
        "act": "assess_positively" if positive else "assess_negatively",
        "subject": " ".join(sentence[: m.start()].split()).strip(" ,")[:200],  # a passive: its subject was assessed
    }  # fmt: skip


_N = rf"(?P<n>{'|'.join(_NUMBER_WORDS)}|\d{{1,2}})"
"""A count in digits or words, in group ``n`` (read by :func:`_count`)."""
_N_MONTHS = rf"{_N}\s+(?:maand|maanden|months?)"
"""A count of months ("twee maanden", "3 months"), the number in group ``n``."""
_MONTHS_LATER = re.compile(
    rf"^\W*(?:{_N_MONTHS}\s+(?:later\b|(?:na|after)\s+"
    r"(?:de|het|the|that|this|dat|die|deze)\s+(?:beslissing|besluit|decision)\b)|"
    r"(?:the\s+(?:next|following)\s+month|(?:in\s+)?de\s+(?:volgende\s+maand|maand\s+(?:daarop|daarna|erna)))\b)",
    re.I,
)
"""A sentence that opens by placing its decision months after the one before ("Two months later the Executive Board
decided …", "Drie maanden later …", "Een maand na de beslissing over de verhoging keurde …"; "The next month …", "De
maand daarop …": one month)."""


def _months_on(date: str, later: re.Match) -> str | None:
    """``date`` (a month or a day) moved on by the months ``later`` (:data:`_MONTHS_LATER`) counts, as a month; None
    when ``date`` has no month."""
    if not re.match(r"\d{4}-\d\d", date):
        return None
    n = _count(later.group("n")) if later.group("n") else 1  # "the next month"
    return _months_after(date, n)


_LETTER_DAY = re.compile(rf"^[*_\s>]*{_DATE_LABEL}[*_\s]*:[*_\s]*([^\n]{{6,40}})$", re.I)
"""A letter's header line with its date ("**Date:** 15 November 2024", also quoted in a reply: "> **Datum:** maandag 25
november 2024 22:16"): a thread's letters each have their own."""
_HELD_AT = re.compile(
    rf"\b(?:at|in|during|tijdens|op)\s+(?:its|their|his|her|zijn|haar|hun|(?P<our>our|onze|ons))\s+(?:[\w-]+\s+)?"
    rf"{_MEETING_NOUN}\b",
    re.I,
)
"""Where a letter says its writer met ("at its meeting yesterday", "in zijn vergadering van 12 november", "in onze
collegevergadering van 14 januari": group ``our``, the writer's own meeting)."""


_MEETING_HELD = re.compile(rf"{_MEETING_NOUN}\s+(?:held|gehouden)\s+(?:(?:on|op)\s+)?(?=\S)", re.I)
"""A meeting told as held on a day ("the Faculty Board meeting held yesterday", "de faculteitsraadvergadering gehouden
op 3 juni"): the meeting of the body named before it (not "the meeting of 11 April", which may be one to come)."""


def _held_meeting(sentence: str, doc_date: str | None) -> tuple[str, str, int] | None:
    """``(date, wording, where)`` of the meeting a sentence without an act says its body held (:data:`_HELD_AT`), from
    the day right after the meeting word ("in its meeting of 12 November", "at its meeting yesterday", "the Faculty
    Board meeting held yesterday"); else None."""
    at = _HELD_AT.search(sentence)
    if at is None and not _MEETING_HELD.search(sentence):
        return None  # no meeting told: the sentence's dates are not read (most sentences)
    days = [d for d in find_dates(sentence, doc_date) if len(d[2]) == 10]
    after = [d for d in days if 0 <= d[0] - at.end() <= 8] if at else []
    if at is None or not after:
        at = next((m for m in _MEETING_HELD.finditer(sentence) if any(d[0] == m.end() for d in days)), None)
        after = [d for d in days if at is not None and d[0] == at.end()]
    return (after[0][2], after[0][3], at.start()) if at is not None and after else None


_DECISION_DATED = re.compile(
    r"^\W*(?:its|their|his|her|the|this|that|zijn|haar|hun|het|de|dit|dat|die|deze)\s+"
    r"(?:decision\s+letter|decision|besluitbrief|besluit|beslissing|brief\s+met\s+het\s+besluit)\s*,?\s*"
    r"(?:is\s+|was\s+)?(?:dated|gedateerd|van|of|d\.d\.)\s+",
    re.I,
)
"""A sentence that opens by dating the decision told just before ("Its decision letter, dated 8 September, …", "Het
besluit van 3 maart …"): that decision's day."""


_SIGNED = re.compile(
    r"\b(?:zet(?:te|ten)?|put|puts|set|sets)\s+(?:[\w-]+\s+){0,8}?(?:hun|zijn|haar|their|its|his|her)\s+"
    r"(?:handtekening(?:en)?|signatures?)\b|"
    r"\b(?:ondertekend|getekend|signed)\b",
    re.I,
)
"""A sentence that tells when an agreement the sentence before states was signed ("Rector X en directeur Y zetten hun
handtekening op 8 februari", "De bestuurders zetten maandag in het stadhuis hun handtekening onder het document"):
the agreement's day."""
_CLAUSE_LATER = re.compile(rf"(?<=\s){_N_MONTHS}\s+later\b", re.I)
"""A later clause's time, months after the date of a clause before it in the same sentence ("…; het College van
Bestuur nam het besluit een maand later")."""


_DAYS_LATER = re.compile(
    rf"^\W*(?:{_N}\s+(?:(?P<days>dag|dagen|days?)|weken|weeks?)|(?P<fortnight>a\s+fortnight))\s+later\b", re.I
)
"""A sentence that opens by placing its decision days or weeks after the one before ("Een week later heeft het college
de regeling vastgesteld", "Ten days later the board decided …", "A fortnight later, …")."""


def _days_on(day: str, days: int) -> str:
    """The day ``days`` after ``day`` (before it when negative), both as YYYY-MM-DD."""
    return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()


def _day_or_week_on(day: str, side: int, week: bool) -> str:
    """The day after ``day`` (``side`` 1) or before it (-1); with ``week``, the month of the day a week on or before
    ("the following week", "the week before …": a week is told no finer than its month)."""
    moved = _days_on(day, side * (7 if week else 1))
    return moved[:7] if week else moved


_FOLLOWING = re.compile(
    r"\b(?:the\s+(?:following|next)\s+(?P<unit>day|week)|(?:de|in\s+de)\s+(?P<unit_nl>dag|week)\s+(?:daarop|daarna|erna)|"
    r"de\s+volgende\s+(?P<day_nl>dag))\b",
    re.I,
)
"""A time the day or week after the one the text told of before ("The Supervisory Board approved the budget the
following week", "de dag erna")."""


_NEXT_YEAR = re.compile(
    r"^\W*(?P<said>(?:the\s+(?:following|next)\s+year|a\s+year\s+later|het\s+jaar\s+(?:daarop|daarna|erna)|"
    r"een\s+jaar\s+later))\b",
    re.I,
)
"""A sentence that opens with the year after the one the text told of ("The following year the Board decided …", "Een
jaar later stemde de raad in …"); not such a phrase later on, which may tell when what was decided takes effect."""


def _following(sentence: str, dated: list[str], told: str | None) -> tuple[str, str] | None:
    """``(date, wording)`` of a decision ``sentence`` places the day or week after a day told before
    (:data:`_FOLLOWING`): the last dated decision's day (``dated``), else the day the sentence before told of
    (``told``); the next day, or the month of the day a week on; or, when it opens with the year after
    (:data:`_NEXT_YEAR`), the year after the last dated decision's or the told time's; None otherwise."""
    year = _NEXT_YEAR.match(sentence)
    if year:  # "The following year the board decided …": the year after the one told last
        base = next((d for d in (dated[-1] if dated else None, told) if d), None)
        return (str(int(base[:4]) + 1), year.group("said")) if base else None
    m = _FOLLOWING.search(sentence)
    base = next((d for d in (dated[-1] if dated else None, told) if d and len(d) == 10), None)
    if not m or base is None:
        return None
    week = (m.group("unit") or m.group("unit_nl") or "").lower() == "week"
    return _day_or_week_on(base, 1, week), m.group(0)


def _next_to(sentence: str, doc_date: str | None) -> tuple[str, str] | None:
    """``(date, wording)`` of a time ``sentence`` tells as the day or week before or after a day it names later
    (:data:`_NEXT_TO`): that day ± one, or the month of that day ± seven; None otherwise."""
    m = _NEXT_TO.search(sentence)
    later = [d for d in find_dates(sentence, doc_date) if len(d[2]) == 10 and d[0] > m.end()] if m else []
    if not later:
        return None
    week = m.group("unit").lower() == "week"
    before = m.group("side").lower() in ("before", "voor", "voordat")
    return _day_or_week_on(later[0][2], -1 if before else 1, week), m.group(0)


def _months_later(sentence: str, earlier: list[str], dated: list[str], told: str | None) -> tuple[str, str] | None:
    """``(date, wording)`` of a decision its sentence places months after another: after a dated clause before it in
    the same sentence (``earlier``, :data:`_CLAUSE_LATER`), else after the time the sentence before told of (``told``)
    or the last dated decision (``dated``) when the sentence opens with it (:data:`_MONTHS_LATER`), as a month; or
    days or weeks after the day of the last dated decision, or of the day ``told`` when none is dated
    (:data:`_DAYS_LATER`), as a day; None otherwise."""
    days = _DAYS_LATER.match(sentence)
    day = dated[-1] if dated else told  # the day decided last, else the day told last
    if days and day and re.fullmatch(r"\d{4}-\d\d-\d\d", day):  # "Een week later heeft het college …"; "The
        n = 2 if days["fortnight"] else _count(days["n"])  # council debated it on 5 February. Two weeks later …"
        return _days_on(day, n if days["days"] else 7 * n), days.group(0).strip()
    if earlier and (later := _CLAUSE_LATER.search(sentence)):
        base = earlier[-1]  # "… stemde de raad op 16 mei in; het college nam het besluit een maand later"
    elif (dated or told) and (later := _MONTHS_LATER.search(sentence)):
        base = told or dated[-1]  # "Two months later the Board decided …"; "In maart legde het bestuur … voor."
    else:
        return None
    moved = _months_on(str(base), later)
    return (moved, later.group(0)) if moved else None


_SAME_TIME = re.compile(
    r"\b(?:(?:that|the\s+same)\s+(?:day|evening|afternoon|morning|night|decision|(?P<meeting>meeting|session))|"
    r"(?:die|diezelfde|dezelfde|deze)\s+(?:dag|avond|middag|ochtend|nacht|"
    r"(?P<meeting_nl>vergadering|zitting|bijeenkomst))|(?:hetzelfde|datzelfde)\s+besluit|"
    r"^\W*(?:at\s+the\s+same\s+time|tegelijkertijd|tegelijk|simultaneously)\b)\b",
    re.I,
)
"""A time the sentence takes from the one before ("Earlier that day", "in the same meeting", "in dezelfde
vergadering", "That night", "In the same decision", an opening "At the same time" or "Tegelijkertijd"): an undated
decision in it takes the date of the last dated decision before it, else the time the sentence before told of ("The
meeting I remember was the one in October. That night the council consented …")."""
_MET = re.compile(
    r"\b(?:met\s+(?:on|in|at|last|yesterday|this|that|for)|meets|convened|vergaderde|vergaderden|vergadert|"
    r"kwam(?:en)?\s+(?:\w+\s+)?bijeen)\b",
    re.I,
)
"""A body meeting ("The council met on 16 April", "De raad vergaderde op 3 maart"): "that meeting" after it is that
one."""
_THAT_MONTH = re.compile(
    r"\b(?:(?:that|the\s+same|that\s+same)\s+month|(?:die|diezelfde|dezelfde|datzelfde)\s+maand)\b", re.I
)
"""A month the sentence takes from the one before ("Later die maand keurde de Raad van Toezicht …", "Ortheim's Senate
gave its approval earlier that month"): the month of the last dated decision before it."""


_OWN_TIME = re.compile(
    r"\b(?:later|earlier|eerder|afterwards|daarna|nadien|daarvoor|following|volgende?|next|vorige?|last|previous|"
    r"previously|since|sinds|toen|then|eventually|uiteindelijk|inmiddels|meanwhile|now|nu)\b",
    re.I,
)
"""A time a sentence tells of in words, not as a date ("the following year", "later", "inmiddels"): it does not share
the time of the sentence before."""


def _last_month(earlier: list[Decision]) -> str | None:
    """The month ("2023-12") of the last of ``earlier`` dated to a month or a day, for "later die maand"."""
    return next((str(d.date)[:7] for d in reversed(earlier) if len(d.date or "") >= 7), None)


_THAT_YEAR = re.compile(r"\b(?:that|the\s+same)\s+year\b|\b(?:dat|datzelfde|hetzelfde|dat\s+zelfde)\s+jaar\b", re.I)
"""A year the sentence takes from the one before ("Reorganisations are bound by an arrangement from 2021. In that
year, the board and the council agreed …")."""


def _acting_with(sentence: str, bodies: list[tuple[int, int, str]], body: str) -> list[str]:
    """The bodies named just before ``body`` and joined to it by "en"/"and" ("De Studentenraad en de Ondernemingsraad
    stemmen in met het plan"): they took the same decision."""
    names = [b for b in bodies if b[2] != body]
    at = next((b for b in bodies if b[2] == body), None)
    if at is None:
        return []
    return [
        b[2]
        for b in names
        if b[1] <= at[0] and re.fullmatch(r"\s+(?:en|and|&)\s+(?:de\s+|het\s+|the\s+)?", sentence[b[1] : at[0]], re.I)
    ]


@dataclass
class Thread:
    """Where a thread of letters stands at the end of a chunk, for the next chunk to read on from: the day its current
    letter is dated by (its "**Date:**" header, None before the first) and the meeting that letter told a body held
    (``(date, wording, body)``, see :func:`_held_meeting`)."""

    day: str | None = None
    met: tuple[str, str, str] | None = None


def extract_decisions(
    text: str,
    doc_id: str,
    chunk_id: str,
    page: int | None = None,
    doc_date: str | None = None,
    institution: str | None = None,
    known: list[tuple[re.Pattern, str]] | None = None,
    sender: str | None = None,
    itself: str | None = None,
    thread: Thread | None = None,
) -> list[Decision]:
    """Every decision stated in ``text`` (one chunk), with its source (dated by its sentence, or undated).
    ``institution``: the document's own, which may itself decide (see :func:`extract_sentence`); ``known``: the
    people the document introduced by their office (:func:`people`), who act as their body when named alone;
    ``sender``: the writer a letter's header above the chunk names (:data:`_FROM_LINE`), who says "wij" / "we";
    ``itself``: the body whose own report the document is, which its bare kind names ("the Board" in the Supervisory
    Board's report, also after a sentence about the Executive Board); ``thread``: where a thread of letters stood at
    the end of the chunk before (its letter's day and meeting), updated to where it stands at the end of this one."""
    records: list[Decision] = []
    previous = ""  # what the previous sentence was about, for "Dat is … goedgekeurd"
    context: str | None = None  # the body the previous sentence of the paragraph names first
    sentences = _paragraph_sentences(text)
    signed = _we(sender) if sender else []  # the writer the last "Van:" line names
    thread = thread if thread is not None else Thread()  # a letter's header and meeting in the chunk before
    reading = thread.day or doc_date  # the day a letter of a thread is dated by its own header ("**Date:** 15 …")
    told_before: str | None = None  # the month the sentence before tells of, when it dates no decision
    met = thread.met  # the meeting a body of the letter held ("at its meeting yesterday")
    asked: list[Decision] = []  # the decisions the paragraph before told of, when this one answers it (an interview)
    paragraph: list[Decision] = []  # the decisions of this paragraph so far
    question = False  # this paragraph so far ends with a question mark
    for i, (sentence, new_paragraph) in enumerate(sentences):
        if new_paragraph:  # the paragraph before a question's answer or before a quoted answer ("In the spring the
            context = None  # council said no to something big." "Yes, in the spring we voted down …"): the
            quoted = sentence.lstrip(" *_").startswith(('"', "“"))  # interviewer's line
            asked, paragraph = (paragraph if question or quoted else []), []
        question = sentence.rstrip(" *_\"”'’").endswith("?")
        if (letter_day := _LETTER_DAY.match(sentence)) and (days := _day_dates(letter_day.group(1), doc_date)):
            reading, met = days[0][1], None
            thread.day = reading
            continue
        if _FROM_LINE.match(sentence):  # the next letter of a thread: its own meetings
            met = None
        if len(sentence) > 600 or sentence.lower().startswith(("url:", "title:", "date:")):
            continue
        writer = _sender(sentence)  # "**Van:** het College van Bestuur": the letter below says "wij"
        signed = _we(writer) if writer else signed
        people = signed + (known or [])  # who "wij", "ik" and the people the document introduced are
        named = _with_people(sentence, find_bodies(sentence, institution), people)
        found_here = extract_sentence(sentence, reading, institution, context, named)
        if not found_here and context is None and itself and _PASSIVE_AUX.search(sentence):  # "Met de wijziging
            found_here = extract_sentence(sentence, reading, institution, itself, named)  # werd ingestemd" in the
            # council's own report: the council's
        last = records[-1] if records else None
        both = _BOTH_PARTIES.search(sentence) if last and last.act == "agree" and last.parties else None
        if both and not found_here and i and last.sentence == sentences[i - 1][0]:  # "In 2018 sloten de OR en het
            # college een convenant … Op 23 juni hebben beide partijen besloten het te verlengen": their agreement
            found_here = extract_sentence(sentence, reading, institution, None, [(*both.span(), last.body)])
            for found in found_here:
                found["act"], found["parties"] = "agree", last.parties
        if not found_here and (held := _held_meeting(sentence, reading)):  # "The Board discussed … in its meeting of
            holders = [b for b in named if not _possessor(sentence, b)]  # 12 November": the meeting of its undated
            before = [b for b in holders if b[0] < held[2]]  # decisions after it (not "the Council's position")
            beside = [b for b in named if 0 <= held[2] - b[1] <= 1]  # "outcomes of the Faculty Board meeting held
            before = beside or before  # yesterday": the body that names the meeting held it, owner or not
            holder = before[-1] if before else (holders[0] if holders else None)
            if holder is None and (ours := _HELD_AT.search(sentence)) and ours.group("our"):  # "in onze
                # collegevergadering van 14 januari": the meeting of the board that writes "wij"
                writer = next((body for pattern, body in people if pattern is _FIRST_PERSON_PLURAL), None)
                holder = (0, 0, writer) if writer else None
            met = (held[0], held[1], holder[2]) if holder else met
        following = sentences[i + 1][0] if i + 1 < len(sentences) and not sentences[i + 1][1] else ""
        split = None if found_here else _split_assessment(sentence, following, doc_date)
        if split:
            found_here, sentence = [split], f"{sentence} {following}"
            named = find_bodies(sentence, institution)
        same_time = _SAME_TIME.search(sentence)
        said_before = sentences[i - 1][0] if i else ""  # the sentence before, for "In that year"
        dated = [r for r in records if r.date]
        for found in found_here:
            if not found["subject"] or found["subject"].lower() in PRONOUNS:
                found["subject"] = previous
            bare = found["body"].lower() in KIND_WORDS
            if itself and bare and _stands_for(found["body"], itself):
                found["body"] = itself  # "In April the Board gave its approval" in the Supervisory Board's report
            elif context and _stands_for(found["body"], context) and context != found["body"]:
                found["body"] = context  # "De Universiteitsraad vergaderde … Ook stelde de raad …": that council
            meeting = same_time.group("meeting") or same_time.group("meeting_nl") if same_time else None
            if found["date"] is None and (after := _following(sentence, [str(r.date) for r in dated], told_before)):
                found["date"], found["date_text"], found["date_basis"] = *after, "sentence"  # "… the following week"
            elif found["date"] is None and met and _stands_for(found["body"], met[2]):  # "The
                # Council agreed to …", "At that same meeting the Board chose …", not another body's decision
                found["date"], found["date_text"], found["date_basis"] = met[0], met[1], "meeting"
                if meeting and found["body"].lower() in KIND_WORDS:  # "at the same meeting the Board adopted …"
                    found["body"] = met[2]  # after "the Faculty Board meeting held yesterday": that board
            elif found["date"] is None and meeting and told_before and _MET.search(said_before):  # "The council met
                found["date"], found["date_text"] = told_before, same_time.group(0)  # on 16 April. At that meeting it
                found["date_basis"] = "meeting"  # withheld its consent …": the meeting the sentence before told of
            elif found["date"] is None and same_time and dated:  # "Earlier that day", "in dezelfde vergadering"
                # the same meeting is the body's own ("… adopted on 12 November, after the council had consented on
                # 29 October. At the same meeting, the Board decided …": the Board's)
                own = [r for r in dated if _stands_for(found["body"], r.body)] if meeting else []
                pool = own or dated
                that = next((r for r in reversed(pool) if len(r.date or "") == 10), pool[-1])  # a day, if any
                found["date"], found["date_text"] = that.date, that.date_text
                if own and found["body"].lower() in KIND_WORDS:  # "In the same meeting, the board decided …": the
                    found["body"] = that.body  # board whose decision at that meeting the text told just before
                found["date_basis"] = "meeting" if meeting else "sentence"
            elif found["date"] is None and same_time and not meeting and told_before:  # "… was the one in
                found["date"], found["date_text"] = told_before, same_time.group(0)  # October. That night the
                found["date_basis"] = "sentence"  # council consented …" (not a meeting: the one the document records)
            elif found["date"] is None and (beside := _next_to(sentence, reading)):  # "the week before the board
                found["date"], found["date_text"], found["date_basis"] = *beside, "sentence"  # approved it on 30 Nov"
            elif found["date"] is None and (month := _THAT_MONTH.search(sentence)) and (told := _last_month(dated)):
                found["date"], found["date_text"], found["date_basis"] = told, month.group(0), "sentence"  # "Later
                # die maand …"
            elif (
                found["date"] is None
                and (year := _THAT_YEAR.search(sentence))
                and (told := _A_YEAR.findall(said_before))
            ):  # "… an arrangement from 2021. In that year, …"
                found["date"], found["date_text"], found["date_basis"] = told[-1], year.group(0), "sentence"
            elif found["date"] is None and (
                moved := _months_later(
                    sentence, [f["date"] for f in found_here if f["date"]], [str(r.date) for r in dated], told_before
                )
            ):  # "Two months later …", "… nam het besluit een maand later"
                found["date"], found["date_text"], found["date_basis"] = moved[0], moved[1], "sentence"
            before = paragraph[-1] if paragraph and i and not new_paragraph else None
            if (
                found["date"] is None
                and found["act"] != "agree"  # "Afgesproken is dat …" after an agreement tells what it holds
                and before is not None
                and before.date
                and before.sentence == sentences[i - 1][0]
                and _stands_for(found["body"], before.body)
                and not find_dates(sentence, reading)
                and not _OWN_TIME.search(sentence)
            ):  # "In de vergadering van 5 maart heeft de raad ingestemd met A. Met B stemde de raad niet in": then
                found["date"], found["date_text"], found["date_basis"] = (
                    before.date,
                    before.date_text,
                    before.date_basis,
                )
            restated = next((q for q in asked if _answers_question(q, found)), None)
            if restated is not None:  # "**Last week the council agreed to the budget. Was it difficult?**" "In the
                if restated.date is None and found["date"]:  # end we consented, but …": the decision asked about
                    restated.date, restated.date_text = found["date"], found["date_text"]
                    restated.date_basis = "sentence"
                continue
            records.append(Decision(**found, doc_id=doc_id, chunk_id=chunk_id, page=page, sentence=sentence))
            paragraph.append(records[-1])
            for other in _acting_with(sentence, named, found["body"]) if found["act"] != "agree" else []:
                records.append(
                    Decision(
                        **(found | {"body": other}), doc_id=doc_id, chunk_id=chunk_id, page=page, sentence=sentence
                    )
                )
        last = records[-1] if records else None
        follows = not found_here and last is not None and last.sentence == sentences[i - 1][0]  # tells of the last
        if follows and last.date is None:
            letter = _DECISION_DATED.search(sentence)  # "The NVAO has assessed the programme positively. Its decision
            days = [d for d in find_dates(sentence[letter.end() :], reading) if d[0] == 0] if letter else []
            if days and len(days[0][2]) == 10:  # letter, dated 8 September, …": the decision's day
                last.date, last.date_text, last.date_basis = days[0][2], days[0][3], "sentence"
        if follows and last.act == "agree":
            signing = _SIGNED.search(sentence)
            signed_on = [  # a day; a month too for an agreement its sentence did not date ("werd begin februari
                d  # ondertekend")
                for d in (find_dates(sentence, reading) if signing else [])
                if len(d[2]) == 10 or (len(d[2]) == 7 and last.date is None)
            ]
            if signed_on and (last.date is None or signed_on[0][2].startswith(last.date)):  # "A en B hebben een akkoord
                # ondertekend. De rector en de directeur zetten hun handtekening op 8 februari.": its day
                last.date, last.date_text, last.date_basis = signed_on[0][2], signed_on[0][3], "sentence"
        times = [d[2] for d in find_dates(sentence, reading) if len(d[2]) >= 7]
        told_before = None if any(f["date"] for f in found_here) else (times[-1] if times else None)
        if found_here:
            previous = found_here[-1]["subject"] or previous
        else:
            last_phrase = _LAST_NOUN_PHRASE.search(sentence, sentence.find(" ") + 1)  # not the sentence's subject
            previous = last_phrase.group(0) if last_phrase else ""
        if named:  # a bare kind after its body was named ("de raad" after "De Universiteitsraad …") is that body
            context = _resolve_bare(named[0][2], [context], None) if context else named[0][2]
    thread.met = met if thread.day else None  # a letter's meeting dates what the letter goes on to tell
    return records


def _answers_question(asked: Decision, found: dict) -> bool:
    """The decision ``found`` in an answer is the one ``asked`` of the question before it: the same body, act and
    negation, and no other date."""
    same_act = council_act(asked.act, asked.body) == council_act(found["act"], found["body"])
    dates = asked.date is None or found["date"] is None or asked.date == found["date"]
    body = found["body"]  # "the council" / "we" of the council's chair asked about "the University Council"
    same_body = _stands_for(body, asked.body) or _stands_for(asked.body, body)  # either may be the other's bare kind
    return same_body and same_act and asked.negated == found["negated"] and dates


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
    ``date_basis``. A record matches a gold row of the same document (file name), body (canonical), act (a council's
    approval read as its consent, :func:`council_act`) and negation when their dates agree: the same date, or both
    undated; each gold row and each distinct record (one per sentence: overlapping chunks repeat it) is used once.
    Besides the totals: *dated recall* (gold rows with a date found with that date) and recall per gold
    ``date_basis``, precision per record ``date_basis``.
    """

    def group(doc: str, body: str, act: str, negated: bool) -> tuple:
        # a council's approval is its consent, its rejection withheld consent, on both sides, as extraction records
        # them (:func:`council_act`); a body outside the canonical list matches as written, in any case, without its
        # article
        canonical = canonical_body(body) or body
        if canonical not in BODIES:
            canonical = re.sub(r"^(?:de|het|the)\s+", "", canonical.lower())
            canonical = re.sub(r"^raad van de gemeente\b", "gemeenteraad van", canonical)  # one body, two names
        if act == "reject" and consenting(canonical):
            act, negated = "consent", True
        return (doc.rsplit("/", 1)[-1], canonical, council_act(act, canonical), bool(negated))

    def same(a: tuple, b: tuple) -> bool:  # another body may be written more fully on one side ("de examencommissie
        # van de Faculteit der Rechtsgeleerdheid"): one name the start of the other
        if a == b:
            return True
        (doc_a, body_a, *rest_a), (doc_b, body_b, *rest_b) = a, b
        longer, shorter = sorted((body_a, body_b), key=len, reverse=True)
        outside = body_a not in BODIES and body_b not in BODIES
        return (doc_a, rest_a) == (doc_b, rest_b) and outside and longer.startswith(shorter + " ")

    kept: list[tuple[tuple, str, Decision]] = []
    seen: dict[tuple, int] = {}  # records of one chunk with the same key: several things decided in one sentence
    for r in records:  # overlapping chunks state a sentence twice (or cut it short): one record per decision
        key = (*group(r.doc_id, r.body, r.act, r.negated), r.date)
        nth = seen[(*key, r.chunk_id, r.sentence)] = seen.get((*key, r.chunk_id, r.sentence), -1) + 1
        if not any(k == (*key, nth) and _same_line(sentence, r.sentence) for k, sentence, _ in kept):
            kept.append(((*key, nth), r.sentence, r))
    distinct = {i: r for i, (_, _, r) in enumerate(kept)}
    free = list(distinct.values())
    matched: list[tuple[dict, Decision]] = []
    missed: list[dict] = []
    for g in gold:
        wanted = group(g["doc"], g["body"], g["act"], g.get("negated", False))
        found = next(
            (r for r in free if same(group(r.doc_id, r.body, r.act, r.negated), wanted) and r.date == g.get("date")),
            None,
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
