"""Each reader rule on small texts of several dialects, most written for these tests.

The texts imitate the extraction tools (pdftotext raw and -layout, OCR Markdown, Markdown
from HTML) without copying any document of the collection.
"""

from __future__ import annotations

from collections import Counter

import pytest

from build_tools import dates, language
from build_tools.model import FootnoteRef, Heading, NumberedParagraph, Paragraph, Source, Table, block_text, walk_blocks
from build_tools.reader import read, read_with_report
from build_tools.reader.columns import read_columns
from build_tools.reader.dialects import detect, read_stream
from build_tools.reader.furniture import remove_furniture
from build_tools.reader.inline import parse_inlines
from build_tools.reader.markdown import read_markdown
from build_tools.reader.metadata import normal_case, session_case
from build_tools.reader.normalize import normalise, replacement_lines
from build_tools.reader.notes import _candidates
from build_tools.reader.plain import source_pages
from build_tools.reader.units import roman_value
from build_tools.reader.words import Vocabulary, join_broken, join_split_words, restore_hyphens


def doc(text: str, name: str = "t", sidecar: dict | None = None):
    return read(Source(name, f"source_texts/{name}.txt", text, sidecar or {}))


def texts(document) -> list[str]:
    return [block_text(b) for b in walk_blocks(document.blocks)]


def page(*lines: str) -> str:
    return "\n".join(lines)


# --- Text rules, dates, languages ------------------------------------------------------------


def test_text_rules_make_extraction_characters_plain() -> None:
    counts: Counter = Counter()
    text = normalise("ﬁnal\u00a0report, anti\u2011trafficking <sup>&</sup>lt;b>x\u200b\nRefu\u00ad\ngees", counts)
    assert text == "final report, anti-trafficking <b>x\nRefu\u00ad\ngees"
    assert counts == Counter({"ligatures": 1, "spaces": 1, "hyphens": 1, "cut entities": 1, "invisible characters": 1})
    assert replacement_lines("a\nb \ufffd\nc") == [2]


@pytest.mark.parametrize("printed, iso", [
    ("Distr.: General 21 January 2014", "2014-01-21"),
    ("LONDON, 4 June 1946, 8 p.m.", "1946-06-04"),
    ("Date du rapport final: 1er juin 2025", "2025-06-01"),
    ("Juin 2025", "2025-06"),
    ("9th July 2025", "2025-07-09"),
    ("el 3 de octubre de 2013", "2013-10-03"),
    ("'s-Gravenhage, 13 Februari 1951", "1951-02-13"),
    ("Agendum 695F, CANBERRA, [14] June 1948", "1948-06-14"),
    ("November 14, 2006", "2006-11-14"),
])
def test_printed_dates_in_the_family_languages(printed: str, iso: str) -> None:
    assert dates.first_date(printed).iso == iso


def test_dates_format_and_sort_partial_and_missing_dates() -> None:
    assert dates.human("2006-11-14") == "14 November 2006" and dates.human("2025-07") == "July 2025"
    assert dates.human("2005") == "2005" and dates.human("") == ""
    assert sorted(["2006-11-14", "", "2005", "2006"], key=dates.sort_key) == ["2005", "2006", "2006-11-14", ""]
    assert dates.first_date("Template Version: 08/2022") is None and dates.parse_iso("2006-02-30") is None


@pytest.mark.parametrize("text, code", [
    ("The Council decided that the report should be submitted to the Assembly at its next session.", "en"),
    ("Le Conseil a décidé que le rapport serait présenté à l’Assemblée lors de sa prochaine session.", "fr"),
    ("El Consejo decidió que el informe se presentara a la Asamblea en su próximo período de sesiones.", "es"),
    ("De Raad heeft besloten dat het verslag aan de Vergadering wordt voorgelegd tijdens de volgende zitting.", "nl"),
])
def test_language_from_common_words(text: str, code: str) -> None:
    assert language.detect(text, minimum=3) == code


# --- Dialects and front-ends -----------------------------------------------------------------


