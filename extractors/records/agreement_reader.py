"""What the agreement rules know of one document, and the parties of a signing sentence.

Takes a `DocContext` and gives an `AgreementReader`: the document's publisher
(`publisher`), its own date, the aliases it introduces, the institutions it
names, its hard wrapping (`wrapping`), and for a signing sentence its parties
(`parties`): the predicate's arguments in GiNZA's dependency parse
(`language.arguments`), the organisation and place names before the agreement
word outside asides in brackets, bracketed and counted lists (`coordination`,
`party_groups`), names with hiragana inside (`language.org_names`), a name no rule
tagged that is joined by と to a party in the subject (「A市とX(…)は」) or that opens
a clause as the partner of a subject party (「A市は1日、Xと…協定を」), an item of a
list of parties written beside one of them (「A大学・Bホールディングス・C銀行と」), short forms
the page introduces (みなと銀), a company no kind word ends when the parse makes
it the subject or partner; a self-reference (本市, 当行, 本会) or an omitted
subject is the publisher (not in a speaker's quoted words: 「…柏市とも提携し…」と
述べた), or on a page with none the topic (Xは) of an earlier sentence of the
paragraph, else the body the page writes itself as elsewhere (本学の…, 「県と同社が」:
`page_self`), and a self-reference the page never resolves stays as
written (当協会); 同市 or 同大学 is the body of that kind named before, a division
or town hall acts for its body; a group noun, an official, a witness, observer
or helper, a place named in passing or as a body's address (X市のY信用金庫), a
country, a concept the model took for a name, a name inside a clause that modifies the signer (「A銀行などを傘下に
持つB社は」: the signer is the name the clause ends on) is no party.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date as date_cls, timedelta
from functools import cached_property

from extractors.language.arguments import Argument
from extractors.language.dates import DateMention, find_dates
from extractors.language.gazetteer import PREFECTURE_SUFFIX, is_municipality
from extractors.language.institutions import find_institutions, is_institution, short_form_aliases
from extractors.language.org_names import find_org_names, opener_length, spaced_latin_names
from extractors.records.agreement_splits import same_body
from extractors.records.context import DocContext, strip_quotes
from extractors.records.coordination import (COUNTED_OFFICES, KIND_CLASSES, RELATION, Named, bare_municipality, bracket_list, branch_end,
                                             counted_kind, name_start, party_key, shared_ending)
from extractors.records.officials import ends_with_office, observer_before, official_after, witness_after
from extractors.records.party_groups import counted_lists, group_word, is_group_noun, is_numbered_bank, list_below
from extractors.records.publisher import (ORG_WORDS, body_of_kind, is_signing_body, publisher, self_referenced_body,
                                          self_words_deny, stands_for_publisher, title_bodies)
from extractors.records.wrapping import Wrapping
from schemas.records import Candidate

_ROLE_AFTER = re.compile(r"^(?:グループの|傘下の|会頭|理事|所長|支店長|知事|長|役所|議会|職員|民|内|外|立|側|役場|長ら|理事長|学長|頭取|会長|社長|代表|会員)")
_PARTY_SEP = re.compile(r"^[\s]*(?:と|、|,|，|及び|および|並びに|ならびに|や|・|×)")  # (柏市×東西銀行: a pairing)
SUBJECT_AFTER = re.compile(r"\s?(?:[(（](?:[^()（）]|[(（][^()（）]*[)）])*[)）])?\s?(?:は|が)")  # (an aside, one nested)
_QUOTED_ORG = re.compile(r"「([^「」]{3,40}?)」")
# 「青葉まつり」実行委員会: a quoted event or project name and the kind of body that runs it
QUOTED_HEAD = re.compile(r"「[^「」\n]{2,30}」(?:" + "|".join(("実行委員会", "推進協議会", "協議会", "委員会", "研究会",
                                                              "連絡会", "推進会議", "ネットワーク") + ORG_WORDS) + ")")
_INTRODUCED = re.compile(r"\s?(?:【[^【】\n]{1,30}】\s?)?[(（](?:[^()（）]*?[、,:：]\s?)?以下[、・,]?\s?[「『]?([^「」『』、,()（）\s]{2,20})[」』]?(?:という)?")
_PARTICLE_START = "とはがをにでのへや"
_PREDICATE_AFTER = re.compile(r"\s?(?:し|す|さ|式|を行|いた|の運び|予定|へ|に向け)")
_BACK_KINDS = {"信金": "信用金庫", "信組": "信用組合", "行": "銀行", "社": "株式会社", "庫": "金庫", "実行委": "実行委員会",
               "会": "会", "所": "会議所"}
_SELF_WORD = re.compile(r"^(?:本|当|同|弊|わが|我が)?(?:市|町|村|区|県|府|行|金庫|会|学|機構|協会|所|社|大学|校)$")
_BARE_GROUP = re.compile(r"(?<![\u4e00-\u9fff々ァ-ヶー])(大学|短期大学|金融機関|信用金庫|信用組合|銀行|商工会議所|商工会|自治体|"
                         r"市町村|企業|団体|機関)"
                         r"(?=と(?:の間|、|\s)?[^、。]{0,40}?(?:協定|覚書|提携|契約))")
_COLLECTIVE = re.compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{1,4}?[0-9一二三四五六七八九十]+(?:県|府県|都道府県|市町村|市町|市)の\Z")
# 「…に続き」: what comes before it is an earlier agreement
_FOLLOWS = re.compile(r"(?:だ|た)?のに続|に続い|に続き|に続く|に引き続")
_COORDINATED = re.compile(r"\s?(?:[(（][^()（）]{0,40}[)）])?\s?(?:と|、|,|及び|および|並びに|ならびに)\s?")
_DIVISION = re.compile(r"(?:課|係|室|(?<!本)(?<!支)(?<!学)(?<!営業)部|事業部|グループ|チーム)$")  # (本店営業部 is a branch)
PUBLIC_BODY_END = ("都", "道", "府", "県", "市", "区", "町", "村")
_OTHER_CASE = re.compile(r"\s?(?:を|で|へ|から|より|による|において|における|に(?!よる|おいて|おける))")
# The rest of a name written right after a place name, up to a particle or a separator (千葉県|弁護士会と)
_NAME_RUN = re.compile(r"[一-龥々ァ-ヺー]{1,12}(?=[とはがのもや、,，・()（）\s]|及び|および|並びに|$)")
_ASIDE_AFTER = re.compile(r"\s?[(（][^()（）]{0,40}[)）]")
_BACK_PREFIX = re.compile(r"同(?:大学校|短期大学|大学|学校|市|町|村|区|県|社|行|信金|金庫|機構|協会|会議所)")
_SIGNED_BEFORE = re.compile(r"(?:締結|調印|提携)(?:いた)?した\s?\Z|結んだ\s?\Z")
_PLACE_WORDS = re.compile(r"(?:キャンパス|会場|庁舎|会館|ホール|役所|役場|本庁舎|議室|応接室)$")  # (会議室, 庁議室)
_ROOM = re.compile(r"(?:議室|応接室|ホール|会場)$")  # 「同市役所2階庁議室で」: a room, though the name read stops at 庁
NOT_A_NAME = re.compile(r"(?:^|両|各|計|(?<!第)[0-9一二三四五六七八九十](?:つの)?)(?:" + "|".join(ORG_WORDS) + ")$")
# 「両持ち株会社」, 「両社」, 「各行」: both or each of the bodies named before, no body of its own
_GROUP_WORD = re.compile(r"^(?:両|各)(?:持ち株会社|持株会社|会社|社|行|校|者|市|町|村|県|機関|団体|法人|グループ|"
                         r"ホールディングス|支店|自治体|信金)$")
_DOCUMENT_NAME = re.compile(r"(?:ビジョン|計画|戦略|方針|プラン|構想|条例|プログラム|指針|協定書?|覚書|契約書?|合意書)$")
_TOWN_HALL = re.compile(r"(?:役所|役場|庁)$")  # 小諸市役所が協定を結んだ: the town hall acts for its town
# A division written right after its body's name, then a particle: 柏市企画課は, 東西銀行地域創生部と
_DIVISION_AFTER = re.compile(r"([^\s、,。()（）「」とはがのをにでやも]{1,8}?(?:課|室|係|局|事業部|本部|(?<!学)部|グループ))"
                             r"(?=\s?(?:と|は|が|、|,|及び|および|並びに))")
# A body's office, then where in it a thing is held (本店7階会議室で, 本社で、): the venue of the signing
_OFFICE_NAME = re.compile(r"(?:本店|本社|支店|本部|本館|事務所)$")
# Places coordinated before の and a bare kind word: 「墨田区と酒田市の信金が」 names two 信金, not two places
_PLACES_OF_KIND = re.compile(r"(?:\s?(?:と|・|、)\s?[^\s、。とはがの]{1,8}?(?:都|道|府|県|市|区|町|村))*\s?の\s?"
                             r"(?:両|各|[0-9一二三四五六七八九十]+)?(?:信金|信用金庫|信組|信用組合|銀行|地銀|大学|商工会議所|商工会)"
                             r"(?=\s?(?:が|は|と|も|、|同士))")
# A place that is where the body named after it is based: 「岩手県が地盤の」, 「県内を地盤とする」, 「東京を拠点とする」
_HOME_OF = re.compile(r"\s?(?:が|を)\s?(?:地盤|拠点|本拠地?|営業基盤)(?:の|とする|にする|に(?=する|し))")
# A legal form written alone (its name follows in brackets: 国立研究開発法人「東西研究所」)
_BARE_LEGAL_FORM = re.compile(r"(?:国立研究開発|地方独立行政|独立行政|一般社団|公益社団|一般財団|公益財団|国立大学|公立大学|学校|"
                              r"社会福祉|特定非営利活動|NPO)法人|株式会社|有限会社|合同会社")
# An insurer's name (publisher.is_signing_body reads it as one): its brand after its kind (損害保険アオバ東西),
# or its kind after a name of kanji and katakana (東西火災保険), with its legal form after it (東西生命保険相互会社: a
# mutual company, the legal form of the 保険業法 that life insurers have)
_INSURER_NAME = re.compile(r"(?<![ァ-ヶー一-龥々])(?<![ぁ-ゖ][ぁ-ゖ])(?:損害保険|生命保険)[ァ-ヶー]{2,10}[一-龥々]{0,6}|(?<![ァ-ヶー一-龥々])(?<![ぁ-ゖ][ぁ-ゖ])[一-龥々ァ-ヶー]{4,16}(?:火災保険|損害保険|海上保険|生命保険)(?:相互会社|株式会社)?")
# An association of municipalities or of their heads (群馬県市長会, 県町村会, 特別区長会, 全国市議会議長会): one token
# pattern reads (市長|会), the model may leave it out; a body of its own, not the place it names
_ASSOCIATION = re.compile(r"(?<![一-龥々ァ-ヶー])(?:全国|特別|[一-龥々]{0,4}?(?:都|道|府|県)|[一-龥々]{1,4}?市)?"
                          r"(?:市長|町村長|町村|区長|市議会議長|町村議会議長|知事)会(?![議館場所])")
# What the body named before is to the party written next: 「A銀行の子会社・B」, 「A社の関連会社であるB」
_OWNER_OF = re.compile(r"\s?の?\s?(?:完全|100%)?(?:子会社|孫会社|関連会社|グループ会社|系列会社)")
# The rest of a place's word (舎 of 本庁舎) and the particle of where something is held
_PLACE_CUT = re.compile(r"\s?([^\s、。,()（）とはがをにでの]{1,4})(?:にて|において|で)")
_VENUE_AFTER = re.compile(r"\s?[^、。「」()（）\s]{0,12}?で[、,\s]")
# After a place's name: the place is where the bodies after it are (県内の, 市内で, 県下の), no body of its own
_REGION_WORD = r"(?:内|下|域)(?:の|で|に|外)"
_OFFICE_OF = re.compile(r".{0,10}?(?:支店|支所|営業部|連合店|本店|出張所|事務所|本部|支部|学部|研究科|短期大学部|大学院)")
# after a body's name (and an aside in brackets): the body acts in the sentence (a subject, a partner,
# one of a list of them), not a possessor (Xの) or a source (Xより)
_ACTOR_AFTER = re.compile(r"\s?(?:[(（][^()（）]*[)）])?\s?(?:は|が|と(?!の)|とは|も|では|、|・|及び|および|並びに)")
# 同町, 同村, 同商工会 written before a particle: the town, village or society named before (back_reference)
_BACK_WORD = re.compile(r"同(?:町|村|商工会)(?=\s?(?:は|が|と|も|、|及び|および|並びに|では|との|[(（]))")
_BRANCH_AFTER = re.compile(r"\s?([^\s、,。()（）「」とはがのをにで]{1,8}?(?:支店|支所|出張所|営業部))"
                           r"(?=\s?(?:と|は|が|、|,|及び|および|並びに|の(?:間|両)))")
_BARE_BRANCH = re.compile(r"^[^\s、,。()（）]{1,8}(?:支店|支所|出張所|営業部)$")
# 「A大学の前身のB大学と」, 「A市の前身である旧B町と」: A names what the body after it became (or was)
_PREDECESSOR_OF = re.compile(r"\s?の\s?(?:前身|母体|後身)(?:の|である|にあたる|となった)")
MAX_JOINED = 400  # a wrapped sentence is read whole up to this many characters
# The page's own body written as a self-reference: 本市, 当協会, 弊社, a bare 県 or 市 (a prefecture's page)
_UNNAMED_SELF = re.compile(r"(?:本|当|弊|わが|我が)(?:市|町|村|区|県|府|行|金庫|会|学|機構|協議会|協会|センター|会議所|所|社|大学|法人|校)"
                           r"|県|市|町|村|府")
# The speaker's own body in casual writing (a blog): 「うちの大学」, 「うちの会社」 stand as 本学, 弊社 do
_CASUAL_SELF = re.compile(r"(?:うちの|ウチの)(大学|学|市|町|村|会|行|金庫|協会|所|社|校)")
# A sentence that opens by going on from the one before: 「また、」, 「さらに、」, 「同日、」
_GOES_ON = re.compile(r"\s*(?:また|さらに|更に|加えて|あわせて|併せて|同日|同じく)[、,]?")
_THIS_MONTH = re.compile(r"(今月|本月|先月)\s?([0-9]{1,2})日")
_DAY_BEFORE = re.compile(r"(?<![一おととさ])昨日(?=\s?[、,]|\s?(?:に|は|には)?\s?[^\s、,。]{0,30}?(?:締結|調印|署名|結ん|交わ))")
TOPIC_BACK = 3  # sentences back in a paragraph where an omitted subject's topic can stand
# The topic that opens a sentence: a name, は (after a bracketed aside perhaps), not 「…では」「…とは」
_OPENING_TOPIC = re.compile(r"\s?(?:では|でも|も)(?:[、,]|\s|(?=[^\s、,。]))")  # (松戸市も、同行と…: also signs)
_BECOMES = re.compile(r"\s?[」』]?\s?と(?:な[らりるれろっ]|して(?!は|も))")
# 「A商工会議所などと協定を結んだ」: a partner and others the sentence does not name
_AND_OTHERS = re.compile(r"\s?(?:[(（][^()（）]*[)）])?\s?(?:など|等)\s?(?:と|との)")
_BRACKET_HEAD = re.compile(r"\s*[【<＜〈\[［]([^】>＞〉\]］\s、。]{2,30})[】>＞〉\]］]\s?(?=\S)")
_LEGAL_FORMS = ("株式会社", "有限会社", "合同会社", "相互会社")
# 「佐賀県下4信用金庫」, 「福岡県内5市町」: a place that says where a counted group is, no party (「A、B及びCの
# 2市3町」 closes a list of members)
_REGION_OF_COUNT = re.compile(r"\s?(?:下|内|内の)?\s?[0-9一二三四五六七八九十]+(?:つの)?[\u4e00-\u9fff]")
# A page's self-reference as an actor: 本学の, 当行は, 本市が (not 弊社: a company's page names itself), or a bare 県/市/町/村 opening a clause and acting
# (「、県と同社が」, 「市は」), not inside a compound (県内, 市民) nor after a name (千葉県は)
_SELF_ACTOR = re.compile(r"(?<![\u4e00-\u9fff々ァ-ヺー])(?:(?:本|当|弊)(?:市|町|村|区|県|府|行|金庫|学|機構|協会|センター|"
                         r"会議所|大学|校)(?=\s?(?:は|が|と|も|の|では|、))|(?<=[、。\n\s])(?:県|府|市|町|村)(?=\s?(?:は|が|と|では)))")
# A name joined by と to a party, the two the sentence's subject: 「A(…)とX(…)は」, 「XとA(…)が」 (X: no particle
# of a phrase inside it, no comma or bracket)
_CO_NAME = r"([一-龥々ぁ-ゖァ-ヺーA-Za-z0-9・&＆\-]{2,30}?)"
_CO_SUBJECT_AFTER = re.compile(r"\s?(?:[(（][^()（）]*[)）])?\s?と\s?" + _CO_NAME + r"\s?(?:[(（][^()（）]*[)）])?\s?(?:は|が)(?![\u4e00-\u9fff])")
_CO_SUBJECT_BEFORE = re.compile(r"(?:^|(?<=[、。\n\s]))" + _CO_NAME + r"\s?(?:[(（][^()（）]*[)）])?\s?と\s?$")
# A name opening a clause (after 、 or a subject's は/が) joined by と/との to what follows: 「、ヤマト運輸と」
_PARTNER_BEFORE_WORD = re.compile(r"(?:(?<=[、,])|(?<=[はが]、)|(?<=[はが]))\s?" + _CO_NAME +
                                  r"\s?(?:[(（][^()（）]*[)）])?\s?(?:との間で|との間に|との|と)\s?[「『]?")
# 「AとBに関する協定」, 「観光振興と子育て環境の充実に向けた協定」: after と, a word or two joined by の, then the
# subject matter's particle: A is a word of the title, not a partner
_TITLE_PAIR = re.compile(r"[^\s、。,とはがのを「」()（）]{1,10}(?:の[^\s、。,とはがのを「」()（）]{1,8})?"
                         r"(?:に関する|に関わる|に係る|にかかる|についての|に向けた|のための|の推進)")
# What such a name is not: a person (…氏, …さん), a kind of body (自治体, 地元企業), a run ending in kana or
# holding a particle (a phrase)
_NOT_A_CO_NAME = re.compile(r"(?:氏|さん|様|君|自治体|企業|団体|機関|市町村|市町|事業者|関係者|(?<!株式|有限|合同)会社)$|"
                            r"[ぁ-ゖ]$|[のをにでへとはがも]")
# An item of a list right before or after a party: its name (no particle, bracket or separator in it), an
# aside in brackets perhaps, and the separator (、 ・ と, と、)
_SIB_NAME = r"([一-龥々ァ-ヺーA-Za-z0-9&＆]{2,24})"
_SIB_ASIDE = r"(?:\s?[(（][^()（）]{0,40}[)）])?"
_SIBLING_BEFORE = re.compile(r"(?:^|(?<=[、。\n\s・】」]))" + _SIB_NAME + _SIB_ASIDE + r"\s?(?:と、|、|・|と)\s?$")
_SIBLING_AFTER = re.compile(_SIB_ASIDE + r"\s?(?:と、|、|・)\s?" + _SIB_NAME + _SIB_ASIDE +
                            r"(?=\s?(?:、|・|と|は|が|及び|および|並びに))")
# 「A銀行・B銀行などを傘下に持つ持株会社Cは」, 「D信用金庫(…)が参画するE実行委員会は」, 「F銀行が出資するGファンドと」:
# the names inside a clause that modifies a signer (…が/を + a verb written as it modifies a noun) say what the
# signer is, no party; the signer is the name the clause ends on (a holding company's kind word before it left out)
_MODIFIER_CLAUSE = re.compile(r"[」』]?(?:\s?[(（][^()（）]*[)）])?(?:・[^\s、。,「」()（）・]{2,20}?(?:\s?[(（][^()（）]*[)）])?)*"
                              r"\s?(?:など|等)?\s?(?:が|を)[^\s、。,「」()（）]{0,12}?"
                              r"(?:する|した|している|していた|される|された|持つ|もつ|置く|担う|める|ねる|える|わる|いる)"
                              r"(?:持株会社|持ち株会社|親会社)?"
                              r"(?P<head>(?:(?![がをの])[一-龥々ァ-ヺーぁ-ゖA-Za-z0-9]){2,30}?)"  # (no が/を: a clause of its own; no の)
                              r"(?=\s?(?:[(（](?:[^()（）]|[(（][^()（）]*[)）])*[)）])?\s?(?:は|が|と(?!の)))")
# 「…圏」を構成する3市と, …を形成する2市3町と: the signers a clause ends on, counted (named elsewhere)
_COUNTED_SIGNERS = re.compile(r"(?:[0-9一二三四五六七八九十]+(?:市|町|村|区|県|府|市町村|市町|町村|自治体|団体|機関|大学|行|社))+")
_HOLDING_END = re.compile(r"(?:ホールディングス|フィナンシャルグループ)$")  # a holding company: no ORG word ends it
_TOPIC = re.compile(r"\s*([^\s、。,「」()（）とはがをにでのも]{2,24})(?:\s?[(（][^()（）]*[)）])?\s?は(?![じ])")


def _is_address(short: str) -> bool:
    """新富町富田南, 津市栗真町屋町: a place name with more after it, in brackets after a body's name."""
    return any(short[i - 1] in "都道府県市区町村" and is_municipality(short[:i]) for i in range(2, min(len(short), 6))) \
        and not is_signing_body(short)


