"""The quality report: each source text compared with its published page.

For every document: the words of the source kept on the page (as a count of words, and in
order), words the page adds, numbered paragraphs found as visible anchors, notes (linked both
ways, without a marker, markers without a note), page furniture removed, and anything on the
page that still looks like extraction syntax. The source's words are counted independently of
the reader: its Markdown and HTML syntax is stripped and only the lines the reader declares as
page furniture are set aside. Linear in the length of the text.

`python -m build_tools verify [--markdown | --json] [NAMES...]`; exit 1 below the thresholds.
"""

from __future__ import annotations

import bisect
import html as html_lib
import json
import re
import sys
from collections import Counter
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import markdown

from .model import Source
from .reader import ReadReport
from .sources import load_sources

EXTENSIONS = ["abbr", "attr_list", "def_list", "md_in_html", "tables", "toc"]  # as mkdocs.yml
APPENDIX_MARK = "<!-- end of document text -->"
MIN_KEPT = 99.0

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Hyphens inside words and at line ends are not compared: "co-operation", "Refu-\ngees" and
# "High-level" read the same whether the page joins, keeps or restores the hyphen.
_HYPHEN = re.compile(r"(?<=[^\W\d_])[-\u00ad]\s*(?=[^\W\d_])")


_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def words_of(text: str) -> list[str]:
    """Lower-case words, hyphens inside words ignored and superscript digits read as digits."""
    return [w.lower() for w in _WORD.findall(_HYPHEN.sub("", text.translate(_SUPERSCRIPTS)))]
# Extraction syntax that must never show on a page: LaTeX superscripts, note definitions and
# references, image placeholders, OCR running-head suffixes, HTML tags, escaped punctuation,
# heading hashes without a space, emphasis marks, HTML metadata, form feeds, dot leaders' ends.
LEFTOVERS: list[tuple[str, re.Pattern[str]]] = [
    ("LaTeX superscript", re.compile(r"\$\{?\s*\}?\^")),
    ("note syntax", re.compile(r"\[\^[^\]\s]+\]")),
    ("image placeholder", re.compile(r"!\[[^\]]*\]\(")),
    ("running-head page suffix", re.compile(r"\.\.\. page \d+")),
    ("HTML tag", re.compile(r"</?(?:sup|sub|br|meta|span|div|p|a|b|i)\b[^>]*>", re.I)),
    ("escaped punctuation", re.compile(r"\\[&_*#\[\].\-]")),
    ("heading hashes", re.compile(r"(?m)^#{1,6}\S")),
    ("emphasis marks", re.compile(r"\*\*\S|\S\*\*")),
    ("form feed", re.compile("\f")),
]
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_PARA_LINE = re.compile(r"^\s*(?:[-*]\s+)?(?:\*\*)?(\d{1,3})\\?\.(?:\*\*)?(?:\s+\S|\s*$)")


@dataclass
class Report:
    """The figures for one document."""

    name: str
    dialect: str = ""
    source_words: int = 0
    furniture_words: int = 0
    kept: int = 0
    kept_percent: float = 0.0
    in_order_percent: float = 0.0
    words_added: int = 0
    paragraphs_expected: list[str] = field(default_factory=list)
    paragraphs_missing: list[str] = field(default_factory=list)
    units: int = 0
    articles: int = 0
    footnotes: int = 0
    footnotes_unlinked: list[str] = field(default_factory=list)
    notes_without_marker: list[str] = field(default_factory=list)
    markers_without_note: list[str] = field(default_factory=list)
    furniture: dict[str, int] = field(default_factory=dict)
    repaired: dict[str, int] = field(default_factory=dict)
    leftovers: list[str] = field(default_factory=list)
    errors: int = 0
    warnings: int = 0
    fallback: bool = False

    @property
    def ok(self) -> bool:
        return (
            self.kept_percent >= MIN_KEPT
            and not self.paragraphs_missing
            and not self.footnotes_unlinked
            and not self.leftovers
            and not self.fallback
        )


# --- The source's words ----------------------------------------------------------------------


