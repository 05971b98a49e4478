"""Agreements whose parties are given by structure: groups and their lists, counts, dated clauses,
signers' sentences. Short sentences written for these tests (the bodies are real or invented; no
sentence is taken from a document).

The first tables test the structure readers alone (`party_groups`, `officials`, `agreement_splits`);
the last runs whole texts through the records stage with the real ja_ginza model.
"""
import hashlib

import pytest

from extractors.reading.normalize import normalize_text
from extractors.records.agreement_splits import same_body
from extractors.records.build import build_records, document_drafts
from extractors.records.evaluate import field_evidence
from extractors.records.officials import official_after
from extractors.records.party_groups import counted_lists, group_word, is_group_noun, list_below, number
from extractors.records.wrapping import Wrapping
from schemas.document import Document
from schemas.records import party_names


@pytest.mark.parametrize("text, expected", [
    ("船橋市、東西銀行及び南北信用金庫の三者は協定を結んだ。", (3, ["船橋市", "東西銀行", "南北信用金庫"])),
    # asides in brackets after each item; the words before the first item's particle are not its name
    ("同契約は青葉産業機構(柏市若葉町)、柏商工会(柏市中央)、東西銀行柏支店(柏市旭町)の3者が締結した。",
     (3, ["青葉産業機構", "柏商工会", "東西銀行柏支店"])),
    # references count as members; のほか separates items
    ("この協定には同所と同市のほか、東西銀行、南北信用金庫の合計4団体が加わる。", (4, ["同所", "同市", "東西銀行", "南北信用金庫"])),
    # 等: a partial list, no count to check
    ("令和元年には青葉大学・柏市・柏市民病院等8者と協定を締結した。", (None, ["青葉大学", "柏市", "柏市民病院"])),
    ("協定を結んだのは東西大学、南北大学、中央大学の3大学。", (3, ["東西大学", "南北大学", "中央大学"])),
    # the count does not match the items: no list
    ("東西銀行、南北信用金庫の3者が協定を締結した。", None),
    # a count of something else
    ("セミナーには企業12社が参加した。", None),
])
def test_counted_lists(text, expected):
    got = counted_lists(text, 0, len(text))
    if expected is None:
        assert got == []
    else:
        ((_s, _e, count, items),) = got
        assert (count, [n.name for n in items]) == expected


@pytest.mark.parametrize("name, expected", [
    ("銀行・信用金庫・信用組合", True), ("総合大学", True), ("地元金融機関", True), ("県内各信用金庫", True),
    ("友好商工会議所", True), ("中小企業支援機関", True), ("3大学", True),
    ("群馬銀行", False), ("県立保健大学", False), ("柏市民病院", False), ("東西信用金庫", False), ("船橋市", False),
])
def test_group_nouns(name, expected):
    assert is_group_noun(name) is expected


@pytest.mark.parametrize("s, n", [("3", 3), ("三", 3), ("十二", 12), ("二十一", 21), ("十", 10)])
def test_number(s, n):
    assert number(s) == n


def test_list_below_checks_the_count_of_its_header():
    text = ("東西銀行は、以下の金融機関との間で協定を締結しました。\n\n協定を結んだ3金融機関\n"
            "東西銀行、南北信用金庫、中央信用組合\n\n協定の内容")
    at = group_word(text, 0, 30)
    assert at is not None
    count, names = list_below(text, text.index("\n"))
    assert (count, [n.name for n in names]) == (3, ["東西銀行", "南北信用金庫", "中央信用組合"])
    wrong = text.replace("3金融機関", "4金融機関")
    assert list_below(wrong, wrong.index("\n")) == (None, [])


def test_a_pointer_to_a_list_is_not_a_pointer_to_a_text():
    text = "協定の内容は以下のとおりです。"
    assert group_word(text, 0, len(text)) is None


@pytest.mark.parametrize("text, at, expected", [
    ("東西信用金庫(本店・柏市)の山田太郎理事長、", 6, True),
    ("東西銀行の山田頭取と", 4, True),
    ("東西大・佐藤学長、", 3, True),
    ("船橋市長が", 3, True),
    ("東西銀行と協定を結んだ。", 4, False),
    ("東西銀行(頭取 山田 太郎)は、", 4, False),
])
def test_officials(text, at, expected):
    assert official_after(text, at) is expected


@pytest.mark.parametrize("a, b, expected", [
    ("弘大", "弘前大学", True), ("青森公立大", "青森公立大学", True), ("みなと銀", "みなと銀行", True),
    ("青森大", "青森中央学院大学", False), ("東海大学", "関東学院大学", False), ("神戸市", "神戸大学", False),
    # a news short form that drops characters before the kind's short word
    ("苫小工大", "苫小牧工業大学", True), ("千葉興銀", "千葉興業銀行", True),
    ("東西工大", "東南工業大学", False), ("千葉興銀", "千葉銀行", False),
])
def test_short_forms_of_one_body(a, b, expected):
    assert same_body(a, b) is expected


_WRAPPED = ("東西銀行は、令和2年11月3日、柏市(市長 山田 太郎)ならびに市民生活協同\n"
            "組合あおばコープ(理事長 鈴木 一郎)と「地域の活性化に関する協定」を締結\n"
            "しました。地域の事業者の支援と雇用の創出に向けて三者が連携していきます\n"
            "この協定は、当行、柏市、市民生活協同組合あおばコープの三者がそれぞれ持つ\n"
            "資源を生かし、地域経済の発展に資することを目的としています。\n")


def test_wrapped_lines_go_on_and_names_across_them_are_read():
    w = Wrapping(_WRAPPED)
    first = _WRAPPED.index("\n")
    assert w.goes_on(first) and w.goes_on(_WRAPPED.index("\n", first + 1))
    assert w.names_across(0, len(_WRAPPED)) == [(first - 6, first + 9, "市民生活協同組合あおばコープ")]
    # a page's text: a date line and the sentence under it are two lines
    page = "公開日:2023年4月17日\nこの度、柏市と東西銀行が連携協定を締結しました。\n"
    assert not Wrapping(page).goes_on(page.index("\n"))
    # one name broken by a line break goes on; a word that ends before the break does not
    broken = "令和4年5月1日、船橋市は、東西信用\n金庫と連携協定を結んだ。"
    assert Wrapping(broken).names_across(0, len(broken)) == [(broken.index("東西"), broken.index("と連携"), "東西信用金庫")]
    heading = "産学連携について\n当金庫は、東西大学と協定を結んだ。"
    assert not Wrapping(heading).goes_on(heading.index("\n"))
    # an agreement's word broken in two by a wrapped line goes on; a short heading over its word does not
    word = "東西銀行と南北大学は5日、地元企業の販路づくりについての連携協\n力協定を結んだ。"
    assert Wrapping(word).goes_on(word.index("\n"))
    title = "包括連携\n協定書の概要を説明します。"
    assert not Wrapping(title).goes_on(title.index("\n"))


