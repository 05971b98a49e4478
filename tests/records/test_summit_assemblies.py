"""A サミット of many towns' assemblies (議会サミット, 議長サミット) is a summit; one municipality's assembly
and its sessions stay none. Our own sentences; real towns, invented meetings."""
import pytest

from tests.records.built import records_of


def _summits(text: str) -> list[dict]:
    _, recs = records_of(text)
    return [r for r in recs if r["type"] == "summit"]


@pytest.mark.parametrize("text,series,edition", [
    ("11月8日、長井市で第5回全国コンパクトタウン議会サミットが開かれた。", "全国コンパクトタウン議会サミット", 5),
    ("第3回全国町村議会議長サミットが真室川町で開かれた。", "全国町村議会議長サミット", 3),
])
def test_a_summit_of_many_assemblies_is_a_summit(nlp, text, series, edition):
    (rec,) = _summits(text)
    assert (rec["series"], rec["edition"]) == (series, edition)


@pytest.mark.parametrize("text", [
    "第2回長井市議会サミットが長井市で開かれた。",
    "令和5年第4回長井市議会定例会が開かれ、議案15件を可決した。",
    "第4回議会定例会で条例案を可決した。",
])
def test_one_municipalitys_assembly_is_no_summit(nlp, text):
    assert _summits(text) == []
