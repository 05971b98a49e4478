"""A bare general meeting (第62回定時総会, 第110回通常会員総会) is the meeting of the body that holds it:
the body run on into the edition (日本商工会議所第110回…), the body the sentence opens with (…は…で
第N回…を開催), or the body the page title opens with; an assembly's session stays no summit. Each
text is made up for the case it shows (real bodies, invented meetings)."""
from tests.records.built import records_of


def _series(text: str, title: str | None = None) -> list[tuple]:
    _, recs = records_of(text, title=title)
    return [(r["series"], r["edition"]) for r in recs if r["type"] == "summit"]


def test_the_body_run_on_into_the_edition(nlp):
    assert _series("全国中小企業団体中央会第70回通常会員総会を令和5年6月に開きました。\n") == \
        [("全国中小企業団体中央会通常会員総会", 70)]


def test_the_body_the_sentence_is_about(nlp):
    assert _series("東京商工会議所は20日、千代田区のホテルで第88回通常会員総会を開催した。\n") == \
        [("東京商工会議所通常会員総会", 88)]


def test_the_body_the_title_opens_with(nlp):
    title = "一般社団法人岩手県中小企業家同友会 定時総会"
    assert _series(f"{title}\n2023年5月10日、盛岡市のホテルで第50回定時総会が開かれました。\n", title) == \
        [("岩手県中小企業家同友会定時総会", 50)]


def test_an_assemblys_session_under_its_title_stays_none(nlp):
    title = "盛岡市議会 定例会の日程"
    assert _series(f"{title}\n令和5年第2回定例会を6月に開きます。\n", title) == []
