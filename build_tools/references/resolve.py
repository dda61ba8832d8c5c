"""Resolution: every citation the grammar finds becomes a link, or a diagnostic.

Two passes over the corpus. `gather` reads every document once and builds the
`CorpusIndex` (which symbols the collection holds, which paragraph anchors each page
has, which joint symbols the texts print). `resolve_document` then turns the matched
text inside Text nodes into Reference nodes, a pure function of one document and the
index. Targets:

- a document of the collection → its page, with `#para-N` when a paragraph is cited;
- another UN document → https://undocs.org/<symbol>; a resolution → undocs.org/A/RES/61/208
  (the symbol series of the body named nearby; see `find_body`);
- an IOM document or an instrument outside the collection → its entry in the index of
  cited documents (no online resolver exists for them).

Whatever looks like a citation but cannot be resolved becomes a `Diagnostic` with the
block's line; nothing is dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Iterable

from ..model import (
    Location,
    Block,
    Diagnostic,
    Document,
    Emphasis,
    FootnoteRef,
    Heading,
    Inline,
    ListBlock,
    NumberedParagraph,
    Paragraph,
    Reference,
    Table,
    Text,
    block_text,
    plain_text,
    walk_blocks,
)
from ..paths import cited_page, document_page
from .grammar import (
    BODIES,
    BODY_NAME,
    IOM_SERIES,
    Body,
    _ANY_SYMBOL_SHAPE,
    INSTRUMENT_KINDS,
    Match,
    body_by_alias,
    numbering_of,
    scan,
    split_joint,
)

_ARTICLE_ANCHOR = re.compile(r"(?:^|-)article-\d+$")
UNDOCS = "https://undocs.org/"


def slug(key: str) -> str:
    """An anchor from a symbol or name: "MC/INF/263" → "mc-inf-263"."""
    return re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-")


def page_of(name: str) -> str:
    return document_page(name)


def target_of(location: Location) -> str:
    """A place's link: its document's page and its anchor there."""
    return f"{document_page(location.document)}#{location.anchor}"


# --- The corpus index (pass 1) -----------------------------------------------------------


@dataclass(frozen=True)
class CorpusIndex:
    """What pass 2 needs to know about the whole collection."""

    symbols: dict[str, str] = field(default_factory=dict)  # symbol → document name
    paragraphs: dict[str, frozenset[str]] = field(default_factory=dict)  # name → {"para-1", ...}
    units: dict[str, frozenset[str]] = field(default_factory=dict)  # name → every unit's anchor ("para-3-b")
    articles: dict[str, frozenset[str]] = field(default_factory=dict)  # name → {"article-3", "article-3-para-1", ...}
    names: dict[str, str] = field(default_factory=dict)  # name → how a reader cites it
    joints: dict[str, str] = field(default_factory=dict)  # one symbol of a joint symbol → the joint

    def display(self, name: str) -> str:
        return self.names.get(name, name)


def cited_as(doc: Document) -> str:
    """A document as citations name it: its symbol, or its title when it has none."""
    return doc.metadata.symbol or doc.metadata.title or doc.name


def _texts(doc: Document) -> Iterable[str]:
    return (block_text(block) for block in doc.text_blocks())


@dataclass(frozen=True)
class IndexFacts:
    """What one document adds to the corpus index: a pure function of the document, kept with it."""

    name: str
    cited_as: str
    symbol: str
    symbol_parts: tuple[str, ...]
    paragraphs: frozenset[str]
    units: frozenset[str]
    articles: frozenset[str]
    joints: tuple[tuple[str, str], ...]  # (one symbol of a joint symbol, the joint), as printed


def index_facts(doc: Document) -> IndexFacts:
    units = doc.units()
    joints: dict[str, str] = {}
    for text in _texts(doc):
        if not any(c.isdigit() for c in text):
            continue  # no symbol without a number
        for m in scan(text):
            if m.kind == "symbol" and len(m.parts) > 1:
                for part in m.parts:
                    joints.setdefault(part, m.symbol)
    return IndexFacts(
        doc.name, cited_as(doc), doc.metadata.symbol,
        split_joint(doc.metadata.symbol) if doc.metadata.symbol else (),
        frozenset(p.label for p in units if p.number.isdigit()),
        frozenset(u.label for u in units),
        frozenset([b.anchor for b in doc.blocks if isinstance(b, Heading) and _ARTICLE_ANCHOR.search(b.anchor)]
                  + [u.label for u in units if _ARTICLE_ANCHOR.search(u.label.split("-para-")[0])]),
        tuple(joints.items()),
    )


def gather(documents: Iterable[Document | IndexFacts]) -> CorpusIndex:
    """Pass 1: symbols, paragraph anchors and names of every document; joint symbols in any text."""
    index = CorpusIndex()
    for item in documents:
        facts = item if isinstance(item, IndexFacts) else index_facts(item)
        for part in facts.symbol_parts:
            index.symbols[part] = facts.name
        index.paragraphs[facts.name] = facts.paragraphs
        index.units[facts.name] = facts.units
        index.articles[facts.name] = facts.articles
        index.names[facts.name] = facts.cited_as
        for part, joint in facts.joints:
            index.joints.setdefault(part, joint)
    return index


# --- What pass 2 finds -----------------------------------------------------------------------


@dataclass(frozen=True)
class Cited:
    """A cited document: one entry of the index of cited documents."""

    key: str  # "A/RES/61/208", "E/1997/23-E/CN.4/1997/150", "IOM Constitution"
    kind: str  # "collection", "un-document", "un-resolution", "iom-document", "instrument"
    label: str  # "General Assembly resolution 61/208"
    url: str = ""  # the online copy; "" when none is known
    document: str = ""  # the collection's document name, for kind "collection"

    @property
    def anchor(self) -> str:
        return slug(self.key)

    @property
    def entry(self) -> str:
        """Its entry in the index of cited documents (a site path)."""
        return f"{cited_page(self.key)}#{self.anchor}"


@dataclass(frozen=True)
class Citation:
    """One resolved reference: where it is, what it cites, the link it got."""

    location: Location
    cited: Cited
    text: str  # as printed
    target: str  # the link: page#para, URL or index entry
    locator: str = ""  # "para. 45", "Article 1(1)(e)"
    description: str = ""  # what the text says the cited document is


# --- Descriptions: what the text says a cited document is --------------------------------------

_HEAD_NOUN = re.compile(
    r"\b(?:[Rr]eports?|[Nn]otes?|[Ll]etters?|[Ss]tud(?:y|ies)|[Ss]ummary|[Ss]urvey|[Rr]eview|[Dd]raft"
    r"|Official Records|[Pp]ublication|[Pp]aper)\b"
)
_STOP_BEFORE = {"the", "a", "an", "its", "their", "this", "that", "his", "her", "our", "of", "in", "for",
                "by", "on", "to", "from", "with", "see", "and", "as"}
_SENTENCE_END = re.compile(r"(?<=[a-z)])[.;]\s+(?=[A-Z])")
_PAREN_BEFORE = re.compile(r"\((?:document\s+|see\s+)?$")


def describe(full: str, start: int) -> str:
    """For a symbol printed in parentheses after a name ("the report of ... (E/1995/69)"), that name."""
    paren = _PAREN_BEFORE.search(full[:start])
    if not paren:
        return ""
    before = full[:paren.start()].rstrip()
    sentence = _SENTENCE_END.split(before)[-1]
    heads = list(_HEAD_NOUN.finditer(sentence))
    if not heads:
        return ""
    head = heads[-1]
    words = sentence[:head.start()].split()
    kept: list[str] = []
    for word in reversed(words[-8:]):
        if word.lower() in _STOP_BEFORE or word.endswith((",", ";", ":")):
            break
        kept.insert(0, word)
    text = " ".join(kept + [sentence[head.start():].strip()])
    text = re.sub(r"\s+", " ", text).strip(" ,;:")
    return text if 3 <= len(text) <= 240 else ""


_DATE_AFTER = re.compile(r"\s+of\s+(\d{1,2}\s+[A-Z][a-z]+\s+\d{4})")


# --- Bodies of resolutions ------------------------------------------------------------------------


def _container_body(container: str) -> Body | None:
    """The body whose own document series is the most specific prefix of a report's symbols."""
    best: tuple[int, Body] | None = None
    for part in split_joint(container):
        for body in BODIES:
            for prefix in body.documents:
                if part.startswith(prefix) and (best is None or len(prefix) > best[0]):
                    best = (len(prefix), body)
    return best[1] if best else None