def source_words(text: str, furniture: list[str] = ()) -> tuple[list[str], Counter[str]]:
    """The source's words, its syntax stripped, and the bag of words in its furniture lines."""
    text = _FRONT_MATTER.sub("", text.replace("\r\n", "\n"))
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)  # image placeholders
    text = re.sub(r"\]\([^)\s]*\)", "] ", text)  # link targets (the link text stays)
    text = re.sub(r"\$\{?\s*\}?\^\{?([^{}$]*)\}?\$", r" \1 ", text)  # LaTeX superscripts
    text = re.sub(r"\[\^([^\]\s]+)\]:?", r" \1 ", text)  # note labels
    text = re.sub(r"<!--.*?-->|<[^>\n]+>", " ", text, flags=re.S)  # HTML tags and comments
    text = html_lib.unescape(text)
    words = words_of(text)
    removed = Counter(w for line in furniture for w in words_of(re.sub(r"<[^>]+>", " ", line)))
    return words, removed


_ARTICLE_LINE = re.compile(r"^[\W_]*(?:article|artikel|artículo|art\.)\s+\d+", re.IGNORECASE)


def expected_paragraphs(text: str) -> list[str]:
    """Printed paragraph numbers at line starts: the longest chain counting up by one from 1 (or
    from 2, the first paragraph going unnumbered) whose members mostly stand before a sentence.

    A number before one line that ends without punctuation, the next line not going on in
    lower case, numbers a heading, not a paragraph; a paragraph cut by a page may look so, and
    its neighbours in the chain keep it."""
    lines = [x for x in text.splitlines() if x.strip()]
    chains: list[list[tuple[str, bool]]] = []  # (number, stands before a sentence)
    for k, line in enumerate(lines):
        m = _PARA_LINE.match(line)
        if not m:
            continue
        n = int(m.group(1))
        rest = line[m.end(1):].lstrip("\\.*) ").strip()
        following = k + 1
        if not rest and k + 1 < len(lines):
            rest, following = lines[k + 1].strip(), k + 2
        rest = re.sub(r"<sup>.*?</sup>|<[^>]+>|\[\^[^\]]+\]", "", rest)  # note markers after the full stop
        rest = re.sub(r"^[*_“\"'(]+", "", rest)
        after = lines[following].strip() if following < len(lines) else ""
        sentence = len(rest.split()) >= 8 and (rest[:1].isupper() or rest[:1].isdigit()) \
            and (bool(re.search(r"[.;:!?”\"’)\]]\**$", rest)) or after[:1].islower())
        if chains and n == int(chains[-1][-1][0]) + 1:
            chains[-1].append((m.group(1), sentence))
        elif n == 1 or (n == 2 and not chains):
            chains.append([(m.group(1), sentence)])
    paragraphs = [c for c in chains if len(c) >= 3 and sum(ok for _, ok in c) * 5 >= len(c) * 3]
    longest = max(paragraphs, key=len, default=[])
    articles = sum(1 for x in lines if _ARTICLE_LINE.match(x))
    if articles < 2 and sum(1 for c in paragraphs if len(c) * 3 >= len(longest) * 2) > 1:
        return []  # outside articles, numbering that starts again about as long is a list's
    return [number for number, _ in longest]


# --- The page --------------------------------------------------------------------------------


