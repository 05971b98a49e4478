"""Who a document speaks for and when it dates itself: the subject a sentence leaves out.

Takes a document's title and text and gives:

- `publisher(title, text)`: the body that publishes the page, when the title
  names it in its last brackets (「…を締結しました(船橋市)」, 「…(東西銀行)」,
  「…(青葉県中小企業団体中央会)」) and the name is a body that can sign an
  agreement: a municipality of the gazetteer, a financial institution or
  national body of the institutions table, or a name ending in an
  organisation word. A news site (「(みなみ新聞)」, 「(ニュース青葉)」) is no
  publisher in this sense: it reports on others.
- `stands_for_publisher(word, name)`: whether a self-reference (本市, 市, 当行,
  本会, 当金庫, 本学) can stand for that publisher.
- `document_date(text)`: the date the document gives itself, read by
  `language.dates.document_date` (one reader for every form; re-exported here).
  A release's 「本日」「このたび」 and a news article's 「6日」 are read against it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.language.dates import DocDate, document_date  # noqa: F401  (re-exported)
from extractors.language.gazetteer import find_municipalities, is_municipality
from extractors.language.institutions import find_institutions, is_institution
from extractors.language.org_names import group_nouns, opener_length
from extractors.records.officials import ends_with_office

ORG_WORDS = ("銀行", "信用金庫", "信用組合", "労働金庫", "商工会議所", "商工会", "中央会", "同友会", "連合会",
             "協会", "協議会", "機構", "公庫", "金庫", "庁", "経済産業局", "大学", "センター", "委員会",
             "財団", "公社", "組合", "研究所", "支援拠点", "学校", "学園", "士会", "病院",
             "市長会", "町村会", "区長会", "議長会")  # associations of municipalities (京都府市長会, 特別区長会)
# A company written with its legal form before or after its name: 株式会社東西リース, 東西リース株式会社
# a company by its legal form, written out or abbreviated in brackets (「ココホレ(株)」, 「(有)東西商店」)
_WITH_LEGAL_FORM = re.compile(r"(?:株式会社|有限会社|合同会社|\([株有]\))[^\s、,。()（）「」]{2,30}|"
                              r"[^\s、,。()（）「」]{2,30}(?:株式会社|有限会社|合同会社|\([株有]\))")
_BRANCH_OF = re.compile(r"(?:支店|支所|支部|本部|出張所|営業部)$")
_COOP_BRAND = re.compile(r"..(?:協同組合|生協)[ぁ-んァ-ヶー]{2,10}$")  # 生活協同組合コープこうべ: the brand after the kind
# An insurance company named by its kind (東京海上日動火災保険, 共栄火災海上保険, 明治安田生命保険),
# or with its brand after the kind (損害保険ジャパン): a name of four characters or more before the kind, so that
# a line of insurance (住宅火災保険, 団体生命保険) is none
_INSURER = re.compile(r"[^\s、,。()（）「」]{4,16}(?:火災保険|損害保険|海上保険|生命保険)(?:相互会社|株式会社)?|(?:損害保険|生命保険)[ァ-ヶー]{2,10}[\u4e00-\u9fff]{0,6}")
# JA and its area (JA上伊那, JAあいち知多): the brand under which an agricultural cooperative (…農業協同組合) signs
_JA_BRAND = re.compile(r"JA\s?(?!グループ|共済|バンク)[\u4e00-\u9fffぁ-んァ-ヶー]{2,8}")
_TITLE_BRACKETS = re.compile(r"[(（]([^()（）]{2,40})[)）]\s*$")
# Self-references and the ending the publisher's name must have for them to stand for it.
_SELF_ENDINGS = {"市": ("市",), "町": ("町",), "村": ("村",), "区": ("区",), "県": ("県",), "府": ("府",),
                 "行": ("銀行",), "金庫": ("金庫",), "会": ("会", "会議所"), "学": ("大学",), "機構": ("機構",),
                 "協会": ("協会",), "協議会": ("協議会",), "センター": ("センター",), "庁": ("庁",), "組合": ("組合",),
                 "所": ("会議所",), "校": ("校", "高専")}  # 本校: a school (高等専門学校, 短期大学校, 高等学校)
_SELF = re.compile(r"^(?:本|当|同|わが|我が|弊)?(市|町|村|区|県|府|行|金庫|会|学|機構|協議会|協会|センター|庁|組合|所|校)$")
_TITLE_SEPARATORS = re.compile(r"\s[|｜\-–—/]\s|[|｜]|^【|】")
_CONTACT = re.compile(r"^\s*[【\[(（<〈■◆]?\s*(?:本件に関する|本件についての|本件に関しての|本発表の|この記事に関する|このページに関する|この件に関する)?\s*"
                      r"(?:お?問い?合わ?せ先?|問合せ先?|連絡先)[】\])）>〉]?")
# What a site's name or a contact line adds to the body's name: 船橋市公式ホームページ, 船橋市役所, 船橋市経済部商工振興課
_SITE = re.compile(r"(?:公式)?(?:ホームページ|ウェブサイト|webサイト|Webサイト|WEBサイト|サイト|HP)$")
_OFFICE_AFTER = re.compile(r"役所|役場|庁舎|本庁|\S{0,14}?(?:部|課|係|室|局|センター|事務所)")
TOP_LINES = 12  # the date line of a release or an article sits above its first paragraphs
_ITEM_OR_KEY = re.compile(r"[・○●◎■□◆◇※\-‐*]|[【＜<〈《\[][^】＞>〉》\]\n]{1,12}[】＞>〉》\]]|\(?\d+[).．、]|[^:：\s]{1,12}[:：]")
# A top line that holds more than one name: a breadcrumb (A > B > C), a list (A、B), a label (記事提供: A),
# a heading with a space in it. A body's name alone on its line has none of these.
_NOT_ONE_NAME = re.compile(r"\s|[>＞、。,，:：•]")


# A university's news short form named after its place: 群馬大, 宇都宮大, 埼玉工業大 (the place a prefecture
# or municipality of the gazetteer without its ending); 東洋大 or 信大 say no place and are not read here
_UNIVERSITY_SHORT = re.compile(r"(?P<head>[一-龥ぁ-んァ-ヶー]{2,10})大")
_PLACE_ENDINGS = ("", "県", "市", "都", "府", "町", "村")


def _university_short_form(name: str) -> bool:
    m = _UNIVERSITY_SHORT.fullmatch(name)
    return bool(m) and any(is_municipality(m["head"][:k] + end) for k in range(2, min(5, len(m["head"]) + 1))
                           for end in _PLACE_ENDINGS)


def is_office_name(name: str) -> bool:
    """A body's office named on its own: a place and 支店, 支所, 支部, 本部, 出張所 or 営業部 (宇都宮支店)."""
    return bool(_BRANCH_OF.search(name)) and len(name) > 2 and not is_signing_body(name)


