"""Site chrome for a text, derived from its `source:` URL and `title:` header.

Takes a text's source URL and title and gives a `SiteSpec`: what kind of site published it
(a host pattern: 例規集, city/town hall, government body, bank, university, news, 同友会 /
商工会議所 / 商工会 and other associations, document-sharing sites, blogs), a site name, the
`Site` chrome (menu, footer, copyright, CMS or semantic flavour), breadcrumbs and the charset the
page is served in. Nothing here names one document: every value comes from the host, the path
or the title, so a new text gets its chrome by the same rules.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from scripts.samplegen.render import Site

# First match wins; searched in host + path, lower case.
HOST_KINDS: list[tuple[str, str]] = [
    ("reiki", r"reiki|joureikun|iuris\.jp"),
    ("docs", r"expydoc\.com|paperzz\.com"),
    ("university", r"\.ac\.jp"),
    ("government", r"\.go\.jp|\.gr\.jp"),
    ("city", r"(?:^|[.-])(?:city|town|vill|pref)[.-]|\.lg\.jp"),
    ("bank", r"shinkin|bank|higashin|ginko"),
    ("doyu", r"doyu\.jp"),
    ("jcci", r"jcci\.or\.jp"),
    ("association", r"cci\.or\.jp|shoko|chuokai|sba\.or\.jp|\.or\.jp"),
    ("news", r"news|nikkin|\.tv/|nwn\.jp|takasakiweb"),
]
KIND_SECTION = {  # the breadcrumb between home and the page
    "reiki": "本文", "docs": "ドキュメント", "university": "ニュース", "government": "報道発表",
    "city": "お知らせ", "bank": "ニュースリリース", "doyu": "活動報告", "jcci": "ニュース",
    "association": "お知らせ", "news": "ニュース", "blog": "ブログ",
}
KIND_NAV = {
    "reiki": ["例規集トップ", "体系目次", "五十音索引", "制定年別索引", "本文検索", "改正履歴", "使い方"],
    "city": ["ホーム", "くらし・手続き", "子育て・教育", "健康・福祉", "産業・しごと", "観光・文化", "市政情報"],
    "government": ["ホーム", "政策", "報道発表", "統計", "組織案内", "お問い合わせ"],
    "university": ["大学案内", "学部・大学院", "入試情報", "研究", "社会連携", "ニュース"],
    "bank": ["個人のお客さま", "法人・事業者のお客さま", "店舗・ATM", "ニュースリリース", "会社情報"],
    "news": ["トップ", "地域", "経済", "政治", "社会", "スポーツ", "おくやみ"],
    "doyu": ["ホーム", "同友会とは", "活動報告", "政策・提言", "入会案内"],
    "jcci": ["ホーム", "ニュース", "経営支援", "政策提言", "商工会議所一覧"],
    "association": ["ホーム", "組織概要", "事業案内", "お知らせ", "会員募集", "アクセス"],
    "docs": ["ホーム", "アップロード", "カテゴリー", "ログイン"],
    "blog": ["ホーム", "プロフィール", "カテゴリー", "アーカイブ"],
}
KIND_FOOTER = {
    "reiki": "この例規集は参考のためのものです。正式なものは公報をご覧ください。",
    "city": "開庁時間:午前8時30分から午後5時15分(土曜日・日曜日・祝日・年末年始を除く)",
    "government": "法人番号・所在地・地図はアクセスのページをご覧ください。",
    "university": "入試・広報に関するお問い合わせは各担当窓口へ",
    "bank": "登録金融機関 預金保険制度の対象です。",
    "news": "掲載記事・写真の無断転載を禁じます。",
    "doyu": "中小企業家同友会 事務局",
    "jcci": "日本商工会議所 広報部",
    "association": "事務局 受付時間 平日9時から17時",
    "docs": "ユーザーが投稿した文書です。",
    "blog": "コメント・トラックバックは承認制です。",
}
CMS_KINDS = ("city", "government")  # XHTML with tmp_* div ids, like 例規集 systems (reiki_honbun); the others HTML5
CHARSETS = {  # kind -> (charset declared, python codec, meta style)
    "reiki": ("EUC-JP", "euc_jp", "http-equiv"),
    "city": ("Shift_JIS", "cp932", "http-equiv"),
    "government": ("Shift_JIS", "cp932", "charset"),
}
UTF8 = ("UTF-8", "utf-8", "charset")
MUNICIPALITY = re.compile(r"^[^\W\d_第]{1,6}?[市区町村]|^[^\W\d_第]{2,3}[都道府県]")  # 「目黒区…条例」「徳島県…規則」
HOST_BODY = re.compile(r"(?:^|[.-])(city|town|vill|pref)[.-]([a-z]+)")  # city.hirakata.osaka.jp, www-pref-shizuoka-jp
BODY_EN = {"city": "City", "town": "Town", "vill": "Village", "pref": "Prefecture"}


@dataclass
class SiteSpec:
    kind: str
    site: Site
    crumbs: list[str]
    charset: str
    codec: str
    meta_style: str


def site_kind(uri: str) -> str:
    parts = urlsplit(uri)
    where = (parts.netloc + parts.path).lower()
    return next((kind for kind, pattern in HOST_KINDS if re.search(pattern, where)), "blog")


def site_name(kind: str, uri: str, title: str) -> str:
    """The publisher as the title names it (「…(平塚市)」, not an event's name like 「(沖縄大会)」),
    else the municipality a 例規集 is of, else a municipality's name from its host, else the host."""
    suffix = re.search(r"[(（]([^()（）]+)[)）]\s*$", title)
    if suffix and not suffix.group(1).endswith("大会"):
        return suffix.group(1)
    host = urlsplit(uri).netloc.removeprefix("www.")
    if kind == "reiki":
        m = MUNICIPALITY.match(title)
        return (m.group(0) if m else host + " ") + "例規集"
    m = HOST_BODY.search(host)
    if m:
        return f"{m.group(2).capitalize()} {BODY_EN[m.group(1)]}"
    return host


def site_for(uri: str, title: str) -> SiteSpec:
    kind = site_kind(uri)
    name = site_name(kind, uri, title)
    host = urlsplit(uri).netloc.removeprefix("www.")
    site = Site(name, KIND_NAV[kind], [name, KIND_FOOTER[kind]], f"Copyright © {host}. All Rights Reserved.",
                "cms" if kind in CMS_KINDS or "reiki_honbun" in uri else "semantic")
    charset, codec, meta_style = CHARSETS.get(kind, UTF8)
    if kind not in CHARSETS and urlsplit(uri).scheme == "http":
        charset, codec, meta_style = "Shift_JIS", "cp932", "charset"  # older sites served over plain http
    return SiteSpec(kind, site, ["ホーム", KIND_SECTION[kind], title], charset, codec, meta_style)
