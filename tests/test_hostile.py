"""Hostile and malformed input: a source publishes as inert text or is refused clearly.

Covers escaping (raw HTML, Markdown, template and snippet syntax), decoding, sidecar
validation, clashes between documents, atomic output and reproducible builds.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from mkdocs.utils import meta
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from build_tools.model import (
    Acronym, Document, Emphasis, Inline, Reference, Source, Superscript, Text, map_inlines,
)
from site_support import serve
from build_tools.pipeline import convert
from build_tools.publish import PublishError, publish, zip_tree
from build_tools.reader import read, read_with_report
from build_tools.verify import source_words, words_of
from build_tools.sources import CONTROL, MAX_BYTES, SourceError, decode, load_sources
from build_tools.writer.markdown import write_document

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "hostile"
# Letters and digits; underscores are punctuation here, and superscript digits (footnote
# markers, which may become references) stand apart from the letters around them.
WORD = r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+|[^\W_⁰¹²³⁴⁵⁶⁷⁸⁹]+"
EXTENSIONS = ["abbr", "attr_list", "def_list", "md_in_html", "tables", "toc"]


# --- helpers ----------------------------------------------------------------


def render(doc: Document) -> str:
    """A document's page as HTML, as MkDocs makes it: front matter off, then the site's extensions."""
    body, front = meta.get_data(write_document(doc, f"documents/{doc.name}.md"))
    assert front.get("title", doc.metadata.title) == doc.metadata.title
    return markdown.markdown(body, extensions=EXTENSIONS)


ALLOWED_TAGS = {
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "em", "strong", "sup", "abbr", "a",
    "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "div", "dl", "dt", "dd",
}
# The writer's own attributes: citable units, back matter kept out of search, reference downloads.
ALLOWED_ATTRS = {"id", "href", "title", "class", "data-cite", "data-search-exclude", "download"}
ALLOWED_CLASSES = {"footnote-ref", "note", "note-label", "para-number", "generated", "doc-card", "card-cite"}


class ElementAudit(HTMLParser):
    """Collects every element and attribute outside the allow-list."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"element <{tag}>")
        for name, value in attrs:
            value = value or ""
            if name not in ALLOWED_ATTRS or name.startswith("on"):
                self.problems.append(f"attribute {name}={value!r} on <{tag}>")
            elif name == "class" and not set(value.split()) <= ALLOWED_CLASSES:
                self.problems.append(f"class {value!r} on <{tag}>")
            elif name == "href" and re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith(
                ("javascript:", "data:", "vbscript:")
            ):
                self.problems.append(f"href {value!r}")

    handle_startendtag = handle_starttag


def audit(html_text: str) -> list[str]:
    parser = ElementAudit()
    parser.feed(html_text)
    parser.close()
    return parser.problems


def node_texts(inlines: tuple[Inline, ...]) -> list[str]:
    """The text of each inline node on its own: `block_text` joins `a**9**` into one word "a9"."""
    out: list[str] = []
    for node in inlines:
        if isinstance(node, (Emphasis, Reference)):
            out += node_texts(node.children)
        elif isinstance(node, (Text, Superscript, Acronym)):
            out.append(node.text)
    return out


def document_words(doc: Document) -> Counter[str]:
    """Every word of a document: body, footnotes and metadata."""
    return Counter(w.casefold() for w in re.findall(WORD, " ".join(document_texts(doc))))


def document_texts(doc: Document) -> list[str]:
    """Every text of a document: body, footnotes and metadata."""
    meta = doc.metadata
    texts: list[str] = []

    def collect(inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
        texts.append("".join(node_texts(inlines)))  # a superscript is part of its word ("90th")
        return inlines

    for block in doc.blocks + tuple(b for note in doc.footnotes for b in note.blocks):
        map_inlines(block, collect)
    texts += [str(getattr(meta, f)) for f in (
        "title", "subtitle", "symbol", "date", "date_note", "body", "session", "committee",
        "agenda_item", "distribution", "original_language", "document_type", "url", "printed_title",
    )]
    texts += [n.label for n in doc.footnotes]
    return texts


def is_marker(word: str) -> bool:
    """Footnote markers ("1", "¹²") may become references rather than text."""
    return all(c.isdigit() for c in word)


def fixture_source(path: Path) -> Source:
    return Source(name=path.stem, path=f"source_texts/{path.name}", text=decode(path.read_bytes(), path.name))


def tree_hashes(path: Path) -> dict[str, str]:
    return {
        p.relative_to(path).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(path.rglob("*")) if p.is_file()
    }


def run_cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "build_tools", "--root", str(root), *args],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )


