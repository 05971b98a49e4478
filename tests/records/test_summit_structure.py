"""Summits read from document structure: the venue as host, whole series names, bare 大会,
key–value lines, years in series names (invented sentences of each kind, real ja_ginza)."""
import hashlib

import pytest

from extractors.reading.normalize import normalize_text
from extractors.records.build import build_records, document_drafts
from schemas.document import Document


def _doc(text: str, title: str | None = None) -> Document:
    text = normalize_text(text)
    return Document(uri="file:///s.txt", sha256=hashlib.sha256(text.encode()).hexdigest(), media_type="text/plain",
                    title=title, text=text)


def _summits(text: str, title: str | None = None) -> dict[int | None, dict]:
    doc = _doc(text, title)
    recs, rejected = build_records([doc], [document_drafts(doc)])
    assert not rejected
    return {r["edition"]: r for r in recs if r["type"] == "summit"}


@pytest.mark.parametrize("text, series, host", [
    # the venue's city, not the prefecture of the (X大会) nickname
    ("令和元年10月3日(木)、福岡県久留米市の市民会館を会場に第8回商工会女性部全国大会(福岡大会)が開かれました。",
     "商工会女性部全国大会", "久留米市"),
    ("令和元年10月3日、長野県松本市のホールで、第2回「地域循環」全国首長サミットを開催しました。",
     "「地域循環」全国首長サミット", "松本市"),
    ("第4回ものづくりのまち交流サミットが令和元年10月3日に高岡市にて開催されました。",
     "ものづくりのまち交流サミット", "高岡市"),
    # the venue before a theme and the holding verb, an attending mayor after it
    ("第6回地域産業サミットが令和元年10月3日、釧路市の市民文化会館で「港から未来へ」をテーマに開かれた。根室市長があいさつした。",
     "地域産業サミット", "釧路市"),
    # in X made whole by the gazetteer
    ("令和元年10月3日に第6回地域産業サミットin別府が開かれた。", "地域産業サミット", "別府市"),
    ("令和元年10月3日に第6回地域産業サミットfrom別府が開かれた。", "地域産業サミット", "別府市"),
    # a bare prefecture's name is the prefecture, not a town of that name (茨城町); a city's stays the city
    ("令和元年10月3日、第6回地域産業サミットが茨城で開催されました。", "地域産業サミット", "茨城県"),
    ("令和元年10月3日、第6回地域産業サミットが釧路で開催されました。", "地域産業サミット", "釧路市"),
    ("令和元年10月3日、第6回地域産業サミットが開かれ、各地の首長が釧路市に集結しました。", "地域産業サミット", "釧路市"),
    ("令和元年10月3日、北海道釧路市を中心に第6回地域産業サミットを開催しました。", "地域産業サミット", "釧路市"),
    # a name that is both a prefecture and its city: the prefecture, unless the page writes the city
    ("令和元年10月3日、第6回地域産業サミットが広島で開催されました。", "地域産業サミット", "広島県"),
    ("令和元年10月3日、第6回地域産業サミットが広島で開催されました。会場は広島市の国際会議場です。",
     "地域産業サミット", "広島市"),
])
def test_host_is_the_venue_municipality(nlp, text, series, host):
    (s,) = _summits(text).values()
    assert (s["series"], s["host"], s["start_date"]) == (series, host, "2019-10-03")


@pytest.mark.parametrize("hall, host", [
    ("くしろドーム", "釧路市"),  # the town's name in kana
    ("釧路グリーンアリーナ", "釧路市"),
    ("グランドホテル", None),  # a hall named after no place
])
def test_a_hall_named_after_its_town_gives_the_host(nlp, hall, host):
    (s,) = _summits(f"令和元年10月3日(木){hall}にて、第6回地域産業サミットが開催されました。").values()
    assert (s["edition"], s["host"]) == (6, host)


def test_a_city_whose_official_speaks_is_no_venue(nlp):
    text = ("2022年5月12日、第6回地域産業サミットがオンラインで開催されました。\n"
            "閉会では、次の開催地となる釧路市の山田市長はオンラインで、参加者に感謝を述べました。")
    (s,) = _summits(text).values()
    assert (s["edition"], s["host"]) == (6, None)


