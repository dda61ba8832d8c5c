"""The acronym glossary: extraction, the curated file, the enricher, the page and the coverage check."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from build_tools.__main__ import main as cli
from build_tools.glossary import (
    GlossaryError,
    apply_glossary,
    build_glossary,
    coverage,
    extract_definitions,
    load_glossary,
    parse_curated,
)
from build_tools.glossary.apply import _Rewriter
from build_tools.glossary.extract import long_name
from build_tools.model import (
    Acronym,
    Document,
    Emphasis,
    Footnote,
    FootnoteRef,
    Heading,
    Inline,
    Metadata,
    NumberedParagraph,
    Paragraph,
    Reference,
    Text,
    map_inlines,
)
from build_tools.writer.markdown import generated_comment, generated_notice

FIXTURES = Path(__file__).parent / "fixtures" / "glossary"
CURATED = "source_texts/glossary.yml"


# --- helpers -------------------------------------------------------------------


def doc(*paragraphs: str | tuple[Inline, ...], name: str = "doc", date: str = "2006-11-14",
        notes: dict[str, str] | None = None, heading: str | None = None) -> Document:
    """A document of numbered paragraphs (text or inlines), optional notes and a first heading."""
    blocks: list = [Heading(2, (Text(heading),), "intro")] if heading else []
    for k, p in enumerate(paragraphs, start=1):
        inlines = (Text(p),) if isinstance(p, str) else p
        blocks.append(NumberedParagraph(str(k), f"para-{k}", (Paragraph(inlines),)))
    footnotes = tuple(Footnote(label, (Paragraph((Text(body),)),)) for label, body in (notes or {}).items())
    return Document(name, f"source_texts/{name}.txt", Metadata(title=name, date=date), tuple(blocks), footnotes)


def small_curated():
    curated, problems = parse_curated((FIXTURES / "small.yml").read_text(encoding="utf-8"), CURATED)
    assert not problems
    return curated


def acronyms(document: Document) -> list[Acronym]:
    found: list[Acronym] = []

    def collect(nodes):
        for node in nodes:
            if isinstance(node, Acronym):
                found.append(node)
            elif isinstance(node, (Emphasis, Reference)):
                collect(node.children)
        return nodes

    for block in document.blocks + tuple(b for n in document.footnotes for b in n.blocks):
        map_inlines(block, collect)
    return found


def defined(document: Document) -> dict[str, str]:
    return {d.key: d.expansion for d in extract_definitions(document)}


# --- extraction: one test per pattern, phrasings from the texts -------------------


def test_long_name_with_small_words() -> None:
    d = doc("While it did not generate consensus to establish a norm-setting institution or regime, it led to "
            "the establishment of the State-led Global Forum on Migration and Development (GFMD).",
            "expanded to include the UN Department of Economic and Social Affairs (UNDESA), the UN Population Fund (UNFPA)",
            "the United Nations Department of Economic and Social Affairs (UNDESA)")
    found = extract_definitions(d)
    assert [(x.key, x.expansion, x.location.anchor) for x in found] == [
        ("GFMD", "Global Forum on Migration and Development", "para-1"),
        ("UNDESA", "UN Department of Economic and Social Affairs", "para-2"),
        ("UNFPA", "UN Population Fund", "para-2"),
        ("UNDESA", "United Nations Department of Economic and Social Affairs", "para-3"),
    ]
    assert [x.exact for x in found] == [True, True, False, True]


@pytest.mark.parametrize("before, acronym, expected", [
    ("asked the already existing six-member Geneva Migration Group ", "GMG", "Geneva Migration Group"),
    ("the Office of the United Nations High Commissioner for Human Rights ", "OHCHR",
     "Office of the United Nations High Commissioner for Human Rights"),
    ("the UN Office on Drugs and Crime ", "UNODC", "UN Office on Drugs and Crime"),
    ("The Sub-Committee on Budget and Finance ", "SCBF", "Sub-Committee on Budget and Finance"),
    ("in preparation for the UN High-Level Dialogue on International Migration and Development ", "HLD",
     "High-Level Dialogue on International Migration and Development"),
    ("The second United Nations General Assembly High-level Dialogue on International Migration and Development ",
     "UNGA/HLD", "United Nations General Assembly High-level Dialogue on International Migration and Development"),
    ("the United Nations Educational, Scientific and Cultural Organization ", "UNESCO",
     "United Nations Educational, Scientific and Cultural Organization"),
    ("the Programme and Budget ", "P&B", "Programme and Budget"),
    ("through its active support to regional consultative processes on migration ", "RCP",
     "regional consultative processes on migration"),
    ("a third governance body, the Executive Committee ", "EX", "Executive Committee"),
])
def test_long_name_takes_the_right_words(before: str, acronym: str, expected: str) -> None:
    assert long_name(before, acronym)[0] == expected


@pytest.mark.parametrize("before, acronym", [
    ("Administrative Budget 37.1 Million ", "CHF"),  # a currency after a figure defines nothing
    ("coordinating function exercised by ECOSOC and the General Assembly ", "UNGA"),  # letters do not fit
    ("it has instituted the Continuous Reporting System on Migration ", "SOPEMI"),  # a French acronym
])
def test_no_long_name_when_letters_do_not_fit(before: str, acronym: str) -> None:
    assert long_name(before, acronym) is None


def test_acronym_then_long_name() -> None:
    d = doc("such as the temporary nature of GATT (General Agreement on Tariffs and Trade) and its nature")
    assert defined(d) == {"GATT": "General Agreement on Tariffs and Trade"}


def test_definitions_in_footnotes_are_located_at_the_calling_paragraph() -> None:
    d = doc("Intro.", (Text("led to the establishment of the Geneva Migration Group in 2003."), FootnoteRef("2")),
            notes={"2": "The Geneva Migration Group was launched as an informal initiative by the principals of IOM "
                        "and the Office of the United Nations High Commissioner for Refugees (UNHCR)."})
    [found] = extract_definitions(d)
    assert (found.key, found.expansion) == ("UNHCR", "United Nations High Commissioner for Refugees")
    assert (found.location.anchor, found.location.label) == ("para-2", "para. 2, note 2")


def test_acronym_for_this_division() -> None:
    d = doc((Text("CIC’s International Policy Coordination Division (BSK)"), FootnoteRef("4"),
             Text(" manages Canada’s membership in the IOM.")),
            "accompanied, at the fall meeting, by a representative of BSK.",
            notes={"4": "BSK is the acronym for this division within CIC."})
    [found] = extract_definitions(d)
    assert (found.key, found.expansion, found.location.anchor) == (
        "BSK", "International Policy Coordination Division", "para-1")


def test_plurals_define_their_base_entry() -> None:
    d = doc("Since the late 1980s, several Regional Consultative Processes on Migration (RCPs) have come into being",
            "migration is not adequately recognized in the Millennium Development Goals (MDGs), which have become")
    found = extract_definitions(d)
    assert [(x.key, x.printed) for x in found] == [("RCP", "RCPs"), ("MDG", "MDGs")]


def test_unnumbered_text_is_located_at_its_heading() -> None:
    d = replace(doc(heading="Discretionary Income (DI)"),
                blocks=(Heading(5, (Text("Discretionary Income (DI)"),), "discretionary-income-di"),
                        Paragraph((Text("the Executive Committee (EX). The"),))))
    found = extract_definitions(d)
    assert [(x.key, x.location.anchor) for x in found] == [
        ("DI", "discretionary-income-di"), ("EX", "discretionary-income-di")]


def test_real_corpus_definitions(corpus) -> None:
    by_doc = {d.name: {x.key: x for x in extract_definitions(d)} for d in corpus.documents}
    bsk = by_doc["canada-iom-membership-evaluation"]["BSK"]
    assert (bsk.expansion, bsk.location.anchor) == ("International Policy Coordination Division", "section-2-7")
    assert by_doc["mc-inf-285"]["GMG"].expansion == "Geneva Migration Group"
    assert by_doc["mc-inf-285"]["GMG"].location.anchor == "para-3"
    assert by_doc["a-c-2-61-7"]["GMG"].expansion == "Geneva Migration Group"
    assert by_doc["mc-2353"]["GMG"].expansion == "Global Migration Group"
    assert by_doc["mc-2353"]["UNGA/HLD"].location.anchor == "para-1"
    assert by_doc["mc-2353"]["UNDESA"].location.label == "para. 8, note 4"
    assert by_doc["a-c-2-61-7"]["RCP"].printed == "RCPs"


# --- the dated-expansion rule -----------------------------------------------------


def test_dated_expansions_and_own_definitions() -> None:
    docs = [
        doc("The GMG met.", name="early", date="2005"),
        doc("The GMG met.", name="late", date="2012-11-02"),
        doc("asked the six-member Geneva Migration Group (GMG) to review its mandate", name="renamed", date="2006-11-14"),
        doc("the Secretary-General established the Global Migration Group (GMG) in 2006", name="own", date="2012"),
        doc("the Geneva Migration Group (GMG) was formed", name="before", date="2004"),
    ]
    glossary, problems = build_glossary(docs, small_curated())
    assert not problems
    assert glossary.expansion("GMG", "early") == "Geneva Migration Group"
    assert glossary.expansion("GMG", "late") == "Global Migration Group"
    assert glossary.expansion("GMG", "renamed") == "Geneva Migration Group (from 2006: Global Migration Group)"
    assert glossary.expansion("GMG", "own") == "Global Migration Group"
    assert glossary.expansion("GMG", "before") == "Geneva Migration Group"


def test_a_definition_in_an_undated_document_is_used_by_a_dated_one() -> None:
    """A text just added often has no date yet; a dated document may still use what it defines."""
    docs = [
        doc("the Regional Data Hub (RDH) was set up in Bangkok", name="undated", date=""),
        doc("The RDH reported twice.", name="dated", date="2012"),
    ]
    glossary, problems = build_glossary(docs, small_curated())
    assert not problems
    assert glossary.expansion("RDH", "dated") == "Regional Data Hub"


def test_every_tooltip_carries_the_expansion_for_its_document(corpus) -> None:
    """Own definition wins; MC/INF/285 and A/C.2/61/7 (2006) define the old name, so both names show."""
    glossary = load_glossary(list(corpus.documents), Path(__file__).parent.parent)
    seen = {}
    for d in corpus.documents:
        for node in acronyms(d):
            assert node.expansion == glossary.expansion(node.key, d.name), (d.name, node)
            if node.key == "GMG":
                seen.setdefault(d.name, set()).add(node.expansion)
    assert seen == {
        "mc-inf-285": {"Geneva Migration Group (from 2006: Global Migration Group)"},
        "a-c-2-61-7": {"Geneva Migration Group (from 2006: Global Migration Group)"},
        "mc-2353": {"Global Migration Group"},
    }


# --- the enricher ----------------------------------------------------------------------


def small_glossary(*docs: Document):
    glossary, problems = build_glossary(list(docs), small_curated())
    assert not problems
    return glossary


def test_never_inside_symbols_links_or_urls() -> None:
    d = doc((Text("see A/C.2/61/7, MC/INF/285 and MC/2353 (A/60/871) or https://www.un.org/UN/GMG/ or the "),
             Reference((Text("UN report"),), "documents/x.md"), Text(" before the UNGA/HLD.")),
            "the United Nations General Assembly High-level Dialogue (UNGA/HLD) in 2013")
    out = apply_glossary(d, small_glossary(d))
    para = out.blocks[0].blocks[0].inlines
    assert isinstance(para[1], Reference) and para[1] == d.blocks[0].blocks[0].inlines[1]
    assert [(a.text, a.key) for a in acronyms(replace(out, blocks=out.blocks[:1]))] == [("UNGA/HLD", "UNGA/HLD")]
    assert para[0] == Text("see A/C.2/61/7, MC/INF/285 and MC/2353 (A/60/871) or https://www.un.org/UN/GMG/ or the ")


def test_plurals_possessives_and_compounds_resolve() -> None:
    """RCPs → RCP, BAB's → BAB + "'s", UN-DESA → UNDESA, UN-IOM → UN + IOM, HIV/AIDs → HIV/AIDS."""
    d = doc("the Business Advisory Board (BAB). International Dialogue on Migration (IDM) and Global Migration "
            "Group (GMG) and the United Nations Department of Economic and Social Affairs (UNDESA)",
            "the BAB's meetings; RCPs; UN-DESA; the UN-IOM agreement; HIV/AIDs; the UNGA/HLD",
            "Regional Consultative Processes on Migration (RCPs) and the International Organization for Migration (IOM)")
    out = apply_glossary(d, small_glossary(d))
    second = [(a.text, a.key) for a in acronyms(replace(out, blocks=out.blocks[1:2]))]
    assert second == [("BAB", "BAB"), ("RCPs", "RCP"), ("UN-DESA", "UNDESA"), ("UN", "UN"), ("IOM", "IOM"),
                      ("HIV/AIDs", "HIV/AIDS"), ("UNGA", "UNGA")]
    inlines = out.blocks[1].blocks[0].inlines
    assert inlines[1] == Acronym("BAB", "BAB", "Business Advisory Board", None)
    assert inlines[2] == Text("'s meetings; ")


