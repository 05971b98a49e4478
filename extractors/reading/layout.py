"""Page layout from positioned characters: columns, vertical writing, and tables drawn as text.

Takes characters (anything with `text`, `x0`, `x1`, `top`, `bottom`, `size`; pdf.py's `_Char`)
and rows of them, and gives groupings in reading order; pdf.py turns them into lines:

- `group_rows(chars)`: characters in rows (a line across the page, columns and all).
- `reading_regions(units, body_size, hint)`: a page's rows and boxed blocks (`row_unit`,
  `block_unit`) as regions in reading order, found from the whitespace between columns by a
  recursive XY cut: a gutter that separates text over some stretch of the page makes columns
  of that stretch, read one after another; what is above and under it is cut the same way.
  So a short second column, columns under a title or over a footer, three columns, a table
  in one column are read as set; two lines that merely sit far apart are not columns.

- `split_vertical(chars)`: (vertical columns, the other characters). A character is set
  vertically when it has no close neighbour in its row but one right above or under it, centred
  on the same axis; such characters stacked without a gap make a column, read top to bottom;
  columns are given right to left (縦書き). A page may mix vertical and horizontal text.
- `row_segments(row)`: a row cut where its characters stand apart by more than about an em
  beyond their usual spacing: the cells of a table, the two columns of a page.
- `table_runs(segmented)`: runs of consecutive rows whose segments start at three or more
  shared x positions (or two, the first a narrow key column), as (first, last, anchors): an
  unruled table drawn with tab stops. Several text columns of full lines are not a table.
"""
from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass, field

_STACK_GAP = 0.3  # em: stacked characters of a vertical column touch (or nearly)
_ROW_GAP = 0.3  # em: a character closer than this to a row neighbour is set horizontally
_SEGMENT_GAP = 0.9  # em beyond the row's usual spacing: a cell or column break


def _centre(c) -> float:
    return (c.x0 + c.x1) / 2


@dataclass(slots=True)
class _Cell:
    """Western characters set side by side in one cell of a vertical column (縦中横: 「10」)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    parts: list


def _lonely(rows: list[list]) -> list:
    """The characters with no close neighbour in their row, and the cells of two or three western
    characters set side by side no wider than an em and a half (縦中横) with none either."""
    lonely = []
    for row in rows:
        row = sorted(row, key=lambda c: c.x0)
        cluster = [row[0]]
        for c in row[1:] + [None]:
            if c is not None and c.x0 - cluster[-1].x1 < _ROW_GAP * max(c.size, cluster[-1].size):
                cluster.append(c)
                continue
            visible = [x for x in cluster if not x.text.isspace()]
            if len(cluster) == 1 and visible:
                lonely.append(cluster[0])
            elif 2 <= len(visible) == len(cluster) <= 3 and all(x.text.isascii() and x.text.isalnum() for x in visible) \
                    and cluster[-1].x1 - cluster[0].x0 <= 1.5 * max(x.size for x in visible):
                lonely.append(_Cell("".join(x.text for x in visible), visible[0].x0, visible[-1].x1,
                                    min(x.top for x in visible), max(x.bottom for x in visible),
                                    max(x.size for x in visible), visible))
            cluster = [c]
    return lonely


def split_vertical(chars: list, rows: list[list]) -> tuple[list[list], list]:
    """(vertical columns right to left, each top to bottom; the characters not in one).

    A column is three or more lonely characters (or 縦中横 cells) stacked without a gap; runs on
    one axis parted by one empty cell are one column; the one or two characters a paragraph
    leaves for its last column make a column too when they start at the columns' top line,
    on the columns' pitch."""
    lonely = _lonely(rows)
    if len(lonely) < 3:
        return [], chars
    # stack lonely characters on a shared axis (buckets of a third of an em), top to bottom
    axes: dict[int, list] = defaultdict(list)
    for c in lonely:
        axes[round(_centre(c) / max(c.size / 3, 1.0))].append(c)
    columns, short = [], []
    taken: set[int] = set()
    for key in sorted(axes):
        if id(axes[key][0]) in taken:
            continue
        stack = sorted((c for k in (key - 1, key, key + 1) for c in axes.get(k, ()) if id(c) not in taken),
                       key=lambda c: c.top)
        runs: list[list] = [[]]
        for c in stack:
            run = runs[-1]
            if run and (c.top - run[-1].bottom > _STACK_GAP * c.size or abs(_centre(c) - _centre(run[-1])) > 0.3 * c.size):
                runs.append([])
            runs[-1].append(c)
        merged: list[list] = []
        for run in runs:  # one empty cell between two columns' worth of characters: one column
            if merged and len(merged[-1]) >= 3 and len(run) >= 3 and run[0].top - merged[-1][-1].bottom <= 1.3 * run[0].size:
                merged[-1] += run
            else:
                merged.append(run)
        for run in merged:
            (columns if len(run) >= 3 else short).append(run)
            if len(run) >= 3:
                taken.update(id(x) for x in run)
    if not columns or (len(columns) == 1 and len(columns[0]) < 5):
        return [], chars
    columns += _last_columns(columns, short)
    columns.sort(key=lambda col: -_centre(col[0]))
    for col in columns:
        taken.update(id(x) for c in col for x in (c.parts if isinstance(c, _Cell) else (c,)))
    columns = [[x for c in col for x in ([c] if not isinstance(c, _Cell) else [c])] for col in columns]
    return columns, [c for c in chars if id(c) not in taken]


