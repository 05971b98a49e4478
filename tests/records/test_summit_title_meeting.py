"""A page whose title names one meeting of a series and gives it no number (「…知事会議の開催について」):
that meeting, edition null, with the page's date and venue, when the text says it was held; a body's
own general meeting with no number, or a meeting the text only plans to bid for, is none. Each text
is made up for the case it shows (real places and bodies, invented meetings)."""
from tests.records.built import records_of


def _summits(text: str, title: str) -> list[dict]:
    _, recs = records_of(text, title=title)
    return [r for r in recs if r["type"] == "summit"]


def test_a_meeting_the_title_names_without_a_number(nlp):
    title = "九州地区知事会議の開催について"
    (rec,) = _summits(f"{title}\n令和6年10月3日と4日の両日、宮崎県宮崎市で九州地区知事会議を開催しました。"
                      "会議では観光の振興を話し合いました。\n", title)
    assert (rec["series"], rec["edition"], rec["start_date"], rec["end_date"], rec["host"]) == \
        ("九州地区知事会議", None, "2024-10-03", "2024-10-04", "宮崎市")


def test_a_summit_the_title_names_gets_its_theme(nlp):
    title = "東北まちづくりサミットを開催【岩手】"
    (rec,) = _summits(f"{title}\n令和5年9月8日、「商店街から地域を元気に」をテーマに東北まちづくりサミットが"
                      "盛岡市で開かれました。\n", title)
    assert (rec["series"], rec["edition"], rec["start_date"], rec["theme"]) == \
        ("東北まちづくりサミット", None, "2023-09-08", "商店街から地域を元気に")


def test_a_bodys_general_meeting_without_a_number_is_none(nlp):
    title = "全国商工会連合会 総会を開催"
    assert _summits(f"{title}\n全国商工会連合会は令和5年6月5日、東京都千代田区で総会を開催しました。\n", title) == []


def test_a_meeting_the_text_does_not_hold_is_none(nlp):
    title = "全国市町村長サミットの誘致について"
    assert _summits(f"{title}\n姫路市は全国市町村長サミットの誘致に向けて準備を進めています。\n", title) == []
