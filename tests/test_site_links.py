"""linkchecker on the built site and on the offline bundle, both served on 127.0.0.1."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from site_helpers import ROOT, built_site, serve, unzip_bundle

LINKCHECKER = Path(sys.executable).parent / "linkchecker"


def run_linkchecker(url: str, config: Path, anchors: bool) -> subprocess.CompletedProcess:
    lines = ["[checking]", "maxrequestspersecond=1000", "threads=8"]
    if anchors:
        lines.append("[AnchorCheck]")
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    config.chmod(0o644)
    return subprocess.run(
        [str(LINKCHECKER), "-f", str(config), "--no-status", url],
        capture_output=True, text=True, cwd=ROOT, timeout=900,
    )


def assert_clean(proc: subprocess.CompletedProcess) -> None:
    summary = [line for line in proc.stdout.splitlines() if "warnings found" in line]
    assert proc.returncode == 0, proc.stdout[-6000:] + proc.stderr[-2000:]
    assert summary and " 0 warnings found. 0 errors found." in summary[-1], proc.stdout[-6000:]


def test_site_has_no_broken_links_or_anchors(tmp_path: Path) -> None:
    tmp_path.chmod(0o755)
    with serve(built_site()) as url:
        assert_clean(run_linkchecker(url, tmp_path / "linkcheckerrc", anchors=True))


def test_offline_bundle_has_no_broken_links(tmp_path: Path) -> None:
    """Same pages as the site (whose anchors are checked above), addressed as .html files."""
    tmp_path.chmod(0o755)
    folder = unzip_bundle(tmp_path / "bundle")
    with serve(folder) as url:
        assert_clean(run_linkchecker(url + "index.html", tmp_path / "linkcheckerrc", anchors=False))


def test_linkchecker_reports_a_broken_anchor(tmp_path: Path) -> None:
    """The check can fail: a page with a dead link and a dead anchor is reported."""
    tmp_path.chmod(0o755)
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text('<a href="a/#there">ok</a> <a href="a/#nowhere">bad</a> <a href="gone/">x</a>')
    (site / "a" / "index.html").write_text('<p id="there">here</p>')
    for path in [site, *site.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    with serve(site) as url:
        proc = run_linkchecker(url, tmp_path / "linkcheckerrc", anchors=True)
    assert proc.returncode != 0
    assert "nowhere" in proc.stdout and "gone" in proc.stdout
