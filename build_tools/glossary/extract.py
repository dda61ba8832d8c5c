"""Acronym definitions as the documents give them, and where they give them.

A pure function of one Document: `extract_definitions(doc)`. Three phrasings count:

* "Long Name (ACR)": the long name is the shortest run of words just before the
  parenthesis whose initials spell the acronym (small words such as "of" or "and"
  may be skipped or used; a hyphenated word gives one letter per part; a word in
  capitals such as "UN" may give all its letters). When the letters do not line up
  ("the UN Population Fund (UNFPA)"), the run of capitalised words before the
  parenthesis is accepted if it starts with the acronym's first letter and its
  initials give at least half of the acronym's letters in order.
* "ACR (Long Name)": the name in parentheses must spell the acronym exactly.
* "ACR is the acronym for this division": the name is the one the document gives
  earlier as "… Division (ACR)".

Footnotes are searched as well; a definition in a note is located at the paragraph
that calls the note. Plurals are stripped: "(RCPs)" defines RCP.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from ..model import (
    Location,
    Table,
    Block,
    Document,
    FootnoteRef,
    Heading,
    Inline,
    NumberedParagraph,
    block_text,
    map_inlines,
    plain_text,
)

# Words a long name may skip or use, in the family's languages.
SMALL_WORDS = frozenset(
    "of and for on the in to at by with a an "
    "de des du la le les et pour en sur aux au d l "
    "del el los las y para con "
    "van het voor en".split()
)
# Digits stand for small words in some acronyms: G2G "government-to-government", C4D.
DIGIT_WORDS = {"2": ("to", "two"), "4": ("for", "four")}
ACRONYM = r"[A-Z][A-Z0-9&]*(?:[/-][A-Z][A-Z0-9&]*)*"
_IN_PARENS = re.compile(rf"\((?P<acr>{ACRONYM})(?P<plural>s)?\)")
_REVERSED = re.compile(rf"(?<![\w/&-])(?P<acr>{ACRONYM})(?P<plural>s)? \((?P<name>[A-Z][^()]*)\)")
_STATEMENT = re.compile(
    rf"(?<![\w/&-])(?P<acr>{ACRONYM}) is the (?:acronym|abbreviation) (?:for|of) (?:this|that|the) (?P<noun>[a-z]+)"
)
_CLAUSE_END = re.compile(r"[.;:!?](?=\s)|[()\[\]–—]")
_WORD = re.compile(r"[A-Za-z0-9][\w’'&-]*")


@dataclass(frozen=True)
class Unit:
    """A paragraph-sized piece of a document: a numbered paragraph, a block, a heading or a note."""

    location: Location
    blocks: tuple[Block, ...]
    heading: bool = False
    note: str | None = None  # footnote label when the unit is a footnote

    @property
    def text(self) -> str:
        return " ".join(block_text(b) for b in self.blocks)


@dataclass(frozen=True)
class Definition:
    """One definition found in a text: `key` means `expansion`, as printed at `location`."""

    key: str
    expansion: str
    location: Location
    printed: str  # the acronym as printed there: "RCPs"
    exact: bool = True  # False when the long name was accepted without all letters lining up


def acronym_letters(acronym: str) -> str:
    """The letters a long name must spell: "P&B" → "PB", "UNGA/HLD" → "UNGAHLD", "G2G" → "G2G"."""
    return re.sub(r"[^A-Z24]", "", acronym)


def is_acronym(word: str) -> bool:
    return len(re.sub(r"[^A-Z]", "", word)) >= 2


# --- Units: where things are in a document ------------------------------------


def _heading_label(heading: Heading) -> str:
    numbered = re.match(r"^(section|chapter)-([a-z0-9-]+)$", heading.anchor)
    if numbered:
        return f"{numbered.group(1)} {numbered.group(2).replace('-', '.').upper()}"
    text = plain_text(heading.inlines).strip()
    return f"“{text[:50].rstrip()}{'…' if len(text) > 50 else ''}”"


def _note_refs(blocks: tuple[Block, ...]) -> list[str]:
    found: list[str] = []

    def collect(nodes: tuple[Inline, ...]) -> tuple[Inline, ...]:
        for node in nodes:
            if isinstance(node, FootnoteRef):
                found.append(node.label)
            elif hasattr(node, "children"):
                collect(node.children)  # type: ignore[attr-defined]
        return nodes

    for block in blocks:
        map_inlines(block, collect)
    return found


def iter_units(doc: Document) -> Iterator[Unit]:
    """The document's text in page order: body units, then footnotes (at the paragraph that calls them)."""
    here = Location(doc.name, "title", "beginning")
    called_from: dict[str, Location] = {}
    for block in doc.blocks:
        if isinstance(block, Heading):
            here = Location(doc.name, block.anchor, _heading_label(block))
            unit = Unit(here, (block,), heading=True)
        elif isinstance(block, NumberedParagraph):
            unit = Unit(Location(doc.name, block.label, f"para. {block.number}"), (block,))
        else:
            unit = Unit(here, (block,))
        for label in _note_refs(unit.blocks):
            called_from.setdefault(label, unit.location)
        yield unit
    for note in doc.footnotes:
        where = called_from.get(note.label, Location(doc.name, "title", "beginning"))
        label = f"{where.label}, note {note.label}" if where.anchor != "title" else f"note {note.label}"
        yield Unit(Location(doc.name, where.anchor, label), note.blocks, note=note.label)


