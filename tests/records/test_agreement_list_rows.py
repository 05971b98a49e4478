"""Pages that list agreements with the date first on each row: a news list's rows (「2024.05.10
東西市との協定の締結について」), a list below a signing sentence (「以下の企業と…締結しました。」 over
「2019年4月1日 東西銀行」 rows), and a header of agreements in force over such rows."""
import pytest

from extractors.records.party_groups import list_below
from tests.records.test_agreements import _agreements


def test_a_row_s_leading_date_is_no_part_of_the_name():
    text = "以下の企業と協定を締結しました。\n2019年4月1日 千葉銀行\n2020.6.3 京葉銀行\n"
    _count, names = list_below(text, text.index("。"))
    assert [n.name for n in names] == ["千葉銀行", "京葉銀行"]
    assert [text[n.start:n.end] for n in names] == ["千葉銀行", "京葉銀行"]


ROWS = [
    # a release list of the publisher: each dated row telling a signing is one agreement
    ("news-list", "ニュースリリース(千葉銀行)",
     "2024.05.10 柏市との包括連携協定の締結について\n2024.04.01 松戸市との包括連携協定の締結について\n",
     [(["千葉銀行", "松戸市"], "2024-04-01"), (["千葉銀行", "柏市"], "2024-05-10")]),
    # rows of the list below a signing sentence, each with its own date first
    ("list-below-dated", "包括連携協定(柏市)",
     "本市は、以下の企業と包括連携協定を締結しました。\n2019年4月1日 千葉銀行\n2020年6月3日 京葉銀行\n",
     [(["京葉銀行", "柏市"], "2020-06-03"), (["千葉銀行", "柏市"], "2019-04-01")]),
    # the agreements in force a page lists, date first
    ("header-rows-date-first", "包括連携協定(柏市)",
     "本市は、以下の企業と包括連携協定を締結しています。\n2019年4月1日 千葉銀行\n2020年6月3日 京葉銀行\n",
     [(["京葉銀行", "柏市"], "2020-06-03"), (["千葉銀行", "柏市"], "2019-04-01")]),
    # rows about other things than a signing give nothing
    ("news-list-no-signing", "ニュースリリース(千葉銀行)",
     "2024.05.10 柏市との包括連携協定に基づくセミナーについて\n2024.04.01 新商品の取扱開始について\n", []),
]


@pytest.mark.model
@pytest.mark.parametrize("kind, title, text, expected", ROWS, ids=[c[0] for c in ROWS])
def test_rows_dated_first(nlp, kind, title, text, expected):
    assert _agreements(text, title) == expected


HEADLINES = [
    # a news headline names the signers and ends with the agreement word, a subtitle after a space
    ("subject-comma-partner", "柏市、千葉銀行と包括連携協定 地域活性化へ\n", [(["千葉銀行", "柏市"], None)]),
    ("two-bodies-ga", "柏市と千葉大学が連携協定\n", [(["千葉大学", "柏市"], None)]),
    # the body tells the same signing: one record, of the body's kind
    ("headline-and-body", "千葉銀行、柏市と包括協定\n千葉銀行は2024年5月10日、柏市と包括連携協定を結んだ。\n",
     [(["千葉銀行", "柏市"], "2024-05-10")]),
    # the agreement named, not signed: a page about it, an event under it
    ("agreement-of", "柏市と千葉銀行の包括連携協定\n協定に基づき、セミナーを開催します。\n", []),
    ("event-under", "柏市、千葉銀行と包括連携協定に基づくセミナー\n", []),
]


@pytest.mark.model
@pytest.mark.parametrize("kind, text, expected", HEADLINES, ids=[c[0] for c in HEADLINES])
def test_headline_without_a_verb(nlp, kind, text, expected):
    assert _agreements(text) == expected


@pytest.mark.model
def test_headline_kind_yields_to_the_body(nlp):
    from extractors.reading.normalize import normalize_text
    from tests.records.test_unseen_kinds import _records
    text = normalize_text("千葉銀行、柏市と包括協定\n千葉銀行は2024年5月10日、柏市と包括連携協定を結んだ。\n")
    (rec,) = [r for r in _records(text) if r["type"] == "agreement"]
    assert rec["kind"] == "包括連携協定"


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    # a bank's release: the partner only in the heading, the body's sentence names the bank alone
    ("株式会社千葉銀行\n2024年5月10日\n柏市との包括連携協定の締結について\n"
     "当行は、本日、地域の活性化に向けて包括連携協定を締結いたしました。\n",
     [(["柏市", "株式会社千葉銀行"], "2024-05-10")]),
    # a heading naming no partner (と) adds none
    ("株式会社千葉銀行\n2024年5月10日\n包括連携協定の締結について\n"
     "当行は、本日、地域の活性化に向けて包括連携協定を締結いたしました。\n", []),
])
def test_partner_named_in_the_heading_only(nlp, text, expected):
    assert _agreements(text) == expected


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    # the parties listed below a sentence pointing to them
    ("2024年5月10日\n柏市は、市内の金融機関と包括連携協定を締結しました。協定を締結した金融機関は以下のとおりです。\n"
     "千葉銀行、京葉銀行、千葉信用金庫\n",
     [(["京葉銀行", "千葉信用金庫", "千葉銀行", "柏市"], "2024-05-10")]),
    # a signing told with 取り交わしを行いました / 締結に至りました is done: the page's date
    ("2024年5月10日\n柏市と千葉銀行は、包括連携協定書の取り交わしを行いました。", [(["千葉銀行", "柏市"], "2024-05-10")]),
    ("2024年5月10日\n柏市と千葉銀行は、包括連携協定の締結に至りました。", [(["千葉銀行", "柏市"], "2024-05-10")]),
    ("2024年5月10日\n柏市と千葉銀行は、包括連携協定を締結する運びとなりました。", [(["千葉銀行", "柏市"], None)]),
])
def test_pointed_list_and_done_signings(nlp, text, expected):
    assert _agreements(text) == expected


@pytest.mark.model
def test_both_parties_as_a_pronoun_under_the_heading(nlp):
    text = ("柏市と千葉銀行との包括連携協定の締結について\n2024年5月10日\n"
            "両者は、本日、地域の活性化に向けて包括連携協定を締結しました。")
    assert _agreements(text) == [(["千葉銀行", "柏市"], "2024-05-10")]


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    # a release list's line opens with its body in brackets: that body signs
    ("【柏市】千葉銀行と包括連携協定を締結\n", [(["千葉銀行", "柏市"], None)]),
    ("<柏市>千葉銀行と包括連携協定を締結しました\n", [(["千葉銀行", "柏市"], None)]),
    # a region's tag before a sentence that has its subject is no party
    ("【千葉県】柏市と千葉銀行が包括連携協定を締結\n", [(["千葉銀行", "柏市"], None)]),
    # a pairing written with ×
    ("柏市×千葉銀行 包括連携協定を締結\n", [(["千葉銀行", "柏市"], None)]),
])
def test_bracketed_body_and_pairing_heads(nlp, text, expected):
    assert _agreements(text) == expected
