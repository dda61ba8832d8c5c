"""Publish: `mkdocs build --strict` for the site and for the offline bundle, then swap them in.

Both builds go to temporary folders; `site/` and `dist/` change only when both succeed.
The offline bundle leaves out what it never loads (source maps, unused search languages).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

FIXED_EPOCH = 1767225600  # 2026-01-01, when SOURCE_DATE_EPOCH is not set


class PublishError(Exception):
    """A failed MkDocs build; str() carries MkDocs' own messages."""


def mkdocs_build(root: Path, site_dir: Path, offline: bool) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", MGA_OFFLINE="true" if offline else "false")
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site_dir)]
    proc = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise PublishError(f"mkdocs build{' (offline)' if offline else ''} failed:\n{proc.stdout}{proc.stderr}")


def search_language_files(lang: list[str]) -> set[str]:
    """The lunr files the theme's search worker loads for `lang` (as its setupSearchLanguages does)."""
    files: set[str] = set()
    for code in lang:
        if code == "ja":
            files.add("tinyseg.js")
        if code in ("hi", "th"):
            files.add("wordcut.js")
        if code != "en":
            files.add(f"min/lunr.{code}.min.js")
    if len(lang) > 1:
        files.add("min/lunr.multi.min.js")
    if files:
        files.add("min/lunr.stemmer.support.min.js")
    return files


def prune_offline(tree: Path) -> list[Path]:
    """Drop what the offline bundle never loads: source maps, and search languages it does not use."""
    removed = sorted(tree.rglob("*.map"))
    index = tree / "search" / "search_index.json"
    lunr = tree / "assets" / "javascripts" / "lunr"
    if index.is_file() and lunr.is_dir():
        used = search_language_files(json.loads(index.read_text(encoding="utf-8"))["config"]["lang"])
        removed += sorted(p for p in lunr.rglob("*") if p.is_file() and p.relative_to(lunr).as_posix() not in used)
    for path in removed:
        path.unlink()
    for folder in sorted((p for p in tree.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    return removed


def zip_tree(tree: Path, zip_path: Path, top: str) -> None:
    """A reproducible zip: sorted entries, fixed timestamps, fixed permissions."""
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", FIXED_EPOCH))
    stamp = time.gmtime(max(epoch, 315532800))[:6]
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(p for p in tree.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{top}/{path.relative_to(tree).as_posix()}", date_time=stamp)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, path.read_bytes())


def swap_in(new: Path, target: Path) -> None:
    """Replace `target` by `new` with two renames, so a reader never sees half a tree."""
    old = target.with_name(f".{target.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    if old.exists():
        shutil.rmtree(old)


def publish(root: Path, bundle: Path) -> tuple[Path, Path]:
    """Build site/ and the offline bundle; nothing changes unless both builds succeed."""
    bundle = bundle if bundle.is_absolute() else root / bundle
    with tempfile.TemporaryDirectory(dir=root, prefix=".publish-") as tmp:
        tmp_path = Path(tmp)
        mkdocs_build(root, tmp_path / "site", offline=False)
        mkdocs_build(root, tmp_path / "offline", offline=True)
        prune_offline(tmp_path / "offline")
        top = bundle.name.removesuffix(".zip")
        zip_tree(tmp_path / "offline", tmp_path / bundle.name, top)
        swap_in(tmp_path / "site", root / "site")
        bundle.parent.mkdir(parents=True, exist_ok=True)
        for stale in bundle.parent.glob("*-offline-*.zip"):
            if stale.name != bundle.name:
                stale.unlink()
        os.replace(tmp_path / bundle.name, bundle)
    return root / "site", bundle
