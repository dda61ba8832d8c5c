"""Cross-references: the grammar (tables of the texts' own phrasings), resolution, backlinks, the corpus."""

from __future__ import annotations

import posixpath
import re
from dataclasses import replace

import pytest

from build_tools.model import (
    Acronym,
    Document,
    Emphasis,
    Footnote,
    FootnoteRef,
    Heading,
    ListBlock,
    Metadata,
    NumberedParagraph,
    Paragraph,
    Reference,
    Text,
    plain_text,
    walk_blocks,
)
from build_tools.references import (
    add_citation_sections,
    add_references,
    backlinks,
    gather,
    link_references,
    non_reference,
    related_documents,
    resolve_document,
    scan,
)
from build_tools.writer.markdown import generated_comment, generated_notice

# --- The grammar: what is a reference ---------------------------------------------------------

SYMBOLS = [
    # (phrase as printed in the texts, [(matched text, symbol, cited paragraph)])
    ("(HLD) (A/60/871). This report", [("A/60/871", "A/60/871", "")]),
    ("United Nations A/C.2/61/7", [("A/C.2/61/7", "A/C.2/61/7", "")]),
    ("international migration (E/CN.9/1997/5), which", [("E/CN.9/1997/5", "E/CN.9/1997/5", "")]),
    ("A/CONF.157/24 (Part I), chap. III.", [("A/CONF.157/24", "A/CONF.157/24", "")]),
    ("See E/1997/23-E/CN.4/1997/150, part one, chap. II.",
     [("E/1997/23-E/CN.4/1997/150", "E/1997/23-E/CN.4/1997/150", "")]),
    ("selected aspects (ESA/P/WP.132).", [("ESA/P/WP.132", "ESA/P/WP.132", "")]),
    ("A/52/150 and Corr.1.", [("A/52/150", "A/52/150", ""), ("Corr.1", "A/52/150/Corr.1", "")]),
    ("development (E/1995/69) which", [("E/1995/69", "E/1995/69", "")]),
    ("as the sub-item (A/67/254).", [("A/67/254", "A/67/254", "")]),
    ("6-12 March 1995 (A/CONF.166/9), chap. I", [("A/CONF.166/9", "A/CONF.166/9", "")]),
    ("Supplement No. 5 (E/1997/25-E/CN.9/1997/11), chap. I",
     [("E/1997/25-E/CN.9/1997/11", "E/1997/25-E/CN.9/1997/11", "")]),
    ("final report (document MC/INF/263) served", [("MC/INF/263", "MC/INF/263", "")]),
    ("should be sought (see document MC/2126).", [("MC/2126", "MC/2126", "")]),
    ("MC/2353", [("MC/2353", "MC/2353", "")]),
    ("whose terms are described in MC/INF/263 para. 45) is", [("MC/INF/263 para. 45", "MC/INF/263", "45")]),
    ("see A/52/314, paragraph 9.", [("A/52/314, paragraph 9", "A/52/314", "9")]),
]


@pytest.mark.parametrize("phrase, expected", SYMBOLS)
def test_symbols(phrase, expected) -> None:
    found = [(m.text, m.symbol, m.paragraph) for m in scan(phrase) if m.kind == "symbol"]
    assert found == expected
    assert [m for m in scan(phrase) if m.kind == "suspect"] == []


def test_joint_symbol_is_one_document_with_both_symbols() -> None:
    (m,) = scan("(E/1997/23-E/CN.4/1997/150)")
    assert m.parts == ("E/1997/23", "E/CN.4/1997/150")


