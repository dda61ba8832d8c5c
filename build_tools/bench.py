"""`make bench`: the whole pipeline on synthetic corpora of 5, 100 and 1,000 documents.

Each corpus copies the archive's source texts round-robin, every copy under a symbol of its own
(given in its sidecar, as a contributor would), into a scratch repository that links the
project's configuration and code. Every step runs in its own process, so that its peak resident
memory is its own: the conversion from an empty cache, the conversion again after one source is
edited, `mkdocs build` of the generated pages, and, as the yardstick, `mkdocs build` of the same
documents' text as plain pages with MkDocs + Material and nothing of the archive's. The goals of
the scale issue are checked at the end; goals are measured here, never in timed tests.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

SIZES = (5, 100, 1000)
# Run a module as __main__ and write its own peak resident memory (kB) where BENCH_RSS says.
_MEASURED = (
    "import atexit, os, resource, runpy, sys\n"
    "atexit.register(lambda: open(os.environ['BENCH_RSS'], 'w').write("
    "str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)))\n"
    "module = sys.argv[1]; sys.argv = sys.argv[1:]\n"
    "runpy.run_module(module, run_name='__main__', alter_sys=True)\n"
)
LINKED = ("build_tools", "overrides")  # the project's code and theme override, shared by every scratch copy


@dataclass
class Step:
    """One measured step: wall seconds, peak resident memory (MiB), and sizes after it."""

    name: str
    seconds: float
    peak_mib: float
    sizes: dict[str, int] = field(default_factory=dict)


def run(root: Path, module: str, *args: str, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Run `python -m module args` in `root`; (seconds, peak MiB). A failure stops the benchmark."""
    with tempfile.TemporaryDirectory() as tmp:
        rss = Path(tmp) / "rss"
        environment = dict(os.environ, BENCH_RSS=str(rss), NO_MKDOCS_2_WARNING="1", **(env or {}))
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", _MEASURED, module, *args], cwd=root, env=environment,
                              capture_output=True, text=True)
        seconds = time.perf_counter() - start
        if proc.returncode != 0:
            raise RuntimeError(f"{module} {' '.join(args)} failed in {root}:\n{proc.stdout[-2000:]}{proc.stderr[-4000:]}")
        return seconds, int(rss.read_text()) / 1024


def tree_size(path: Path, pattern: str = "*") -> int:
    return sum(p.stat().st_size for p in path.rglob(pattern) if p.is_file())


# --- The synthetic corpora -------------------------------------------------------------------


def _sidecar(source: Path) -> dict:
    sidecar = source.with_suffix(".yml")
    return yaml.safe_load(sidecar.read_text(encoding="utf-8")) or {} if sidecar.is_file() else {}


