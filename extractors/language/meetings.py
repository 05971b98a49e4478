"""Meetings of a numbered series in plain text: names, counted editions, themes, declarations.

Takes normalised text and gives spans read with the vocabulary of `data/meetings.json` (the
words a meeting's name ends on, the cue words of themes and declarations); no tokenizer, so
that a name is read the same on any line, selected by the prefilter or not:

- `name_after(text, pos)`: the series name written after 第N回: up to the first meeting word
  that ends a word (サミット, 大会, 総会, 会議, 集会, 交流会…; not the 会議 of 会議所), across の
  and a quoted part, never across a comma, a bracket or a case particle;
- `names_in(text, lo, hi)`: the meeting names in a stretch (a title, a sentence), each read
  back from its meeting word to a quote or a word boundary (a leading year such as 平成23年度
  is no part of it);
- `is_bare(name)`, `is_committee(name)`: a meeting word alone (大会), a committee's meeting
  (…推進会議) or a meeting of states (G7サミット); `numbered_only(name)`: a seminar, a series
  only where an edition is written (第57回…セミナー), never by its year or as a first;
- `counted_editions(text)`: editions written as counts (今年で9回目, 今回が8回目, 8回目となる
  今大会, 第8回となる今回, 〇〇での開催は5回目), never a count at one place (…では3回目,
  10年ぶり3回目);
- `themes(text, lo, hi)`: 「…」をテーマに, 「…」をスローガンに, キャッチフレーズ「…」, 「…」
  と題して, never a talk's title (…をテーマに講演; but …を大会テーマに講演 is the meeting's);
  an unquoted one only as a copula's complement (メインテーマは、…でした。), or one whose opening
  quote the page never closes (「…をテーマに, with no 」 before the next 「 or the sentence's end);
- `declarations(text, lo, hi)`: 「…宣言」/「…アピール」 in quotes, or an unquoted …宣言 with an
  adoption verb (大会宣言を採択, 共同宣言の採択, 行動宣言としてまとめ).
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from extractors.language.gazetteer import find_municipalities, is_municipality
from extractors.language.org_names import ends_in_kind_word
from extractors.language.readings import places_read_as

MEETINGS_FILE = Path(__file__).parent / "data" / "meetings.json"
_NUM = r"(?:[0-9]+|[一二三四五六七八九十百]+)"
_NAME_LIMIT = 48  # a series name is at most this long after 第N回
# Inside a name after 第N回: no space, punctuation, bracket or case particle (と/や/も/の are in names:
# ものづくり, まちと産業, 中小企業のまち).
_STOP_AFTER = set(" \t\n、。,，()（）「」『』はがをでにへ")
_WORD_CHAR = re.compile(r"[\u4e00-\u9fff々〆ヶ\u30a1-\u30faー]")
# Read back from a meeting word: kanji, katakana, Latin letters, digits, ・ and 〈〉 or <> (ジャパン〈漆〉サミット).
_NAME_CHAR = re.compile(r"[\u4e00-\u9fff々〆ヶ\u30a1-\u30faーA-Za-z0-9・〈〉<>]")
_LEADING_YEAR = re.compile(r"(?:明治|大正|昭和|平成|令和)?(?:(?:19|20)[0-9]{2}|[0-9]{1,2}|元)?(?:年度|年)")
_LEADING_MONTH = re.compile(r"(?:[0-9]{1,2}|[一二三四五六七八九十]{1,2})月(?![日間])")  # 7月全国知事会議: the month it meets
_ASSEMBLY = re.compile(r"(?<![協審])議会")  # 青葉市議会定例会: an assembly's session
_EDITION_MARK = re.compile(rf"第\s?{_NUM}\s?回目?")


class Found(NamedTuple):
    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, tuple[str, ...]]:
    data = json.loads(MEETINGS_FILE.read_text(encoding="utf-8"))
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in data.items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def _meeting_word() -> re.Pattern:
    # (a word ending in 会 is not read inside …会議: 全国市長会議 ends on 会議, not on 市長会)
    return re.compile("|".join(re.escape(w) + ("(?!議)" if w.endswith("会") else "") for w in vocabulary()["meeting_words"]))


def _ends_word(text: str, end: int) -> bool:
    """A meeting word ends a word here: no kanji or katakana follows, or one of the words that may
    follow a meeting's name (大会宣言, サミット開催) does (会議所, 大会旗 are longer words)."""
    nxt = text[end:end + 1]
    return not _WORD_CHAR.match(nxt) or text.startswith(vocabulary()["after_words"], end)


def meeting_word_ends(text: str, lo: int, hi: int) -> list[int]:
    """Where the meeting words of text[lo:hi] end, whatever follows them (サミット of
    サミット根室宣言, a name run on by a reader that dropped the space)."""
    return [m.end() for m in _meeting_word().finditer(text, lo, hi)]


