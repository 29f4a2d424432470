"""Choosing: the sentences that answer, or none (abstain).

The best-scored sentence, completed with the list it announces (or the sentence after it, when it only restates the
question), a list or runners-up that add question words or the asked-for fact, and the sentence before any sentence
that opens with a referring word; never one fact twice.
The answer abstains when the best sentence is weak: its passage misses what the question pins down, or it shares
too little with the question in words and in meaning.
"""

from __future__ import annotations

import math
import re
from itertools import takewhile

from planwijzer.assistant import answer_weights, lexicon, patterns
from planwijzer.assistant.candidates import (
    HARD_CONSTRAINTS,
    Candidate,
    fact_match,
    in_other_language,
    missing_constraints,
)
from planwijzer.assistant.decision_evidence import question_acts
from planwijzer.assistant.dedup import near_duplicate
from planwijzer.assistant.question import Question, wants_list
from planwijzer.assistant.retrieval import Hit, Index
from planwijzer.ingest.decisions import BODIES, KIND_WORDS, canonical_body, extract_sentence, find_bodies
from planwijzer.ingest.tokens import contains_word, content_words, text_stems, word_stems

FACT_KINDS = frozenset({"date", "amount", "money", "time", "frequency"})
"""The kinds of question whose answer must hold the asked-for fact (a best sentence without one is weak); a sentence
of the best one's document that holds it joins the answer (for "who" too, whose name may come in other words)."""


def compose(question: Question, cands: list[Candidate], max_chars: int) -> list[Candidate]:
    """The sentences to answer with, within ``max_chars``.

    The best sentence; when it announces a list ("acht ambities", "…onder andere:") that it does not
    itself contain, the sentences that follow it in its passage, and when it only restates the question
    (:func:`restates`) or gives no reason for a *why* question (``WHY_CONTEXT``), the one sentence that follows
    it; then up to two more sentences that
    score nearly as well (from another document: very nearly, from a top passage, and adding words the best
    sentence's passage lacks) and add question words, the asked-for kind of fact, or an enumeration.
    """
    if not cands:
        return []
    best = cands[0]
    plural = wants_list(question.text)
    runners_up = cands[1 : 1 + answer_weights.RUNNERS_UP]
    lists = [
        c
        for c in runners_up
        if patterns.has_enumeration(c.text)
        and c.score >= answer_weights.LIST_SHARE * best.score
        and (_same_doc(c, best) or c.hit_rank < answer_weights.OTHER_DOC_TOP)
    ]
    wanted = patterns.asked_count(question.text)
    if wanted and lists:
        # "welke zes thema's": prefer the list with about six items
        lists.sort(key=lambda c: abs(patterns.enumeration_size(c.text) - wanted))
    listing = lists[0] if lists else None
    chosen: list[Candidate] = [best]
    length = len(best.text)
    # a list question whose best sentence's next sentence lists things ("Het gaat om de instroom, de doorstroom, …");
    # when the best sentence counts them ("… in zes thema's."), it announces all that follows ("Dat zijn: • …")
    lists_next = plural and bool(best.following) and patterns.has_enumeration(best.following[0])
    counts_next = lists_next and bool(patterns.count_words(best.text))
    announced = (
        bool(patterns.count_words(best.text) & patterns.count_words(question.text))
        or lexicon.opens_list(best.text)
        or counts_next
    )
    if listing is None and patterns.has_enumeration(best.text) and lexicon.BULLETS_AFTER_COLON.search(best.text):
        # a bulleted list it has begun goes on in the items after it ("4 themes: - A. - B." then "- C.", "- D.")
        follow = list(takewhile(lexicon.is_list_item, best.following))
    elif announced:  # the list it announces, unless it holds it or another list joins
        follow = best.following if not patterns.has_enumeration(best.text) and listing is None else []
    elif lists_next and listing is None:  # it names the things ("nieuwe afspraken gemaakt"), the next one lists them
        follow = best.following[:1] if not patterns.has_enumeration(best.text) else []
    elif answer_weights.RESTATES_NEW_WORDS >= 0 and restates(question, best):
        # a topic sentence that only restates the question ("Dat is een wezenlijk andere opzet dan …"): its
        # content is in the sentence that follows
        follow = best.following[:1]
    else:
        follow = []
    why = question.kind == "why" and answer_weights.WHY_CONTEXT and not lexicon.has_reason(best.text)
    if not follow and why and best.following and not lexicon.is_non_answer(best.following[0]):
        follow = best.following[:1]  # the reason of what the best sentence claims follows it
    if not follow and not plural and spans_on(question, best):
        follow = best.following[:1]  # an open question's answer goes on in the sentence after it
    rest = continuation(best) if not follow else []
    room = list_room(question, max_chars)  # a list's items and a cut-off sentence's rest; runners-up get max_chars
    added, length = texts_after(best, follow or rest, chosen, length, room, cut_off=bool(rest))
    chosen += added
    covered = set(best.matched)
    in_best_passage = passage_words(question, best)
    own_words = set(content_words(question.text))
    if plural and listing is not None and not patterns.has_enumeration(best.text):
        if length + len(listing.text) + 6 <= max_chars:
            chosen.append(listing)
            covered |= listing.matched
            length += len(listing.text) + 6
    for cand in runners_up:
        same_doc = _same_doc(cand, best)
        share = answer_weights.SAME_DOC_SHARE if same_doc else answer_weights.OTHER_DOC_SHARE
        if cand.score < share * best.score or any(near_duplicate(cand.text, c.text) for c in chosen):
            continue
        if not same_doc and cand.hit_rank >= answer_weights.OTHER_DOC_TOP:
            continue  # another document's sentence joins only from a top passage: retrieval agrees on it
        # a sentence of the best one's document that scores nearly as well says more on what is asked, in other words;
        # another document is cited only for words of the question itself (a follow-up's earlier question found the
        # topic; it is not what is asked now) that the best sentence's whole passage lacks: words its passage, title
        # or heading has, or the "december 2021" that its document's date satisfies, add nothing
        adds = same_doc or bool((cand.matched & own_words) - covered - in_best_passage)
        if not adds or length + len(cand.text) + 6 > max_chars:
            continue
        chosen.append(cand)
        covered |= cand.matched
        length += len(cand.text) + 6
        if len(chosen) >= answer_weights.MAX_SENTENCES:
            break
    if plural:
        chosen = with_list_items(chosen, room)
    return with_antecedents(chosen, max_chars)


