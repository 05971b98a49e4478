"""Summit records: numbered meetings of a series (第5回中小企業都市サミット in 川口).

Takes a `DocContext` and gives draft summits from the document's structure:

- list rows: a line that starts with 第N回 and a date (a table row or a list
  line): edition, dates, host (the first place after the date) and theme (the
  rest of the row); the series is the nearest series name before the list;
- history tables: tab-separated rows (回 / 開催年月 / 開催都市 / テーマ, any
  column order) read by cells, the host from the gazetteer;
- mentions: 第N回 followed by a series name read whole (across の and a quoted
  part; a bare 大会/総会 is the page's named series). The host is the venue:
  the municipality before を会場に / にて / で開催 in the sentence, else `in X`
  or `(X)` made whole by the gazetteer (岡谷 -> 岡谷市; (群馬大会) -> 群馬県).
  A series named by year (Xサミット2021in Y) is a meeting with a null edition;
- one-meeting pages: key–value lines (開催日/日時, 会場/開催地, テーマ/スローガン),
  else the first date bound to a holding verb (never the page's own date), the
  theme (「…」をテーマ) and the declaration (「…宣言」).

Declarations: 「第N回X宣言」 gives edition N its declaration X宣言; 「X宣言」 in a
mention's sentence belongs to that mention's edition.
"""
from __future__ import annotations

import re
from dataclasses import replace

from extractors.records.context import DocContext, strip_quotes
from extractors.records.lines import cells, key_value
from extractors.records.spans import YEAR_FROM_DOCUMENT, Span, date_span, field_span
from extractors.language.dates import DateMention, find_dates, kanji_to_int
from extractors.language.gazetteer import MUNICIPALITY_SUFFIX, find_municipalities, is_municipality

_EDITION = re.compile(r"第\s?([0-9]+|[一二三四五六七八九十百]+)\s?回")
_ROW = re.compile(r"^第\s?([0-9]+|[一二三四五六七八九十百]+)\s?回[\s\t]*")
_IN_HOST = re.compile(r"^\s?(?:in|ｉｎ|IN|イン)\s?([\u4e00-\u9fff々ヶ\u30a1-\u30faー]{1,8}|[\u3041-\u3096]{2,6}(?=[\s」』()（）、。]|$))")
_PAREN_HOST = re.compile(r"^\s?[(（]([^()（）\s]{1,10}?)(?:サミット|大会)?[)）]")
_THEME = re.compile(r"(?:メインテーマ|統一テーマ|大会テーマ|テーマ)(?:は|:|：)?\s?[「『]([^」』]{2,80})[」』]|"
                    r"[「『]([^」』]{2,80})[」』]\s?(?:を|が)?(?:メインテーマ|統一テーマ|テーマ)|"
                    r"[「『]([^」』]{2,80})[」』]\s?と題し(?!て(?:基調)?講演|た(?:基調)?講演)")  # a lecture's title is no theme
_DECLARATION = re.compile(r"第\s?([0-9]+|[一二三四五六七八九十百]+)\s?回\s?([^\s「」『』第]{1,12}?宣言)")
# 第9回〇〇サミット すみだ宣言: the declaration's own name after the series and a space
_SPACED_DECLARATION = re.compile(r"第\s?([0-9]+|[一二三四五六七八九十百]+)\s?回\s?[^\s「」『』]{1,20}(?:サミット|大会|会議)"
                                 r"[ 　]([^\s「」『』第]{1,12}?宣言)")