def is_bare(name: str) -> bool:
    return name.strip("「」『』 ") in vocabulary()["bare"]


def numbered_only(name: str) -> bool:
    """A name ending on a meeting word that names a series only with an edition (data's
    numbered_only: 青葉経営セミナー2024, 初の青葉セミナー are one-off events)."""
    return name.strip("「」『』 ").endswith(vocabulary()["numbered_only"])


def is_nickname(name: str) -> bool:
    """A place's short name + a bare meeting word (前橋大会, 石川全国大会, 広島大会): what one
    meeting of a series is called after its venue, not a series."""
    name = name.strip("「」『』〈〉<> ")
    for word in vocabulary()["bare"]:
        place = name[:-len(word)]
        if name.endswith(word) and 2 <= len(place) <= 4 and \
                (is_municipality(place) or any(is_municipality(place + e) for e in "市町村県府都道")):
            return True
    return False


# An edition's own name after the series' name (第12回全国大会 北の杜はちのへ大会, 第9回全国大会北陸とやま大会,
# …連合会総会 もりおか大会): a run ending on a place, in kanji or in kana, and 大会 or 総会.
_EDITION_NAME = re.compile(r"[ \u3000]?([^\s「」『』。、,()（）〈〉<>]{2,20}?)(?:大会|総会)")
_PLACE_TAIL = re.compile(r"(?:[\u4e00-\u9fff々ヶ]{2,4}|(?<![\u3041-\u3096])[\u3041-\u3096]{3,6})$")


def _place_word(word: str) -> bool:
    """A place's name as a nickname writes it: whole (つくば), short (八戸), or in kana (はちのへ)."""
    return is_municipality(word) or any(is_municipality(word + e) for e in "市町村県府都道") or bool(places_read_as(word))


def edition_name(text: str, pos: int) -> tuple[Found, Found] | None:
    """The edition's own name written at `pos` (after a series name), ending on a place: (the name,
    the place), the place the longest tail of the name's last kanji or kana run that names one."""
    m = _EDITION_NAME.match(text, pos)
    if not m or not _ends_word(text, m.end()):
        return None
    run = _PLACE_TAIL.search(m.group(1))
    if not run:
        return None
    tail = run.group()  # (a kana place is the whole run: はちのへ, never the end of a longer word)
    for n in range(len(tail), 1 if _WORD_CHAR.match(tail) else len(tail) - 1, -1):
        if _place_word(tail[-n:]):
            end = m.end(1)
            return Found(m.start(1), m.end(), text[m.start(1):m.end()]), Found(end - n, end, tail[-n:])
    return None


def without_nickname(name: str) -> str:
    """A series name with the meeting's nickname run on after it (全国椿サミット五島大会 ->
    全国椿サミット; …商店街サミット福島大会): the name up to its own meeting word. A name that is
    only a nickname, or one whose tail is no place (…サミット記念大会), stays whole."""
    for end in sorted(meeting_word_ends(name, 0, len(name) - 1), reverse=True):
        head, tail = name[:end], name[end:].lstrip(" ")
        if tail and is_nickname(tail) and not is_bare(head.strip("「」『』 ")):
            return head.rstrip(" ")
    return name


def _assemblies_summit(name: str) -> bool:
    """全国コンパクトタウン議会サミット, 全国町村議会議長サミット: a サミット of many bodies' assemblies (no one
    municipality's 議会 named in it: 青葉市議会サミット is that assembly's own event)."""
    if not name.endswith("サミット"):
        return False
    return not any(name.startswith("議会", e) for _, e, _ in find_municipalities(name))


def _members_liaison(name: str) -> bool:
    """北海道・東北商工会議所連絡会議, 県町村長連絡会議: a liaison meeting of the bodies it names (member
    bodies of data's member_bodies right before 連絡会議), not a committee's working meeting."""
    return name.endswith("連絡会議") and name[:-len("連絡会議")].endswith(vocabulary()["member_bodies"])


def _body_at_start(part: str) -> bool:
    """A municipality or a body named by a kind word (…大学, …協議会: org data) opens `part`."""
    places = find_municipalities(part)
    return bool(places) and places[0][0] == 0 or any(ends_in_kind_word(part[:n]) for n in range(3, min(len(part), 16) + 1))


def _bodies_gathering(name: str) -> bool:
    """宮崎県・宮崎大学連携推進会議, 中国地域発展推進会議: a meeting named after two bodies joined by ・, or
    after a region of several prefectures (data's regions + 地域/地方/圏), is a gathering of those bodies,
    not one body's working committee."""
    head, point, rest = name.partition("・")
    if point and (is_municipality(head) or ends_in_kind_word(head)) and _body_at_start(rest):
        return True
    return any(name.startswith((r + "地域", r + "地方", r + "圏")) for r in vocabulary()["regions"])


