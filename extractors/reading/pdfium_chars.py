"""The characters of plain PDF pages through pdfium: the fast way to read most pages.

pdfplumber gets a page's characters from pdfminer, which parses the page's content stream in
Python: ~85% of the time of reading a PDF goes there. pdfium (`pypdfium2`, which pdfplumber
already depends on) does the same in C, about ten times faster. Each character is boxed as
pdfminer boxes it: from its origin, the font size scaled by the text matrix and the font's
descent (an Adobe standard font's from pdfminer's own AFM table); its right edge is the end of
pdfium's box, which takes in a glyph reaching past its advance. Two differences remain, both
small: pdfium applies character spacing after the last glyph of a string too (as the PDF
specification says; pdfminer does not), so characters can drift by a fraction of a point per
string along a line, and it keeps one space of a run of drawn spaces. A space pdfium's text page
leaves out altogether (one set as a text object of its own, which draws nothing: browsers print
spaces so) is added back from the page's objects (`_blank_objects`). On every sample, benchmark
and browser-printed PDF the documents read either way are the same (tests/reading/test_pdfium_chars.py).

Only plain pages take this way. A page is left to pdfplumber (`PdfiumPages.chars` gives None),
so that what it reads stays what it was, when it:
  - has no visible character (blank, or scanned: `needs_ocr` decides on the pdfplumber page);
  - has a character without a Unicode mapping, a private-use or replacement character (the
    unmapped-glyph warning and the OCR decision are pdfplumber's);
  - has a character not drawn upright (rotated or mirrored: the rotated-character warning), or
    a string shown down the page (a vertical font, which pdfminer boxes otherwise);
  - draws rules of which pdfplumber's table finder could make a table the reader keeps
    (`_may_have_table`: the finder on edges made of pdfium's paths, a superset of
    pdfplumber's), or a path inside a form XObject;
  - uses a font pdfium cannot name (Type 3);
  - has a crop box other than its media box at the origin, or a /Rotate (the coordinates).
On the benchmark corpus (running headers, no tables) every page of the long PDFs is plain.
`Settings.pdfium_chars` off reads every page through pdfplumber.

pdfium is not thread-safe, not even across documents: every call into it, here and in OCR's
rendering, holds `PDFIUM_LOCK`.
"""
from __future__ import annotations

import ctypes
import threading

import pypdfium2
import pypdfium2.raw as pdfium_c
from pdfminer.fontmetrics import FONT_METRICS

from extractors.reading.tables import has_ruled_table

PDFIUM_LOCK = threading.RLock()

_PATH, _FORM, _TEXT = pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM, pdfium_c.FPDF_PAGEOBJ_TEXT
_MOVETO, _LINETO = pdfium_c.FPDF_SEGMENT_MOVETO, pdfium_c.FPDF_SEGMENT_LINETO


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
    if _may_have_table(page):
        return None
    height = box[3]
    textpage = page.get_textpage()
    try:
        chars = _chars(textpage.raw, height)
    finally:
        textpage.close()
    return chars + _blank_objects(page, height) if chars is not None else None


