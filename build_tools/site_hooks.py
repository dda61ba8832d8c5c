"""MkDocs hooks for the published site: permanent addresses.

Every page's canonical URL is its permanent address on the published site, also in the
offline bundle (whose own links end in .html), so a citation copied offline points online.
Only the published output changes; an engine that ignores `hooks:` publishes the same pages.
"""

from __future__ import annotations

from build_tools.writer.citation import directory_path


def on_pre_page(page, config, files):
    if config.get("site_url"):
        page.canonical_url = config["site_url"] + directory_path(page.file.src_uri)
    return page
