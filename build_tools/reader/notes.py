"""Notes: find each note's body, then its marker in the text, keeping the label as printed.

Bodies, in every style of the family:
- note definitions the dialect is sure of (Markdown `[^n]:`; OCR blocks whose lines start
  with a superscript label carry several notes);
- after a footnote rule at a page's foot: "n Text", a label alone on its line then its text,
  "<sup>n</sup> Text", "* Text", "[n] Text"; pdftotext may separate a label from its text
  or print them out of order (a text whose label comes later goes to the label left without
  one);
- with no rule, "n Text" lines at the foot of a page when n is the next note number of the
  document and the page's text has a marker for it;
- a "Notes" section at the end of the document;
- a paragraph whose label is glued to its first word ("17Adapted from …") when a marker is
  glued the same way before it.

Markers, paired by label and by sequence (note n's marker comes after note n-1's and no later
than the page its body is on): `<sup>n</sup>` and Unicode superscripts; `[n]`, `[note n]`;
digits glued to a word, a closing quote or a year ("Workers,1", "Goals9", "20172"); a
spaced number between words ("Crime 5 and"); `*` after a word. A found marker becomes
`<sup>label</sup>`, which the inline parser turns into a note reference.
"""

from __future__ import annotations

import re
from itertools import takewhile
from dataclasses import dataclass, field

from .stream import HEADING, ITEM, NOTE, ROW, RULE, TEXT, Line, Stream, ends_sentence, plain

_RULE_TEXT = re.compile(r"^(?:\\?_)+$|^[-—–=*·]{3,}$")
_SUP = re.compile(r"<sup>\s*([^<>]{1,4}?)\s*</sup>")
_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_UNICODE_SUP = re.compile(f"[{_SUPERSCRIPT_DIGITS}]+")
# How a note body starts: a label, then (maybe) its text.
_BODY_START = re.compile(
    r"^(?:<sup>\s*(?P<sup>[^<>\s]{1,4})\s*</sup>|\[(?:note\s+)?(?P<br>\d{1,3})\]|(?P<num>\d{1,3})(?=\s|$)"
    r"|(?P<star>\\\*|†|‡))\s*(?P<rest>.*)$"
)
_BULLETED_SUP = re.compile(r"^(?:[-•–]|\\\*)\s+(?=<sup>)")
_GLUED_RULE = re.compile(r"^(?:\\?_)+\s*(?=\[\d{1,3}\]\s|<sup>|[¹²³⁴⁵⁶⁷⁸⁹])")
_DRAWN_RULE = re.compile(r"^(?:\\?[-_—]){5,}\s*(?=[^\W\d_])")
NOTES_TITLES = {"notes", "footnotes", "endnotes", "notas", "noten", "notes de bas de page", "notes de fin"}


@dataclass
class NoteBody:
    """A note's text as found, with its printed label (None until one is known)."""

    label: str | None
    lines: list[str] = field(default_factory=list)
    line: int = 0
    page: int = 0
    marked: bool = False  # its marker was found in the text
    lost: bool = False  # found inside the text with no label and no marker

    @property
    def text(self) -> str:
        return " ".join(x.strip() for x in self.lines if x.strip())


def superscripts_to_markup(text: str) -> str:
    """Unicode superscript digits ("¹²") are certain superscripts: `<sup>12</sup>`."""
    return _UNICODE_SUP.sub(lambda m: "<sup>" + "".join(str(_SUPERSCRIPT_DIGITS.index(c)) for c in m.group()) + "</sup>", text)


def _body_start(line: Line) -> tuple[str, str] | None:
    """(label, rest of the line) when `line` starts a note body."""
    m = _BODY_START.match(line.text)
    if not m:
        return None
    label = m.group("sup") or m.group("br") or m.group("num") or plain(m.group("star") or "")
    return label, m.group("rest")


# --- bodies ----------------------------------------------------------------------------------


