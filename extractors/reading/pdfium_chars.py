"""The characters of plain PDF pages through pdfium: the fast way to read most pages.

pdfplumber gets a page's characters from pdfminer, which parses the page's content stream in
Python: ~85% of the time of reading a PDF goes there. pdfium (`pypdfium2`, which pdfplumber
already depends on) does the same in C, about ten times faster. Each character is boxed as
pdfminer boxes it: from its origin, the font size scaled by the text matrix and the font's
descent (an Adobe standard font's from pdfminer's own AFM table); its right edge is the end of
pdfium's box, which takes in a glyph reaching past its advance. Two differences remain, both
small: pdfium applies character spacing after the last glyph of a string too (as the PDF
specification says; pdfminer does not), so characters can drift by a fraction of a point per
string along a line, and it leaves out some drawn spaces. On every sample, benchmark and
browser-printed PDF the documents read either way are the same (tests/reading/test_pdfium_chars.py).

Only plain pages take this way. A page is left to pdfplumber (`PdfiumPages.chars` gives None),
so that what it reads stays what it was, when it:
  - has no visible character (blank, or scanned: `needs_ocr` decides on the pdfplumber page);
  - has a character without a Unicode mapping, a private-use or replacement character (the
    unmapped-glyph warning and the OCR decision are pdfplumber's);
  - has a character not drawn upright (rotated or mirrored: the rotated-character warning), or
    a string shown down the page (a vertical font, which pdfminer boxes otherwise);
  - draws rules that could make a ruled table: two vertical and two horizontal strokes, where
    any path that is not a thin line counts as both, as a rectangle does in
    `tables._has_grid` (the table finder works on pdfplumber's objects);
  - uses a font pdfium cannot name (Type 3);
  - has a crop box other than its media box at the origin, or a /Rotate (the coordinates).
On the benchmark corpus (running headers, no tables) every page of the long PDFs is plain.
`Settings.pdfium_chars` off reads every page through pdfplumber.

pdfium is not thread-safe, not even across documents: every call into it, here and in OCR's
rendering, holds `PDFIUM_LOCK`.
"""
from __future__ import annotations

import ctypes
import math
import threading

import pypdfium2
import pypdfium2.raw as pdfium_c
from pdfminer.fontmetrics import FONT_METRICS

PDFIUM_LOCK = threading.RLock()

_TEXT, _PATH, _FORM = pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM
_MOVETO = pdfium_c.FPDF_SEGMENT_MOVETO
_THIN = 1.0  # pt: a path thinner than this across is a rule (a line), as tables._has_grid judges one


def _unreadable(code: int) -> bool:
    """A code that does not say what the glyph is: none, a control, private use, a replacement."""
    return code < 0x20 or 0xE000 <= code <= 0xF8FF or code >= 0xF0000 or code in (0xFFFD, 0xFFFE, 0xFFFF)


class PdfiumPages:
    """A PDF opened with pdfium, for the characters of its plain pages.

    `open` gives None when pdfium cannot open the bytes: then every page is pdfplumber's.
    Use as a context manager, or call `close`.
    """

    def __init__(self, doc: pypdfium2.PdfDocument):
        self._doc = doc

    @classmethod
    def open(cls, content: bytes) -> PdfiumPages | None:
        with PDFIUM_LOCK:
            try:
                return cls(pypdfium2.PdfDocument(content))
            except Exception:
                return None

    def close(self) -> None:
        with PDFIUM_LOCK:
            self._doc.close()

    def __enter__(self) -> PdfiumPages:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def chars(self, index: int) -> list[tuple[str, float, float, float, float, float]] | None:
        """Page `index`'s (0-based) drawn characters as (text, x0, x1, top, bottom, size), in pdfplumber's
        coordinates (points, top from the top of the page), or None: the page is not plain."""
        with PDFIUM_LOCK:
            try:
                page = self._doc[index]
            except Exception:
                return None
            try:
                return _plain_chars(page)
            except Exception:
                return None  # whatever pdfium says about it, pdfplumber reads the page (and reports)
            finally:
                page.close()


def _plain_chars(page) -> list[tuple[str, float, float, float, float, float]] | None:
    if page.get_rotation() % 360:
        return None
    box = tuple(page.get_mediabox())
    if box[:2] != (0, 0) or tuple(page.get_cropbox()) != box:
        return None
    if _may_have_grid(page):
        return None
    height = box[3]
    textpage = page.get_textpage()
    try:
        return _chars(textpage.raw, height)
    finally:
        textpage.close()


