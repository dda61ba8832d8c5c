"""Every document page says where its text came from and links to its source and to an issue form."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import markdown
import pytest
import yaml

from build_tools import mkdocs_hooks
from build_tools.model import Document, Metadata, Paragraph, Provenance, Text
from build_tools.writer.markdown import write_document
from build_tools.writer.provenance import edit_url, provenance_section, repository_url

from site_support import ROOT, built_site

REPO = "https://github.com/example/archive"
ISSUE_FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "conversion-error.yml"


def links(markdown_text: str) -> dict[str, str]:
    """Link text → address, as the page renders them."""
    html = markdown.markdown(markdown_text, extensions=["attr_list", "toc"])
    return {re.sub(r"<[^>]+>", "", text): href for href, text in re.findall(r'<a href="([^"]+)">(.*?)</a>', html)}


def document(**provenance: str) -> Document:
    return Document(
        name="c-res-12", source_path="source_texts/c-res-12.txt", sidecar_path="source_texts/c-res-12.yml",
        metadata=Metadata(title="Cooperation & \"partnership\"", symbol="C/RES/12", date="2024-05-02"),
        blocks=(Paragraph((Text("The Council adopts the plan."),)),),
        provenance=Provenance(**provenance), corrected=("symbol", "document_type"),
    )


def test_the_repository_is_the_one_mkdocs_yml_names() -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert repository_url() == config["repo_url"].rstrip("/")
    assert repository_url().startswith("https://github.com/")


def test_repository_url_tolerates_tags_and_absence(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("repo_url: https://example.org/r/\nplugins:\n  - offline:\n      enabled: !ENV [X, false]\n")
    assert repository_url(config) == "https://example.org/r"
    other = tmp_path / "other.yml"
    other.write_text("site_name: x\n")
    assert repository_url(other) == ""
    assert repository_url(tmp_path / "missing.yml") == ""


def test_where_the_text_came_from() -> None:
    doc = document(extraction_tool="pdfminer.six 20260107", added="2026-11-23",
                   source_url="https://example.org/c-res-12.pdf", source_sha256="ab" * 32)
    section = provenance_section(doc, REPO)
    text = " ".join(re.sub(r"<[^>]+>", "", markdown.markdown(section)).split())
    assert "extracted from the original with pdfminer.six 20260107, and added to the archive on 23 November 2026" in text
    assert f"Original: https://example.org/c-res-12.pdf (SHA-256 {'ab' * 32})" in text
    assert "Its sidecar sets or corrects the symbol and document type." in text


def test_a_text_received_as_is_says_so_and_a_text_without_sidecar_too() -> None:
    doc = replace(document(), sidecar_path="", corrected=())
    text = markdown.markdown(provenance_section(doc, REPO))
    assert "the tool that extracted it is not recorded" in text
    assert "No sidecar corrects what the reader found in it." in text
    assert "sidecar</a>" not in text.replace("Edit this source", "")


def test_edit_and_report_links() -> None:
    found = links(provenance_section(document(), REPO))
    assert found["source text"] == f"{REPO}/blob/main/source_texts/c-res-12.txt"
    assert found["sidecar"] == f"{REPO}/blob/main/source_texts/c-res-12.yml"
    assert found["Edit this source"] == f"{REPO}/edit/main/source_texts/c-res-12.yml"
    report = urlsplit(found["Report a conversion error"].replace("&amp;", "&"))
    assert f"{report.scheme}://{report.netloc}{report.path}" == f"{REPO}/issues/new"
    query = parse_qs(report.query)
    assert query["template"] == [ISSUE_FORM.name]
    assert query["title"] == ["Conversion error in C/RES/12"]
    assert query["document"] == ['C/RES/12, Cooperation & "partnership" (source_texts/c-res-12.txt; page documents/c-res-12/)']


def test_without_a_sidecar_the_edit_link_creates_one() -> None:
    found = links(provenance_section(replace(document(), sidecar_path=""), REPO))
    assert found["Edit this source"].replace("&amp;", "&") == f"{REPO}/new/main/source_texts?filename=c-res-12.yml"
    assert "sidecar" not in found


def test_the_report_prefills_fields_the_issue_form_has() -> None:
    form = yaml.safe_load(ISSUE_FORM.read_text(encoding="utf-8"))
    ids = {field.get("id") for field in form["body"]}
    assert {"document", "paragraph", "page-says", "original-says"} <= ids
    found = links(provenance_section(document(), REPO))
    query = parse_qs(urlsplit(found["Report a conversion error"].replace("&amp;", "&")).query)
    assert set(query) - {"template", "title"} <= ids, "a pre-filled field must exist in the form"


def test_the_section_is_back_matter_and_verify_does_not_count_it() -> None:
    from build_tools.quality import quality_report

    page = write_document(document(extraction_tool="pdfminer.six 20260107"), "documents/c-res-12.md")
    mark = page.index("<!-- end of document text -->")
    assert page.index("## About this text {#about-this-text .generated data-search-exclude}") > mark
    report = quality_report("c-res-12", 'Cooperation & "partnership"\n\nThe Council adopts the plan.\n', page)
    assert report.words_added == 0


def test_every_document_page_has_the_section(corpus) -> None:
    for doc in corpus.documents:
        page = corpus.pages[f"documents/{doc.name}.md"]
        found = links(page)
        assert found["source text"].endswith(f"/blob/main/{doc.source_path}"), doc.name
        assert "Report a conversion error" in found, doc.name


@pytest.mark.parametrize(
    ("src_uri", "sidecar", "expected"),
    [
        ("documents/a-52-314.md", True, f"{REPO}/edit/main/source_texts/a-52-314.yml"),
        ("documents/mc-2353.md", False, f"{REPO}/new/main/source_texts?filename=mc-2353.yml"),
        ("glossary/index.md", False, f"{REPO}/edit/main/source_texts/glossary.yml"),
        ("glossary/gfmd.md", False, f"{REPO}/edit/main/source_texts/glossary.yml"),
        ("documents/index.md", False, None),
        ("index.md", False, None),
    ],
)
def test_edit_url_of_generated_pages(tmp_path: Path, src_uri: str, sidecar: bool, expected: str | None) -> None:
    (tmp_path / "source_texts").mkdir()
    if sidecar:
        (tmp_path / "source_texts" / Path(src_uri).with_suffix(".yml").name).write_text("symbol: X\n")
    assert edit_url(src_uri, tmp_path, REPO) == expected


def test_the_hook_sets_edit_links_and_keeps_the_header_quiet(tmp_path: Path) -> None:
    config = {"repo_url": REPO + "/", "edit_uri": "edit/main/docs/", "repo_name": "archive",
              "config_file_path": str(tmp_path / "mkdocs.yml")}
    config = mkdocs_hooks.on_config(config)
    assert config["repo_url"] is None, "the theme's header would ask GitHub's API for figures"
    (tmp_path / "docs").mkdir()
    hand_written = tmp_path / "docs" / "about.md"
    hand_written.write_text("# About\n")
    pages = {
        "documents/a-52-314.md": "<!-- Generated from source_texts/a-52-314.txt by build_tools. -->\n# A\n",
        "about.md": "# About\n",
    }
    urls = {}
    for src_uri, text in pages.items():
        page = SimpleNamespace(file=SimpleNamespace(src_uri=src_uri, abs_src_path=str(tmp_path / "docs" / src_uri)),
                               edit_url="unset")
        mkdocs_hooks.on_page_markdown(text, page=page, config=config, files=None)
        urls[src_uri] = page.edit_url
    assert urls == {
        "documents/a-52-314.md": f"{REPO}/new/main/source_texts?filename=a-52-314.yml",
        "about.md": f"{REPO}/edit/main/docs/about.md",
    }


@pytest.mark.site
def test_the_built_page_links_to_its_source_and_to_the_form() -> None:
    html = (built_site() / "documents" / "a-52-314" / "index.html").read_text(encoding="utf-8")
    repo = repository_url()
    assert f'href="{repo}/edit/main/source_texts/a-52-314.yml"' in html
    assert f'href="{repo}/issues/new?template=conversion-error.yml&amp;title=Conversion%20error%20in%20A%2F52%2F314' in html
    assert 'id="about-this-text"' in html
    assert "md-source" not in html, "no repository widget (it would query GitHub's API)"


def test_a_text_from_outside_the_archive_gets_no_section() -> None:
    page = write_document(replace(document(), source_path="fixtures/c-res-12.txt", sidecar_path=""), "documents/x.md")
    assert "About this text" not in page
