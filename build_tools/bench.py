"""Benchmarks: conversion time and peak memory, on the corpus and on a corpus scaled up.

`make bench` prints the figures; goals are checked here, never by timed tests.
"""

from __future__ import annotations

import statistics
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

from .model import Source
from .reader import read
from .sources import load_sources
from .writer.markdown import write_document


def convert_sources(sources: list[Source]) -> int:
    """Read and write every source; returns the Markdown size (keeps the work observable)."""
    return sum(len(write_document(read(s), f"documents/{s.name}.md")) for s in sources)


def timed(sources: list[Source], repeat: int) -> tuple[float, float]:
    """Median seconds over `repeat` runs, and peak traced memory in MiB for one run."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        convert_sources(sources)
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    convert_sources(sources)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return statistics.median(times), peak / 2**20


def main(root: Path) -> int:
    sources = load_sources(root / "source_texts", root)
    size = sum(len(s.text) for s in sources)
    print(f"{'corpus':>10} {'documents':>9} {'MiB text':>8} {'seconds':>8} {'ms/doc':>7} {'peak MiB':>8}")
    for factor in (1, 10, 40):
        scaled = [replace(s, name=f"{s.name}-{k}") for k in range(factor) for s in sources]
        seconds, peak = timed(scaled, repeat=3 if factor < 40 else 1)
        print(f"{'x' + str(factor):>10} {len(scaled):9} {size * factor / 2**20:8.2f} {seconds:8.3f} "
              f"{1000 * seconds / len(scaled):7.1f} {peak:8.1f}")
    return 0