class _PageText(HTMLParser):
    """The visible words of a rendered page, its ids, paragraph anchors and note links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.ids: set[str] = set()
        self.unit_text: dict[str, str] = {}
        self.note_refs: set[str] = set()  # hrefs of note markers
        self.note_backs: dict[str, str] = {}  # note id → href of its label
        self.skip = 0
        self.card: list[str] = []  # the metadata card: masthead facts in the archive's own labels
        self._card = 0
        self._unit: str | None = None
        self._note: list[str] = []
        self._depth: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "headerlink" in classes:
            self.skip += 1
        if tag == "dl":  # the metadata card
            self._card += 1
        if tag == "a" and "para-number" in classes:
            self._unit = a.get("id")
        if tag == "a" and "footnote-ref" in classes:
            self.note_refs.add(a.get("href", ""))
        if tag == "div" and "note" in classes:
            self._note.append(a.get("id", ""))
        if tag == "a" and "note-label" in classes and self._note:
            self.note_backs[self._note[-1]] = a.get("href", "")
        if tag not in ("br", "hr", "img", "input", "meta", "link"):
            self._depth.append(tag)

    def handle_endtag(self, tag):
        if tag == "a" and self.skip:
            self.skip -= 1
        if tag == "dl" and self._card:
            self._card -= 1
        if tag == "a":
            self._unit = None
        if tag == "div" and self._note:
            self._note.pop()
        if self._depth and self._depth[-1] == tag:
            self._depth.pop()

    def handle_data(self, data):
        if self._unit:
            self.unit_text[self._unit] = self.unit_text.get(self._unit, "") + data
        if self._card:
            self.card.append(data)
        elif not self.skip:
            self.text.append(data)

    @property
    def words(self) -> list[str]:
        return words_of("".join(self.text))


def render(markdown_text: str) -> _PageText:
    page = _PageText()
    page.feed(markdown.markdown(markdown_text, extensions=EXTENSIONS))
    return page


def document_region(page_markdown: str) -> str:
    """The page from its title to the end of its notes: what the document itself says."""
    body = _FRONT_MATTER.sub("", page_markdown)
    return body.split(APPENDIX_MARK, 1)[0]


# --- Comparing -------------------------------------------------------------------------------


def in_order(a: list[str], b: list[str]) -> int:
    """How many words of `a` appear in `b` in the same order: an n log n approximation of their
    longest common subsequence (words unique to both anchor a patience alignment; between two
    anchors, words are matched greedily in order)."""
    count_a, count_b = Counter(a), Counter(b)
    where_b = {w: j for j, w in enumerate(b) if count_b[w] == 1}
    pairs = [(i, where_b[w]) for i, w in enumerate(a) if count_a[w] == 1 and w in where_b]
    anchors = _longest_increasing(pairs)
    total, last_i, last_j = len(anchors), 0, 0
    for i, j in anchors + [(len(a), len(b))]:
        total += _greedy(a[last_i:i], b[last_j:j])
        last_i, last_j = i + 1, j + 1
    return total


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of pairs increasing in both coordinates (pairs come sorted by the first)."""
    tails: list[int] = []  # tails[k]: index in pairs of the smallest end of a chain of length k+1
    previous: list[int] = [-1] * len(pairs)
    ends: list[int] = []
    for k, (_, j) in enumerate(pairs):
        pos = bisect.bisect_left(ends, j)
        if pos:
            previous[k] = tails[pos - 1]
        if pos == len(ends):
            ends.append(j)
            tails.append(k)
        else:
            ends[pos], tails[pos] = j, k
    chain, k = [], tails[-1] if tails else -1
    while k >= 0:
        chain.append(pairs[k])
        k = previous[k]
    return chain[::-1]


def _greedy(a: list[str], b: list[str]) -> int:
    """Words of `a` found in `b` in order, taking each time the next occurrence."""
    positions: dict[str, list[int]] = {}
    for j, w in enumerate(b):
        positions.setdefault(w, []).append(j)
    at, n = -1, 0
    for w in a:
        spots = positions.get(w)
        if not spots:
            continue
        k = bisect.bisect_right(spots, at)
        if k < len(spots):
            at = spots[k]
            n += 1
    return n


def verify_document(name: str, source_text: str, page_markdown: str, read: ReadReport | None = None) -> Report:
    """The quality report of one document, from its source text, its page and what the reader said."""
    read = read or ReadReport()
    report = Report(name, dialect=read.dialect, fallback=read.fallback)
    words, furniture = source_words(source_text, read.removed_lines)
    page = render(document_region(page_markdown))
    expected = Counter(words) - furniture
    report.source_words = len(words)
    report.furniture_words = sum((Counter(words) & furniture).values())
    # The masthead's facts are kept where the card shows them; the card's labels are not added text.
    common = expected & Counter(page.words + words_of("".join(page.card)))
    report.kept = sum(common.values())
    total = max(1, sum(expected.values()))
    report.kept_percent = round(100.0 * report.kept / total, 2)
    report.words_added = sum((Counter(page.words) - Counter(words)).values())
    furniture_left = furniture.copy()
    ordered = []
    for w in words:
        if furniture_left[w] > 0:
            furniture_left[w] -= 1
            continue
        ordered.append(w)
    report.in_order_percent = round(100.0 * in_order(ordered, page.words) / max(1, len(ordered)), 2)
    report.paragraphs_expected = expected_paragraphs(source_text)
    report.paragraphs_missing = [
        n for n in report.paragraphs_expected
        if not any(i == f"para-{n}" or i.endswith(f"-para-{n}") for i in page.unit_text)
    ]
    report.units = len(page.unit_text)
    report.articles = len({i for i in page.ids if re.match(r"^(?:[a-z0-9-]+-)?article-\d+$", i)})
    notes = sorted(i for i in page.ids if i.startswith("note-"))
    report.footnotes = len(notes)
    for note in notes:
        called = f"#{note}" in page.note_refs
        back = page.note_backs.get(note, "").lstrip("#")
        if called and back not in page.ids:
            report.footnotes_unlinked.append(note)
    report.notes_without_marker = list(read.notes_unmarked)
    report.markers_without_note = list(read.markers_without_body)
    report.furniture = dict(read.removed)
    report.repaired = dict(read.repaired)
    visible = " ".join(_visible_text(document_region(page_markdown)))
    report.leftovers = [f"{kind}: {m.group(0)!r}" for kind, pattern in LEFTOVERS for m in pattern.finditer(visible)][:20]
    return report