def is_committee(name: str) -> bool:
    """A committee's or council's working meeting (…推進会議, a city's own 青葉市産業振興会議), an
    assembly's session (青葉市議会定例会), or a meeting of states (G7サミット): no summit in the
    sense of the contract (a series of municipalities or support bodies)."""
    v = vocabulary()
    gathering = _members_liaison(name) or _bodies_gathering(name)
    if name.endswith(v["not_summit_ends"]) or name.endswith(v["committee_ends"]) and not gathering \
            or any(w in name for w in v["state_level"]) or (_ASSEMBLY.search(name) and not _assemblies_summit(name)):
        return True
    if gathering:
        return False
    if name.endswith("連絡会"):  # 青葉市地域包括ケア連絡会: one municipality's own liaison council
        places = find_municipalities(name)
        return bool(places) and places[0][0] == 0
    if name.endswith("会議") and not name.endswith(v["gathering_councils"]):
        places = find_municipalities(name)  # 青葉市産業振興会議: one municipality's own council
        return bool(places) and places[0][0] == 0
    return False


# 第19回となる青葉サミット, 10回目の開催となる「青葉サミット」: the count's verb (its holding counted), then the name
_COUNT_VERB = re.compile(r"(?:開催\s?)?(?:となる|となった|を迎える|を迎えた)(?=[^今本当同次])")


def _place_at(text: str, pos: int) -> bool:
    """A municipality's name starts at text[pos] (第24回目黒区…: the 目 of 目黒区, no count's 回目)."""
    return any(s == 0 for s, _, _ in find_municipalities(text[pos:pos + 8]))


def _mark_end(text: str, m: re.Match) -> int:
    """Where an edition mark (`_EDITION_MARK`) ends: before a 目 that starts a place's name."""
    return m.end() - 1 if m.group().endswith("目") and _place_at(text, m.end() - 1) else m.end()


def name_after(text: str, pos: int) -> Found | None:
    """The series name written at `pos` (right after 第N回; 第N回目の too), or None."""
    i = pos
    if text.startswith("目", i) and not _place_at(text, i):
        i += 2 if text.startswith("目の", i) else 1
    count = _COUNT_VERB.match(text, i)  # 第19回となる青葉サミット: the count's verb, then the name
    if count:
        i = count.end()
    if text[i:i + 1] in (" ", "\u3000", "・"):  # (第1回・青葉フェア: a point after the mark)
        i += 1
    start = i
    bare = next((w for w in vocabulary()["bare"] if text.startswith(w, start)), None)
    if bare and edition_name(text, start + len(bare)):  # 第12回全国大会 北の杜はちのへ大会: the bare word
        return Found(start, start + len(bare), bare)
    quoted = re.match(r"[「『][^「」『』\s]{1,15}[」』]", text[i:i + 18])
    if quoted:
        i += quoted.end()
    stop = i
    inner: list[tuple[int, int]] = []  # quoted words inside the name
    limit = min(len(text), start + _NAME_LIMIT)
    for _ in range(2):  # a heading may part the body's name from its meeting (…連合会 長野全国大会)
        while stop < limit:
            if text[stop] in "「『" and stop > start:  # 全国「道の駅」サミット: a quoted word inside the name
                close = re.match(r"[「『][^「」『』\s。、]{1,15}[」』]", text[stop:stop + 18])
                if close:
                    inner.append((stop, stop + close.end()))
                    stop += close.end()
                    continue
            if text[stop] in _STOP_AFTER:
                break
            stop += 1
        for m in _meeting_word().finditer(text, i, stop):
            if _ends_word(text, m.end()) and not any(qs < m.start() < qe for qs, qe in inner):
                return _own_name(text, start, _spaced_bare_word(text, m.end()))
        if text[stop:stop + 1] != " " or stop == start:
            break
        i = stop = stop + 1
    # a quoted name with its meeting word inside the quotes (第1回「地域循環サミット」)
    if quoted and _meeting_word().search(quoted.group()[1:-1] + "\n") and \
            quoted.group()[1:-1].endswith(vocabulary()["meeting_words"]):
        return Found(start + 1, start + quoted.end() - 1, quoted.group()[1:-1])
    return None


# (標記会議: the meeting the page's title names; この異業種フォーラム: a meeting named before, by a short name)
_SELF = ("標記", "表記", "上記", "前記", "同", "本", "当", "今", "この", "その", "あの")
_SPACED_BARE = ("全国大会", "総会", "定時総会", "通常総会")


def _spaced_bare_word(text: str, end: int) -> int:
    """A heading's name that ends on a meeting word and goes on, after a space, with a bare one
    (…国民会議 全国大会: the 全国大会 of the 国民会議) ends after it; else `end`."""
    if text[end:end + 1] not in (" ", "\u3000"):
        return end
    for word in _SPACED_BARE:
        stop = end + 1 + len(word)
        if text.startswith(word, end + 1) and (stop >= len(text) or text[stop] in _STOP_AFTER or text[stop] in "\r"):
            return stop
    return end