def project_copy(tmp_path: Path, with_sources: bool = True) -> Path:
    """A throwaway copy of the project: mkdocs.yml (without hooks and watch), docs/, overrides/, source_texts/.

    Without the hook, `repo_url` is left out as the hook leaves it out of the theme's header
    (whose script would ask GitHub's API for the repository's figures).
    """
    project = tmp_path / "project"
    project.mkdir()
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"^(watch|hooks):\n(?:  - .*\n?)+", "", config, flags=re.M)
    config = re.sub(r"^repo_url: .*\n", "", config, flags=re.M)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    if with_sources:
        shutil.copytree(ROOT / "source_texts", project / "source_texts")
    else:
        (project / "source_texts").mkdir()
    return project


# --- 1. Inert text ----------------------------------------------------------


def test_markdown_extensions_are_the_audited_ones() -> None:
    """Each extension can turn source text into markup; the hostile cases cover exactly these."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    names = [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]
    # def_list: a line starting with ":" after a term ("markdown-syntax.txt", ": a colon" below);
    # md_in_html: `<div markdown="1">` in a source (the end of "markdown-syntax.txt").
    assert sorted(names) == ["abbr", "attr_list", "def_list", "md_in_html", "tables", "toc"], (
        "mkdocs.yml enables a new Markdown extension: add hostile cases for its syntax to "
        "tests/test_hostile.py and tests/fixtures/hostile/ (pymdownx.snippets would make "
        "`--8<--` lines include files), then update this list."
    )


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt")), ids=lambda p: p.name)
def test_hostile_fixture_renders_inert(path: Path) -> None:
    doc = read(fixture_source(path))
    html_text = render(doc)
    assert audit(html_text) == []
    assert "The last paragraph must still be visible." in html_text or path.name == "structure.txt"


@pytest.mark.parametrize("line", [
    "<script>window.__pwned = 1</script>",
    '<img src=x onerror="alert(1)">',
    "<iframe src=javascript:alert(1)></iframe>",
    "<style>body{display:none}</style>",
    "<svg onload=alert(1)>",
    "<!-- never closed",
    "[x](javascript:alert(1))",
    "<javascript:alert(1)>",
    "{{ config.site_name }}",
    "{% include 'x' %}",
    '--8<-- "/etc/passwd"',
    'Text {: onclick="alert(1)" }',
    "Text {#evil .evil}",
    "`code` and ``more``",
    "=== a line of equals",
    ": a colon",
    ":   a definition's colon and indent",
    "~~~ a tilde fence",
    "+1 a plus",
    "> a quote",
    "1) a number",
    "&amp; &lt; &#60; &#x3C;",
    "*[HTML]: Hyper Text",
    "[^1]: a note",
    "[ref]: https://evil.example/",
])
def test_hostile_line_prints_as_written(line: str) -> None:
    """A line the reader does not recognise comes out of the page exactly as written."""
    doc = read(Source(name="x", path="source_texts/x.txt", text=f"A title\n\nBefore.\n\n{line}\n\nAfter.\n"))
    html_text = render(doc)
    assert audit(html_text) == []
    text = TextOnly.of(html_text)
    assert line in text, text


class TextOnly(HTMLParser):
    """The visible text of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    @classmethod
    def of(cls, html_text: str) -> str:
        parser = cls()
        parser.feed(html_text)
        return "".join(parser.parts)


