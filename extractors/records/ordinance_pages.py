"""What a page says about an ordinance beyond the sentence that names it.

Takes a `DocContext` and the ordinance names read by `ordinances` and gives:

- `plans(ctx, mentions)`: the names the page speaks of only as something still to
  be made or turned down (and those it reports as made): a draft marked after the
  name (「…条例(案)」, (原案), (素案), (骨子案)), a provisional name ((仮称)…条例,
  before it or inside its quotes), a making still ahead (…条例の制定に向けて,
  制定を目指す, 制定を検討), a headline saying it is still worked on (検討進む…「X条例」, 制定目指す「X条例」),
  a bill proposed (…条例を提案し), a bill voted down (否決; not an amendment voted down:
  …条例の一部改正案は否決, the ordinance stands). A name one sentence reports as
  made (制定されました, 可決され, 公布・施行, 本条例は…から施行) is no plan,
  whatever else the page says of its draft;
- `assembly(ctx)`: the body whose assembly the page reports from (〇〇県議会,
  〇〇市議会: 議員の活動報告, 議会だより), when the page names one only;
- `subject_place(ctx, start, end)`: the municipality that is the subject of the
  sentence before a name (「青葉市(人口3万人)は、…条例を制定した」);
- `sentence_assembly(ctx, start)`: the body whose assembly acts in the sentence before a name
  (「燕市議会は18日、…条例を可決した」);
- `number_line(ctx, after)`: a line that is only a date and a number
  (「令和元年6月1日 青葉市条例第8号」) a few lines below a mention;
- `promulgation(ctx)`: a 公布文 (「…条例をここに公布する。」) and the date below it;
- `supplementary(ctx)`: the 附則 of a 例規集 page: the first one's 施行 (a date, or 公布の日:
  the day it was promulgated) and the later ones' dates, each an amendment
  (「附則(令和2年3月19日条例第5号)」);
- `numbered_date(ctx)`: the first date written with an ordinance number after it, anywhere on
  the page (制定 平成26年3月20日 X市条例第5号), that is no amendment's;
- `sentence_date(ctx, key, one_ordinance)`: the one date of a sentence naming the ordinance,
  bound to 公布/施行/制定 before or after it (…日付けで施行, 公布日:…日);
- `said_to_exist(ctx, name, key, one_ordinance)`: whether the page says the ordinance exists (a
  sentence reports it made, amended or in force, an amendment of it, a title that is the
  ordinance itself); a name it does not is only named in passing;
- `relative_dates(ctx)`: dates written against the page's own date (a news item's 今年4月, 昨年,
  a bare 29日、 at a clause's start, the month of the session that passed a bill: 3月定例会で可決),
  as date mentions;
- `after_aside(text, end)`: where a name's sentence goes on after a bracketed aside right after it
  (以下「条例」という。);
- `short_names(ctx, names)`: the short names the page gives an ordinance in brackets right after
  its name (「X条例」(Y条例), (通称:Y条例), (以下、Y条例)): short -> the name.
"""
from __future__ import annotations

import re
from dataclasses import replace

from extractors.language.dates import DateMention, kanji_to_int, parse_date
from extractors.language.gazetteer import find_municipalities
from extractors.records.context import DocContext
from extractors.records.agreement_dates import day_on_or_before
from extractors.records.lines import line_index

_DRAFT_AFTER = re.compile(r"[」』]?\s?[(（](?:案|原案|素案|骨子案|試案|改正案|最終案|仮称)[)）]")
_PROVISIONAL_BEFORE = re.compile(r"[(（]仮称[)）]\s?[「『]?$")
_PROVISIONAL_INSIDE = re.compile(r"[(（]仮称[)）]")  # a name read with its mark (「(仮称)…条例」)
# (an amendment planned or turned down is of an ordinance that exists: no plan of its making)
_PLAN_AFTER = re.compile(r"(?:[」』]?\s?(?:の|は|が)?(?:制定|策定)(?:に向け|を目指|をめざ|を検討|の検討|を求め|を要望|を要求|"
                         r"を提案|を予定|の予定|準備|の準備|について検討|にあたり|に当たり|について$|について\s*\n)|"
                         r"[」』]?\s?を制定する(?:予定|方針|見込み|考え|方向)|"
                         r"[」』]?\s?を(?:議員)?提案(?:し|した|する|して)|"  # a bill proposed (a making reported beside it wins)
                         r"[」』]?\s?の(?:素案|原案|骨子案|骨子|試案|策定案))")
