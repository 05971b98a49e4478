"""Parties named as a group: a group word in one place, its members in another.

Takes a document's text (and offsets in it) and gives the members of the groups
a signing statement names, each as a `Named` span, with the count the text
announces checked against them:

- `counted_lists(text, start, end)`: an enumeration closed by a count,
  「A、B(本店…)、Cの3者が」, 「同所、同市のほか、A、Bの計4団体が加わった」,
  「A・B・C等8者と」. Read from the count leftwards, item by item (an aside in
  brackets after an item is skipped; 「のほか」 and 及び/並びに separate items
  too); the first item loses the words before its particle (「同契約は」).
  Without 等/など the number of items must equal the count.
- `list_below(text, pos)`: the list a 「以下の」/「下記の」/「次の」 group word
  points to: the first block after pos whose lines hold only names (comma-
  separated or one a line), under at most two short header lines; a count
  in the header (「協定を結んだ5金融機関」) must equal the number of names.
- `group_word(text, start, end)`: where a sentence points to such a list.
- `is_group_noun(name)`: a word that names a kind of body, not a body:
  「銀行・信用金庫・信用組合」, 「総合大学」, 「地元金融機関」, 「友好商工会議所」.
  The generic modifiers it knows are data (`data/group_nouns.json`).

A member may be a reference (同所, 同市, 本市); the caller resolves it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.language.gazetteer import find_municipalities, is_municipality
from extractors.language.institutions import find_institutions, is_institution
from extractors.language.org_names import after_relative_clause, group_nouns
from extractors.records.coordination import KIND_CLASSES, NUMBERED_BANK, Named, is_numbered_bank
from extractors.records.publisher import ORG_WORDS, is_signing_body

_DIGITS = "〇一二三四五六七八九"
_NUMBER = r"[0-9]+|[一二三四五六七八九十]+"
# The counters of bodies: 3者, 計11団体, 5大学, 12金融機関, 4社, 2行, 3庫, 6自治体 …
_COUNTER = (r"者|団体|機関|金融機関|支援機関|社|行|庫|信用金庫|信金|銀行|大学|短期大学|自治体|市町村|市町|市町村長|"
            r"校|組織|商工会議所|商工会|会議所|事業者|企業")
_COUNT = re.compile(rf"(等|など|ほか)?\s?の?\s?(計|合計|総勢)?\s?({_NUMBER})\s?(?:つの)?({_COUNTER})(?![\u4e00-\u9fffァ-ヶー])")
_KIND_BEFORE_COUNT = re.compile(r"(?:銀行|信用金庫|信金|信用組合|信組|大学)\s?\Z")
_SEPARATOR = re.compile(r"、|,|，|・|及び|および|並びに|ならびに|のほか、?|ほか、|(?<=[\u4e00-\u9fffァ-ヶー)）])と(?=\S)")
_SEPARATOR_NO_DOT = re.compile(_SEPARATOR.pattern.replace("|・|", "|"))
_ASIDE = re.compile(r"\s?[(（][^()（）]*[)）]\s?\Z")
_LEGAL_ASIDE = re.compile(r"[(（][株有][)）]")
_LEAD = re.compile(r".*(?:には|では|とは|のは|からは|(?<=[\u4e00-\u9fffァ-ヶー」)）])(?:は|が|も|に|を))\s?|.*(?<!・)\s")  # (「事業承継・ 引継ぎ」: a space after a 中黒 is inside a name)
_REFERENCE = re.compile(r"^(?:同|本|当)(?:所|市|町|村|区|県|行|会|庫|社|機構|協会|大学|学|センター|金庫|会議所)$")
_POINTER = re.compile(r"(?:以下|下記|次|別記|別紙)の(?!とおり|通り)")
_LIST_MARK = re.compile(r"^[\s・○●◎■□◆◇\-‐*※•]+|^\(?\d{1,3}[).．、](?![0-9])\s*"  # (2020.6.3 is a date)
                        r"|^\d{1,2}\s+(?=[^\s0-9])")  # 「1 東西銀行」: a number and a space
# 「【締結先】船橋市、柏市」: a label in brackets before the names, as a key before a colon
_LABEL = re.compile(r"[【\[［〔<＜《][^】\]］〕>＞》\n]{1,10}[】\]］〕>＞》]\s?")
_CLEFT = re.compile(r"(?:(?:締結|調印|結ん|交わ)(?:した|だ)(?:の|相手)は|(?<![^\s、。])(?:締結先|協定先|協定締結先)(?:は|\s?[:：])|"
                    r"(?<![^\s、。])(?:協定の)?相手方?は|"  # 「相手は船橋市、柏市、松戸市。」
                    # the counted group of the signing restated as a topic: 「3市町は、…A、B、C。」
                    r"(?<![^\s、。])[0-9一二三四五六七八九十]+(?:市町村|市町|市|町|村|大学|信用金庫|銀行|団体|機関)は)、?\s?")
_CLEFT_END = re.compile(r"(?:です|でした|である|。|の[0-9一二三四五六七八九十]+|"
                        r"(?:など|等)\s?の?\s?(?:計|合計)?\s?[0-9一二三四五六七八九十]+)")  # 「…、Cなど7つの商工会」
_KEY = re.compile(r"[^\s:：、,]{1,8}\s?[:：]\s?")
_LEADING_DATE = re.compile(r"(?:[0-9]{4}年|(?:令和|平成|昭和)(?:元|[0-9]{1,2})年)[0-9]{1,2}月(?:[0-9]{1,2}日)?"
                           r"(?:\s?[(（][月火水木金土日][)）])?\s+|[0-9]{4}[./][0-9]{1,2}[./][0-9]{1,2}\s+")
_HEADER_COUNT = re.compile(rf"({_NUMBER})\s?(?:つの)?(?:{_COUNTER})")


def number(s: str) -> int | None:
    """3, ３ (after NFKC), 三, 十二 -> int."""
    if s.isdigit():
        return int(s)
    total, unit = 0, 0
    for ch in s:
        if ch == "十":
            total += (unit or 1) * 10
            unit = 0
        elif ch in _DIGITS:
            unit = _DIGITS.index(ch)
        else:
            return None
    return total + unit


@lru_cache(maxsize=1)
def _group_data() -> tuple[frozenset[str], tuple[str, ...]]:
    data = group_nouns()
    return frozenset(data["modifiers"]), tuple(sorted(data["kinds"], key=len, reverse=True))


_PLACE_WITHIN = re.compile(r"^(\S{1,6}?[都道府県市町村区])((?:内|下)\S+)$")


def is_group_noun(name: str) -> bool:
    """A kind of body rather than a body: kind words joined by ・ (銀行・信用金庫), or kind words after
    generic modifiers only (総合大学, 地元金融機関, 県内各信用金庫), also after a named place
    (山口県内信用金庫 as 県内信用金庫)."""
    modifiers, kinds = _group_data()
    name = name.strip()
    if not name or is_institution(name) or is_municipality(name) or NUMBERED_BANK.fullmatch(name):
        return False
    parts = [p for p in re.split(r"[・、]", name) if p]
    if len(parts) >= 2 and all(p in kinds or p in ORG_WORDS for p in parts):
        return True
    within = _PLACE_WITHIN.match(name)  # 山口県内信用金庫, 千葉県下金融機関: the bodies within a named place
    if within and is_municipality(within.group(1)) and is_group_noun(within.group(1)[-1] + within.group(2)):
        return True
    inner = re.fullmatch(rf"(\D{{1,6}}?)(?:{_NUMBER})(\D{{1,6}})", name)
    if inner and inner.group(1) + inner.group(2) in kinds:  # 商工3団体: the kind 商工団体 with its count inside
        return True
    rest = name
    while rest:
        rest = re.sub(rf"^(?:{_NUMBER})(?:つの)?", "", rest)
        if rest != name and (rest in kinds or rest in ORG_WORDS):
            return True
        m = next((m for m in sorted(modifiers, key=len, reverse=True)
                  if rest.startswith(m) and len(rest) > len(m)), None)
        if m is None:
            return False
        rest = rest[len(m):]
    return False


def _is_member(name: str) -> bool:
    if not 2 <= len(name) <= 40 or "。" in name or "\n" in name or is_group_noun(name) or \
            (name[0] in "はがをにでともへの" and not is_institution(name)):
        return False
    return bool(_REFERENCE.match(name)) or is_signing_body(name)


def _item(text: str, s: int, e: int) -> tuple[int, int, bool] | None:
    """(start, end, whether it is the first) of the name of one item text[s:e] (its aside cut off):
    an item with a particle in it (「同契約は一般財団…機構」) is the first, without what comes before."""
    piece = text[s:e]
    stripped = piece.strip()
    if not stripped:
        return None
    s += piece.index(stripped)
    e = s + len(stripped)
    m = _LEAD.match(text, s, e)
    if m and _is_member(text[m.end():e]):
        cut = after_relative_clause(text[m.end():e])  # 「市内に店舗を持つ東西銀行」: the clause is no name
        return (m.end() + cut if cut and _is_member(text[m.end() + cut:e]) else m.end()), e, True
    if _is_member(text[s:e]):
        return s, e, False
    tail = [st for st, en, _ in find_municipalities(text[s:e]) + find_institutions(text[s:e]) if en == e - s and st > 0]
    # 「いずれも東西大学と縁のある船橋市」: a phrase before the list's first name, which the gazetteer knows
    return (s + min(tail), e, True) if tail else None


def _items_before(text: str, start: int, end: int, limit: int,
                  separator: re.Pattern = _SEPARATOR) -> list[tuple[int, int]]:
    """Up to `limit` items of an enumeration that ends at `end`, read leftwards down to `start`."""
    items: list[tuple[int, int]] = []
    pos = end
    while pos > start and len(items) < limit:
        aside = _ASIDE.search(text[start:pos])
        if aside and _LEGAL_ASIDE.fullmatch(aside.group().strip()):
            aside = None  # 「東西ラボ(株)」: the abbreviated legal form is part of the name
        stop = start + aside.start() if aside else pos
        cut = None
        for cut in separator.finditer(text, start, stop):
            pass
        got = _item(text, cut.end() if cut else start, stop)
        if got is None:
            break
        items.insert(0, got[:2])
        if cut is None or got[2]:
            break
        pos = cut.start()
    return items


def counted_lists(text: str, start: int, end: int) -> list[tuple[int, int, int | None, list[Named]]]:
    """(start, end of the count, the count or None when partial, members) for each enumeration
    closed by a count in text[start:end] (see the module docstring)."""
    out = []
    for m in _COUNT.finditer(text, start, end):
        n = number(m.group(3))
        if not n or n < 2:
            continue
        if not m.group(1) and not m.group(2) and not m.group().lstrip().startswith("の") and \
                _KIND_BEFORE_COUNT.search(text, max(start, m.start() - 4), m.start()):
            continue  # 「…の信用金庫2行、」: the count of the kind written before it, not of an enumeration
        partial = bool(m.group(1))
        items = _items_before(text, start, m.start(), n if not partial else 99)
        if not partial and len(items) != n:
            # 「…、東西県事業承継・引継ぎ支援センター、…の13者」: a 中黒 inside a name; the count settles it
            whole = _items_before(text, start, m.start(), n, _SEPARATOR_NO_DOT)
            items = whole if len(whole) == n else items
        if len(items) < 2 or (not partial and len(items) != n):
            continue
        out.append((m.start(), m.end(), None if partial else n,
                    [Named(s, e, text[s:e], "agreement-counted-list") for s, e in items]))
    return out


def cleft_list(text: str, start: int, end: int) -> list[Named]:
    """「協定を締結したのは、A、B、Cです。」: the bodies a cleft sentence lists after its のは, each a member."""
    m = _CLEFT.search(text, start, end)
    if not m:
        return []
    stop = _CLEFT_END.search(text, m.end(), end)
    items = _items_before(text, m.end(), stop.start() if stop else end, 99)
    return [Named(s, e, text[s:e], "agreement-cleft-list") for s, e in items] if len(items) >= 2 else []


def topic_list(text: str, start: int, end: int, groups: list[str]) -> list[Named]:
    """「経済団体はA商工会議所、B商工会、C中央会。」: a sentence whose topic is a group
    noun of the signing (its count left out: 商工3団体) and that lists the bodies it holds, as many as counted."""
    m = re.match(r"\s*([^\s、。,はが]{2,12})は、?", text[start:end])
    if not m:
        return []
    for group in groups:
        counted = re.fullmatch(rf"(\D*?)({_NUMBER})(\D+)", group)
        bare = counted.group(1) + counted.group(3) if counted else group
        if m.group(1) != bare and not (m.group(1) in _group_data()[1] and m.group(1).endswith(bare)):
            continue  # (「経済団体は」 after 「経済4団体と」, read as 4団体)
        stop = _CLEFT_END.search(text, start + m.end(), end)
        items = _items_before(text, start + m.end(), stop.start() if stop else end, 99)
        if len(items) >= 2 and (not counted or number(counted.group(2)) == len(items)):
            return [Named(s, e, text[s:e], "agreement-topic-list") for s, e in items]
    return []


def fits_group(group: str, names: list[str]) -> bool:
    """Whether bodies can be the members of a group noun: 金融機関 holds banks and 信用金庫, 大学 universities;
    団体, 機関 or 組織 alone hold bodies of any kind, as many as the count written before it (「計4団体と」
    comes as 4団体)."""
    generic = re.fullmatch(rf"({_NUMBER})?(団体|機関|組織)", group)
    if generic:
        n = number(generic.group(1)) if generic.group(1) else None
        return bool(names) and all(is_signing_body(x) for x in names) and n in (None, len(names))
    _modifiers, kinds = _group_data()
    kind = next((k for k in kinds + tuple(KIND_CLASSES) if group.endswith(k)), group[-2:])
    endings = KIND_CLASSES.get(kind, (kind,))
    return bool(names) and all(n.endswith(endings) for n in names)


def group_word(text: str, start: int, end: int) -> int | None:
    """The offset after 「以下の」/「下記の」… in text[start:end] when it points to bodies listed below."""
    for m in _POINTER.finditer(text, start, end):
        after = text[m.end():m.end() + 20]
        if re.match(r"[^、。]{0,16}?(?:と|との|の間|が|は|各|で)", after) and not after.startswith(("とおり", "通り")):
            return m.end()
    return None


def _line_names(text: str, s: int, e: int) -> list[Named] | None:
    """The names of a list line (comma-separated, or one name after a list mark), else None."""
    line = text[s:e]
    m = _LIST_MARK.match(line)
    if m:
        s += m.end()
    m = _KEY.match(text, s, e) or _LABEL.match(text, s, e)
    if m:
        s = m.end()  # 「締結先:船橋市、柏市」, 「【締結先】船橋市、柏市」
    if "\t" in text[s:e] or text[s:e].strip().startswith("|"):
        # a table row (cells by tabs, or 「| 東西銀行 | 青葉市 |」): its cells that name bodies (the others:
        # the person, an address)
        cells = [(s + m.start(), s + m.end()) for m in re.finditer(r"[^\t|]+", text[s:e]) if m.group().strip()]
        cells = [(cs + len(text[cs:ce]) - len(text[cs:ce].lstrip()), ce - len(text[cs:ce]) + len(text[cs:ce].rstrip()))
                 for cs, ce in cells]
        bodies = [(cs, ce) for cs, ce in cells if is_signing_body(text[cs:ce].strip()) and not is_group_noun(text[cs:ce])]
        return [Named(cs, ce, text[cs:ce].strip(), "agreement-list-below") for cs, ce in bodies[:1]] or None
    names = []
    for part in re.finditer(r"[^、,，\t]+", text[s:e]):
        ps, pe = s + part.start(), s + part.end()
        item = text[ps:pe].strip()
        if not item:
            continue
        ps += text[ps:pe].index(item)
        pe = ps + len(item)
        lead = _LEADING_DATE.match(item)
        if lead and lead.end() < len(item):  # 「2019年4月1日 東西銀行」: the row's date, then the name
            ps += lead.end()
            item = item[lead.end():]
        aside = re.search(r"\s?[(（][^()（）]*[)）]\s*$", item)
        if aside and aside.start() > 0:
            pe = ps + aside.start()
            item = text[ps:pe]
        if not is_signing_body(item) or is_group_noun(item) or len(item) > 40:
            return None
        names.append(Named(ps, pe, item, "agreement-list-below"))
    return names or None


def list_below(text: str, pos: int, max_lines: int = 30) -> tuple[int | None, list[Named]]:
    """(the count a header gives or None, names) of the first list block after pos (see the module
    docstring); ([], None) when there is none."""
    lines = []
    at = text.find("\n", pos)
    while at != -1 and len(lines) < max_lines:
        nxt = text.find("\n", at + 1)
        stop = len(text) if nxt == -1 else nxt
        lines.append((at + 1, stop))
        at = nxt
    names: list[Named] = []
    count = None
    headers = 0
    for s, e in lines:
        body = text[s:e].strip()
        if not body:
            if names:
                break
            continue
        got = _line_names(text, s, e)
        if got:
            names += got
            continue
        if names:
            break
        if len(body) <= 30 and "。" not in body:  # a header over the list: 「協定を結んだ5金融機関」
            headers += 1
            m = _HEADER_COUNT.search(body)
            count = number(m.group(1)) if m else None
            if headers > 2:
                return None, []
            continue
        headers = 0
        count = None
    if len(names) < 2 or (count is not None and count != len(names)):
        return None, []
    return count, names
