"""A page about one meeting: its date, venue, theme and declaration from the page's structure.

Takes a `DocContext` and the summit drafts of `summits` and fills in the meeting a page is
about (the one its title numbers, else the one it opens with):

- key blocks: 「開催日 令和3年11月18日」, 「会場:鳥取県米子市…」, 「テーマ:…」, with the value on
  the key's line or, for a key alone on its line (【日 時】, 【開催日】), on the next line;
  spaces inside a key (日 時, 会 場) are read through;
- the date: a key's date, else the first full date bound to a holding verb, else the first
  full date near the top that is not the page's own (a date line, 更新日, 投稿…);
- the host, the venue, never an attending mayor: the venue of the meeting's sentence (a hall
  named after its town too: くしろドームにて -> 釧路市), a
  place written after the series name anywhere on the page (青葉サミット in 若葉), a 会場/開催地
  key, the first venue clause of the page (…を会場に, …で開催), the page's owner;
- the theme and the declaration: cue words (language.meetings), key lines, the subtitle line
  below the meeting's heading (a phrase, not a sentence, a date or a name), and a heading line
  that is a declaration's name (「総会宣言」, 「青葉サミット 共同宣言」).

`venue(ctx, start, end)` is the venue reader the summit assembler uses for its sentences.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from datetime import date as date_cls

from extractors.language import meetings
from extractors.language.org_names import kind_words
from extractors.language.dates import DateMention, find_dates, kanji_to_int
from extractors.language.gazetteer import (MUNICIPALITY_SUFFIX, PREFECTURE_SUFFIX, find_municipalities, is_municipality,
                                           prefecture_of, prefecture_seats)
from extractors.language.readings import places_read_as
from extractors.records.context import DocContext
from extractors.records.publisher import publisher, stands_for_publisher
from extractors.records.lines import Line, key_value
from extractors.records.officials import ends_with_office, official_after, place_official_after
from extractors.records.spans import YEAR_FROM_DOCUMENT, Span, date_span, field_span

# The place where a meeting is held: a municipality a little before one of these.
_VENUE_MARK = re.compile(r"を(?:主|メイン)?会場(?:に|と|として)|を舞台に|が(?:主)?(?:会場|開催地)(?:と|に)な|にて|において|に於いて|に於て|におきまして|に集(?:ま|い|う|っ|結)|での開催|"
                         r"を中心に(?=[^。\n]{0,40}?(?:開催|開か|開い|開き|行われ))|"
                         r"での(?=[^。、\n「」]{2,30}?(?:サミット|大会|総会|会議|フォーラム|集会|交流会)の開催)|"
                         r"で(?:初めて|はじめて|盛大に)?(?:、|開催|開か|開い|開き|行われ|行い|実施|始ま|開幕)|"
                         # a news report's …が11日、青葉市の青葉会館であった (was held at)
                         r"で(?=あった。|あり[、,])|"
                         # 青葉市で7月3日に開かれた: a day between the place and the holding verb, maybe the meeting's
                         # quoted name too (…(青葉市…)で10月14日(土)、「第7回…」が開かれる)
                         # (…で6月5日と6日の両日、「…」が開催: the meeting's days, a second day and their count after the first)
                         r"で(?=\s?(?:[0-9]{4}年)?[0-9]{1,2}月[0-9]{1,2}日(?:\s?[(（][^()（）]{1,3}[)）])?"
                         r"(?:\s?(?:と|・|~|〜|から)\s?[0-9]{1,2}日(?:\s?[(（][^()（）]{1,3}[)）])?)?(?:の[0-9一二三四五]日間)?(?:から|に|、)?\s?"
                         r"(?:(?:「[^」\n]{1,60}」|『[^』\n]{1,60}』)\s?(?:を|が)\s?)?(?:開催|開か|開い|開き|行われ))|"
                         r"で(?=[「『][^」』\n]{1,50}[」』]\s?(?:を|が)\s?(?:開催|開か|開い|開き|行))|"
                         # (…で「…」をテーマに…を開催, …で「…進もう!」のスローガンを掲げ、…総会を開催: its theme or slogan between)
                         r"で(?=[「『][^」』\n]{1,50}[」』]\s?[をの]\s?(?:メイン|統一|大会)?(?:テーマ|スローガン)(?:に|を掲げ|のもと)"
                         r"[^。\n]{0,20}?(?:開催|開か|開い|開き|行))|"
                         r"で(?=第\s?[0-9一二三四五六七八九十百]+\s?回[^。\n、「」]{1,40}?(?:を|が)\s?(?:開催|開か|開い|開き|行))|"
                         # 青葉区・青葉ホールで第14回「…交流会」を開催: the meeting's name quoted after its edition mark
                         r"で(?=第\s?[0-9一二三四五六七八九十百]+\s?回\s?[「『][^」』\n]{1,40}[」』]\s?(?:を|が)\s?(?:開催|開か|開い|開き|行))|"
                         # …サミットに参加するため、青葉市へ行ってきました: where the writer went to attend it
                         r"(?:に|へ)(?=行っ|行き|伺|訪問|向か|出張)")
# the purpose a journey to the venue is for: to attend the meeting the sentence names before it
_TO_ATTEND = re.compile(r"(?:出席|参加)\s?(?:する|の)\s?(?:ため|為)(?:に)?[、,]?\s?")
_JOURNEY = re.compile(r"(?:に|へ)(?:行っ|行き|伺|訪問|向か|出張)")
# the town right after its prefecture (and county), up to the mark or its hall (…県青葉町の文化会館で): a municipality the
# gazetteer, built from today's postal table, no longer holds
_FORMER_TOWN = re.compile(r"(?:[\u4e00-\u9fff々ヶ]{1,4}?郡)?([\u4e00-\u9fff々ヶ]{1,4}?(?:市|町|村))(?=$|の[^、。\s]{1,20}$)")
# 会場は青葉市の…, 開催地は青葉県若葉市: the venue named after its role word (the place follows)
_ROLE_BEFORE = re.compile(r"(?:会場|開催地|開催場所|開催都市)(?:は|が)[、\s]?")
_FOUNDED_IN = re.compile(r"(?:(?:19|20)[0-9]{2}|(?:明治|大正|昭和|平成|令和)\s?(?:元|[0-9]{1,2}))\s?年(?:度)?(?:に|から)[^。、月]{0,16}$")
_NEWS_DAY = re.compile(r"[」』]?\s?が\s?(?:[0-9]{1,2}月)?[0-9]{1,2}日[、,]")  # a report's 「…」が11日、…であった
_BARE_PLACE = re.compile(r"(?:^|(?<=[、。\s「」()（）はがもとを]))([\u4e00-\u9fff々ヶ]{2,3})$")
# 東京・有楽町の東京国際フォーラムにおいて, 大阪・ホテル青葉で: a news report's short place name, a 中黒, then the
# district or hall where the meeting was held, up to the venue mark (not two places, 青葉・若葉両市の…)
_DOTTED_PLACE = re.compile(r"(?:^|(?<=[、。\s「」()（）はがもとを]))([\u4e00-\u9fff々ヶ]{2,3})・(?![\u4e00-\u9fff々ヶ]{1,3}(?:両|各))[^、。\s・「」『』()（）]{2,24}$")
HOLD_VERB = re.compile(r"開催|開か|開い|開き|開く|行われ|行い")
# 都内 (東京都内): "within the metropolis", the one prefecture whose word for its own ground names it
_WITHIN_METROPOLIS = re.compile(r"(?:(?<=東京)都|(?:^|(?<=[、。\s「」()（）はがもとを]))都)内$")
_ONLINE = re.compile(r"(?:オンライン|リモート|ウェブ|Web|WEB|web|Zoom|ZOOM)(?:会議|方式|形式)?\s?$")
_PLACE_AT = re.compile(r"([^\s、。「」()（）]{2,8}?(?:市|区|町|村))(?:役所|役場|内)?(?:にて|で開催|において|におきまして|を会場)")
DATE_KEYS = ("開催日時", "開催年月日", "開催日程", "開催日", "開催期日", "開催時期", "実施日", "日時", "期日", "会期", "日程",
             "開催期間", "月日", "とき")
PLACE_KEYS = ("開催地", "開催場所", "開催都市", "開催市", "開催会場", "会場", "場所", "ところ")
CITY_KEYS = ("開催都市", "開催市", "開催地")  # keys whose value is a place, never a hall
# The value of a city key, a city the gazetteer does not hold: the last word of the line, a name
# ending in 市 (中国・瀋陽市, ロシア連邦ウラジオストク市, 中国 新疆ウイグル自治区 乌鲁木齐市).
_CITY_ABROAD = re.compile(r"(?:^|(?<=[\s・:：]))([\u4e00-\u9fff々\u30a1-\u30faー]{1,14}市)[\s]*$", re.M)
NAME_KEYS = ("名称", "大会名", "会議名", "事業名", "行事名", "イベント名", "催事名")  # a key line naming the meeting
THEME_KEYS = ("メインテーマ", "統一テーマ", "大会テーマ", "全体会議テーマ", "全体テーマ", "テーマ", "大会スローガン", "スローガン",
               "キャッチフレーズ", "主題")
# …サミットの実行委員会が6月2日に開かれ: the date of something the series only qualifies
_SERIES_MODIFIER = re.compile(r"(?:サミット|首脳会議|大会|定例会|総会|フォーラム|会議|集会|交流会)(?:の(?!開催|テーマ)|\s?"
                              r"(?:実行委員会|準備委員会|運営委員会|幹事会|推進委員会|推進協議会))")
_TODAY = re.compile(r"本日|今日")
_EDITION_AT = re.compile(r"第\s?([0-9]+|[一二三四五六七八九十百]+)\s?回")
_NEXT_MEETING = re.compile(r"次回|次期|来年|来年度|次年度")
DATE_OF_DOCUMENT = "date of the document (本日)"
_PAGE_DATE_LINE = re.compile(r"更新|公開|掲載|作成|投稿|配信|ページID")  # (…18時00分配信: a news service's)
_OPENING = 400  # the opening of a page, where a report says where its meeting was held
_BULLET = r"[\s・•■□◆◇●○◎▼▽▲△★☆※\-]*"
# (宣言:青葉宣言, 【採択宣言】 青葉宣言: a key before the name is no part of it)
_DECLARATION_LINE = re.compile(rf"^{_BULLET}[\s【\[<〈]*(?:[^\s。、]{{1,30}}(?:\s|・|の|[:：]\s?))?"
                               rf"(?P<d>[^\s。、「」『』()（）・の:：]{{1,15}}(?:宣言|アピール))"
                               r"\s*(?:[(（](?:全文|要旨|案)[)）])?[\s】\]>〉]*$")


def full_host(ctx: DocContext, short: str, prefecture_first: bool = False) -> str | None:
    """A place as the text or the gazetteer writes it whole: 岡谷 -> 岡谷市, 別海 -> 別海町, 島根 -> 島根県,
    and a name in kana by its reading (とやま -> 富山県 or 富山市, the one the page writes)."""
    short = short.strip()
    if is_municipality(short):
        return short
    read = places_read_as(short)
    if read:
        written = [n for n in read if n in ctx.text]
        return (written or list(read))[0]
    prefecture = [short + e for e in "県府都道" if is_municipality(short + e)]
    if prefecture_first and prefecture:
        return prefecture[0]
    written = [short + e for e in MUNICIPALITY_SUFFIX if short + e in ctx.text and is_municipality(short + e)]
    if len(written) == 1:
        return written[0]
    if prefecture and not written:
        return prefecture[0]  # (沖縄, 広島 on a page that never writes 沖縄市, 広島市: the prefecture)
    known = [short + e for e in MUNICIPALITY_SUFFIX if is_municipality(short + e)]
    if prefecture and not any(k.endswith("市") for k in known):
        return prefecture[0]  # (茨城 is 茨城県 rather than its town 茨城町)
    if len(known) == 1 or (known and known[0].endswith("市") and not prefecture):
        return known[0]  # (釧路 is 釧路市 rather than 釧路町: a place called by its short name is the city)
    if prefecture:
        return prefecture[0]
    return ctx.full_place(short)


# A body whose name starts with a place (熊本県中小企業家同友会, 広島県の青年会議所): a kind word of an
# organisation (data: language/data/org_grammar.json) within a few name characters after the place. Kind
# words that are buildings too (センター, 大学, 商工会議所: 青葉市産業振興センターで開催) are left out.
_BUILDING_KINDS = ("センター", "大学", "短期大学", "高等専門学校", "学校", "学園", "病院", "商工会議所")
_HALL_WORD = re.compile(r"ホール|会館|会議室|ホテル|センター|ビル|館|室|会場|広場|ドーム|アリーナ|プラザ")


def _body_after(text: str, at: int, mark: int) -> bool:
    """Whether the place that ends at `at` starts the name of a body (熊本県中小企業家同友会第43回総会を…で開催,
    広島県の青年会議所が順に受け持つ事業で): the organiser or a member, no venue, unless that body's name runs up to
    the venue mark or a hall follows it (青葉市商工会で, 青葉市商工会館にて: its building)."""
    m = _body_name().match(text, at, mark)
    if not m or m.group("kind") in _BUILDING_KINDS:
        return False
    return m.end() < mark and not _HALL_WORD.search(text, m.end(), mark)


@lru_cache(maxsize=1)
def _body_name() -> re.Pattern:
    kinds = "|".join(sorted(map(re.escape, kind_words()), key=len, reverse=True))
    return re.compile(rf"の?[\u4e00-\u9fff々ヶ\u30a1-\u30faー]{{0,10}}?(?P<kind>{kinds})")


def venue(ctx: DocContext, start: int, end: int) -> tuple[str, int, int] | None:
    """The municipality where the meeting of text[start:end] is held: the place (a city, ward,
    town or village before a prefecture) within 30 characters before a venue mark (を会場に,
    にて, において, で開催, で「…大会」を開催, で第N回…大会を開き), not inside quotes; else a
    short place name right before the mark, made whole by the gazetteer (高松で開催 -> 高松市)."""
    text = ctx.text
    for role in _ROLE_BEFORE.finditer(text, start, end):
        if _NEXT_MEETING.search(text, max(start, role.start() - 10), role.start()):
            continue  # (次回の開催地は…: the next meeting's)
        places = find_municipalities(text[role.end():min(end, role.end() + 16)])
        if places and places[0][0] == 0 and not place_official_after(text, role.end() + places[-1][1]):
            cities = [p for p in places if p[2].endswith(MUNICIPALITY_SUFFIX)]
            s, e, name = (cities or places)[0]
            return name, role.end() + s, role.end() + e
    for mark in _VENUE_MARK.finditer(text, start, end):
        if text.startswith("であ", mark.start()) and not _NEWS_DAY.search(text, ctx.sentence(mark.start())[0], mark.start()):
            continue  # (…の中心は青葉市の事例であった: a copula, no venue, without the report's …が11日、)
        if "始ま" in mark.group() and _FOUNDED_IN.search(text, max(start, mark.start() - 24), mark.start()):
            continue  # (…は2010年に青葉市で始まり、今年で3回目: where the series began, not this meeting's venue)
        if _JOURNEY.match(text, mark.start()) and not _TO_ATTEND.search(text, start, mark.start()):
            continue  # (…へ向かう途中: a journey that is not to attend the meeting names no venue)
        if _ONLINE.search(text, max(start, mark.start() - 12), mark.start()):
            continue  # (…(事務局:青葉市)が、オンラインにて開催: held online, the town named before is no venue)
        lo = max(start, mark.start() - 30)
        places = [p for p in find_municipalities(text[lo:mark.start()]) if not ctx.in_quotes(lo + p[0])
                  and not place_official_after(text, lo + p[1])  # 青葉市長が出席: an attendee, no venue
                  and not official_after(text, lo + p[1])  # (青葉市の山田市長はオンラインで、)
                  and not _body_after(text, lo + p[1], mark.start())]
        found = find_municipalities(text[lo:mark.start()])
        if found and found[-1][2].endswith(PREFECTURE_SUFFIX) and not ctx.in_quotes(lo + found[-1][0]):
            former = _FORMER_TOWN.match(text, lo + found[-1][1], mark.start())
            if former:  # 愛知県長久手町におきまして: a town written after its prefecture, merged or renamed since
                return former.group(1), former.start(1), former.end(1)
        if places:
            cities = [p for p in places if p[2].endswith(MUNICIPALITY_SUFFIX)]
            s, e, name = (cities or places)[-1]
            return (None if cities else _town_after_prefecture(ctx, name, lo + e, mark.start())) or (name, lo + s, lo + e)
        short = [c for c in ctx.within(lo, mark.start(), "GPE") if c.end == mark.start()]
        if short:
            whole = full_host(ctx, short[-1].text)
            if whole and is_municipality(whole):
                hall = _facility_place(ctx, lo, mark.start()) if whole.endswith(PREFECTURE_SUFFIX) else None
                return hall or (whole, short[-1].start, short[-1].end)  # (ホテル青葉佐賀にて: the hall's town)
        within = _WITHIN_METROPOLIS.search(text, lo, mark.start())
        if within and not ctx.in_quotes(within.start()):  # 都内で開催, 東京都内にて: held in Tokyo, no town named
            return "東京都", within.start(), within.end()
        dotted = _DOTTED_PLACE.search(text, lo, mark.start())
        if dotted and not ctx.in_quotes(dotted.start(1)):  # 東京・有楽町の…フォーラムにおいて: a news report's place・venue
            whole = _hall_town(ctx, dotted.group(1))
            if whole and is_municipality(whole):
                return whole, dotted.start(1), dotted.end(1)
        bare = _BARE_PLACE.search(text, lo, mark.start())
        if bare and not ctx.in_quotes(bare.start(1)):  # 水戸での…の開催: a place's short name no rule tagged
            whole = full_host(ctx, bare.group(1))
            if whole and is_municipality(whole):
                return whole, bare.start(1), bare.end(1)
        named = _facility_place(ctx, lo, mark.start())
        if named:  # こまつドームにて, 広島グリーンアリーナにて: the hall is named after its town
            return named
        own = [c for c in ctx.within(lo, mark.start(), "SELF") if c.end == mark.start() and c.text[:1] in "本当"]
        body = self_place(ctx, own[-1].text) if own else None
        if body:  # 本市で…を開催: the city that publishes the page
            return body, own[-1].start, own[-1].end
    return None


# the short name of a town right after its prefecture, in an address (東京都渋谷のNHKホール)
_SHORT_TOWN = re.compile(r"[\u4e00-\u9fff々ヶ]{2,3}(?=の|で|にて|、|\s)")


def _town_after_prefecture(ctx: DocContext, prefecture: str, at: int, end: int) -> tuple[str, int, int] | None:
    """A venue's address that writes a town of the prefecture by its short name right after it
    (東京都渋谷の…ホールで: 渋谷区): the one municipality of that prefecture the name completes to."""
    m = _SHORT_TOWN.match(ctx.text, at, end)
    if not m:
        return None
    towns = [m.group() + k for k in MUNICIPALITY_SUFFIX if prefecture_of(m.group() + k) == prefecture]
    return (towns[0], m.start(), m.end()) if len(towns) == 1 else None


# A hall right before a venue mark whose name starts with a place (in kanji or kana): the place is
# the town it stands in. A chamber of commerce is one too (福井商工会議所で開催: its building, in the city
# whose name it bears).
_HALL_NAME = (r"(?:^|(?<=[、。\s「」()（）はがもとをに]))([\u3041-\u3096]{2,5}|[\u4e00-\u9fff々ヶ]{2,3})"
              r"[\u4e00-\u9fff々ヶ\u30a1-\u30faー・]{0,12}?(?:ドーム|アリーナ|ホール|会館|センター|体育館|プラザ|"
              r"メッセ|スタジアム|ホテル|商工会議所")  # (the group of hall words left open: a station closes it below)
_FACILITY = re.compile(_HALL_NAME + r")$")
_KANJI_RUN = re.compile(r"[\u4e00-\u9fff々ヶ]+")


# The same hall, or a station, then the room or hall inside it or beside it up to the mark (福井駅前のハピリン
# ホールにて, 京都経済センター3階の…カフェ「…」を会場に): the place that starts the outer name is the town.
_FACILITY_ROOM = re.compile(_HALL_NAME + r"|駅)(?:前|[東西南北]口|\s?[0-9]{1,2}\s?階)?の[^、。\s]{1,24}$")


# A hotel (or hall) whose name ends on its town (ホテル東西富山, …グランドプラザホテル高松), maybe with
# other halls after it (ホテル東西富山ほか3会場にて): the trailing kanji run holds the town's short name.
_FACILITY_TAIL = re.compile(r"(?:ホテル|プラザ|会館|ホール)[\u30a1-\u30faー・]{0,8}([\u4e00-\u9fff々ヶ]{2,4})"
                            r"(?:\s?(?:ほか|他)\s?[0-9一二三四五六七八九]{1,2}\s?会場)?$")


def _hall_town(ctx: DocContext, short: str) -> str | None:
    """The municipality a hall named after `short` stands in: the place made whole, the city rather than
    the prefecture when both have the name (広島, 佐賀: a hall stands in a town) and the city is the
    prefecture's seat or the page writes it (沖縄…センター is the prefecture's hall, not 沖縄市's)."""
    whole = full_host(ctx, short)
    if whole and whole.endswith(PREFECTURE_SUFFIX) and seat_city(ctx, short):
        return short + "市"
    return whole