def find_body(match: Match, full: str, pos: int, heading: str, own_body: str = "") -> Body | None:
    """The body whose resolution is cited: the first, in this order, whose numbering fits.

    1. the body named in the phrase ("UNGA resolution 65/170");
    2. the body whose report the resolution is printed in ("(E/1997/25-E/CN.9/1997/11), chap. I,
       sect. C, resolution 1997/1" → Commission on Population and Development);
    3. the nearest body named earlier in the same block, then later in it;
    4. a body named in the heading of the section;
    5. the body that issued the citing document (an Assembly resolution recalling "resolution 70/1").
    General Assembly numbers are session/number (61/208), functional commissions' year/number
    (1997/14), so "the Commission adopted resolution 1997/14" never becomes an Assembly one.
    """
    candidates: list[Body] = []
    if match.body:
        candidates.append(body_by_alias(match.body))
    if match.container and (body := _container_body(match.container)):
        candidates.append(body)
    before = [body_by_alias(m.group(0)) for m in BODY_NAME.finditer(full[:pos])]
    after = [body_by_alias(m.group(0)) for m in BODY_NAME.finditer(full[pos + len(match.text):])]
    in_heading = [body_by_alias(m.group(0)) for m in BODY_NAME.finditer(heading)]
    own = [body_by_alias(m.group(0)) for m in BODY_NAME.finditer(own_body)]
    candidates += list(reversed(before)) + after + in_heading + own
    wanted = numbering_of(match.number)
    return next((b for b in candidates if b.numbering == wanted), None)