@pytest.mark.parametrize("text, dialect", [
    ("Title\n\n## Part\n\nSome *em* and **strong** and 90<sup>th</sup>.\n", "markdown"),
    ("---\ntitle: A note\n---\n\nPlain text.\n", "markdown"),
    ("<meta http-equiv='Content-Type' content='text/html' />\n\n##Treaty\n\n###Article 1\n\nText.\n", "markdown"),
    ("A report\nwith lines\n\fand pages\n", "plain"),
    ("TITLE\n      Left column text      Right column text\n" * 20, "layout"),
])
def test_dialect_is_detected_from_the_text(text: str, dialect: str) -> None:
    assert detect(text) == dialect


def test_form_feeds_end_pages_and_tabs_make_rows() -> None:
    assert [[line for _, line in p] for p in source_pages("a\nb\fc\n\fd")] == [["a", "b"], ["c"], ["d"]]
    stream = read_stream("Contents\n\nI. Introduction\t1–3\t3\n", "x.txt")
    assert [line.cells for line in stream.lines() if line.kind == "row"] == [("I. Introduction", "1–3", "3")]


def test_layout_columns_are_read_one_after_the_other() -> None:
    rows = [
        "  Region                               Work done",
        "                                       • The hub published a regional report",
        "  Asia and the                           and trained officials.",
        "  Pacific                              • It answered data requests from",
        "                                         offices and partners.",
        "  Regional reports from the hub were used by ministries across the whole region.",
    ]
    out = [line.strip() for _, line in read_columns(list(enumerate(rows))) if line.strip()]
    assert out[:4] == ["Region", "Asia and the", "Pacific", "Work done"]
    assert out[-1].startswith("Regional reports from the hub")  # full-width prose stays whole
    assert read_columns(list(enumerate(["A sentence of ordinary prose   that is justified", "and wraps."]))) == \
        list(enumerate(["A sentence of ordinary prose   that is justified", "and wraps."]))


OCR_MARKDOWN = page(
    "# **Agency** ... page 1", "", "**Review of a Programme**", "", "![img-0.jpeg](img-0.jpeg)", "",
    "The team thanks the partners. ${ }^{1}$ The M\\&E plan was reviewed. ${ }^{2}$", "",
    "[^0]:    ${ }^{1}$ Programme document.", "    ${ }^{2}$ Annual report (2021).", "",
    "# **Agency** ... page 2", "", "## 2. Background ... page 2", "", "Text of the second page.",
)


def test_ocr_markdown_conventions_are_data_not_text() -> None:
    stream = read_markdown(OCR_MARKDOWN, "x.txt")
    assert len(stream.pages) == 2 and stream.removed["image placeholders"] == 1
    assert [line.text for line in stream.lines() if line.kind == "heading"] == ["**Agency**", "**Agency**", "2. Background"]
    body = next(line.text for line in stream.lines() if "partners" in line.text)
    assert body == "The team thanks the partners. <sup>1</sup> The M&E plan was reviewed. <sup>2</sup>"
    document = doc(OCR_MARKDOWN)
    assert document.metadata.title == "Review of a Programme"
    assert [(n.label, block_text(n.blocks[0])) for n in document.footnotes] == [
        ("1", "Programme document."), ("2", "Annual report (2021)."),
    ]
    assert "Agency" not in " ".join(texts(document))  # the running head, found on both pages


def test_italic_lines_glued_by_the_html_converter_stay_apart() -> None:
    text = ("# A note\n\nAccept the assurance of my consideration.*To the Director**of the Office**Geneva.*\n\n"
            "Some **bold** words and *one* italic.\n")
    lines = [line.text for page in read_markdown(text, "t.md").pages for line in page]
    assert "Accept the assurance of my consideration.*To the Director* *of the Office* *Geneva.*" in lines
    assert "Some **bold** words and *one* italic." in lines


