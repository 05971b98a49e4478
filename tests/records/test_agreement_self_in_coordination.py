"""A signing whose self-reference stays as written (「北山市と本学は、…協定を結びました」: the page names no body 本学
can stand for by count) and a heading that names the page's body in full (「北山市と東西大学が…協定を結びました。」)
tell one agreement: one record, with the body's full name."""
import pytest

from tests.records.built import agreement_parties, records_of


@pytest.mark.parametrize("title, body, parties", [
    ("北杜市と国立大学法人東西大学がまちづくりに関する包括協定を結びました。",
     "北杜市と本学は、令和4年7月20日、まちづくりと人材の育成で協力するため、包括協定を結びました。",
     ["北杜市", "国立大学法人東西大学"]),
    ("南北信用金庫と東西工業大学が連携協力協定を締結しました",
     "南北信用金庫と本学は、令和4年2月1日、人材育成に関する連携協力協定を締結しました。",
     ["南北信用金庫", "東西工業大学"]),
])
def test_self_in_coordinated_subject(title, body, parties):
    _, records = records_of(title + "\n" + body, title=title)
    assert agreement_parties(records) == [sorted(parties)]