def test_recognised_markup_still_works() -> None:
    text = "A title\n\n# Part one\n\nSome *em* and **strong** and 90<sup>th</sup>.\n\n- first\n- second\n"
    html_text = render(read(Source(name="x", path="source_texts/x.txt", text=text)))
    for fragment in ("<em>em</em>", "<strong>strong</strong>", "<sup>th</sup>", "<li>first</li>", ">Part one<"):
        assert fragment in html_text


# --- 2. Encodings -----------------------------------------------------------

SAMPLE = (ROOT / "source_texts" / "mc-inf-285.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("variant", ["utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom", "crlf", "cr", "nbsp"])
def test_encodings_give_the_same_document(variant: str) -> None:
    text = SAMPLE
    if variant == "nbsp":
        text = text.replace("Council ", "Council\u00a0").replace("the ", "the\u202f")
    newline = {"crlf": "\r\n", "cr": "\r"}.get(variant, "\n")
    text = text.replace("\n", newline)
    data = {
        "utf-8-sig": lambda t: t.encode("utf-8-sig"),
        "utf-16": lambda t: t.encode("utf-16"),
        "utf-16-le-bom": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
        "utf-16-be-bom": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    }.get(variant, lambda t: t.encode("utf-8"))(text)
    path = "source_texts/mc-inf-285.txt"
    expected = read(Source(name="mc-inf-285", path=path, text=SAMPLE))
    assert read(Source(name="mc-inf-285", path=path, text=decode(data, path))) == expected


def test_tabs_decode_unchanged() -> None:
    """Tabs separate table cells: decoding keeps them wherever the line endings come from."""
    assert decode(b"a\tb\r\nc\td\r", "x.txt") == "a\tb\nc\td\n"


def test_form_feeds_between_pages_are_accepted() -> None:
    """PDF extraction tools end each page with a form feed (U+000C): such texts are not refused."""
    assert decode(b"Page one.\n\x0cPage two.\n\x0c", "x.txt") == "Page one.\n\x0cPage two.\n\x0c"


# --- 3. Refusals: one test per message ---------------------------------------


def write_project(tmp_path: Path, files: dict[str, bytes | str]) -> Path:
    src = tmp_path / "source_texts"
    src.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (src / name).write_bytes(data)
    return tmp_path


def refusal(tmp_path: Path, files: dict[str, bytes | str]) -> list[str]:
    root = write_project(tmp_path, files)
    with pytest.raises(SourceError) as info:
        load_sources(root / "source_texts", root)
    assert str(info.value) == "\n".join(info.value.messages)
    return info.value.messages


OK = "A title\n\nSome text.\n"


def test_refuses_empty_file(tmp_path: Path) -> None:
    assert refusal(tmp_path, {"a.txt": " \n\n"}) == ["source_texts/a.txt: the file is empty"]


def test_refuses_bom_only_file(tmp_path: Path) -> None:
    assert refusal(tmp_path, {"a.txt": codecs.BOM_UTF16_LE}) == ["source_texts/a.txt: the file is empty"]


def test_refuses_cp1252(tmp_path: Path) -> None:
    assert refusal(tmp_path, {"a.txt": "Café “quoted”\n".encode("cp1252")}) == [
        "source_texts/a.txt: not valid UTF-8 text (byte 3); save it as UTF-8"
    ]


def test_refuses_truncated_utf16(tmp_path: Path) -> None:
    assert refusal(tmp_path, {"a.txt": "ab".encode("utf-16") + b"c"}) == [
        "source_texts/a.txt: not valid UTF-16 text (byte 6); save it as UTF-8"
    ]


def test_refuses_binary(tmp_path: Path) -> None:
    assert refusal(tmp_path, {"a.txt": b"PK\x03\x04\x00\x00binary"}) == [
        "source_texts/a.txt: contains NUL characters; it looks like binary data (or UTF-16 without a BOM), not text"
    ]


def test_refuses_control_characters(tmp_path: Path) -> None:
    mojibake = "A title\n\nCaf\u00c3\u00a9 \u00e2\u0080\u009cquoted\u00e2\u0080\u009d\n"  # cp1252 read as Latin-1
    assert refusal(tmp_path, {"a.txt": mojibake}) == [
        "source_texts/a.txt:3: contains the control character U+0080; "
        "the text is damaged or was decoded with the wrong encoding"
    ]


def test_refuses_utf16_without_bom(tmp_path: Path) -> None:
    assert refusal(tmp_path, {"a.txt": "A title".encode("utf-16-le")}) == [
        "source_texts/a.txt: contains NUL characters; it looks like binary data (or UTF-16 without a BOM), not text"
    ]


def test_refuses_huge_file_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_project(tmp_path, {})
    size = 50 * 1024 * 1024
    with open(root / "source_texts" / "big.txt", "wb") as f:
        f.truncate(size)  # sparse: no disk space used
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail(f"{self} was read"))
    with pytest.raises(SourceError) as info:
        load_sources(root / "source_texts", root)
    assert str(info.value) == (
        f"source_texts/big.txt: {size} bytes is larger than the {MAX_BYTES}-byte limit for one source file"
    )


