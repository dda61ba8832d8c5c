"""MkDocs hook for `make serve`: reconvert source_texts/ before each build.

Only pages whose content changed are written, so the live server does not loop.
Engines that ignore `hooks:` still publish the committed docs/ unchanged.
"""

from __future__ import annotations

from pathlib import Path

from build_tools.pipeline import convert, write_pages


def on_pre_build(config, **kwargs) -> None:
    root = Path(config["config_file_path"]).parent
    write_pages(convert(root), Path(config["docs_dir"]))
