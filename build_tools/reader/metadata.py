"""Metadata from evidence: the masthead, the title, front matter, running heads, the text's language.

Evidence is ranked: the sidecar (applied by the reader after this), the printed masthead,
then front matter (which can be wrong: a front-matter date that no printed date confirms is
reported). The title is the first run of prominent blocks after the masthead (headings,
capitalised lines, a resolution's "68/4. Title"), its lines joined; a running head that
begins like it gives its full wording; never a running head alone, never a file name.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .. import dates, language
from ..model import Diagnostic
from .paragraphs import Block, cut_mid_sentence
from .stream import HEADING, ITEM, ROW, RULE, TEXT, Line, Stream, escape, plain
from .vocabulary import (
    BODIES_BY_SYMBOL,
    CLASSIFICATIONS,
    DOCUMENT_TYPES,
    DOCUMENT_TYPES_BY_SYMBOL,
    ORGANIZATIONS,
    ORGANS,
    SECTION_TITLES,
)

_SYMBOL = r"[A-Z]{1,6}(?:\.\d+)?(?:/[A-Za-z0-9.()\-]+)+"
_ORGAN = "|".join(re.escape(o) for o in sorted(ORGANS, key=len, reverse=True))
# (field, pattern): one masthead line may hold several ("General Assembly Distr.: General 25 November 2025").
MASTHEAD: list[tuple[str, re.Pattern[str]]] = [
    ("adopted", re.compile(r"(?:resolution|décision|decision) adopted by the (?P<organ>[\w ]+?) on (?P<v>.+?\d{4})", re.I)),
    ("symbol", re.compile(rf"(?<![\w/])(?P<v>{_SYMBOL})(?![\w/])")),
    ("distribution", re.compile(r"Distr\.?\s*:\s*(?P<v>General|Limited|Restricted|Générale|Limitée|Restreinte)?", re.I)),
    # "Original: English", "Original : français", "Original: español".
    ("original_language", re.compile(
        r"Original\s*:\s*(?P<v>[^\W\d_]{4,}(?:\s*(?:/|,|and|et|y)\s*[^\W\d_]{4,})*)?")),
    ("session", re.compile(r"(?P<v>\b[\w]+(?:-[\w]+)? (?:(?:regular|special|resumed|plenary) )?session"
                           r"|\b[\w]+(?: [\w]+)? (?:sesión|período (?:extraordinario )?de sesiones))\b", re.I)),
    ("committee", re.compile(r"(?P<v>\b(?:First|Second|Third|Fourth|Fifth|Sixth) Committee)\b")),
    ("agenda_item", re.compile(
        r"(?P<v>\b(?:Agenda )?[Ii]tems? \d+(?: ?\([a-z]\))?(?: (?:and|,) \d+(?: ?\([a-z]\))?)*"
        r"(?: of the (?:provisional|preliminary) agenda)?)(?P<star>\*)?")),
    ("organ", re.compile(rf"(?<!\w)(?P<v>{_ORGAN})(?!\w)", re.I)),
    ("organization", re.compile(r"(?<!\w)(?P<v>United Nations|Nations Unies|Naciones Unidas)(?!\w)")),
]
_DATELINE_WORDS = 8  # a line this short that holds a date is a dateline
_TITLE_WORDS = 40


@dataclass
class Found:
    """What the metadata rules found, before the sidecar."""

    fields: dict[str, str] = field(default_factory=dict)
    field_notes: list[tuple[str, str]] = field(default_factory=list)
    organs: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _visible(text: str) -> str:
    return re.sub(r"\s+", " ", plain(text)).strip()


def _masthead_line(text: str, found: Found) -> str | None:
    """Record what a masthead line says; the text left over (None: the line is not masthead)."""
    rest = _visible(text)
    hits: dict[str, str] = {}
    agenda_end = None
    for name, pattern in MASTHEAD:
        m = pattern.search(rest)
        if not m:
            continue
        if name == "session" and m.start() > 0 and name not in hits and not hits:
            pass
        value = (m.group("v") or "").strip()
        if name == "adopted":
            date = dates.first_date(value)
            if date:
                hits["adopted"] = date.iso
                hits["organ"] = m.group("organ")
        elif name == "agenda_item":
            hits[name] = value
            if m.group("star"):
                found.field_notes.append(("agenda_item", "*"))
        elif value or name in ("distribution", "original_language"):
            hits.setdefault(name, value)
        rest = (rest[: m.start()] + " \x00 " + rest[m.end():]).strip()
        if name == "agenda_item":
            agenda_end = rest.index("\x00")
    for date, start, end in dates.find_dates(rest):
        hits.setdefault("date", date.iso)
        rest = rest[:start] + " " + rest[end:]
    if not hits:
        return None
    leftover = rest.replace("\x00", " ").strip(" ,;:-–")
    if leftover and agenda_end is None:
        return None
    for name, value in hits.items():
        if name == "organ":
            found.organs.append(value)
        elif name == "organization":
            found.organs.append(value)
        elif value:
            found.fields.setdefault(name, value)
    if agenda_end is not None and leftover:
        found.fields["agenda_title"] = leftover
    return ""


def _is_body(block: Block) -> bool:
    """A block of running text: the masthead and title are above the first one."""
    words = len(_visible(block.text).split())
    return block.kind == ITEM or words >= _TITLE_WORDS or (words >= 15 and block.kind == TEXT and len(block.parts) > 2)


def read_masthead(blocks: list[Block], found: Found) -> list[Block]:
    """Take the masthead lines out of the first blocks; the agenda item's title with them."""
    out: list[Block] = []
    limit = 25
    after_agenda = False
    for k, block in enumerate(blocks):
        if k >= limit or block.page > 0 or _is_body(block) or block.kind in (ROW,):
            out.extend(blocks[k:])
            break
        if block.kind == RULE:
            continue
        if after_agenda and "agenda_title" not in found.fields and block.kind == TEXT and _title_like(block) \
                and k + 1 < len(blocks) and _title_like(blocks[k + 1]):
            found.fields["agenda_title"] = _visible(block.text)
            after_agenda = False
            continue
        after_agenda = False
        kept: list[Line] = []
        for n, line in enumerate(block.parts):
            if kept:
                kept.append(line)
                continue
            before = dict(found.fields)
            if _masthead_line(line.text, found) is None:
                if "agenda_item" in found.fields and "agenda_item" in before and before.get("agenda_title") is None \
                        and n > 0 and "agenda_title" not in found.fields:
                    found.fields["agenda_title"] = " ".join(_visible(x.text) for x in block.parts[n:])
                    kept = []
                    break
                kept.append(line)
            elif "agenda_item" in found.fields and "agenda_item" not in before:
                after_agenda = n == len(block.parts) - 1
        if kept:
            out.append(_rebuild(block, kept))
    return out