def with_list_items(chosen: list[Candidate], room: int) -> list[Candidate]:
    """``chosen`` with the items that follow each later sentence that opens a list ("NVAO uses the following 2
    criteria for their assessment: 1."), as far as they fit in ``room``: a list question's answer that has the
    sentence announcing the list has its items too."""
    out: list[Candidate] = [chosen[0]]
    length = sum(len(c.text) + 6 for c in chosen)
    for cand in chosen[1:]:
        out.append(cand)
        if lexicon.opens_list(cand.text):
            have = {c.text for c in [*chosen, *out]}  # the list ends where a chosen sentence comes again
            items = list(takewhile(lambda text: text not in have, cand.following))  # noqa: B023
            added, length = texts_after(cand, items, [*chosen, *out], length, room)
            out += added
    return out


def texts_after(
    cand: Candidate, texts: list[str], chosen: list[Candidate], length: int, room: int, cut_off: bool = False
) -> tuple[list[Candidate], int]:
    """``texts`` (the items of the list ``cand`` announces, or with ``cut_off`` the rest of its cut-off sentence) as
    sentences of its passage, as far as they fit in ``room`` beside the ``length`` already chosen, and the new length.
    A list ends at a heading or a passage's cut-off start of a sentence (a short list item is in); an item a chosen
    sentence already holds is skipped (the next passage starts with items it already has: passages overlap)."""
    added: list[Candidate] = []
    for text in texts:
        if length + len(text) + 1 > room:
            break
        if not cut_off and lexicon.is_non_answer(text) and not lexicon.is_list_item(text):
            break
        if any(text.strip().lower() in c.text.lower() for c in [*chosen, *added]):
            continue
        added.append(Candidate(text, cand.hit, cand.hit_rank, cand.score, 0.0, frozenset(), cross=cand.cross))
        length += len(text) + 1
    return added, length


