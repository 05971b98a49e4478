"""The signing date from the photo's caption of a news item, on invented texts, with the real ja_ginza model:
a dated page whose signing sentence gives no day, and a caption line under it that shows the signing and
says when it was taken (the newspapers' 「…＝29日、市役所」 or 「…(9月14日、大学で)」), is dated by that
day, not by the page's own; a caption of something else, or a day after the page's, dates nothing."""
import pytest

from tests.records.built import field_spans, records_of


def _dated(text: str) -> list[tuple[str | None, list[str]]]:
    _, records = records_of(text)
    return [(r["signed_date"], [ev["quote"] for ev in field_spans(r, "signed_date")])
            for r in records if r["type"] == "agreement"]


@pytest.mark.parametrize("text, expected", [
    ("2023年6月3日\n東西市と南北信用金庫は、創業支援の連携協定を結んだ。\n協定書を手にする市長(右)と理事長＝1日、東西市役所",
     [("2023-06-01", ["1日"])]),
    ("掲載日 2023年6月3日\n東西大学と南北銀行が連携協力協定を締結しました。\n協定書に署名する学長と頭取(5月31日、東西大学)",
     [("2023-05-31", ["5月31日"])]),
    # a day after the page's date in the page's month is last month's (a news item of 2 June)
    ("2023年6月2日\n東西市と南北信用金庫は、創業支援の連携協定を結んだ。\n【写真】協定を結んだ市長と理事長(30日、東西市役所で)",
     [("2023-05-30", ["30日"])]),
])
def test_the_captions_day_dates_the_signing(nlp, text, expected):
    assert _dated(text) == expected


@pytest.mark.parametrize("text", [
    # the caption shows another scene: the page's own date stays
    "2023年6月3日\n東西市と南北信用金庫は、創業支援の連携協定を結んだ。\n会場の様子＝1日、東西市役所",
    # a sentence, not a caption
    "2023年6月3日\n東西市と南北信用金庫は、創業支援の連携協定を結んだ。\n市長は、協定について(1日、市役所で)記者に語った。",
])
def test_no_caption_of_the_signing_leaves_the_pages_date(nlp, text):
    assert [d for d, _ in _dated(text)] == ["2023-06-03"]
