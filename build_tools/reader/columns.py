"""Columns printed side by side (pdftotext `-layout`): find the gutter, read each column in turn.

A gutter is a column of spaces that runs down a region of consecutive lines: no line has a
character in it, and either several lines have text on both sides of it (two or more spaces
apart), or lines with text only on its left and lines with text only on its right alternate
(the cells of a table, offset vertically). Full-width lines (titles, prose, a table's header)
end a region and stay where they are. A line at the edge of a region whose columns are only
one space apart is split at that space. Left column first, then right; each column's lines
keep their relative indentation.
"""

from __future__ import annotations

MIN_LINES = 4  # non-empty lines in a region
MIN_BOTH = 2  # lines with text on both sides of the gutter, or else...
MIN_ALTERNATIONS = 3  # ...changes between left-only and right-only lines
MIN_LEFT = 8  # a gutter nearer the margin is a hanging indent, not a column


def _status(line: str, c: int) -> str:
    """Where `line` has text relative to position c: e(mpty), l(eft), r(ight), b(oth), x (crosses)."""
    if not line.strip():
        return "e"
    left, right = line[:c].strip(), line[c:].strip()
    if not right:
        return "l"
    if not left:
        return "r" if line[c - 1] == " " else "x"
    return "b" if line[c - 1 : c + 1] == "  " else "x"


def _qualifies(lines: list[str], statuses: list[str], c: int) -> bool:
    sides = [s for s in statuses if s in "lr"]
    alternations = sum(1 for a, b in zip(sides, sides[1:]) if a != b)
    both = statuses.count("b")
    if sum(1 for s in statuses if s != "e") < MIN_LINES:
        return False
    if both < MIN_BOTH and not (alternations >= MIN_ALTERNATIONS and "l" in sides and "r" in sides):
        return False
    lefts = [line[:c] for line, s in zip(lines, statuses) if s in "lb"]
    return sum(1 for x in lefts if any(ch.isalpha() for ch in x)) * 2 >= len(lefts)


def _best_region(lines: list[str], lo: int, hi: int) -> tuple[int, int, int] | None:
    """The region (start, end, gutter) in lines[lo:hi] with most lines beside one gutter, if any."""
    width = max((len(x) for x in lines[lo:hi]), default=0)
    best: tuple[int, int, int, int] | None = None
    for c in range(MIN_LEFT, width - MIN_LEFT):
        statuses = [_status(lines[i], c) for i in range(lo, hi)]
        start = 0
        for k in range(len(statuses) + 1):
            if k < len(statuses) and statuses[k] != "x":
                continue
            a, b = start, k
            while a < b and statuses[a] in "el":  # a region starts and ends beside the gutter
                a += 1
            while b > a and statuses[b - 1] in "el":
                b -= 1
            if b > a and _qualifies(lines[lo + a : lo + b], statuses[a:b], c):
                score = sum(1 for s in statuses[a:b] if s != "e")
                if best is None or score > best[0]:
                    best = (score, lo + a, lo + b, c)
            start = k + 1
    return best[1:] if best else None


def _split_point(line: str, c: int) -> int | None:
    """Where a line whose columns are one space apart near c splits (the leftmost space), if it does."""
    for p in range(c - 4, c + 1):
        if 0 < p < len(line) and line[p] == " " and line[p - 1] != " " and line[p + 1 : p + 2].strip():
            return p + 1
    return None


def _extend(lines: list[str], a: int, b: int, c: int, lo: int, hi: int) -> tuple[int, int, dict[int, int]]:
    """Grow a region over neighbours that fit its gutter, one-space splits included."""
    cuts: dict[int, int] = {}

    def fits(i: int) -> bool:
        if _status(lines[i], c) != "x":
            return True
        p = _split_point(lines[i], c)
        if p is None:
            return False
        cuts[i] = p
        return True

    while a > lo and fits(a - 1):
        a -= 1
    while b < hi and fits(b):
        b += 1
    while a < b and _status(lines[a], c) in "el":
        a += 1
    while b > a and _status(lines[b - 1], c) in "el":
        b -= 1
    return a, b, cuts


def _regions(lines: list[str], lo: int, hi: int) -> list[tuple[int, int, dict[int, int]]]:
    found = _best_region(lines, lo, hi)
    if not found:
        return []
    a, b, c = found
    a, b, cuts = _extend(lines, a, b, c, lo, hi)
    cuts = {i: cuts.get(i, c) for i in range(a, b)}
    return _regions(lines, lo, a) + [(a, b, cuts)] + _regions(lines, b, hi)


def _column(numbered: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """One column's lines, shifted left together (relative indentation kept)."""
    texts = [(no, t.rstrip()) for no, t in numbered if t.strip()]
    margin = min((len(t) - len(t.lstrip(" ")) for _, t in texts), default=0)
    return [(no, t[margin:]) for no, t in texts]


def read_columns(numbered: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A page's (line number, line) pairs with side-by-side columns read one after the other."""
    lines = [t.expandtabs(8) for _, t in numbered]
    out: list[tuple[int, str]] = []
    last = 0
    for a, b, cuts in _regions(lines, 0, len(lines)):
        out.extend(numbered[last:a])
        rows = [(numbered[i][0], lines[i], cuts[i]) for i in range(a, b)]
        out.append((rows[0][0], ""))
        out.extend(_column([(no, t[:c]) for no, t, c in rows]))
        out.append((rows[0][0], ""))
        out.extend(_column([(no, t[c:]) for no, t, c in rows]))
        out.append((rows[-1][0], ""))
        last = b
    out.extend(numbered[last:])
    return out
