"""The signing date of an agreement (see `agreements`).

The signing date is, in order: a date of the sentence (not one marked as
before or after something; a month-day takes its year from the document's own
date), 「今年6月」 / 「6日」 against the document's date, a 締結日/調印日/締結式
key–value block, the 日時 line below, on a page of one agreement a sentence
telling of the signing ceremony held on a day (`ceremony_date`: 「10日に締結式を
行いました」), another sentence naming the parties with a date, on a page of one
agreement the day in the caption of the signing's photo (`caption_date`: 「…＝29日、
市役所」), and for a signing reported as done (「締結しました」, 「本日」) the document's own date (not
for one done 「このほど」 or 「先日」: some day before the page's). A day written as the time of a sentence that
announces a signing to come (「…は30日、…と協定を結ぶと発表した」) is the announcement's, never the signing's.

`r` is the agreement reader of `agreements`: its text, context, document date
(`publisher.document_date`) and `dates_in` (month-days read against that date).
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date as date_cls

from extractors.language.dates import ISSUE_SUFFIX, find_dates, heading_of, kanji_to_int, parse_date, squeezed

from extractors.records.spans import YEAR_FROM_DOCUMENT, Span, date_span, field_span

NOT_SIGN_DATE = re.compile(r"^\s?(?:から|まで|以降|以来|ぶり|前|後|頃|現在|号|発行|更新|公開|掲載)")
_BEFORE_DATE_NEG = re.compile(r"(?:前の|後の|以前の|以来の)\s?$")
REPORTED = re.compile(r"(?:締結|調印|署名|提携)(?:いた)?しました|(?:締結|調印|署名|提携)した|結びました|結んだ|交わしました|本日|このたび|この度|今般|"
                      r"(?:締結|調印|署名|取り?交わし)(?:を行|に至)(?:いました|った|りました)|"  # 「…協定書の取り交わしを行いました」
                      r"(?:締結|調印|署名)式[」』]?(?:を|が)[^。]{0,20}?(?:行った|行いました|行われ|開いた|開催し|実施し|執り行われ)")
# 「このほど」「先日」: a signing done some days before the page, on a day it does not give
RECENTLY = re.compile(r"このほど|この程|先日|先ごろ|先頃|過日|先般")
PLANNED = re.compile(r"(?:締結|調印)(?:いた)?します|(?:締結|調印)する予定|結ぶ予定|予定です")
_YEAR_WORD = re.compile(r"(一昨年|今年|本年|昨年|去年)\s?$")
_RELATIVE_MONTH = re.compile(r"(今年|本年|昨年|去年|一昨年)\s?(\d{1,2})月")
# 「20日、」「9日(火)に」「十日、」「きょう(8日)」「…協定を30日、」: a day written alone, read against the
# document's date
_DAY_ONLY = re.compile(r"(?:^|(?<=[、,\sはがを(（]))(\d{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日"
                       r"(?:\s?[(（][月火水木金土日](?:曜日?)?(?:・祝日?)?[)）])?(?:[、,]|に|から|は|[)）]|付|午前|午後)")
# 「18年4月に」「県内では18年に」: a year written with two digits in a news item (a year of the 2000s
# up to the document's own)
_SHORT_YEAR = re.compile(r"(?:^|(?<=[、,\sはがにで]))([0-9]{2})年(?:([0-9]{1,2})月)?(?=に|、|の|から|[0-9])(?!\d*年)")
# After a year alone: a name it belongs to (2025年大阪・関西万博, 2020年東京大会), not a word of signing
# (2005年締結) nor of when (2018年度, 2018年春, 2018年中)
_NAMED_AFTER_YEAR = re.compile(r"(?!締結|調印|署名|提携|協定|覚書|度|春|夏|秋|冬|頃|ごろ|中|末|初|以|前|後|来|代|間|内|当時)[一-龥ァ-ヺ]")
# 「2018年に創立100周年を迎えることから」: the year of an anniversary the clause tells of
_ANNIVERSARY_AFTER_YEAR = re.compile(r"\s?に[^。、]{0,30}?周年を迎え")
# The signing word, then its verb in the form that goes on to another clause (締結し、, 結び、, 締結して、):
# a date after it belongs to what the next clause tells
_NEXT_CLAUSE = re.compile(r"[^、。]{0,6}?(?:し|して|び|んで)[、,]")
# A date in brackets right after a sentence's 。 and alone in them: 「…と協定を結びました。(1998年)」
_DATE_AFTER_SENTENCE = re.compile(r"[ \t]?[(（]\s?([^()（）\n]{4,16}?)\s?[)）]")
DATE_KEY = re.compile(r"^\s*(?:[<＜【\[(（■□◆◇●○・]?\s*)?(?:\d+[.．)]?\s*)?(?:協定)?(?:締結日|調印日|締結式|調印式|署名式|締結年月日)")


# 「A社は30日、B市と協定を結ぶと発表した」: a signing to come, announced; the day written as the sentence's
# time (「30日、」) is the announcement's, not the signing's (「10月1日に協定を結ぶと発表した」 dates the signing)
_ANNOUNCED = re.compile(r"(?:結ぶ|締結する|調印する|提携する|交わす)(?:こと)?(?:と|を)(?:発表|明らかに)")
_TIME_OF_SENTENCE = re.compile(r"\s?[、,]")


def _announcement_day(r, d_start: int, d_end: int, e: int) -> bool:
    """Whether the date at text[d_start:d_end] is the day a signing to come was announced (see `_ANNOUNCED`)."""
    return bool(_TIME_OF_SENTENCE.match(r.text, d_end)) and bool(_ANNOUNCED.search(r.text, d_end, e))


def reported_done(text: str, s: int, e: int) -> bool:
    """Whether text[s:e] reports a signing as done (締結しました, 本日) and not as planned."""
    return bool(REPORTED.search(text, s, e)) and not PLANNED.search(text, s, e)


def _relative_year(r, d):
    """「昨年12月17日」: a month-day after 昨年/今年/一昨年, read against the document's own year."""
    m = _YEAR_WORD.search(r.text, max(0, d.start - 4), d.start)
    base = r.year()
    if not m or d.year_given or base is None:
        return d
    back = {"今年": 0, "本年": 0, "昨年": 1, "去年": 1, "一昨年": 2}[m.group(1)]
    again = parse_date(r.text[d.start:d.end], default_year=base - back)
    return replace(again, start=d.start, end=d.end) if again and again.start_date else d