def seat_city(ctx: DocContext, short: str) -> str | None:
    """The city a place's short name names (short + 市, where the gazetteer holds it), unless the name is
    also a prefecture's whose seat is another city and the page does not write the city (沖縄, 栃木: the
    prefecture's; 広島, 鹿児島: their seats, the city). Halls and meetings' nicknames read a place so."""
    city = short + "市"
    if not is_municipality(city):
        return None
    prefecture = next((short + e for e in PREFECTURE_SUFFIX if short + e in prefecture_seats()), None)
    return city if prefecture is None or prefecture_seats()[prefecture] == city or city in ctx.text else None


def _facility_place(ctx: DocContext, lo: int, at: int) -> tuple[str, int, int] | None:
    for pattern in (_FACILITY, _FACILITY_ROOM):
        # (…センター2階の交流ラウンジ「…」を会場に: a hall and the room in it, longer than the window
        # before the mark; the pattern reads no further back than a comma, a full stop or a space)
        m = pattern.search(ctx.text, lo if pattern is _FACILITY else min(lo, max(0, at - 60)), at)
        if not m:  # (no quote check: the hall's word ends right at the mark, a quote is no theme here)
            continue
        # (酒田勤労者福祉センター: the town's name is the first two kanji of three when the three are none; not
        # a founder's word, 国立京都国際会館, 県立…: a national or prefectural hall, named by its owner)
        short = m.group(1)
        two = _KANJI_RUN.fullmatch(short) and len(short) == 3 and short[1] != "立"
        for n in ((3, 2) if two else (len(short),)):
            whole = _hall_town(ctx, m.group(1)[:n])
            if whole and is_municipality(whole) and whole.endswith(MUNICIPALITY_SUFFIX):
                return whole, m.start(1), m.start(1) + n
    return _facility_tail_place(ctx, lo, at)


