"""Publisher, document date, party blocks and lists: table-driven, no model."""
import pytest

from extractors.records.coordination import bracket_list, branch_end, counted_kind, party_blocks, party_key
from extractors.records.publisher import body_of_kind, document_date, is_signing_body, publisher, stands_for_publisher


@pytest.mark.parametrize("title, text, expected", [
    ("連携協定を締結しました(平塚市)", "", "平塚市"),
    ("包括連携協定の締結について(東西銀行)", "", "東西銀行"),
    ("協定書を締結(静岡県中小企業団体中央会)", "", "静岡県中小企業団体中央会"),
    ("市と金融機関が連携協定(高崎新聞)", "高崎市\n", None),  # a news site reports on others
    ("協定", "本日締結しました。\n【お問い合わせ先】\n株式会社東西銀行 経営企画部\n", "株式会社東西銀行"),
    (None, "令和5年3月8日\n\n船橋市\n担当 産業振興課\n", "船橋市"),
    (None, "協定を締結しました。", None),
    # a top line that holds more than one name is no publisher: a breadcrumb, a list, a label
    (None, "トップ > お知らせ > 東西銀行と協定締結 青葉大学\n本文です。", None),
    (None, "主催 青葉市、東西商工会議所\n本文です。", None),
    (None, "記事提供: 青葉商工会議所\n本文です。", None),
    (None, "お知らせ一覧 > 記事\n青葉大学\n本文です。", "青葉大学"),
    # a release's sender line, a body and its office parted by a space, at its top or its close
    (None, "弊社は協定を締結しました。\n詳細は別紙のとおりです。\n東西テック株式会社 広報部", "東西テック株式会社"),
    (None, "東西銀行 経営企画部 広報室\n当行は協定を締結しました。", "東西銀行"),
    # a name alone on the last line may be a list's last row: no sender
    (None, "次の金融機関と協定を締結しました。\n" + "本文です。\n" * 12 + "東西銀行\n南北信用金庫", None),
])
def test_publisher(title, text, expected):
    assert publisher(title, text) == expected


@pytest.mark.parametrize("word, name, ok", [
    ("本市", "平塚市", True), ("市", "平塚市", True), ("当行", "東西銀行", True), ("本会", "青葉商工会", True),
    ("当行", "平塚市", False), ("本市", "寒川町", False), ("本会", None, False),
])
def test_self_reference(word, name, ok):
    assert stands_for_publisher(word, name) is ok


@pytest.mark.parametrize("text, expected", [
    ("見出し\n平成29年3月8日\n本文です。", "2017-03-08"),
    ("見出し\n(2016年12月28日)\n本文", "2016-12-28"),
    ("記事\n2023.01.31 19:09\n本文", "2023-01-31"),
    ("本文。\n(ニュース青葉/2021年11月20日更新)", "2021-11-20"),
    ("本文は2019年4月1日に始まった。", None),  # a date inside a sentence is what the text is about
])
def test_document_date(text, expected):
    d = document_date(text)
    assert (d.date if d else None) == expected
    if d:
        assert text[d.start:d.end].endswith(("日", "31"))  # the span is the date as written


@pytest.mark.parametrize("name, ok", [
    ("青葉市", False), ("平塚市", True), ("東西銀行", True), ("信用金庫", False), ("青葉商工会議所", True),
    ("高崎新聞", False), ("日本政策金融公庫", True),
])
def test_signing_body(name, ok):
    assert is_signing_body(name) is ok


def test_party_block_comma_separated_and_one_per_line():
    text = "本文。\n【協定締結機関】\n東西銀行、南北信用金庫\n青葉商工会議所\n\n以上"
    ((_, items),) = party_blocks(text)
    assert [i.name for i in items] == ["東西銀行", "南北信用金庫", "青葉商工会議所"]
    assert all(text[i.start:i.end] == i.name for i in items)


def test_party_block_drops_people_and_addresses():
    text = "協定当事者\n 平塚市(平塚市浅間町1番1号)\n 理事長 山田 一郎\n 東西銀行"
    ((_, items),) = party_blocks(text)
    assert [i.name for i in items] == ["平塚市", "東西銀行"]


@pytest.mark.parametrize("text, expected", [
    ("金融機関2社(東西銀行、南北信用金庫)と", ["東西銀行", "南北信用金庫"]),
    ("東西銀行(船橋市中央1-1、頭取 山田)と", []),  # an aside, not a list
    ("東西銀行(中小機構)と", []),
    # members written with middle dots, each with the kind the count gives, or full names
    ("県内3信用金庫(東西・南北・中央)と", ["東西信用金庫", "南北信用金庫", "中央信用金庫"]),
    ("県下2信用金庫(東西信用金庫・南北信用金庫)と", ["東西信用金庫", "南北信用金庫"]),
    ("県内3信用金庫(東西・南北)と", []),  # the count does not match
    ("東西市(青葉県事業承継・引継ぎ支援センター)と", []),  # one body's name with a dot inside
])
def test_bracket_list(text, expected):
    i = text.index("(")
    assert [n.name for n in bracket_list(text, i, len(text))] == expected


def test_counted_kind_branch_and_key():
    assert counted_kind("4つの信用金庫が", 0, 8) == [(0, 7, 4, "信用金庫")]
    assert counted_kind("5大学と", 0, 4) == [(0, 3, 5, "大学")]
    text = "日本政策金融公庫奈良支店と"
    assert text[:branch_end(text, 8)] == "日本政策金融公庫奈良支店"
    for counted in ("日本政策金融公庫県内全5支店と", "日本政策金融公庫4支店と"):  # a count of offices: the body signs
        assert branch_end(counted, 8) == 8
    assert party_key("公立大学法人青葉県立大学") == party_key("青葉県立大学")
    assert party_key("㈱東西銀行") == party_key("株式会社 東西銀行")


def test_attendee_block_names_the_bodies_not_the_people():
    text = "式典\n出席者\n東西銀行 頭取 山田 太郎\n船橋市長 鈴木 花子\n理事 佐藤 一郎 株式会社北南代表取締役\n\n以上"
    ((_, items),) = party_blocks(text)
    assert [i.name for i in items] == ["東西銀行", "船橋市"]


def test_block_name_wrapped_onto_the_next_line_is_joined():
    text = "【協定締結機関】\n船橋市、東西銀行、日本政策金融\n公庫、南北信用金庫\n"
    ((_, items),) = party_blocks(text)
    assert [i.name for i in items] == ["船橋市", "東西銀行", "日本政策金融公庫", "南北信用金庫"]


@pytest.mark.parametrize("title, expected", [
    ("連携協定を締結しました | 船橋市", "船橋市"), ("【東西銀行】協定の締結について", "東西銀行"),
    ("協定を締結 - みなみニュース", None),
])
def test_publisher_from_the_site_name_in_the_title(title, expected):
    assert publisher(title, "") == expected


@pytest.mark.parametrize("text, expected", [
    # the only body of that kind the page names stands for its bare self-reference
    ("東西信用金庫と本学は協定を締結しました。南北大学の学長が挨拶しました。", "南北大学"),
    # an adverb before a kind word (「是非大学の…」, 「今後大学と」) names no body: none to stand for 本学
    ("東西信用金庫と本学は協定を締結しました。理事長は「是非大学の力を借りたい」と述べました。", None),
    ("東西信用金庫と本学は協定を締結しました。今後大学との交流を深めます。", None),
])
def test_body_of_kind_reads_no_adverb_as_a_name(text, expected):
    assert body_of_kind(text, "本学") == expected