def _same_day_written_in_full(r, d):
    """「青葉市は9月3日、…を締結します」 and, lines below, 「日時 2019年9月3日(火曜)」: a month-day the page
    cannot date (no date of its own) takes the year of the one full date the page writes for that month and
    day."""
    if d.start_date or d.year_given or d.precision != "day" or r.doc_date:
        return d
    md = parse_date(r.text[d.start:d.end], default_year=2000)
    if not md or not md.start_date:
        return d
    years = {f.start_date[:4] for f in find_dates(r.text) if f.year_given and f.start_date
             and f.precision == "day" and f.start_date[4:] == md.start_date[4:]}
    if len(years) != 1:
        return d
    again = parse_date(r.text[d.start:d.end], default_year=int(years.pop()))
    return replace(again, start=d.start, end=d.end, year_source="year of the same day written in full") \
        if again and again.start_date else d


def signing_date(r, s: int, e: int, anchor: int) -> tuple[str | None, Span | None]:
    """The signing date of the sentence text[s:e] (see the module docstring) and its span."""
    best = first = None
    own = r.doc_date.start if r.doc_date else None
    for d in map(lambda d: _same_day_written_in_full(r, _relative_year(r, d)), r.dates_in(s, e)):
        if not d.start_date or d.fiscal_year or d.start == own:
            continue  # 「2017.12.07 A社とB会が協定」: the news item's own date, not the day of the signing
        if NOT_SIGN_DATE.match(r.text[d.end:d.end + 4]) or \
                _BEFORE_DATE_NEG.search(r.text[max(s, d.start - 5):d.start]):
            continue
        if d.precision == "year" and (_NAMED_AFTER_YEAR.match(r.text, d.end) or _ANNIVERSARY_AFTER_YEAR.match(r.text, d.end)):
            continue  # 「2025年大阪・関西万博を契機に」, 「2018年に創立100周年を迎える」: an event's year, not the signing's
        if _announcement_day(r, d.start, d.end, e):
            continue
        if best is None or abs(d.start - anchor) < abs(best.start - anchor):
            best = d
        if first is None or d.start < first.start:
            first = d
    if best and first.start < anchor < best.start and _NEXT_CLAUSE.match(r.text, anchor, best.start):
        best = first  # 「9月9日、…と協定を締結し、10月6日、記者発表会を行いました」: the later day is the next clause's
    if best:
        return best.start_date, date_span(best, "agreement-date-sentence", "signed_date")
    after = _DATE_AFTER_SENTENCE.match(r.text, e)
    if after and r.text[e - 1:e] == "。":  # 「…とも覚書を交わしました。(2011年)」: a list's item dated in brackets after it
        d = next((d for d in r.dates_in(after.start(1), after.end(1)) if d.start_date and d.year_given
                  and (d.start, d.end) == after.span(1)), None)
        if d:
            return d.start_date, date_span(d, "agreement-date-after-sentence", "signed_date")
    dd = r.doc_date
    if re.search("同日|同じ日", r.text[s:e]):  # the same day as the date written last before the sentence
        before = [(d.start, d.end, d.start_date) for d in r.dates_in(max(0, s - 500), s)
                  if d.start_date and d.precision == "day" and (not dd or d.start != dd.start)]
        if dd and dd.date.count("-") == 2:  # 「…は1日、協定を締結した。同日、…とも」: a day read against the page's date
            for m in _DAY_ONLY.finditer(r.text, max(0, s - 500), s):
                day = day_on_or_before(dd.date, kanji_to_int(m.group(1)) or 0, True)
                if day and not any(a <= m.start(1) < b for a, b, _ in before):
                    before.append((m.start(1), m.end(1) + 1, day))
        if before:
            st, en, day = max(before)
            return day, field_span(st, en, "agreement-date-same-day", "signed_date", day,
                                   how="同日: the date written before")
    m = _RELATIVE_MONTH.search(r.text, s, e)
    if m and dd and 1 <= int(m.group(2)) <= 12:
        back = {"今年": 0, "本年": 0, "昨年": 1, "去年": 1, "一昨年": 2}[m.group(1)]
        date = f"{dd.year - back}-{int(m.group(2)):02d}"
        return date, field_span(m.start(), m.end(), "agreement-date-relative", "signed_date", date,
                                how=YEAR_FROM_DOCUMENT)
    m = _SHORT_YEAR.search(r.text, s, e)
    if m and dd and 2000 + int(m.group(1)) <= dd.year and (not m.group(2) or 1 <= int(m.group(2)) <= 12):
        date = f"{2000 + int(m.group(1))}" + (f"-{int(m.group(2)):02d}" if m.group(2) else "")
        return date, field_span(m.start(), m.end(), "agreement-date-short-year", "signed_date", date,
                                how="a two-digit year of the 2000s")
    m = _DAY_ONLY.search(r.text, s, e)
    if m and dd and dd.date.count("-") == 2 and not _announcement_day(r, m.start(1), m.end(1) + 1, e):
        past = bool(REPORTED.search(r.text, s, e)) and not PLANNED.search(r.text, s, e)
        date = day_on_or_before(dd.date, kanji_to_int(m.group(1)) or 0, past)
        if date:
            return date, field_span(m.start(1), m.end(1) + 1, "agreement-date-day", "signed_date", date,
                                    how="year and month from document date")
    return None, None