def _facility_tail_place(ctx: DocContext, lo: int, at: int) -> tuple[str, int, int] | None:
    """The town a hotel's name ends on (ホテル東西富山 -> 富山市: 東西富山's last three or two kanji, the
    longer first), a city, town or village only."""
    m = _FACILITY_TAIL.search(ctx.text, lo, at)
    if not m:
        return None
    run_end = m.end(1)
    for n in (3, 2):
        if n > len(m.group(1)):
            continue
        whole = _hall_town(ctx, ctx.text[run_end - n:run_end])
        if whole and is_municipality(whole) and whole.endswith(MUNICIPALITY_SUFFIX):
            return whole, run_end - n, run_end
    return None


_SHORT_PLACE_WORD = re.compile(r"[\u3041-\u3096]{2,5}|[\u4e00-\u9fff々ヶ]{2,3}")


def _key_place_word(ctx: DocContext, vs: int, ve: int) -> tuple[str, int, int] | None:
    """The municipality of a place key's first word that the gazetteer does not hold as written:
    a short name (松本, まつもと) made whole, or a hall named after its town (高岡文化ホール)."""
    word = re.match(r"[^\s、,(（]+", ctx.text[vs:ve])
    if not word:
        return None
    w = word.group()
    m = _FACILITY.match(w) if not _SHORT_PLACE_WORD.fullmatch(w) else _SHORT_PLACE_WORD.match(w)
    if not m:
        return None
    if m.re is not _FACILITY:
        whole = full_host(ctx, w)
        return (whole, vs, vs + len(w)) if whole and is_municipality(whole) else None
    for n in range(len(m.group(1)), 1, -1):  # 高岡文化ホール: 高岡, not 高岡文
        whole = _hall_town(ctx, w[:n])
        if whole and is_municipality(whole) and whole.endswith(MUNICIPALITY_SUFFIX):
            return whole, vs, vs + n
    return None


# the line under a hall's name that is its address: (埼玉県川口市…3-1-1), 所在地 川口市…, 〒332-0015 川口市…
_ADDRESS_LEAD = re.compile(r"[\s(（]*(?:〒\s?[0-9]{3}\s?[-－‐]\s?[0-9]{4}\s*)?(?:(?:所在地|住所)\s*[:：]?\s*)?")


def _address_below(ctx: DocContext, ve: int) -> tuple[str, int, int] | None:
    """The municipality of the address on the line right under a place key's value that names
    none: a line opening with a municipality (a prefecture before it) with the numbers of a street
    address, and no sentence in it."""
    nxt = next((ln for ln in ctx.lines if ln.start > ve and ln.body), None)
    if nxt is None or ctx.text[ve:nxt.start].count("\n") > 1 or "。" in nxt.text or len(nxt.text) > 60:
        return None
    lead = _ADDRESS_LEAD.match(nxt.text).end()
    rest = nxt.text[lead:]
    if not re.search(r"[0-9]|丁目|番地?", rest):
        return None
    places = find_municipalities(rest)
    if not places or places[0][0] != 0:
        return None
    cities = [p for p in places if p[2].endswith(MUNICIPALITY_SUFFIX)]
    if not cities or cities[0][0] > len(places[0][2]):
        return None  # a prefecture alone, or a city far into the line: no address of the hall
    s, e, name = cities[0]
    return name, nxt.start + lead + s, nxt.start + lead + e


