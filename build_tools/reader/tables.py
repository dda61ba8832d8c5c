"""Table rules: pipe and tab tables, contents pages, and captioned tables the extraction flattened.

- rows the dialect gave (pipe tables, tab-separated lines) become a table; a contents table
  with a "Paragraphs" column links each entry and range to its anchors;
- contents lines with dot leaders ("Introduction ........ 3") become a contents list;
- a caption ("Table 4", "Tableau 3.2", "Figure 1") followed by lines that end in figures is a
  table whose columns were flattened: each line is a row label followed by its figures.
"""

from __future__ import annotations

import re

from ..model import Diagnostic, Inline, ListBlock, ListItem, Paragraph, Reference, Table, TableCell, Text
from .paragraphs import Block
from .stream import ROW, TEXT, ends_sentence, plain

_CAPTION = re.compile(r"^(?:Table|Tableau|Tabla|Tabel|Figure|Figura|Chart|Graphique)\s+\d+(?:\.\d+)*\.?\s*(?::|–|-)?\s*(?P<title>.*)$", re.I)
_RANGE = re.compile(r"^\s*(\d{1,3})(?:\s*[–-]\s*(\d{1,3}))?\s*$")
_ALPHA_WORD = re.compile(r"[^\W\d_]{2,}")
_LEADERS = re.compile(r"\s*(?:(?:\.\s?){4,}|…{2,}|(?:_\s?){4,})\s*(?P<page>\d{1,4}|[ivxlc]{1,5})?\s*$")
# A figure in a flattened table: "37.1 Million (CHF)", "$553.2 Million (USD)", ".79 M", "10-15%*", ".8 FTEs".
_VALUE = re.compile(
    r"(?:[$€£¥]\s?|(?:USD|CHF|EUR|CAD|GBP)\s)?-?(?:\d[\d,]*)?\.?\d+(?:-\d+)?"
    r"(?:\s?(?:[Mm]illions?|[Bb]illions?|[Tt]housands?|bn|M|K|%|per cent|[A-Z]{2,5}s?))?"
    r"(?:\s\((?:[$€£]\s?)?[A-Z]{2,4}\))?(?:\\\*|<sup>[^<]*</sup>)?"
)
_TRAILING_VALUE = re.compile(r"(?:^|\s)(" + _VALUE.pattern + r")\s*$")


