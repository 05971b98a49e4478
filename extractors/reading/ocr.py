"""OCR for PDF pages without a usable text layer: Tesseract (`jpn`) through pytesseract.

A page needs OCR (`needs_ocr`) when something is drawn on it but it has no
characters, or when most of its characters cannot be read: glyphs without a
Unicode mapping (pdfplumber gives them as "(cid:N)"), private-use code points
or U+FFFD. Such a page is rendered with pdfium at `ocr_dpi` (less for a page
so big it would pass 40 million pixels) and read by Tesseract with `ocr_lang`
(`ocr_page`).

The result is the page's lines (`OcrLine`) in reading order with their boxes in
PDF points, so that extractors.reading.pdf lays them out like the lines of a text
page (running headers dropped, wrapped lines joined). Tesseract splits
Japanese into "words" at random and puts spaces between them: a line's words
are joined with no space between Japanese characters, and a space only next to
a Latin letter or digit that stands apart (`_join_words`); a bullet read as
the numeral 〇 becomes ○ again.

`ocr_unavailable(settings)` says why OCR cannot run (no tesseract binary, no
language data), or None; the answer is cached per command and language.
Tesseract runs with OMP_THREAD_LIMIT=1 unless the environment says otherwise:
on a small machine its threads make it about three times slower.
"""
from __future__ import annotations

import functools
import importlib.util
import os
import re
import shutil
import statistics
import subprocess
import threading
from dataclasses import dataclass

from extractors.reading.normalize import normalize_chars
from extractors.reading.pdfium_chars import PDFIUM_LOCK
from extractors.settings import Settings

INSTALL_HINT = "install it with `apt install tesseract-ocr tesseract-ocr-jpn` (scripts/setup.sh does)"
_MOSTLY = 0.5  # a page whose unreadable characters are more than this share of its characters is OCRed
_PAGE_TIMEOUT = 300  # seconds Tesseract may take on one page
_MAX_PIXELS = 40_000_000  # a bigger page (a poster, a hostile MediaBox) is rendered at a lower resolution
_LOCK = threading.Lock()  # pytesseract reads the command from a module global: one page at a time
_BULLET = re.compile(r"^〇(?![〇一二三四五六七八九十百千])")  # Tesseract reads the bullet ○ as the numeral 〇


