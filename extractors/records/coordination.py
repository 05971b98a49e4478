"""Party names from coordinations, lists and blocks: the structures that name many bodies at once.

Takes a document's text (and offsets in it) and gives names with their spans:

- `party_blocks(text)`: key–value blocks that list the parties: a header line
  (<締結機関>, 【協定締結機関】, 協定当事者, 締結者, 締結先, 提携先, 連携機関)
  then the names, comma-separated or one a line, up to the next blank line
  or header. Only items that are signing bodies count (`publisher.is_signing_body`,
  after a leading list marker, a trailing address in brackets and a trailing
  person's title are dropped: 「船橋市長 山田 太郎」 is 船橋市).
- `bracket_list(text, pos)`: the names of a bracketed list right after pos,
  「金融機関3社(東西銀行、南北信用金庫、中央信用組合)」, 「県内3信金(東西・南北・中央)」:
  a bracket holding two or more signing bodies separated by 、 (or, when it
  has no 、, by ・) is a list of parties, not an aside.
- `counted_kind(text)`: 「4つの信用金庫」, 「2校」, 「金融機関4社」: how many of
  which kind a sentence announces, to be filled from the names the document
  gives of that kind.
- `branch_end(text, end)`: where a name goes on as one of its offices
  (東西銀行 青葉支店, 青葉県信用保証協会本所営業部): a branch is one party.
- `party_key(name)`: the name without legal form, brackets and spaces, to see
  that 公立大学法人青葉県立大学 and 青葉県立大学 are one party.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import partial

from extractors.language.gazetteer import is_municipality
from extractors.language.institutions import is_institution, national_bodies
from extractors.records.publisher import is_signing_body

# (also a heading that names the signers by their role in a relative clause: 「まちづくり協定を締結した機関」,
# 「協定を締結した団体:」)
_HEADER = re.compile(r"^\s*(?:[<＜【\[〈《■◆●○・]\s*)?(?:\d+[.．]\s*)?((?:協定)?(?:締結機関|締結者|締結先|締結団体|提携先|協定当事者|"
                     r"当事者|連携機関|参加機関|出席者|出席機関)|"
                     r"[^\s。、:：]{0,24}?(?:締結|調印|提携)した(?:機関|団体|金融機関|企業|自治体|事業者|大学))"
                     r"\s*(?:[>＞】\]〉》])?\s*[:：]?\s*(.*)$")
_LIST_MARK = re.compile(r"^[\s・○●◎■□◆◇\-‐*※]+|^\(?\d+[).．、]\s*")
_PREFECTURE_FIRST = re.compile(r"(.{2,3}?[都道府県])(.{1,8}?[市区町村])$")  # a town written after its prefecture
_TRAIL_BRACKET = re.compile(r"\s?[(（][^()（）]*[)）]\s*$")
_HEAD_TITLE = re.compile(r"^(.+?(?:都|道|府|県|市|区|町|村))長(?:\s|$)")
_BRANCH = re.compile(r"\s?([^\s、,。()（）「」とはがのをにでやも]{0,10}?(?:支店|支所|営業部|連合店|本店|出張所|事務所))(?!長)")
# A university's faculty or school written after its name: 三重大学人文学部, 同大学短期大学部
_FACULTY = re.compile(r"[^\s、,。()（）「」とはがのをにでやも]{1,10}?(?:学部|研究科|短期大学部|大学院)(?!長)")
_LEGAL = re.compile(r"株式会社|有限会社|合同会社|相互会社|一般社団法人|公益社団法人|一般財団法人|公益財団法人|独立行政法人|"
                    r"国立大学法人|公立大学法人|学校法人|㈱|\(株\)|（株）|㈲")
_COUNTED = re.compile(r"([0-9一二三四五六七八九十]+)(?:つの|の)?(信用金庫|信金|銀行|信用組合|大学|高校|高等学校|"
                      r"商工会議所|商工会|自治体|市町村|市町|町村|金融機関)")
# The kind first and a counter after it: 「金融機関4行」, 「信用金庫6庫」, 「大学3校」
_COUNTED_AFTER = re.compile(r"(信用金庫|信金|銀行|信用組合|大学|商工会議所|商工会|自治体|市町村|金融機関)\s?"
                            r"([0-9一二三四五六七八九十]+)\s?(?:行|社|庫|校|機関|団体|者|組合)(?![\u4e00-\u9fff])")
_KIND_FULL = {"信金": "信用金庫", "高校": "高等学校"}
# A counted class rather than a name ending: 「4金融機関と」 counts banks, 信用金庫, 公庫 ...
KIND_CLASSES = {"金融機関": ("銀行", "信用金庫", "信用組合", "労働金庫", "公庫", "金庫"),
                "自治体": ("市", "区", "町", "村", "県", "都", "道", "府"), "市町村": ("市", "町", "村"),
                "市町": ("市", "町"), "町村": ("町", "村")}
# 「東西、南北、中央の計3大学」, 「青葉、若葉の両商工会議所」: a list whose items share the ending
_SHARED_END = re.compile(r"((?:[^\s、,，。のはがとを「」()（）]{1,12}、)+[^\s、,，。のはがとを「」()（）]{1,12})"
                         r"の(計|両|各)?([0-9一二三四五六七八九十]*)(大学|短期大学|商工会議所|商工会|信用金庫|銀行|"
                         r"(?:市|町|村)(?![町村0-9一二三四五六七八九十]))")  # (「A、B、Cの三市」; 「…の3市町」 gives no one ending)
# The same with a count and a news short form of the ending (「A、B、Cの3信金」, 「A、Bの2信組」): items may hold
# の or と (のと共栄), the count says where the list begins (the last n items)
_ITEM = r"(?:(?!の[0-9一二三四五六七八九十])[^\s、,，。「」()（）]){1,12}"  # (not across another list's 「の5信金」)
_SHARED_END_COUNTED = re.compile(rf"((?:{_ITEM}、)+{_ITEM})"
                                 r"の(?:計)?([0-9一二三四五六七八九十]+)(信金|信組)(?![\u4e00-\u9fff])")
_SHORT_ENDINGS = {"信金": "信用金庫", "信組": "信用組合"}
# 「北上、水沢両信金」, 「東西、南北両信用金庫」, 「東西、南北の両信金」: 両 or 各, the ending full or short
_SHARED_END_BOTH = re.compile(r"((?:[^\s、,，。のはがとを「」()（）]{1,12}、)+[^\s、,，。のはがとを「」()（）]{1,12})"
                              r"の?(両|各)(大学|短期大学|商工会議所|商工会|信用金庫|信金|信用組合|信組|銀行)(?![\u4e00-\u9fff])")
# 「静岡・山梨中央・八十二銀行」, 「東西・南北両信用金庫」: items parted by ・ sharing the ending after the last
_DOT_ITEM = r"[^\s、,，。・のはがとを「」()（）]{1,8}"
_SHARED_END_DOTS = re.compile(rf"(?<![^\s、,，。「(（はがとを])((?:{_DOT_ITEM}・)+{_DOT_ITEM}?)(両|各)?"
                              r"(銀行|信用金庫|信金|信用組合|信組)(?![\u4e00-\u9fff])")
# 「北國、北陸銀行は」: banks of the bank code table listed with 、, the ending written after the last
_SHARED_END_BANKS = re.compile(rf"(?<![^\s、,，。「(（はがとを])((?:{_DOT_ITEM}、)+{_DOT_ITEM})"
                               r"(銀行|信用金庫|信金|信用組合|信組)(?![\u4e00-\u9fff])")
# 「東西銀行の青葉、赤松両支店」: the offices of the body written before the list, each with its name
_SHARED_OFFICES = re.compile(r"([^\s、,，。のはがとを「」()（）]{2,20})の((?:[^\s、,，。のはがとを「」()（）]{1,8}、)+"
                             r"[^\s、,，。のはがとを「」()（）]{1,8})の?(?:両|各)(支店|支所|営業部|事務所)(?![\u4e00-\u9fff])")
# 「宮崎・都城・延岡の3つの信用金庫」, 「「東西」「南北」の信用金庫2行」: short names (parted by ・ or 、, or each in
# quotes) then の and the kind with its count, before it or after it
_NUM = r"[0-9一二三四五六七八九十]+"
_SHARED_KIND_OF = re.compile(rf"(?<![^\s、,，。「(（はがとを])((?:{_DOT_ITEM}[・、])+{_DOT_ITEM}|(?:「[^「」\s]{{1,8}}」[・、]?){{2,}})"
                             rf"の\s?(?:({_NUM})(?:つの)?)?(銀行|信用金庫|信金|信用組合|信組)"
                             rf"(?:\s?({_NUM})\s?(?:行|庫|組合|つ))?(?![\u4e00-\u9fff])")
_HOLDING = re.compile(r"(?:ホールディングス|フィナンシャルグループ)$")  # a holding company: a body no ORG word ends
_KANJI_DIGITS = "〇一二三四五六七八九"
COUNTED_OFFICES = re.compile(r"[0-9一二三四五六七八九十]+\s?(?:支店|支所|営業部|連合店|本店|出張所|事務所)$")
# A count right before a bracket, and the kind it gives the bare names inside: 「3信金(東西、南北、中央)」
_COUNT_BEFORE = re.compile(r"([0-9一二三四五六七八九十]+)(信用金庫|信金|銀行|行|信用組合|信組|大学|商工会議所|商工会|社|者|団体|機関|"
                           r"金融機関|自治体|市町村|市町|町村)\s?$")
_COUNTED_KIND = {"信用金庫": "信用金庫", "信金": "信用金庫", "銀行": "銀行", "行": "銀行", "信用組合": "信用組合",
                 "信組": "信用組合", "大学": "大学", "商工会議所": "商工会議所", "商工会": "商工会"}


@dataclass(frozen=True)
class Named:
    start: int
    end: int
    name: str
    rule: str


def party_key(name: str) -> str:
    name = unicodedata.normalize("NFKC", name)
    return re.sub(r"[\s()（）「」『』・]", "", _LEGAL.sub("", name))


# The key of a block's line that gives a body's name (「名称 株式会社東西銀行」, 「団体名:青葉商工会議所」)
_NAME_KEY = re.compile(r"\s*(?:名\s?称|団体名|機関名|法人名|事業者名|企業名|会社名|金融機関名|大学名)(?:\s*[:：]\s*|\s+)(?=\S)")


def _clean_item(text: str, s: int, e: int, line: bool = False) -> Named | None:
    """A list item as a party name, or None when it is no signing body (a person, an address); `line`: an item
    on a block's line, where a town written after its prefecture is the town (in a bracket it is an address)."""
    item = text[s:e]
    m = _LIST_MARK.match(item)
    if m:
        s += m.end()
    key = _NAME_KEY.match(text, s, e)
    if key and key.end() < e:  # 「名称 株式会社東西銀行」: a key-value line of the block, the value the name
        s = key.end()
    item = text[s:e].rstrip()
    e = s + len(item)
    m = _TRAIL_BRACKET.search(item)
    if m and m.start() > 0:
        e = s + m.start()
        item = text[s:e]
    head = _HEAD_TITLE.match(item)
    if head and is_signing_body(head.group(1)):
        return Named(s, s + len(head.group(1)), head.group(1), "")
    town = _PREFECTURE_FIRST.match(item)
    if line and town and is_municipality(town.group(1)) and is_municipality(town.group(2)):  # 青森県弘前市: the town
        return Named(s + town.start(2), e, town.group(2), "")
    if is_signing_body(item):
        return Named(s, e, item, "")
    # 株式会社東西銀行 青葉支店: a body and its branch, written with a space
    parts = item.split()
    if len(parts) == 2 and is_signing_body(parts[0]) and _BRANCH.match(parts[1]):
        return Named(s, e, item, "")
    return None