def _last_columns(columns: list[list], short: list[list]) -> list[list]:
    """The runs of one or two characters that are a paragraph's last column: starting on the top
    line of the columns, on an axis one column pitch or more from a column, within the set."""
    axes = sorted(_centre(col[0]) for col in columns)
    size = statistics.median(c.size for col in columns for c in col)
    pitches = [b - a for a, b in zip(axes, axes[1:]) if b - a > size]
    if not pitches:
        return []
    pitch = min(pitches)
    top = min(col[0].top for col in columns)
    found = []
    for run in short:
        x = _centre(run[0])
        if abs(run[0].top - top) > 0.5 * size or not axes[0] - 1.2 * pitch <= x <= axes[-1] + 1.2 * pitch:
            continue
        if min(abs(x - a) for a in axes) < 0.8 * pitch:
            continue  # no column's place
        if any(abs((x - a) / pitch - round((x - a) / pitch)) <= 0.3 for a in axes):
            found.append(run)
    return found


def row_segments(row: list) -> list[list]:
    """A row's characters, left to right, cut at gaps wider than an em or so beyond the usual spacing."""
    row = sorted(row, key=lambda c: c.x0)
    visible = [c for c in row if not c.text.isspace()]
    if len(visible) < 2:
        return [visible] if visible else []
    gaps = [b.x0 - a.x1 for a, b in zip(visible, visible[1:])]
    usual = max(0.0, statistics.median(gaps))
    segments, cur = [], [visible[0]]
    for c, gap in zip(visible[1:], gaps):
        if gap > usual + _SEGMENT_GAP * max(c.size, cur[-1].size):
            segments.append(cur)
            cur = []
        cur.append(c)
    segments.append(cur)
    return segments


def spaced_cuts(row: list, segments: list[list]) -> bool:
    """Whether a row is cut into segments only where spaces are drawn: words set apart with
    spaces, as text is typed, not cells set at tab stops (whose gaps hold nothing)."""
    spaces = [(c.x0 + c.x1) / 2 for c in row if c.text.isspace()]
    return len(segments) >= 2 and bool(spaces) and all(
        any(s[-1].x1 - 0.5 <= x <= t[0].x0 + 0.5 for x in spaces) for s, t in zip(segments, segments[1:]))


def _lined_up(run: list[list[list]]) -> bool:
    """Whether most cells after the first in the run's rows start where cells of most other rows
    start too (within an em): a table's columns; a paragraph's runs of spaces fall anywhere."""
    starts = [(k, s[0].x0, s[0].size) for k, row in enumerate(run) for s in row[1:]]
    aligned = sum(1 for k, x, size in starts
                  if len({j for j, y, _ in starts if j != k and abs(x - y) <= size}) >= 0.5 * (len(run) - 1))
    return aligned >= 0.5 * len(starts)


def _anchors(starts: list[tuple[float, float]]) -> list[float]:
    """Cluster segment starts (x, size) into column anchors: starts within 1.5 em are one column."""
    anchors: list[float] = []
    for x, size in sorted(starts):
        if not anchors or x - anchors[-1] > 1.5 * size:
            anchors.append(x)
    return anchors