# --- Pass 2: one document ------------------------------------------------------------------------


@dataclass
class _Linker:
    """Rewrites one document's Text nodes, collecting citations and diagnostics."""

    doc: Document
    index: CorpusIndex
    citations: list[Citation] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def warn(self, line: int, code: str, message: str) -> None:
        self.diagnostics.append(Diagnostic(self.doc.source_path, line, code, message))

    # -- targets ---------------------------------------------------------------
    def collection_target(self, name: str, paragraph: str, line: int) -> str:
        label = f"para-{paragraph}"
        if paragraph and label in self.index.paragraphs.get(name, frozenset()):
            return f"{page_of(name)}#{label}"
        if paragraph:
            self.warn(line, "reference-paragraph-missing",
                      f"{self.index.display(name)} has no paragraph {paragraph}; linked to the document")
        return f"{page_of(name)}#title"

    def symbol(self, m: Match, line: int) -> tuple[Cited, str, str] | None:
        key = self.index.joints.get(m.symbol, m.symbol)
        parts = split_joint(key)
        locator = f"para. {m.paragraph}" if m.paragraph else ""
        name = next((self.index.symbols[p] for p in parts if p in self.index.symbols), "")
        if name:
            cited = Cited(key, "collection", self.index.display(name), document=name)
            return cited, self.collection_target(name, m.paragraph, line), locator
        if m.series in IOM_SERIES:
            cited = Cited(key, "iom-document", key)
            return cited, cited.entry, locator
        cited = Cited(key, "un-document", key, url=UNDOCS + parts[0])
        return cited, cited.url, locator

    def resolution(self, m: Match, full: str, pos: int, heading: str, line: int) -> tuple[Cited, str, str] | None:
        body = find_body(m, full, pos, heading, self.doc.metadata.body)
        if body is None:
            self.warn(line, "reference-unresolved",
                      f"resolution {m.number}: no body named nearby adopts resolutions numbered that way")
            return None
        label = f"{body.name} resolution {m.number}"
        if body.series:
            symbol = f"{body.series}/{m.number}"
            name = self.index.symbols.get(symbol, "")
            if name:
                cited = Cited(symbol, "collection", self.index.display(name), document=name)
                return cited, self.collection_target(name, "", line), ""
            cited = Cited(symbol, "un-resolution", label, url=UNDOCS + symbol)
            return cited, cited.url, ""
        if m.container:
            report = split_joint(self.index.joints.get(m.container, m.container))[0]
            cited = Cited(label, "un-resolution", label, url=UNDOCS + report)
            return cited, cited.url, ""
        cited = Cited(label, "un-resolution", label)  # no symbol of its own: listed, not linked out
        return cited, cited.entry, ""

    def provision(self, m: Match, line: int, scoped: bool = True) -> tuple[Cited, str, str] | None:
        """An article of this instrument, a paragraph of one ("paragraph 1 of this Article"), or, in a
        document numbered by paragraphs, one of its paragraphs ("as shown in para. 3")."""
        anchors = self.index.articles.get(self.doc.name, frozenset())
        own = Cited(self.index.display(self.doc.name), "collection", self.index.display(self.doc.name),
                    document=self.doc.name)
        if not anchors:
            if not m.article and f"para-{m.paragraph}" in self.index.paragraphs.get(self.doc.name, frozenset()):
                target = f"para-{m.paragraph}"
                if m.sub and f"{target}-{m.sub}" in self.index.units.get(self.doc.name, frozenset()):
                    target += f"-{m.sub}"
                return own, f"{page_of(self.doc.name)}#{target}", f"para. {m.paragraph}"
            what = "an article cited without its instrument" if m.article else "a paragraph cited without its document"
            self.warn(line, "reference-unrecognised", f"'{m.text}': {what}")
            return None
        scoped = scoped and (not m.instrument or "annex" in m.instrument.lower())  # "of this Convention": its main part
        article = self.article_anchor(m.article, anchors, scoped) if m.article else self.article
        if not article:
            self.warn(line, "reference-provision-missing", f"'{m.text}': this document has no such article")
            return None
        target, locator = article, self.article_label(article)
        if m.paragraph:
            paragraph = f"{article}-para-{m.paragraph}"
            if paragraph in anchors:
                target, locator = paragraph, f"{locator}, para. {m.paragraph}"
                if m.sub and f"{paragraph}-{m.sub}" in anchors:
                    target, locator = f"{paragraph}-{m.sub}", f"{locator} ({m.sub})"
            else:
                self.warn(line, "reference-paragraph-missing",
                          f"'{m.text}': {locator} has no paragraph {m.paragraph}; linked to the article")
        return own, f"{page_of(self.doc.name)}#{target}", locator

    def generic_instrument(self, m: Match, line: int) -> tuple[Cited, str, str] | None:
        """"Article 4 of the Convention": this document's article when it is a convention, else unknown."""
        title = f"{self.doc.metadata.title} {self.doc.metadata.document_type}".lower()
        if re.search(rf"\b{m.instrument.lower()}\b", title) and self.index.articles.get(self.doc.name):
            return self.provision(replace(m, kind="provision", article=m.article.split()[0].split("(")[0]), line,
                                  scoped=False)
        self.warn(line, "reference-unrecognised", f"'{m.text}': which {m.instrument.lower()} is not named")
        return None

    def article_anchor(self, number: str, anchors: frozenset[str], scoped: bool = True) -> str:
        """Article `number` in the part being read first ("annex-i-article-3" inside Annex I), unless
        the text names the instrument ("Article 4 of the Convention" from an annex: its main part)."""
        scope = self.article[: -len(self.article.rsplit("article-", 1)[1])] if self.article and scoped else "article-"
        for candidate in (f"{scope}{number}", f"article-{number}"):
            if candidate in anchors:
                return candidate
        return min((a for a in anchors if a.endswith(f"-article-{number}")), default="")

    @staticmethod
    def article_label(anchor: str) -> str:
        return "Article " + anchor.rsplit("article-", 1)[1]

    def resolve(self, m: Match, full: str, pos: int, heading: str, line: int) -> Citation | None:
        found: tuple[Cited, str, str] | None = None
        description = ""
        if m.kind == "symbol":
            found = self.symbol(m, line)
            description = describe(full, pos)
        elif m.kind == "resolution":
            found = self.resolution(m, full, pos, heading, line)
            if found:
                date = _DATE_AFTER.match(full, pos + len(m.text))
                description = found[0].label + (f" of {date.group(1)}" if date else "")
                if m.container:
                    description += f", printed in {m.container}"
        elif m.kind == "paragraph" and self.index.articles.get(self.doc.name):
            found = self.provision(m, line)
        elif m.kind == "paragraph":
            if f"para-{m.paragraph}" in self.index.paragraphs.get(self.doc.name, frozenset()):
                target = f"{page_of(self.doc.name)}#para-{m.paragraph}"
                cited = Cited(self.index.display(self.doc.name), "collection",
                              self.index.display(self.doc.name), document=self.doc.name)
                found = (cited, target, f"para. {m.paragraph}")
            else:
                self.warn(line, "reference-paragraph-missing", f"'{m.text}': this document has no paragraph {m.paragraph}")
        elif m.kind == "provision":
            found = self.provision(m, line)
        elif m.kind == "article" and m.instrument in INSTRUMENT_KINDS:
            found = self.generic_instrument(m, line)
        elif m.kind == "article":
            cited = Cited(m.instrument, "instrument", m.instrument)
            plural = "Articles" if re.search(r"\s(?:and|,)\s*", m.article) else "Article"
            locator = f"{plural} {m.article}" + (f", para. {m.paragraph}" if m.paragraph else "")
            found = (cited, cited.entry, locator + (f" ({m.sub})" if m.paragraph and m.sub else ""))
        else:
            self.warn(line, "reference-unrecognised", m.note)
        if found is None:
            return None
        cited, target, locator = found
        return Citation(self.here, cited, m.text, target, locator, description)

    # -- rewriting --------------------------------------------------------------
    here: Location = Location("", "title", "beginning")
    heading: str = ""
    article: str = ""  # the anchor of the article being read, in an instrument
    matches: list[Match] = field(default_factory=list)  # the citations in the block being rewritten

    def text(self, text: str, full: str, base: int, line: int) -> list[Inline]:
        """One Text node: the block's matches that lie inside it become links."""
        out: list[Inline] = []
        last = 0
        for found in self.matches:
            if found.start < base or found.end > base + len(text):
                continue  # another node's, or across a marker or an emphasis: left as printed
            m = replace(found, start=found.start - base, end=found.end - base)
            citation = self.resolve(m, full, found.start, self.heading, line)
            if citation is None:
                continue
            if citation.cited.document == self.doc.name and citation.target.endswith("#title"):
                continue  # the document naming itself: nothing to link
            self.citations.append(citation)
            if m.start > last:
                out.append(Text(text[last:m.start]))
            out.append(Reference((Text(m.text),), citation.target, title_of(citation, self.index)))
            last = m.end
        if last == 0:
            return [Text(text)]
        if last < len(text):
            out.append(Text(text[last:]))
        return out

    def inlines(self, nodes: tuple[Inline, ...], line: int, full: str | None = None, base: int = 0) -> tuple[Inline, ...]:
        if full is None:  # a block's inlines: its whole text is scanned once, across note markers
            full = plain_text(nodes)
            self.matches = scan(full)
        out: list[Inline] = []
        offset = base
        for node in nodes:
            if isinstance(node, Text):
                out.extend(self.text(node.text, full, offset, line))
            elif isinstance(node, Emphasis):
                out.append(replace(node, children=self.inlines(node.children, line, full, offset)))
            else:
                out.append(node)
            offset += len(plain_text((node,)))
        return tuple(out)

    def block(self, block: Block, line: int = 0) -> Block:
        line = getattr(block, "line", 0) or line
        if isinstance(block, Heading):
            for m in scan(plain_text(block.inlines)):
                if m.kind in ("provision", "suspect") and not _ANY_SYMBOL_SHAPE.search(m.text):
                    continue  # "Article 15" heading its own article: a label, not a citation
                self.warn(line, "reference-in-heading", f"'{m.text}' in a heading is not linked")
            return block
        if isinstance(block, Paragraph):
            return replace(block, inlines=self.inlines(block.inlines, line))
        if isinstance(block, NumberedParagraph):
            return replace(block, blocks=tuple(self.block(b, line) for b in block.blocks))
        if isinstance(block, ListBlock):
            items = tuple(replace(i, blocks=tuple(self.block(b, line) for b in i.blocks)) for i in block.items)
            return replace(block, items=items)
        if isinstance(block, Table):
            def cells(row):
                return tuple(replace(c, inlines=self.inlines(c.inlines, line)) for c in row)

            return replace(block, header=cells(block.header), rows=tuple(cells(r) for r in block.rows),
                           caption=self.inlines(block.caption, line))
        raise TypeError(f"unknown block {block!r}")


