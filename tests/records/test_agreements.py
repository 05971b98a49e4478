"""Agreements by kind of sentence, on invented texts, with the real ja_ginza model.

Each row is one kind of sentence or document structure the agreement assembler reads
(see extractors/records/agreements.py): (title, text, expected records as
(sorted parties, signed_date)). The names are invented or generic; none is copied
from the dev texts.
"""
import hashlib

import pytest

from extractors.reading.normalize import normalize_text
from extractors.records.build import build_records, document_drafts
from schemas.document import Document


def _agreements(text: str, title: str | None = None):
    text = normalize_text(text)
    doc = Document(uri="file:///a.txt", sha256=hashlib.sha256(text.encode()).hexdigest(), media_type="text/plain",
                   title=title, text=text)
    records, rejected = build_records([doc], [document_drafts(doc)])
    assert not rejected
    for r in records:  # every evidence span slices back to its quote
        for ev in r["sources"]:
            assert text[ev["start"]:ev["end"]] == ev["quote"]
    return sorted((sorted(p["name"] for p in r["parties"]), r["signed_date"]) for r in records if r["type"] == "agreement")


CASES = [
    # subject は, partners coordinated with 、 and と
    ("coordination", None,
     "令和5年4月10日、船橋市は、東西銀行、南北信用金庫と連携協定を締結しました。",
     [(["南北信用金庫", "東西銀行", "船橋市"], "2023-04-10")]),
    # 「AとBは」: both subjects
    ("a-and-b-subject", None,
     "令和2年7月1日、みどり信用金庫と寒川町は、包括連携協定を締結しました。",
     [(["みどり信用金庫", "寒川町"], "2020-07-01")]),
    # subject left out: the publisher in the title's brackets; the date in a key-value block
    ("publisher-and-key-value-date", "東西銀行と連携協定を締結します(船橋市)",
     "地域経済の活性化のため、東西銀行と連携協定を締結します。\n締結式\n 日時 令和6年2月15日(木)午後2時\n 場所 市役所",
     [(["東西銀行", "船橋市"], "2024-02-15")]),
    # a bank release: 当行 is the publisher
    ("self-reference", "柏市との包括連携協定の締結について(東西銀行)",
     "令和3年1月20日\n当行は、令和3年1月20日、柏市と包括連携協定を締結いたしました。",
     [(["東西銀行", "柏市"], "2021-01-20")]),
    # a bracket that lists the partners after a count
    ("bracket-list", "連携協定(船橋市)",
     "市内の金融機関3社(東西銀行、南北信用金庫、中央信用組合)と協定を締結しました(平成30年6月1日)。",
     [(["中央信用組合", "南北信用金庫", "東西銀行", "船橋市"], "2018-06-01")]),
    # one agreement per partner that has its own date in brackets
    ("own-dates", "連携協定(船橋市)",
     "青葉高等学校(令和元年5月7日)と若葉学園(令和元年9月2日)の2校と連携協定を締結しました。",
     [(["船橋市", "若葉学園"], "2019-09-02"), (["船橋市", "青葉高等学校"], "2019-05-07")]),
    # a party block, comma-separated, names with a branch written after a space
    ("party-block", "事業承継の支援に係る協定書を締結(青葉商工会議所)",
     "本所は船橋市および支援機関とともに協定書を締結しました。\n<締結機関>\n"
     "船橋市、東西銀行 青葉支店、南北信用金庫、青葉商工会議所",
     [(["南北信用金庫", "東西銀行 青葉支店", "船橋市", "青葉商工会議所"], None)]),
    # news: a count of a kind filled with the names given later; 「6日」 against the article's date
    ("counted-kind-and-day", "協定(みなみ放送)",
     "2019年10月8日\n若葉大学と、県内の3つの信用金庫が包括協定を結ぶことになり、8日、締結式が開かれました。"
     "大学は、東信用金庫と西信用金庫、それに北信用金庫に連携を申し入れました。",
     [(["北信用金庫", "東信用金庫", "若葉大学", "西信用金庫"], "2019-10-08")]),
    # a wrapped line of a PDF: the sentence goes on after a line break before と
    ("wrapped-line", "協定の締結について(東西銀行)",
     "東西銀行(頭取 山田 太郎)は、令和4年3月3日(木)、柏市(市長 鈴木 花子)\nと、包括連携協定を締結いたしますので、\nお知らせします。",
     [(["東西銀行", "柏市"], "2022-03-03")]),
    # a relative month against the document's date
    ("relative-month", None,
     "2021年9月30日\n寒川町商工会は、今年7月に青葉信用金庫と連携協定を締結しました。",
     [(["寒川町商工会", "青葉信用金庫"], "2021-07")]),
    # 「AとBとの間で」 and a 協定締結日 key-value line
    ("between-and-key-value", "協定締結について(船橋市)",
     "船橋市と東西銀行との間で、地域経済の活性化に関する連携協定を締結しました。\n協定締結日 令和5年3月1日",
     [(["東西銀行", "船橋市"], "2023-03-01")]),
    # 「本日」 with the release's date line above; 「三者」 after the names
    ("today-three-parties", None,
     "令和4年10月3日\n本日、船橋市、東西銀行及び南北信用金庫の三者は、創業支援に関する連携協定を締結しました。",
     [(["南北信用金庫", "東西銀行", "船橋市"], "2022-10-03")]),
    # a planned signing carries its planned date; a branch is one party
    ("planned-branch", "協定(柏市)",
     "柏市は、令和6年5月20日に株式会社日本政策金融公庫柏支店と業務連携に関する覚書を締結する予定です。",
     [(["柏市", "株式会社日本政策金融公庫柏支店"], "2024-05-20")]),
    # news: 「12日」 after the subject, the article's date on its own line
    ("news-day", None,
     "みなと銀行と神戸市は12日、連携協定を結んだ。\n2022年4月13日",
     [(["みなと銀行", "神戸市"], "2022-04-12")]),
    # the parties in a 【提携先】 block, the sentence says 「上記の自治体と」
    ("block-for-above", "提携(東西銀行)",
     "【提携先】\n柏市、船橋市\n【調印日】\n令和3年3月3日\n当行は上記の自治体と業務提携契約を締結いたしました。",
     [(["東西銀行", "柏市", "船橋市"], "2021-03-03")]),
    # a signing sentence naming no one signs for the parties of the sentence before; 「同日」
    ("previous-sentence-same-day", None,
     "令和2年5月1日、船橋市と東西銀行は、地域経済の活性化に向けて連携することで合意した。同日、協定書に調印した。",
     [(["東西銀行", "船橋市"], "2020-05-01")]),
    # a list of agreements, one per paragraph: a heading and its 締結日 line
    ("heading-list", "協定一覧(柏市)",
     "柏市が締結した協定\n■東西銀行との包括連携協定\n締結日:令和3年4月1日\n概要:地域活性化\n"
     "■南北大学との連携協定\n締結日\n令和4年5月10日\n",
     [(["南北大学", "柏市"], "2022-05-10"), (["東西銀行", "柏市"], "2021-04-01")]),
    # an event under an agreement in force
    ("under-agreement", "協定(柏市)",
     "令和3年4月1日に締結した東西銀行との協定に基づき、セミナーを開きます。",
     []),
    # not a new agreement: an agreement in force in a relative clause; a bill
    ("relative-clause", "市長の定例会見(柏市)",
     "市長は、市が東西銀行と締結した協定に基づく取り組みを紹介しました。",
     []),
    ("bill", "議案(柏市)",
     "議案第10号 東西銀行との連携協定の締結について\n市は、東西銀行と連携協定を締結することについて議会の議決を求める。",
     []),
    # not a new agreement: an event under an agreement in force; an anniversary
    ("existing-agreement", "セミナー(船橋市)",
     "包括連携協定を締結している東西銀行と共同で、創業セミナーを開催しました。",
     []),
    ("anniversary", None,
     "船橋市と柏市の友好都市提携30周年を記念して式典が開かれました。",
     []),
    # a page whose sentences name no partner: its headline states the agreement, the publisher signs
    ("headline-fallback", "東西大学との包括連携協定を締結(船橋市)",
     "東西大学との包括連携協定を締結\n協定書を手にする市長(左)と学長(右)",
     [(["東西大学", "船橋市"], None)]),
    # a headline of a signing only planned, or of an agreement in force, states none
    ("headline-of-a-plan", "東西大学との包括連携協定の締結に向けて(船橋市)",
     "東西大学との包括連携協定の締結に向けて\n協定書の案を手にする市長(左)と学長(右)",
     []),
    # a page that does not repeat its title: the title states the agreement, the partner is written in the text
    ("title-fallback", "東西大学との包括連携協定を締結しました(船橋市)",
     "締結式では、市長と学長が協定書に署名しました。\n東西大学の学長は地域との連携に期待を述べました。",
     [(["東西大学", "船橋市"], None)]),
    ("verbless-title-fallback", "青葉市と東西銀行が連携協定 創業支援で",
     "締結式では、市長と頭取が協定書に署名した。\n東西銀行は青葉市内に本店を置く。",
     [(["東西銀行", "青葉市"], None)]),
    ("title-of-a-plan", "東西大学との包括連携協定の締結に向けて(船橋市)",
     "締結式では、市長と学長が協定書に署名しました。\n東西大学の学長は地域との連携に期待を述べました。",
     []),
    ("title-partner-not-in-text", "東西大学との包括連携協定を締結しました(船橋市)",
     "締結式では、市長と学長が協定書に署名しました。\n学長は地域との連携に期待を述べました。",
     []),
    # a page in its own voice whose signing sentence names one body, its subject: the publisher signs with it
    ("voice-fallback", "お知らせ(船橋市)",
     "このたび、東西大学が包括連携協定を締結しました。\n学長と市長が協定書に署名しました。",
     [(["東西大学", "船橋市"], None)]),
    ("voice-of-a-plan", "お知らせ(船橋市)",
     "東西大学が包括連携協定を締結する予定です。\n学長と市長が協定書に署名します。",
     []),
    ("voice-without-a-publisher", "お知らせ(みなみ新聞)",
     "このたび、東西大学が包括連携協定を締結しました。\n学長と市長が協定書に署名しました。",
     []),
    ("headline-of-an-agreement-in-force", "東西大学との包括連携協定(船橋市)",
     "東西大学との包括連携協定を締結しています\n協定書を手にする市長(左)と学長(右)",
     []),
]


