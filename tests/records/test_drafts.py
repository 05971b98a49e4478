"""Drafts: what document_drafts gives, its JSON form (the crawl state's) and the assemblers' adapter.
The texts are short ones written for these tests."""
import json

import pytest

from extractors.reading.normalize import normalize_text
from extractors.records.build import build_records, document_drafts
from extractors.records.drafts import Draft
from extractors.records.spans import Span
from schemas.document import Document

TEXT = normalize_text(
    "令和5年4月1日\n青葉市商工課\n"
    "青葉市と青葉信用金庫は、令和5年3月20日、地域経済の活性化に関する連携協定を締結しました。\n"
    "第3回中小企業振興サミットを令和5年11月2日に青葉市で開催します。\n"
    "○青葉市中小企業振興基本条例\n令和2年3月25日\n条例第8号\n")


@pytest.fixture(scope="module")
def doc(nlp):
    return Document(uri="drafts.txt", sha256="d" * 64, media_type="text/plain", title="青葉市の条例と協定", text=TEXT)


def test_document_drafts_are_drafts_of_the_table_types_with_spans(doc):
    drafts = document_drafts(doc)
    assert {d.type for d in drafts} == {"summit", "agreement", "ordinance"}
    for d in drafts:
        assert isinstance(d, Draft) and d.doc is None and 0 < d.confidence < 1
        assert d.evidence and all(isinstance(s, Span) and 0 <= s.start < s.end <= len(TEXT) for s in d.evidence)
        assert not {"type", "confidence", "evidence"} & set(d.fields)
        assert not [k for k in d.fields if k.startswith("_")]


def test_the_json_form_gives_the_same_drafts_and_records(doc):
    drafts = document_drafts(doc)
    back = [Draft.from_dict(d) for d in json.loads(json.dumps([d.as_dict() for d in drafts], ensure_ascii=False))]
    assert back == drafts
    assert build_records([doc], [back]) == build_records([doc], [drafts])


def test_building_records_leaves_the_drafts_as_they_were(doc):
    drafts = document_drafts(doc)
    before = repr(drafts)
    build_records([doc], [drafts])
    assert repr(drafts) == before  # the documents are placed on copies


def test_an_assemblers_working_key_left_on_a_draft_is_a_clear_error():
    working = {"type": "agreement", "parties": ["青葉市", "青葉信用金庫"], "confidence": 0.8,
               "evidence": [(0, 3, "agreement-renkei")], "_sentence": (0, 3)}
    with pytest.raises(ValueError, match=r"agreement draft still holds the assembler's working keys \['_sentence'\]"):
        Draft.from_dict(working)
    ok = Draft.from_dict({k: v for k, v in working.items() if k != "_sentence"})
    assert ok.evidence == [Span(0, 3, "agreement-renkei")] and ok.fields == {"parties": ["青葉市", "青葉信用金庫"]}
