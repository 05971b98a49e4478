"""The signing date from the page's heading, on invented texts, with the real ja_ginza model: a page
whose one agreement is reported done with no day of its own, under a heading that names one full day
(a ceremony's 「…調印式(R5.4.26)」, a trip report's 「令和5年1月24日(火曜日)青葉市」), is dated by that
day, not by the page's own date (its 更新日, the day the item was posted); a heading with no date, or
two, leaves the page's own date."""
import pytest

from tests.records.built import field_spans, records_of


def _dated(text: str, title: str) -> list[tuple[str | None, list[str]]]:
    _, records = records_of(text, title=title)
    return [(r["signed_date"], [ev["quote"] for ev in field_spans(r, "signed_date")])
            for r in records if r["type"] == "agreement"]


@pytest.mark.parametrize("title, text, expected", [
    ("東西市創業支援に関する調印式(R4.6.2)(東西市)",
     "東西市創業支援に関する調印式(R4.6.2)\n2022年06月03日\n東西市と南北信用金庫は、創業支援に関する連携協定を締結しました。",
     [("2022-06-02", ["R4.6.2"])]),
    ("令和4年5月17日(火曜日)南北町(市長出張報告)",
     "令和4年5月17日(火曜日)南北町\n目的\n青葉市は、南北町と特産品の相互取扱協定を締結しました。\n更新日:2023年09月01日",
     [("2022-05-17", ["令和4年5月17日(火曜日)"])]),
])
def test_the_headings_day_dates_the_signing(nlp, title, text, expected):
    assert _dated(text, title) == expected


@pytest.mark.parametrize("title, text", [
    ("東西市と南北信用金庫が協定を締結",
     "東西市と南北信用金庫が協定を締結\n2022年06月03日\n東西市と南北信用金庫は、創業支援に関する連携協定を締結しました。"),
    ("2022年5月30日・6月1日の取組(東西市)",
     "2022年5月30日・6月1日の取組\n2022年06月03日\n東西市と南北信用金庫は、創業支援に関する連携協定を締結しました。"),
])
def test_a_heading_without_one_day_leaves_the_pages_date(nlp, title, text):
    assert [d for d, _ in _dated(text, title)] == ["2022-06-03"]
