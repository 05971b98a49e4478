"""Find and parse Japanese date expressions in normalised text.

Takes text that has been through `extractors.reading.normalize` (ASCII digits, " " for
spaces, "〜" for wave dashes, "-" for hyphens) and gives `DateMention`s: the
half-open character offsets of each date expression (text[start:end] is the
whole expression, a trailing weekday such as "(金)" or "火曜日" included) and
its ISO 8601 value at the precision written ("2004", "2004-05", "2004-05-27").

Understood forms: era years (平成16年, 令和元年, 昭和五十八年, "平成 16 年"),
era abbreviations (H16.5.27, R2.3.30, H14年度, 平12 as in 「(平12条51・一部改正)」),
western years (2004年, 二〇〇四年, 2014/11/28, 2003.5.29, 2016-04-01), an era year
with its western year in parentheses (平成29年(2017年)7月11日, 平成29(2017)年),
fiscal years (平成9年度), month-day without year (11月22日) and two-day spans
(27、28日 / 27日、28日 / 8日と9日 / 22日〜23日 / 22―23日 / 14日から15日 / 4日(金)5日(土) /
2003.5.29~30 / 10月31日〜11月1日), and month/day in posts (11/15・16, 11/15(水)).

Rules that are choices, not facts:
- A western year is four digits in 1868-2100. A bare count such as 約10年,
  40周年, 11年ぶり, 4年間 is not a date; nor is a day with 間/目 (2日間, 1日目).
- A month without day is a date only when the expression writes its year
  (2004年5月). "10月の" alone is skipped even when default_year is given.
- Impossible dates (2月30日, 13月) yield no mention at all.
- "、", "・" and "と" join two days into one span only when they are consecutive
  (27日、28日); "5月1日、15日" is a list, so only 5月1日 is kept.
  "〜", "~", "-" and "から" make a range whenever the end is after the start.
- When the year is not written: with default_year None the value is None
  (never guessed). With default_year given, a written weekday picks the first
  of default_year, default_year+1, default_year-1 on which the date falls on
  that weekday; with no weekday, or no match, default_year is used.
- When an era year and a western year in parentheses disagree, the western
  one wins (it is what the author computed; era slips like 平成32年 are common).
- A range end that writes its own year (平成16年4月1日〜平成17年3月31日) is not
  joined: the two dates come out as two mentions.

`document_year(text)` gives the year a document dates itself by, for use as
default_year: a 公開日/掲載日/作成日/発行日/取材・撮影 date, else a 更新日 date,
else a "[2011年7月12日]" line, else a date alone on its line in the first 200
characters; otherwise None (a date inside a sentence is what the text is about,
not when it was written).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, timedelta

ERA_BASES = {"明治": 1868, "大正": 1912, "昭和": 1926, "平成": 1989, "令和": 2019}
# Letters (H16.5.27) and one-kanji abbreviations (平12) used for era names.
_ERA_ALIASES = {"M": "明治", "T": "大正", "S": "昭和", "H": "平成", "R": "令和",
                "昭": "昭和", "平": "平成", "令": "令和"}
_KANJI_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}
_WEEKDAYS = {c: i for i, c in enumerate("月火水木金土日")}  # date.weekday() order
_MIN_YEAR, _MAX_YEAR = 1868, 2100
_PROXY_YEAR = 2000  # a leap year: validates 2月29日 when the year is unknown
_LIST_SEPS = "、,・と"

# Building blocks. [0-9] rather than \d: other scripts' digits are not dates here.
_NUM = r"(?:[0-9]{1,2}(?![0-9])|[〇一二三四五六七八九十]{1,3})"
_ERA_NAME = "(?:" + "|".join(ERA_BASES) + ")"
_ERA_N = rf"(?:元|{_NUM})"
# "(金)", "(月・祝)", "(火曜日)" or a bare "火曜日"; a bare single kanji is too ambiguous.
_WEEKDAY = r"(?: ?\([月火水木金土日](?:曜日?)?(?:・祝日?)?\)| ?[月火水木金土日]曜日?)"

# Where a year-bearing expression starts: era name, era letter, era kanji
# abbreviation or a four-digit year. Lookbehinds keep us out of longer tokens
# (ISO14001, 〒871-8501, 0979-22-1111, 公平12).
_YEAR_HEAD = re.compile(
    rf"(?P<era>{_ERA_NAME}) ?(?P<era_n>{_ERA_N})"
    r"|(?<![A-Za-z0-9])(?P<letter>[MTSHR])(?P<letter_n>[0-9]{1,2})(?![0-9])"
    r"|(?<![\u3400-\u9fff々])(?P<abbr>[昭平令])(?P<abbr_n>[0-9]{1,2})(?![0-9])"
    r"|(?<![0-9./\-])(?<![0-9],)(?P<west>[0-9]{4}|[〇一二三四五六七八九]{4})(?![0-9])"
)
# 年 / 年度 after the year number, with an optional other-calendar year in
# parentheses before 年 (平成29(2017)年, 2024(令和6)年) or after it (平成29年(2017年), 2017年(平成29年)).
_YEAR_TAIL = re.compile(
    rf"(?: ?\( ?(?:(?P<alt_pre>[0-9]{{4}})|(?P<alt_pre_era>{_ERA_NAME}) ?{_ERA_N}) ?\))? ?年(?P<fy>度)?"
    rf"(?: ?\( ?(?:(?P<alt>[0-9]{{4}}) ?(?:年度?)?|(?P<alt_era>{_ERA_NAME}) ?(?P<alt_n>{_ERA_N}) ?年度?) ?\))?"
)
_MONTH = re.compile(rf" ?(?P<m>{_NUM}) ?月(?!曜)")
_MONTH_START = re.compile(rf"(?<![0-9〇一二三四五六七八九十])(?P<m>{_NUM}) ?月(?!曜)")
# Day, or a pair of days: "27日", "27、28日", "27日(木)・28日(金)", "31日〜11月1日".
_DAYS = re.compile(
    rf" ?(?P<d1>{_NUM})(?:(?P<u1> ?日)(?![間目])(?P<w1>{_WEEKDAY})?)?"
    rf"(?:(?: ?(?P<sep>[、,・〜~\-―–と]|から)|(?<=\))) ?(?:(?P<m2>{_NUM}) ?月 ?)?(?P<d2>{_NUM}) ?(?:日(?![間目])|(?=の?(?:両日|[2二]日間)))(?P<w2>{_WEEKDAY})?)?"
)
# Month/day without a year, as in posts (11/15・16, 11/15(水)): only with a weekday or a second
# day, so that a fraction (1/2) or a ratio is no date.
_SLASH_MONTH_DAY = re.compile(
    rf"(?<![0-9/.\-])(?P<m>[0-9]{{1,2}})/(?P<d1>[0-9]{{1,2}})(?![0-9/])(?P<w1>{_WEEKDAY})?"
    rf"(?:(?P<sep>[・〜~\-])(?P<d2>[0-9]{{1,2}})(?![0-9/])(?P<w2>{_WEEKDAY})?)?"
)
# ".5.27", "/11/28", "-04-01" after a numeric year, optionally "~30" / "-30" / "~6.1".
# The end day must not be followed by ":" so that "2016/4/1~13:00" is no span.
_DOTTED = re.compile(
    rf"(?P<s>[./\-])(?P<m>[0-9]{{1,2}})(?P=s)(?P<d1>[0-9]{{1,2}})(?![0-9]|\.[0-9])(?P<w1>{_WEEKDAY})?"
    rf"(?: ?(?P<sep>[〜~\-]) ?(?:(?P<m2>[0-9]{{1,2}})[./])?(?P<d2>[0-9]{{1,2}})(?![0-9:]|[./][0-9])(?P<w2>{_WEEKDAY})?)?"
)
_CANDIDATE = re.compile(r"[0-9〇一二三四五六七八九十明大昭平令MTSHR]")
# A year alone followed by these is a count or a decade (4年間, 1990年代), not a date.
_NOT_A_YEAR = ("間", "目", "代", "ぶり")
_ASCII_DIGITS = re.compile(r"[0-9]+")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    start_date: str | None
    end_date: str | None
    precision: str  # "year" | "month" | "day"
    year_given: bool
    fiscal_year: bool
    era: str | None
    year_source: str | None = None  # where a year the expression leaves out came from (carry_years)


@dataclass(frozen=True)
class _Days:
    """The day part of an expression before the year is resolved."""
    day: int
    day_end: int | None  # offset after the first day's 日/weekday; None for "27、28日"
    end_month: int | None
    end_day: int | None
    sep: str | None
    span_end: int | None
    weekday: int | None


def kanji_to_int(s: str) -> int | None:
    """五十八 -> 58, 二〇〇四 -> 2004, 元 -> 1, "16" -> 16; None if s is not a number."""
    s = s.replace(" ", "")
    if not s:
        return None
    if s.isdecimal():
        return int(s)
    if s == "元":
        return 1
    if all(c in _KANJI_DIGITS for c in s):  # positional: 二〇〇四
        return int("".join(str(_KANJI_DIGITS[c]) for c in s))
    total, current, last_unit = 0, None, 10_000
    for c in s:
        if c in _KANJI_DIGITS:
            if current is not None:  # two digits in a row inside 十/百 notation
                return None
            current = _KANJI_DIGITS[c]
        elif c in _KANJI_UNITS:
            unit = _KANJI_UNITS[c]
            if unit >= last_unit:  # 十百 or 十十 is not a number
                return None
            total += (1 if current is None else current) * unit
            current, last_unit = None, unit
        else:
            return None
    return total + (current or 0)


def era_to_year(era: str, n: int) -> int:
    """Western year of year n of an era (平成 1 -> 1989); era may be H / 平 too. KeyError if unknown."""
    return ERA_BASES[_ERA_ALIASES.get(era, era)] + n - 1


def parse_wareki_year(era: str, n: str) -> int | None:
    """Western year of an era name or abbreviation and its year number text, None if out of range."""
    value = kanji_to_int(n)
    if value is None or not 1 <= value <= 99:
        return None
    year = era_to_year(era, value)
    return year if year <= _MAX_YEAR else None


def _num(s: str) -> int:
    """A month or day number; 0 for malformed kanji (十十) so that every range check fails."""
    value = kanji_to_int(s)
    return 0 if value is None else value


def _western_year(s: str) -> int | None:
    year = kanji_to_int(s)
    return year if year is not None and _MIN_YEAR <= year <= _MAX_YEAR else None


def _head_year(head: re.Match) -> tuple[int | None, str | None, str]:
    """(year, era name, year-number text) of a _YEAR_HEAD match."""
    if head["west"]:
        return _western_year(head["west"]), None, head["west"]
    for kind in ("era", "letter", "abbr"):
        if head[kind]:
            era, n = head[kind], head[kind + "_n"]
            return parse_wareki_year(era, n), _ERA_ALIASES.get(era, era), n
    raise AssertionError("unreachable: _YEAR_HEAD has no other branch")


def _make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _weekday(s: str | None) -> int | None:
    return next((_WEEKDAYS[c] for c in s if c in _WEEKDAYS), None) if s else None


def _infer_year(month: int, day: int, weekday: int | None, default_year: int | None) -> int | None:
    """The year of a month-day without year; see the module docstring for the rule."""
    if default_year is None or weekday is None:
        return default_year
    for year in (default_year, default_year + 1, default_year - 1):
        d = _make_date(year, month, day)
        if d is not None and d.weekday() == weekday:
            return year
    return default_year


def _match_days(text: str, pos: int) -> _Days | None:
    """The day part after "…月", or None if no day is written."""
    m = _DAYS.match(text, pos)
    if m is None or (m["u1"] is None and m["d2"] is None):
        return None
    second = m["d2"] is not None
    sep = m["sep"]
    if second and sep is None:  # 4日(金)5日(土): two days written one after the other, each with its weekday
        second, sep = m["w2"] is not None, "・"
    return _Days(
        day=_num(m["d1"]),
        day_end=m.end("w1") if m["w1"] else (m.end("u1") if m["u1"] else None),
        end_month=_num(m["m2"]) if second and m["m2"] else None,
        end_day=_num(m["d2"]) if second else None,
        sep=sep if second else None,
        span_end=m.end() if second else None,
        weekday=_weekday(m["w1"]),
    )


def _dotted_days(m: re.Match) -> tuple[int, _Days]:
    """Month and day part of a _DOTTED match; "-" cannot be both the separator and the range mark."""
    span = m["d2"] is not None and not (m["s"] == "-" and m["sep"] == "-")
    return int(m["m"]), _Days(
        day=int(m["d1"]),
        day_end=m.end("w1") if m["w1"] else m.end("d1"),
        end_month=int(m["m2"]) if span and m["m2"] else None,
        end_day=int(m["d2"]) if span else None,
        sep=m["sep"] if span else None,
        span_end=m.end() if span else None,
        weekday=_weekday(m["w1"]),
    )


def _span_end(first: date, days: _Days) -> date | None:
    """The end of a two-day span or range, or None if the second day does not continue the first."""
    if days.end_day is None:
        return None
    end_month = first.month if days.end_month is None else days.end_month
    end_year = first.year + (1 if end_month < first.month else 0)  # 12月31日〜1月1日
    end = _make_date(end_year, end_month, days.end_day)
    if end is None:
        return None
    if days.sep in _LIST_SEPS:
        return end if end - first == timedelta(days=1) else None
    return end if end > first else None


def _mention(start: int, end: int, year: int | None, month: int | None = None,
             day: date | None = None, last: date | None = None, *, year_given: bool,
             fiscal: bool = False, era: str | None = None) -> DateMention:
    if day is not None:
        precision = "day"
        first_iso = f"{year:04d}-{day.month:02d}-{day.day:02d}" if year is not None else None
        last_iso = last.isoformat() if last is not None and year is not None else first_iso
    else:
        precision = "month" if month is not None else "year"
        first_iso = last_iso = None if year is None else (
            f"{year:04d}-{month:02d}" if month is not None else f"{year:04d}")
    return DateMention(start, end, first_iso, last_iso, precision, year_given, fiscal, era)


def _with_days(text: str, start: int, year: int | None, month: int, month_end: int,
               days: _Days | None, default_year: int | None, era: str | None) -> DateMention | None:
    """Finish an expression whose month is known: validate, resolve year, decide span end."""
    year_given = year is not None
    if days is None:
        return _mention(start, month_end, year, month, year_given=True, era=era) if year_given else None
    if not year_given:
        year = _infer_year(month, days.day, days.weekday, default_year)
    first = _make_date(year if year is not None else _PROXY_YEAR, month, days.day)
    if first is None:
        return None
    last = _span_end(first, days)
    if last is not None:
        stop = days.span_end
    elif days.day_end is not None:
        stop = days.day_end
    else:  # "27、29日": neither span nor single day; keep the month if the year is written
        return _mention(start, month_end, year, month, year_given=True, era=era) if year_given else None
    return _mention(start, stop, year, month, first, last, year_given=year_given, era=era)


def _parse_with_year(text: str, head: re.Match, default_year: int | None) -> DateMention | None:
    year, era, number = _head_year(head)
    if year is None:
        return None
    start, pos = head.start(), head.end()
    if _ASCII_DIGITS.fullmatch(number) and (dotted := _DOTTED.match(text, pos)):
        month, days = _dotted_days(dotted)
        return _with_days(text, start, year, month, dotted.end("m"), days, default_year, era)
    tail = _YEAR_TAIL.match(text, pos)
    if tail is None:  # only 平12 stands without 年, as in ordinance history notes
        return _mention(start, pos, year, year_given=True, era=era) if head["abbr"] else None
    alt = tail["alt_pre"] or tail["alt"]
    if alt:
        year = _western_year(alt) or year
    elif tail["alt_era"] or tail["alt_pre_era"]:
        era = tail["alt_era"] or tail["alt_pre_era"]
    if tail["fy"]:
        return _mention(start, tail.end(), year, year_given=True, fiscal=True, era=era)
    month_m = _MONTH.match(text, tail.end())
    if month_m is None:
        if text.startswith(_NOT_A_YEAR, tail.end()):
            return None
        return _mention(start, tail.end(), year, year_given=True, era=era)
    month = _num(month_m["m"])
    if not 1 <= month <= 12:
        return None
    days = _match_days(text, month_m.end())
    return _with_days(text, start, year, month, month_m.end(), days, default_year, era)


def _parse_slash_month_day(text: str, pos: int, default_year: int | None) -> DateMention | None:
    m = _SLASH_MONTH_DAY.match(text, pos)
    if m is None or not (m["w1"] or m["d2"]) or not 1 <= int(m["m"]) <= 12:
        return None
    days = _Days(day=int(m["d1"]), day_end=m.end("w1") if m["w1"] else m.end("d1"), end_month=None,
                 end_day=int(m["d2"]) if m["d2"] else None, sep=m["sep"], span_end=m.end() if m["d2"] else None,
                 weekday=_weekday(m["w1"]))
    return _with_days(text, pos, None, int(m["m"]), m.end("m"), days, default_year, None)


def _parse_month_day(text: str, pos: int, default_year: int | None) -> DateMention | None:
    m = _MONTH_START.match(text, pos)
    if m is None:
        return _parse_slash_month_day(text, pos, default_year)
    month = _num(m["m"])
    if not 1 <= month <= 12:
        return None
    return _with_days(text, pos, None, month, m.end(), _match_days(text, m.end()), default_year, None)


def _parse_at(text: str, pos: int, default_year: int | None) -> DateMention | None:
    """The date expression starting exactly at pos, if any."""
    head = _YEAR_HEAD.match(text, pos)
    if head is not None:
        found = _parse_with_year(text, head, default_year)
        if found is not None:
            return found
    return _parse_month_day(text, pos, default_year)


def find_dates(text: str, default_year: int | None = None) -> list[DateMention]:
    """All date expressions in text, left to right, non-overlapping (longest at each start)."""
    mentions: list[DateMention] = []
    pos = 0
    while (cand := _CANDIDATE.search(text, pos)) is not None:
        found = _parse_at(text, cand.start(), default_year) or _era_carried(text, cand.start(), mentions)
        if found is not None:
            mentions.append(found)
            pos = found.end
        else:
            pos = cand.start() + 1
    return mentions


# 52年5月27日 after 昭和48年6月11日: a year whose era the text wrote once, before (a month follows: 10年ぶり is a count)
_BARE_ERA_YEAR = re.compile(r"(?<![0-9年])([0-9]{1,2})\s?年(?=\s?[0-9]{1,2}\s?月)")
_ERA_YEARS = {"明治": 45, "大正": 15, "昭和": 64, "平成": 31, "令和": 99}


def _era_carried(text: str, pos: int, before: list[DateMention]) -> DateMention | None:
    """A date at pos whose year is written without its era (52年5月27日), in the era of the last
    era date before it (昭和48年…): an era is written once and left out after; only a year not
    before that date's and inside the era's span."""
    m = _BARE_ERA_YEAR.match(text, pos)
    last = next((d for d in reversed(before) if d.era in _ERA_YEARS and d.year_given and d.start_date), None)
    if m is None or last is None:
        return None
    number = int(m.group(1))
    if not ERA_BASES[last.era] - 1 + number >= int(last.start_date[:4]) or number > _ERA_YEARS[last.era]:
        return None
    written = last.era + text[pos:pos + 24]
    found = _parse_at(written, 0, None)
    if found is None or not found.start_date or found.end <= len(last.era):
        return None
    shift = pos - len(last.era)
    return replace(found, start=pos, end=found.end + shift)


def parse_date(s: str, default_year: int | None = None) -> DateMention | None:
    """The mention that is the whole of s (surrounding spaces aside), else None."""
    body = s.strip()
    if not body:
        return None
    lead = len(s) - len(s.lstrip())
    found = _parse_at(s, lead, default_year)
    return found if found is not None and found.end == lead + len(body) else None


_SENTENCE_BREAK = re.compile(r"[。！？!?\n]")
CARRY_CHARS = 150  # a year carries this far at most, within its sentence
YEAR_OF_SENTENCE = "year of an earlier date in the sentence"


def carry_years(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """Month-days without a year (10月1日, 同10月6日) take the year of the nearest earlier date of
    their sentence that writes one (「令和2年第4回定例会で可決され、7月1日より施行」,
    「平成28年9月27日に議決され、同10月3日に公布」): prose states the year once for a run of
    dates. Across a year's end (12月 …, 1月 …) the next year; a fiscal year (平成28年度) gives
    its April-March year. The carried mention says so in `year_source`; others are unchanged.
    同月N日 becomes a mention too (`_same_month_days`)."""
    out: list[DateMention] = []
    anchor: DateMention | None = None
    last: DateMention | None = None  # the last date that writes its year, for その年の / 同年 …
    for m in mentions:
        if anchor is not None and (m.start - anchor.end > CARRY_CHARS or _SENTENCE_BREAK.search(text, anchor.end, m.start)):
            anchor = None
        source = YEAR_OF_SENTENCE
        if anchor is None and last is not None and not m.year_given and _THAT_YEAR.search(text, max(0, m.start - 4), m.start):
            anchor, source = last, YEAR_NAMED_BEFORE  # 1973年当時、…。その年の5月19日: the year just named
        if m.year_given and m.start_date:
            anchor = last = m
        elif anchor is not None and m.precision == "day":
            month = _month_of(text, m)
            year = int(anchor.start_date[:4])
            if anchor.fiscal_year:
                year += 1 if 0 < month < 4 else 0
            elif len(anchor.start_date) >= 7 and int(anchor.start_date[5:7]) >= 10 and 0 < month <= 3:
                year += 1  # 12月15日から1月15日まで
            again = _parse_at(text, m.start, year)
            if again is not None and (again.start, again.end) == (m.start, m.end) and again.start_date:
                m = replace(again, year_source=source)
        out.append(m)
    return _same_month_days(text, out)


YEAR_BEFORE_DOCUMENT = "year before the document date (a month-day just before it, or after it and told as done)"
_AHEAD_DAYS = 183  # a month-day this far after the document's day in its year …
_BEFORE_DAYS = 92  # … that falls this near before it in the year before is of the year before


# The predicate a month-day's clause ends on, read up to its sentence's end: a form told as done
# (開催しました, 施行されたことを, 制定した) or one told as ahead or as a custom (施行します, 開催する,
# 施行される, 予定): whichever comes first after the date.
_TOLD_DONE = re.compile(r"(?:ました|でした|(?<=[しれっいかきぎちにびみりえけせてねべめ])た(?![いだし]))")  # (いただく, いたします: no past)
_TOLD_AHEAD = re.compile(r"(?:ます(?!た)|する|される|れる|予定|見込|向け|目指|めざ|たい|ている|ていく|ておる|ておりま)")
_TOLD_WITHIN = 60  # characters after the date where its clause's predicate is looked for


def _told_as_done(text: str, end: int) -> bool:
    """Whether the clause after a date (text from `end` to its sentence's end, `_TOLD_WITHIN` at
    most) ends on a predicate told as done before any told as ahead (7月3日に…条例が施行されたのを受け:
    done; 4月1日から施行します: ahead)."""
    stop = _SENTENCE_BREAK.search(text, end, end + _TOLD_WITHIN)
    clause = text[end:stop.start() if stop else end + _TOLD_WITHIN]
    done, ahead = _TOLD_DONE.search(clause), _TOLD_AHEAD.search(clause)
    return done is not None and (ahead is None or done.start() < ahead.start())


def before_document_day(text: str, mentions: list[DateMention], day: str | None) -> list[DateMention]:
    """A month-day without its year took the year of the day the document dates itself by (`day`,
    ISO); when that puts it more than half a year after that day while the year before puts it
    within a quarter before it (a page of 2018-01-15 on 「12月15日に開催」), it is the year before:
    a page reports what has just happened far more often than what is most of a year away. A
    month-day after the page's day whose clause tells it as done (a page of 2019-01-15 on 「7月3日に
    …が施行されたのを受け」) cannot be of the page's year: it is the year before, however far.
    Only for the document's own year: not a year written, carried from the sentence (`carry_years`)
    or chosen by a written weekday. The changed mention says so in `year_source`."""
    if not day or len(day) != 10:
        return mentions
    doc_day = date.fromisoformat(day)
    out = []
    for m in mentions:
        if not (m.year_given or m.year_source or m.precision != "day" or not m.start_date
                or m.start_date[:4] != day[:4] or date.fromisoformat(m.start_date[:10]) <= doc_day):
            ahead = (date.fromisoformat(m.start_date[:10]) - doc_day).days
            done = _told_as_done(text, m.end)
            before = _parse_at(text, m.start, doc_day.year - 1) if done or ahead > _AHEAD_DAYS else None
            if before is not None and (before.start, before.end) == (m.start, m.end) and before.start_date \
                    and before.start_date[:4] == str(doc_day.year - 1) \
                    and 0 <= (doc_day - date.fromisoformat(before.start_date[:10])).days <= (366 if done else _BEFORE_DAYS):
                m = replace(before, year_source=YEAR_BEFORE_DOCUMENT)
        out.append(m)
    return out


_SAME_MONTH = re.compile(rf"同\s?月\s?(?P<d>{_NUM})\s?日")
YEAR_NAMED_BEFORE = "the year named before (その年, 同年)"
_THAT_YEAR = re.compile(r"(?:その年|同年)の?\s?$")
YEAR_OF_SAME_MONTH = "month of the date before (同月)"


def _same_month_days(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """同月6日: that day of the month of the nearest earlier date (a day or a month) on its line,
    CARRY_CHARS before at most, sentence ends between allowed (「…10月2日に可決されました。条例は
    同月6日に公布され」)."""
    added = []
    for m in _SAME_MONTH.finditer(text):
        if any(x.start <= m.start() < x.end for x in mentions):
            continue
        before = [x for x in mentions if x.end <= m.start() and x.precision in ("day", "month") and x.start_date
                  and m.start() - x.end <= CARRY_CHARS and "\n" not in text[x.end:m.start()]]
        if not before:
            continue
        year, month = int(before[-1].start_date[:4]), int(before[-1].start_date[5:7])
        day = _make_date(year, month, _num(m.group("d")))
        if day is not None:
            added.append(DateMention(m.start(), m.end(), day.isoformat(), day.isoformat(), "day", False, False, None,
                                     YEAR_OF_SAME_MONTH))
    return sorted(mentions + added, key=lambda x: x.start) if added else mentions


_MONTH_IN = re.compile(rf"(?:同\s?)?(?P<m>{_NUM})\s?(?:月|/)")


def _month_of(text: str, m: DateMention) -> int:
    found = _MONTH_IN.search(text, m.start, m.end)
    return _num(found["m"]) if found else 0


# --- The document's own date -------------------------------------------------

@dataclass(frozen=True)
class DocDate:
    """The date a document gives itself: text[start:end] is the expression as written, `date` its
    ISO value at the precision written ("2017-03-08", "2020-03", "2008"), `year` its year, and
    `kind` the form it was read from (see `document_date`)."""
    start: int
    end: int
    date: str
    year: int
    kind: str = "date line"


# Publication-type markers come before update markers: the publication date is
# what month-day mentions in the body most likely refer to.
# A table's cells (「報道年月日 | 2021/08/31 |」) put bars beside the marker and its value.
_PUBLISHED = re.compile(r"(?:公開日|掲載日|作成日|発行日|発表日|登録日|投稿日|配信日|報道日|報道年月日|取材・撮影日?|"
                        r"[Pp]osted on|[Pp]ublished on)(?:時)?[ \t|｜]*[:：]?[ \t|｜]*")
_UPDATED = re.compile(r"(?:最終)?更新日(?:時)?[ \t|｜]*[:：]?[ \t|｜]*")
TOP_LINES = 12  # the date line of a release or an article sits above its first paragraphs
_TOP_CHARS = 1000  # ... and near the top: a date below a long first part is what the text is about
FOOT_LINES = 5  # a citation line closes the text
# Numeric dates outside find_dates' forms, read only where a document dates itself: two-digit
# years (18/9/27, 19.07.17) and slashes with spaces (2019 / 03 / 18).
_NUMERIC = re.compile(r"(?<![0-9./／])(?P<y>[0-9]{4}|[0-9]{2})[ \t]?(?P<s>[./／])[ \t]?(?P<m>[0-9]{1,2})[ \t]?(?P=s)"
                      r"[ \t]?(?P<d>[0-9]{1,2})(?![0-9]|[./／][0-9])")
_SHORT_YEAR = re.compile(r"(?<![0-9])(?P<y>[0-9]{2})年(?P<m>[0-9]{1,2})月(?:(?P<d>[0-9]{1,2})日)?")
# What may stand beside a date on its own line: a time (15:58, 15時58分), a weekday (日本語 or English),
# a marker saying what the date is, brackets, separators and a list item's bullet (・, •: a release's
# header lines 「• ニュースリリース」 「• 平成17年11月14日」).
_BESIDE_DATE = re.compile(
    r"[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?|[0-9]{1,2}時(?:[0-9]{1,2}分)?|[(（]?[月火水木金土日](?:曜日?)?(?:・?祝日?)?[)）]?(?=[\s)）\]】]|$)|"
    r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?|"
    r"(?:最終)?更新日?時?|公開日?|掲載日?|発表日?|発行日?|作成日?|登録日?|投稿日?|配信日?|現在|公表|改訂|時点|号|"
    r"[\s()（）\[\]［］【】「」<>〈〉:：~〜\-・•‣◦/／|｜,、.]")
_BRACKETED_AT_EDGE = re.compile(r"^\s*[【\[［](?P<a>[^】\]］\n]{4,30})[】\]］]|[【\[［(（](?P<b>[^】\]］()（）\n]{4,30})[】\]］)）]\s*$")
# A citation at the end of a line: a bracket with a name and a date (「(青葉新聞 11年5月2日号)」,
# 「(ニュース青葉/2022年3月4日更新)」, 「(2021.6.3 青葉協会)」, a web news service's
# 「【2013年3月27日 青葉工業新聞社】」); not a note on a fact.
_CITATION = re.compile(r"(?:[(（](?P<c>[^()（）\n]{6,60})[)）]|[【［\[](?P<k>[^【】［］\[\]\n]{6,60})[】］\]])\s*$")
_CREDIT = re.compile(r"^\s*[^\s0-9。、,()（）「」]{2,20}\s+(?P<d>[0-9].*?)\s*$")
# (a person's line 「山田太郎(青葉地区・入会1967年)」: the year of their joining, no source's date)
_NOT_CITATION = re.compile(r"制定|施行|公布|改正|締結|開催|から|まで|〜|~|予定|以降|以来|入会|入社|創業|創立|設立|生まれ|卒業|就任")
# An issue line closing the text: a paper's name and the date of its issue, no bracket
# (「「青葉新報」 2014年 11月 15日号より」, 「青葉だより 2019年5月号」).
_ISSUE = re.compile(r"^\s*(?P<c>[「『]?[^\s「」『』。、]{2,24}[」』]?\s?\S*?\s?(?:[0-9]{4}|令和|平成|昭和)[^。]{1,16}?(?:号|発行))"
                    r"(?:より|から)?\s*$")
# What follows the date on an issue line: 号, 発行, or the second day of a double issue (「5月3日・10日合併号」)
ISSUE_SUFFIX = r"(?:[・,、]\s?[0-9]{1,2}日\s?)?(?:発行)?(?:合併)?号"
_ISSUE_REST = re.compile(ISSUE_SUFFIX + "|発行")
# A newspaper's dateline of the article: 「『青葉新聞』2006年12月27日付」, 「=2010/01/31付 青葉新聞朝刊=」,
# 「【2026年2月3日付 経済面 青葉新報電子版】」 (a date followed by 付 on a short line of its own, its page and
# paper after it; 「4月1日付で就任」 is in a sentence).
_DATED_BY = re.compile(r"^\s*[=＝(（【［\[]?\s*(?P<c>[^。\n=＝【】]{0,24}?(?:[0-9]{4}|令和|平成|昭和)[^。\n=＝]{2,14}?)付"
                       r"(?![けでの])[^。、\n]{0,24}$")
# A clock time right after a line's opening date, with no range after it: the time of a post, not
# of an event (「13時30分~17時00分」)
_STAMP_TIME = re.compile(r"\s?(?:[(（][月火水木金土日][)）]\s?)?(?:[0-9]{1,2}:[0-9]{2}|[0-9]{1,2}時[0-9]{2}分)(?!\s?(?:[〜~\-―–]|から))")
_NAME_SLASH = re.compile(r"(?<![0-9 ])/")
# A line that names what the date below it is (【日 時】, 開催日:, 締結日): that date is a value, not the page's.
_KEY_ABOVE = re.compile(r"^[\s【\[［<〈(（■●◆・]*(?:[^\s]\s?){1,6}[\s】\]］>〉)）]*[:：]?\s*$")
# A row of a month's calendar drawn as text: a link to the month before or after (« 11月, 11月 »), the
# weekdays' heads (日 月 火 水 木 金 土), or the days, run together or spaced (「45678910」, 「1 2 3 4 5」)
_CALENDAR_ROW = re.compile(r"^\s*(?:[«‹<]\s?[0-9]{1,2}月|[0-9]{1,2}月\s?[»›>]|[0-9]{3,}\s*$|"
                           r"[日月火水木金土](?:\s?[日月火水木金土]){6}\s*$|[0-9]{1,2}(?:\s+[0-9]{1,2}){4,}\s*$)")
_PROMULGATION = re.compile(r"をここに公布する。?\s*")
_EVENT_YEAR = re.compile(r"(?<=[^\s0-9年度])((?:19|20)[0-9]{2})(?=\s?(?:in|IN|ｉｎ|イン)|[\s」』)）]|$)"
                         r"|(?<![0-9])((?:19|20)[0-9]{2})\s?(?=in|IN|ｉｎ)")


def _two_digit_year(yy: int) -> int:
    """A year written with two digits (18/9/27, 09年11月): 2000-2069 for 00-69, else 1970-1999."""
    return 2000 + yy if yy < 70 else 1900 + yy


def _line_dates(line: str) -> list[tuple[int, int, str]]:
    """(start, end, ISO) of the dates written with their year in a line, in order: find_dates'
    forms, and two-digit or spaced numeric years where those find nothing."""
    spaced = _NAME_SLASH.sub(" ", line)  # ニュース青葉/2021年…: a slash after a name is no date's
    found = [(d.start, d.end, d.start_date) for d in find_dates(spaced)
             if d.year_given and d.start_date and not d.fiscal_year]
    taken = [(s, e) for s, e, _ in found]
    for m in (*_NUMERIC.finditer(line), *_SHORT_YEAR.finditer(line)):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        y = int(m["y"])
        y = y if y >= 100 else _two_digit_year(y)
        month = int(m["m"])
        day = int(m["d"]) if m["d"] else None
        if not _MIN_YEAR <= y <= _MAX_YEAR or not 1 <= month <= 12 or (day and not _make_date(y, month, day)):
            continue
        found.append((m.start(), m.end(), f"{y:04d}-{month:02d}" + (f"-{day:02d}" if day else "")))
        taken.append((m.start(), m.end()))
    return sorted(found)


def _alone(rest: str) -> bool:
    return not _BESIDE_DATE.sub("", rest).strip()


def _doc_date(offset: int, s: int, e: int, iso: str, kind: str) -> DocDate:
    return DocDate(offset + s, offset + e, iso, int(iso[:4]), kind)


def _marked(text: str, marker: re.Pattern, kind: str) -> DocDate | None:
    """The date right after a marker (更新日:2023年12月20日), or alone on the line below a
    marker that ends its line (「更新日時:」 over 「2019/08/21」)."""
    for m in marker.finditer(text):
        at = m.end()
        line_end = text.find("\n", at)
        line_end = len(text) if line_end < 0 else line_end
        if not text[at:line_end].strip():  # the value on the next non-empty line
            nxt = re.compile(r"\s*").match(text, at).end()
            at, line_end = nxt, (text.find("\n", nxt) if text.find("\n", nxt) >= 0 else len(text))
        line = text[at:line_end]
        dates = _line_dates(line)
        if dates and dates[0][0] == 0:
            return _doc_date(at, *dates[0], kind)
    return None


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) of the text's non-empty lines."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, line))
        pos += len(line) + 1
    return out


def _top_line(lines: list[tuple[int, str]]) -> DocDate | None:
    """A date alone on one of the top lines (平成29年3月8日, (2016年12月28日), 2019.03.18 Mon,
    2023 / 01 / 31 19:09, 18/9/27), else a date opening a top line with a clock time after it (a news
    post's stamp: 「2020年8月26日 05時00分 (…更新)」), else a date in brackets at a top line's start or end
    (「…サミット【21.06.03】」, 「[2011年7月12日] 見出し」)."""
    top = [(o, line) for o, line in lines[:TOP_LINES] if o < _TOP_CHARS]
    for i, (offset, line) in enumerate(top):
        above = top[i - 1][1] if i else ""
        if _KEY_ABOVE.match(above) and re.search("日|時|期|程", above) \
                and not (_PUBLISHED.search(above) or _UPDATED.search(above)):
            continue  # 【日 時】 over the date of an event: a value, not the page's date
        below = top[i + 1][1] if i + 1 < len(top) else ""
        for s, e, iso in _line_dates(line):
            if len(iso) == 7 and _CALENDAR_ROW.match(below):
                continue  # 「2016年12月」 over 「« 11月」 or 「45678910」: a blog's calendar, not the page's date
            if len(iso) >= 7 and _alone(line[:s] + line[e:]):
                return _doc_date(offset, s, e, iso, "date line")
    for i, (offset, line) in enumerate(top):  # 「2020年8月26日 05時00分 (8月26日 10時02分更新)」: a post's stamp
        dates = _line_dates(line)
        above = top[i - 1][1] if i else ""
        if dates and len(dates[0][2]) == 10 and not line[:dates[0][0]].strip() and \
                _STAMP_TIME.match(line, dates[0][1]) and not (_KEY_ABOVE.match(above) and re.search("日|時|期|程", above)):
            return _doc_date(offset, *dates[0], "date line")
    for offset, line in top:
        m = _BRACKETED_AT_EDGE.search(line)
        if not m:
            continue
        g = "a" if m["a"] else "b"
        inner = m[g]
        for s, e, iso in _line_dates(inner):
            if len(iso) == 10 and _alone(inner[:s] + inner[e:]):
                return _doc_date(offset + m.start(g), s, e, iso, "date line")
    return None


_WEEKDAY_AFTER = re.compile(r"^\s?[(（][月火水木金土日](?:曜日?)?(?:・祝日?)?[)）]")
_BREADCRUMB = re.compile(r"\S\s?[>＞]\s?\S|^\s*(?:現在の(?:場所|位置)|現在位置|ホーム|トップページ)\s*$")


def _headline_date(lines: list[tuple[int, str]], heading: int = 0) -> DocDate | None:
    """「2017.12.07 青葉市と東西銀行が協定」: a news item's date written before its headline on the
    text's first line, or the line below a breadcrumb or the page's heading (`heading`: the first
    line is one) (a full date, a weekday perhaps, a space, then a heading with no 。)."""
    for i, (offset, line) in enumerate(lines[:2 + heading]):
        dates = _line_dates(line)
        rest = line[dates[0][1]:] if dates else ""
        if dates and line[dates[0][1] - 1:dates[0][1]] in (")", "）"):
            rest = " " + rest  # 「平成30年2月5日(月)富山県射水市」: the weekday parts the date from the heading
        head = _WEEKDAY_AFTER.sub(" ", rest)
        if dates and len(dates[0][2]) == 10 and not line[:dates[0][0]].strip() and head[:1] in " \t" \
                and head.strip() and "。" not in head and len(head) <= 80:
            return _doc_date(offset, *dates[0], "date line")
        if not _BREADCRUMB.search(line) and i >= heading:
            break  # (the headline may sit below a breadcrumb: 「トップページ > 日々刻々」)
    return None


def _after_heading(lines: list[tuple[int, str]], title: str | None) -> DocDate | None:
    """「青葉市と連携協定を結びました 2023.11.09 お知らせ地域連携」: a news item's date written after its heading on
    the text's first line (the page's title, a space, a full date, then at most its categories, no
    sentence)."""
    if not lines or not title:
        return None
    offset, line = lines[0]
    dates = _line_dates(line)
    if not dates or len(dates[0][2]) != 10:
        return None
    s, e, _ = dates[0]
    head, rest = line[:s], line[e:]
    if head[-1:] not in (" ", "\t", "\u3000") or not heading_of(head.strip(), title) or \
            "。" in rest or len(rest) > 60 or (rest and rest[:1] not in (" ", "\t", "\u3000")):
        return None
    return _doc_date(offset, *dates[0], "date line")


# A paper's stamp on a top line: perhaps a section, the paper's name, then the date and maybe a time
# (「地域 青葉新聞  2019年03月07日 16:42」)
_PAPER_STAMP = re.compile(r"^\s*(?:[^\s0-9。、,()（）「」【】［］\[\]]{1,10}\s+)?[^\s0-9。、,()（）「」【】［］\[\]]{1,20}"
                          r"(?:新聞|新報|日報|民報|通信|タイムス|ニュース)(?:社)?\s+(?P<d>\S.*)$")


def _paper_stamp(lines: list[tuple[int, str]]) -> DocDate | None:
    """A news site's top line that names the paper and the article's date (a section before the name,
    a clock time after the date): the page's date."""
    for offset, line in [(o, x) for o, x in lines[:TOP_LINES] if o < _TOP_CHARS]:
        m = _PAPER_STAMP.match(line)
        dates = _line_dates(m["d"]) if m else []
        if len(dates) == 1 and dates[0][0] == 0 and len(dates[0][2]) == 10 and _alone(m["d"][dates[0][1]:]):
            return _doc_date(offset + m.start("d"), *dates[0], "date line")
    return None