# 16回目となる来年のサミット, 第3回の今年の大会: a time word and の before the name say when that
# meeting is, no part of its name
_WHEN = re.compile(r"(?:来年|今年|本年|昨年|前年|翌年|一昨年|再来年|次年)度?の|(?:次回|前回|今回)の")


def _own_name(text: str, start: int, end: int) -> Found | None:
    """The name text[start:end] after an edition: 第2回の本大会 / 第3回同サミット name the page's
    meeting by its bare word (大会, サミット); any other 同…/本… is none; a time word before it
    (来年のサミット) is no part of it."""
    if text.startswith("の", start):
        start += 1
    when = _WHEN.match(text, start, end)
    if when:
        start = when.end()
    name = text[start:end]
    if not name or name.startswith(("と", "を", "という")):
        return None  # 第42回目となる本大会: a count's verb, no name
    if name.startswith(_SELF):  # (本会議 is an assembly's sitting, one word)
        n = len(next(w for w in _SELF if name.startswith(w)))
        own = is_bare(name[n:]) and name not in vocabulary()["assembly_cues"]
        return Found(start + n, end, name[n:]) if own else None
    return Found(start, end, name)


_INNER_QUOTE = re.compile(r"(?:「[^「」『』“”\s、。]{1,12}」|『[^「」『』“”\s、。]{1,12}』|“[^「」『』“”\s、。]{1,12}”)$")


def _name_back(text: str, lo: int, word_start: int, end: int) -> Found | None:
    """The name ending at `end` (its meeting word at word_start): from an open quote holding it,
    else back over name characters; a leading year (平成23年度, 2019年) dropped."""
    open_q = max(text.rfind("「", lo, word_start), text.rfind("『", lo, word_start))
    close_q = max(text.rfind("」", lo, word_start), text.rfind("』", lo, word_start))
    if open_q > close_q and word_start - open_q <= _NAME_LIMIT:
        start = open_q + 1
    else:
        start = word_start
        while word_start - start < _NAME_LIMIT:
            quoted = _INNER_QUOTE.search(text, max(lo, start - 14), start)
            if quoted and quoted.start() > lo and _NAME_CHAR.match(text[quoted.start() - 1]):
                start = quoted.start()  # 全道経営者“共育”研究集会: a word quoted inside the name, as name_after reads it
            elif start > lo and _NAME_CHAR.match(text[start - 1]):
                start -= 1
            else:
                break
        start = _kana_word_back(text, lo, start, word_start)
    start = trim_start(text, start, word_start)
    # 全国大会〈高岡大会〉: a bracketed nickname after the meeting's name is a name of its own
    inner = max(text.rfind("〈", start, word_start), text.rfind("<", start, word_start))
    if inner > start and _meeting_word().search(text[start:inner]) and \
            text[start:inner].endswith(vocabulary()["meeting_words"]):
        start = inner + 1
    name = text[start:end]
    return Found(start, end, name) if name else None


_KANA_RUN = re.compile(r"[\u3041-\u3096]{3,}")


def _kana_word_back(text: str, lo: int, start: int, word_start: int) -> int:
    """A name read back to a word in hiragana (全国ものづくり都市会議 read back from 会議 stops at
    り): taken whole only where the name is all its line holds before it (a heading), each hiragana
    run of three or more (ものづくり, まちと), no particle (は, が, を, で, に, へ) among them."""
    if start <= lo or not re.match(r"[\u3041-\u3096]", text[start - 1]):
        return start
    ls = max(lo, text.rfind("\n", 0, start) + 1)
    head = text[ls:start]
    if not head or word_start - ls > _NAME_LIMIT or any(c in _STOP_AFTER for c in head):
        return start
    rest = _KANA_RUN.sub("", head)
    if rest and not all(_NAME_CHAR.match(c) for c in rest):
        return start
    if re.search(r"(?<![\u3041-\u3096])[\u3041-\u3096]{1,2}(?![\u3041-\u3096])", head):
        return start  # a short run of hiragana: a particle (燕市の都市会議)
    return ls


def trim_start(text: str, start: int, word_start: int) -> int:
    """Where a name read back to `start` really starts: after an edition mark (令和3年第2回定例会),
    a leading year (平成23年度全国…大会) and month (7月全国知事会議), never past its meeting word at
    `word_start`."""
    editions = list(_EDITION_MARK.finditer(text, start, word_start))
    if editions:
        start = _mark_end(text, editions[-1])
    year = _LEADING_YEAR.match(text, start, word_start)
    if year and year.end() < word_start:
        start = year.end()
    month = _LEADING_MONTH.match(text, start, word_start)
    if month and month.end() < word_start:
        start = month.end()
    while start < word_start and text[start] in "・ ":
        start += 1
    return start


