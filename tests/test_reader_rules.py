"""Each reader rule on short inputs taken from the source texts."""

from __future__ import annotations

import pytest

from build_tools.model import Emphasis, FootnoteRef, Superscript, Text
from build_tools.reader import repair_split_entities
from build_tools.reader.blocks import ending, is_title_like, scan
from build_tools.reader.inline import parse_inlines
from build_tools.reader.lines import classify
from build_tools.reader.masthead import Masthead, iso_date, match_masthead_line
from build_tools.reader.notes import markers_in
from build_tools.reader.headings import roman_value, slugify


@pytest.mark.parametrize(
    "line, kind, marker, text",
    [
        ("---", "rule", "", ""),
        ("\\_", "rule", "", ""),
        ("____________", "rule", "", ""),
        ("06-58181", "debris", "", "06-58181"),
        ("06-58181 **9** ", "debris", "", "06-58181 **9**"),
        ("**9**", "debris", "", "**9**"),
        ("Date Modified: 2006-06-19", "debris", "", "Date Modified: 2006-06-19"),
        ("#### **Conclusion**", "heading", "####", "Conclusion"),
        ("## IOM – UN RELATIONSHIP", "heading", "##", "IOM – UN RELATIONSHIP"),
        ("<sup>1</sup> In parallel, the process", "note", "1", "In parallel, the process"),
        ("- ¹ See International Labour Office", "note", "1", "See International Labour Office"),
        ("[4] BSK is the acronym for this division within CIC.", "note", "4", "BSK is the acronym for this division within CIC."),
        ("* A/52/150 and Corr.1.", "note", "*", "A/52/150 and Corr.1."),
        ("- 12. Based on the invitation", "numbered", "12", "Based on the invitation"),
        ("9. On the third point", "numbered", "9", "On the third point"),
        ("  1. to arrange for the organized transfer", "ordered", "1.", "to arrange for the organized transfer"),
        ("  • scholarship programs;", "bullet", "•", "scholarship programs;"),
        ("    • The Programme and Budget", "bullet", "•", "The Programme and Budget"),
        ("- to build government capacity", "bullet", "•", "to build government capacity"),
        ("(a) The terms of the current Cooperation Agreement", "sub", "(a)", "The terms of the current Cooperation Agreement"),
        ("I. Introduction\t1–3\t3", "row", "\t", "I. Introduction\t1–3\t3"),
        ("| Country | Migrants |", "row", "|", "| Country | Migrants |"),
        ("GE.06-12345 (E) 120906", "debris", "", "GE.06-12345 (E) 120906"),
        ("Please recycle", "debris", "", "Please recycle"),
        ("*0658181*", "debris", "", "*0658181*"),
        ("Page 2", "debris", "", "Page 2"),
        ("**4.** The Council noted the report of the Working Group.", "numbered", "4", "The Council noted the report of the Working Group."),
        ("+ a bullet", "bullet", "•", "a bullet"),
        ("**COUNCIL** ", "text", "", "**COUNCIL**"),
        ("**Original: English  ", "text", "", "**Original: English"),
        ("Recent reports by IOM", "text", "", "Recent reports by IOM"),
    ],
)
def test_line_rules(line: str, kind: str, marker: str, text: str) -> None:
    got = classify(line, 1)
    assert (got.kind, got.marker, got.text) == (kind, marker, text)


def test_nested_bullets_keep_their_indentation() -> None:
    assert classify("  • Records", 1).indent == 2
    assert classify("    • The Programme", 1).indent == 4


@pytest.mark.parametrize(
    "text, expected",
    [
        ("the Deputy Secretary-General welcomed increased", "open"),
        ("to provide inputs to the", "open"),
        ("organized by UNFPA,", "open"),
        ("humanitarian assistance for migrants in need;", "soft"),
        ("the purposes and functions of the IOM are:", "soft"),
        ("at some USD 210,000 per annum.", "closed"),
        ("the Swiss and Mauritian GFMD Chairs.<sup>3</sup>", "closed"),
        ('"Measures to improve the situation of all migrant workers".', "closed"),
        ("Treatment of Migrant Workers, 1975 (No. 143).¹", "closed"),
        ("within CIC [note 4]", "open"),
    ],
)
def test_ending(text: str, expected: str) -> None:
    assert ending(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Summary", True),
        ("Earmarked Contributions", True),
        ("Policy coherence within governments", True),
        ("The main outputs of the Council are:", False),
        ("Migration is a natural phenomenon.", False),
        ("(Signed) Masood **Khan**Ambassador", False),
        ("and conditions in the workplace", False),
    ],
)
def test_is_title_like(text: str, expected: bool) -> None:
    assert is_title_like(text) is expected


@pytest.mark.parametrize(
    "line, field, value",
    [
        ("MC/INF/285", "symbol", "MC/INF/285"),
        ("United Nations A/C.2/61/7", "symbol", "A/C.2/61/7"),
        ("Distr.: General 20 October 2006", "distribution", "General"),
        ("Original: English 2 November 2012", "original_language", "English"),
        ("14 November 2006**", "date", "2006-11-14"),
        ("**NINETY-SECOND SESSION**", "session", "NINETY-SECOND SESSION"),
        ("101ST SESSION", "session", "101ST SESSION"),
        ("Second Committee", "committee", "Second Committee"),
        ("Agenda item 55 (b)", "agenda_item", "Agenda item 55 (b)"),
        ("Item 99 (d) of the provisional agenda*", "agenda_item", "Item 99 (d) of the provisional agenda"),
        ("E/CN.9/2006/3", "symbol", "E/CN.9/2006/3"),
        ("Original: English/French", "original_language", "English/French"),
    ],
)
def test_masthead_lines(line: str, field: str, value: str) -> None:
    found = Masthead()
    assert match_masthead_line(line, found)
    assert found.fields[field] == value