def test_a_heading_level_that_only_marks_page_starts_is_text() -> None:
    pages = [
        "# A report\n\n## II. CONTEXT\n\nThe project began in 2020 in the border towns of both countries.\n",
        "###### a) Relevance: how far the project met the needs of the people of the\n\n"
        "border towns and of their councils.\n\nb) Coherence: how far it fitted the other projects.\n",
        "###### The team met the councils of the towns on both sides of the border in\n\n"
        "March, and the people of the towns in April.\n",
        "###### III. METHOD\n\nThe evaluation used interviews and a survey of the towns.\n",
    ]
    document = doc("\n-----\n\n".join(pages))
    headings = [block_text(b) for b in walk_blocks(document.blocks) if isinstance(b, Heading)]
    assert headings == ["II. CONTEXT", "III. METHOD"]  # a Roman-numbered title is still one, by its own evidence
    assert any(t.startswith("a) Relevance: how far the project met the needs of the people of the border towns")
               for t in texts(document))


def test_html_markdown_headings_without_space_and_unpaired_emphasis() -> None:
    stream = read_markdown("##Verdrag\n\n####Agreement\n\n*A* and **B**C** end\n", "x.txt")
    assert [(line.level, line.text) for line in stream.lines()][:2] == [(2, "Verdrag"), (4, "Agreement")]
    assert stream.lines()[2].text == "*A* and **B**C end"


# --- Furniture -------------------------------------------------------------------------------


def _pages(*pages: list[str]) -> str:
    return "\f".join("\n".join(p) + "\n" for p in pages)


RESOLUTION = _pages(
    ["X/RES/9/1", "", "United Nations", "", "Distr.: General", "2 March 2020", "", "General Assembly",
     "Ninth session", "", "9/1. Cooperation on migration statistics", "The General Assembly,",
     "1.", "Recognizes that reliable statistics on migration are needed by every State and by",
     "every organization that works with migrants;", "", "20-01234 (E)", "", "*2001234*", "", "Please recycle"],
    ["X/RES/9/1", "", "Cooperation on migration statistics", "", "2.",
     "Invites all States to share their data on migration with one another and with the",
     "organizations concerned, in accordance with their national laws;1", "", "_______________", "1",
     "", "2/3", "", "See the report of the expert group."],
    ["Cooperation on migration statistics", "", "X/RES/9/1", "",
     "3.", "Decides to consider the question at its tenth session.", "", "3/3"],
)


def test_furniture_by_repetition_and_sequence() -> None:
    stream = read_stream(RESOLUTION, "x.txt")
    remove_furniture(stream)
    kinds = stream.removed
    assert (kinds["job numbers"], kinds["barcodes"], kinds["recycling marks"], kinds["page numbers"]) == (1, 1, 1, 2)
    assert kinds["running heads"] == 5  # the symbol on all three pages, the title on pages 2 and 3
    words = " ".join(line.text for line in stream.lines())
    assert words.count("X/RES/9/1") == 0 and words.count("Cooperation on migration statistics") == 1
    assert "X/RES/9/1" in stream.running_heads  # kept as evidence: the masthead's symbol


def test_a_resolution_read_whole() -> None:
    document, report = read_with_report(Source("r", "source_texts/r.txt", RESOLUTION))
    m = document.metadata
    assert (m.symbol, m.title, m.date, m.session, m.body) == (
        "X/RES/9/1", "Cooperation on migration statistics", "2020-03-02", "Ninth session",
        "United Nations General Assembly")
    assert [p.label for p in document.numbered_paragraphs()] == ["para-1", "para-2", "para-3"]
    assert [(n.label, block_text(n.blocks[0])) for n in document.footnotes] == [("1", "See the report of the expert group.")]
    refs = [n for b in walk_blocks(document.blocks) if isinstance(b, Paragraph) for n in b.inlines if isinstance(n, FootnoteRef)]
    assert [r.label for r in refs] == ["1"] and not report.notes_unmarked