def _bracket_line(lines: list[tuple[int, str]]) -> DocDate | None:
    """A line that is only a bracketed date, anywhere ([2011年7月12日], 【2011年7月12日】)."""
    for offset, line in lines:
        body = line.strip()
        if body[:1] in "[【［" and body[-1:] in "]】］":
            for s, e, iso in _line_dates(line):
                if len(iso) == 10 and _alone(line[:s] + line[e:]):
                    return _doc_date(offset, s, e, iso, "date line")
    return None


def _citation(lines: list[tuple[int, str]]) -> DocDate | None:
    """A source's name and date in a bracket closing one of the last lines (a newspaper's
    「(青葉新聞 11年5月2日号)」, a footer's 「(ニュース青葉/2022年3月4日更新)」) or a top line
    (「…を開催(2021.6.3 青葉協会)」); or a last line that is only a source's name and a date
    (「青葉新聞 2018.3.20 22:41」: a name with no digit, then the date and maybe a time)."""
    foot = {offset for offset, _ in lines[1:][-FOOT_LINES:]}  # the last lines, never the first (a heading)
    for offset, line in [*lines[-FOOT_LINES:][::-1], *lines[:TOP_LINES]]:
        m = _CITATION.search(line)
        g = "c" if m and m["c"] else "k"
        if not m or _NOT_CITATION.search(m[g]) or (g == "k" and offset not in foot):
            continue  # (a 【…】 with a date at a top line's end is a heading's note: 「…会見【令和6年8月7日…】」)
        dates = _line_dates(m[g])
        if len(dates) == 1 and not _alone(m[g][:dates[0][0]] + m[g][dates[0][1]:]):
            return _doc_date(offset + m.start(g), *dates[0], "citation")
    for offset, line in lines[-FOOT_LINES:][::-1]:
        m = _CREDIT.match(line)
        dates = _line_dates(m["d"]) if m else []
        if len(dates) == 1 and dates[0][0] == 0 and len(dates[0][2]) == 10 and _alone(m["d"][dates[0][1]:]):
            return _doc_date(offset + m.start("d"), *dates[0], "citation")
    for offset, line in [*lines[-FOOT_LINES:][::-1], *lines[:TOP_LINES]]:
        m = _ISSUE.match(line)
        dates = _line_dates(m["c"]) if m else []
        if len(dates) == 1 and _ISSUE_REST.fullmatch(m["c"][dates[0][1]:].strip()):
            return _doc_date(offset + m.start("c"), *dates[0], "citation")
    for offset, line in [*lines[-FOOT_LINES:][::-1], *lines[:TOP_LINES]]:
        m = _DATED_BY.match(line) if len(line) <= 60 else None
        dates = _line_dates(m["c"]) if m else []
        if len(dates) == 1 and len(dates[0][2]) == 10 and not m["c"][dates[0][1]:].strip():
            return _doc_date(offset + m.start("c"), *dates[0], "citation")
    return None