def test_first_use_links_but_not_in_headings() -> None:
    d = doc("The UN met.", "The UN met again.", heading="The UN and IOM")
    out = apply_glossary(d, small_glossary(d))
    uses = acronyms(out)
    assert [(a.key, a.link) for a in uses] == [
        ("UN", None), ("UN", "glossary/un.md"), ("UN", None)]
    heading = out.blocks[0]
    assert isinstance(heading, Heading) and any(isinstance(n, Acronym) for n in heading.inlines)
    title, items = out.appendix
    assert (title.level, title.anchor) == (2, "acronyms")
    [item] = items.items
    assert item.blocks[0].inlines == (Acronym("UN", "UN", "United Nations", "glossary/un.md"),
                                      Text(" — United Nations"))


def test_one_pass_per_text_node() -> None:
    d = doc("The UN and the UNGA and the GMG and HIV/AIDs.", "UN, UN, UN.")
    glossary = small_glossary(d)

    class Counting:
        def __init__(self, pattern: re.Pattern[str]) -> None:
            self.pattern, self.calls = pattern, 0

        def finditer(self, text: str):
            self.calls += 1
            return self.pattern.finditer(text)

    counting = Counting(glossary.pattern)
    out = apply_glossary(d, replace(glossary, pattern=counting))
    assert counting.calls == 2  # two Text nodes, one pass each, whatever the number of keys
    assert len(acronyms(out)) == 7
    assert isinstance(glossary.pattern, re.Pattern) and glossary.pattern.pattern.count("(?P<form>") == 1


