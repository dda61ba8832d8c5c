"""Text rules: what extraction tools write that is not the document's text, made plain.

They run on the whole text before any dialect is detected and never change a line count,
so every later line number is still the source file's. Each rule counts what it changed.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
_LIGATURE = re.compile("[" + "".join(LIGATURES) + "]")
# No-break, typographic and ideographic spaces read as spaces; zero-width characters as nothing.
_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile("[\u200b\u2060\ufeff]")
# A soft hyphen at a line end is a word broken across lines (the paragraph rules join it);
# anywhere else it is invisible.
SOFT_HYPHEN = "\u00ad"
_INNER_SOFT_HYPHEN = re.compile("\u00ad(?![ \t]*$)", re.MULTILINE)
_HYPHENS = re.compile("[\u2010\u2011]")  # hyphen and non-breaking hyphen: an ordinary hyphen
# An escaped character entity cut by an inline tag: "<sup>&</sup>lt;sup>" is "<sup>".
_CUT_ENTITY = re.compile(r"<(\w+)>&</\1>(lt|gt|amp|quot);")
_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}


def normalise(text: str, counts: Counter) -> str:
    """`text` with ligatures, odd spaces, soft and non-breaking hyphens made plain; counts in `counts`."""
    text = unicodedata.normalize("NFC", text)

    def count(kind: str, pattern: re.Pattern[str], repl, s: str) -> str:
        s, n = pattern.subn(repl, s)
        if n:
            counts[kind] += n
        return s

    text = text.replace("\x0b", "\n")  # a vertical tab is a line break inside a paragraph
    text = count("ligatures", _LIGATURE, lambda m: LIGATURES[m.group()], text)
    text = count("soft hyphens", _INNER_SOFT_HYPHEN, "", text)
    text = count("spaces", _SPACES, " ", text)
    text = count("invisible characters", _INVISIBLE, "", text)
    text = count("hyphens", _HYPHENS, "-", text)
    text = count("cut entities", _CUT_ENTITY, lambda m: _ENTITIES[m.group(2)], text)
    return text


def replacement_lines(text: str) -> list[int]:
    """Lines holding U+FFFD, the mark of characters the extraction could not decode."""
    return [no for no, line in enumerate(text.split("\n"), start=1) if "\ufffd" in line]