RESOLUTIONS = [
    # (phrase, [(matched text, number, body named in the phrase, report it is printed in)])
    ("through resolution 61/208 of 6 March 2007", [("resolution 61/208", "61/208", "", "")]),
    ("by resolutions 50/123 and 51/148, the", [("resolutions 50/123", "50/123", "", ""), ("51/148", "51/148", "", "")]),
    ("Based on the invitation extended through UNGA resolution 65/170 of 17 March 2011",
     [("resolution 65/170", "65/170", "UNGA", "")]),
    ("pursuant to Assembly resolution 50/123, of the", [("resolution 50/123", "50/123", "Assembly", "")]),
    ("Families (General Assembly resolution 45/158, annex), the",
     [("resolution 45/158", "45/158", "General Assembly", "")]),
    ("the Commission adopted resolutions 1997/14 and 1997/15 referring",
     [("resolutions 1997/14", "1997/14", "", ""), ("1997/15", "1997/15", "", "")]),
    ("(E/1997/25-E/CN.9/1997/11), chap. I, sect. C, resolution 1997/1.",
     [("resolution 1997/1", "1997/1", "", "E/1997/25-E/CN.9/1997/11")]),
    ("The General Assembly, in its resolution 60/227, had invited", [("resolution 60/227", "60/227", "", "")]),
]


@pytest.mark.parametrize("phrase, expected", RESOLUTIONS)
def test_resolutions(phrase, expected) -> None:
    found = [(m.text, m.number, m.body, m.container) for m in scan(phrase) if m.kind == "resolution"]
    assert found == expected


OTHER_REFERENCES = [
    ("as stated in paragraph 9 above,", "paragraph", "paragraph 9 above", "9"),
    ("see paras. 3 and 4 below", "paragraph", "paras. 3 and 4 below", "3"),
    ('mandate under the IOM Constitution, Article 1(1)(e): "to provide', "article", "IOM Constitution, Article 1(1)(e)", "1(1)(e)"),
    ("clearly defined in Articles 58 and 63 of the UN Charter.", "article", "Articles 58 and 63 of the UN Charter", "58 and 63"),
    ("the steps provided for in paragraph 7 (b) of Article 19 of the Constitution of the International Labour "
     "Organisation.", "article", "paragraph 7 (b) of Article 19 of the Constitution of the International Labour "
     "Organisation", "7"),
    ("as in Article 8 of the Vienna Convention on Diplomatic Relations.", "article",
     "Article 8 of the Vienna Convention on Diplomatic Relations", "8"),
]


def test_an_instrument_named_by_its_title() -> None:
    (m,) = scan("under paragraph 7 (b) of Article 19 of the Constitution of the International Labour Organisation.")
    assert (m.instrument, m.article, m.paragraph, m.sub) == (
        "Constitution of the International Labour Organisation", "19", "7", "b")
    (m,) = scan("the IOM Constitution, Article 1(1)(e)")
    assert m.instrument == "IOM Constitution"  # an alias keeps its canonical name


# An instrument's own provisions, as treaties print them: (phrase, matched, article, paragraph, sub).
OWN_PROVISIONS = [
    ("as mentioned in Article 8, and", "Article 8", "8", "", ""),
    ("Article 10, paragraph 1, under d and", "Article 10, paragraph 1, under d", "10", "1", "d"),
    ("in accordance with paragraph 1 of this Article within", "paragraph 1 of this Article", "", "1", ""),
    ("Notwithstanding the provisions of Paragraph 1 of this Article,", "Paragraph 1 of this Article", "", "1", ""),
    ("set forth in paragraphs 3 to 5 of this Article.", "paragraphs 3 to 5 of this Article", "", "3", ""),
    ("Nothing in paragraphs 2 and 3 in this Article shall", "paragraphs 2 and 3 in this Article", "", "2", ""),
    ("in pursuance of paragraph 3 (b), other than", "paragraph 3 (b)", "", "3", "b"),
    ("as defined in paragraph 2 of Article 4 shall", "paragraph 2 of Article 4", "4", "2", ""),
    ("the measures taken under Article 4 of this Convention shall", "Article 4 of this Convention", "4", "", ""),
    ("Article 3(2) applies", "Article 3(2)", "3", "2", ""),
    ("as shown in para. 3.", "para. 3", "", "3", ""),
]


@pytest.mark.parametrize("phrase, text, article, paragraph, sub", OWN_PROVISIONS)
def test_own_provisions(phrase, text, article, paragraph, sub) -> None:
    (m,) = scan(phrase)
    assert (m.kind, m.text, m.article, m.paragraph, m.sub) == ("provision", text, article, paragraph, sub)