def names_in(text: str, lo: int, hi: int) -> list[Found]:
    """The meeting names of text[lo:hi], in order (bare words too: 大会, 同サミット as written); an
    edition's own name after a bare word (全国大会 北の杜はちのへ大会) is no series name."""
    out = []
    own: list[tuple[int, int]] = []
    for m in _meeting_word().finditer(text, lo, hi):
        if any(s <= m.start() < e for s, e in own):
            continue
        named = edition_name(text, m.end()) if is_bare(m.group()) else None
        if named:
            own.append((named[0].start, named[0].end))
        if _ends_word(text, m.end()):
            found = _name_back(text, lo, m.start(), m.end())
            if found:
                out.append(found)
    return out


class Count(NamedTuple):
    start: int  # the whole count expression
    end: int
    number_start: int
    number_end: int
    edition: str  # the number as written


# 今年で9回目, 今回が8回目, 今大会は第5回目; 8回目となる今大会, 8回目を迎えた本大会, 第8回となる今回,
# 第41回目となる令和6年度; 青葉での開催は5回目; 今年で44回を数えます; 青葉信金の主催で6回目.
_THIS = r"(?:今回|今大会|本大会|今年度|本年度|今年|記念|(?:令和|平成)\s?(?:元|[0-9]{1,2})\s?年度?|(?:19|20)[0-9]{2}\s?年度?)"
_COUNT = re.compile(
    rf"(?:今回|今年|ことし|本年|今大会|本大会)(?:で|が|は|も)?\s?(?:第\s?)?(?P<a>{_NUM})\s?回(?:目|を数え)"
    # 青葉信用金庫の主催で6回目。: the organiser's count of its meeting
    rf"|(?:主催|共催|主管)で\s?(?:第\s?)?(?P<j>{_NUM})\s?回目(?!の(?:参加|出席|出場))"
    rf"|での開催は\s?(?:第\s?)?(?P<b>{_NUM})\s?回目"
    rf"|(?<![0-9年第])(?P<c>{_NUM})\s?回目(?:の開催)?(?:と|を)(?:なる|なった|なります|なりました|迎える|迎えた|迎えました)"
    rf"{_THIS}"
    rf"|第\s?(?P<d>{_NUM})\s?回目?(?:の開催)?(?:と|を)(?:なる|なった|なります|なりました|迎える|迎えた|迎えました)"
    rf"{_THIS}"
    # この度の青葉町が14回目: the place of this meeting counted
    rf"|(?:今回|この度|このたび)の[^、。\n「」『』]{{1,12}}?(?:が|は)\s?(?:第\s?)?(?P<e>{_NUM})\s?回目(?!の(?:参加|出席|出場))"
    # 2011年に青葉で開いたのに続き、2回目: the count after the last meeting's holding
    rf"|(?:開催し|開い|開かれ|行われ)た(?:の|こと)?に続(?:き|いて)[、,]?\s?(?:第\s?)?(?P<g>{_NUM})\s?回目(?!の(?:参加|出席|出場))"
    # 昨年に続き2回目の開催: the count after last year's (or the last) meeting
    rf"|(?:昨年|前年|去年|前回)に続(?:き|いて)[、,]?\s?(?:第\s?)?(?P<i>{_NUM})\s?回目(?!の(?:参加|出席|出場))"
    # 10回目の今回は, 5回目の今大会には: the count set before the word for this meeting
    rf"|(?<![0-9年第])(?P<h>{_NUM})\s?回目の(?:今回|今大会|本大会)(?=は|に|で|も|の|、)")
_BARE_COUNT = r"(?:は|が|も)\s?(?:第\s?)?(?P<f>{num})\s?回目(?!の(?:参加|出席|出場))"
_PLACE_COUNT = re.compile(r"では|ぶり|に続いて|に次いで")  # a count at one place (…では3回目, 10年ぶり3回目)


@lru_cache(maxsize=1)
def _bare_count() -> re.Pattern:
    """サミットは4回目, 大会は今年で…, 同フォーラムは17回目: a bare meeting word (no name before it, or
    同 before it: the one named before) counted: the series of that word named before."""
    words = "|".join(map(re.escape, sorted(vocabulary()["bare"], key=len, reverse=True)))
    return re.compile(rf"(?<![\u4e00-\u9fff々ヶ\u30a1-\u30faー・同本当今])同?(?:{words})" + _BARE_COUNT.format(num=_NUM))


def counted_editions(text: str) -> list[Count]:
    out = []
    for m in sorted((*_COUNT.finditer(text), *_bare_count().finditer(text)), key=lambda m: m.start()):
        g = next(k for k in "abcdefghij" if k in m.re.groupindex and m.group(k))
        clause = text[max(0, m.start() - 25):m.start(g)]
        clause = re.split(r"[、。\n]", clause)[-1]
        if g != "g" and _PLACE_COUNT.search(clause + text[m.start():m.start(g)]):
            continue
        if g == "g" and re.search(r"での開催(?:は|が)", text[max(0, m.start() - 40):m.start()]):
            continue  # (青葉市での開催は、…で開いたのに続いて2回目: a count at one place)
        out.append(Count(m.start(), m.end(), m.start(g), m.end(g), m.group(g)))
    return out


