"""How long search takes to answer in a browser, online (served over HTTP) and offline (file://).

Debian's Chromium, driven by Playwright (the test dependencies), opens the home page, opens
search and types a query; the time is from the first key to the first result shown. The first
query includes fetching and indexing the search index (loaded only once search is used); the
second is a search in the index already built.
"""

from __future__ import annotations

import functools
import http.server
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

CHROMIUM = "/usr/bin/chromium"
QUERIES = ("Global Forum on Migration and Development", "A/52/314")
TIMEOUT_MS = 180_000


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # noqa: D102 - the benchmark prints its own table
        pass


@contextmanager
def served(folder: Path, handler: type[http.server.SimpleHTTPRequestHandler] = _Quiet) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 on a free port from a background thread; yields the base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name=f"serve {folder.name}", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def available() -> str:
    """"" when search can be measured here, else why not."""
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "Playwright is not installed (`make test-deps`)"
    return "" if Path(CHROMIUM).is_file() else f"{CHROMIUM} is missing (`make test-deps`)"


def _time_queries(page, url: str) -> list[float]:
    """Seconds from the last key of each query to its results shown."""
    page.goto(url, wait_until="load")
    page.locator(".md-search__input").click()
    field = page.locator(".md-search__input")
    times = []
    for query in QUERIES:
        field.fill("")
        page.wait_for_selector(".md-search-result__item", state="detached", timeout=TIMEOUT_MS)
        field.fill(query[:-1])
        start = time.perf_counter()
        field.press(query[-1])  # the theme searches on a key
        page.wait_for_selector(".md-search-result__item", timeout=TIMEOUT_MS)
        times.append(time.perf_counter() - start)
    return times


def measure(online_site: Path, offline_site: Path) -> dict[str, list[float]]:
    """{"online": [first, second], "offline": [first, second]}: seconds to the first result."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        try:
            results = {}
            with served(online_site) as url:
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                results["online"] = _time_queries(page, url)
                page.close()
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            results["offline"] = _time_queries(page, (offline_site / "index.html").as_uri())
            page.close()
            return results
        finally:
            browser.close()