# --- Long names -------------------------------------------------------------------


def _options(word: str) -> tuple[str, ...]:
    """The letter strings one word can give to an acronym (besides nothing)."""
    core = re.sub(r"(?:’s|'s)$", "", word)
    core = re.sub(r"^(?:[dlDL]|qu|Qu)[’']", "", core)  # French elision: "d’Innovation" gives I
    for digit, words in DIGIT_WORDS.items():
        if core.lower() in words:
            return (digit,)
    parts = [p for p in re.split(r"-", core) if p]
    if not parts:
        return ()
    options = {parts[0][0].upper()}
    if len(parts) > 1:
        options.add("".join(DIGIT_WORDS and _part_letter(p) for p in parts))
    if len(core) >= 2 and core.isupper() and core.isalpha():
        options.add(core)
    return tuple(sorted(options))


def _part_letter(part: str) -> str:
    """The letter one part of a hyphenated word gives ("to" in "government-to-government" gives 2)."""
    return next((d for d, words in DIGIT_WORDS.items() if part.lower() in words), part[0].upper())


def _spells(words: list[str], letters: str) -> bool:
    """Can `words` spell `letters`, the first word giving the first letter(s)?"""

    @lru_cache(maxsize=None)
    def fits(i: int, k: int) -> bool:
        if k == len(letters):
            return True
        if i == len(words):
            return False
        if fits(i + 1, k):
            return True
        return any(letters.startswith(opt, k) and fits(i + 1, k + len(opt)) for opt in _options(words[i]))

    first = words[0]
    return any(letters.startswith(opt) and fits(1, len(opt)) for opt in _options(first))


def _capitalised(word: str) -> bool:
    return word[0].isupper()


def _common_letters(a: str, b: str) -> int:
    """Length of the longest common subsequence of `a` and `b`."""
    row = [0] * (len(b) + 1)
    for ch in a:
        diagonal = 0
        for j, other in enumerate(b, start=1):
            diagonal, row[j] = row[j], diagonal + 1 if ch == other else max(row[j], row[j - 1])
    return row[-1]