# Quoted text: 「…」 with 『…』 or a short 「…」 inside it allowed (「『青葉のくすり』が育んだ…」, 「まちの「顔」とは?」),
# or 『…』 (with 「…」 or “…” inside: 『“海を「(つな)ぐ」”~港から~』), “…”, or "…" in
# ASCII quotes (テーマ"…"第3回…大会が: a theme set off as in Western text).
_QUOTED = r"(?:「(?P<q1>(?:[^「」\n]|『[^』\n]*』|「[^「」\n]{1,20}」){2,80}?)」|『(?P<q2>(?:[^『』“”\n]|“[^“”『』\n]{1,40}”){2,100}?)』|“(?P<q4>[^『』“”\n]{2,80}?)”|\"(?P<q3>[^\"「」『』。\n]{2,80}?)\")"


def _quote_group(m: re.Match) -> str:
    """The group of `_QUOTED` that matched: q1 (「…」), q2 (『…』), q4 (“…”) or q3 ("…")."""
    return next(g for g in ("q1", "q2", "q4", "q3") if m.group(g))


# 「…」について考える「第4回…」, 「…」について語り合う第5回…: a quote the meeting's edition is said to be about
_ABOUT_MEETING = re.compile(rf"{_QUOTED}\s?について(?:考える|語り合う|話し合う|議論する|討議する)\s?[「『]?(?=第\s?[0-9一二三四五六七八九十])")
_NAMES_A_DECLARATION = re.compile(r"\s?[「『]|[^。\n]{0,20}?(?:宣言|アピール|決議)")  # (…と題した大会決議: a resolution's title)


@lru_cache(maxsize=1)
def _theme_patterns() -> tuple[re.Pattern, ...]:
    v = vocabulary()
    # (「手しごと」のテーマパーク, テーマソング: a longer katakana word, no cue)
    cue = "(?:" + "|".join(map(re.escape, v["theme_cues"])) + r")(?![\u30a1-\u30faー])"
    talk = "|".join(map(re.escape, v["talk_words"]))
    # (「…」などをテーマに: the first of the themes, named for them all)
    # (「…」という大会テーマのもと: the quote named as the theme)
    after = re.compile(rf"{_QUOTED}\s?(?:など|等)?\s?(?:を|の|が|という)?\s?(?P<cue>{cue})")
    # (メインテーマは、「…」 as plain's テーマは、…; メインテーマに「…」を掲げ, テーマを「…」と銘打ち: the object's particle)
    before = re.compile(rf"(?:{cue})\s?(?:は[、,]?|:|：|(?P<p>[にを]))?\s?{_QUOTED}")
    titled = re.compile(rf"{_QUOTED}\s?と題し(?:て|た)")
    # (…をテーマに特別報告, …をテーマとしたパネルディスカッション: a talk with a short modifier)
    # (…をテーマにした3分科会: sessions counted)
    # (…をテーマに、落語家の青葉太郎氏による講演, …をテーマに、…の青葉花子氏(…社長)から報告があり: a talk whose
    # speaker the clause names before the talk word)
    talk_after = re.compile(rf"\s?(?:に|で|と|として|とした|にした|とする)?\s?(?:[\u4e00-\u9fff0-9]{{0,4}}?|"
                            rf"[、,][^。「」『』\n]{{0,40}}?氏\s?(?:[(（](?:[^()（）\n]|[(（][^()（）\n]{{0,4}}[)）]){{0,30}}[)）])?\s?"
                            rf"(?:による|の|が|から|より)"
                            rf"[^。「」『』\n]{{0,6}}?)(?:{talk})")
    # メインテーマは、…でした。: an unquoted theme, the whole complement of a copula
    # (テーマは…まち。, 大会テーマ:…: a headline's noun phrase, no copula; not a clause ending on a verb)
    plain = re.compile(rf"(?:{cue})(?:は|:|：)[、\s]?(?P<u>[^「」『』。、\n:：]{{4,60}}?)"
                       rf"(?:(?:でした|です|だった|である)。|(?<![たるすいうくむぶぬだんずかし])(?:。|\n|$))")
    # 記念講演では、「…」をテーマに: the talk is the topic before the quote
    talk_before = re.compile(rf"(?:{talk})(?:では|で|は|が|も)[、,\s]?\s?$")
    # 講演会では、…氏による「…」をテーマに, 「リレートーク」では、…が登壇し「…」をテーマに: the talk is the
    # topic of the clause the quote stands in
    # (課題別実践報告では、…が「…」を、…が「…」をテーマに: the clause's other talks quoted between, each one's title)
    talk_topic = re.compile(rf"(?:{talk})会?[」』]?(?:では|は)[、,][^。\n]{{0,120}}$")
    # 「…をテーマに: a quote the page opens and never closes (no 」 before the next 「 or the
    # sentence's end), the theme up to its cue
    unclosed = re.compile(rf"「(?P<u>[^「」『』。\n]{{2,80}}?)\s?(?:を|の|が)?\s?(?P<cue>{cue})(?P<rest>[^「」。\n]*)(?=[「。\n]|$)")
    # …、海と暮らすまちづくりをテーマに、函館市で開かれた: an unquoted theme, the object of its cue from the
    # clause's comma (or the sentence's start), when the sentence goes on to the meeting's holding
    bare = re.compile(rf"(?:^|(?<=[、,。\n]))\s?(?P<u>(?:[^、,。「」『』\n]|「[^「」\n]{{1,20}}」){{3,60}}?)\s?を"
                      rf"(?P<cue>(?:メイン|大会|統一|全体)?テーマ)(?:に(?!した)|として)(?P<rest>[^。\n]{{0,60}}?)"
                      rf"(?:開催|開か|開い|行われ)")
    return after, before, titled, talk_after, plain, talk_before, unclosed, talk_topic, bare


