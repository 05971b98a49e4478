"""A news headline that reports a meeting's holding (…大会開催(県連), 「…会議」が18日に開催, …の開催に
ついて, …が開催された。) is not the meeting's heading: the line under it is the headline's deck or the
report's first heading, not the meeting's subtitle. The line under a heading that is the meeting's name
is still its subtitle. Each text is made up for the case it shows (real places, invented meetings)."""
from tests.records.built import records_of


def _themes(text):
    _, recs = records_of(text)
    return [(r["edition"], r["theme"]) for r in recs if r["type"] == "summit"]


def test_the_deck_of_a_holding_headline_is_no_theme():
    text = ("お知らせ\n第44回沿岸商工会全国大会開催(県連)\n[組織の力をこれまで以上に高めるために]\n"
            " さる11月25日、東京都渋谷区のホールにて「第44回沿岸商工会全国大会」が開催されました。\n")
    assert _themes(text) == [(44, None)]


def test_the_line_under_a_headline_sentence_is_no_theme():
    text = ("青葉県、白浜県、北浜県の「三県首長会議」が18日に開催\n港の施設も視察\n"
            "12回目となる三県首長会議が18日午後、群馬県高崎市のホテルで開催される。\n")
    assert _themes(text) == [(12, None)]


def test_the_section_under_a_report_sentence_is_no_theme():
    text = ("第73回沿岸市長会議が6月12日、港湾会館において開催された。\n<午前の部>\n"
            "午前10時、会長から開会のあいさつがあった。\n")
    assert _themes(text) == [(73, None)]


def test_the_line_under_the_meetings_name_is_still_its_subtitle():
    text = ("2019年度 沿岸町村応援サミット【19.07.17】\n\n海から地域を変える! 町と企業に何が求められているか\n\n"
            "7月17日に「第3回沿岸町村応援サミット」が開催され、参加自治体は14市町村であった。\n")
    assert _themes(text) == [(3, "海から地域を変える! 町と企業に何が求められているか")]