@pytest.mark.parametrize("phrase, kind, text, number", OTHER_REFERENCES)
def test_paragraphs_and_articles(phrase, kind, text, number) -> None:
    (m,) = scan(phrase)
    assert (m.kind, m.text, m.paragraph or m.article) == (kind, text, number)


# --- The grammar: what is NOT a reference ---------------------------------------------------------

NOT_REFERENCES = [
    ("Sales No. E.95.XIII.18", "sales-number"),
    ("Sales No. E.96.IV.13", "sales-number"),
    ("No. 97", "number-label"),
    ("No. 143", "number-label"),
    ("Supplement No. 5", None),  # "No. 5" inside it is the number-label
    ("Table 2.1", "table-label"),
    ("Table 2.3", "table-label"),
    ("19 December 1994", "date"),
    ("6-12 March 1995", "date"),
    ("13 and 14 March 1997", "date"),
    ("2006-2007", "date"),
    ("25%", "percentage"),
    ("10-15%", "percentage"),
    ("USD 210,000", "money"),
    ("USD 167 billion", "money"),
    ("$553.2 Million (USD)", "money"),
    ("$1,200,000.00", "money"),
    ("resolution 1", "conference-resolution"),
    ("UNGA/HLD", None),  # an acronym with a slash: no digit, no symbol
    ("HIV/AIDs", None),
]


@pytest.mark.parametrize("phrase, rule", NOT_REFERENCES)
def test_not_references(phrase, rule) -> None:
    assert scan(phrase) == []
    assert scan(f"It was noted ({phrase}) in the text.") == []
    found = non_reference(phrase)
    assert (found.name if found else None) == rule


def test_non_references_in_context() -> None:
    text = ("(United Nations publication, Sales No. E.95.XIII.18), chap. I, resolution 1, annex. "
            "the ILO Convention concerning Migration for Employment (Revised), 1949 (No. 97), and")
    assert scan(text) == []


SUSPECTS = ["XYZ/12/3", "under Article 4 of", "see para. 7 of", "in accordance with paragraph 8 on the resolution"]


@pytest.mark.parametrize("phrase", SUSPECTS)
def test_things_that_look_like_references_are_suspects(phrase) -> None:
    (m,) = scan(phrase)
    assert m.kind == "suspect" and m.note


# --- Resolution -----------------------------------------------------------------------------------


def make_doc(name: str, symbol: str, *paragraphs: str, notes: tuple[str, ...] = (),
             heading: str = "") -> Document:
    blocks: list = [Heading(2, (Text(heading),), "section", line=1)] if heading else []
    for k, text in enumerate(paragraphs, start=1):
        inlines = (Text(text),) + tuple(FootnoteRef(str(n)) for n in range(1, len(notes) + 1) if k == 1)
        blocks.append(NumberedParagraph(str(k), f"para-{k}", (Paragraph(inlines, line=10 * k),), line=10 * k))
    footnotes = tuple(Footnote(str(n), (Paragraph((Text(t),), line=100 + n),), line=100 + n)
                      for n, t in enumerate(notes, start=1))
    return Document(name, f"source_texts/{name}.txt", Metadata(title=name.upper(), symbol=symbol),
                    tuple(blocks), footnotes)


def references(doc: Document) -> list[Reference]:
    found: list[Reference] = []

    def collect(nodes) -> None:
        for n in nodes:
            if isinstance(n, Reference) and not n.target.startswith("#"):  # not the contents tables' links
                found.append(n)
            elif isinstance(n, Emphasis):
                collect(n.children)

    for block in list(doc.blocks) + [b for note in doc.footnotes for b in note.blocks]:
        for b in walk_blocks((block,)):
            if isinstance(b, Paragraph):
                collect(b.inlines)
    return found


CORPUS = [
    make_doc("council-paper", "MC/INF/900", "First.", "Second.", "Third, see paragraph 2 above."),
    make_doc("un-report", "A/70/100",
             "As MC/INF/900, para. 3 shows, and MC/INF/900 para. 7 does not; see also MC/INF/263 and A/60/871.",
             "The General Assembly, in resolution 61/208, and the Commission on Human Rights in resolution 1997/14.",
             "In resolution 64/1 nobody is named; XYZ/12/3 is odd."),
]