def _rebuild(block: Block, lines: list[Line]) -> Block:
    if lines == block.parts:
        return block
    text = " ".join(line.text for line in lines)
    return Block(block.kind, lines, text, block.level, block.marker)


# --- Titles ----------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text)


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _title_like(block: Block) -> bool:
    """Short, capitalised, not a sentence, not a date line, a label or a classification mark."""
    text = _visible(block.text)
    if block.kind not in (TEXT, HEADING) or not text:
        return False
    words = _words(text)
    if not words or len(words) > _TITLE_WORDS or text.lower() in CLASSIFICATIONS:
        return False
    if text.startswith("[") or (not text[0].isupper() and not text[0].isdigit() and text[0] not in "«“\"'"):
        return False
    if dates.find_dates(text) and len(words) <= _DATELINE_WORDS:
        return False
    if _CREDIT.match(text) or re.search(r"[a-z]{2}[.!?]\s+(?:\d{1,3}\s+)?[A-Z]", text):
        return False  # credits, or sentences one after the other
    if block.kind == HEADING:
        return not (text.endswith(".") and len(words) > 20)
    if text.endswith((".", ";", ",")) and not _is_caps(text) and not re.match(r"^\d+/\d+\.", text):
        return False
    return _is_caps(text) or len(words) <= 25 or bool(re.match(r"^\d+/\d+\.", text))


