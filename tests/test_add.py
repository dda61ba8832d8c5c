"""`python -m build_tools add`: a contributor's PDF or text becomes a source, a sidecar and a page.

The published PDFs are added to a copy of the archive; the refusals use small PDFs made for
the purpose (tests/data/README.md). Digests and phrases come from the PDFs' own records.
"""

from __future__ import annotations

import datetime
import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from build_tools.add import Added, add, new_name, short_slug, slug
from build_tools.pipeline import convert, stale_pages
from build_tools.quality import quality_report
from build_tools.sidecar import validate
from build_tools.sources import SourceError, load_sources

ROOT = Path(__file__).resolve().parent.parent
PDFS = ROOT / "tests" / "data" / "pdfs"
TODAY = datetime.date(2026, 11, 23)

# SHA-256 of each published PDF as recorded when it was obtained, and a phrase of its text.
PUBLISHED = {
    "iom-mds-evaluation-annex7-rdh-asia-pacific-2025.pdf": (
        "93a0b005b687787284905607c6cce87705937e7fce6be23f173183b2dec8c3f3", "Staffing and Initial Programming"),
    "iom-undp-haiti-dr-evaluation-brief-fr-2025.pdf": (
        "52b9005dccd5be115e72a6cfe4c9ccf418d9af9e4b4c0dcdb50d9cf8d9df2d5a", "dialogue binational"),
    "iom-undp-haiti-dr-management-response-2025.pdf": (
        "ec371b47ae0e6e5d4ca4c09f4cc6ef91241535c5189afc9cff739f37ed5cba52", "Implementation monitoring status"),
    "isp-iom-case-management-study-2023.pdf": (
        "336bf085ffe418e999eb5bdbdc81ff20a631c8412cf5a34594fdb23e874db804", "Joint Initiative"),
}


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """A copy of the archive's sources (and nothing built yet), to add documents to."""
    shutil.copytree(ROOT / "source_texts", tmp_path / "source_texts")
    return tmp_path


@pytest.fixture(scope="module")
def added_pdfs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Added]]:
    """The four published PDFs added one after the other to one copy of the archive."""
    root = tmp_path_factory.mktemp("archive")
    shutil.copytree(ROOT / "source_texts", root / "source_texts")
    return root, {pdf: add(root, PDFS / pdf, url=f"https://example.org/{pdf}", today=TODAY) for pdf in sorted(PUBLISHED)}


def page_words(markdown: str) -> str:
    """The page's text with markup and line breaks reduced to single spaces, for phrase checks."""
    text = re.sub(r"<[^>]+>|\\|\*\*|\{[^}]*\}", " ", markdown)
    return " ".join(text.split())


def pdf_pages(path: Path) -> int:
    from pdfminer.pdfpage import PDFPage

    with path.open("rb") as f:
        return sum(1 for _ in PDFPage.get_pages(f))


@pytest.mark.parametrize("pdf", sorted(PUBLISHED))
def test_a_published_pdf_becomes_a_source_a_sidecar_and_a_page(added_pdfs, pdf: str) -> None:
    root, added_by_pdf = added_pdfs
    added = added_by_pdf[pdf]
    sha256, phrase = PUBLISHED[pdf]
    text = added.text_path.read_text(encoding="utf-8")
    assert text.count("\f") == pdf_pages(PDFS / pdf), "every page ends with a form feed"
    found_title = "no-title" not in {d.code for d in added.document.diagnostics}
    assert added.name == short_slug(added.document.metadata.title if found_title else Path(pdf).stem)

    fields, _ = validate(added.sidecar_path.read_text(encoding="utf-8"), "sidecar")
    assert fields["source_sha256"] == sha256 == hashlib.sha256((PDFS / pdf).read_bytes()).hexdigest()
    assert re.fullmatch(r"pdfminer\.six \d{8}", fields["extraction_tool"])
    assert fields["source_url"] == f"https://example.org/{pdf}" and fields["added"] == "2026-11-23"
    assert added.document.provenance.source_sha256 == sha256

    page = (root / "docs" / added.page).read_text(encoding="utf-8")
    assert phrase in page_words(page)
    assert quality_report(added.name, text, page).ok


