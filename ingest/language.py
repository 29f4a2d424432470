"""Dutch/English language detection by stopword counts, and the stopword lists BM25 shares.

Only two languages matter in this corpus, so a count of the function words that are typical of
one language and not the other is enough, and it works on a one-line question as well as on a
whole document. It is a set lookup per word: cheap enough to call for every query.
"""

from __future__ import annotations

import re

from bm25s.stopwords import STOPWORDS_DUTCH, STOPWORDS_EN

_EXTRA_NL = (
    # question words and the verbs/pronouns that start Dutch questions
    "wanneer welke welk hoeveel waarom waar waarop waarmee waarvoor hoelang wat wie hoe "
    "kan kunnen mag mogen moet moeten zal zullen wordt worden werd werden zijn is was waren "
    "heeft hebben had hadden gaat gaan komt komen "
    # articles, pronouns, prepositions, conjunctions missing from the bm25s list
    "een het de deze dit die dat onze ons jullie hen hun haar zijn welke "
    "bij tussen tijdens na naar via per sinds vanaf binnen buiten zonder volgens "
    "ook nog wel niet geen er hier daar dus omdat zodat want maar of dan als toen "
    "alle alleen andere beide elk elke ieder iedere meer meest minder veel weinig "
    "wij we jij je u zij ze hij "
    # adverbs that carry no topic
    "toe daarbij daarmee daarin daarvan daarover daarna hierbij hiermee hierin hiervan uiteindelijk precies "
    "aldus inmiddels eigenlijk echter immers namelijk zogenaamd zogenoemd"
).split()

_EXTRA_EN = (
    # question words and auxiliaries
    "what which when where who whom whose why how many much "
    "do does did done has have had having been being am were can could should would shall may might must "
    # pronouns, determiners, prepositions, conjunctions missing from the bm25s list
    "about above after against all also any because before below between both during each "
    "few from further here its itself more most other our ours over own same some than "
    "those through under until very we you your yours he him his she her hers i me my "
    "them themselves what while who why within without "
    # adverbs that carry no topic
    "according however therefore thus actually eventually exactly initially"
).split()

STOPWORDS: dict[str, frozenset[str]] = {
    "nl": frozenset(STOPWORDS_DUTCH) | frozenset(_EXTRA_NL),
    "en": frozenset(STOPWORDS_EN) | frozenset(_EXTRA_EN),
}
"""Stopwords per language (lower case). Used to drop function words from BM25 tokens."""
ALL_STOPWORDS = STOPWORDS["nl"] | STOPWORDS["en"]
"""The stopwords of both languages (a word is a function word in a bilingual text when it is one in either)."""

# Words in both lists ("in", "is", "over", "was", "had", "me", ...) say nothing about the language.
_CUES = {
    "nl": STOPWORDS["nl"] - STOPWORDS["en"],
    "en": STOPWORDS["en"] - STOPWORDS["nl"],
}
_WORD = re.compile(r"[a-zà-öø-ÿ]+")
_NL_LETTERS = re.compile(r"ij|oe|aa|uu|sch")
_EN_LETTERS = re.compile(r"th|wh|\bw|y\b")
_MAX_CHARS = 20_000
"""Only the start of long texts is read: plenty to decide, and keeps whole documents fast."""


def detect_language(text: str) -> str:
    """Return ``"nl"`` or ``"en"`` for ``text``.

    Counts words that are stopwords in one language only (``de``, ``het``, ``wanneer`` vs ``the``,
    ``of``, ``when``). On a tie (including no cue words at all, as in a bare keyword query) it
    compares letter patterns typical of Dutch (``ij``, ``oe``, ``aa``, ``sch``) and English
    (``th``, ``wh``, a final ``y``); if that ties too, or the text is empty, the answer is ``"nl"``,
    the main language of the corpus.
    """
    sample = text[:_MAX_CHARS].lower()
    words = _WORD.findall(sample)
    nl = sum(1 for w in words if w in _CUES["nl"])
    en = sum(1 for w in words if w in _CUES["en"])
    if nl == en:
        nl = len(_NL_LETTERS.findall(sample))
        en = len(_EN_LETTERS.findall(sample))
    return "en" if en > nl else "nl"