_QUOTED_DECL = re.compile(r"[「『]([^「」『』\s]{1,16}宣言(?:[0-9]{4})?)[」』]")  # 「福井宣言2025」: with its year
_EDITION_PREFIX = re.compile(r"^第\s?([0-9]+|[一二三四五六七八九十百]+)\s?回\s?")
_PLACE_AT = re.compile(r"([^\s、。「」()（）]{2,8}?(?:市|区|町|村))(?:役所|役場|内)?(?:にて|で開催|において|を会場)")
_SUBTITLE_START = ("-", "―", "〜", "~", "−", "‐")
_SERIES_END = ("サミット", "首脳会議", "大会", "定例会", "総会", "フォーラム")
# The series name written after 第N回: up to the first series word, across の and a quoted part
# (第1回「定住自立圏」全国市町村長サミット, 第10回中小企業のまち民間サミット), never across a
# case particle, a comma or a bracket of the sentence (と/や/も are not stops: ものづくり,
# まちと産業 are names).
_SERIES_AFTER = re.compile(r"\s?((?:[「『][^「」『』\s]{1,15}[」』])?[^\s、。,()（）「」『』はがをでにへ]{0,25}?"
                           r"(?:サミット|首脳会議|全国大会|大会|定例会|総会|フォーラム))")
_BARE_SERIES = ("サミット", "大会", "全国大会", "総会", "定例会", "フォーラム", "首脳会議")
# The place where a meeting is held: a municipality a little before one of these.
_VENUE_MARK = re.compile(r"を(?:主)?会場(?:に|と|として)|にて|において|"
                         r"で(?:初めて|はじめて|盛大に)?(?:、|開催|開か|開い|行われ|行い|実施)")
_HOLD_VERB = re.compile(r"開催|開か|開い|開く|行われ|行い")
_SERIES_YEAR = re.compile(r"\s?((?:19|20)[0-9]{2})(?![0-9])")
# Key–value lines of a meeting page (開催日 …, 会場:…, テーマ「…」).
_DATE_KEYS = ("開催日時", "開催日", "開催期日", "日時", "期日", "会期", "日程", "開催期間")
_PLACE_KEYS = ("開催地", "開催場所", "開催都市", "会場", "場所")
_THEME_KEYS = ("メインテーマ", "統一テーマ", "大会テーマ", "テーマ", "大会スローガン", "スローガン")
# …サミットの実行委員会が6月2日に開かれ: the date of something the series only qualifies
_SERIES_MODIFIER = re.compile(r"(?:サミット|首脳会議|大会|定例会|総会|フォーラム)の(?!開催|テーマ)")
_PAGE_DATE_LINE = re.compile(r"更新|公開|掲載|作成|投稿|ページID")


def _summit(series: str | None, edition: int | None, confidence: float, evidence: list, **fields) -> dict:
    """A summit draft; the fields not given (dates, host, theme, declaration, participants) are empty."""
    return {"type": "summit", "series": series, "edition": edition, "start_date": None, "end_date": None,
            "host": None, "theme": None, "declaration": None, "participants": [], "confidence": confidence,
            "evidence": evidence, **fields}


def edition_number(text: str) -> int | None:
    m = _EDITION.search(text)
    return kanji_to_int(m.group(1)) if m else None


def _series_before(ctx: DocContext, offset: int) -> str | None:
    found = _series_cand_before(ctx, offset)
    return found.text if found else None


def _series_cand_before(ctx: DocContext, offset: int):
    # a bare サミット or 大会 (「サミットの開催状況」) is not a series name
    series = [c for c in ctx.cands if c.label == "SERIES" and c.end <= offset and not c.text.startswith("同")
              and c.text not in _SERIES_END]
    return series[-1] if series else None