def self_place(ctx: DocContext, word: str) -> str | None:
    """The municipality a self-reference (本市, 当町) stands for: the page's owner, else its publisher
    (the title's site name, the contact block) when that is a municipality of the word's kind."""
    found = ctx.resolve_self(word)
    if found:
        return found
    body = publisher(ctx.doc.title, ctx.text)
    return body if body and is_municipality(body) and stands_for_publisher(word, body) else None


def venue_span(ctx: DocContext, place: tuple[str, int, int]) -> Span:
    """The host's span: the place as written, saying so when the gazetteer made it whole."""
    name, s, e = place
    written = ctx.text[s:e]
    how = None if written == name else "publisher" if written[:1] in "本当" or re.fullmatch(r"開(?:催|い|き|く|け)", written) \
        else "completed by the gazetteer"
    return field_span(s, e, "summit-venue", "host", name, how=how)


def _spaced_key(key: str) -> str:
    return r"\s?".join(map(re.escape, key))


def _key_alone(line: Line, keys: tuple[str, ...]) -> bool:
    """A line that is only a key (【日 時】, 開催日:, ■会場)."""
    alts = "|".join(_spaced_key(k) for k in sorted(keys, key=len, reverse=True))
    return bool(re.fullmatch(rf"{_BULLET}[【［\[<〈《(（]?\s*(?:{alts})\s*[】］\]>〉》)）]?\s*[:：]?\s*", line.text))


_LIST_NUMBER = re.compile(r"\s*(?:[0-9]{1,2}\s?[.．、)）]?\s|[0-9]{1,2}\s?[.．、)）]|[(（][0-9]{1,2}[)）]|[①-⑳])\s*")


def _spaced_value(line: Line, keys: tuple[str, ...]) -> int | None:
    """Where the value starts on a line whose key is written with spaces inside (日 時:…, 会　場　…)."""
    alts = "|".join(_spaced_key(k) for k in sorted(keys, key=len, reverse=True) if len(k) <= 3)
    m = re.match(rf"{_BULLET}[【［\[<〈《(（]?\s*(?:{alts})\s*[】］\]>〉》)）]?\s*[:：]?\s*(?=\S)", line.text)
    if m and " " in m.group().strip() and re.search(r"[:：】］\]>〉》)）]|\s\s|\s$", m.group()):
        return line.start + m.end()
    return None


def key_blocks(ctx: DocContext, keys: tuple[str, ...]) -> list[tuple[int, int]]:
    """Values (start, end) of the document's key–value lines for these keys: on the key's line
    (its key maybe spaced: 日 時:…), or on the next non-empty line below a key alone on its line."""
    out = []
    lines = ctx.lines
    for i, line in enumerate(lines):
        number = _LIST_NUMBER.match(line.text)  # 3 期日 …, (2)場所 …: a numbered key line
        if number:
            line = Line(line.start + number.end(), line.end, line.text[number.end():])
        kv = key_value(line, keys)
        if kv:
            out.append((kv[1], line.end))
            continue
        spaced = _spaced_value(line, keys)
        if spaced is not None:
            out.append((spaced, line.end))
            continue
        if _key_alone(line, keys):
            j = i + 1
            while j < len(lines) and not lines[j].body:
                j += 1
            if j < len(lines) and j - i <= 3:
                body = lines[j]
                lead = re.match(_BULLET, body.text).end()  # (• 調和ある都市の発展: the bullet is no part of it)
                out.append((body.start + lead, body.end))
    return out


# 13:00~17:00, 10時から: the hours of an event after its day
_EVENT_HOURS = re.compile(r"\s?(?:[(（][^()（）]{1,4}[)）])?\s?[0-9]{1,2}\s?(?::[0-9]{2}|時(?:[0-9]{1,2}分)?)\s?(?:[~〜\-―–]|から)")


def page_date(ctx: DocContext, d: DateMention) -> bool:
    """Whether a date is the page's own: alone on its line (not under a key), or on a 更新/投稿 line;
    never a span of days (10月5日(金)~6日(土)) nor a day with the hours of an event after it
    (10月5日(金)13:00~17:00): a flyer's date line, however alone at the top of the page."""
    ls, le = ctx.line(d.start)
    line = ctx.text[ls:le]
    if (d.end_date and d.end_date != d.start_date) or _EVENT_HOURS.match(ctx.text, d.end, le):
        return False
    if ctx.doc_date and ctx.doc_date.start == d.start:
        return True
    if any(vs <= d.start < ve for vs, ve in key_blocks(ctx, DATE_KEYS)):
        return False
    alone = not line.replace(ctx.text[d.start:d.end], "").strip(" \t0123456789:.()[]")
    return alone or bool(_PAGE_DATE_LINE.search(line)) or _sign_off(ctx, d, ls, le)


def _sign_off(ctx: DocContext, d: DateMention, ls: int, le: int) -> bool:
    """The page's last line, a date and then the body that wrote the page (令和元年5月16日 浜松市,
    …日 青葉市産業部): the page signed and dated at its foot."""
    last = next((ln for ln in reversed(ctx.lines) if ln.body), None)
    if last is None or last.start != ls or ctx.text[ls:d.start].strip():
        return False
    rest = ctx.text[d.end:le].strip(" \t\u3000")
    places = find_municipalities(rest)
    return bool(rest) and len(rest) <= 20 and not re.search(r"[。、でにがはを]", rest) and bool(places) and places[0][0] == 0


def other_edition(ctx: DocContext, offset: int, edition: int | None) -> bool:
    """Whether the sentence at `offset` names an edition other than `edition` (第1回は…で開かれ on
    the page of the 50th): what it says is of that meeting."""
    if edition is None:
        return False
    s, e = ctx.sentence(offset)
    return any(kanji_to_int(m.group(1)) != edition for m in _EDITION_AT.finditer(ctx.text, s, e))


SERIES_YEAR = "year of the series name"


# 日時 19/7/4(木), 開催日 2019 / 07 / 04 13:00: a day in figures under a date key, with a two-digit year or
# spaces around its slashes (forms the sentence reader leaves alone: in running text they may be no date)
_KEY_NUMERIC = re.compile(r"(?P<y>(?:19|20)[0-9]{2}|[0-9]{2})\s?(?P<s>[./／])\s?(?P<m>[0-9]{1,2})\s?(?P=s)\s?"
                          r"(?P<d>[0-9]{1,2})(?![0-9]|\s?[./／]\s?[0-9])")


def _numeric_key_date(ctx: DocContext, vs: int, ve: int) -> list[DateMention]:
    m = _KEY_NUMERIC.match(ctx.text, vs + len(ctx.text[vs:ve]) - len(ctx.text[vs:ve].lstrip()), ve)
    if not m:
        return []
    y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    if y < 100:  # (98/7/4 is 1998, 19/7/4 2019)
        y += 2000 if y <= 40 else 1900
    try:
        day = date_cls(y, mo, d).isoformat()
    except ValueError:
        return []
    return [DateMention(m.start(), m.end(), day, day, "day", True, False, None)]


def _key_dates(ctx: DocContext, vs: int, ve: int, year: int | None) -> list[DateMention]:
    """The days of a key's value; a day written without its year takes the year of the meeting's
    name (…サミット2019 in 輪島 over 日時:10月3日), when the name gives one."""
    dates = [d for d in ctx.dates_in(vs, ve) if d.precision == "day"]
    if not dates:
        dates = _numeric_key_date(ctx, vs, ve)
    if year is not None and any(not d.year_given for d in dates):
        dates = [replace(d, start=d.start + vs, end=d.end + vs, year_source=d.year_source or SERIES_YEAR)
                 for d in find_dates(ctx.text[vs:ve], default_year=year) if d.precision == "day"]
    return [d for d in dates if d.start_date]


def meeting_date(ctx: DocContext, edition: int | None = None, year: int | None = None) -> DateMention | None:
    """A one-meeting page's date (see the module docstring); the page's own date is never it, nor
    a date in a sentence about another edition. `year`: the year the meeting's name gives."""
    for vs, ve in key_blocks(ctx, DATE_KEYS):
        dates = _key_dates(ctx, vs, ve, year)
        if dates:
            return dates[0]
    full = [d for d in ctx.dates if d.precision == "day" and d.start_date and d.start < 600]
    # (次回は、2026年10月8~9日に…で開く予定: the next meeting's day, 次回 before it in its sentence)
    full = [d for d in full if not _SERIES_MODIFIER.search(ctx.text, ctx.sentence(d.start)[0], d.start)
            and not other_edition(ctx, d.start, edition) and not _aside_date(ctx, d)
            and not _NEXT_MEETING.search(ctx.text, ctx.sentence(d.start)[0], d.start)]
    for d in full:
        if HOLD_VERB.search(ctx.text, d.end, d.end + 60) and not page_date(ctx, d):
            return d
    rest = [d for d in full if d.start < 400 and not page_date(ctx, d)]
    return rest[0] if rest else None