def key_value_date(r) -> tuple[str | None, int, int, Span | None]:
    """A 締結日/調印日/締結式 line and the first full date on it or the few lines below."""
    pos = 0
    lines = r.text.split("\n")
    for i, line in enumerate(lines):
        if DATE_KEY.match(line) and len(line) < 60:
            start = pos
            block = "\n".join(lines[i:i + 6])
            for d in r.dates_in(start, start + len(block)):
                if d.start_date and d.precision == "day" and not d.fiscal_year:
                    return d.start_date, d.start, d.end, date_span(d, "agreement-date-key-value", "signed_date")
        pos += len(line) + 1
    return None, 0, 0, None


_POINTS_BELOW = re.compile(r"(?:以下|下記|次)の(?:とおり|通り)")
_EVENT_KEY = re.compile(r"\s*(?:[■◆●○・*※]|\d+(?:[.．)）]|\s)|[(（]\d+[)）])?\s*[<＜【\[]?\s*"  # (「1 日時」, not 「1日時点」)
                        r"(?:日\s?時|日\s?程|期\s?日|と\s?き|開催日時?|実施日|調印日時|締結日時)")


DONE_BELOW = 4  # lines below a signing reported done where the 日時 of its ceremony can stand


def event_date_below(r, s: int, e: int) -> tuple[str | None, Span | None]:
    """「…が以下のとおり協定を結びます。」 then 「日時 : 令和3年6月8日(火)」: the date of the
    ceremony a sentence announces, from the 日時 line of the block it points to (or of a planned signing,
    or, in the few lines right below, of a signing reported done)."""
    if _POINTS_BELOW.search(r.text, s, e) or PLANNED.search(r.text, s, e):
        lines = 15
    elif reported_done(r.text, s, e):
        lines = DONE_BELOW  # 「…協定を締結しました。」 then 「■日時 令和3年4月1日」: the ceremony's block
    else:
        return None, None
    pos = e
    for _ in range(lines):
        if pos >= len(r.text):
            break
        stop = r.text.find("\n", pos)
        stop = len(r.text) if stop == -1 else stop
        if _EVENT_KEY.match(r.text, pos, stop):
            for d in r.dates_in(pos, min(len(r.text), stop + 40)):
                if d.start_date and d.precision == "day" and not d.fiscal_year:
                    return d.start_date, date_span(d, "agreement-date-event", "signed_date")
            return None, None
        pos = stop + 1
    return None, None