def test_a_resolution_in_the_assemblys_records_numbered_before_its_title() -> None:
    text = page("authorizes the Secretary-General to transmit it to all", "Members.", "",
                "Ninety-ninth plenary meeting,", "2 November 1947.", "",
                "12 (11). Assistance to Stateless", "Persons", "",
                "The General Assembly,", "", "Recommends that the Members consider the question;", "",
                "Hundredth plenary meeting,", "3 November 1947.", "")
    m = doc(text).metadata
    assert (m.title, m.symbol, m.date) == ("Assistance to Stateless Persons", "A/RES/12(II)", "1947-11-03")
    # Without "The General Assembly," the number says nothing of the issuer: no symbol.
    m = doc(text.replace("The General Assembly,", "The Council,")).metadata
    assert (m.title, m.symbol) == ("Assistance to Stateless Persons", "")


def test_a_spanish_council_note_read_whole() -> None:
    head = "Consejo de la OIM – Documento de trabajo"
    text = _pages(
        ["MC/9999", "", "Original: español", "3 de marzo de 2021", "", "CONSEJO", "", "Centésima décima sesión", "",
         "LA MIGRACIÓN LABORAL EN LAS AMÉRICAS", "", "Nota de la Secretaría", "",
         "1. La presente nota describe las tendencias recientes de la migración laboral en la región y las",
         "respuestas de los Estados Miembros, en particular las de la Conferencia Regional sobre",
         "Migración (CRM).1", "",
         "2. Según los datos disponibles, el número de trabajadores migrantes aumentó de manera sostenida",
         "durante la última década, aunque la pandemia interrumpió esa tendencia en varios países de la", "",
         "_______________", "1 Véase el informe de la CRM de 2019.", "", "1"],
        [head, "", "región y obligó a revisar los acuerdos bilaterales vigentes en las Américas.2", "",
         "3. La Organización Internacional para las Migraciones (OIM) apoya a los Estados en la elaboración de",
         "políticas basadas en datos y en el intercambio de buenas prácticas.", "",
         "_______________", "2 Datos de la OIT, 2020.", "", "2"],
        [head, "", "4. Los programas de movilidad laboral ofrecen vías regulares y seguras a los trabajadores.", "", "3"],
        [head, "", "5. El Consejo tal vez desee tomar nota del presente documento.", "", "4"],
    )
    document = doc(text)
    m = document.metadata
    assert (m.title, m.symbol, m.date, m.language, m.session, m.document_type, m.original_language) == (
        "La migración laboral en las Américas", "MC/9999", "2021-03-03", "es", "Centésima décima sesión",
        "Note by the Secretariat", "español")
    assert [p.label for p in document.numbered_paragraphs()] == [f"para-{k}" for k in range(1, 6)]
    assert [n.label for n in document.footnotes] == ["1", "2"]
    assert any("en varios países de la región y obligó a revisar" in t for t in texts(document))


def test_one_occurrence_is_text() -> None:
    stream = read_stream(_pages(["Report", "", "Please note 2020 figures.", "Text on page one."],
                                ["More text on page two.", "Closing line."]), "x.txt")
    remove_furniture(stream)
    assert not stream.removed


# --- Notes -----------------------------------------------------------------------------------


def test_labels_apart_from_their_texts_and_out_of_order() -> None:
    text = _pages(
        ["A title", "", "Recalling the report,8 the earlier one9 and the declaration,10 the Assembly",
         "agreed on everything that followed in this text of the page.", "_______________", "8",
         "", "Resolution 1/1.", "A/1/2 and Corr.1.", "10", "Resolution 1/3.", "9", "", "2/2"],
        ["The Assembly adjourned.", "", "3/2"],
    )
    document = doc(text)
    assert [(n.label, block_text(n.blocks[0])) for n in document.footnotes] == [
        ("8", "Resolution 1/1."), ("9", "A/1/2 and Corr.1."), ("10", "Resolution 1/3."),
    ]
    assert not [d for d in document.diagnostics if d.code.startswith("note")]


@pytest.mark.parametrize("text, labels", [
    ("the Plan of Action,1 reaffirm", ["1"]),
    ("Declarations of 20172 and", ["2"]),
    ("Development Goals9 and", ["9"]),
    ("the Convention 5  and the Protocol", ["5"]),
    ("see [3] and [note 4]", ["3", "4"]),
    ("<sup>7</sup> and 90<sup>th</sup>", ["7", "th"]),
    ("costs 30%\\* each", ["*"]),
    ("(A/69/470/Add.1) and No.1 and 4.1. Relevance", []),
    ("paragraphs 1 and 3 above", []),
])
def test_marker_candidates(text: str, labels: list[str]) -> None:
    assert [c[2] for c in _candidates(text)] == labels