def test_refuses_directory_named_txt(tmp_path: Path) -> None:
    root = write_project(tmp_path, {})
    (root / "source_texts" / "dir.txt").mkdir()
    with pytest.raises(SourceError, match=r"^source_texts/dir\.txt: not a regular file$"):
        load_sources(root / "source_texts", root)


SIDECAR_CASES = {
    "invalid-yaml": ("title: [unclosed\n", "source_texts/a.yml:2: not valid YAML (expected ',' or ']', but got '<stream end>')"),
    "not-mapping": ("- title\n- symbol\n", "source_texts/a.yml:1: a sidecar must be a mapping of metadata fields"),
    "unknown-key": (
        "symbol: A/1\ntitel: Typo\n",
        "source_texts/a.yml:2: unknown field 'titel'; allowed fields: title, subtitle, symbol, date, date_note, "
        "body, session, committee, agenda_item, distribution, original_language, document_type, language, url, "
        "pdf_url, extraction_tool, source_sha256, source_url, added",
    ),
    "list-title": ("title:\n  - One\n  - Two\n", "source_texts/a.yml:1: field 'title' must be text, not a list"),
    "mapping-body": ("body: {name: X}\n", "source_texts/a.yml:1: field 'body' must be text, not a mapping"),
    "boolean": ("distribution: yes\n", "source_texts/a.yml:1: field 'distribution' must be text, not true/false"),
    "null": ("subtitle:\n", "source_texts/a.yml:1: field 'subtitle' has no value; give one or remove the line"),
    "blank": ("subtitle: ' '\n", "source_texts/a.yml:1: field 'subtitle' is empty; give a value or remove the line"),
    "multi-line": ('title: "One\\n# Two"\n', "source_texts/a.yml:1: field 'title' must be a single line of text"),
    "date-format": ("\ndate: 14 November 2006\n", "source_texts/a.yml:2: date '14 November 2006' is not YYYY, YYYY-MM or YYYY-MM-DD"),
    "date-unreal": ("date: 2006-02-30\n", "source_texts/a.yml:1: date '2006-02-30' is not a real date"),
    "date-month": ("date: '2006-13'\n", "source_texts/a.yml:1: date '2006-13' is not a real date"),
    "url-scheme": (
        "url: javascript:alert(1)\n",
        "source_texts/a.yml:1: url 'javascript:alert(1)' must be an http:// or https:// address without spaces or quotes",
    ),
    "url-space": (
        "url: https://x.example/ onmouseover=alert(1)\n",
        "source_texts/a.yml:1: url 'https://x.example/ onmouseover=alert(1)' must be an http:// or https:// "
        "address without spaces or quotes",
    ),
    "sha256": ("source_sha256: abc\n", "source_texts/a.yml:1: source_sha256 'abc' must be 64 lower-case hexadecimal digits"),
    "added-date": ("added: last week\n", "source_texts/a.yml:1: date 'last week' is not YYYY, YYYY-MM or YYYY-MM-DD"),
    "duplicate-key": ("title: One\nsymbol: A/1\ntitle: Two\n", "source_texts/a.yml:3: field 'title' appears twice (first on line 1)"),
}


