"""`verify` (the quality report) must catch what a faulty conversion would do to a page."""

from __future__ import annotations

from build_tools.model import Source
from build_tools.reader import read_with_report
from build_tools.verify import expected_paragraphs, in_order, source_words, verify_document, words_of
from build_tools.writer.markdown import write_document

SOURCE = """**MC/INF/1**

**Original: English
1 January 2006**

## A PAPER

1. The Council decided to establish a working group to explore the issue in greater detail and report.<sup>1</sup>
2. Consultations began on that basis, but it was agreed to await the findings of the Commission first.
3. The Council will consider the matter again at its next session in the light of the findings.

06-58181

---

<sup>1</sup> The working group met twice in Geneva.
"""


def report(page_edit=lambda page: page):
    doc, read = read_with_report(Source("t", "source_texts/t.txt", SOURCE))
    return verify_document("t", SOURCE, page_edit(write_document(doc, "documents/t.md")), read)


def test_faithful_page_passes() -> None:
    r = report()
    assert r.ok, r
    assert r.kept_percent == 100.0 and r.paragraphs_expected == ["1", "2", "3"] and r.footnotes == 1
    assert r.furniture == {"job numbers": 1, "note rules": 1} and r.furniture_words == 2  # "06", "58181"


def test_missing_words_are_counted() -> None:
    r = report(lambda page: page.replace("explore the issue in greater detail", "explore it"))
    assert r.kept_percent < 95 and not r.ok


def test_paragraph_rendered_as_a_list_is_caught() -> None:
    r = report(lambda page: page.replace("[2.](#para-2){ #para-2 .para-number data-cite=\"para. 2\" }", "2."))
    assert r.paragraphs_missing == ["2"] and not r.ok


def test_a_note_not_linked_back_is_caught() -> None:
    r = report(lambda page: page.replace("(#ref-note-1)", "(#nowhere)"))
    assert r.footnotes_unlinked == ["note-1"] and not r.ok


def test_leftover_extraction_syntax_is_caught() -> None:
    r = report(lambda page: page.replace("met twice", "met ${ }^{2}$ twice [^3] !\\[img-1.jpeg\\](img-1.jpeg)"))
    assert [x.split(":")[0] for x in r.leftovers] == ["LaTeX superscript", "note syntax", "image placeholder"]
    assert not r.ok


def test_source_words_without_syntax_and_hyphens_compared_loosely() -> None:
    words, furniture = source_words("---\ntitle: x\n---\n# A **Title** ![img](x.png) [link](http://e.example)\n"
                                    "Refu-\ngees, co-operation ${ }^{2}$ <sup>3</sup>[^4]\n", ["# A **Title**"])
    assert words == ["a", "title", "link", "refugees", "cooperation", "2", "3", "4"]
    assert furniture == {"a": 1, "title": 1}
    assert words_of("High-level ¹") == ["highlevel", "1"]


def test_expected_paragraphs_need_sentences_in_sequence() -> None:
    headings = "1. Introduction\n\n2. Background of the study\n\n3. Methods\n"
    paragraphs = ("1.\nRecognizes that migration is a reality of major relevance for development;\n"
                  "2. Acknowledges the contribution made by migrants to their countries of origin.\n"
                  "3. Decides to work towards an agenda on international migration for all.\n")
    assert expected_paragraphs(headings) == [] and expected_paragraphs(paragraphs) == ["1", "2", "3"]


def test_a_paragraph_cut_by_a_page_stays_in_its_chain() -> None:
    text = ("1. The Assembly asked the Secretary-General to report on the question this year.\n"
            "2. The responses of the Governments were sent to the Secretariat by the following\n"
            "Governments had not replied by the date set for the report of the Secretariat.\n"
            "3. In summary, many Governments expressed their views on the holding of a conference.\n"
            "4. Among the Governments that replied, most were in favour of holding a conference.\n")
    assert expected_paragraphs(text) == ["1", "2", "3", "4"]


def test_numbering_that_starts_again_numbers_lists_not_paragraphs() -> None:
    questions = ["What are the best practices in case management for returnees?",
                 "How has case management been implemented in the programme so far?",
                 "What are the lessons learned and the recommendations of the study?",
                 "How can communications between the missions be enhanced in the future?"]
    first = "".join(f"{k}. {q}\n" for k, q in enumerate(questions[:3], 1))
    second = "".join(f"{k}. {q}\n" for k, q in enumerate(questions, 1))
    assert expected_paragraphs(first + "The terms of reference asked:\n" + second) == []
    # Numbered paragraphs that start again in each article are the articles' own.
    articles = "Article 1\n" + first + "Article 2\n" + second
    assert expected_paragraphs(articles) == ["1", "2", "3", "4"]


def test_in_order_counts_words_in_sequence() -> None:
    assert in_order("a b c d e".split(), "a b c d e".split()) == 5
    assert in_order("a b c d e".split(), "x a c b e".split()) == 3
    long = [f"w{k}" for k in range(50000)]
    assert in_order(long, long[::-1]) == 1  # and in far less time than a quadratic comparison
