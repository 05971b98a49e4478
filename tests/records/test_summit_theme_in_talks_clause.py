"""A theme cue in a clause whose topic is a talk or a session (実践報告では、…が「…」を、…が「…」をテーマに; 17の
分科会では、「…」「…」などをテーマにして), however many quoted titles stand between, names the talks', not the
meeting's theme: the meeting's own theme later on the page is read instead. Each text is made up for the case
it shows (real towns, invented meetings and people)."""
from tests.records.built import the_record


def test_the_talks_titles_are_no_theme(nlp):
    text = ("第12回青葉同友会定時総会は6月14日、松江市で開かれた。実践報告では、若葉工房の山田花子代表が「経営方針」を、"
            "(株)青葉の川村一郎社長が「人の育て方」をテーマに、それぞれ自社での実践を報告しました。")
    assert the_record(text, "summit")["theme"] is None


def test_the_meetings_theme_after_the_sessions(nlp):
    text = ("第12回青葉同友会定時総会は6月14日、松江市で開かれた。その後、開かれた8つの分科会では、「明日の港」「海の仕事」"
            "などをテーマにして、報告を受けて班ごとに話し合いました。\n2日目は「港と共に歩む企業づくり」をテーマに全体会が開かれました。")
    assert the_record(text, "summit")["theme"] == "港と共に歩む企業づくり"