@pytest.mark.parametrize("case", SIDECAR_CASES, ids=str)
def test_refuses_bad_sidecar(tmp_path: Path, case: str) -> None:
    sidecar, message = SIDECAR_CASES[case]
    assert refusal(tmp_path, {"a.txt": OK, "a.yml": sidecar}) == [message]


def test_reports_every_problem_at_once(tmp_path: Path) -> None:
    messages = refusal(tmp_path, {
        "a.txt": b"", "a.yml": "colour: red\ndate: 2006-99\n", "b.txt": b"\xff\xfe\x00",
    })
    assert messages == [
        "source_texts/a.txt: the file is empty",
        "source_texts/a.yml:1: unknown field 'colour'; allowed fields: title, subtitle, symbol, date, date_note, "
        "body, session, committee, agenda_item, distribution, original_language, document_type, language, url, "
        "pdf_url, extraction_tool, source_sha256, source_url, added",
        "source_texts/a.yml:2: date '2006-99' is not a real date",
        "source_texts/b.txt: not valid UTF-16 text (byte 2); save it as UTF-8",
    ]


def test_refuses_duplicate_symbol(tmp_path: Path) -> None:
    assert refusal(tmp_path, {
        "a.txt": OK, "a.yml": "symbol: A/52/314\n", "b.txt": OK, "b.yml": "date: '2001'\nsymbol: A/52/314\n",
    }) == ["source_texts/b.yml:2: symbol 'A/52/314' is already used by source_texts/a.yml:1"]


def test_refuses_names_differing_only_by_case(tmp_path: Path) -> None:
    assert refusal(tmp_path, {"A.txt": OK, "a.txt": OK}) == [
        "source_texts/a.txt: writes the same page as source_texts/A.txt (file names differ only by case); "
        "rename one of them"
    ]


def test_refuses_reserved_name(tmp_path: Path) -> None:
    assert refusal(tmp_path, {"index.txt": OK}) == [
        "source_texts/index.txt: the name 'index' is reserved for a generated page; rename the file"
    ]


@pytest.mark.parametrize("name", [
    "--><img src=x onerror=alert(1)>.txt",  # closed the page's "Generated from" comment: the img ran
    "n\ntemplate: x.html\nx.txt",  # a newline wrote its own key into the page's front matter
    "two words.txt",  # a space breaks the link in the table of documents
], ids=["comment-close", "newline", "space"])
def test_refuses_unsafe_file_name(tmp_path: Path, name: str) -> None:
    shown = f"source_texts/{name}".encode("unicode_escape").decode("ascii")
    assert refusal(tmp_path, {name: OK}) == [
        f"{shown}: a source file name may only use letters, digits, '.', '_' and '-' "
        "(it becomes the page's address); rename the file"
    ]


def test_sidecar_values_are_normalised(tmp_path: Path) -> None:
    root = write_project(tmp_path, {"a.txt": OK, "a.yml": "date: 2006-11-14\nsession: 61\nsymbol: A/61/1\n"})
    [source] = load_sources(root / "source_texts", root)
    assert source.sidecar == {"date": "2006-11-14", "session": "61", "symbol": "A/61/1"}


def test_apply_sidecar_refuses_unvalidated_data() -> None:
    source = Source(name="a", path="source_texts/a.txt", text=OK, sidecar={"title": ["x"]}, sidecar_path="source_texts/a.yml")
    with pytest.raises(SourceError, match=r"^source_texts/a\.yml:1: field 'title' must be text, not a list$"):
        read(source)