def test_docs_are_up_to_date_after_the_additions(added_pdfs) -> None:
    root, _ = added_pdfs
    assert stale_pages(convert(root), root / "docs") == []


# The title each PDF prints on its first page (read from the PDFs; the reader must find it).
TITLES = {
    "iom-mds-evaluation-annex7-rdh-asia-pacific-2025.pdf":
        "Evaluation of the IOM Migration Data Strategy 2020-2025 – Case Study: IOM Asia-Pacific Regional Data Hub 2020–2025",
    "iom-undp-haiti-dr-evaluation-brief-fr-2025.pdf":
        "Évaluation finale du projet « Renforcement du dialogue binational entre Haïti et la République Dominicaine "
        "pour promouvoir la cohésion sociale dans la zone frontalière »",
    "iom-undp-haiti-dr-management-response-2025.pdf":
        "Evaluation finale indépendante du projet « Renforcement du dialogue binational entre Haïti et la République "
        "dominicaine pour promouvoir la cohésion sociale dans la zone frontalière »",
    "isp-iom-case-management-study-2023.pdf":
        "Final Report: Study of Case Management Practice in the context of the EU-IOM Joint Initiative for Migrant "
        "Protection and Reintegration",
}


@pytest.mark.parametrize("pdf", sorted(PUBLISHED))
def test_the_title_comes_from_the_text(added_pdfs, pdf: str) -> None:
    added = added_pdfs[1][pdf]
    assert "no-title" not in {d.code for d in added.document.diagnostics}
    assert added.document.metadata.title == TITLES[pdf]


