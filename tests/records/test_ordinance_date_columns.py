"""A table of ordinances whose header names its date columns (条例名 | 公布日 | 施行日): each row's
dates go to the fields their columns name. Each text is made up for the case it shows (real bodies,
invented events)."""
from tests.records.built import records_of


def test_each_date_cell_gives_the_field_its_column_names(nlp):
    text = ("条例名\t公布日\t施行日\n燕市中小企業振興条例\t平成25年3月22日\t平成25年4月1日\n"
            "燕市商店街活性化条例\t平成27年3月20日\t平成27年4月1日\n")
    _, recs = records_of(text)
    got = sorted((r["name"], r["enacted_date"], r["effective_date"]) for r in recs if r["type"] == "ordinance")
    assert got == [("燕市中小企業振興条例", "2013-03-22", "2013-04-01"), ("燕市商店街活性化条例", "2015-03-20", "2015-04-01")]


def test_a_column_naming_no_making_gives_no_date(nlp):
    text = "条例名\t公布日\t更新日\n燕市中小企業振興条例\t平成25年3月22日\t令和5年4月1日\n"
    _, recs = records_of(text)
    (rec,) = [r for r in recs if r["type"] == "ordinance"]
    assert rec["effective_date"] is None and "2023-04-01" not in rec["amended_dates"]