def resolved(name: str):
    index = gather(CORPUS)
    doc = next(d for d in CORPUS if d.name == name)
    return resolve_document(doc, index)


def test_inside_the_collection_with_paragraph_anchor() -> None:
    doc, citations = resolved("un-report")
    targets = {r.children[0].text: r.target for r in references(doc)}
    assert targets["MC/INF/900, para. 3"] == "documents/council-paper.md#para-3"
    assert citations[0].cited.document == "council-paper"


def test_missing_paragraph_links_the_document_and_warns() -> None:
    doc, _ = resolved("un-report")
    targets = {r.children[0].text: r.target for r in references(doc)}
    assert targets["MC/INF/900 para. 7"] == "documents/council-paper.md#title"
    assert any(d.code == "reference-paragraph-missing" and d.line == 10 for d in doc.diagnostics)


def test_outside_the_collection() -> None:
    doc, _ = resolved("un-report")
    targets = {r.children[0].text: r.target for r in references(doc)}
    assert targets["A/60/871"] == "https://undocs.org/A/60/871"
    assert targets["MC/INF/263"] == "cited/mc-inf.md#mc-inf-263"  # an IOM symbol: its index entry
    assert targets["resolution 61/208"] == "https://undocs.org/A/RES/61/208"
    assert targets["resolution 1997/14"] == "https://undocs.org/E/CN.4/RES/1997/14"


def test_paragraph_above_links_the_same_page() -> None:
    doc, _ = resolved("council-paper")
    (ref,) = references(doc)
    assert (ref.children, ref.target) == ((Text("paragraph 2 above"),), "documents/council-paper.md#para-2")


def test_unresolvable_is_a_diagnostic_with_path_and_line() -> None:
    doc, citations = resolved("un-report")
    found = {(d.code, d.path, d.line) for d in doc.diagnostics}
    assert ("reference-unresolved", "source_texts/un-report.txt", 30) in found  # resolution 64/1, no body
    assert ("reference-unrecognised", "source_texts/un-report.txt", 30) in found  # XYZ/12/3
    assert not any("64/1" in c.text for c in citations)


def test_body_from_context_and_numbering() -> None:
    commission = make_doc("x", "", "In resolution 1997/15, the Commission decided.", heading="B. Commission on Human Rights")
    doc, (c,) = resolve_document(commission, gather([commission]))
    assert c.target == "https://undocs.org/E/CN.4/RES/1997/15"
    assert c.location.label == "para. 1"
    # A report's symbol names the body whose resolution it prints.
    note = make_doc("y", "", "Text.", notes=(
        "Official Records of the Economic and Social Council, 1997, Supplement No. 5 "
        "(E/1997/25-E/CN.9/1997/11), chap. I, sect. C, resolution 1997/1.",))
    _, citations = resolve_document(note, gather([note]))
    res = next(c for c in citations if c.text == "resolution 1997/1")
    assert res.cited.label == "Commission on Population and Development resolution 1997/1"
    assert res.target == "https://undocs.org/E/1997/25"
    assert res.location.label == "para. 1, note 1"


def test_enricher_is_pure_and_keeps_the_text() -> None:
    doc = CORPUS[1]
    index = gather(CORPUS)
    once = add_references(doc, index)
    assert add_references(doc, index) == once
    assert doc == CORPUS[1]
    for before, after in zip(walk_blocks(doc.blocks), walk_blocks(once.blocks)):
        if isinstance(before, Paragraph):
            assert plain_text(before.inlines) == plain_text(after.inlines)
    assert all(len(r.children) == 1 and isinstance(r.children[0], Text) for r in references(once))


def test_descriptions_come_from_the_text() -> None:
    d = make_doc("z", "", "the preparation of the report of the Secretary-General on international "
                 "migration and development (E/1995/69) which was discussed")
    _, (c,) = resolve_document(d, gather([d]))
    assert c.description == "report of the Secretary-General on international migration and development"


