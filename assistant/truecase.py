"""A question typed all in lower case gets the capitals its documents write.

Names and acronyms in a question are found by their capitals ("NVAO", "Utrecht"): they become constraints that a
passage must meet, they are not translated, and a *which* question about a named body is told from one about a
thing. A question typed in a hurry ("wie is de voorzitter van de nvao") has none, so it would lose all of that. Its
words are written back the way the index writes them in the middle of a sentence, where a capital marks a name and
not the start of a sentence: "nvao" → "NVAO" when the documents write it so nine times in ten. A question that
has any capital is left as its asker wrote it.
"""

from __future__ import annotations

import re
from collections import Counter

CAPITAL_SHARE = 0.9
"""A word is written back with capitals when at least this share of its occurrences inside sentences has them."""
MIN_SEEN = 3
"""…and it occurs inside sentences at least this many times (a single capitalised occurrence proves nothing)."""
SAMPLE = 2000
"""At most about this many chunks are read to learn the casing (evenly spread over the index)."""

_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)
"""A run of letters: "nvao's" and "ut-universiteitsraad" hold "nvao" and "ut"."""
_SENTENCE_START = re.compile(r"(?:^|[.!?:;•*#>|\n\"“‘(\[-])\s*$")


def written_forms(texts: list[str], sample: int = SAMPLE) -> dict[str, str]:
    """Lower-case word → the form the texts write it in inside a sentence, for words written with a capital (or in
    capitals) at least ``CAPITAL_SHARE`` of the time there and seen at least ``MIN_SEEN`` times."""
    forms: dict[str, Counter[str]] = {}
    step = max(1, len(texts) // max(1, sample))
    for text in texts[::step]:
        for m in _WORD.finditer(text):
            if _SENTENCE_START.search(text[max(0, m.start() - 3) : m.start()]):
                continue  # a capital here may only start the sentence (or a list item, a heading)
            word = m.group(0)
            forms.setdefault(word.lower(), Counter())[word] += 1
    out: dict[str, str] = {}
    for key, seen in forms.items():
        total = sum(seen.values())
        if total < MIN_SEEN:
            continue
        form, _ = seen.most_common(1)[0]
        capitalised = sum(n for w, n in seen.items() if w[0].isupper())
        if form[0].isupper() and capitalised >= CAPITAL_SHARE * total:
            out[key] = form
    return out


def truecase(text: str, forms: dict[str, str]) -> str:
    """``text`` with each word as ``forms`` writes it when ``text`` has no capital at all; else ``text`` itself."""
    if any(c.isupper() for c in text) or not forms:
        return text
    return _WORD.sub(lambda m: forms.get(m.group(0), m.group(0)), text)