# a making still ahead or a bill still pending, said after the name in its sentence
# (…条例が来年4月に制定される見込み, …条例を12月議会に提案する, 継続審議, 策定を進めている)
_AHEAD = re.compile(r"(?:制定|施行|成立|可決|公布)(?:される|する|したい|を目指す|の)(?:見込み|予定|方針|考え|見通し|方向|意向)|"
                    r"(?:提案|上程|提出)(?:する|される)(?:予定|見込み|方針|。|$)|継続審議|審議中|"
                    r"(?:策定|制定)を進め|(?:策定|制定|検討)中")
# a consultation in the sentence (…条例の制定について、ご意見を募集します): the name is a draft's
_CONSULTATION = re.compile(r"意見を募集|意見募集|意見公募|パブリックコメント|パブリック・コメント|ご意見をお寄せ")
_AMENDMENT_AFTER = re.compile(r"[」』]?\s?の(?:一部を)?(?:一部|全部)?改正")
_REJECTED = re.compile(r"否決")
_PASSED = re.compile(r"可決")
# A making reported as done (or fixed to a day): 制定されました, 可決され, 公布・施行, から施行.
_MADE = re.compile(r"(?:制定|施行|公布|可決|成立|議決)(?:され|し|いたし)(?:ました|た(?!い|く|かっ)|ます|、|て)|"
                   r"公布・施行|(?:から|より)施行")
_SELF_REFERENCE = re.compile(r"(?:(?<![\u4e00-\u9fff])本|この|同)条例")  # (not the end of 中小企業振興基本条例)
_NUMBER_ONLY = re.compile(r"[\s(（]*(?P<place>[^\s\d()（）]{1,8}?(?:都|道|府|県|市|区|町|村))?\s?"
                          r"条例第\s?[0-9一二三四五六七八九十百千〇]+\s?号[\s)）]*$")
_PROMULGATION = re.compile(r"(?:^|\n)[○◯]?([^\n。]{4,60}?条例)をここに公布する。")
MADE_WITHIN = 40  # the verb that reports a making follows its name closely (…」が…で可決され)
# …条例は、全国36の道府県で制定されています; 400超の自治体で施行: a making by a count of bodies reports
# the kind of ordinance spreading, not the making of the one the sentence names
_MADE_BY_MANY = re.compile(r"(?:[0-9０-９]+|[一二三四五六七八九十百千]+|多く|数多く)\s?(?:超|余り?|以上|ほど|を超える|を超す)?\s?の?"
                           r"(?:自治体|都道府県|道府県|市町村|市区町村|都市)(?:で|が|において)\s?(?:条例が|も)?\s?$")
_BY_MANY_WITHIN = 24
NUMBER_LINES_BELOW = 8  # a number line stands this many non-empty lines below the name at most


def _made_by_many(text: str, verb_at: int) -> bool:
    """Whether the verb at text[verb_at] reports a making by a count of bodies (`_MADE_BY_MANY`)."""
    return bool(_MADE_BY_MANY.search(text, max(0, verb_at - _BY_MANY_WITHIN), verb_at))


def _mention_state(ctx: DocContext, start: int, end: int) -> tuple[bool, bool]:
    """(planned, made) for one mention text[start:end] of a name."""
    text = ctx.text
    s, e = ctx.sentence(start)
    planned = bool(_DRAFT_AFTER.match(text, end) or _PROVISIONAL_BEFORE.search(text, max(s, start - 6), start)
                   or _PROVISIONAL_INSIDE.search(text, start, end) or _PLAN_AFTER.match(text, end)
                   or _CONSULTATION.search(text, end, e) or _AHEAD.search(text, end, e))
    verb = _MADE.search(text, end, min(e, end + MADE_WITHIN))
    plan = _PLAN_AFTER.match(text, end)
    proposed = bool(plan) and "提案" in plan.group()  # (…を提案し、12月議会で可決されました: proposed, then made)
    made = bool(verb) and "条例" not in text[end:verb.start()] and (not plan or proposed) \
        and not _made_by_many(text, verb.start())
    if _REJECTED.search(text, s, e) and not _PASSED.search(text, s, e) and not _AMENDMENT_AFTER.match(text, end):
        planned, made = True, False
    return planned, made


