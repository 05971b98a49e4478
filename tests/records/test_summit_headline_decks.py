"""A news headline that reports a meeting's holding (…大会開催(支部), 「…会議」が21日に開催, …の開催に
ついて, …が開催された。) is not the meeting's heading: the line under it is the headline's deck or the
report's first heading, not the meeting's subtitle. The line under a heading that is the meeting's name
is still its subtitle. Each text is made up for the case it shows (real places, invented meetings)."""
from tests.records.built import summit_themes


def test_the_deck_of_a_holding_headline_is_no_theme():
    text = ("お知らせ\n第44回沿岸商工会青年部大会開催(支部)\n[仲間の輪を次の世代へつなぐために]\n"
            " さる10月8日、大阪府吹田市の会議場にて「第44回沿岸商工会青年部大会」が開かれました。\n")
    assert summit_themes(text) == [(44, None)]


def test_the_line_under_a_headline_sentence_is_no_theme():
    text = ("青葉県、白浜県、北浜県の「三県首長会議」が21日に開催\n新しい物流拠点を見学\n"
            "9回目となる三県首長会議が21日午前、栃木県小山市の会館で開かれる。\n")
    assert summit_themes(text) == [(9, None)]


def test_the_section_under_a_report_sentence_is_no_theme():
    text = ("第73回沿岸市長会議が9月2日、市民交流センターにおいて開かれた。\n<午後の部>\n"
            "午後1時、副会長が開会を宣言した。\n")
    assert summit_themes(text) == [(73, None)]


def test_the_line_under_the_meetings_name_is_still_its_subtitle():
    text = ("2021年度 沿岸町村応援サミット【21.10.05】\n\n森から暮らしを支える! 村と大学にできることは何か\n\n"
            "10月5日に「第3回沿岸町村応援サミット」が行われ、参加自治体は22市町村であった。\n")
    assert summit_themes(text) == [(3, "森から暮らしを支える! 村と大学にできることは何か")]