def _blank_objects(page, height: float) -> list[tuple[str, float, float, float, float, float]]:
    """The drawn spaces pdfium's text page leaves out: a text object that draws nothing (a space
    set on its own, as browsers print one in another font than its neighbours) is not read at
    all, and a space pdfium makes up in its place is a generated one. pdfminer reads it as the
    space it is, one character from the object's origin, as wide as the font's space."""
    out = []
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    size, width = ctypes.c_float(), ctypes.c_float()
    matrix = pdfium_c.FS_MATRIX()
    for i in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        obj = pdfium_c.FPDFPage_GetObject(page.raw, i)
        if pdfium_c.FPDFPageObj_GetType(obj) != _TEXT:
            continue
        if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top) or right.value - left.value >= 0.01:
            continue  # pdfium reads a text object at least this wide (its kSizeEpsilon)
        font = pdfium_c.FPDFTextObj_GetFont(obj)
        if not (font and pdfium_c.FPDFPageObj_GetMatrix(obj, matrix) and pdfium_c.FPDFTextObj_GetFontSize(obj, size)):
            continue
        if matrix.b != 0 or matrix.c != 0 or matrix.a <= 0 or matrix.d <= 0:
            continue  # not upright: such a page is pdfplumber's anyway
        name = _base_name(font)
        if name in FONT_METRICS:
            descent = FONT_METRICS[name][0].get("Descent", 0)
        else:
            out_descent = ctypes.c_float()
            descent = out_descent.value if pdfium_c.FPDFFont_GetDescent(font, ctypes.c_float(1000.0), out_descent) else 0.0
        em = size.value * matrix.d
        advance = width.value * matrix.a if pdfium_c.FPDFFont_GetGlyphWidth(font, 0x20, size.value, width) else 0.0
        base = height - (matrix.f - abs(descent) / 1000 * em)
        out.append((" ", matrix.e, matrix.e + advance, base - em, base, em))
    return out


