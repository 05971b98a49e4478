"""The one normalisation step every extracted text goes through.

Takes raw text from a PDF page or an HTML page and gives the text that is
written to `documents.jsonl` and that evidence offsets point into:

1. Full-width ASCII (Ａ-Ｚ ａ-ｚ ０-９ and full-width punctuation U+FF01-FF5E)
   becomes ASCII; half-width katakana becomes full-width (NFKC on U+FF61-FF9F
   only). Other characters are kept as they are: unlike full NFKC this keeps
   ① 、。「」 〜 and the like, which carry meaning in Japanese documents.
2. Dashes: the hyphen family (‐ ‑ ‒ – − ﹣ －) becomes ASCII "-"; the long
   dashes — and ― become "―"; wave dash and full-width tilde become "〜".
   CJK radicals become the ideographs they stand for (⾕ U+2F95 -> 谷, ⻑
   U+2ED1 -> 長): PDFs printed from browsers and office programs often map
   common kanji to the radical code points, which no name list matches. The
   Kangxi radicals by NFKC; of the CJK radicals supplement, the forms used
   as kanji in Japanese (Unicode's EquivalentUnifiedIdeograph.txt).
3. Spaces: the ideographic space U+3000, no-break space and other Unicode
   spaces become " "; runs of spaces collapse to one; spaces at line ends are
   dropped; tabs (the table-cell separator) are kept as single tabs.
   Line breaks (CR, CRLF, form feed, NEL U+0085, U+2028/2029) become "\n";
   three or more collapse to a blank line. Control characters (C0 and C1),
   zero-width characters and lone surrogates (which no encoder accepts, so
   they would break tokenising and writing the text) are removed.
"""
from __future__ import annotations

import re
import unicodedata

_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_DASHES = {ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d"}
_DASHES.update({ord("\u2014"): "\u2015", ord("\u2015"): "\u2015"})
_WAVES = {ord("\u301c"): "\u301c", ord("\uff5e"): "\u301c"}
_SPACES = {ord(c): " " for c in "\u3000\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"}
_DROP = {ord(c): None for c in "\u200b\u200c\u200d\u2060\ufeff\u00ad"}

_RADICALS = {c: unicodedata.normalize("NFKC", chr(c)) for c in range(0x2F00, 0x2FD6)}
_RADICALS.update({ord(a): b for a, b in zip("⺟⺠⻄⻑⻘⻝⻤⻨⻩⻫⻭⻯⻲", "母民西長青食鬼麦黄斉歯竜亀")})

_TABLE: dict[int, object] = {}
_TABLE.update(_FULLWIDTH)
_TABLE.update(_DASHES)  # after _FULLWIDTH so that U+FF0D maps to "-"
_TABLE.update(_WAVES)  # U+FF5E full-width tilde -> wave dash, not "~"
_TABLE.update(_SPACES)
_TABLE.update(_DROP)
_TABLE.update(_RADICALS)

_HALFWIDTH_KANA = re.compile(r"[\uff61-\uff9f]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff]")
_SPACE_RUN = re.compile(r" {2,}")
_TAB_RUN = re.compile(r"[ \t]*\t[ \t]*")
_TRAILING = re.compile(r"[ \t]+\n")
_LEADING = re.compile(r"\n[ \t]+")
_BLANK_RUN = re.compile(r"\n{3,}")


def normalize_chars(text: str) -> str:
    """Character-level normalisation (steps 1 and 2); keeps length-changing steps out."""
    text = _HALFWIDTH_KANA.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return text.translate(_TABLE)


def normalize_text(text: str) -> str:
    """Normalise a whole text (steps 1-3). Idempotent: normalize_text(normalize_text(t)) == normalize_text(t)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n").replace("\x0c", "\n").replace("\x85", "\n")
    text = _CONTROL.sub("", text)
    text = normalize_chars(text)
    text = _TAB_RUN.sub("\t", text)
    text = _SPACE_RUN.sub(" ", text)
    text = _TRAILING.sub("\n", text)
    text = _LEADING.sub("\n", text)
    text = _BLANK_RUN.sub("\n\n", text)
    return text.strip(" \t\n")