def _row_series(ctx: DocContext, offset: int, row: tuple[int, int]) -> tuple[str | None, list[Span]]:
    """A list row's series: the series named last above it, else the page title's; with its span
    (a title's name where the text writes it too, else the row, said so in `how`)."""
    above = _series_cand_before(ctx, offset)
    if above:
        return above.text, [field_span(above.start, above.end, "summit-series-above", "series", above.text,
                                       how="series named above the row")]
    title = _title_series(ctx)
    if not title:
        return None, []
    at = ctx.text.find(title)
    s, e = (at, at + len(title)) if at >= 0 else row
    return title, [field_span(s, e, "summit-series-title", "series", title, how="series of the page title")]


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
        spans = [field_span(start, start + len(m.group(0).rstrip(" \t")), "summit-row", "edition",
                            kanji_to_int(m.group(1))),
                 date_span(d, "summit-row", "start_date"), date_span(d, "summit-row", "end_date")]
        rest_start = d.end
        while rest_start < end and text[rest_start] in " \t":
            rest_start += 1
        places = [c for c in ctx.within(rest_start, end, "GPE") if c.start == rest_start]
        host = places[0].text if places else None
        if host:
            spans.append(field_span(places[0].start, places[0].end, "summit-row", "host", host))
        theme_start = places[0].end if places else rest_start
        theme = text[theme_start:end].strip(" \t") or None
        ts = theme_start + len(text[theme_start:end]) - len(text[theme_start:end].lstrip(" \t"))
        te = ts + len(theme or "")
        if theme and "\t" in theme:  # further cells (e.g. a declaration column) are not the theme
            theme = theme.split("\t")[0].strip() or None
            te = ts + len(theme or "")
        if theme and i + 1 < len(lines) and lines[i + 1][:1] in _SUBTITLE_START:
            theme = f"{theme} {lines[i + 1].strip()}"  # a subtitle wrapped onto the next line
            end += 1 + len(lines[i + 1])
            te = end - (len(lines[i + 1]) - len(lines[i + 1].rstrip()))
        if theme:
            spans.append(field_span(ts, te, "summit-row", "theme", theme))
        series, series_spans = _row_series(ctx, start, (start, end))
        drafts.append(_summit(series, kanji_to_int(m.group(1)), 0.85,
                              [(start, end, "summit-row")] + spans + series_spans,
                              start_date=d.start_date, end_date=d.end_date, host=host, theme=theme))
    return drafts


_EDITION_CELL = re.compile(r"第?\s?([0-9]+|[一二三四五六七八九十百]+)\s?(回)?")


def _table_rows(ctx: DocContext, done: set[int]) -> list[dict]:
    """History tables (回 / 開催年月 / 開催都市 / テーマ) in any column order: a tab-separated row
    whose first cell is an edition (第5回, 5回, or 5 under a header naming 回), with a date cell;
    the host is the place cell (gazetteer), the theme the first longer text cell after it."""
    drafts = []
    header_has_round = False
    for line in ctx.lines:
        if "\t" not in line.text or line.start in done:
            header_has_round = header_has_round if line.body else False
            continue
        row = cells(line)
        m = _EDITION_CELL.fullmatch(row[0][2]) if row else None
        if not m or not (m.group(2) or row[0][2].startswith("第") or header_has_round):
            header_has_round = header_has_round or (bool(row) and "回" in row[0][2] and not m)
            continue
        date = host = theme = None
        edition = kanji_to_int(m.group(1))
        spans = [field_span(row[0][0], row[0][1], "summit-row", "edition", edition)]
        for cs, ce, cell in row[1:]:
            dates = [d for d in ctx.dates_in(cs, ce) if d.start == cs and d.start_date]
            places = find_municipalities(cell)
            if date is None and dates:
                date = dates[0]
                spans += [date_span(date, "summit-row", "start_date"), date_span(date, "summit-row", "end_date")]
            elif host is None and places and places[0][0] == 0:
                cities = [p for p in places if p[2].endswith(MUNICIPALITY_SUFFIX)]
                ps, pe, host = (cities or places)[-1]
                spans.append(field_span(cs + ps, cs + pe, "summit-row", "host", host))
            elif theme is None and host is not None and len(cell) >= 4:
                theme = cell
                spans.append(field_span(cs, ce, "summit-row", "theme", theme))
        if date is None:
            continue
        series, series_spans = _row_series(ctx, line.start, (line.start, line.end))
        drafts.append(_summit(series, edition, 0.85, [(line.start, line.end, "summit-row")] + spans + series_spans,
                              start_date=date.start_date, end_date=date.end_date, host=host, theme=theme))
    return drafts


