"""Command line: `python -m build_tools add | build | check | site | verify | glossary | review`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .pipeline import convert, stale_pages, write_pages
from .sources import SourceError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_tools", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the repository (default: here)")
    sub = parser.add_subparsers(dest="command", required=True)
    a = sub.add_parser("add", help="add a document from its PDF (text extracted) or a text file (copied as is)")
    a.add_argument("path", type=Path, help="the PDF or the text file")
    a.add_argument("--url", default="", help="where the original was obtained (recorded in the sidecar)")
    a.add_argument("--symbol", default="", help="the document's symbol, when the text does not show it")
    b = sub.add_parser("build", help="convert source_texts/ into docs/")
    b.add_argument("--strict", action="store_true", help="fail on any diagnostic")
    sub.add_parser("check", help="fail when docs/ differs from a fresh conversion")
    s = sub.add_parser("site", help="build site/ and the offline bundle (after `build`)")
    s.add_argument("--bundle", type=Path, required=True)
    bench = sub.add_parser("bench", help="the whole pipeline on synthetic corpora: time, memory, sizes")
    bench.add_argument("--sizes", default="5,100,1000", help="corpus sizes, comma-separated (default: 5,100,1000)")
    v = sub.add_parser("verify", help="the quality report: each source compared with its page in docs/")
    v.add_argument("names", nargs="*", help="only these documents (source names)")
    form = v.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="print the figures as JSON")
    form.add_argument("--markdown", action="store_true", help="print the report as a Markdown table")
    r = sub.add_parser("review", help="quality report and page changes of the documents changed since --base")
    r.add_argument("--base", required=True, help="the git revision to compare with (a pull request's base)")
    r.add_argument("--summary", type=Path, help="append the Markdown report here (default: $GITHUB_STEP_SUMMARY)")
    g = sub.add_parser("glossary", help="count the glossary's acronyms; --check: list unexplained ones")
    g.add_argument("--check", action="store_true", help="fail on acronym-like words with no expansion")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    try:
        if args.command == "add":
            from .add import main as add_main

            return add_main(root, args.path, url=args.url, symbol=args.symbol)
        if args.command == "build":
            result = convert(root)
            for d in result.diagnostics:
                print(d, file=sys.stderr)
            changed = write_pages(result, root / "docs")
            print(f"converted {len(result.documents)} documents; {len(changed)} pages changed")
            return 1 if args.strict and any(d.severity == "error" for d in result.diagnostics) else 0
        if args.command == "check":
            stale = stale_pages(convert(root), root / "docs")
            for page in stale:
                print(f"docs/{page}: out of date; run `make docs` and commit the result", file=sys.stderr)
            return 1 if stale else 0
        if args.command == "site":
            from .publish import PublishError, publish

            try:
                site, bundle = publish(root, args.bundle)
            except PublishError as exc:
                print(exc, file=sys.stderr)
                return 1
            print(f"built {site.relative_to(root)}/ and {bundle.relative_to(root)}")
            return 0
        if args.command == "bench":
            from .bench import main as bench_main

            return bench_main(root, tuple(int(n) for n in args.sizes.split(",")))
        if args.command == "verify":
            from .verify import main as verify_main

            return verify_main(root, as_json=args.json, as_markdown=args.markdown, names=args.names)
        if args.command == "review":
            from .review import main as review_main

            return review_main(root, args.base, args.summary)
        if args.command == "glossary":
            from .glossary import main as glossary_main

            return glossary_main(root, check=args.check)
    except SourceError as exc:
        print(exc, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