def day_on_or_before(doc_date: str, day: int, past: bool) -> str | None:
    """The date of a bare 「N日」 read against the document's date: in the document's month when N is
    not after its day; in the month before when the sentence reports a done thing (a news item of
    2月1日 telling what happened 「31日に」); else none."""
    year, month, today = (int(x) for x in doc_date.split("-"))
    if 0 < day <= today:
        return f"{year:04d}-{month:02d}-{day:02d}"
    if not past or day > 31:
        return None
    year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    try:
        return date_cls(year, month, day).isoformat()
    except ValueError:
        return None


def date_elsewhere(r, draft: dict, skip: set[tuple[int, int]]) -> None:
    """「荒川区と中小機構は、平成17年6月に業務連携を結び」: another sentence naming the parties,
    an agreement word and a date before it gives the signing date the signing sentence left out."""
    names = set(draft["parties"]) | {a for v in draft["party_aliases"].values() for a in v}
    for word in (c for c in r.ctx.cands if c.label == "AGREEMENT"):
        s, e = r.ctx.sentence(word.start)
        if (s, e) in skip:
            continue
        found = {n for n, *_ in r.parties(s, word.start, word.start) if n != r.publisher}
        if len(found & names) < 2 and not (len(found) >= 2 and found <= names):
            continue
        dates = [d for d in r.dates_in(s, word.start) if d.start_date and not d.fiscal_year
                 and not NOT_SIGN_DATE.match(r.text[d.end:d.end + 4])]
        if dates:
            draft["signed_date"] = dates[-1].start_date
            draft["evidence"].append((s, e, "agreement-date-elsewhere"))
            draft["evidence"].append(date_span(dates[-1], "agreement-date-elsewhere", "signed_date"))
            return