def _title_series(ctx: DocContext) -> str | None:
    title = ctx.doc.title or ""
    for end_word in _SERIES_END:
        m = re.search(r"([^\s第回0-9「」()（）]{0,20}" + end_word + ")", title)
        if m:
            return m.group(1)
    return None


def _host_after(ctx: DocContext, offset: int) -> str | None:
    found = _host_span_after(ctx, offset)
    return found.value if found else None


def _host_span_after(ctx: DocContext, offset: int) -> Span | None:
    """The host written right after a series name (in 岡谷, (群馬大会)), made whole by the gazetteer,
    as the span of the place as written."""
    text = ctx.text[offset:offset + 20]
    m = _IN_HOST.match(text)
    nickname = False
    if not m:
        m = _PAREN_HOST.match(text)
        if not m:
            return None
        # (群馬大会), (沖縄大会): a meeting's nickname names its prefecture; (那覇市) names the city
        nickname = m.group(0).rstrip(")）").endswith("大会")
    host = _full_host(ctx, m.group(1), prefecture_first=nickname)
    if host is None:
        return None
    short = m.group(1).strip()
    s = offset + m.start(1) + m.group(1).index(short)
    how = None if host == short else "completed by the gazetteer" if is_municipality(host) else "completed from the page"
    return field_span(s, s + len(short), "summit-host-after", "host", host, how=how)


def _series_after(ctx: DocContext, ed) -> tuple[str, int] | None:
    """The series name written right after an edition mark, with its end offset."""
    m = _SERIES_AFTER.match(ctx.text, ed.end)
    if m:
        name = m.group(1).lstrip("の")
        if name and not name.startswith(("目", "同", "本", "当")):
            return name, m.end(1)
    return None


def _full_host(ctx: DocContext, short: str, prefecture_first: bool = False) -> str | None:
    """A place as the text or the gazetteer writes it whole: 岡谷 -> 岡谷市, 別海 -> 別海町, 島根 -> 島根県."""
    short = short.strip()
    if is_municipality(short):
        return short
    prefecture = [short + e for e in "県府都道" if is_municipality(short + e)]
    if prefecture_first and prefecture:
        return prefecture[0]
    written = [short + e for e in MUNICIPALITY_SUFFIX if short + e in ctx.text and is_municipality(short + e)]
    if len(written) == 1:
        return written[0]
    known = [short + e for e in MUNICIPALITY_SUFFIX if is_municipality(short + e)]
    if len(known) == 1:
        return known[0]
    if prefecture:
        return prefecture[0]
    return ctx.full_place(short)


def _venue(ctx: DocContext, start: int, end: int) -> tuple[str, int, int] | None:
    """The municipality where the meeting of text[start:end] is held: the place (a city, ward,
    town or village before a prefecture) within 30 characters before a venue mark
    (を会場に, にて, において, で開催, で、)."""
    text = ctx.text
    for mark in _VENUE_MARK.finditer(text, start, end):
        lo = max(start, mark.start() - 30)
        places = [p for p in find_municipalities(text[lo:mark.start()]) if not ctx.in_quotes(lo + p[0])]
        if not places:
            continue
        cities = [p for p in places if p[2].endswith(MUNICIPALITY_SUFFIX)]
        s, e, name = (cities or places)[-1]
        return name, lo + s, lo + e
    return None


def _modifier(ctx: DocContext, end: int) -> bool:
    """…サミットの現地実行委員会: the series names what the sentence is about, not the meeting."""
    return ctx.text[end:end + 1] == "の" and not ctx.text[end + 1:end + 3].startswith(("開催", "テーマ"))


