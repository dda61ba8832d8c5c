"""The enricher: acronyms in a document's text become Acronym nodes with their expansion.

`apply_glossary(doc, glossary)` runs the glossary's one compiled pattern once over each
Text node. It never looks inside Reference nodes (links made by the cross-references
stage), and the pattern skips document symbols ("A/C.2/61/7", "MC/INF/285": a token with
"/" and a digit) and URLs. The first use of each acronym on the page links to its
glossary entry; uses in headings get the tooltip but never the link (a link inside a
heading makes the whole heading look like a link, and the table of contents repeats
it), so the first use after a heading carries the link. Plurals ("RCPs") and hyphen
forms ("UN-DESA") resolve to their key; a possessive keeps its "'s" outside the node.
The document also gets an appendix section, "Acronyms in this document".
"""

from __future__ import annotations

from dataclasses import replace

from ..model import (
    Acronym,
    Block,
    Document,
    Emphasis,
    Heading,
    Inline,
    ListBlock,
    ListItem,
    Paragraph,
    Text,
    map_inlines,
)
from ..paths import glossary_page
from .context import in_capitals
from .entries import Glossary

APPENDIX_ANCHOR = "acronyms"


class _Rewriter:
    """Turns Text into Text + Acronym nodes for one document, remembering what it linked."""

    def __init__(self, doc: Document, glossary: Glossary) -> None:
        self.doc = doc
        self.glossary = glossary
        self.linked: set[str] = set()
        self.used: dict[str, str] = {}  # key → expansion, in order of first use
        self.in_heading = False

    def expansion(self, key: str) -> str:
        if key not in self.used:
            self.used[key] = self.glossary.expansion(key, self.doc.name)
        return self.used[key]

    def inlines(self, nodes: tuple[Inline, ...]) -> tuple[Inline, ...]:
        out: list[Inline] = []
        for node in nodes:
            if isinstance(node, Text):
                out.extend(self.text(node.text))
            elif isinstance(node, Emphasis):
                out.append(replace(node, children=self.inlines(node.children)))
            else:
                out.append(node)  # Reference (a link), Acronym, FootnoteRef, ...: left as they are
        return tuple(out)

    def text(self, text: str) -> list[Inline]:
        out: list[Inline] = []
        last = 0
        for m in self.glossary.pattern.finditer(text):
            if m.group("form") is None:
                continue  # a symbol or a URL
            if len(m.group("form")) <= 3 and in_capitals(text, m.start(), m.end(), self.glossary.keys):
                continue  # "IT is RECOMMENDED THAT": a short key inside all-capital writing is a word
            if m.start() > last:
                out.append(Text(text[last:m.start()]))
            key = self.glossary.key_of(m.group("form"))
            link = None
            if not self.in_heading and key not in self.linked:
                self.linked.add(key)
                link = glossary_page(key)
            out.append(Acronym(m.group(0), key, self.expansion(key), link))
            last = m.end()
        if last == 0:
            return [Text(text)]
        if last < len(text):
            out.append(Text(text[last:]))
        return out

    def block(self, block: Block) -> Block:
        if isinstance(block, Heading):
            self.in_heading = True
            try:
                return replace(block, inlines=self.inlines(block.inlines))
            finally:
                self.in_heading = False
        return map_inlines(block, self.inlines)


def apply_glossary(doc: Document, glossary: Glossary) -> Document:
    """`doc` with every known acronym marked up, and its "Acronyms in this document" section."""
    rw = _Rewriter(doc, glossary)
    blocks = tuple(rw.block(b) for b in doc.blocks)
    notes = tuple(replace(n, blocks=tuple(rw.block(b) for b in n.blocks)) for n in doc.footnotes)
    enriched = replace(doc, blocks=blocks, footnotes=notes)
    if not rw.used:
        return enriched
    return replace(enriched, appendix=doc.appendix + acronyms_section(rw.used, glossary))


def acronyms_section(used: dict[str, str], glossary: Glossary) -> tuple[Block, ...]:
    """Heading "Acronyms in this document" and a list: ACR — expansion, each linked to its entry."""
    items = tuple(
        ListItem((Paragraph((
            Acronym(key, key, expansion, glossary_page(key)),
            Text(f" — {expansion}"),
        )),))
        for key, expansion in sorted(used.items(), key=lambda kv: kv[0].casefold())
    )
    return (Heading(2, (Text("Acronyms in this document"),), APPENDIX_ANCHOR), ListBlock(items))