# 「令和3年3月10日に市役所で締結式を行いました」, 「調印式は18日、…で行われ」: a signing ceremony held;
_CEREMONY = re.compile(r"(?:締結|調印|署名)(?:式|セレモニー)|(?<![一-龥])(?:締結|調印|署名)(?=\s?(?:は|が)[^。]{0,30}?(?:行われ|執り行われ))")
# (「締結は令和5年4月12日に市役所で行われました」: the signing itself as the topic of a verb of holding)
_HELD = re.compile(r"行われ|行い|行った|行っ|開かれ|開いた|開催|執り行|挙行")
# 「10日に大学で行われた協定締結式では」: the verb of holding before the ceremony, as a relative clause
_HELD_BEFORE = re.compile(r"(?:行われ|執り行われ|開かれ|開催され|挙行され|催され)た\s?(?:協定)?$")
# 「締結式は5月20日に市役所で行う予定です」: the day a signing's ceremony is set for,
# on a page that announces the signing as to come (「締結することとなりました」, 「締結する予定です」), not one that
# reports it done and its ceremony later
_TO_BE_SIGNED = re.compile(r"(?:締結|調印|結ぶ)(?:する)?こと(?:と|に)なり|(?:締結|調印)の運び|(?:締結|調印)(?:いた)?します|"
                           r"(?:締結|調印)する予定|結ぶ予定|" + _ANNOUNCED.pattern)
_HELD_PLANNED = re.compile(r"(?:行う|行います|開催する|開催します|開く|実施する|執り行う|挙行する)予定|開催予定|"
                           r"(?:行う|開催する|開く|実施する|執り行う|挙行する)[。\n]")  # (a news item's 「…で締結式を開く。」: to come)


def ceremony_date(r, skip: set[tuple[int, int]]) -> tuple[str | None, Span | None]:
    """The day of the first sentence that tells of a signing ceremony held (a 締結式/調印式 and a verb of
    holding after it, not planned), not one of `skip` (background): the day nearest the ceremony word."""
    own = r.doc_date.start if r.doc_date else None
    for m in _CEREMONY.finditer(r.text):
        s, e = r.ctx.sentence(m.start())
        held = (_HELD.search(r.text, m.end(), min(e, m.end() + 40)) or _HELD_BEFORE.search(r.text, max(s, m.start() - 12), m.start())) \
            and not PLANNED.search(r.text, s, e)
        planned = _HELD_PLANNED.search(r.text, m.end(), min(e, m.end() + 40)) and _TO_BE_SIGNED.search(r.text)
        if (s, e) in skip or not (held or planned):
            continue
        best = None
        for d in map(lambda d: _relative_year(r, d), r.dates_in(s, e)):
            if not d.start_date or d.precision != "day" or d.fiscal_year or d.start == own or \
                    NOT_SIGN_DATE.match(r.text[d.end:d.end + 4]) or \
                    _BEFORE_DATE_NEG.search(r.text[max(s, d.start - 5):d.start]):
                continue
            if best is None or abs(d.start - m.start()) < abs(best.start - m.start()):
                best = d
        if best:
            return best.start_date, date_span(best, "agreement-date-ceremony", "signed_date")
        dd = r.doc_date
        day = _DAY_ONLY.search(r.text[s:e]) if dd and dd.date.count("-") == 2 else None  # (^: the sentence's start)
        date = day_on_or_before(dd.date, kanji_to_int(day.group(1)) or 0, bool(held)) if day else None
        if date:  # 「調印式は12日、…で行われた」 in a news item of the 14th: the day read against the page's date
            return date, field_span(s + day.start(1), s + day.end(1) + 1, "agreement-date-ceremony", "signed_date", date,
                                    how="year and month from document date")
    return None, None


