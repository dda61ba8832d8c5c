"""Where a capitalised word is not an acronym, by its context rather than by a list of words.

- inside all-capital text (a heading, a masthead, "IT is RECOMMENDED THAT"): a neighbouring
  word within two words is in capitals, three letters or more, and is no acronym the glossary
  knows;
- a person's name: a word in capitals after an initial ("E. KRONENBURG", "(J. B. CHIFLEY)") or
  after a title and a given name ("Dr. Jonghwi PARK"), or a long one (seven letters or more: acronyms are short, "SOPEMI" aside);
- a roman numeral (IV, XIII), a code with figures in it ("CS1137", "OIM2").
"""

from __future__ import annotations

import re

from ..language import STOPWORDS

_COMMON_WORDS = frozenset().union(*STOPWORDS.values())

_WORD = re.compile(r"[^\W\d_][\w&'’/-]*")  # "HIV/AIDS" is one word
_ROMAN = re.compile(r"^(?=[IVXLC])M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$")
_INITIAL_BEFORE = re.compile(
    r"(?:\b[A-Z]\.\s*){1,4}(?:\(?s\.\)\s*)?$|\(s\.\)\s*$"
    r"|\b(?:Dr|Mr|Mrs|Ms|Prof|Mme|Mlle|M|Sr|Sra|Dhr|Mevr)\.?\s+[A-Z][\w’'-]+\s+$"
)


def _caps(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _shouted(word: str, keys: set[str]) -> bool:
    """A word in capitals that is writing, not an acronym: a common word ("THE", "THAT"), or one of
    four letters or more that the glossary does not know ("RECOMMENDED"); "IOM" is no evidence."""
    bare = word.strip("'’-")
    if not _caps(word) or bare in keys or roman(word):
        return False
    return bare.lower() in _COMMON_WORDS or sum(c.isalpha() for c in bare) >= 4


def in_capitals(text: str, start: int, end: int, keys: set[str]) -> bool:
    """Is text[start:end] part of all-capital writing (a neighbour shouted within two words)?"""
    before = _WORD.findall(text[max(0, start - 60):start])[-2:]
    after = _WORD.findall(text[end:end + 60])[:2]
    return any(_shouted(w, keys) for w in before + after)


def roman(word: str) -> bool:
    return bool(_ROMAN.match(word))


def not_an_acronym(word: str, text: str, start: int, end: int, keys: set[str]) -> bool:
    """A capitalised word that the context shows is no acronym."""
    if roman(word) or re.search(r"\d{2,}", word):
        return True
    if len(re.sub(r"[^A-Z]", "", word)) >= 7:
        return True  # acronyms are short; a long word in capitals is a name or a shouted word
    if _INITIAL_BEFORE.search(text[max(0, start - 20):start]):
        return True  # "E. KRONENBURG": a surname after initials
    return in_capitals(text, start, end, keys)