# Credits on a cover page: who wrote, submitted or commissioned the document is not its title.
_CREDIT = re.compile(
    r"^(?:authors?|by|prepared by|submitted by|written by|commissioned by|edited by|managed by|evaluators?(?:\(s\))?"
    r"|auteurs?|par|rédigé par|préparé par|soumis par|commandé par|évaluateur(?:\(s\))?|autor(?:es)?|preparado por)\s*:",
    re.IGNORECASE,
)
_RESOLUTION_NUMBER = re.compile(r"^(?:\d{1,4}\s*/\s*\d{1,4}|\d{1,4}\s*\((?:[IVXL]+|[1l]{1,3}|\d)\))\.\s+")


def _clean_title(text: str) -> str:
    text = _visible(text)
    text = _RESOLUTION_NUMBER.sub("", text)
    return text.strip(" ;,.")


def _style(text: str) -> str:
    return "caps" if _is_caps(text) else "mixed"


def _from_running_head(title: str, heads: list[str]) -> str:
    """A running head that starts like the title and goes on gives the title's full wording."""
    norm = re.sub(r"\s+", " ", title).strip().lower()
    longer = []
    for head in heads:
        h = re.sub(r"\s+", " ", head).strip()
        if h.lower() == norm:
            return title
        if h.lower().startswith(norm + " ") and len(_words(h)) <= _TITLE_WORDS:
            longer.append(h)
    return min(longer, key=len) if longer else title


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def _title_run(blocks: list[Block], i: int, heads: set[str]) -> list[int]:
    """The indexes of the prominent blocks that make the title, starting at block i."""
    run: list[int] = []
    j = i
    first_language = ""
    while j < len(blocks) and len(run) < 4:
        block = blocks[j]
        text = _visible(block.text)
        if text.lower().rstrip(":") in SECTION_TITLES:
            break
        if run and _document_type(text) and len(_words(text)) <= 6 and not _visible(blocks[run[-1]].text).endswith(":"):
            break  # "Report of the Secretary-General" under the title says what it is: the subtitle
        if j + 1 < len(blocks) and _visible(blocks[j + 1].text) == ":":
            break  # a form's label ("Titre de la position" then ":"), not a title
        if run and re.match(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,5}\.)\s", text):
            break  # a numbered section begins the body
        lang = language.detect(text, minimum=2)
        if run and lang and first_language and lang != first_language:
            break  # a title in another language (a translation, a letterhead) is not part of it
        if run and block.kind == HEADING and blocks[run[-1]].kind == HEADING and block.level > blocks[run[-1]].level:
            break  # a smaller heading under the title is not part of it
        if run and block.kind == HEADING and blocks[run[-1]].kind != HEADING \
                and _norm(text) != _norm(_visible(blocks[run[-1]].text)):
            break  # a heading after the title's lines begins the text (unless it repeats the title)
        first_language = first_language or lang
        if _title_like(block) or (text.endswith(":") and len(_words(text)) <= 6 and j + 1 < len(blocks)
                                  and _title_like(blocks[j + 1])):
            run.append(j)
            j += 1
            cleaned = _norm(_clean_title(text))
            # A resolution's numbered title, or a title the running heads repeat, is complete.
            if _RESOLUTION_NUMBER.match(text) or cleaned in heads:
                while j < len(blocks) and _norm(_clean_title(blocks[j].text)) == cleaned:
                    run.append(j)
                    j += 1
                break
            continue
        if block.kind == RULE or text.lower() in CLASSIFICATIONS:
            j += 1
            continue
        break
    return run


