"""A time word before a meeting's name (16回目となる来年のサミット, 第4回の今年の大会) says when that
meeting is and is no part of its name: a bare meeting word after it is the page's series. A page of
several editions does not take an edition it tells of without a name (第2回は…) as the meeting it
opens with. Our own sentences; real towns, invented meetings."""
from tests.records.built import records_of


def _summits(text: str) -> dict[int, dict]:
    _, recs = records_of(text, title=text.splitlines()[0])
    return {r["edition"]: r for r in recs if r["type"] == "summit"}


_HISTORY = (
    "全国干物サミット 再来年は大洗で\n"
    "更新 2011/1/8 09:15\n"
    "干物の産地が集まる「全国干物サミット」が、2012年秋に大洗町で開かれることが決まった。"
    "1990年に茨城県那珂湊町で行われたのが始まり。第2回は5年後に同町で行われた。"
    "今年の第12回サミットは静岡県沼津市で開かれる。昨年10月に千葉県銚子市で開かれた第11回サミットで次の開催地が決まった。"
    "13回目となる再来年のサミットの中身はまだ決まっていない。\n"
)


def test_a_time_word_is_no_part_of_the_name():
    summits = _summits(_HISTORY)
    assert {e: r["series"] for e, r in summits.items() if e in (11, 12, 13)} == {
        11: "全国干物サミット", 12: "全国干物サミット", 13: "全国干物サミット"}
    assert not any("再来年" in (r["series"] or "") for r in summits.values())


def test_an_edition_told_without_a_name_is_not_the_pages_meeting():
    second = _summits(_HISTORY).get(2)
    assert second is None or second["start_date"] is None
