"""A news service's citation in square brackets closing the text dates the page, on invented texts, with
the real ja_ginza model: 「【2013年3月27日 青葉工業新聞社】」 below a news item is the paper's name and the
date of its issue, so the item's bare 「26日」 is the day before; a bracket holding a date and a word of a
fact (施行, 開催) or a date alone is no source's citation, and a 【…】 closing the text's first line (a
heading's note) is none either."""
import pytest

from extractors.language.dates import document_date
from tests.records.built import field_spans, records_of


def test_a_bracketed_citation_at_the_end_dates_the_signing(nlp):
    text = ("東西銀と青葉県、産業振興へ協定\n\n【青葉】東西銀行と青葉県は26日、産業振興に向けた連携協定を結んだ。"
            "県内企業の海外展開を共に支える。\n\n【2013年3月27日 青葉工業新聞社】")
    _, records = records_of(text)
    (record,) = [r for r in records if r["type"] == "agreement"]
    assert record["signed_date"] == "2013-03-26"
    assert [ev["quote"] for ev in field_spans(record, "signed_date")] == ["26日"]


@pytest.mark.parametrize("text, date", [
    ("本文です。\n\n【2013年3月27日 青葉工業新聞社】", "2013-03-27"),
    ("本文です。\n［青葉経済新報 2020年5月2日］", "2020-05-02"),
])
def test_square_bracketed_citations(text, date):
    found = document_date(text)
    assert found is not None and (found.date, found.kind) == (date, "citation")


@pytest.mark.parametrize("text", [
    "青葉市は協定を結んだ。\n【2021年4月1日 施行】",   # a note on a fact
    "青葉市は協定を結んだ。\n【2021年4月1日】 新着",      # a date alone, then a word: no source named
    "令和6年8月の市長会見【令和6年8月7日(水曜日)午後2時】\n\n本文です。",  # a heading's note, not a closing line
])
def test_brackets_that_are_no_citation(text):
    found = document_date(text)
    assert found is None or found.kind != "citation"