def _branch_of(name: str, body: str) -> bool:
    """商工組合中央金庫旭川支店 of 商工組合中央金庫: an office of the body (a title that names the partner's branch
    names its body inside that name, no other signer)."""
    key, of = party_key(name), party_key(body)
    return key != of and key.startswith(of) and bool(_OFFICE_OF.fullmatch(key[len(of):]))


def dotted_bodies(name: str) -> list[str]:
    """「東西大学・東西大学短期大学部」, 「柏市・柏商工会議所」: the bodies a name joined by middle dots
    writes, when each part is a body or the first's school or office; else [] (千葉県事業承継・引継ぎ
    支援センター is one body)."""
    parts = name.split("・")
    if len(parts) < 2 or not all(parts) or not is_signing_body(parts[0]):
        return []
    if all(is_signing_body(p) or (p.startswith(parts[0]) and _OFFICE_OF.fullmatch(p[len(parts[0]):]))
           for p in parts[1:]):
        return parts
    return []


def _without_division(name: str) -> str:
    """船橋市経済部商工振興課 -> 船橋市: a department, division or office of a body acts for the body."""
    if not _DIVISION.search(name) or is_institution(name):
        return name
    for i in range(len(name) - 1, 1, -1):
        head = name[:i]
        if (is_municipality(head) or is_institution(head) or head.endswith(ORG_WORDS)) and is_signing_body(head):
            return head
    return name


