"""The signing date from a sentence that tells of the ceremony held, on invented texts, with the real ja_ginza
model: a page of one agreement whose signing sentence gives no day, and a later sentence that says the
締結式/調印式 was held on a day, is dated by that day; a ceremony only planned dates nothing."""
import pytest

from tests.records.built import field_spans, records_of


def _dated(text: str) -> list[tuple[list[str], str | None, list[str]]]:
    _, records = records_of(text)
    return [(sorted(p["name"] for p in r["parties"]), r["signed_date"],
             [ev["quote"] for ev in field_spans(r, "signed_date")])
            for r in records if r["type"] == "agreement"]


CASES = [
    ("ceremony-held-after",
     "船橋市は、東西信用金庫と包括連携協定を締結しました。令和3年3月10日に市役所で締結式を行いました。",
     [(["東西信用金庫", "船橋市"], "2021-03-10", ["令和3年3月10日"])]),
    ("signing-ceremony-held-passive",
     "船橋市と東西大学は、連携協定を結びました。東西大学で令和4年5月9日に調印式が行われ、学長と市長が出席しました。",
     [(["東西大学", "船橋市"], "2022-05-09", ["令和4年5月9日"])]),
    # a release headed 「…協定締結について」: the 日時 line below its body's signing sentence (numbered
    # 「1 日時」 as such blocks are) dates the signing the heading and the body tell of
    ("event-line-below-a-headed-release",
     "船橋市と東西信用金庫の包括連携協定締結について\n船橋市と東西信用金庫は、包括連携協定を締結しました。\n"
     "1 日時 令和3年3月10日(水)午前10時\n2 場所 船橋市役所",
     [(["東西信用金庫", "船橋市"], "2021-03-10", ["令和3年3月10日(水)"])]),
    # the signing itself as the topic of a verb of holding: 「締結は…に…で行われました」
    ("signing-held-as-topic",
     "船橋市は、東西信用金庫と包括連携協定を締結しました。締結は令和3年3月10日に市役所で行われました。",
     [(["東西信用金庫", "船橋市"], "2021-03-10", ["令和3年3月10日"])]),
    ("signing-held-as-subject",
     "船橋市と東西大学が連携協定を結びました。令和4年5月9日に東西大学で締結が行われました。",
     [(["東西大学", "船橋市"], "2022-05-09", ["令和4年5月9日"])]),
    ("signing-held-only-planned",
     "船橋市は、東西信用金庫と包括連携協定を締結しました。締結は令和3年3月10日に市役所で行われる予定です。",
     [(["東西信用金庫", "船橋市"], None, [])]),
    # a bare day in the ceremony's sentence of a dated news item: that day of the page's month, not the page's day
    ("ceremony-on-a-bare-day",
     "2022年5月11日\n船橋市と東西大学は連携協定を結んだ。調印式は9日、東西大学で行われた。",
     [(["東西大学", "船橋市"], "2022-05-09", ["9日"])]),
    ("ceremony-bare-day-opens-the-sentence",
     "2022年5月11日\n船橋市と東西大学は連携協定を結びました。9日に東西大学で締結式を行いました。",
     [(["東西大学", "船橋市"], "2022-05-09", ["9日"])]),
    ("ceremony-only-planned",
     "船橋市は、東西信用金庫と包括連携協定を締結しました。令和3年3月10日に締結式を行う予定です。",
     [(["東西信用金庫", "船橋市"], None, [])]),
]


@pytest.mark.parametrize("case, text, expected", CASES, ids=[c[0] for c in CASES])
def test_ceremony_day(nlp, case, text, expected):
    assert _dated(text) == expected