def test_masthead_star_marker_and_body_names() -> None:
    found = Masthead()
    match_masthead_line("Item 99 (d) of the provisional agenda*", found)
    match_masthead_line("**CONSEJO** ", found)
    assert found.notes == [("agenda_item", "*")]
    assert found.body_names == ["CONSEJO"]
    assert not match_masthead_line("The Permanent Mission of Pakistan", Masthead())


def test_iso_date() -> None:
    assert iso_date("2 November 2012") == "2012-11-02"


@pytest.mark.parametrize(
    "text, labels",
    [
        ("since.<sup>2</sup> Acting on", ["2"]),
        ("(No. 143).¹ And ²", ["1", "2"]),
        ("special projects in developing countries [note 2].", ["2"]),
        ("Item 99 (d) of the provisional agenda*", ["*"]),
        ("Immigration Counselor 30%*    ", ["*"]),
        ("recognized *inter alia* the need", []),
        ("at the 90<sup>th</sup> IOM Council", []),
    ],
)
def test_markers_in(text: str, labels: list[str]) -> None:
    assert markers_in(text) == labels


def test_inline_markers_become_footnote_refs_only_with_a_body() -> None:
    nodes = parse_inlines("launched at the 90<sup>th</sup> Council Session<sup>1</sup>.", {"1"})
    assert nodes == (
        Text("launched at the 90"), Superscript("th"), Text(" Council Session"), FootnoteRef("1"), Text("."),
    )
    assert parse_inlines("Session<sup>1</sup>", set()) == (Text("Session"), Superscript("1"))


def test_inline_emphasis_and_literal_markup() -> None:
    nodes = parse_inlines("an *ad hoc* framework, **Khan**Ambassador <b>x</b>", set())
    assert nodes == (
        Text("an "), Emphasis((Text("ad hoc"),)), Text(" framework, "),
        Emphasis((Text("Khan"),), strong=True), Text("Ambassador <b>x</b>"),
    )


def test_inline_note_styles() -> None:
    assert parse_inlines("the IOM” [note 3] , an", {"3"}) == (Text("the IOM”"), FootnoteRef("3"), Text(" , an"))
    assert parse_inlines("30%*", {"*"}) == (Text("30%"), FootnoteRef("*"))
    assert parse_inlines("(No. 97).¹", {"1"}) == (Text("(No. 97)."), FootnoteRef("1"))


def test_repair_split_entities() -> None:
    garbled = "<sup>&</sup>lt;sup>1</sup> Five Members of the BAB"
    assert repair_split_entities(garbled) == "<sup>1</sup> Five Members of the BAB"


def test_scan_groups_lines_and_splits_titles_from_text() -> None:
    raws = scan("1. Movements\nThis is the main original service.\n\n  • scholarship programs;\n  • medical evacuation.\nOutputs\n")
    assert [(r.kind, r.lines) for r in raws] == [
        ("numbered", ["Movements"]),
        ("text", ["This is the main original service."]),
        ("item", ["scholarship programs;"]),
        ("item", ["medical evacuation."]),
        ("text", ["Outputs"]),
    ]


def test_roman_numerals_and_slugs() -> None:
    assert [roman_value(x) for x in ("I", "IV", "IX", "XIV", "C")] == [1, 4, 9, 14, 100]
    assert slugify("IOM's International Dialogue on Migration") == "iom-s-international-dialogue-on-migration"


@pytest.mark.parametrize(
    "line, label, values",
    [
        ("United States of America 9.7 M", "United States of America", ["9.7 M"]),
        ("Mexico .79 M", "Mexico", [".79 M"]),
        ("37.1 Million (CHF) 37.1 Million (CHF)", "", ["37.1 Million (CHF)", "37.1 Million (CHF)"]),
        ("Locally Engaged Staff 10-15%*", "Locally Engaged Staff", ["10-15%*"]),
        ("Administrative Budget", "Administrative Budget", []),
    ],
)
def test_split_values(line: str, label: str, values: list[str]) -> None:
    from build_tools.reader.tables import split_values

    assert split_values(line) == (label, values)


def test_recover_columns_joins_two_line_labels_and_refuses_ragged_headers() -> None:
    from build_tools.reader.tables import recover_columns

    lines = ["2004 2005", "Administrative Budget", "(Swiss Francs)", "37.1 Million (CHF) 37.1 Million (CHF)"]
    assert recover_columns(lines) == [
        ["", "2004", "2005"],
        ["Administrative Budget (Swiss Francs)", "37.1 Million (CHF)", "37.1 Million (CHF)"],
    ]
    assert recover_columns(["State Contribution (CHFs-Million)", "Japan 7.2 M"]) == [
        ["State", "Contribution (CHFs-Million)"], ["Japan", "7.2 M"],
    ]
    assert recover_columns(["FTEs Financial Resources", "Total 1.25 FTEs $4,600.00 $1,200,000.00"]) is None


def test_organ_names_are_masthead_lines() -> None:
    found = Masthead()
    assert match_masthead_line("General Assembly", found)
    assert found.body_names == ["General Assembly"]


def test_headings_never_take_paragraph_or_page_anchors() -> None:
    from build_tools.model import Heading, Source
    from build_tools.reader import read

    text = "A Paper Title\n\nPara 3\n\nTitle\n\nCites\n\n3. The Council considered the report of the Working Group.\n"
    doc = read(Source("x", "x.txt", text))
    anchors = [b.anchor for b in doc.blocks if isinstance(b, Heading)]
    assert anchors == ["section-para-3", "title-2", "cites-2"]
    assert doc.numbered_paragraphs()[0].label == "para-3"