class AgreementReader:
    """What the agreement rules know of one document beyond its DocContext."""

    def __init__(self, ctx: DocContext):
        self.ctx = ctx
        self.text = ctx.text
        titled = publisher(ctx.doc.title, ctx.text)
        if titled and self_words_deny(ctx.text, titled):
            titled = None  # 【地域連携センター】 over a text that writes itself 本学: the university speaks, not its centre
        self.publisher = titled or self_referenced_body(ctx.text)
        self.doc_date = ctx.doc_date
        self.aliases = {short: full for short, full in
                        {**short_form_aliases(ctx.text), **self._introduced(), **ctx.aliases}.items()
                        if not is_municipality(short) and not short.endswith(PUBLIC_BODY_END)
                        and not _ROLE_AFTER.match(short)
                        and not _is_address(short)  # an address, a title
                        and not NOT_A_NAME.search(full) and not is_group_noun(full)}  # 「3信金(A、B、C)」: a list
        self.institutions = [Candidate(label="ORG", start=s, end=e, text=n, rule="institution")
                             for s, e, n in find_institutions(ctx.text)]
        # 「宮崎・都城・延岡の3つの信用金庫があります」: bodies of a kind the page names by their short names (a
        # later 「この3つの信用金庫と」 counts them)
        self.institutions += [Candidate(label="ORG", start=n.start, end=n.end, text=n.name, rule=n.rule)
                              for n in shared_ending(ctx.text, 0, len(ctx.text)) if n.rule == "agreement-shared-kind"]
        self.arguments: list[Argument] = []
        self.last_groups: list[tuple[str, int, int]] = []  # group nouns the last `parties` call passed over
        self.last_named: list[str] = []  # partners the last `parties` call found written with など (Aなどと)
        self.wrap = Wrapping(ctx.text, ctx.doc.title)
        self.title_bodies = [] if self.publisher else title_bodies(ctx.doc.title or "")

    def _introduced(self) -> dict[str, str]:
        """「X(代表取締役社長:…、以下「DBJ」という。)」, 「X(以下・Y 所在地)」: Y stands for X."""
        out = {}
        for c in self.ctx.cands:
            if c.label not in ("ORG", "GPE"):
                continue
            m = _INTRODUCED.match(self.text, c.end)
            if m and m.group(1) != c.text:
                out.setdefault(m.group(1), c.text)
        return out

    def year(self) -> int | None:
        return self.ctx.year or (self.doc_date.year if self.doc_date else None)

    # ---- sentences -------------------------------------------------------------------------
    def joined_sentence(self, offset: int) -> tuple[int, int]:
        """The sentence at offset, with the lines it wraps over: a line that starts with a
        particle continues the one above; a line that ends with 、 goes on below."""
        s, e = self.ctx.sentence(offset)
        text = self.text
        while s > 0 and text[s:s + 1] in (")", "）") and e - s < MAX_JOINED:
            s = self.ctx.sentence(s - 1)[0]  # the 。 of 「(…、以下「X」という。)」 ends no sentence
        while s > 1 and text[s - 1] == "\n" and text[s:s + 1] and text[s] in _PARTICLE_START \
                and text[s - 2] not in "。！？!?\n" and e - s < MAX_JOINED:
            s = self.ctx.sentence(s - 2)[0]
        while e < len(text) and text[e - 1] == "\n" and e >= 2 and text[e - 2] in "、," and e - s < MAX_JOINED:
            e = self.ctx.sentence(e)[1]
        while s > 1 and text[s - 1] == "\n" and self.wrap.goes_on(s - 1) and e - s < MAX_JOINED:
            s = self.ctx.sentence(s - 2)[0]  # a hard-wrapped text: the line above goes on in this one
        while e < len(text) and text[e - 1] == "\n" and self.wrap.goes_on(e - 1) and e - s < MAX_JOINED:
            e = self.ctx.sentence(e)[1]
        return s, e

    # ---- parties ---------------------------------------------------------------------------
    def name_of(self, c: Candidate) -> str | None:
        casual = _CASUAL_SELF.fullmatch(c.text)
        if casual:  # 「うちの大学」 in a member's blog: the body of that kind the page speaks for, or names
            word = "本" + casual.group(1)
            return self.publisher if stands_for_publisher(word, self.publisher) else body_of_kind(self.text, word)
        if c.text.startswith(("本", "当", "弊")) and stands_for_publisher(c.text, self.publisher):
            return self.publisher  # 本所 tagged as a place by the model, 本会 as an organisation
        if not c.text.startswith("同") and _SELF_WORD.match(c.text) and stands_for_publisher(c.text, self.publisher):
            return self.publisher  # 「県は」: the bare kind word of the publisher
        if c.label == "SELF":
            if c.text.startswith("同"):
                back = self.back_reference(c)
                if back:
                    return back
            if stands_for_publisher(c.text, self.publisher):
                return self.publisher
            return self.ctx.resolve_self(c.text) or self.unnamed_self(c.text)
        if c.label == "ORG_ABBR":
            return self.aliases.get(c.text)
        if c.text.startswith(("本", "当", "弊", "わが", "我が")) and _UNNAMED_SELF.fullmatch(c.text) and not self.publisher:
            # 本町, 当社 tagged as a place (本町 is also a place name) or an organisation: a self-reference
            return self.ctx.resolve_self(c.text) or self.unnamed_self(c.text)
        if "\n" in c.text:
            return c.text.replace("\n", "")
        if QUOTED_HEAD.fullmatch(c.text):
            return c.text  # 「青葉まつり」実行委員会: the brackets are part of the name
        m = _BACK_PREFIX.match(c.text)
        if m and m.end() < len(c.text):  # 同大学短期大学部: the body named before, and its school
            back = self.back_reference(Candidate(label="SELF", start=c.start, end=c.start + m.end(), text=m.group(),
                                                 rule=c.rule))
            return back + c.text[m.end():] if back else None
        if m and m.group() in ("同大学校", "同短期大学", "同学校"):  # 「A短期大学校、同大学校…」: A, named before
            return self.back_reference(Candidate(label="SELF", start=c.start, end=c.end, text=c.text, rule=c.rule))
        name = strip_quotes(c.text)
        if name in self.aliases:
            return self.aliases[name]
        return name if name in self.ctx.aliases else self.ctx.resolve(name)  # an address is no alias

    def unnamed_self(self, written: str) -> str | None:
        """The page's own body when the page never names it (当協会は…を締結しました, 県と東西銀行は on a
        prefecture's page, 本市): the prefecture the document names for a bare 県, else the one body of that
        kind the title names and the text does not, else the word as
        written, so that the signing is kept with the party the text gives (how: as the document names it)."""
        if self.publisher or not _UNNAMED_SELF.fullmatch(written):
            return None
        if stands_for_publisher(written, self.ctx.site_owner):  # 県 on www.pref.x.lg.jp: the site's owner
            return self.ctx.site_owner
        if written.endswith("県") and self.ctx.prefecture:
            return self.ctx.prefecture
        titled = [b for b in title_bodies(self.ctx.doc.title or "") if stands_for_publisher(written, b)]
        if len(titled) == 1 and titled[0] not in self.text:
            return titled[0]  # 「九重町と大分銀行の協定」 over 「本町は…」: the one body of that kind the title names, not
            # named in the text (where it would be the self-reference's partner: 「射水市と本市で」)
        return body_of_kind(self.text, written) or written

    def back_reference(self, c: Candidate) -> str | None:
        """同信金, 同行, 同実行委: the last body of that kind named before it."""
        kind = _BACK_KINDS.get(c.text[1:], c.text[1:])
        label = "GPE" if kind in ("市", "町", "村", "区", "県", "府") else "ORG"
        before = [o for o in self.ctx.cands + self.institutions
                  if o.label == label and o.end <= c.start and strip_quotes(o.text).endswith(kind)
                  and strip_quotes(o.text) != kind]
        if not before:
            return None
        last = max(before, key=lambda o: (o.end, o.end - o.start))
        actors = [o for o in before if _ACTOR_AFTER.match(self.text, o.end)]
        if actors and not _ACTOR_AFTER.match(self.text, last.end):
            # 「AとB市による締結式、…C金庫の事業…、同金庫は」: the body of that kind the page named acting
            # (a subject, a partner, one of a list), not one it named in passing (Cの, Cより)
            last = max(actors, key=lambda o: (o.end, o.end - o.start))
        name = strip_quotes(last.text)
        if _BARE_BRANCH.match(name):  # 同支店: 日本政策金融公庫岡山支店, the body written before its branch
            body = [o for o in self.ctx.cands + self.institutions if o.label == "ORG" and o.end == last.start]
            if body:
                name = strip_quotes(max(body, key=lambda o: o.end - o.start).text) + name
        return self.aliases.get(name, name)

    def _candidates(self, s: int, e: int) -> list[Candidate]:
        cands = []
        for c in self.ctx.within(s, e, "ORG", "GPE", "SELF", "ORG_ABBR"):
            cut = opener_length(self.text, c.start, c.end, after_particle=True) if c.label == "ORG" else 0
            if cut and NOT_A_NAME.search(c.text[cut:]):
                cut = 0  # Aとみちのく銀行: hiragana that leave a bare kind word are the name's own (きらやか銀行)
            if cut:  # このたび東西大学: the tokens of a name begun inside a word
                c = Candidate(label=c.label, start=c.start + cut, end=c.end, text=c.text[cut:], rule=c.rule)
            cands.append(c)
        cands += [c for c in self.institutions if s <= c.start and c.end <= e]
        for m in _INSURER_NAME.finditer(self.text, s, e):  # 損害保険アオバ東西: an insurer no model tags
            if is_signing_body(m.group()) and not any(c.start <= m.start() and m.end() <= c.end for c in cands):
                cands.append(Candidate(label="ORG", start=m.start(), end=m.end(), text=m.group(), rule="insurer-name"))
        for m in _ASSOCIATION.finditer(self.text, s, e):  # 群馬県市長会, 特別区長会: an association of municipalities
            if not any(c.start <= m.start() and m.end() <= c.end for c in cands):
                cands.append(Candidate(label="ORG", start=m.start(), end=m.end(), text=m.group(), rule="association"))
        for st, en in find_org_names(self.text, s, e):  # 一般社団法人ふなばし…機構: hiragana inside
            cands.append(Candidate(label="ORG", start=st, end=en, text=self.text[st:en], rule="org-grammar"))
        for st, en in spaced_latin_names(self.text, s, e):  # 三菱東京 UFJ 銀行: Latin letters set off by spaces
            cands.append(Candidate(label="ORG", start=st, end=en, text=self.text[st:en], rule="org-spaced-latin"))
        for st, en, _name in self.wrap.names_across(s, e):  # 青葉生活協同\n組合あおばコープ
            cands.append(Candidate(label="ORG", start=st, end=en, text=self.text[st:en], rule="name-across-lines"))
        for short in self.aliases:  # みなと銀は: a short form the document gives for a name it writes
            for m in re.finditer(re.escape(short), self.text[s:e]):
                st, en = s + m.start(), s + m.end()
                if not any(c.start <= st and en <= c.end for c in cands):
                    cands.append(Candidate(label="ORG_ABBR", start=st, end=en, text=short, rule="alias"))
        for m in _BACK_WORD.finditer(self.text, s, e):  # 同町は, 同村と, 同商工会: one token the patterns do not tag
            cands = [c for c in cands if (c.start, c.end) != m.span()]  # (the model's 同村 as a place)
            if not any(c.start <= m.start() < c.end for c in cands):
                cands.append(Candidate(label="SELF", start=m.start(), end=m.end(), text=m.group(), rule="back-reference"))
        for m in QUOTED_HEAD.finditer(self.text, s, e):
            cands.append(Candidate(label="ORG", start=m.start(), end=m.end(), text=m.group(), rule="quoted-org"))
        for m in _QUOTED_ORG.finditer(self.text, s, e):  # 「青葉まつり実行委員会」は
            if is_signing_body(m.group(1)):
                cands.append(Candidate(label="ORG", start=m.start(1), end=m.end(1), text=m.group(1), rule="quoted-org"))
        return sorted(cands, key=lambda c: (c.start, -(c.end - c.start)))

    def _joined(self, c: Candidate, cands: list[Candidate]) -> Candidate:
        """青葉県 + 中小企業家同友会 written together is one body; so is a body and its branch, and a
        prefecture and a municipality after it (香川県綾川町: the town, its prefecture the address)."""
        end = c.end
        if c.label == "GPE" and c.text.endswith(PREFECTURE_SUFFIX) and is_municipality(c.text):
            town = next((o for o in cands if o.start == c.end and o.label == "GPE" and is_municipality(o.text)
                         and not o.text.endswith(PREFECTURE_SUFFIX)), None)
            if town:
                end = town.end
        for o in cands:
            if o.start == end and o.label == "ORG" and c.label in ("GPE", "ORG"):
                end = o.end
        kana = re.match(r"[ァ-ヺー]+", self.text[end:]) if c.label == "ORG" and re.search(r"[ァ-ヺー]$", c.text) else None
        if kana:  # 東西コンサルティング|パートナーズ: a katakana word the name's tokens cut short
            end += kana.end()
        run = _NAME_RUN.match(self.text, end) if c.label == "GPE" and end == c.end else None
        if run and is_signing_body(self.text[c.start:run.end()]) and not any(o.start == end for o in cands):
            end = run.end()  # 千葉県|税理士会と: the tokens after the place close an organisation's name
        end = branch_end(self.text, end)
        start = c.start
        if not any(o.end == c.start - 1 for o in cands):  # 同実行委事務局・城南信用金庫: two names
            start = name_start(self.text, c.start)
        m = _COLLECTIVE.search(self.text, max(0, start - 12), start)
        if m and c.label == "ORG":  # 九州7県の生活協同組合連合会: the bodies of seven prefectures, one party
            start = m.start()
        if (start, end) == (c.start, c.end):
            return c
        return Candidate(label="ORG", start=start, end=end, text=self.text[start:end], rule=c.rule)

    def parties(self, s: int, e: int, anchor: int) -> list[tuple[str, int, int, str]]:
        """(name, start, end, rule) of the parties of the signing sentence text[s:e] whose
        agreement word starts at anchor: names before it, arguments of the predicate anywhere."""
        text = self.text
        args = [a for a in self.arguments if s <= a.start and a.end <= e]
        cands = self._candidates(s, e)
        found: list[tuple[str, int, int, str]] = []
        taken: list[tuple[int, int]] = []
        self.last_groups = []
        self.last_named = []
        lists = [n for i in range(s, e) if text[i] in "(（" for n in bracket_list(text, i, e)]
        lists += shared_ending(text, s, e)

        def add(name: str | None, st: int, en: int, rule: str) -> None:
            if name and "\n" in name:  # 青葉まちづくり\n協議会: a name the wrapping of its line broke, joined
                name = re.sub(r"[ \t]*\n[ \t]*", "", name)
            parts = dotted_bodies(name) if name and text[st:en] == name else []
            if parts:  # 東西大学・東西大学短期大学部: two bodies written with a middle dot
                at = st
                for part in parts:
                    add(part, at, at + len(part), rule)
                    at += len(part) + 1
                return
            if not name or not name.strip() or _PLACE_WORDS.search(name) or _ROOM.search(text[st:en]) or \
                    (NOT_A_NAME.search(name) and not is_institution(name) and not is_numbered_bank(name)):  # 十六銀行 is a name
                return  # 「信用金庫」「県内5大学」: a kind, not a name; 「…キャンパス」「…市役所」: a place
            head, dot, tail = (name or "").rpartition("・")
            if dot and RELATION.search(head) and text[st:en].endswith(tail) and len(tail) >= 2:
                name, st = tail, en - len(tail)  # 「(A銀行の)子会社・B」: B, what it is to A left out
                head, dot, tail = name.rpartition("・")
            if dot and is_signing_body(tail) and not is_signing_body(head) and text[st:en].endswith(tail) and \
                    official_after(text, en):
                name, st = tail, en - len(tail)  # 「山田太郎・東西大学長と」: a person and the body they head
            if _PREDECESSOR_OF.match(text, en):
                return  # 「A大学の前身のB大学と」: A named as what B became, the signer is B
            if _BARE_LEGAL_FORM.fullmatch(name):
                return  # 「国立研究開発法人「X」」: the legal form before the quoted name, no body of its own
            if _GROUP_WORD.match(name):
                return  # 「AとBの両持ち株会社が」: the bodies named before it
            if _BACK_PREFIX.fullmatch(name):  # 「A短期大学校、同大学校…」: the body of that kind named before
                name = self.back_reference(Candidate(label="SELF", start=st, end=en, text=name, rule=rule))
                if not name:
                    return
            if not is_signing_body(name) and (ends_with_office(name) or _DOCUMENT_NAME.search(name)):
                return  # 教育長, 尾賀会頭: a person's office; 「…共生ビジョン」, 「…に関する協定」: a document
            if is_group_noun(name):
                self.last_groups.append((name, st, en))
                return  # 「以下の銀行・信用金庫」, 「総合大学と」: a kind of body, named by its members elsewhere
            if COUNTED_OFFICES.search(name) and not is_institution(name):
                return  # 「県内全5支店」: a count of a body's offices, not a body
            if _BARE_BRANCH.match(name) and re.search(r"[)）]\s?$", text[max(s, st - 2):st]):
                return  # 日本政策金融公庫(日本公庫)小諸支店: the branch of the body before the aside
            if name.startswith(_LEGAL_FORMS) and any(f[1] < st < f[2] for f in found):
                return  # 東西電話株式会社千葉事業部: the legal form ends the name before, the rest is its division
            name = bare_municipality(_without_division(name))
            key = party_key(name)
            for i, (n, *_rest) in enumerate(found):
                k = party_key(n)
                if k == key or (k.startswith(key) and len(k) > len(key) and _OFFICE_OF.fullmatch(k[len(key):])):
                    return  # the same body, or its branch already named (三島町 beside 三島町商工会 is another)
                if key.startswith(k) and len(key) > len(k) and re.search(r"(支店|支所|営業部|連合店|本店|(?<!短期大)学部|研究科)$", key):
                    found[i] = (name, st, en, rule)  # the branch, not the whole bank
                    return
            found.append((name, st, en, rule))
            taken.append((st, en))

        before = [m.start() for m in _FOLLOWS.finditer(text, s, anchor)]
        signers: list[tuple[str, int, int]] = []
        for c in cands:
            if any(a <= c.start and c.end <= b for a, b in taken):
                continue
            if before and c.end <= before[-1] and not SUBJECT_AFTER.match(text, c.end):
                continue  # 「昨年A市と協定を結んだのに続き、今回B市と…」: A市 is of the earlier agreement
            in_list = any(n.start <= c.start and c.end <= n.end for n in lists) or \
                sum(c.start <= n.start and n.end <= c.end for n in lists) >= 2  # (a name read over a list: the list)
            in_arg = any(a.start <= c.start < a.end or c.start <= a.start < c.end for a in args) or \
                self._dated_relative(s, c.start)
            if not in_arg and c.end > anchor:
                continue
            if in_list or (self.ctx.in_parens(c.start, c.end) and (not in_arg or self._aside_of_body(c.start))):
                continue  # (an aside in brackets right after a body's name: its office, address, 事務局)
            if c.label == "GPE" and _REGION_OF_COUNT.match(text, c.end):
                continue  # 佐賀県下4信用金庫: the region of a counted group, not one of its members
            signer = self._modified_signer(c, cands, anchor)
            if signer:  # 「A銀行などを傘下に持つ持株会社Bは」: A says what B is
                if signer[0]:
                    signers.append(signer)
                continue
            if witness_after(text, c.end) or observer_before(text, c.start):
                continue  # 「A会議所の立ち会いのもと」, 「Bの協力を得て」, 「オブザーバーとしてC」: no party
            coordinated = bool(found) and bool(_COORDINATED.fullmatch(text, found[-1][2], c.start))
            opening = self._opening_topic(s, c)
            if (_ROLE_AFTER.match(text[c.end:c.end + 5]) or (_OTHER_CASE.match(text, c.end) and not coordinated)) \
                    and not in_arg and not opening:
                continue  # 「…ブランドを確立し」: the object of another verb is no party (「AとBで」 is)
            div = _DIVISION_AFTER.match(text, c.end)
            if div and not in_arg:  # 柏市企画課は: the division acts for its body (the name goes on to it)
                c = Candidate(label=c.label, start=c.start, end=div.end(1), text=text[c.start:div.end(1)], rule=c.rule)
            aside = _ASIDE_AFTER.match(text, c.end)
            after = text[aside.end() if aside else c.end:][:4]  # さいたま市(市長 …)と: read past the aside
            if c.rule.startswith("ginza:") and not is_signing_body(c.text) and not in_arg and \
                    re.match(r"\s?の(?![「『]|両|間|[0-9一二三四五六七八九十]+者|協定|覚書|連携協定)", after):
                continue  # 「SDGsの推進と…」: a name the model found, modifying a noun, is no party
            past = aside.end() if aside else c.end
            if _BECOMES.match(text, past):
                continue  # 「「ひょうご未来企業」となろう」, 「A社として」: what one becomes or acts as, no partner
            cut = _PLACE_CUT.match(text, c.end)
            if cut and _PLACE_WORDS.search(c.text + cut.group(1)):
                continue  # 「A市役所本庁舎にて」: a place the name's tokens cut short (本庁 of 本庁舎), where it was held
            if _OFFICE_NAME.search(c.text) and _VENUE_AFTER.match(text, past):
                continue  # 「同銀行本店(札幌市)7階会議室で」: where the signing was held, no party
            if _OWNER_OF.match(text, past) or text.startswith("会社", c.end) and c.text.endswith("子"):
                continue  # 「A銀行の子会社・B」, a headline's 「A銀子会社と」: the body B is to, not a party
            if c.label == "GPE" and (_PLACES_OF_KIND.match(text, past) or _HOME_OF.match(text, past)):
                continue  # 「A区とB市の信金が協定」: the places of the bodies the kind word names; 「A県が地盤の
                # B銀行」: where the body after it is based; no party
            link = re.match(r"\s?(の|や)\s?", text[past:past + 3])
            if link and link.group(1) == "の" and c.label == "GPE" and \
                    any(o.label == "ORG" and o.start == past + link.end() for o in cands):
                continue  # 新宮市の新宮信用金庫: the place of the body named after it
            if link and link.group(1) == "や" and not in_arg and \
                    not any(o.start == past + link.end() and o.label in ("ORG", "GPE", "SELF") for o in cands):
                continue  # 「地場産業活性化や県産品の…で連携する」: listed with things, not with bodies
            if c.label == "GPE" and not in_arg and not opening and not _PARTY_SEP.match(after) and \
                    not re.match(r"^\s?(?:は|が|の「|との|とは|の間)", after) and \
                    not (found and _COORDINATED.fullmatch(text, found[-1][2], c.start)) and \
                    not (official_after(text, c.end) and not witness_after(text, c.end)):
                continue  # a place named in passing (東京都八王子市や…), not a party; 「AとB市の協定」 names B市
            c = self._joined(c, cands)
            name = self.name_of(c)
            if div and name:
                name = _without_division(name)
            if c.label == "GPE" and name and not name.endswith(PUBLIC_BODY_END) and \
                    not is_signing_body(bare_municipality(name)):
                continue  # 日本, 東北: a place that is no public body
            arg = next((a for a in args if a.start <= c.start < a.end or c.start <= a.start < c.end), None)
            add(name, c.start, c.end, arg.rule if arg else c.rule)  # the dependency pattern's id goes to the evidence
        for i, (n, fst, fen, frule) in enumerate(found):  # 日本政策金融公庫(以下、日本公庫)小諸支店と: the branch
            aside = _ASIDE_AFTER.match(text, fen) if fen > fst else None  # written after the body's aside signs
            branch = _BRANCH_AFTER.match(text, aside.end()) if aside else None
            if branch and branch.end(1) <= e and not n.endswith(branch.group(1)):
                found[i] = (n + branch.group(1), fst, branch.end(1), frule)
                taken.append((fst, branch.end(1)))
        for name, st, en in signers:  # the signer a modifying clause ends on, written whole (よい仕事…実行委員会)
            found = [f for f in found if not (st <= f[1] and f[2] <= en and (f[1], f[2]) != (st, en))]
            add(name, st, en, "agreement-modified-signer")
        for n in lists:
            add(self.aliases.get(n.name, n.name), n.start, n.end, n.rule)
        for a in args:  # an argument no candidate covers: 「市は」, a name the rules missed
            cut = text.rfind("\n", a.start, a.end)
            if cut != -1 and self.dates_in(a.start, cut):  # 「令和3年3月10日\n当金庫は」: the date line above a
                a = replace(a, start=cut + 1)  # paragraph is no part of its subject
            if any(st < a.end and a.start < en for _, st, en, _ in found) or _HOME_OF.match(text, a.end):
                continue  # (「A県が地盤のB銀行」: where B is based)
            if before and a.end <= before[-1] and not SUBJECT_AFTER.match(text, a.end):
                continue
            word = text[a.start:a.end]
            hall = _TOWN_HALL.search(word)
            if stands_for_publisher(word, self.publisher):
                add(self.publisher, a.start, a.end, a.rule)
            elif self.unnamed_self(word) and re.match(r"\s?(?:と|は|が|も|、|,|・|及び|および|並びに)", text[a.end:a.end + 3]) \
                    and not re.match(r"[ぁ-ゖァ-ヺー一-龥々]", text[a.start - 1:a.start]):
                add(self.unnamed_self(word), a.start, a.end, a.rule)  # (県内の…, みなと市: no self-reference)
            elif self.ctx.in_parens(a.start, a.end):
                continue
            elif word in self.aliases:  # みなと銀は: a short form of a name the document writes
                add(self.aliases[word], a.start, a.end, a.rule)
            elif hall and is_municipality(word[:hall.start()]):
                add(word[:hall.start()], a.start, a.end, a.rule)
            elif is_signing_body(word) or (a.proper and a.role in ("subject", "partner") and not ends_with_office(word)
                                           and not is_group_noun(word) and not _DOCUMENT_NAME.search(word)):
                add(word, a.start, a.end, a.rule)  # 三井住友海上保険と: a company no kind word ends
            elif a.role in ("subject", "partner"):  # 「A大学と県内3市が」: a group, its members named later
                count = re.search(r"[一-龥]{0,4}?[0-9一二三四五六七八九十]+\Z", text[max(s, a.start - 8):a.start])
                group = (count.group() if count else "") + word  # (the parse's 「市町」 after 「県内3」)
                if is_group_noun(group):
                    self.last_groups.append((group, a.end - len(group), a.end))
        for m in _BARE_GROUP.finditer(text, s, e):  # 「研究所のある大学と」: a kind word alone, no name
            self.last_groups.append((m.group(1), m.start(1), m.end(1)))
        for n in self.group_members(s, e):
            add(n.name, n.start, n.end, n.rule)
        for cs, ce, n, kind in counted_kind(text, s, e):
            if cs >= anchor:
                continue  # 「…協定を結び、3町村の輪ができた」: a count after the agreement word names no party of it
            names = self._names_of_kind(kind)
            if len(names) == n + 1:  # 「当行は…11の金融機関とともに」: the counted are the others
                names = [c for c in names if not any(same_body(self.name_of(c) or c.text, f[0]) for f in found)]
            if len(names) == n:
                for c in names:
                    add(self.name_of(c), c.start, c.end, f"agreement-counted:{kind}")
            else:  # 「金融機関4行と…締結。協定を締結したのはA、B、C、D」: named in a later sentence
                self.last_groups.append((kind, cs, ce))
        for name, st, en in self._coordinated_subjects(s, anchor, found):
            add(name, st, en, "agreement-coordinated-subject")
        for name, st, en in self._unnamed_partner(s, anchor, found):
            add(name, st, en, "agreement-unnamed-partner")
        for _ in range(8):  # 「A・B・C・Dと」: each new item is the neighbour of the next
            siblings = self._list_siblings(s, anchor, found)
            if not siblings:
                break
            for name, st, en in siblings:
                add(name, st, en, "agreement-list-sibling")
        self.last_named = [n for n, st, en, _ in found if en > st and _AND_OTHERS.match(text, en)]
        found = [f for f in found if f[2] == f[1] or not any(  # 青葉県 inside 青葉県事業承継・引継ぎ支援センター
            o[1] <= f[1] and f[2] <= o[2] and o[2] - o[1] > f[2] - f[1] for o in found)]
        head = _BRACKET_HEAD.match(text, s, e)
        if head and is_signing_body(head.group(1)) and self.ctx.within(s, e, "SIGN") and \
                not any(same_body(head.group(1), f[0]) for f in found) and not self._has_subject(s, e, args, found) and \
                not self_words_deny(text, head.group(1)):  # (【地域連携センター】 on a page that writes itself 本学)
            # 「【柏市】千葉銀行と包括連携協定を締結」: a release list's line opens with its body in brackets
            found.insert(0, (bare_municipality(head.group(1)), head.start(1), head.end(1), "agreement-bracket-head"))
        elif self._predicate_in(s, e) and not self._has_subject(s, e, args, found) and not self._quoted(s, anchor):
            topic = None if self.publisher else self._topic_before(s)
            implied = self.publisher or (topic and topic[0]) or self._title_body([n for n, *_ in found]) \
                or self.ctx.site_owner or self.page_self  # (a municipality's own page: the city signs)
            if topic and implied == topic[0] and not any(same_body(topic[0], f[0]) for f in found):
                found.insert(0, topic)
            elif implied:
                found = [f for f in found if party_key(f[0]) != party_key(implied)]  # 株式会社東西銀行 is 当行
                found.insert(0, (implied, s, s, "agreement-publisher"))
        return found

    def _coordinated_subjects(self, s: int, anchor: int, found: list) -> list[tuple[str, int, int]]:
        """「柏市と東西損害保険柏支店(…)は」: a name joined by と to a party of the
        sentence, the two the subject (は/が) before the agreement word, is a party too, though no rule
        or model tagged it (a company no kind word ends); not a kind, a count, an office or a person."""
        out = []
        for _name, st, en, _rule in found:
            if en <= st or en > anchor:
                continue
            m = _CO_SUBJECT_AFTER.match(self.text, en)
            if m and m.end(1) <= anchor:
                out.append((m.group(1), m.start(1), m.end(1)))
            m = _CO_SUBJECT_BEFORE.search(self.text, s, st)
            if m and m.end() == st and SUBJECT_AFTER.match(self.text, en):
                out.append((m.group(1), m.start(1), m.end(1)))
        return self._plausible(out, found)

    def _unnamed_partner(self, s: int, anchor: int, found: list) -> list[tuple[str, int, int]]:
        """「柏市は1日、ヤマト運輸と包括連携協定を締結した」: when a party is the subject (は/が), the name that
        opens a clause (after 、 or the subject's は) and is joined by と/との right before the agreement word
        (its title or kind words between) is the partner, though no rule or model tagged it."""
        if not any(en > st and SUBJECT_AFTER.match(self.text, en) for _n, st, en, _r in found):
            return []
        out = []
        for m in _PARTNER_BEFORE_WORD.finditer(self.text, s, anchor):
            if _TITLE_PAIR.match(self.text, m.end()) and len([f for f in found if f[2] > f[1]]) >= 2:
                continue  # 「AとBは、連携と協力に関する協定を」: both sides named, a word of the title joined to the next
            if m.end() == anchor or (m.end() < anchor and not re.search(r"[、。,]", self.text[m.end():anchor])):
                out.append((m.group(1), m.start(1), m.end(1)))
        return self._plausible(out, found)

    def _list_siblings(self, s: int, anchor: int, found: list) -> list[tuple[str, int, int]]:
        """「A大学・Bホールディングス・C銀行と」, 「A大学(…)と、B(…)、C銀行は」: an item of a list that holds
        two or more parties, written right beside one of them (、 ・ と between, an aside in brackets
        perhaps), before the agreement word, is a party too, though no rule or model tagged it."""
        named = [(st, en) for _n, st, en, _r in found if s <= st and en <= anchor and en > st]
        if len(named) < 2:
            return []
        out = []
        for st, en in named:
            m = _SIBLING_BEFORE.search(self.text, s, st)
            if m and m.end() == st:
                out.append((m.group(1), m.start(1), m.end(1)))
            m = _SIBLING_AFTER.match(self.text, en)
            if m and m.end(1) <= anchor:
                out.append((m.group(1), m.start(1), m.end(1)))
        out = [(n, a, b) for n, a, b in out if not self.ctx.in_parens(a, b) and not ends_with_office(n)
               and not re.match(r"[ぁ-ゖ]", n) and not _PLACE_WORDS.search(n) and not is_municipality(n)
               and (len(n) >= 4 or re.search(r"[ァ-ヺA-Za-z]", n))  # (産業・経済, 長野・松本…: a word, a place)
               and not any(a < fe and fs < b for _n, fs, fe, _r in found if fe > fs)]
        return self._plausible(out, found)

    def _plausible(self, out: list[tuple[str, int, int]], found: list) -> list[tuple[str, int, int]]:
        """The names read by structure alone that can be a body: none already found, no kind or group, count,
        office, person, document, date or phrase."""
        return [(n, a, b) for n, a, b in out
                if not any(fs < b and a < fe for _n, fs, fe, _r in found if fe > fs)
                and not is_group_noun(n) and not NOT_A_NAME.search(n) and not ends_with_office(n)
                and not _DOCUMENT_NAME.search(n) and not _NOT_A_CO_NAME.search(n) and not self.dates_in(a, b)
                and not re.search(r"[0-9０-９一二三四五六七八九十]+(?:つの)?[\u4e00-\u9fff]{1,4}$", n)]

    @cached_property
    def page_self(self) -> str | None:
        """The body a page that names no publisher speaks for, by how it writes itself as an actor
        elsewhere (「本学の理事長と…」, 「県と同社が協力する」, 「当行は」): the first such self-reference,
        resolved as `unnamed_self` does (the body of that kind the page names, else the word as written).
        Read once per document (a long PDF's parties ask for it sentence after sentence)."""
        for m in _SELF_ACTOR.finditer(self.text):
            line = self.text[self.text.rfind("\n", 0, m.start()) + 1:m.start()]
            if not self.ctx.in_parens(m.start(), m.end()) and line.count("「") <= line.count("」"):
                return self.unnamed_self(m.group())  # (not in a speaker's quoted words: 「弊社は…」)
        return None

    def _modified_signer(self, c: Candidate, cands: list[Candidate], anchor: int) -> tuple[str, int, int] | None:
        """The signer (name, start, end) a clause that holds the name c modifies (「A銀行・B銀行などを傘下に持つ持株会社
        Cは」, 「D信用金庫(…)が参画するE実行委員会は」, 「F銀行が出資するGファンドと」), or None: the clause ends in a
        verb right before a body's name that the sentence makes subject (は/が) or partner (と) before the agreement word;
        a count of signers (「「X圏」を構成する3市と」) gives no name ("")."""
        m = _MODIFIER_CLAUSE.match(self.text, c.end)
        if not m or m.end("head") > anchor or self.ctx.in_parens(m.start("head"), m.end("head")):
            return None
        st, en = m.span("head")
        if _COUNTED_SIGNERS.fullmatch(m.group("head")):
            return "", st, en  # (the members, named elsewhere, are the parties)
        subjects = [a.start for a in self.arguments if a.role in ("subject", "partner")]
        if is_signing_body(m.group("head")) or _HOLDING_END.search(m.group("head")) or \
                any(st <= o.start < en for o in cands) or any(st <= a < en for a in subjects):
            return m.group("head"), st, en
        return None

    def _aside_of_body(self, at: int) -> bool:
        """Whether text[at] is inside brackets that open right after a body's name (「東西実行委員会(事務局・
        東西信用金庫、千葉県船橋市)は」): the bracket says where the body is or who runs it."""
        text = self.text
        open_at = max(text.rfind("(", 0, at), text.rfind("（", 0, at))
        if open_at < 1 or max(text.rfind(")", 0, at), text.rfind("）", 0, at)) > open_at:
            return False
        name_end = open_at - 1 if text[open_at - 1] in "」』" else open_at  # 「…実行委員会」(事務局・…)
        return any(c.end == name_end and c.label in ("ORG", "GPE") for c in self.ctx.cands) or \
            bool(re.search(r"(?:" + "|".join(ORG_WORDS) + r")\Z", text[max(0, name_end - 8):name_end]))

    def _quoted(self, s: int, at: int) -> bool:
        """Whether text[at] is inside a quotation 「…」 that opens before the sentence at s in its paragraph (a
        speaker's words: 「…」と語った): a subject the words leave out is the speaker, not the page's publisher."""
        para = self.text.rfind("\n", 0, s) + 1
        opened = self.text.rfind("「", para, s)
        if opened < 0 or "」" in self.text[opened:at]:
            return False
        close = self.text.find("」", at)
        return close != -1 and "\n" not in self.text[at:close]

    def _topic_before(self, s: int) -> tuple[str, int, int, str] | None:
        """「東京海上日動は…を設置し、…。県内では18年に県、下関市と協定を結んだ。」: a news item's sentence
        that leaves its subject out speaks of the topic (X は) that opens an earlier sentence of its
        paragraph (up to TOPIC_BACK sentences back), when X is a body the document names: a candidate, or
        the start of one named elsewhere (東京海上日動 of 東京海上日動火災保険)."""
        pos = s
        if s >= 2 and self.text[s - 2:s] == "。\n" and _GOES_ON.match(self.text, s):
            pos = s - 1  # 「…締結しました。\nまた、…とも協定を締結しました。」: the line goes on with the paragraph above
        for _ in range(TOPIC_BACK):
            if pos < 2 or self.text[pos - 1] != "。":
                return None  # a paragraph's first sentence: nothing before it in the paragraph
            ps, _pe = self.ctx.sentence(pos - 1)
            m = _TOPIC.match(self.text, ps)
            if m:
                st, en = m.span(1)
                name = self._body_named(st, en)
                if name:
                    return (name, st, en, "agreement-topic")
            pos = ps
        return None

    def _body_named(self, st: int, en: int) -> str | None:
        """The body text[st:en] names: a candidate that covers it, a signing body, an alias, or the start of
        an organisation candidate of the document (its full name)."""
        written = self.text[st:en]
        for c in self.ctx.cands + self.institutions:
            if c.label in ("ORG", "GPE", "SELF") and c.start <= st and en <= c.end and (c.start, c.end) == (st, en):
                return self.name_of(c)
        if written in self.aliases:
            return self.aliases[written]
        if is_signing_body(written):
            return bare_municipality(written)
        longer = [c for c in self.ctx.cands if c.label == "ORG" and c.text.startswith(written) and c.text != written]
        return self.name_of(longer[0]) if len(written) >= 3 and longer else None

    def _title_body(self, partners: list[str]) -> str | None:
        """A page whose title names no publisher in brackets (「金融機関2者と川西町の…協定を結びました」):
        the one body the title names that is not among the partners of the sentence signs for it."""
        title = self.ctx.doc.title or ""
        others = [b for b in self.title_bodies if not is_group_noun(b)  # 山口県内信用金庫: a kind, no signer
                  and not any(same_body(b, p) or _branch_of(p, b) for p in partners)
                  and not re.search(re.escape(b) + _REGION_WORD, title)  # 栃木県内の信用金庫: a region, no signer
                  and not self_words_deny(self.text, b)]  # (【地域連携センター】 on a page that writes itself 本学)
        return others[0] if len(others) == 1 else None

    def _dated_relative(self, s: int, at: int) -> bool:
        """「令和2年5月に協定を締結した東西大学とは」: the body a dated relative clause of
        signing describes is a partner of that signing (undated, it is an agreement in force)."""
        m = _SIGNED_BEFORE.search(self.text, max(s, at - 8), at)
        if not m:
            return False
        return any(d.start_date and d.precision in ("month", "day") and not d.fiscal_year and d.year_given
                   for d in self.ctx.dates_in(s, m.start()))

    def member_name(self, st: int, en: int) -> str | None:
        """The body a member of a list stands for: a name, or a reference (同所, 同市, 本市) resolved."""
        written = self.text[st:en]
        label = "SELF" if re.match(r"^(?:同|本|当)", written) and len(written) <= 4 else "ORG"
        return self.name_of(Candidate(label=label, start=st, end=en, text=written, rule="member"))

    def group_members(self, s: int, e: int) -> list[Named]:
        """Members of the groups the sentence text[s:e] names: an enumeration closed by a count in it,
        the list below a 「以下の」 (`party_groups`), with references resolved."""
        out = []
        for _cs, _ce, _n, items in counted_lists(self.text, s, e):
            out += items
        at = group_word(self.text, s, e)
        if at is not None:
            out += list_below(self.text, e - 1)[1]
        named = []
        for n in out:
            name = self.member_name(n.start, n.end)
            if name:
                named.append(Named(n.start, n.end, name, n.rule))
        return named

    def previous_parties(self, s: int) -> list[tuple[str, int, int, str]]:
        """「AとBは…で合意した。同日、協定書に調印した。」: a signing sentence that names no one
        signs for the parties of the sentence right before it in the same paragraph."""
        if s < 2 or self.text[s - 1] not in "。\n" or self.text[max(0, s - 2):s] == "\n\n":
            return []
        ps, pe = self.ctx.sentence(s - 1)
        if not self.text[ps:pe].rstrip().endswith("。"):
            return []
        earlier = [p for p in self.parties(ps, pe, pe) if p[3] != "agreement-publisher"]
        if len(earlier) >= 2 and any(SUBJECT_AFTER.match(self.text, en) for _, st, en, _ in earlier):
            return earlier
        return []

    def _names_of_kind(self, kind: str) -> list[Candidate]:
        seen, out = set(), []
        for c in sorted(self.ctx.cands + self.institutions, key=lambda c: c.start):
            endings = KIND_CLASSES.get(kind, (kind,))
            label = "GPE" if kind in ("自治体", "市町村", "市町", "町村") else "ORG"
            if c.label == label and c.text.endswith(endings) and c.text != kind and \
                    c.text not in ORG_WORDS and not is_group_noun(c.text) and \
                    not self.ctx.in_parens(c.start, c.end):  # (a table's 区分 column: 信用金庫, 信用組合)
                k = party_key(c.text)
                if k not in seen and not re.match(r"^[0-9一二三四五六七八九十]", c.text):
                    seen.add(k)
                    out.append(c)
        return out

    def _predicate_in(self, s: int, e: int) -> bool:
        """Whether the sentence signs (締結しました, 結ぶ, 締結式), rather than naming an agreement
        in passing (「姉妹都市提携30周年」): only then can its omitted subject be the publisher."""
        return any(_PREDICATE_AFTER.match(self.text, c.end) or c.text.endswith(("式", "ん", "び", "ぶ", "し"))
                   for c in self.ctx.within(s, e, "SIGN"))

    def _has_subject(self, s: int, e: int, args: list[Argument], found: list) -> bool:
        if any(a.role == "subject" and self.text[a.start:a.end] not in ORG_WORDS and
               (is_signing_body(self.text[a.start:a.end]) or any(st < a.end and a.start < en for _, st, en, _ in found)
                or _SELF_WORD.match(self.text[a.start:a.end])) for a in args):
            return True  # (「令和2年4月には」 is no subject)
        return any(SUBJECT_AFTER.match(self.text, en) or self._opening_topic(s, Candidate(
            label="ORG", start=st, end=en, text=self.text[st:en], rule="found")) for _, st, en, _ in found if en > st)

    def _opening_topic(self, s: int, c: Candidate) -> bool:
        """「富山同友会でも、A協会と提携し」, 「柏市では、B銀行と協定を」, 「松戸市も、同行と」: a body that opens
        the sentence with では/でも/も is its subject (a place, 県内では, is none)."""
        return not self.text[s:c.start].strip() and bool(_OPENING_TOPIC.match(self.text, c.end)) and \
            is_signing_body(strip_quotes(c.text))

    # ---- dates -----------------------------------------------------------------------------
    def dates_in(self, s: int, e: int):
        if self.ctx.year or not self.year():
            out = self.ctx.dates_in(s, e)
        else:
            out = []  # month-days without a year: read them against the document's own date
            for d in find_dates(self.text[s:e], default_year=self.year()):
                out.append(replace(d, start=d.start + s, end=d.end + s))
        return sorted(out + self._this_month(s, e), key=lambda d: d.start)

    def _this_month(self, s: int, e: int) -> list[DateMention]:
        """「今月27日」「先月5日」: a day in the month of the document's own date (or the month before)."""
        dd = self.doc_date
        if not dd or dd.date.count("-") != 2:
            return []
        year, month = int(dd.date[:4]), int(dd.date[5:7])
        out = []
        for m in _THIS_MONTH.finditer(self.text, s, e):
            y, mo = (year, month) if m.group(1) in ("今月", "本月") else \
                ((year, month - 1) if month > 1 else (year - 1, 12))
            try:
                iso = date_cls(y, mo, int(m.group(2))).isoformat()
            except ValueError:
                continue
            out.append(DateMention(m.start(), m.end(), iso, None, "day", False, False, None, "document date"))
        for m in _DAY_BEFORE.finditer(self.text, s, e):  # 「昨日、協定を締結した」: the day before the page's date
            iso = (date_cls.fromisoformat(dd.date) - timedelta(days=1)).isoformat()
            out.append(DateMention(m.start(), m.end(), iso, None, "day", False, False, None, "document date"))
        return out
