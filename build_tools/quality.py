"""The quality report of one document, as `add` prints it and as a pull request's summary shows it.

Every call into `verify` goes through this module, so a richer report changes one place.
"""

from __future__ import annotations

from .verify import MIN_KEPT, Report, verify_document


def quality_report(name: str, source_text: str, page_markdown: str) -> Report:
    """Compare a source text with its generated page (see verify.py)."""
    return verify_document(name, source_text, page_markdown)


def _paragraphs(report: Report) -> str:
    expected = len(report.paragraphs_expected)
    if not expected:
        return "none printed"
    return f"{expected - len(report.paragraphs_missing)} of {expected} with their anchor"


def _notes(report: Report) -> str:
    if not report.footnotes:
        return "none"
    unlinked = len(report.footnotes_unlinked)
    return f"{report.footnotes}, " + (f"{unlinked} not linked both ways" if unlinked else "all linked both ways")


def _problems(report: Report) -> list[str]:
    """What keeps a document below the thresholds, one short sentence each."""
    problems = []
    if report.kept_percent < MIN_KEPT:
        problems.append(f"only {report.kept_percent:.2f} % of the source's words are on the page in order "
                        f"(at least {MIN_KEPT} % needed)")
    problems += [f"paragraph {n} has no visible anchor para-{n}" for n in report.paragraphs_missing]
    problems += [f"footnote {n} is not linked both ways" for n in report.footnotes_unlinked]
    problems += [f"page furniture left in the text: {d!r}" for d in report.debris]
    return problems


def report_rows(report: Report) -> list[tuple[str, str]]:
    """(figure, value) pairs, in the order a reader checks them."""
    return [
        ("Words kept in order", f"{report.kept_percent:.2f} % of {report.source_words} (threshold {MIN_KEPT} %)"),
        ("Words added", str(report.words_added)),
        ("Numbered paragraphs", _paragraphs(report)),
        ("Footnotes", _notes(report)),
        ("Leftovers (job and page numbers)", ", ".join(repr(d) for d in report.debris) or "none"),
        ("Verdict", "meets the thresholds" if report.ok else "BELOW THE THRESHOLDS"),
    ]


def report_text(report: Report) -> list[str]:
    """The report as lines of plain text, for a terminal."""
    width = max(len(label) for label, _ in report_rows(report))
    lines = [f"  {label:<{width}}  {value}" for label, value in report_rows(report)]
    lines += [f"  - {problem}" for problem in _problems(report)]
    return lines


def report_markdown(report: Report) -> str:
    """The report as a Markdown table, for a pull request's job summary."""
    rows = ["| Figure | Value |", "|---|---|"]
    rows += [f"| {label} | {_cell(value)} |" for label, value in report_rows(report)]
    problems = "".join(f"\n- {_cell(problem)}" for problem in _problems(report))
    return "\n".join(rows) + ("\n" + problems if problems else "")


def _cell(text: str) -> str:
    """Text that stays inside one table cell and shows as written."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace("`", "\\`")