def caption_rule(b, blocks: list[Block], i: int) -> int:
    """A caption ("Table 4") and its title lines, then the table's rows up to the next prose."""
    block = blocks[i]
    first = plain(block.parts[0].text).strip() if block.parts else ""
    if block.kind != TEXT or not _CAPTION.match(first) or len(block.parts) > 3:
        return 0
    caption = [plain(p.text).strip() for p in block.parts]
    j = i + 1
    while j < len(blocks) and blocks[j].kind == TEXT and not blocks[j].gap and len(blocks[j].parts) == 1 and _short(blocks[j]):
        caption.append(plain(blocks[j].text).strip())
        j += 1
    rows: list[str] = []
    while j < len(blocks) and blocks[j].kind == TEXT and not _is_prose(blocks[j]) and not _section_title(blocks[j]):
        # The rows in neutral text (note markers found in the block kept); a block of several
        # lines gives a row a line.
        rows.extend([blocks[j].text.strip()] if len(blocks[j].parts) == 1 else [p.text.strip() for p in blocks[j].parts])
        j += 1
    lines = [r for r in rows if r]
    with_figures = sum(1 for line in lines[1:] if split_values(line)[1])
    if len(lines) < 2 or with_figures * 3 < len(lines) - 1:
        return 0  # no flattened figures under the caption: the text goes on as text
    recovered = recover_columns(lines)
    if recovered is None:
        b.diagnostics.append(Diagnostic(
            b.path, block.line, "table-flattened",
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
        caption_inlines.extend(b.inlines(_escape(c)))
    b.emit(Table(header, tuple(body), tuple(caption_inlines), block.line))
    return j - i


def _section_title(block: Block) -> bool:
    """A numbered section title after the table ("1. Administrative Budget", "I. CONTEXT"), not a row of figures."""
    text = plain(block.text).strip()
    return bool(re.match(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVXL]{1,5}\.)\s+[^\W\d_]", text)) and not split_values(text)[1]


def _escape(text: str) -> str:
    return re.sub(r"([\\*<])", r"\\\1", text)


def _short(block: Block) -> bool:
    return len(_ALPHA_WORD.findall(plain(block.text))) <= 12 and not ends_sentence(block.text)


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


def _is_prose(block: Block) -> bool:
    """A line of running text rather than a table cell: many words, or a full sentence."""
    for part in block.parts:
        line = plain(part.text)
        words = len(_ALPHA_WORD.findall(line))
        if words >= 12 or (words >= 6 and ends_sentence(line)):
            return True
    return False


def leaders_rule(b, blocks: list[Block], i: int) -> int:
    """Lines with dot leaders and page numbers: a contents page, kept as a list of its entries."""
    def is_entry(block: Block) -> bool:
        return block.kind == TEXT and all(_LEADERS.search(plain(p.text)) for p in block.parts[-1:]) \
            and len(_ALPHA_WORD.findall(plain(block.text))) >= 1

    if not is_entry(blocks[i]):
        return 0
    j = i
    items = []
    while j < len(blocks) and is_entry(blocks[j]):
        text = blocks[j].text
        m = _LEADERS.search(text)
        entry, page = text[: m.start()].rstrip(), m.group("page") or ""
        inlines = b.inlines(entry) + ((Text(f" … {page}"),) if page else ())
        items.append(ListItem((Paragraph(inlines, blocks[j].line),)))
        j += 1
    b.emit(ListBlock(tuple(items), line=blocks[i].line))
    return j - i


def contents_table_rule(b, blocks: list[Block], i: int) -> int:
    """Rows the dialect gave: a table; with paragraph ranges, a contents table linked to its anchors."""
    if blocks[i].kind != ROW:
        return 0
    j = i
    rows: list[list[str]] = []
    header_rows = 0
    while j < len(blocks) and blocks[j].kind == ROW:
        for part in blocks[j].parts:
            cells = list(part.cells) if part.cells else part.text.split("\t")
            if all(re.fullmatch(r":?-{3,}:?", plain(c).strip()) for c in cells if c.strip()):
                continue
            rows.append(cells)
            header_rows += part.marker == "header"
        j += 1
    if rows:
        b.emit(build_table(b, rows, blocks[i].line))
    return j - i


def build_table(b, rows: list[list[str]], line: int) -> Table:
    width = max(len(r) for r in rows)
    # A header one cell short has lost the empty cell above the row labels, not the last one.
    rows = [([""] * (width - len(r)) + r) if k == 0 and len(r) == width - 1 else r + [""] * (width - len(r))
            for k, r in enumerate(rows)]
    header, body = rows[0], rows[1:]
    range_col = next(
        (c for c in range(width) if body and all(_RANGE.match(plain(r[c])) for r in body if r[c])
         and re.match(r"^Paragraphs?$", plain(header[c]), re.I)),
        None,
    )
    if range_col is None:
        return Table(
            tuple(TableCell(b.inlines(c)) for c in header),
            tuple(tuple(TableCell(b.inlines(c)) for c in r) for r in body),
            line=line,
        )
    keep = [c for c in range(width) if not re.match(r"^Pages?$", plain(header[c]), re.I)]
    out_rows = []
    for r in body:
        cells = []
        for c in keep:
            text = r[c]
            if c == range_col:
                m = _RANGE.match(plain(text))
                cells.append(TableCell((Reference((Text(plain(text)),), f"#para-{m.group(1)}"),) if m else ()))
            elif c == 0:
                entry = re.sub(r"\s*\.{2,}\s*$", "", text)
                anchor = b.contents_anchor(plain(entry))
                inlines = b.inlines(entry)
                cells.append(TableCell((Reference(inlines, "#" + anchor),) if anchor else inlines))
            else:
                cells.append(TableCell(b.inlines(re.sub(r"\s*\.{2,}\s*$", "", text))))
        out_rows.append(tuple(cells))
    head = tuple(TableCell(b.inlines(header[c] or "Section")) for c in keep)
    return Table(head, tuple(out_rows), line=line)