def _note_calls(block: Block) -> list[str]:
    found: list[str] = []

    def collect(nodes: Iterable[Inline]) -> None:
        for node in nodes:
            if isinstance(node, FootnoteRef):
                found.append(node.label)
            elif isinstance(node, (Emphasis, Reference)):
                collect(node.children)

    for b in walk_blocks((block,)):
        if isinstance(b, (Heading, Paragraph)):
            collect(b.inlines)
        elif isinstance(b, Table):
            collect(b.caption)
            for row in (b.header, *b.rows):
                for cell in row:
                    collect(cell.inlines)
    return found


def _heading_label(heading: Heading) -> str:
    text = plain_text(heading.inlines).strip()
    return text if len(text) <= 60 else text[:60].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def title_of(citation: Citation, index: CorpusIndex) -> str:
    """The link's tooltip: what the target is."""
    cited = citation.cited
    if cited.kind == "collection" and cited.document == citation.location.document:
        return citation.locator  # a provision of the same page
    if cited.kind == "collection":
        return f"{cited.label}, {citation.locator}" if citation.locator else cited.label
    if cited.kind == "un-document":
        return f"United Nations document {cited.key}"
    if cited.kind == "un-resolution":
        return f"{cited.label} ({cited.key})" if cited.key != cited.label else citation.description
    return f"{cited.label}: entry in the index of cited documents"