def themes(text: str, lo: int, hi: int) -> list[Found]:
    """The meeting themes of text[lo:hi], in order: the quoted text with a theme cue before or
    after it, 「…」と題して, or 「…」について考える before the edition's name; not when a talk word
    follows (…をテーマに講演, と題して発表); else an unquoted one that completes テーマは…です; else the unquoted
    object of テーマに / メインテーマとして in a sentence that goes on to the meeting's holding."""
    after, before, titled, talk_after, plain, talk_before, unclosed, talk_topic, bare = _theme_patterns()
    out = []
    for m in _ABOUT_MEETING.finditer(text, lo, hi):  # 「20年先の北陸」について考える「第6回…会議」: what it is about
        g = _quote_group(m)
        out.append(Found(m.start(g), m.end(g), m.group(g)))
    for pattern in (after, before, titled):
        for m in pattern.finditer(text, lo, hi):
            g = _quote_group(m)
            own_cue = pattern is after and m.group("cue") not in vocabulary()["talk_cues"]  # 大会テーマ
            if pattern is not before and not own_cue and talk_after.match(text, m.end(), hi):
                continue
            if pattern is not before and not own_cue and talk_before.search(text, max(lo, m.start() - 12), m.start()):
                continue
            if pattern is not before and not own_cue and talk_topic.search(text, max(lo, m.start() - 140), m.start()):
                continue
            if pattern is after and text[m.end(g):m.start("cue")].rstrip().endswith("の") \
                    and before.match(text, m.start("cue"), hi):
                continue  # 「道研」のスローガンは「…」: the first quote names whose slogan it is, the second is it
            if pattern is before and _TALK_OWNER.search(text, max(lo, m.start() - 10), m.start()):
                continue  # 分科会のテーマは「…」: a session's theme, not the meeting's
            if pattern is before and m.group("p") and (names_in(m.group(g), 0, len(m.group(g)))
                                                       or _EDITION_MARK.search(m.group(g))
                                                       or talk_after.match(text, m.end(), hi)):
                continue  # (…をテーマに「第14回…交流会」を開催: the meeting's own name; …に「…」と題して講演: a talk's)
            if pattern is titled and _NAMES_A_DECLARATION.match(text, m.end(), min(hi, m.end() + 24)):
                continue  # 「…」と題した「青葉アピール」: the declaration's title
            out.append(Found(m.start(g), m.end(g), m.group(g)))
    if not out:
        out = [Found(m.start("u"), m.end("u"), m.group("u")) for m in unclosed.finditer(text, lo, hi)
               if not (m.group("cue") in vocabulary()["talk_cues"] and talk_after.match(text, m.start("rest"), hi))]
    if not out:
        out = [Found(m.start("u"), m.end("u"), m.group("u")) for m in plain.finditer(text, lo, hi)
               if not _TALK_OWNER.search(text, max(lo, m.start() - 10), m.start())]  # (講演のテーマは…)
    if not out:
        # (…をテーマに講演会が開かれた: a talk's; 第3回大会をテーマに: no theme is a meeting's name)
        for m in bare.finditer(text, lo, hi):
            topic = _TOPIC_BEFORE.match(m.group("u"))  # (今回はDXをテーマに: the clause's topic is no part of it)
            start = m.start("u") + (topic.end() if topic else 0)
            theme = text[start:m.end("u")]
            if theme.startswith(("「", "『")):
                continue  # (「…」をテーマとしたパネルディスカッション: a quoted theme is the cue patterns' to read or refuse)
            if len(theme) >= 2 and not talk_after.match(text, m.start("rest"), hi) and not _EDITION_MARK.search(theme) \
                    and not names_in(theme, 0, len(theme)):
                out.append(Found(start, m.end("u"), theme))
    return sorted(set(out))


