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


COUNTED = ("沿岸商工会議所は10月6~8日、「沿岸商工会議所観光大会2021in松江」を松江市などで開いた。"
           "16回目となった今大会には約900人が集まった。\n")


def test_a_counted_page_and_an_uncounted_page_give_one_record():
    other = "沿岸商工会議所は10月6~8日、「沿岸商工会議所観光大会2021in松江」を島根県松江市などで開いた。\n"
    assert _records(COUNTED, other) == [(16, "2021-10-06", 2)]


def test_two_days_stay_two_meetings():
    other = "沿岸商工会議所は3月24日、「沿岸商工会議所観光大会2021in高松」を高松市で開いた。\n"
    assert _records(COUNTED, other) == [(0, "2021-03-24", 1), (16, "2021-10-06", 1)]
