"""Page breaks and footnotes: re-join cut sentences and give every footnote body its marker.

PDF extraction leaves each page's footnotes (after a rule, marked or not) where the
page ended, often inside a sentence. One pass handles both, since both follow from
the same fact: the blocks between a cut sentence and its continuation are the
page's footnotes and furniture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Diagnostic
from .blocks import Raw, ending, is_title_like

_MARKERS = re.compile(
    r"<sup>\s*(\d{1,3})\s*</sup>|([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})|\[note (\d{1,3})\]|(?<=[^\s*])(\*)(?=[\s)\].,;:]|$)"
)
_EMPHASIS = re.compile(r"\*\*[^*]+\*\*|\*[^*\s][^*]*\*")
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"

TEXTUAL = ("text", "numbered", "sub", "item", "row")


def markers_in(text: str) -> list[str]:
    """Footnote labels marked in a text, in order (emphasis asterisks are not markers)."""
    text = _EMPHASIS.sub(lambda m: "x" * len(m.group(0)), text)
    labels = []
    for m in _MARKERS.finditer(text):
        sup, uni, note, star = m.groups()
        if uni:
            labels.append("".join(str(SUPERSCRIPT_DIGITS.index(c)) for c in uni))
        else:
            labels.append(sup or note or "*")
    return labels


@dataclass
class NoteState:
    """Markers seen and bodies found so far, while walking the document once."""

    path: str
    marked_labels: set[str]  # labels whose body carries its marker somewhere in the text
    pending: list[str] = field(default_factory=list)
    bodies: dict[str, tuple[str, int, bool]] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    lost: int = 0

    def see_markers(self, block: Raw) -> None:
        for label in markers_in(block.text):
            if label not in self.bodies and label not in self.pending:
                self.pending.append(label)

    def take_marked(self, note: Raw) -> None:
        label = note.marker
        if label in self.pending:
            self.pending.remove(label)
        elif label in self.bodies:
            self.diagnostics.append(Diagnostic(
                self.path, note.line, "note-duplicate",
                f"A second body for footnote {label} was found; it is kept as a separate note.",
            ))
            label = f"{label}-{note.line}"
        else:
            self.diagnostics.append(Diagnostic(
                self.path, note.line, "note-unreferenced",
                f"Footnote {label} has a body but no marker in the text; it is kept among the notes.",
            ))
        self.bodies[label] = (note.text, note.line, False)

    def unmarked_pending(self) -> str | None:
        """The first pending marker whose body can only appear unmarked."""
        return next((p for p in self.pending if p not in self.marked_labels), None)

    def take_unmarked(self, block: Raw, label: str) -> None:
        self.pending.remove(label)
        self.bodies[label] = (block.text, block.line, False)

    def take_lost(self, block: Raw, host: Raw) -> None:
        numbers = [int(x) for x in list(self.bodies) + self.pending if x.isdigit()]
        label = str(max(numbers, default=0) + 1)
        self.bodies[label] = (block.text, block.line, True)
        host.notes.append((label, block.text, True))
        where = f"paragraph {host.marker}" if host.kind == "numbered" else f"the block at line {host.line}"
        self.diagnostics.append(Diagnostic(
            self.path, block.line, "note-marker-lost",
            f"A footnote body whose marker is lost was found inside {where}; "
            f"it is kept as note {label} of that paragraph.",
        ))


_ALPHA_WORD = re.compile(r"[^\W\d_]{2,}")


def _is_sentence(line: str) -> bool:
    """Only running prose can be cut by a page break (not table cells or address lines)."""
    return len(_ALPHA_WORD.findall(line)) >= 8


def _is_run_member(block: Raw) -> bool:
    """Blocks that may stand between a cut sentence and its continuation."""
    if block.kind in ("rule", "debris", "note"):
        return True
    if block.kind == "text":
        return not (len(block.lines) == 1 and is_title_like(block.lines[0]) and not block.first_char().islower())
    return block.kind == "item" and block.first_char().islower()


def _continuation(run: list[Raw], cut: str) -> int | None:
    """Which block of the run continues the cut sentence, if any.

    After `:` or `;` a lowercase list item is a list, not a continuation.
    """
    kinds = ("text", "item") if cut == "open" else ("text",)
    candidates = [k for k, b in enumerate(run) if b.kind in kinds]
    lower = [k for k in candidates if run[k].first_char().islower()]
    if lower:
        return lower[0]
    if cut == "open" and candidates:
        return candidates[-1]
    return None


def rejoin_and_collect_notes(
    blocks: list[Raw], path: str, initial_markers: list[str] | None = None
) -> tuple[list[Raw], NoteState]:
    """Re-join sentences cut by page breaks and collect footnote bodies; drop page furniture."""
    marked = {b.marker for b in blocks if b.kind == "note"}
    state = NoteState(path=path, marked_labels=marked, pending=list(initial_markers or []))
    out: list[Raw] = []
    i = 0
    blocks = list(blocks)
    while i < len(blocks):
        block = blocks[i]
        if block.kind == "note":
            if block.marker == "*" and "*" not in state.pending:
                block.kind, block.marker = "item", "•"  # a `*` bullet, not a note
                continue
            state.take_marked(block)
            i += 1
            continue
        if block.kind == "debris":
            i += 1
            continue
        if block.kind == "rule":
            i = _after_rule(blocks, i + 1, state)
            continue
        if block.kind in TEXTUAL:
            state.see_markers(block)
            cut = ending(block.text)
            is_title = block.kind in ("text", "numbered") and len(block.lines) == 1 and is_title_like(block.lines[0])
            if cut != "closed" and block.kind != "row" and not is_title and _is_sentence(block.lines[-1]):
                j = i + 1
                run: list[Raw] = []
                while j < len(blocks) and _is_run_member(blocks[j]):
                    run.append(blocks[j])
                    j += 1
                c = _continuation(run, cut)
                if c is not None:
                    for member in run[:c]:
                        _absorb(member, block, state)
                    cont = run[c]
                    block.lines = [block.text + " " + cont.text]
                    del blocks[i + 1 : i + 2 + c]
                    continue  # look at the joined block again: it may be cut once more
        out.append(block)
        i += 1
    return out, state


def _absorb(member: Raw, host: Raw, state: NoteState) -> None:
    """A block found inside a cut sentence: a footnote body or page furniture."""
    if member.kind == "note":
        state.take_marked(member)
    elif member.kind in ("text", "item"):
        label = state.unmarked_pending()
        if label is not None:
            state.take_unmarked(member, label)
        else:
            state.take_lost(member, host)


def _after_rule(blocks: list[Raw], i: int, state: NoteState) -> int:
    """After a footnote rule, unmarked text blocks are the bodies of pending markers."""
    while i < len(blocks):
        block = blocks[i]
        if block.kind == "debris":
            i += 1
            continue
        label = state.unmarked_pending()
        if block.kind == "text" and label is not None:
            state.take_unmarked(block, label)
            i += 1
            continue
        break
    return i