def _entries(lines: list[Line], labels_wanted: set[str] | None) -> list[NoteBody]:
    """Parse a run of note lines into bodies; unlabeled texts go to labels left without one."""
    bodies: list[NoteBody] = []
    for line in lines:
        start = _body_start(line)
        if start and (labels_wanted is None or start[0] in labels_wanted or not start[0].isdigit()):
            label, rest = start
            bodies.append(NoteBody(label, [rest] if rest.strip() else [], line.no, line.page))
            continue
        current = bodies[-1] if bodies else None
        if current is not None and not current.lines:
            current.lines.append(line.text)
        elif current is not None and (line.text[:1].islower()
                                      or (not ends_sentence(current.lines[-1]) and not line.gap)):
            current.lines.append(line.text)  # across a blank line, only a lower-case rest goes on
        else:
            bodies.append(NoteBody(None, [line.text], line.no, line.page))
    # A text printed apart from its label belongs to a label that has no text, in order.
    waiting = [b for b in bodies if b.label is not None and not b.lines]
    for body in [b for b in bodies if b.label is None]:
        if waiting:
            target = waiting.pop(0)
            target.lines, target.line = body.lines, body.line
            bodies.remove(body)
    return bodies


def _is_rule(line: Line) -> bool:
    return line.kind == RULE or (line.kind == TEXT and bool(_RULE_TEXT.match(line.text.strip())))


def _definitions(stream: Stream) -> list[NoteBody]:
    """Note definitions the dialect is sure of; taken out of the pages."""
    found: list[NoteBody] = []
    for k, page in enumerate(stream.pages):
        keep: list[Line] = []
        current: NoteBody | None = None
        for line in page:
            if line.kind != NOTE:
                keep.append(line)
                current = None
                continue
            inner = _SUP.match(line.text)
            own = re.match(r"^\s*\[\^([^\]\s]+)\]:\s*", line.raw)
            if own and current is not None and own.group(1) != current.label:
                # "[^2]: …" right under "[^1]: …" is a note of its own, not a continuation.
                current = NoteBody(own.group(1), [line.text], line.no, k)
                found.append(current)
            elif inner and line.text[inner.end():].strip():
                current = NoteBody(inner.group(1), [line.text[inner.end():].strip()], line.no, k)
                found.append(current)
            elif current is not None and (not line.gap or current.label == line.marker):
                current.lines.append(line.text)
            else:
                current = NoteBody(line.marker, [line.text], line.no, k)
                found.append(current)
        stream.pages[k] = keep
    return found


def _zone_end(page: list[Line], start: int, cut_before: bool, waiting: int) -> int:
    """Where the note zone that starts at page[start] (just after a rule) ends.

    It ends at a heading or a table, or at a line after a blank line that is not a note: one
    that starts a sentence, or continues the text the rule cut (`cut_before`) once the last
    note is complete. A label printed alone waits for its text, and markers still waiting
    for their notes (`waiting`) may take unlabelled texts, whatever comes first.
    """
    alone = 0
    for i in range(start, len(page)):
        line = page[i]
        if line.kind in (HEADING, ROW) or (line.kind == ITEM and line.marker != "*" and not _body_start(line)):
            return i
        begins = _body_start(line)
        if begins:
            alone += 0 if begins[1].strip() else 1
            continue
        if alone:
            alone -= 1
            continue
        if i > start and line.gap:
            if waiting > 0 and not line.text[:1].islower():
                waiting -= 1
                continue
            if not line.text[:1].islower() or (cut_before and ends_sentence(page[i - 1].text)):
                return i
        elif i == start and waiting > 0:
            waiting -= 1
    return len(page)


def _sup_labels(text: str) -> list[str]:
    """Labels of certain note markers (superscript digits or symbols) in a text."""
    labels = []
    for m in _SUP.finditer(text):
        label = plain(m.group(1)).strip()
        if label.isdigit() or label in ("*", "†", "‡"):
            labels.append(label)
    return labels