@pytest.mark.model
@pytest.mark.parametrize("kind, title, text, expected", CASES, ids=[c[0] for c in CASES])
def test_agreement_sentence_kinds(nlp, kind, title, text, expected):
    assert _agreements(text, title) == expected


@pytest.mark.model
def test_documents_signed_together_and_bodies_that_join_one():
    text = ("令和元年8月1日、芦屋町商工会は、東西銀行青葉支店、南北信用金庫と、地域振興に係る協定書及び"
            "経営改善に関する覚書を締結しました。\n経営改善に関する覚書については、青葉県信用保証協会も加わっています。")
    got = _agreements(text, "協定を締結しました(芦屋町商工会)")
    assert got == [(["南北信用金庫", "東西銀行青葉支店", "芦屋町商工会"], "2019-08-01"),
                   (["南北信用金庫", "東西銀行青葉支店", "芦屋町商工会", "青葉県信用保証協会"], "2019-08-01")]


@pytest.mark.model
def test_separate_ceremonies_are_separate_agreements():
    text = ("2018年12月20日\n柏市は、東西銀行、南北信用金庫と連携協定を結んだ。\n"
            "東西銀行との締結式は11月5日に行われた。南北信用金庫との締結式は12月19日に行われた。")
    assert _agreements(text) == [(["南北信用金庫", "柏市"], "2018-12-19"), (["東西銀行", "柏市"], "2018-11-05")]


