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

from . import bench_search
from .publish import prune_offline

SIZES = (5, 100, 1000)
# Run a module as __main__ and write its own peak resident memory (kB) where BENCH_RSS says.
_MEASURED = (
    "import atexit, os, resource, runpy, sys\n"
    "atexit.register(lambda: open(os.environ['BENCH_RSS'], 'w').write('%d %d' % ("
    "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)))\n"
    "module = sys.argv[1]; sys.argv = sys.argv[1:]\n"
    "runpy.run_module(module, run_name='__main__', alter_sys=True)\n"
)
LINKED = ("build_tools", "overrides")  # the project's code and theme override, shared by every scratch copy


@dataclass
class Step:
    """One measured step: wall seconds, peak resident memory (MiB) of the step's process and of
    its largest worker process, and sizes after it."""

    name: str
    seconds: float
    peak_mib: float
    worker_mib: float = 0.0
    sizes: dict[str, int] = field(default_factory=dict)


def run(root: Path, module: str, *args: str, env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """Run `python -m module args` in `root`; (seconds, peak MiB, largest worker's peak MiB).
    A failure stops the benchmark."""
    with tempfile.TemporaryDirectory() as tmp:
        rss = Path(tmp) / "rss"
        environment = dict(os.environ, BENCH_RSS=str(rss), NO_MKDOCS_2_WARNING="1", **(env or {}))
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", _MEASURED, module, *args], cwd=root, env=environment,
                              capture_output=True, text=True)
        seconds = time.perf_counter() - start
        if proc.returncode != 0:
            raise RuntimeError(f"{module} {' '.join(args)} failed in {root}:\n{proc.stdout[-2000:]}{proc.stderr[-4000:]}")
        own, workers = (int(x) / 1024 for x in rss.read_text().split())
        return seconds, own, workers


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


_MARKUP = re.compile(r"\A---\n.*?\n---\n|<[^>]+>|\{[^{}\n]*\}|\]\([^)\s]*\)|[\\`*_\[\]<>#|!]", re.S)


def make_plain_corpus(corpus: Path, dest: Path) -> None:
    """The yardstick: every page the build generated, as plain text (its words and paragraphs,
    none of its markup), built by MkDocs + Material with nothing of the archive's."""
    docs = dest / "docs"
    docs.mkdir(parents=True)
    os.chmod(dest, 0o755)
    for page in sorted((corpus / "docs").rglob("*.md")):
        rel = page.relative_to(corpus / "docs")
        text = _MARKUP.sub(" ", page.read_text(encoding="utf-8"))
        paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text(f"# {rel.stem}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    config = {"site_name": "Plain", "theme": {"name": "material"}, "plugins": ["search"],
              "nav": [{"Home": "index.md"}], "not_in_nav": "/*/*.md\n/about.md"}
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")


# --- One corpus, every step ------------------------------------------------------------------


def measure(project: Path, scratch: Path, n: int) -> dict[str, Step]:
    corpus = scratch / f"corpus-{n}"
    names = make_corpus(project, corpus, n)
    steps: dict[str, Step] = {}
    steps["convert"] = Step("convert (empty cache)", *run(corpus, "build_tools", "build"))
    pages = {p.relative_to(corpus / "docs").as_posix(): p.stat().st_size for p in (corpus / "docs").rglob("*.md")}
    steps["convert"].sizes = {"docs": sum(pages.values()), "pages": len(pages),
                              "largest document page": max(v for k, v in pages.items() if k.startswith("documents/")),
                              "largest page": max(pages.values())}
    edited = corpus / "source_texts" / f"{names[len(names) // 2]}.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace(" the ", " the very ", 1), encoding="utf-8")
    steps["reconvert"] = Step("re-convert after one edit", *run(corpus, "build_tools", "build"))
    steps["mkdocs"] = Step("mkdocs build", *run(corpus, "mkdocs", "build", "--quiet", "--site-dir", str(corpus / "site")))
    index = corpus / "site" / "search" / "search_index.json"
    steps["mkdocs"].sizes = {"site": tree_size(corpus / "site"), "search": index.stat().st_size}
    if not bench_search.available():
        offline = corpus / "site-offline"
        steps["offline"] = Step("mkdocs build, offline", *run(corpus, "mkdocs", "build", "--quiet", "--site-dir", str(offline),
                                                                env={"MGA_OFFLINE": "true"}))
        prune_offline(offline)
        timings = bench_search.measure(corpus / "site", offline)
        for where, (first, second) in timings.items():
            steps[f"search-{where}"] = Step(f"search {where}: 1st, next", first, 0, 0, {"next query ms": int(1000 * second)})
    plain = scratch / f"plain-{n}"
    make_plain_corpus(corpus, plain)
    steps["plain"] = Step("mkdocs build, plain pages", *run(plain, "mkdocs", "build", "--quiet", "--site-dir", str(plain / "site")))
    plain_index = plain / "site" / "search" / "search_index.json"
    steps["plain"].sizes = {"site": tree_size(plain / "site"), "search": plain_index.stat().st_size}
    shutil.rmtree(corpus)
    shutil.rmtree(plain)
    return steps


