"""Dates as documents print them: one parser, one formatter and one sort key for the whole build.

Documents print dates as "14 November 2006", "November 14, 2006", "9th July 2025",
"1er juin 2025", "3 de octubre de 2013", "[14] June 1948" or just "July 2025"; sidecars and
front matter write ISO dates ("2006", "2006-11", "2006-11-14"). Month names come from the
CLDR data that Babel ships, for the languages of the family (English, French, Spanish, Dutch,
German), so no list of month names is kept here.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from babel.dates import format_date, get_month_names

LOCALES = ("en", "fr", "es", "nl", "de")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day (0 = not known)."""

    year: int
    month: int = 0
    day: int = 0

    @property
    def iso(self) -> str:
        if not self.month:
            return f"{self.year:04d}"
        if not self.day:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def _fold(word: str) -> str:
    """Lower case without accents or a final dot: "Févr." → "fevr"."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).rstrip(".")


@lru_cache(maxsize=1)
def month_numbers() -> dict[str, int]:
    """Every wide and abbreviated month name of the family's languages → month number."""
    names: dict[str, int] = {}
    for locale in LOCALES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, locale).items():
                    folded = _fold(name)
                    if len(folded) >= 3:
                        names.setdefault(folded, number)
    names.setdefault("sept", 9)
    return names


_DAY = r"\[?(?P<day>[0-3]?\d)\]?(?:st|nd|rd|th|er|e)?\.?"
_YEAR = r"(?P<year>1[6-9]\d\d|20\d\d)"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    months = sorted(month_numbers(), key=len, reverse=True)
    # Month names are matched folded (no accents), so the pattern runs on folded text.
    month = r"(?P<month>" + "|".join(re.escape(m) for m in months) + r")\.?"
    return (
        re.compile(rf"(?<![\w\[]){_DAY}\s+(?:de\s+)?{month}(?:\s+de)?,?\s+{_YEAR}(?!\d)"),
        re.compile(rf"(?<![\w]){month}\s+{_DAY},?\s+{_YEAR}(?!\d)"),
        re.compile(rf"(?<![\w]){month}(?:\s+de)?,?\s+{_YEAR}(?!\d)"),
        re.compile(r"(?<![\d-])(?P<year>1[6-9]\d\d|20\d\d)-(?P<month>0[1-9]|1[0-2])-(?P<day>[0-3]\d)(?![\d-])"),
    )


def _fold_text(text: str) -> str:
    """`text` folded character by character, so positions still match the original."""
    return "".join(_fold(c) or c for c in text)


def _make(year: str, month: str, day: str | None) -> PartialDate | None:
    m = int(month) if month.isdigit() else month_numbers()[month]
    d = int(day) if day else 0
    try:
        datetime.date(int(year), m, d or 1)
    except ValueError:
        return None
    return PartialDate(int(year), m, d)


def find_dates(text: str) -> list[tuple[PartialDate, int, int]]:
    """Every printed date in `text`, with its span, in order; overlapping forms keep the longest."""
    folded = _fold_text(text)
    found: list[tuple[PartialDate, int, int]] = []
    for pattern in _patterns():
        for m in pattern.finditer(folded):
            if any(s <= m.start() < e or s < m.end() <= e for _, s, e in found):
                continue
            date = _make(m.group("year"), m.group("month"), m.groupdict().get("day"))
            if date:
                found.append((date, m.start(), m.end()))
    return sorted(found, key=lambda f: f[1])


def first_date(text: str) -> PartialDate | None:
    found = find_dates(text)
    return found[0][0] if found else None


_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_iso(value: str) -> PartialDate | None:
    """'2006' / '2006-11' / '2006-11-14' (or a YAML date) → PartialDate; None when it is none of these."""
    m = _ISO.match(str(value).strip())
    if not m:
        return None
    year, month, day = m.groups()
    if month is None:
        return PartialDate(int(year))
    return _make(year, month, day)


def sort_key(iso: str) -> tuple[int, int, int]:
    """Partial dates sort at their start; a missing or bad date sorts last."""
    date = parse_iso(iso) if iso else None
    return (date.year, date.month, date.day) if date else (9999, 99, 99)


def human(iso: str, locale: str = "en") -> str:
    """'2006-11-14' → '14 November 2006'; '2025-07' → 'July 2025'; '2005' stays; other text unchanged."""
    date = parse_iso(iso) if iso else None
    if not date:
        return iso
    if not date.month:
        return str(date.year)
    when = datetime.date(date.year, date.month, date.day or 1)
    return format_date(when, "d MMMM y" if date.day else "LLLL y", locale=locale)
