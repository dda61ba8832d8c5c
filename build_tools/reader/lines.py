"""Line rules: classify each raw line of a source text, in order, first match wins.

A rule is a small named function from a line's text to a `LineKind` or None. The
order of `LINE_RULES` is the only priority there is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


@dataclass(frozen=True)
class Line:
    """One classified source line: `kind`, the content after its marker, and where it was."""

    kind: str
    text: str  # content with the line marker removed
    raw: str
    no: int
    indent: int = 0
    marker: str = ""  # paragraph number, list marker, note label, heading hashes


LineRule = Callable[[str, int], "Line | None"]

_RULE = re.compile(r"^\s*(?:-{3,}|_{3,}|\\_|\*{3,})\s*$")
# Job numbers ("06-58181", "GE.06-12345 (E) 120906"), optionally with the page number after them.
_JOB_NUMBER = re.compile(
    r"^\s*(?:\*\*)?(?:[A-Z]{2}\.)?\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})*(?:\*\*)?"
    r"(?:\s+(?:\*\*)?\d{1,3}(?:\*\*)?)?\s*$"
)
_PAGE_NUMBER = re.compile(
    r"^\s*(?:\*\*\d{1,3}\*\*|-\s*\d{1,3}\s*-|Page \d{1,3}(?: of \d{1,3})?|\*\d{7,}\*)\s*$"
)
_TRAILER = re.compile(r"^\s*(?:Date Modified:\s*\S*|Please recycle\s*♲?)\s*$")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_NOTE = re.compile(
    r"^(?:-\s+)?(?:<sup>\s*([0-9]{1,3})\s*</sup>|([" + SUPERSCRIPT_DIGITS + r"]{1,3})"
    r"|\[(\d{1,3})\]|(\*))\s*(\S.*)$"
)
_NUMBERED = re.compile(r"^(?:-\s+)?(?:\*\*)?(\d{1,3})\.(?:\*\*)?\s+(\S.*)$")
_ORDERED_ITEM = re.compile(r"^(\s+)(\d{1,2}|[a-z])[.)]\s+(\S.*)$")
_BULLET = re.compile(r"^(\s*)(?:[•·▪◦‣+]|-|–)\s+(\S.*)$")
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_SUBPARAGRAPH = re.compile(r"^(\((?:[a-z]{1,2}|[ivx]{1,5})\))\s+(\S.*)$")


def rule_line(raw: str, no: int) -> Line | None:
    """A horizontal rule (`---`, `\\_`, `____`): in these texts it marks a page's footnotes."""
    return Line("rule", "", raw, no) if _RULE.match(raw) else None


def job_or_page_number(raw: str, no: int) -> Line | None:
    """Print-shop debris: job numbers (`06-58181`), page numbers (`**9**`), web trailers."""
    if _JOB_NUMBER.match(raw) or _PAGE_NUMBER.match(raw) or _TRAILER.match(raw):
        return Line("debris", raw.strip(), raw, no)
    return None


def markdown_heading(raw: str, no: int) -> Line | None:
    """A `#` heading left by the extraction; bold wrappers (`#### **x**`) are removed."""
    m = _MD_HEADING.match(raw)
    if not m:
        return None
    text = m.group(2).strip()
    if text.startswith("**") and text.endswith("**") and len(text) > 4:
        text = text[2:-2].strip()
    return Line("heading", text, raw, no, marker=m.group(1))


def footnote_body(raw: str, no: int) -> Line | None:
    """A line that starts with a footnote marker: `<sup>1</sup>`, `¹`, `[2]`, `*`."""
    m = _NOTE.match(raw)
    if not m:
        return None
    sup, uni, bracket, star, text = m.groups()
    if uni:
        label = "".join(str(SUPERSCRIPT_DIGITS.index(c)) for c in uni)
    else:
        label = sup or bracket or "*"
    if star and not re.match(r"^(?:-\s+)?\*\s", raw):
        return None  # `*emphasis*` or `**bold**` at the start of a line, not a marker
    return Line("note", text.strip(), raw, no, marker=label)


def numbered_paragraph(raw: str, no: int) -> Line | None:
    """`12. text` or `- 12. text` at the margin: a numbered paragraph (or a numbered title)."""
    m = _NUMBERED.match(raw)
    return Line("numbered", m.group(2).rstrip(), raw, no, marker=m.group(1)) if m else None


def ordered_item(raw: str, no: int) -> Line | None:
    """An indented `1.` or `a)` item: a numbered list inside a section."""
    m = _ORDERED_ITEM.match(raw)
    if not m:
        return None
    return Line("ordered", m.group(3).rstrip(), raw, no, indent=len(m.group(1)), marker=m.group(2) + ".")


def bullet_item(raw: str, no: int) -> Line | None:
    """A bullet (`•`, `-`, `–`), its nesting given by its indentation."""
    m = _BULLET.match(raw)
    if not m:
        return None
    return Line("bullet", m.group(2).rstrip(), raw, no, indent=len(m.group(1).expandtabs(4)), marker="•")


def subparagraph(raw: str, no: int) -> Line | None:
    """A lettered or roman sub-paragraph, `(a) text`, `(iii) text`."""
    m = _SUBPARAGRAPH.match(raw)
    return Line("sub", m.group(2).rstrip(), raw, no, marker=m.group(1)) if m else None


def table_row(raw: str, no: int) -> Line | None:
    """A tab-separated line (contents tables) or a `| pipe | row |`: a row of a table."""
    if _PIPE_ROW.match(raw):
        return Line("row", raw.strip(), raw, no, marker="|")
    if "\t" in raw.strip("\n") and raw.strip():
        return Line("row", raw.rstrip(), raw, no, marker="\t")
    return None


def text_line(raw: str, no: int) -> Line:
    """Anything else is running text."""
    return Line("text", raw.strip(), raw, no)


LINE_RULES: list[LineRule] = [
    rule_line,
    job_or_page_number,
    markdown_heading,
    footnote_body,
    numbered_paragraph,
    ordered_item,
    bullet_item,
    subparagraph,
    table_row,
]


def classify(raw: str, no: int) -> Line:
    """Apply the line rules in order; unmatched lines are text."""
    for rule in LINE_RULES:
        line = rule(raw, no)
        if line is not None:
            return line
    return text_line(raw, no)
