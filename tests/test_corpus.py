"""The five source documents end to end: counts, passages, verify figures, fresh docs/."""

from __future__ import annotations

import hashlib

import pytest

from build_tools.model import Footnote, NumberedParagraph, Table, block_text, walk_blocks
from build_tools.pipeline import stale_pages
from build_tools.verify import MIN_KEPT, verify_all

PARAGRAPHS = {"mc-inf-285": 11, "mc-2353": 37, "a-52-314": 55, "a-c-2-61-7": 57, "canada-iom-membership-evaluation": 0}
FOOTNOTES = {"mc-inf-285": 3, "mc-2353": 7, "a-52-314": 9, "a-c-2-61-7": 1, "canada-iom-membership-evaluation": 4}
SEEDS = {
    "mc-inf-285": "2257bbc843f07bb26591f181a14dc4a7bd8b388fd4ff4d46208979dda1215bd4",
    "mc-2353": "5348e5b127f4fa121c49b3cb011c6e4efedb8cfa0609fc88c2c35652a88408f2",
    "a-52-314": "3de0580858a4ef1c15a08340b2b59f8d9981515ea14bdb877f5aadf8c8dedaf1",
    "a-c-2-61-7": "2e679f403b1b73bf609e1fb0e63b0c1dc25319d337be00257519fd2744175bf6",
    "canada-iom-membership-evaluation": "ede2343861b80596a20fd4c59037e560b574186eee775c442f2e2128985f2af1",
}


def doc(corpus, name):
    return next(d for d in corpus.documents if d.name == name)


def para(document, number: str) -> NumberedParagraph:
    return next(p for p in document.numbered_paragraphs() if p.number == number)


def note(document, label: str) -> Footnote:
    return next(n for n in document.footnotes if n.label == label)


@pytest.mark.parametrize("name, sha256", SEEDS.items())
def test_source_texts_are_the_documents_byte_for_byte(root, name, sha256) -> None:
    assert hashlib.sha256((root / "source_texts" / f"{name}.txt").read_bytes()).hexdigest() == sha256


@pytest.mark.parametrize("name, count", PARAGRAPHS.items())
def test_numbered_paragraphs(corpus, name, count) -> None:
    numbers = [p.number for p in doc(corpus, name).numbered_paragraphs()]
    assert numbers == [str(n) for n in range(1, count + 1)]


@pytest.mark.parametrize("name, count", FOOTNOTES.items())
def test_footnotes(corpus, name, count) -> None:
    assert len(doc(corpus, name).footnotes) == count


def test_sentence_cut_by_footnotes_is_rejoined(corpus) -> None:
    text = block_text(para(doc(corpus, "mc-inf-285"), "5"))
    assert "welcomed increased collaboration while underscoring" in text
    text = block_text(para(doc(corpus, "mc-inf-285"), "9"))
    assert "clearly defined in Articles 58 and 63 of the UN Charter." in text


def test_mc_2353_interleaved_note_bodies(corpus) -> None:
    d = doc(corpus, "mc-2353")
    assert "to provide inputs to the report of the Secretary-General on this item" in block_text(para(d, "12"))
    assert "organized by UNFPA, UN-Habitat and the potential hosting government" in block_text(para(d, "36"))
    assert "Republic of Korea and the African Capacity Building Centre" in block_text(para(d, "26"))
    assert block_text(note(d, "4").blocks[0]).startswith("The GMG membership is as follows")
    lost = note(d, "7")
    assert lost.marker_lost and block_text(lost.blocks[0]).startswith("In July 2012, the task team")
    assert any(dg.code == "note-marker-lost" and dg.line == 117 for dg in d.diagnostics)
    assert all("For example, having IOM" not in block_text(b) for b in d.blocks)


def test_a_52_314_metadata_notes_and_contents(corpus) -> None:
    d = doc(corpus, "a-52-314")
    m = d.metadata
    assert (m.symbol, m.date, m.session, m.original_language) == ("A/52/314", "1997-09-18", "Fifty-second session", "English")
    assert m.url == "https://undocs.org/A/52/314"
    assert m.document_type == "Report of the Secretary-General"
    assert block_text(note(d, "*").blocks[0]) == "A/52/150 and Corr.1."
    assert "Governments had not provided their views" in block_text(para(d, "2"))
    contents = next(b for b in d.blocks if isinstance(b, Table))
    assert len(contents.rows) == 15 and len(contents.header) == 2


def test_a_c_2_61_7_garbled_note_and_debris(corpus) -> None:
    d = doc(corpus, "a-c-2-61-7")
    assert block_text(note(d, "1").blocks[0]).startswith("Five Members of the BAB")
    assert "such as the costs to build government capacity" in block_text(para(d, "35"))
    assert "such as IOM, and regional informal consultation mechanisms" in block_text(para(d, "19"))
    assert all("06-58181" not in block_text(b) for b in walk_blocks(d.blocks))
    assert d.metadata.symbol == "A/C.2/61/7" and d.metadata.committee == "Second Committee"


def test_mc_2353_title_printed_twice_appears_once(corpus) -> None:
    page = corpus.pages["documents/mc-2353.md"]
    body = page.split("\n---\n", 1)[1]  # after the front matter, which names the title once more
    assert body.count("IOM IN THE LEAD-UP TO THE SECOND UNITED NATIONS") == 1


def test_evaluation_tables_and_notes(corpus) -> None:
    d = doc(corpus, "canada-iom-membership-evaluation")
    tables = [b for b in walk_blocks(d.blocks) if isinstance(b, Table)]
    assert [block_text(t).split(":")[0] for t in tables] == ["Table 2.1", "Table 2.2", "Table 2.3"]
    assert {n.label for n in d.footnotes} == {"2", "3", "4", "*"}
    assert d.metadata.body == "Citizenship and Immigration Canada"


def test_verify_meets_the_thresholds(root) -> None:
    reports = verify_all(root)
    for r in reports:
        assert r.kept_percent >= MIN_KEPT, (r.name, r.kept_percent)
        assert not r.paragraphs_missing and not r.footnotes_unlinked and not r.debris, r
    assert {r.name: r.footnotes for r in reports} == FOOTNOTES


def test_docs_are_fresh(corpus, root) -> None:
    stale = stale_pages(corpus, root / "docs")
    assert not stale, f"docs/ is out of date: {stale}; run `make docs` and commit the result"


def test_every_in_page_link_has_its_anchor(corpus) -> None:
    """Contents tables, paragraph numbers and footnotes link to anchors that exist."""
    import re

    import markdown

    for name, page in corpus.pages.items():
        html = markdown.markdown(page, extensions=["abbr", "attr_list", "footnotes", "tables", "toc"])
        ids = set(re.findall(r'id="([^"]+)"', html))
        missing = {h for h in re.findall(r'href="#([^"]+)"', html) if h not in ids}
        assert not missing, (name, sorted(missing))