def is_signing_body(name: str) -> bool:
    """A name that can be a party: a municipality, a listed institution, or an organisation's name
    (a university's news short form after its place among them: 群馬大)."""
    name = name.strip()
    if _university_short_form(name):
        return True
    if _BRANCH_OF.search(name):  # 日本政策金融公庫熱田支店: a body's office
        body = name[:_BRANCH_OF.search(name).start()]
        if any(is_signing_body(body[:i]) for i in range(len(body), max(2, len(body) - 10), -1)):
            return True
    return bool(name) and (is_municipality(name) or is_institution(name)
                           or (name.endswith(ORG_WORDS) and len(name) > 3 and name not in ORG_WORDS)
                           or bool(_COOP_BRAND.search(name)) or bool(_JA_BRAND.fullmatch(name)) or bool(_INSURER.fullmatch(name)) or (bool(_WITH_LEGAL_FORM.fullmatch(name)) and not ends_with_office(name)))


def publisher(title: str | None, text: str = "") -> str | None:
    """The signing body the page speaks for: named in the title's last brackets (the last item
    that is one), else first in its 【お問い合わせ先】 block, else alone on one of its top lines."""
    m = _TITLE_BRACKETS.search(title or "")
    if m:
        items = [i.strip() for i in re.split(r"[・、,\s]", m.group(1))]
        bodies = [i for i in items if is_signing_body(i)]
        if bodies:
            return bodies[-1]
        return None  # a news site or another page's name: it reports on others
    segments = [x.strip() for x in _TITLE_SEPARATORS.split(title or "") if x.strip()]
    if len(segments) >= 2:  # 「…を締結しました | 船橋市」, 「【東西銀行】…」, 「… - 船橋市ホームページ」: the site's name
        for seg in (segments[-1], segments[0]):
            body = _site_body(seg)
            if body:
                return body
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if _CONTACT.match(line):
            for below in lines[i:i + 6]:
                for item in re.split(r"[\s:：、,]", _CONTACT.sub("", below)):
                    body = _site_body(item.strip(), offices=True)
                    if body:
                        return body
    filled = [line.strip() for line in lines if line.strip()]
    # (・弘前大学, 【締結先】弘前大学: a list's item or a key's value names a party, not the page's own body)
    top = [line for line in filled[:TOP_LINES] if not _ITEM_OR_KEY.match(line)]
    found = next((body for body in map(_site_body, top) if body and not _NOT_ONE_NAME.search(body)), None)
    return found or next((body for body in map(_sender, top + filled[-FOOT_LINES:][::-1]) if body), None)