# a headline that says the ordinance is still being worked on, the plan word before or after the name
# (議員提案で検討進む…「X条例」, 年度内の制定目指す「X条例」), and says nothing of it made
_HEADLINE_PLAN = re.compile(r"検討(?:が|を)?(?:進む|進め|始ま|開始|へ|中|入り)|制定(?:へ|を?目指|を?めざ|に向け)|"
                            r"素案|骨子|原案|(?:提案|上程|提出)へ|[(（]案[)）]")
_HEADLINE_MADE = re.compile(r"制定(?:され|し|いたし)|成立|可決|施行|公布")


def _headline_plan(ctx: DocContext, start: int, end: int) -> bool:
    """Whether the mention at `start` stands on the page's heading line (the line that is its title)
    and that headline speaks of the ordinance as still being worked on (`_HEADLINE_PLAN`); not when
    the name is followed by its amendment (「X条例」の一部改正案の骨子: the draft is the amendment's,
    of an ordinance that exists)."""
    if _AMENDMENT_AFTER.match(ctx.text, end):
        return False
    title = re.sub(r"\s+", "", ctx.doc.title or "")
    ls, le = ctx.line(start)
    line = re.sub(r"\s+", "", ctx.text[ls:le])
    return bool(title) and line == title and bool(_HEADLINE_PLAN.search(line)) and not _HEADLINE_MADE.search(line)


def plans(ctx: DocContext, mentions: list[tuple[str, int, int]], key=lambda name: name) -> tuple[set[str], set[str]]:
    """Of `mentions` (name, start, end): (the names a mention speaks of as a plan, a draft or a
    rejected bill (see the module docstring), the names a sentence reports as made). `key` gives
    the name without its place: a page that names one key speaks of one ordinance, whose
    本条例は…から施行 reports it made."""
    planned: set[str] = set()
    made: set[str] = set()
    for name, start, end in mentions:
        p, m = _mention_state(ctx, start, end)
        p = p or _headline_plan(ctx, start, end)
        if p:
            planned.add(name)
        if m:
            made.add(name)
    if len({key(n) for n, _, _ in mentions}) == 1:
        for m in _SELF_REFERENCE.finditer(ctx.text):
            s, e = ctx.sentence(m.start())
            if _MADE.search(ctx.text, m.end(), e) and not _REJECTED.search(ctx.text, s, e):
                made |= {n for n, _, _ in mentions}
                break
    return planned, made


def assembly(ctx: DocContext) -> tuple[str, int, int] | None:
    """The municipality of the one assembly the page names (兵庫県議会 -> 兵庫県), with its span."""
    text = ctx.text
    found: dict[str, tuple[int, int]] = {}
    for m in re.finditer("議会", text):
        if text[m.start() - 1:m.start()] in ("審", "協"):  # 審議会, 協議会: no assembly
            continue
        lo = max(0, m.start() - 10)
        places = find_municipalities(text[lo:m.start()])
        if places and lo + places[-1][1] == m.start():
            s, e, name = places[-1]
            found.setdefault(name, (lo + s, lo + e))
    if len(found) != 1:
        return None
    (name, (s, e)), = found.items()
    return name, s, e


_SUBJECT_AFTER = re.compile(r"\s?(?:[(（][^()（）\n]{0,20}[)）])?\s?(?:は|が|では)[、,\s]?")


def subject_place(ctx: DocContext, start: int) -> tuple[str, int, int] | None:
    """The municipality the sentence before `start` is about: the last place followed by は/が
    (an aside in brackets between), not inside quotes (岡山県青葉市(人口3万人)は、 -> 青葉市)."""
    s, _ = ctx.sentence(start)
    piece = ctx.text[s:start]
    best = None
    for ps, pe, name in find_municipalities(piece):
        if _SUBJECT_AFTER.match(piece, pe) and not ctx.in_quotes(s + ps):
            best = (name, s + ps, s + pe)
    return best