def test_bare_series_takes_the_page_series_and_month_before_edition(nlp):
    text = ("当町は「第30回全国梅サミット」の開催地に決まりました。\n"
            "当町では、平成15年5月に第12回大会が開かれています。次回の第31回大会は令和8年に開催予定です。")
    summits = _summits(text)
    assert {n: s["series"] for n, s in summits.items()} == {30: "全国梅サミット", 12: "全国梅サミット",
                                                             31: "全国梅サミット"}
    assert summits[12]["start_date"] == "2003-05"


def test_bare_series_stays_when_the_page_names_none(nlp):
    summits = _summits("今後の日程\n・第4回定例会の開催について 港区\n")
    assert summits[4]["series"] == "定例会"


def test_a_bare_meeting_of_a_council_is_no_summit(nlp):
    text = ("会議録\n会議名 第2回青葉市産業振興審議会\n開催日時 令和元年10月3日(木)\n開催場所 釧路市役所\n"
            "ただいまより本年度の第2回目の会議を開催します。")
    assert _summits(text, title="会議録") == {}


def test_year_in_series_name_dates_yearless_days(nlp):
    text = "11月5日(木)・6日(金)の両日、第3回全国港まちサミット2015 in 函館を開催しました。"
    (s,) = _summits(text).values()
    assert (s["start_date"], s["end_date"], s["host"]) == ("2015-11-05", "2015-11-06", "函館市")


def test_committee_of_a_summit_does_not_date_it(nlp):
    text = ("「全国みなと民間サミット」が、今年は室蘭市で開かれます。\n"
            "第7回全国みなと民間サミットの実行委員会が6月2日(金)に開かれました。\n2017-06-02 投稿")
    (s,) = _summits(text).values()
    # 今年 and the post's date give the year; the committee's day is not the summit's
    assert (s["series"], s["host"], s["start_date"]) == ("全国みなと民間サミット", "室蘭市", "2017")


def test_a_venue_clause_far_down_names_the_municipality_right_before_its_mark(nlp):
    # (past the opening, where no sentence venue is read: the run before にて starts early, 秋に品川区)
    filler = "参加者は各地の取り組みを報告し、意見を交わしました。" * 34
    text = "令和元年10月3日、第3回地域産業サミットを開きました。\n" + filler + "\nこのサミットは例年秋に品川区にて開催しています。"
    (s,) = _summits(text).values()
    assert s["host"] == "品川区"


@pytest.mark.parametrize("value, host", [
    ("中国・大連市", "大連市"),  # a city abroad, after its country
    ("タイ王国 バンコク市", "バンコク市"),
    ("オンライン", None),  # no city
])
def test_a_city_key_names_a_city_abroad(nlp, value, host):
    text = f"第12回青葉都市サミット\n\n開催期間\n  • 2019年10月3日(木)\n\n開催都市\n  • {value}\n\n会場\n  • 国際会議場\n"
    (s,) = _summits(text, title="第12回青葉都市サミット").values()
    assert (s["start_date"], s["host"]) == ("2019-10-03", host)


@pytest.mark.parametrize("sentence, date", [
    ("第1回青葉都市サミットは1989年に松本市で開かれた。", "1989"),
    ("第3回青葉都市サミットを平成9年5月に高岡市で開催しました。", "1997-05"),
    ("第3回青葉都市サミットは、2015年に設立された協議会が主催しています。", None),  # a founding, no meeting
    ("第3回青葉都市サミットは令和5年度に開催します。", None),  # a fiscal year may reach into the next
])
def test_a_year_or_month_of_the_meetings_own_sentence_dates_it(nlp, sentence, date):
    (s,) = _summits(sentence).values()
    assert s["start_date"] == date


def test_each_edition_of_a_sentence_takes_the_venue_of_its_own_clause(nlp):
    found = _summits("第1回青葉都市サミットは松本市で、第2回青葉都市サミットは高岡市で開かれた。")
    assert {k: v["host"] for k, v in found.items()} == {1: "松本市", 2: "高岡市"}


@pytest.mark.parametrize("rows", [
    "第1回 1989年 松本\n第2回 1990年 高岡\n",  # short names, made whole
    "第1回 1989年10月 長野県 松本市\n第2回 1990年10月 富山県 高岡市\n",  # the city after its prefecture
    "回\t開催年月\t開催地\n1\t1989年10月\t松本\n2\t1990年10月\t高岡\n",  # a table's short names
    "第1回 1989年10月5日(松本市)\n第2回 1990年10月4日(高岡市)\n",  # the place in brackets
    "第1回 松本市 1989年10月5日\n第2回 高岡市 1990年10月4日 ものづくりの明日\n",  # the place before the date
])
def test_history_rows_place_their_hosts_with_the_gazetteer(nlp, rows):
    found = _summits("青葉都市サミットの歩み\n" + rows)
    assert {k: v["host"] for k, v in found.items()} == {1: "松本市", 2: "高岡市"}