def _mentions(ctx: DocContext) -> list[dict]:
    drafts = []
    series_by_start = {c.start: c for c in ctx.cands if c.label == "SERIES"}
    text = ctx.text
    for ed in (c for c in ctx.cands if c.label == "EDITION"):
        after = _series_after(ctx, ed)
        gap = 1 if text[ed.end:ed.end + 1] == " " else 0
        cand = series_by_start.get(ed.end + gap)
        if after is None and (cand is None or cand.text.startswith("同")):
            continue
        series, series_end = after if after else (cand.text, cand.end)
        s, e = ctx.sentence(ed.start)
        edition = edition_number(ed.text)
        draft = _summit(series, edition, 0.7, [
                (ed.start, series_end, "summit-edition-series"),
                field_span(ed.start, ed.end, "summit-edition-series", "edition", edition),
                field_span(series_end - len(series), series_end, "summit-edition-series", "series", series)])
        year = _SERIES_YEAR.match(text, series_end)  # サミット2009 in 島根: the year of the meeting
        host_at = series_end + (year.end() - year.start() if year else 0)
        short = _host_span_after(ctx, host_at)
        venue = _venue(ctx, s, e)
        draft["host"] = venue[0] if venue else short.value if short else None
        if venue:  # a venue stated in the sentence outranks a host read from a name
            draft["evidence"].append(field_span(venue[1], venue[2], "summit-venue", "host", venue[0]))
            draft["confidence"] = 0.75
        elif short:
            draft["evidence"].append(short)
        if not _modifier(ctx, series_end):
            found = _sentence_date(ctx, s, e, ed.start, int(year.group(1)) if year else None)
            if found:
                date, year_how = found
                draft["start_date"], draft["end_date"] = date.start_date, date.end_date
                draft["evidence"].append((date.start, date.end, "date"))
                draft["evidence"] += [date_span(date, "date", f, year_how=year_how) for f in ("start_date", "end_date")]
            theme = _THEME.search(text, s, e)
            if theme:
                g = next(i for i, g in enumerate(theme.groups(), 1) if g)
                draft["theme"] = theme.group(g)
                draft["evidence"].append(field_span(theme.start(g), theme.end(g), "summit-theme", "theme", theme.group(g)))
            decl = _QUOTED_DECL.search(text, s, e)
            if decl:
                draft["declaration"] = _EDITION_PREFIX.sub("", decl.group(1))
                ds = decl.end(1) - len(draft["declaration"])
                draft["evidence"].append(field_span(ds, decl.end(1), "summit-declaration", "declaration",
                                                    draft["declaration"]))
        drafts.append(draft)
    return drafts


_THIS_TIME = re.compile(r"今回(?:が|で|は)\s?(?:第\s?)?([0-9]+|[一二三四五六七八九十百]+)\s?回目")


def _count_mentions(ctx: DocContext) -> list[dict]:
    """「…サミット」が8日、名古屋市で開かれました。… 今回が28回目: the edition counted in a later
    sentence of the meeting a sentence before names; its venue from that sentence."""
    drafts = []
    for m in _THIS_TIME.finditer(ctx.text):
        series = _series_cand_before(ctx, m.start())
        if series is None or m.start() - series.end > 200:
            continue
        edition = kanji_to_int(m.group(1))
        s, e = ctx.sentence(series.start)
        name = strip_quotes(series.text)
        draft = _summit(name, edition, 0.7, [
            (series.start, m.end(), "summit-count-this-time"),
            field_span(m.start(1), m.end(1), "summit-count-this-time", "edition", edition),
            field_span(series.start, series.end, "summit-count-this-time", "series", name)])
        venue = _venue(ctx, s, e)
        if venue:
            draft["host"] = venue[0]
            draft["evidence"].append(field_span(venue[1], venue[2], "summit-venue", "host", venue[0]))
        drafts.append(draft)
    return drafts


_YEAR_IN = re.compile(r"\s?((?:19|20)[0-9]{2})\s?(?=in|IN|ｉｎ|イン)")


