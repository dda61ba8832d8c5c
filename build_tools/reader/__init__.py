"""The reader: a source text (and its sidecar) → a `Document`.

Two layers. The text rules make what extraction tools write plain (`normalize`); a dialect
front-end turns the text into one neutral stream of pages of lines (`dialects`: `plain`,
`columns`, `markdown`). Then the recovery rules, which know no dialect, recover the document
by evidence: page furniture (`furniture`), notes (`notes`), paragraphs (`paragraphs`, `words`),
metadata (`metadata`) and structure (`structure`, `units`, `tables`).

Reading is a pure function of the source. A rule that fails is a diagnostic with the file and
line, and the document is still published, in plain paragraphs with every word (`fallback`).
"""

from __future__ import annotations

import re
import traceback
from collections import Counter
from dataclasses import dataclass, field, replace

from .. import dates
from ..model import (
    PROVENANCE_FIELDS,
    Diagnostic,
    Document,
    Footnote,
    Metadata,
    Paragraph,
    Provenance,
    Source,
)
from .dialects import read_stream
from .furniture import own_symbol_lines, remove_furniture
from .inline import parse_inlines
from .metadata import read_metadata
from .normalize import normalise, replacement_lines
from .notes import NoteBody, absorb_interruptions, collect_notes, pair_markers
from .paragraphs import Block, build_blocks
from .stream import Stream, plain
from .structure import build_structure
from .words import Vocabulary, close_spaced_hyphens, drop_stray_dashes, join_split_words, restore_hyphens, separate_glued

READER_VERSION = "2"  # part of the conversion cache key: change it when output changes for the same input


@dataclass
class ReadReport:
    """What the reader did to one text, for the quality report."""

    dialect: str = ""
    pages: int = 0
    removed: Counter = field(default_factory=Counter)
    repaired: Counter = field(default_factory=Counter)
    notes_found: int = 0
    notes_unmarked: list[str] = field(default_factory=list)
    markers_without_body: list[str] = field(default_factory=list)
    removed_lines: list[str] = field(default_factory=list)  # source lines dropped as page furniture
    fallback: bool = False


def read(source: Source) -> Document:
    """Convert one source text into a Document; problems become diagnostics, never exceptions."""
    return read_with_report(source)[0]


def read_with_report(source: Source) -> tuple[Document, ReadReport]:
    report = ReadReport()
    try:
        document = _read(source, report)
    except Exception as exc:  # noqa: BLE001 - any rule may fail on an unseen text: that is data
        document = fallback(source, exc)
        report.fallback = True
    return document, report


