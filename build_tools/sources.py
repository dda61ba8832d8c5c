"""Load source texts and their YAML sidecars from `source_texts/`.

Decoding is strict: UTF-8 (with or without BOM) or UTF-16 with a BOM. Anything else
is refused with `path: reason`, never turned into mojibake.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import yaml

from .model import Source

MAX_BYTES = 5 * 1024 * 1024


class SourceError(Exception):
    """A source file that cannot be read; str() is `path: reason`."""


def decode(data: bytes, path: str) -> str:
    """Bytes → text with normalised line endings, or SourceError."""
    if not data.strip():
        raise SourceError(f"{path}: the file is empty")
    if data.startswith(codecs.BOM_UTF8):
        data, encoding = data[len(codecs.BOM_UTF8):], "utf-8"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise SourceError(
            f"{path}: not valid {encoding.upper()} text (byte {exc.start}); save it as UTF-8"
        ) from None
    if "\x00" in text:
        raise SourceError(f"{path}: contains NUL characters; it looks like binary data, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_source(txt: Path, root: Path) -> Source:
    """One `.txt` and its optional `.yml` sidecar."""
    rel = txt.relative_to(root).as_posix()
    size = txt.stat().st_size
    if size > MAX_BYTES:
        raise SourceError(f"{rel}: {size} bytes is larger than the {MAX_BYTES}-byte limit for one source text")
    text = decode(txt.read_bytes(), rel)
    sidecar_path = txt.with_suffix(".yml")
    sidecar: dict = {}
    if sidecar_path.exists():
        sidecar = load_sidecar(sidecar_path, root)
    return Source(
        name=txt.stem,
        path=rel,
        text=text,
        sidecar=sidecar,
        sidecar_path=sidecar_path.relative_to(root).as_posix() if sidecar_path.exists() else "",
    )


def load_sidecar(path: Path, root: Path) -> dict:
    rel = path.relative_to(root).as_posix()
    try:
        data = yaml.safe_load(decode(path.read_bytes(), rel))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise SourceError(f"{rel}{line}: not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if not isinstance(data, dict):
        raise SourceError(f"{rel}:1: a sidecar must be a mapping of metadata fields")
    return data


def load_sources(source_dir: Path, root: Path) -> list[Source]:
    """Every `*.txt` in `source_dir`, in name order."""
    return [load_source(p, root) for p in sorted(source_dir.glob("*.txt"))]