def _year_mentions(ctx: DocContext, editions: list) -> list[dict]:
    """Series named by year instead of number (中核市サミット2020in倉敷): one meeting per series and
    year, edition null; its date is the sentence's (or the page's, for a one-meeting page)."""
    numbered_ends = {e.end for e in editions} | {e.end + 1 for e in editions}
    drafts, seen = [], set()
    for c in ctx.cands:
        if c.label != "SERIES" or c.start in numbered_ends or c.text in _BARE_SERIES or c.text.startswith(("同", "本")):
            continue
        m = _YEAR_IN.match(ctx.text, c.end)
        if not m or (c.text, m.group(1)) in seen:
            continue
        seen.add((c.text, m.group(1)))
        s, e = ctx.sentence(c.start)
        year = int(m.group(1))
        host = _host_span_after(ctx, m.end())
        draft = _summit(c.text, None, 0.7, [(c.start, m.end(), "summit-series-year"),
                                           field_span(c.start, c.end, "summit-series-year", "series", c.text)]
                        + ([host] if host else []),
                        host=host.value if host else None, _year=(str(year), m.start(1), m.end(1)))
        found = _sentence_date(ctx, s, e, c.start, year)
        if found and found[0].start_date and found[0].start_date.startswith(str(year)):
            date, year_how = found
            draft["start_date"], draft["end_date"] = date.start_date, date.end_date
            draft["evidence"].append((date.start, date.end, "date"))
            draft["evidence"] += [date_span(date, "date", f, year_how=year_how) for f in ("start_date", "end_date")]
        drafts.append(draft)
    return drafts


def _sentence_date(ctx: DocContext, s: int, e: int, edition_at: int,
                   year: int | None) -> tuple[DateMention, str] | None:
    """The meeting's date in its sentence: the first full date (its year from the series name when
    the date has none: サミット2009), else a month written right before the edition (平成12年3月に第10回);
    with where a year the date leaves out came from."""
    dates = [d for d in ctx.dates_in(s, e) if d.precision == "day"]
    year_how = YEAR_FROM_DOCUMENT
    if year is not None and any(not d.year_given for d in dates):
        dates = [d for d in find_dates(ctx.text[s:e], default_year=year) if d.precision == "day"]
        dates = [replace(d, start=d.start + s, end=d.end + s) for d in dates]
        year_how = "year of the series name"
    dates = [d for d in dates if d.start_date]
    if dates:
        return dates[0], year_how
    before = [d for d in ctx.dates_in(s, edition_at) if d.start_date and re.fullmatch(r"\s?(?:に|、)?\s?", ctx.text[d.end:edition_at])]
    return (before[-1], YEAR_FROM_DOCUMENT) if before else None


def _key_values(ctx: DocContext, keys: tuple[str, ...]) -> list[tuple[int, int]]:
    """Values (start, end of line) of the document's key–value lines for these keys."""
    out = []
    for line in ctx.lines:
        kv = key_value(line, keys)
        if kv:
            out.append((kv[1], line.end))
    return out


def _meeting_date(ctx: DocContext) -> DateMention | None:
    """A one-meeting page's date: a 開催日/日時 line, else the first full date followed closely by
    a holding verb (…に開催, 11/15・16 群馬県で…開催されました), else the first full date that is
    not the page's own (a date alone on its line, 更新日, 投稿…) near the top; the page's own date
    is never the meeting's."""
    for vs, ve in _key_values(ctx, _DATE_KEYS):
        dates = [d for d in ctx.dates_in(vs, ve) if d.precision == "day" and d.start_date]
        if dates:
            return dates[0]
    full = [d for d in ctx.dates if d.precision == "day" and d.start_date and d.start < 600]
    full = [d for d in full if not _SERIES_MODIFIER.search(ctx.text, ctx.sentence(d.start)[0], d.start)]
    for d in full:
        if _HOLD_VERB.search(ctx.text, d.end, d.end + 60) and not _page_date(ctx, d):
            return d
    rest = [d for d in full if d.start < 400 and not _page_date(ctx, d)]
    return rest[0] if rest else None