def on_topic_first(question: Question, cands: list[Candidate]) -> list[Candidate]:
    """``cands`` with the first runner-up that answers (is not weak) before a best sentence that is a near miss
    (:func:`is_near_miss`: it shares only the question's names), when it scores at least ``ON_TOPIC_SHARE`` of it:
    "Duinstad University kiest ervoor om …" names the university, "Faculteiten mogen geheel zelf bepalen waaraan ze dit
    geld besteden." says what was asked."""
    if not cands or not is_near_miss(question, cands[0]):
        return cands
    bar = answer_weights.ON_TOPIC_SHARE * cands[0].score
    for cand in cands[1 : 1 + answer_weights.RUNNERS_UP]:
        if cand.score >= bar and not is_weak(question, cand):
            return [cand, *(c for c in cands if c is not cand)]
    return cands


def list_room(question: Question, max_chars: int) -> int:
    """The room for an answer: ``max_chars``, or ``LIST_ROOM`` times that for a question that asks for several things
    (a list is answered whole)."""
    return int(max_chars * answer_weights.LIST_ROOM) if wants_list(question.text) else max_chars


def spans_on(question: Question, best: Candidate) -> bool:
    """Whether an open question's best sentence brings the sentence after it in its paragraph (``OPEN_SPAN``): a
    definition or an explanation goes on there ("The 'Leiden' model is typified by … A great effort is always made to
    reach a consensus."); with ``OPEN_SPAN`` 2 only when that sentence shares a content word with the question or the
    best sentence (by stem: "the council's opinion" after "the council")."""
    mode = answer_weights.OPEN_SPAN
    if not mode or question.kind != "what" or not best.next_joined or not best.following:
        return False
    after = best.following[0]
    if lexicon.is_non_answer(after) or lexicon.is_list_item(after):
        return False
    if mode == 1:
        return True
    return bool(text_stems(after) & (text_stems(question.text) | text_stems(best.text)))


def continuation(best: Candidate) -> list[str]:
    """The rest of a sentence cut off where its passage ends ("…, ICT & Onderwijs, de Leiden"): the texts after it,
    up to and including the first that ends as a sentence does; none when ``best`` ends so itself."""
    rest, last = [], best.text
    for text in best.following:
        if not lexicon.is_cut_off(last) or not lexicon.continues(text):
            break
        rest.append(text)
        last = text
    return rest


def _same_doc(cand: Candidate, best: Candidate) -> bool:
    return cand.hit.meta.get("doc_id") == best.hit.meta.get("doc_id")


def passage_words(question: Question, best: Candidate) -> set[str]:
    """The question words (as :attr:`Candidate.matched` names them) that ``best``'s passage has as a whole: in its
    text, title or heading, or as a year or month the passage satisfies (it misses none of the question's)."""
    meta = best.hit.meta
    stems = text_stems(" ".join([best.hit.text, *(str(meta.get(k) or "") for k in ("title", "heading"))]))
    missed = {c.token for c in best.missing}
    pinned = {c.token for c in question.constraints if c.kind in HARD_CONSTRAINTS} - missed
    words = set()
    for word in content_words(question.text):
        months = {str(m) for m in patterns.months_in(word)}
        if contains_word(stems, word_stems(word)) or word in pinned or months & pinned:
            words.add(word)
    return words


def restates(question: Question, best: Candidate) -> bool:
    """``best`` adds at most ``RESTATES_NEW_WORDS`` content words to the question's own: it restates what was
    asked rather than answering it."""
    asked = text_stems(question.text)
    new = [w for w in content_words(best.text) if not contains_word(asked, word_stems(w))]
    return len(new) <= answer_weights.RESTATES_NEW_WORDS


