"""linkchecker on the online site and on the unzipped offline bundle, both served on 127.0.0.1.

Anchors are checked too (AnchorCheck plugin), external links are not, and a warning fails
the test as surely as an error: a dead `#fragment` is a warning in linkchecker.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from site_support import ROOT

pytestmark = pytest.mark.site

LINKCHECKER = Path(sys.executable).parent / "linkchecker"
CONFIG = """\
[checking]
threads=8
maxrequestspersecond=1000
[filtering]
checkextern=0
[output]
warnings=1
[AnchorCheck]
"""


@pytest.fixture(scope="session")
def linkchecker_config() -> Iterator[Path]:
    """A linkcheckerrc that user `nobody` can read (linkchecker drops root privileges to it)."""
    folder = Path(tempfile.mkdtemp(prefix="mga-linkcheck-"))
    try:
        folder.chmod(0o755)
        config = folder / "linkcheckerrc"
        config.write_text(CONFIG, encoding="utf-8")
        config.chmod(0o644)
        yield config
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def start_linkcheck(url: str, config: Path) -> subprocess.Popen[str]:
    """Start linkchecker on `url` (internal links only, anchors included)."""
    if not LINKCHECKER.is_file():
        pytest.fail(f"{LINKCHECKER} is missing: install the project into .venv (make)")
    return subprocess.Popen(
        [str(LINKCHECKER), "-f", str(config), "--no-status", "--no-robots", url],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
    )


@pytest.fixture(scope="session")
def linkcheck_runs(site_url: str, bundle_url: str, linkchecker_config: Path) -> Iterator[dict[str, subprocess.Popen[str]]]:
    """Both checks started together: each spends most of a minute parsing pages, so run them side by side."""
    runs = {
        "site": start_linkcheck(site_url, linkchecker_config),
        "bundle": start_linkcheck(bundle_url + "index.html", linkchecker_config),
    }
    yield runs
    for proc in runs.values():
        if proc.poll() is None:
            proc.kill()
            proc.communicate()


def assert_no_problems(proc: subprocess.Popen[str]) -> None:
    """Exit code 0 and a summary line with zero warnings and zero errors; the full report otherwise."""
    try:
        stdout, stderr = proc.communicate(timeout=300)
    except subprocess.TimeoutExpired:
        proc.kill()
        stdout, stderr = proc.communicate()
        pytest.fail(f"linkchecker did not finish within 5 minutes\n{stdout}\n{stderr}")
    report = f"linkchecker exited with {proc.returncode}\n{stdout}\n{stderr}"
    assert proc.returncode == 0, report
    summary = [line for line in stdout.splitlines() if "warnings found" in line]
    assert summary and "0 warnings found. 0 errors found." in summary[-1], report


def test_site_links_and_anchors(linkcheck_runs: dict[str, subprocess.Popen[str]]) -> None:
    """Every internal link and `#anchor` of the online site resolves."""
    assert_no_problems(linkcheck_runs["site"])


def test_offline_bundle_links_and_anchors(linkcheck_runs: dict[str, subprocess.Popen[str]]) -> None:
    """The offline bundle (pages addressed as .html files) has no dead links or anchors either."""
    assert_no_problems(linkcheck_runs["bundle"])