def test_cli_refusal_exits_2_and_leaves_docs_untouched(tmp_path: Path) -> None:
    project = project_copy(tmp_path)
    before = tree_hashes(project / "docs")
    (project / "source_texts" / "zz-bad.txt").write_bytes("Caf\xe9\n".encode("latin-1"))
    (project / "source_texts" / "mc-2353.yml").write_text("title: [a, b]\n", encoding="utf-8")
    proc = run_cli(project, "build")
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        "source_texts/mc-2353.yml:1: field 'title' must be text, not a list",
        "source_texts/zz-bad.txt: not valid UTF-8 text (byte 3); save it as UTF-8",
    ]
    assert "Traceback" not in proc.stderr and proc.stdout == ""
    assert tree_hashes(project / "docs") == before


# --- 4. Atomic publishing -----------------------------------------------------


def test_failed_publish_leaves_site_and_dist(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text("site_name: [broken\n", encoding="utf-8")
    for name, content in {"site/index.html": "old site", "dist/x-offline-1.zip": "old zip"}.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(content, encoding="utf-8")
    before = tree_hashes(project)
    with pytest.raises(PublishError, match="mkdocs build failed"):
        publish(project, Path("dist/x-offline-2.zip"))
    assert tree_hashes(project) == before
    assert not list(project.glob(".publish-*"))


# --- 5. Determinism -----------------------------------------------------------


def test_conversion_is_deterministic() -> None:
    assert convert(ROOT).pages == convert(ROOT).pages


def test_zip_is_reproducible(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tree = tmp_path / "tree"
    (tree / "sub").mkdir(parents=True)
    (tree / "b.html").write_text("b", encoding="utf-8")
    (tree / "sub" / "a.css").write_text("a", encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    zip_tree(tree, tmp_path / "one.zip", "top")
    (tree / "b.html").touch()
    zip_tree(tree, tmp_path / "two.zip", "top")
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()


# --- 6. Properties ------------------------------------------------------------

MARKUP = list("abcXYZ 019\n\n\t*_#<>-=+|[](){}:!`~&;/\\\"'.^%@$") + [
    "<script>", "</script>", "<sup>", "</sup>", "<!--", "-->", "{:", "{#", "javascript:", " onclick=",
    "**", "1. ", "- ", "(a) ", "[note 1]", "¹", "\u00a0", "\r\n", "A/52/314", "Page 2", "Table 1",
    "--8<--", "{{", "}}", "{%", "%}", "&lt;", "&#60;", "[^1]:", "*[", "]:", "http://x.example/",
]
texts = st.one_of(
    st.lists(st.sampled_from(MARKUP), max_size=80).map("".join),
    st.text(max_size=300),
)


def test_a_line_of_pipes_is_an_empty_table_row() -> None:
    """Found by the property tests below: `||` once made the table rule fail."""
    doc, report = read_with_report(Source(name="x", path="source_texts/x.txt", text="A title\n\n||\n|---|\n"))
    assert not report.fallback and doc.metadata.title == "A title"
    assert not [d for d in doc.diagnostics if d.severity == "error"]


PROPERTY = settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


MARKER_SYNTAX = re.compile(r"</?sup>|\[note \d{1,3}\]")


@PROPERTY
@given(texts)
@example("+<!--{:a**9+chttp://x.example/**9<!--")  # words on both sides of `**`
@example("1. %}Page 2 {% {- <sup>c</sup>a]:>a")  # a superscript next to a word
@example("¹)\\b#[note 1]{:\"1:**X&lt;.%}- \\[[^1]:#")  # a `[note 1]` marker
@example("¹+&#60;¹=</sup>¹>\n%}javascript:\t$+{:Table 1¹http://x.example/>")  # a marker inside a cell
def test_reader_never_raises_and_loses_no_word(text: str) -> None:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    doc, report = read_with_report(Source(name="x", path="source_texts/x.txt", text=text))
    assert not report.fallback, [str(d) for d in doc.diagnostics if d.code == "reader-error"]
    # What the reader declares as page furniture is dropped on purpose, and so are repeats (a
    # title printed twice): every other word must still be there, case and hyphens aside.
    words, furniture = source_words(MARKER_SYNTAX.sub("", text), report.removed_lines)
    wanted = {w for w in words if furniture[w] == 0 and not is_marker(w)}
    have = set(words_of(" ".join(document_texts(doc))))
    missing = wanted - have
    assert not missing


@PROPERTY
@given(texts)
def test_rendered_page_has_only_allowed_markup(text: str) -> None:
    text = CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", ""))
    doc = read(Source(name="x", path="source_texts/x.txt", text=text))
    assert audit(render(doc)) == []


# --- 7. The whole build in a browser -------------------------------------------


@pytest.mark.browser
def test_hostile_site_runs_no_script(tmp_path: Path, browser) -> None:
    """Hostile fixtures through the whole build, then in Chromium: no script, dialog or request."""
    project = project_copy(tmp_path, with_sources=False)
    for path in FIXTURES.glob("*.txt"):
        shutil.copy(path, project / "source_texts" / path.name)
    build = run_cli(project, "build")
    assert build.returncode == 0, build.stderr
    site = project / "site"
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        cwd=project, capture_output=True, text=True, timeout=120,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr

    dialogs: list[str] = []
    outside: list[str] = []
    with serve(site) as base:
        context = browser.new_context()
        page = context.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

        def route(r) -> None:
            if r.request.url.startswith(base) or r.request.url.startswith(("data:", "blob:", "about:")):
                r.continue_()
            else:
                outside.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        for path in sorted(FIXTURES.glob("*.txt")):
            page.goto(f"{base}documents/{path.stem}/", wait_until="load")
            page.wait_for_timeout(300)
            page.mouse.move(200, 200)
            page.mouse.click(5, 5)
            assert page.evaluate("typeof window.__pwned") == "undefined", path.name
            assert page.locator("script:not([src])").count() <= 4
            assert "The last paragraph must still be visible." in page.content() or path.stem == "structure"
        context.close()
    assert dialogs == []
    assert outside == []


def test_two_mastheads_with_one_symbol_are_refused(tmp_path: Path) -> None:
    """Symbols read from the texts (not only from sidecars) must be unique too."""
    from build_tools.pipeline import convert

    texts = tmp_path / "source_texts"
    texts.mkdir()
    for name in ("first", "second"):
        (texts / f"{name}.txt").write_text(f"MC/INF/1\n\n# Paper {name}\n\n1. The Council met and decided.\n")
    with pytest.raises(SourceError) as err:
        convert(tmp_path)
    assert err.value.messages == [
        "source_texts/second.txt: the symbol MC/INF/1 is already the symbol of source_texts/first.txt; "
        "correct it in a sidecar"
    ]


def test_live_preview_reports_a_refused_source_without_traceback(tmp_path: Path) -> None:
    """`make serve` runs the conversion in a MkDocs hook: a bad file is a plain build error."""
    from mkdocs.exceptions import PluginError

    from build_tools.mkdocs_hooks import on_pre_build

    (tmp_path / "source_texts").mkdir()
    (tmp_path / "source_texts" / "bad.txt").write_bytes(b"caf\xe9 au lait\n")
    config = {"config_file_path": str(tmp_path / "mkdocs.yml"), "docs_dir": str(tmp_path / "docs")}
    with pytest.raises(PluginError) as err:
        on_pre_build(config)
    assert str(err.value).startswith("source_texts/bad.txt: ")
    assert not (tmp_path / "docs").exists()


def test_sidecar_provenance_and_corrections_reach_the_document() -> None:
    from build_tools.model import Provenance

    sidecar = {"symbol": "A/1", "date": "2001-02-03", "extraction_tool": "pdftotext 22.12.0",
               "source_sha256": "0" * 64, "source_url": "https://example.org/a.pdf", "added": "2026-11-23"}
    doc = read(Source("a", "source_texts/a.txt", "A title\n\nSome text of the document.\n", sidecar, "source_texts/a.yml"))
    assert doc.provenance == Provenance("pdftotext 22.12.0", "0" * 64, "https://example.org/a.pdf", "2026-11-23")
    assert set(doc.corrected) == {"symbol", "date", "url"}
    assert (doc.metadata.symbol, doc.metadata.date) == ("A/1", "2001-02-03")
