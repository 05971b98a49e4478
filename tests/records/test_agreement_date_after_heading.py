"""A news item's date written after its heading on the first line dates the page, on invented texts, with the
real ja_ginza model: 「南北町観光協会と相互協力の協定を結ぶ 2022.11.07 地域連携センター」 is the page's title, its
date and its categories, so 「11月2日」 in the body is of 2022; a date after a line that is not the page's
heading, or followed by a sentence, is what the text is about, not its date."""
import pytest

from extractors.language.dates import document_date
from tests.records.built import records_of

TITLE = "南北町観光協会と相互協力の協定を結ぶ"


def test_the_date_after_the_heading_dates_the_signing(nlp):
    text = (TITLE + " 2022.11.07 地域連携センター お知らせ\n\n11月2日、東西大学は南北町観光協会と相互協力の協定を"
            "結び、本部棟で調印式を開きました。")
    _, records = records_of(text, title=TITLE)
    (record,) = [r for r in records if r["type"] == "agreement"]
    assert record["signed_date"] == "2022-11-02"


@pytest.mark.parametrize("text, title", [
    (TITLE + " 2022.11.07 東西大学は協定を結んだ。\n本文", TITLE),   # a sentence after the date
    ("お知らせ一覧 2022.11.07 地域連携センター\n本文", TITLE),                 # not the page's heading
    (TITLE + " 2022.11.07 地域連携センター\n本文", None),                      # no title to compare
])
def test_no_date_after_a_heading(text, title):
    found = document_date(text, title)
    assert found is None or found.kind != "date line"


def test_the_heading_date_form():
    found = document_date(TITLE + " 2022.11.07 地域連携センター\n本文です。", TITLE)
    assert found is not None and (found.date, found.kind) == ("2022-11-07", "date line")
