"""The quality report of one document, as `add` prints it and as a pull request's summary shows it.

The figures are `verify`'s; this module only reads the source again (for what the reader
removed as furniture) and lays one report out for a terminal or for Markdown.
"""

from __future__ import annotations

from .model import Source
from .reader import read_with_report
from .verify import MIN_KEPT, Report, problems, verify_document


def quality_report(name: str, source_text: str, page_markdown: str, source_path: str = "") -> Report:
    """Compare a source text with its generated page (see verify.py)."""
    _, read = read_with_report(Source(name, source_path or f"{name}.txt", source_text))
    return verify_document(name, source_text, page_markdown, read)


def _paragraphs(report: Report) -> str:
    expected = len(report.paragraphs_expected)
    if not expected:
        return f"{report.units} numbered units; no printed paragraph numbers to check"
    return f"{expected - len(report.paragraphs_missing)} of {expected} with their anchor ({report.units} units in all)"


def _notes(report: Report) -> str:
    if not report.footnotes:
        return "none"
    unlinked = len(report.footnotes_unlinked)
    unpaired = len(report.notes_without_marker) + len(report.markers_without_note)
    return (f"{report.footnotes}; " + (f"{unlinked} not linked both ways" if unlinked else "all linked both ways")
            + (f"; {unpaired} without their marker or text" if unpaired else ""))


def report_rows(report: Report) -> list[tuple[str, str]]:
    """(figure, value) pairs, in the order a reader checks them."""
    furniture = ", ".join(f"{n} {kind}" for kind, n in sorted(report.furniture.items())) or "none"
    return [
        ("Dialect", report.dialect),
        ("Words kept", f"{report.kept_percent:.2f} % of {report.source_words - report.furniture_words} "
                       f"(threshold {MIN_KEPT} %); {report.in_order_percent:.1f} % in order"),
        ("Words added", str(report.words_added)),
        ("Numbered paragraphs", _paragraphs(report)),
        ("Articles", str(report.articles)),
        ("Notes", _notes(report)),
        ("Removed as page furniture or syntax", furniture),
        ("Leftover extraction syntax", "; ".join(report.leftovers[:5]) or "none"),
        ("Verdict", "meets the thresholds" if report.ok else "BELOW THE THRESHOLDS"),
    ]


def report_text(report: Report) -> list[str]:
    """The report as lines of plain text, for a terminal."""
    width = max(len(label) for label, _ in report_rows(report))
    lines = [f"  {label:<{width}}  {value}" for label, value in report_rows(report)]
    lines += [f"  - {problem}" for problem in problems(report)]
    return lines


def report_markdown(report: Report) -> str:
    """The report as a Markdown table, for a pull request's job summary."""
    rows = ["| Figure | Value |", "|---|---|"]
    rows += [f"| {label} | {_cell(value)} |" for label, value in report_rows(report)]
    found = "".join(f"\n- {_cell(problem)}" for problem in problems(report))
    return "\n".join(rows) + ("\n" + found if found else "")


def _cell(text: str) -> str:
    """Text that stays inside one table cell and shows as written."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace("`", "\\`")