def _read(source: Source, report: ReadReport) -> Document:
    counts: Counter = Counter()
    text = normalise(source.text, counts)
    stream = read_stream(text, source.path)
    report.dialect, report.pages = stream.dialect, len(stream.pages)
    stream.repaired.update(counts)
    diagnostics: list[Diagnostic] = list(stream.diagnostics)
    for line in replacement_lines(text):
        diagnostics.append(Diagnostic(source.path, line, "replacement-character",
                                      "The text has characters the extraction could not decode (U+FFFD); they are shown as �."))
    remove_furniture(stream)
    bodies = collect_notes(stream)
    vocabulary = Vocabulary([line.text for line in stream.lines()] + [x for b in bodies for x in b.lines])
    blocks = build_blocks(stream, vocabulary)
    blocks = split_glued(blocks, stream)
    for block, text in zip(blocks, separate_glued([b.text for b in blocks], stream.repaired)):
        text = drop_stray_dashes(close_spaced_hyphens(text, stream.repaired), stream.repaired)
        block.text = join_split_words(restore_hyphens(text, vocabulary, stream.repaired), vocabulary, stream.repaired)
    meta, found, blocks, title_line = read_metadata(blocks, stream, [b.text for b in blocks])
    diagnostics += found.diagnostics
    blocks = own_symbol_lines(blocks, meta.get("symbol", ""), stream)
    blocks = absorb_interruptions(blocks, bodies, source.path, diagnostics)
    pair_markers(blocks, bodies, {label for _, label in found.field_notes})
    labels = {b.label for b in bodies if b.label}
    model_blocks, structure_diagnostics = build_structure(blocks, labels, source.path)
    diagnostics += structure_diagnostics
    footnotes, note_diagnostics = _footnotes(bodies, labels, source.path, report)
    diagnostics += note_diagnostics
    diagnostics += _missing_bodies(blocks, labels, source.path, report)
    metadata = Metadata(**{k: v for k, v in meta.items() if k in Metadata.__dataclass_fields__})
    metadata = replace(metadata, field_notes=tuple((f, label) for f, label in found.field_notes if label in labels))
    metadata, provenance, corrected, sidecar_diagnostics = apply_sidecar(metadata, source)
    diagnostics += sidecar_diagnostics
    if not metadata.title:
        diagnostics.append(Diagnostic(source.path, 1, "no-title",
                                      "No title was found in the text; the file name is used. Give one in a sidecar."))
        metadata = replace(metadata, title=source.name)
    report.removed, report.repaired = stream.removed, stream.repaired + report.repaired
    report.removed_lines = stream.removed_lines
    return Document(
        name=source.name,
        source_path=source.path,
        metadata=metadata,
        blocks=tuple(model_blocks),
        footnotes=footnotes,
        diagnostics=tuple(diagnostics),
        sidecar_path=source.sidecar_path,
        provenance=provenance,
        corrected=corrected,
    )


# An emphasised title glued to the text after it; Markdown cannot close such emphasis, so it
# may have come through as literal asterisks.
_GLUED_EMPHASIS = re.compile(r"^(\\?\*[^*\s\\][^*]*[^*\s\\]\\?\*)(?=[A-Z])")
_GLUED_CAPS = re.compile(r"^((?:[A-ZÀ-Ý„“\"'(),-]+\s+){3,}[A-ZÀ-Ý„“\"'(),-]+\.)(?=[A-Z][a-z])")
# A heading in capitals run into the sentence after it: "POST-UNRRA RELIEF Cabinet decided in May".
_GLUED_CAPS_HEADING = re.compile(r"^((?:[A-ZÀ-Ý][A-ZÀ-Ý'’-]+\s+)+[A-ZÀ-Ý][A-ZÀ-Ý'’-]+)\s+(?=[A-Z][a-z]+\s+[a-z])")


def split_glued(blocks: list[Block], stream: Stream) -> list[Block]:
    """A title glued to the text after it (HTML converters drop the break): two blocks."""
    out: list[Block] = []
    for block in blocks:
        m = _GLUED_EMPHASIS.match(block.text) or _GLUED_CAPS.match(block.text)
        heading = _GLUED_CAPS_HEADING.match(block.text)
        if not m and heading and len(re.sub(r"[^A-Z]", "", heading.group(1))) >= 10 and len(block.text) > 200:
            m = heading
        if block.kind == "text" and m:
            out.append(Block("text", block.parts[:1], m.group(1).replace("\\*", "*")))
            out.append(Block("text", block.parts, block.text[m.end():]))
            stream.repaired["glued titles split"] += 1
        else:
            out.append(block)
    return out


def _footnotes(bodies: list[NoteBody], labels: set[str], path: str, report: ReadReport) -> tuple[tuple[Footnote, ...], list[Diagnostic]]:
    notes: list[Footnote] = []
    diagnostics: list[Diagnostic] = []
    seen: set[str] = set()
    for body in bodies:
        label = body.label or ""
        if not label:
            numbers = [int(b.label) for b in bodies if b.label and b.label.isdigit()]
            label = body.label = str(max(numbers, default=0) + 1)
            labels.add(label)
        if label in seen:
            diagnostics.append(Diagnostic(path, body.line, "note-duplicate",
                                          f"A second text for note {label} was found; it is kept as a separate note."))
            label = f"{label}-{body.line}"
        seen.add(label)
        if not body.marked:
            report.notes_unmarked.append(label)
            diagnostics.append(Diagnostic(path, body.line, "note-unreferenced",
                                          f"Note {label} has a text but no marker was found in the document; "
                                          "it is listed with the notes."))
        text = close_spaced_hyphens(" ".join(x.strip() for x in body.lines), report.repaired)
        inlines = parse_inlines(text, labels)
        notes.append(Footnote(label, (Paragraph(inlines, body.line),), body.lost, body.line))
    report.notes_found = len(notes)
    return tuple(notes), diagnostics


