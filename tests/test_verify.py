"""`verify` must catch what a faulty conversion would do to a page."""

from __future__ import annotations

from build_tools.model import Source
from build_tools.reader import read
from build_tools.verify import verify_document
from build_tools.writer.markdown import write_document

SOURCE = """**MC/INF/1**

**Original: English  
1 January 2006**

## A PAPER

1. The Council decided to establish a working group to explore the issue in greater detail and report.<sup>1</sup>
2. Consultations began on that basis, but it was agreed to await the findings of the Commission first.

06-58181

---

<sup>1</sup> The working group met twice in Geneva.
"""


def page() -> str:
    return write_document(read(Source("t", "t.txt", SOURCE)), "documents/t.md")


def test_faithful_page_passes() -> None:
    report = verify_document("t", SOURCE, page())
    assert report.ok, report
    assert report.kept_percent == 100.0 and report.paragraphs_expected == ["1", "2"] and report.footnotes == 1


def test_missing_words_are_counted() -> None:
    report = verify_document("t", SOURCE, page().replace("explore the issue in greater detail", "explore it"))
    assert report.kept_percent < 95 and not report.ok


def test_paragraph_rendered_as_list_is_caught() -> None:
    broken = page().replace('[2.](#para-2){ #para-2 .para-number data-cite="para. 2" } ', "2. ")
    report = verify_document("t", SOURCE, broken)
    assert report.paragraphs_missing == ["2"] and not report.ok


def test_unlinked_footnote_and_debris_are_caught() -> None:
    broken = page().replace("[^1]\n", "\n").replace("first.", "first. 06-58181")
    report = verify_document("t", SOURCE, broken)
    assert report.debris == ["06-58181"]
    assert not report.ok
