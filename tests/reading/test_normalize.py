import pytest
from hypothesis import given, strategies as st

from extractors.reading.normalize import normalize_text


@pytest.mark.parametrize("raw, expected", [
    ("第５回", "第5回"),
    ("ＡＢＣ１２３", "ABC123"),
    ("ｶﾀｶﾅ", "カタカナ"),
    ("中小企業　都市", "中小企業 都市"),
    ("a  \u3000 b", "a b"),
    ("5月22日～23日", "5月22日〜23日"),
    ("0266‐21−7000", "0266-21-7000"),
    ("―地域―", "―地域―"),
    ("前—後", "前―後"),
    ("a\t \tb", "a\tb"),
    ("line  \n\n\n\nnext", "line\n\nnext"),
    ("\u200bゼロ幅\ufeff", "ゼロ幅"),
    ("①金融機関", "①金融機関"),  # kept: unlike NFKC
    ("「条例」、。", "「条例」、。"),
    ("a\r\nb\rc", "a\nb\nc"),
])
def test_normalize_table(raw, expected):
    assert normalize_text(raw) == expected


@given(st.text())
def test_normalize_is_idempotent(text):
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert "\u3000" not in once and "  " not in once


def test_cjk_radicals_become_the_ideographs_they_stand_for():
    """Browser- and office-made PDFs map common kanji to radical code points (⾕ U+2F95, ⻑ U+2ED1)."""
    assert normalize_text("岡\u2f95市役所 \u2ed1野県 \u2f1f曜\u2f47") == "岡谷市役所 長野県 土曜日"
    assert len(normalize_text("\u2f95\u2ed1")) == 2  # one character for one: evidence offsets hold
