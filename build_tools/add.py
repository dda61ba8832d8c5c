"""Add a document to `source_texts/`: a PDF's text, extracted with pdfminer.six, or a text copied as is.

The sidecar written beside it records where the text came from and lists what the reader
found in it, for the contributor to confirm. The pages are then rebuilt and the new
document's quality report printed. Anything that cannot be added is refused as `path: reason`.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import logging
import re
import unicodedata
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import yaml

from .model import Document, Source
from .paths import document_page
from .pipeline import BuildResult, convert, write_pages
from .reader import read
from .sidecar import RESERVED_NAMES, page_key, validate, value_problem
from .sources import MAX_BYTES, SourceError, decode

EXTRACTOR = "pdfminer.six"
SOURCE_DIR = "source_texts"
# Names a document may not take: generated pages, and the curated glossary's file.
TAKEN_BY_THE_PROJECT = RESERVED_NAMES | {"glossary"}
INFERRED_FIELDS = ("title", "symbol", "date", "body", "document_type", "language")
_NAME_WORDS = 8  # a name made from a title keeps at most this many words...
_NAME_CHARS = 60  # ...and this many characters
SHOWN_DIAGNOSTICS = 12
_SMALL_WORDS = frozenset("a an and at by de des du en et for in la le les of on or the to van".split())


@dataclass(frozen=True)
class Extraction:
    """A source text and how it was obtained."""

    text: str
    data: bytes  # exactly what source_texts/NAME.txt will hold
    tool: str = ""  # "pdfminer.six 20260107" for a PDF; unknown for a text file
    original_sha256: str = ""  # of the PDF
    pages: int = 0
    notes: tuple[str, ...] = ()  # things the contributor should know


@dataclass(frozen=True)
class Added:
    """A document that joined the archive: its files, its conversion and its generated page."""

    name: str
    text_path: Path
    sidecar_path: Path
    extraction: Extraction
    document: Document
    page: str  # path under docs/
    result: BuildResult


def extractor_version() -> str:
    return f"{EXTRACTOR} {version(EXTRACTOR)}"


def is_pdf(data: bytes) -> bool:
    """PDF readers accept the header anywhere in the first kilobyte."""
    return b"%PDF-" in data[:1024]


def extract_pdf(data: bytes, shown: str) -> Extraction:
    """The text layer of a PDF, each page ending with a form feed; refused when there is none."""
    from pdfminer.high_level import extract_text
    from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFParser

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # its warnings are about the file's internals
    notes: list[str] = []
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        if document.encryption:
            notes.append("the PDF is encrypted, but opens without a password; its text was read")
        text = extract_text(io.BytesIO(data))
    except PDFPasswordIncorrect:
        raise SourceError(
            f"{shown}: the PDF is encrypted and needs a password; add an unprotected copy "
            "(or a text extracted from it)"
        ) from None
    except Exception as exc:  # noqa: BLE001 - pdfminer reports a damaged file with its own errors and Python's
        raise SourceError(f"{shown}: cannot be read as a PDF ({type(exc).__name__}: {exc})") from None
    if not re.search(r"[^\W\d_]{2}", text):
        raise SourceError(
            f"{shown}: the PDF has no text layer (a scan?); run OCR on it first "
            "(for example with ocrmypdf) and add the PDF it makes, or add a text extracted from it"
        )
    encoded = text.encode("utf-8")
    return Extraction(
        text=decode(encoded, shown),
        data=encoded,
        tool=extractor_version(),
        original_sha256=hashlib.sha256(data).hexdigest(),
        pages=text.count("\f"),
        notes=tuple(notes),
    )


def read_input(path: Path) -> Extraction:
    """What a contributor brings: a PDF is extracted, a text file is taken byte for byte."""
    shown = str(path)
    try:
        if not path.is_file():
            raise SourceError(f"{shown}: not a file" if path.exists() else f"{shown}: no such file")
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"{shown}: cannot be read ({exc.strerror or exc})") from None
    if not data:
        raise SourceError(f"{shown}: the file is empty")
    if is_pdf(data):
        extraction = extract_pdf(data, shown)
    else:
        try:
            extraction = Extraction(text=decode(data, shown), data=data)
        except SourceError as exc:
            raise SourceError(*(f"{m}; it is not a PDF either" for m in exc.messages)) from None
    if len(extraction.data) > MAX_BYTES:
        raise SourceError(
            f"{shown}: its text is {len(extraction.data)} bytes, more than the {MAX_BYTES}-byte limit "
            "for one source; add it in parts"
        )
    return extraction


def slug(text: str) -> str:
    """Lower-case ASCII letters and digits joined by hyphens: `A/RES/70/296` → `a-res-70-296`."""
    spaced = re.sub(r"[\W_]+", " ", text)  # an apostrophe or a slash separates words: "D’ÉVALUATION"
    ascii_text = unicodedata.normalize("NFKD", spaced).encode("ascii", "ignore").decode("ascii")
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))


def short_slug(title: str) -> str:
    """The slug of a title's first words, cut after a word that is not a small one like `of`."""
    words = slug(title).split("-")[:_NAME_WORDS]
    while len(words) > 1 and (len("-".join(words)) > _NAME_CHARS or words[-1] in _SMALL_WORDS):
        words.pop()
    return "-".join(words)[:_NAME_CHARS]