def make_treaty(name: str, *articles: tuple[str, ...], title: str = "Agreement on Things") -> Document:
    """An instrument: "Article N" headings, each with numbered paragraphs (the first with (a)-(c))."""
    blocks: list = []
    for n, paragraphs in enumerate(articles, start=1):
        blocks.append(Heading(2, (Text(f"Article {n}"),), f"article-{n}", str(n), line=100 * n, cite=f"Article {n}"))
        for k, text in enumerate(paragraphs, start=1):
            label = f"article-{n}-para-{k}"
            subs = tuple(NumberedParagraph(x, f"{label}-{x}", (Paragraph((Text("item"),), line=100 * n + k),),
                                           line=100 * n + k) for x in "abc") if k == 1 else ()
            blocks.append(NumberedParagraph(str(k), label, (Paragraph((Text(text),), line=100 * n + k),) + subs,
                                            line=100 * n + k, cite=f"Article {n}, para. {k}"))
    return Document(name, f"source_texts/{name}.txt", Metadata(title=title), tuple(blocks))


def test_a_treaty_links_its_own_articles_and_paragraphs() -> None:
    treaty = make_treaty("treaty", ("First.", "Second, under paragraph 1 of this Article."),
                         ("As in Article 1, paragraph 1, under b and Article 1(2).", "See Article 4."))
    doc, citations = resolve_document(treaty, gather([treaty]))
    targets = {r.children[0].text: (r.target, r.title) for r in references(doc)}
    assert targets["paragraph 1 of this Article"] == ("documents/treaty.md#article-1-para-1", "Article 1, para. 1")
    assert targets["Article 1, paragraph 1, under b"] == ("documents/treaty.md#article-1-para-1-b",
                                                          "Article 1, para. 1 (b)")
    assert targets["Article 1(2)"][0] == "documents/treaty.md#article-1-para-2"
    assert [(d.code, d.line) for d in doc.diagnostics] == [("reference-provision-missing", 202)]  # no Article 4
    assert citations[0].location.label == "Article 1, para. 2"


def test_the_convention_is_the_document_only_when_it_is_one() -> None:
    text = "The measures taken under Article 2 of the Convention apply."
    convention = make_treaty("c", ("First.",), ("Second.",), (text,), title="Convention concerning Things")
    doc, _ = resolve_document(convention, gather([convention]))
    assert [r.target for r in references(doc)] == ["documents/c.md#article-2"]
    agreement = make_treaty("a", ("First.",), ("Second.",), (text,))
    doc, _ = resolve_document(agreement, gather([agreement]))
    assert references(doc) == []
    assert [d.code for d in doc.diagnostics] == ["reference-unrecognised"]  # which convention?


def test_a_resolution_recalls_resolutions_of_its_own_body() -> None:
    resolution = make_doc("res", "A/RES/80/1", "Recalling its resolution 70/1 and resolution 79/1.")
    resolution = replace(resolution, metadata=replace(resolution.metadata, body="United Nations General Assembly"))
    doc, _ = resolve_document(resolution, gather([resolution]))
    assert [r.target for r in references(doc)] == ["https://undocs.org/A/RES/70/1", "https://undocs.org/A/RES/79/1"]


def test_a_body_without_resolution_symbols_is_listed_not_linked() -> None:
    d = make_doc("r", "", "Recalling Commission on Population and Development resolution 2006/2.")
    doc, (c,) = resolve_document(d, gather([d]))
    assert c.target == "cited/named-c.md#commission-on-population-and-development-resolution-2006-2"
    assert not doc.diagnostics


# --- Backlinks, related documents, sections --------------------------------------------------------


def test_backlinks_are_the_inversion_of_resolved_references() -> None:
    docs, citations = link_references(CORPUS)
    inverted = backlinks(citations)
    pairs = {(c.location, c.cited.key) for c in citations if c.cited.document != c.location.document}
    assert {(c.location, key) for key, cs in inverted.items() for c in cs} == pairs
    assert [c.location.label for c in inverted["MC/INF/900"]] == ["para. 1", "para. 1"]