def _ruled(stream: Stream, have: set[str]) -> list[NoteBody]:
    """Bodies after a footnote rule, up to the page's end or to text that is not a note.

    A body printed without its label takes the label of the first marker still waiting for
    its note, in the order the markers appear.
    """
    found: list[NoteBody] = []
    waiting: list[str] = []
    for k, page in enumerate(stream.pages):
        out: list[Line] = []
        i = 0
        while i < len(page):
            line = page[i]
            if not _is_rule(line):
                for label in _sup_labels(line.text):
                    if label not in have and label not in waiting:
                        waiting.append(label)
                out.append(line)
                i += 1
                continue
            cut_before = bool(out) and not ends_sentence(out[-1].text)
            end = _zone_end(page, i + 1, cut_before, len(waiting))
            bodies = _entries(page[i + 1:end], None)
            for body in bodies:
                if body.label is not None:
                    have.add(body.label)
                    if body.label in waiting:
                        waiting.remove(body.label)
                elif waiting:
                    body.label, body.marked = waiting.pop(0), True
                    have.add(body.label)
            labelled = [b for b in bodies if b.label is not None]
            if labelled:
                found.extend(labelled)
                stream.removed["note rules"] += 1
                leftover = [x for b in bodies if b.label is None for x in page[i + 1:end] if x.no == b.line]
                out.extend(leftover)
                if end < len(page):
                    page[end].gap = True
            else:
                out.extend(page[i:end])  # a rule with no notes under it is a printed separator
            i = end
        stream.pages[k] = out
    return found


def _candidates(text: str, strict: bool = True) -> list[tuple[int, int, str, int]]:
    """Possible note markers in neutral text: (start, end, label, strength 3 certain … 1 weak).

    Not `strict`: a number alone between words counts even after a word that usually takes a
    number ("Outcome 6 and"), since the caller has bounded where the marker can be.
    """
    found: list[tuple[int, int, str, int]] = []
    for m in _SUP.finditer(text):
        found.append((m.start(), m.end(), m.group(1).strip(), 3))
    for m in re.finditer(r"\[(?:note\s+)?(\d{1,3})\]", text):
        found.append((m.start() - (1 if m.start() and text[m.start() - 1] == " " else 0), m.end(), m.group(1), 3))
    # Digits glued to a word, to closing punctuation or to a year: "Workers,1", "Goals9", "20172".
    for m in re.finditer(r"(?<=[^\W\d_]|[,.;:)”’\"'])(\d{1,3})(?=[\s,.;:)]|$)(?![,.]\d)", text):
        token = text[: m.start()].rsplit(" ", 1)[-1]
        if "/" in token or re.fullmatch(r"\(?[A-Za-z]{1,4}\.", token) or re.fullmatch(r"(?:\d+\.)+", token):
            continue  # part of a symbol ("A/69/470/Add.1"), "No.1", or a section number ("4.1")
        found.append((m.start(), m.end(), m.group(1), 2))
    for m in re.finditer(r"(?<![\w/.,])((?:19|20)\d\d)(\d{1,2})(?=[\s,.;:)]|$)", text):
        found.append((m.start(2), m.end(), m.group(2), 2))
    # A number standing between words, where no number belongs: "Crime 5 and".
    # Where the caller has bounded the marker, also before a bracket: "(… the Ministry 4)", "others 5(3)".
    after = r"(?= +[a-z(]| *[,.;:]|$)" if strict else r"(?= +[a-z(]| *[,.;:()]|$)"
    for m in re.finditer(r"(?:(?<=[^\W\d_] )|(?<=[^\W\d_][,;:] ))(\d{1,3})" + after, text):
        before = text[: m.start()].split()[-1].lower().strip(",;:") if text[: m.start()].split() else ""
        excluded = _NUMBER_WORDS if strict else _COUNTED
        if before not in excluded and before.rstrip(".") not in excluded:
            found.append((m.start() - 1, m.end(), m.group(1), 1))
    for m in re.finditer(r"(?<=[^\s*\\])\\\*(?=[\s)\].,;:]|$)", text):
        found.append((m.start(), m.end(), "*", 2))
    return sorted(found)


# Words after which a number is the thing counted, not a note marker.
_NUMBER_WORDS = set(
    "para paragraph paragraphs article articles art chapter chap section sect part annex appendix table "
    "figure fig page pages p pp no nos vol vols volume item items resolution resolutions rule rules point "
    "points session number numbers decision decisions recommendation recommendations objective outcome "
    "output phase level step year years day days month months week weeks hour hours per cent percent "
    "january february march april may june july august september october november december "
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre "
    "of and or to from between than about over under around nearly some only least the a in on at by for "
    "with et ou de du des la le les à au aux sur plus moins".split()
)