def anchor_of(x: float, anchors: list[float]) -> int:
    """The column whose anchor is the last at or before x (with a little slack)."""
    k = 0
    for i, a in enumerate(anchors):
        if a <= x + 2.0:
            k = i
    return k


def _is_table(run: list[list[list]], anchors: list[float]) -> bool:
    used = [0] * len(anchors)
    for row in run:
        for seg in row:
            used[anchor_of(seg[0].x0, anchors)] += 1
    anchors[:] = [a for a, n in zip(anchors, used) if n >= 2]  # a column has cells in several rows
    if len(anchors) < 2:
        return False
    left, right = anchors[0], max(s[-1].x1 for row in run for s in row)
    width = max(right - left, 1.0)
    per_column: list[list[list]] = [[] for _ in anchors]
    for row in run:
        for seg in row:
            per_column[anchor_of(seg[0].x0, anchors)].append(seg)
    if len(anchors) == 2:  # a key column and values; two text columns are not a table
        return max(s[-1].x1 for s in per_column[0]) - left <= 0.3 * width
    # several text columns: wide, and most lines filling their column to a shared right edge
    for segs in per_column:
        size = statistics.median(s[0].size for s in segs)
        ends = [s[-1].x1 for s in segs]
        full = sum(1 for e in ends if e >= max(ends) - size)
        if max(ends) - min(s[0].x0 for s in segs) < 8 * size or full < 0.6 * len(segs) or len(segs) < 3:
            return True
    return False


def table_runs(segmented: list[list[list]], tops: list[float], bottoms: list[float],
               spaced: list[bool] | None = None) -> list[tuple[int, int, list[float]]]:
    """Runs (first row, last row, column anchors) of rows that read as an unruled table.

    A run is rows of two or more segments, each close under the one before; a row of one
    segment that starts at one of the run's later columns continues the cells above (a
    wrapped cell). A run needs three rows of several segments. Rows cut only at drawn spaces
    (`spaced`, `spaced_cuts`) whose cells do not line up are a paragraph with runs of spaces
    in it (a minutes page's 「開催場所    特別委員会室」 wrapped over lines), not a table.
    """
    found = []
    i, n = 0, len(segmented)
    while i < n:
        if len(segmented[i]) < 2:
            i += 1
            continue
        j, multi = i, 1
        starts = [(s[0].x0, s[0].size) for s in segmented[i]]
        while j + 1 < n:
            size = segmented[j][0][0].size
            if tops[j + 1] - bottoms[j] > 1.2 * size:
                break
            nxt = segmented[j + 1]
            if len(nxt) >= 2:
                multi += 1
            elif not nxt or nxt[0][0].x0 < _anchors(starts)[0] + 1.5 * size:
                break  # a line starting at the first column: text, not a wrapped cell
            starts += [(s[0].x0, s[0].size) for s in nxt]
            j += 1
        anchors = _anchors(starts)
        run = segmented[i:j + 1]
        typed = spaced is not None and all(spaced[k] for k in range(i, j + 1) if len(segmented[k]) >= 2)
        if multi >= 3 and _is_table(run, anchors) and not (typed and not _lined_up([r for r in run if len(r) >= 2])):
            found.append((i, j, anchors))
        i = j + 1
    return found


# ---------------------------------------------------------------- columns from the page's whitespace

def group_rows(chars: list) -> list[list]:
    """Group characters into rows: a character joins the row it overlaps vertically by 40% of its height.

    So a superscript or a bigger character stays in its line, and the next line
    (which at most touches this one) starts a new row.
    """
    rows: list[list] = []
    top = bottom = 0.0
    for ch in sorted(chars, key=lambda c: (c.top, c.x0)):
        height = max(ch.bottom - ch.top, 0.1)
        if rows and min(bottom, ch.bottom) - max(top, ch.top) >= 0.4 * min(height, bottom - top):
            rows[-1].append(ch)
            bottom = max(bottom, ch.bottom)
        else:
            rows.append([ch])
            top, bottom = ch.top, ch.bottom
    return rows


