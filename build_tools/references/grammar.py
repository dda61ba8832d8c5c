"""The reference grammar: which phrases of a text cite a document, and which only look like it.

`scan(text)` finds the citations in one run of text and says what each cites, without
deciding where it links (that is `resolve`'s job, which knows the corpus):

- document symbols: UN ("A/60/871", "E/CN.9/1997/5", "ESA/P/WP.132"), joint UN symbols
  ("E/1997/23-E/CN.4/1997/150": one document issued under both symbols), corrigenda
  ("A/52/150 and Corr.1": the corrigendum is the document A/52/150/Corr.1), IOM Council
  symbols ("MC/INF/263", "MC/2126"), each optionally with a paragraph ("MC/INF/263 para. 45");
- resolutions: "resolution 61/208", "resolutions 50/123 and 51/148", "UNGA resolution
  65/170", "Commission on Human Rights resolution 1997/14" (one match per number; the body
  named in the phrase, if any, is kept);
- paragraphs of the citing document: "paragraph 9 above", "paras. 3 and 4 below";
- articles of an instrument: "IOM Constitution, Article 1(1)(e)", "Articles 58 and 63 of the
  UN Charter".

What is NOT a reference is a rule too (`NON_REFERENCES`, tested): sales numbers, "No. 97"
(ILO conventions, supplements), table labels, dates, percentages, money, and the numbered
resolutions of a conference inside a report ("chap. I, resolution 1"). A phrase that looks
like a citation but fits no rule ("XYZ/12/3", a bare "Article 4", a bare "para. 7") comes out
as a `suspect` match, so that the caller reports it instead of dropping it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# --- Document symbols ---------------------------------------------------------------

# Leading components of United Nations document symbols (the issuing organ or series).
UN_SERIES = (
    "A", "ACC", "CAT", "CCPR", "CEDAW", "CERD", "CMW", "CRC", "DP", "E", "ECE", "ESA",
    "HRI", "ICEF", "LC", "S", "ST", "T", "TD", "UNEP",
)
# Leading components of IOM governing-body symbols (Council, its sub-committees).
IOM_SERIES = ("MC", "SCBF", "SCPF", "EX")

_SERIES = "|".join(sorted(UN_SERIES + IOM_SERIES, key=lambda s: (-len(s), s)))
_COMPONENT = r"(?:(?:Corr|Add|Rev|Amend)\.\d+|[A-Z]{1,8}(?:\.\d+)?|\d{1,5})"
_ONE_SYMBOL = rf"(?:{_SERIES})(?:/{_COMPONENT})+"
SYMBOL = re.compile(
    rf"(?<![\w/.\-])(?P<symbol>{_ONE_SYMBOL}(?:-{_ONE_SYMBOL})*)(?![\w/])"
    r"(?:(?P<corr_sep>\s+and\s+)(?P<corr>(?:Corr|Add|Rev)\.\d+)(?!\w))?"
)
_PARAGRAPH_AFTER = re.compile(r"(?:,\s*|\s+)(?:para(?:graph)?s?\.?)\s+(?P<para>\d{1,3})(?![\w/])")
_ANY_SYMBOL_SHAPE = re.compile(r"(?<![\w/.\-])[A-Z][A-Za-z]{0,7}(?:\.\d+)?(?:/[A-Za-z0-9.]+)+(?![\w/])")

# --- Resolutions --------------------------------------------------------------------------


@dataclass(frozen=True)
class Body:
    """A body that adopts resolutions: how texts name it and how its resolutions are numbered.

    `numbering` is "session" (61/208: session 61, resolution 208) or "year" (1997/14).
    `series` is the symbol prefix of its resolutions ("A/RES"); None when the body's
    resolutions have no symbol of their own and are printed in its report.
    `documents` are symbol prefixes of its own documents, to recognise it from a report's symbol.
    """

    name: str
    aliases: tuple[str, ...]
    numbering: str
    series: str | None
    documents: tuple[str, ...] = ()


BODIES = (
    Body("General Assembly", ("General Assembly", "UN General Assembly", "UNGA", "Assembly"), "session", "A/RES", ("A/",)),
    Body("Human Rights Council", ("Human Rights Council",), "session", "A/HRC/RES", ("A/HRC/",)),
    Body("Economic and Social Council", ("Economic and Social Council", "ECOSOC"), "year", "E/RES", ("E/",)),
    Body("Commission on Human Rights", ("Commission on Human Rights",), "year", "E/CN.4/RES", ("E/CN.4/",)),
    Body("Commission on Population and Development", ("Commission on Population and Development",), "year", None, ("E/CN.9/",)),
    Body("Commission on the Status of Women", ("Commission on the Status of Women",), "year", None, ("E/CN.6/",)),
)

_ALIASES = sorted({a for b in BODIES for a in b.aliases}, key=lambda a: (-len(a), a))
BODY_NAME = re.compile(r"(?<![\w/-])(?:" + "|".join(re.escape(a) for a in _ALIASES) + r")(?![\w/-])")
_NUMBER = r"\d{1,4}/\d{1,4}(?![\w/])"
RESOLUTION = re.compile(
    r"(?:(?P<body>" + "|".join(re.escape(a) for a in _ALIASES) + r")(?:'s|’s)?\s+(?:its\s+)?)?"
    rf"(?P<word>\b[Rr]esolutions?)\s+(?P<number>{_NUMBER})"
)
# More numbers of one list, each perhaps dated: "resolutions 58/208 of 23 December 2003, 59/241 ... and 67/219".
_MORE_NUMBERS = re.compile(
    rf"(?:\s+of\s+\d{{1,2}}\s+[A-Z][a-z]+\s+\d{{4}})?(?P<sep>,\s+and\s+|,\s+|\s+and\s+)(?P<number>{_NUMBER})\b(?!/)")
# A resolution located inside a cited report: "(E/1997/25-E/CN.9/1997/11), chap. I, sect. C, resolution 1997/1".
CONTAINER = re.compile(
    rf"\((?:document\s+)?(?P<symbol>{_ONE_SYMBOL}(?:-{_ONE_SYMBOL})*)\)"
    r"(?:,\s*(?:chap\.|sect\.|part|annex|para\.)\s*[\w.]+)*,\s*$"
)


def body_by_alias(alias: str) -> Body:
    return next(b for b in BODIES if alias in b.aliases)


def numbering_of(number: str) -> str:
    """ "61/208" → "session"; "1997/14" → "year" (a four-digit first part from 1946 on)."""
    first = number.split("/")[0]
    return "year" if len(first) == 4 and first[:2] in ("19", "20") else "session"


# --- Paragraphs and articles ---------------------------------------------------------------

_PARA_WORD = r"(?:paragraphs?|paras?\.)"
PARAGRAPH_HERE = re.compile(
    rf"\b{_PARA_WORD}\s+(?P<para>\d{{1,3}})(?:\s*(?:,|and|to|[-–])\s*\d{{1,3}})*\s+(?P<where>above|below)\b"
)
_BARE_PARAGRAPH = re.compile(rf"\b{_PARA_WORD}\s+\d{{1,3}}\b")


@dataclass(frozen=True)
class Instrument:
    """A constituent instrument cited by article; it has no document symbol."""

    name: str
    aliases: tuple[str, ...]


INSTRUMENTS = (
    Instrument("IOM Constitution", ("IOM Constitution", "Constitution of the International Organization for Migration", "Constitution of IOM")),
    Instrument("Charter of the United Nations", ("Charter of the United Nations", "United Nations Charter", "UN Charter")),
)
_INSTRUMENT = "|".join(re.escape(a) for i in INSTRUMENTS for a in sorted(i.aliases, key=len, reverse=True))
_ARTICLE_NO = r"\d{1,3}(?:\(\d{1,2}\))*(?:\([a-z]\))*"
# An instrument named by its printed title: "the Vienna Convention on Diplomatic Relations",
# "the Constitution of the International Labour Organisation" (capitalised words and their joints).
_NAMED = r"(?:[A-Z][\w’'-]+)(?:\s+(?:(?:of|on|the|and|for|in|to|against)\s+)*[A-Z][\w’'-]+)*"
# The citing instrument itself: "this Agreement", "the present Convention". "The Convention" alone
# is an ARTICLE match with a generic name, which the resolver reads as the citing instrument only
# when that is what the document is (an annex citing its convention).
INSTRUMENT_KINDS = ("Agreement", "Convention", "Protocol", "Treaty", "Charter", "Constitution", "Covenant",
                    "Statute", "Annex", "Exchange of Notes", "Arrangement", "Instrument")
_KIND = "|".join(k.replace(" ", r"\s+") for k in INSTRUMENT_KINDS)
_SELF = rf"(?:this|the\s+present)\s+(?:{_KIND})\b"
_PARAS = r"(?:[Pp]aragraphs?|[Pp]aras?\.)\s+(?P<{0}>\d{{1,3}})(?:,?\s+(?:under|sub-?paragraph)\s+\(?(?P<{1}>[a-z])\)?(?![\w(])|\s*\((?P<{2}>[a-z])\))?"
_MORE = r"(?:(?:\s*,\s*|\s+(?:and|or|to)\s+)\d{1,3})*"


def _articles_group(name: str) -> str:
    return rf"Articles?\s+(?P<{name}>{_ARTICLE_NO}(?:(?:,\s*|\s+and\s+){_ARTICLE_NO})*)"


ARTICLE = re.compile(
    rf"\b(?:(?P<inst1>{_INSTRUMENT}),?\s+{_articles_group('article1')}"
    rf"|(?:{_PARAS.format('para', 'sub1', 'sub2')}{_MORE}\s+of\s+)?{_articles_group('article2')}"
    rf"\s+of\s+(?!{_SELF})(?:the\s+)?(?P<inst2>{_INSTRUMENT}|{_NAMED}))"
)
_BARE_ARTICLE = re.compile(rf"\bArticles?\s+{_ARTICLE_NO}")

# An instrument's own provisions, as its text cites them: "Article 8", "Article 10, paragraph 1,
# under d", "paragraph 1 of this Article", "paragraphs 2 and 3 in this Article", "paragraph 3 (b)",
# "Article 11 of this Convention". Another instrument's articles are ARTICLE's.
_ELSEWHERE = r"\s+(?:of|on|in)\b(?!\s+(?:{0}|(?:this|the\s+present)\s+Article\b))".format(_SELF)
OWN_PROVISION = re.compile(
    rf"\b(?:{_PARAS.format('p1', 's1', 't1')}{_MORE}\s+(?:of|in)\s+(?:this|the\s+present)\s+Article\b"
    rf"|{_PARAS.format('p2', 's2', 't2')}{_MORE}\s+of\s+Article\s+(?P<a2>\d{{1,3}})(?!{_ELSEWHERE})"
    rf"|Articles?\s+(?P<a3>\d{{1,3}})(?:,?\s+{_PARAS.format('p3', 's3', 't3')}|\((?P<p4>\d{{1,2}})\))?"
    rf"(?:\s+of\s+(?P<own>{_SELF}))?(?!{_MORE}{_ELSEWHERE})"
    rf"|{_PARAS.format('p5', 's5', 't5')}(?!{_MORE}(?:{_ELSEWHERE}|\s+(?:above|below)\b)))"
)


def instrument_name(printed: str) -> str:
    """The canonical name of an instrument known by its aliases, else its printed name."""
    return next((i.name for i in INSTRUMENTS if printed in i.aliases), printed)


# --- What is not a reference -------------------------------------------------------------

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"


@dataclass(frozen=True)
class NonReference:
    """A kind of phrase that carries numbers or slashes but cites no document, and why."""

    name: str
    pattern: re.Pattern[str]
    why: str


NON_REFERENCES = (
    NonReference("sales-number", re.compile(r"\bSales\s+No\.\s*[A-Z]\.\d{2}\.[IVXL]+\.[A-Z]?\.?\d+"),
                 "a sales number identifies a printed publication, not a document symbol"),
    NonReference("number-label", re.compile(r"\bNo\.\s*\d+\b"),
                 "'No. N' numbers a convention, supplement or issue inside a named series"),
    NonReference("table-label", re.compile(r"\b(?:Table|Figure|Chart|Box|Appendix)\s+\d+(?:\.\d+)*\b"),
                 "a table or figure of the same page"),
    NonReference("date", re.compile(
        rf"\b\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}}|\s+and\s+\d{{1,2}})?\s+{_MONTH}(?:\s+\d{{4}})?\b"
        rf"|\b{_MONTH}\s+\d{{4}}\b|\b\d{{4}}[-–]\d{{2,4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b"),
        "a date or a period"),
    NonReference("percentage", re.compile(r"\d+(?:\.\d+)?(?:\s*[-–]\s*\d+(?:\.\d+)?)?\s?%"), "a percentage"),
    NonReference("money", re.compile(
        r"(?:\b(?:USD|US\$|CHF|CAD|EUR)\s?|\$)\d[\d,]*(?:\.\d+)?(?:\s*(?:[Mm]illion|[Bb]illion|M)\b)?"
        r"(?:\s*\((?:USD|CHF|\$ CAN)\))?"), "an amount of money"),
    NonReference("conference-resolution", re.compile(r"\bresolution\s+\d{1,2}\b(?![/\w])"),
                 "a conference's numbered resolution, part of the report cited with it"),
)


def non_reference(text: str) -> NonReference | None:
    """The rule under which `text` (one phrase) is not a reference, if one covers all of it."""
    phrase = text.strip()
    for rule in NON_REFERENCES:
        if rule.pattern.fullmatch(phrase):
            return rule
    return None


def _masked(text: str) -> list[tuple[int, int]]:
    return [m.span() for rule in NON_REFERENCES for m in rule.pattern.finditer(text)]


# --- Matches -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Match:
    """One citation in a text: what it cites, as printed at `text[start:end]`.

    kind: "symbol", "resolution", "paragraph" (of the citing document), "article" (of a named
    instrument), "provision" (an article or paragraph of the citing instrument itself; the
    resolver links it only where the document has that article), or "suspect" (looks like a
    citation but fits no rule; `note` says why).
    """

    kind: str
    start: int
    end: int
    text: str
    symbol: str = ""  # "E/1997/23-E/CN.4/1997/150"; for a corrigendum "A/52/150/Corr.1"
    number: str = ""  # resolution number "61/208"
    body: str = ""  # the body named in the phrase, by its alias ("UNGA")
    paragraph: str = ""  # cited paragraph number
    instrument: str = ""  # canonical instrument name
    article: str = ""  # "1(1)(e)", "58 and 63"
    sub: str = ""  # a lettered sub-paragraph of the cited paragraph: "d"
    container: str = ""  # the report a resolution is printed in
    note: str = ""

    @property
    def parts(self) -> tuple[str, ...]:
        return split_joint(self.symbol) if self.symbol else ()

    @property
    def series(self) -> str:
        return self.symbol.split("/")[0] if self.symbol else ""


def split_joint(symbol: str) -> tuple[str, ...]:
    """The symbols of a joint symbol: "E/1997/23-E/CN.4/1997/150" → ("E/1997/23", "E/CN.4/1997/150")."""
    return tuple(re.split(rf"-(?=(?:{_SERIES})/)", symbol))


def _has_digit(s: str) -> bool:
    return any(c.isdigit() for c in s)


def _symbols(text: str) -> list[Match]:
    found: list[Match] = []
    for m in SYMBOL.finditer(text):
        symbol = m.group("symbol")
        if not _has_digit(symbol):
            continue
        end = m.end("symbol")
        para = _PARAGRAPH_AFTER.match(text, end)
        paragraph = ""
        if para:
            paragraph, end = para.group("para"), para.end()
        found.append(Match("symbol", m.start(), end, text[m.start():end], symbol=symbol, paragraph=paragraph))
        if m.group("corr"):
            found.append(Match("symbol", m.start("corr"), m.end("corr"), m.group("corr"),
                               symbol=f"{symbol}/{m.group('corr')}"))
    return found


def _resolutions(text: str) -> list[Match]:
    found: list[Match] = []
    for m in RESOLUTION.finditer(text):
        body = m.group("body") or ""
        container = CONTAINER.search(text[:m.start()])
        in_report = container.group("symbol") if container else ""
        found.append(Match("resolution", m.start("word"), m.end(), text[m.start("word"):m.end()],
                           number=m.group("number"), body=body, container=in_report))
        pos = m.end()
        while more := _MORE_NUMBERS.match(text, pos):
            found.append(Match("resolution", more.start("number"), more.end(), more.group("number"),
                               number=more.group("number"), body=body))
            pos = more.end()
    return found


def _paragraphs(text: str) -> list[Match]:
    return [Match("paragraph", m.start(), m.end(), m.group(0), paragraph=m.group("para"))
            for m in PARAGRAPH_HERE.finditer(text)]


def _articles(text: str) -> list[Match]:
    found = []
    for m in ARTICLE.finditer(text):
        printed = m.group("inst1") or m.group("inst2")
        article = m.group("article1") or m.group("article2")
        found.append(Match("article", m.start(), m.end(), m.group(0), instrument=instrument_name(printed),
                           article=article, paragraph=m.group("para") or "",
                           sub=m.group("sub1") or m.group("sub2") or ""))
    return found


def _own_provisions(text: str) -> list[Match]:
    found = []
    for m in OWN_PROVISION.finditer(text):
        article = m.group("a2") or m.group("a3") or ""
        paragraph = next((m.group(g) for g in ("p1", "p2", "p3", "p4", "p5") if m.group(g)), "")
        sub = next((m.group(g) for g in ("s1", "t1", "s2", "t2", "s3", "t3", "s5", "t5") if m.group(g)), "")
        found.append(Match("provision", m.start(), m.end(), m.group(0), paragraph=paragraph,
                           article=article, sub=sub, instrument=m.group("own") or ""))
    return found


def _suspects(text: str, taken: list[tuple[int, int]]) -> list[Match]:
    """Citation-shaped phrases left over: reported, never dropped."""

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    found = []
    for m in _ANY_SYMBOL_SHAPE.finditer(text):
        if _has_digit(m.group(0)) and free(*m.span()):
            found.append(Match("suspect", m.start(), m.end(), m.group(0),
                               note=f"{m.group(0)} looks like a document symbol but its series is not known"))
    for pattern, what in ((_BARE_ARTICLE, "an article cited without its instrument"),
                          (_BARE_PARAGRAPH, "a paragraph cited without its document")):
        for m in pattern.finditer(text):
            if free(*m.span()):
                found.append(Match("suspect", m.start(), m.end(), m.group(0), note=f"'{m.group(0)}': {what}"))
    return found


def scan(text: str) -> list[Match]:
    """Every citation in `text`, in order, none overlapping; suspects included."""
    masks = _masked(text)
    candidates = (_articles(text) + _symbols(text) + _resolutions(text) + _paragraphs(text)
                  + _own_provisions(text))
    candidates = [c for c in candidates if all(c.end <= s or c.start >= e for s, e in masks)]
    chosen: list[Match] = []
    for c in sorted(candidates, key=lambda c: (c.start, -(c.end - c.start))):
        if all(c.start >= x.end or c.end <= x.start for x in chosen):
            chosen.append(c)
    taken = [(c.start, c.end) for c in chosen] + masks
    return sorted(chosen + _suspects(text, taken), key=lambda c: c.start)