# 23日(土) 9:00~, 令和5年9月22日 10:00~ 全国大会: a line that opens with a day and the hours of that day
_DAY_LINE = re.compile(r"[ \u3000]*(?:(?:(?:令和|平成)\s?[元0-9]{1,2}\s?年|[0-9]{4}\s?年)?\s?[0-9]{1,2}\s?月)?\s?([0-9]{1,2})\s?日"
                       r"(?:\s?[(（][^()（）]{1,3}[)）])?\s?[0-9]{1,2}\s?(?::[0-9]{2}|時)")


def _next_day_below(ctx: DocContext, first: DateMention, ve: int, series: str) -> Span | None:
    """A date key's value that goes on in the next line, a day with its hours (日時:5月22日(金)13:30~ / 23日(土)
    9:00~): the meeting's last day, when it comes within a week after the key's day and the line names no other
    meeting (10月30日 9:00~ 中核市市長会議: another one held after it); its span as written."""
    if first.precision != "day" or not first.start_date or (first.end_date and first.end_date != first.start_date):
        return None
    lines = [ln for ln in ctx.lines if ln.start >= ve and ln.body][:1]
    if not lines or key_value(lines[0], DATE_KEYS + PLACE_KEYS):
        return None
    m = _DAY_LINE.match(lines[0].text)
    if not m or any(f.text not in series for f in meetings.names_in(lines[0].text, m.end(), len(lines[0].text))):
        return None
    y, mo, d = map(int, first.start_date.split("-"))
    written = [w for w in find_dates(lines[0].text[:m.end(1) + 1], default_year=y) if w.precision == "day"]
    try:
        day = date_cls.fromisoformat(written[0].start_date) if written else date_cls(y, mo, int(m.group(1)))
    except (ValueError, TypeError):
        return None
    if not 0 < (day - date_cls(y, mo, d)).days <= 7:
        return None
    s = lines[0].start + (written[0].start if written else m.start(1))
    e = lines[0].start + m.end(1) + 1
    how = None if written and written[0].year_given else "year and month of the key's date above" if not written \
        else "year of the key's date above"
    return field_span(s, e, "summit-date-next-line", "end_date", day.isoformat(), how=how)


# 南アルプス市(平成15年4月1日), 814の市(平成30年4月1日現在): a date in brackets right after a place's
# name, or one that says "as of", qualifies what it follows; it is no meeting's day
_ASIDE_OPEN = re.compile(r"[市町村区県都道府][(（]同?$")  # (静岡市(同4月1日): the year of the date before)
_AS_OF = re.compile(r"\s?(?:現在|時点)")


def _aside_date(ctx: DocContext, d: DateMention) -> bool:
    """Whether a date is an aside in brackets: right after a municipality's name, or an "as of" date."""
    return bool(_ASIDE_OPEN.search(ctx.text, max(0, d.start - 3), d.start)) or bool(_AS_OF.match(ctx.text, d.end))


def _this_year(ctx: DocContext) -> int | None:
    """Offset of 今年/本年 in a sentence that says the meeting is held (今年は…で開かれます)."""
    words = "|".join(meetings.vocabulary()["meeting_words"])
    for m in re.finditer(r"今年|本年", ctx.text):
        s, e = ctx.sentence(m.start())
        if HOLD_VERB.search(ctx.text, m.end(), e) and re.search(words, ctx.text[s:e]) \
                and not re.search(r"今年度|本年度", ctx.text[m.start():m.end() + 1]):
            return m.start()
    return None


def _today(ctx: DocContext) -> int | None:
    """Offset of 本日/今日 in the opening, in a sentence that says a meeting is held then (本日、
    …において大会が開かれ); 本日まで, 本日から (a deadline, a start) are not the day of a meeting."""
    words = "|".join(meetings.vocabulary()["meeting_words"])
    for m in _TODAY.finditer(ctx.text, 0, _OPENING):
        s, e = ctx.sentence(m.start())
        if ctx.text.startswith(("まで", "から", "より"), m.end()):
            continue
        if HOLD_VERB.search(ctx.text, m.end(), e) and re.search(words, ctx.text[s:e]):
            return m.start()
    return None


# ○基調講演, (2)記念講演, ■第1分科会: a programme item's heading line (marks and numbers before it)
_ITEM_MARKS = re.compile(r"^[\s○●◎◇◆□■・\-‐(（)）0-9０-９①-⑳.．、]*")


def _under_talk(ctx: DocContext, at: int) -> bool:
    """Whether the key line at `at` belongs to a talk or a breakout session of the programme: the
    nearest line above it with text is that item's heading (○基調講演 over テーマ 「…」 and 講演者)."""
    ls, _ = ctx.line(at)
    while ls > 0:
        ps, pe = ctx.line(ls - 1)
        above = _ITEM_MARKS.sub("", ctx.text[ps:pe]).strip()
        if above:
            return len(above) <= 16 and above.endswith(meetings.vocabulary()["talk_words"])
        ls = ps
    return False


# A theme key alone on its line that is a longer compound than THEME_KEYS hold: a word before it
# (□基本テーマ, 【大会メインテーマ】) or another key joined after it (大会テーマ及び大会趣旨, テーマ・趣旨);
# its value is the next line with text.
_COMPOUND_THEME_KEY = re.compile(rf"{_BULLET}[【［\[<〈《(（]?\s*(?P<pre>[\u4e00-\u9fff\u30a1-\u30faー]{{0,6}}?)"
                                 r"(?:テーマ|スローガン)(?:(?:及び|および|並びに|と|・|、)[\u4e00-\u9fff\u30a1-\u30faー]{1,8})?"
                                 r"\s*[】］\]>〉》)）]?\s*[:：]?\s*")


def _compound_theme_blocks(ctx: DocContext) -> list[tuple[int, int]]:
    """Values below a compound theme key alone on its line (`_COMPOUND_THEME_KEY`), not a talk's or a
    session's key (講演テーマ, 分科会テーマ)."""
    out = []
    lines = ctx.lines
    for i, line in enumerate(lines):
        m = _COMPOUND_THEME_KEY.fullmatch(line.text)
        if not m or m.group("pre").endswith(meetings.vocabulary()["talk_words"]):
            continue
        j = i + 1
        while j < len(lines) and not lines[j].body:
            j += 1
        if j < len(lines) and j - i <= 3:
            body = lines[j]
            out.append((body.start + re.match(_BULLET, body.text).end(), body.end))
    return out


# A key's value written whole in quotes (テーマ:「…」, テーマ:"…": ASCII quotes too): the text inside is the value.
QUOTED_VALUE = re.compile(r"[「『\"]([^」』\"]{2,80})[」』\"]\s*$")


def theme_blocks(ctx: DocContext) -> list[tuple[int, int]]:
    """The values of the page's theme keys (テーマ, メインテーマ, …; a compound key alone on its line,
    基本テーマ, 大会テーマ及び大会趣旨), but for a talk's or a session's own."""
    blocks = sorted(set(key_blocks(ctx, THEME_KEYS)) | set(_compound_theme_blocks(ctx)))
    return [(vs, ve) for vs, ve in blocks if not _under_talk(ctx, vs)]


def page_themes(ctx: DocContext, lo: int, hi: int) -> list[meetings.Found]:
    """The themes of text[lo:hi] with their cue words (`meetings.themes`), but for one on a line that
    opens with its cue under a talk's heading (○基調講演 / テーマ 「…」: the talk's title)."""
    cues = meetings.vocabulary()["theme_cues"]
    out = []
    for t in meetings.themes(ctx.text, lo, hi):
        ls, _ = ctx.line(t.start)
        if ctx.text[ls:t.start].lstrip(" \t\u3000").startswith(cues) and _under_talk(ctx, t.start):
            continue
        out.append(t)
    return out


