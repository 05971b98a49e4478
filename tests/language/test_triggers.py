"""The prefilter (extractors/language/triggers.py): what it selects, and that records do not change.

With the real ja_ginza tokenizer; the samples are read by the project's readers.
"""
from __future__ import annotations

import random
import re

import pytest

from extractors.language.nlp import rule_candidates
from extractors.language.triggers import selected_regions, trigger_pattern
from extractors.reading import fetch_source, read_document
from extractors.records import build_records, document_drafts
from extractors.settings import Settings
from schemas.document import Document
from tests.conftest import SAMPLES, read_jsonl

# The labels whose candidates start a record (or name its series or declaration): every one
# of them must lie on a line that holds a trigger word, or the prefilter could lose it. (A
# signing verb, SIGN, counts only in a sentence with an AGREEMENT word, and a sentence never
# crosses a line: that line is selected for the agreement word.)
_RECORD_LABELS = {"AGREEMENT", "EDITION", "ORDINANCE", "SERIES", "DECLARATION"}


@pytest.fixture(scope="module")
def sample_documents() -> list[Document]:
    settings = Settings()
    paths = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".pdf", ".html"))
    return [read_document(fetch_source(str(p), settings), settings) for p in paths]


def _doc(text: str, uri: str = "file:///long.txt") -> Document:
    return Document(uri=uri, sha256="0" * 64, media_type="text/plain", text=text)


def test_regions_are_whole_sorted_disjoint_lines():
    lines = [f"行{i}。ここには何もない文がある。" for i in range(400)]
    lines[200] = "市は中小企業振興基本条例を制定した。"
    text = "\n".join(lines) + "\n"
    regions = selected_regions(text, context=1, head=100, tail=100)
    assert regions == sorted(regions)
    assert all(a[1] < b[0] for a, b in zip(regions, regions[1:]))  # disjoint and not touching
    assert all(s == 0 or text[s - 1] == "\n" for s, _ in regions)
    assert all(e == len(text) or text[e - 1] == "\n" for _, e in regions)
    picked = "".join(text[s:e] for s, e in regions)
    assert "中小企業振興基本条例" in picked and lines[199] in picked and lines[201] in picked
    assert lines[198] not in picked and lines[100] not in picked  # one neighbour each side only
    assert picked.startswith(lines[0]) and picked.endswith(lines[-1] + "\n")  # head and tail


def test_a_text_without_trigger_words_selects_only_head_and_tail():
    text = "".join(f"第{i}章の説明文です。地域の産業について述べる。\n" for i in range(2000))
    regions = selected_regions(text)
    assert regions[0][0] == 0 and regions[-1][1] == len(text) and len(regions) == 2
    assert sum(e - s for s, e in regions) < 0.1 * len(text)


@pytest.mark.parametrize("text", ["第５回中小企業都市サミット", "第 十二 回総会", "業務提携契約", "覚書を交わした",
                                  "包括連携協定", "中小企業振興基本条例", "共同宣言を採択"])
def test_trigger_words_are_found_by_the_string_scan(text):
    assert trigger_pattern().search(text)


def test_every_record_candidate_of_the_samples_is_on_a_trigger_line(nlp, sample_documents):
    """If a pattern learns a new anchor word, triggers.json must learn it too: this fails until it does."""
    missed = []
    for doc in sample_documents:
        if not doc.text:
            continue
        for c in rule_candidates(doc.text):
            if c.label not in _RECORD_LABELS:
                continue
            line_start = doc.text.rfind("\n", 0, c.start) + 1
            line_end = doc.text.find("\n", c.end)
            line = doc.text[line_start:len(doc.text) if line_end == -1 else line_end]
            if not trigger_pattern().search(line):
                missed.append((doc.uri, c.label, c.text))
    assert not missed


def test_records_of_the_samples_are_the_same_with_and_without_the_prefilter(nlp, sample_documents, sample_run):
    """The flow's records (prefilter on) equal the records built from drafts of the whole texts."""
    drafts = [document_drafts(doc, prefilter=False) for doc in sample_documents]
    records, _ = build_records(sample_documents, drafts)
    by_id = lambda rs: sorted(rs, key=lambda r: r["id"])  # noqa: E731
    assert records and by_id(records) == by_id(read_jsonl(sample_run / "records.jsonl"))


def test_a_long_sparse_document_gives_the_same_drafts_and_is_mostly_not_tokenized(nlp, sample_documents):
    """Sample texts set among many paragraphs with no trigger word, like a long report."""
    trigger = trigger_pattern()
    filler = sorted({line for doc in sample_documents for line in doc.text.split("\n")
                     if len(line) > 30 and not trigger.search(line) and not re.search(r"[0-9]{4}年|令和|平成", line)})
    rng = random.Random(15)
    # samples whose records stand on their own text (no publisher from a title): the long document has none
    relevant = [doc.text for doc in sample_documents
                if doc.uri.endswith(("agreement_08_government.pdf", "ordinance_02_enacted.html", "summit_07_forum_news.html"))]
    assert len(relevant) == 3 and len(filler) >= 50
    parts = []  # 150 filler lines between relevant texts, drawn with replacement (a long report repeats itself)
    for text in relevant:
        parts += rng.choices(filler, k=150)
        parts.append(text.strip())
    parts += rng.choices(filler, k=150)
    text = "\n".join(parts) + "\n"
    doc = _doc(text)
    share = sum(e - s for s, e in selected_regions(text)) / len(text)
    assert share < 0.25, share
    with_filter = document_drafts(doc)
    assert with_filter and repr(with_filter) == repr(document_drafts(doc, prefilter=False))


@pytest.mark.parametrize("part_chars", [500, 5_000])
def test_candidates_in_parts_are_the_candidates_of_the_whole(nlp, sample_documents, part_chars):
    """A long document's candidates computed part by part (as parallel tasks do) give the same drafts."""
    from extractors.records.build import candidate_parts, drafts_from_candidates, part_candidates

    docs = [d for d in sample_documents if len(d.text) > 3_000][:4]
    assert docs
    for doc in docs:
        parts = candidate_parts(doc, part_chars)
        if part_chars == 500:
            assert len(parts) > 1, doc.uri  # the test splits for real
        joined = [c for regions in parts for c in part_candidates(doc, regions)]
        assert repr(drafts_from_candidates(doc, joined)) == repr(document_drafts(doc)), doc.uri