def resolve_document(doc: Document, index: CorpusIndex) -> tuple[Document, tuple[Citation, ...]]:
    """Pass 2 for one document: Text → Text + Reference, and the citations made, in page order."""
    linker = _Linker(doc, index)
    linker.here = Location(doc.name, "title", "beginning")
    called_from: dict[str, tuple[Location, str]] = {}
    blocks: list[Block] = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            if _ARTICLE_ANCHOR.search(block.anchor):
                linker.article = block.anchor
            linker.heading = plain_text(block.inlines)
            linker.here = Location(doc.name, block.anchor, _heading_label(block))
            where = linker.here
        elif isinstance(block, NumberedParagraph):
            where = Location(doc.name, block.label, block.citation)
        else:
            where = linker.here
        section_here = linker.here
        linker.here = where
        blocks.append(linker.block(block))
        for label in _note_calls(block):
            called_from.setdefault(label, (where, linker.heading))
        linker.here = section_here
    notes = []
    for note in doc.footnotes:
        where, heading = called_from.get(note.label, (Location(doc.name, "title", "beginning"), ""))
        label = f"note {note.label}" if where.anchor == "title" else f"{where.label}, note {note.label}"
        linker.here, linker.heading = Location(doc.name, where.anchor, label), heading
        notes.append(replace(note, blocks=tuple(linker.block(b, note.line) for b in note.blocks)))
    enriched = replace(doc, blocks=tuple(blocks), footnotes=tuple(notes),
                       diagnostics=doc.diagnostics + tuple(linker.diagnostics))
    return enriched, tuple(linker.citations)


def add_references(doc: Document, index: CorpusIndex) -> Document:
    """The enricher: `doc` with its citations linked (Document → Document, given the index)."""
    return resolve_document(doc, index)[0]
