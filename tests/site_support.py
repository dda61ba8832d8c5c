"""Support for the tests of the published output: the built site/ and the offline bundle in dist/.

Both are made by `make site`; these tests check what was built rather than building it again,
so a missing build is a failure ("run make site first"), never a skip.
"""

from __future__ import annotations

import http.server
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from build_tools.bench_search import served

if TYPE_CHECKING:  # Playwright is imported only when a browser is launched
    from playwright.sync_api import Browser

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
DIST = ROOT / "dist"

CHROMIUM = "/usr/bin/chromium"  # Debian's package; Playwright's own browser downloads are not used
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def built_site() -> Path:
    """The online site made by `make site`; fails the test when it is not there."""
    if not (SITE / "index.html").is_file():
        pytest.fail(f"{SITE} has no index.html: run make site first")
    return SITE


def bundle_zip() -> Path:
    """The single offline bundle dist/*-offline-*.zip; fails the test when it is missing or ambiguous."""
    zips = sorted(DIST.glob("*-offline-*.zip"))
    if len(zips) != 1:
        pytest.fail(f"expected exactly one offline bundle in {DIST}, found {[z.name for z in zips]}: run make site first")
    return zips[0]


def make_world_readable(top: Path) -> None:
    """chmod 755 folders and 644 files: linkchecker started as root drops to user `nobody`."""
    for path in [top, *top.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)


def unzip_bundle(target: Path) -> Path:
    """Unzip the offline bundle into `target`; returns the folder that holds its index.html."""
    with zipfile.ZipFile(bundle_zip()) as zf:
        tops = {name.split("/", 1)[0] for name in zf.namelist()}
        zf.extractall(target)
    assert len(tops) == 1, f"the bundle should unzip into a single folder, not {sorted(tops)}"
    make_world_readable(target)
    folder = target / tops.pop()
    assert (folder / "index.html").is_file(), f"no index.html at the top of the bundle ({folder})"
    return folder


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static file handler that keeps the test output free of access logs.

    It also sends a `LinkChecker` header: linkchecker then lifts its politeness limit
    (10 requests per second) for this host, which keeps the link tests fast.
    """

    def end_headers(self) -> None:
        self.send_header("LinkChecker", "local test server")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature of the base class
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 on a free port from a background thread; yields the base URL."""
    with served(folder, _QuietHandler) as url:
        yield url


@contextmanager
def chromium() -> Iterator["Browser"]:
    """Headless Debian Chromium driven by Playwright."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).is_file():
        pytest.fail(f"{CHROMIUM} is missing: `make test-deps` installs Debian's chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
