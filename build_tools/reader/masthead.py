"""Masthead rules: the lines above a document's title become its metadata.

Each pattern below is data: a regular expression and the metadata field it fills.
The masthead ends at the first block that is not made only of such lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Metadata
from .blocks import Raw, is_title_like

MONTHS = (
    "January February March April May June July August September October November December"
).split()
_DATE = r"(\d{1,2} (?:" + "|".join(MONTHS) + r") \d{4})"
_SYMBOL = r"([A-Z][A-Z0-9.]{0,9}(?:/[A-Z0-9.\-]+)+)"

# (field, pattern); a pattern's groups fill the field (and "date" when it has two).
MASTHEAD_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("symbol", re.compile(r"^(?:United Nations\s+)?" + _SYMBOL + r"$")),
    ("distribution", re.compile(r"^Distr\.:\s*([A-Za-z]*)\s*" + _DATE + r"?$")),
    ("original_language", re.compile(r"^Original:\s*([A-Za-z/ ,]*?)\s*" + _DATE + r"?$")),
    ("date", re.compile(r"^" + _DATE + r"$")),
    ("session", re.compile(r"^(.+ session)$", re.IGNORECASE)),
    ("committee", re.compile(r"^((?:First|Second|Third|Fourth|Fifth|Sixth) Committee)$")),
    ("agenda_item", re.compile(r"^((?:Agenda )?[Ii]tem \d+(?: ?\([a-z]\))?(?: of the (?:provisional|preliminary) agenda)?)(\*)?$")),
    ("body_name", re.compile(
        r"^([A-ZÀ-Ý]{4,}|General Assembly|Economic and Social Council|Security Council|Human Rights Council"
        r"|Executive Committee of the High Commissioner's Programme)$"
    )),
]

# Issuing bodies by symbol prefix, longest first: data, not code paths.
BODIES_BY_SYMBOL: list[tuple[str, str]] = [
    ("A/C.2/", "United Nations General Assembly, Second Committee"),
    ("A/C.3/", "United Nations General Assembly, Third Committee"),
    ("A/RES/", "United Nations General Assembly"),
    ("A/", "United Nations General Assembly"),
    ("E/CN.9/", "Commission on Population and Development"),
    ("E/", "United Nations Economic and Social Council"),
    ("S/", "United Nations Security Council"),
    ("MC/INF/", "IOM Council"),
    ("MC/", "IOM Council"),
    ("SCPF/", "IOM Standing Committee on Programmes and Finance"),
]

# Document types recognised from a title or subtitle, first match wins.
DOCUMENT_TYPES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^Report of the Secretary-General", re.I), "Report of the Secretary-General"),
    (re.compile(r"^Note by the Secretary-General", re.I), "Note by the Secretary-General"),
    (re.compile(r"^Note verbale", re.I), "Note verbale"),
    (re.compile(r"^Letter dated", re.I), "Letter"),
    (re.compile(r"^Report on the Evaluation|^Evaluation of", re.I), "Evaluation report"),
]
DOCUMENT_TYPES_BY_SYMBOL: list[tuple[str, str]] = [
    ("MC/INF/", "Council information document"),
    ("MC/", "Council document"),
    ("A/RES/", "Resolution"),
]

_MARKER = re.compile(r"(\*|<sup>(\d+)</sup>|([⁰¹²³⁴⁵⁶⁷⁸⁹]+))$")


def is_document_type(text: str) -> bool:
    """'Report of the Secretary-General', 'Note by the Secretary-General', ..."""
    return any(p.match(text) for p, _ in DOCUMENT_TYPES)


def iso_date(text: str) -> str:
    """'14 November 2006' → '2006-11-14'."""
    day, month, year = text.split()
    return f"{year}-{MONTHS.index(month) + 1:02d}-{int(day):02d}"


@dataclass
class Masthead:
    """What the masthead rules found: metadata fields and masthead footnote markers."""

    fields: dict[str, str] = field(default_factory=dict)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (field, footnote label)
    body_names: list[str] = field(default_factory=list)


def _clean(line: str) -> str:
    """A masthead line without its bold markers and hard-break spaces."""
    text = line.strip()
    text = text[2:] if text.startswith("**") else text
    text = text[:-2] if text.endswith("**") else text
    return text.strip()


def match_masthead_line(line: str, found: Masthead) -> bool:
    """Record what one masthead line says; False when it is not a masthead line."""
    text = _clean(line)
    if not text:
        return True
    for name, pattern in MASTHEAD_PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        value = m.group(1)
        if name == "body_name":
            found.body_names.append(value)
        elif name == "agenda_item":
            found.fields[name] = value
            if m.group(2):
                found.notes.append((name, "*"))
        elif name in ("distribution", "original_language"):
            if value:
                found.fields[name] = value
            if m.group(2):
                found.fields["date"] = iso_date(m.group(2))
        elif name == "date":
            found.fields["date"] = iso_date(value)
        else:
            found.fields.setdefault(name, value)
        return True
    return False


def read_masthead(blocks: list[Raw]) -> tuple[Masthead, list[Raw], list[Raw]]:
    """Split off the masthead and the title blocks; return (masthead, title blocks, body)."""
    found = Masthead()
    i = 0
    agenda_title: list[str] = []
    while i < len(blocks):
        block = blocks[i]
        if block.kind in ("rule", "debris"):
            i += 1
            continue
        if block.kind not in ("text", "title", "row"):
            break
        lines = block.lines
        k = 0
        names = _leading_body_names(lines)
        if names:
            found.body_names.extend(names)
            k = len(names)
        while k < len(lines) and match_masthead_line(lines[k], found):
            k += 1
        if k == len(lines):
            i += 1
            continue
        if k == 0 and _names_organ(blocks, i):
            found.body_names.append(_clean(lines[0]))
            i += 1
            continue
        if "agenda_item" in found.fields and not agenda_title and (k > 0 or _after_agenda(blocks, i)):
            # The lines after an agenda item name the item (possibly in the next block).
            agenda_title = [_clean(x) for x in lines[k:]]
            i += 1
            continue
        break
    if agenda_title:
        found.fields["agenda_title"] = " ".join(agenda_title)
    return found, [], blocks[i:]


def _leading_body_names(lines: list[str]) -> list[str]:
    """Short name lines above masthead lines in one block ("Commission on Population and
    Development" above "Thirty-ninth session") name the issuing organ."""
    k = 0
    while k < len(lines) and not match_masthead_line(lines[k], Masthead()):
        k += 1
    if k == 0 or k == len(lines):
        return []
    names = [_clean(x) for x in lines[:k]]
    if all(is_title_like(n, 10) for n in names):
        return names
    return []


def _names_organ(blocks: list[Raw], i: int) -> bool:
    """A short name line directly above a masthead line of the same group names the organ."""
    block = blocks[i]
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    return (
        len(block.lines) == 1 and is_title_like(block.lines[0], 10)
        and nxt is not None and nxt.group == block.group
        and match_masthead_line(nxt.lines[0], Masthead())
    )


def _after_agenda(blocks: list[Raw], i: int) -> bool:
    """True when block i directly follows the block that holds the agenda item."""
    j = i - 1
    while j >= 0 and blocks[j].kind in ("rule", "debris"):
        j -= 1
    return j >= 0 and any(
        re.search(r"[Ii]tem \d+", _clean(line)) for line in blocks[j].lines
    )


def take_title(body: list[Raw], has_masthead: bool) -> tuple[str, str, list[Raw], int]:
    """Find the title (printed once or twice) and an optional subtitle; return the rest."""
    i = 0
    while i < len(body) and body[i].kind in ("rule", "debris"):
        i += 1
    if i >= len(body):
        return "", "", body, 0
    first = body[i]
    candidates: list[Raw] = []
    if first.kind == "heading" or (
        first.kind in ("text", "title") and len(first.lines) == 1 and is_title_like(first.lines[0], 40)
        and (has_masthead or i == 0)
    ):
        candidates.append(first)
    if not candidates:
        return "", "", body, 0
    title_line = first.line
    title = _clean(first.lines[0])
    j = i + 1
    # A title printed twice (bold line then heading, or two headings) appears once.
    while j < len(body) and body[j].kind in ("heading", "text", "title") and len(body[j].lines) == 1 and (
        _norm(body[j].lines[0]) == _norm(title)
    ):
        if body[j].kind == "heading":
            title_line = body[j].line
        j += 1
    subtitle = ""
    if j < len(body) and body[j].kind in ("text", "title") and len(body[j].lines) == 1:
        candidate = _clean(body[j].lines[0])
        if any(p.match(candidate) for p, _ in DOCUMENT_TYPES):
            subtitle = candidate
            j += 1
    return title, subtitle, body[:i] + body[j:], title_line


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", _clean(text)).strip().lower()


def metadata_from(found: Masthead, title: str, subtitle: str) -> Metadata:
    """Turn masthead findings into Metadata; body and type are inferred from the symbol."""
    f = dict(found.fields)
    symbol = f.get("symbol", "")
    body = next((b for prefix, b in BODIES_BY_SYMBOL if symbol.startswith(prefix)), "")
    if not body and found.body_names:
        name = found.body_names[0]
        body = name.capitalize() if name.isupper() and " " not in name else name  # "COUNCIL" → "Council"
    doc_type = next((t for p, t in DOCUMENT_TYPES if p.match(subtitle or "")), "")
    doc_type = doc_type or next((t for p, t in DOCUMENT_TYPES if p.match(title or "")), "")
    doc_type = doc_type or next((t for prefix, t in DOCUMENT_TYPES_BY_SYMBOL if symbol.startswith(prefix)), "")
    agenda = f.get("agenda_item", "")
    if agenda and f.get("agenda_title"):
        agenda = f"{agenda}: {f['agenda_title']}"
    session = f.get("session", "")
    return Metadata(
        title=title,
        subtitle=subtitle,
        symbol=symbol,
        date=f.get("date", ""),
        body=body,
        session=session,
        committee=f.get("committee", ""),
        agenda_item=agenda,
        distribution=f.get("distribution", ""),
        original_language=f.get("original_language", ""),
        document_type=doc_type,
        url=f"https://undocs.org/{symbol}" if symbol and not symbol.startswith(("MC/", "SCPF/")) else "",
    )