_FIELD_SEP = re.compile(r"\s?[|｜]\s?")


def _posted_line(lines: list[tuple[int, str]]) -> DocDate | None:
    """A blog's post line: fields parted by | one of which is only a date (and a time), the others
    its author and category (「by 青葉 | 2016-08-06 18:38 | 活動日誌」), near the top or the end."""
    for offset, line in [*lines[:TOP_LINES], *lines[-FOOT_LINES:][::-1]]:
        parts = _FIELD_SEP.split(line)
        if len(parts) < 3:
            continue
        pos = 0
        for part in parts:
            at = line.index(part, pos)
            pos = at + len(part)
            dates = _line_dates(part)
            if len(dates) == 1 and len(dates[0][2]) == 10 and _alone(part[:dates[0][0]] + part[dates[0][1]:]):
                return _doc_date(offset + at, *dates[0], "posted")
    return None


def _promulgation(text: str) -> DocDate | None:
    """The date below a 公布文 (「…条例をここに公布する。」 and the date on the next line)."""
    for m in _PROMULGATION.finditer(text):
        found = _parse_at(text, m.end(), None)
        if found is not None and found.year_given and found.precision == "day":
            return DocDate(found.start, found.end, found.start_date, int(found.start_date[:4]), "公布文")
    return None


_WRITTEN = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")  # kana or kanji


