"""MkDocs hooks: reconvert source_texts/ before each build, and point edit links at the sources.

Only pages whose content changed are written, so the live server does not loop.
A refused source is reported as `path: reason`, not as a traceback.
`repo_url` is taken off the theme's header, whose script would ask GitHub's API for the
repository's figures on every visit (and fail offline); pages link to the repository themselves.
Engines that ignore `hooks:` still publish the committed docs/ unchanged.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from build_tools.pipeline import GENERATED_MARK, convert, write_pages
from build_tools.sources import SourceError
from build_tools.writer.provenance import edit_url

_repository = {"url": "", "edit_uri": ""}


def on_config(config, **kwargs):
    _repository["url"] = (config.get("repo_url") or "").rstrip("/")
    _repository["edit_uri"] = config.get("edit_uri") or ""
    config["repo_url"] = None
    config["repo_name"] = None
    return config


def on_pre_build(config, **kwargs) -> None:
    root = Path(config["config_file_path"]).parent
    try:
        result = convert(root)
    except SourceError as exc:
        raise PluginError(str(exc)) from None
    write_pages(result, Path(config["docs_dir"]))


def on_page_markdown(markdown: str, page, config, files, **kwargs) -> str:
    """A generated page is corrected in its source, not in docs/: its edit link says where."""
    repo = _repository["url"]
    if repo:
        root = Path(config["config_file_path"]).parent
        if GENERATED_MARK in "\n".join(markdown.split("\n", 3)[:3]) or _generated(page):
            page.edit_url = edit_url(page.file.src_uri, root, repo)
        elif _repository["edit_uri"]:
            page.edit_url = f"{repo}/{_repository['edit_uri'].strip('/')}/{page.file.src_uri}"
    return markdown


def _generated(page) -> bool:
    """Front matter is gone from `markdown` by now: look at the file's first lines."""
    try:
        with open(page.file.abs_src_path, encoding="utf-8") as f:
            return GENERATED_MARK in "".join(f.readline() for _ in range(2))
    except (OSError, TypeError):
        return False
