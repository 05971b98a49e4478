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
(27、28日 / 27日、28日 / 22日〜23日 / 22―23日 / 4日(金)5日(土) / 2003.5.29~30 /
10月31日〜11月1日), and month/day in posts (11/15・16, 11/15(水)).

Rules that are choices, not facts:
- A western year is four digits in 1868-2100. A bare count such as 約10年,
  40周年, 11年ぶり, 4年間 is not a date; nor is a day with 間/目 (2日間, 1日目).
- A month without day is a date only when the expression writes its year
  (2004年5月). "10月の" alone is skipped even when default_year is given.
- Impossible dates (2月30日, 13月) yield no mention at all.
- "、" and "・" join two days into one span only when they are consecutive
  (27日、28日); "5月1日、15日" is a list, so only 5月1日 is kept.
  "〜", "~" and "-" make a range whenever the end is after the start.
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
from dataclasses import dataclass
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
_LIST_SEPS = "、,・"

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
# parentheses before 年 (平成29(2017)年) or after it (平成29年(2017年), 2017年(平成29年)).
_YEAR_TAIL = re.compile(
    r"(?: ?\( ?(?P<alt_pre>[0-9]{4}) ?\))? ?年(?P<fy>度)?"
    rf"(?: ?\( ?(?:(?P<alt>[0-9]{{4}}) ?(?:年度?)?|(?P<alt_era>{_ERA_NAME}) ?(?P<alt_n>{_ERA_N}) ?年度?) ?\))?"
)
_MONTH = re.compile(rf" ?(?P<m>{_NUM}) ?月(?!曜)")
_MONTH_START = re.compile(rf"(?<![0-9〇一二三四五六七八九十])(?P<m>{_NUM}) ?月(?!曜)")
# Day, or a pair of days: "27日", "27、28日", "27日(木)・28日(金)", "31日〜11月1日".
_DAYS = re.compile(
    rf" ?(?P<d1>{_NUM})(?:(?P<u1> ?日)(?![間目])(?P<w1>{_WEEKDAY})?)?"
    rf"(?:(?: ?(?P<sep>[、,・〜~\-―–])|(?<=\))) ?(?:(?P<m2>{_NUM}) ?月 ?)?(?P<d2>{_NUM}) ?日(?![間目])(?P<w2>{_WEEKDAY})?)?"
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
    elif tail["alt_era"]:
        era = tail["alt_era"]
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
        found = _parse_at(text, cand.start(), default_year)
        if found is not None:
            mentions.append(found)
            pos = found.end
        else:
            pos = cand.start() + 1
    return mentions


def parse_date(s: str, default_year: int | None = None) -> DateMention | None:
    """The mention that is the whole of s (surrounding spaces aside), else None."""
    body = s.strip()
    if not body:
        return None
    lead = len(s) - len(s.lstrip())
    found = _parse_at(s, lead, default_year)
    return found if found is not None and found.end == lead + len(body) else None


# --- The document's own date -------------------------------------------------

# Publication-type markers come before update markers: the publication date is
# what month-day mentions in the body most likely refer to.
_PUBLISHED = re.compile(r"(?:公開日|掲載日|作成日|発行日|取材・撮影日?)(?:時)?[ \t]*[:：]?[ \t]*")
_UPDATED = re.compile(r"(?:最終)?更新日(?:時)?[ \t]*[:：]?[ \t]*")
_BRACKET_LINE = re.compile(r"^[ \t]*「?[\[【][ \t]*(?P<d>[^\]】\n]+?)[ \t]*[\]】]」?[ \t]*$", re.M)
_TOP_CHARS = 200
_LINE_DECOR = " \t[]【】()「」"
# A top line may say what the date is: "令和2年3月 発行", "2020年4月1日現在".
_TOP_LINE_TRAILER = re.compile(r"[ \t]*(?:発行|作成|現在|公表|更新|改訂)[ \t]*$")


def _marker_year(text: str, marker: re.Pattern) -> int | None:
    for m in marker.finditer(text):
        found = _parse_at(text, m.end(), None)
        if found is not None and found.year_given and found.start_date:
            return int(found.start_date[:4])
    return None


def _bracket_line_year(text: str) -> int | None:
    for m in _BRACKET_LINE.finditer(text):
        found = parse_date(m["d"])
        if found is not None and found.year_given and found.precision == "day":
            return int(found.start_date[:4])
    return None


def _top_year(text: str) -> int | None:
    """A dated mention standing alone on its own line within the first 200 characters."""
    head = text[:_TOP_CHARS]
    for found in find_dates(head):
        if not found.year_given or found.fiscal_year or found.start_date is None:
            continue
        line_start = head.rfind("\n", 0, found.start) + 1
        line_end = text.find("\n", found.end)
        line = text[line_start:None if line_end < 0 else line_end]
        if _TOP_LINE_TRAILER.sub("", line).strip(_LINE_DECOR) == text[found.start:found.end]:
            return int(found.start_date[:4])
    return None


def document_year(text: str) -> int | None:
    """The year the document dates itself by (公開日/更新日/… marker, "[2011年7月12日]" line, top date), else None."""
    for finder in (lambda t: _marker_year(t, _PUBLISHED), lambda t: _marker_year(t, _UPDATED),
                   _bracket_line_year, _top_year):
        year = finder(text)
        if year is not None:
            return year
    return None
