"""A news item's date written after its heading on the first line dates the page, on invented texts, with the
real ja_ginza model: 「青葉市商工会と包括連携協定を締結 2024.06.24 学長室地域連携」 is the page's title, its
date and its categories, so 「6月19日」 in the body is of 2024; a date after a line that is not the page's
heading, or followed by a sentence, is what the text is about, not its date."""
import pytest

from extractors.language.dates import document_date
from tests.records.built import records_of

TITLE = "青葉市商工会と包括連携協定を締結"


def test_the_date_after_the_heading_dates_the_signing(nlp):
    text = (TITLE + " 2024.06.24 学長室社会連携地域との連携\n\n6月19日、東西大学は青葉市商工会と包括連携に関する協定の"
            "調印式を執り行いました。")
    _, records = records_of(text, title=TITLE)
    (record,) = [r for r in records if r["type"] == "agreement"]
    assert record["signed_date"] == "2024-06-19"


@pytest.mark.parametrize("text, title", [
    (TITLE + " 2024.06.24 東西大学は協定を結んだ。\n本文", TITLE),   # a sentence after the date
    ("お知らせ一覧 2024.06.24 学長室\n本文", TITLE),                 # not the page's heading
    (TITLE + " 2024.06.24 学長室\n本文", None),                      # no title to compare
])
def test_no_date_after_a_heading(text, title):
    found = document_date(text, title)
    assert found is None or found.kind != "date line"


def test_the_heading_date_form():
    found = document_date(TITLE + " 2024.06.24 学長室社会連携\n本文です。", TITLE)
    assert found is not None and (found.date, found.kind) == ("2024-06-24", "date line")