def test_rewriter_keeps_text_without_acronyms_as_is() -> None:
    d = doc("Nothing here.")
    rw = _Rewriter(d, small_glossary(d))
    assert rw.text("Nothing here.") == [Text("Nothing here.")]


# --- the curated file ------------------------------------------------------------------


def test_schema_errors_with_lines() -> None:
    _, problems = parse_curated((FIXTURES / "bad-schema.yml").read_text(encoding="utf-8"), CURATED)
    assert sorted(f"{d.path}:{d.line}: {d.message}" for d in problems) == sorted([
        "source_texts/glossary.yml:7: the date of GMG 'Global Migration Group' must be a date "
        "(YYYY, YYYY-MM or YYYY-MM-DD), not '2006-13'",
        "source_texts/glossary.yml:8: entry ECOSOC has no expansion",
        "source_texts/glossary.yml:11: the expansion of UN must be a non-empty string, not a number",
        "source_texts/glossary.yml:12: unknown field 'colour' in entry UN "
        "(expected one of expansion, expansions, note, variants, names, about)",
        "source_texts/glossary.yml:15: the variants of FTE must be a list of strings, not a string",
        "source_texts/glossary.yml:18: unknown section 'glossary' (expected entries or ignore)",
    ])
    assert all(d.severity == "error" for d in problems)


