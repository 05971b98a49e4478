"""Summit records: numbered meetings of a series (第5回中小企業都市サミット in 川口).

Takes a `DocContext` and gives draft summits from the document's structure:

- list rows: a line that starts with 第N回 and a date (a table row or a list
  line): edition, dates, host (the first place after the date) and theme (the
  rest of the row); the series is the nearest series name before the list;
- history tables: tab-separated rows (回 / 開催年月 / 開催都市 / テーマ, any
  column order) read by cells, the host from the gazetteer;
- mentions: 第N回 followed by a series name: any noun phrase ending in a meeting
  word of `language/data/meetings.json` (サミット, 大会, 総会, 会議, 集会, 交流会…),
  read by `language.meetings`; a bare 大会/総会 is the page's named series; a
  committee's meeting (…推進会議) and an assembly's session (令和2年第4回定例会
  in a sentence about 可決) are no summit. The host is the venue: the municipality
  before を会場に / にて / で開催 in the sentence, else `in X` or `(X)` made whole
  by the gazetteer (岡谷 -> 岡谷市; (群馬大会) -> 群馬県), or the place an edition's own
  name ends on (第12回全国大会 北の杜はちのへ大会 -> 八戸市, read from the kana; the
  series is then the bare 全国大会, not the edition's name); a prefecture gives way to a
  municipality of it another mention of the meeting gives. A series named by year
  (Xサミット2021in Y, 2021 Xサミット) is a meeting with a null edition;
- counts: an edition written as a count (今年で9回目, 今回が8回目, 8回目となる今大会)
  of the series named before it, or of the page's series for 同フォーラム;
- enumerations: editions listed without the series, each with its date and place
  (第1回(2014年)青葉市、第2回(2015年)若葉市; 第1回は1997年に青葉で): past meetings of
  the page's series;
- one-meeting pages (`meeting_page`): key–value blocks, the date bound to a holding
  verb (never the page's own date), theme, host and declaration.

Themes and declarations come with cue words (…をテーマに, …をスローガンに,
キャッチフレーズ, 「…宣言」を採択, 大会宣言を採択); a talk's title (…をテーマに講演)
is no theme. 「第N回X宣言」 gives edition N its declaration X宣言. Two mentions of one
edition whose names differ by a leading part (第8回市長サミット, 第8回青葉・若葉市長
サミット) are one meeting, under the longer name. A meeting no rule gave a host, whose
declaration is named after a place (富良野宣言), is hosted there; the one such meeting of a page
is hosted by the place of the body the page says set it up (設営した青葉同友会) or gave the host's
greeting (青葉同友会代表理事の開催地あいさつ).
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date as date_cls, timedelta
from functools import lru_cache

from extractors.language import meetings
from extractors.language.dates import ISSUE_SUFFIX, DateMention, find_dates, kanji_to_int, parse_wareki_year
from extractors.language.gazetteer import MUNICIPALITY_SUFFIX, PREFECTURE_SUFFIX, find_municipalities, is_municipality, \
    prefecture_of
from extractors.language.org_names import ends_in_kind_word
from extractors.language.readings import places_read_as
from extractors.records.context import DocContext, strip_quotes
from extractors.records.lines import cells
from extractors.records.meeting_page import HOLD_VERB, full_host, other_edition, seat_city, single_meeting_details, venue, \
    venue_span
from extractors.records.meeting_sections import section_details, year_headings
from extractors.records.officials import place_official_after
from extractors.records.spans import YEAR_FROM_DOCUMENT, Span, date_span, field_span

_EDITION = re.compile(r"第\s?([0-9]+|[一二三四五六七八九十百]+)\s?回")
_COUNT_NUMBER = re.compile(r"([0-9]+|[一二三四五六七八九十百]+)\s?回")
_ROW = re.compile(r"^第\s?([0-9]+|[一二三四五六七八九十百]+)\s?回[\s\t]*")
_IN_HOST = re.compile(r"^\s?(?:in|ｉｎ|IN|イン|from|FROM)\s?([\u4e00-\u9fff々ヶ\u30a1-\u30faー]{1,8}|[\u3041-\u3096]{2,8})")
_HIRAGANA = re.compile(r"[\u3041-\u3096]+")
_VENUE_WORD = re.compile(r"会場|開催地|於")
_PAREN_HOST = re.compile(r"^\s?[(（〈<](?:会場|開催地|於)?\s?[:：]?\s?([^()（）〈〉<>\s:：]{1,10}?)(?:サミット|大会)?[)）〉>]")
# 第10回青葉サミット(2019年7月4日、若葉市): the meeting's day and place in brackets after its name
_PAREN_DATE_HOST = re.compile(r"^\s?[(（][^()（）、,]{0,16}?[0-9一二三四五六七八九十]\s?日(?:\s?[(（][^()（）]{1,3}[)）])?"
                              r"\s?[、,・\s]\s?([^()（）、,・\s]{2,10}?)[)）]")
# 第20回…全国大会 広島大会, …サミット五島大会: the meeting's nickname after its name names its place
_SPACED_NICKNAME = re.compile(r"^[ \u3000]?([\u4e00-\u9fff々ヶ]{2,4}?)(?:全国大会|大会)(?=[\s)）〉>」』、。をがはで]|$)")
_DECLARATION = re.compile(r"第\s?([0-9]+|[一二三四五六七八九十百]+)\s?回\s?([^\s「」『』第]{1,12}?(?<![でにをがはとも])宣言)")
# 第9回〇〇サミット 青葉宣言: the declaration's own name after the series (and a space, which a
# PDF's reader may drop)
_SPACED_DECLARATION = re.compile(r"第\s?([0-9]+|[一二三四五六七八九十百]+)\s?回\s?[^\s「」『』]{1,20}?(?:サミット|大会|会議)"
                                 r"[ 　]?([^\s「」『』第でにをがはとのも][^\s「」『』第]{0,11}?宣言)")
_EDITION_PREFIX = re.compile(r"^第\s?([0-9]+|[一二三四五六七八九十百]+)\s?回\s?")
_SUBTITLE_START = ("-", "―", "〜", "~", "−", "‐")
_SERIES_YEAR = re.compile(r"\s?((?:19|20)[0-9]{2})(?![0-9])")
# a series named by year: …サミット2021in若葉, 「…サミット2018」, …サミット2019浜松 (not a date: 2019年, 2019.5)
_YEAR_IN = re.compile(r"\s?((?:19|20)[0-9]{2})(?![0-9年度/.\-．~〜:])")
_PLACE_RUN = re.compile(r"[\u4e00-\u9fff々ヶ]{2,4}")
# a day without its month (…が20日、…で始まった): read against the document's own date
# 20日, 20日~21日, and a pair of days with one 日 (5、6日に, 16・17日) or 両日 (14、15の両日), not a count (2、3日間)
_BARE_DAY = re.compile(r"(?<![0-9月/.\-])([0-9]{1,2})(?:日(?![間目本程])(?:\s?(?:から|~|〜|-)\s?([0-9]{1,2})日)?"
                       r"|\s?[、・]\s?([0-9]{1,2})\s?(?:日(?![間目本程])|の両日))")
_PAST = re.compile(r"(?:た|ました)[。」]?$|た。")
BARE_DAY = "month and year from the document date"
_TITLE_IN_TEXT = 600  # a page's title, when the text writes it, stands this near the top
_SESSIONS = ("定例会", "臨時会")  # a bare 定例会 may be an assembly's session
_WORKING_SESSION = ("会議",)  # a bare 大会/総会/定例会 is a body's convention; a bare 会議 its working session
_YEAR_BEFORE = re.compile(r"年度?\s?$")
_ASSEMBLY = re.compile(r"(?<![協審])議会|議員")


def _summit(series: str | None, edition: int | None, confidence: float, evidence: list, **fields) -> dict:
    """A summit draft; the fields not given (dates, host, theme, declaration, participants) are empty."""
    return {"type": "summit", "series": series, "edition": edition, "start_date": None, "end_date": None,
            "host": None, "theme": None, "declaration": None, "participants": [], "confidence": confidence,
            "evidence": evidence, **fields}


def edition_number(text: str) -> int | None:
    m = _EDITION.search(text) or _COUNT_NUMBER.search(text)
    return kanji_to_int(m.group(1)) if m else None


@lru_cache(maxsize=8)
def _text_names(text: str) -> tuple[meetings.Found, ...]:
    """Every named series of the text (no bare word, no 同X/本X, no committee), read from the text."""
    return tuple(f for f in meetings.names_in(text, 0, len(text)) if _is_series_name(f.text))


# 15回目の青葉サミット, 15回目となる青葉サミット: an edition written as a count before the name
_COUNT_MARK = re.compile(r"(?<![0-9第年度])([0-9]+|[一二三四五六七八九十百]+)\s?回(?=目(?:の|となる|となった|を迎え))")
# (本県で3回目の開催となる…: a count at one place, right after the place and で)
_PLACE_COUNT = re.compile(r"では|ぶり|に続いて|に続き|に次いで|での開催|(?:[都道府県市町村区]|本県|当地|地元)で\s?$")


def _editions(ctx: DocContext) -> list[meetings.Found]:
    """The edition marks of the text (第5回, 第 5 回, 第一回): the rule pass's EDITION spans, the
    marks it did not tokenize as one (第一回 read as 第一 + 回), and counts before a name (15回目の…;
    not a count at one place: 青葉市では10年ぶり3回目の…)."""
    found = [meetings.Found(c.start, c.end, c.text) for c in ctx.cands if c.label == "EDITION"]
    extra = [meetings.Found(m.start(), m.end(), m.group()) for m in _EDITION.finditer(ctx.text)
             if not any(f.start <= m.start() < f.end for f in found)]
    for m in _COUNT_MARK.finditer(ctx.text):
        clause = re.split(r"[、。\n]", ctx.text[max(0, m.start() - 25):m.start()])[-1]
        if not _PLACE_COUNT.search(clause) and not any(f.start <= m.start() < f.end for f in found + extra):
            extra.append(meetings.Found(m.start(), m.end(), m.group()))
    return sorted(found + extra)


def _is_series_name(name: str) -> bool:
    return bool(name) and not meetings.is_bare(name) and not name.startswith(("同", "本", "当", "次回", "今回", "標記", "表記", "上記", "前記")) \
        and not meetings.is_committee(name)


def _series_names(ctx: DocContext) -> list[meetings.Found]:
    """The series names of the document in text order: the rule pass's SERIES spans (their nouns may
    hold hiragana: ものづくりのまち交流サミット), the names read from the text and those written
    after an edition (第1回港まち研究集会); of two ending at the same place, the longer. Read once
    per document."""
    cached = ctx.__dict__.get("_summit_series_names")
    if cached is None:
        cached = ctx.__dict__["_summit_series_names"] = _read_series_names(ctx)
    return cached


# (…フォーラム(横浜市西区)で始まった: the hall's address in brackets before the verb)
_HALL_AFTER = re.compile(r"\s?(?:[(（][^()（）\n]{1,20}[)）])?\s?(?:にて|において|におきまして|を(?:主)?会場|で(?:開催|開か|行われ|始ま))")


def _read_series_names(ctx: DocContext) -> list[meetings.Found]:
    by_end: dict[int, meetings.Found] = {}
    cands = []
    for c in ctx.cands:
        if c.label == "SERIES":
            lo = c.start - 1 if ctx.text[c.start - 1:c.start] == "第" else c.start  # (第一回サミット: 第 + 一回…)
            start = meetings.trim_start(ctx.text, lo, c.end - 1)  # (平成23年度…大会: no year)
            cands.append(meetings.Found(start, c.end, ctx.text[start:c.end]))
    bare = []
    for ed in _editions(ctx):
        after = meetings.name_after(ctx.text, ed.end)
        if after is not None and _is_series_name(after.text) and not after.text.startswith("「"):
            cands.append(after)
        elif after is not None and meetings.is_bare(after.text):
            bare.append(after)
    after_edition = {ed.end for ed in _editions(ctx)} | {ed.end + 1 for ed in _editions(ctx)}
    own = [named[0] for named in (meetings.edition_name(ctx.text, a.end) for a in bare) if named]
    for f in (*_text_names(ctx.text), *(f for f in cands if _is_series_name(f.text))):
        if any(o.start <= f.start < o.end or o.start < f.end <= o.end for o in own):
            continue  # (第12回全国大会 北の杜はちのへ大会: the edition's own name, no series)
        if f.start not in after_edition and f.text.endswith("フォーラム") and _HALL_AFTER.match(ctx.text, f.end):
            continue  # (東京国際フォーラムにて行われ: a hall named …フォーラム, the place of another event)
        name = meetings.without_nickname(f.text)
        f = meetings.Found(f.start, f.start + len(name), name)
        if f.end not in by_end or len(f.text) > len(by_end[f.end].text):
            by_end[f.end] = f
    return [by_end[k] for k in sorted(by_end)]


def _series_cand_before(ctx: DocContext, offset: int) -> meetings.Found | None:
    """The series named last before `offset` (a bare サミット or 大会 is not a name)."""
    names = [f for f in _series_names(ctx) if f.end <= offset]
    return names[-1] if names else None


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
        place = None
        if not dates:  # 「第1回 松本市 平成20年10月5日」: a table whose place column comes before its date's
            place = _row_place(ctx, start + m.end(), end)
            at = place[3] if place else end
            while at < end and text[at] in " \t\u3000":
                at += 1
            dates = [d for d in ctx.dates_in(at, end) if d.start == at and d.start_date] if place else []
            if not dates:
                continue
        d = dates[0]
        spans = [field_span(start, start + len(m.group(0).rstrip(" \t")), "summit-row", "edition",
                            kanji_to_int(m.group(1))),
                 date_span(d, "summit-row", "start_date"), date_span(d, "summit-row", "end_date")]
        rest_start = d.end
        while rest_start < end and text[rest_start] in " \t":
            rest_start += 1
        if place is None:
            place = _row_place(ctx, rest_start, end)
        else:
            place = (*place[:3], rest_start)  # (the theme, if any, follows the date)
        host = place[2] if place else None
        if place:
            spans.append(field_span(place[0], place[1], "summit-row", "host", host,
                                    how=None if ctx.text[place[0]:place[1]] == host else "completed by the gazetteer"))
        theme_start = place[3] if place else rest_start
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


# after a prefecture, a town the gazetteer no longer holds (merged since), maybe after its county: the whole cell
_ROW_FORMER_TOWN = re.compile(r"\s?([\u4e00-\u9fff々ヶ]{1,4}郡)?([\u4e00-\u9fff々ヶ]{1,4}?[町村])(?=[\s\t(（)）〉】\]]|$)")
# the address going on after the municipality with no space (北九州市門司, 函館市大森町): a district of it, no theme
_ADDRESS_TAIL = re.compile(r"[\u4e00-\u9fff々ヶ]{1,6}(?=[\s\t(（)）〉】\]]|$)")
_ROW_SHORT_PLACE = re.compile(r"([\u4e00-\u9fff々ヶ]{2,4}?)(全国大会|大会)?(?=[\s\t(（〈)）〉】\]]|$)")


def _row_place(ctx: DocContext, at: int, end: int) -> tuple[int, int, str, int] | None:
    """The place a history row writes first after its date, placed by the gazetteer: (start, end,
    municipality, where the place's words end): 長野県松本市 and 長野県 松本市 are the city;
    a short name (松本, 松本大会) is made whole (a nickname's: the prefecture first, as in (群馬大会))."""
    text = ctx.text
    lead = re.match(r"[(（〈【\[]", text[at:at + 1])  # 1989年10月5日(青葉市): the place in brackets
    at += 1 if lead else 0
    chain: list[tuple[int, int, str]] = []
    pos = at
    for ps, pe, name in find_municipalities(text[at:end]):
        if at + ps != pos:
            break
        chain.append((at + ps, at + pe, name))
        pos = at + pe
        while pos < end and text[pos] in " \u3000":
            pos += 1
    close = (lambda i: i + 1 if lead and text[i:i + 1] in ")）〉】]" else i)
    if chain and chain[-1][2].endswith(PREFECTURE_SUFFIX):
        former = _ROW_FORMER_TOWN.match(text, chain[-1][1], end)
        if former:  # 福岡県八女郡矢部村: a town merged away since, written after its prefecture (and county)
            chain.append((former.start(2), former.end(2), former.group(2)))
    if chain:
        cities = [c for c in chain if c[2].endswith(MUNICIPALITY_SUFFIX)]
        s, e, name = (cities or chain)[-1]
        words_end = chain[-1][1]
        tail = _ADDRESS_TAIL.match(text, words_end, end)
        return s, e, name, close(tail.end() if tail else words_end)
    m = _ROW_SHORT_PLACE.match(text, at, end)
    if not m:
        return None
    whole = full_host(ctx, m.group(1), prefecture_first=bool(m.group(2)))
    if not whole or not is_municipality(whole):
        return None
    return m.start(1), m.end(1), whole, close(m.end())


_EDITION_CELL = re.compile(r"第?\s?([0-9]+|[一二三四五六七八九十百]+)\s?(回)?")


# a history table set with spaces, not tabs: a header opening with 回 and naming a date column, then
# rows opening with a bare number and a date (1 平成20年5月15日 墨田区 …)
_SPACED_HEADER = re.compile(r"\s*回\s+(?:\S+\s+)*?(?:開催)?(?:年月日|年月|日程|期日|日時|開催日|月日)(?:\s|$)")
_SPACED_ROW = re.compile(r"\s*[0-9]{1,3}\s+(?:明治|大正|昭和|平成|令和|(?:19|20)[0-9]{2}年|(?:19|20)[0-9]{2}[/.])")


_YEAR_CELL = re.compile(r"(?:19|20)[0-9]{2}")


def _table_rows(ctx: DocContext, done: set[int]) -> list[dict]:
    """History tables (回 / 開催年月 / 開催都市 / テーマ) in any column order: a tab-separated row
    whose first cell is an edition (第5回, 5回, or 5 under a header naming 回), with a date cell;
    the host is the place cell (gazetteer), the theme the first longer text cell after it."""
    drafts = []
    header_has_round = False
    for line in ctx.lines:
        if "\t" not in line.text and _SPACED_HEADER.match(line.text):
            header_has_round = True  # 回 年月日 開催地 テーマ: the header of a table set with spaces
            continue
        spaced = "\t" not in line.text and header_has_round and _SPACED_ROW.match(line.text)
        if ("\t" not in line.text and not spaced) or line.start in done:
            header_has_round = header_has_round if line.body else False
            continue
        row = [(line.start + c.start(), line.start + c.end(), c.group()) for c in re.finditer(r"\S+", line.text)] \
            if spaced else cells(line)
        m = _EDITION_CELL.fullmatch(row[0][2]) if row else None
        if not m or not (m.group(2) or row[0][2].startswith("第") or header_has_round):
            header_has_round = header_has_round or (bool(row) and "回" in row[0][2] and not m)
            continue
        date = host = theme = None
        edition = kanji_to_int(m.group(1))
        spans = [field_span(row[0][0], row[0][1], "summit-row", "edition", edition)]
        for cs, ce, cell in row[1:]:
            dates = [d for d in ctx.dates_in(cs, ce) if d.start == cs and d.start_date]
            if not dates and header_has_round and _YEAR_CELL.fullmatch(cell):  # 1 | 2010 | 青葉市 under 回 | 開催年
                dates = [DateMention(cs, ce, cell, cell, "year", True, False, None)]
            places = find_municipalities(cell)
            if date is None and dates:
                date = dates[0]
                spans += [date_span(date, "summit-row", "start_date"), date_span(date, "summit-row", "end_date")]
            elif host is None and places and places[0][0] == 0:
                cities = [p for p in places if p[2].endswith(MUNICIPALITY_SUFFIX)]
                ps, pe, host = (cities or places)[-1]
                spans.append(field_span(cs + ps, cs + pe, "summit-row", "host", host))
            elif host is None and _ROW_SHORT_PLACE.fullmatch(cell) and not dates:  # a cell 松本 (大会)
                found = _row_place(ctx, cs, ce)
                if found:
                    host = found[2]
                    spans.append(field_span(found[0], found[1], "summit-row", "host", host, how="completed by the gazetteer"))
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
    """The first meeting name of the page title (a bare word too: 総会 is the title's series): as
    the text's heading writes it when the title stands at the top of the text (the rule pass read
    its nouns, ものづくり included), else read from the title alone."""
    title = ctx.doc.title or ""
    at = ctx.text.find(title, 0, _TITLE_IN_TEXT) if title else -1
    if at >= 0:
        names = [f for f in _series_names(ctx) if at <= f.start and f.end <= at + len(title)]
        if names:
            return names[0].text
    names = meetings.names_in(title, 0, len(title))
    named = [f.text for f in names if _is_series_name(f.text)]
    return named[0] if named else (names[0].text if names else None)


def _host_span_after(ctx: DocContext, offset: int) -> Span | None:
    """The host written right after a series name (in 岡谷, (群馬大会)), made whole by the gazetteer,
    as the span of the place as written."""
    text = ctx.text[offset:offset + 20]
    m = _IN_HOST.match(text)
    nickname = False
    if not m:
        m = _PAREN_HOST.match(text) or _SPACED_NICKNAME.match(text)
        if not m:
            m = _PAREN_DATE_HOST.match(ctx.text[offset:offset + 40])
            whole = m and (full_host(ctx, m.group(1)) or "")
            ends = m and [p for p in find_municipalities(m.group(1)) if p[1] == len(m.group(1))]
            if not m or not (is_municipality(whole) or ends):
                return None  # (…, 山田太郎氏): after the day, only a place written whole
        # (群馬大会), 〈広島大会〉: a meeting's nickname names its prefecture; (那覇市) names the city
        nickname = m.group(0).rstrip(")）〉> \u3000").endswith("大会")
    short = m.group(1).strip()
    if m.re is _IN_HOST and _HIRAGANA.fullmatch(short):
        # (inさっぽろを開催, inなごや開催報告: the longest start of the kana run that reads as a place)
        n = next((n for n in range(len(short), 1, -1) if places_read_as(short[:n])
                  or any(is_municipality(short[:n] + e) for e in MUNICIPALITY_SUFFIX)), None)
        if n is None:
            return None
        short = short[:n]
    if m.re is _PAREN_HOST and ends_in_kind_word(short) and not _VENUE_WORD.search(m.group(0)):
        return None  # …フォーラム(青葉商工会議所), …大会(若葉同友会): the organiser or the publisher, no place
    places = find_municipalities(short)
    if len(places) > 1 and places[0][0] == 0 and places[-1][1] == len(short):  # (長野県飯田市): the city
        cities = [p for p in places if p[2].endswith(MUNICIPALITY_SUFFIX)]
        ps, pe, name = (cities or places)[-1]
        s = offset + m.start(1) + m.group(1).index(short) + ps
        return field_span(s, s + pe - ps, "summit-host-after", "host", name)
    # (…大会in長崎: a prefecture's name read as a nickname's is, the city where that is the prefecture's seat;
    # in 富岡 on a page writing 富岡町: the place the page writes)
    seat = m.re is _IN_HOST and any(is_municipality(short + e) for e in PREFECTURE_SUFFIX)
    host = nickname_place(ctx, short) if nickname or seat else full_host(ctx, short)
    if (host is None or not is_municipality(host)) and not nickname:
        # in 品川開催: a word the reader joined to the place (a PDF drops the space between them)
        for n in range(len(short) - 1, 1, -1):
            whole = full_host(ctx, short[:n])
            if whole and is_municipality(whole):
                host, short = whole, short[:n]
                break
    if (host is None or not is_municipality(host)) and m.re is _PAREN_HOST and _SHORT_FORM_PLACE.fullmatch(short):
        # (全研岡山), (青全交岐阜): the series' short name and the place of this meeting, written as one word
        for n in (3, 2):
            whole = full_host(ctx, short[-n:])
            if whole and is_municipality(whole):
                host, short = whole, short[-n:]
                break
    if host is None or not _is_place(ctx, host):
        return None  # (全研、中同協主催), (青全交): the series' short name or organiser in brackets, no place
    s = offset + m.start(1) + m.group(1).index(short)
    how = None if host == short else "completed by the gazetteer" if is_municipality(host) else "completed from the page"
    return field_span(s, s + len(short), "summit-host-after", "host", host, how=how)


_DOUBLED_TAIL = re.compile(r"(.{3,})\1$")
_SHORT_FORM_PLACE = re.compile(r"[\u4e00-\u9fff々ヶ]{2,3}[\u4e00-\u9fff々ヶ]{2,3}")


def _is_place(ctx: DocContext, name: str) -> bool:
    """A municipality of the gazetteer, or a name with a municipality's suffix that the text writes
    whole (a town merged away since: 安土町)."""
    return is_municipality(name) or (name.endswith(MUNICIPALITY_SUFFIX + PREFECTURE_SUFFIX) and name in ctx.text)


def _series_after(ctx: DocContext, ed) -> tuple[str, int] | None:
    """The series name written right after an edition mark (language.meetings.name_after), with its
    end offset; a committee's meeting is none."""
    found = meetings.name_after(ctx.text, ed.end)
    if found is None or meetings.is_committee(found.text):
        return None
    name = meetings.without_nickname(found.text)  # (…サミット五島大会: the nickname names the host)
    return name.lstrip("の"), found.start + len(name)


# (a space before the place, or a body's name or its short form ending right before it: …連合会青葉総会, 全国利工連三木大会)
_NICKNAME_END = re.compile(r"(?:[ \u3000]|(?<=[会所部連協]))([\u4e00-\u9fff々ヶ]{2,4}?)(?:全国大会|大会|総会)$")


def nickname_place(ctx: DocContext, short: str) -> str | None:
    """The place an edition's nickname names (鹿児島大会, 〈広島大会〉): the city of that name where the
    gazetteer holds one (a meeting is held in a town: 鹿児島大会 -> 鹿児島市, as the dev gold reads
    …長野全国大会, …神戸大会), unless the name is also a prefecture's whose seat is another city (栃木大会,
    沖縄大会: the prefecture's meeting, not its town's); else the place made whole, its prefecture first
    (群馬大会 -> 群馬県)."""
    return seat_city(ctx, short) or full_host(ctx, short, prefecture_first=True)


def _nickname_host(ctx: DocContext, series: str, series_end: int) -> Span | None:
    """The place a name ends on (…研修会 京都大会, …連合会 長野全国大会, …女性会連合会松江総会): the
    nickname's (nickname_place: 長野 -> 長野市). The first place after a space or a body's word that ends the
    name with a meeting word (…連合会東京総会: not 合会東京 after 連)."""
    m = next((m for m in (_NICKNAME_END.match(series, i) for i in range(len(series)))
              if m and meetings.is_nickname(m.group(0).strip())), None)
    if not m:
        return None
    host = nickname_place(ctx, m.group(1))
    if not host or not is_municipality(host):
        return None
    s = series_end - len(series) + m.start(1)
    return field_span(s, s + len(m.group(1)), "summit-host-after", "host", host,
                      how=None if host == m.group(1) else "completed by the gazetteer")


def _edition_name_host(ctx: DocContext, series_end: int) -> Span | None:
    """The place the edition's own name ends on (第12回全国大会 北の杜はちのへ大会, …総会 もりおか大会:
    language.meetings.edition_name), made whole: a name the gazetteer holds as written (つくば市), else
    by the gazetteer; a kana name is the city it reads (a meeting named after a town in kana is held in that
    town)."""
    found = meetings.edition_name(ctx.text, series_end)
    if found is None:
        return None
    place = found[1]
    kana = [place.text + e for e in MUNICIPALITY_SUFFIX if is_municipality(place.text + e)] \
        + [n for n in places_read_as(place.text) if n.endswith(MUNICIPALITY_SUFFIX)]  # () for kanji
    host = kana[0] if kana and not _PLACE_RUN.match(place.text) else nickname_place(ctx, place.text)
    if not host or not is_municipality(host):
        return None
    return field_span(place.start, place.end, "summit-edition-name", "host", host,
                      how=None if host == place.text else "completed by the gazetteer")


_EDITION_BEFORE = re.compile(r"第\s?([0-9]+|[一二三四五六七八九十百]+)\s?回\s?$")


def series_host(ctx: DocContext, series: str, edition: int | None = None) -> Span | None:
    """A host written after the series name anywhere on the page (青葉サミット in 若葉 in a heading),
    not after a mention of another edition (第1回青葉サミット in 若葉 on the page of the 2nd)."""
    text = ctx.text
    at = text.find(series)
    while at >= 0:
        end = at + len(series)
        other = _EDITION_BEFORE.search(text, max(0, at - 8), at)
        if edition is not None and other and kanji_to_int(other.group(1)) != edition:
            at = text.find(series, end)
            continue
        year = _SERIES_YEAR.match(text, end)
        found = _host_span_after(ctx, year.end() if year else end)
        if found is not None and is_municipality(found.value):
            return found
        at = text.find(series, end)
    return None


def _modifier(ctx: DocContext, end: int) -> bool:
    """…サミットの実行委員会, …サミット実行委員会: the series names what the sentence is about (its
    committee), not the meeting."""
    if _COMMITTEE_AFTER.match(ctx.text, end):
        return True
    return ctx.text[end:end + 1] == "の" and not ctx.text[end + 1:end + 3].startswith(("開催", "テーマ"))


_COMMITTEE_AFTER = re.compile(r"\s?(?:実行委員会|準備委員会|運営委員会|幹事会|推進委員会|推進協議会)")


@lru_cache(maxsize=1)
def _assembly_cue() -> re.Pattern:
    """The assembly cues of language/data/meetings.json; 議会 not as the end of 協議会 or 審議会."""
    cues = "|".join(map(re.escape, meetings.vocabulary()["assembly_cues"]))
    return re.compile(rf"(?<![協審])(?:{cues})")


def _assembly_session(ctx: DocContext, series: str, edition_at: int, s: int, e: int) -> bool:
    """A bare 定例会/臨時会 in a sentence about bills (令和2年第4回定例会で可決され), or numbered
    within its year (令和5年第3回定例会) on a page that speaks of an assembly (議会, 議員): an
    assembly's session, no summit."""
    if series not in _SESSIONS:
        return False
    if _assembly_cue().search(ctx.text, s, e):
        return True
    return bool(_YEAR_BEFORE.search(ctx.text, max(0, edition_at - 4), edition_at)) and bool(_ASSEMBLY.search(ctx.text))


def _sentence_details(ctx: DocContext, draft: dict, s: int, e: int, series_end: int, edition_at: int,
                      year: int | None, clause: tuple[int, int] | None = None) -> None:
    """The date, theme and declaration the meeting's own sentence states (none when the series only
    qualifies what the sentence is about: …サミットの実行委員会が開かれ); the date from the
    edition's own clause when the sentence lists several editions (`_edition_clause`)."""
    if _modifier(ctx, series_end):
        return
    text = ctx.text
    found = _sentence_date(ctx, *(clause or (s, e)), edition_at, year)
    if found:
        date, year_how = found
        draft["start_date"], draft["end_date"] = date.start_date, date.end_date
        draft["evidence"].append((date.start, date.end, "date"))
        draft["evidence"] += [date_span(date, "date", f, year_how=year_how) for f in ("start_date", "end_date")]
    themes = meetings.themes(text, s, e)
    if themes:
        t = themes[0]
        draft["theme"] = t.text
        draft["evidence"].append(field_span(t.start, t.end, "summit-theme", "theme", t.text))
    decls = meetings.declarations(text, s, e)
    if decls:
        d = decls[0]
        name = _EDITION_PREFIX.sub("", d.text)
        draft["declaration"] = name
        draft["evidence"].append(field_span(d.end - len(name), d.end, "summit-declaration", "declaration", name))


# an edition mark that opens a clause of its own (…で、第2回は…で開かれた)
_CLAUSE_OPENING = re.compile(r"(?:^|[、,，]\s?)$")


def _edition_clause(ctx: DocContext, editions: list, ed, s: int, e: int) -> tuple[int, int]:
    """The part of sentence text[s:e] that speaks of edition `ed` when the sentence names several,
    each opening a clause (第1回は青葉市で、第2回は若葉市で開かれた): from the edition (the first:
    from the sentence start) to the next; the whole sentence when it names one."""
    opening = [o for o in editions if s < o.start < e and _CLAUSE_OPENING.search(ctx.text, s, o.start)]
    if not opening or (ed.start != s and ed not in opening and ed.start > opening[0].start):
        return s, e  # (an edition inside another's clause: 第2回は第1回に続き…)
    starts = [o.start for o in opening]
    if any(s <= o.start < starts[0] for o in editions):
        starts.insert(0, s)
    else:
        starts[0] = s  # (2019年、第1回は…: the first clause from the sentence start)
    return max(x for x in starts if x <= ed.start), min([x for x in starts if x > ed.start] or [e])


# 第26回青葉サミット、第57回若葉大会: editions listed one after the other, nothing but a comma or a
# conjunction between a series name and the next edition
_LISTED_BETWEEN = re.compile(r"\s?(?:[、,，・]|及び|および|並びに|ならびに|と)\s?")


def _listed_with_other(ctx: DocContext, editions: list, ed, s: int, e: int) -> bool:
    """Whether edition `ed` is listed right after or right before another edition of its sentence text[s:e]
    (…若葉市で開かれた、第26回青葉サミット、第57回若葉大会に出席): the meetings of one list share the venue
    the sentence states once."""
    inside = [o for o in editions if s <= o.start < e]
    if ed not in inside:
        return False
    at = inside.index(ed)
    for a, b in zip(inside[max(at - 1, 0):at + 1], inside[max(at, 1):at + 2]):  # (the one before, ed), (ed, the one after)
        named = _series_after(ctx, a)
        if named and _LISTED_BETWEEN.fullmatch(ctx.text, named[1], b.start):
            return True
    return False


def _set_venue(ctx: DocContext, draft: dict, s: int, e: int, short: Span | None = None) -> None:
    """The host: the venue stated in the sentence, else a place written after the series name."""
    place = venue(ctx, s, e)
    if place:
        draft["host"] = place[0]
        draft["evidence"].append(venue_span(ctx, place))
        draft["confidence"] = 0.75
    elif short:
        draft["host"] = short.value
        draft["evidence"].append(short)


# An organisation's name right before an edition (…連合会の第52回, …協議会 第54回): a noun run
# ending in a body's word, not a self-reference (本会, 当会) or a place; 協 and 連 end the short forms
# of a 協議会 and a 連合会 (中同協第51回定時総会, 全青連の第20回大会).
_BODY_NAME = r"[\u4e00-\u9fff々ヶ\u30a1-\u30faー]{2,30}?(?:会|部|所|連盟|組合|機構|センター|協|連)"
# (日本商工会議所第110回通常会員総会: the body's name run on into the edition)
_ORGANISER = re.compile(rf"(?<![\u4e00-\u9fff々ヶ\u30a1-\u30faー])({_BODY_NAME})(?:の|\s)?$")
# 青葉商工会議所は15日、…で第124回通常会員総会を開催した: the body the sentence is about
_SUBJECT_ORGANISER = re.compile(rf"\s?({_BODY_NAME})(?:は|が)[、,\s]?")
ORGANISER = "organiser named before the edition"


def _organiser_before(ctx: DocContext, edition_at: int) -> tuple[int, int, str] | None:
    """The body named right before a bare meeting's edition (…女性会連合会の第52回全国大会), on the
    edition's line, else the body the edition's sentence opens with as its subject (青葉商工会議所は
    …第124回通常会員総会を開催した): its span and name."""
    ls, _ = ctx.line(edition_at)
    m = _ORGANISER.search(ctx.text, max(ls, edition_at - 32), edition_at)
    if not m:
        s, _ = ctx.sentence(edition_at)
        m = _SUBJECT_ORGANISER.match(ctx.text, s, edition_at)
    if not m or m.group(1).startswith(("本", "当", "同", "各")):
        return None
    return m.start(1), m.end(1), m.group(1)


def _mentions(ctx: DocContext) -> list[dict]:
    """第N回 + a series name: one draft per mention (an assembly's session in one sentence is one in
    every sentence: a heading 令和5年第4回定例会 over 第4回定例会で議案を可決)."""
    drafts = []
    sessions: set[tuple[str, int | None]] = set()
    series_by_start = {c.start: c for c in ctx.cands if c.label == "SERIES"}
    text = ctx.text
    editions = _editions(ctx)
    for ed in editions:
        after = _series_after(ctx, ed)
        gap = 1 if text[ed.end:ed.end + 1] == " " else 0
        cand = series_by_start.get(ed.end + gap)
        if after is None and (cand is None or not _is_series_name(cand.text)):
            continue
        series, series_end = after if after else (cand.text, cand.end)
        if _EDITION.search(series):
            continue  # 第3回理事会・第5回通常総会: a body's meetings listed, the first one no series of a meeting word
        doubled = _DOUBLED_TAIL.search(series)
        if doubled:  # 全国港町交流会議交流会議: the name's tail written twice, a slip of the page
            series_end -= len(doubled.group(1))
            series = series[:-len(doubled.group(1))]
        s, e = ctx.sentence(ed.start)
        edition = edition_number(ed.text)
        if _assembly_session(ctx, series, ed.start, s, e):
            sessions.add((series, edition))
            continue
        series_spans = [field_span(series_end - len(series), series_end, "summit-edition-series", "series", series)]
        organiser = _organiser_before(ctx, ed.start) if meetings.is_bare(series) else None
        if organiser and meetings.is_committee(organiser[2] + series):
            continue  # 青葉市議会の第4回定例会: an assembly's session
        if organiser:  # 全国商工会議所女性会連合会の第52回全国大会: the organiser's 全国大会
            os_, oe, org = organiser
            series = org + series
            series_spans = [field_span(os_, oe, "summit-edition-series", "series", series, how=ORGANISER),
                            field_span(series_end - len(series) + len(org), series_end, "summit-edition-series",
                                       "series", series, how=ORGANISER)]
        draft = _summit(series, edition, 0.7, [
                (ed.start, series_end, "summit-edition-series"),
                field_span(ed.start, ed.end, "summit-edition-series", "edition", edition), *series_spans])
        year = _SERIES_YEAR.match(text, series_end)  # サミット2011 in 青葉: the year of the meeting
        host_at = series_end + (year.end() - year.start() if year else 0)
        cs, ce = _edition_clause(ctx, editions, ed, s, e)
        _set_venue(ctx, draft, cs, ce, _host_span_after(ctx, host_at) or _edition_name_host(ctx, host_at)
                   or _nickname_host(ctx, series, series_end))
        if draft["host"] is None and (cs, ce) != (s, e) and _listed_with_other(ctx, editions, ed, s, e):
            _set_venue(ctx, draft, s, e)  # (…若葉市で開かれた、第26回青葉サミット、第57回若葉大会: one venue for both)
        _sentence_details(ctx, draft, s, e, series_end, ed.start, int(year.group(1)) if year else None, (cs, ce))
        _list_row(ctx, draft, ed.start, series_end)
        drafts.append(draft)
    return [d for d in drafts if (d["series"], d["edition"]) not in sessions]


_LIST_ROW_START = re.compile(r"[\s・•■□◆◇●○◎▼▽▲△★☆※\-]*")
_ISSUE_AFTER = re.compile(r"\s?" + ISSUE_SUFFIX)


# (秋田県商工会連合会), 青葉市商工会議所: the place opens a body's name (the page's publisher), no venue
_BODY_AFTER_PLACE = re.compile(r"[\u4e00-\u9fff々ヶ\u30a1-\u30faー]{0,12}?(?:会|所|協会|組合|機構|センター)(?=[)）\s、。]|$)")


def _list_row(ctx: DocContext, draft: dict, edition_at: int, series_end: int) -> None:
    """A line of a history list that opens with the edition (第3回大会 2019年10月 青葉県青葉市): the
    place the line names after the series is the host (a city before its prefecture), and its
    first date with a year (a month will do) the meeting's."""
    ls, le = ctx.line(edition_at)
    line = ctx.text[ls:le]
    if _LIST_ROW_START.match(line).end() != edition_at - ls or len(line) > 100 or "。" in line:
        return
    if draft["host"] is None:
        places = [p for p in find_municipalities(ctx.text[series_end:le])
                  if not place_official_after(ctx.text, series_end + p[1]) and not ctx.in_quotes(series_end + p[0])
                  and not _BODY_AFTER_PLACE.match(ctx.text, series_end + p[1], le)]
        cities = [p for p in places if p[2].endswith(MUNICIPALITY_SUFFIX)]
        if places:
            ps, pe, name = (cities or places)[0]
            draft["host"] = name
            draft["evidence"].append(field_span(series_end + ps, series_end + pe, "summit-list-row", "host", name))
    if draft["start_date"] is None:
        # (…大会 in 青葉(青葉ジャーナル 2009年11月号): the issue of a paper that reports it, no day of the meeting)
        dates = [d for d in ctx.dates_in(series_end, le) if d.start_date and d.year_given and not d.fiscal_year
                 and not _ISSUE_AFTER.match(ctx.text, d.end)]
        if dates:
            d = dates[0]
            draft["start_date"], draft["end_date"] = d.start_date, d.end_date
            draft["evidence"] += [date_span(d, "summit-list-row", f) for f in ("start_date", "end_date")]


def _page_series(ctx: DocContext) -> meetings.Found | None:
    """The series a page is about: the one its title names (where the text writes it), else the
    one the text names most often."""
    names = _series_names(ctx)
    title = _title_series(ctx)
    if title and not meetings.is_bare(title):
        written = [f for f in names if f.text == title or strip_quotes(f.text) == title]
        if written:
            return written[0]
    if not names:
        return None
    counts: dict[str, int] = {}
    for f in names:
        counts[f.text] = counts.get(f.text, 0) + 1
    best = max(counts, key=lambda k: (counts[k], -next(f.start for f in names if f.text == k)))
    return next(f for f in names if f.text == best)


def _count_mentions(ctx: DocContext) -> list[dict]:
    """An edition written as a count (今年で9回目, 今回が8回目, 8回目となる今大会) of the series
    named before it in its paragraph (or, for 同フォーラム / a count with no name near, the page's
    series); its date, venue and theme from the sentence that names the meeting."""
    drafts = []
    text = ctx.text
    for m in meetings.counted_editions(text):
        para = text.rfind("\n\n", 0, m.start) + 1
        series = _series_cand_before(ctx, m.start)
        kind = _same_kind(ctx, m.start)
        if kind and series is not None and not strip_quotes(series.text).endswith(kind):
            # 同サミットは今年が27回目: the last サミット named, not a 会議 named in between
            series = next((f for f in reversed(_series_names(ctx)) if f.end <= m.start
                           and strip_quotes(f.text).endswith(kind)), series)
        how = None
        edition = kanji_to_int(m.edition)
        if series is None or series.end < max(para, m.start - 300):
            series, how = _page_series(ctx), "the page's series"
            if series is not None and (series.start > m.start and series.text != _title_series(ctx)
                                       or _edition_of_another_event(ctx, edition, m.start, m.end)):
                continue  # the count is of what the page is about: not a series named only later,
                # nor the page's series when the same edition is written before another event's name
        if series is None:
            continue
        name = strip_quotes(series.text)
        joint = [p for p in re.split(r"[&＆]", name) if kind and p.endswith(kind)]
        if "&" in name and joint:
            name = joint[-1]  # 「青葉フォーラム2017&若葉サミット」…同サミットは9回目: the one of the two named so
        ns = series.start + series.text.index(name)
        draft = _summit(name, edition, 0.7, [
            (m.start, m.end, "summit-count"),
            field_span(m.number_start, m.number_end, "summit-count", "edition", edition),
            field_span(ns, ns + len(name), "summit-count", "series", name, how=how)])
        # the meeting's sentence: the one that names the series near the count, else the count's own; not
        # one that names another edition (…は一昨年、第1回が高崎市で開かれ: that one's), but the series'
        # mention before it in a sentence of its own (「…サミット」が10日、室蘭市で開かれ)
        s, e = ctx.sentence(series.start) if series.end > max(para, m.start - 300) else ctx.sentence(m.start)
        if other_edition(ctx, s, edition):
            own = next((f for f in reversed(_series_names(ctx)) if f.end <= series.start
                        and strip_quotes(f.text) == name and not other_edition(ctx, f.start, edition)), None)
            s, e = ctx.sentence(own.start) if own else ctx.sentence(m.start)
        _set_venue(ctx, draft, s, e)
        if draft["host"] is None:
            _set_venue(ctx, draft, *ctx.sentence(m.start))
        if draft["host"] is None and _THIS_PLACE.match(text, m.start):
            _count_place(ctx, draft, m)
        year = _series_year(ctx, series.text)
        _sentence_details(ctx, draft, s, e, series.end, series.start, int(year[0]) if year else None)
        if year:
            draft["_year"] = year
        drafts.append(draft)
    return drafts


_THIS_PLACE = re.compile(r"今回の|この度の|このたびの")


# 初の「青葉サミット」, 初の青葉サミット: the name a first holding qualifies (not 史上初の, 全国初の: a
# record; not 県内で初めて: a first at one place, which says nothing of the series' number)
_FIRST_BEFORE = re.compile(r"(?<![上国界内])初の\s?")
# 「青葉サミット」を初開催, 青葉サミットが初めて開かれ: the name a first holding follows
_FIRST_AFTER = re.compile(r"[」』]?\s?(?:を|が)\s?(?:初開催|初めて開催|初めて開か|初めて開い)")


def _first_mentions(ctx: DocContext) -> list[dict]:
    """A page with no edition mark nor count that tells the first holding of a series (初の「青葉
    サミット」, 「青葉サミット」を初開催した): edition 1 of that series, named in full where the page writes it so
    (全国青葉サミット); its date and venue from the sentence that names the meeting."""
    text = ctx.text
    names = _series_names(ctx)
    firsts = [(f, m.start(), m.end()) for f in names for m in [_FIRST_AFTER.match(text, f.end)] if m]
    for m in _FIRST_BEFORE.finditer(text):
        after = meetings.name_after(text, m.end())
        if after is not None and _is_series_name(strip_quotes(after.text)):
            firsts.append((after, m.start(), m.end()))
    firsts = [f for f in firsts if not meetings.numbered_only(f[0].text)]  # (初の青葉セミナー: a one-off event)
    if not firsts:
        return []
    first, fs, fe = min(firsts, key=lambda t: t[0].start)
    short = strip_quotes(first.text)
    # (初の「青葉サミット」 in a headline, 「全国青葉サミット」が…で開かれた in the text: the name in full)
    series = max((f for f in names if short in strip_quotes(f.text)), key=lambda f: len(strip_quotes(f.text)), default=first)
    name = strip_quotes(series.text)
    ns = series.start + series.text.index(name)
    draft = _summit(name, 1, 0.6, [(min(first.start, fs), max(first.end, fe), "summit-first"),
                                   field_span(fs, fe, "summit-first", "edition", 1, how="a first holding"),
                                   field_span(ns, ns + len(name), "summit-first", "series", name)])
    s, e = ctx.sentence(series.start)
    _set_venue(ctx, draft, s, e)
    _sentence_details(ctx, draft, s, e, series.end, series.start, None)
    return [draft]


def _count_place(ctx: DocContext, draft: dict, m: meetings.Count) -> None:
    """この度の青葉町が14回目: the municipality that ends the counted subject hosts the meeting."""
    head = ctx.text[m.start:m.number_start]
    places = [p for p in find_municipalities(head) if p[2].endswith(MUNICIPALITY_SUFFIX)
              and re.match(r"(?:での開催)?\s?(?:が|は)", head[p[1]:])]
    if places:
        ps, pe, name = places[-1]
        draft["host"] = name
        draft["evidence"].append(field_span(m.start + ps, m.start + pe, "summit-count-place", "host", name))


@lru_cache(maxsize=1)
def _same_pattern() -> re.Pattern:
    words = sorted(meetings.vocabulary()["meeting_words"], key=len, reverse=True)
    return re.compile("同(" + "|".join(map(re.escape, words)) + ")")


def _same_kind(ctx: DocContext, at: int) -> str | None:
    """The meeting word of a 同X (同サミット, 同大会) in the sentence before `at`, or of the bare word the
    count at `at` opens with (サミットは4回目): what the count is of."""
    at += ctx.text.startswith("同", at)  # (同フォーラムは17回目: the word after 同)
    bare = [w for w in meetings.vocabulary()["bare"] if ctx.text.startswith(w, at)]
    if bare:
        return max(bare, key=len)
    s, _ = ctx.sentence(at)
    found = list(_same_pattern().finditer(ctx.text, s, at))
    return found[-1].group(1) if found else None


def _edition_of_another_event(ctx: DocContext, edition: int | None, start: int, end: int) -> bool:
    """Whether the text writes 第N回 of this edition before a name that is no meeting's (第16回青葉市
    「産業祭」): a count of that edition (第16回を迎えた今回) speaks of that event."""
    for m in _EDITION.finditer(ctx.text):
        if start <= m.start() < end or kanji_to_int(m.group(1)) != edition:
            continue
        if re.match(r"\s?[\u4e00-\u9fff々ヶ\u30a1-\u30faー「『]{2}", ctx.text[m.end():m.end() + 3]):
            after = meetings.name_after(ctx.text, m.end())
            if after is None or not _is_series_name(after.text):
                return True
    return False


def _series_year(ctx: DocContext, series: str) -> tuple[str, int, int] | None:
    """The year written right after the series' name somewhere on the page (…大会2012in高知): the
    year of its meeting, with its span."""
    name = strip_quotes(series)
    at = ctx.text.find(name)
    while at >= 0:
        m = _YEAR_IN.match(ctx.text, at + len(name))
        if m:
            return m.group(1), m.start(1), m.end(1)
        at = ctx.text.find(name, at + len(name))
    return None


_LEADING_YEAR = re.compile(r"((?:19|20)[0-9]{2})\s?(?=[^0-9\s年度/.\-])")
_YEAR_RIGHT_BEFORE = re.compile(r"(?<![0-9\-./:－ー.A-Za-z])((?:19|20)[0-9]{2})\s?$")  # (not a phone number's end)
# 令和4年全国知事会議in奈良: an era year (not a fiscal year, 年度) written before the name
_MONTH_NAME = re.compile(r"[0-9一二三四五六七八九十]{1,2}月")
_ERA_YEAR_BEFORE = re.compile(r"(?P<era>明治|大正|昭和|平成|令和)\s?(?P<n>元|[0-9]{1,2})\s?年\s?$")


def _year_mentions(ctx: DocContext, editions: list) -> list[dict]:
    """Series named by year instead of number (青葉サミット2021in若葉): one meeting per series and
    year, edition null; its date is the sentence's (or the page's, for a one-meeting page)."""
    numbered_ends = {e.end for e in editions} | {e.end + 1 for e in editions}
    drafts, seen = [], {}
    for c in _series_names(ctx):
        if c.start in numbered_ends or meetings.numbered_only(c.text):
            continue  # (青葉経営セミナー2024: a one-off event)
        m = _YEAR_IN.match(ctx.text, c.end)
        name = strip_quotes(c.text)
        rule = "summit-series-year"
        if not m:  # 2023青葉サミット, 2023 青葉サミット: the year written before the name
            ns = c.start + c.text.index(name)
            m = _LEADING_YEAR.match(name) or _YEAR_RIGHT_BEFORE.search(ctx.text, max(0, ns - 6), ns) \
                or _ERA_YEAR_BEFORE.search(ctx.text, max(0, ns - 8), ns)
            if not m:
                continue
            if m.re is _LEADING_YEAR:
                m = _LEADING_YEAR.match(ctx.text, ns)  # (its span in the text)
                c = meetings.Found(m.end(), c.end, ctx.text[m.end():c.end])
                name = strip_quotes(c.text)
            rule = "summit-year-before"
            if not _is_series_name(name):
                continue
        s, e = ctx.sentence(c.start)
        if m.re is _ERA_YEAR_BEFORE:
            if name.endswith(_SESSIONS) or _MONTH_NAME.match(name):
                continue  # 令和5年12月定例会: an assembly's session of that year and month
            n = m.group("n")
            year, ys, ye = parse_wareki_year(m.group("era"), "1" if n == "元" else n), m.start("era"), ctx.text.index("年", m.end("n")) + 1
            if year is None:
                continue
        else:
            year, ys, ye = int(m.group(1)), m.start(1), m.end(1)
        if (name, m.group(1)) in seen:  # named again (a heading, then the body): a date the first lacked
            draft = seen[(name, m.group(1))]
            if draft["start_date"] is None:
                _year_date(ctx, draft, s, e, c.start, year)
            continue
        at = max(c.end, m.end())  # (the name's end, for a year before it)
        host = _host_span_after(ctx, at) or _place_right_after(ctx, at)
        ns = c.start + c.text.index(name)
        draft = _summit(name, None, 0.7, [(min(c.start, m.start()), max(c.end, m.end()), rule),
                                         field_span(ns, ns + len(name), rule, "series", name)]
                        + ([host] if host else []),
                        host=host.value if host else None, _year=(str(year), ys, ye))
        _year_date(ctx, draft, s, e, c.start, year)
        seen[(name, m.group(1))] = draft
        drafts.append(draft)
    return drafts


def _year_date(ctx: DocContext, draft: dict, s: int, e: int, series_at: int, year: int) -> None:
    """The date of the sentence text[s:e] naming a series by year, when it falls in that year."""
    found = _sentence_date(ctx, s, e, series_at, year)
    if found and found[0].start_date and found[0].start_date.startswith(str(year)):
        date, year_how = found
        draft["start_date"], draft["end_date"] = date.start_date, date.end_date
        draft["evidence"].append((date.start, date.end, "date"))
        draft["evidence"] += [date_span(date, "date", f, year_how=year_how) for f in ("start_date", "end_date")]


def _place_right_after(ctx: DocContext, at: int) -> Span | None:
    """A place written right after a series' year with no in (…サミット2019浜松): the longest start
    of the kanji run that the gazetteer makes a municipality."""
    m = _PLACE_RUN.match(ctx.text, at)
    if not m:
        return None
    for n in range(len(m.group()), 1, -1):
        whole = full_host(ctx, m.group()[:n])
        if whole and is_municipality(whole):
            how = None if whole == m.group()[:n] else "completed by the gazetteer"
            return field_span(at, at + n, "summit-host-after", "host", whole, how=how)
    return None


def _bare_day(ctx: DocContext, s: int, e: int) -> DateMention | None:
    """The first day of text[s:e] written without its month (…は20日、…を開いた), outside any date,
    read against the document's date: on or before it for a thing reported done, on or after it
    for one announced."""
    doc = ctx.doc_date.date if ctx.doc_date else ""
    if len(doc) != 10:
        return None
    taken = ctx.dates_in(s, e)
    for m in _BARE_DAY.finditer(ctx.text, s, e):
        if any(d.start <= m.start() < d.end for d in taken):
            continue
        past = bool(_PAST.search(ctx.text, m.end(), e))
        second = m.group(2) or m.group(3)
        if m.group(3) and int(m.group(3)) <= int(m.group(1)):
            continue  # (a pair's second day after its first: 5、6日)
        first = _day_near(doc, int(m.group(1)), past)
        last = _day_near(first, int(second), False) if first and second else first
        if first is None or last is None:
            return None
        return DateMention(m.start(), m.end(), first, last, "day", False, False, None, BARE_DAY)
    return None


def _series_day(ctx: DocContext, series: str) -> DateMention | None:
    """A bare day of a sentence of the page's opening that names the series as written (24日の午前
    は青葉サミットでした on a page dated 2022/10/24), not one about the next meeting, dated by
    the page's own date (`_bare_day`)."""
    name = strip_quotes(series)
    found = None
    at = ctx.text.find(name, 0, _TITLE_IN_TEXT + 200)
    while at >= 0:
        s, e = ctx.sentence(at)
        if not _NEXT.search(ctx.text, s, e):
            day = _bare_day(ctx, s, e)
            if day and (found is None or day.end_date != day.start_date and day.start_date == found.start_date):
                found = day  # (財界セミ、京都で5日開幕 / …セミナーが5、6日に: the same first day, and its last)
                if day.end_date != day.start_date:
                    return day
        at = ctx.text.find(name, e, _TITLE_IN_TEXT + 200)
    return found


_NEXT = re.compile(r"次回|次期|来年|来年度|次年度")


def _day_near(doc: str, day: int, past: bool) -> str | None:
    """The date of day `day` nearest `doc` on the side the sentence speaks of (done: on or before;
    announced: on or after)."""
    y, mo, today = (int(x) for x in doc.split("-"))
    if past and day > today:
        y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
    elif not past and day < today:
        y, mo = (y, mo + 1) if mo < 12 else (y + 1, 1)
    try:
        return date_cls(y, mo, day).isoformat()
    except ValueError:
        return None


_FOUNDED = re.compile(r"創立|設立|発足|結成|誕生|締結|制定|施行")


def _other_event(text: str, end: int, e: int) -> bool:
    """Whether the clause a date opens ends on another event (…八月二十六日に…同友会が創立され、):
    the day of a founding, not of a meeting."""
    stop = min([i for i in (text.find("、", end, e), text.find("。", end, e)) if i >= 0] or [e])
    return bool(_FOUNDED.search(text, end, stop))


def _other_meeting_day(ctx: DocContext, d: DateMention, end: int, edition_at: int) -> bool:
    """Whether the clause a date opens (to the next 、 or 。, within text[:end]) tells another meeting
    held that day (前日の5月8日に「…シンポジウム」が…行われ、翌9日に第7回…): a meeting named and
    held in it, no edition, the clause ending before the edition's mention at `edition_at`."""
    stop = min([i for i in (ctx.text.find("、", d.end, end), ctx.text.find("。", d.end, end)) if i >= 0] or [end])
    if stop > edition_at or _EDITION.search(ctx.text, d.end, stop):
        return False
    return bool(meetings.names_in(ctx.text, d.end, stop)) and bool(HOLD_VERB.search(ctx.text, d.end, stop))


# …2021年6月3~4日に開かれる第12回…: a date whose holding verb runs straight into an edition mark
_HELD_EDITION_AFTER = re.compile(r"\s?(?:[(（][^()（）]{1,4}[)）])?\s?(?:に|から)?\s?(?:開催|開か|行われ)[^、。第\n]{0,6}"
                                 r"(?=第\s?(?:[0-9]+|[一二三四五六七八九十百]+)\s?回)")


def _day_of_edition_after(ctx: DocContext, d: DateMention, edition_at: int) -> bool:
    """Whether a date is the day of the edition its holding verb leads to (…日に開かれる第12回…), when
    that edition is not the one at `edition_at`."""
    m = _HELD_EDITION_AFTER.match(ctx.text, d.end)
    return bool(m) and m.end() != edition_at


def _sentence_date(ctx: DocContext, s: int, e: int, edition_at: int,
                   year: int | None) -> tuple[DateMention, str] | None:
    """The meeting's date in its sentence: the first full date (its year from the series name when
    the date has none: サミット2011), else a month written right before the edition (平成9年5月に第3回);
    with where a year the date leaves out came from."""
    dates = [d for d in ctx.dates_in(s, e) if d.precision == "day"]
    year_how = YEAR_FROM_DOCUMENT
    if year is not None and any(not d.year_given for d in dates):
        dates = [d for d in find_dates(ctx.text[s:e], default_year=year) if d.precision == "day"]
        dates = [replace(d, start=d.start + s, end=d.end + s) for d in dates]
        year_how = "year of the series name"
    dates = [d for d in dates if d.start_date and not _other_event(ctx.text, d.end, e) and not _stamp(ctx, d)
             and not _other_meeting_day(ctx, d, e, edition_at) and not _day_of_edition_after(ctx, d, edition_at)]
    if dates:
        return _for_days(ctx, dates[0]), year_how
    before = [d for d in ctx.dates_in(s, edition_at) if d.start_date and not d.fiscal_year
              and re.fullmatch(r"\s?(?:に|、|の)?\s?", ctx.text[d.end:edition_at])]  # (平成23年度: a period)
    if before:
        return before[-1], YEAR_FROM_DOCUMENT
    same = _same_year(ctx, s, edition_at)
    if same:
        return same, THAT_YEAR
    day = _bare_day(ctx, s, e)
    if day and (year is None or day.start_date.startswith(str(year))):
        return day, BARE_DAY
    coarse = _coarse_date_after(ctx, edition_at, e)
    if coarse:
        return coarse, YEAR_FROM_DOCUMENT
    coarse = _coarse_date_before_venue(ctx, s, edition_at, e)
    if coarse:
        return coarse, YEAR_FROM_DOCUMENT
    return None


def _stamp(ctx: DocContext, d: DateMention) -> bool:
    """Whether a date is a list's stamp in brackets opening its line ([2019.07.10] 第10回…を7月4日に開催):
    the day the item was posted, not the meeting's."""
    ls, _ = ctx.line(d.start)
    return bool(re.fullmatch(r"\s*[【\[［〔]\s*", ctx.text[ls:d.start])) and \
        bool(re.match(r"\s*[】\]］〕]", ctx.text[d.end:d.end + 3]))


# 平成28年5月に長岡市で第9回…が開かれた, 平成28年5月、新潟県長岡市の…ホテルで第9回…: the venue between
_VENUE_BETWEEN = re.compile(r"\s?(?:に|、)\s?[^。、\n]{1,30}?(?:で|にて|において|におきまして)\s?")
_HOLDING_VERB = re.compile(r"開催(?:され|し|いたし)|開か|開い|開き|行われ")


def _coarse_date_before_venue(ctx: DocContext, s: int, edition_at: int, e: int) -> DateMention | None:
    """A year or month written with its year at the head of the meeting's sentence, a venue clause
    between it and the edition (…に長岡市で第9回…), the holding verb after the edition: its date at
    the precision written."""
    for d in ctx.dates_in(s, edition_at):
        if d.precision in ("year", "month") and d.start_date and d.year_given and not d.fiscal_year \
                and not ctx.text[s:d.start].strip() and _VENUE_BETWEEN.fullmatch(ctx.text, d.end, edition_at) \
                and _HOLDING_VERB.search(ctx.text, edition_at, e):
            return d
    return None


# 第1回は1989年に青葉市で開かれ, 第3回大会を平成9年5月に開催: a year or month after the edition,
# right before the place or the holding verb of its clause
_HELD_NEXT = re.compile(r"\s?(?:に|、)?\s?(?:[^\s、。]{1,12}?(?:で|にて|において|におきまして)\s?)?(?:開催(?![地日期場要])|開か|開い|開き|開く|行われ|行い|実施(?!日))")


def _coarse_date_after(ctx: DocContext, edition_at: int, e: int) -> DateMention | None:
    """The year or month a meeting's own clause gives it, written with its year after the edition
    and followed by the holding verb (a venue between them): the date at the precision written."""
    for d in ctx.dates_in(edition_at, e):
        if d.precision in ("year", "month") and d.start_date and d.year_given and not d.fiscal_year \
                and _HELD_NEXT.match(ctx.text, d.end) and not _other_event(ctx.text, d.end, e):
            return d
    return None


_SAME_YEAR = re.compile(r"(?:^\s?|[、,])(同年|その年)(?:に|、|,|の|\s)")
THAT_YEAR = "the year named before (同年)"


# 10月3日から2日間: a first day and a count of days
_FOR_DAYS = re.compile(r"(?:\s?[(（][^()（）]{1,4}[)）])?\s?(?:から|より)(?:の)?\s?([2-7]|[二三四五六七])日間")


def _for_days(ctx: DocContext, d: DateMention) -> DateMention:
    """A one-day date followed by から N日間: its end is the N-th day (the date's span reaches over the count)."""
    m = _FOR_DAYS.match(ctx.text, d.end)
    if not m or d.precision != "day" or d.start_date != d.end_date:
        return d
    end = date_cls.fromisoformat(d.start_date) + timedelta(days=kanji_to_int(m.group(1)) - 1)
    return replace(d, end=m.end(), end_date=end.isoformat())


def _same_year(ctx: DocContext, s: int, edition_at: int) -> DateMention | None:
    """同年、青葉町で第1回サミットを開催: 同年 before the edition is the year of the last date written
    with its year in the sentence before, on the same line (1984年、…発足。同年、…)."""
    m = _SAME_YEAR.search(ctx.text[s:edition_at])  # (in the slice: ^ is the sentence start)
    if not m:
        return None
    ls, _ = ctx.line(s)
    ps, _ = ctx.sentence(max(ls, s - 1))
    earlier = [d for d in ctx.dates_in(ps, s) if d.year_given and d.start_date and not d.fiscal_year] if s > ls else []
    if not earlier:
        return None
    year = earlier[-1].start_date[:4]
    return DateMention(s + m.start(1), s + m.end(1), year, year, "year", False, False, None, THAT_YEAR)


# 青葉サミット若葉宣言2022: a declaration named by the series, its place and its year (a page's
# list of documents)
_NAMED_DECLARATION = r"[ 　]?(?P<d>[\u4e00-\u9fff々ヶ\u30a1-\u30faー]{1,8}?宣言(?:{year})?)(?![\u4e00-\u9fff0-9])"


def _declarations(ctx: DocContext, drafts: list[dict]) -> None:
    by_edition: dict[int, list[dict]] = {}
    for d in drafts:
        by_edition.setdefault(d["edition"], []).append(d)
    yearly = [d for d in drafts if d["edition"] is None and d["series"] and d["start_date"]]
    if len(yearly) == 1 and yearly[0]["declaration"] is None:  # one meeting of a series named by year
        d = yearly[0]
        year = d["start_date"][:4]
        for m in re.finditer(re.escape(d["series"]) + _NAMED_DECLARATION.replace("{year}", year), ctx.text):
            d["declaration"] = m.group("d")
            d["evidence"].append(field_span(m.start("d"), m.end("d"), "summit-declaration", "declaration", m.group("d")))
            break
    for m in (*_DECLARATION.finditer(ctx.text), *_SPACED_DECLARATION.finditer(ctx.text)):
        n = kanji_to_int(m.group(1))
        for d in by_edition.get(n, []):
            if d["declaration"] is None:
                d["declaration"] = m.group(2)
                d["evidence"].append(field_span(m.start(2), m.end(2), "summit-declaration", "declaration", m.group(2)))


# 金沢宣言, 神戸アピール, 豊田宣言2022: a declaration named after the place that adopted it
_PLACE_DECLARATION = re.compile(r"([\u4e00-\u9fff々ヶ]{2,4}|[\u3041-\u3096]{2,6})(?:宣言|アピール)(?:\s?(?:19|20)[0-9]{2})?$")
DECLARATION_PLACE = "the place the declaration is named after"


def _host_of_declaration(ctx: DocContext, draft: dict) -> None:
    """A meeting whose host nothing else gave, and whose declaration is named after a place (富良野宣言,
    the series' name before it at most: …サミット豊田宣言2022): the place, made whole by the gazetteer.
    Meetings name their declaration after the town that adopts it."""
    decl = draft["declaration"]
    if draft["host"] is not None or not decl:
        return
    m = _PLACE_DECLARATION.search(decl)
    series = strip_quotes(draft["series"] or "")
    if not m or decl[:m.start()] not in ("", series):
        return
    host = full_host(ctx, m.group(1))
    if not host or not is_municipality(host):
        return
    spans = [sp for sp in draft["evidence"] if isinstance(sp, Span) and sp.field == "declaration"]
    at = ctx.text.find(decl[m.start(1):], spans[0].start, spans[0].end) if spans else -1
    if at < 0:
        return
    s = at
    draft["host"] = host
    draft["evidence"].append(field_span(s, s + len(m.group(1)), "summit-declaration-place", "host", host,
                                        how=DECLARATION_PLACE))


# The body that sets a meeting up, named by its place: 設営した青葉同友会, 設営を担当した青葉県中小企業家同友会,
# 青葉同友会代表理事の開催地あいさつ, 開催地を代表して…青葉同友会代表理事 (not the next meeting's: 次回設営担当の)
_BODY = r"([\u4e00-\u9fff々ヶ]{2,4}?)(?:都|道|府|県)?(?:中小企業家同友会|同友会|中央会|商工会議所|商工会)"
_HOSTING_BODY = re.compile(
    rf"(?<!次回)(?<!次期)設営(?:を担当|担当)?(?:した|の)?\s?{_BODY}"
    rf"|{_BODY}[\u4e00-\u9fff]{{0,6}}?(?:会長|代表理事|理事長)(?:の|から)(?:開催地)(?:代表|会長)?(?:あいさつ|挨拶)"
    rf"|開催地を代表して[^。、\n]{{0,12}}?{_BODY}")
HOSTING_BODY = "the place of the body that set the meeting up"


def _host_of_hosting_body(ctx: DocContext, drafts: list[dict]) -> None:
    """The one meeting of a page that no rule gave a host: the place of the body the page says set
    it up (設営) or gave the host's greeting (開催地あいさつ), made whole by the gazetteer."""
    open_ = [d for d in drafts if d["host"] is None and d["evidence"][0][2] not in ("summit-row", "summit-enumerated")]
    if len(open_) != 1:
        return
    for m in _HOSTING_BODY.finditer(ctx.text):
        i = next(i for i in range(1, 4) if m.group(i))
        for k in range(len(m.group(i)) - 1):  # (山田隆夫京都府中央会: the place ends the run)
            host = full_host(ctx, m.group(i)[k:])
            if host and is_municipality(host):
                open_[0]["host"] = host
                open_[0]["evidence"].append(field_span(m.start(i) + k, m.end(i), "summit-hosting-body", "host", host,
                                                       how=HOSTING_BODY))
                return


_NEAR_NAME = 400  # a bare 第N回サミット of a list of series is the one named this near before it


def _named_before(ctx: DocContext, offset: int, word: str) -> meetings.Found | None:
    """The series named last before `offset` (within _NEAR_NAME) that ends with the bare `word`:
    the entry a 第1回サミット of a page listing several series belongs to."""
    names = [f for f in _series_names(ctx) if f.end <= offset and offset - f.end <= _NEAR_NAME
             and strip_quotes(f.text).endswith(word) and not meetings.is_nickname(f.text)]
    return names[-1] if names else None


_LEGAL_FORM = re.compile(r"^(?:一般|公益)?(?:社団|財団)法人\s?")
_TITLE_BODY = re.compile(rf"^\s?({_BODY_NAME})(?=[\s　]|$)")
TITLE_BODY = "the meeting of the body the title names"


def _title_body_meeting(ctx: DocContext, word: str) -> str | None:
    """A bare meeting word (第62回定時総会) on a page that names no series: the meeting of the body
    the page title opens with (「一般社団法人青葉県中小企業家同友会 定時総会」 -> 青葉県中小企業家同友会
    定時総会); none for an assembly's session (青葉市議会 + 定例会) or a committee's meeting."""
    title = _LEGAL_FORM.sub("", (ctx.doc.title or "").strip())
    m = _TITLE_BODY.match(title)
    if not m or m.group(1).startswith(("本", "当", "同", "各")):
        return None
    series = m.group(1) + word
    return None if meetings.is_committee(series) else series


def _resolve_bare_series(ctx: DocContext, drafts: list[dict]) -> None:
    """第20回大会, 第10回大会: a bare 大会/総会/サミット is the page's series (the named series its
    mentions give most; a bare 総会 on a page whose series is a 大会 is a body's general meeting held
    beside the convention, and a bare セミナー on a page whose series is no seminar a session held in
    it, both dropped), else the series named last before it with the same meeting word (a page
    listing several series, each with its editions), else the title's; with no name on the page it
    stays as written."""
    named = [d["series"] for d in drafts if d["series"] and not meetings.is_bare(d["series"])]
    page = max(sorted(set(named)), key=named.count) if named else _title_series(ctx)
    # a page that names several series (an encyclopedia's list): each bare edition is the one before it
    listing = len({strip_quotes(f.text) for f in _series_names(ctx) if not meetings.is_nickname(f.text)}) > 1
    other_kind: list[int] = []
    for d in drafts:
        if not d["series"] or not meetings.is_bare(d["series"]):
            continue
        series, how = page, "the page's series"
        if page and d["series"].endswith("総会") and page.endswith("大会"):
            other_kind.append(id(d))  # 第2回定時総会 on a 大会's page: a body's general meeting held beside it
            continue
        if page and meetings.numbered_only(d["series"]) and not meetings.numbered_only(page):
            other_kind.append(id(d))  # 第2回セミナー on a サミット's page: a session held in it, no edition of it
            continue
        if not named and listing:
            near = _named_before(ctx, d["evidence"][0][0], strip_quotes(d["series"]))
            if near is not None:
                series, how = strip_quotes(near.text), "series named before the edition"
                ns = near.start + near.text.index(series)
                d["evidence"].append(field_span(ns, ns + len(series), "summit-series-before", "series", series))
        if not series or meetings.is_bare(series):
            series, how = _title_body_meeting(ctx, strip_quotes(d["series"])), TITLE_BODY
        if not series:
            continue  # no name given: 第2回定例会 stays 定例会
        bare = [sp for sp in d["evidence"] if isinstance(sp, Span) and sp.field == "series" and sp.value != series]
        d["evidence"] += [field_span(sp.start, sp.end, sp.rule, "series", series, how=how) for sp in bare]
        d["series"] = series
    drafts[:] = [d for d in drafts if id(d) not in other_kind]


def _same_meeting(a: dict, b: dict) -> bool:
    """Two drafts of one document naming one edition, one name ending the other (第8回市長サミット,
    第8回青葉・若葉市長サミット) or inside it in order (…連合会の第41回全国大会, 第41回…連合会 長野全国大会);
    or two drafts without edition of one year, one name ending the other."""
    if not a["series"] or not b["series"]:
        return False
    x, y = (strip_quotes(a["series"]).replace(" ", ""), strip_quotes(b["series"]).replace(" ", ""))
    if x == y:
        return False
    if a["edition"] is None and b["edition"] is None:
        # 観光振興大会2015 in a headline, 全国商工会議所観光振興大会2015in八戸 in the body: a series named by
        # year, once by its short name; the same year and one name ending the other
        return _year_of(a) is not None and _year_of(a) == _year_of(b) and (x.endswith(y) or y.endswith(x))
    if a["edition"] is None or a["edition"] != b["edition"]:
        return False
    short, long_ = sorted((x.replace("の", ""), y.replace("の", "")), key=len)
    # one name ending the other, or the organiser's 全国大会 inside its named one (…連合会全国大会,
    # …連合会長野全国大会): the shorter's characters in order in the longer, the same last word
    if long_.endswith(short) or (_in_order(short, long_) and short[-2:] == long_[-2:] and len(short) >= 6):
        return True
    # one organiser's meeting named by two bare words (中同協第49回総会 in a title, 中同協第49回定時総会 in the body)
    stems = {_organiser_stem(short), _organiser_stem(long_)}
    return len(stems) == 1 and None not in stems


def _organiser_stem(name: str) -> str | None:
    """The organiser's part of an organiser + bare meeting word series (中同協定時総会 -> 中同協), or of an
    organiser + the meeting's nickname (…女性会連合会栃木県大会, the heading's 第27回…連合会総会 栃木県大会
    read as …連合会 栃木県大会 -> …女性会連合会), else None."""
    nickname = _nickname_tail(name)
    if nickname:
        return name[:-len(nickname)]
    word = next((w for w in meetings.vocabulary()["bare"] if name.endswith(w) and len(name) > len(w)), None)
    return name[:-len(word)] if word else None


def _nickname_tail(name: str) -> str | None:
    """The meeting's nickname a name ends on after a body's name (…連合会栃木県大会 -> 栃木県大会), else None."""
    for n in range(4, 9):
        tail = name[-n:]
        if len(name) > n + 2 and meetings.is_nickname(tail) and ends_in_kind_word(name[:-n]):
            return tail
    return None


def _year_of(draft: dict) -> str | None:
    """The year of a draft's meeting: of its series' name (…大会2015), else of its date."""
    year = draft.get("_year")
    return year[0] if year else (draft["start_date"] or "")[:4] or None


def _in_order(short: str, long_: str) -> bool:
    it = iter(long_)
    return all(ch in it for ch in short)


def _join_same_meetings(drafts: list[dict]) -> list[dict]:
    """One draft per meeting: of two drafts of one edition whose names end alike, the one with the
    longer name stays; the other fills its empty fields, and its spans (but its series span) join."""
    out: list[dict] = []
    for d in drafts:
        i = next((i for i, o in enumerate(out) if _same_meeting(o, d)), None)
        if i is None:
            out.append(d)
            continue
        keep, drop = (d, out[i]) if len(strip_quotes(d["series"])) > len(strip_quotes(out[i]["series"])) else (out[i], d)
        if _nickname_tail(strip_quotes(keep["series"]).replace(" ", "")) and \
                not _nickname_tail(strip_quotes(drop["series"]).replace(" ", "")):
            keep, drop = drop, keep  # (…連合会 栃木県大会 and …連合会総会: the series, not the meeting's nickname)
        if (keep["host"] or "").endswith(PREFECTURE_SUFFIX) and (drop["host"] or "").endswith(MUNICIPALITY_SUFFIX) \
                and prefecture_of(drop["host"]) == keep["host"]:
            keep["host"] = None  # (青森県 in one mention, 青森県八戸市 in the other: the municipality)
        for k in ("start_date", "host", "theme", "declaration"):
            if keep[k] is None and drop[k] is not None:
                keep[k] = drop[k]
                if k == "start_date":
                    keep["end_date"] = drop["end_date"]
        keep["evidence"] += [sp for sp in drop["evidence"] if not (isinstance(sp, Span) and sp.field == "series")]
        keep["confidence"] = max(keep["confidence"], drop["confidence"])
        out[i] = keep
    return out


_ENUMERATED_AFTER = re.compile(r"目?\s?(?:は|:|：)?\s?[(（]?")


_DATE_FIRST = re.compile(r"[)）]?\s?(?:に|の|、)?\s?$")


def _date_first_row(ctx: DocContext, ed) -> tuple[DateMention, int] | None:
    """A list line that opens with its date (・平成26年 第1回 桐生市): the date, and where the
    place after the edition may start."""
    ls, le = ctx.line(ed.start)
    line = ctx.text[ls:le]
    if len(line.strip()) > 60 or "。" in line:
        return None
    opening = _LIST_ROW_START.match(line).end() + ls
    dates = [d for d in ctx.dates_in(opening, ed.start) if d.start == opening and d.start_date and d.year_given
             and not d.fiscal_year and _DATE_FIRST.match(ctx.text, d.end, ed.start)]
    if not dates:
        return None
    return dates[0], re.match(r"\s?", ctx.text[ed.end:]).end() + ed.end


def _enumerated(ctx: DocContext, named_at: set[int]) -> list[dict]:
    """Editions listed without the series name, each with its date and place (これまでの開催地は、
    第1回(2014年)高崎市、第2回(2015年)前橋市; 第1回は1997年に青葉で開かれ): editions of the page's
    series, when the page names one."""
    text = ctx.text
    page = None
    drafts = []
    for ed in (c for c in _editions(ctx) if c.start not in named_at):
        at = _ENUMERATED_AFTER.match(text, ed.end).end()
        dates = [d for d in ctx.dates_in(at, at + 16) if d.start == at and d.start_date and d.year_given]
        if not dates:
            found = _date_first_row(ctx, ed)
            if found is None:
                continue
            dates, at = [found[0]], found[1]
        date = dates[0]
        rest = max(at, date.end)
        rest = re.match(r"[)）]?\s?(?:に|、)?\s?", text[rest:]).end() + rest
        found = find_municipalities(text[rest:rest + 16])
        places = [p for p in found if p[0] == 0]
        if places and places[0][2].endswith(PREFECTURE_SUFFIX):  # (2010年)青葉県若葉市: the city after its prefecture
            places += [p for p in found if p[0] in (places[0][1], places[0][1] + 1)
                       and p[2].endswith(MUNICIPALITY_SUFFIX)][:1]
        short = [c for c in ctx.within(rest, rest + 12, "GPE") if c.start == rest]
        host = (places[-1][2], rest + places[-1][0], rest + places[-1][1]) if places else None
        if host is None and short:
            whole = full_host(ctx, short[0].text)
            host = (whole, short[0].start, short[0].end) if whole and is_municipality(whole) else None
        if host is None:
            continue
        page = page or _page_series(ctx)
        if page is None or meetings.is_bare(page.text):
            return []
        edition = edition_number(ed.text)
        name = strip_quotes(page.text)
        ns = page.start + page.text.index(name)
        drafts.append(_summit(name, edition, 0.7, [
            (ed.start, host[2], "summit-enumerated"),
            field_span(ed.start, ed.end, "summit-enumerated", "edition", edition),
            field_span(ns, ns + len(name), "summit-enumerated", "series", name, how="the page's series"),
            date_span(date, "summit-enumerated", "start_date"), date_span(date, "summit-enumerated", "end_date"),
            venue_span(ctx, host)], start_date=date.start_date, end_date=date.end_date, host=host[0]))
    return drafts


# 第50回という節目に…「X」を開催: an edition whose name comes later in its sentence
_COUNT_AFTER = re.compile(r"目?\s?(?:という|となる|となった|を迎え(?:る|た)|の節目)")
_HELD_AFTER = re.compile(r"[」』]?\s?(?:を|が)\s?(?:開催|開か|開き|開く|開い|行われ|行い)")
_BARE_AFTER = re.compile(r"目?\s?(?:は|が|を|では|も)")
_HELD_BEFORE = re.compile(r"(?:開催|開かれた大会|大会|サミット)\s?[(（]$")


_OWN_PLACE_AFTER = re.compile(r"目?\s?(?:を|は)\s?")


def _own_place(ctx: DocContext, at: int) -> tuple[str, int, int] | None:
    """The place an edition is given right after it in an enumeration (第1回を長井市、第2回は山形県真室川町で):
    a municipality, after its prefecture at most, ended by 、 or で."""
    m = _OWN_PLACE_AFTER.match(ctx.text, at)
    if not m:
        return None
    found = find_municipalities(ctx.text[m.end():m.end() + 14])
    chain, pos = [], 0
    for ps, pe, name in found:
        if ps != pos:
            break
        chain.append((ps, pe, name))
        pos = pe
    cities = [c for c in chain if c[2].endswith(MUNICIPALITY_SUFFIX)]
    if not cities or not re.match(r"[、,]|で(?!は)", ctx.text[m.end() + cities[-1][1]:m.end() + cities[-1][1] + 2]):
        return None
    ps, pe, name = cities[-1]
    return name, m.end() + ps, m.end() + pe


def _unnamed_editions(ctx: DocContext, named_at: set[int]) -> list[dict]:
    """Editions written with no name after them: 第50回という節目に…「X」を開催する (the one meeting
    its sentence says is held, named after it), and 静岡県藤枝市での開催(第19回) (the series named
    last before it, its year the sentence's only date)."""
    text = ctx.text
    drafts = []
    for ed in (c for c in _editions(ctx) if c.start not in named_at and c.text.startswith("第")):
        s, e = ctx.sentence(ed.start)
        edition = edition_number(ed.text)
        series = None
        in_parens = text[ed.start - 1:ed.start] in "(（" and text[ed.end:ed.end + 1] in ")）"
        right_before = [f for f in _series_names(ctx) if f.end == ed.start - 1 and not meetings.is_nickname(f.text)]
        if _COUNT_AFTER.match(text, ed.end) and len(_EDITION.findall(text, s, e)) == 1:
            held = [f for f in _series_names(ctx) if ed.end <= f.start and f.end <= e
                    and _HELD_AFTER.match(text, f.end) and not meetings.is_nickname(f.text)]
            series = held[0] if len(held) == 1 else None
            how = None
        elif in_parens and right_before:  # 全国椿サミット(第27回)
            series, how = right_before[0], None
        elif (_HELD_BEFORE.search(text, max(s, ed.start - 12), ed.start) and text[ed.end:ed.end + 1] in ")）") or (
                _BARE_AFTER.match(text, ed.end) and HOLD_VERB.search(text, ed.end, e)
                and text[ed.start - 1:ed.start] not in "の"):  # 1990年に第1回が釧路市で開かれた
            before = [f for f in _series_names(ctx) if f.end <= ed.start and ed.start - f.end <= _NEAR_NAME
                      and not meetings.is_nickname(f.text)]
            series = before[-1] if before else None
            how = "series named before the edition"
        if series is None:
            continue
        name = strip_quotes(series.text)
        ns = series.start + series.text.index(name)
        draft = _summit(name, edition, 0.7, [(ed.start, ed.end, "summit-unnamed-edition"),
                        field_span(ed.start, ed.end, "summit-unnamed-edition", "edition", edition),
                        field_span(ns, ns + len(name), "summit-unnamed-edition", "series", name, how=how)])
        own = _own_place(ctx, ed.end)
        if own:  # 第1回を長井市、第2回を真室川町で開催: each edition's own place
            draft["host"] = own[0]
            draft["evidence"].append(venue_span(ctx, own))
        else:
            _set_venue(ctx, draft, s, e)
        dates = [d for d in ctx.dates_in(s, e) if d.start_date and d.year_given and not d.fiscal_year]
        if len(dates) == 1:
            d = dates[0]
            draft["start_date"], draft["end_date"] = d.start_date, d.end_date
            draft["evidence"] += [date_span(d, "summit-unnamed-edition", f) for f in ("start_date", "end_date")]
        drafts.append(draft)
    return drafts


def _no_end_for_a_month(draft: dict) -> None:
    """A meeting dated by its month alone (平成12年3月に第10回大会) has no end date the text gives:
    the month is when it began, not a span (a range of months, 10月~11月, keeps its end)."""
    start = draft["start_date"]
    if start and len(start) == 7 and draft["end_date"] == start:
        draft["end_date"] = None
        draft["evidence"] = [sp for sp in draft["evidence"] if not (isinstance(sp, Span) and sp.field == "end_date")]


_WARD = re.compile(r"^(.+?市)(.+区)$")


# 「…が20日、青葉市で始まった。21日まで。」: a news report gives the last day as a sentence of its own
_UNTIL_DAY = re.compile(r"\s?([0-9]{1,2})日まで[。.]")


def _until_day(ctx: DocContext, draft: dict) -> None:
    """A meeting of one day whose day's paragraph goes on with a sentence 「N日まで。」: its last day is N
    (of the next month when N is before the first day), within a week of the first."""
    start = draft["start_date"]
    if not start or len(start) != 10 or draft["end_date"] != start:
        return
    at = next((sp for sp in draft["evidence"] if isinstance(sp, Span) and sp.field == "start_date"), None)
    if at is None:
        return
    _, e = ctx.sentence(at.start)
    _, line_end = ctx.line(at.start)
    m = None
    while e < line_end and m is None:  # a sentence of its own, later in the date's paragraph
        m = _UNTIL_DAY.match(ctx.text, e)
        e = max(ctx.sentence(e)[1], e + 1)
    if not m:
        return
    first = date_cls.fromisoformat(start)
    day = int(m.group(1))
    for last in ((first.replace(day=1) + timedelta(days=32)).replace(day=1), first):
        try:
            end = (first.replace(day=day) if last is first else last.replace(day=day))
        except ValueError:
            continue
        if timedelta(0) < end - first <= timedelta(days=7):
            draft["end_date"] = end.isoformat()
            draft["evidence"].append(field_span(m.start(1), m.end(1) + 1, "summit-until-day", "end_date", end.isoformat(),
                                                how="day of the month of the first day"))
            return


# 西伯郡伯耆町: a town written with its county (郡), as the postal table and an address write it
_COUNTY_TOWN = re.compile(r"^(.+?郡)(.+[町村])$")


def _municipality_of_host(ctx: DocContext, draft: dict) -> None:
    """A host that is a designated city's ward (福岡市中央区) is that city: the municipality; a town written
    with its county (西伯郡伯耆町) is the town (伯耆町), where that name alone is one town (森町, in two
    prefectures, keeps its county)."""
    m = _WARD.match(draft["host"] or "")
    if m and is_municipality(m.group(1)):
        city = m.group(1)
    else:
        m = _COUNTY_TOWN.match(draft["host"] or "")
        if not m or prefecture_of(m.group(2)) is None:
            return
        city = m.group(2)
    old = draft["host"]
    draft["host"] = city
    for i, sp in enumerate(draft["evidence"]):
        if isinstance(sp, Span) and sp.field == "host" and sp.value == old:
            quote = ctx.text[sp.start:sp.end]
            at = quote.find(city)
            draft["evidence"][i] = sp._replace(start=sp.start + at, end=sp.start + at + len(city), value=city) \
                if at >= 0 else sp._replace(value=city, how="the municipality of its ward or county")


_SHORT_NAME = re.compile(r"[」』]?\s?[(（](?:略称|通称)?[、,:：]?\s?([\u4e00-\u9fff々ヶ\u30a1-\u30faー]{2,6})[)）]")


def _short_names(ctx: DocContext) -> dict[str, meetings.Found]:
    """Short names the page gives its series (…研究集会(略称、全研), 「…交流会(青全交)」): short -> series."""
    out: dict[str, meetings.Found] = {}
    for name in dict.fromkeys(strip_quotes(f.text) for f in _series_names(ctx)):
        at = ctx.text.find(name)
        while at >= 0:
            m = _SHORT_NAME.match(ctx.text, at + len(name))
            short = m.group(1) if m else None
            if short and short not in name and not is_municipality(short) and not meetings.is_bare(short):
                out.setdefault(short, meetings.Found(at, at + len(name), name))
            at = ctx.text.find(name, at + len(name))
    return out


def _short_name_editions(ctx: DocContext, named_at: set[int]) -> list[dict]:
    """An edition written with the series' short name (第一回全研), when its sentence says when or
    where it was held; a passing mention by short name (第4回全研から…) states nothing of a meeting."""
    shorts = _short_names(ctx)
    if not shorts:
        return []
    drafts = []
    for ed in (c for c in _editions(ctx) if c.start not in named_at):
        at = ed.end + (1 if ctx.text.startswith("目", ed.end) else 0)
        short = next((k for k in sorted(shorts, key=len, reverse=True) if ctx.text.startswith(k, at)), None)
        if short is None:
            continue
        series = shorts[short]
        name = strip_quotes(series.text)
        ns = series.start + series.text.index(name)
        s, e = ctx.sentence(ed.start)
        edition = edition_number(ed.text)
        draft = _summit(name, edition, 0.7, [(ed.start, at + len(short), "summit-short-name"),
                        field_span(ed.start, ed.end, "summit-short-name", "edition", edition),
                        field_span(ns, ns + len(name), "summit-short-name", "series", name,
                                   how=f"short name {short}")])
        _set_venue(ctx, draft, s, e)
        found = _sentence_date(ctx, s, e, ed.start, None)
        if found:
            date, year_how = found
            draft["start_date"], draft["end_date"] = date.start_date, date.end_date
            draft["evidence"] += [date_span(date, "summit-short-name", f, year_how=year_how)
                                  for f in ("start_date", "end_date")]
        if draft["host"] or draft["start_date"]:
            drafts.append(draft)
    return drafts


def summit_drafts(ctx: DocContext) -> list[dict]:
    rows = _rows(ctx)
    mentions = _mentions(ctx)
    if not mentions:
        mentions = _count_mentions(ctx)
    else:  # 同大会は今回で14回目 beside 第15回大会は…で開く予定: the count is the page's meeting
        mentions += [c for c in _count_mentions(ctx) if c["edition"] not in {m["edition"] for m in mentions}]
    if not mentions:
        mentions = _year_mentions(ctx, _editions(ctx))
    if not mentions and not rows and not _editions(ctx):
        mentions = _first_mentions(ctx)
    drafts = rows + _table_rows(ctx, {d["evidence"][0][0] for d in rows}) + mentions
    drafts += _enumerated(ctx, {d["evidence"][0][0] for d in drafts})
    _resolve_bare_series(ctx, drafts)
    drafts += _unnamed_editions(ctx, {d["evidence"][0][0] for d in drafts})
    drafts += _short_name_editions(ctx, {d["evidence"][0][0] for d in drafts})
    drafts = _join_same_meetings(drafts)
    drafts += year_headings(ctx, drafts, _series_names(ctx), _summit)
    section_details(ctx, [d for d in drafts if d["evidence"][0][2] not in ("summit-row", "summit-enumerated")])
    # (an edition listed with its date and place is a past one, never the page's own meeting)
    single_meeting_details(ctx, [d for d in drafts if d["evidence"][0][2] != "summit-enumerated"], series_host,
                           _series_day)
    for d in drafts:  # a year-named meeting with no day found: at least its year
        year, ys, ye = d.pop("_year", (None, 0, 0))
        if year and (d["start_date"] is None or not d["start_date"].startswith(year)):
            # (a page date or another meeting's day is not it)
            d["start_date"] = d["end_date"] = year
            d["evidence"] += [field_span(ys, ye, "summit-series-year", f, year, how="year of the series name")
                              for f in ("start_date", "end_date")]
    _declarations(ctx, drafts)
    for d in drafts:
        _host_of_declaration(ctx, d)
    _host_of_hosting_body(ctx, drafts)
    for d in drafts:
        _municipality_of_host(ctx, d)
        _no_end_for_a_month(d)
        _until_day(ctx, d)
    # 第1回目の会議 that no named series takes: a body's working session (a council's minutes), no summit
    drafts = [d for d in drafts if d["series"] is None or strip_quotes(d["series"]) not in _WORKING_SESSION]
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
