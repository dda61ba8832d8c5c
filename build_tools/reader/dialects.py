"""Which extraction dialect a text is in, from the text itself, and its front-end.

- "markdown": any Markdown (OCR Markdown, Markdown from HTML, the Markdown-ish extractions),
  recognised by its syntax: ATX headings, emphasis, `<sup>`, note definitions, front matter…
- "layout": pdftotext `-layout` and other extractions that keep the page's geometry: lines with
  wide gaps between words (columns side by side) or placed far right (centred titles, page numbers).
- "plain": pdftotext raw, OCR text, text copied from HTML.
"""

from __future__ import annotations

import re

from .markdown import read_markdown
from .plain import read_plain
from .stream import Stream

_MARKDOWN = [
    re.compile(p, re.MULTILINE)
    for p in (
        r"^#{1,6}[ \t]*\S",  # ATX heading, with or without the space
        r"\*\*[^*\n]+\*\*",  # strong
        r"(?<![\w*\\])\*[^*\s][^*\n]*(?<![\s*])\*(?![\w*])",  # emphasis
        r"<sup>",
        r"^\[\^[^\]\s]+\]:",  # note definition
        r"\[\^[^\]\s]+\](?!:)",  # note reference
        r"\$\{?\s*\}?\^",  # LaTeX superscript
        r"!\[[^\]]*\]\([^)\s]+\)",  # image
        r"\]\([^)\s]+\)",  # link
        r"^\s*\|.*\|\s*$",  # pipe table row
        r"\\[.&_*#\[\]-]",  # backslash escape
        r"^<meta\b",
    )
]
_FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\n(?:.*\n)*?(?:---|\.\.\.|\+\+\+)[ \t]*(?:\n|\Z)")
# Wide runs of spaces inside a line or deep before it: words placed where the page printed them.
_GEOMETRY = re.compile(r"\S {3,}\S| {10,}\S")


def detect(text: str) -> str:
    """"markdown", "layout" or "plain"."""
    if _FRONT_MATTER.match(text):
        return "markdown"
    lines = [line for line in text.split("\n") if line.strip()]
    if not lines:
        return "plain"
    marked = sum(1 for line in lines if any(p.search(line) for p in _MARKDOWN))
    signals = sum(1 for line in lines for p in _MARKDOWN if p.search(line))
    if signals >= 2 and marked >= 0.02 * len(lines):
        return "markdown"
    spaced = sum(1 for line in lines if _GEOMETRY.search(line.replace("\f", "")))
    if spaced >= 0.03 * len(lines):
        return "layout"
    return "plain"


def read_stream(text: str, path: str) -> Stream:
    """The text's neutral stream, through the front-end of its dialect."""
    dialect = detect(text)
    if dialect == "markdown":
        return read_markdown(text, path)
    return read_plain(text, path, dialect)
