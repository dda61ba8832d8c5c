"""Helpers for the tests of the built site and the offline bundle: serving, unzipping, a browser."""

from __future__ import annotations

import functools
import http.server
import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]


def built_site() -> Path:
    assert (SITE / "index.html").exists(), "site/ is missing: run `make site` first"
    return SITE


def bundle_zip() -> Path:
    zips = sorted((ROOT / "dist").glob("*-offline-*.zip"))
    assert len(zips) == 1, f"expected one offline bundle in dist/, found {zips}: run `make site` first"
    return zips[0]


def unzip_bundle(target: Path) -> Path:
    """Unzip the offline bundle; returns the folder that holds its index.html."""
    with zipfile.ZipFile(bundle_zip()) as zf:
        zf.extractall(target)
        top = {name.split("/", 1)[0] for name in zf.namelist()}
    assert len(top) == 1, f"the bundle should unzip into one folder, not {sorted(top)}"
    for path in [target, *target.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)  # linkchecker drops root to `nobody`
    return target / top.pop()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 (a free port) for the duration; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium() -> Iterator[object]:
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