def _missing_bodies(blocks: list[Block], labels: set[str], path: str, report: ReadReport) -> list[Diagnostic]:
    out = []
    for block in blocks:
        for m in re.finditer(r"<sup>\s*(\d{1,3}|\\\*|†|‡)\s*</sup>", block.text):
            label = plain(m.group(1))
            if label not in labels and label not in report.markers_without_body:
                report.markers_without_body.append(label)
                out.append(Diagnostic(path, block.line, "note-missing-body",
                                      f"Note marker {label} has no note text in the document; it is shown as a plain superscript."))
    return out


# What the fallback leaves out so that the text reads plainly: HTML tags, Markdown heading
# marks, emphasis marks, backslash escapes and note-definition labels.
_FALLBACK_SYNTAX = re.compile(r"<[^>\n]+>|^#{1,6}|\*{1,2}(?=\S)|(?<=\S)\*{1,2}|\\(?=[^\w\s])|^\[\^[^\]]+\]:", re.M)


def fallback(source: Source, exc: Exception) -> Document:
    """The document in plain paragraphs, every word kept, when a rule failed on it."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "build_tools" in f.filename]
    where = frames[-1] if frames else None
    rule = f"{where.name} ({where.filename.rsplit('/', 1)[-1]}:{where.lineno})" if where else "the reader"
    paragraphs = []
    for chunk in re.split(r"\n\s*\n|\f", source.text):
        text = " ".join(_FALLBACK_SYNTAX.sub(" ", chunk).split())
        if text:
            paragraphs.append(Paragraph(parse_inlines(re.sub(r"([\\*<])", r"\\\1", text), set()), 0))
    first = next((" ".join(c.split()) for c in source.text.split("\n") if c.strip()), "")
    title = first[:120] if first else source.name
    diagnostic = Diagnostic(source.path, 1, "reader-error",
                            f"The reader could not structure this text ({type(exc).__name__}: {exc} in {rule}); "
                            "it is published as plain paragraphs with every word.", "error")
    metadata, provenance, corrected, _ = apply_sidecar(Metadata(title=title), source)
    return Document(source.name, source.path, metadata, tuple(paragraphs), (), (diagnostic,),
                    source.sidecar_path, provenance=provenance, corrected=corrected)


def apply_sidecar(metadata: Metadata, source: Source) -> tuple[Metadata, Provenance, tuple[str, ...], list[Diagnostic]]:
    """The sidecar adds what the text lacks and corrects what it gets wrong."""
    from ..sidecar import SidecarError, validate_data
    from ..sources import SourceError

    try:
        updates = validate_data(dict(source.sidecar or {}), source.sidecar_path or source.path)
    except SidecarError as exc:
        raise SourceError(*exc.messages) from None
    symbol = updates.get("symbol", metadata.symbol)
    if symbol and "url" not in updates and not metadata.url and not symbol.startswith(("MC/", "SCPF/", "SCBF/", "C/")):
        updates["url"] = f"https://undocs.org/{symbol}"
    provenance = Provenance(**{k: updates.pop(k) for k in PROVENANCE_FIELDS if k in updates})
    corrected = tuple(k for k, v in updates.items() if getattr(metadata, k) != v)
    if "title" in updates and metadata.printed_title:
        updates.setdefault("printed_title", "")
    return replace(metadata, **updates), provenance, corrected, []


__all__ = ["READER_VERSION", "ReadReport", "apply_sidecar", "dates", "read", "read_with_report"]
