"""An amending ordinance's own text (「X条例の一部を改正する条例」 alone on its heading line, its date
below, この条例 in its 附則): X amended on that date, and neither X's making nor its coming into
force. Each text is made up for the case it shows (real bodies, invented events)."""
from tests.records.built import field_spans, records_of

PAGE = ("長岡市産業振興条例の一部を改正する条例\n令和3年3月22日\n長岡市条例第8号\n"
        "長岡市産業振興条例（平成25年長岡市条例第30号）の一部を次のように改正する。\n"
        "第2条中「事業者」を「中小企業者」に改める。\n附 則\nこの条例は、令和3年4月1日から施行する。\n")


def test_the_amending_ordinances_day_is_an_amendment_of_the_ordinance_it_names(nlp):
    _, recs = records_of(PAGE)
    (rec,) = [r for r in recs if r["type"] == "ordinance"]
    assert rec["name"] == "長岡市産業振興条例" and rec["municipality"] == "長岡市"
    assert rec["amended_dates"] == ["2021-03-22"]
    assert rec["effective_date"] is None and rec["enacted_date"] is None
    assert [ev["quote"] for ev in field_spans(rec, "amended_dates")] == ["令和3年3月22日"]


def test_the_ordinances_own_heading_keeps_its_supplementary_provision(nlp):
    text = PAGE.replace("の一部を改正する条例\n", "\n", 1)  # the ordinance's own text: its 附則 is its own
    _, recs = records_of(text)
    assert any(r["effective_date"] == "2021-04-01" for r in recs if r["type"] == "ordinance")
