"""A party's name broken by the wrapping of its line (a PDF's text, prose wrapped at a fixed width) is
given joined, as the body is named, while its evidence quotes the text as written."""
from tests.records.built import records_of


def _parties(text: str) -> list[list[str]]:
    _, recs = records_of(text)
    return sorted(sorted(p["name"] for p in r["parties"]) for r in recs if r["type"] == "agreement")


def test_a_name_broken_by_the_wrapping_of_its_line_is_joined(nlp):
    # prose wrapped at a fixed width, as a PDF's text reads: the name breaks across two lines
    text = ("函館市は、令和5年8月8日、中心市街地の活性化を図るため、函館まちづくり\n協議会と、まちなか活性化に"
            "関する連携協定を締結しました。本協定により、両者\nは空き店舗の活用やイベントの開催などに連携して取り組む"
            "こととしており、\n今後は定期的に協議の場を設け、具体的な事業を進めていく予定としています。\n")
    assert _parties(text) == [["函館まちづくり協議会", "函館市"]]