@pytest.mark.model
def test_alias_introduced_in_brackets_resolves():
    text = ("令和4年5月2日、株式会社青葉開発銀行(代表取締役社長:山田太郎、以下「AKB」という。)とAKBの"
            "取引先を支援するため、柏市とAKBは連携協定を締結しました。")
    got = _agreements(text)
    assert got == [(["柏市", "株式会社青葉開発銀行"], "2022-05-02")]


@pytest.mark.model
def test_dependency_pattern_ids_travel_into_the_evidence():
    text = normalize_text("令和5年4月10日、船橋市は、東西銀行と連携協定を締結しました。")
    doc = Document(uri="file:///d.txt", sha256=hashlib.sha256(text.encode()).hexdigest(), media_type="text/plain",
                   title=None, text=text)
    (record,), _ = build_records([doc], [document_drafts(doc)])
    rules = {ev["rule"] for ev in record["sources"]}
    assert {"agr-dep-subject", "agr-dep-partner"} <= rules


@pytest.mark.model
@pytest.mark.parametrize("text", ["", "協定", "締結" * 50, "今年13月に船橋市と東西銀行が協定を締結しました。\n2020年1月1日",
                                  "(以下「A」という。)協定を締結した。"])
def test_odd_text_never_crashes(text):
    assert isinstance(_agreements(text), list)