def test_notes_in_markdown_definitions_and_notes_sections() -> None:
    document = doc("A title\n\nText with a mark[^1] and another.[^2]\n\n[^1]: First note.\n[^2]: Second,\n    continued.\n")
    assert [(n.label, block_text(n.blocks[0])) for n in document.footnotes] == [("1", "First note."), ("2", "Second, continued.")]
    document = doc("A title\n\nText with a mark¹ and a star on the agenda\\*.\n\n\\* The star note.\n\nNotes\n\n¹ The numbered note.\n")
    assert {n.label for n in document.footnotes} == {"1", "*"}


def test_labels_printed_after_their_texts_at_a_page_foot() -> None:
    text = _pages(
        ["A study", "", "The Initiative for Return 1 (hereafter the Initiative) runs in host and origin",
         "countries2 alike. The guidelines (developed under the TRACK", "https://example.org/initiative",
         "Here, host is the country of migration, and origin is",
         "the country of return.", "1", "2", "", "7"],
        ["programme of the Ministry) describe the work.", "", "Its text is short and it ends here.", "", "8"],
    )
    document = doc(text)
    assert [(n.label, block_text(n.blocks[0])) for n in document.footnotes][:2] == [
        ("1", "https://example.org/initiative"),
        ("2", "Here, host is the country of migration, and origin is the country of return."),
    ]
    assert "developed under the TRACK programme of the Ministry" in " ".join(texts(document))


def test_a_label_glued_to_its_note_text_pairs_with_a_glued_marker() -> None:
    text = ("# A chapter\n\nFigure 2.1: Forms of cooperation between partner countries17\n\n"
            "The forms above are not exhaustive.\n\n17Adapted from an earlier review, 2015.\n\n"
            "3Rivers Partnership is a network.\n")
    document = doc(text)
    assert [(n.label, block_text(n.blocks[0])) for n in document.footnotes] == [("17", "Adapted from an earlier review, 2015.")]
    assert "Forms of cooperation between partner countries" in " ".join(texts(document))
    # With no marker glued the same way before it, a word after a number stays text.
    assert "3Rivers Partnership is a network." in texts(document)


def test_a_note_between_a_cut_sentence_and_its_continuation() -> None:
    text = ("A title\n\n1. The organization launched a dialogue with its members on migration governance in the\n\n"
            "The dialogue was first held in 2001.\n\nregion, and it continues today.\n")
    document = doc(text)
    assert "governance in the region, and it continues today." in texts(document)[1]
    assert [n.marker_lost for n in document.footnotes] == [True]
    assert [d.code for d in document.diagnostics if d.code.startswith("note")] == ["note-marker-lost"]


# --- Paragraphs and words --------------------------------------------------------------------


def test_hard_wraps_and_page_breaks_joined_titles_kept() -> None:
    text = _pages(
        ["Migration Statistics", "", "The statistics of a country describe the movement of people across its",
         "borders and within them, and they are collected by many", "", "1/2"],
        ["institutions at once.", "", "A Short Heading", "Another paragraph starts here and ends.", "", "2/2"],
    )
    got = texts(doc(text))
    assert got[0] == ("The statistics of a country describe the movement of people across its borders and within them, "
                      "and they are collected by many institutions at once.")
    assert "A Short Heading" in got and "Another paragraph starts here and ends." in got


def test_line_end_hyphens_by_the_documents_vocabulary() -> None:
    vocabulary = Vocabulary(["refugees and more refugees", "a phase-out", "co-operation", "out"])
    assert join_broken("the Refu-", "gees", vocabulary) == "the Refugees"
    assert join_broken("the phase-", "out", vocabulary) == "the phase-out"
    assert join_broken("to trans-", "mit", vocabulary) == "to transmit"