def sentence_assembly(ctx: DocContext, start: int) -> tuple[str, int, int] | None:
    """The body whose assembly acts in the sentence before `start` (「燕市議会は18日、…条例を可決」,
    「岡谷市議会の6月定例会で、…条例が可決」): the last place written right before 議会 there, not
    inside quotes or brackets (審議会, 協議会: no assembly)."""
    s, _ = ctx.sentence(start)
    best = None
    for m in re.finditer("議会", ctx.text[s:start]):
        at = s + m.start()
        if ctx.text[at - 1:at] in ("審", "協") or ctx.in_quotes(at) or ctx.in_parens(at, at + 2):
            continue
        lo = max(s, at - 10)
        places = find_municipalities(ctx.text[lo:at])
        if places and lo + places[-1][1] == at:
            ps, pe, name = places[-1]
            best = (name, lo + ps, lo + pe)
    return best


def number_line(ctx: DocContext, after: int) -> tuple[DateMention, int, int] | None:
    """A line below offset `after` (within NUMBER_LINES_BELOW non-empty lines) that is only a date
    and an ordinance number (平成…年…日 青葉市条例第8号): (the date, start, end of the number)."""
    lines = ctx.lines
    i = line_index(lines, after) + 1
    seen = 0
    while i < len(lines) and seen < NUMBER_LINES_BELOW:
        line = lines[i]
        i += 1
        if not line.body:
            continue
        seen += 1
        dates = [d for d in ctx.dates_in(line.start, line.end) if d.start_date and d.precision == "day"]
        if not dates or ctx.text[line.start:dates[0].start].strip(" \t(（"):
            continue
        d = dates[0]
        if _NUMBER_ONLY.match(ctx.text, d.end, line.end):
            return d, d.end + len(ctx.text[d.end:line.end]) - len(ctx.text[d.end:line.end].lstrip()), \
                line.end - (len(line.text) - len(line.text.rstrip(" \t)）")))
    return None


def promulgation(ctx: DocContext) -> list[tuple[str, int, int, DateMention]]:
    """The page's 公布文: (the name promulgated, its start and end, the date written below it)."""
    out = []
    for m in _PROMULGATION.finditer(ctx.text):
        after = [d for d in ctx.dates_in(m.end(), m.end() + 40) if d.start_date and d.precision == "day"]
        if after and not ctx.text[m.end():after[0].start].strip():
            out.append((m.group(1), m.start(1), m.end(1), after[0]))
    return out


_SUPPLEMENT = re.compile(r"^\s*附\s?則\s*(?:[(（](?P<amend>[^()（）\n]{4,40})[)）])?\s*$", re.M)
_IN_FORCE = re.compile(r"(?:この|本)条例は、?\s?(?:(?P<promulgated>公布の日)|(?P<date>[^、。\n]{4,20}?))から施行")


def supplementary(ctx: DocContext) -> tuple[tuple[int, int, DateMention | None] | None, list[DateMention]]:
    """(the first 附則's 施行: its span and date, None for 公布の日; the amendments' dates)."""
    if not _SUPPLEMENT.search(ctx.text):
        return _unheaded_supplementary(ctx), []
    in_force = None
    amendments: list[DateMention] = []
    for m in _SUPPLEMENT.finditer(ctx.text):
        if m.group("amend"):
            dates = [d for d in ctx.dates_in(m.start("amend"), m.end("amend")) if d.start_date and d.precision == "day"]
            if dates and "条例" in m.group("amend"):
                amendments.append(dates[0])
            continue
        if in_force is not None or amendments:
            continue
        f = _IN_FORCE.search(ctx.text, m.end(), min(len(ctx.text), m.end() + 120))
        if f and f.group("promulgated"):
            in_force = (f.start("promulgated"), f.end("promulgated"), None)
        elif f:
            dates = [d for d in ctx.dates_in(f.start("date"), f.end("date")) if d.start_date and d.precision == "day"]
            if dates:
                in_force = (dates[0].start, dates[0].end, dates[0])
    return in_force, amendments


# a provision line of a 附則 whose heading the page lost: its item number (1, １) or none, then 「この条例は、…から施行」
_PROVISION_LINE = re.compile(r"\s*(?:[0-9０-９]{1,2}\s)?\s*(?=(?:この|本)条例は)")
# the line over an amending ordinance's 附則, its heading lost too: only its year or date and number in brackets
_AMENDMENT_LINE = re.compile(r"\s*[(（][^()（）\n]{0,30}条例第\s?[0-9一二三四五六七八九十百千〇]+\s?号[)）]\s*")


