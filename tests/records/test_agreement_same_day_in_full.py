"""A month-day of a signing on a page that does not date itself takes the year of the same day written in
full elsewhere on it, on invented texts, with the real ja_ginza model: 「青葉市は9月10日、東西銀行と…を締結
します」 and, far below, the 日時 block's 「2015年9月10日(木曜)」 give 2015-09-10; a full date of another day,
or two years for that day, give none."""
import pytest

from tests.records.built import field_spans, records_of

LIST = "".join(f"({i})項目{i}に関すること\n" for i in range(1, 15))


def _dated(text: str) -> list[tuple[str | None, list[str | None]]]:
    _, records = records_of(text)
    return [(r["signed_date"], [ev["how"] for ev in field_spans(r, "signed_date")])
            for r in records if r["type"] == "agreement"]


def test_the_same_day_in_full_gives_the_year(nlp):
    text = ("[記者発表資料]東西銀行との包括協定について\n内容\n青葉市は9月10日、東西銀行と「まちづくり協定」を締結します。\n"
            "【協定項目】\n" + LIST + "日時\n2015年9月10日(木曜)、午後2時から\n場所\n青葉市役所")
    assert _dated(text) == [("2015-09-10", ["year of the same day written in full"])]


@pytest.mark.parametrize("below", [
    "日時\n2015年9月11日(金曜)、午後2時から",                      # another day
    "日時\n2015年9月10日(木曜)\n前回\n2014年9月10日(水曜)",           # two years for the day
])
def test_no_single_full_date_of_that_day_gives_none(nlp, below):
    text = ("[記者発表資料]東西銀行との包括協定について\n内容\n青葉市は9月10日、東西銀行と「まちづくり協定」を締結します。\n"
            "【協定項目】\n" + LIST + below)
    assert [d for d, _ in _dated(text)] == [None]