def meeting_theme(ctx: DocContext, series: str | None = None) -> tuple[str, int, int, int, bool] | None:
    """(theme, start of its line's value or sentence, end of it, start of the theme as written,
    whether it is a subtitle): a theme key's value, else a theme with its cue words, else the
    subtitle below the heading of the meeting's `series`."""
    for vs, ve in theme_blocks(ctx):
        raw = ctx.text[vs:ve]
        value = raw.strip()
        at = vs + len(raw) - len(raw.lstrip())
        q = QUOTED_VALUE.match(value)
        theme = q.group(1) if q else value
        if 2 <= len(theme) <= 80:
            return theme, vs, ve, at + (1 if q else 0), False
    framed = _framed_after_name(ctx, series)
    if framed:
        return (*framed, True)
    found = page_themes(ctx, 0, len(ctx.text))
    if not found:
        sub = _subtitle(ctx, series)
        return (*sub, True) if sub else None
    t = found[0]
    s, e = ctx.sentence(t.start)
    return t.text, s, e, t.start, False


# A subtitle framed in dashes or waves right after the meeting's name, its year between (…シンポジウム
# ~海と生きるまち~, …大会2019-港から未来へ-): a phrase written as part of the name.
_FRAME_AFTER = re.compile(r"(?:(?:19|20)[0-9]{2})?[ \u3000]?[~〜～\-―－−‐][ \u3000]?([^~〜～\-―－−‐\n「」『』。]{4,40}?)[ \u3000]?"
                          r"[~〜～\-―－−‐]")


def _framed_after_name(ctx: DocContext, series: str | None) -> tuple[str, int, int, int] | None:
    """The framed subtitle written right after the meeting's name (not a date, not a sentence with a
    holding verb: …総会~青葉市で開催~ says where it was held)."""
    at = ctx.text.find(series) if series else -1
    while at >= 0:
        m = _FRAME_AFTER.match(ctx.text, at + len(series))
        if m and _KANA.search(m.group(1)) and not HOLD_VERB.search(m.group(1)) \
                and not ctx.dates_in(m.start(1), m.end(1)):
            ls, le = ctx.line(m.start(1))
            return m.group(1), ls, le, m.start(1)
        at = ctx.text.find(series, at + 1)
    return None


# A line ending in a polite predicate is a report's sentence; one ending in a case particle or a
# comma goes on in the next line (a slogan ends on a noun, a verb's plain or te form, から, !)
_REPORT_END = re.compile(r"(?:ます|ました|です|でした|ません)[!！。]?$")
_WRAPPED_END = re.compile(r"[のがをは、,]$")
_HEADCOUNT = re.compile(r"[0-9][0-9,，]*\s?(?:名|人|社)(?:が|を|の|で|も|超|以上|余り|あまり|\s|$)")
_HEADING_LINES = 8  # the meeting's heading stands among the first non-empty lines
_KANA = re.compile(r"[\u3041-\u3096]")
_CAPTION_MARKS = ("↑", "↓", "←", "→", "▲", "△", "写真")
# 開催要領, 開催要項, 実施概要, ご案内: a line that only says what the document is
_PAGE_LABEL = re.compile(r"[■◆●○【\[]?\s?(?:開催|実施|大会|事業)?\s?(?:要領|要項|要綱|概要|ご案内|案内)\s?[】\]]?")
_FRAMED = re.compile(r"[〜~～―－\-−‐]+\s?(.+?)\s?[〜~～―－\-−‐]+")


def _subtitle(ctx: DocContext, series: str | None) -> tuple[str, int, int, int] | None:
    """The line right below a heading of the page (one of its first lines naming the meeting's
    series) when it is a phrase, not a sentence, a date, a key line or a name: the meeting's
    subtitle, its theme (「…大会」 over 「未来をひらく力、地域から」). A short name of the meeting
    before it on the line (長野全国大会 未来…) is no part of it. Anywhere on the page, a line framed in waves or
    dashes right under the key line that names the meeting (【名称】 …フォーラム / ~…~) is its subtitle too."""
    if not series:
        return None
    key = series.replace(" ", "")
    lines = [ln for ln in ctx.lines if ln.body][:_HEADING_LINES]
    for heading, line in zip(lines, lines[1:]):
        if not _names_meeting(heading.text, key):
            continue
        if re.sub(_BULLET, "", line.text, count=1).strip() in heading.text:
            continue  # (■港から未来へ under 港から未来へ 第1回…フェア: the heading's own headline again, no subtitle)
        if not (key in line.text.replace(" ", "") and _EDITION_AT.search(line.text)):
            # (a line that names the meeting with its edition is a heading again, as a page's title over its own
            # first line; a short name before a subtitle, 「港まちサミット 海と…」, is no heading)
            found = _phrase_line(ctx, line)
            if found:
                return found
            if _PAGE_LABEL.fullmatch(line.text.strip()):
                # (…サミット / 開催要領 / 海と生きる直売所: the document's label between the heading and its subtitle)
                after = [ln for ln in ctx.lines if ln.start > line.start and ln.body][:1]
                found = _phrase_line(ctx, after[0]) if after else None
                if found:
                    return found
    # 【名称】 南西…フォーラム in 青葉 / ~…を目指して~: the framed line under the key line that names the meeting
    for named, line in zip(ctx.lines, ctx.lines[1:]):
        keyed = key_value(named, NAME_KEYS)
        if keyed and key in ctx.text[keyed[1]:named.end].replace(" ", "") and _FRAMED.fullmatch(line.text.strip()):
            found = _phrase_line(ctx, line)
            if found:
                return found
    # 「…を担う人たれ!」 over 「第46回…交流会in沖縄」: a page that opens with the meeting's slogan,
    # an exclamation on the line right above its heading
    if len(lines) >= 2 and key in lines[1].text.replace(" ", "") and _EDITION_AT.search(lines[1].text):
        found = _phrase_line(ctx, lines[0])
        if found and found[0].rstrip().endswith(("!", "！")):
            return found
    return None


def _names_meeting(heading: str, key: str) -> bool:
    """Whether a line is a heading that names the meeting (its series `key`, spaces taken out): not a
    sentence wrapped at the line's end (…が22日、), nor a title about something else that names it
    after a case particle (新報に…サミットの記事掲載), nor a news headline that reports its holding
    (…大会開催(県連), 「…会議」が18日に開催, …の開催について, …が開催された。): the line under a
    headline is its deck or the report's first heading, not the meeting's subtitle."""
    flat = heading.replace(" ", "").rstrip()
    at = flat.find(key)
    before = re.sub(r"第?[0-9一二三四五六七八九十百]+回目?の?$", "", flat[:at]) if at >= 0 else ""
    after = flat[at + len(key):] if at >= 0 else ""
    return at >= 0 and not flat.endswith(("、", ",", "，")) and not re.search(r"[にをがはでへ]$", before) \
        and not HOLD_VERB.search(after) and "。" not in after


def _phrase_line(ctx: DocContext, line: Line) -> tuple[str, int, int, int] | None:
    start = line.start + len(line.text) - len(line.text.lstrip())
    first = re.match(r"\S+(?=[ \u3000])", ctx.text[start:line.end])
    if first and first.group().endswith(meetings.vocabulary()["meeting_words"]):
        start += first.end() + 1  # 長野全国大会 未来への風…: the meeting's short name first
    value = ctx.text[start:line.end].strip()
    if not (4 <= len(value) <= 60) or not _KANA.search(value) or re.search(r"[。:：]|第\s?[0-9一二三四五六七八九十]+\s?回", value):
        return None
    if ctx.dates_in(start, line.end) or meetings.names_in(value, 0, len(value)) or key_value(line, THEME_KEYS):
        return None
    if HOLD_VERB.search(value) or key_value(line, DATE_KEYS + PLACE_KEYS) or re.match(r"[【\[［〔][^】\]］〕]{1,8}[】\]］〕]", value):
        return None  # 【会場】青葉会館(…), 会場 青葉会館: a key line of the page, no subtitle
    if value.strip("〜~-―－ ").endswith(meetings.vocabulary()["page_words"]):
        return None  # 〜実行委員会からメッセージ〜: a part of the page, not the meeting's theme
    quoted = re.match(r"[「『][^」』]*[」』]", value)
    if quoted and quoted.end() < len(value):
        return None  # 「…」会頭の言葉に会場沸く: a news headline quoting someone
    if _HEADCOUNT.search(value):
        return None  # 300団体から2,000名が出席: a report's lede, not a theme
    if _REPORT_END.search(value):
        return None  # …が引き継がれました!: a report's sentence, not a slogan
    if _WRAPPED_END.search(value):
        return None  # …討議との: a sentence wrapped onto the next line, not a phrase
    if ends_with_office(value) or value.endswith("氏"):
        return None  # …であいさつする青葉会の山田会長: a photo's caption naming a person
    if value.startswith(_CAPTION_MARKS) or value.endswith("様子"):
        return None  # ↑初日の分科会, 全体会の様子: a photo's caption
    framed = _FRAMED.fullmatch(value)
    if framed:  # 〜水と緑のまちづくり〜: the subtitle inside its dashes or waves
        start += framed.start(1)
        value = framed.group(1)
    return value, line.start, line.end, start


