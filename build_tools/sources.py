"""Load source texts and their YAML sidecars from `source_texts/`.

Decoding is strict: UTF-8 (with or without BOM) or UTF-16 with a BOM. Anything else
is refused with `path: reason`, never turned into mojibake.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from .model import Source
from .sidecar import SidecarError, check_corpus, validate

MAX_BYTES = 5 * 1024 * 1024
# Control characters (tab, line ends and the form feed that ends a PDF page aside) and
# non-characters: no text has them, and C1 controls (U+0080–U+009F) are the mark of
# Windows-1252 text decoded as Latin-1.
CONTROL = re.compile("[\x01-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


class SourceError(Exception):
    """Source files that cannot be read; str() is one `path: reason` (or `path:line: reason`) a line."""

    def __init__(self, *messages: str) -> None:
        super().__init__("\n".join(messages))
        self.messages = list(messages)


def decode(data: bytes, path: str) -> str:
    """Bytes → text with normalised line endings, or SourceError."""
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
        raise SourceError(
            f"{path}: contains NUL characters; it looks like binary data (or UTF-16 without a BOM), not text"
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SourceError(f"{path}: the file is empty")
    control = CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        raise SourceError(
            f"{path}:{line}: contains the control character U+{ord(control.group()):04X}; "
            "the text is damaged or was decoded with the wrong encoding"
        )
    return text


def read_limited(path: Path, rel: str) -> bytes:
    """The bytes of `path`, refused before reading when the file is too large or not a file."""
    try:
        if not path.is_file():
            raise SourceError(f"{rel}: not a regular file")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SourceError(f"{rel}: {size} bytes is larger than the {MAX_BYTES}-byte limit for one source file")
        return path.read_bytes()
    except OSError as exc:
        raise SourceError(f"{rel}: cannot be read ({exc.strerror or exc})") from None


def load_source(txt: Path, root: Path) -> Source:
    """One `.txt` and its optional `.yml` sidecar."""
    return _load(txt, root)[0]


def _load(txt: Path, root: Path) -> tuple[Source, dict[str, int]]:
    """A source and the line of each sidecar field; SourceError lists the problems of both files."""
    rel = txt.relative_to(root).as_posix()
    problems: list[str] = []
    text = ""
    try:
        text = decode(read_limited(txt, rel), rel)
    except SourceError as exc:
        problems += exc.messages
    sidecar_path = txt.with_suffix(".yml")
    sidecar: dict[str, str] = {}
    lines: dict[str, int] = {}
    if sidecar_path.exists():
        try:
            sidecar, lines = sidecar_fields(sidecar_path, root)
        except SourceError as exc:
            problems += exc.messages
    if problems:
        raise SourceError(*problems)
    source = Source(
        name=txt.stem,
        path=rel,
        text=text,
        sidecar=sidecar,
        sidecar_path=sidecar_path.relative_to(root).as_posix() if sidecar_path.exists() else "",
    )
    return source, lines


def load_sidecar(path: Path, root: Path) -> dict[str, str]:
    """A validated sidecar: metadata field → text (see sidecar.py)."""
    return sidecar_fields(path, root)[0]


def sidecar_fields(path: Path, root: Path) -> tuple[dict[str, str], dict[str, int]]:
    """A validated sidecar and the line of each of its fields."""
    rel = path.relative_to(root).as_posix()
    try:
        return validate(decode(read_limited(path, rel), rel), rel)
    except SidecarError as exc:
        raise SourceError(*exc.messages) from None


def load_sources(source_dir: Path, root: Path) -> list[Source]:
    """Every `*.txt` in `source_dir`, in name order; SourceError lists every problem found."""
    sources: list[Source] = []
    problems: list[str] = []
    entries = []
    for txt in sorted(source_dir.glob("*.txt")):
        try:
            source, lines = _load(txt, root)
        except SourceError as exc:
            problems += exc.messages
            continue
        sources.append(source)
        entries.append((source.name, source.path, source.sidecar_path, source.sidecar, lines))
    problems += check_corpus(entries)
    if problems:
        raise SourceError(*problems)
    return sources
