"""Two days written without their month, a pair (5、6日に, 14・15日, 21、22の両日), in a sentence that names the
meeting's series: the meeting's first and last day, read against the page's own date (on or before it
for a meeting reported held, on or after it for one announced); a dateline 【…日付 …】 is the page's
own date, never the meeting's. A year the series name gives alone (…サミット2009) is narrowed to the days.
Each text is made up for the case it shows (real places, invented meetings)."""
from tests.records.built import records_of


def _summits(text):
    _, recs = records_of(text)
    return [(r["series"], r["start_date"], r["end_date"]) for r in recs if r["type"] == "summit"]


def test_a_pair_of_days_announced_after_a_dateline():
    text = ("北陸経済セミナー、金沢で9日開幕\n"
            "【2025年6月4日付 地域経済面 北陸新報デジタル版】\n"
            "北陸の経営者ら約300人が集まる「北陸経済セミナー」(北陸経済連合会の主催)が9、10日に金沢市の県立音楽堂で開かれる。"
            "第31回を迎える北陸経済セミナーは人手不足を主な議題とする。\n"
            "初日は基調講演がある。\n二日目は分科会を開く。\n閉会後に提言をまとめる。\n"
            "提言は国に届ける。\n参加者は昨年より多い。\n")
    assert _summits(text) == [("北陸経済セミナー", "2025-06-09", "2025-06-10")]


def test_both_days_of_a_meeting_reported_held():
    text = ("「里山首長サミット2011in飯山」北信からも参加\n"
            "[ 2011年 9月 24日 土曜日 10時12分 ]\n"
            " 里山の保全に取り組む首長が集まる「里山首長サミットが21、22の両日、飯山市文化交流館で開かれた。"
            "全国の首長約40人が参加した。\n")
    assert _summits(text) == [("里山首長サミット", "2011-09-21", "2011-09-22")]


def test_two_days_parted_by_a_dot():
    text = ("第12回東海観光フォーラム、浜松で開催\n"
            "2023年3月20日\n"
            " 東海観光フォーラムは16・17日、浜松市で開かれた。第12回となる今回は約200人が参加した。\n")
    assert _summits(text) == [("東海観光フォーラム", "2023-03-16", "2023-03-17")]


def test_a_count_of_days_is_no_pair():
    text = ("第12回東海観光フォーラム、浜松で開催\n"
            "2023年3月20日\n"
            " 東海観光フォーラムは2、3日間の日程で浜松市で開かれた。第12回となる今回は約200人が参加した。\n")
    assert _summits(text) == [("東海観光フォーラム", None, None)]