def _may_have_table(page) -> bool:
    """Whether pdfplumber's table finder could find a table on the page that the reader keeps (one
    of two rows and two columns at least), erring towards yes.

    The finder ("lines" strategy, `tables.ruled_tables`) runs here on edges made as pdfplumber
    makes them of pdfminer's lines, rectangles and curves (`tables.has_ruled_table`), from every
    painted path's straight pieces and curve points. They are a superset of pdfplumber's: a
    polygon's closing side counts, and so do pieces level to 0.01 pt, where pdfplumber wants them
    exactly level; more edges never take a table away. So a running header's rule, a framed box,
    round bullets or a page-sized background leave the page plain, and a ruled table does not.
    A rotated or skewed drawing, or a path inside a form XObject: yes.
    """
    height = page.get_height()
    edges: list[dict] = []

    def edge(a: tuple[float, float], b: tuple[float, float], bent: bool) -> None:
        x0, x1, top, bottom = min(a[0], b[0]), max(a[0], b[0]), height - max(a[1], b[1]), height - min(a[1], b[1])
        if bottom - top < 0.01:
            top = bottom = (top + bottom) / 2
            orientation = "h"
        elif x1 - x0 < 0.01:
            x0 = x1 = (x0 + x1) / 2
            orientation = "v"
        elif not bent:
            orientation = "v"  # pdfplumber's line: "h" when level, else "v"
        else:
            return  # a slanted piece of a curve: no edge
        edges.append({"x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0,
                      "height": bottom - top, "orientation": orientation, "object_type": "edge"})

    x, y = ctypes.c_float(), ctypes.c_float()
    matrix = pdfium_c.FS_MATRIX()
    for i in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        obj = pdfium_c.FPDFPage_GetObject(page.raw, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == _FORM and _form_draws(obj):
            return True
        if kind != _PATH:
            continue
        if not pdfium_c.FPDFPageObj_GetMatrix(obj, matrix) or matrix.b != 0 or matrix.c != 0:
            return True
        subpaths: list[list] = []  # their points, and whether a curve runs through them
        for j in range(pdfium_c.FPDFPath_CountSegments(obj)):
            segment = pdfium_c.FPDFPath_GetPathSegment(obj, j)
            kind = pdfium_c.FPDFPathSegment_GetType(segment)
            if not pdfium_c.FPDFPathSegment_GetPoint(segment, x, y):
                return True
            point = (matrix.a * x.value + matrix.e, matrix.d * y.value + matrix.f)
            if kind == _MOVETO or not subpaths:
                subpaths.append([[point], False])
            else:
                subpaths[-1][0].append(point)
                subpaths[-1][1] |= kind != _LINETO
            if pdfium_c.FPDFPathSegment_GetClose(segment):
                subpaths[-1][0].append(subpaths[-1][0][0])
        for points, curved in subpaths:
            bent = curved or len(points) > 2  # pdfminer's curve or rectangle, not a line
            for a, b in zip(points, points[1:]):
                edge(a, b, bent)
    return bool(edges) and has_ruled_table(edges, (0.0, 0.0, page.get_width(), height))


def _form_draws(form) -> bool:
    """Whether a form XObject paints a path, at any depth."""
    for i in range(pdfium_c.FPDFFormObj_CountObjects(form)):
        obj = pdfium_c.FPDFFormObj_GetObject(form, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == _PATH or (kind == _FORM and _form_draws(obj)):
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


def _prototype(function, restype, *argtypes):
    """`function` of pdfium called through a prototype of plain addresses: the per-character calls of `_chars`
    take the text page's and the out-parameters' addresses as ints and give a text object's as an int, where
    pypdfium2's typed pointers cost a conversion (and a cast, for a dict key) per call."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(function, ctypes.c_void_p).value)


_VOID_P, _INT = ctypes.c_void_p, ctypes.c_int
_IS_GENERATED = _prototype(pdfium_c.FPDFText_IsGenerated, _INT, _VOID_P, _INT)
_GET_UNICODE = _prototype(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint, _VOID_P, _INT)
_GET_TEXT_OBJECT = _prototype(pdfium_c.FPDFText_GetTextObject, _VOID_P, _VOID_P, _INT)
_GET_LOOSE_CHAR_BOX = _prototype(pdfium_c.FPDFText_GetLooseCharBox, _INT, _VOID_P, _INT, _VOID_P)
_GET_CHAR_ORIGIN = _prototype(pdfium_c.FPDFText_GetCharOrigin, _INT, _VOID_P, _INT, _VOID_P, _VOID_P)
_PAGE_OBJECT = pdfium_c.FPDFText_GetTextObject.restype  # pypdfium2's pointer type, for `_object_metrics`


def _chars(textpage, height: float) -> list[tuple[str, float, float, float, float, float]] | None:
    count = pdfium_c.FPDFText_CountChars(textpage)
    if count <= 0:
        return None
    box = pdfium_c.FS_RECTF()
    x, y = ctypes.c_double(), ctypes.c_double()
    page, box_at, x_at, y_at = ctypes.cast(textpage, _VOID_P).value, ctypes.addressof(box), \
        ctypes.addressof(x), ctypes.addressof(y)
    is_generated, get_unicode, get_text_object = _IS_GENERATED, _GET_UNICODE, _GET_TEXT_OBJECT
    get_box, get_origin = _GET_LOOSE_CHAR_BOX, _GET_CHAR_ORIGIN
    objects: dict = {}
    out = []
    last = (None, 0.0, 0.0)  # the text object of the character before, its origin and baseline
    visible = False
    high = 0  # a high surrogate waiting for its low half
    for k in range(count):
        if is_generated(page, k):
            continue  # a space or line break pdfium made up: pdfminer has none
        code = get_unicode(page, k)
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
        key = get_text_object(page, k)  # (the text object's address, or None)
        metrics = objects[key] if key in objects else \
            _object_metrics(textpage, k, ctypes.cast(key, _PAGE_OBJECT) if key else None, key, objects)
        if metrics is None:
            return None
        size, descent = metrics
        if not get_box(page, k, box_at) or not get_origin(page, k, x_at, y_at):
            return None
        # pdfium's box spans the advance and the glyph's own outline: pdfminer's starts at the origin
        right = box.right
        xv, yv = x.value, y.value
        if key is not None and last[0] == key and abs(yv - last[2]) > 0.01:
            return None  # one string shown down the page: vertical writing, which pdfminer boxes otherwise
        text = chr(code)
        visible = visible or not text.isspace()
        if key is not None and last[0] == key and xv == last[1] and out:
            # one glyph, several characters (a ligature, "fi"): pdfminer's one character with its text
            t, x0, x1, top, bottom, size0 = out[-1]
            out[-1] = (t + text, x0, max(x1, right), top, bottom, size0)
            continue
        last = (key, xv, yv)
        bottom = yv + descent
        out.append((text, xv, right, height - bottom - size, height - bottom, size))
    return out if visible else None
