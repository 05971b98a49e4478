"""A news site's stamp on a top line (a section, the paper's name, the date and a time: 「経済 青葉新聞
2018年08月22日 11:11」) dates the page, on invented texts, with the real ja_ginza model: the item's bare
「21日」 is the day before; a sentence that starts with a paper's name and a date is no stamp."""
import pytest

from extractors.language.dates import document_date
from tests.records.built import records_of


def test_the_papers_stamp_dates_the_signing(nlp):
    text = ("1. ホーム\n  2. 経済\n  3. 東西信金と南北大が連携\n\n東西信金と南北大が連携\n\n経済 青葉新聞  2018年08月22日 11:11\n\n"
            " 東西信用金庫(本店・横須賀市)と南北大学(本部・横浜市金沢区)は21日、産学連携協定を結んだ。")
    _, records = records_of(text)
    assert [r["signed_date"] for r in records if r["type"] == "agreement"] == ["2018-08-21"]


@pytest.mark.parametrize("text, date", [
    ("見出し\n経済 青葉新聞  2018年08月22日 11:11\n本文です。", "2018-08-22"),
    ("見出し\n青葉新報社 2018年8月22日 9:05\n本文です。", "2018-08-22"),
])
def test_paper_stamps(text, date):
    found = document_date(text)
    assert found is not None and found.date == date


def test_a_sentence_after_a_papers_name_is_no_stamp():
    assert document_date("見出し\n青葉新聞 2018年8月22日に協定を結んだと報じた。\n本文") is None