def test_joined_and_split_words_repaired_by_evidence() -> None:
    counts: Counter = Counter()
    vocabulary = Vocabulary(["the High-level Dialogue", "people and people", "the the", "Secretary-General"])
    assert restore_hyphens("the Highlevel Dialogue", vocabulary, counts) == "the High-level Dialogue"
    assert join_split_words("t he peopl e of the Secretary -General", vocabulary, counts) == "the people of the Secretary-General"
    assert join_split_words("l’initiative s’appuie sur", vocabulary, counts) == "l’initiative s’appuie sur"


def test_a_full_line_cut_before_an_acronym_goes_on_across_a_blank_line() -> None:
    text = ("Un résumé\n\nObjet : L’évaluation porte sur l’analyse des critères de qualité des\n\n"
            "OCDE, tout en intégrant les dimensions transversales telles que le genre.\n\n"
            "Le projet a duré trois ans et il a touché les deux pays voisins de la zone.\n\n"
            "ONU et partenaires ont suivi le projet pendant toute sa durée, dans les deux pays.\n")
    got = texts(doc(text))
    assert "Objet : L’évaluation porte sur l’analyse des critères de qualité des OCDE, tout en intégrant les " \
           "dimensions transversales telles que le genre." in got
    # After a sentence that ends, an acronym starts the next paragraph.
    assert "ONU et partenaires ont suivi le projet pendant toute sa durée, dans les deux pays." in got


def test_a_lettered_item_after_a_full_stop_starts_anew() -> None:
    # Blank lines after every printed line (so they say nothing) and items that run over two lines.
    lines = []
    for letter in "fghijk":
        lines += [f"{letter}) Criterion {letter}: check how far the project fits the peace policies of",
                  "both countries and their partners."]
    got = texts(doc("Criteria\n\nThe evaluation looks at these criteria.\n\n" + "\n\n".join(lines) + "\n"))
    assert [t[:2] for t in got if t[1:2] == ")"] == ["f)", "g)", "h)", "i)", "j)", "k)"]
    assert "peace policies of both countries and their partners." in got[-1]


def test_an_items_line_printed_without_a_blank_line_goes_on_where_blank_lines_say_nothing() -> None:
    prose = ["Les communautés frontalières partagent une longue histoire de migrations et",
             "d'échanges entre les deux pays qui se sont développés au cours des siècles."] * 6
    items = ["o Activité 3 : Formation aux Laboratoires d’Innovation\n"
             "Sociale (LIS) en prévention de conflits.",
             "o Activité 1.1.4 : Appui aux mairies pour organiser les ateliers."]
    got = texts(doc("Un titre\n\n" + "\n\n".join(prose + items) + "\n"))
    assert any("Formation aux Laboratoires d’Innovation Sociale (LIS) en prévention de conflits." in t for t in got)
    assert not any(t.startswith("Sociale") for t in got)


def test_blank_lines_after_every_line_say_nothing() -> None:
    lines = ["Les communautés frontalières partagent une longue histoire de migrations et",
             "d'échanges entre les deux pays qui se sont développés au cours des siècles"]
    text = "Un titre\n\n" + "\n\n".join(lines * 6) + ".\n"
    assert len([b for b in doc(text).blocks if isinstance(b, Paragraph)]) == 1


# --- Citable units ---------------------------------------------------------------------------


TREATY = page(
    "##Agreement on cooperation", "", "###Article 1", "", "####Definitions", "", "In this Agreement:", "",
    "a)„Party” means a State;", "", "b)„Office” means the office;", "", "###Article 2", "",
    "1. Each Party shall cooperate with the other.", "2. The Office shall report each year.", "",
    "###ANNEX I", "", "###Article 1", "", "1. The annex applies to records.", "",
)


def test_articles_their_paragraphs_and_parts() -> None:
    document = doc(TREATY)
    anchors = [b.anchor for b in walk_blocks(document.blocks) if isinstance(b, Heading) and b.cite]
    assert anchors == ["article-1", "article-2", "annex-i-article-1"]
    units = [(u.label, u.cite) for u in document.units()]
    assert units == [
        ("article-1-a", "Article 1 (a)"), ("article-1-b", "Article 1 (b)"),
        ("article-2-para-1", "Article 2, para. 1"), ("article-2-para-2", "Article 2, para. 2"),
        ("annex-i-article-1-para-1", "Annex I, Article 1, para. 1"),
    ]