def test_a_theme_key_alone_on_its_line_gives_the_bulleted_line_below(nlp):
    text = "第12回青葉都市サミット\n\n開催期間\n  • 2019年10月3日(木)\n\n全体会議テーマ\n  • 港と暮らす都市の未来\n"
    (s,) = _summits(text, title="第12回青葉都市サミット").values()
    assert (s["start_date"], s["theme"]) == ("2019-10-03", "港と暮らす都市の未来")


@pytest.mark.parametrize("title, sentence, host", [
    ("第12回青葉都市サミットを開催しました(鶴岡市)", "2023年10月5日、第12回青葉都市サミットを開催しました。", "鶴岡市"),
    # a city's page on its mayor attending: the city is a guest, not the host
    ("第12回青葉都市サミットに出席しました(鶴岡市)", "市長は2023年10月5日、第12回青葉都市サミットに出席しました。", None),
    ("市長の活動(鶴岡市)", "2023年10月5日、第12回青葉都市サミットが開催され、市長が出席しました。", None),
])
def test_the_page_owner_hosts_only_a_meeting_it_does_not_attend(nlp, title, sentence, host):
    (s,) = _summits(sentence + "\n", title=title).values()
    assert s["host"] == host


def test_a_bare_day_of_a_sentence_naming_the_series_is_dated_by_the_page(nlp):
    text = "第15回青葉都市サミットin別海\n2022/10/24\n24日の午後は青葉都市サミットに出ました。\n各市の報告がありました。\n"
    (s,) = _summits(text, title="第15回青葉都市サミットin別海").values()
    assert (s["start_date"], s["host"]) == ("2022-10-24", "別海町")


@pytest.mark.parametrize("line, host", [
    ("開催地:松本", "松本市"),  # a short name, made whole
    ("開催地:まつもと", "松本市"),  # in kana, by its reading
    ("開催市:高岡市", "高岡市"),
    ("会場:高岡文化ホール", "高岡市"),  # a hall named after its town
    ("会場:グランドホテル", None),  # a hall named after no place
    ("会場:未定", None),
])
def test_a_place_keys_word_is_placed_by_the_gazetteer(nlp, line, host):
    text = f"第12回青葉都市サミット\n\n日時:2023年10月5日\n{line}\n"
    (s,) = _summits(text, title="第12回青葉都市サミット").values()
    assert (s["start_date"], s["host"]) == ("2023-10-05", host)


def test_key_value_lines_give_date_place_and_theme(nlp):
    text = ("第15回中小企業振興フォーラム\n\n投稿日 2022年1月5日\n\n開催日:令和3年11月18日(木)・19日(金)\n"
            "会場:鳥取県米子市 米子コンベンションセンター\nメインテーマ:「地域の未来をひらく中小企業」\n"
            "基調講演では「変わる経営」と題して講演がありました。")
    (s,) = _summits(text, title="第15回中小企業振興フォーラム").values()
    assert (s["start_date"], s["end_date"], s["host"], s["theme"]) == (
        "2021-11-18", "2021-11-19", "米子市", "地域の未来をひらく中小企業")


def test_history_table_rows_in_any_column_order(nlp):
    text = ("全国ものづくり都市サミット 開催の記録\n回\t開催都市\t開催年月\tテーマ\n"
            "1\t燕市\t2011年10月\t技術をつなぐまちづくり\n2\t東大阪市\t2013年11月\t世界に挑む中小企業\n")
    summits = _summits(text, title="全国ものづくり都市サミット")
    assert {n: (s["host"], s["start_date"], s["theme"]) for n, s in summits.items()} == {
        1: ("燕市", "2011-10", "技術をつなぐまちづくり"), 2: ("東大阪市", "2013-11", "世界に挑む中小企業")}
    assert {s["series"] for s in summits.values()} == {"全国ものづくり都市サミット"}


def test_numbers_without_a_round_header_are_no_editions(nlp):
    text = "順位\t都市\t年月\n1\t燕市\t2011年10月\n"
    assert _summits(text, title="ランキング") == {}


