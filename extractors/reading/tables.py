"""Ruled tables on a PDF page, through pdfplumber's table finder.

Takes a pdfplumber page and gives its ruled tables as rows of cell boxes `(x0, top, x1, bottom)`
(None where a merged cell has no box of its own), top to bottom. The finder is run only when the
page draws at least two vertical rules and two horizontal ones: a running header's rule or an
underline is no table, and the finder's cost is then saved.
"""
from __future__ import annotations

Box = tuple[float, float, float, float]


def _has_grid(page) -> bool:
    vertical = horizontal = 0
    for line in page.lines:
        if abs(line["x0"] - line["x1"]) < 1:
            vertical += 1
        elif abs(line["top"] - line["bottom"]) < 1:
            horizontal += 1
    for rect in page.rects:  # a rectangle (a cell, a frame) has both kinds of sides
        if rect["width"] > 1 and rect["height"] > 1:
            vertical += 2
            horizontal += 2
    return vertical >= 2 and horizontal >= 2


_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}


def ruled_tables(page) -> list[list[list[Box | None]]]:
    """The page's ruled tables (pdfplumber's "lines" strategy), each as rows of cell boxes."""
    if not _has_grid(page):
        return []
    return _kept(page.find_tables(_SETTINGS))


def _kept(tables) -> list[list[list[Box | None]]]:
    out = []
    for table in sorted(tables, key=lambda t: t.bbox[1]):
        rows = [list(row.cells) for row in table.rows]
        if len(rows) >= 2 and max(len(r) for r in rows) >= 2:  # a framed box of text is no table
            out.append(rows)
    return out


class _Edges:
    """What pdfplumber's table finder reads of a page with the "lines" strategy: its edges, its box."""

    def __init__(self, edges: list[dict], bbox: Box):
        self.edges, self.bbox = edges, bbox


def has_ruled_table(edges: list[dict], bbox: Box) -> bool:
    """Whether pdfplumber's table finder makes a table `ruled_tables` keeps of these edges (dicts
    as pdfplumber's `page.edges`: x0, x1, top, bottom, width, height, orientation "h" or "v")."""
    from pdfplumber.table import TableFinder, TableSettings

    return bool(_kept(TableFinder(_Edges(edges, bbox), TableSettings.resolve(_SETTINGS)).tables))