def with_antecedents(chosen: list[Candidate], max_chars: int) -> list[Candidate]:
    """``chosen`` with the sentence before each sentence that opens with a referring word ("Zij werd in 2019
    benoemd." needs the sentence that names her), unless it is already there, is a question, a heading or another
    non-answer, or does not fit."""
    out: list[Candidate] = []
    length = sum(len(c.text) + 6 for c in chosen)
    texts = {c.text for c in chosen}
    for cand in chosen:
        before = cand.preceding
        if (
            before
            and before not in texts
            and (lexicon.starts_with_reference(cand.text) or lexicon.refers_back_causally(cand.text))
            and not lexicon.is_non_answer(before)  # a heading or question above it is no antecedent to quote
            and not before.lstrip()[:1].islower()  # nor the cut-off end of a sentence
            and length + len(before) + 1 <= max_chars
        ):
            out.append(Candidate(before, cand.hit, cand.hit_rank, cand.score, 0.0, frozenset(), cross=cand.cross))
            texts.add(before)
            length += len(before) + 1
        out.append(cand)
    return out


def fit(chosen: list[Candidate], max_chars: int) -> list[Candidate]:
    """The leading sentences of ``chosen`` that fit in ``max_chars`` with their markers (at least one)."""
    kept, length = [], 0
    for cand in chosen:
        if kept and length + len(cand.text) + 6 > max_chars:
            break
        kept.append(cand)
        length += len(cand.text) + 6
    return kept


def is_near_miss(question: Question, best: Candidate) -> bool:
    """``best`` (in the question's language) shares only what the question pins (its names and years) and none of the
    two or more words of what it asks, and holds no fact of the asked-for kind: "the council discussed the budget in
    2023" for the council's election turnout in 2023."""
    pinned = {c.token.lower() for c in question.constraints}
    topic = {w for w in lexicon.asked_words(question.text) if w not in pinned and not w[:1].isdigit()}
    # (at least two such words: a question with one, "Hoe is de raad samengesteld?", may ask in a generic verb)
    if best.cross or len(topic) < 2 or not best.matched or best.matched & topic:
        return False
    # the asked-for kind of fact excuses it (a date or name may come in other words than the question's), but not a
    # bare count in a sentence that shares only the pinned names: "vier genomineerden" at the named university does not
    # say how many members its council has (one that shares a follow-up's earlier words is about that topic)
    bare_count = question.kind == "amount" and best.matched <= pinned
    return bare_count or fact_match(question.kind, best.text, question.day) == 0


_NEAR = 24
"""How many characters apart a name and a year still qualify one another ("de NSE van 2023", "the 2021 NSE survey")."""


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
"""A year on its own ("2023"; a range's years one by one)."""


def _years_beside(text: str, name: str) -> set[str]:
    """The years written within :data:`_NEAR` characters of ``name`` in ``text`` (case as written for an acronym)."""
    found: set[str] = set()
    for m in re.finditer(rf"\b{re.escape(name)}\b", text, 0 if name.isupper() else re.I):
        window = text[max(0, m.start() - _NEAR) : m.end() + _NEAR]
        found |= {y.group(0) for y in _YEAR.finditer(window)}
    return found


def other_edition(question: Question, text: str) -> bool:
    """``text`` qualifies a name the question qualifies by a year with only other years: "the 2021 NSE survey" for
    "de NSE van 2023" is another edition of it, not an answer."""
    for c in question.constraints:
        if c.kind not in {"acronym", "name"}:
            continue
        name = c.token if c.kind == "acronym" else c.token.lower()
        asked = _years_beside(question.text, name)
        there = _years_beside(text, name)
        if asked and there and not asked & there:
            return True
    return False


_YEAR_RANGE = re.compile(r"\b((?:19|20)\d\d)\s*(?:-|–|t/m|tot(?:\s+en\s+met)?|to|until|through)\s*((?:19|20)\d\d)\b")
_OPENING_YEAR = re.compile(r"^\W*(?:\w+\s+)?(?:in|per|sinds|since|vanaf|from)\s+((?:19|20)\d\d)\b", re.I)


