"""A theme cue whose clause goes on to a named speaker's talk (「…」をテーマに、落語家の青葉太郎氏による講演;
…をテーマに、…の山田花子氏(㈱若葉代表取締役)から報告があり) or to a round-table (…をテーマに座談会を開き) is
the talk's title, not the meeting's theme; a theme of the meeting itself stays. Each text is made up for the
case it shows (real towns, invented meetings and people)."""
import pytest

from tests.records.built import the_record


@pytest.mark.parametrize("text", [
    "第12回青葉女性会連合会総会は6月14日、松江市で開かれた。総会後は「川の流れを見つめて」をテーマに、落語家の青葉太郎氏による講演が行われた。",
    "第12回青葉女性会連合会総会は6月14日、松江市で開かれた。1日目は、「学び合う仲間づくり」をテーマに、若葉同友会代表理事の山田花子氏((株)若葉代表取締役)から報告があった。",
    "第12回青葉女性会連合会総会は6月14日、松江市で開かれた。2時から「港町の新しい観光について」をテーマに座談会を開いた。",
])
def test_a_talks_title_is_no_theme(nlp, text):
    assert the_record(text, "summit")["theme"] is None


def test_the_meetings_theme_stays(nlp):
    text = "「川の流れを見つめて」をテーマに、第12回青葉女性会連合会総会が6月14日、松江市で開かれた。"
    assert the_record(text, "summit")["theme"] == "川の流れを見つめて"
