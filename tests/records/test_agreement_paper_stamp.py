"""A news site's stamp on a top line (a section, the paper's name, the date and a time: 「社会 青葉新聞
2020年03月05日 17:42」) dates the page, on invented texts, with the real ja_ginza model: the item's bare
「4日」 is the day before; a sentence that starts with a paper's name and a date is no stamp."""
import pytest

from extractors.language.dates import document_date
from tests.records.built import records_of


def test_the_papers_stamp_dates_the_signing(nlp):
    text = ("1. ホーム\n  2. 社会\n  3. 東西信金と南北大が協力\n\n東西信金と南北大が協力\n\n社会 青葉新聞  2020年03月05日 17:42\n\n"
            " 東西信用金庫(本店・青葉市)と南北大学(本部・川崎市中原区)は4日、人材育成で協力する協定を結んだ。")
    _, records = records_of(text)
    assert [r["signed_date"] for r in records if r["type"] == "agreement"] == ["2020-03-04"]


@pytest.mark.parametrize("text, date", [
    ("見出し\n社会 青葉新聞  2020年03月05日 17:42\n本文です。", "2020-03-05"),
    ("見出し\n青葉新報社 2020年3月5日 9:05\n本文です。", "2020-03-05"),
])
def test_paper_stamps(text, date):
    found = document_date(text)
    assert found is not None and found.date == date


def test_a_sentence_after_a_papers_name_is_no_stamp():
    assert document_date("見出し\n青葉新聞 2020年3月5日に協定を結んだと報じた。\n本文") is None
