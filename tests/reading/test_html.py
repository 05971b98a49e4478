"""Pages: charset handling, main content, tables, on built pages and the committed samples."""
import pytest

from extractors.reading.html import decode_html, extract_html
from tests.conftest import SAMPLES

PAGE = """<html><head>{meta}<title>テスト(岡谷市)</title></head><body>
<header id="header"><p>岡谷市ホームページ</p></header>
<nav><ul><li><a href="/">ホーム</a></li><li><a href="/a">暮らし・手続き</a></li><li><a href="/b">産業・しごと</a></li></ul></nav>
<div class="pankuzu"><a href="/">ホーム</a> &gt; <a href="/b">産業</a> &gt; 協議会</div>
<div id="contents"><h1>中小企業都市連絡協議会</h1><p>製造業を中心に中小企業が集積する都市です。</p>
<table><tr><th>回</th><th>開催年月</th><th>開催都市</th></tr>
<tr><td>第2回</td><td>平成10年11月19、20日</td><td>大田区</td><td>魅力ある都市の創造<br>−21世紀−</td></tr></table></div>
<footer><p>〒394-8510 長野県岡谷市幸町8-1 電話:0266-23-4811</p><p>Copyright 岡谷市</p></footer>
</body></html>"""


def page(meta: str) -> str:
    return PAGE.format(meta=meta)


@pytest.mark.parametrize("meta, codec, http_charset, expected", [
    ('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">', "cp932", None, "cp932"),
    ('<meta charset="EUC-JP">', "euc_jp", None, "euc_jp"),
    ('<meta charset="utf-8">', "utf-8", None, "utf-8"),
    ("", "cp932", "Shift_JIS", "cp932"),  # the HTTP header alone
    ('<meta charset="utf-8">', "cp932", "Shift_JIS", "cp932"),  # the header wins over the meta tag
    ('<meta charset="Shift_JIS">', "utf-8", None, "utf-8"),  # a lying meta tag: valid UTF-8 wins
    ('<meta charset="utf-8">', "euc_jp", None, "euc_jp"),  # a lying meta tag: detection
    ("", "euc_jp", None, "euc_jp"),  # nothing declared: detection
])
def test_decoding(meta, codec, http_charset, expected):
    raw = page(meta).encode(codec)
    text, used, warnings = decode_html(raw, http_charset)
    assert used == expected
    assert "中小企業都市連絡協議会" in text


def test_bom_decides():
    text, used, _ = decode_html(b"\xef\xbb\xbf" + page('<meta charset="Shift_JIS">').encode("utf-8"))
    assert used == "utf-8" and "協議会" in text


def test_main_content_without_navigation():
    text, title, _, _ = extract_html(page('<meta charset="utf-8">').encode("utf-8"), "t.html")
    assert title == "テスト(岡谷市)"
    assert "製造業を中心に中小企業が集積する都市です。" in text
    for chrome in ("ホーム", "暮らし・手続き", "岡谷市ホームページ", "電話", "Copyright", "産業・しごと"):
        assert chrome not in text


def test_table_rows_are_lines_with_cells_in_order():
    text, _, _, _ = extract_html(page('<meta charset="utf-8">').encode("utf-8"), "t.html")
    assert "第2回\t平成10年11月19、20日\t大田区\t魅力ある都市の創造 -21世紀-" in text.split("\n")


def test_binary_junk_is_not_a_page():
    from extractors.errors import ExtractionError

    with pytest.raises(ExtractionError):
        extract_html(bytes(range(256)) * 20, "junk.html")


@pytest.mark.parametrize("name, must_have, must_not_have", [
    ("000_okaya.html", ["第5回\t平成16年5月27、28日\t川口市"], ["ホーム", "Copyright"]),
    ("003_igren.html", ["中小企業活性化推進条例"], ["Copyright"]),
    ("ordinance_01_reiki.html", ["与那国町商工業振興条例", "昭和56年12月27日条例第14号", "附則"], ["Copyright", "例規集トップ"]),
])
def test_samples(name, must_have, must_not_have):
    text, _, encoding, _ = extract_html((SAMPLES / name).read_bytes(), name)
    for s in must_have:
        assert s in text
    for s in must_not_have:
        assert s not in text


def test_page_with_stray_bytes_of_another_encoding_is_decoded_with_the_codec_that_fails_least():
    from extractors.reading.html import decode_html

    page = "<html><body><p>中小企業振興基本条例を制定しました。</p></body></html>".encode("cp932") * 20
    text, codec, warnings = decode_html(page + "<p>附則</p>".encode("utf-8"), "utf-8")
    assert codec == "cp932" and "中小企業振興基本条例" in text
    assert any("undecodable" in w for w in warnings)
