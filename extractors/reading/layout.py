"""Page layout from positioned characters: vertical writing, and tables drawn as text.

Takes characters (anything with `text`, `x0`, `x1`, `top`, `bottom`, `size`; pdf.py's `_Char`)
and rows of them, and gives groupings in reading order; pdf.py turns them into lines:

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

_STACK_GAP = 0.3  # em: stacked characters of a vertical column touch (or nearly)
_ROW_GAP = 0.3  # em: a character closer than this to a row neighbour is set horizontally
_SEGMENT_GAP = 0.9  # em beyond the row's usual spacing: a cell or column break


def _centre(c) -> float:
    return (c.x0 + c.x1) / 2


def split_vertical(chars: list, rows: list[list]) -> tuple[list[list], list]:
    """(vertical columns right to left, each top to bottom; the characters not in one)."""
    lonely = []  # characters with no close neighbour in their row
    for row in rows:
        row = sorted(row, key=lambda c: c.x0)
        for i, c in enumerate(row):
            near = _ROW_GAP * c.size
            left = i > 0 and c.x0 - row[i - 1].x1 < near
            right = i + 1 < len(row) and row[i + 1].x0 - c.x1 < near
            if not (left or right) and not c.text.isspace():
                lonely.append(c)
    if len(lonely) < 3:
        return [], chars
    # stack lonely characters on a shared axis (buckets of a third of an em), top to bottom
    axes: dict[int, list] = defaultdict(list)
    for c in lonely:
        axes[round(_centre(c) / max(c.size / 3, 1.0))].append(c)
    columns = []
    taken: set[int] = set()
    for key in sorted(axes):
        if id(axes[key][0]) in taken:
            continue
        stack = sorted((c for k in (key - 1, key, key + 1) for c in axes.get(k, ()) if id(c) not in taken),
                       key=lambda c: c.top)
        run: list = []
        for c in stack:
            if run and (c.top - run[-1].bottom > _STACK_GAP * c.size or abs(_centre(c) - _centre(run[-1])) > 0.3 * c.size):
                if len(run) >= 3:
                    columns.append(run)
                    taken.update(id(x) for x in run)
                run = []
            run.append(c)
        if len(run) >= 3:
            columns.append(run)
            taken.update(id(x) for x in run)
    if not columns or (len(columns) == 1 and len(columns[0]) < 5):
        return [], chars
    columns.sort(key=lambda col: -_centre(col[0]))
    return columns, [c for c in chars if id(c) not in taken]


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


def table_runs(segmented: list[list[list]], tops: list[float], bottoms: list[float]) -> list[tuple[int, int, list[float]]]:
    """Runs (first row, last row, column anchors) of rows that read as an unruled table.

    A run is rows of two or more segments, each close under the one before; a row of one
    segment that starts at one of the run's later columns continues the cells above (a
    wrapped cell). A run needs three rows of several segments.
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
        if multi >= 3 and _is_table(run, anchors):
            found.append((i, j, anchors))
        i = j + 1
    return found