def test_series_named_by_year(nlp):
    text = ("地方都市サミット2021in鶴岡を開催しました\n\n令和3年10月21日(木)、鶴岡市の文化会館で地方都市サミット2021in鶴岡が"
            "開かれました。\nテーマ:「まちの未来と中小企業」")
    (s,) = _summits(text, title="地方都市サミット2021in鶴岡").values()
    assert (s["series"], s["edition"], s["start_date"], s["host"], s["theme"]) == (
        "地方都市サミット", None, "2021-10-21", "鶴岡市", "まちの未来と中小企業")


@pytest.mark.parametrize("head", ["2022青葉都市サミット", "2022 青葉都市サミット"])
def test_series_named_by_a_year_before_it(nlp, head):
    text = (f"{head}を開催\n\n2022年5月12日、{head}が鶴岡市で開催されました。各市の市長が集まりました。")
    (s,) = _summits(text, title=f"{head}を開催").values()
    assert (s["series"], s["edition"], s["start_date"], s["host"]) == ("青葉都市サミット", None, "2022-05-12", "鶴岡市")


def test_a_number_before_a_name_is_no_year(nlp):
    # (the end of a phone number, a code or a count is no year)
    assert _summits("問合せ 電話 0235-22-2022 青葉都市サミット事務局まで。", title="問合せ") == {}
    assert _summits("No.2022 青葉都市サミットの記録を公開しました。", title="記録") == {}


def test_exhibition_named_by_year_is_no_summit(nlp):
    assert _summits("「産業交流展2021」を開催しました。会期は11月10日(水)から12日(金)まで。") == {}



def test_this_year_is_the_page_year(nlp):
    text = ("「全国みなと民間サミット」が、今年は室蘭市で開かれます。\n第7回全国みなと民間サミットの実行委員会が開かれました。\n"
            "公開日 2017年06月02日")
    (s,) = _summits(text).values()
    assert (s["start_date"], s["host"]) == ("2017", "室蘭市")


def test_a_count_of_the_same_kind_is_of_the_last_meeting_of_that_kind(nlp):
    text = ("青葉市長会は12日、鶴岡市で「青葉都市サミット」を開いた。翌日には青葉市長会議を開く。\n"
            "参加者は約300人。同サミットは今年が15回目。")
    (s,) = _summits(text, title="青葉都市サミットを開催").values()
    assert (s["series"], s["edition"], s["host"]) == ("青葉都市サミット", 15, "鶴岡市")


@pytest.mark.parametrize("text, host", [
    ("第12回港まち商品券全国大会の弘前宣言\n参加者一同は、次のことを誓う。", "弘前市"),
    ("第4回里山都市サミット 富良野宣言\n私たちは森を守り育てる。", "富良野市"),
    # a declaration named for no place, and one with a venue: the venue stays the host
    ("第4回里山都市サミット 共同宣言\n私たちは森を守り育てる。", None),
    ("第4回里山都市サミットが旭川市で開催され、富良野宣言を採択した。", "旭川市"),
])
def test_a_declaration_named_after_a_place_gives_a_host_nothing_else_gave(nlp, text, host):
    (s,) = _summits(text).values()
    assert s["host"] == host


@pytest.mark.parametrize("text, host", [
    ("6月9日、第14回女性経営者全国交流会が開かれました。設営した福井同友会の皆さんに感謝します。", "福井県"),
    ("第30回中小企業問題全国研究集会が開かれました。二日目は山田一郎・高知同友会代表理事の開催地あいさつで始まりました。",
     "高知県"),
    # the next meeting's body is not this one's host
    ("第30回中小企業問題全国研究集会が開かれました。最後に次回設営担当の高知同友会があいさつしました。", None),
])
def test_the_body_that_set_the_meeting_up_gives_a_host_nothing_else_gave(nlp, text, host):
    (s,) = _summits(text).values()
    assert s["host"] == host


@pytest.mark.parametrize("text", [
    "第15回港まち交流サミット\n2018年10月5日(金)13:00~17:00\n市民会館大ホール",
    "平成30年10月5日(金)~6日(土)\n第15回港まち交流サミット\n市民会館大ホール",
])
def test_a_flyers_date_line_is_the_meetings_not_the_pages(nlp, text):
    (s,) = _summits(text).values()
    assert s["start_date"] == "2018-10-05"