def _unheaded_supplementary(ctx: DocContext) -> tuple[int, int, DateMention | None] | None:
    """A 例規集 page rendered without its 附則 headings: the first provision line that puts この条例 in
    force (「1 この条例は、平成17年3月1日から施行する。」, under a 「(施行期日)」 key or none) and does not
    stand right under an amending ordinance's bracketed number (「(平成9年条例第23号)」: that provision
    is the amendment's) gives the ordinance's own day in force (None as date: 公布の日)."""
    lines = ctx.lines
    for i, line in enumerate(lines):
        lead = _PROVISION_LINE.match(line.text)
        if not lead:
            continue
        f = _IN_FORCE.match(ctx.text, line.start + lead.end(), line.end)
        if not f:
            continue
        above = next((ln for ln in reversed(lines[:i]) if ln.body), None)
        if above is not None and _AMENDMENT_LINE.fullmatch(above.text):
            return None  # (the first provision on the page is an amendment's: the ordinance's own is not shown)
        if f.group("promulgated"):
            return f.start("promulgated"), f.end("promulgated"), None
        dates = [d for d in ctx.dates_in(f.start("date"), f.end("date")) if d.start_date and d.precision == "day"]
        return (dates[0].start, dates[0].end, dates[0]) if dates else None
    return None


_NUMBER_AFTER = re.compile(r"\s?(?:[^\s\d()（）]{1,8}?(?:都|道|府|県|市|区|町|村))?\s?条例第\s?[0-9一二三四五六七八九十百千〇]+\s?号")
# an amendment's annotation before the date (改正 平成…, 附則(平成…), 第3条 of a quoted article)
_AMENDMENT_BEFORE = re.compile(r"改正|附\s?則|[0-9一二三四五六七八九十]条")


def numbered_date(ctx: DocContext) -> tuple[DateMention, int] | None:
    """The first date on the page written with an ordinance number right after it
    (「平成27年3月25日条例第16号」, 「(令和3年6月4日 X町条例第21号)」) that is no amendment's
    (改正 or 附則 just before it): the date the page's ordinance was made, with the number's end."""
    text = ctx.text
    for d in ctx.dates:
        if not d.start_date:
            continue
        m = _NUMBER_AFTER.match(text, d.end)
        if not m:
            continue
        ls, _ = ctx.line(d.start)
        if _AMENDMENT_BEFORE.search(text, max(ls, d.start - 12), d.start):
            continue
        return d, m.end()
    return None


# a plan word right after a verb says the making is still ahead (施行を目指し, 制定に向けて, 提案し)
_STILL_AHEAD = re.compile(r"予定|見込|目指|めざ|方針|向け|検討|(?:^|[\s、])案|したい|求め|要望|提案")
AHEAD_WITHIN = 12  # a plan word this close after the verb says the making is still ahead

# a date bound to a making: …日に公布, …日から施行, …日付けで制定, …日に本条例を施行; 施行日:…日
_VERB_AFTER_DATE = re.compile(r"\s?(?:に|から|より|付け?で?)?\s?(?:、\s?)?(?:[^。\n、]{0,30}?(?:を|が|は)\s?)?(公布|施行|制定)")
_VERB_BEFORE_DATE = re.compile(r"(公布|施行|制定)(?:日|年月日|期日)?\s?[:：]?\s?$")


def sentence_date(ctx: DocContext, key: str, one_ordinance: bool) -> tuple[str, DateMention] | None:
    """The one date of a sentence that names the ordinance (or, on a page about one ordinance,
    refers to it as 本条例/この条例), bound to 公布/施行/制定 after or before it: (the field, the
    date). A sentence with two dates or more (a list of bodies and years) dates none, and after
    a self-reference put in force undated (公布の日から施行), no later one does (an amendment's)."""
    text = ctx.text
    spots = [(m.start(), False) for m in re.finditer(re.escape(key), text)]
    if one_ordinance:
        spots += [(m.start(), True) for m in _SELF_REFERENCE.finditer(text)]
    selves = True
    for at, self_reference in sorted(spots):
        if self_reference and not selves:
            continue
        s, e = ctx.sentence(at)
        dates = [d for d in ctx.dates_in(s, e) if d.start_date and not d.fiscal_year]
        if self_reference and not dates and re.search("施行|公布", text[at:e]):
            selves = False  # この条例は、公布の日から施行する: later ones are amendments' 附則
            continue
        if len(dates) != 1 or re.match(r"\s?(?:現在|時点)", text[dates[0].end:]):
            continue
        d = dates[0]
        after = _VERB_AFTER_DATE.match(text, d.end)
        before = _VERB_BEFORE_DATE.search(text, max(s, d.start - 8), d.start)
        verb = after or before
        if not verb or _STILL_AHEAD.search(text, verb.end(), min(e, verb.end() + AHEAD_WITHIN)):
            continue
        return ("effective_date" if verb.group(1) == "施行" else "enacted_date"), d
    return None


