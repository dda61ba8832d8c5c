"""Table rules: captioned tables flattened by the extraction, tab and pipe tables, contents tables."""

from __future__ import annotations

import re

from ..model import Diagnostic, Inline, Reference, Table, TableCell, Text
from .blocks import Raw, ending
from .builder import Builder
from .headings import DOTTED, LETTER, ROMAN, roman_value

_CAPTION = re.compile(r"^(?:Table|Figure|Chart) \d+(?:\.\d+)*\.?$")
_RANGE = re.compile(r"^\s*(\d{1,3})(?:\s*[–-]\s*(\d{1,3}))?\s*$")
_WORDS = re.compile(r"\w+")


def caption_rule(b: Builder, raws: list[Raw], i: int) -> int:
    """`Table 2.1` and its title lines, then the table's rows up to the next prose."""
    raw = raws[i]
    if not (raw.kind == "text" and len(raw.lines) == 1 and _CAPTION.match(raw.lines[0].strip())):
        return 0
    caption = [raw.lines[0].strip()]
    j = i + 1
    while j < len(raws) and raws[j].group == raw.group and raws[j].kind == "text":
        caption.extend(x.strip() for x in raws[j].lines)
        j += 1
    rows: list[str] = []
    while j < len(raws) and raws[j].kind == "text" and not _is_prose(raws[j]):
        rows.extend(raws[j].lines)
        j += 1
    lines = [r.strip() for r in rows if r.strip()]
    recovered = recover_columns(lines)
    if recovered is None:
        b.diagnostics.append(Diagnostic(
            b.path, raw.line, "table-flattened",
            f"The columns of {caption[0]} could not be recovered; each line is kept as a row.",
        ))
        grid = [[line] for line in lines]
    else:
        grid = recovered
    cells = [tuple(TableCell(b.inlines(c)) for c in row) for row in grid]
    header, body = (cells[0], cells[1:]) if cells else ((), [])
    caption_inlines: list[Inline] = []
    for k, c in enumerate(caption):
        if k:
            caption_inlines.append(Text(": " if k == 1 else " — "))
        caption_inlines.extend(b.inlines(c))
    b.emit(Table(header, tuple(body), tuple(caption_inlines), raw.line))
    return j - i


_ALPHA_WORD = re.compile(r"[^\W\d_]{2,}")


# A figure in a flattened table: "37.1 Million (CHF)", "$553.2 Million (USD)", ".79 M", "10-15%*".
_VALUE = re.compile(
    r"(?:\$\s?)?-?(?:\d[\d,]*)?\.?\d+(?:-\d+)?(?:\s?(?:Million|M|%|FTEs))?"
    r"(?:\s\((?:\$\s?)?[A-Z]{2,4}\))?\*?"
)
_TRAILING_VALUE = re.compile(r"(?:^|\s)(" + _VALUE.pattern + r")\s*$")


def split_values(line: str) -> tuple[str, list[str]]:
    """'Japan 7.2 M' → ('Japan', ['7.2 M']): a row label and the figures that end the line."""
    values: list[str] = []
    rest = line.strip()
    while rest:
        m = _TRAILING_VALUE.search(rest)
        if not m or not any(ch.isdigit() for ch in m.group(1)):
            break
        values.insert(0, m.group(1))
        rest = rest[: m.start()].rstrip()
    return rest, values


def recover_columns(lines: list[str]) -> list[list[str]] | None:
    """Rebuild a flattened table whose rows are a label followed by figures, or None.

    Label lines with no figures join the next figure line that has no label of its own
    (a label printed on two lines); otherwise they become rows of their own.
    """
    if len(lines) < 2:
        return None
    data = [split_values(line) for line in lines[1:]]
    width = max(len(values) for _, values in data)
    if width == 0:
        return None
    rows: list[list[str]] = []
    pending: list[str] = []
    for label, values in data:
        if not values:
            pending.append(label)
            continue
        if not label and pending:
            label, pending = " ".join(pending), []
        rows.extend([p] + [""] * width for p in pending)
        pending = []
        rows.append([label] + values + [""] * (width - len(values)))
    rows.extend([p] + [""] * width for p in pending)
    head_label, head_values = split_values(lines[0])
    if len(head_values) == width:
        header = [head_label] + head_values
    elif width == 1 and not head_values and len(lines[0].split()) >= 2:
        first, rest = lines[0].split(None, 1)
        header = [first, rest]
    else:
        return None
    return [header] + rows


