"""Who a document speaks for and when it dates itself: the subject a sentence leaves out.

Takes a document's title and text and gives:

- `publisher(title, text)`: the body that publishes the page, when the title
  names it in its last brackets (「…を締結しました(平塚市)」, 「…(武蔵野銀行)」,
  「…(静岡県中小企業団体中央会)」) and the name is a body that can sign an
  agreement: a municipality of the gazetteer, a financial institution or
  national body of the institutions table, or a name ending in an
  organisation word. A news site (「(高崎新聞)」, 「(ニュース和歌山)」) is no
  publisher in this sense: it reports on others.
- `stands_for_publisher(word, name)`: whether a self-reference (本市, 市, 当行,
  本会, 当金庫, 本学) can stand for that publisher.
- `document_date(text)`: the date the document gives itself, read by
  `language.dates.document_date` (one reader for every form; re-exported here).
  A release's 「本日」「このたび」 and a news article's 「6日」 are read against it.
"""
from __future__ import annotations

import re
from extractors.language.dates import DocDate, document_date  # noqa: F401  (re-exported)
from extractors.language.gazetteer import is_municipality
from extractors.language.institutions import is_institution

ORG_WORDS = ("銀行", "信用金庫", "信用組合", "労働金庫", "商工会議所", "商工会", "中央会", "同友会", "連合会",
             "協会", "協議会", "機構", "公庫", "金庫", "庁", "経済産業局", "大学", "センター", "委員会",
             "財団", "公社", "組合", "研究所", "支援拠点", "学校", "学園")
_BRANCH_OF = re.compile(r"(?:支店|支所|出張所|営業部)$")
_TITLE_BRACKETS = re.compile(r"[(（]([^()（）]{2,40})[)）]\s*$")
# Self-references and the ending the publisher's name must have for them to stand for it.
_SELF_ENDINGS = {"市": ("市",), "町": ("町",), "村": ("村",), "区": ("区",), "県": ("県",), "府": ("府",),
                 "行": ("銀行",), "金庫": ("金庫",), "会": ("会", "会議所"), "学": ("大学",), "機構": ("機構",),
                 "協会": ("協会",), "センター": ("センター",), "庁": ("庁",), "組合": ("組合",),
                 "所": ("会議所",)}
_SELF = re.compile(r"^(?:本|当|同|わが|我が|弊)?(市|町|村|区|県|府|行|金庫|会|学|機構|協会|センター|庁|組合|所)$")
_TITLE_SEPARATORS = re.compile(r"\s[|｜\-–—/]\s|[|｜]|^【|】")
_CONTACT = re.compile(r"^\s*[【\[(（<〈■◆]?\s*(?:本件に関する|本発表の|この記事に関する)?\s*(?:お?問い?合わ?せ先?|問合せ先?|連絡先)[】\])）>〉]?")
TOP_LINES = 12  # the site's name or the publisher stands on one of the top lines


def is_signing_body(name: str) -> bool:
    """A name that can be a party: a municipality, a listed institution, or an organisation's name."""
    name = name.strip()
    if _BRANCH_OF.search(name):  # 日本政策金融公庫熱田支店: a body's office
        body = name[:_BRANCH_OF.search(name).start()]
        if any(is_signing_body(body[:i]) for i in range(len(body), max(2, len(body) - 10), -1)):
            return True
    return bool(name) and (is_municipality(name) or is_institution(name)
                           or (name.endswith(ORG_WORDS) and len(name) > 3 and name not in ORG_WORDS))


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
    if len(segments) >= 2:  # 「…を締結しました | 船橋市」, 「【東西銀行】…」: the site's name
        for seg in (segments[-1], segments[0]):
            if is_signing_body(seg):
                return seg
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if _CONTACT.match(line):
            for below in lines[i:i + 6]:
                for item in re.split(r"[\s:：、,]", _CONTACT.sub("", below)):
                    if is_signing_body(item.strip()):
                        return item.strip()
    top = [line.strip() for line in lines if line.strip()][:TOP_LINES]
    return next((line for line in top if is_signing_body(line)), None)


def stands_for_publisher(word: str, name: str | None) -> bool:
    """本市/市 for a 市, 当行 for a 銀行, 本会 for a 中央会 or 商工会 …"""
    m = _SELF.match(word)
    return bool(name and m and name.endswith(_SELF_ENDINGS[m.group(1)]))