def find_title(blocks: list[Block], stream: Stream, doc_language: str) -> tuple[str, str, list[Block], int]:
    """(title, subtitle, the remaining blocks, title line) from the first run of prominent blocks."""
    heads = {_norm(h) for h in stream.running_heads}
    i = 0
    while i < len(blocks) and (blocks[i].kind == RULE or _visible(blocks[i].text).lower() in CLASSIFICATIONS
                               or _is_dateline(blocks[i]) or _visible(blocks[i].text).startswith("[")):
        i += 1
    run = _title_run(blocks, i, heads)
    if not run:
        # The text may start in the middle of something (an excerpt): a numbered or capitalised
        # title further down the first page.
        for k in range(i, min(len(blocks), i + 15)):
            text = _visible(blocks[k].text)
            if blocks[k].page > 0:
                break
            if (_RESOLUTION_NUMBER.match(text) or blocks[k].kind == HEADING or _is_caps(text)) and _title_like(blocks[k]):
                run = _title_run(blocks, k, heads)
                break
    if not run:
        return "", "", blocks, 0
    run, other_language = _prefer_language(blocks, run, doc_language, heads)
    parts: list[str] = []
    for k in run:
        text = _clean_title(blocks[k].text)
        if parts and _norm(text) == _norm(parts[-1]):
            continue  # a title printed twice appears once
        parts.append(text)
    title = parts[0]
    for part in parts[1:]:
        joiner = " " if _style(part) == _style(title.split(" – ")[-1]) or title.endswith(":") else " – "
        title = f"{title}{joiner}{part}"
    title = _from_running_head(title.rstrip(" :"), stream.running_heads)
    joined = _norm(" ".join(parts))
    while run[-1] + 1 < len(blocks) and _norm(title) != joined:
        more = f"{joined} {_norm(_clean_title(blocks[run[-1] + 1].text))}"
        if not _norm(title).startswith(more):
            break
        run.append(run[-1] + 1)  # the title's last line, which the running head shows belongs to it
        joined = more
    subtitle = _visible(blocks[other_language].text) if other_language is not None else ""
    if other_language is not None:
        run = [other_language] + run
    after = run[-1] + 1
    if not subtitle and after < len(blocks) and _document_type(_visible(blocks[after].text)) \
            and len(_words(blocks[after].text)) <= 8:
        subtitle = _visible(blocks[after].text)
        run = run + [after]
    title_line = blocks[min(run)].line
    taken = set(run)
    remaining = [b for k, b in enumerate(blocks) if k not in taken]
    return title, subtitle, remaining, title_line


def _prefer_language(blocks: list[Block], run: list[int], doc_language: str, heads: set[str]) -> tuple[list[int], int | None]:
    """Treaty databases put the title in their own language first: prefer the one in the text's
    language, printed just after, when it is about as long; the other stays as the subtitle."""
    first = _visible(blocks[run[0]].text)
    if not doc_language or language.detect(first, minimum=1) in ("", doc_language):
        return run, None
    for k in range(run[0] + 1, min(len(blocks), run[0] + 4)):
        text = _visible(blocks[k].text)
        if _title_like(blocks[k]) and language.detect(text, minimum=1) == doc_language \
                and len(_words(text)) * 2 >= len(_words(first)):
            return _title_run(blocks, k, heads), run[0]
    return run, None


def _is_dateline(block: Block) -> bool:
    text = _visible(block.text)
    return bool(dates.find_dates(text)) and len(_words(text)) <= _DATELINE_WORDS + 4 and not _is_caps(text)


def _document_type(text: str) -> str:
    return next((name for pattern, name in DOCUMENT_TYPES if pattern.search(text)), "")


# --- Case --------------------------------------------------------------------------------------


def normal_case(title: str, texts: list[str]) -> str:
    """An all-capital title in the case the document itself uses for the same words.

    The longest runs of the title's words that the document prints in running text give
    their case ("High-level Dialogue on International Migration"); a word left alone keeps
    its capitals when the document prints it so (acronyms), its capital initial when the
    document capitalises it inside sentences (names), and is lower case otherwise. The first
    word is capitalised.
    """
    if not _is_caps(title):
        return title
    running = " ".join(plain(t) for t in texts if not _is_caps(plain(t)))
    lower = running.lower()
    forms: dict[str, Counter[str]] = {}
    for m in re.finditer(r"(?<=[\w,;)] )([^\W\d_][\w’'-]*)", running):
        forms.setdefault(m.group(1).lower(), Counter())[m.group(1)] += 1
    tokens = list(re.finditer(r"[^\W\d_][\w’'-]*", title))
    cased: dict[int, str] = {}
    i = 0
    while i < len(tokens):
        for j in range(min(len(tokens), i + 12), i + 1, -1):
            words = [t.group(0).lower() for t in tokens[i:j]]
            m = re.search(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)", lower)
            if m:
                found = re.findall(r"[^\W\d_][\w’'-]*", running[m.start():m.end()])
                if len(found) == len(words):
                    for k, word in enumerate(found):
                        cased[i + k] = word
                    i = j
                    break
        else:
            cased[i] = _word_case(tokens[i].group(0), forms)
            i += 1
    out = title
    for k in sorted(cased, reverse=True):
        t = tokens[k]
        out = out[: t.start()] + cased[k] + out[t.end():]
    first = re.search(r"[^\W\d_]", out)
    if first:
        out = out[: first.start()] + out[first.start()].upper() + out[first.start() + 1:]
    return out