FOOT_LINES = 4  # a release closes with its sender's line


def _sender(line: str) -> str | None:
    """A release's sender line: a body's name and its office, parted by a space (「東西テック株式会社 広報部」,
    「青葉銀行 経営企画部 広報室」); a name alone there may be a list's last row, so it takes none."""
    parts = line.split()
    if len(parts) < 2 or len(parts) > 3 or not is_signing_body(parts[0]):
        return None
    return parts[0] if all(_OFFICE_AFTER.fullmatch(p) for p in parts[1:]) else None


def _site_body(item: str, offices: bool = False) -> str | None:
    """The body an item names alone, or with a site's name after it (船橋市公式ホームページ); in a
    contact block also with its office or division (船橋市役所, 船橋市経済部商工振興課)."""
    if is_signing_body(item):
        return item
    m = _SITE.search(item)
    head = item[:m.start()] if m and m.start() > 1 else item
    if head != item and is_signing_body(head):
        return head
    for i in range(len(head) - 1, 1, -1):  # the longest municipality or institution the item starts with
        pre, rest = head[:i], head[i:]
        if (is_municipality(pre) or is_institution(pre)) and \
                ((head != item and not rest) or (offices and _OFFICE_AFTER.fullmatch(rest))):
            return pre
    return None


_TITLE_ORG = re.compile(r"[\u4e00-\u9fff々ァ-ヶー]{2,20}?(?:" + "|".join(ORG_WORDS) + ")")


# A place where another body has its seat (「大阪府と奈良県に本部があり」): not a body the page speaks of
SEAT_AFTER = re.compile(r"\s?(?:と[^\s、。と]{2,4}?(?:都|道|府|県))?\s?に\s?(?:本部|本社|本店|本拠|拠点|事務所)")


def _bodies_named(text: str) -> list[str]:
    """Every mention of a body in text, in order: municipalities, listed institutions, organisation
    names (a mention inside a longer one is not counted apart; a place where another body has its seat
    is none)."""
    found = [(s, e, n) for s, e, n in find_municipalities(text) + find_institutions(text) if not SEAT_AFTER.match(text, e)]
    for m in _TITLE_ORG.finditer(text):
        at = m.start() + opener_length(text, m.start(), m.end())  # 「是非大学の…」: an adverb, then a kind word
        if is_signing_body(text[at:m.end()]):
            found.append((at, m.end(), text[at:m.end()]))
    out, reach = [], -1
    for s, e, name in sorted(found, key=lambda f: (f[0], f[0] - f[1])):
        if e > reach:
            out.append(name)
            reach = e
    return out


def title_bodies(title: str) -> list[str]:
    """The bodies a title names, each once, in order."""
    out: list[str] = []
    for name in _bodies_named(title):
        if name.endswith(("県", "府", "都", "道")) and re.search(re.escape(name) + r"[^\s、・()（）]{1,6}[市区町村]", title):
            continue  # 富山県射水市: the prefecture of a municipality's address
        if not any(name in o or o in name for o in out):
            out.append(name)
    return out