_TOPIC_BEFORE = re.compile(r"[^「」『』]*?[\u4e00-\u9fff\u30a1-\u30faー](?:では|には|は)[、,\s]?")
_BARE_DECLARATION = ("宣言", "宣言文", "アピール")
# 5つの共同アピールが採択: the word counted, several documents adopted, none of them the meeting's one declaration
_COUNTED = re.compile(r"(?:[0-9]+|[一二三四五六七八九十]+)\s?(?:つ|本|件)の\s?$")
# …を盛り込んだ宣言を採択: a bare word after a clause's verb is the common noun it qualifies, no name
_CLAUSE_BEFORE = re.compile(r"(?:た|だ|る)\s?$")
# 第69回青葉経済同友会大会アピール: the meeting's edition mark opens the declaration's name
_EDITION_OPENING = re.compile(rf"第\s?{_NUM}\s?$")
_TALK_OWNER = re.compile(r"(?:講演|基調講演|記念講演|分科会|パネルディスカッション|対談|報告|発表)の$")
_STATEMENT = re.compile(r"[、。,，]|[をと]宣言$")


@lru_cache(maxsize=1)
def _declaration_patterns() -> tuple[re.Pattern, re.Pattern]:
    v = vocabulary()
    ends = "|".join(map(re.escape, v["declaration_ends"]))
    verbs = "|".join(map(re.escape, v["adoption_verbs"]))
    quoted = re.compile(rf"[「『“](?P<d>(?:[^「」『』“”\n]|『[^』\n]*』){{1,60}}?(?:{ends})(?:[0-9]{{4}})?)[」』”]")
    # (総会宣言「…」が事務局長から読み上げ: its title quoted after it, the reader named before the verb)
    # (■共同宣言文採択: a programme's line, the noun and 採択 with no particle between them)
    adopted = re.compile(rf"(?P<d>[\u4e00-\u9fff々ヶ\u30a1-\u30faー・]{{0,20}}?(?:{ends}))\s?(?:「[^「」\n]{{1,80}}」)?\s?"
                         rf"(?:(?:を|が|の|に|として)\s?(?:[^。、「」\n]{{1,24}}?(?:から|より))?\s?"
                         rf"(?:全会一致で|満場一致で|全員一致で|高らかに)?\s?(?P<verb>{verbs})|(?P<bare_verb>採択))")
    return quoted, adopted


def counted_declaration(text: str, name: str) -> bool:
    """Whether the text counts declarations of this name (5つの共同アピールが採択): several documents, so a line
    bearing the name heads one of them, not the meeting's one declaration."""
    at = text.find(name)
    while at >= 0:
        if _COUNTED.search(text, max(0, at - 8), at):
            return True
        at = text.find(name, at + 1)
    return False


def declarations(text: str, lo: int, hi: int) -> list[Found]:
    """Declarations of text[lo:hi] in order: quoted (「金沢宣言」, 「青葉アピール」), or unquoted with
    an adoption verb (大会宣言を採択, 共同宣言の採択)."""
    quoted, adopted = _declaration_patterns()
    # (「我等の会は、…ことを宣言」: a quoted statement is a sentence, not a declaration's name)
    out = [Found(m.start("d"), m.end("d"), m.group("d")) for m in quoted.finditer(text, lo, hi)
           if not _STATEMENT.search(m.group("d"))]
    for m in adopted.finditer(text, lo, hi):
        if not any(f.start <= m.start("d") < f.end for f in out):
            start = m.start("d")
            while start < m.end("d") and (text[start] == "・" or not _NAME_CHAR.match(text[start])):
                start += 1  # (・青葉宣言採択: a list's mark, no part of the name)
            if text[start:m.end("d")] in _BARE_DECLARATION and m.group("verb") != "採択":
                # (…の要点をアピールとしてまとめる: the word's verb-noun sense, no declaration's name; but
                # 最後にアピールを採択: a meeting adopts the appeal it does not name)
                continue
            if _COUNTED.search(text, max(lo, start - 8), start):
                continue
            if text[start:m.end("d")] in _BARE_DECLARATION and _CLAUSE_BEFORE.search(text, max(lo, start - 2), start):
                continue
            edition = _EDITION_OPENING.search(text, max(lo, start - 8), start) if text.startswith("回", start) else None
            start = edition.start() if edition else start
            out.append(Found(start, m.end("d"), text[start:m.end("d")]))
    ceremony = tuple(vocabulary()["ceremony_declarations"])
    return sorted(f for f in out if not f.text.endswith(ceremony))  # (『開会宣言』: the ceremony's opening)