def _attendee(text: str, s: int, e: int) -> Named | None:
    """An attendee line 「東西銀行 頭取 山田 太郎」 or 「船橋市長 鈴木 花子」: the body it names first."""
    named = _clean_item(text, s, e)
    if named:
        return named
    pos = s
    for word in text[s:e].split(" "):
        if word:
            head = _HEAD_TITLE.match(word + " ")
            name = head.group(1) if head else word
            if is_signing_body(name):
                return Named(pos, pos + len(name), name, "")
        pos += len(word) + 1
    return None


def _items(text: str, spans: list[tuple[int, int]], attendees: bool) -> list[Named]:
    """The names of a block's lines, split at commas; a name wrapped onto the next line is joined. A table's
    row (cells parted by tabs: 「信用金庫\t東西信用金庫」) is split into its cells, and never joined to the next."""
    pieces: list[tuple[int, int, bool]] = []  # (start, end, last piece of its line)
    for s, e in spans:
        row = "\t" in text[s:e]
        parts = list(re.finditer(r"[^、,，\t]+", text[s:e]))
        pieces += [(s + m.start(), s + m.end(), i == len(parts) - 1 and not row) for i, m in enumerate(parts)]
    items: list[Named] = []
    read = _attendee if attendees else partial(_clean_item, line=True)
    i = 0
    while i < len(pieces):
        s, e, last = pieces[i]
        named = read(text, s, e)
        if named is None and last and not attendees and i + 1 < len(pieces) and not text[e - 1:e].isspace() \
                and not _LIST_MARK.match(text[pieces[i + 1][0]:pieces[i + 1][1]]):  # (・A / ・B: two items)
            s2, e2, _ = pieces[i + 1]
            joined = (text[s:e] + text[s2:e2]).strip()
            if " " not in joined and is_signing_body(joined):
                items.append(Named(s, e2, joined, ""))
                i += 2
                continue
        if named:
            items.append(named)
        i += 1
    return items