def test_yaml_booleans_are_caught() -> None:
    _, problems = parse_curated("ignore:\n  heading words: [IN, ON]\n", CURATED)
    assert [f"{d.path}:{d.line}: {d.message}" for d in problems] == [
        "source_texts/glossary.yml:2: each of ignore: heading words must be a non-empty string, not true/false"]


def test_dates_must_increase_and_sources_must_exist() -> None:
    text = ("entries:\n  GMG:\n    expansions:\n      - {expansion: B, from: 2006}\n      - {expansion: A, from: 2003}\n"
            "  GCIM:\n    expansion: Global Commission\n    about:\n      - {text: Set up, source: doc#para-9}\n")
    curated, problems = parse_curated(text, CURATED)
    assert [f"{d.path}:{d.line}: {d.message}" for d in problems] == [
        "source_texts/glossary.yml:5: the expansions of GMG must have dates, in increasing order"]
    _, more = build_glossary([doc("One.")], curated)
    assert [f"{d.path}:{d.line}: {d.message}" for d in more] == [
        "source_texts/glossary.yml:9: doc has no paragraph or heading #para-9"]


def test_build_fails_on_a_bad_curated_file(tmp_path: Path, capsys) -> None:
    root = Path(__file__).parent.parent
    shutil.copytree(root / "source_texts", tmp_path / "source_texts")
    shutil.copy(FIXTURES / "bad-schema.yml", tmp_path / "source_texts" / "glossary.yml")
    assert cli(["--root", str(tmp_path), "build"]) != 0
    err = capsys.readouterr().err
    assert "source_texts/glossary.yml:8: entry ECOSOC has no expansion" in err
    assert not (tmp_path / "docs").exists()
    with pytest.raises(GlossaryError):
        from build_tools.pipeline import convert

        convert(tmp_path)