# A making, amending or coming into force reported as done (or fixed to a day) after a name:
# 制定されました, 施行した, 公布し, 改正され, 施行後, 施行中, 施行となりました, から施行, 公布・施行,
# a renaming (…に改めました, 改称された).
_DONE = re.compile(r"(?:制定|施行|公布|可決|成立|議決|改正|改称)(?:され(?!る)|し(?:ま|た|て)|いたし|済|後|中|[とに]な[りっ]|"
                   r"\s?(?=[。\n、]|$))|(?:から|より)施行|公布・施行|制定・施行|改め(?:まし|た|られ)")
# X条例を定めました: made, said right after its name; X条例を定めています: in place (not 定めていません,
# nor 定めていく: a plan)
_SET_DOWN = re.compile(r"[」』]?\s?を定め(?:まし|た|てい(?:ます|る))")
# …or before the name, as its attribute: 昨年施行した「X条例」, 平成25年制定の X条例
_DONE_BEFORE = re.compile(r"(?:制定|施行|公布|改正)(?:した|された|され(?:てい)?る|している|済みの|の)\s?[「『]?$")
# the ordinance's own text right after its name: 前文 on the name's line, or the next line opening its
# preamble or first article (前文, (目的), (趣旨), 第1条): a name over its text is an ordinance that exists
_TEXT_BELOW = re.compile(r"[」』]?[ \t\u3000]*(?:前文[ \t\u3000]*\n|\n\s*(?:[(（]\s?前文\s?[)）]|前文\n|[(（]\s?(?:目的|趣旨)\s?[)）]|第\s?[1１一]\s?条))")
_QUOTED_FIRST = re.compile(r"[\s○◯●◎]*[「『]([^「」『』\n]+)[」』]")  # a title opening with a quoted name
_AMENDED = re.compile(r"[」』]?\s?の(?:一部|全部)?を?(?:一部|全部)?改正")
# what may follow a name in a title that is about the ordinance itself: nothing, a site's or a
# section's name after a separator, について (「X条例について」), its commentary (の解説, 逐条解説),
# an aside in brackets (X条例(解説), X条例(平成27年3月制定)); not a draft (X条例の概要案)
_TITLE_TAIL = re.compile(r"[」』]?\s?(?:$|[-|｜:：/／\s]|について|の解説|の概要(?!案)|の全文|逐条|"
                         r"[(（](?!案|仮称|素案|原案|骨子|試案|改正案|最終案))")  # an aside, not a draft's mark


def said_to_exist(ctx: DocContext, name: str, key: str, one_ordinance: bool) -> bool:
    """Whether the page states the ordinance `name` (`key`: the name without its place) exists: a
    sentence naming it (or, on a page about one ordinance, 本条例/この条例) goes on to report it
    made, amended or in force (`_DONE`, no plan word right after), an amendment of it is spoken
    of (…条例の一部改正: only an ordinance in force is amended), or the page's title is the
    ordinance itself (the name, then nothing, a separator, について, or a making reported as in
    a sentence: 「X条例」を制定しました) or opens with it quoted (「X条例」って何?); or a making
    before the name is its attribute (昨年制定した X条例). A name with none of these is only named in passing (an example, a ground, a draft a
    consultation asks about)."""
    text = ctx.text
    title = ctx.doc.title or ""
    at = title.find(key)
    if at >= 0 and (_TITLE_TAIL.match(title, at + len(key)) or _done_after(title, at + len(key), len(title))):
        return True
    opening = _QUOTED_FIRST.match(title)
    if opening and opening.group(1) == name:
        return True  # 「X条例」って何?, 『X条例』を読む: the title opens with the quoted name, its subject
    names = [(m.start(), m.end()) for m in re.finditer(re.escape(key), text)]
    starts = [s for s, _ in names] + [m.start() for m in re.finditer(re.escape(name), text)]
    if any(_DONE_BEFORE.search(text, max(0, s - 12), s) for s in starts):
        return True
    if any(_TEXT_BELOW.match(text, e) for _, e in names):
        return True  # 「X条例 前文」 over its preamble, X条例 over (目的) 第1条: the page gives its text
    spots = [e for _, e in names]
    if one_ordinance:
        spots += [m.end() for m in _SELF_REFERENCE.finditer(text)]
    for end in spots:
        end = after_aside(text, end)  # (以下「振興条例」という。): its 。 ends no sentence of the name's
        if _AMENDED.match(text, end) or _done_after(text, end, ctx.sentence(end)[1]):
            return True
    return False


