"""Word repairs decided by the document's own vocabulary.

- a hyphen at a line end is a word broken in two when the second half is no word of the
  document (or the whole word is one); it is kept when both halves are words ("phase-out",
  "co-operation");
- a word the extraction joined at a line-end hyphen ("Highlevel") gets its hyphen back when
  the document prints it hyphenated elsewhere ("High-level");
- a word split by a stray space ("t he", "Intern ational", "Secretary -General") is joined
  when the joined word occurs elsewhere in the document and one half does not.
"""

from __future__ import annotations

import re
from collections import Counter

from .stream import plain

_ONE_LETTER_WORDS = frozenset("a i à y o e è é u".split())
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


class Vocabulary:
    """How often each word (lower case) and each hyphenated compound occurs in a document."""

    def __init__(self, texts: list[str]) -> None:
        self.words: Counter[str] = Counter()
        self.compounds: Counter[str] = Counter()
        # Halves of a word broken at a line end are not words: leave them out.
        joined = "\n".join(texts)
        joined = re.sub(r"[^\W\d_]+-\s*\n\s*[^\W\d_]+", " ", joined)
        for text in joined.split("\n"):
            for token in _WORD.findall(plain(text)):
                low = token.lower()
                if "-" in low:
                    self.compounds[low] += 1
                    for part in low.split("-"):
                        self.words[part] += 1
                else:
                    self.words[low] += 1

    def has(self, word: str) -> bool:
        return self.words[word.lower()] > 0

    def known(self, word: str) -> bool:
        """A word the document really uses: twice or more, or a one-letter word of the family's languages."""
        low = word.lower()
        return self.words[low] >= 2 if len(low) > 1 else low in _ONE_LETTER_WORDS


def join_broken(first: str, second: str, vocabulary: Vocabulary) -> str:
    """`first` ends with a hyphen at a line end, `second` is the next line: one text."""
    head = re.search(r"([^\W\d_]+)-$", first)
    tail = re.match(r"([^\W\d_]+)", second)
    if not head or not tail or not tail.group(1)[0].islower():
        return first + second if first.endswith("-") else f"{first} {second}"
    joined = (head.group(1) + tail.group(1)).lower()
    hyphenated = f"{head.group(1)}-{tail.group(1)}".lower()
    keep = vocabulary.has(tail.group(1)) and not vocabulary.words[joined] and (
        vocabulary.compounds[hyphenated] or len(head.group(1)) > 1
    )
    return first + second if keep else first[:-1] + second


_GLUED = re.compile(r"\b[^\W\d_]{5,}\b")


def restore_hyphens(text: str, vocabulary: Vocabulary, counts: Counter) -> str:
    """ "Highlevel" → "High-level" where the document prints "high-level" and never "highlevel" itself twice."""
    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        low = word.lower()
        if vocabulary.words[low] > 1:
            return word
        for i in range(2, len(word) - 1):
            if f"{low[:i]}-{low[i:]}" in vocabulary.compounds:
                counts["hyphens restored"] += 1
                return f"{word[:i]}-{word[i:]}"
        return word

    return _GLUED.sub(fix, text)


_SPACED_HYPHEN = re.compile(r"(?<=[^\W\d_])- (?=([^\W\d_]+))")
# "pre- and post-war", "short- to medium-term": a hyphen that waits for the word after the next.
_SUSPENDED = frozenset("and or to nor und oder et ou à en of y o e".split())


def close_spaced_hyphens(text: str, counts: Counter) -> str:
    """ "re- establishment" → "re-establishment": a hyphen that ended a line, its break left as a space."""
    def fix(m: re.Match[str]) -> str:
        if m.group(1).lower() in _SUSPENDED:
            return m.group(0)
        counts["spaced hyphens closed"] += 1
        return "-"

    return _SPACED_HYPHEN.sub(fix, text)


_STRAY_DASH = re.compile(r"(?<![\w’'-])([^\W\d_]+) - (?=[^\W\d_]*[a-zà-ÿ])")


def drop_stray_dashes(text: str, counts: Counter) -> str:
    """ "the needs and capacities of the - countries": a dash cannot follow "the", "of", "for";
    it is what a converter left where a line of the item broke. Dashes elsewhere stay."""
    from .paragraphs import FUNCTION_WORDS

    def fix(m: re.Match[str]) -> str:
        if m.group(1).lower() not in FUNCTION_WORDS:
            return m.group(0)
        counts["stray dashes dropped"] += 1
        return m.group(1) + " "

    return _STRAY_DASH.sub(fix, text)


_SPLIT = re.compile(r"(?<![\w’'-])([^\W\d_]+) (-?)([^\W\d_]+)(?![\w’'-])")


def join_split_words(text: str, vocabulary: Vocabulary, counts: Counter) -> str:
    """ "peopl e" → "people", "Secretary -General" → "Secretary-General", when the evidence says so."""
    def fix(m: re.Match[str]) -> str:
        a, hyphen, b = m.groups()
        joined = f"{a}-{b}" if hyphen else a + b
        low = joined.lower()
        attested = vocabulary.compounds[low] if hyphen else vocabulary.words[low]
        if attested < (1 if hyphen else 2):
            return m.group(0)
        if hyphen or not vocabulary.known(a) or not vocabulary.known(b):
            counts["split words joined"] += 1
            return joined
        return m.group(0)

    # Two passes, since one repair can make the next pair visible ("Secretary -General of").
    for _ in range(2):
        text = _SPLIT.sub(fix, text)
    return text


_GLUED_SENTENCE = re.compile(
    r"(?:(?<=[a-z]{2})|(?<=\d)|(?<=\)))([.,;:])(?=[A-Z„“'‘])|(?:(?<=[a-z]{2})|(?<=\)))([,;:])(?=[a-z]{2})"
)


def separate_glued(texts: list[str], counts: Counter) -> list[str]:
    """ "Agencies.I have", "Sir,I", "1.Sir", "Organization:agrees": put back the space a converter lost.

    Only in a document that shows this damage again and again (an HTML converter that joins
    elements), since a single "a.B" may be an abbreviation or a name.
    """
    damaged = sum(len(_GLUED_SENTENCE.findall(plain(t))) for t in texts)
    if damaged < 5:
        return texts
    out = []
    for text in texts:
        fixed, n = _GLUED_SENTENCE.subn(lambda m: (m.group(1) or m.group(2)) + " ", text)
        counts["glued sentences separated"] += n
        out.append(fixed)
    return out