def test_the_cli_prints_the_report_and_the_page(archive: Path) -> None:
    pdf = PDFS / "iom-undp-haiti-dr-evaluation-brief-fr-2025.pdf"
    proc = subprocess.run(
        [sys.executable, "-m", "build_tools", "--root", str(archive), "add", str(pdf), "--url", "https://example.org/b.pdf"],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    name = re.search(r"^added source_texts/(\S+)\.txt \(text extracted with pdfminer\.six \d+, 2 pages\)$", out, re.M)
    assert name, out
    assert f"wrote source_texts/{name.group(1)}.yml" in out
    assert re.search(r"^  Words kept +\d+\.\d\d % of \d+ \(threshold 99\.0 %\); \d+\.\d % in order$", out, re.M), out
    assert re.search(r"^  Verdict +meets the thresholds$", out, re.M), out
    assert f"page: docs/documents/{name.group(1)}.md, published at documents/{name.group(1)}/" in out
    assert "Traceback" not in proc.stderr


def test_a_text_is_copied_byte_for_byte(archive: Path, tmp_path: Path) -> None:
    data = "Report of the Working Group\r\n\r\n1.\u00a0The group met twice in 2024 and agreed on the plan.\r\n".encode()
    given = tmp_path / "incoming" / "report.md"
    given.parent.mkdir()
    given.write_bytes(b"\xef\xbb\xbf" + data)
    added = add(archive, given, today=TODAY)
    assert added.text_path.read_bytes() == b"\xef\xbb\xbf" + data
    assert added.name == "report-of-the-working-group"
    fields, _ = validate(added.sidecar_path.read_text(encoding="utf-8"), "sidecar")
    assert fields == {"added": "2026-11-23"}, "no tool or digest is claimed for a text received as is"
    assert "# extraction_tool:" in added.sidecar_path.read_text(encoding="utf-8")


def test_names_never_clash(archive: Path, tmp_path: Path) -> None:
    given = tmp_path / "glossary.txt"
    given.write_text("Glossary\n\nA list of the terms the reports use, with their meaning.\n", encoding="utf-8")
    names = [add(archive, given, today=TODAY).name for _ in range(3)]
    assert names == ["glossary-2", "glossary-3", "glossary-4"], "glossary.yml is the curated glossary's file"
    load_sources(archive / "source_texts", archive)  # the archive still loads


def test_name_from_the_symbol(archive: Path, tmp_path: Path) -> None:
    given = tmp_path / "resolution.txt"
    given.write_text("Resolution on cooperation\n\nThe Council adopts the plan of action.\n", encoding="utf-8")
    added = add(archive, given, symbol="C/RES/1234", today=TODAY)
    assert added.name == "c-res-1234"
    assert added.document.metadata.symbol == "C/RES/1234"
    fields, _ = validate(added.sidecar_path.read_text(encoding="utf-8"), "sidecar")
    assert fields["symbol"] == "C/RES/1234"


def test_a_symbol_already_used_is_refused_and_nothing_is_left(archive: Path, tmp_path: Path) -> None:
    given = tmp_path / "copy.txt"
    given.write_text("A second text\n\nThis text claims a symbol another document has.\n", encoding="utf-8")
    before = sorted(p.name for p in (archive / "source_texts").iterdir())
    with pytest.raises(SourceError) as info:
        add(archive, given, symbol="A/52/314", today=TODAY)
    assert "A/52/314" in str(info.value) and "already" in str(info.value)
    assert sorted(p.name for p in (archive / "source_texts").iterdir()) == before
    assert not (archive / "docs").exists()


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda d: PDFS / "no-text-layer.pdf", "the PDF has no text layer (a scan?); run OCR on it first"),
        (lambda d: PDFS / "needs-password.pdf", "the PDF is encrypted and needs a password"),
        (lambda d: d / "missing.pdf", "no such file"),
        (lambda d: d, "not a file"),
        (lambda d: _write(d / "empty.pdf", b""), "the file is empty"),
        (lambda d: _write(d / "broken.pdf", b"%PDF-1.7\n1 0 obj\n<<"), "cannot be read as a PDF"),
        (lambda d: _write(d / "photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"), "it is not a PDF either"),
    ],
    ids=["no-text-layer", "needs-password", "missing", "directory", "empty", "broken-pdf", "binary"],
)
def test_refusals_are_one_line_each(archive: Path, tmp_path: Path, make, reason: str) -> None:
    given = make(tmp_path)
    proc = subprocess.run(
        [sys.executable, "-m", "build_tools", "--root", str(archive), "add", str(given)],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{given}: ") and reason in lines[0], proc.stderr
    assert sorted(p.name for p in (archive / "source_texts").iterdir()) == sorted(
        p.name for p in (ROOT / "source_texts").iterdir()
    ), "nothing was written"


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_a_pdf_with_only_an_owner_password_is_read(archive: Path) -> None:
    added = add(archive, PDFS / "owner-password-only.pdf", today=TODAY)
    assert "This sentence is in the text layer of the PDF." in added.text_path.read_text(encoding="utf-8")
    assert any("encrypted" in note for note in added.extraction.notes)


def test_bad_options_are_refused(archive: Path) -> None:
    with pytest.raises(SourceError, match=r"^--url: source_url 'ftp://x' must be an http"):
        add(archive, PDFS / "no-text-layer.pdf", url="ftp://x")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A/RES/70/296", "a-res-70-296"),
        ("MC/INF/285", "mc-inf-285"),
        ("RÉSUMÉ D’ÉVALUATION", "resume-d-evaluation"),
        ("Zoowel de Fransche", "zoowel-de-fransche"),
        ("  --  ", ""),
    ],
)
def test_slug(text: str, expected: str) -> None:
    assert slug(text) == expected


def test_a_name_from_a_long_title_stops_after_a_word_that_tells() -> None:
    title = "Final Report: Study of Case Management Practice in the context of the EU-IOM Joint Initiative"
    assert short_slug(title) == "final-report-study-of-case-management-practice"
    assert new_name("", title, "x", {"final-report-study-of-case-management-practice"}) == (
        "final-report-study-of-case-management-practice-2"
    )
    assert new_name("", "", "Scan 0042", set()) == "scan-0042"
    assert new_name("", "", "", set()) == "document"
