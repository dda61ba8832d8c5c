"""Group classified lines into raw blocks, the reader's working material.

A raw block is mutable and private to the reader: the core rules merge, move and
drop raw blocks before `structure` turns them into the model's blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lines import Line, classify

_WORD = re.compile(r"\w+(?:[’'\-]\w+)*")


@dataclass
class Raw:
    """A block of source lines of one kind: `text` (plain), `title`, `heading`, `numbered`,
    `sub`, `item`, `note`, `row`, `rule`, `debris`."""

    kind: str
    lines: list[str]
    line: int
    group: int
    marker: str = ""
    indent: int = 0
    ordered: bool = False
    notes: list[tuple[str, str, bool]] = field(default_factory=list)  # (label, text, marker_lost)

    @property
    def text(self) -> str:
        return " ".join(self.lines)

    def first_char(self) -> str:
        stripped = self.text.lstrip("*_“\"'‘(")
        return stripped[:1]


_TERMINAL = re.compile(r"[.!?…](?:[”\"’')\]]|\*{1,2})*$")
_TRAILING_MARKERS = re.compile(
    r"(?:\s*(?:<sup>[^<]*</sup>|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[note \d+\]|(?<=\S)\*))+\s*$"
)


def strip_trailing_markers(text: str) -> str:
    """The text without the footnote markers that may follow its last word."""
    return _TRAILING_MARKERS.sub("", text.rstrip())


def ending(text: str) -> str:
    """How a block ends: "closed" (full stop), "soft" (`:` or `;`), or "open" (mid-sentence)."""
    t = strip_trailing_markers(text)
    if not t or _TERMINAL.search(t):
        return "closed"
    if t[-1] in ":;":
        return "soft"
    return "open"


def is_title_like(text: str, max_words: int = 12) -> bool:
    """A short capitalised line with no closing punctuation: a heading or a title."""
    t = text.strip().strip("*").strip()
    if not t or not (t[0].isupper() or t[0].isdigit()):
        return False
    if t[-1] in ".;,:" and not t.endswith(".."):
        return False
    return 0 < len(_WORD.findall(t)) <= max_words


def scan(text: str) -> list[Raw]:
    """Classify every line and group them into raw blocks; blank lines end a group."""
    blocks: list[Raw] = []
    group = 0
    previous: Raw | None = None
    for no, raw_line in enumerate(text.split("\n"), start=1):
        if not raw_line.strip():
            group += 1
            previous = None
            continue
        line = classify(raw_line, no)
        block = _start_or_extend(previous, line, group)
        if block is not previous:
            blocks.append(block)
        previous = block
    return blocks


def _start_or_extend(previous: Raw | None, line: Line, group: int) -> Raw:
    """Continue the previous block with a text line, or start a new block."""
    if (
        previous is not None
        and line.kind == "text"
        and previous.kind in ("text", "note", "sub", "numbered", "item")
        and not (len(previous.lines) == 1 and is_title_like(previous.lines[0]))
        and not (previous.kind == "item" and not line.raw[:1].isspace())
    ):
        previous.lines.append(line.text)
        return previous
    kind = {"bullet": "item", "ordered": "item"}.get(line.kind, line.kind)
    return Raw(
        kind=kind,
        lines=[line.text] if line.kind != "row" else [line.text],
        line=line.no,
        group=group,
        marker=line.marker,
        indent=line.indent,
        ordered=line.kind == "ordered",
    )