# A breadcrumb line (ホーム > お知らせ > 2013年 > …, ホームお知らせ2013年 > …): links parted by >, one of which
# ends on a calendar year (a fiscal year, 平成22年度, runs over two years: none)
_CRUMB_SEP = re.compile(r"\s?[>＞›»]\s?")
_CRUMB_YEAR = re.compile(rf"(?:(?P<west>(?:19|20)[0-9]{{2}})|(?P<era>{_ERA_NAME})\s?(?P<n>元|[0-9]{{1,2}}))\s?年$")


def _breadcrumb_year(lines: list[tuple[int, str]]) -> DocDate | None:
    """The year a top line of links parted by > files the page under (ホーム > お知らせ2013年 > …): the year only."""
    for offset, line in lines[:TOP_LINES]:
        parts = _CRUMB_SEP.split(line)
        if len(parts) < 2 or "。" in line:
            continue
        pos = 0
        for part in parts:
            at = line.index(part, pos)
            pos = at + len(part)
            m = _CRUMB_YEAR.search(part.strip())
            if m:
                year = int(m["west"]) if m["west"] else era_to_year(m["era"], 1 if m["n"] == "元" else int(m["n"]))
                lead = len(part) - len(part.lstrip())
                if _MIN_YEAR <= year <= _MAX_YEAR:
                    return DocDate(offset + at + lead + m.start(), offset + at + lead + m.end(), str(year), year, "breadcrumb")
    return None