# Words whose number is always what they count ("paragraph 3", "No. 9"), even between two notes.
_COUNTED = set("para paragraph paragraphs article articles art chapter chap section sect annex page pages p pp no nos "
               "vol vols volume resolution resolutions".split())


def pair_markers(holders: list, bodies: list[NoteBody], marked: set[str] = frozenset()) -> None:
    """Find each labelled body's marker in the text, in sequence, and mark it `<sup>label</sup>`.

    `holders` are the text's blocks in order (with `.text`, `.first_page`); `marked` are
    labels whose marker is already known elsewhere (in the masthead). First the clear
    markers (superscripts, brackets, digits glued to a word), each after the previous note's
    and on or before its own body's page; then, for a note still unmarked, a number standing
    alone between the markers of the notes before and after it. A symbol label ("*", "†")
    may be called from several places before its body: each call is marked.
    """
    for body in bodies:
        if body.label in marked:
            body.marked = True
    positions: dict[int, tuple[int, int]] = {}  # body index → (holder, offset) of its marker
    numbered = [k for k, b in enumerate(bodies) if b.label and b.label.isdigit()]
    for strength_needed in (2, 1):
        previous = (0, 0)
        for k in numbered:
            body = bodies[k]
            if k in positions:
                previous = positions[k]
                continue
            if body.marked:
                continue
            limit = next((positions[j] for j in numbered if j > k and j in positions), None)
            found = _find_marker(holders, body, previous, limit, strength_needed)
            if found:
                positions[k] = found
                previous = found
                body.marked = True
    # Symbol notes ("*", "†") stand outside the numbering: their markers are anywhere before them.
    for body in bodies:
        if body.label and not body.label.isdigit() and not body.marked:
            body.marked = _find_marker(holders, body, (0, 0), None, 2) is not None


def _find_marker(holders: list, body: NoteBody, start: tuple[int, int], limit, strength_needed: int):
    """Mark the marker of `body` found after `start` (and before `limit`); its position, or None."""
    symbol = not body.label.isdigit()
    chosen: list[tuple[int, int, int, int]] = []
    for hi in range(start[0], len(holders)):
        holder = holders[hi]
        if holder.first_page > body.page or (limit and hi > limit[0]):
            break
        for s, e, label, strength in _candidates(holder.text, strict=strength_needed > 1):
            if label != body.label or strength < strength_needed or (hi == start[0] and s < start[1]):
                continue
            if limit and hi == limit[0] and s >= limit[1]:
                continue
            chosen.append((hi, s, e, strength))
        if chosen and not symbol and max(c[3] for c in chosen) >= 3:
            break
    if not chosen:
        return None
    if not symbol:
        # The first clear marker; a weak one (a number between words) on its body's page first.
        chosen = [max(chosen, key=lambda c: (c[3], c[3] == 1 and holders[c[0]].first_page == body.page,
                                             -c[0], -c[1]))]
    for hi, s, e, _ in sorted(chosen, key=lambda c: (c[0], -c[1])):
        text = holders[hi].text
        holders[hi].text = text[:s] + f"<sup>{body.label.replace('*', chr(92) + '*')}</sup>" + text[e:]
    last = max(chosen, key=lambda c: (c[0], c[1]))
    return (last[0], last[1] + len(body.label) + 11)


def _past(page: int, body_page: int) -> bool:
    """A note's marker is on the page of its body (or, for a body carried over, the page before)."""
    return page > body_page