def other_year(question: Question, text: str) -> bool:
    """``text`` opens with a year the question does not ask about and names none it does ("In 2024 krijgen de
    hogescholen 419 miljoen euro" for "Hoeveel geld ging er in 2025 naar …"): it tells of another year, a near miss.
    Not for a question that asks when (its year may name what it asks about: "Wanneer werd het plan voor 2024
    vastgesteld?")."""
    if question.kind == "date":
        return False
    asked = set(_YEAR.findall(question.text))
    opening = _OPENING_YEAR.match(text)
    if not asked or opening is None or opening.group(1) in asked:
        return False
    spans = {str(y) for a, b in _YEAR_RANGE.findall(text) for y in range(int(a), int(b) + 1)}
    return not asked & (set(_YEAR.findall(text)) | spans)


def other_body(question: Question, text: str) -> bool:
    """``text`` states a decision of another body than the one whose decision the question asks about ("Op welke
    datum stemde de Raad van Toezicht in met het plan?" and "Op 6 december stemde de Universiteitsraad in met het
    plan"), and does not name that body. Only a canonical body counts on the question's side (another is written in
    other words across languages: "the LDE board", "het LDE-bestuur"); on the sentence's side a body named by its kind
    alone ("het college en de raad") may be the asked one of that kind."""
    asked = {canonical_body(n) for _, _, n in find_bodies(question.text)} & set(BODIES)
    if not asked or not question_acts(question.text)[0]:
        return False
    named = find_bodies(text)
    kinds = {KIND_WORDS[n.lower()] for _, _, n in named if n.lower() in KIND_WORDS}
    if asked & {canonical_body(n) for _, _, n in named} or any(k in a.lower() for a in asked for k in kinds):
        return False
    return bool(extract_sentence(text, bodies=named))


def is_weak(question: Question, best: Candidate) -> bool:
    """True when the best sentence is too weak to count as an answer.

    Weak means: its passage misses a year, number or month the question names, or most of the names and
    acronyms it names; or it gives a name the question qualifies by a year only other years (:func:`other_edition`);
    or the question wants a date/amount/time/frequency (a day, for "op welke datum") and the sentence
    holds none; or it shares little with the question both in words and in meaning (for a sentence in the other
    language, whose words cannot match, a lower similarity bar); or it shares only what the question pins (its
    names and years) and none of the words of what it asks, and holds no fact of the asked-for kind (a near miss:
    "the council discussed the budget in 2023" for the council's election turnout in 2023; only for a sentence in the
    question's language: across languages words cannot match, and its meaning decides). Names and acronyms
    may be paraphrased or translated, so one missing name alone does not make the evidence weak.
    """
    hard = [c for c in best.missing if c.kind in HARD_CONSTRAINTS]
    names = [c for c in question.constraints if c.kind not in HARD_CONSTRAINTS]
    missing_names = [c for c in best.missing if c.kind not in HARD_CONSTRAINTS]
    if hard or (len(missing_names) >= 2 and len(missing_names) * 2 > len(names)):
        return True
    if missing_names and not best.cross and best.coverage < answer_weights.NAME_MISS_COVERAGE:
        return True  # a name the question pins is nowhere near, and little else of the question is said either
    if lexicon.other_side_of(question.text, best.text):
        return True
    if answer_weights.OTHER_EDITION and other_edition(question, best.text):
        return True
    if answer_weights.OTHER_BODY and other_body(question, best.text):
        return True
    if answer_weights.OTHER_YEAR and other_year(question, best.text):
        return True
    kind = question.kind
    if kind in FACT_KINDS and fact_match(kind, best.text, question.day) == 0:
        return True
    if math.isnan(best.score):
        return True
    if answer_weights.TOPIC_NEEDED and is_near_miss(question, best):
        return True
    if best.cross:
        return best.similarity < answer_weights.CROSS_WEAK_SIMILARITY and best.coverage < answer_weights.WEAK_COVERAGE
    return best.coverage < answer_weights.WEAK_COVERAGE and best.similarity < answer_weights.WEAK_SIMILARITY


