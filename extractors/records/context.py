"""What the record assemblers share about one document: its candidates, dates and sentences.

Takes a `Document` and its candidates and gives a `DocContext` with lookups
(candidates in a span, the sentence around an offset, dates in a span), the
document's own year (for dates written without one), the body it speaks for
(self-references like 本市 or 当金庫) and abbreviations it defines
(中小企業基盤整備機構(中小機構) -> 中小機構 stands for the long name).
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from extractors.language.dates import DateMention, DocDate, before_document_day, carry_years, document_date, find_dates
from extractors.language.nlp import soft_cut
from extractors.records.lines import Line, doc_lines
from extractors.records.publisher import SEAT_AFTER
from extractors.records.site_owner import owner_from_url
from schemas.document import Document
from schemas.records import Candidate

_SENTENCE_END = re.compile(r"[。！？!?]|\n")
# An exclamation or question mark inside a quote closed later on its line (「…進もう!」のスローガンを掲げ,
# 『…どうする?』と題して) is the quote's own: the sentence goes on after the quote.
_QUOTE_PAIRS = {"「": "」", "『": "』", "“": "”"}
_QUOTE_SPAN = 120  # a quote that long or longer is no slogan or title: its marks end sentences
# No sentence is longer: text with no 。 or line break for longer (a page of one endless
# line) is cut into pieces of at most this many characters (see sentence_bounds). Without
# the cap the "sentence" of a trigger word was the whole text: the model ran over all of
# it (minutes for a 1.5 MB page) and in_parens/_clause_start walked it per candidate.
MAX_SENTENCE = 1000
_PAREN_OPEN, _PAREN_CLOSE = "(（[【〔", ")）]】〕"
_MUNICIPALITY_END = ("都", "道", "府", "県", "市", "区", "町", "村")
# ASCII or short names in brackets right after a long name: 中小企業基盤整備機構(中小機構), X(TAMA協会)
_ALIAS = re.compile(r"\s?[(（]\s?(?:略称[、,:：]?\s?)?([^()（）、,。\s]{2,12})\s?[)）、,]")
_TITLE_OWNER = re.compile(r"[(（]([^()（）]*?(?:都|道|府|県|市|区|町|村))(?:\s[^()（）]*)?[)）]\s*$")


def sentence_bounds(text: str, keep: list[tuple[int, int]] | tuple = ()) -> list[int]:
    """Sorted offsets where sentences start (after each 。/！/？/!/?/newline), plus cuts in
    any stretch longer than MAX_SENTENCE: at the best place in the second half of each
    piece (after a comma or space, before a bracket, after a particle: `nlp.soft_cut`),
    moved to before any span of `keep` (the candidates) it would split."""
    spans = sorted(keep)
    starts = [s for s, _ in spans]
    bounds: list[int] = []
    prev = 0
    ends = [m.end() for m in _SENTENCE_END.finditer(text) if not _in_quote(text, m.start())]
    for end in ends + [len(text)]:
        while end - prev > MAX_SENTENCE:
            cut = prev + soft_cut(text[prev:prev + MAX_SENTENCE])
            j = bisect.bisect_left(starts, cut) - 1
            while j >= 0 and starts[j] > cut - 200:  # names are short: look back a little
                s, e = spans[j]
                if s < cut < e and s > prev:
                    cut = s
                j -= 1
            bounds.append(cut)
            prev = cut
        bounds.append(end)
        prev = end
    bounds.pop()  # len(text) itself is no start (unless the text ends with a sentence end)
    return bounds


def _in_quote(text: str, at: int) -> bool:
    """Whether the ！/？ at `at` stands inside a quote opened before it and closed after it on its line."""
    if text[at] in "。\n":
        return False
    lo = max(text.rfind("\n", 0, at) + 1, at - _QUOTE_SPAN)
    depth = 0  # quotes closed between the mark and here (「地域の「個性」が活きる…とは?」: a quote within the quote)
    for i in range(at - 1, lo - 1, -1):
        ch = text[i]
        if ch in _QUOTE_PAIRS.values():
            depth += 1
            continue
        if ch in _QUOTE_PAIRS and depth:
            depth -= 1
            continue
        if ch in _QUOTE_PAIRS:
            close = _QUOTE_PAIRS[ch]
            hi = text.find("\n", at)
            hi = min(len(text) if hi < 0 else hi, i + _QUOTE_SPAN)
            end = text.find(close, at, hi)
            return end >= 0 and "。" not in text[at:end]
    return False


def strip_quotes(text: str) -> str:
    return text.strip().strip("「」『』“”\"'")


@dataclass
class DocContext:
    doc: Document
    cands: list[Candidate]
    dates: list[DateMention] = field(default_factory=list)
    year: int | None = None  # the year of doc_date: the default year of dates written without one
    doc_date: DocDate | None = None  # the date the document gives itself (language.dates.document_date)
    aliases: dict[str, str] = field(default_factory=dict)  # short name -> full name
    owner: str | None = None  # the body a self-reference stands for
    # The local government whose site the page is on, read from its address (`records.site_owner`):
    # below what the page itself says (title, contact block, site name), above nothing.
    site_owner: str | None = None
    prefecture: str | None = None
    _starts: list[int] = field(default_factory=list)
    _bounds: list[int] | None = field(default=None, repr=False)  # sentence starts, see sentence()
    _lines: list[Line] | None = field(default=None, repr=False)
    _publisher: str | None = field(default=None, repr=False)  # publisher.publisher(title, text), found once

    @classmethod
    def build(cls, doc: Document, cands: list[Candidate]) -> "DocContext":
        text = doc.text
        doc_date = document_date(text, doc.title)
        year = doc_date.year if doc_date else None
        ctx = cls(doc=doc, cands=sorted(cands, key=lambda c: (c.start, c.end)), year=year, doc_date=doc_date,
                  dates=before_document_day(text, carry_years(text, find_dates(text, default_year=year)),
                                            doc_date.date if doc_date else None))
        ctx._starts = [c.start for c in ctx.cands]
        ctx.aliases = ctx._find_aliases()
        ctx.prefecture = ctx._main_prefecture()
        ctx.owner = ctx._owner()
        ctx.site_owner = _site_owner(doc.uri)
        return ctx

    @property
    def text(self) -> str:
        return self.doc.text

    def within(self, start: int, end: int, *labels: str) -> list[Candidate]:
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self.cands) and self.cands[i].start < end:
            c = self.cands[i]
            if c.end <= end and (not labels or c.label in labels):
                out.append(c)
            i += 1
        return out

    def sentence(self, offset: int) -> tuple[int, int]:
        """The sentence (or line) holding `offset`: from after the previous 。 or newline to after
        the next, or a piece of at most MAX_SENTENCE characters of a longer one."""
        if self._bounds is None:
            self._bounds = sentence_bounds(self.text, [(c.start, c.end) for c in self.cands])
        i = bisect.bisect_right(self._bounds, offset)
        start = self._bounds[i - 1] if i else 0
        end = self._bounds[i] if i < len(self._bounds) else len(self.text)
        return start, end

    @property
    def lines(self) -> list[Line]:
        """The document's lines with offsets (see `records.lines`), split once."""
        if self._lines is None:
            self._lines = doc_lines(self.text)
        return self._lines

    def line(self, offset: int) -> tuple[int, int]:
        start = self.text.rfind("\n", 0, offset) + 1
        end = self.text.find("\n", offset)
        return start, len(self.text) if end < 0 else end

    def dates_in(self, start: int, end: int) -> list[DateMention]:
        """Dates inside [start, end); self.dates is in text order (find_dates gives it so)."""
        i = bisect.bisect_left(self.dates, start, key=lambda d: d.start)
        out = []
        while i < len(self.dates) and self.dates[i].start < end:
            if self.dates[i].end <= end:
                out.append(self.dates[i])
            i += 1
        return out

    def in_parens(self, start: int, end: int) -> bool:
        """Whether text[start:end] sits inside round or square brackets within its sentence."""
        s, _ = self.sentence(start)
        depth = 0
        for ch in self.text[s:start]:
            if ch in _PAREN_OPEN:
                depth += 1
            elif ch in _PAREN_CLOSE and depth:
                depth -= 1
        return depth > 0

    def in_quotes(self, offset: int) -> bool:
        """Whether offset sits inside 「…」 or 『…』 within its sentence (part of another name)."""
        s, _ = self.sentence(offset)
        piece = self.text[s:offset]
        return piece.count("「") > piece.count("」") or piece.count("『") > piece.count("』")

    def resolve(self, name: str) -> str:
        """Full name for an abbreviation or a 県-prefixed short name, as the document gives it."""
        name = strip_quotes(name)
        if name in self.aliases:
            return self.aliases[name]
        if self.prefecture and name.startswith("県") and len(name) > 2:
            return self.prefecture + name[1:]  # 県信用保証協会 in a 神奈川県 document
        return name

    def full_place(self, short: str) -> str:
        """川口 -> 川口市 when the document names 川口市; else the short name."""
        short = short.strip()
        if short.endswith(_MUNICIPALITY_END):
            return short
        counts = Counter(c.text for c in self.cands if c.label == "GPE" and c.text.startswith(short)
                         and len(c.text) == len(short) + 1)
        if counts:
            return counts.most_common(1)[0][0]
        if self.owner and self.owner.startswith(short) and len(self.owner) == len(short) + 1:
            return self.owner
        written = [short + end for end in _MUNICIPALITY_END[3:] if short + end in self.text]
        return written[0] if len(written) == 1 else short

    def _find_aliases(self) -> dict[str, str]:
        aliases: dict[str, str] = {}
        for c in self.cands:
            if c.label not in ("ORG", "GPE"):
                continue
            m = _ALIAS.match(self.text, c.end)
            if not m:
                continue
            short = m.group(1)
            if len(short) < len(c.text) and not short.startswith(("※", "注")) and not any(ch.isdigit() for ch in short):
                aliases.setdefault(short, c.text)
        return aliases

    def _main_prefecture(self) -> str | None:
        counts = Counter(c.text[: c.text.index("県") + 1] for c in self.cands
                         if c.label == "GPE" and "県" in c.text[1:] and not SEAT_AFTER.match(self.text, c.end))
        return counts.most_common(1)[0][0] if counts else None

    def _owner(self) -> str | None:
        """The body the document speaks for: '(中津市)' at the end of its title, else None."""
        title = self.doc.title or ""
        m = _TITLE_OWNER.search(title)
        if not m:
            return None
        # (テクノプラザおかや・長野県岡谷市): the last item that is a place
        items = [i for i in re.split(r"[・、,\s]", m.group(1)) if i.endswith(_MUNICIPALITY_END)]
        return items[-1] if items else None

    def resolve_self(self, text: str) -> str | None:
        """本市/同市/当金庫... -> the body it stands for, when the document tells."""
        if self.owner and text[-1] in "市区町村県" and self.owner.endswith(text[-1]):
            return self.owner
        if self.site_owner and text[-1] in "市区町村県府都道" and self.site_owner.endswith(text[-1]):
            from extractors.records.publisher import publisher, stands_for_publisher

            if self._publisher is None:
                self._publisher = publisher(self.doc.title, self.text) or ""
            if not stands_for_publisher(text, self._publisher):  # the page's own word first
                return self.site_owner
        return None


def _site_owner(uri: str | None) -> str | None:
    """The name of the local government whose site `uri` is on (www.city.ofunato.iwate.jp: 大船渡市), else None."""
    if not uri or not uri.startswith(("http://", "https://")):
        return None
    body = owner_from_url(uri)
    return body.name if body else None