# 昨年は…で開かれ, 前回は…で開催: a sentence whose topic is the last meeting, whose venue is that one's
_LAST_MEETING = re.compile(r"(?:昨年|前年|前回)度?は")


def _about_last(ctx: DocContext, offset: int) -> bool:
    """Whether the sentence at `offset` has the last meeting for its topic (昨年は…で開かれ)."""
    s, e = ctx.sentence(offset)
    return bool(_LAST_MEETING.search(ctx.text, s, e))


def _about_next(ctx: DocContext, offset: int) -> bool:
    """Whether the sentence at `offset` speaks of the next meeting (次回は…, 来年は…)."""
    s, e = ctx.sentence(offset)
    return bool(_NEXT_MEETING.search(ctx.text, s, e))


def meeting_place(ctx: DocContext, edition: int | None = None) -> tuple[str, int, int] | None:
    """A 会場/開催地 key's municipality, else the first venue clause of the page's opening that
    is not about the next meeting (次回, 次期, 来年), the last one (昨年は…で開かれ) nor another edition."""
    for vs, ve in key_blocks(ctx, PLACE_KEYS):
        places = find_municipalities(ctx.text[vs:ve])
        cities = [p for p in places if p[2].endswith(MUNICIPALITY_SUFFIX)]
        if cities or places:
            s, e, name = (cities or places)[0]
            return name, vs + s, vs + e
    for vs, ve in key_blocks(ctx, PLACE_KEYS):  # 開催地:松本, 会場:くしろ文化ホール: placed by the gazetteer
        named = _key_place_word(ctx, vs, ve)
        if named:
            return named
    for vs, ve in key_blocks(ctx, PLACE_KEYS):  # 会場 リリアホール / (埼玉県川口市川口3-1-1): its address below
        found = _address_below(ctx, ve)
        if found:
            return found
    for vs, ve in key_blocks(ctx, CITY_KEYS):  # 開催都市 中国・瀋陽市: a city abroad, no gazetteer's
        m = _CITY_ABROAD.search(ctx.text, vs, ve)
        if m:
            return m.group(1), m.start(1), m.end(1)
    for line in [ln for ln in ctx.lines if ln.body][:_HEADING_LINES]:  # 2017年2月23日〜25日 京都府京都市
        dates = ctx.dates_in(line.start, line.end)
        if not dates or "。" in line.text:
            continue
        rest = re.match(r"[\s()（）月火水木金土日祝・]*", ctx.text[dates[-1].end:line.end]).end() + dates[-1].end
        places = find_municipalities(ctx.text[rest:line.end])
        if places and places[0][0] == 0:
            cities = [p for p in places if p[2].endswith(MUNICIPALITY_SUFFIX)]
            s, e, name = (cities or places)[0]
            return name, rest + s, rest + e
    pos, end = 0, min(len(ctx.text), 800)
    while pos < end:  # sentence by sentence: one about the next meeting (次回は…で開かれます) is not this one's
        s, e = ctx.sentence(pos)
        if not _about_next(ctx, s) and not _about_last(ctx, s) and not other_edition(ctx, s, edition):
            found = venue(ctx, s, min(e, end))
            if found:
                return found
        pos = max(e, pos + 1)
    return _holding_body(ctx, edition, end)


# 「開催市の青葉市」, 「開催地である青葉町」: the host named by its role
# (開催市を代表して青葉市長が歓迎のあいさつ: the mayor of the host city, speaking as its host)
_HOST_ROLE = re.compile(r"開催(?:市|地|都市|町|村|自治体)\s?(?:の|である|となった|、|を代表して[、,]?)\s?")
# the meeting held (active voice): 「…サミットを開催した」, 「…を開きました」
_HELD = re.compile(r"を\s?(?:開催|開い|開き|開く|開け)")
_SUBJECT_AFTER = re.compile(r"\s?(?:は|が)(?!\s?(?:参加|出席|加盟))")


def _holding_body(ctx: DocContext, edition: int | None, end: int) -> tuple[str, int, int] | None:
    """Where no venue is written, the municipality that held the meeting, read from the page's
    opening sentences about it (not the next meeting's, not another edition's): named by its role
    (開催市の青葉市); the subject of 「…を開催した」 (青葉市は…第5回…サミットを開催した); the
    municipality of a 主催 key; else the page's own municipality (its publisher) for a sentence
    with no subject that says it held the meeting (第5回…サミットを開催しました on a city's page)."""
    text = ctx.text
    for m in _HOST_ROLE.finditer(text, 0, end):
        if _about_next(ctx, m.start()) or other_edition(ctx, m.start(), edition):
            continue  # 次の開催地の青葉市: the next meeting's
        places = find_municipalities(text[m.end():m.end() + 14])
        if places and places[0][0] == 0 and places[0][2].endswith(MUNICIPALITY_SUFFIX):
            return places[0][2], m.end(), m.end() + places[0][1]
    pos, unsaid = 0, None
    while pos < end:
        s, e = ctx.sentence(pos)
        pos = max(e, pos + 1)
        if _about_next(ctx, s) or other_edition(ctx, s, edition):
            continue
        held = _HELD.search(text, s, e)
        if not held or not meetings.names_in(text, s, held.start()):
            continue
        subjects = [p for p in find_municipalities(text[s:held.start()]) if not ctx.in_quotes(s + p[0])
                    and _SUBJECT_AFTER.match(text, s + p[1]) and p[2].endswith(MUNICIPALITY_SUFFIX)]
        if subjects:  # (the first: 「青葉市は、東西町と共に…」 names the holder first)
            name, a, b = subjects[0][2], s + subjects[0][0], s + subjects[0][1]
            return name, a, b
        if unsaid is None and not re.search(r"[はが](?![^、]*[をにでの])", text[s:held.start()]):
            unsaid = (held.start() + 1, held.end())  # 「第5回…サミットを開催しました」: no subject written
    for vs, ve in key_blocks(ctx, ("主催", "主 催")):
        places = find_municipalities(text[vs:ve])
        if places and places[0][0] == 0 and places[0][2].endswith(MUNICIPALITY_SUFFIX) and \
                not re.match(r"[、・,]|\s?(?:ほか|他|等)", text[vs + places[0][1]:ve]):
            return places[0][2], vs, vs + places[0][1]  # (主催:青葉市 alone: not one of several)
    if unsaid is not None:
        body = publisher(ctx.doc.title, text)
        if body and is_municipality(body) and body.endswith(MUNICIPALITY_SUFFIX):
            return body, unsaid[0], unsaid[1]  # (the page's publisher: the span is the verb that says it held it)
    return None


def page_declaration(ctx: DocContext) -> tuple[str, int, int] | None:
    """The declaration a one-meeting page adopts: quoted or with an adoption verb, else a heading
    line that is a declaration's name (総会宣言, 青葉サミット 共同宣言)."""
    found = meetings.declarations(ctx.text, 0, len(ctx.text))
    if found:
        return found[0].text, found[0].start, found[0].end
    for line in ctx.lines:
        m = _DECLARATION_LINE.match(line.text)
        if m:
            start = line.start + m.start("d")
            end = line.start + m.end("d")
            # 第9回青葉サミット根室宣言 (the space dropped): the name after the meeting's
            ends = [e for e in meetings.meeting_word_ends(ctx.text, start, end) if e < end - 2]
            if ends and _EDITION_AT.match(ctx.text, start):
                start = ends[-1]
            if meetings.counted_declaration(ctx.text, ctx.text[start:end]):
                continue  # (…に関する3つの共同アピール, then a heading 共同アピール: one of several)
            return ctx.text[start:end], start, end
    return None


_TOLD_EDITION = re.compile(r"目?\s?(?:は|が|も|では)")


def _head(ctx: DocContext, drafts: list[dict]) -> dict | None:
    title = (ctx.doc.title or "").replace(" ", "")
    titled = [d for d in drafts if d["edition"] is not None and f"第{d['edition']}回" in title]
    if titled:  # of two the title numbers, the one whose sentence says where it was held
        return max(titled, key=lambda d: d["confidence"])
    editions = {(d["series"], d["edition"]) for d in drafts}
    if len({d["series"] for d in drafts}) > 1:
        return None  # a page about several series (an encyclopedia's list) is about no one meeting
    # (第2回は…で行われ, an edition with no name, the topic of its sentence, on a page of several: a past one
    # it tells of, not the meeting the page opens with; 第30回という節目に…を開催する is that meeting)
    told = [d for d in drafts if len(editions) == 1 or d["evidence"][0][2] != "summit-unnamed-edition"
            or not _TOLD_EDITION.match(ctx.text, d["evidence"][0][1])]
    if not told:
        return None
    first = min(told, key=lambda d: d["evidence"][0][0])
    if len(editions) == 1 or first["evidence"][0][0] < _OPENING:
        return first  # the meeting the page opens with
    return None


