"""Golden fixtures: a short input text and the Markdown page expected from it.

Set UPDATE_GOLDEN=1 to rewrite the expected files after an intended change, then review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from build_tools.model import Source
from build_tools.reader import read
from build_tools.writer.markdown import write_document

FIXTURES = Path(__file__).parent / "fixtures" / "reader"
CASES = sorted(p.name for p in FIXTURES.iterdir() if (p / "input.txt").exists())


def convert_fixture(case: str) -> tuple[str, list[str]]:
    text = (FIXTURES / case / "input.txt").read_text(encoding="utf-8")
    doc = read(Source(name=case, path=f"{case}/input.txt", text=text))
    return write_document(doc, f"documents/{case}.md"), [str(d) for d in doc.diagnostics]


@pytest.mark.parametrize("case", CASES)
def test_fixture(case: str) -> None:
    markdown, diagnostics = convert_fixture(case)
    got = markdown + "".join(f"<!-- diagnostic: {d} -->\n" for d in diagnostics)
    expected_path = FIXTURES / case / "expected.md"
    if os.environ.get("UPDATE_GOLDEN") or not expected_path.exists():
        expected_path.write_text(got, encoding="utf-8")
    assert got == expected_path.read_text(encoding="utf-8")
