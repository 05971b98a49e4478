"""Forms of the signing day in news items and releases, on invented texts, with the real ja_ginza model:
a bare day with 付 or a time of day after it (「10日付で」, 「10日午後」), a numbered 締結日 row (「1 締結日 …」)."""
import pytest

from tests.records.built import field_spans, records_of


def _dates(text: str) -> list[tuple[str | None, list[str]]]:
    _, records = records_of(text)
    return [(r["signed_date"], [ev["quote"] for ev in field_spans(r, "signed_date")])
            for r in records if r["type"] == "agreement"]


FORMS = [
    ("day-with-tsuke", "2021年3月12日\n船橋市と東西大学は、10日付で包括連携協定を締結した。", "2021-03-10"),
    ("day-with-afternoon", "2021年3月12日\n船橋市と東西大学は、10日午後、包括連携協定を締結した。", "2021-03-10"),
    # the agreement as the object before a bare day: 「…協定を10日、AとBが結んだ」
    ("day-after-the-object", "2021年3月12日\n包括連携協定を10日、船橋市と東西大学が締結した。", "2021-03-10"),
    ("numbered-key-row", "船橋市と東西大学は、包括連携協定を締結しました。\n1 締結日 令和3年3月10日(水)\n2 場所 市役所",
     "2021-03-10"),
]


@pytest.mark.parametrize("case, text, expected", FORMS, ids=[c[0] for c in FORMS])
def test_signing_day_forms(nlp, case, text, expected):
    dates = _dates(text)
    assert [d for d, _ in dates] == [expected]
    assert dates[0][1] and all(q != text.split("\n")[0] for q in dates[0][1])  # read from the text, not the date line


@pytest.mark.parametrize("text, expected", [
    # a year in an event's name is not the signing's: no date; a year before 締結 is one
    ("2025年青葉博覧会を契機に、船橋市と東西大学が12日、包括連携協定を締結した。", [None]),
    ("船橋市と東西大学は、2005年締結の協定に代わる包括連携協定を2005年に締結した。", ["2005"]),
])
def test_a_year_in_a_name_is_no_signing_date(nlp, text, expected):
    assert [d for d, _ in _dates(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # 本日 in a release whose header lines are list items (「• 令和4年5月9日」): the release's own date
    ("東西銀行\n  • ニュースリリース\n  • 令和4年5月9日\n\n船橋市と東西銀行は、本日、包括連携協定を締結いたしました。",
     "2022-05-09"),
    # a bare day in a news item stamped 「[ 2022年 5月 10日 火曜日 09時15分 ]」: that month's day
    ("[ 2022年 5月 10日 火曜日 09時15分 ]\n船橋市と東西大学は9日、連携協定の協定書を交わした。", "2022-05-09"),
])
def test_a_release_dated_by_its_header_lines(nlp, text, expected):
    assert [d for d, _ in _dates(text)] == [expected]
