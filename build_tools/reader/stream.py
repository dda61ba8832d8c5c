"""The neutral stream: what every dialect front-end produces and every recovery rule reads.

A stream is the document's pages of lines. Each line keeps its place in the source file and
what its dialect says about it for sure (a Markdown heading, a list item, a table row, a note
definition, a rule). Text is in the neutral inline syntax: literal characters, except
`\\X` (a literal X), `*em*`, `**strong**` and `<sup>x</sup>` (a superscript, possibly a note
marker); see `escape`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..model import Diagnostic

# Line kinds a dialect can be sure of; recovery rules may add the others.
TEXT, HEADING, ITEM, ROW, RULE, NOTE, BREAK = "text", "heading", "item", "row", "rule", "note", "break"
PAGE_START = "page start"  # the marker of a heading a converter gave only to say where a page starts

_SPECIAL = re.compile(r"([\\*<])")


def escape(text: str) -> str:
    """Literal text → neutral syntax (only `\\`, `*` and `<` need escaping)."""
    return _SPECIAL.sub(r"\\\1", text)


_UNESCAPE = re.compile(r"\\(.)")
_TERMINAL = re.compile(r"[.!?…:;](?:[”\"’')\]]|\*{1,2}|</?sup>[^<]*</sup>)*$")
_MARKUP = re.compile(r"</?sup>|\*\*|(?<!\\)\*")


def plain(text: str) -> str:
    """The visible characters of neutral text: markup dropped, escapes resolved."""
    return _UNESCAPE.sub(r"\1", _MARKUP.sub("", text))


def ends_sentence(text: str) -> bool:
    """The text ends as a sentence or a clause does (full stop, question mark, colon, semicolon)."""
    t = plain(re.sub(r"<sup>.*?</sup>|\s*\[\d{1,3}\]\s*$", "", text)).rstrip()  # a note marker after the full stop
    return not t or bool(_TERMINAL.search(t))


@dataclass
class Line:
    """One line of the source (or one cell row, one note definition line)."""

    text: str
    no: int  # line number in the source file (1-based)
    page: int = 0
    gap: bool = False  # a blank line, or a block boundary, comes before it
    indent: int = 0
    kind: str = TEXT
    level: int = 0  # heading level, list depth
    marker: str = ""  # list marker ("•", "3.", "(a)"), note label
    cells: tuple[str, ...] = ()
    raw: str = ""  # the source line as written (after the text rules)

    @property
    def plain(self) -> str:
        return plain(self.text)


@dataclass
class Stream:
    """A document as pages of lines, plus what its dialect knew about it."""

    path: str
    dialect: str
    pages: list[list[Line]]
    front_matter: dict = field(default_factory=dict)
    removed: Counter = field(default_factory=Counter)  # what was dropped as extraction debris, by kind
    repaired: Counter = field(default_factory=Counter)  # what was repaired, by kind
    diagnostics: list[Diagnostic] = field(default_factory=list)
    running_heads: list[str] = field(default_factory=list)  # removed as furniture, kept as evidence
    removed_lines: list[str] = field(default_factory=list)  # the source lines removed as furniture

    def lines(self) -> list[Line]:
        return [line for page in self.pages for line in page]

    def warn(self, line: int, code: str, message: str, severity: str = "warning") -> None:
        self.diagnostics.append(Diagnostic(self.path, line, code, message, severity))