def test_paragraph_numbers_alone_escaped_or_fused_inside_a_line() -> None:
    text = ("A title\n\n1.\nRecognizes the work of the Commission on migration and its many partners;\n\n"
            "2\\. Notes the report of the Commission on the year and its conclusions.\n\n"
            "3. Welcomes the cooperation of States on the question of migration.1 4. Decides to continue its "
            "consideration of the question at its next session.\n\n[^1]: A note.\n")
    document = doc(text)
    assert [p.number for p in document.numbered_paragraphs()] == ["1", "2", "3", "4"]


def test_letters_and_roman_numerals_as_sub_paragraphs() -> None:
    lines = ["A title", "", "1. The discussion clarified several points of the question before the Council."]
    lines += [f"({c}) Point {c} of the list." for c in "abcdefghij"]
    lines += ["2. The second paragraph of the text of the decision is a sentence as well."]
    lines += ["(a) A lettered point.", "(b) Another, with points of its own:", "(i) a first;", "(ii) a second."]
    labels = [u.label for u in doc("\n\n".join(lines)).units()]
    assert labels[:2] == ["para-1", "para-1-a"] and "para-1-i" in labels and "para-1-j" in labels  # (i) after (h)
    assert labels[-5:] == ["para-2", "para-2-a", "para-2-b", "para-2-b-i", "para-2-b-ii"]


def test_numbered_lists_that_restart_are_lists() -> None:
    text = ("A title\n\nThe purposes are:\n\n1. to help;\n2. to advise;\n\nThe services are:\n\n"
            "1. to move people;\n2. to inform them;\n3. to train staff.\n")
    assert doc(text).numbered_paragraphs() == []


def test_bullets_under_a_numbered_item_nest_and_printed_numbers_stay() -> None:
    from build_tools.writer.markdown import write_document
    text = ("# A plan of work\n\n## 1. Activities\n\nThe **planned** activities are the following:\n\n"
            " o Activity 1.1.4: Support to the town councils for the labs.\n\n"
            " o Activity 1.1.5: Promotion of joint initiatives for peace.\n\n"
            " 2. Campaign on migration and cohesion:\n\n"
            " o Activity 1.2.1: Study of the tools used at the border.\n\n"
            " o Activity 1.2.2: Workshops with local actors.\n")
    page_text = write_document(doc(text), "documents/t.md")
    assert "- 2. Campaign on migration and cohesion:" in page_text  # the printed number is kept
    assert "    - Activity 1.2.1: Study of the tools used at the border." in page_text  # its sub-items
    assert "- o " not in page_text  # a bullet glyph is no word


def test_two_numbered_lists_of_questions_are_neither_paragraphs_nor_headings() -> None:
    questions = ["What are the best practices in case management? (See the review)",
                 "How has case management been implemented in the programme? (Section 2)",
                 "What are the lessons learned and the recommendations? (Throughout)",
                 "How can communications between the missions be enhanced? (See Finding 7)"]
    text = ("A study\n\n1.2 Key questions\n\nThe study was framed by guiding questions:\n\n"
            + "\n".join(f"{k}. {q}" for k, q in enumerate(questions[:3], 1))
            + "\n\nThe terms of reference included these questions:\n\n"
            + "\n".join(f"{k}. {q}" for k, q in enumerate(questions, 1)) + "\n\nThese topics are addressed below.\n")
    document = doc(text)
    assert document.numbered_paragraphs() == []
    assert [block_text(b) for b in walk_blocks(document.blocks) if isinstance(b, Heading)][-1:] == ["1.2 Key questions"]


def test_roman_values() -> None:
    assert [roman_value(x) for x in ("I", "IV", "ix", "XIV", "C")] == [1, 4, 9, 14, 100]


# --- Metadata --------------------------------------------------------------------------------