def _word_case(word: str, forms: dict[str, Counter[str]]) -> str:
    low = word.lower()
    if re.fullmatch(r"[IVXLC]+", word) and len(word) <= 4 and low not in forms:
        return word
    seen = forms.get(low)
    if not seen:
        if "-" in word:
            return "-".join(_word_case(part, forms) if part else part for part in word.split("-"))
        return low
    best, _ = seen.most_common(1)[0]
    return best if best.isupper() or (best[:1].isupper() and best[1:].islower()) or "-" in best else low


def session_case(session: str) -> str:
    """'NINETY-SECOND SESSION' → 'Ninety-second session', '101ST SESSION' → '101st session'."""
    if not _is_caps(session):
        return session
    low = session.lower()
    return low[:1].upper() + low[1:]


# --- The whole ---------------------------------------------------------------------------------


def _front_matter_value(data: dict, *keys: str) -> str:
    for key in keys:
        value = data.get(key)
        if value not in (None, "") and not isinstance(value, (dict, list)):
            return str(value).strip()
    return ""


def read_metadata(blocks: list[Block], stream: Stream, texts: list[str]) -> tuple[dict[str, str], Found, list[Block], int]:
    """The document's metadata fields, what was found, the blocks left for the body, the title's line."""
    found = Found()
    doc_language = language.detect(" ".join(texts))
    blocks = read_masthead(blocks, found)
    before_title = blocks
    title, subtitle, blocks, title_line = find_title(blocks, stream, doc_language)
    fm = stream.front_matter
    fm_title = _front_matter_value(fm, "title").rstrip(" :")
    f = found.fields
    meta: dict[str, str] = {}
    if fm_title and (not title or not _title_like_heading(title)):
        if title and title.lower() != fm_title.lower():
            subtitle = subtitle or title
        title = fm_title
    elif fm_title and fm_title.lower() != title.lower():
        subtitle = subtitle or fm_title  # the edition's own title for the document
    meta["title"] = title
    meta["subtitle"] = subtitle
    meta["language"] = doc_language or _front_matter_value(fm, "language", "lang").lower()[:2]
    symbol = f.get("symbol", "") or _front_matter_value(fm, "symbol") or _symbol_in_heads(stream.running_heads) \
        or _assembly_resolution(before_title, title_line, blocks)
    meta["symbol"] = symbol
    meta.update(_date(found, fm, blocks, stream, title_line))
    meta["body"] = _body(symbol, found, stream, texts[:40])
    meta["session"] = session_case(f.get("session", ""))
    meta["committee"] = f.get("committee", "")
    agenda = f.get("agenda_item", "")
    if agenda and f.get("agenda_title"):
        agenda = f"{agenda}: {f['agenda_title']}"
    meta["agenda_item"] = agenda
    meta["distribution"] = f.get("distribution", "")
    meta["original_language"] = f.get("original_language", "")
    meta["document_type"] = _type(symbol, title, subtitle, stream, found)
    meta["pdf_url"] = _front_matter_value(fm, "source_pdf", "pdf_url", "pdf")
    if meta["title"]:
        printed = meta["title"]
        meta["title"] = " – ".join(normal_case(part, texts) for part in printed.split(" – "))
        meta["printed_title"] = printed if meta["title"] != printed else ""
    return meta, found, blocks, title_line


_ASSEMBLY = re.compile(r"^(?:The General Assembly|L[’']Assemblée générale|La Asamblea General)\s*,")
_ASSEMBLY_NUMBER = re.compile(r"^(?:(\d{1,3})\s*/\s*(\d{1,4})|(\d{1,4})\s*\(([IVXL]+|[1l]{1,3})\))\.\s")


