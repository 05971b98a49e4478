"""Property-based tests (hypothesis): no input crashes normalisation, date parsing, the rules,
the assemblers or the document reader, and every offset slices back to its quote.

Example counts are moderate and deadlines off: the model-backed properties share the one
ja_ginza pipeline of the session (`nlp` fixture) and this runs on a small CI box.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.language.dates import ERA_BASES, find_dates, parse_date
from extractors.reading.documents import read_document
from extractors.language.nlp import SUDACHI_MAX_BYTES, chunks, model_candidates, rule_candidates
from extractors.reading.normalize import normalize_text
from extractors.records.build import build_records, document_drafts
from schemas.document import DocStatus, Document, Fetched

FAST = settings(max_examples=200, deadline=None)
MODEL = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Any character, C0/C1 controls included; lone surrogates (which st.characters() never draws)
# and other troublemakers come from WEIRD.
ANY_CHAR = st.characters(codec=None, categories=None)
WEIRD = list("\r\n\t\x00\x0b\x0c\x1c\x7f\x85\x9f\u00a0\u00ad\u200b\u2028\u2029\u3000\ufeff\ufffd\ud800\udfff"
             "ｶﾞﾟｰ｡､ＡＢ１２－～〜‐—―①")
any_texts = st.text(st.one_of(ANY_CHAR, st.sampled_from(WEIRD)), max_size=60)


# --- normalisation -----------------------------------------------------------

@FAST
@given(any_texts)
def test_normalize_never_raises_and_is_idempotent(text):
    """The documented contract: normalize_text(normalize_text(t)) == normalize_text(t)."""
    once = normalize_text(text)
    assert normalize_text(once) == once
    once.encode("utf-8")  # no lone surrogates left: the text can be tokenised and written
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\ufeff]", once)
    assert once == once.strip(" \t\n") and "  " not in once and "\n\n\n" not in once


# --- dates -------------------------------------------------------------------

KANJI = "〇一二三四五六七八九"
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def kanji_number(n: int) -> str:
    """1..99 in 十 notation (五十八)."""
    tens, ones = divmod(n, 10)
    return ("" if tens == 0 else ("十" if tens == 1 else KANJI[tens] + "十")) + ("" if ones == 0 else KANJI[ones])


DATE_PIECES = ["明治", "大正", "昭和", "平成", "令和", "元", "年", "月", "日", "度", "、", "・", "～", "〜", "~", "-",
               ".", "/", "(", ")", "（", "）", " ", "\u3000", "\n", "曜日", "金", "祝", "間", "目", "代", "ぶり", "H", "R",
               "S", "平", "昭", "令", "十", "百", "〇", "第", "回", "号", "条例", ":", "公開日", "更新日", "【", "】"]
digits = st.one_of(st.integers(0, 2200).map(str), st.integers(0, 99).map(lambda n: str(n).translate(FULLWIDTH)),
                   st.integers(1, 99).map(kanji_number), st.text(st.sampled_from(KANJI), min_size=1, max_size=4))
date_texts = st.lists(st.one_of(st.sampled_from(DATE_PIECES), digits, st.text(max_size=2)), max_size=30).map("".join)
default_years = st.one_of(st.none(), st.integers(1868, 2100))


def check_iso(value: str, precision: str) -> None:
    parts = [int(p) for p in value.split("-")]
    assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value), value
    assert len(parts) == {"year": 1, "month": 2, "day": 3}[precision], (value, precision)
    date(parts[0], *(parts[1:] + [1, 1])[:2])  # a real calendar date


@FAST
@given(st.one_of(date_texts, date_texts.map(normalize_text), any_texts), default_years)
def test_find_dates_offsets_and_values(text, default_year):
    previous_end = 0
    for m in find_dates(text, default_year=default_year):
        quote = text[m.start:m.end]
        assert 0 <= previous_end <= m.start < m.end <= len(text)
        assert quote and quote == quote.strip(), (text, m)
        previous_end = m.end
        if m.start_date is not None:
            check_iso(m.start_date, m.precision)
            check_iso(m.end_date, m.precision)
            assert m.end_date >= m.start_date
        # the expression alone reads the same as in its text
        alone = parse_date(quote, default_year=default_year)
        assert alone is not None, (text, quote)
        assert (alone.start_date, alone.end_date, alone.precision) == (m.start_date, m.end_date, m.precision)


@FAST
@given(st.one_of(date_texts, any_texts), default_years)
def test_parse_date_is_whole_or_none(text, default_year):
    m = parse_date(text, default_year=default_year)
    if m is not None:
        assert text[m.start:m.end] == text.strip()


ERA_SPANS = [("明治", date(1868, 1, 25), date(1912, 7, 29)), ("大正", date(1912, 7, 30), date(1926, 12, 24)),
             ("昭和", date(1926, 12, 25), date(1989, 1, 7)), ("平成", date(1989, 1, 8), date(2019, 4, 30)),
             ("令和", date(2019, 5, 1), date(2100, 12, 31))]


@st.composite
def era_dates(draw) -> tuple[str, date]:
    era, first, last = draw(st.sampled_from(ERA_SPANS))
    day = first + timedelta(days=draw(st.integers(0, (last - first).days)))
    n = day.year - ERA_BASES[era] + 1
    style = draw(st.sampled_from(["ascii", "fullwidth", "kanji", "spaced"]))

    def num(v: int) -> str:
        if style == "kanji":
            return kanji_number(v)
        return str(v).translate(FULLWIDTH) if style == "fullwidth" else str(v)

    year = "元" if n == 1 and draw(st.booleans()) else num(n)
    sep = " " if style == "spaced" else ""
    return f"{era}{sep}{year}{sep}年{sep}{num(day.month)}{sep}月{sep}{num(day.day)}{sep}日", day


@FAST
@given(era_dates())
def test_era_dates_round_trip(era_date):
    """平成{y}年{m}月{d}日 in ASCII, full-width (normalised first) or kanji numerals -> the Gregorian day."""
    raw, day = era_date
    text = normalize_text(raw)
    m = parse_date(text)
    assert m is not None, text
    assert (m.start_date, m.end_date, m.precision, m.year_given) == (day.isoformat(), day.isoformat(), "day", True)
    (found,) = find_dates(f"本日{text}に")
    assert found.start_date == day.isoformat() and (found.start, found.end) == (2, 2 + len(text))


# --- rules, model and assemblers -------------------------------------------------

RULE_PIECES = ["中小企業振興基本条例", "産業振興条例", "連携協定", "包括連携協定", "協定書", "業務提携", "第5回", "第十回",
               "都市サミット", "中小企業都市サミット", "大会", "宣言", "テーマ", "市", "区", "町", "県", "横浜市", "川口市",
               "神奈川県", "本市", "株式会社", "商工会議所", "信用金庫", "中小企業基盤整備機構", "(中小機構)", "中小機構",
               "は", "と", "を", "が", "の", "で", "に改め", "締結", "締結した", "調印式", "施行", "制定", "改正", "条例第5号",
               "平成16年5月27日", "令和元年", "11月22日", "(平12条51・一部改正)", "第1条", "(目的)", "○", "in",
               "「", "」", "『", "』", "(", ")", "（", "）", "、", "。", "・", "\n", "\n\n", " ", "\t", "①"]
cjk = st.characters(min_codepoint=0x3041, max_codepoint=0x9FFF)
parties = st.sampled_from(["横浜市", "川口市", "荒川区", "本市", "神奈川県", "中小企業基盤整備機構(中小機構)", "中小機構",
                           "県信用保証協会", "大分みらい信用金庫", "相模原商工会議所", "龍谷大学", "株式会社テスト"])
dates = st.sampled_from(["平成16年5月27日", "2004年5月27、28日", "令和2年3月30日(月)", "11月22日", "H16.5.27", "平成9年度"])
numbers = st.sampled_from(["5", "十", "12", "1"])
# Shapes the assemblers read (agreement sentences, summit rows and mentions, ordinance headers
# and prose), filled with random parts, so that drafts are made and not only rejected.
shapes = st.one_of(
    st.builds("{}と{}は、{}に{}を{}。".format, parties, parties, dates,
              st.sampled_from(["連携協定", "包括連携協定", "業務提携", "「産業振興に関する協定書」"]),
              st.sampled_from(["締結した", "締結しました", "調印式を行った", "結びました"])),
    st.builds("\n第{}回\t{}\t{}\t{}\n".format, numbers, dates, parties, st.text(cjk, max_size=8)),
    st.builds("第{}回{}{}".format, numbers, st.sampled_from(["中小企業都市サミット", "全国大会", "都市サミット"]),
              st.sampled_from(["in川口", "(川口市)", "を開催", ""])),
    st.builds("\n○{}\n{}条例第{}号\n".format, st.sampled_from(["墨田区中小企業振興基本条例", "産業振興条例"]),
              dates, numbers),
    st.builds("{}は{}「{}」を{}。".format, parties, dates, st.sampled_from(["中小企業振興基本条例", "産業振興条例", "本条例"]),
              st.sampled_from(["施行した", "制定", "改正した", "に改めました"])),
)
rule_texts = st.lists(st.one_of(st.sampled_from(RULE_PIECES), shapes, st.text(cjk, min_size=1, max_size=4),
                                st.text(max_size=3)), max_size=40).map("".join)
# Document text is always normalised: that is what the rules and offsets work on.
doc_texts = st.one_of(rule_texts.map(normalize_text), rule_texts.filter(lambda t: t.isprintable() or "\n" in t))


def grounded(text: str, cands) -> None:
    for c in cands:
        assert 0 <= c.start < c.end <= len(text), c
        assert text[c.start:c.end] == c.text, c


@MODEL
@given(doc_texts)
def test_rule_and_model_candidates_slice_back(nlp, text):
    grounded(text, rule_candidates(text))
    grounded(text, model_candidates(text, [(0, len(text))]))


@MODEL
@given(doc_texts, st.one_of(st.none(), st.sampled_from(["第5回中小企業都市サミット(川口市)", "条例 (横浜市)", "(", ""])))
def test_document_drafts_evidence_is_grounded(nlp, text, title):
    doc = Document(uri="prop.html", sha256="0" * 64, title=title, text=text)
    drafts = document_drafts(doc)
    for d in drafts:
        assert d.evidence, d
        for span in d.evidence:
            assert 0 <= span.start < span.end <= len(text), (d, span)
            assert span.rule
    # the strict schemas check every quote against the text: no record may fail for that
    records, rejected = build_records([doc], [drafts])
    for r in rejected:
        assert not any("evidence" in reason or "quote" in reason for reason in r.reasons), r.reasons
    for rec in records:
        for ev in rec["sources"]:
            assert text[ev["start"]:ev["end"]] == ev["quote"]


@FAST
@given(st.text(st.one_of(st.sampled_from(list("あ中A 、。\n「」😀")), st.characters(codec="utf-8")), max_size=300),
       st.integers(4, 64))
def test_chunks_cover_text_within_the_byte_limit(text, max_bytes):
    pieces = chunks(text, max_bytes=max_bytes)
    if not text:
        assert pieces == []
        return
    assert [s for s, _ in pieces] == [0] + [e for _, e in pieces[:-1]] and pieces[-1][1] == len(text)
    assert all(s < e and len(text[s:e].encode("utf-8")) <= max_bytes for s, e in pieces)


def test_chunks_never_exceed_sudachis_limit():
    text = "中小企業振興" * 30000  # no sentence end, no hiragana, no punctuation: only hard cuts
    pieces = chunks(text, max_bytes=10**6)
    assert all(len(text[s:e].encode("utf-8")) <= SUDACHI_MAX_BYTES for s, e in pieces)


# --- reading arbitrary bytes -----------------------------------------------------

BYTE_PIECES = [b"%PDF-1.4\n", b"<html>", b"<body>", b"<p>", b"</p>", b"<!DOCTYPE html>", b"<title>", b"</title>",
               b"<meta charset='utf-8'>", b'<meta charset="Shift_JIS">', b"<meta charset=euc-jp>",
               b"<?xml version='1.0'?>", b"<!--", b"-->", b"<script>", b"<table><tr><td>", b"<font>", b"<br>", b"&#0;", b"&#xD800;", b"\x00",
               b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x1b$B", b"\x08", b"\r\n", "条例を施行".encode("utf-8"),
               "条例を施行".encode("cp932"), "条例を施行".encode("euc_jp"), b"source: x\n---\n"]
contents = st.one_of(st.binary(max_size=400),
                     st.lists(st.one_of(st.sampled_from(BYTE_PIECES), st.binary(max_size=6)),
                              max_size=25).map(b"".join))


@settings(max_examples=300, deadline=None)
@given(contents, st.sampled_from(["doc.pdf", "page.html", "notes.txt", "page.htm", "noext"]),
       st.one_of(st.none(), st.sampled_from(["utf-8", "Shift_JIS", "euc-jp", "utf-16", "bogus"])))
def test_read_document_never_raises(content, name, charset):
    doc = read_document(Fetched(uri=f"file:///in/{name}", content=content, charset=charset))
    assert doc.status in (DocStatus.ok, DocStatus.failed, DocStatus.skipped, DocStatus.needs_ocr)
    if doc.status is DocStatus.ok:
        assert doc.text and doc.text == normalize_text(doc.text)
        doc.text.encode("utf-8")
    else:
        assert doc.error and doc.error.strip() and doc.error_code
        assert doc.error_code != "reader_error", doc.error  # an unexpected exception, caught as a last resort
