"""A heading's nickname (…連合会 岐阜全国大会) names the place the meeting is held in: the city of that
name, whether or not the page writes it (岐阜市で…開かれ), as the dev gold reads …鹿児島大会; the
prefecture only where no city has the name (as 〈群馬大会〉 names 群馬県)."""
from tests.records.built import records_of

TITLE = "全国商店街振興組合青年部連合会 岐阜全国大会(青年部だより)"


def _host(text: str) -> str | None:
    _, records = records_of(text, title=TITLE)
    (record,) = [r for r in records if r["type"] == "summit" and r["edition"] == 23]
    return record["host"]


def test_the_nickname_names_the_city_the_page_writes(nlp):
    text = ("第23回全国商店街振興組合青年部連合会 岐阜全国大会\n"
            "令和元年10月4日・5日の両日、岐阜市で第23回全国商店街振興組合青年部連合会の全国大会が開かれました。\n"
            "大会のテーマは「つなぐ商店街」です。\n"
            "昨年11月の第22回沖縄全国大会に続き、各地の青年部が日ごろの活動を持ち寄りました。\n")
    assert _host(text) == "岐阜市"


def test_the_nickname_names_the_city_the_page_does_not_write(nlp):
    text = ("第23回全国商店街振興組合青年部連合会 岐阜全国大会\n"
            "令和元年10月4日・5日の両日、第23回全国商店街振興組合青年部連合会の全国大会が開かれ、各地の青年部が集まりました。\n"
            "大会のテーマは「つなぐ商店街」です。\n"
            "昨年11月の第22回沖縄全国大会に続き、各地の青年部が日ごろの活動を持ち寄りました。\n")
    assert _host(text) == "岐阜市"


def test_a_nickname_no_city_has_names_its_prefecture(nlp):
    text = ("第23回全国商店街振興組合青年部連合会 群馬全国大会\n"
            "令和元年10月4日・5日の両日、第23回全国商店街振興組合青年部連合会の全国大会が開かれ、各地の青年部が集まりました。\n")
    _, records = records_of(text, title="全国商店街振興組合青年部連合会 群馬全国大会(青年部だより)")
    assert [r["host"] for r in records if r["type"] == "summit" and r["edition"] == 23] == ["群馬県"]


def test_an_edition_name_in_kanji_names_the_city(nlp):
    text = "九州商店街女性会連合会は6月2日、第41回総会・佐賀大会を開催し、九州各県から約300人が集まった。\n"
    _, records = records_of(text)
    assert [(r["edition"], r["host"]) for r in records if r["type"] == "summit"] == [(41, "佐賀市")]


def test_a_prefecture_whose_seat_is_another_city_stays_the_prefecture(nlp):
    text = "関東商店街女性会連合会は6月2日、第41回総会・栃木大会を開催し、関東各県から約300人が集まった。\n"
    _, records = records_of(text)
    assert [(r["edition"], r["host"]) for r in records if r["type"] == "summit"] == [(41, "栃木県")]


def test_unless_the_page_writes_that_city(nlp):
    text = "関東商店街女性会連合会は6月2日、栃木市で第41回総会・栃木大会を開催し、関東各県から約300人が集まった。\n"
    _, records = records_of(text)
    assert [(r["edition"], r["host"]) for r in records if r["type"] == "summit"] == [(41, "栃木市")]
