"""One meeting told on two pages, one counting it (16回目となった今大会) and the other naming it by its year
alone, is one record: the same series on the same day, one of the two without an edition. Two meetings of
one series on different days stay two. Each text is made up for the case it shows (real places, invented
meetings)."""
import hashlib

from extractors.reading.normalize import normalize_text
from extractors.records.build import build_records, document_drafts
from schemas.document import Document


def _records(*texts):
    docs = []
    for i, t in enumerate(texts):
        t = normalize_text(t)
        docs.append(Document(uri=f"file:///invented-{i}.txt", sha256=hashlib.sha256(t.encode()).hexdigest(),
                             media_type="text/plain", text=t))
    records, _ = build_records(docs, [document_drafts(d) for d in docs])
    return sorted((r["edition"] or 0, r["start_date"], len({s["uri"] for s in r["sources"]}))
                  for r in records if r["type"] == "summit")


COUNTED = ("沿岸商工会議所は2月13~15日、「沿岸商工会議所観光大会2020in金沢」を金沢市などで開催した。"
           "16回目となった今大会のテーマは「守る力、創る力」。\n")


def test_a_counted_page_and_an_uncounted_page_give_one_record():
    other = "沿岸商工会議所は2月13~15日、「沿岸商工会議所観光大会2020in金沢」を石川県金沢市などで開催した。\n"
    assert _records(COUNTED, other) == [(16, "2020-02-13", 2)]


def test_two_days_stay_two_meetings():
    other = "沿岸商工会議所は11月5日、「沿岸商工会議所観光大会2020in那覇」を那覇市で開催した。\n"
    assert _records(COUNTED, other) == [(0, "2020-11-05", 1), (16, "2020-02-13", 1)]