def _may_have_grid(page) -> bool:
    """Whether the page's paths could count as a grid for `tables._has_grid` (erring towards yes)."""
    vertical = horizontal = 0
    for obj in page.get_objects(filter=(_PATH,), max_depth=15):
        left, bottom, right, top = obj.get_bounds()
        fill, stroke, width = ctypes.c_int(), ctypes.c_int(), ctypes.c_float()
        if pdfium_c.FPDFPath_GetDrawMode(obj.raw, fill, stroke) and stroke.value \
                and pdfium_c.FPDFPageObj_GetStrokeWidth(obj.raw, width):
            m = obj.get_matrix()  # pdfium's bounds grow by the pen's width on each side: pdfminer's line has none
            pen = width.value * math.sqrt(abs(m.a * m.d - m.b * m.c))
            left, bottom, right, top = left + pen, bottom + pen, right - pen, top - pen
        if right - left < _THIN or top - bottom < _THIN:
            # a rule: pdfminer makes one line of each of its subpaths
            count = max(1, sum(
                pdfium_c.FPDFPathSegment_GetType(pdfium_c.FPDFPath_GetPathSegment(obj.raw, i)) == _MOVETO
                for i in range(pdfium_c.FPDFPath_CountSegments(obj.raw))))
            if right - left < _THIN:
                vertical += count
            else:
                horizontal += count
        else:  # a rectangle, a curve or a shape of several strokes: both kinds, as a rectangle
            vertical += 2
            horizontal += 2
        if vertical >= 2 and horizontal >= 2:
            return True
    return False


def _base_name(font) -> str:
    size = pdfium_c.FPDFFont_GetBaseFontName(font, None, 0)
    if size <= 1:
        return ""
    buffer = ctypes.create_string_buffer(size)
    pdfium_c.FPDFFont_GetBaseFontName(font, buffer, size)
    return buffer.value.decode("utf-8", "replace")


def _object_metrics(textpage, k: int, obj, key: int | None, cache: dict) -> tuple[float, float] | None:
    """(height, descent) in points of the characters of the text object drawing character k, as
    pdfminer makes a character's box: the font size scaled by the text matrix, and the font's
    descent (an Adobe standard font's from its AFM metrics, as pdfminer takes it, else the font's
    own). None: not upright, or a font pdfium cannot name (a Type 3 font)."""
    if key in cache:
        return cache[key]
    metrics = None
    matrix = pdfium_c.FS_MATRIX()
    font = pdfium_c.FPDFTextObj_GetFont(obj) if obj else None
    name = _base_name(font) if font else ""
    if name and pdfium_c.FPDFText_GetMatrix(textpage, k, matrix) and matrix.b == 0 == matrix.c \
            and matrix.a > 0 and matrix.d > 0:
        height = pdfium_c.FPDFText_GetFontSize(textpage, k) * matrix.d
        if name in FONT_METRICS:
            descent = FONT_METRICS[name][0].get("Descent", 0)
        else:
            out = ctypes.c_float()
            descent = out.value if pdfium_c.FPDFFont_GetDescent(font, ctypes.c_float(1000.0), out) else 0.0
        metrics = (height, -abs(descent) / 1000 * height)
    cache[key] = metrics
    return metrics


def _chars(textpage, height: float) -> list[tuple[str, float, float, float, float, float]] | None:
    count = pdfium_c.FPDFText_CountChars(textpage)
    if count <= 0:
        return None
    box = pdfium_c.FS_RECTF()
    x, y = ctypes.c_double(), ctypes.c_double()
    objects: dict = {}
    out = []
    last = (None, 0.0, 0.0)  # the text object of the character before, its origin and baseline
    visible = False
    high = 0  # a high surrogate waiting for its low half
    for k in range(count):
        if pdfium_c.FPDFText_IsGenerated(textpage, k):
            continue  # a space or line break pdfium made up: pdfminer has none
        code = pdfium_c.FPDFText_GetUnicode(textpage, k)
        if 0xD800 <= code <= 0xDBFF:
            high = code
            continue
        if 0xDC00 <= code <= 0xDFFF:
            if not high:
                return None
            code, high = 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00), 0
        if code in (0x0A, 0x0D):
            continue
        if _unreadable(code) and code != 0x09:
            return None
        obj = pdfium_c.FPDFText_GetTextObject(textpage, k)
        key = ctypes.cast(obj, ctypes.c_void_p).value
        metrics = _object_metrics(textpage, k, obj, key, objects)
        if metrics is None:
            return None
        size, descent = metrics
        if not pdfium_c.FPDFText_GetLooseCharBox(textpage, k, box) or \
                not pdfium_c.FPDFText_GetCharOrigin(textpage, k, x, y):
            return None
        # pdfium's box spans the advance and the glyph's own outline: pdfminer's starts at the origin
        right = box.right
        if key is not None and last[0] == key and abs(y.value - last[2]) > 0.01:
            return None  # one string shown down the page: vertical writing, which pdfminer boxes otherwise
        text = chr(code)
        visible = visible or not text.isspace()
        if key is not None and last[0] == key and x.value == last[1] and out:
            # one glyph, several characters (a ligature, "fi"): pdfminer's one character with its text
            t, x0, x1, top, bottom, size0 = out[-1]
            out[-1] = (t + text, x0, max(x1, right), top, bottom, size0)
            continue
        last = (key, x.value, y.value)
        bottom = y.value + descent
        out.append((text, x.value, right, height - bottom - size, height - bottom, size))
    return out if visible else None
