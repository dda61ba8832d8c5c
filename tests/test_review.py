"""`python -m build_tools review --base REF`: what a pull request's job summary says about its documents."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from build_tools.__main__ import main as cli
from build_tools.pipeline import convert, write_pages
from build_tools.review import PageStats, documents_to_review, page_stats, review

ROOT = Path(__file__).resolve().parent.parent
NEW_TEXT = (
    "Report of the Working Group on Return\n\n"
    "1. The Working Group met three times in 2024 and reviewed the return and reintegration programmes "
    "of the Organization in twelve countries.\n\n"
    "2. It recommends that the Council take note of the findings and request a further report next year.\n"
)


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=repo, capture_output=True, text=True, check=True,
    ).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository holding the archive's sources and their pages, committed on `main`."""
    shutil.copytree(ROOT / "source_texts", tmp_path / "source_texts")
    write_pages(convert(tmp_path), tmp_path / "docs")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "base")
    return tmp_path


def rebuild(repo: Path) -> None:
    write_pages(convert(repo), repo / "docs")


def test_page_stats_count_what_renders() -> None:
    page = (
        "---\ntitle: \"T\"\n---\n\n# Title {#title}\n\n## Part {#part}\n\n"
        "First paragraph, five words.[^1]\n\nSecond one.\n\n[^1]: A note.\n"
    )
    stats = page_stats(page)
    assert (stats.headings, stats.paragraphs - 1, stats.notes) == (2, 2, 1)  # the note's text is a <p> too
    assert stats.words == len("Title Part First paragraph five words 1 Second one A note".split())  # 1: the marker
    assert stats.bytes == len(page.encode())


def test_a_new_document_is_reviewed_with_a_new_page(repo: Path) -> None:
    (repo / "source_texts" / "working-group-report.txt").write_text(NEW_TEXT, encoding="utf-8")
    rebuild(repo)
    report, ok = review(repo, "main")
    assert ok, report
    assert "1 reviewed: documents whose source text or sidecar changed." in report
    assert "### working-group-report: Report of the Working Group on Return (added)" in report
    assert "| Verdict | meets the thresholds |" in report
    assert "| Numbered paragraphs | 2 numbered units; no printed paragraph numbers to check |" in report
    assert "| paragraphs | — |" in report and "new page |" in report


def test_a_corrected_sidecar_shows_the_page_difference(repo: Path) -> None:
    sidecar = repo / "source_texts" / "mc-inf-285.yml"
    # A corrected title replaces the printed one ("As printed" goes with it): ten words for eight.
    sidecar.write_text("title: IOM and the United Nations, the relationship between the two organizations\n",
                       encoding="utf-8")
    rebuild(repo)
    report, ok = review(repo, "main")
    assert ok
    assert ("### mc-inf-285: IOM and the United Nations, the relationship between the two organizations (changed)"
            in report)
    before = page_stats(git(repo, "show", "main:docs/documents/mc-inf-285.md"))
    after = page_stats((repo / "docs" / "documents" / "mc-inf-285.md").read_text(encoding="utf-8"))
    assert after.words > before.words
    assert f"| words | {before.words} | {after.words} | +{after.words - before.words} |" in report


def test_a_document_below_the_thresholds_fails_the_review(repo: Path, monkeypatch, capsys) -> None:
    """A conversion that loses a sentence (simulated: the reader here loses none) fails the review."""
    import build_tools.review

    text = " ".join(f"Sentence {n} of the report says something about migration." for n in range(40))
    (repo / "source_texts" / "lossy.txt").write_text(f"A lossy report\n\n{text}\n", encoding="utf-8")
    rebuild(repo)

    def lossy_convert(root: Path):
        result = convert(root)
        page = "documents/lossy.md"
        pages = dict(result.pages)
        pages[page] = pages[page].replace("Sentence 7 of the report says something about migration. ", "")
        return replace(result, pages=pages)

    monkeypatch.setattr(build_tools.review, "convert", lossy_convert)
    summary = repo.parent / "summary.md"
    assert cli(["--root", str(repo), "review", "--base", "main", "--summary", str(summary)]) == 1
    written = summary.read_text(encoding="utf-8")
    assert written == capsys.readouterr().out
    assert "**Below the quality thresholds:** lossy." in written
    assert "| Verdict | BELOW THE THRESHOLDS |" in written
    # Nine words of 363 gone; those that recur elsewhere ("the", "of") still count as kept.
    assert "- only 98.07% of the words are on the page (threshold 99.0%)" in written


def test_nothing_to_review(repo: Path) -> None:
    report, ok = review(repo, "main")
    assert ok and "No document's source changed." in report


def test_an_unknown_base_is_a_one_line_error(repo: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "build_tools", "--root", str(repo), "review", "--base", "no-such-branch"],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert proc.returncode == 2
    assert proc.stderr.startswith("git diff --name-only --no-renames no-such-branch --: ")
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    ("changed", "expected"),
    [
        (["source_texts/a.txt", "docs/documents/a.md"], ["a"]),
        (["source_texts/b.yml"], ["b"]),
        (["source_texts/gone.txt"], []),
        (["build_tools/reader/lines.py"], ["a", "b", "c"]),
        (["source_texts/glossary.yml"], ["a", "b", "c"]),
        (["README.md", "tests/test_add.py"], []),
    ],
)
def test_which_documents_are_reviewed(changed: list[str], expected: list[str]) -> None:
    assert documents_to_review(changed, ["c", "b", "a"])[0] == expected


def test_stats_are_plain_numbers() -> None:
    assert PageStats() == PageStats(0, 0, 0, 0, 0)