def _event_year(lines: list[tuple[int, str]], heading: int = 0) -> DocDate | None:
    """The year in the name of the event a page opens with (…フォーラム in とやま2008,
    …サミット2020in倉敷), on its first two lines below the page's heading (`heading`) or on that
    heading: the year only. A name is written in Japanese (an address's 「…-shi_2005」 is none)."""
    for offset, line in lines[:2 + heading]:
        m = _EVENT_YEAR.search(line)
        if m and _WRITTEN.search(line):
            g = 1 if m.group(1) else 2
            year = int(m.group(g))
            if _MIN_YEAR <= year <= _MAX_YEAR:
                return DocDate(offset + m.start(g), offset + m.end(g), str(year), year, "event name")
    return None


def squeezed(text: str) -> str:
    """Text as compared across its forms: NFKC, with no whitespace."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def heading_of(line: str, title: str | None) -> bool:
    """The line is the page's heading: its title, or the title's start before a site's name
    (a page's <h1> under 「…を締結しました(青葉市)」, a PDF's drawn title)."""
    if not title:
        return False
    head, whole = squeezed(line), squeezed(title)
    return len(head) >= 4 and whole.startswith(head)


def document_date(text: str, title: str | None = None) -> DocDate | None:
    """The date the document gives itself, or None. In order: a 公開日/掲載日/発行日/… marker;
    a date alone on a top line (in any of the forms of `_top_line`), opening a top line with a post's
    clock time after it, or bracketed at a top line's edge; a paper's stamp on a top line (its name, the
    date, a time); a 更新日 marker; a blog's post line (by … | date | category); a date before the
    headline of the first line (2017.12.07 …) or after the page's heading on it (… 2023.11.09 categories);
    a line that is only a bracketed date; a citation in a
    bracket at the end of a last (or top) line, or an issue line closing the text (「「青葉新報」
    2014年11月15日号より」) or a newspaper's dateline (「『青葉新聞』2006年12月27日付」); a 公布文's date; the calendar year of a
    top breadcrumb line (ホーム > お知らせ2013年 > …); the year in the name of the event the page opens with.
    A date inside a sentence is what the text is about, never its date. A first line that is the
    page's heading (`title`'s start: a page's <h1>, a PDF's drawn title; twice when the page repeats it
    below) moves the first lines read for a headline's date or an event's name down."""
    if not text:
        return None
    lines = _lines(text)
    heading = 0  # the heading above the first line: the page's <h1>, and its own heading again below it perhaps
    while heading < min(2, len(lines)) and heading_of(lines[heading][1], title):
        heading += 1
    for find in (lambda: _marked(text, _PUBLISHED, "published"), lambda: _top_line(lines), lambda: _paper_stamp(lines),
                 lambda: _marked(text, _UPDATED, "updated"), lambda: _posted_line(lines),
                 lambda: _headline_date(lines, heading), lambda: _after_heading(lines, title),
                 lambda: _bracket_line(lines), lambda: _citation(lines),
                 lambda: _promulgation(text), lambda: _breadcrumb_year(lines), lambda: _event_year(lines, heading)):
        found = find()
        if found is not None:
            return found
    return None


def document_year(text: str) -> int | None:
    """The year of `document_date(text)`, the default year of dates written without one."""
    found = document_date(text)
    return found.year if found else None