def _this_year(ctx: DocContext) -> int | None:
    """Offset of 今年/本年 in a sentence that says the meeting is held (今年は…で開かれます)."""
    for m in re.finditer(r"今年|本年", ctx.text):
        s, e = ctx.sentence(m.start())
        if _HOLD_VERB.search(ctx.text, m.end(), e) and re.search("|".join(_SERIES_END), ctx.text[s:e]) \
                and not re.search(r"今年度|本年度", ctx.text[m.start():m.end() + 1]):
            return m.start()
    return None


def _page_date(ctx: DocContext, d: DateMention) -> bool:
    ls, le = ctx.line(d.start)
    line = ctx.text[ls:le]
    alone = not line.replace(ctx.text[d.start:d.end], "").strip(" \t0123456789:.()[]")
    return alone or bool(_PAGE_DATE_LINE.search(line))


def _meeting_theme(ctx: DocContext) -> tuple[str, int, int, int] | None:
    """(theme, start of its line's value or sentence, end of it, start of the theme as written)."""
    for vs, ve in _key_values(ctx, _THEME_KEYS):
        raw = ctx.text[vs:ve]
        value = raw.strip()
        at = vs + len(raw) - len(raw.lstrip())
        q = re.match(r"[「『]([^」』]{2,80})[」』]", value)
        theme = q.group(1) if q else value
        if 2 <= len(theme) <= 80:
            return theme, vs, ve, at + (1 if q else 0)
    m = _THEME.search(ctx.text)
    if not m:
        return None
    g = next(i for i, g in enumerate(m.groups(), 1) if g)
    return m.group(g), m.start(), m.end(), m.start(g)


def _meeting_place(ctx: DocContext) -> tuple[str, int, int] | None:
    """A 会場/開催地 line's municipality, else the first venue clause of the page's opening."""
    for vs, ve in _key_values(ctx, _PLACE_KEYS):
        places = find_municipalities(ctx.text[vs:ve])
        cities = [p for p in places if p[2].endswith(MUNICIPALITY_SUFFIX)]
        if cities or places:
            s, e, name = (cities or places)[0]
            return name, vs + s, vs + e
    return _venue(ctx, 0, min(len(ctx.text), 800))


def _single_meeting_details(ctx: DocContext, drafts: list[dict]) -> None:
    """A page about one meeting: its date, theme, host and declaration lines belong to it."""
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
    ev = head["evidence"]
    if head["start_date"] is None:
        d = _meeting_date(ctx)
        if d:
            head["start_date"], head["end_date"] = d.start_date, d.end_date
            ev.append((d.start, d.end, "date"))
            ev += [date_span(d, "date", f) for f in ("start_date", "end_date")]
    if head["start_date"] is None and ctx.year:
        this_year = _this_year(ctx)
        if this_year:  # 今年は尼崎市で開かれます: the year the page dates itself by
            head["start_date"] = head["end_date"] = str(ctx.year)
            ev.append((this_year, this_year + 2, "summit-this-year"))
            ev += [field_span(this_year, this_year + 2, "summit-this-year", f, str(ctx.year), how=YEAR_FROM_DOCUMENT)
                   for f in ("start_date", "end_date")]
    if head["theme"] is None:
        theme = _meeting_theme(ctx)
        if theme:
            head["theme"] = theme[0]
            ev.append((theme[1], theme[2], "summit-theme"))
            ev.append(field_span(theme[3], theme[3] + len(theme[0]), "summit-theme", "theme", theme[0]))
    place = _meeting_place(ctx)
    if place and (head["host"] is None or not is_municipality(head["host"])
                  or not head["host"].endswith(MUNICIPALITY_SUFFIX)):
        head["host"] = place[0]
        ev.append(field_span(place[1], place[2], "summit-venue", "host", place[0]))
    if head["host"] is None:
        m = _PLACE_AT.search(text)
        places = [c for c in ctx.cands if c.label == "GPE" and c.start < 300]
        if m:
            head["host"] = m.group(1)
            ev.append(field_span(m.start(1), m.end(1), "summit-place-at", "host", head["host"]))
        elif ctx.owner:
            head["host"] = ctx.owner
            at = text.find(ctx.owner)
            s, e = (at, at + len(ctx.owner)) if at >= 0 else ev[0][:2]
            ev.append(field_span(s, e, "summit-page-owner", "host", ctx.owner, how="page owner"))
        elif places:
            head["host"] = places[0].text
            ev.append(field_span(places[0].start, places[0].end, places[0].rule, "host", head["host"],
                                 how="first place on the page"))
    if head["declaration"] is None:
        m = _QUOTED_DECL.search(text)
        if m:
            head["declaration"] = m.group(1)
            ev.append((m.start(), m.end(), "summit-declaration"))
            ev.append(field_span(m.start(1), m.end(1), "summit-declaration", "declaration", m.group(1)))


