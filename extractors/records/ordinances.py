"""Ordinance records from a document's candidates.

Takes a `DocContext` and gives draft ordinances (plain field dicts with
evidence spans). A name is read whole: from the rule's span back over noun
groups joined by 及び/並びに/・/の/と/に関する (、 inside a coordination closed by
及び) to a real boundary (`extend_name`); the enacting body is the place that
starts it, from the gazetteer (a list's 「X県・Y市…条例」 -> Y市), else the place of
the clause, the sentence's subject (Y市は、「…条例」を制定した), the assembly acting in the
sentence (Y市議会は…「…条例」を可決した), the page's owner, the
assembly the page reports from (Z県議会), or a prefecture written inside the name
(ふるさと青森の…条例 -> 青森県).
Three kinds of text are read:

- 例規集 headers: a line holding only the name (「○墨田区中小企業振興基本条例」),
  followed within a few lines by the date and (X市)条例第N号, and 改正 lines;
- list rows: lines of names one after another (a title line over a header
  names the same one: no list), and table rows (cells joined by tabs or pipes) one
  cell of which is a name, read whole, kana inside too (…を応援する条例), its
  place from the row's place cell when the name has none; dated by the list's
  heading (「2015年に制定された条例」) or the sentence introducing it;
- prose: 「…条例」 in a sentence, with the place (X市で, 県の) and the date of
  the same clause, dates bound to a verb (…に公布、…に施行), the date of a
  本条例/この条例 sentence on a one-ordinance page, and the verb after it
  (施行 -> effective, 制定/公布 -> enacted, に改め -> a renaming of the body's
  previous ordinance).

National laws (…法), charters (憲章), rules and plans never match: only names
ending in 条例 are candidates; generic references (本条例, 前条例), compounds
(条例素案) and passing references are dropped: a name with nothing stated of it
that is the ground of something else (…条例に基づく支援, …条例の趣旨), or whose
body only the page gives (its owner, its assembly) on a page whose title speaks
of no 条例; on a page about a draft (its title says so: (案), パブリックコメント,
制定に向けて), a name with nothing stated of it is that draft. 「X条例の一部を改正
する条例」 names X, amended. A short name the page gives in brackets after a name
(「X条例」(通称:Y条例)) is that ordinance; a section of a breadcrumb line (ホーム > 議員提案条例 >
…) names none.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from extractors.records.context import DocContext, strip_quotes
from extractors.records.lines import Line, cells, is_table_row, line_index
from extractors.records.publisher import publisher
from extractors.records.ordinance_pages import (after_aside, assembly, number_line, numbered_date, plans, promulgation, said_to_exist,
                                               sentence_assembly, sentence_date, short_names, subject_place, supplementary,
                                               with_relative_dates)
from extractors.language.dates import DateMention, parse_date
from extractors.language.gazetteer import PREFECTURE_SUFFIX, find_municipalities, is_municipality, municipality_names
from extractors.language.readings import prefecture_read_as
from extractors.records.spans import Span, date_span, field_span
from extractors.records.wrapping import Wrapping
from schemas.records import Candidate

# (以下振興条例, 通称…条例: the short name a page defines for an ordinance named before it, not another)
_GENERIC = re.compile(r"^(?:この|その|本|同|前|当該|新|旧|改正|関係|関連|他の|各|県の|市の|区の|町の|村の|条例|以下|通称|略称)")
_NUMBER = re.compile(r"(?:[^\s\d()（）]{1,6}?(?:都|道|府|県|市|区|町|村))?条例第\s?[0-9一二三四五六七八九十百千〇]+\s?号")
_AMEND_ABBR = re.compile(r"[(（]\s?(昭|平|令)\s?([0-9]{1,2})\s?条\s?[0-9]+[^()（）]*改正[)）]")
_HEADER_END = re.compile(r"^(?:[(（]目的[)）]|[(（]趣旨[)）]|第[1一]条|目次|前文)")
_PLACE_BEFORE = re.compile(r"(?:^|[、,。\s年月日にはで])(本県|当県|同県|県)(?:で|は|の|が|に|では)")
_RENAME_AFTER = re.compile(r"^[」』]?\s?(?:に|へ)(?:改め|改称|名称変更|変更)")
_VERB_AFTER = re.compile(r"(全部改正|一部改正|改正|施行|制定|公布|成立|可決)")
_SELF_PLACE = {"本市", "当市", "同市", "本区", "当区", "同区", "本町", "当町", "本村", "本県", "当県", "同県"}


def clean_name(raw: str) -> str:
    name = strip_quotes(raw).lstrip("○◯●◎・ ")
    return name.replace(" ", "").replace("\n", "")  # (a quoted name wrapped onto the next line)


_DATE_LIKE = re.compile(r"(?:[0-9一二三四五六七八九十元]+(?:年|月|日)|年度)$")


def is_ordinance_name(name: str, whole_header: bool = False) -> bool:
    """A proper ordinance name: not a generic reference (本条例) and not a date (令和元年6月1日条例第8号);
    another 条例 inside it only when a 例規集 header line stands for it whole (`whole_header`:
    産業の振興に係る青葉県県税条例の特例に関する条例 over its date and number)."""
    generic = _GENERIC.match(name) and not _starts_with_place(name)  # 前条例, but 前橋市…条例 and 新潟県…条例
    return (name.endswith("条例") and len(name) >= 5 and not generic and (whole_header or "条例" not in name[:-2])
            and not _DATE_LIKE.search(name[:-2]) and not _SORT_NAME.search(name) and not _KIND_WORDS_ONLY.match(name)
            and not _ERA_YEAR.fullmatch(name[:-2]) and not _maker_only(name))


def _maker_only(name: str) -> bool:
    """京都市条例, 旧宮島町条例: an ordinance called by its maker alone, no name (…は, …と同様)."""
    body = name[:-2].removeprefix("旧")
    return is_municipality(body)


# (平11条例11・平27条例61・一部改正): an amendment's abbreviated era year before 条例, no name
_ERA_YEAR = re.compile(r"(?:明|大|昭|平|令)\s?[0-9０-９元一二三四五六七八九十]{1,3}")


# 振興基本条例, 推進条例: words of the kind only, no subject (中小企業, 産業, 商店街): a sort, no one's name
_KIND_WORDS_ONLY = re.compile(r"^(?:振興|基本|推進|促進|活性化|理念)+条例$")


# 理念型条例, 県内初の…条例: a sort of ordinance or a description of one, not its name
_SORT_NAME = re.compile(r"型条例$|初の")
_FIRST_OF_ITS_KIND = re.compile(r"^[\u4e00-\u9fff々ヶ]{1,4}初の")  # 全国初の, 県内初の, 道内初の before a name


def _starts_with_place(name: str) -> bool:
    found = find_municipalities(name[:8])
    return bool(found) and found[0][0] == 0


# Inside a name, noun groups are joined by coordination (及び, 並びに, ・, と), の, 、 (only in
# a list closed by 及び: 「A、B及びC」) and に関する/における: 「中小企業の振興と人材の育成等に関する
# 基本条例」. A noun group is a run of kanji or katakana; what precedes the first group (a
# verb ending, a particle such as は/を/で, a bracket, a line start) is the name's boundary.
_NOUN_GROUP = r"[\u4e00-\u9fff々ヶ\u30a1-\u30faー]{2,}"
_LINK_BEFORE = re.compile(rf"({_NOUN_GROUP})(及び|並びに|又は|・|の|と|、|に関する|における)$")
_SORT_BEFORE = re.compile(r"[\u4e00-\u9fff]型の$")
_COUNTED = re.compile(r"[0-9０-９]")  # a digit right before a noun group: the group is its counter (例目, 件目, 番目)
_NOT_IN_NAME = re.compile(r"(?:年|月|日|年度|本市|本県|本町|本村|本区|同市|同県|当市|当県|型|合併前|改正前|施行前|合併後)$")  # a sort (…型の条例)


def extend_name(text: str, start: int, end: int) -> int:
    """Where the name ending at `end` begins: `start` moved back over noun groups and the links
    that a name holds (see above), never past the line start. A group that is a date, a
    counter (2例目の), a self-reference or a bare place before の (前橋市の条例 names the city, not the ordinance)
    stops the walk."""
    line_start = text.rfind("\n", 0, start) + 1
    lo = max(line_start, start - 80)
    while True:
        m = _LINK_BEFORE.search(text, lo, start)
        if not m:
            return start
        group, link = m.group(1), m.group(2)
        if _NOT_IN_NAME.search(group) or group.endswith("条例"):
            return start  # (…条例と…条例: two names coordinated, not one)
        if _COUNTED.match(text, max(0, m.start() - 1)):
            return start  # 2例目の乾杯条例, 10周年の: a count of such ordinances (or years) before the name
        if link == "、" and not re.search("及び|並びに", text[start:end]):
            return start  # a comma joins names only in a coordination closed by 及び
        if link in ("の", "と") and _starts_with_place(group) and (municipality_prefix(group + "中小企業条例") == group
                                                                 or is_municipality(without_prefecture(group))):
            return start  # (福岡県田川市の…条例: a city after its prefecture, as bare a place as the city alone)
        if link in ("の", "と") and municipality_prefix(text[start:end]):
            return start  # 議員提案の青葉市…条例: a name that opens with its body is whole
        start = m.start()



def municipality_prefix(name: str) -> str | None:
    """The enacting body named at the start of the name, from the gazetteer: 大府市 of
    大府市中小企業…条例; in a list written 「X県・Y市…条例」 the last place of the chain
    (Y市: the prefecture only says where the city lies)."""
    pos, found = 0, None
    while True:
        # longest place at pos; a name's start is a word boundary, so 港区 of 港区中小企業… counts
        place = next((name[pos:pos + n] for n in range(8, 1, -1) if is_municipality(name[pos:pos + n])), None)
        if place is None or len(name) - pos - len(place) < 4:
            break
        found, pos = place, pos + len(place)
        if name[pos:pos + 1] != "・":
            break
        pos += 1
    return found


def enacting_prefix(name: str) -> str | None:
    """The body that starts the name (`municipality_prefix`), or the municipality written right
    after a prefecture that starts it (青森県弘前市…条例 -> 弘前市: the prefecture only says where
    the city lies, as 北海道帯広市 outside a name)."""
    prefix = municipality_prefix(name)
    if prefix and prefix in _prefectures() and name.startswith(prefix):
        inner = municipality_prefix(name[len(prefix):])
        if inner and inner not in _prefectures():
            return inner
    return prefix


def _words_before_place(name: str) -> int:
    """How many characters of words that are no place stand before a place that starts the rest of
    a name the token rule read (今回弘前市…条例, ため弘前市…条例, 昨年12月弘前市…条例: a noun or a date
    glued to the name), or the body written twice (京都府京都府…条例: a site's name run into the heading
    before the name): 0 when the name starts with its body once or holds none."""
    prefix = municipality_prefix(name)
    if prefix:
        return len(prefix) if name.startswith(prefix * 2) else 0
    found = find_municipalities(name)
    if not found or found[0][0] == 0 or not municipality_prefix(name[found[0][0]:]):
        return 0
    return found[0][0]


def _prefecture_inside(name: str) -> str | None:
    """A prefecture written without its suffix inside the name (ふるさと青森の…条例 -> 青森県), or in
    kana before 県 (…あおもり県民条例 -> 青森県, by its reading)."""
    hits = {p for p in _prefectures() if p[:-1] in name}
    if not hits:
        hits = {p for m in _KANA_BEFORE_PREFECTURE.finditer(name) if (p := _kana_prefecture(m.group(1))[0])}
    return hits.pop() if len(hits) == 1 else None


_KANA_BEFORE_PREFECTURE = re.compile(r"([\u3041-\u3096\u30a1-\u30fa]{2,8})県")


def _kana_prefecture(run: str) -> tuple[str | None, str]:
    """The prefecture the end of a kana run reads as (…するあおもり -> 青森県), with its kana."""
    for i in range(len(run) - 1):
        found = prefecture_read_as(run[i:])
        if found:
            return found, run[i:]
    return None, ""


@lru_cache(maxsize=1)
def _prefectures() -> tuple[str, ...]:
    """The 47 prefectures (the gazetteer's names with a prefecture suffix, none longer than 4)."""
    return tuple(sorted(n for n in municipality_names() if n.endswith(PREFECTURE_SUFFIX) and len(n) <= 4))


_OTHER_NAME = re.compile(r"条例(?!\s?第)")
# A title that says the page is about a draft (its consultation, its plan)
_PLAN_TITLE = re.compile(r"[(（](?:案|仮称|素案|原案|骨子案)[)）]|パブリックコメント|意見募集|意見公募|意見を募集|"
                         r"制定に向け|素案|骨子")
_AMENDING = re.compile(r"^(.{3,60}?条例)の(?:一部|全部)を改正する条例$")
# 令和5年4月1日現在: the date of a count; (令和7年4月19日更新), 2024年3月1日掲載: the page's own date, written
# after it; neither is an ordinance's
_AS_OF = re.compile(r"\s?(?:現在|時点|更新|掲載|公開|作成)")


def _header_block(ctx: DocContext, name_cand: Candidate) -> tuple[int, int] | None:
    """If the name stands alone on its line (例規集 style), the block of lines after it up to the body."""
    ls, le = ctx.line(name_cand.start)
    rest = ctx.text[ls:le].replace(name_cand.text, "").strip("○◯●◎ 「」『』")
    ns, ne, _ = header_line_parts(ctx.text[ls:le])
    if rest and (ls + ns, ls + ne) != (name_cand.start, name_cand.end):  # (a body apart before it, an aside after)
        return None
    end = le
    for _ in range(6):
        if end >= len(ctx.text):
            break
        ns, ne = ctx.line(end + 1)
        line = ctx.text[ns:ne].strip()
        if end == le and line.strip("○◯●◎ 「」『』") == name_cand.text:
            return None  # the page's heading above the 例規集's own 「○…条例」 line: that line heads the block
        if _HEADER_END.match(line) or len(line) > 60 or _OTHER_NAME.search(line):
            break  # (a line naming an ordinance: a list below a heading, no header)
        end = ne
    return le, end


# words the model may tag as nouns before a name that are none of it (それぞれ, いずれも); not すべて,
# ともに: a name may open with them (すべての県民が…条例, ともに生きる…条例)
_ADVERB_BEFORE = re.compile(r"(?:それぞれ|おのおの|各々|いずれも)\s?")
_HEADER_MARKS = "○◯●◎・ \u3000"
# a header's name: kana and kanji, no mark or space but a 読点 or a 中黒 between its words (…今日の良き日、
# 地酒で乾杯条例, 地酒・地ワインで乾杯…条例), and a word quoted inside it (青葉町「地酒で乾杯」を推進する条例)
MAX_HEADER_NAME = 80  # a header line's name whole (a 準則 ordinance's name cites a law's whole name and article)
_NAME_RUN = r"[\u3041-\u3096\u30a1-\u30faー\u4e00-\u9fff々ヶ]+"
_NAME_PART = rf"(?:{_NAME_RUN}|「{_NAME_RUN}」|『{_NAME_RUN}』)"
# a law's article the name cites (…に関する法律第10条第1項の規定に基づく…条例): written in the name, after a word
_ARTICLE = r"第[0-9一二三四五六七八九十]{1,3}条(?:の[0-9一二三四五六七八九十]{1,2})?(?:第[0-9一二三四五六七八九十]{1,2}(?:項|号))*"
_HEADER_NAME = re.compile(rf"{_NAME_PART}(?:{_NAME_PART}|(?<=[法律令]){_ARTICLE})*(?:[、・]{_NAME_PART}+)*")


def _header_line_start(ctx: DocContext, start: int, end: int) -> int | None:
    """Where a name read on a 例規集 header line starts (None: not such a line): that line is the
    name whole (its marks aside) when the name ends it and the lines below hold the ordinance's number before its body
    (令和2年3月25日 / 倉敷市条例第8号). The token rule reads only the nouns before 条例, and a name
    may open with kana (ようこそ…観光振興条例, がんばる…応援条例, みんなで支える…条例). Blank lines
    between the name, its date and its number count for nothing; a quoted name is read as quoted
    (逐条解説「X条例」 over the number: the line's words before the quote are no part of it)."""
    ls, le = ctx.line(start)
    head = ls + len(ctx.text[ls:le]) - len(ctx.text[ls:le].lstrip(_HEADER_MARKS))
    if head >= start or ctx.text[start] in "「『“" or ctx.text[end:le].strip() \
            or not _HEADER_NAME.fullmatch(ctx.text, head, start) or end - head > MAX_HEADER_NAME:
        return None
    return head if _number_below(ctx, le) or _over_its_header(ctx, le) or _own_text_below(ctx, le) else None


def _over_its_header(ctx: DocContext, line_end: int) -> bool:
    """Whether the line ending at `line_end` is the page's heading right above its 例規集 header: the
    next non-empty line is the same name (marks aside) over the date and number."""
    ns, ne = ctx.line(line_end + 1) if line_end < len(ctx.text) else (line_end, line_end)
    while ns < len(ctx.text) and not ctx.text[ns:ne].strip() and ne < len(ctx.text):
        ns, ne = ctx.line(ne + 1)
    ls, _ = ctx.line(line_end)
    same = ctx.text[ns:ne].strip().lstrip(_HEADER_MARKS) == ctx.text[ls:line_end].strip().lstrip(_HEADER_MARKS)
    return same and ns > line_end and _number_below(ctx, ne)


# the 前文's last sentence: ここに、…ため、この条例を制定する。
_ENACTING_FORMULA = re.compile(r"この条例を制定する。\s*$")
PREAMBLE_LINES = 8


def _own_text_below(ctx: DocContext, line_end: int) -> bool:
    """Whether the ordinance's own text starts right below a line ending at `line_end`, as on a page
    that gives an ordinance whole with no 例規集 number (an assembly's page of its text): the next
    non-empty line opens its articles ((目的), 第1条, 目次, 前文), or a preamble of prose paragraphs
    (at most PREAMBLE_LINES) ending in この条例を制定する。 stands between."""
    pos, seen, preamble = line_end, 0, False
    while seen <= PREAMBLE_LINES and pos < len(ctx.text):
        ns, ne = ctx.line(pos + 1)
        line = ctx.text[ns:ne].strip()
        pos = ne
        if not line:
            continue
        if _HEADER_END.match(line):
            return seen == 0 or preamble
        seen += 1
        preamble = bool(_ENACTING_FORMULA.search(line))
    return False


def _number_below(ctx: DocContext, line_end: int) -> bool:
    """Whether the lines right below a line ending at `line_end` are a 例規集 header's date and number
    (令和2年3月25日 / 倉敷市条例第8号, blank lines between them counting for nothing)."""
    pos, seen = line_end, 0
    while seen < 3 and pos < len(ctx.text):  # the date and the number stand right below the name
        ns, ne = ctx.line(pos + 1)
        line = ctx.text[ns:ne].strip()
        pos = ne
        if not line:
            continue  # (a rendered page parts the header's lines with blank ones)
        seen += 1
        if _NUMBER.search(line) and len(line) <= 40:
            return True
        if _HEADER_END.match(line) or len(line) > 40 or not ctx.dates_in(ns, ne):
            break
    return False


# a header line that writes its body apart from the name (○青葉町 雪と暮らす条例, as a 例規 index
# sets the body in a column of its own), and a bracketed aside after the name ((※…と読む))
_BODY_APART = re.compile(r"([\u4e00-\u9fff々ヶ]{1,6}?[都道府県市区町村])[ \u3000]+(?=\S)")
_ASIDE_AFTER = re.compile(r"[ \u3000]*[(（][^()（）\n]{1,40}[)）]$")


def header_line_parts(line: str) -> tuple[int, int, str | None]:
    """The name's start and end in a header's line (its marks, the body written apart before it and
    a bracketed aside after it left out) and that body (None: the line writes none apart)."""
    head = len(line) - len(line.lstrip(_HEADER_MARKS))
    end = len(line.rstrip())
    aside = _ASIDE_AFTER.search(line, head, end)
    if aside and line[head:aside.start()].endswith("条例"):
        end = aside.start()
    apart = _BODY_APART.match(line, head, end)
    if apart and is_municipality(apart.group(1)):
        return apart.end(), end, apart.group(1)
    return head, end, None


def _header_body_apart(ctx: DocContext, cand: Candidate) -> tuple[str, None, tuple[int, int]] | None:
    """The body a header's line writes apart before the name (○青葉町 雪と暮らす条例: 青葉町)."""
    ls, le = ctx.line(cand.start)
    start, _, body = header_line_parts(ctx.text[ls:le])
    if body is None or ls + start != cand.start:
        return None
    at = ls + ctx.text[ls:le].find(body)
    return body, None, (at, at + len(body))


def _header_line_names(ctx: DocContext) -> list[tuple[int, int]]:
    """Lines that are a 例規集 header's name whole (marks, a body written apart before it and an
    aside after it aside) over its date and number, whatever words the name holds
    (○高浜市みんなで三州瓦をひろめよう条例: kana and a verb the token rules read as no name): the
    header's structure says it is one."""
    out = []
    for line in ctx.lines:
        ns, ne, _ = header_line_parts(line.text)
        body = line.text[ns:ne]
        if not body.endswith("条例") or len(body) > MAX_HEADER_NAME or not _HEADER_NAME.fullmatch(body) \
                or not is_ordinance_name(body, whole_header=True) or _AMENDING.match(body):
            continue
        s = line.start + ns
        if _number_below(ctx, line.end) or _own_text_below(ctx, line.end):
            out.append((s, s + len(body)))
    return out


def _header_place(ctx: DocContext, name: str, block: tuple[int, int]) -> tuple[str, None, tuple[int, int] | None] | None:
    """The body of a header whose name does not start with it: the place of its number (鳥取県条例第十号),
    else the one place written inside the name (がんばる燕市中小企業応援条例)."""
    number = _NUMBER.search(ctx.text, *block)
    if number:
        at = number.start() + number.group().find("条例第")
        found = find_municipalities(ctx.text[number.start():at])
        if found and number.start() + found[-1][1] == at:
            ps, pe, place = found[-1]
            return place, None, (number.start() + ps, number.start() + pe)
    inside = {p for _, _, p in find_municipalities(name)}
    return (inside.pop(), None, None) if len(inside) == 1 else None


_BARE_BODY = "(?<![\u4e00-\u9fff々ヶ]){kind}(?:は|が|の|及び|と)"  # 町は、…に努める: the text's word for its own body
_TEXT_READ = 1500


def _body_of_the_text(ctx: DocContext, block: tuple[int, int]) -> tuple[str, str, tuple[int, int]] | None:
    """A 例規集 header (its number under its name) whose name, number and page name no body
    (○益子焼を使おう条例 / 条例第14号): the first
    municipality its text names (a preamble's 益子町は、…) whose kind the articles use bare for their own
    body (第2条 町は、…)."""
    if not _NUMBER.search(ctx.text, *block):
        return None  # (a heading over a sentence: no 例規集 header, whose number sits under its name)
    lo = block[0]  # (from the name's line: the block may hold the preamble's first lines)
    hi = min(len(ctx.text), lo + _TEXT_READ)
    places = find_municipalities(ctx.text[lo:hi])
    if places[1:] and places[0][2].endswith(PREFECTURE_SUFFIX) and places[1][0] == places[0][1]:
        places = places[1:]  # (秋田県湯沢市の…: the city written after its prefecture is the place named)
    for ps, pe, place in places:
        kind = place[-1]
        if kind in "市町村区県" and re.search(_BARE_BODY.format(kind=kind), ctx.text[lo + pe:hi]):
            return place, "named in the ordinance's text", (lo + ps, lo + pe)
        break  # only the first place the text names
    return None


_KANJI_RUN = re.compile(r"(?<![\u4e00-\u9fff々ヶ])[\u4e00-\u9fff々ヶ]{2,4}(?![\u4e00-\u9fff々ヶ])")


def _place_without_kind(ctx: DocContext, block: tuple[int, int]) -> tuple[str, str, tuple[int, int]] | None:
    """A 例規集 header whose name writes its body without the body's kind (ずっと小布施のくりを食べよう条例 of 小布施町):
    a word of the name's line, a run of kanji between kana, that is a municipality's name once the kind the
    articles use bare for their own body (第2条 町は、…) is put after it (the gazetteer's names)."""
    if not _NUMBER.search(ctx.text, *block):
        return None
    lo = block[0]
    hi = min(len(ctx.text), lo + _TEXT_READ)
    bare = [(m.start(), kind) for kind in "市町村" for m in [re.search(_BARE_BODY.format(kind=kind), ctx.text[lo:hi])] if m]
    if not bare:
        return None
    kind = min(bare)[1]  # the kind the text uses first
    ls, le = ctx.line(lo)
    for m in _KANJI_RUN.finditer(ctx.text, ls, le):
        if is_municipality(m.group() + kind) and not is_municipality(m.group()):
            return m.group() + kind, f"{kind} of the ordinance's text after the name", (m.start(), m.end())
    return None


# the key of a header's line that gives the day it took effect (施行 平成30年4月1日, 施行日:…, 【施行期日】…)
_IN_FORCE_KEY = re.compile(r"[\s・■◆○●(（【\[]*施行(?:日|期日|年月日)?[\s:：)）】\]]*")


# what a header's date line may hold beside its date: its number, a key (施行, 公布日:), brackets, marks
_HEADER_LINE_REST = re.compile(r"[\s()（）【】\[\]○◯●◎・:：]*(?:(?:施行|公布|制定|議決|改正)(?:日|期日|年月日)?)?[\s()（）【】\[\]:：]*")


def _header_date_line(ctx: DocContext, d: DateMention) -> bool:
    """Whether a date under a header's name stands on a line of its own, as a 例規集 header's date does
    (平成25年9月17日 / (令和3年9月24日条例第21号) / 施行 平成30年4月1日), not inside a sentence or a
    note below a heading (出典:…(2025/02/16 版), 2019年に改定された…)."""
    ls, le = ctx.line(d.start)
    line = ctx.text[ls:le]
    rest = line[:d.start - ls] + " " + _NUMBER.sub(" ", line[d.end - ls:])
    return all(_HEADER_LINE_REST.fullmatch(part) for part in rest.split(" ") if part) or not rest.strip()


def _from_header(ctx: DocContext, name: str, cand: Candidate, block: tuple[int, int]) -> dict:
    text = ctx.text
    bs, be = block
    draft = _draft(ctx, name, cand, confidence=0.9)
    dates = [d for d in ctx.dates_in(bs, be) if not _PAGE_DATE.search(ctx.text[ctx.line(d.start)[0]:d.start])
             and not _AS_OF.match(ctx.text, d.end) and _header_date_line(ctx, d)]
    number = _NUMBER.search(text, bs, be)
    amend_at = text.find("改正", bs, be)
    in_force = [d for d in dates if (amend_at < 0 or d.start < amend_at) and d.start_date
                and _IN_FORCE_KEY.fullmatch(text, ctx.line(d.start)[0], d.start)]
    if in_force:  # 施行 平成30年4月1日 / 施行日:…: a key-value line of the header
        draft["effective_date"] = in_force[0].start_date
        draft["evidence"].append(date_span(in_force[0], "ordinance-header-in-force", "effective_date"))
    first = [d for d in dates if (amend_at < 0 or d.start < amend_at) and d not in in_force]
    if first:
        d = first[0]
        draft["enacted_date"] = d.start_date
        draft["evidence"].append(date_span(d, "ordinance-header-date", "enacted_date"))
        if number and number.start() - d.end <= 3:
            draft["number"] = re.sub(r"\s", "", text[d.start:number.end()]).strip("()（）")
            draft["evidence"].append(field_span(d.start, number.end(), "ordinance-header-date", "number", draft["number"]))
        draft["evidence"].append((d.start, number.end() if number else d.end, "ordinance-header-date"))
    elif number:
        draft["number"] = number.group()
        draft["evidence"].append(field_span(number.start(), number.end(), "ordinance-number", "number", draft["number"]))
    if amend_at >= 0:
        amended = [d for d in dates if d.start > amend_at and d.start_date]
        draft["amended_dates"] = [d.start_date for d in amended]
        draft["evidence"] += [date_span(d, "ordinance-header-amended", "amended_dates") for d in amended]
    return draft


def name_span(text: str, start: int, end: int, name: str, rule: str) -> Span:
    """The name as written inside text[start:end] (no quotes, no ○ mark before it)."""
    raw = text[start:end]
    core = strip_quotes(raw).lstrip("○◯●◎・ ")
    at = start + max(0, raw.find(core))
    return field_span(at, at + len(core), rule, "name", name)


def _draft(ctx: DocContext, name: str, cand: Candidate, confidence: float) -> dict:
    return {"type": "ordinance", "name": name, "municipality": None, "number": None, "enacted_date": None,
            "effective_date": None, "amended_dates": [], "former_names": [], "confidence": confidence,
            "evidence": [(cand.start, cand.end, cand.rule), name_span(ctx.text, cand.start, cand.end, name, cand.rule)]}


def place_span(ctx: DocContext, draft: dict, place: str, how: str | None, at: tuple[int, int] | None = None) -> Span:
    """The municipality's span: where it was read (at), else the place written inside the name, else
    where the text first names it, else the name it was inferred for (said in `how`)."""
    if at is None:
        name = next(sp for sp in draft["evidence"] if isinstance(sp, Span) and sp.field == "name")
        written = place[:-1] if how == "prefecture in the name" else place  # ふるさと青森の… -> 青森県
        inside = ctx.text.find(written, name.start, name.end)
        if inside < 0 and how == "prefecture in the name":  # written in kana: the kana before 県
            for m in _KANA_BEFORE_PREFECTURE.finditer(ctx.text, name.start, name.end):
                found, kana = _kana_prefecture(m.group(1))
                if found == place:
                    inside, written = m.end(1) - len(kana), kana
        found = inside if inside >= 0 else ctx.text.find(place)
        at = (found, found + len(written if inside >= 0 else place)) if found >= 0 else (name.start, name.end)
    return field_span(at[0], at[1], "ordinance-municipality", "municipality", place, how=how)


def set_municipality(ctx: DocContext, draft: dict, found: tuple[str, str | None, tuple[int, int] | None] | None) -> None:
    if found and found[0]:
        place, how, at = found
        inner = without_prefecture(place)
        if inner != place:  # 北海道帯広市: the city enacts; its prefecture only says where it lies
            if at is not None and ctx.text[at[0]:at[1]].endswith(inner):
                at = (at[1] - len(inner), at[1])
            place = inner
        draft["municipality"] = place
        draft["evidence"].append(place_span(ctx, draft, place, how, at))


def without_prefecture(place: str) -> str:
    """A municipality written after its prefecture (北海道帯広市, 兵庫県丹波市) as the municipality alone;
    any other place as it is."""
    for pref in _prefectures():
        if place.startswith(pref) and len(place) > len(pref) and is_municipality(place[len(pref):]):
            return place[len(pref):]
    return place


def _clause_start(ctx: DocContext, cand: Candidate) -> int:
    """Start of the clause before the name: back to the previous 、 or sentence start."""
    s, _ = ctx.sentence(cand.start)
    i = cand.start
    while i > s and ctx.text[i - 1] not in "、,，":
        i -= 1
    return i


def _place_for(ctx: DocContext, name: str, cand: Candidate) -> tuple[str, str | None, tuple[int, int] | None] | None:
    """The enacting body of a name read in prose: (place, how it was inferred, its span if known)."""
    prefix = enacting_prefix(name)
    if prefix:
        return prefix, None, None
    s, _ = ctx.sentence(cand.start)
    clause = _clause_start(ctx, cand)
    # the clause first, then only the few characters before the name: long list sentences name many places
    for lo in (clause, max(s, cand.start - 15)):
        if lo != clause and _prefecture_inside(name):
            break  # (ふるさと愛媛の…条例 after 「…香川県…条例、」: the name says whose it is)
        places = [c for c in ctx.within(lo, cand.start, "GPE", "SELF")
                  if not ctx.in_parens(c.start, c.end) and not _quoted_apart(ctx, c.start, cand.start)
                  and (c.label == "SELF" or find_municipalities(c.text))]  # 道内, 県内: an area, no body
        if places:
            p = places[-1]
            if p.label == "SELF":
                return ctx.resolve_self(p.text), "self-reference", (p.start, p.end)
            last = find_municipalities(p.text)[-1][1]  # 兵庫県議会: the body is the place it starts with
            return p.text[:last], None, (p.start, p.start + last)
        # searched in the slice so that ^ matches at the clause start
        m = _PLACE_BEFORE.search(ctx.text[lo:cand.start]) if ctx.prefecture else None
        if m:
            return ctx.prefecture, "prefecture of the document", (lo + m.start(1), lo + m.end(1))
    subject = subject_place(ctx, cand.start)
    if subject:
        return subject[0], "subject of the sentence", subject[1:]
    acting = sentence_assembly(ctx, cand.start)  # 燕市議会は…「…条例」を可決: the assembly makes its body's
    if acting:
        return acting[0], "assembly of the sentence", acting[1:]
    return _page_body(ctx)


def _quoted_apart(ctx: DocContext, place: int, name: int) -> bool:
    """Whether a place stands in quotes the name does not stand in (「青葉市」の…: another quote's word);
    a remark quoted whole (「青葉県では…条例が施行され…」) holds its place and its name in one."""
    if not ctx.in_quotes(place):
        return False
    return not ctx.in_quotes(name) or bool(re.search(r"[「」『』]", ctx.text[place:name]))


def _page_body(ctx: DocContext) -> tuple[str, str | None, tuple[int, int] | None] | None:
    """The body a page about an ordinance speaks for: its owner (title), else its assembly (〇〇県議会)."""
    if ctx.owner:
        return ctx.owner, "page owner", None
    found = assembly(ctx)
    if found:
        return found[0], "assembly of the page", found[1:]
    body = publisher(ctx.doc.title, ctx.text)  # 「…条例 | 青葉市」, a contact block of the city
    if body and is_municipality(body):
        return body, "publisher", None
    return (ctx.site_owner, "site address", None) if ctx.site_owner else None  # www.city.x.y.jp: the city's page


def _date_for(ctx: DocContext, cand: Candidate) -> DateMention | None:
    s, e = ctx.sentence(cand.start)
    clause = _clause_start(ctx, cand)
    # (平成27年度 before a name is a period, never the day it was made)
    before = [d for d in ctx.dates_in(clause, cand.start) if d.start_date and not d.fiscal_year]
    if not before:
        before = [d for d in ctx.dates_in(s, cand.start) if d.start_date and not d.fiscal_year]
    if before:
        return before[-1]
    after = [d for d in ctx.dates_in(cand.end, e) if d.start_date and d.start - cand.end <= 4]
    return after[0] if after else None


# X条例(平成2年Y町条例第3号): the bracket right after a name cites it by its year (or day) and number
_CITATION_AFTER = re.compile(r"[」』]?\s?[(（]\s?(?P<date>(?:明治|大正|昭和|平成|令和)\s?(?:元|[0-9一二三四五六七八九十]{1,3})\s?年"
                             r"(?:[0-9一二三四五六七八九十]{1,2}月(?:[0-9一二三四五六七八九十]{1,2}日)?)?)\s?"
                             r"(?P<place>[\u4e00-\u9fff々ヶ]{1,6}?(?:都|道|府|県|市|区|町|村))?\s?"
                             r"条例第\s?[0-9一二三四五六七八九十百千〇]+\s?号")


def _cited(ctx: DocContext, draft: dict, end: int) -> bool:
    """A name cited with its year and number in the bracket right after it (…条例(平成2年半田町条例第3号)):
    that year is its making and the number its own, whatever other dates its sentence holds (a list of
    citations: 「A条例(…)、B条例(…)又はC条例(…)」); the place written in the number is its body (a town
    merged away that no gazetteer of today holds, on its successor's page)."""
    m = _CITATION_AFTER.match(ctx.text, end)
    dates = [d for d in ctx.dates_in(m.start("date"), m.end("date")) if d.start_date] if m else []
    if not dates:
        return False
    draft["enacted_date"] = dates[0].start_date
    draft["evidence"].append(date_span(dates[0], "ordinance-citation", "enacted_date"))
    draft["number"] = re.sub(r"\s", "", ctx.text[m.start("date"):m.end()])
    draft["evidence"].append(field_span(m.start("date"), m.end(), "ordinance-citation", "number", draft["number"]))
    if m.group("place") and draft["municipality"] != m.group("place") and not municipality_prefix(draft["name"]):
        draft["evidence"] = [sp for sp in draft["evidence"] if not (isinstance(sp, Span) and sp.field == "municipality")]
        draft["municipality"] = None
        set_municipality(ctx, draft, (m.group("place"), None, (m.start("place"), m.end("place"))))
    return True


def _from_prose(ctx: DocContext, name: str, cand: Candidate) -> dict:
    quoted = cand.text.startswith(("「", "『"))
    draft = _draft(ctx, name, cand, confidence=0.75 if quoted else 0.6)
    set_municipality(ctx, draft, _place_for(ctx, name, cand))
    if _cited(ctx, draft, cand.end):
        return _renamed(ctx, draft, cand)
    _, e = ctx.sentence(after_aside(ctx.text, cand.end))  # (…条例(以下「条例」という。)を…から施行)
    bound = _verb_dates(ctx, draft, cand.end, _own_date_clause_end(ctx, cand.end, e))
    date = _date_for(ctx, cand)
    verb = _VERB_AFTER.search(ctx.text, cand.end, e)
    if bound and date is not None and (date.end > cand.start or not _made_right_after(ctx.text, cand.end, verb)):
        date = None  # (the dates after the name are bound to their verbs; one before it only to the verb that closes its clause)
    if date and date.end <= cand.start:  # 平成27年4月に施行した「…条例」: the verb between the date and the name
        verb = _VERB_AFTER.search(ctx.text, date.end, cand.start) or verb
    if date and verb and verb.start() >= cand.end and _EVENT_AFTER_VERB.match(ctx.text, verb.end()):
        date = None  # 5月29日に「…条例」制定・報告会を開催: the day of an event the making names, not the making
    if date:
        field = "effective_date" if verb and verb.group(1) == "施行" else "enacted_date"
        if verb and "改正" in verb.group(1):
            draft["amended_dates"] = [date.start_date]
            field = "amended_dates"
        elif bound:  # 2019年3月に…条例を制定し、同年4月1日から施行: the date before, bound to 制定
            if draft[field] is not None:
                return _renamed(ctx, draft, cand)
            draft[field] = date.start_date
        else:
            draft[field] = date.start_date
            draft["_near"] = field  # a date near the name, bound to no verb of making
        draft["evidence"].append((date.start, date.end, "date"))
        draft["evidence"].append(date_span(date, "date", field, value=date.start_date))
    return _renamed(ctx, draft, cand)


# 制定・報告会, 制定記念式典, 施行記念シンポジウム: the verb names an event held for the ordinance
_EVENT_AFTER_VERB = re.compile(r"(?:・|記念)?[\u4e00-\u9fff\u30a1-\u30faー]{0,6}?"
                               r"(?:報告会|説明会|祝賀会|記念会|式典|シンポジウム|フォーラム|セミナー|講演会|学習会)")
_OWN_DATE = re.compile(r"[」』]?\s?(?:は|が|を|も)?\s?$")
_PAIR_NEXT = re.compile(r"、\s?[^、。]{2,40}?条例[」』]?\s?(?:は|が|を|も)")


def _own_date_clause_end(ctx: DocContext, end: int, sentence_end: int) -> int:
    """Where the dates of a name ending at `end` stop: at the comma after its own date when the name is
    the first of name-date pairs (A条例は平成26年、B条例は平成27年に施行: 平成27年 is B's), else at the
    sentence end."""
    dates = [d for d in ctx.dates_in(end, sentence_end) if d.start_date]
    if not dates or not _OWN_DATE.fullmatch(ctx.text, end, dates[0].start):
        return sentence_end
    pair = _PAIR_NEXT.match(ctx.text, dates[0].end)
    return dates[0].end + 1 if pair else sentence_end


def _renamed(ctx: DocContext, draft: dict, cand: Candidate) -> dict:
    draft["_renamed"] = bool(_RENAME_AFTER.match(ctx.text[cand.end:cand.end + 8]))
    return draft


def _made_right_after(text: str, end: int, verb: re.Match | None) -> bool:
    """Whether the verb after a name closes the name's own clause (…条例を制定し、同年…から施行):
    only a particle stands between them."""
    return verb is not None and "改正" not in verb.group(1) and bool(
        re.fullmatch(r"[」』]?\s?(?:を|が|は)\s?", text[end:verb.start()]))


def _apply_renames(drafts: list[dict]) -> list[dict]:
    """A renaming (the name followed by に改め/改称): the new name replaces the body's earlier
    ordinance; its date is an amendment."""
    out: list[dict] = []
    for d in drafts:
        renamed = d.pop("_renamed", False)
        if renamed:
            earlier = [o for o in out if o["municipality"] == d["municipality"] and o["name"] != d["name"]]
            if earlier:
                old = earlier[-1]
                old["former_names"].append(old["name"])
                old["evidence"] += [field_span(sp.start, sp.end, sp.rule, "former_names", sp.value)
                                    for sp in old["evidence"] if isinstance(sp, Span) and sp.field == "name"]
                old["name"] = d["name"]
                change = d["enacted_date"] or d["effective_date"]
                if change:
                    old["amended_dates"].append(change)
                    old["evidence"] += [field_span(sp.start, sp.end, sp.rule, "amended_dates", change, how="date of the renaming")
                                        for sp in d["evidence"] if isinstance(sp, Span) and sp.value == change
                                        and sp.field in ("enacted_date", "effective_date")]
                old["evidence"].extend(d["evidence"])
                continue
        out.append(d)
    return out


# A page's own dates (an 更新日 line) sit under the title line too: they are not the ordinance's.
_PAGE_DATE = re.compile(r"(?:更新|公開|掲載|作成|登録|最終)日?|ページID")
# (本条例 after a kanji is the end of a name: 中小企業振興基本条例)
_SELF_REFERENCE = re.compile(r"(?:(?<![\u4e00-\u9fff])本条例|この条例|同条例|(?:^|(?<=[。\n]))\s?条例(?=[はがを]))")
_DATE_VERB = re.compile(r"\s?(?:に|から|より)?\s?(?:、\s?)?(?:(?:本|この|同)条例(?:を|は|が)\s?)?(公布|施行|制定)")
_ROW_TRIM = "○◯●◎・ 「」『』\t|"
_ASIDE = re.compile(r"[(（][^()（）\n]{1,30}[)）]\s*$")
MAX_CELL_NAME = 40  # a cell longer than this is a sentence, not a name


def _name_span(text: str, cand: Candidate) -> tuple[int, int]:
    """The whole name: a quoted one as quoted, else read back to its real boundary (extend_name),
    never with the tail of a date before it (平成28年青葉市…条例: the name starts at 青葉市)."""
    if text[cand.start] in "「『“":
        topic = None if text[cand.end:cand.end + 1] in "」』”" else _REMARK_TOPIC.match(text, cand.start, cand.end)
        if topic:  # 「青葉県では商店街振興条例を施行し…: a remark quoted, its topic no part of the name
            return topic.end(), cand.end
        return cand.start, cand.end
    quoted = _quoted_around(text, cand.start, cand.end)
    if quoted:
        return quoted
    start = extend_name(text, cand.start, cand.end)
    kana = _KANA_ITEM_START.search(text, max(0, start - 12), start)
    if kana and kana.group(1) not in _CONJUNCTIONS:
        start = kana.start(1)  # …条例、ふるさと青森の…条例: a list's item starts after its comma
    date = _LEADING_DATE.match(text, start, cand.end)
    if date and (date.group(1) or (start > 0 and re.match(r"[0-9一二三四五六七八九十元]", text[start - 1]))):
        start = date.end()
    return start, cand.end


# a topic marked after a noun (青葉県では, 本市には, 当社は): a quote that opens on a clause, not on a name
_REMARK_TOPIC = re.compile(r"[「『“][\u4e00-\u9fff々ヶ\u30a1-\u30faー]{1,12}(?:では|には|でも|は)[、,]?\s?")
_KANA_ITEM_START = re.compile(r"条例[」』]?[、,]\s?([\u3041-\u3096]{2,6})$")
# 「青葉市地域を支える『がんばる中小企業』振興基本条例」: a name in 「」 with a bracketed part of its own
_BRACKETED_NAME = re.compile(r"「((?:[^「」『』。\n]|\n(?!\n)|『[^「」『』。\n]{1,30}』){2,80})$")


def _quoted_around(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The whole quoted name around a name read inside it, when the quote holds a bracketed part
    (the rule pass reads no name across inner brackets): from 「 to 」, as written."""
    if text[end:end + 1] != "」":
        return None
    m = _BRACKETED_NAME.search(text, max(0, start - 80), end)
    if not m or "『" not in m.group(1):
        return None
    breaks = [m.start() + i for i, ch in enumerate(m.group()) if ch == "\n"]
    if len(breaks) > 1 or (breaks and not Wrapping(text).goes_on(breaks[0])):
        return None  # (one line break at most, where the line wraps: 「…支え\nる『…』…条例」)
    return m.start(), end + 1
_CONJUNCTIONS = ("および", "ならびに", "または", "さらに", "そして", "また", "その他", "そのほか", "これら", "この", "その")
# a year the token rule took into the name, whole (令和3年) or its tail (年 of 平成28年)
_LEADING_DATE = re.compile(r"((?:明治|大正|昭和|平成|令和)\s?(?:元|[0-9一二三四五六七八九十]{1,3})\s?|(?:19|20)[0-9]{2}\s?)?"
                           r"年度?\s?")
# …条例に関する調査特別委員会, …条例検討会議: the name is the subject of a body that examines it
# (an assembly's committee, a council drafting it), which speaks of no ordinance made
_EXAMINED_BY = re.compile(r"[」』]?\s?(?:の制定)?(?:に関する|についての|に係る)[\u4e00-\u9fff]{0,8}?"
                          r"(?:委員会|審議会|検討会|協議会|研究会|懇話会|懇談会)")


# a list of names closed by 等の名称で, などの名前で, といった名称の: the names a kind of ordinance goes by
# (「市町村ではX条例、Y条例等の名称で制定されている」), examples of a name, not ordinances made
_EXAMPLE_OF_NAMES = re.compile(r"[」』]?(?:\s?(?:(?:、|,|・|や|及び|および|又は|または)\s?[「『]?|[「『])[^、。「」『』\n]{2,30}?条例[」』]?)*"
                               r"\s?(?:等|など|といった|のような)\s?の?(?:名称|名前|題名|呼び名)")


def _part_of_compound(text: str, end: int) -> bool:
    """条例 followed by another noun (条例素案, 条例検討委員会) names that thing, not the ordinance;
    条例第N号 and 条例制定/施行/公布/改正/可決/成立 still speak of it, and a closing quote ends the
    name whatever follows (「…条例」可決: a headline with its spaces lost)."""
    if text[end - 1:end] in "」』”":
        return False
    if _RULES_UNDER.match(text, end):
        return True  # 条例施行規則: the rules made under it, another instrument
    if _BILL_PASSED.match(text, end):
        return False  # …条例案を可決し: the bill the assembly passed is the ordinance made
    if _BODY_FOR_MAKING.match(text, end):
        return True  # …条例制定推進協議会, …条例制定運動: a body or a drive for making it, named after it
    nxt = text[end:end + 2]
    return bool(re.match(r"[\u4e00-\u9fff]", nxt)) and not nxt.startswith(
        ("第", "制定", "施行", "公布", "改正", "等", "可決", "成立"))


# 制定 then a body or a drive (…条例制定推進協議会, …条例制定委員会, …条例制定運動): the name of that
# body or drive, which tells of an ordinance being sought, not made
_BODY_FOR_MAKING = re.compile(r"\s?制定[\u4e00-\u9fff]{0,4}?(?:協議会|委員会|審議会|検討会|研究会|準備会|会議|推進本部|本部|運動)")


# a katakana word right after 条例 (セミナー, シンポジウム, フォーラム): the name is part of that thing's name
_KANA_WORD_AFTER = re.compile(r"[\u30a1-\u30fa][\u30a1-\u30faー]")


# …条例案を可決し, …条例案が全会一致で可決され: a bill passed (not 否決: a bill turned down stays a bill)
_BILL_PASSED = re.compile(r"案[」』]?\s?(?:を|が|は)[^。、\n]{0,12}?(?:可決|成立)")
_NAME_RUN_BEFORE = re.compile(r"[\u4e00-\u9fff々ヶ\u30a1-\u30faー・]{3,60}$")


def _passed_bill_names(ctx: DocContext) -> list[tuple[int, int]]:
    """Names written as the bill an assembly passed (…振興基本条例案を可決): the tokenizer reads 条例案 as one
    word, so no rule ends a name there; the nouns before 条例, read back as a name is (`extend_name`)."""
    out = []
    for m in re.finditer(r"条例(?=案)", ctx.text):
        if not _BILL_PASSED.match(ctx.text, m.end()):
            continue
        run = _NAME_RUN_BEFORE.search(ctx.text, max(0, m.start() - 60), m.start())
        if run:
            out.append((extend_name(ctx.text, run.start(), m.end()), m.end()))
    return out


# 「…条例案」を可決: a bill quoted whole, its name (kana, verbs and all) from the quote's opening
_QUOTED_BILL = re.compile(r"[「『]([^「」『』。\n]{2,60}?条例)案[」』]\s?(?:を|が|は)[^。、\n]{0,12}?(?:可決|成立)")


def _quoted_bill_names(ctx: DocContext) -> list[tuple[int, int]]:
    """Names quoted as the bill an assembly passed (「地酒で乾杯を推進する条例案」を可決した): the quote
    is the name whole (less its 案), which `_passed_bill_names` reads back only as far as the nouns go."""
    return [(m.start(1), m.end(1)) for m in _QUOTED_BILL.finditer(ctx.text)]


_RULES_UNDER = re.compile(r"\s?施行(?:規則|細則|規程|要綱|要領)")
# この規則は、X条例(平成28年条例第5号)の施行に関し必要な事項を定める: a rule's purpose article
# names the ordinance it serves
_SERVED_BY_RULE = re.compile(r"[」』]?\s?(?:[(（][^()（）\n]{1,30}[)）])?\s?の施行(?:に関し(?:て)?|について|に)必要な")
# この規則は、…/この要綱は、…: the purpose article of a rule made under an ordinance (施行規則, 要綱, 要領):
# whichever way it names its ordinance (…の施行について必要な事項, …第5条の規定に基づき), the page is the
# rule's, and the ordinance it serves is no record of it (as ../shared/dev's 規則 page, a negative)
_RULE_PURPOSE = re.compile(r"この(?:規則|要綱|要領|細則|規程|訓令)は")


def _rules_page_of(ctx: DocContext, name: str) -> bool:
    """Whether the page is the text of the rules made under the ordinance `name` (its title is
    X条例施行規則, X条例施行細則…): the ordinance those rules cite is no record of their page."""
    title = (ctx.doc.title or "").strip().lstrip(_HEADER_MARKS)
    return title.startswith(name) and bool(_RULES_UNDER.fullmatch(title, len(name)))



def _row_names(ctx: DocContext, spans: list[tuple[int, int]]) -> dict[int, str]:
    """Lines that hold nothing but one ordinance name (a header line or a list row), or a table
    row one of whose cells is the name: line number -> the name's key."""
    rows: dict[int, str] = {}
    for s, e in spans:
        i = line_index(ctx.lines, s)
        line = ctx.lines[i]
        name = ctx.text[s:e]
        rest = line.text.replace(name, "", 1).strip(_ROW_TRIM)
        alone = not _ASIDE.sub("", rest).strip(_ROW_TRIM)  # ・X条例(平成28年3月制定): a row with its aside
        if alone or _cell_of(line, s, e) is not None:
            rows[i] = _key_name(clean_name(name))
    return rows


def _cell_of(line: Line, start: int, end: int) -> tuple[int, int, str] | None:
    """The cell of a table row (tabs or pipes) that holds exactly text[start:end] (marks and
    quotes aside), else None."""
    if not is_table_row(line):
        return None
    for cs, ce, cell in cells(line):
        if cs <= start and end <= ce:
            inner = line.text[cs - line.start:start - line.start] + line.text[end - line.start:ce - line.start]
            return (cs, ce, cell) if not inner.strip(_ROW_TRIM) else None
    return None


def _listed(ctx: DocContext, rows: dict[int, str], i: int) -> bool:
    """Whether row i stands in a list of ordinances: a table row, or a neighbouring row names
    another ordinance (a title line over a 例規集 header names the same one: no list)."""
    if i not in rows:
        return False
    if is_table_row(ctx.lines[i]):
        return True
    return any(n in rows and rows[n] != rows[i]
               for n in (_neighbour(ctx.lines, i, -1), _neighbour(ctx.lines, i, 1)))


def _cell_names(ctx: DocContext) -> list[tuple[int, int]]:
    """Table cells that are an ordinance's whole name (青葉市ふるさと産業を育てる条例: a cell
    bounds a name that holds kana, which a sentence would not)."""
    out = []
    for line in ctx.lines:
        if not is_table_row(line):
            continue
        for cs, ce, cell in cells(line):
            name = clean_name(cell)
            if is_ordinance_name(name) and len(name) <= MAX_CELL_NAME and not re.search(r"[。、\s]", name):
                out.append((cs, ce))
    return out


def _neighbour(lines: list[Line], i: int, step: int) -> int | None:
    j = i + step
    while 0 <= j < len(lines) and not lines[j].body:
        j += step
    return j if 0 <= j < len(lines) else None


def _list_heading_date(ctx: DocContext, rows: dict[int, str], i: int) -> DateMention | None:
    """The date of the heading above a list of ordinance names (a year and 制定/施行 in it):
    back over the rows, a table's header row, section labels (【…】, 以上…) and as-of lines
    (…現在) to the first other line; its date counts when it says the listed ordinances were
    enacted or put in force: a short heading with 制定/施行/公布, or a sentence of an
    introduction that says 条例 were made then (…年に…条例が制定されました。次の表に…)."""
    for j in range(i - 1, max(-1, i - 40), -1):
        line = ctx.lines[j]
        body = line.body
        if not body or j in rows or "現在" in body or body.startswith(("【", "以上", "[", "■")):
            continue
        if is_table_row(line) and not ctx.dates_in(line.start, line.end):
            continue  # the table's header row (区分, 自治体, 条例の名称)
        if len(body) <= 60:
            if not re.search("制定|施行|公布", body):
                return None
            dates = [d for d in ctx.dates_in(line.start, line.end) if d.start_date]
            return dates[0] if dates else None
        pos = line.start
        while pos < line.end:
            s, e = ctx.sentence(pos)
            sentence = ctx.text[s:e]
            dates = [d for d in ctx.dates_in(s, e) if d.start_date]
            if dates and "条例" in sentence and re.search("制定|施行|公布", sentence):
                return dates[0]
            pos = max(e, pos + 1)
        return None
    return None


def _verb_dates(ctx: DocContext, draft: dict, end: int, sentence_end: int) -> bool:
    """Dates after the name bound to a verb (…年…日に公布, …日から施行): set them."""
    found = False
    for d in ctx.dates_in(end, sentence_end):
        m = _DATE_VERB.match(ctx.text, d.end)
        if d.start_date and m:
            key = "effective_date" if m.group(1) == "施行" else "enacted_date"
            if draft[key] is None:
                draft[key] = d.start_date
                draft["evidence"].append((d.start, m.end(), "ordinance-date-verb"))
                draft["evidence"].append(date_span(d, "ordinance-date-verb", key, value=d.start_date))
                found = True
    return found


_SELF_MADE = re.compile(r"\s?(?:が|は|を)\s?(公布|施行|制定)(?:され|し|いたし)")


def _dated_self_reference(ctx: DocContext, probe: dict, m: re.Match, s: int) -> bool:
    """平成29年9月に議員提案としてこの条例が制定されました: the one date of the sentence before a
    self-reference that is the subject of a making (この条例が制定され) is that making's date."""
    verb = _SELF_MADE.match(ctx.text, m.end())
    dates = [d for d in ctx.dates_in(s, m.start()) if d.start_date and not d.fiscal_year]
    if not verb or len(dates) != 1 or not re.match(r"\s?(?:に|から|より)", ctx.text[dates[0].end:]):
        return False
    key = "effective_date" if verb.group(1) == "施行" else "enacted_date"
    probe[key] = dates[0].start_date
    probe["evidence"].append((dates[0].start, verb.end(), "ordinance-date-self-reference"))
    probe["evidence"].append(date_span(dates[0], "ordinance-date-self-reference", key, value=dates[0].start_date))
    return True


def _self_reference_dates(ctx: DocContext, drafts: list[dict]) -> None:
    """本条例は、(date)から施行: on a page about one ordinance, the date of a sentence that
    refers to it (本条例, この条例, 同条例, or a sentence opening with 条例は) and binds a date to
    a verb belongs to it: it dates an undated draft, and replaces a date a draft took only for
    standing near its name (the day of a vote: …日の本会議で可決 / 条例は同月6日に公布)."""
    names = {_key_name(d["name"]) for d in drafts}
    open_ = [d for d in drafts if not (d["enacted_date"] or d["effective_date"]) or d.get("_near")]
    if not open_:
        return
    if len(names) != 1:
        _same_ordinance_dates(ctx, drafts)
        return
    for m in _SELF_REFERENCE.finditer(ctx.text):
        s, e = ctx.sentence(m.start())
        probe = {"enacted_date": None, "effective_date": None, "evidence": []}
        if not (_verb_dates(ctx, probe, s, e) or _dated_self_reference(ctx, probe, m, s)):
            continue
        spans = [sp for sp in probe["evidence"] if isinstance(sp, Span)]
        for d in open_:
            near = d.pop("_near", None)
            if near and probe[near]:
                d[near] = None
                d["evidence"] = [sp for sp in d["evidence"] if not (isinstance(sp, Span) and sp.field == near)]
            for key in ("enacted_date", "effective_date"):
                if probe[key] and d[key] is None:
                    d[key] = probe[key]
                    d["evidence"] += [sp._replace(how="date of 本条例") for sp in spans if sp.field == key]
        return



def _same_ordinance_dates(ctx: DocContext, drafts: list[dict]) -> None:
    """同条例は、…から施行: on a page naming several ordinances, 同条例 is the one named last before it;
    a date its sentence binds to a verb dates that ordinance's drafts that have none."""
    for m in re.finditer(r"(?<![\u4e00-\u9fff])同条例", ctx.text):
        named = [(sp.start, d) for d in drafts for sp in d["evidence"]
                 if isinstance(sp, Span) and sp.field == "name" and sp.end <= m.start()]
        if not named:
            continue
        ref = max(named, key=lambda x: x[0])[1]
        open_ = [d for d in drafts if (d["name"], d["municipality"]) == (ref["name"], ref["municipality"])
                 and not (d["enacted_date"] or d["effective_date"])]
        s, e = ctx.sentence(m.start())
        probe = {"enacted_date": None, "effective_date": None, "evidence": []}
        if not open_ or not _verb_dates(ctx, probe, m.end(), e):
            continue
        for d in open_:
            for k in ("enacted_date", "effective_date"):
                if probe[k]:
                    d[k] = probe[k]
                    d["evidence"] += [sp._replace(how="date of 同条例") for sp in probe["evidence"]
                                      if isinstance(sp, Span) and sp.field == k]


# …条例を可決した。4月1日から施行する。: a sentence opening with a day put in force, its subject left out
_OMITTED_IN_FORCE = re.compile(r"\s?(?:から|より|に)\s?施行(?:する|され|し|となり|とな)")
# …日に公布し、同日から施行 / 本日から施行: the day just named, or the page's own day
_SAME_DAY_IN_FORCE = re.compile(r"(同日|本日)\s?(?:から|より)?\s?施行(?:する|され|し|いたし|とな|します)")


def _omitted_subject_in_force(ctx: DocContext, drafts: list[dict]) -> None:
    """On a page about one ordinance with no effective date yet: the sentence right after one naming it
    that opens with a day put in force (its subject left out: 4月1日から施行する), or 同日から施行 after
    the one date of the name's sentence, or 本日から施行 on a page that dates itself to the day, gives
    the day it took effect."""
    names = {_key_name(d["name"]) for d in drafts}
    open_ = [d for d in drafts if d["effective_date"] is None]
    if len(names) != 1 or not open_:
        return
    text = ctx.text
    for m in re.finditer(re.escape(drafts[0]["name"]), text):
        s, e = ctx.sentence(m.start())
        span = None
        same = _SAME_DAY_IN_FORCE.search(text, m.end(), e)
        if same and same.group(1) == "同日":
            dates = [d for d in ctx.dates_in(s, same.start()) if d.start_date and not d.fiscal_year]
            if len(dates) == 1 and len(dates[0].start_date) == 10:
                span = field_span(same.start(1), same.end(1), "ordinance-same-day", "effective_date",
                                  dates[0].start_date, how="the day just named")
        elif same and ctx.doc_date and len(ctx.doc_date.date) == 10:
            span = field_span(same.start(1), same.end(1), "ordinance-same-day", "effective_date",
                              ctx.doc_date.date, how="the document's date")
        if span is None:
            ns = e
            while ns < len(text) and text[ns] in " \n\t":
                ns += 1
            ns_end = ctx.sentence(ns)[1] if ns < len(text) else ns
            nxt = text[ns:ns_end]
            dates = [d for d in ctx.dates_in(ns, ns_end) if d.start_date and not d.fiscal_year]
            early = dates and not dates[0].year_given and ctx.doc_date and dates[0].start_date < ctx.doc_date.date
            if dates and not early and dates[0].start <= ns + 1 and "条例" not in nxt and \
                    _OMITTED_IN_FORCE.match(text, dates[0].end):  # (a day before the page's, its year unwritten: next year's?)
                span = date_span(dates[0], "ordinance-omitted-subject", "effective_date", value=dates[0].start_date)
        if span is None:
            continue
        for d in open_:
            d["effective_date"] = span.value
            d["evidence"].append(span)
        return


# …を目指して、令和元年に制定されました。: a sentence ending on a date bound to its making verb, told as done
_MADE_AT_END = re.compile(r"\s?(?:に|から|より)\s?(制定|施行|公布)(?:され|し|いたし)(?:ました|た)\s?[。]?\s*$")


def _omitted_subject_made(ctx: DocContext, drafts: list[dict]) -> None:
    """On a page about one ordinance that no date above dated: the sentence right after one naming
    it, with no 条例 of its own (its subject left out), that ends on its one date bound to a making
    told as done (…を目指して、令和元年に制定されました。), gives the date of that making (施行: the
    effective date; 制定, 公布: the enacted one)."""
    if len({_key_name(d["name"]) for d in drafts}) != 1 or any(d["enacted_date"] or d["effective_date"] for d in drafts):
        return
    text = ctx.text
    for m in re.finditer(re.escape(drafts[0]["name"]), text):
        _, e = ctx.sentence(m.start())
        ns = e
        while ns < len(text) and text[ns] in " \n\t":
            ns += 1
        if ns >= len(text):
            return
        ns_end = ctx.sentence(ns)[1]
        dates = [d for d in ctx.dates_in(ns, ns_end) if d.start_date and not d.fiscal_year]
        made = _MADE_AT_END.match(text[:ns_end], dates[0].end) if len(dates) == 1 else None
        if made is None or "条例" in text[ns:ns_end]:
            continue
        field = "effective_date" if made.group(1) == "施行" else "enacted_date"
        for d in drafts:
            d[field] = dates[0].start_date
            d["evidence"].append(date_span(dates[0], "ordinance-omitted-subject-made", field))
        return


# 条例の施行の日(令和6年10月1日), この条例の施行日(…): the day an ordinance took effect, given in brackets
_IN_FORCE_DAY = re.compile(r"(?:本条例|この条例|同条例|条例)の施行(?:の)?日\s?[(（]\s?")


def _in_force_day_aside(ctx: DocContext, drafts: list[dict]) -> None:
    """On a page about one ordinance with no effective date yet: the day written in brackets right after
    its 施行の日 (工場の着工が条例の施行の日(令和6年10月1日)以後のものに限る) is its effective date."""
    if len({_key_name(d["name"]) for d in drafts}) != 1 or any(d["effective_date"] for d in drafts):
        return
    for m in _IN_FORCE_DAY.finditer(ctx.text):
        close = re.compile(r"\s?[)）]").match
        dates = [d for d in ctx.dates_in(m.end(), m.end() + 20) if d.start == m.end() and d.start_date
                 and d.precision == "day" and close(ctx.text, d.end)]
        if dates:
            for d in drafts:
                d["effective_date"] = dates[0].start_date
                d["evidence"].append(date_span(dates[0], "ordinance-in-force-day-aside", "effective_date"))
            return


# 三 施行期日 / 条例の施行日 / 【施行日】: a key line of a page about one ordinance, its value (the day) on the
# same line or alone on the line below; (平成27年4月1日施行): a bracketed note of the day it took effect
_IN_FORCE_KEY_LINE = re.compile(r"[\s・■□●○◆◇【\[(（]*(?:[0-9一二三四五六七八九十]{1,2}\s?[.．、)）]?\s?)?"
                           r"(?:この|本)?(?:条例の)?施行(?:期日|日|年月日)[】\])）]?\s?[:：]?\s?")
_IN_FORCE_NOTE = re.compile(r"[(（]\s?$")
_IN_FORCE_NOTE_END = re.compile(r"\s?(?:から)?施行\s?[)）]")


def _in_force_key(ctx: DocContext, drafts: list[dict]) -> None:
    """On a page about one ordinance with no effective date yet: the day its 施行日 / 施行期日 key line
    gives (on the line or alone on the line below), else the day of a bracketed note (平成27年4月1日施行)."""
    if len({_key_name(d["name"]) for d in drafts}) != 1 or any(d["effective_date"] for d in drafts):
        return
    lines = ctx.lines
    found = None
    for i, line in enumerate(lines):
        key = _IN_FORCE_KEY_LINE.match(line.text)
        if not key:
            continue
        value = line if line.text[key.end():].strip() else next((x for x in lines[i + 1:i + 3] if x.body), None)
        if value is None:
            continue
        lo = line.start + key.end() if value is line else value.start
        dates = [d for d in ctx.dates_in(lo, value.end) if d.start_date and d.precision == "day" and d.year_given]
        if len(dates) == 1 and not ctx.text[lo:value.end].replace(ctx.text[dates[0].start:dates[0].end], "").strip(" ()（）"):
            found = dates[0]
            break
    if found is None:
        notes = [d for d in ctx.dates_in(0, len(ctx.text)) if d.start_date and d.precision == "day" and d.year_given
                 and _IN_FORCE_NOTE.search(ctx.text, max(0, d.start - 2), d.start)
                 and _IN_FORCE_NOTE_END.match(ctx.text, d.end)]
        found = notes[0] if len(notes) == 1 else None
    if found is not None:
        for d in drafts:
            d["effective_date"] = found.start_date
            d["evidence"].append(date_span(found, "ordinance-in-force-key", "effective_date"))


# A name followed by one of these is the ground of something else (…条例に基づく支援,
# …条例の規定により, …条例第3条): a passing reference, not a statement about the ordinance.
_BASIS_AFTER = re.compile(r"[」』]?\s?(?:に基づ|にもとづ|に基い|の規定|に規定|に定め|により|によって|による|を根拠|"
                          r"を踏まえ|をふまえ|の趣旨|の理念|の精神|に則|にのっと|に沿|の目的|を通じ|を通し|を中心に|を活用|"
                          r"を参考|を参照|をモデル|をお手本|を手本|"
                          r"第\s?[0-9０-９一二三四五六七八九十]+\s?条)")
_PAGE_PLACE = ("page owner", "assembly of the page", "prefecture of the document", "publisher", "site address")


def _passing_reference(ctx: DocContext, draft: dict, listed: bool, end: int) -> bool:
    """An ordinance named in passing, with nothing said of it (no date, no number, in no list
    and no header): the ground of something else (…条例に基づく支援: `_BASIS_AFTER`), or a name
    whose body only the page gives (its owner, its assembly) on a page whose title speaks of
    no 条例 (an agreement's or a meeting's page naming the city's ordinance)."""
    if listed or draft["confidence"] >= 0.9 or _stated(draft):
        return False
    if _BASIS_AFTER.match(ctx.text, end):
        return True
    place = next((sp for sp in draft["evidence"] if isinstance(sp, Span) and sp.field == "municipality"), None)
    return (place is None or place.how in _PAGE_PLACE) and "条例" not in (ctx.doc.title or "")


def _stated(draft: dict) -> bool:
    return bool(draft["enacted_date"] or draft["effective_date"] or draft["number"] or draft["amended_dates"])


def _kind_only(draft: dict, listed: bool) -> bool:
    """A name with nothing to say which body's ordinance it is: the kind of ordinance a page is about
    (a sentence saying such ordinances spread), not one ordinance; only a page's own header block
    (the name over its date and number, as in a 例規集) or a row of a list of ordinances (its place
    written in kana, not in the gazetteer's form) stands for one without its place."""
    if draft["municipality"] is not None:
        return False
    return (draft["confidence"] < 0.9 and not listed) or not (draft["enacted_date"] or draft["effective_date"]
                                             or draft["number"] or draft["amended_dates"])


# The page's own body as the subject before a name without its place (市では、…を制定しました; 本町は…;
# 町議会は…可決した): a municipality's page that does not write its own name (the site's address does).
_OWN_BODY_SUBJECT = re.compile(r"(?<![^\s、,。])(?:本|当)?(?:市|町|村|区|県)(?:議会)?(?:で|に)?は")


# …条例を2006年に制定した池田市, …条例を施行している青葉市では: the body the making's clause ends on
_MADE_BY_AFTER = re.compile(r"[」』]?\s?を[^、。\n「」『』]{0,16}?(?:制定|施行|公布)(?:した|している|済みの)\s?")
_WITHIN_AFTER = re.compile(r"\s?(?:内|外|下|全域|各|の各|の市|の町|の村|の区)")  # 北海道内の…: a region, no body


def _body_after_making(ctx: DocContext, end: int) -> tuple[str, str, tuple[int, int]] | None:
    """The body a name's making is said of after its verb (…条例を2006年に制定した池田市): a
    municipality right after the verb of the name's clause, not a region (北海道内の自治体)."""
    m = _MADE_BY_AFTER.match(ctx.text, end)
    if not m:
        return None
    places = find_municipalities(ctx.text[m.end():m.end() + 16])
    found = [p for p in places if p[0] == 0]
    if not found:
        return None
    ps, pe, place = max(found, key=lambda p: p[1])
    inner = next((p for p in places if p[0] == pe), None)
    if place.endswith(PREFECTURE_SUFFIX) and inner is not None:
        ps, pe, place = inner  # …条例を制定した大阪府池田市: the city, its prefecture written before it
    if _WITHIN_AFTER.match(ctx.text, m.end() + pe):
        return None
    return place, "the body its making is said of, after the verb", (m.end() + ps, m.end() + pe)


def _made_by_the_page_body(ctx: DocContext, draft: dict, cand: Candidate) -> bool:
    """A dated (or numbered) ordinance whose sentence has the page's own body, unnamed, as its subject
    before the name: one ordinance, its body's (left null when the page never names itself), not
    the kind of ordinance a page speaks of (`_kind_only`)."""
    s, _ = ctx.sentence(cand.start)
    return _stated(draft) and bool(_OWN_BODY_SUBJECT.search(ctx.text, s, cand.start))


def _with_cells(ctx: DocContext, cands: list[Candidate]) -> list[Candidate]:
    """The ordinance candidates, a table cell that is a whole name (`_cell_names`) standing for
    the candidates inside it, or for none (a name with a verb in it: …を振興する条例), and a 例規集
    header's name line no rule read (`_header_line_names`)."""
    out = list(cands)
    for hs, he in _quoted_bill_names(ctx):
        if not any(c.start == hs and c.end == he for c in out):
            out = [c for c in out if not (hs <= c.start and c.end <= he)]  # (the nouns a rule read inside it)
            out.append(Candidate(label="ORDINANCE", start=hs, end=he, text=ctx.text[hs:he], rule="ordinance-passed-bill"))
    for hs, he in _passed_bill_names(ctx):
        if not any(c.start < he and hs < c.end for c in out):
            out.append(Candidate(label="ORDINANCE", start=hs, end=he, text=ctx.text[hs:he], rule="ordinance-passed-bill"))
    for hs, he in _header_line_names(ctx):
        if any(c.start == hs and c.end == he for c in out):
            continue
        inside = [c for c in out if hs <= c.start and c.end <= he]
        if inside and inside[-1].end == he and not any(c.start < he and hs < c.end for c in out if c not in inside):
            # a long name the rules read only in parts (産業の振興に係る青葉県県税条例の特例に関する条例: 青葉県県税条例,
            # 特例に関する条例): the header line, whole over its date and number, is the one name
            out = [c for c in out if c not in inside]
        if not any(c.start < he and hs < c.end for c in out):  # (a name no rule read)
            out.append(Candidate(label="ORDINANCE", start=hs, end=he, text=ctx.text[hs:he], rule="ordinance-header-line"))
    for cs, ce in _cell_names(ctx):
        raw = ctx.text[cs:ce]
        core = strip_quotes(raw).lstrip("○◯●◎・ ")
        s = cs + raw.find(core)
        e = s + len(core)
        inside = [c for c in out if s <= c.start and c.end <= ce]
        rule = inside[-1].rule if inside else "ordinance-table-cell"
        out = [c for c in out if c not in inside]
        out.append(Candidate(label="ORDINANCE", start=s, end=e, text=core, rule=rule))
    return sorted(out, key=lambda c: (c.start, c.end))


def _amending_date(ctx: DocContext, draft: dict, end: int) -> None:
    """The day of the amending ordinance (its vote, 公布 or 施行: the first full date of its clause
    after its name) is an amendment of the ordinance it names, not its making."""
    _, e = ctx.sentence(end)
    clause = ctx.text.find("、", end, e)
    dates = [d for d in ctx.dates_in(end, clause if clause >= 0 else e) if d.start_date and d.precision == "day"]
    if not dates or dates[0].start_date in draft["amended_dates"]:
        return
    for key in ("enacted_date", "effective_date"):
        if draft[key] == dates[0].start_date:  # (read near the name as its making)
            draft[key] = None
            draft["evidence"] = [sp for sp in draft["evidence"] if not (isinstance(sp, Span) and sp.field == key)]
    draft["amended_dates"].append(dates[0].start_date)
    draft["evidence"].append(date_span(dates[0], "ordinance-amending", "amended_dates"))


def _row_place(ctx: DocContext, draft: dict, line: Line, start: int) -> None:
    """A table row's place cell (自治体: 鹿児島県) before the name's cell is the enacting body of a
    name without its place; it replaces a place inferred from the page."""
    places = [(cs, ce, cell) for cs, ce, cell in cells(line) if ce <= start and is_municipality(cell)]
    if not places:
        return
    cs, ce, cell = places[-1]
    draft["evidence"] = [sp for sp in draft["evidence"] if not (isinstance(sp, Span) and sp.field == "municipality")]
    draft["municipality"] = cell
    draft["evidence"].append(place_span(ctx, draft, cell, None, (cs, ce)))


def _whole_where_written(ctx: DocContext, named: list) -> list:
    """A name read from the middle of a longer name the page writes whole elsewhere, where the text
    before it is that name's beginning (「石川県ものづくりの振興と技能の継承、小規模事業者の…基本条例」 quoted,
    then unquoted in a heading, where the rules stop at 、): that occurrence is the whole name too."""
    names = {name for _, name, _ in named}
    out = []
    for cand, name, (s, e) in named:
        whole = max((w for w in names if len(w) > len(name) and w.endswith(name)
                     and ctx.text[max(0, s - len(w) + len(name)):s] == w[:len(w) - len(name)]), key=len, default=None)
        if whole is not None:
            s -= len(whole) - len(name)
            cand, name = cand.model_copy(update={"start": s, "text": ctx.text[s:e]}), whole
        out.append((cand, name, (s, e)))
    return out


def _another_bodys_plan(ctx: DocContext, plan: str, made: str, mentions: list[tuple[str, int, int]]) -> bool:
    """Whether the short name a page speaks of as a plan is another body's than the one whose
    ordinance of that name it reports made: every sentence planning it has another body as its
    subject (X市は…条例を施行。Y市では…振興条例制定に向けた準備を始めた: Y's plan stays a plan)."""
    prefix = municipality_prefix(made)
    if municipality_prefix(plan) or not prefix:
        return False
    body = without_prefecture(prefix)
    subjects = [subject_place(ctx, s) for name, s, _ in mentions if name == plan]
    return bool(subjects) and all(sub is not None and sub[0] != body for sub in subjects)


# a bill's cover: its name (X条例案) on a line of its own over the words that table it (右提出する。,
# 上記のとおり提出する。), as an assembly prints a member's bill
_BILL_COVER = re.compile(r"^[\s○◯●◎・]*([^\s、。「」『』]{2,78}?条例)案\s*\n\s*(?:右|上記の?とおり|以上の?とおり)?提出(?:する|します)。?\s*$",
                         re.MULTILINE)


def _bill_covers(ctx: DocContext) -> set[str]:
    """The names of the bills whose cover the page is: that text is the bill's, no ordinance made."""
    return {m.group(1) for m in _BILL_COVER.finditer(ctx.text)}


def _names_a_plan(name: str, planned: set[str]) -> bool:
    """Whether a name is one the page plans: the same name, or a name without its place whose key
    a planned one shares (the draft's short name); a name with its place is not another body's plan
    written without one (X市に…条例の制定を求める; 2015年に制定されたY市…条例)."""
    if name in planned:
        return True
    return not municipality_prefix(name) and any(_key_name(p) == name for p in planned)


def _key_name(name: str) -> str:
    prefix = municipality_prefix(name)
    return name[len(prefix):] if prefix else name


# 令和5年4月1日時点で, 2024年3月末現在: the day a state is told as of, never a making's
_AS_OF_STATE = re.compile(r"\s?(?:末|初め|初)?\s?(?:現在|時点)")


def _without_as_of(ctx: DocContext) -> DocContext:
    """A copy of `ctx` without the dates a state is told as of (`_AS_OF_STATE`)."""
    kept = [d for d in ctx.dates if not _AS_OF_STATE.match(ctx.text, d.end)]
    return ctx if len(kept) == len(ctx.dates) else replace(ctx, dates=kept)


def ordinance_drafts(ctx: DocContext) -> list[dict]:
    ctx = with_relative_dates(ctx)  # (今年4月, 29日、: news items date a making against their own date)
    ctx = _without_as_of(ctx)
    text = ctx.text
    named: list[tuple[Candidate, str, tuple[int, int]]] = []
    taken: list[tuple[int, int]] = []
    amending_ends: dict[int, int] = {}  # start of X -> end of 「X条例の一部を改正する条例」
    for cand in _with_cells(ctx, [c for c in ctx.cands if c.label == "ORDINANCE"]):
        s, e = _name_span(text, cand)
        whole_line = s if cand.rule == "ordinance-header-line" else _header_line_start(ctx, s, e)
        s = whole_line if whole_line is not None else s
        adverb = _ADVERB_BEFORE.match(text, s, e)
        if adverb and whole_line is None:
            s = adverb.end()  # それぞれ中小企業振興基本条例を制定: the model tags the adverb a noun
        if any(ts <= s and e <= te for ts, te in taken):
            continue  # part of a name already read (小規模企業振興条例 of 中小企業及び小規模企業振興条例)
        name = clean_name(text[s:e])
        amending = _AMENDING.match(name)
        if amending:  # 「X条例の一部を改正する条例」: X, amended (the verb after its name says so)
            at = text.find(amending.group(1), s, e)
            if at < 0:
                continue
            amending_ends[at] = e
            s, e, name = at, at + len(amending.group(1)), amending.group(1)
        lead = _words_before_place(name) if text[s] not in "「『“" and whole_line is None else 0
        if lead:  # (a quoted name is read as quoted, a header line whole)
            at = text.find(name[lead:], s, e)
            if at >= 0:
                s, name = at, name[lead:]
        first = _FIRST_OF_ITS_KIND.search(name) if text[s] not in "「『“" and whole_line is None else None
        if first:  # 全国初の中小企業振興基本条例を制定した…: a description before the name, no part of it
            at = text.find(name[first.end():], s, e)
            if at >= 0:
                s, name = at, name[first.end():]
        if not is_ordinance_name(name, cand.rule == "ordinance-header-line") \
                or re.match(r"\s?第\s?[0-9一二三四五六七八九十百]", text[e:e + 4]):
            continue  # 条例第15号 is a number, not a name
        if _part_of_compound(text, e) or _SORT_BEFORE.search(text, max(0, s - 12), s):
            continue  # …型の振興条例: a sort of ordinance, not one's name
        if _KANA_WORD_AFTER.match(text, e) and not municipality_prefix(name):
            continue  # 中小企業振興条例フォーラム: a kind of ordinance in an event's name, no body's ordinance
        if _EXAMINED_BY.match(text, e) or _SERVED_BY_RULE.match(text, e):
            continue  # …条例に関する特別委員会: a committee's name; …条例の施行に関し必要な: a rule's ground
        if _RULE_PURPOSE.search(text, ctx.sentence(s)[0], s) or _rules_page_of(ctx, name):
            continue  # この規則は、X条例(…)の施行について…/この要綱は、X条例第5条の規定に基づき…: a rule's ground
        if _EXAMPLE_OF_NAMES.match(text, e):
            continue  # …振興条例、…基本条例等の名称で40以上の条例が: names such ordinances go by, none made
        if _in_inner_crumb(ctx, s, e):
            continue  # ホーム > 議員提案条例 > …: a section of the site, not a name
        if s != cand.start:
            cand = cand.model_copy(update={"start": s, "text": text[s:e]})
        named.append((cand, name, (s, e)))
        taken.append((s, e))
    planned, made = plans(ctx, [(name, s, e) for _, name, (s, e) in named], key=_key_name)
    named = _whole_where_written(ctx, named)
    mentions = [(name, s, e) for _, name, (s, e) in named]
    planned = {p for p in planned if not any(_key_name(p) == _key_name(m) and not _another_bodys_plan(ctx, p, m, mentions)
                                             for m in made)}
    planned |= _bill_covers(ctx)
    named = [(cand, name, span) for cand, name, span in named if not _names_a_plan(name, planned)]
    plan_page = bool(planned) and bool(_PLAN_TITLE.search(ctx.doc.title or ""))
    rows = _row_names(ctx, [span for _, _, span in named])
    placed: dict[str, set[str]] = {}  # a name without its place -> the bodies whose name it is on the page
    for _, name, _ in named:
        prefix = municipality_prefix(name)
        if prefix:
            placed.setdefault(_key_name(name), set()).add(without_prefecture(prefix))
    drafts: list[dict] = []
    rows_listed = False
    for cand, name, (s, e) in named:
        i = line_index(ctx.lines, s)
        listed = _listed(ctx, rows, i)
        block = None if listed else _header_block(ctx, cand)
        if block:
            draft = _from_header(ctx, name, cand, block)
            prefix = enacting_prefix(name)
            set_municipality(ctx, draft, (prefix, None, None) if prefix else
                             _header_body_apart(ctx, cand) or _header_place(ctx, name, block) or _page_body(ctx)
                             or _body_of_the_text(ctx, block)
                             or _place_without_kind(ctx, block))
        else:
            draft = _from_prose(ctx, name, cand)
            if listed and not (draft["enacted_date"] or draft["effective_date"]):
                d = _list_heading_date(ctx, rows, i)
                if d:
                    draft["enacted_date"] = d.start_date
                    draft["evidence"].append(date_span(d, "ordinance-list-heading-date", "enacted_date")._replace(
                        how="date of the list's heading"))
        if s in amending_ends:
            _amending_date(ctx, draft, amending_ends[s])
        if listed and not municipality_prefix(name):
            _row_place(ctx, draft, ctx.lines[i], s)
        if draft["municipality"] is None:
            inside = _prefecture_inside(name)
            set_municipality(ctx, draft, (inside, "prefecture in the name", None) if inside else None)
        if draft["municipality"] is None and len(placed.get(name, ())) == 1:
            # 「中小企業振興条例」が…施行 on a page that names 福岡県中小企業振興条例: that one
            (body,) = placed[name]
            set_municipality(ctx, draft, (body, "the same name with its place on the page", None))
        if draft["municipality"] is None:
            set_municipality(ctx, draft, _body_after_making(ctx, e))
        if _passing_reference(ctx, draft, listed, e) or (_kind_only(draft, listed)
                                                         and not _made_by_the_page_body(ctx, draft, cand)):
            continue
        stated = _stated(draft) and not draft.get("_near")  # (a year near the name may be a proposal's)
        if plan_page and not (listed or stated or _key_name(name) in {_key_name(m) for m in made}
                              or draft["confidence"] >= 0.9):
            continue  # a page about a draft names it in several ways: an unstated name is that draft
        draft["_listed"] = listed
        rows_listed = rows_listed or listed
        drafts.append(draft)
    if rows_listed:  # on a list page, an unquoted name with no place (a heading's 振興条例) is the list's kind
        drafts = [d for d in drafts if d.get("_listed") or municipality_prefix(d["name"])
                  or text[d["evidence"][0][0]] in "「『"]
    listed_rows = {id(d) for d in drafts if d.pop("_listed", False)}
    for m in _AMEND_ABBR.finditer(text):  # (平9条20・一部改正): amendments listed in the body
        year = parse_date(f"{m.group(1)}{m.group(2)}年")
        headers = [d for d in drafts if d["confidence"] >= 0.9]
        if year and year.start_date and len(headers) == 1 and year.start_date not in headers[0]["amended_dates"]:
            headers[0]["amended_dates"].append(year.start_date)
            headers[0]["evidence"].append(field_span(m.start(1), m.end(2), "ordinance-amend-abbr", "amended_dates",
                                                     year.start_date))
    drafts = _join_variant_names(ctx, drafts)
    _column_dates(ctx, drafts)
    amending_page = _amending_header(ctx, drafts)
    if not amending_page:  # (on an amending ordinance's own text, この条例 and its 附則 are the amendment's)
        _self_reference_dates(ctx, drafts)
    for d in drafts:
        d.pop("_near", None)
    if not amending_page:
        _omitted_subject_in_force(ctx, drafts)
        _omitted_subject_made(ctx, drafts)
        _in_force_day_aside(ctx, drafts)
        _page_number_and_promulgation(ctx, drafts)
        _supplementary_provisions(ctx, drafts)
        _fallback_dates(ctx, drafts)
    drafts = [d for d in drafts if not _named_in_passing(ctx, d, id(d) in listed_rows, drafts)]
    if not amending_page:  # (after the names in passing: a link back to the list of ordinances names no second one)
        _in_force_key(ctx, drafts)
    return _whole_names_first(_apply_renames(_join_short_names(ctx, drafts)))




_COLUMN_FIELD = (("施行", "effective_date"), ("公布", "enacted_date"), ("制定", "enacted_date"))


def _column_dates(ctx: DocContext, drafts: list[dict]) -> None:
    """A table of ordinances whose header names its date columns (条例名 | 公布日 | 施行日): each row's
    date cells give the fields their columns name, where the row's draft has none yet."""
    lines = ctx.lines
    for d in drafts:
        name = next((sp for sp in d["evidence"] if isinstance(sp, Span) and sp.field == "name"), None)
        if name is None:
            continue
        i = line_index(lines, name.start)
        row = cells(lines[i]) if is_table_row(lines[i]) else []
        if len(row) < 2:
            continue
        head = next((ln for ln in reversed(lines[:i]) if ln.body and is_table_row(ln) and
                     not any(c[2].endswith("条例") for c in cells(ln))), None)
        header = cells(head) if head else []
        if len(header) != len(row):
            continue
        for (cs, ce, _), (_, _, title) in zip(row, header):
            key = next((f for word, f in _COLUMN_FIELD if word in title and len(title) <= 8), None)
            dates = [x for x in ctx.dates_in(cs, ce) if x.start_date and x.start == cs]
            if key and dates and d[key] is None:
                d[key] = dates[0].start_date
                d["evidence"].append(date_span(dates[0], "ordinance-date-column", key))

_AMENDING_LINE = re.compile(r"[\s○◯●◎・「『]*(?P<name>[^\s「」『』]{3,60}?条例)の(?:一部|全部)を改正する条例[\s」』]*")


def _amending_header(ctx: DocContext, drafts: list[dict]) -> bool:
    """Whether the page is an amending ordinance's own text: 「X条例の一部を改正する条例」 alone on its
    line, as a 例規集 or a gazette sets its heading, and X the one ordinance the page names. The day
    on the line right under that heading (its 公布, maybe with its number) is an amendment of X; the
    page's この条例 and 附則 speak of the amendment, not of X's making or coming into force."""
    keys = {_key_name(d["name"]) for d in drafts}
    if len(keys) != 1:
        return False
    text = ctx.text
    for i, line in enumerate(ctx.lines):
        m = _AMENDING_LINE.fullmatch(line.text)
        if not m or _key_name(clean_name(m.group("name"))) not in keys:
            continue
        below = next((ln for ln in ctx.lines[i + 1:] if ln.body), None)
        dates = [d for d in ctx.dates_in(below.start, below.end) if d.start_date and d.precision == "day"] \
            if below else []
        if dates and not text[below.start:dates[0].start].strip(" \t(（"):
            for d in drafts:
                d["effective_date"] = d["enacted_date"] = None
                d["evidence"] = [sp for sp in d["evidence"] if not (isinstance(sp, Span) and sp.field in (
                    "effective_date", "enacted_date", "amended_dates"))]
                d["amended_dates"] = [dates[0].start_date]
                d["evidence"].append(date_span(dates[0], "ordinance-amending-header", "amended_dates"))
        return True
    return False


_CRUMB_SEP = re.compile(r"\s?[>＞»›]\s?")


def _in_inner_crumb(ctx: DocContext, start: int, end: int) -> bool:
    """Whether text[start:end] is inside a breadcrumb line's section (ホーム > 議会 > 議員提案条例 > the
    page's title): a line of three parts or more parted by >, the span in any part but the last."""
    ls, le = ctx.line(start)
    seps = list(_CRUMB_SEP.finditer(ctx.text, ls, le))
    return len(seps) >= 2 and end <= seps[-1].start()


def _join_short_names(ctx: DocContext, drafts: list[dict]) -> list[dict]:
    """A short name the page gives an ordinance in brackets after its name (「X条例」(通称:Y条例)) is
    that ordinance: its drafts join the first draft of the full name (filling its empty dates and
    number), when both belong to one body."""
    shorts = short_names(ctx, [d["name"] for d in drafts])
    if not shorts:
        return drafts
    out: list[dict] = []
    for d in drafts:
        full = shorts.get(d["name"]) or shorts.get(_key_name(d["name"]))
        home = next((o for o in drafts if o["name"] == full
                     and (d["municipality"] is None or o["municipality"] in (d["municipality"], None))), None)
        if home is None or home is d:
            out.append(d)
            continue
        for key in ("enacted_date", "effective_date", "number"):
            if home[key] is None and d[key] is not None:
                home[key] = d[key]
                home["evidence"] += [sp for sp in d["evidence"] if isinstance(sp, Span) and sp.field == key]
        home["amended_dates"] += [a for a in d["amended_dates"] if a not in home["amended_dates"]]
        home["evidence"] += [sp for sp in d["evidence"] if isinstance(sp, Span) and sp.field == "amended_dates"]
    return out


# What one ordinance's name may gain or lose where a page writes it twice (a heading and a link
# under it: …振興基本条例 / …振興条例; 中小企業・小規模企業 / 中小企業小規模企業)
_VARIANT_INSERTS = ("基本", "・", "等")


def _variant_of(a: str, b: str) -> bool:
    """Whether names `a` and `b` differ by one of `_VARIANT_INSERTS` put in (or left out) at one place."""
    short, long_ = sorted((a, b), key=len)
    for ins in _VARIANT_INSERTS:
        if len(long_) - len(short) != len(ins):
            continue
        at = long_.find(ins)
        while at >= 0:
            if long_[:at] + long_[at + len(ins):] == short:
                return True
            at = long_.find(ins, at + 1)
    return False


def _tail_of(short: dict, whole: dict) -> bool:
    """Whether `short` is the last words of `whole`'s name, said of nothing (特例に関する条例 of a page
    whose header reads 産業の振興に係る青葉県県税条例の特例に関する条例): the rules read only part of it."""
    return len(short["name"]) >= 5 and whole["name"].endswith(short["name"]) and whole["name"] != short["name"] \
        and not _stated(short) and _stated(whole)


def _join_variant_names(ctx: DocContext, drafts: list[dict]) -> list[dict]:
    """One body's ordinance written two ways on one page (三島町…振興基本条例 in the heading, 三島町…振興条例
    in a link under it: `_variant_of`) is one ordinance, when at most one of the two says anything of
    it (a date, a number): two stated ones (…振興条例 of 1985, …振興基本条例 of 2014) are two. The
    name kept is the one the title writes, else the stated one, else the one written more often; a
    name's last words said of nothing (`_tail_of`) join the stated whole name."""
    title = ctx.doc.title or ""
    out = list(drafts)
    for d in drafts:
        if d not in out or d["municipality"] is None:
            continue
        for o in [o for o in out if o is not d and o["municipality"] == d["municipality"]
                  and (_variant_of(o["name"], d["name"]) or _tail_of(o, d) or _tail_of(d, o))]:
            if _stated(o) and _stated(d):
                continue
            def rank(x: dict) -> tuple:
                return (x["name"] in title, _stated(x), ctx.text.count(x["name"]), len(x["name"]))
            keep, drop = (d, o) if rank(d) >= rank(o) else (o, d)
            if _tail_of(keep, drop):
                keep, drop = drop, keep
            for key in ("enacted_date", "effective_date", "number"):
                if keep[key] is None and drop[key] is not None:
                    keep[key] = drop[key]
                    keep["evidence"] += [sp for sp in drop["evidence"] if isinstance(sp, Span) and sp.field == key]
            # (the other writing of the name stays as evidence of the record, naming no field)
            keep["evidence"] += [sp._replace(field=None, how=None, value=None) if isinstance(sp, Span) and sp.field == "name"
                                 else sp for sp in drop["evidence"] if not (isinstance(sp, Span) and sp.field not in (None, "name"))]
            keep["confidence"] = max(keep["confidence"], drop["confidence"])
            out.remove(drop)
            if drop is d:
                break
    return out


def _whole_names_first(drafts: list[dict]) -> list[dict]:
    """The page's drafts with a name written whole with its body (小樽市中小企業振興基本条例) before
    the same ordinance written without it (a heading's 中小企業振興基本条例): merging keeps the first
    of equally rated drafts, and the name as the page writes it whole is the record's name."""
    def whole(d: dict) -> bool:
        prefix = municipality_prefix(d["name"])
        return bool(prefix) and d["municipality"] is not None and without_prefecture(prefix) == d["municipality"] \
            and any(o is not d and o["name"] == _key_name(d["name"]) and o["municipality"] == d["municipality"]
                    for o in drafts)
    return sorted(drafts, key=lambda d: not whole(d))


def _one_ordinance(drafts: list[dict]) -> bool:
    return len({_key_name(d["name"]) for d in drafts}) == 1


def _fallback_dates(ctx: DocContext, drafts: list[dict]) -> None:
    """Dates for an ordinance nothing above dated, from the two places any page of one may give
    them: on a page about one ordinance, the first date written with an ordinance number after
    it (…年…月…日条例第N号, wherever it stands: a line, brackets after the name); else the one
    date of a sentence naming it, bound to 公布/施行/制定 (ordinance_pages.sentence_date)."""
    one = _one_ordinance(drafts)
    bodies: dict[str, set] = {}
    for d in drafts:
        bodies.setdefault(_key_name(d["name"]), set()).add(d["municipality"])
    for d in drafts:
        if d["enacted_date"] or d["effective_date"]:
            continue
        found = numbered_date(ctx) if one else None
        if found:
            date, end = found
            d["enacted_date"] = date.start_date
            d["evidence"] += [(date.start, end, "ordinance-numbered-date"),
                              date_span(date, "ordinance-numbered-date", "enacted_date")]
            if d["number"] is None:
                d["number"] = re.sub(r"\s", "", ctx.text[date.start:end])
                d["evidence"].append(field_span(date.start, end, "ordinance-numbered-date", "number", d["number"]))
            continue
        key = _key_name(d["name"])  # (the name without its place stands for one body only)
        if len(bodies[key]) > 1 and d["name"] == key:
            continue  # (A区の…条例 and B市の…条例: a sentence naming the bare name may be the other body's)
        dated = sentence_date(ctx, key if len(bodies[key]) == 1 else d["name"], one)
        if dated:
            field, date = dated
            d[field] = date.start_date
            d["evidence"] += [(date.start, date.end, "ordinance-sentence-date"),
                              date_span(date, "ordinance-sentence-date", field)]


def _named_in_passing(ctx: DocContext, draft: dict, listed: bool, drafts: list[dict]) -> bool:
    """An ordinance the page only names (an example, a ground, the subject of a consultation): no
    header or list row of its own, no number, no date, and no sentence that says it was made,
    amended or is in force, nor a title that is the ordinance itself (`said_to_exist`)."""
    if listed or draft["confidence"] >= 0.9 or _stated(draft) or draft.get("_renamed"):
        return False  # (a name something was renamed to: the renaming states it)
    return not said_to_exist(ctx, draft["name"], _key_name(draft["name"]), _one_ordinance(drafts))


def _supplementary_provisions(ctx: DocContext, drafts: list[dict]) -> None:
    """A 例規集 page's 附則 (one header on the page): the first one's 施行 gives the effective date
    (公布の日: the enacted date), the later ones' dates the amendments."""
    headers = [d for d in drafts if d["confidence"] >= 0.9]
    if len({_key_name(d["name"]) for d in headers}) != 1:
        return  # (one ordinance's header may stand twice: over its text and again in the page's 沿革 block)
    in_force, amendments = supplementary(ctx)
    for d in headers:
        if in_force and d["effective_date"] is None:
            s, e, date = in_force
            if date is not None:
                d["effective_date"] = date.start_date
                d["evidence"].append(date_span(date, "ordinance-supplementary", "effective_date"))
            elif d["enacted_date"]:
                d["effective_date"] = d["enacted_date"]
                d["evidence"].append(field_span(s, e, "ordinance-supplementary", "effective_date", d["enacted_date"],
                                                how="公布の日: the enacted date"))
        for date in amendments:
            if date.start_date not in d["amended_dates"] and date.start_date != d["enacted_date"]:
                d["amended_dates"].append(date.start_date)
                d["evidence"].append(date_span(date, "ordinance-supplementary", "amended_dates"))


def _page_number_and_promulgation(ctx: DocContext, drafts: list[dict]) -> None:
    """On a page about one ordinance, a number line below its name (令和元年6月1日 青葉市条例第8号)
    gives its number and date; a 公布文 (…条例をここに公布する。 and the date below) its date."""
    if len({_key_name(d["name"]) for d in drafts}) != 1:
        return
    for d in drafts:
        if d["number"] is None and d["enacted_date"] is None:
            name = next(sp for sp in d["evidence"] if isinstance(sp, Span) and sp.field == "name")
            found = number_line(ctx, name.end)
            if found:
                date, ns, ne = found
                d["enacted_date"] = date.start_date
                d["number"] = re.sub(r"\s", "", ctx.text[date.start:ne])
                d["evidence"] += [(date.start, ne, "ordinance-number-line"),
                                  date_span(date, "ordinance-number-line", "enacted_date"),
                                  field_span(date.start, ne, "ordinance-number-line", "number", d["number"])]
    for name, s, e, date in promulgation(ctx):
        for d in drafts:
            if d["enacted_date"] is None and _key_name(clean_name(name)) == _key_name(d["name"]):
                d["enacted_date"] = date.start_date
                d["evidence"] += [(s, date.end, "ordinance-promulgation"),
                                  date_span(date, "ordinance-promulgation", "enacted_date")]
