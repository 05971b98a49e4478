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