def test_sections_and_related_without_acronyms() -> None:
    docs, citations = link_references(CORPUS)
    enriched, pages = add_citation_sections(docs, citations)
    paper = next(d for d in enriched if d.name == "council-paper")
    headings = [b.anchor for b in paper.appendix if isinstance(b, Heading)]
    assert headings == ["cites", "cited-by", "related-documents"]
    cited_by = paper.appendix[paper.appendix.index(next(b for b in paper.appendix if getattr(b, "anchor", "") == "cited-by")) + 1]
    assert isinstance(cited_by, ListBlock)
    assert references_in(cited_by) == ["documents/un-report.md#para-1"] * 2  # para. 3 and para. 7 of it
    related = related_documents([d.name for d in docs], citations)
    assert [r.document for r in related["council-paper"]] == ["un-report"]
    assert related["council-paper"][0].direct == 2
    assert set(pages) == {"cited/index.md", "cited/mc-inf.md", "cited/a-60.md", "cited/a-res-61.md",
                          "cited/e-cn-4-res-1997.md"}
    assert all(page.startswith("---\n# " + generated_notice("source_texts/*.txt")) for page in pages.values())


def references_in(block) -> list[str]:
    return [n.target for b in walk_blocks((block,)) if isinstance(b, Paragraph) for n in b.inlines
            if isinstance(n, Reference)]


# --- The real corpus ------------------------------------------------------------------------------

# Every symbol and resolution printed in the texts, found independently of the grammar.
_PRINTED = re.compile(r"\b(?:[A-Z]{1,4}/[A-Z0-9./-]*\d[A-Z0-9./-]*\d|resolutions? \d{1,4}/\d+|(?<=and )\d{4}/\d+|Corr\.\d)")
SEEDS = ("mc-inf-285", "mc-2353", "a-52-314", "a-c-2-61-7", "canada-iom-membership-evaluation")


def test_every_symbol_and_resolution_in_the_seed_texts_is_a_link(corpus, root) -> None:
    own = {d.metadata.symbol for d in corpus.documents}
    printed = []
    for name in SEEDS:
        text = (root / "source_texts" / f"{name}.txt").read_text(encoding="utf-8")
        printed += [m.group(0).rstrip(".") for m in _PRINTED.finditer(text) if m.group(0).rstrip(".") not in own]
    linked = [r.children[0].text for d in corpus.documents if d.name in SEEDS for r in references(d)]
    numbers = sorted(re.sub(r"^resolutions? ", "", t) for t in printed)
    linked_numbers = sorted(re.sub(r"^resolutions? ", "", re.sub(r" para\. \d+$", "", t))
                            for t in linked if not t.startswith(("IOM Constitution", "Articles")))
    assert linked_numbers == numbers
    assert len(printed) == 35


def test_every_printed_symbol_in_the_corpus_is_linked_or_reported(corpus, root) -> None:
    """Nothing that looks like a citation is dropped silently: a link, or a diagnostic on its line."""
    linked = " ".join(r.children[0].text for d in corpus.documents for r in references(d))
    reported = " ".join(d.message for d in corpus.diagnostics if d.code.startswith("reference-"))
    own = {d.metadata.symbol for d in corpus.documents}
    for path in sorted((root / "source_texts").glob("*.txt")):
        for m in _PRINTED.finditer(path.read_text(encoding="utf-8")):
            printed = re.sub(r"^resolutions? ", "", m.group(0).rstrip("."))
            assert printed in own or printed in linked or printed in reported, (path.name, printed)


def test_seed_counts(corpus) -> None:
    refs = [r for d in corpus.documents if d.name in SEEDS for r in references(d)]
    undocs = [r for r in refs if r.target.startswith("https://undocs.org/")]
    index = [r for r in refs if r.target.startswith("cited/")]
    inside = [r for r in refs if r.target.startswith("documents/")]
    assert (len(refs), len(inside), len(undocs), len(index)) == (37, 0, 31, 6)