def _declarations(ctx: DocContext, drafts: list[dict]) -> None:
    by_edition: dict[int, list[dict]] = {}
    for d in drafts:
        by_edition.setdefault(d["edition"], []).append(d)
    for m in (*_DECLARATION.finditer(ctx.text), *_SPACED_DECLARATION.finditer(ctx.text)):
        n = kanji_to_int(m.group(1))
        for d in by_edition.get(n, []):
            if d["declaration"] is None:
                d["declaration"] = m.group(2)
                d["evidence"].append(field_span(m.start(2), m.end(2), "summit-declaration", "declaration", m.group(2)))


def _resolve_bare_series(ctx: DocContext, drafts: list[dict]) -> None:
    """第20回大会, 第10回大会: a bare 大会/総会/サミット is the page's series (the named series its
    mentions give most, else the title's); with no name on the page it stays as written."""
    named = [d["series"] for d in drafts if d["series"] and d["series"] not in _BARE_SERIES]
    series = max(sorted(set(named)), key=named.count) if named else _title_series(ctx)
    if not series or series in _BARE_SERIES:
        return  # no name given: 第2回定例会 stays 定例会
    for d in drafts:
        if d["series"] in _BARE_SERIES:
            bare = [sp for sp in d["evidence"] if isinstance(sp, Span) and sp.field == "series"]
            d["evidence"] += [field_span(sp.start, sp.end, sp.rule, "series", series, how="the page's series")
                              for sp in bare]
            d["series"] = series


def summit_drafts(ctx: DocContext) -> list[dict]:
    rows = _rows(ctx)
    mentions = _mentions(ctx)
    if not mentions:
        mentions = _count_mentions(ctx)
    if not mentions:
        mentions = _year_mentions(ctx, [c for c in ctx.cands if c.label == "EDITION"])
    drafts = rows + _table_rows(ctx, {d["evidence"][0][0] for d in rows}) + mentions
    _resolve_bare_series(ctx, drafts)
    _single_meeting_details(ctx, drafts)
    for d in drafts:  # a year-named meeting with no day found: at least its year
        year, ys, ye = d.pop("_year", (None, 0, 0))
        if year and (d["start_date"] is None or not d["start_date"].startswith(year)):
            # (a page date or another meeting's day is not it)
            d["start_date"] = d["end_date"] = year
            d["evidence"] += [field_span(ys, ye, "summit-series-year", f, year, how="year of the series name")
                              for f in ("start_date", "end_date")]
    _declarations(ctx, drafts)
    # a row's series comes from context; a mention in the same document names it exactly
    named = {d["edition"]: d for d in drafts if d["evidence"][0][2] != "summit-row"}
    for d in drafts:
        if d["series"] is None and d["edition"] in named:
            mention = named[d["edition"]]
            d["series"] = mention["series"]
            d["evidence"] += [field_span(sp.start, sp.end, sp.rule, "series", sp.value, how="series of the edition's mention")
                              for sp in mention["evidence"] if isinstance(sp, Span) and sp.field == "series"
                              and sp.value == mention["series"]]
    return drafts
