"""Summit records: numbered meetings of a series (第5回中小企業都市サミット in 川口).

Takes a `DocContext` and gives draft summits from two kinds of text:

- list rows: a line that starts with 第N回 and a date (a table row or a list
  line): edition, dates, host (the first place after the date) and theme (the
  rest of the row); the series is the nearest series name before the list;
- mentions: 第N回 followed by a series name (…サミット, …大会, …定例会, …総会,
  …フォーラム), with `in X` or `(X)` for the host. The date, theme and host of
  the sentence are used; when the document is about one meeting (one edition
  named), its first full date, its theme (「…」をテーマ) and its declaration
  (「…宣言」) are used too.

Declarations: 「第N回X宣言」 gives edition N its declaration X宣言; 「X宣言」 in a
mention's sentence belongs to that mention's edition.
"""
from __future__ import annotations

import re

from extractors.records.context import DocContext
from extractors.language.dates import kanji_to_int

_EDITION = re.compile(r"第\s?([0-9]+|[一二三四五六七八九十百]+)\s?回")
_ROW = re.compile(r"^第\s?([0-9]+|[一二三四五六七八九十百]+)\s?回[\s\t]*")
_IN_HOST = re.compile(r"^\s?(?:in|ｉｎ|IN|イン)\s?([^\s「」『』()（）、。]{1,8}?)(?=[\s」』()（）、。]|サミット|$)")
_PAREN_HOST = re.compile(r"^\s?[(（]([^()（）\s]{1,10}?)(?:サミット|大会)?[)）]")
_THEME = re.compile(r"(?:メインテーマ|統一テーマ|大会テーマ|テーマ)(?:は|:|：)?\s?[「『]([^」』]{2,80})[」』]|"
                    r"[「『]([^」』]{2,80})[」』]\s?(?:を|が)?(?:メインテーマ|統一テーマ|テーマ)|"
                    r"[「『]([^」』]{2,80})[」』]\s?と題し")
_DECLARATION = re.compile(r"第\s?([0-9]+|[一二三四五六七八九十百]+)\s?回\s?([^\s「」『』第]{1,12}?宣言)")
_QUOTED_DECL = re.compile(r"[「『]([^「」『』\s]{1,16}宣言)[」』]")
_EDITION_PREFIX = re.compile(r"^第\s?([0-9]+|[一二三四五六七八九十百]+)\s?回\s?")
_PLACE_AT = re.compile(r"([^\s、。「」()（）]{2,8}?(?:市|区|町|村))(?:役所|役場|内)?(?:にて|で開催|において|を会場)")
_SUBTITLE_START = ("-", "―", "〜", "~", "−", "‐")
_SERIES_END = ("サミット", "首脳会議", "大会", "定例会", "総会", "フォーラム")


def edition_number(text: str) -> int | None:
    m = _EDITION.search(text)
    return kanji_to_int(m.group(1)) if m else None


def _series_before(ctx: DocContext, offset: int) -> str | None:
    # a bare サミット or 大会 (「サミットの開催状況」) is not a series name
    series = [c for c in ctx.cands if c.label == "SERIES" and c.end <= offset and not c.text.startswith("同")
              and c.text not in _SERIES_END]
    return series[-1].text if series else None


def _rows(ctx: DocContext) -> list[dict]:
    text = ctx.text
    drafts = []
    pos = 0
    lines = text.split("\n")
    for i, line in enumerate(lines):
        start, end = pos, pos + len(line)
        pos = end + 1
        m = _ROW.match(line)
        if not m:
            continue
        dates = [d for d in ctx.dates_in(start + m.end(), end) if d.start == start + m.end() and d.start_date]
        if not dates:
            continue
        d = dates[0]
        rest_start = d.end
        while rest_start < end and text[rest_start] in " \t":
            rest_start += 1
        places = [c for c in ctx.within(rest_start, end, "GPE") if c.start == rest_start]
        host = places[0].text if places else None
        theme_start = places[0].end if places else rest_start
        theme = text[theme_start:end].strip(" \t") or None
        if theme and "\t" in theme:  # further cells (e.g. a declaration column) are not the theme
            theme = theme.split("\t")[0].strip() or None
        if theme and i + 1 < len(lines) and lines[i + 1][:1] in _SUBTITLE_START:
            theme = f"{theme} {lines[i + 1].strip()}"  # a subtitle wrapped onto the next line
            end += 1 + len(lines[i + 1])
        drafts.append({
            "type": "summit", "series": _series_before(ctx, start) or _title_series(ctx),
            "edition": kanji_to_int(m.group(1)), "start_date": d.start_date, "end_date": d.end_date,
            "host": host, "theme": theme, "declaration": None, "participants": [], "confidence": 0.85,
            "evidence": [(start, end, "summit-row")],
        })
    return drafts