def existing_names(source_dir: Path) -> set[str]:
    """Every name in use, compared as the build compares them (case does not tell names apart)."""
    found = {page_key(p.stem) for p in source_dir.glob("*") if p.suffix in (".txt", ".yml")}
    return found | {page_key(n) for n in TAKEN_BY_THE_PROJECT}


def new_name(symbol: str, title: str, fallback: str, taken: set[str]) -> str:
    """From the symbol, else the title, else the file's name; `-2`, `-3`… when it is taken."""
    base = slug(symbol) or short_slug(title) or short_slug(fallback) or "document"
    name, n = base, 2
    while page_key(name) in taken:
        name, n = f"{base}-{n}", n + 1
    return name


def check_option(key: str, value: str, option: str) -> None:
    problem, _ = value_problem(key, value)
    if problem:
        raise SourceError(f"{option}: {problem}")


def infer(extraction: Extraction, shown_name: str, symbol: str) -> Document:
    """What the reader makes of the text, with the symbol the contributor gave."""
    sidecar = {"symbol": symbol} if symbol else {}
    source = Source(name=shown_name, path=f"{SOURCE_DIR}/{shown_name}.txt", text=extraction.text, sidecar=sidecar)
    return read(source)


def yaml_line(key: str, value: str) -> str:
    """One `key: value` line, quoted where YAML needs it (a date needs no quotes in a sidecar)."""
    if key in ("date", "added") and re.fullmatch(r"\d{4}(-\d{2}){0,2}", value):
        return f"{key}: {value}"
    return yaml.safe_dump({key: value}, allow_unicode=True, width=10_000, sort_keys=False).strip()


def sidecar_text(
    name: str, extraction: Extraction, document: Document, url: str, symbol: str, today: datetime.date
) -> str:
    """The sidecar: provenance as fields, the reader's findings as comments to confirm."""
    lines = [
        f"# Facts about {SOURCE_DIR}/{name}.txt, written by `python -m build_tools add`.",
        "# CONTRIBUTING.md says what each field means and when to correct one.",
        "#",
        "# Where the text comes from.",
    ]
    if extraction.tool:
        lines.append(yaml_line("extraction_tool", extraction.tool))
        lines.append(yaml_line("source_sha256", extraction.original_sha256))
    else:
        lines += [
            "# The text was added as it was received: name the tool that made it, if known, e.g.",
            "# extraction_tool: pdftotext 22.12.0 -layout",
        ]
    if url:
        lines.append(yaml_line("source_url", url))
    lines.append(yaml_line("added", today.isoformat()))
    if symbol:
        lines += ["#", "# Given when the document was added.", yaml_line("symbol", symbol)]
    m = document.metadata
    found = [key for key in INFERRED_FIELDS if getattr(m, key) and not (key == "symbol" and symbol)]
    missing = [key for key in INFERRED_FIELDS if not getattr(m, key) and not (key == "symbol" and symbol)]
    lines += [
        "#",
        "# What the reader found in the text. Check each value against the original. To correct one,",
        "# or to give one it did not find, remove the `# ` before its line and write the right value",
        "# (date as YYYY, YYYY-MM or YYYY-MM-DD; language as a code such as en, fr, es).",
    ]
    lines += [f"# {yaml_line(key, getattr(m, key))}" for key in found]
    lines += [f"# {key}:" for key in missing]
    if "no-title" in {d.code for d in document.diagnostics}:
        lines.append("# No title was found in the text: give one (title: ...).")
    text = "\n".join(lines) + "\n"
    validate(text, f"{SOURCE_DIR}/{name}.yml")  # what is written must be a valid sidecar
    return text


