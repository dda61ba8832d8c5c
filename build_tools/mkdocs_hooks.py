"""MkDocs hook for `make serve`: reconvert source_texts/ before each build.

Only pages whose content changed are written, so the live server does not loop.
A refused source is reported as `path: reason`, not as a traceback.
Engines that ignore `hooks:` still publish the committed docs/ unchanged.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from build_tools.pipeline import convert, write_pages
from build_tools.sources import SourceError


def on_pre_build(config, **kwargs) -> None:
    root = Path(config["config_file_path"]).parent
    try:
        result = convert(root)
    except SourceError as exc:
        raise PluginError(str(exc)) from None
    write_pages(result, Path(config["docs_dir"]))
