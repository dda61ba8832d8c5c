"""Search entries per numbered paragraph, cut from the sections the theme's search indexes.

The search plugin makes one entry per heading; in a document with few headings a hit in
paragraph 9 then leads to the top of the page. `split_paragraphs` cuts each section's text
where a numbered paragraph starts (the text opens with its printed number, "<p>9. ") and
gives that paragraph its own entry, titled with its citation label and located at its
anchor. A section keeps the text before its first paragraph; when it has none, its first
paragraph stays with it, so no entry is left without a snippet.

`merge_empty_sections` does the same for headings followed at once by another heading (a
chapter and its first section, a glossary letter and its first entry): the heading joins
the title of the entry after it ("III. Mechanisms … › A. Regional conferences"), so a
search for either still finds the place, and every result shows some text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Paragraph:
    anchor: str  # "para-9"
    label: str  # "para. 9"
    marker: str  # the printed number as the page shows it: "9."


def split_paragraphs(docs: list[dict], paragraphs: dict[str, list[Paragraph]]) -> list[dict]:
    """The entries of the index with each page's numbered paragraphs as entries of their own.

    `paragraphs` maps a page's URL (the part of an entry's location before "#") to its
    numbered paragraphs in page order. Entries keep their order: the page first, then each
    section followed by the paragraphs cut from it.
    """
    out: list[dict] = []
    pending: dict[str, list[Paragraph]] = {page: list(paras) for page, paras in paragraphs.items()}
    for entry in docs:
        page = entry["location"].split("#", 1)[0]
        queue = pending.get(page)
        if not queue:
            out.append(entry)
            continue
        out.extend(_split_entry(entry, page, queue))
    return out


def merge_empty_sections(docs: list[dict]) -> list[dict]:
    """The entries without sections whose text is empty, their titles carried into the next one."""
    out: list[dict] = []
    carried: list[str] = []
    for k, entry in enumerate(docs):
        page = entry["location"].split("#", 1)[0]
        following = docs[k + 1]["location"].split("#", 1)[0] if k + 1 < len(docs) else None
        if carried:
            entry = dict(entry, title=" › ".join(carried + [entry["title"]]))
            carried = []
        if "#" in entry["location"] and not entry["text"].strip() and following == page:
            carried = [entry["title"]]
            continue
        out.append(entry)
    return out


def _split_entry(entry: dict, page: str, queue: list[Paragraph]) -> list[dict]:
    """Cut one section at the paragraphs of `queue` it holds (consumed from the front)."""
    text = entry["text"]
    cuts: list[tuple[int, Paragraph]] = []
    position = 0
    while queue:
        found = re.compile(rf"<p>{re.escape(queue[0].marker)}(?:\s|</p>)").search(text, position)
        if not found:
            break
        cuts.append((found.start(), queue.pop(0)))
        position = found.end()
    if not cuts:
        return [entry]
    if not text[: cuts[0][0]].strip():
        cuts.pop(0)  # the section would be left empty: its first paragraph stays with it
    bounds = [start for start, _ in cuts] + [len(text)]
    head = dict(entry, text=text[: bounds[0]].strip())
    parts = [head]
    for (start, para), end in zip(cuts, bounds[1:]):
        part = {k: v for k, v in entry.items() if k not in ("location", "title", "text")}
        parts.append({"location": f"{page}#{para.anchor}", "title": para.label,
                      "text": text[start:end].strip(), **part})
    return parts
