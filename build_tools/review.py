"""Review a change: the quality report of each added or changed document and how its page changed.

`python -m build_tools review --base REF` compares the working tree with REF (a pull request's
base branch): documents whose source text or sidecar changed are reviewed, every document when
the conversion code or the glossary changed. The report is Markdown, appended to the job summary
($GITHUB_STEP_SUMMARY) on CI and printed otherwise; exit 1 when a document is below the thresholds.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass, fields
from html.parser import HTMLParser
from pathlib import Path

import markdown

from .paths import document_page
from .pipeline import convert
from .quality import quality_report, report_markdown

EXTENSIONS = ["abbr", "attr_list", "footnotes", "tables", "toc"]  # those of mkdocs.yml
# A change here can change every page.
AFFECTS_ALL = re.compile(r"^(build_tools/.*\.py|source_texts/glossary\.yml)$")
_SOURCE = re.compile(r"^source_texts/([^/]+)\.(txt|yml)$")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


class ReviewError(Exception):
    """git could not answer; str() is one `what: reason` line."""


@dataclass(frozen=True)
class PageStats:
    """What a reader of the diff wants to see move: the size of a page and its parts."""

    words: int = 0
    paragraphs: int = 0
    notes: int = 0
    headings: int = 0
    bytes: int = 0


class _Counter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.counts = {"paragraphs": 0, "notes": 0, "headings": 0}
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "p":
            self.counts["paragraphs"] += 1
        elif re.fullmatch(r"h[1-6]", tag):
            self.counts["headings"] += 1
        elif tag == "li" and (dict(attrs).get("id") or "").startswith("fn:"):
            self.counts["notes"] += 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def page_stats(page_markdown: str) -> PageStats:
    """Words, paragraphs (<p>), footnotes, headings and bytes of a page as it renders."""
    counter = _Counter()
    counter.feed(markdown.markdown(_FRONT_MATTER.sub("", page_markdown), extensions=EXTENSIONS))
    words = len(re.findall(r"[^\W_]+", " ".join(counter.text)))
    return PageStats(words=words, bytes=len(page_markdown.encode("utf-8")), **counter.counts)


def git(root: Path, *args: str) -> str:
    proc = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
    if proc.returncode != 0:
        raise ReviewError(f"git {' '.join(args)}: {proc.stderr.strip() or 'failed'}")
    return proc.stdout


def changed_paths(root: Path, base: str) -> list[str]:
    """Files that differ from `base` in the working tree, new untracked files included."""
    changed = git(root, "diff", "--name-only", "--no-renames", base, "--").splitlines()
    changed += git(root, "ls-files", "--others", "--exclude-standard").splitlines()
    return sorted(set(changed))


def base_page(root: Path, base: str, page: str) -> str | None:
    """A generated page as committed at `base`, or None when it did not exist there."""
    proc = subprocess.run(["git", "show", f"{base}:docs/{page}"], cwd=root, capture_output=True)
    return proc.stdout.decode("utf-8") if proc.returncode == 0 else None


def documents_to_review(changed: list[str], names: list[str]) -> tuple[list[str], str]:
    """The names to review and why: their sources changed, or something every page depends on."""
    if any(AFFECTS_ALL.match(path) for path in changed):
        return sorted(names), "the conversion code or the glossary changed, so every document is reviewed"
    touched = {m.group(1) for path in changed if (m := _SOURCE.match(path))}
    return sorted(touched & set(names)), "documents whose source text or sidecar changed"


def stats_table(before: PageStats | None, after: PageStats) -> str:
    rows = ["| Page | Base | This change | Difference |", "|---|---:|---:|---:|"]
    for f in fields(PageStats):
        new = getattr(after, f.name)
        if before is None:
            rows.append(f"| {f.name} | — | {new} | new page |")
        else:
            old = getattr(before, f.name)
            rows.append(f"| {f.name} | {old} | {new} | {new - old:+d} |")
    return "\n".join(rows)


def _plain(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>|#])", r"\\\1", text)


def review(root: Path, base: str) -> tuple[str, bool]:
    """(the Markdown report, whether every reviewed document meets the thresholds)."""
    changed = changed_paths(root, base)
    result = convert(root)
    by_name = {doc.name: doc for doc in result.documents}
    names, why = documents_to_review(changed, list(by_name))
    removed = sorted(
        m.group(1) for path in changed if (m := _SOURCE.match(path)) and m.group(2) == "txt"
        and m.group(1) not in by_name and not (root / path).exists()
    )
    sections: list[str] = []
    failing: list[str] = []
    for name in names:
        doc = by_name[name]
        page = document_page(doc.name)
        text = result.pages[page]
        report = quality_report(name, doc_source_text(root, doc.source_path), text)
        if not report.ok:
            failing.append(name)
        before = base_page(root, base, page)
        state = "added" if before is None else "changed"
        sections.append("\n\n".join([
            f"### {name}: {_plain(doc.metadata.title)} ({state})",
            f"Source `{doc.source_path}`, page `docs/{page}`.",
            report_markdown(report),
            stats_table(page_stats(before) if before is not None else None, page_stats(text)),
        ]))
    head = [f"## Documents of this change (compared with {_plain(base)})"]
    if failing:
        head.append(f"**Below the quality thresholds:** {', '.join(failing)}. See CONTRIBUTING.md, "
                    "“Fixing a conversion”.")
    head.append(f"{len(names)} reviewed: {why}." if names else "No document's source changed.")
    if removed:
        head.append(f"Removed: {', '.join(removed)}.")
    return "\n\n".join(head + sections) + "\n", not failing


def doc_source_text(root: Path, source_path: str) -> str:
    from .sources import load_source

    return load_source(root / source_path, root).text


def main(root: Path, base: str, summary: Path | None = None) -> int:
    """`python -m build_tools review --base REF`: print the report, append it to the job summary."""
    try:
        report, ok = review(root, base)
    except ReviewError as exc:
        print(exc, file=sys.stderr)
        return 2
    target = summary or (Path(os.environ["GITHUB_STEP_SUMMARY"]) if os.environ.get("GITHUB_STEP_SUMMARY") else None)
    if target:
        with target.open("a", encoding="utf-8") as f:
            f.write(report)
    print(report, end="")
    return 0 if ok else 1