def make_corpus(project: Path, dest: Path, n: int) -> list[str]:
    """A scratch repository with `n` documents: the archive's texts in turn, each with a distinct symbol."""
    dest.mkdir(parents=True)
    os.chmod(dest, 0o755)  # a scratch folder readable by the browser and the web server alike
    for name in LINKED:
        (dest / name).symlink_to(project / name, target_is_directory=True)
    shutil.copy2(project / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(project / "docs" / "assets", dest / "docs" / "assets")
    for page in ("about.md",):
        shutil.copy2(project / "docs" / page, dest / "docs" / page)
    texts = dest / "source_texts"
    texts.mkdir()
    shutil.copy2(project / "source_texts" / "glossary.yml", texts / "glossary.yml")
    glossary = (texts / "glossary.yml").read_text(encoding="utf-8")
    # The texts the curated glossary quotes come first and keep their names, so that it resolves.
    sources = sorted((project / "source_texts").glob("*.txt"),
                     key=lambda p: (-glossary.count(f"source: {p.stem}#"), p.stem))
    names = []
    for k in range(n):
        source = sources[k % len(sources)]
        name = source.stem if k < len(sources) else f"{source.stem}-{k:04d}"
        shutil.copy2(source, texts / f"{name}.txt")
        sidecar = _sidecar(source)
        sidecar["symbol"] = f"BENCH/{k:04d}"
        (texts / f"{name}.yml").write_text(yaml.safe_dump(sidecar, allow_unicode=True), encoding="utf-8")
        names.append(name)
    return names


def make_plain_corpus(corpus: Path, dest: Path) -> None:
    """The yardstick: the same documents' text as plain Markdown pages, with MkDocs + Material only."""
    docs = dest / "docs"
    (docs / "documents").mkdir(parents=True)
    os.chmod(dest, 0o755)
    for source in sorted((corpus / "source_texts").glob("*.txt")):
        text = source.read_text(encoding="utf-8")
        paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n|\f", text) if p.strip()]
        body = "\n\n".join(re.sub(r"([\\`*_{}\[\]<>#|!-])", r"\\\1", p) for p in paragraphs)
        (docs / "documents" / f"{source.stem}.md").write_text(f"# {source.stem}\n\n{body}\n", encoding="utf-8")
    (docs / "index.md").write_text("# Plain pages\n", encoding="utf-8")
    config = {"site_name": "Plain", "theme": {"name": "material"}, "plugins": ["search"],
              "nav": [{"Home": "index.md"}], "not_in_nav": "/documents/*.md"}
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")


# --- One corpus, every step ------------------------------------------------------------------


def measure(project: Path, scratch: Path, n: int) -> dict[str, Step]:
    corpus = scratch / f"corpus-{n}"
    names = make_corpus(project, corpus, n)
    steps: dict[str, Step] = {}
    seconds, peak = run(corpus, "build_tools", "build")
    pages = [p.stat().st_size for p in (corpus / "docs").rglob("*.md")]
    steps["convert"] = Step("convert (empty cache)", seconds, peak,
                            {"docs": sum(pages), "largest page": max(pages) * n})  # × n: per doc = the page
    edited = corpus / "source_texts" / f"{names[len(names) // 2]}.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace(" the ", " the  ", 1), encoding="utf-8")
    seconds, peak = run(corpus, "build_tools", "build")
    steps["reconvert"] = Step("re-convert after one edit", seconds, peak)
    seconds, peak = run(corpus, "mkdocs", "build", "--quiet", "--site-dir", str(corpus / "site"))
    index = corpus / "site" / "search" / "search_index.json"
    steps["mkdocs"] = Step("mkdocs build", seconds, peak, {"site": tree_size(corpus / "site"),
                                                            "search": index.stat().st_size if index.is_file() else 0})
    plain = scratch / f"plain-{n}"
    make_plain_corpus(corpus, plain)
    seconds, peak = run(plain, "mkdocs", "build", "--quiet", "--site-dir", str(plain / "site"))
    plain_index = plain / "site" / "search" / "search_index.json"
    steps["plain"] = Step("mkdocs build, plain pages", seconds, peak,
                          {"site": tree_size(plain / "site"), "search": plain_index.stat().st_size})
    shutil.rmtree(corpus)
    shutil.rmtree(plain)
    return steps


# --- The table and the goals -----------------------------------------------------------------


def _mib(size: int) -> str:
    return f"{size / 2**20:.1f}"


def table(results: dict[int, dict[str, Step]]) -> str:
    head = f"| {'step':<28} | {'docs':>5} | {'seconds':>8} | {'s/doc':>6} | {'peak MiB':>8} | {'sizes (MiB; per doc kB)':<44} |"
    lines = [head, "|" + "|".join("-" * len(c) for c in head.split("|")[1:-1]) + "|"]
    for n, steps in results.items():
        for step in steps.values():
            sizes = ", ".join(f"{k} {_mib(v)} ({v / n / 1024:.0f})" for k, v in step.sizes.items())
            lines.append(f"| {step.name:<28} | {n:>5} | {step.seconds:8.1f} | {step.seconds / n:6.3f} | "
                         f"{step.peak_mib:8.0f} | {sizes:<44} |")
    return "\n".join(lines)


def goals(results: dict[int, dict[str, Step]]) -> list[tuple[str, bool, str]]:
    """(goal, met, the figures) for the scale issue's goals, on the largest and the 100 corpus."""
    big, mid, small = max(results), 100 if 100 in results else sorted(results)[len(results) // 2], min(results)
    b, m, s = results[big], results[mid], results[small]

    def per_doc(steps: dict[str, Step], n: int, step: str) -> float:
        return steps[step].seconds / n

    ratio = per_doc(b, big, "convert") / per_doc(m, mid, "convert")
    edit = b["reconvert"].seconds / b["convert"].seconds
    docs_ratio = (b["convert"].sizes["docs"] / big) / (s["convert"].sizes["docs"] / small)
    search_ratio = (b["mkdocs"].sizes["search"] / big) / (s["mkdocs"].sizes["search"] / small)
    site_ratio = b["mkdocs"].seconds / b["plain"].seconds
    return [
        (f"conversion per document at {big} within 1.3× of {mid}", ratio <= 1.3, f"{ratio:.2f}×"),
        (f"conversion peak memory at {big} under 500 MB", b["convert"].peak_mib < 500, f"{b['convert'].peak_mib:.0f} MiB"),
        ("one edited document re-converted in under 5% of a full conversion", edit < 0.05, f"{100 * edit:.1f}%"),
        (f"docs/ per document at {big} within 1.5× of {small}", docs_ratio <= 1.5, f"{docs_ratio:.2f}×"),
        (f"search index per document at {big} within 1.5× of {small}", search_ratio <= 1.5, f"{search_ratio:.2f}×"),
        (f"mkdocs build at {big} a small multiple of MkDocs' own time", site_ratio <= 3, f"{site_ratio:.2f}×"),
    ]


def main(root: Path, sizes: tuple[int, ...] = SIZES) -> int:
    results: dict[int, dict[str, Step]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        for n in sizes:
            print(f"corpus of {n} documents…", file=sys.stderr, flush=True)
            results[n] = measure(root, Path(tmp), n)
    print(table(results))
    print()
    met = True
    for goal, ok, figure in goals(results) if len(results) >= 2 else []:
        met &= ok
        print(f"{'met ' if ok else 'MISSED'}  {goal}: {figure}")
    print(json.dumps({n: {k: vars(s) for k, s in steps.items()} for n, steps in results.items()}), file=sys.stderr)
    return 0 if met else 1