def long_name(before: str, acronym: str) -> tuple[str, bool] | None:
    """The long name that ends `before` and stands for `acronym`, and whether all letters lined up."""
    letters = acronym_letters(acronym)
    clause = _CLAUSE_END.split(before)[-1]
    matches = list(_WORD.finditer(clause))
    words = [m.group(0) for m in matches]
    for i in range(len(words) - 1, -1, -1):
        if words[i].lower() in SMALL_WORDS:
            continue
        if _spells(words[i:], letters):
            return clause[matches[i].start():].strip(" ,"), True
    # Loose: the capitalised run just before the parenthesis, up to a comma.
    start = len(words)
    for i in range(len(words) - 1, -1, -1):
        gap = clause[matches[i].end(): matches[i + 1].start()] if i + 1 < len(words) else ""
        if "," in gap:
            break
        if _capitalised(words[i]) or words[i].lower() in SMALL_WORDS:
            start = i
        else:
            break
    while start < len(words) and words[start].lower() in SMALL_WORDS:
        start += 1
    run = words[start:]
    if not run or run[0][0].upper() != letters[0]:
        return None
    initials = "".join(max(_options(word), key=len) for word in run)
    if 2 * _common_letters(initials, letters) < len(letters):
        return None
    return clause[matches[start].start():].strip(" ,"), False


# --- Extraction -------------------------------------------------------------------


def extract_definitions(doc: Document) -> tuple[Definition, ...]:
    """Every acronym definition in `doc`, in page order."""
    units = list(iter_units(doc))
    found: list[Definition] = []
    for unit in units:
        text = unit.text
        for m in _IN_PARENS.finditer(text):
            acr = m.group("acr")
            if not is_acronym(acr):
                continue
            named = long_name(text[: m.start()], acr)
            if named:
                found.append(Definition(acr, named[0], unit.location, m.group(0)[1:-1], named[1]))
        for m in _REVERSED.finditer(text):
            acr, name = m.group("acr"), m.group("name").strip()
            if is_acronym(acr) and _spells(_WORD.findall(name), acronym_letters(acr)):
                found.append(Definition(acr, name, unit.location, acr + (m.group("plural") or "")))
        for m in _STATEMENT.finditer(text):
            named = _named_earlier(units, m.group("acr"), m.group("noun"))
            if named:
                found.append(Definition(m.group("acr"), named[0], named[1], m.group("acr"), False))
    found.extend(_listed(units))
    return tuple(_dedupe(found))


def _listed(units: list[Unit]) -> list[Definition]:
    """A list of abbreviations (a table of acronyms and their meanings) defines each of them."""
    found = []
    for unit in units:
        for block in unit.blocks:
            if not isinstance(block, Table):
                continue
            for row in block.rows:
                if len(row) < 2:
                    continue
                acr, name = plain_text(row[0].inlines).strip(), plain_text(row[1].inlines).strip()
                m = re.fullmatch(rf"(?P<acr>{ACRONYM})(?P<plural>s)?", acr)
                if m and is_acronym(m.group("acr")) and name and not re.fullmatch(ACRONYM, name):
                    exact = _spells(_WORD.findall(name), acronym_letters(m.group("acr")))
                    found.append(Definition(m.group("acr"), name, unit.location, acr, exact))
    return found


def _named_earlier(units: list[Unit], acr: str, noun: str) -> tuple[str, Location] | None:
    """For "ACR is the acronym for this <noun>": the "… <Noun> (ACR)" the document gives."""
    marker = re.compile(rf"\(\s*{re.escape(acr)}\s*\)")
    for unit in units:
        text = unit.text
        for m in marker.finditer(text):
            clause = _CLAUSE_END.split(text[: m.start()])[-1].rstrip()
            run = re.search(r"((?:[A-Z][\w’'-]*\s+(?:(?:of|and|for|on|the|in)\s+)*)*[A-Z][\w-]*)\s*$", clause)
            if not run:
                continue
            words = run.group(1).split()
            while words and re.search(r"(?:’s|'s)$", words[0]):
                words = words[1:]  # "CIC’s International Policy …": the owner is not the name
            if words and words[-1].lower() == noun.lower():
                return " ".join(words), unit.location
    return None


def _dedupe(found: list[Definition]) -> list[Definition]:
    """One definition per key and place (a note pattern may repeat what a parenthesis said)."""
    seen: set[tuple[str, str]] = set()
    out = []
    for d in found:
        if (d.key, d.location.anchor) in seen:
            continue
        seen.add((d.key, d.location.anchor))
        out.append(d)
    return out