def _in_stated_year(ctx: DocContext, head: dict, d: DateMention) -> bool:
    """Whether a date found on the page agrees with the year the meeting's own sentence states
    (令和7年度の第36回…: a day of 2024 is not its day); true when the sentence states none."""
    at = head["evidence"][0][0]
    s, _ = ctx.sentence(at)
    years = [y for y in ctx.dates_in(s, at) if y.precision == "year" and y.start_date]
    if not years:
        return True
    y = years[-1]
    first = int(y.start_date[:4])
    if y.fiscal_year:  # April of the year to March of the next
        return f"{first}-04" <= d.start_date[:7] <= f"{first + 1}-03"
    return d.start_date.startswith(str(first))


def single_meeting_details(ctx: DocContext, drafts: list[dict], series_host, series_day=None) -> None:
    """A page about one meeting: its date, theme, host and declaration lines belong to it.
    `series_host(ctx, series, edition)` gives a host written after the series name on the page;
    `series_day(ctx, series)` a bare day (24日の…は青葉サミット) of a sentence naming the series,
    dated by the page's own date."""
    if not drafts or any(d["evidence"][0][2] == "summit-row" for d in drafts):
        return
    head = _head(ctx, drafts)
    if head is None:
        return
    text = ctx.text
    ev = head["evidence"]
    if head["start_date"] is None:
        year = head.get("_year")
        d = meeting_date(ctx, head["edition"], int(year[0]) if year else None)
        if d and _in_stated_year(ctx, head, d):
            head["start_date"], head["end_date"] = d.start_date, d.end_date
            ev.append((d.start, d.end, "date"))
            ev += [date_span(d, "date", f) for f in ("start_date", "end_date")]
    if head["start_date"] and head["end_date"] == head["start_date"]:
        # 日時:5月22日(金)13:30~ / 23日(土)9:00~: the key's value goes on with the meeting's second day below
        year = head.get("_year")
        for vs, ve in key_blocks(ctx, DATE_KEYS):
            dates = _key_dates(ctx, vs, ve, int(year[0]) if year else None)
            if dates and dates[0].start_date == head["start_date"]:
                last = _next_day_below(ctx, dates[0], ve, (head["series"] or "").replace(" ", ""))
                if last:
                    head["end_date"] = last.value
                    head["evidence"] = [sp for sp in ev if not (isinstance(sp, Span) and sp.field == "end_date")] + [last]
                    ev = head["evidence"]
                break
    if head["start_date"] is None and series_day is not None and head["series"]:
        d = series_day(ctx, head["series"])
        if d:
            head["start_date"], head["end_date"] = d.start_date, d.end_date
            ev.append((d.start, d.end, "date"))
            ev += [date_span(d, "date", f) for f in ("start_date", "end_date")]
    if head["start_date"] is None and ctx.doc_date and len(ctx.doc_date.date) == 10:
        today = _today(ctx)
        if today is not None:  # 本日、…で大会が開かれ: the day the page dates itself by
            day = ctx.doc_date.date
            head["start_date"] = head["end_date"] = day
            ev.append((today, today + 2, "summit-today"))
            ev += [field_span(today, today + 2, "summit-today", f, day, how=DATE_OF_DOCUMENT) for f in ("start_date", "end_date")]
    if head["start_date"] is None and ctx.year:
        this_year = _this_year(ctx)
        if this_year is not None:  # 今年は…で開かれます: the year the page dates itself by
            head["start_date"] = head["end_date"] = str(ctx.year)
            ev.append((this_year, this_year + 2, "summit-this-year"))
            ev += [field_span(this_year, this_year + 2, "summit-this-year", f, str(ctx.year), how=YEAR_FROM_DOCUMENT)
                   for f in ("start_date", "end_date")]
    if head["theme"] is None:
        theme = meeting_theme(ctx, head["series"])
        if theme:
            head["theme"] = theme[0]
            rule = "summit-subtitle" if theme[4] else "summit-theme"
            ev.append((theme[1], theme[2], rule))
            ev.append(field_span(theme[3], theme[3] + len(theme[0]), rule, "theme", theme[0]))
    _page_host(ctx, head, series_host)
    if head["declaration"] is None:
        decl = page_declaration(ctx)
        if decl and not other_edition(ctx, decl[1], head["edition"]):  # (第1回が…、…宣言を行った: that one's)
            head["declaration"] = decl[0]
            ev.append(field_span(decl[1], decl[2], "summit-declaration", "declaration", decl[0]))


# an official of the page's body (or the body itself) attending: 市長が…に出席し, 本市も参加しました
_ATTENDING = re.compile(r"(?:市長|町長|村長|区長|知事|議長|本市|当市|本町|当町|本村|本区|本県|当県)"
                        r"[^。\n]{0,60}?(?:出席|参加|出向|訪問)")


def _attended(ctx: DocContext, head: dict) -> bool:
    """Whether the page reports its body attending the meeting (its mayor took part in it), in the
    meeting's sentence or the page title: the body that publishes such a page is a guest, no host."""
    s, e = ctx.sentence(head["evidence"][0][0])
    title = ctx.doc.title or ""
    return bool(_ATTENDING.search(ctx.text, s, e) or _ATTENDING.search(title) or re.search(r"に(?:出席|参加)", title))


def _is_city(host: str | None) -> bool:
    return bool(host) and is_municipality(host) and host.endswith(MUNICIPALITY_SUFFIX)


def prefecture_named(host: str | None, written: str | None) -> str | None:
    """The prefecture a host names as well, when it was read from a prefecture's bare name made a city
    (青森 -> 青森市, its seat, in 〈青森大会〉): 青森県; a place the page writes in full names none. Such a
    host yields, as the prefecture would, to a city of that prefecture the page holds the meeting in."""
    if not host or not written or written == host:
        return None
    return next((written + e for e in PREFECTURE_SUFFIX if prefecture_seats().get(written + e) == host), None)


def _host_written(ctx: DocContext, draft: dict) -> str | None:
    return next((ctx.text[sp.start:sp.end] for sp in draft["evidence"] if isinstance(sp, Span) and sp.field == "host"), None)


def _page_host(ctx: DocContext, head: dict, series_host) -> None:
    """The head meeting's host when its own sentence gave none (or only a prefecture)."""
    if head["host"] is not None and any(isinstance(sp, Span) and sp.field == "host" and sp.rule == "summit-venue"
                                        for sp in head["evidence"]) and _is_city(head["host"]):
        return
    found: Span | None = series_host(ctx, head["series"], head["edition"]) if head["series"] else None
    named = found and (prefecture_named(found.value, ctx.text[found.start:found.end]) or
                       (found.value if found.value.endswith(PREFECTURE_SUFFIX) else None))
    place = meeting_place(ctx, head["edition"]) if found is None or named else None
    if place and (found is None or (place[0].endswith(MUNICIPALITY_SUFFIX) and prefecture_of(place[0]) == named)):
        found = venue_span(ctx, place)  # (群馬大会) names the prefecture; 前橋市を会場に names the city in it
    named_by_host = prefecture_named(head["host"], _host_written(ctx, head))
    yields = found is not None and named_by_host is not None and named_by_host == prefecture_of(found.value)
    if found is not None and (head["host"] is None or not _is_city(head["host"]) or yields):
        head["host"] = found.value
        head["evidence"].append(found)
    if head["host"] is not None:
        return
    text = ctx.text
    m = next((m for m in _PLACE_AT.finditer(text) if not _about_next(ctx, m.start()) and not _about_last(ctx, m.start())), None)
    # (the run before the mark may start early: 2月に品川区にて, 大会が兵庫県神戸市で開催: the place is
    # the municipality that ends right at the mark)
    at = [p for p in find_municipalities(m.group(1)) if p[1] == len(m.group(1))] if m else []
    if at:
        ps, pe, name = at[-1]
        head["host"] = name
        head["evidence"].append(field_span(m.start(1) + ps, m.start(1) + pe, "summit-place-at", "host", name))
    elif ctx.owner and not _attended(ctx, head):
        head["host"] = ctx.owner
        at = text.find(ctx.owner)
        s, e = (at, at + len(ctx.owner)) if at >= 0 else head["evidence"][0][:2]
        head["evidence"].append(field_span(s, e, "summit-page-owner", "host", ctx.owner, how="page owner"))
    else:  # 11/15・16 群馬県で…全国大会が開催: the first place of the opening where something is done
        for ps, pe, name in find_municipalities(text[:_OPENING]):
            if text.startswith("で", pe) and not text.startswith("では", pe) and not ctx.in_quotes(ps) \
                    and not _about_next(ctx, ps) and not _about_last(ctx, ps) and not other_edition(ctx, ps, head["edition"]):
                head["host"] = name
                head["evidence"].append(field_span(ps, pe, "summit-place-de", "host", name))
                break