# a bracketed aside right after a name: its short name (以下「X条例」という。), its number, a gloss
_ASIDE_AFTER = re.compile(r"[」』]?\s?[(（][^()（）\n]{1,40}[)）]")


def after_aside(text: str, end: int) -> int:
    """Where the sentence of a name ending at `end` goes on: after a bracketed aside right after it
    (「X条例」(以下「条例」という。)を制定: the aside's 。 ends no sentence), else `end`."""
    aside = _ASIDE_AFTER.match(text, end)
    return aside.end() if aside else end


def _done_after(text: str, end: int, sentence_end: int) -> bool:
    """Whether text[end:sentence_end] reports a making done (`_DONE`) with no plan word after it."""
    if _SET_DOWN.match(text, end):
        return True
    for m in _DONE.finditer(text, end, sentence_end):
        if not _STILL_AHEAD.search(text, m.end(), min(sentence_end, m.end() + AHEAD_WITHIN)) \
                and not _made_by_many(text, m.start()):
            return True
    return False



# 今年4月, 昨年12月17日, 昨年 (not 今年度: a fiscal year), read against the page's own date
_YEAR_WORD = re.compile(r"(一昨年|今年|本年|昨年|去年)(?!度)\s?(?:の\s?)?(?:(\d{1,2})\s?月(?:\s?(\d{1,2})\s?日)?)?")
_YEARS_BACK = {"今年": 0, "本年": 0, "昨年": 1, "去年": 1, "一昨年": 2}
# a day written alone at a clause's start (「29日、…議会で…条例が成立」), after the page's date line
_DAY_ALONE = re.compile(r"(?:^|(?<=[、,\s(（]))(\d{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日"
                        r"(?:\s?[(（][月火水木金土日](?:曜日?)?[)）])?(?=[、,]|に|から|は)")
# an assembly's session named by its month (3月定例会, 12月議会, 6月定例市議会), the bill's month when it
# is voted on there: the last such month on or before the page's own date
_SESSION_MONTH = re.compile(r"(?<![0-9年])(\d{1,2})\s?月(?:(?:定例|臨時)会|(?:定例|臨時)?(?:市|町|村|区|県|都|府|道)?議会)")
YEAR_OF_PAGE = "year from the page's own date (今年, 昨年)"
SESSION_OF_PAGE = "year of the session from the page's own date"
# what a session did with the bill, the first of these after it in its sentence: a making (可決, 成立,
# 議決, 制定) dates it; a bill kept, turned down, examined or proposed there does not
_SESSION_DEED = re.compile(r"可決|成立|議決|制定|継続審査|継続審議|否決|審議|審査|提案|提出|上程|付託|\d{1,2}\s?月")
_SESSION_MADE = ("可決", "成立", "議決", "制定")


def _session_made(ctx: DocContext, end: int) -> bool:
    """Whether the session whose mention ends at `end` is where its sentence says the bill was made
    (`_SESSION_DEED`), with no plan word right after that verb (可決される見込み)."""
    _, e = ctx.sentence(end)
    deed = _SESSION_DEED.search(ctx.text, end, e)
    return bool(deed) and deed.group() in _SESSION_MADE and \
        not _STILL_AHEAD.search(ctx.text, deed.end(), min(e, deed.end() + AHEAD_WITHIN))
DAY_OF_PAGE = "month and year from the page's own date"


