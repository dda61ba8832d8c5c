"""`make check`, the contributor's quick loop, run on a fresh copy of the repository's files.

The copy holds what git tracks (as it is in the working tree), as a fresh clone would; the
installed .venv is reused so that the test measures the check, not the installation.
"""

from __future__ import annotations

import re

import shutil
import subprocess
import time
from pathlib import Path

import pytest

from site_support import ROOT

VENV = ROOT / ".venv"
BUDGET_SECONDS = 60


@pytest.fixture
def fresh_copy(tmp_path: Path) -> Path:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    copy = tmp_path / "repo"
    for name in filter(None, listed.decode("utf-8").split("\0")):
        if (ROOT / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, copy / name)
    return copy


def make_check(copy: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    start = time.monotonic()
    proc = subprocess.run(
        ["make", "--no-print-directory", "check", f"VENV={VENV}", "-o", f"{VENV}/.installed"],
        cwd=copy, capture_output=True, text=True, timeout=300,
    )
    return proc, time.monotonic() - start


def test_make_check_passes_on_a_fresh_copy_well_under_a_minute(fresh_copy: Path) -> None:
    proc, seconds = make_check(fresh_copy)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "make check: all good" in proc.stdout
    assert "mkdocs build --strict" in proc.stdout
    assert seconds < BUDGET_SECONDS, f"make check took {seconds:.0f} s"
    assert not (fresh_copy / "site").exists(), "the check builds into a temporary folder"


def test_make_check_fails_when_docs_are_stale(fresh_copy: Path) -> None:
    sidecar = fresh_copy / "source_texts" / "a-52-314.yml"
    sidecar.write_text(sidecar.read_text(encoding="utf-8") + "title: A corrected title\n", encoding="utf-8")
    proc, _ = make_check(fresh_copy)
    assert proc.returncode != 0
    assert "docs/documents/a-52-314.md: out of date; run `make docs`" in proc.stderr


def test_make_check_fails_below_the_quality_thresholds(fresh_copy: Path) -> None:
    """A page that lost words (edited by hand) fails: docs/ is stale, and verify counts the loss."""
    text = " ".join(f"Sentence {n} of the report says something about migration." for n in range(40))
    (fresh_copy / "source_texts" / "lossy.txt").write_text(f"A lossy report\n\n{text}\n", encoding="utf-8")
    python = str(VENV / "bin" / "python")
    subprocess.run([python, "-m", "build_tools", "build"], cwd=fresh_copy, capture_output=True, check=True)
    page = fresh_copy / "docs" / "documents" / "lossy.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Sentence 7 of the report says something about migration. ", ""),
                    encoding="utf-8")
    proc, _ = make_check(fresh_copy)
    assert proc.returncode != 0
    assert "docs/documents/lossy.md" in proc.stdout + proc.stderr
    verify = subprocess.run([python, "-m", "build_tools", "verify", "lossy"], cwd=fresh_copy, capture_output=True, text=True)
    assert verify.returncode == 1
    # Nine words of 363 gone; the words that recur elsewhere ("the", "of") still count as kept.
    assert re.search(r"lossy: only 98\.\d+% of the words are on the page \(threshold 99\.0%\)", verify.stderr)
