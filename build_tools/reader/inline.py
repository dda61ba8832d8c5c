"""Inline rules: turn a block's text into the model's inline nodes.

The extraction wrote a little Markdown and HTML: `*em*`, `**strong**`, `<sup>`, and
footnote markers in several styles. Those are recognised; every other character,
including any other HTML or Markdown, stays literal text.
"""

from __future__ import annotations

import re

from ..model import Emphasis, FootnoteRef, Inline, Superscript, Text

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"

_TOKEN = re.compile(
    r"(?P<sup><sup>\s*(?P<sup_text>[^<>]{1,12}?)\s*</sup>)"
    r"|(?P<uni>[" + SUPERSCRIPT_DIGITS + r"]{1,3})"
    r"|(?P<note>\s?\[note (?P<note_label>\d{1,3})\])"
    r"|(?P<strong>\*\*(?P<strong_text>(?:(?!\*\*).)+?)\*\*)"
    r"|(?P<em>(?<![\w*])\*(?P<em_text>[^*\s](?:[^*]*[^*\s])?)\*(?![\w*]))"
    r"|(?P<star>(?<=[^\s*])\*(?=[\s)\].,;:]|$))"
    r"|(?P<escape>\\(?P<escaped>[\\`*_{}\[\]()#+\-.!|<>]))"
)


def parse_inlines(text: str, labels: frozenset[str] | set[str]) -> tuple[Inline, ...]:
    """Parse `text`; markers become FootnoteRef only when `labels` has a body for them."""
    out: list[Inline] = []
    pos = 0

    def add_text(s: str) -> None:
        if not s:
            return
        if out and isinstance(out[-1], Text):
            out[-1] = Text(out[-1].text + s)
        else:
            out.append(Text(s))

    for m in _TOKEN.finditer(text):
        add_text(text[pos : m.start()])
        pos = m.end()
        kind = next(k for k in ("sup", "uni", "note", "strong", "em", "star", "escape") if m.group(k) is not None)
        if kind == "sup":
            label = m.group("sup_text").strip()
            if label in labels:
                out.append(FootnoteRef(label))
            else:
                out.append(Superscript(label))
        elif kind == "uni":
            label = "".join(str(SUPERSCRIPT_DIGITS.index(c)) for c in m.group("uni"))
            if label in labels:
                out.append(FootnoteRef(label))
            else:
                add_text(m.group("uni"))
        elif kind == "note":
            label = m.group("note_label")
            if label in labels:
                out.append(FootnoteRef(label))
            else:
                add_text(m.group("note"))
        elif kind == "strong":
            out.append(Emphasis(parse_inlines(m.group("strong_text"), labels), strong=True))
        elif kind == "em":
            out.append(Emphasis(parse_inlines(m.group("em_text"), labels)))
        elif kind == "star":
            if "*" in labels:
                out.append(FootnoteRef("*"))
            else:
                add_text("*")
        else:
            add_text(m.group("escaped"))
    add_text(text[pos:])
    return tuple(out)