_NUMBERED_ITEM = re.compile(r"(?:^|(?<=\s))(?P<n>\d{1,2})[.)]\s+(?P<item>[^\n]+?)(?=\s+\d{1,2}[.)]\s|\n|$)", re.M)
"""A numbered list's item, one per line or run together in a line ("1. An environment … 2. Activating talent …")."""
_PAGE_LEADER = re.compile(r"\s*(?:\.{3,}|…{2,})\s*\d*\s*$")
"""A table of contents' dot leader and page number after an item."""


def ordinal_item(question: Question, hits: list[Hit]) -> Candidate | None:
    """The item at the place ``question`` asks for (:func:`lexicon.asked_ordinal`) in a numbered list of one of the
    top ``ORDINAL_DEPTH`` passages whose text before it (or title or heading) names the list's noun, as the answer
    ("What is the second of the six ambitions?" → "Activating talent"); None when no such list has that place."""
    asked = lexicon.asked_ordinal(question.text)
    if asked is None:
        return None
    place, noun = asked
    stems = word_stems(noun)
    for rank, hit in enumerate(hits[: answer_weights.ORDINAL_DEPTH]):
        items = {int(m.group("n")): m for m in _NUMBERED_ITEM.finditer(hit.text)}
        if place not in items or not {place - 1, place + 1} & items.keys():
            continue  # a list, not a lone number
        named = [str(hit.meta.get(k) or "") for k in ("title", "heading")]
        before = " ".join([hit.text[: items[place].start()], *named])
        text = _PAGE_LEADER.sub("", items[place].group("item")).strip()
        if len(text) < 3 or not contains_word(text_stems(before), stems):
            continue
        cross = in_other_language(question, hit)
        return Candidate(text, hit, rank, score=1.0, coverage=1.0, similarity=1.0, cross=cross)
    return None


_CONTENTS_ENTRY = re.compile(
    r"(?:(?<=\s)|^)(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?(?P<title>[^\W\d_][^\n]{1,90}?)\s*(?:\.{2,}|…+)?\s*"
    r"(?P<page>\d{1,3})(?=\s|$)"
)
"""A table of contents' entry: its number, title and page ("2. Onderwijs ........ 24", "2.7 Onderwijsprijzen 31")."""


def page_entry(question: Question, hits: list[Hit], index: Index) -> Candidate | None:
    """The contents entry that answers a question for the page a part of a document is on
    (:data:`lexicon.PAGE_QUESTION`): of the top ``ORDINAL_DEPTH`` passages that read as a table of contents (three
    entries or more) and miss none of the question's hard constraints (a year, an institution), the entry whose title
    holds the most of the question's words that are about the part (not :data:`lexicon.PAGE_WORDS`, nor a word of the
    passage's title, heading or institution), the shortest title first; None when no entry holds one."""
    if not lexicon.PAGE_QUESTION.search(question.text):
        return None
    words = [w for w in lexicon.asked_words(question.text) if w not in lexicon.PAGE_WORDS and not w.isdigit()]
    best: tuple[float, int, Candidate] | None = None
    for rank, hit in enumerate(hits[: answer_weights.ORDINAL_DEPTH]):
        entries = list(_CONTENTS_ENTRY.finditer(hit.text))
        if len(entries) < 3 or any(c.kind in HARD_CONSTRAINTS for c in missing_constraints(question, hit, index)):
            continue
        about = text_stems(" ".join(str(hit.meta.get(k) or "") for k in ("title", "heading", "institution")))
        topic = [w for w in words if not contains_word(about, word_stems(w)) and w not in index.institution_words()]
        cross = in_other_language(question, hit)
        for entry in entries:
            title = text_stems(entry.group("title"))
            weight = sum(index.idf(word_stems(w)) for w in topic if contains_word(title, word_stems(w)))
            if weight <= 0:
                continue
            cand = Candidate(entry.group(0).strip(), hit, rank, score=1.0, coverage=1.0, similarity=1.0, cross=cross)
            key = (weight, -len(entry.group("title")))
            if best is None or key > best[:2]:
                best = (*key, cand)
    return best[2] if best else None
