"""`make check`, the contributor's quick loop, run on a fresh copy of the repository's files.

The copy holds what git tracks (as it is in the working tree), as a fresh clone would; the
installed .venv is reused so that the test measures the check, not the installation.
"""

from __future__ import annotations

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
    """A job number left in a sentence is page furniture on the page: verify refuses it."""
    (fresh_copy / "source_texts" / "debris.txt").write_text(
        "A report with debris\n\nThe text of the report goes on, and 12-34567 was left in it by the printer.\n",
        encoding="utf-8",
    )
    subprocess.run([str(VENV / "bin" / "python"), "-m", "build_tools", "build"], cwd=fresh_copy,
                   capture_output=True, check=True)
    proc, _ = make_check(fresh_copy)
    assert proc.returncode != 0
    assert "debris left on the page: '12-34567'" in proc.stderr