_HAIR = 0.3  # em: a gap narrower than this inside a row is no gap (spaced-out title characters)
_HEADING_GAP = 4.0  # em: a gap in a heading bigger than the body, up to this wide, is a space in it
_GUTTER = 0.8  # em: the narrowest gutter between columns
_FULL = 1.5  # em: a column line ending this close to the gutter fills its column
_COLUMN = 6.0  # em: the narrowest column


@dataclass(slots=True)
class Unit:
    """What the column finder orders: a row of characters, or a block read whole (a table, vertical
    text) with its box; `block` is the caller's and is given back as it is."""

    x0: float
    x1: float
    top: float
    bottom: float
    chars: list
    block: object = None
    spans: list = field(default_factory=list)  # the x extents it covers, gaps of a hair closed


def row_unit(chars: list, body_size: float) -> Unit:
    """A row of characters (spaces included: a drawn space covers its place) as a unit."""
    spans: list[list[float]] = []
    prev = None
    for c in sorted(chars, key=lambda c: c.x0):
        if spans and (c.x0 - spans[-1][1] < _HAIR * c.size
                      or (prev.size > body_size + 1 and c.size > body_size + 1
                          and c.x0 - spans[-1][1] < _HEADING_GAP * max(c.size, prev.size))):
            spans[-1][1] = max(spans[-1][1], c.x1)
        else:
            spans.append([c.x0, c.x1])
        prev = c
    return Unit(spans[0][0], max(s[1] for s in spans), min(c.top for c in chars), max(c.bottom for c in chars),
                chars, None, [(a, b) for a, b in spans])


def block_unit(box: tuple[float, float, float, float], block: object) -> Unit:
    x0, top, x1, bottom = box
    return Unit(x0, x1, top, bottom, [], block, [(x0, x1)])


@dataclass(slots=True)
class Region:
    """Units read one after another as one column (`slot`: single, full, left, right, colN.i)."""

    slot: str
    units: list[Unit]


@dataclass(slots=True)
class _Gutter:
    x0: float
    x1: float
    first: int  # the units [first, last] it runs beside
    last: int