# What the corpus cites that no rule can resolve, each checked against its source line.
UNRESOLVABLE = {
    # The page opens with the tail of resolution 61 (I), whose paragraphs 1 to 4 are on the page before.
    ("a-res-62-i", "reference-paragraph-missing", 12),
    # "paragraph 8 on the Economic and Social Council resolution of the 16th February 1946", and its note.
    ("dafp-1946-hood-cablegram-394", "reference-unrecognised", 22),
    ("dafp-1946-hood-cablegram-394", "reference-unrecognised", 40),
    # "pursuant to Article 27 of the Constitution": which constitution, the text does not say.
    ("nl-iom-host-agreement-2012", "reference-unrecognised", 43),
}


def test_only_the_unresolvable_is_reported(corpus) -> None:
    found = {(d.path.split("/")[-1].removesuffix(".txt"), d.code, d.line)
             for d in corpus.diagnostics if d.code.startswith("reference-")}
    assert found == UNRESOLVABLE


def test_treaties_link_their_own_provisions(corpus) -> None:
    host = next(d for d in corpus.documents if d.name == "nl-iom-host-agreement-2012")
    targets = {(r.children[0].text, r.target) for r in references(host)}
    page = "documents/nl-iom-host-agreement-2012.md"
    assert ("Article 10, paragraph 1, under d", f"{page}#article-10-para-1-d") in targets
    assert ("paragraphs 3 to 5 of this Article", f"{page}#article-18-para-3") in targets
    c97 = next(d for d in corpus.documents if d.name == "ilo-c97-migration-for-employment-1949")
    targets = {(r.children[0].text, r.target) for r in references(c97)}
    page = "documents/ilo-c97-migration-for-employment-1949.md"
    # Annex II, Article 7 cites the Convention's Article 4, not the annex's own.
    assert ("Article 4 of this Convention", f"{page}#article-4") in targets
    assert ("Article 3 of this Annex", f"{page}#annex-ii-article-3") in targets


def test_acronyms_never_enter_references(corpus) -> None:
    for doc in corpus.documents:
        for ref in references(doc):
            assert not any(isinstance(n, Acronym) for n in ref.children)


def test_index_pages(corpus, root) -> None:
    """The index of cited documents: a page per series of symbols, and a page listing the series."""
    index = corpus.pages["cited/index.md"]
    for series, page in (("MC/INF", "mc-inf.md"), ("A/RES/61", "a-res-61.md"), ("E/1997", "e-1997.md"),
                         ("named I", "named-i.md")):
        assert f"[{series}]({page})" in index, series
    for page, anchor in (("mc-inf", "mc-inf-263"), ("a-res-61", "a-res-61-208"), ("e-1997", "e-1997-23-e-cn-4-1997-150"),
                         ("named-i", "iom-constitution"), ("e-cn-4-res-1997", "e-cn-4-res-1997-14"), ("e-1995", "e-1995-69")):
        assert f"{{#{anchor}}}" in corpus.pages[f"cited/{page}.md"], anchor
    assert "report of the Secretary-General on international migration and development" in corpus.pages["cited/e-1995.md"]
    assert "[MC/INF/285, para. 4](../documents/mc-inf-285.md#para-4)" in corpus.pages["cited/a-60.md"]  # A/60/871
    assert "Cited documents: cited/index.md" in (root / "mkdocs.yml").read_text(encoding="utf-8")


def test_every_index_link_and_backlink_has_its_anchor(corpus) -> None:
    anchors = {p: set(re.findall(r"\{#([\w-]+)", text)) | set(re.findall(r"\{ #([\w-]+)", text))
               for p, text in corpus.pages.items()}
    for page in [p for p in corpus.pages if p.startswith("cited/")] + [f"documents/{d.name}.md" for d in corpus.documents]:
        for target in re.findall(r"\]\(([^)\s]+\.md)#([\w-]+)", corpus.pages[page]):
            path = posixpath.normpath(posixpath.join(posixpath.dirname(page), target[0]))
            assert target[1] in anchors[path], (page, target)


def test_each_page_has_the_three_sections_once(corpus) -> None:
    for doc in corpus.documents:
        anchors = [b.anchor for b in list(walk_blocks(doc.blocks)) + list(doc.appendix) if isinstance(b, Heading)]
        for anchor in ("cites", "cited-by", "related-documents"):
            assert anchors.count(anchor) == 1