# A self-reference standing as a noun phrase (本市は, 当行と, 本県の), not inside a compound (本県物産)
_SELF_IN_TEXT = re.compile(r"(?:本|当|弊|わが|我が)(市|町|村|区|県|府|行|金庫|学|機構|協会|センター|庁|所|校)"
                           r"(?=\s?(?:は|が|と|も|の|、|,|で|に|を|として|では|から|より|。|\)|）|$))")


def self_referenced_body(text: str) -> str | None:
    """A page that writes 本市/当行/本学 but names no publisher elsewhere: the body of that kind it
    names most often (twice at least), other than a body written beside the self-reference as
    another party (「射水市と本市で」)."""
    return _most_named(text, {m.group(1) for m in _SELF_IN_TEXT.finditer(text)}, _SELF_IN_TEXT)


def self_words_deny(text: str, name: str) -> bool:
    """Whether the page writes itself only by self-references none of which can stand for `name` (本学 on a page
    whose title names 【地域連携センター】): `name` is one of its offices or another's, not the body it speaks for. A
    municipality or a listed institution is a firm publisher (a city's page quotes a bank's 当金庫)."""
    if is_municipality(name) or is_institution(name):
        return False
    words = [m.group() for m in _SELF_IN_TEXT.finditer(text)]
    return bool(words) and not any(stands_for_publisher(w, name) for w in words)


def body_of_kind(text: str, word: str) -> str | None:
    """The body a bare self-reference (市, 県, 当協会) on a page that names no publisher stands for: the
    body of that kind the page names most often (twice at least) or the only one it names, not one
    written beside the word."""
    m = _SELF.match(word)
    if not m:
        return None
    return _most_named(text, {m.group(1)}, re.compile(rf"(?<![\u4e00-\u9fff]){re.escape(word)}(?![\u4e00-\u9fff])"),
                       alone=True)


@lru_cache(maxsize=1)
def _kind_words() -> frozenset[str]:
    """The kind words of language/data/group_nouns.json (大学, 短期大学, 高等学校, 高等専門学校 …) and ORG_WORDS."""
    return frozenset(group_nouns()["kinds"]) | frozenset(ORG_WORDS)


def _most_named(text: str, kinds: set[str], written: re.Pattern, alone: bool = False) -> str | None:
    """The body of those kinds text names most often (twice at least; with `alone`, also the only one
    named, once), leaving out any written beside a self-reference as another party; a name that is the
    tail of one other name (保証協会 after 東京信用保証協会) counts for that body; a kind word written alone
    (「高等専門学校を卒業した」, 「短期大学の学生」) names a kind of body, no body."""
    endings = tuple(e for k in kinds for e in _SELF_ENDINGS[k])
    if not endings:
        return None
    counts: dict[str, int] = {}
    for name in _bodies_named(text):
        if endings and name.endswith(endings) and is_signing_body(name) and name not in _kind_words():
            counts[name] = counts.get(name, 0) + 1
    for name in list(counts):  # 「東京信用保証協会…保証協会利用率」: the tail of a body named in full is that body
        whole = [n for n in counts if n != name and n.endswith(name)]
        if len(whole) == 1:
            counts[whole[0]] += counts.pop(name)
    for m in written.finditer(text):  # 「射水市と本市で」: a body written beside 本市 is another one
        beside = text[max(0, m.start() - 16):m.start()] + "|" + text[m.end():m.end() + 16]
        for name in list(counts):
            if re.search(rf"{re.escape(name)}\s?(?:と|、|・|及び|および)\|", beside) or \
                    re.search(rf"\|\s?(?:と|、|・|及び|および)\s?{re.escape(name)}", beside):
                del counts[name]
    best = max(counts.items(), key=lambda kv: kv[1], default=(None, 0))  # ties: the first named
    return best[0] if best[1] >= 2 or (alone and len(counts) == 1) else None


def stands_for_publisher(word: str, name: str | None) -> bool:
    """本市/市 for a 市, 当行 for a 銀行, 本会 for a 中央会 or 商工会 …"""
    m = _SELF.match(word)
    return bool(name and m and name.endswith(_SELF_ENDINGS[m.group(1)]))