def absorb_interruptions(blocks: list, bodies: list[NoteBody], path: str, diagnostics: list) -> list:
    """A sentence cut by a page break resumes after the page's notes: re-join it, keep the notes.

    When a block ends in mid-sentence and the blocks after it are short runs of text followed
    by the sentence's continuation (in lower case, or the last text before the next unit while
    some marker still waits for its body), the blocks in between are note bodies: each goes to
    a marker still waiting for one, in order, or else becomes a note whose marker was lost.
    """
    from .paragraphs import Block, cut_mid_sentence  # the blocks of this module's caller

    waiting = _waiting_markers(blocks, bodies)
    out: list = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.kind in (TEXT, ITEM) and _open_sentence(block):
            run = []
            j = i + 1
            while j < len(blocks) and len(run) < 4 and blocks[j].kind == TEXT and not _starts_unit(blocks[j]) \
                    and _set_apart(blocks[j - 1], blocks[j]):
                run.append(blocks[j])
                j += 1
            lower = next((k for k, r in enumerate(run) if plain(r.text)[:1].islower()), None)
            if lower is not None and not all(ends_sentence(r.text) for r in run[:lower]):
                lower = None  # what stands between must be complete notes, not more of the text
            if lower is not None:
                cont = lower
            elif len(run) >= 2 and waiting:
                cont = len(run) - 1
            elif run and cut_mid_sentence(block.text):
                # After "UNFPA," the sentence goes on with a name, not with "In July 2012": a
                # capitalised function word opens a sentence, so that block is a note between.
                cont = next((k for k, r in enumerate(run) if not _opens_sentence(r.text)), None)
                if cont is not None and not all(ends_sentence(r.text) for r in run[:cont]):
                    cont = None
            else:
                cont = None
            if cont is not None:
                for member in run[:cont]:
                    label = waiting.pop(0) if waiting else None
                    if label is not None:
                        bodies.append(NoteBody(label, [member.text], member.line, member.page, marked=True))
                    else:
                        numbers = [int(b.label) for b in bodies if b.label and b.label.isdigit()]
                        label = str(max(numbers, default=0) + 1)
                        bodies.append(NoteBody(label, [member.text], member.line, member.page, marked=True, lost=True))
                        block.notes.append(label)
                        diagnostics.append(_lost(path, member.line, block, label))
                merged = Block(block.kind, block.parts + run[cont].parts, f"{block.text} {run[cont].text}",
                               block.level, block.marker, block.notes + run[cont].notes)
                blocks[i + cont + 1] = merged
                i += cont + 1
                continue
        out.append(block)
        i += 1
    return out


def _lost(path: str, line: int, host, label: str):
    from ..model import Diagnostic

    where = f"the paragraph at line {host.line}"
    return Diagnostic(path, line, "note-marker-lost",
                      f"A note whose marker is lost was found inside {where}; it is kept as note {label} of that paragraph.")


def _set_apart(before, block) -> bool:
    """A note printed between two parts of a sentence stands apart: a blank line or a page break
    before it. A line that simply follows is the sentence going on."""
    first = block.parts[0] if block.parts else None
    return first is None or first.gap or (before.parts and before.parts[-1].page != first.page)


def _opens_sentence(text: str) -> bool:
    """The text starts as only a sentence does: a function word with a capital ("In", "The")."""
    from .paragraphs import FUNCTION_WORDS

    first = re.match(r"[^\W\d_]+", plain(text).lstrip("“\"'‘("))
    word = first.group(0) if first else ""
    return word.istitle() and word.lower() in FUNCTION_WORDS  # "In", not "UN" (French "un")


def _open_sentence(block) -> bool:
    """A block of prose that stops in mid-sentence."""
    last = plain(block.parts[-1].text) if block.parts else ""
    return not ends_sentence(block.text) and len(re.findall(r"[^\W\d_]{2,}", last)) >= 8


def _starts_unit(block) -> bool:
    text = plain(block.text).strip()
    return bool(re.match(r"^\(?\d{1,3}[.)]|^\(?[a-z]{1,4}\)", text)) or block.kind != TEXT


def _waiting_markers(blocks: list, bodies: list[NoteBody]) -> list[str]:
    """Certain markers (superscripts) in the text whose note has no body yet, in order."""
    have = {b.label for b in bodies if b.label}
    waiting: list[str] = []
    for block in blocks:
        for m in _SUP.finditer(block.text):
            label = m.group(1).strip().replace("\\", "")
            if (label.isdigit() or label in ("*", "†", "‡")) and label not in have and label not in waiting:
                waiting.append(label)
    return waiting