def add(root: Path, path: Path, url: str = "", symbol: str = "", today: datetime.date | None = None) -> Added:
    """Add the file at `path` to `root`'s archive and rebuild the pages; SourceError when refused."""
    if url:
        check_option("source_url", url, "--url")
    if symbol:
        check_option("symbol", symbol, "--symbol")
    source_dir = root / SOURCE_DIR
    if path.resolve().parent == source_dir.resolve():
        raise SourceError(f"{path}: already in {SOURCE_DIR}/; `add` takes a file from elsewhere")
    extraction = read_input(path)
    inferred = infer(extraction, slug(path.stem) or "document", symbol)
    title = "" if "no-title" in {d.code for d in inferred.diagnostics} else inferred.metadata.title
    name = new_name(inferred.metadata.symbol, title, path.stem, existing_names(source_dir))
    text_path, sidecar_path = source_dir / f"{name}.txt", source_dir / f"{name}.yml"
    sidecar = sidecar_text(name, extraction, inferred, url, symbol, today or datetime.date.today())
    source_dir.mkdir(parents=True, exist_ok=True)
    with text_path.open("xb") as f:
        f.write(extraction.data)
    try:
        with sidecar_path.open("x", encoding="utf-8", newline="\n") as f:
            f.write(sidecar)
        result = convert(root)
    except BaseException as exc:
        text_path.unlink()
        sidecar_path.unlink(missing_ok=True)
        if isinstance(exc, Exception) and not isinstance(exc, SourceError):
            raise SourceError(
                f"{path}: the archive could not be converted with it ({type(exc).__name__}: {exc}); "
                "nothing was added. Please report this, with the file"
            ) from exc
        raise
    write_pages(result, root / "docs")
    document = next(d for d in result.documents if d.name == name)
    return Added(name, text_path, sidecar_path, extraction, document, document_page(document.name), result)


def main(root: Path, path: Path, url: str = "", symbol: str = "") -> int:
    """`python -m build_tools add`: add, then print what was written and the quality report."""
    from .quality import quality_report, report_text

    added = add(root, path, url=url, symbol=symbol)
    doc, extraction = added.document, added.extraction
    pages = f"{extraction.pages} page{'s' if extraction.pages != 1 else ''}"
    how = f"text extracted with {extraction.tool}, {pages}" if extraction.tool else "copied as is"
    print(f"added {added.text_path.relative_to(root)} ({how})")
    print(f"wrote {added.sidecar_path.relative_to(root)}: check what the reader found, and correct it there")
    for note in extraction.notes:
        print(f"note: {note}")
    m = doc.metadata
    for label, value in (("title", m.title), ("symbol", m.symbol), ("date", m.date), ("issuing body", m.body),
                         ("document type", m.document_type), ("language", m.language)):
        print(f"  {label:<14} {value or '(not found)'}")
    for diagnostic in doc.diagnostics[:SHOWN_DIAGNOSTICS]:
        print(diagnostic)
    if len(doc.diagnostics) > SHOWN_DIAGNOSTICS:
        print(f"... and {len(doc.diagnostics) - SHOWN_DIAGNOSTICS} more (`make docs` prints them all)")
    report = quality_report(doc.name, extraction.text, added.result.pages[added.page])
    print("quality report:")
    print("\n".join(report_text(report)))
    print(f"page: docs/{added.page}, published at documents/{doc.name}/ (preview it with `make serve`)")
    print("next: confirm the sidecar, run `make check`, and commit source_texts/ and docs/")
    return 0 if report.ok else 1