def _assembly_resolution(blocks: list[Block], title_line: int, body: list[Block]) -> str:
    """A resolution printed in the Assembly's records: its number before its title ("12 (II).",
    "70/296.") and "The General Assembly," opening its text give its symbol (A/RES/62(I))."""
    first = next((b for b in blocks if b.line == title_line), None)
    m = _ASSEMBLY_NUMBER.match(_visible(first.text)) if first is not None else None
    following = [_visible(b.text) for b in body if b.line > title_line][:6]
    if not m or not any(_ASSEMBLY.match(text) for text in following):
        return ""
    if m.group(1):
        return f"A/RES/{m.group(1)}/{m.group(2)}"
    session = m.group(4).replace("1", "I").replace("l", "I")  # "(1)": the OCR of a Roman one
    return f"A/RES/{m.group(3)}({session})"


def _symbol_in_heads(heads: list[str]) -> str:
    """UN documents print their symbol as a running head."""
    pattern = MASTHEAD[1][1]
    for head in heads:
        m = pattern.fullmatch(head.strip())
        if m and any(c.isdigit() for c in head):
            return head.strip()
    return ""


def _title_like_heading(title: str) -> bool:
    """A title the text prints as a title, rather than a dateline or a letterhead."""
    return len(_words(title)) >= 3 and not dates.find_dates(title)


_MEETING = re.compile(r"\bplenary meeting\b|\bséance plénière\b|\bsesión plenaria\b", re.IGNORECASE)


def _meeting_date(blocks: list[Block], title_line: int) -> str:
    """The date under "Hundredth plenary meeting," after a resolution's title: its adoption."""
    for block in blocks:
        text = _visible(block.text)
        if block.line > title_line and _MEETING.search(text) and len(_words(text)) <= _DATELINE_WORDS + 4:
            found_dates = dates.find_dates(text)
            if found_dates:
                return found_dates[0][0].iso
    return ""


def _date(found: Found, fm: dict, blocks: list[Block], stream: Stream, title_line: int = 0) -> dict[str, str]:
    """The document's date: adoption, masthead, a labelled or a leading date line; front matter last."""
    f = found.fields
    printed = f.get("adopted") or f.get("date") or _meeting_date(blocks, title_line)
    if not printed:
        for block in blocks[:12]:
            if block.page > 0:
                break
            for line in block.parts[:3]:
                text = _visible(line.text)
                found_dates = dates.find_dates(text)
                if found_dates and (len(_words(text)) <= _DATELINE_WORDS + 4 or re.match(r"^date\b", text, re.I)):
                    printed = found_dates[0][0].iso
                    break
            if printed:
                break
    fm_date = _front_matter_value(fm, "date", "doc_date")
    fm_parsed = dates.parse_iso(fm_date[:10]) if fm_date else None
    if fm_parsed and printed:
        masthead_dates = {v for k, v in f.items() if k in ("adopted", "date")} | {printed}
        if fm_parsed.iso not in masthead_dates and not any(d.startswith(fm_parsed.iso) or fm_parsed.iso.startswith(d)
                                                          for d in masthead_dates):
            found.diagnostics.append(Diagnostic(
                stream.path, 1, "front-matter-date",
                f"The front matter dates the document {fm_parsed.iso}, but the text prints {printed}; "
                "the printed date is used.",
            ))
    return {"date": printed or (fm_parsed.iso if fm_parsed else "")}


def _body(symbol: str, found: Found, stream: Stream, texts: list[str]) -> str:
    """The issuing body: by symbol, by the organ the masthead names, by the organization the cover names."""
    by_symbol = next((b for prefix, b in BODIES_BY_SYMBOL if symbol.startswith(prefix)), "")
    if by_symbol:
        return by_symbol
    organs = [ORGANS.get(o.lower(), o) for o in found.organs]
    if organs:
        named = next((o for o in organs if o not in ("Council", "United Nations", "Nations Unies", "Naciones Unidas")), "")
        return named or organs[0]
    for text in list(stream.running_heads) + texts:
        low = plain(text).lower()
        for name, body in ORGANIZATIONS.items():
            if name in low:
                return body
    return ""


def _type(symbol: str, title: str, subtitle: str, stream: Stream, found: Found) -> str:
    if found.fields.get("adopted"):
        return "Resolution"
    for text in (subtitle, title, *stream.running_heads):
        kind = _document_type(text or "")
        if kind:
            return kind
    return next((t for prefix, t in DOCUMENT_TYPES_BY_SYMBOL if symbol.startswith(prefix)), "")


__all__ = ["Found", "escape", "find_title", "normal_case", "read_masthead", "read_metadata", "session_case"]
