"""Two pages giving the same series and edition join as one meeting only when their dates' years agree:
two councils' 第2回知事会議 held years apart (each page's series cut to the same short name) are two
meetings. Our own sentences; real cities, invented meetings."""
import hashlib

from extractors.reading.normalize import normalize_text
from extractors.records.build import build_records, document_drafts
from schemas.document import Document


def _summits(*texts: str) -> list[dict]:
    docs = []
    for i, text in enumerate(texts):
        text = normalize_text(text)
        docs.append(Document(uri=f"file:///k{i}.txt", sha256=hashlib.sha256(text.encode()).hexdigest(),
                             media_type="text/plain", title=None, text=text))
    recs, _ = build_records(docs, [document_drafts(d) for d in docs])
    return [r for r in recs if r["type"] == "summit"]


def test_the_same_edition_in_two_years_is_two_meetings(nlp):
    summits = _summits("平成23年10月26日、廿日市市において、四国西部知事会第2回知事会議が開催されました。",
                       "令和6年11月19日、浜田市において、四国西部知事会第2回知事会議が開催されました。")
    assert sorted((s["start_date"], s["host"]) for s in summits) == [("2011-10-26", "廿日市市"),
                                                                      ("2024-11-19", "浜田市")]


def test_the_same_edition_in_the_same_year_is_one_meeting(nlp):
    summits = _summits("令和6年11月19日、浜田市において、四国西部知事会第2回知事会議が開催されました。",
                       "四国西部知事会第2回知事会議が11月19日、浜田市で開かれた。参加は5県。令和6年11月20日掲載")
    assert len(summits) == 1