def _is_prose(raw: Raw) -> bool:
    """A line of running text rather than a table cell: many words, or a full sentence."""
    for line in raw.lines:
        words = len(_ALPHA_WORD.findall(line))
        if words >= 12 or (words >= 6 and ending(line) == "closed"):
            return True
    return False


def contents_table_rule(b: Builder, raws: list[Raw], i: int) -> int:
    """Consecutive tab-separated rows: a table; with paragraph ranges, a linked contents table."""
    if raws[i].kind != "row":
        return 0
    j = i
    rows: list[list[str]] = []
    while j < len(raws) and raws[j].kind == "row":
        rows.extend(split_row(line, raws[j].marker) for line in raws[j].lines)
        j += 1
    separator = re.compile(r":?-{3,}:?")
    rows = [r for r in rows if not (any(r) and all(separator.fullmatch(c) for c in r if c))]
    b.emit(build_table(b, rows, raws[i].line))
    return j - i


def split_row(line: str, separator: str) -> list[str]:
    """The cells of a tab-separated or pipe row (`\\|` inside a cell is a literal bar)."""
    if separator == "|":
        inner = line.strip()[1:-1]
        return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", inner)]
    return [c.strip() for c in line.split("\t")]


def build_table(b: Builder, rows: list[list[str]], line: int) -> Table:
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    header, body = rows[0], rows[1:]
    range_col = next(
        (c for c in range(width) if body and all(_RANGE.match(r[c]) for r in body if r[c])
         and re.match(r"^Paragraphs?$", header[c], re.I)),
        None,
    )
    keep = [c for c in range(width) if not re.match(r"^Pages?$", header[c], re.I)] if range_col is not None else list(range(width))
    if range_col is None:
        return Table(
            tuple(TableCell(b.inlines(header[c])) for c in keep),
            tuple(tuple(TableCell(b.inlines(r[c])) for c in keep) for r in body),
            line=line,
        )
    out_rows = []
    chapter = ("", 0)
    for r in body:
        cells = []
        for c in keep:
            text = r[c]
            if c == range_col:
                m = _RANGE.match(text)
                cells.append(TableCell((Reference((Text(text),), f"#para-{m.group(1)}"),) if m else ()))
            elif c == 0:
                entry = re.sub(r"\s*\.{2,}\s*$", "", text)
                anchor, chapter = _contents_anchor(entry, chapter)
                inl = b.inlines(entry)
                cells.append(TableCell((Reference(inl, "#" + anchor),) if anchor else inl))
            else:
                cells.append(TableCell(b.inlines(text)))
        out_rows.append(tuple(cells))
    head = tuple(TableCell(b.inlines(header[c] or "Section")) for c in keep)
    return Table(head, tuple(out_rows), line=line)


def _contents_anchor(entry: str, chapter: tuple[str, int]) -> tuple[str, tuple[str, int]]:
    """The anchor a contents entry points at, as heading_rule makes it; `chapter` is the
    current chapter (numeral, value), so that "C." after "B." is a letter, not 100."""
    name, value = chapter
    m = ROMAN.match(entry)
    if m and roman_value(m.group(1)) == value + 1:
        return f"chapter-{m.group(1).lower()}", (m.group(1).lower(), value + 1)
    m = LETTER.match(entry)
    if m:
        return (f"section-{name}-{m.group(1).lower()}" if name else f"section-{m.group(1).lower()}"), chapter
    m = DOTTED.match(entry)
    if m:
        return "section-" + m.group(1).replace(".", "-"), chapter
    return "", chapter