def _star_notes(stream: Stream) -> list[NoteBody]:
    """ "* Text" (or "† Text") lines below a word that carries that symbol: the symbol's note."""
    found: list[NoteBody] = []
    seen_symbols: set[str] = set()
    for k, page in enumerate(stream.pages):
        keep: list[Line] = []
        for line in page:
            start = _body_start(line)
            if start and not start[0].isdigit() and line.gap and start[0] in seen_symbols and start[1].strip():
                found.append(NoteBody(start[0], [start[1]], line.no, k))
                seen_symbols.discard(start[0])
                continue
            for _, _, label, strength in _candidates(line.text):
                if not label.isdigit() and strength >= 2:
                    seen_symbols.add(label)
            keep.append(line)
        stream.pages[k] = keep
    return found


def _bottom_notes(stream: Stream, expected: int) -> list[NoteBody]:
    """Unruled "n Text" lines at the foot of pages, numbered on from the notes found so far."""
    found: list[NoteBody] = []
    for k, page in enumerate(stream.pages):
        best = None
        for start in range(len(page) - 1, max(-1, len(page) - 25), -1):
            label = _body_start(page[start])
            if label and label[0] == str(expected) and page[start].kind in (TEXT, ITEM) and start > 0:
                bodies = _entries(page[start:], None)
                lead = list(takewhile(lambda b: b.label is not None, bodies))
                labels = [b.label for b in lead]
                if labels == [str(expected + n) for n in range(len(labels))] and all(b.lines for b in lead):
                    # What follows the notes unlabelled (a table's cells the extraction put
                    # after them) stays text.
                    rest = bodies[len(lead)].line if len(lead) < len(bodies) else None
                    best = (start, lead, rest)
        if best is None:
            best = _labels_after_texts(page, expected)
        if best is None:
            continue
        start, bodies, rest = best
        before = " ".join(line.text for p in stream.pages[: k + 1] for line in (p if p is not page else page[:start]))
        if not any(label == bodies[0].label for _, _, label, _ in _candidates(before)):
            continue
        found.extend(bodies)
        stream.pages[k] = page[:start] + [x for x in page[start:] if rest is not None and x.no >= rest]
        expected += len(bodies)
    return found


_URL_START = re.compile(r"(?:https?://|www\.)\S")


def _labels_after_texts(page: list[Line], expected: int):
    """A page that ends with bare labels, the next note numbers ("2", "3"), printed after their
    texts: the labels' count of texts just above them are the notes, in order (as _bottom_notes)."""
    end = len(page)
    while end > 0 and page[end - 1].kind == TEXT and page[end - 1].text.strip().isdigit():
        end -= 1
    labels = [line.text.strip() for line in page[end:]]
    if not labels or labels != [str(expected + n) for n in range(len(labels))]:
        return None
    starts: list[int] = []
    i = end
    while len(starts) < len(labels) and i > 1:
        i -= 1
        line = page[i]
        if line.kind != TEXT or _body_start(line):
            return None
        if not line.text[:1].islower() or _URL_START.match(line.text):
            starts.append(i)
        elif line.gap:
            return None  # a continued text set apart is not a note's
    if len(starts) < len(labels):
        return None
    starts.reverse()
    bodies = [NoteBody(label, [x.text for x in page[a:b]], page[a].no, page[a].page)
              for label, a, b in zip(labels, starts, starts[1:] + [end])]
    return starts[0], bodies, None


def _notes_section(stream: Stream) -> list[NoteBody]:
    """A "Notes" heading near the end followed by labelled lines: the document's endnotes."""
    for k in range(len(stream.pages) - 1, -1, -1):
        page = stream.pages[k]
        for i in range(len(page) - 1, -1, -1):
            line = page[i]
            if plain(line.text).strip().lower().rstrip(":") in NOTES_TITLES:
                rest = page[i + 1:]
                if rest and all(_body_start(x) or not x.gap for x in rest) and _body_start(rest[0]):
                    bodies = _entries(rest, None)
                    stream.pages[k] = page[:i]
                    return bodies
                return []
    return []