@dataclass(frozen=True, slots=True)
class OcrLine:
    """One line Tesseract read; boxes in PDF points from the page's top left corner."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float  # the line height, the same for every line of a paragraph
    block: int  # Tesseract's block: a column or a separate piece of text


# ---------------------------------------------------------------- which pages

def _unreadable(text: str) -> bool:
    """A character that does not say what it is: an unmapped glyph, a private-use or replacement character."""
    if text.startswith("(cid:"):
        return True
    return any(0xE000 <= ord(c) <= 0xF8FF or ord(c) >= 0xF0000 or c == "\ufffd" for c in text)


def needs_ocr(page) -> bool:
    """Whether a pdfplumber page must be read from its image: something drawn, but no readable text."""
    visible = [ch["text"] for ch in page.chars if not ch["text"].isspace()]
    if visible:
        return sum(map(_unreadable, visible)) > _MOSTLY * len(visible)
    return bool(page.images or page.curves or page.rects or page.lines)  # a blank page has nothing to read


# ---------------------------------------------------------------- is Tesseract there

@functools.lru_cache(maxsize=None)
def _unavailable(cmd: str, lang: str) -> str | None:
    path = shutil.which(cmd)
    if path is None:
        return f"the Tesseract program {cmd!r} was not found"
    try:
        out = subprocess.run([path, "--list-langs"], capture_output=True, text=True, timeout=60, check=True).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        return f"{cmd} --list-langs failed: {exc}"
    installed = {line.strip() for line in out.splitlines()[1:]}  # the first line is a heading
    missing = [name for name in lang.split("+") if name not in installed]
    if missing:
        return f"Tesseract has no language data for {'+'.join(missing)}"
    return None


def ocr_unavailable(settings: Settings) -> str | None:
    """Why OCR cannot be used with these settings (a sentence ending in how to install it), or None."""
    if not settings.ocr:
        return "OCR is turned off (ocr=False)"
    if importlib.util.find_spec("pytesseract") is None:
        return "the Python package pytesseract is not installed: run scripts/setup.sh"
    reason = _unavailable(settings.tesseract_cmd, settings.ocr_lang)
    return f"{reason}: {INSTALL_HINT}" if reason else None


# ---------------------------------------------------------------- reading a page

def _is_western(c: str) -> bool:
    return not c.isspace() and (ord(c) < 0x2000 or 0x2018 <= ord(c) <= 0x201F)


def _join_words(words: list[tuple[str, int, int]], height: int) -> str:
    """A line's words (text, left, right in pixels) as one string.

    No space between two Japanese characters; a space between two western
    words set apart by more than a fifth of the line height (a word space, not
    Tesseract's "(1 )"), and between a western and a Japanese word set apart by
    more than half of it (「サミット in 川口」, not 「第 5 回」).
    """
    out = ""
    prev_right = 0
    for text, left, right in words:
        if out:
            western = _is_western(out[-1]) + _is_western(text[0])
            if western and left - prev_right > height / (5 if western == 2 else 2):
                out += " "
        out += text
        prev_right = right
    return out


def _lines(data: dict, scale: float) -> list[OcrLine]:
    """Tesseract's TSV (as pytesseract's dict) to lines, in its reading order; `scale` is points per pixel."""
    boxes = {}  # (block, par, line) -> the line's box, from the level-4 rows
    words: dict[tuple[int, int, int], list[tuple[str, int, int]]] = {}
    for i in range(len(data["text"])):
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        left, top, width, height = data["left"][i], data["top"][i], data["width"][i], data["height"][i]
        if data["level"][i] == 4:
            boxes[key] = (left, top, left + width, top + height)
        elif data["level"][i] == 5:
            text = normalize_chars(data["text"][i].strip())
            if text:
                words.setdefault(key, []).append((text, left, left + width))
    sizes: dict[tuple[int, int], list[int]] = {}
    for key in words:
        sizes.setdefault(key[:2], []).append(boxes[key][3] - boxes[key][1])
    lines = []
    for key, ws in words.items():
        x0, top, x1, bottom = (v * scale for v in boxes[key])
        text = _BULLET.sub("○", _join_words(ws, boxes[key][3] - boxes[key][1]))
        lines.append(OcrLine(text, x0, top, x1, bottom, statistics.median(sizes[key[:2]]) * scale, key[0]))
    return lines


def _tesseract_data(image, settings: Settings) -> dict:
    import pytesseract

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    with _LOCK:
        pytesseract.pytesseract.tesseract_cmd = settings.tesseract_cmd
        return pytesseract.image_to_data(image, lang=settings.ocr_lang, timeout=_PAGE_TIMEOUT,
                                         output_type=pytesseract.Output.DICT)


def render_scale(width: float, height: float, dpi: int) -> float:
    """Pixels per point to render a page of width x height points at `dpi`, at most _MAX_PIXELS in all."""
    return min(dpi / 72, (_MAX_PIXELS / max(width * height, 1.0)) ** 0.5)


def ocr_page(pdf, index: int, settings: Settings) -> tuple[list[OcrLine], float]:
    """Page `index` (0-based) of a pypdfium2 document read by OCR: (its lines, the page height in points)."""
    with PDFIUM_LOCK:  # pdfium is not thread-safe; Tesseract runs outside the lock
        page = pdf[index]
        try:
            scale = render_scale(*page.get_size(), settings.ocr_dpi)
            image = page.render(scale=scale, grayscale=True).to_pil()
        finally:
            page.close()
    return _lines(_tesseract_data(image, settings), 1 / scale), image.height / scale