def party_blocks(text: str) -> list[tuple[int, list[Named]]]:
    """(offset of the header, parties listed under it) for each party block of text."""
    out = []
    lines = text.split("\n")
    offsets, pos = [], 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    for i, line in enumerate(lines):
        m = _HEADER.match(line)
        if not m or len(line) > 60:
            continue
        rule = f"agreement-block:{m.group(1)}"
        spans: list[tuple[int, int]] = []
        if m.group(2).strip():
            spans.append((offsets[i] + m.start(2), offsets[i] + len(line)))
        else:
            for j in range(i + 1, min(len(lines), i + 40)):
                if not lines[j].strip():
                    if spans:
                        break
                    continue
                if _HEADER.match(lines[j]):
                    break
                spans.append((offsets[j], offsets[j] + len(lines[j])))
        people = m.group(1).startswith("出席") or m.group(1).endswith("締結者")  # 「柏市長 鈴木一郎」, 「東西銀行 頭取 山田太郎」
        items = [Named(n.start, n.end, n.name, rule) for n in _items(text, spans, people)]
        if items:
            out.append((offsets[i], items))
    return out


def bracket_list(text: str, pos: int, limit: int) -> list[Named]:
    """The parties of a bracket that opens at pos (or just after it) and lists two or more bodies."""
    m = re.compile(r"\s?[(（]([^()（）]*(?:[(（][^()（）]*[)）][^()（）]*)*)[)）]").match(text, pos, limit)
    if not m:
        return []
    s0 = m.start(1)
    counted = _COUNT_BEFORE.search(text, max(0, pos - 8), pos)
    kind = _COUNTED_KIND.get(counted.group(2)) if counted else None
    items = []
    parts = list(re.finditer(r"[^、,，]+", m.group(1)))
    if len(parts) == 1 and "・" in m.group(1):  # 「4信金(A・B・C・D)」: a list written with middle dots
        parts = list(re.finditer(r"[^・]+", m.group(1)))
    endings = _municipal_endings(text, s0, parts) if counted and counted.group(2) in _MUNICIPAL_GROUPS else {}
    for i, part in enumerate(parts):
        named = _clean_item(text, s0 + part.start(), s0 + part.end())
        if named is None and i in endings:  # 「10市町村(津山、真庭、美作市、…)」: the ending of the next place that has one
            item = part.group().strip()
            at = s0 + part.start() + part.group().index(item)
            named = Named(at, at + len(item), item + endings[i], "")
        if named is None and kind:  # 「県内3信金(東西、南北、中央)」: the kind is written once, in the count
            item = text[s0 + part.start():s0 + part.end()].strip()
            if item and is_signing_body(item + kind):
                at = s0 + part.start() + text[s0 + part.start():s0 + part.end()].index(item)
                named = Named(at, at + len(item), item + kind, "")
        if named is None:
            return []  # an aside (an address, a title, a person): not a list of parties
        items.append(Named(named.start, named.end, named.name, "agreement-bracket-list"))
    if counted and _number(counted.group(1)) not in (None, len(items)):
        return []  # 「3行(A、B)」: the count does not match, not the list of the count
    return items if len(items) >= 2 else []