def _marked_bodies(stream: Stream, have: set[str]) -> list[NoteBody]:
    """A paragraph that starts with a superscript label ("<sup>1</sup> Five Members…") is that note's text."""
    found: list[NoteBody] = []
    for k, page in enumerate(stream.pages):
        keep: list[Line] = []
        current: NoteBody | None = None
        for line in page:
            m = _SUP.match(line.text)
            label = plain(m.group(1)).strip() if m else ""
            if m and line.gap and line.kind in (TEXT, ITEM) and (label.isdigit() or label in "*†‡") \
                    and line.text[m.end():].strip() and label not in have:
                current = NoteBody(label, [line.text[m.end():].strip()], line.no, k)
                found.append(current)
                have.add(label)
                continue
            if current is not None and not line.gap and line.kind == TEXT:
                current.lines.append(line.text)
                continue
            current = None
            keep.append(line)
        stream.pages[k] = keep
    return found


_GLUED_BODY = re.compile(r"^(\d{1,3})(?P<rest>[^\W\d_][^\W\d_].*)$")


def _glued_bodies(stream: Stream, have: set[str]) -> list[NoteBody]:
    """A paragraph set apart whose label is glued to its first word ("17Adapted from …") is that
    note's text when the text before it has a marker glued the same way ("countries17")."""
    found: list[NoteBody] = []
    markers: set[str] = set()  # labels of the clear markers met so far
    for k, page in enumerate(stream.pages):
        keep: list[Line] = []
        for line in page:
            m = _GLUED_BODY.match(line.text) if line.kind == TEXT and line.gap else None
            label, rest = (m.group(1), m.group("rest")) if m else ("", "")
            if m and rest[0].isupper() and rest[1].islower() and label in markers and label not in have \
                    and len(rest) < 600:
                found.append(NoteBody(label, [rest], line.no, k))
                have.add(label)
                continue
            markers.update(label for _, _, label, strength in _candidates(line.text) if strength >= 2)
            keep.append(line)
        stream.pages[k] = keep
    return found


def collect_notes(stream: Stream) -> list[NoteBody]:
    """Every note body of the document, taken out of the pages, in page order."""
    for page in stream.pages:
        glued = [i for i, line in enumerate(page)
                 if line.kind == TEXT and (_GLUED_RULE.match(line.text) or _DRAWN_RULE.match(line.text))]
        for i in reversed(glued):
            # "_[1] See Volume 12": the footnote rule glued to the first note by the extraction;
            # "-----------------The opinions": a rule drawn across the page, glued to the next line.
            line = page[i]
            line.text = _DRAWN_RULE.sub("", _GLUED_RULE.sub("", line.text, count=1), count=1)
            page.insert(i, Line("_", line.no, line.page, line.gap, kind=RULE))
            line.gap = True
        for line in page:
            line.text = superscripts_to_markup(line.text)
            if line.kind == TEXT and _RULE_TEXT.match(line.text.strip()):
                line.kind = RULE  # "_", "\_", "______": a rule drawn with characters
            if line.kind == ITEM and line.marker == "•" and _UNICODE_SUP.match(plain(line.raw.lstrip("-*+ "))):
                line.kind = TEXT  # "- ¹ Text": a note body written as a list item
            elif line.kind == TEXT and (m := _BULLETED_SUP.match(line.text)):
                line.text = line.text[m.end():]  # the same, in a text whose bullets stay text
            if line.kind == ITEM and line.marker == "*":
                line.text, line.kind = "\\* " + line.text, TEXT  # "* Text": maybe a star note
    bodies = _definitions(stream)
    bodies += _notes_section(stream)
    bodies += _ruled(stream, {b.label for b in bodies if b.label})
    bodies += _star_notes(stream)
    bodies += _marked_bodies(stream, {b.label for b in bodies if b.label})
    bodies += _glued_bodies(stream, {b.label for b in bodies if b.label})
    numbered = [int(b.label) for b in bodies if b.label and b.label.isdigit()]
    bodies += _bottom_notes(stream, max(numbered, default=0) + 1)
    bodies.sort(key=lambda b: (b.page, b.line))
    return bodies