def test_title_in_the_texts_language_and_normal_case() -> None:
    text = ("##Verdrag tussen de partijen betreffende de samenwerking\n\n####Agreement between the Parties on "
            "Cooperation in Migration\n\nThe Parties agree that the exchange of information on migration shall be "
            "carried out by the offices of the Parties in accordance with the law of each of them.\n")
    m = doc(text).metadata
    assert m.title == "Agreement between the Parties on Cooperation in Migration"
    assert m.subtitle == "Verdrag tussen de partijen betreffende de samenwerking" and m.language == "en"
    words = ["The work of the High-level Dialogue on International Migration and Development helps the IOM."]
    assert normal_case("IOM AND THE HIGH-LEVEL DIALOGUE ON INTERNATIONAL MIGRATION", words) == \
        "IOM and the High-level Dialogue on International Migration"
    assert session_case("NINETY-SECOND SESSION") == "Ninety-second session" and session_case("101ST SESSION") == "101st session"


def test_front_matter_title_for_a_dateline_and_its_date_checked() -> None:
    text = "---\ntitle: Envoy to Department\ndoc_date: '1946-06-05'\n---\n\nCablegram 12 LONDON, 4 June 1946\n\nText of the cable.\n"
    document = doc(text)
    assert document.metadata.title == "Envoy to Department" and document.metadata.date == "1946-06-04"
    assert [d.code for d in document.diagnostics] == ["front-matter-date"]


def test_no_title_is_a_diagnostic_and_the_sidecar_decides() -> None:
    document = doc("words in lower case only, nothing that reads as a title of the document at all.\n", name="file-name")
    assert document.metadata.title == "file-name" and [d.code for d in document.diagnostics] == ["no-title"]
    assert doc("words in lower case.\n", sidecar={"title": "Given"}).metadata.title == "Given"


def test_replacement_characters_publish_with_a_diagnostic() -> None:
    document = doc("A title\n\nIt cost \ufffd4,000 in all.\n")
    assert "\ufffd4,000" in texts(document)[0] and [d.code for d in document.diagnostics] == ["replacement-character"]


# --- Structure -------------------------------------------------------------------------------


def test_headings_never_take_unit_anchors() -> None:
    document = doc("A title\n\n## Para 1\n\n## Article text\n\n1. The first paragraph of the text is a sentence.\n")
    anchors = [b.anchor for b in walk_blocks(document.blocks) if isinstance(b, Heading)]
    assert "para-1" not in anchors and [p.label for p in document.numbered_paragraphs()] == ["para-1"]


def test_abbreviation_lists_become_tables() -> None:
    text = "A title\n\nList of Abbreviations\n\nABC\n\nAgency for Better Coordination\n\nDEF\n\nDepartment of External Finance\n\nGHI\n\nGroup of Heads of Institutions\n"
    table = next(b for b in doc(text).blocks if isinstance(b, Table))
    assert [[block_text(Paragraph(c.inlines)) for c in row] for row in table.rows][0] == ["ABC", "Agency for Better Coordination"]


def test_inline_neutral_syntax() -> None:
    nodes = parse_inlines("A \\*star\\* and *em* and <sup>1</sup> and 90<sup>th</sup>", {"1"})
    assert [type(n).__name__ for n in nodes] == ["Text", "Emphasis", "Text", "FootnoteRef", "Text", "Superscript"]


def test_a_failing_rule_is_a_diagnostic_and_the_text_still_publishes(monkeypatch) -> None:
    import build_tools.reader as reader

    def broken(*args, **kwargs):
        raise ValueError("unexpected input")

    monkeypatch.setattr(reader, "build_structure", broken)
    document, report = read_with_report(Source("x", "source_texts/x.txt", "A title\n\nSome **text** of it.\n"))
    assert report.fallback and [d.code for d in document.diagnostics] == ["reader-error"]
    assert "build_tools" not in document.diagnostics[0].message.split(" in ")[-1] or "broken" in document.diagnostics[0].message
    assert [block_text(b) for b in document.blocks] == ["A title", "Some text of it."]