# --- coverage and the page -------------------------------------------------------------------


def test_coverage_of_the_real_corpus_is_complete(root, capsys) -> None:
    assert cli(["--root", str(root), "glossary", "--check"]) == 0
    assert capsys.readouterr().err == ""


def test_coverage_reports_unexplained_words() -> None:
    d = doc("The XYZ met the UN in MC/INF/285 and chap. III.")
    glossary = small_glossary(d)
    text = doc("First line", "The XYZs met the UN (A/C.2/61/7) in chap. III.", name="x")
    text = replace(text, blocks=tuple(replace(b, blocks=(replace(b.blocks[0], line=k),))
                                      for k, b in enumerate(text.blocks, start=1)))
    problems = coverage([apply_glossary(text, glossary)], glossary)
    assert [f"{p.path}:{p.line}: {p.message}" for p in problems] == ["source_texts/x.txt:2: XYZ has no expansion"]


def test_coverage_leaves_names_in_capitals_and_plurals_of_known_acronyms() -> None:
    d = doc("The Standard Operating Procedures (SOP) of the Office.")
    glossary = small_glossary(d)
    text = doc("First line", "The office in Niger wrote its SOPS for the mission in 2020.",
               "Initiative pour la protection des migrants : NIGER.", "The QZX team met the SOP team.", name="x")
    text = replace(text, blocks=tuple(replace(b, blocks=(replace(b.blocks[0], line=k),))
                                      for k, b in enumerate(text.blocks, start=1)))
    problems = coverage([apply_glossary(text, glossary)], glossary)
    assert [f"{p.path}:{p.line}: {p.message}" for p in problems] == ["source_texts/x.txt:4: QZX has no expansion"]


def test_glossary_pages(corpus, root) -> None:
    """An index of every acronym, and a page per acronym whose size follows the documents using it."""
    index = corpus.pages["glossary/index.md"]
    assert index.startswith("---\n# " + generated_notice("source_texts/*.txt", CURATED))
    assert generated_comment("source_texts/*.txt", CURATED) in index
    for key, page, anchor in (("GMG", "gmg", "gmg"), ("P&amp;B", "p-b", "p-b"), ("UNGA/HLD", "unga-hld", "unga-hld"),
                              ("HIV/AIDS", "hiv-aids", "hiv-aids")):
        assert f"| [{key}]({page}.md){{ #{anchor} }} |" in index, key
        assert re.search(rf"^# {re.escape(key)}(: .+)? \{{#{anchor}\}}$", corpus.pages[f"glossary/{page}.md"], re.M), key
    gmg = corpus.pages["glossary/gmg.md"]
    assert "(../documents/mc-inf-285.md#para-3)" in gmg and "(../documents/a-c-2-61-7.md#para-4)" in gmg
    mentions = gmg.split("{#mentions}")[1]
    assert mentions.index("A/C.2/61/7") < mentions.index("MC/INF/285") < mentions.index("MC/2353")
    used = gmg.split("{#used}")[1].split("{#about}")[0]
    assert "- [MC/2353](../documents/mc-2353.md) (24):" in used  # its count, and only its first places
    for body in ("gfmd", "hld", "rcp", "idm", "gcim"):
        assert "{#about}" in corpus.pages[f"glossary/{body}.md"] and "{#mentions}" in corpus.pages[f"glossary/{body}.md"]
    assert "  - Glossary: glossary/index.md" in (root / "mkdocs.yml").read_text(encoding="utf-8")


def test_every_document_with_acronyms_has_an_acronyms_section(corpus) -> None:
    for d in corpus.documents:
        uses = bool(acronyms(d))
        assert any(isinstance(b, Heading) and b.anchor == "acronyms" for b in d.appendix) == uses, d.name
        assert ("## Acronyms in this document {#acronyms " in corpus.pages[f"documents/{d.name}.md"]) == uses
    # Their capitals are symbols (A/RES/.., CEDAW/C/GC/..), numerals, names and headings in capitals.
    assert {d.name for d in corpus.documents if not acronyms(d)} == {
        "a-res-62-i", "a-res-68-4", "a-res-69-229", "a-res-70-296", "a-res-80-9",
        "ilo-c21-inspection-of-emigrants-1926", "ilo-c97-migration-for-employment-1949", "nl-iro-exchange-of-notes-1951"}
