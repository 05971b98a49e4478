"""The day an ordinance took effect on a news page about one ordinance, said in a sentence whose subject
is left out (…を可決した。4月1日から施行する。), or by 同日 (the day just named) or 本日 (the page's own
day). Each text is made up for the case it shows (real bodies, invented events)."""
import pytest

from tests.records.built import field_spans, records_of


@pytest.mark.parametrize("text, effective", [
    # the next sentence opens with the day, its subject left out; the year from the page's date line
    ("2020年3月25日\n燕市議会は24日、燕市中小企業振興基本条例を全会一致で可決した。4月1日から施行する。\n",
     "2020-04-01"),
    # …に施行される: a day fixed ahead of the page's
    ("2020年3月25日\n燕市議会は24日、燕市中小企業振興基本条例を可決した。7月1日に施行される。\n", "2020-07-01"),
    # 同日: the one date of the name's sentence
    ("岡谷市中小企業振興基本条例を公布しました\n令和2年3月27日\n"
     "岡谷市中小企業振興基本条例を令和2年3月27日に公布し、同日から施行しました。\n", "2020-03-27"),
    # 本日: the page's own day
    ("2018年4月1日 燕市\n本市では、3月の市議会で可決された燕市中小企業振興条例を、本日から施行します。\n", "2018-04-01"),
])
def test_the_day_put_in_force_by_a_sentence_without_its_subject(nlp, text, effective):
    _, recs = records_of(text)
    (rec,) = [r for r in recs if r["type"] == "ordinance"]
    assert rec["effective_date"] == effective
    assert field_spans(rec, "effective_date")


@pytest.mark.parametrize("text", [
    # the next sentence speaks of another ordinance: not this one's day
    "2020年3月25日\n燕市議会は24日、燕市中小企業振興基本条例を可決した。4月1日から施行される市税条例の改正も可決した。\n",
    # a day without its year, before the page's: next year's, not the page's year
    "令和3年12月15日\n長岡市議会は15日、長岡市中小企業振興基本条例を可決した。4月1日に施行される。\n",
    # 同日 after two dates: which one is not settled
    "令和2年3月2日に提案し、3月27日に岡谷市中小企業振興基本条例を公布し、同日から施行しました。\n",
])
def test_no_day_put_in_force_when_the_sentence_does_not_settle_it(nlp, text):
    _, recs = records_of(text)
    assert all(r["effective_date"] is None for r in recs if r["name"].endswith("中小企業振興基本条例"))


@pytest.mark.parametrize("text, name", [
    ("令和5年4月1日時点で、燕市中小企業振興基本条例を含む20の条例が施行されている。\n", "燕市中小企業振興基本条例"),
    ("2024年3月末現在、燕市ものづくり振興条例は県内で唯一の条例として施行されている。\n", "燕市ものづくり振興条例"),
    ("令和6年12月1日時点で確認できるものとして、長野県ものづくり振興条例が施行されている。\n", "長野県ものづくり振興条例"),
])
def test_a_date_a_state_is_told_as_of_dates_no_making(nlp, text, name):
    _, recs = records_of(text)
    (rec,) = [r for r in recs if r["type"] == "ordinance"]
    assert rec["name"] == name
    assert rec["enacted_date"] is None and rec["effective_date"] is None


@pytest.mark.parametrize("text, dates", [
    ("県内では、燕市ものづくり条例が平成28年、見附市産業振興条例が平成30年4月1日に施行されている。\n",
     {"燕市ものづくり条例": "2016", "見附市産業振興条例": "2018-04-01"}),
    ("燕市ものづくり条例は平成28年、見附市産業振興条例は平成30年に施行された。\n",
     {"燕市ものづくり条例": "2016", "見附市産業振興条例": "2018"}),
])
def test_name_date_pairs_keep_their_own_dates(nlp, text, dates):
    _, recs = records_of(text)
    got = {r["name"]: r["effective_date"] or r["enacted_date"] for r in recs if r["type"] == "ordinance"}
    assert got == dates


def test_names_coordinated_before_one_date_share_it(nlp):
    _, recs = records_of("燕市ものづくり条例と見附市産業振興条例は、平成30年4月1日に施行された。\n")
    assert {r["name"]: r["effective_date"] for r in recs if r["type"] == "ordinance"} == {
        "燕市ものづくり条例": "2018-04-01", "見附市産業振興条例": "2018-04-01"}


def test_the_end_of_a_basic_ordinances_name_is_no_self_reference(nlp):
    # 基本条例 ends in 本条例: read as 本条例, it made the page one ordinance's and gave the first name the later date
    _, recs = records_of("岡谷市中小企業振興基本条例は平成26年、燕市中小企業振興基本条例は平成27年に施行された。\n")
    assert {r["name"]: r["effective_date"] or r["enacted_date"] for r in recs if r["type"] == "ordinance"} == {
        "岡谷市中小企業振興基本条例": "2014", "燕市中小企業振興基本条例": "2015"}