def _visible_text(region: str) -> list[str]:
    """The page's visible text as strings, for the leftover-syntax check."""
    class _Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.out: list[str] = []

        def handle_data(self, data):
            self.out.append(data)

    parser = _Text()
    parser.feed(markdown.markdown(region, extensions=EXTENSIONS))
    return parser.out


def verify_all(root: Path, names: list[str] | None = None) -> list[Report]:
    """The report of every source (or of the named ones), against the pages in docs/."""
    from .corpus import load_prepared, prepare_corpus  # the build's cache: what it read is not read again

    reports = []
    sources = [s for s in load_sources(root / "source_texts", root) if not names or s.name in names]
    keys, _ = prepare_corpus(sources, root)
    for source, key in zip(sources, keys):
        prepared = load_prepared(root, key)
        document, read = prepared.document, prepared.report
        page = root / "docs" / "documents" / f"{source.name}.md"
        text = page.read_text(encoding="utf-8") if page.exists() else ""
        report = verify_document(source.name, source.text, text, read)
        report.errors = sum(1 for d in document.diagnostics if d.severity == "error")
        report.warnings = sum(1 for d in document.diagnostics if d.severity != "error")
        reports.append(report)
    return reports


COLUMNS = ("document", "dialect", "kept %", "in order %", "added", "paragraphs", "units", "notes",
           "unpaired", "furniture", "leftovers", "status")


def rows(reports: list[Report]) -> list[tuple[str, ...]]:
    out = []
    for r in reports:
        paras = f"{len(r.paragraphs_expected) - len(r.paragraphs_missing)}/{len(r.paragraphs_expected)}"
        unpaired = len(r.notes_without_marker) + len(r.markers_without_note)
        out.append((r.name, r.dialect, f"{r.kept_percent:.2f}", f"{r.in_order_percent:.1f}", str(r.words_added),
                    paras, str(r.units), str(r.footnotes), str(unpaired), str(sum(r.furniture.values())),
                    str(len(r.leftovers)), "ok" if r.ok else "FAIL"))
    return out


def format_markdown(reports: list[Report]) -> str:
    """The report as a Markdown table (for a pull request's job summary)."""
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "|".join("---" for _ in COLUMNS) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows(reports)]
    failing = [f"- **{r.name}**: " + "; ".join(problems(r)) for r in reports if not r.ok]
    return "\n".join(lines + ([""] + failing if failing else [])) + "\n"


def format_terminal(reports: list[Report]) -> str:
    table = [COLUMNS] + rows(reports)
    widths = [max(len(row[k]) for row in table) for k in range(len(COLUMNS))]
    lines = ["  ".join(cell.ljust(widths[k]) if k == 0 else cell.rjust(widths[k]) for k, cell in enumerate(row))
             for row in table]
    return "\n".join(lines) + "\n"


def problems(r: Report) -> list[str]:
    out = []
    if r.fallback:
        out.append("the reader failed and published the text as plain paragraphs")
    if r.kept_percent < MIN_KEPT:
        out.append(f"only {r.kept_percent}% of the words are on the page (threshold {MIN_KEPT}%)")
    out += [f"paragraph {n} has no visible anchor" for n in r.paragraphs_missing]
    out += [f"{n} is not linked both ways" for n in r.footnotes_unlinked]
    out += [f"leftover {x}" for x in r.leftovers[:5]]
    return out


def main(root: Path, as_json: bool = False, as_markdown: bool = False, names: list[str] | None = None) -> int:
    reports = verify_all(root, names)
    if as_json:
        print(json.dumps([asdict(r) | {"ok": r.ok} for r in reports], indent=2))
    elif as_markdown:
        print(format_markdown(reports), end="")
    else:
        print(format_terminal(reports), end="")
        for r in reports:
            for problem in problems(r):
                print(f"  {r.name}: {problem}", file=sys.stderr)
    return 0 if all(r.ok for r in reports) else 1


__all__ = ["MIN_KEPT", "Report", "Source", "format_markdown", "main", "verify_all", "verify_document"]
