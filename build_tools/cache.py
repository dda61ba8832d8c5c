"""The build cache: results of pure steps kept under `.cache/`, keyed by a hash of their inputs.

Reading a document is a pure function of its text, its sidecar and the converter's code;
enriching it, of the read document, the corpus index and the code. Their results are
pickled under `.cache/` (git-ignored) by the hash of those inputs, so a build redoes only what
changed, and `map_pooled` spreads what must be done over the machine's cores.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

CACHE_DIR = ".cache"
_READER_CODE = ("reader", "model.py", "sources.py", "sidecar.py", "dates.py", "language.py")
_IN_PROCESS = 3  # fewer items than this are done without starting a pool


def _fingerprint(names: Iterable[str]) -> str:
    package = Path(__file__).parent
    digest = hashlib.sha256()
    for name in names:
        path = package / name
        for file in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            digest.update(file.relative_to(package).as_posix().encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()


@cache
def reader_fingerprint() -> str:
    """The code a document's reading depends on: a change to it makes every reading stale."""
    return _fingerprint(_READER_CODE)


@cache
def code_fingerprint() -> str:
    """All of the converter's code: what enriching and writing a document depend on."""
    package = Path(__file__).parent
    return _fingerprint(sorted(p.relative_to(package).as_posix() for p in package.rglob("*.py")))


# Taken once, as the code is loaded: a file edited while a build runs must not lend its new
# fingerprint to results of the code already in memory.
reader_fingerprint()
code_fingerprint()


def key_of(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()


class Store:
    """Pickled results in one folder of the cache, by key; a damaged or stale entry is a miss."""

    def __init__(self, root: Path | None, name: str) -> None:
        self.folder = root / CACHE_DIR / name if root is not None else None

    def path(self, key: str, kind: str) -> Path | None:
        return self.folder / f"{key}.{kind}" if self.folder is not None else None

    def get(self, key: str, kind: str) -> Any | None:
        path = self.path(key, kind)
        if path is None:
            return None
        try:
            with path.open("rb") as f:
                return pickle.load(f)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            return None  # missing, cut short by an interrupted build, or written by other code

    def put(self, key: str, kind: str, value: Any) -> None:
        path = self.path(key, kind)
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)

    def keep_only(self, keys: set[str]) -> None:
        """Forget every entry whose key a whole-corpus build no longer uses."""
        if self.folder is None or not self.folder.is_dir():
            return
        for entry in self.folder.iterdir():
            if entry.name.split(".")[0] not in keys:
                entry.unlink(missing_ok=True)


def map_pooled(fn: Callable, items: Sequence, workers: int | None = None,
               initializer: Callable | None = None, initargs: tuple = ()) -> list:
    """`[fn(x) for x in items]`, in a process pool over the cores when there is enough to do."""
    workers = workers or os.cpu_count() or 1
    if len(items) < _IN_PROCESS or workers == 1:
        if initializer is not None:
            initializer(*initargs)
        return [fn(x) for x in items]
    with ProcessPoolExecutor(max_workers=min(workers, len(items)), initializer=initializer, initargs=initargs) as pool:
        return list(pool.map(fn, items, chunksize=max(1, len(items) // (workers * 8))))
