"""Inline rules: neutral text (see `stream`) → the model's inline nodes.

`\\X` is a literal X, `**x**` strong, `*x*` emphasis, `<sup>x</sup>` a superscript: a note
reference when the document has a note labelled x, a plain superscript otherwise ("90<sup>th</sup>").
Every other character is literal text; the writer escapes it.
"""

from __future__ import annotations

import re

from ..model import Emphasis, FootnoteRef, Inline, Superscript, Text

_TOKEN = re.compile(
    r"(?P<sup><sup>(?P<sup_text>(?:\\.|[^<\\])*?)</sup>)"
    r"|(?P<strong>\*\*(?P<strong_text>(?:\\.|(?!\*\*)[^\\])+?)\*\*)"
    r"|(?P<em>(?<![\w*\\])\*(?P<em_text>[^*\s\\](?:(?:\\.|[^*\\])*[^*\s\\])?)\*(?![\w*]))"
    r"|(?P<escape>\\(?P<escaped>.))"
    r"|(?P<stray>\*+)"
)
_UNESCAPE = re.compile(r"\\(.)")


def parse_inlines(text: str, labels: frozenset[str] | set[str]) -> tuple[Inline, ...]:
    """Parse neutral `text`; superscripts become FootnoteRef only when `labels` has a note for them."""
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
        if m.group("sup") is not None:
            label = _UNESCAPE.sub(r"\1", m.group("sup_text")).strip()
            if label in labels:
                out.append(FootnoteRef(label))
            elif label:
                out.append(Superscript(label))
        elif m.group("strong") is not None:
            inner = parse_inlines(m.group("strong_text"), labels)
            out.append(Emphasis(inner, strong=True)) if inner else None
        elif m.group("em") is not None:
            out.append(Emphasis(parse_inlines(m.group("em_text"), labels)))
        elif m.group("escape") is not None:
            add_text(m.group("escaped"))
        else:
            pass  # an unpaired emphasis mark is markup the extraction left, not text
    add_text(text[pos:])
    return tuple(out)