_MUNICIPAL_GROUPS = ("市町村", "市町", "町村", "自治体")


def _municipal_endings(text: str, s0: int, parts: list[re.Match]) -> dict[int, str]:
    """For a bracket listing a counted group of municipalities, the ending each bare place name takes:
    the 市, 町 or 村 written on the next item that has one (「津山、真庭、美作市、鏡野、美咲町」: 市 for the
    first three, 町 for the next two), when the place with that ending is a municipality of the gazetteer."""
    out: dict[int, str] = {}
    pending: list[int] = []
    for i, part in enumerate(parts):
        item = part.group().strip()
        if item.endswith(("市", "町", "村")) and is_municipality(item):
            for j in pending:
                if is_municipality(parts[j].group().strip() + item[-1]):
                    out[j] = item[-1]
            pending = []
        elif item and not is_municipality(item):
            pending.append(i)
    return out


def _number(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    if s == "十":
        return 10
    if len(s) == 1 and s in _KANJI_DIGITS:
        return _KANJI_DIGITS.index(s)
    if s.startswith("十") and len(s) == 2:
        return 10 + _KANJI_DIGITS.index(s[1])
    return None


def counted_kind(text: str, start: int, end: int) -> list[tuple[int, int, int, str]]:
    """(start, end, how many, kind) for each 「4つの信用金庫」, 「金融機関4行」 in text[start:end]."""
    out = []
    for m in _COUNTED.finditer(text, start, end):
        n = _number(m.group(1))
        if n and n >= 2:
            out.append((m.start(), m.end(), n, _KIND_FULL.get(m.group(2), m.group(2))))
    for m in _COUNTED_AFTER.finditer(text, start, end):
        n = _number(m.group(2))
        if n and n >= 2 and not any(s <= m.start() < e for s, e, _, _ in out):
            out.append((m.start(), m.end(), n, _KIND_FULL.get(m.group(1), m.group(1))))
    return sorted(out)


def shared_ending(text: str, start: int, end: int) -> list[Named]:
    """The items of each list in text[start:end] written with one shared ending (see _SHARED_END),
    each with the ending given back (和泉短期 -> 和泉短期大学); an item that is a body already stays."""
    out = []
    for m in _SHARED_END.finditer(text, start, end):
        items = m.group(1).split("、")
        count = 2 if m.group(2) == "両" else _number(m.group(3)) if m.group(3) else None
        if not (m.group(2) or m.group(3)) or (count is not None and count > len(items)):
            continue  # 「今回、県内の信用金庫」: no 計/両/各 or count, no list of one ending
        pos = m.end(1) - len("、".join(items[-count:] if count else items))
        found = []
        for item in items[-count:] if count else items:
            found.append(Named(pos, pos + len(item), _with_ending(item, m.group(4)), "agreement-shared-ending"))
            pos += len(item) + 1
        if m.group(4) in ("市", "町", "村") and not all(is_municipality(n.name) for n in found):
            continue  # 「室蘭、登別、伊達の三市」: each item with the ending is a municipality of the gazetteer
        out += found
    for m in _SHARED_END_BOTH.finditer(text, start, end):
        items = m.group(1).split("、")
        if any(re.search(r"[はがをにで]", item) for item in items) or (m.group(2) == "両" and len(items) != 2):
            continue  # 「…の代表者は」: a phrase, not a name; 両 is two
        ending = _SHORT_ENDINGS.get(m.group(3), m.group(3))
        pos = m.start(1)
        for item in items:
            if not any(n.start == pos for n in out):  # (「A、Bの両大学」: read above already)
                out.append(Named(pos, pos + len(item), _with_ending(item, ending), "agreement-shared-ending"))
            pos += len(item) + 1
    for m in _SHARED_END_DOTS.finditer(text, start, end):
        items = m.group(1).split("・")
        if not items[-1] or any(not i or _KIND_END.search(i) for i in items) or \
                (m.group(2) == "両" and len(items) != 2):
            continue  # 「船橋市・東西銀行」: bodies of their own, read as such; 両 is two
        ending = _SHORT_ENDINGS.get(m.group(3), m.group(3))
        names = [i + ending for i in items]
        if not m.group(2) and not all(_listed_bank(n) for n in names):
            continue  # 「地方・都市銀行」: kinds of bank; with no 両 or 各, only names the bank code table holds
        pos = m.start(1)
        for item, name in zip(items, names):
            out.append(Named(pos, pos + len(item), name, "agreement-shared-ending"))
            pos += len(item) + 1
    for m in _SHARED_END_BANKS.finditer(text, start, end):
        items = m.group(1).split("、")
        ending = _SHORT_ENDINGS.get(m.group(2), m.group(2))
        names = [i + ending for i in items]
        if any(_KIND_END.search(i) for i in items) or not all(_listed_bank(n) for n in names):
            continue  # 「青葉市、東西銀行」: bodies of their own; only names the bank code table holds
        pos = m.start(1)
        for item, name in zip(items, names):
            if not any(n.start == pos for n in out):
                out.append(Named(pos, pos + len(item), name, "agreement-shared-ending"))
            pos += len(item) + 1
    for m in _SHARED_OFFICES.finditer(text, start, end):
        items = m.group(2).split("、")
        if not (is_signing_body(m.group(1)) or _official_short_form(m.group(1))) or \
                (len(items) != 2 and "両" in m.group(0)):
            continue
        pos = m.start(2)
        for item in items:  # 東西銀行 + 青葉 + 支店: the office's full name, in the span of its own name
            out.append(Named(pos, pos + len(item), m.group(1) + item + m.group(3), "agreement-shared-ending"))
            pos += len(item) + 1
    for m in _SHARED_END_COUNTED.finditer(text, start, end):
        items = m.group(1).split("、")
        count = _number(m.group(2))
        if not count or count < 2 or count > len(items):
            continue
        last = items[-count:]
        if any(re.search(r"[はがをにで]", item) or not item[0].strip() for item in last):
            continue  # 「…の代表者は」: a phrase, not a name
        pos = m.end(1) - len("、".join(last))
        for item in last:
            out.append(Named(pos, pos + len(item), _with_ending(item, _SHORT_ENDINGS[m.group(3)]),
                             "agreement-shared-ending"))
            pos += len(item) + 1
    for m in _SHARED_KIND_OF.finditer(text, start, end):
        items = [i.strip("「」") for i in re.findall(r"「[^「」]+」|[^・、「」]+", m.group(1))]
        count = _number(m.group(2) or m.group(4) or "")
        names = [i + _SHORT_ENDINGS.get(m.group(3), m.group(3)) for i in items]
        if count != len(items) or not any(_listed_bank(n) for n in names):
            continue  # the count names the list; names of that kind, the bank code table holds one at least
            # (not all: a 信用金庫 merged since is no longer in it)
        for item, name in zip(items, names):
            at = text.index(item, m.start(1), m.end(1))
            if not any(n.start == at for n in out):
                out.append(Named(at, at + len(item), name, "agreement-shared-kind"))
    return out


_KIND_END = re.compile(r"(?:市|町|村|区|県|府|都|道|銀行|金庫|組合|大学|会議所|商工会|機構|協会)$")


# 十八銀行, 八十二銀行: a bank named by the number of its national-bank charter, under a name the bank code
# table no longer holds (merged since); a count of banks is written 18行 or 3銀行, not in two kanji numerals
NUMBERED_BANK = re.compile(r"(?:株式会社)?[一二三四五六七八九十百]{2,4}銀行")


def is_numbered_bank(name: str) -> bool:
    """十八銀行, 株式会社八十二銀行: a bank's name, not a count of banks (see NUMBERED_BANK)."""
    return bool(NUMBERED_BANK.fullmatch(name.strip()))


def _listed_bank(name: str) -> bool:
    """A bank, 信用金庫 or 信用組合 of the bank code table, or a bank named by its charter's number (八十二銀行)."""
    return is_institution(name) or is_numbered_bank(name)


def _official_short_form(name: str) -> bool:
    """商工中金, 日本公庫: a national body's official short form (`institutions.national_bodies`)."""
    return any(name in shorts for shorts in national_bodies().values())


def _with_ending(item: str, ending: str) -> str:
    """The item with the ending its list shares given back: 東西 + 信用金庫; a body already stays, and so
    does a university's short form (弘前大, 信大, 東京農大: 大学 would double 大, and 学 alone makes no
    name of 東京農大)."""
    if is_signing_body(item) or (ending.endswith("大学") and item.endswith("大")):
        return item
    if item.endswith(("信金", "信組")) and ending in ("信用金庫", "信用組合"):
        return item[:-2] + ending  # 東西信金: the short form of the ending written in the item
    return item + ending


def branch_end(text: str, end: int) -> int:
    """The end of a name's office written right after it (…銀行志免支店), else end itself; a count of
    offices (…公庫県内全5支店, …公庫4支店) is no office: the body signs for them."""
    m = _BRANCH.match(text, end)
    if m and not COUNTED_OFFICES.search(m.group(1)):
        return m.end()
    m = _FACULTY.match(text, end) if text[max(0, end - 2):end] == "大学" else None
    return m.end() if m else end


# What a body is to another, written before its name with a dot: 「東西銀行の子会社・東西リース」
RELATION = re.compile(r"の?(?:完全|100%)?(?:子会社|孫会社|関連会社|グループ会社|系列会社|持株会社|持ち株会社)\Z")


def name_start(text: str, start: int) -> int:
    """The start of a name written with a middle dot inside it: 〇〇県事業承継・引継ぎ支援センター is one
    body when the part before the dot cannot stand alone as one (青葉県事業承継 is no body); 大府市・
    大府商工会議所 are two."""
    if start < 2 or text[start - 1] not in "・･":
        return start
    m = re.search(r"[^\s、,，。・･()（）「」『』と]{2,15}\Z", text[max(0, start - 16):start - 1])
    if not m:
        return start
    left = m.group(0)
    if is_signing_body(left) or is_municipality(left) or _HOLDING.search(left) or RELATION.search(left):
        return start  # (東西ホールディングス・東西銀行: the holding company and its bank are two; 東西銀行の子会社・
        # 東西リース: the dot follows what the body is to another, not a part of its name)
    return start - 1 - len(left)


def bare_municipality(name: str) -> str:
    """岡山県津山市 -> 津山市, 余市郡仁木町 -> 仁木町: a municipality is named without its prefecture or
    district, as elsewhere."""
    m = re.match(r"^(?:東京都|北海道|(?:大阪|京都)府|.{2,3}県)(.+[市区町村])$", name)
    if m and is_municipality(m.group(1)) and is_municipality(name[:m.start(1)]):
        name = m.group(1)
    m = re.match(r"^[^\s、,()（）]{1,5}?郡(.+[町村])$", name)  # 余市郡仁木町 -> 仁木町: a town without its district
    if m and is_municipality(m.group(1)):
        return m.group(1)
    return name