def relative_dates(ctx: DocContext) -> list[DateMention]:
    """The page's dates written against its own date (`DocContext.doc_date`): 今年/本年/昨年/去年/一昨年
    with the month and day after it, if any (a month-day read with the page's year is replaced),
    a bare day (29日、) in the page's month, or the month before when the day is later than
    the page's, and the month of a session that passed a bill (`_session_made`: 3月定例会で…可決) in
    the last year that month came on or before the page's date. A page that gives itself no date
    gives none."""
    dd = ctx.doc_date
    if dd is None:
        return []
    text = ctx.text
    out: list[DateMention] = []
    for m in _YEAR_WORD.finditer(text):
        year = dd.year - _YEARS_BACK[m.group(1)]
        month, day = (int(m.group(2)) if m.group(2) else None), (int(m.group(3)) if m.group(3) else None)
        written = f"{year}年" + (f"{month}月" if month else "") + (f"{day}日" if month and day else "")
        found = parse_date(written)
        if found is None or not found.start_date or (month and not 1 <= month <= 12):
            continue
        out.append(replace(found, start=m.start(), end=m.end(), year_given=False, year_source=YEAR_OF_PAGE))
        out += _same_sentence_days(ctx, m.end(), year)
    if dd.date.count("-") >= 1:
        page_month = int(dd.date[5:7])
        for m in _SESSION_MONTH.finditer(text):
            month = int(m.group(1))
            if not 1 <= month <= 12 or not _session_made(ctx, m.end()):
                continue
            year = dd.year if month <= page_month else dd.year - 1
            iso = f"{year:04d}-{month:02d}"
            out.append(DateMention(m.start(1), m.end(1) + text[m.end(1):m.end()].find("月") + 1, iso, iso, "month",
                                   False, False, None, SESSION_OF_PAGE))
    if dd.date.count("-") == 2:
        for m in _DAY_ALONE.finditer(text):
            day = day_on_or_before(dd.date, kanji_to_int(m.group(1)) or 0, True)
            if day and m.start(1) != dd.start:
                out.append(DateMention(m.start(1), m.end(), day, day, "day", False, False, None, DAY_OF_PAGE))
    return out


def _same_sentence_days(ctx: DocContext, after: int, year: int) -> list[DateMention]:
    """The month-days written without a year later in the sentence of a year word (昨年の12月議会で可決し、
    12月16日から施行): that year's, as a year the sentence gives dates the days it leaves yearless; up to
    the next year word or written year."""
    _, e = ctx.sentence(after)
    out = []
    for d in ctx.dates_in(after, e):
        if d.year_given or _YEAR_WORD.match(ctx.text, d.start) or d.precision != "day" or not d.start_date:
            break  # (a year of its own: later days are that year's)
        iso = f"{year:04d}{d.start_date[4:]}"
        end = f"{year:04d}{d.end_date[4:]}" if d.end_date else None
        out.append(replace(d, start_date=iso, end_date=end, year_source=YEAR_OF_PAGE))
    return out


def with_relative_dates(ctx: DocContext) -> DocContext:
    """A copy of `ctx` whose dates hold `relative_dates` too, in place of any mention they cover
    (昨年12月17日 read with the page's year)."""
    extra = relative_dates(ctx)
    if not extra:
        return ctx
    kept = [d for d in ctx.dates if not any(x.start <= d.start and d.end <= x.end for x in extra)]
    return replace(ctx, dates=sorted(kept + extra, key=lambda d: (d.start, d.end)))


# 「X条例」(Y条例), X条例(通称:Y条例), X条例(以下「Y条例」): the short name the page will use
_SHORT_NAME = re.compile(r"[」』]?\s?[(（](?:通称|略称|以下)?\s?[、,:：]?\s?[「『]?([^()（）「」『』、。\n]{1,20}?条例)[」』]?[)）]")


def short_names(ctx: DocContext, names: list[str]) -> dict[str, str]:
    """The short names the page gives the ordinances `names` right after one of them: short ->
    name (a bare 条例 is no name)."""
    out: dict[str, str] = {}
    for name in sorted(set(names), key=len, reverse=True):
        at = ctx.text.find(name)
        while at >= 0:
            m = _SHORT_NAME.match(ctx.text, at + len(name))
            short = m.group(1).strip() if m else None
            if short and short != name and len(short) > 2 and short not in out:
                out[short] = name
            at = ctx.text.find(name, at + len(name))
    return out
