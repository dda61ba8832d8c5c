"""The "About this text" section of a document page: where its text came from, and where to fix it.

It names the extraction tool, the date the text was added and the fields its sidecar corrects,
and links to the source text and sidecar in the repository and to a pre-filled issue form for
reporting a conversion error. The repository is `repo_url` in mkdocs.yml, the one place it is set.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

import yaml

from ..model import Document
from .markdown import escape, human_date

CONFIG = Path(__file__).resolve().parents[2] / "mkdocs.yml"
BRANCH = "main"
SOURCE_DIR = "source_texts"  # where the repository keeps the archive's sources
ISSUE_TEMPLATE = "conversion-error.yml"  # .github/ISSUE_TEMPLATE/conversion-error.yml
SECTION_ANCHOR = "about-this-text"
_REPO = re.compile(r"^https://[^\s<>\"'`\\?#]+[^/\s]$")
FIELD_LABELS = {"document_type": "document type", "original_language": "original language", "pdf_url": "PDF address",
                "url": "address of the authoritative copy", "agenda_item": "agenda item", "date_note": "date note",
                "body": "issuing body"}


class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without its `!ENV` and `!!python` tags (their values are not needed here)."""


_AnyTagLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_AnyTagLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def repository_url(config: Path = CONFIG) -> str:
    """`repo_url` from mkdocs.yml, or "" when there is none (then pages carry no repository links)."""
    try:
        return _read_repository_url(config, config.stat().st_mtime_ns)
    except OSError:
        return ""


@functools.cache
def _read_repository_url(config: Path, mtime_ns: int) -> str:
    """Read once per version of the file: every page of a build asks."""
    try:
        data = yaml.load(config.read_text(encoding="utf-8"), Loader=_AnyTagLoader)  # noqa: S506 (a SafeLoader)
    except (OSError, yaml.YAMLError):
        return ""
    url = str((data or {}).get("repo_url") or "").rstrip("/")
    return url if _REPO.match(url) else ""


@dataclass(frozen=True)
class SourceLinks:
    """Addresses in the repository for one document."""

    text: str  # the source text, as committed
    sidecar: str  # the sidecar, as committed ("" when there is none yet)
    edit: str  # where to correct the document: its sidecar, opened for editing (or created)
    report: str  # the conversion-error form, pre-filled


def source_links(doc: Document, repo: str) -> SourceLinks:
    """The repository addresses of a document's files and of its conversion-error form."""
    blob = f"{repo}/blob/{BRANCH}/"
    if doc.sidecar_path:
        edit = f"{repo}/edit/{BRANCH}/{quote(doc.sidecar_path)}"
    else:
        folder, _, stem = doc.source_path.rpartition("/")
        filename = stem.rsplit(".", 1)[0] + ".yml"
        edit = f"{repo}/new/{BRANCH}/{quote(folder)}?{urlencode({'filename': filename})}"
    return SourceLinks(
        text=blob + quote(doc.source_path),
        sidecar=blob + quote(doc.sidecar_path) if doc.sidecar_path else "",
        edit=edit,
        report=report_url(doc, repo),
    )


def edit_url(src_uri: str, root: Path, repo: str) -> str | None:
    """Where to correct a generated page: a document's sidecar, or the curated glossary; else None."""
    if src_uri.startswith("glossary/"):
        return f"{repo}/edit/{BRANCH}/source_texts/glossary.yml"
    m = re.fullmatch(r"documents/([A-Za-z0-9][A-Za-z0-9._-]*)\.md", src_uri)
    if not m or m.group(1) == "index":
        return None
    sidecar = f"source_texts/{m.group(1)}.yml"
    if (root / sidecar).is_file():
        return f"{repo}/edit/{BRANCH}/{sidecar}"
    return f"{repo}/new/{BRANCH}/source_texts?{urlencode({'filename': m.group(1) + '.yml'})}"


def document_label(doc: Document) -> str:
    """How an issue names the document: symbol and title, and the file it comes from."""
    m = doc.metadata
    named = f"{m.symbol}, {m.title}" if m.symbol else m.title
    return f"{named} ({doc.source_path}; page documents/{doc.name}/)"


def report_url(doc: Document, repo: str) -> str:
    """The issue form for a conversion error, with the document already named."""
    label = doc.metadata.symbol or doc.name
    query = urlencode({
        "template": ISSUE_TEMPLATE,
        "title": f"Conversion error in {label}",
        "document": document_label(doc),
    }, quote_via=quote)
    return f"{repo}/issues/new?{query}"


def _fields(names: tuple[str, ...]) -> str:
    labels = [FIELD_LABELS.get(n, n.replace("_", " ")) for n in names]
    return ", ".join(labels[:-1]) + f" and {labels[-1]}" if len(labels) > 1 else labels[0]


def origin_sentence(doc: Document) -> str:
    """Where the text came from, in one or two sentences."""
    p = doc.provenance
    if p.extraction_tool:
        made = f"The text was extracted from the original with {escape(p.extraction_tool)}"
    else:
        made = "The text is kept as it was received; the tool that extracted it is not recorded"
    if p.added:
        made += f", and added to the archive on {escape(human_date(p.added))}"
    made += "."
    if p.source_url:
        made += f" Original: <{p.source_url}>"
        made += f" (SHA-256 {p.source_sha256})." if p.source_sha256 else "."
    elif p.source_sha256:
        made += f" SHA-256 of the original: {p.source_sha256}."
    return made


def provenance_blocks(doc: Document) -> list[str]:
    """The section as Markdown blocks for a page, or none for a text that is not an archive source."""
    return [provenance_section(doc)] if doc.source_path.startswith(f"{SOURCE_DIR}/") else []


def provenance_section(doc: Document, repo: str | None = None) -> str:
    """The Markdown of the section; without a repository, the facts alone."""
    repo = repository_url() if repo is None else repo
    parts = [f"## About this text {{#{SECTION_ANCHOR} .generated data-search-exclude}}", origin_sentence(doc)]
    corrections = (
        f"Its sidecar sets or corrects the {escape(_fields(doc.corrected))}."
        if doc.corrected else "No sidecar corrects what the reader found in it."
    )
    parts.append(corrections)
    if repo:
        links = source_links(doc, repo)
        files = f"[source text]({links.text})" + (f" and its [sidecar]({links.sidecar})" if links.sidecar else "")
        parts.append(
            f"In the repository: the {files}. "
            f"[Edit this source]({links.edit}) (corrections go in the sidecar) · "
            f"[Report a conversion error]({links.report}) (name the paragraph, and quote the page and the original)."
        )
    return "\n\n".join(parts)