# --- The table and the goals -----------------------------------------------------------------


def _mib(size: int) -> str:
    return f"{size / 2**20:.1f}"


def _size(label: str, value: int, n: int) -> str:
    if label.endswith(" ms"):
        return f"{label} {value}"
    if label == "pages":
        return f"{value} pages"
    if label.startswith("largest"):
        return f"{label} {value / 1024:.0f} kB"
    return f"{label} {_mib(value)} MiB ({value / n / 1024:.0f} kB/doc)"


def table(results: dict[int, dict[str, Step]]) -> str:
    head = (f"| {'step':<26} | {'docs':>5} | {'seconds':>7} | {'s/doc':>6} | {'peak MiB':>8} | {'workers':>7} "
            f"| {'sizes':<96} |")
    lines = [head, "|" + "|".join("-" * len(c) for c in head.split("|")[1:-1]) + "|"]
    for n, steps in results.items():
        for step in steps.values():
            sizes = ", ".join(_size(k, v, n) for k, v in step.sizes.items())
            lines.append(f"| {step.name:<26} | {n:>5} | {step.seconds:7.1f} | {step.seconds / n:6.3f} | "
                         f"{step.peak_mib:8.0f} | {step.worker_mib:7.0f} | {sizes:<96} |")
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
    page_ratio = b["convert"].sizes["largest document page"] / s["convert"].sizes["largest document page"]
    searched = [(f"search {where} at {big} answers within a second once its index is loaded",
                 b[f"search-{where}"].sizes["next query ms"] < 1000,
                 f"{b[f'search-{where}'].sizes['next query ms']} ms (first query, with loading: "
                 f"{b[f'search-{where}'].seconds:.1f} s)")
                for where in ("online", "offline") if f"search-{where}" in b]
    return searched + [
        (f"conversion per document at {big} within 1.3× of {mid}", ratio <= 1.3, f"{ratio:.2f}×"),
        (f"conversion peak memory at {big} under 500 MB", b["convert"].peak_mib < 500, f"{b['convert'].peak_mib:.0f} MiB"),
        ("one edited document re-converted in under 5% of a full conversion", edit < 0.05, f"{100 * edit:.1f}%"),
        (f"docs/ per document at {big} within 1.5× of {small}", docs_ratio <= 1.5, f"{docs_ratio:.2f}×"),
        (f"largest document page at {big} within 1.5× of {small}", page_ratio <= 1.5, f"{page_ratio:.2f}×"),
        (f"search index per document at {big} within 1.5× of {small}", search_ratio <= 1.5, f"{search_ratio:.2f}×"),
        (f"mkdocs build at {big} a small multiple of MkDocs' own time", site_ratio <= 3, f"{site_ratio:.2f}×"),
    ]


def main(root: Path, sizes: tuple[int, ...] = SIZES) -> int:
    results: dict[int, dict[str, Step]] = {}
    if why := bench_search.available():
        print(f"search not measured: {why}", file=sys.stderr)
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