def _agreements(text: str, title: str | None = None):
    text = normalize_text(text)
    doc = Document(uri="file:///s.txt", sha256=hashlib.sha256(text.encode()).hexdigest(), media_type="text/plain",
                   title=title, text=text)
    records, rejected = build_records([doc], [document_drafts(doc)])
    assert not rejected
    for r in records:
        for ev in r["sources"]:
            assert text[ev["start"]:ev["end"]] == ev["quote"]
    _counts, missing = field_evidence(records)
    assert not missing, "every field value has a span naming its field"
    return sorted((sorted(party_names(r)), r["signed_date"], r["kind"]) for r in records if r["type"] == "agreement")


CASES = [
    # 「以下の」 group word and the list below, its header's count checked
    ("list-below", "協定の締結について(東西銀行)",
     "令和3年5月10日\n東西銀行は、県内の以下の銀行・信用金庫との間で、「災害時に助け合うための協定」を"
     "締結しました。\n\n協定を結んだ3金融機関\n東西銀行、南北信用金庫、中央信用金庫\n",
     [(["中央信用金庫", "南北信用金庫", "東西銀行"], "2021-05-10", "協定")]),
    # the parties counted in a later sentence, with references to the bodies named before
    ("counted-later", None,
     "柏商工会議所は、柏市、支援機関、金融機関と連携協定を締結した。この協定には同所と同市のほか、東西銀行、"
     "南北信用金庫の合計4団体が加わる。",
     [(["南北信用金庫", "東西銀行", "柏商工会議所", "柏市"], None, "連携協定")]),
    # a group word and the members a later sentence counts
    ("group-then-members", None,
     "青葉商工会議所は6月1日、市内の大学と産学連携協定を締結した。相手は東西大学、南北大学の2大学である。",
     [(["南北大学", "東西大学", "青葉商工会議所"], None, "産学連携協定")]),
    # one agreement per party that opens its own dated clause; a dated relative clause names a partner
    ("dated-clauses", "産学連携について(東西信用金庫)",
     "当金庫は、平成20年4月には、東西大学、平成25年5月には、南北大学とも産学連携協定を締結し、共同研究を続けています。\n"
     "平成28年2月に協定を締結した中央大学とは、商品開発を行いました。",
     [(["中央大学", "東西信用金庫"], "2016-02", "協定"), (["南北大学", "東西信用金庫"], "2013-05", "産学連携協定"),
      (["東西信用金庫", "東西大学"], "2008-04", "産学連携協定")]),
    # the people who signed restate the signing: no new record, their bodies are no parties
    ("signers", None,
     "令和4年6月1日、青葉実行委員会と柏市は包括連携協定を結んだ。締結式では、事務局の東西信用金庫の山田太郎理事長と"
     "鈴木花子市長が協定書に署名した。",
     [(["柏市", "青葉実行委員会"], "2022-06-01", "包括連携協定")]),
    # a quoted name with the kind of body after it is one name
    ("quoted-head", None,
     "令和4年6月1日、「青葉まつり」実行委員会と柏市は連携協定を結んだ。",
     [(["「青葉まつり」実行委員会", "柏市"], "2022-06-01", "連携協定")]),
    # an agreement in force (結んでおり) is no new record
    ("in-force", None,
     "東西銀行は令和5年4月13日、柏市と連携協定を結んだ。船橋市とは2015年に協定を結んでおり、連携を広げる。",
     [(["東西銀行", "柏市"], "2023-04-13", "連携協定")]),
    # 包括 in a title 「…に関する包括協定」 stays in the kind, as the name writes it (包括協定, not 包括連携協定);
    # a 契約 of cooperation is an agreement
    ("comprehensive-title", "包括協定の締結について(東西銀行)",
     "東西銀行は、令和2年3月2日に柏市と「連携協力に関する包括協定」を締結しました。",
     [(["東西銀行", "柏市"], "2020-03-02", "包括協定")]),
    # それぞれ after the partners: one agreement with each; 昨年 read against the document's date
    ("each-partner", None,
     "2015年1月25日\n青葉同友会は昨年12月17日、東西銀行および南北信用金庫とそれぞれ「創業を支える覚書」を交わしました。",
     [(["南北信用金庫", "青葉同友会"], "2014-12-17", "覚書"), (["東西銀行", "青葉同友会"], "2014-12-17", "覚書")]),
    # a publisher whose agreements on the page are otherwise bilateral signs with each body of a list
    ("bilateral-publisher", "連携協定(柏市)",
     "市内に店舗のある金融機関3社(東西銀行、南北信用金庫、中央信用組合)と協定を結びました(平成30年5月9日)。\n"
     "若葉大学と連携協定を締結しました(令和元年6月3日)。\n青葉運輸株式会社と包括連携協定を締結しました(令和5年4月2日)。",
     [(["中央信用組合", "柏市"], "2018-05-09", "協定"), (["南北信用金庫", "柏市"], "2018-05-09", "協定"),
      (["東西銀行", "柏市"], "2018-05-09", "協定"), (["柏市", "若葉大学"], "2019-06-03", "連携協定"),
      (["柏市", "青葉運輸株式会社"], "2023-04-02", "包括連携協定")]),
    # one sentence, two dated clauses: the parties coordinated in a clause sign together
    ("dated-clause-groups", "協定の締結(東西大学)",
     "東西大学は、2025年8月12日、柏市との間で、続く8月13日には、南北大学、船橋市及び音威子府村との間で、それぞれ"
     "「包括連携に関する基本協定」を締結しました。",
     [(["南北大学", "東西大学", "船橋市", "音威子府村"], "2025-08-13", "包括連携協定"),
      (["東西大学", "柏市"], "2025-08-12", "包括連携協定")]),
    # a hard-wrapped text: the sentence and a name go on across line breaks; a bracket aside after a place
    ("wrapped", "協定(東西銀行)", _WRAPPED,
     [(["市民生活協同組合あおばコープ", "東西銀行", "柏市"], "2020-11-03", "協定")]),
    # a faculty that signs is named with its university; 同大学 + a school of it is a party of its own
    ("faculty", None,
     "南北信用金庫と東西大学経済学部は、令和3年5月10日に連携協力協定を結んだ。",
     [(["南北信用金庫", "東西大学経済学部"], "2021-05-10", "連携協力協定")]),
    ("school-of-the-university", None,
     "東西大学(柏市)、同大学短期大学部(同)は、令和3年8月2日付で南北信用金庫と包括連携協定を結んだ。",
     [(["南北信用金庫", "東西大学", "東西大学短期大学部"], "2021-08-02", "包括連携協定")]),
    # a photo's caption run into the body by the wrapping: 「person・body+office」 names the body, not a party
    # 「person・body」
    ("caption-person-and-office", "産学連携で協定 四国銀行と高知大学",
     "『青葉新報』2012年9月6日付\n\n産学連携で協定 四国銀行と高知大学\n\n\n"
     "協定書に署名したあと、会見する田中一郎・高知大学長(右)と佐藤二郎・\n"
     "四国銀行頭取=高知大で 四国銀行(佐藤二郎頭取)と高知大学(田中一\n郎学長)は5日、地元企業の販路づくりや"
     "新しい事業の創出についての連携協\n力協定を結んだ。",
     [(["四国銀行", "高知大学"], "2012-09-05", "協定")]),
    # 同大学校 beside the 大学校 named before it is that school, no party of its own
    ("back-reference-to-a-school", None,
     "令和3年6月19日、東西銀行と、県立青葉技術短期大学校、同大学校は連携協定を結んだ。",
     [(["東西銀行", "県立青葉技術短期大学校"], "2021-06-19", "連携協定")]),
    # the bodies of N places named together are one party
    ("collective", None,
     "九州7県の生活協同組合連合会と青葉労働金庫は、2019年9月5日に相互支援の連携協定を結んだ。",
     [(["九州7県の生活協同組合連合会", "青葉労働金庫"], "2019-09-05", "連携協定")]),
    # a planned signing: the date of the ceremony in the block the sentence points to; a breadcrumb is no sentence
    ("event-below", "協定締結式のご案内(山形県)",
     "ホーム > 報道 > 2021年6月1日号 > 山形県と東西食品株式会社の連携協定締結式\n公開日:2021年5月28日\n"
     "このたび山形県と東西食品株式会社は、以下のとおり連携協定を結びます。\n日時 : 2021年6月8日(火) 10時\n会場 : 県庁",
     [(["山形県", "東西食品株式会社"], "2021-06-08", "連携協定")]),
    # a 覚書 exchanged at the signing of a 協定 is an agreement of its own, on the same day
    ("memorandum-alongside", "包括連携協定を締結しました(小国町)",
     "令和2年4月1日、小国町は、小国町商工会並びに東西信用金庫と包括連携協定を締結しました。\n"
     "この包括連携協定の締結にあわせ、町と東西信用金庫は「空き家対策に関する覚書」も交わしました。",
     [(["小国町", "小国町商工会", "東西信用金庫"], "2020-04-01", "包括連携協定"), (["小国町", "東西信用金庫"], "2020-04-01", "覚書")]),
    # two titled agreements in one sentence: each title names its parties (「…包括連携に関する協定」: the
    # kind as its name writes it)
    ("two-titles", None,
     "令和元年8月2日、「東西銀行及び東西信用金庫と柏市の包括連携に関する協定」と、「南北銀行と柏市との創業支援に関する"
     "連携協定」の締結式を開きました。",
     [(["南北銀行", "柏市"], "2019-08-02", "連携協定"),
      (["東西信用金庫", "東西銀行", "柏市"], "2019-08-02", "包括連携協定")]),
    # a title with no publisher in brackets: the body it names beside the partners signs
    ("title-body", "金融機関2者と川西町が事業承継支援の連携協定を結びました",
     "令和6年5月8日に、東西信用金庫、青葉県信用保証協会と事業承継支援の連携協定を結びました。",
     [(["川西町", "東西信用金庫", "青葉県信用保証協会"], "2024-05-08", "連携協定")]),
    # a country, and the object of another verb, are no parties
    ("no-country-no-object", None,
     "令和6年3月7日、東西庁と南北庁は、日本と世界の交流を深め、新たな青葉ブランドを広めるため、包括連携協定を結んだ。",
     [(["南北庁", "東西庁"], "2024-03-07", "包括連携協定")]),
    # a count with its kind before a bracket of bare names: the kind is written once
    ("count-kind-bracket", "事業承継の協定(山形県)",
     "県は令和5年6月1日、県下3信用金庫(東西、南北、中央)と事業承継支援に関する協定を締結した。",
     [(["中央信用金庫", "南北信用金庫", "山形県", "東西信用金庫"], "2023-06-01", "協定")]),
    # 「下記の」 and a key-value block of the partners
    ("pointer-to-block", "協定締結(東西銀行)",
     "東西銀行は、令和3年2月1日、下記の自治体と包括連携協定を締結しました。\n\n締結先:船橋市、柏市、松戸市\n",
     [(["東西銀行", "松戸市", "柏市", "船橋市"], "2021-02-01", "包括連携協定")]),
    # the agreement's own text: its signature block dates it and names its parties
    ("signature-block", "連携協定書",
     "地域経済の活性化に関する連携協定書\n(目的)\n第1条 この協定は、地域の活性化を目的とする。\n"
     "この協定の締結を証するため、本書2通を作成し、記名押印の上、各1通を保有する。\n令和2年4月1日\n"
     "船橋市長 山田 一郎\n柏市長 鈴木 二郎",
     [(["柏市", "船橋市"], "2020-04-01", "協定")]),
    ("signature-block-roles", "船橋市と東西銀行との連携協定書",
     "船橋市(以下「甲」という。)と東西銀行(以下「乙」という。)は、次のとおり協定を締結する。\n"
     "この協定の締結を証するため、本書2通を作成し、甲乙記名押印の上、各1通を保有する。\n令和2年4月1日\n"
     "甲 千葉県船橋市湊町2丁目10番25号\n船橋市長 山田 一郎\n乙 東京都中央区1-1\n株式会社東西銀行 取締役頭取 鈴木 二郎",
     [(["東西銀行", "船橋市"], "2020-04-01", "協定")]),
    # the agreement signed before (に続き) is background
    ("following-an-earlier-one", None,
     "東西銀行は昨年、船橋市と協定を結んだのに続き、今回柏市と令和3年5月1日に協定を締結した。",
     [(["東西銀行", "柏市"], "2021-05-01", "協定")]),
    # plans with no day set, names not fixed, drafts: no agreement; a planned signing with its day is one
    # a signing told as background (これまでも, すでに) is no new agreement; the new one beside it is
    ("background", None, "船橋市は、これまでも東西銀行と連携協定を締結し、創業支援に取り組んできた。", []),
    # the live signing in a later clause of a sentence opened by its subject: that subject is its party, the
    # partner of the agreement in force is none
    ("in-force-then-new-same-subject", None,
     "船橋市は、平成30年に東西銀行と連携協定を締結しており、今回、南北信用金庫とも協定を締結しました。",
     [(["南北信用金庫", "船橋市"], None, "協定")]),
    # a two-line paragraph of a hard-wrapped news item whose agreement word the wrap broke (連携協|力協定)
    ("agreement-word-wrapped", None,
     "『青葉新報』2012年9月6日付\n\n 東西銀行(川上次郎頭取)と南北大学(山田太郎学長)は5日、地元企業の販路づくりについての連携協\n"
     "力協定を結んだ。協定の期間は2年とする。",
     [(["南北大学", "東西銀行"], "2012-09-05", "協定")]),
    # signings up to now (結んできた, 締結してきました) are background; being able to sign (締結できました) is a signing
    ("signed-up-to-now-then-new", None,
     "船橋市はこれまで東西銀行と協定を結んできたが、新たに南北信用金庫と連携協定を締結した。",
     [(["南北信用金庫", "船橋市"], None, "連携協定")]),
    ("signed-up-to-now", None, "船橋市は、東西銀行や南北信用金庫と連携協定を締結してきました。", []),
    ("able-to-sign", None, "船橋市と東西銀行は、令和5年4月12日に連携協定を締結できました。",
     [(["東西銀行", "船橋市"], "2023-04-12", "連携協定")]),
    ("in-force-but-new", None, "船橋市は東西銀行と連携協定を結んでいるが、新たに南北信用金庫と連携協定を結んだ。",
     [(["南北信用金庫", "船橋市"], None, "連携協定")]),
    ("already-and-new", "協定(船橋市)",
     "すでに協定を締結した東西銀行に加え、令和4年5月1日、新たに南北銀行と協定を結んだ。",
     [(["南北銀行", "船橋市"], "2022-05-01", "協定")]),
    ("towards", None, "船橋市と東西銀行は、来年度中の連携協定締結に向けて協議を進めることで合意した。", []),
    ("policy", None, "船橋市は、東西銀行と連携協定を締結する方針を固めた。", []),
    ("tentative", None, "(仮称)船橋市と東西銀行との連携協定の締結を予定しています。", []),
    ("draft", "協定書(案)", "協定(案)\n船橋市と東西銀行は、次のとおり協定を締結する。", []),
    ("planned-with-ceremony", "協定(船橋市)",
     "東西銀行と連携協定を締結する予定です。\n締結式\n日時 令和6年2月15日(木)午後2時\n場所 市役所",
     [(["東西銀行", "船橋市"], "2024-02-15", "連携協定")]),
    ("planned-with-day", None, "船橋市は、令和6年2月15日に東西銀行と連携協定を締結する予定です。",
     [(["東西銀行", "船橋市"], "2024-02-15", "連携協定")]),
    # a department or division acts for its body; a name with hiragana after its legal form is read whole
    ("division", None, "東西銀行は、令和4年5月1日、船橋市経済部商工振興課と連携協定を締結した。",
     [(["東西銀行", "船橋市"], "2022-05-01", "連携協定")]),
    ("hiragana-name", None, "令和4年5月1日、船橋市は、公益財団法人ふなばし産業振興協会と連携協定を締結した。",
     [(["公益財団法人ふなばし産業振興協会", "船橋市"], "2022-05-01", "連携協定")]),
    # 「以下の4者で」 and a bulleted list; a table of the bodies and their heads; a cleft sentence listing a group
    ("list-of-four", "協定締結(船橋市)",
     "令和4年5月1日、以下の4者で創業支援に関する協定を結びました。\n・東西銀行\n・南北信用金庫\n・中央信用組合\n・船橋市\n",
     [(["中央信用組合", "南北信用金庫", "東西銀行", "船橋市"], "2022-05-01", "協定")]),
    ("table-of-bodies", "協定締結(船橋市)",
     "令和4年5月1日、下記の機関と創業支援に関する協定を結びました。\n協定締結機関\n名称\t代表者\n"
     "東西銀行\t頭取 山田太郎\n南北信用金庫\t理事長 鈴木花子\n",
     [(["南北信用金庫", "東西銀行", "船橋市"], "2022-05-01", "協定")]),
    ("cleft-list", "協定締結(船橋市)",
     "船橋市は、令和4年5月1日、市内の金融機関と創業支援の協定を結びました。協定を締結したのは、東西銀行、南北信用金庫、"
     "中央信用組合です。",
     [(["中央信用組合", "南北信用金庫", "東西銀行", "船橋市"], "2022-05-01", "協定")]),
    # 本市 on a page that names no publisher: the city it names most
    ("self-reference-without-publisher", "市長の活動報告",
     "本市は、令和4年5月1日、東西銀行と連携協定を結びました。船橋市と東西銀行は創業支援で協力します。船橋市の産業振興のためです。",
     [(["東西銀行", "船橋市"], "2022-05-01", "連携協定")]),
    # the signers' sentence alone dates the headline's signing; a witness named through its head is no party
    ("signers-date-the-headline", None,
     "東西銀行と船橋市が協定締結\n2022年5月2日\n東西銀行の山田頭取と船橋市の鈴木市長は1日、創業支援の協定書に署名した。",
     [(["東西銀行", "船橋市"], "2022-05-01", "協定")]),
    ("witnesses", None,
     "東西銀行と南北大学は1日、船橋市の鈴木市長の立ち会いのもと協定を結んだ。青葉商工会議所の立ち会いのもとでの調印だった。"
     "\n2022年5月2日",
     [(["南北大学", "東西銀行"], "2022-05-01", "協定")]),
    # a news item's date before its headline dates the page, not the signing the body dates
    ("headline-date", None,
     "2017.12.07 東西銀行と南北商工会が協定を締結\n\n東西銀行と南北商工会は11月29日、創業支援に関する協定を結んだ。",
     [(["南北商工会", "東西銀行"], "2017-11-29", "協定")]),
    # a day with its weekday, read against the page's own date
    ("day-with-weekday", None,
     "掲載日 2021年3月18日\n柏市と東西信用金庫は、創業支援の連携協定を 9日(火)に結びました。",
     [(["東西信用金庫", "柏市"], "2021-03-09", "連携協定")]),
    # the heading restates the signing the body reports as done: the page's date dates it
    ("heading-and-report", "柏市と東西銀行との包括連携協定の締結について",
     "2016/02/05\n柏市と東西銀行との包括連携協定の締結について\n"
     "柏市と株式会社東西銀行は、下記の内容で包括連携協定を締結しましたのでお知らせします。",
     [(["東西銀行", "柏市"], "2016-02-05", "包括連携協定")]),
    # a year written with two digits in a news item
    ("two-digit-year", None,
     "2021年8月31日\n東西銀行は18年4月に柏市と創業支援の協定を結んだ。",
     [(["東西銀行", "柏市"], "2018-04", "協定")]),
    # a sentence whose signing has people for its subject tells of the ceremony: no new record
    ("people-sign", None,
     "2022年5月2日\n柏市は1日、全国の信用金庫でつくる「南北フェア実行委員会」と包括連携協定を結んだ。市役所で行われた"
     "締結式では、鈴木市長と同実行委事務局・東西信用金庫(東京都)の山田理事長が協定書を交わした。",
     [(["南北フェア実行委員会", "柏市"], "2022-05-01", "包括連携協定")]),
    # a place written before its body (柏市の東西信用金庫) is where the body is, no party
    ("place-of-a-body", None,
     "千葉県は令和4年5月1日、柏市の東西信用金庫、船橋市の南北信用金庫と連携協定を結んだ。",
     [(["千葉県", "南北信用金庫", "東西信用金庫"], "2022-05-01", "連携協定")]),
    # the quoted name of an agreement is no party; a short form of a listed bank is its subject
    ("short-form-subject", None,
     "群馬銀行は柏市と協定を結んでいる。群馬銀は、2013年5月に船橋市と「創業支援に関する協定」を結んだ。",
     [(["群馬銀行", "船橋市"], "2013-05", "協定")]),
    # a company that no kind word ends, as the subject of the signing
    ("company-subject", None,
     "アクサ生命と東西商工会議所は、2019年4月1日に包括連携協定を結んだ。",
     [(["アクサ生命", "東西商工会議所"], "2019-04-01", "包括連携協定")]),
    # the town hall acts for its town
    ("town-hall", None,
     "掲載日 2021年3月18日\n柏市役所と東西信用金庫が、創業支援の連携協定を 9日(火)に結びました。",
     [(["東西信用金庫", "柏市"], "2021-03-09", "連携協定")]),
    # an omitted subject is the topic of an earlier sentence of the paragraph
    ("topic-carried", None,
     "2021年8月31日\n東西銀行は2016年に地域創生室を設置した。県内では18年に船橋市、柏市と協定を結んだ。",
     [(["東西銀行", "柏市", "船橋市"], "2018", "協定")]),
    # a page that never names its own body: the party as the page writes it
    ("unnamed-self", None,
     "当協会は5月11日、青葉同友会と「業務連携に関する協定」を締結しました。",
     [(["当協会", "青葉同友会"], None, "業務連携")]),
    ("self-beside-a-body", "市長の出張報告",
     "令和3年2月5日、柏市と本市で特産品の相互取扱協定の締結式を柏市役所で行った。柏市の特産品を紹介した。",
     [(["本市", "柏市"], "2021-02-05", "協定")]),
    # a signing told as the start of a series (締結してから) or as a time clause (締結した際) is background:
    # no record, and it dates no other signing
    ("since-then", None,
     "2022年5月2日\n東西信用組合は今年2月、南北信用組合と協定を締結してから、各地の信組と協定締結を進めている。"
     "東西信用組合は1日、中央信用組合と連携協力に関する協定を結んだ。",
     [(["中央信用組合", "東西信用組合"], "2022-05-01", "連携協定")]),
    ("when-it-was-signed", None,
     "東西銀行は25日、柏市と包括連携協定を締結した。東西銀行は、2016年6月に柏市と南北製菓が地域連携協定を締結した際、"
     "橋渡し役を務めた。",
     [(["東西銀行", "柏市"], None, "包括連携協定")]),
    # the signings an agreement follows (…に続く) are earlier ones
    ("follows-earlier-ones", None,
     "2018年12月18日\n東西信用金庫は17日、神河町と包括連携協定を締結した。10月に行われた船橋市・松戸市・柏市に続く、"
     "県内の町との包括連携協定の調印となった。",
     [(["東西信用金庫", "神河町"], "2018-12-17", "包括連携協定")]),
    # a word that opens the clause is no part of the name after it
    ("clause-opener", None, "青葉同友会では、このたび東西大学工学部と連携協定を締結しました。",
     [(["東西大学工学部", "青葉同友会"], None, "連携協定")]),
    # a bare 市 on a page with no publisher: the city the page names
    ("bare-city", None,
     "2023年4月2日\n多久市は1日、東西銀行と地方創生に関する連携協定を結んだ。多久市の産業振興を目指す。"
     "市と協定を結んだ金融機関は東西銀行が初めて。",
     [(["多久市", "東西銀行"], "2023-04-01", "連携協定")]),
    # 今月27日: a day of the page's month; each dated clause is its own agreement
    ("this-month", None,
     "2016年12月28日\n柏市は、地域経済の活性化に向けて、11月28日に東西銀行と、今月27日に南北信用金庫と、相次いで連携協定を結んだ。",
     [(["南北信用金庫", "柏市"], "2016-12-27", "連携協定"), (["東西銀行", "柏市"], "2016-11-28", "連携協定")]),
    # a town beside the association named after it is a party of its own; 同じ日 dates the memorandum
    ("town-and-its-association", "協定について(神河町商工会)",
     "平成28年12月22日、当会は神河町及び南北信用金庫と「地方創生に係る包括連携に関する協定」を締結しました。\n"
     "同じ日、神河町と南北信用金庫は「業務連携の覚書」を交わしました。",
     [(["南北信用金庫", "神河町"], "2016-12-22", "覚書"),
      (["南北信用金庫", "神河町", "神河町商工会"], "2016-12-22", "包括連携協定")]),
    # 「N の金融機関とともに」: the N others of that kind the page names, the subject not among them
    ("counted-others", "相互支援協定(群馬銀行)",
     "2017年6月20日\n当行は、平成29年6月20日、県内に本店を置く3の金融機関とともに、災害時の相互支援協定を結びました。\n"
     "協定を締結した金融機関\n東和銀行\nアイオー信用金庫\n群馬県信用組合\n群馬銀行",
     [(["アイオー信用金庫", "東和銀行", "群馬県信用組合", "群馬銀行"], "2017-06-20", "協定")]),
    # another's part in a signing (締結を後押しした) is no signing
    ("backing-a-signing", None, "2016年6月1日\n東西銀行は、南北製菓株式会社と柏市の協定締結を後押しした。", []),
    # a town written with its district is the town
    ("town-with-district", "北海道銀行と仁木町が連携協定を締結",
     "北海道銀行と余市郡仁木町は12日、「まちづくりに関する包括連携協定」を結んだ。",
     [(["仁木町", "北海道銀行"], None, "包括連携協定")]),
    # 「同協定は、各金融機関との…」 after the signing: one agreement with each partner
    ("each-after", None,
     "柏商工会議所は3月29日、東西銀行、南北銀行、中央信用金庫の3金融機関との「連携・協力に関する協定書」を締結。"
     "調印式も同じ日に開いた。同協定は、各金融機関との相互の協力で中小企業を支える。",
     [(["中央信用金庫", "柏商工会議所"], None, "連携協定"), (["南北銀行", "柏商工会議所"], None, "連携協定"),
      (["東西銀行", "柏商工会議所"], None, "連携協定")]),
    # the heading calls the body's 覚書 a 連携協定: one signing, the body's word
    ("heading-and-body-words", "青葉県商工会連合会は日本政策金融公庫と連携協定を締結しました",
     "2022 / 06 / 24\n青葉県商工会連合会は日本政策金融公庫と連携協定を締結しました\n"
     "青葉県商工会連合会は6月23日、日本政策金融公庫と「事業承継に関する覚書」を締結しました。",
     [(["日本政策金融公庫", "青葉県商工会連合会"], "2022-06-23", "覚書")]),
    # signing words and agreement words in more forms
    ("comprehensive-cooperation", None, "2021年5月10日\n柏市と東西銀行は10日、包括連携を締結した。",
     [(["東西銀行", "柏市"], "2021-05-10", "包括連携協定")]),
    ("tie-up-verb", None, "2021年5月10日\n東西銀行は10日、南北信用金庫と業務提携した。",
     [(["南北信用金庫", "東西銀行"], "2021-05-10", "業務提携")]),
    ("signed-with-sign", None, "2021年5月10日\n柏市と東西銀行は10日、協定書にサインした。",
     [(["東西銀行", "柏市"], "2021-05-10", "協定")]),
    ("cooperation-agreement", None, "2021年5月10日\n柏市と東西銀行は10日、協力協定を締結しました。",
     [(["東西銀行", "柏市"], "2021-05-10", "協力協定")]),
    ("industry-academia-title", None, "2021年5月10日\n東西大学と柏商工会議所は10日、産学連携に関する協定を締結した。",
     [(["東西大学", "柏商工会議所"], "2021-05-10", "産学連携協定")]),
    # an aside with brackets inside it before the subject's は
    ("nested-aside", None,
     "2021年5月2日\n東西信用組合(山田均(やまだひとし)理事長)は1日、南北信用組合(東京都新宿区、鈴木一(すずきはじめ)理事長)と"
     "「連携協力に関する協定」を締結した。本県の物産を紹介する。",
     [(["南北信用組合", "東西信用組合"], "2021-05-01", "連携協定")]),
    # 「締結先は次のとおりです。」 after the signing, and the list under it
    ("partners-listed-after", "協定の締結(柏市)",
     "令和3年4月1日、柏市は市内の金融機関等計4団体と創業支援に関する協定を締結しました。締結先は次のとおりです。\n"
     "・東西銀行\n・南北信用金庫\n・中央信用組合\n・柏商工会議所\n",
     [(["中央信用組合", "南北信用金庫", "東西銀行", "柏商工会議所", "柏市"], "2021-04-01", "協定")]),
    # a block of the signers (■協定締結者) under a ■ date key
    ("signers-block", "協定の締結(柏市)",
     "■協定締結日\n令和3年4月1日(木)\n■協定締結者\n柏市長 鈴木一郎\n株式会社東西銀行 取締役頭取 山田太郎\n"
     "■協定の概要\n創業支援に関する協定を締結しました。",
     [(["柏市", "株式会社東西銀行"], "2021-04-01", "協定")]),
    # 包括 before 業務提携 stays in the kind; 業務協力に関する協定 is a 業務協力協定
    ("comprehensive-tie-up", None, "2021年5月2日\n柏市と東西銀行は1日、包括業務提携を締結した。",
     [(["東西銀行", "柏市"], "2021-05-01", "包括業務提携")]),
    # a signing reported done, and the 日時 of its ceremony in the block right below
    ("done-with-ceremony-block", "協定を締結しました(柏市)",
     "柏市は、東西銀行と創業支援に関する協定を締結しました。\n■日時\n令和3年4月1日(木)午前10時\n■場所\n柏市役所",
     [(["東西銀行", "柏市"], "2021-04-01", "協定")]),
    # a line naming an agreement over rows of bodies, each with its date: one agreement per row
    ("header-rows", "包括連携協定(柏市)",
     "本市が締結している包括連携協定\n・東西銀行(令和3年4月1日締結)\n・南北大学(令和2年5月10日締結)\n",
     [(["南北大学", "柏市"], "2020-05-10", "包括連携協定"), (["東西銀行", "柏市"], "2021-04-01", "包括連携協定")]),
    ("rows-about-events", "実績(柏市)",
     "協定に基づく事業の実績\n・東西銀行(令和3年4月1日)セミナー開催\n・南北大学(令和3年5月1日)講演会\n", []),
    ("in-force-rows", "包括連携協定(柏市)",
     "柏市は、これまでに次の企業・団体と包括連携協定を締結しています。\n東西銀行(令和3年4月1日)\n南北大学(令和2年5月10日)\n",
     [(["南北大学", "柏市"], "2020-05-10", "包括連携協定"), (["東西銀行", "柏市"], "2021-04-01", "包括連携協定")]),
    # an observer, a helper (の協力を得て) and a group a company belongs to are no parties
    ("observer", None,
     "2021年5月2日\n柏市と東西銀行は1日、オブザーバーとして千葉県が参加するなか、創業支援に関する協定を締結した。",
     [(["東西銀行", "柏市"], "2021-05-01", "協定")]),
    ("helper", None, "2021年5月2日\n柏市と東西銀行は1日、南北大学の協力を得て創業支援に関する協定を締結した。",
     [(["東西銀行", "柏市"], "2021-05-01", "協定")]),
    ("company-of-a-group", None,
     "2021年5月2日\n東西銀行グループの東西リース株式会社と柏市は1日、創業支援に関する協定を締結した。",
     [(["東西リース株式会社", "柏市"], "2021-05-01", "協定")]),
    # a ceremony held (締結式を…行った) reports the signing done: the page's date dates it
    ("ceremony-held", "市長の出張報告",
     "現在の場所\n\n平成30年2月5日(月)柏市\n\n内容\n柏市と本市で「特産品相互取扱協定締結式」を柏市役所で行った。",
     [(["本市", "柏市"], "2018-02-05", "協定")]),
    # one partner per agreement word (Xと協定を、Yと覚書を), per pair (AはBと、CはDと、それぞれ), per partner (個別に)
    ("clause-per-word", None, "2021年5月2日\n柏市は1日、東西銀行と協定を、南北信用金庫と覚書をそれぞれ締結した。",
     [(["南北信用金庫", "柏市"], "2021-05-01", "覚書"), (["東西銀行", "柏市"], "2021-05-01", "協定")]),
    ("pairs", None, "2021年5月2日\n東西銀行は柏市と、南北信用金庫は船橋市と、それぞれ協定を締結した。",
     [(["南北信用金庫", "船橋市"], "2021-05-02", "協定"), (["東西銀行", "柏市"], "2021-05-02", "協定")]),
    ("one-by-one", None, "2021年5月2日\n柏市は1日、東西銀行及び南北信用金庫の2金融機関と個別に協定を締結した。",
     [(["南北信用金庫", "柏市"], "2021-05-01", "協定"), (["東西銀行", "柏市"], "2021-05-01", "協定")]),
    # 同日 after a day read against the page's date; a body that joins the agreement in the next sentence
    ("same-day-as-a-bare-day", None, "2021年5月2日\n柏市は1日、東西銀行と協定を締結した。同日、南北信用金庫とも協定を結んだ。",
     [(["南北信用金庫", "柏市"], "2021-05-01", "協定"), (["東西銀行", "柏市"], "2021-05-01", "協定")]),
    ("joins-after", None, "2021年5月2日\n柏市は1日、東西銀行と協定を締結した。協定には南北信用保証協会も加わった。",
     [(["南北信用保証協会", "東西銀行", "柏市"], "2021-05-01", "協定")]),
    # divisions written right after their bodies act for them; a name the model finds that modifies a noun is none
    ("divisions-as-subjects", None, "2021年5月2日\n東西銀行地域創生部と柏市企画課は1日、協定を締結した。",
     [(["東西銀行", "柏市"], "2021-05-01", "協定")]),
    ("concept-before-no", None, "2021年5月2日\n柏市と東西銀行は1日、SDGsの推進とDXの支援に関する協定を締結した。",
     [(["東西銀行", "柏市"], "2021-05-01", "協定")]),
    # 協約 and 合意書 are agreement words too
    ("partnership-compact", None, "2021年5月2日\n柏市と船橋市は1日、連携中枢都市圏形成に係る連携協約を締結した。",
     [(["柏市", "船橋市"], "2021-05-01", "連携協約")]),
    ("memorandum-of-agreement", None, "2021年5月2日\n柏市と東西銀行は1日、創業支援に関する合意書を交わした。",
     [(["東西銀行", "柏市"], "2021-05-01", "合意書")]),
    # partners counted one by one after the signing: one agreement with each; 「3者で」: one signed by all
    ("partners-counted", None,
     "2021年5月2日\n東西銀行は1日、柏市、船橋市と包括連携協定を締結した。これで同行の協定先は計12自治体となった。",
     [(["東西銀行", "柏市"], "2021-05-01", "包括連携協定"), (["東西銀行", "船橋市"], "2021-05-01", "包括連携協定")]),
    ("joint-despite-count", None,
     "2021年5月2日\n東西銀行、南北信用金庫と柏市は1日、3者で包括連携協定を締結した。これで市の協定先は計12団体となった。",
     [(["南北信用金庫", "東西銀行", "柏市"], "2021-05-01", "包括連携協定")]),
    # a counted group whose members a bracket lists with middle dots; the place before the count is no party
    ("counted-members-with-dots", None,
     "2021年5月2日\n青葉同友会は1日、千葉県下3信用金庫(東西信用金庫・南北信用金庫・中央信用金庫)と覚書を締結した。",
     [(sorted(["青葉同友会", "東西信用金庫", "南北信用金庫", "中央信用金庫"]), "2021-05-01", "覚書")]),
    ("short-members-with-dots", None,
     "青葉同友会は県内3信用金庫(東西・南北・中央)と覚書を締結した。",
     [(sorted(["青葉同友会", "東西信用金庫", "南北信用金庫", "中央信用金庫"]), None, "覚書")]),
    # cities written as bare place names sharing one counted ending
    ("cities-sharing-an-ending", None, "2021年5月2日\n東西大学と柏、船橋、松戸の三市は1日、包括連携協定を締結した。",
     [(sorted(["東西大学", "柏市", "船橋市", "松戸市"]), "2021-05-01", "包括連携協定")]),
    # a signing in a speaker's words whose subject they leave out: the speaker signed, not the page's publisher
    ("quoted-speaker", "協会と覚書を締結(青葉同友会)",
     "2021年5月2日\n青葉同友会は1日、東西協会と覚書を締結した。\n会長は「支援を続けてきた。今年は柏市とも提携し、融資を始めている」と述べた。",
     [(["東西協会", "青葉同友会"], "2021-05-01", "覚書")]),
    # a signing reported as done on the page's day takes its date; one done 「このほど」 was some day before it
    ("done-on-the-page's-day", None, "2021年5月2日\n柏市と東西大学は、包括連携協定を締結しました。",
     [(["東西大学", "柏市"], "2021-05-02", "包括連携協定")]),
    ("done-recently", None, "2021年5月2日\n柏市と東西大学は、包括連携協定をこのほど締結しました。",
     [(["東西大学", "柏市"], None, "包括連携協定")]),
    # a clause about an agreement in force before the live signing: its bodies are not the signing's parties
    ("clause-in-force", None,
     "2021年5月2日\n柏市と東西大学は1日、包括連携協定を締結した。これまで市の教育委員会と東西大学文学部との間で協定を"
     "結んでいますが、包括連携協定を結ぶのは同大学が初めてとなる。",
     [(["東西大学", "柏市"], "2021-05-01", "包括連携協定")]),
    # a page that names no publisher and leaves the signing's subject out: the body it writes itself as
    # elsewhere (県と同社が, 本学の理事長) signs; a self-reference only in a speaker's words does not
    ("self-reference-elsewhere", None,
     "11月2日、東西火災保険株式会社との間で、包括連携協定を締結しました。\n防災などの分野で、県と同社が協力します。",
     [(["東西火災保険株式会社", "県"], None, "包括連携協定")]),
    ("self-reference-of-a-university", None,
     "10月3日、東西信用金庫との協定締結に関する調印式が行われ、本学の山田理事長と東西信用金庫の鈴木理事長が"
     "協定書に署名しました。\n青葉大学は地域に学生を送り出しています。",
     [(["東西信用金庫", "青葉大学"], None, "協定")]),
    ("self-reference-only-quoted", None,
     "11月2日、東西火災保険株式会社との間で、包括連携協定を締結しました。\n支店長は「弊社は、本市と協力したい」と述べた。",
     []),
    # a name joined by と to a party, the two the subject, is a party though nothing tagged it; a count,
    # an office or a person so joined is none
    ("coordinated-subject", None, "2021年5月2日\n柏市とアオバ電機(山田太郎社長)は1日、包括連携協定を締結した。",
     [(["アオバ電機", "柏市"], "2021-05-01", "包括連携協定")]),
    ("coordinated-subject-first", None, "2021年5月2日\nアオバ電機と柏市は1日、包括連携協定を締結した。",
     [(["アオバ電機", "柏市"], "2021-05-01", "包括連携協定")]),
    ("coordinated-count-or-office", None,
     "2021年5月2日\n柏市と県内3信用金庫は1日、協定を締結した。\n東西銀行と山田頭取は1日、協定を締結した。", []),
    # when a party is the subject, a name opening a clause and joined by と to the agreement is the partner
    ("unnamed-partner", None, "2021年5月2日\n柏市は1日、アオバ電機と「地域活性化に関する包括連携協定」を締結した。",
     [(["アオバ電機", "柏市"], "2021-05-01", "包括連携協定")]),
    ("unnamed-partner-a-kind", None, "2021年5月2日\n柏市は1日、地元企業と包括連携協定を締結した。", []),
    # 「AとB、Cが…、それぞれ」: the と parts the subject into one side and the other, one agreement each;
    # without それぞれ the three sign one
    ("each-of-a-coordinated-subject", None,
     "2021年5月10日\n東西信用金庫と柏町、松戸町が五月一日、それぞれ包括連携協定を結んだ。",
     [(["東西信用金庫", "松戸町"], "2021-05-01", "包括連携協定"), (["東西信用金庫", "柏町"], "2021-05-01", "包括連携協定")]),
    ("joint-coordinated-subject", None,
     "2021年5月10日\n東西信用金庫と柏町、松戸町が五月一日、包括連携協定を結んだ。",
     [(["東西信用金庫", "松戸町", "柏町"], "2021-05-01", "包括連携協定")]),
    ("contract", None,
     "令和2年3月2日、連携業務契約の調印式があった。同契約は青葉産業機構(柏市若葉町)、柏商工会(柏市中央)の2者が結んだもの。",
     [(["柏商工会", "青葉産業機構"], "2020-03-02", "連携業務契約")]),
]


@pytest.mark.model
@pytest.mark.parametrize("kind, title, text, expected", CASES, ids=[c[0] for c in CASES])
def test_structures(nlp, kind, title, text, expected):
    assert _agreements(text, title) == expected


@pytest.mark.parametrize("title, text, expected", [
    # a contact block naming the body with its division, or its town hall
    ("連携協定を締結しました", "本市は協定を結んだ。\nお問い合わせ\n船橋市経済部商工振興課\n電話 047-000-0000", "船橋市"),
    ("連携協定を締結しました", "このページに関するお問い合わせ\n経済部 商工振興課\n船橋市役所", "船橋市"),
    # the site's name on a top line or after the title
    ("連携協定を締結しました", "船橋市公式ホームページ\n本市は協定を結んだ。", "船橋市"),
    ("連携協定を締結しました - 船橋市ホームページ", "本市は協定を結んだ。", "船橋市"),
    # a sentence that begins with a body's name is no site name
    ("連携協定を締結しました", "船橋市と東西銀行が協定\n本市は協定を結んだ。", None),
])
def test_publisher_from_site_name_and_contact_block(title, text, expected):
    from extractors.records.publisher import publisher

    assert publisher(title, text) == expected
