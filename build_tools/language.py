"""The language of a text, from how often each language's most common words occur in it.

The family is published in English, French and Spanish, with Dutch (and some German) in
treaty databases; the most frequent short words of each language tell them apart reliably
on a paragraph or more of text.
"""

from __future__ import annotations

import re
from collections import Counter

NAMES = {"en": "English", "fr": "French", "es": "Spanish", "nl": "Dutch", "de": "German"}

# The commonest function words of each language.
_COMMON: dict[str, frozenset[str]] = {
    "en": frozenset("the of and to in is that for on with as by are be this which from it at an or have "
                    "has its their shall should been were not".split()),
    "fr": frozenset("le la les de des et du un une est dans pour que qui sur par au aux ce cette sont "
                    "avec ou pas être ont leur elle il à sa son ses lors ne se".split()),
    "es": frozenset("el los las de del y que en por con para una su sus es al lo como más o se un la".split()),
    "nl": frozenset("de het een van en in is dat op te voor met zijn niet aan door als bij wordt "
                    "worden ook tot betreffende tussen inzake houdende der haar deze dit die heeft hebben zal "
                    "zullen maar uit naar over onder wanneer welke".split()),
    "de": frozenset("der die das und ist nicht mit den dem ein eine zu auf für von sich auch wird".split()),
}
STOPWORDS = _COMMON
# A word common to several languages counts for each of them in proportion.
_WEIGHT = {w: 1 / sum(1 for words in _COMMON.values() if w in words) for words in _COMMON.values() for w in words}
_WORD = re.compile(r"[^\W\d_]+")


def scores(text: str) -> Counter[str]:
    """How many words of `text` are common words of each language."""
    words = Counter(w.lower() for w in _WORD.findall(text))
    return Counter({code: sum(words[w] * _WEIGHT[w] for w in stop) for code, stop in STOPWORDS.items()})


def detect(text: str, minimum: int = 5) -> str:
    """The ISO 639-1 code of the language most of `text` is in, or "" when too little text."""
    counted = scores(text)
    code, best = counted.most_common(1)[0] if counted else ("", 0)
    return code if best >= minimum else ""


def name(code: str) -> str:
    """'fr' → 'French'; an unknown code is returned as it is."""
    return NAMES.get(code, code)