# A photo's caption under a news item of a signing: a line of its own, no sentence, that shows the
# signing (協定書に署名する両者, 協定を結んだ市長と理事長) and says where and when it was taken, in the
# newspapers' way (「…＝29日、市役所」) or in brackets (「…（9月14日、大学で）」).
_CAPTION_SUBJECT = re.compile(r"協定|覚書|署名|調印|締結|提携")
_CAPTION_DAY = re.compile(r"(?:[＝=]\s?|[(（]\s?)(?:(\d{1,2})月\s?)?(\d{1,2})日\s?[、,]")


def caption_date(r) -> tuple[str | None, Span | None]:
    """The day of the signing from its photo's caption (`_CAPTION_DAY`) on a page that dates itself:
    a bare day in the page's month (or the month before), a month-day in the page's year (or the
    year before), never after the page's date; the first such caption of the page."""
    dd = r.doc_date
    if not dd or dd.date.count("-") != 2:
        return None, None
    for line in r.ctx.lines:
        if "。" in line.text or len(line.body) > 80 or not _CAPTION_SUBJECT.search(line.text):
            continue
        m = _CAPTION_DAY.search(line.text)
        found = m and _day_before_page(dd.date, int(m.group(1) or 0), int(m.group(2)))
        if found:
            start = line.start + (m.start(1) if m.group(1) else m.start(2))
            return found, field_span(start, line.start + m.end(2) + 1, "agreement-date-caption", "signed_date", found,
                                     how="year from document date")
    return None, None


def _day_before_page(doc_date: str, month: int, day: int) -> str | None:
    """A caption's day (`month` 0: a bare day, `day_on_or_before`) on or before the page's date."""
    if not month:
        return day_on_or_before(doc_date, day, True)
    year, page_month, today = (int(x) for x in doc_date.split("-"))
    try:
        return date_cls(year if (month, day) <= (page_month, today) else year - 1, month, day).isoformat()
    except ValueError:
        return None


def heading_date(r) -> tuple[str | None, Span | None]:
    """The one full date the page's heading (its title, as the text writes it on one of its first lines)
    names: the day a page headed 「…調印式(R5.4.26)」 or 「令和5年1月24日(火曜日)青葉市(市長出張報告)」
    tells of, which a signing reported done on the page without a day of its own takes before the
    page's own date (a 更新日 or the day the item was posted, after the event)."""
    for line in [x for x in r.ctx.lines if x.body][:3]:
        if len(squeezed(line.text)) < 6 or not heading_of(line.text, r.ctx.doc.title):
            continue  # (the page's <h1>: its title, perhaps without the site's name after it)
        found = [d for d in r.dates_in(line.start, line.start + len(line.text)) if d.precision == "day"]
        if len(found) == 1 and found[0].start_date and found[0].year_given and found[0].end_date in (None, found[0].start_date):
            return found[0].start_date, date_span(found[0], "agreement-date-heading", "signed_date")
        return None, None
    return None, None


# After a paper's date where it dates the page: an issue (「…2014年11月15日号より」, 「…5月3日・10日発行合併号」) or a
# newspaper's dateline (「『青葉新聞』2006年4月12日付」)
_ISSUE_AFTER = re.compile(rf"\s?{ISSUE_SUFFIX}|\s?付(?![けで])")


def page_date(r) -> tuple[str, str]:
    """The page's own date as the date of a signing it reports done, and how it was read: a printed paper's
    issue or dateline (`_ISSUE_AFTER`) came out some days after what it reports, so of it only the month."""
    dd = r.doc_date
    if dd.kind == "citation" and _ISSUE_AFTER.match(r.text, dd.end):
        return dd.date[:7], "month of a paper's issue (it came out after the signing)"
    return dd.date, "document date"
