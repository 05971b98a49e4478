"""A long name that the page writes whole (…の振興と技術の伝承、小規模事業者の着実な成長の支援等に関する
基本条例, in quotes) is that whole name where the page writes it again and the rules read only its last
words (成長の支援等に関する基本条例: the model cut it at 着実な): one ordinance, not its tail as another.
A shorter name the page writes on its own (not after the whole name's beginning) stays as read. The text
is made up for the case it shows (a real prefecture, an invented name)."""
from types import SimpleNamespace

from extractors.records.ordinances import _whole_where_written
from schemas.records import Candidate

_WHOLE = "石川県伝統工芸の振興と技術の伝承、小規模事業者の着実な成長の支援等に関する基本条例"
_TAIL = "成長の支援等に関する基本条例"


def _named(text: str, name: str, at: int) -> tuple:
    cand = Candidate(label="ORDINANCE", start=at, end=at + len(name), text=name, rule="ordinance-nouns")
    return cand, name, (at, at + len(name))


def test_a_tail_read_inside_the_whole_name_is_the_whole_name():
    text = f"「{_WHOLE}」を定めました。\n{_WHOLE}のあらまし\n"
    second = text.index(_WHOLE, text.index("\n"))
    named = [_named(text, _WHOLE, 1), _named(text, _TAIL, second + len(_WHOLE) - len(_TAIL))]
    out = _whole_where_written(SimpleNamespace(text=text), named)
    assert [(name, span) for _, name, span in out] == [
        (_WHOLE, (1, 1 + len(_WHOLE))), (_WHOLE, (second, second + len(_WHOLE)))]
    assert out[1][0].text == _WHOLE


def test_a_shorter_name_written_on_its_own_stays():
    text = f"「{_WHOLE}」を定めました。加賀市の{_TAIL}も同じ日に施行です。\n"
    at = text.index(_TAIL, text.index("。"))
    named = [_named(text, _WHOLE, 1), _named(text, _TAIL, at)]
    out = _whole_where_written(SimpleNamespace(text=text), named)
    assert [name for _, name, _ in out] == [_WHOLE, _TAIL]