def _pieces(a: float, b: float, spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The parts of [a, b] that `spans` (sorted, apart) leave empty, left to right."""
    out, at = [], a
    for s0, s1 in spans:
        if s1 <= at:
            continue
        if s0 >= b:
            break
        if s0 > at:
            out.append((at, s0))
        at = s1
        if at >= b:
            break
    if at < b:
        out.append((at, b))
    return out


def _grow(units: list[Unit], i: int, a: float, b: float, step: int, least: float) -> list[tuple[float, float, int]]:
    """The strip [a, b] beside unit i run on unit by unit (step 1: down, -1: up) as far as some
    part of it at least `least` wide stays empty; a unit that leaves two such parts (a third
    column beside a second) runs each on. Gives (a, b, the last unit beside it) for each."""
    out, todo = [], [(a, b, i)]
    while todo:
        a, b, j = todo.pop()
        k = j + step
        parts = [p for p in _pieces(a, b, units[k].spans) if p[1] - p[0] >= least] if 0 <= k < len(units) else []
        if parts:
            todo += [(p0, p1, k) for p0, p1 in parts]
        else:
            out.append((a, b, j))
    return out


def _gutters(units: list[Unit], size: float) -> list[_Gutter]:
    """Every empty vertical strip that separates text in some unit, run up and down as far as
    no unit covers it (narrowed to what stays empty): the whitespace of an XY cut."""
    least = _GUTTER * size
    found: list[_Gutter] = []
    for i, u in enumerate(units):
        for (_, a), (b, _) in zip(u.spans, u.spans[1:]):
            if b - a < least or any(g.first <= i <= g.last and g.x0 < b and a < g.x1 for g in found):
                continue
            for a1, b1, last in _grow(units, i, a, b, 1, least):
                for a2, b2, first in _grow(units, i, a1, b1, -1, least):
                    if not any((g.x0, g.x1, g.first, g.last) == (a2, b2, first, last) for g in found):
                        found.append(_Gutter(a2, b2, first, last))
    return found


def _sides(u: Unit, mid: float) -> tuple[float | None, float | None]:
    """The right end of what a unit holds left of `mid`, and the left end of what it holds right of it."""
    if u.block is not None:
        centre = (u.x0 + u.x1) / 2
        return (u.x1, None) if centre < mid else (None, u.x0)
    left = right = None
    for c in u.chars:
        if (c.x0 + c.x1) / 2 < mid:
            left = c.x1 if left is None else max(left, c.x1)
        else:
            right = c.x0 if right is None else min(right, c.x0)
    return left, right


def _columns_of(units: list[Unit], g: _Gutter, size: float, lo: float, hi: float,
                known: list[tuple[float, float]]) -> tuple[int, int, str] | None:
    """The units [s, e] the gutter makes two columns of, and on what evidence, or None.

    The stretch is cut to the rows with text on both sides, and around them the rows above
    (but from a right-hand line that does not start at the gutter: a date set flush right over
    the columns), the right column's rows below, and the left column's rows below as long as it
    runs on: up to its last line that fills the column, then at line spacing; or all of them
    when nothing under them crosses the gutter (a short second column, the end of an article).

    Evidence: both sides six ems wide or more and the gutter between a quarter and three
    quarters of the width, always. Then "own": three rows or more, and two left lines or more
    filling the left column (up to its edge where both columns run), half of the left lines or
    three with three lines or more on each side (two lines far apart, a date on a title's line,
    are not columns). Else
    "known": a gutter no wider than one of `known` (another stretch's, an earlier page's) by
    four ems lies over its middle. Else "weak": columns only another page could tell.
    """
    g0, g1 = g.x0, g.x1
    if not (lo + 0.25 * (hi - lo) <= (g0 + g1) / 2 <= lo + 0.75 * (hi - lo)) \
            or g0 - lo < _COLUMN * size or hi - g1 < _COLUMN * size:
        return None
    mid = (g0 + g1) / 2
    sides = {k: _sides(units[k], mid) for k in range(g.first, g.last + 1)}
    both = [k for k, (a, b) in sides.items() if a is not None and b is not None]
    if not both:
        return None
    s, e = both[0], both[-1]
    edge = max(sides[k][0] for k in both)  # the left column's edge where both columns run (a title above may jut out)
    while s > g.first and (sides[s - 1][1] is None or sides[s - 1][1] <= g1 + _FULL * size):
        s -= 1
    if g.last == len(units) - 1:
        e = g.last
    else:
        fills = [k for k in range(e + 1, g.last + 1)
                 if sides[k][0] is None or sides[k][0] >= edge - _FULL * size]
        e = max([e] + fills)
        while e < g.last and units[e + 1].top - units[e].bottom <= 0.8 * size:
            e += 1
    left = [sides[k][0] for k in range(s, e + 1) if sides[k][0] is not None]
    right = sum(1 for k in range(s, e + 1) if sides[k][1] is not None)
    full = sum(1 for x in left if x >= edge - _FULL * size)
    if e - s >= 2 and full >= 2 and (2 * full >= len(left) or (full >= 3 and right >= 3)):
        return s, e, "own"
    for k0, k1 in known:
        if g0 <= (k0 + k1) / 2 <= g1 and g1 - g0 <= k1 - k0 + 4 * size:
            return s, e, "known"
    return s, e, "weak"


def _is_text_side(rows: list[list], edge: float | None, size: float) -> bool:
    """Whether one side's pieces of some rows read as a column of text: most in one piece (no
    cells), and half of them or more filling it up to `edge` (None: the farthest right end)."""
    rows = [r for r in rows if r]
    if not rows:
        return False
    whole = sum(1 for r in rows if len(row_segments(r)) == 1)
    ends = [max(c.x1 for c in r) for r in rows]
    edge = max(ends) if edge is None else edge
    return whole >= 0.6 * len(rows) and 2 * sum(1 for x in ends if x >= edge - _FULL * size) >= len(rows)


def _holds_a_table(rows: list[list]) -> bool:
    """Whether some rows (one side's pieces) make an unruled table of their own."""
    rows = [r for r in rows if r]
    segmented = [row_segments(r) for r in rows]
    if sum(1 for x in segmented if len(x) >= 2) < 3:
        return False
    return bool(table_runs(segmented, [min(c.top for c in r) for r in rows], [max(c.bottom for c in r) for r in rows]))


def _splits_a_table(units: list[Unit], g: _Gutter, s: int, e: int, size: float) -> bool:
    """Whether the gutter runs through an unruled table (cells at tab stops on both sides of it,
    `table_runs`) rather than beside one.

    It runs beside one when left of it the stretch, or the table's rows, read as a column of text;
    or when the stretch holds three rows or more of two columns of text (a line on each side, no
    cells on the left) and one side of the table's rows is a column of text or a table of its
    own. A table's wrapped last column reads like text, and the columns before it make a table:
    without columns of text around, that is one table.
    """
    rows = [units[k].chars for k in range(s, e + 1) if units[k].block is None]
    mid = (g.x0 + g.x1) / 2
    lefts = [[c for c in r if (c.x0 + c.x1) / 2 < mid] for r in rows]
    if _is_text_side(lefts, g.x0, size):
        return False  # the stretch's left side is a column of text, a table in it or not
    segmented = [row_segments(r) for r in rows]
    if sum(1 for x in segmented if len(x) >= 2) < 3:
        return False
    tops = [min(c.top for c in r) for r in rows]
    bottoms = [max(c.bottom for c in r) for r in rows]
    rights = [[c for c in r if (c.x0 + c.x1) / 2 >= mid] for r in rows]
    # rows of two columns of text: a line on each side, the left one no row of cells
    text_rows = sum(1 for a, b in zip(lefts, rights) if a and b and len(row_segments(a)) == 1)
    for first, last, anchors in table_runs(segmented, tops, bottoms):
        if anchors[0] > mid or anchors[-1] < mid:
            continue  # the table lies on one side
        left, right = lefts[first:last + 1], rights[first:last + 1]
        if _is_text_side(left, g.x0, size):
            continue
        if text_rows < 3 or not (_is_text_side(right, None, size) or _holds_a_table(left) or _holds_a_table(right)):
            return True
    return False


def _split(units: list[Unit], mid: float, size: float) -> tuple[list[Unit], list[Unit]]:
    """The units' characters and blocks left and right of `mid`, as rows of each side: a row's
    part on one side is a row of that side unless its characters do not share a line (rows of
    two columns set at different line pitches), then they are grouped again."""
    sides: tuple[list[Unit], list[Unit]] = ([], [])
    for u in units:
        if u.block is not None:
            sides[(u.x0 + u.x1) / 2 >= mid].append(u)
            continue
        parts: tuple[list, list] = ([], [])
        for c in u.chars:
            parts[(c.x0 + c.x1) / 2 >= mid].append(c)
        for side, part in zip(sides, parts):
            if part and max(c.top for c in part) < min(c.bottom for c in part):
                side.append(row_unit(part, size))
            elif part:
                side += [row_unit(r, size) for r in group_rows(part)]
    for side in sides:
        side.sort(key=lambda u: u.top)
    return sides


class _Order:
    """The recursive cut: full-width stretches in place, column stretches column by column."""

    def __init__(self, size: float, hint: tuple[float, float] | None):
        self.size, self.hint = size, hint
        self.known: list[tuple[float, float]] = []  # the gutters found on this page on their own evidence, or taken
        self.hinted = False  # a stretch's columns hung on the hint, or could have
        self.gutter: tuple[float, float] | None = None  # the page's main gutter (beside the most rows)
        self.rows_of_gutter = 0
        self.bands = 0

    def _best(self, units: list[Unit]) -> tuple[int, int, _Gutter, str] | None:
        lo, hi = min(u.x0 for u in units), max(u.x1 for u in units)
        ranked = []
        for g in _gutters(units, self.size):
            cut = _columns_of(units, g, self.size, lo, hi, self.known)
            if cut is None:
                continue
            s, e, why = cut
            if why == "weak":
                self.hinted = True  # another page's gutter could decide
                if self.hint is None or _columns_of(units, g, self.size, lo, hi, [self.hint])[2] != "known":
                    continue
                why = "hint"
            ranked.append(((why == "own", e - s, g.x1 - g.x0), s, e, g, why))
        self.known += [(g.x0, g.x1) for key, _, _, g, _ in ranked if key[0] and (g.x0, g.x1) not in self.known]
        if not ranked:
            ranked = self._beside_known(units, lo, hi)
        for _, s, e, g, why in sorted(ranked, key=lambda r: r[0], reverse=True):
            if not _splits_a_table(units, g, s, e, self.size):
                return s, e, g, why
        return None

    def _beside_known(self, units: list[Unit], lo: float, hi: float) -> list:
        """Columns beside a gutter taken elsewhere on the page that no row has text on both sides
        of: a third column of two lines at the top, beside a second column that starts under them.
        The longest stretch of units that leave the gutter empty, with text on both sides of it."""
        found = []
        for k0, k1 in self.known:
            if not (lo + _COLUMN * self.size <= k0 and k1 <= hi - _COLUMN * self.size):
                continue
            runs, start = [], None
            for i, u in enumerate(units + [None]):
                empty = u is not None and any(p1 - p0 >= _GUTTER * self.size for p0, p1 in _pieces(k0, k1, u.spans))
                if empty and start is None:
                    start = i
                elif not empty and start is not None:
                    runs.append((start, i - 1))
                    start = None
            for s, e in runs:
                mid = (k0 + k1) / 2
                sides = [_sides(units[k], mid) for k in range(s, e + 1)]
                if any(a is not None for a, _ in sides) and any(b is not None for _, b in sides):
                    found.append(((False, e - s, k1 - k0), s, e, _Gutter(k0, k1, s, e), "known"))
        return found

    def leaves(self, units: list[Unit], band: int | None) -> list[tuple[list[Unit], int | None]]:
        """The units in reading order as leaves (units read as one column, their band: the
        outermost column stretch they lie in, None outside any)."""
        if not units:
            return []
        best = self._best(units)
        if best is None:
            return [(units, band)]
        s, e, g, why = best
        if (g.x0, g.x1) not in self.known:
            self.known.append((g.x0, g.x1))
        if band is None:
            self.bands += 1
            inner = self.bands
            if e - s + 1 > self.rows_of_gutter:  # a gutter taken on the hint's word is the hint, carried on
                self.gutter, self.rows_of_gutter = self.hint if why == "hint" else (g.x0, g.x1), e - s + 1
        else:
            inner = band
        left, right = _split(units[s:e + 1], (g.x0 + g.x1) / 2, self.size)
        return (self.leaves(units[:s], band) + self.leaves(left, inner) + self.leaves(right, inner)
                + self.leaves(units[e + 1:], band))


def reading_regions(units: list[Unit], body_size: float, hint: tuple[float, float] | None = None
                    ) -> tuple[list[Region], tuple[float, float] | None, bool]:
    """The page body's units (rows and blocks, top to bottom) as regions in reading order.

    A recursive XY cut on the whitespace: the gutter beside the most rows (`_columns_of` says
    which gutters make columns) cuts the units into the stretch above it, its left column, its
    right column and the stretch below, each cut again the same way. So a title, a banner or
    a footer over the columns stays whole and in place, a short second column is read after
    the first, three columns are read left to right, and a page whose columns change down the
    page is read stretch by stretch.

    Gives (regions, the page's main gutter or None, whether a stretch's columns hung on `hint`
    or could have: read with another hint, the page may come out otherwise). Slots: "single"
    on a page without columns; else "full" outside them, "left"/"right" in two columns,
    "colN.i" in N columns otherwise.
    """
    order = _Order(body_size, hint)
    leaves = order.leaves(units, None)
    by_band: dict[int, list[tuple[float, float]]] = defaultdict(list)
    for leaf, band in leaves:
        if band is not None:
            by_band[band].append((min(u.x0 for u in leaf), max(u.x1 for u in leaf)))
    columns: dict[int, list[tuple[float, float]]] = {}
    for band, extents in by_band.items():
        merged: list[list[float]] = []
        for a, b in sorted(extents):
            if merged and a < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        columns[band] = [(a, b) for a, b in merged]
    regions = []
    for leaf, band in leaves:
        if band is None:
            slot = "full" if order.bands else "single"
        else:
            cols = columns[band]
            x = min(u.x0 for u in leaf)
            i = max(k for k, (a, _) in enumerate(cols) if a <= x)
            slot = ("left", "right")[i] if len(cols) == 2 else f"col{len(cols)}.{i}"
        regions.append(Region(slot, leaf))
    return regions, order.gutter, order.hinted
