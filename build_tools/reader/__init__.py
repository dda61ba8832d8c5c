"""The reader: raw source text (and its sidecar) → a `Document`.

It runs the text rules, the line rules (`lines.py`), the masthead rules, the
page-break and footnote pass, and the structure rules, in that order.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import PROVENANCE_FIELDS, Diagnostic, Document, Footnote, Metadata, Paragraph, Provenance, Source
from .blocks import Raw, scan
from .inline import parse_inlines
from .masthead import is_document_type, metadata_from, read_masthead, take_title
from .notes import rejoin_and_collect_notes
from .structure import build_blocks

_GARBLED_SUP = re.compile(r"<sup>&</sup>(lt|gt|amp);")
_ENTITY = {"lt": "<", "gt": ">", "amp": "&"}


def repair_split_entities(text: str) -> str:
    """`<sup>&</sup>lt;sup>1</sup>`: an escaped `<` cut by a superscript; put it back."""
    return _GARBLED_SUP.sub(lambda m: _ENTITY[m.group(1)], text)


def normalise_spaces(text: str) -> str:
    """No-break and other exotic spaces read as spaces; tabs are kept (they separate cells)."""
    return re.sub(r"[\u00a0\u2007\u202f\u2000-\u200a]", " ", text)


TEXT_RULES = [repair_split_entities, normalise_spaces]


def drop_running_headers(body: list[Raw], symbol: str) -> list[Raw]:
    """The symbol repeated at the top of each page ("A/61/515", "MC/2353 Page 3") is furniture."""
    if not symbol:
        return body
    header = re.compile(r"^(?:\*\*)?" + re.escape(symbol) + r"(?:\*\*)?(?:\s+Page \d{1,3})?$")
    for block in body:
        if block.kind == "text" and all(header.match(line.strip()) for line in block.lines):
            block.kind = "debris"
    return body


def read(source: Source) -> Document:
    """Convert one source text into a Document; problems become diagnostics."""
    text = source.text
    for rule in TEXT_RULES:
        text = rule(text)
    raws = scan(text)
    masthead, _, body = read_masthead(raws)
    has_masthead = bool(masthead.fields or masthead.body_names)
    title, subtitle, body, _title_line = take_title(body, has_masthead)
    if not subtitle and is_document_type(title) and len(title.split()) <= 5 and masthead.fields.get("agenda_title"):
        # "Item 4 … / International migration and development / Report of the Secretary-General":
        # the agenda item's title is the report's title too.
        title, subtitle = masthead.fields["agenda_title"], title
    body = drop_running_headers(body, masthead.fields.get("symbol", ""))
    initial = [label for _, label in masthead.notes]
    body, notes = rejoin_and_collect_notes(body, source.path, initial)
    labels = set(notes.bodies)
    blocks, diagnostics = build_blocks(body, labels, source.path)
    for label in notes.pending:
        diagnostics.append(Diagnostic(
            source.path, 0, "note-missing-body",
            f"Footnote marker {label} has no body in the text; it is shown as a plain superscript.",
        ))
    footnotes = tuple(
        Footnote(label, (Paragraph(parse_inlines(body_text, labels), line),), lost, line)
        for label, (body_text, line, lost) in notes.bodies.items()
    )
    metadata = metadata_from(masthead, title, subtitle)
    metadata = replace(metadata, field_notes=tuple((f, l) for f, l in masthead.notes if l in labels))
    metadata, provenance, corrected, sidecar_diagnostics = apply_sidecar(metadata, source)
    if not metadata.title:
        diagnostics.append(Diagnostic(source.path, 1, "no-title", "No title was found; the file name is used."))
        metadata = replace(metadata, title=source.name)
    return Document(
        name=source.name,
        source_path=source.path,
        metadata=metadata,
        blocks=tuple(blocks),
        footnotes=footnotes,
        diagnostics=tuple(notes.diagnostics + diagnostics + sidecar_diagnostics),
        sidecar_path=source.sidecar_path,
        provenance=provenance,
        corrected=corrected,
    )


def apply_sidecar(
    metadata: Metadata, source: Source
) -> tuple[Metadata, Provenance, tuple[str, ...], list[Diagnostic]]:
    """The sidecar adds what the text lacks and corrects what it gets wrong."""
    from ..sidecar import SidecarError, validate_data
    from ..sources import SourceError

    diagnostics: list[Diagnostic] = []
    try:
        updates = validate_data(dict(source.sidecar or {}), source.sidecar_path or source.path)
    except SidecarError as exc:
        raise SourceError(*exc.messages) from None
    if "symbol" in updates and "url" not in updates and not metadata.url and not updates["symbol"].startswith("MC/"):
        updates["url"] = f"https://undocs.org/{updates['symbol']}"
    provenance = Provenance(**{k: updates.pop(k) for k in PROVENANCE_FIELDS if k in updates})
    corrected = tuple(k for k, v in updates.items() if getattr(metadata, k) != v)
    return replace(metadata, **updates), provenance, corrected, diagnostics