def _title_series(ctx: DocContext) -> str | None:
    title = ctx.doc.title or ""
    for end_word in _SERIES_END:
        m = re.search(r"([^\s第回0-9「」()（）]{0,20}" + end_word + ")", title)
        if m:
            return m.group(1)
    return None


def _host_after(ctx: DocContext, offset: int) -> str | None:
    text = ctx.text[offset:offset + 20]
    m = _IN_HOST.match(text) or _PAREN_HOST.match(text)
    return ctx.full_place(m.group(1)) if m else None


def _mentions(ctx: DocContext) -> list[dict]:
    drafts = []
    series_by_start = {c.start: c for c in ctx.cands if c.label == "SERIES"}
    for ed in (c for c in ctx.cands if c.label == "EDITION"):
        nxt = ctx.text[ed.end:ed.end + 2]
        gap = 1 if nxt[:1] == " " else 0
        series = series_by_start.get(ed.end + gap)
        if series is None or series.text.startswith("同"):
            continue
        s, e = ctx.sentence(ed.start)
        draft = {
            "type": "summit", "series": series.text, "edition": edition_number(ed.text), "start_date": None,
            "end_date": None, "host": _host_after(ctx, series.end), "theme": None, "declaration": None,
            "participants": [], "confidence": 0.7, "evidence": [(ed.start, series.end, series.rule)],
        }
        dates = [d for d in ctx.dates_in(s, e) if d.precision == "day" and d.start_date]
        if dates:
            draft["start_date"], draft["end_date"] = dates[0].start_date, dates[0].end_date
            draft["evidence"].append((dates[0].start, dates[0].end, "date"))
        theme = _THEME.search(ctx.text, s, e)
        if theme:
            draft["theme"] = next(g for g in theme.groups() if g)
        decl = _QUOTED_DECL.search(ctx.text, s, e)
        if decl:
            draft["declaration"] = _EDITION_PREFIX.sub("", decl.group(1))
        drafts.append(draft)
    return drafts


def _single_meeting_details(ctx: DocContext, drafts: list[dict]) -> None:
    """A page about one meeting: its first full date, theme, host and declaration belong to it."""
    if not drafts or any(d["evidence"][0][2] == "summit-row" for d in drafts):
        return
    title = ctx.doc.title or ""
    titled = [d for d in drafts if f"第{d['edition']}回" in title.replace(" ", "")]
    editions = {(d["series"], d["edition"]) for d in drafts}
    if titled:
        head = titled[0]
    elif len(editions) == 1 or drafts[0]["evidence"][0][0] < 200:
        head = drafts[0]  # the meeting the page opens with
    else:
        return
    text = ctx.text
    if head["start_date"] is None:
        full = [d for d in ctx.dates if d.precision == "day" and d.start_date and d.start < 400]
        if full:
            head["start_date"], head["end_date"] = full[0].start_date, full[0].end_date
            head["evidence"].append((full[0].start, full[0].end, "date"))
    if head["theme"] is None:
        m = _THEME.search(text)
        if m:
            head["theme"] = next(g for g in m.groups() if g)
            head["evidence"].append((m.start(), m.end(), "summit-theme"))
    if head["host"] is None:
        m = _PLACE_AT.search(text)
        places = [c for c in ctx.cands if c.label == "GPE" and c.start < 300]
        if m:
            head["host"] = m.group(1)
        elif ctx.owner:
            head["host"] = ctx.owner
        elif places:
            head["host"] = places[0].text
    if head["declaration"] is None:
        m = _QUOTED_DECL.search(text)
        if m:
            head["declaration"] = m.group(1)
            head["evidence"].append((m.start(), m.end(), "summit-declaration"))


def _declarations(ctx: DocContext, drafts: list[dict]) -> None:
    by_edition: dict[int, list[dict]] = {}
    for d in drafts:
        by_edition.setdefault(d["edition"], []).append(d)
    for m in _DECLARATION.finditer(ctx.text):
        n = kanji_to_int(m.group(1))
        for d in by_edition.get(n, []):
            if d["declaration"] is None:
                d["declaration"] = m.group(2)


def summit_drafts(ctx: DocContext) -> list[dict]:
    drafts = _rows(ctx) + _mentions(ctx)
    _single_meeting_details(ctx, drafts)
    _declarations(ctx, drafts)
    # a row's series comes from context; a mention in the same document names it exactly
    named = {d["edition"]: d["series"] for d in drafts if d["evidence"][0][2] != "summit-row"}
    for d in drafts:
        if d["series"] is None:
            d["series"] = named.get(d["edition"])
    return drafts
