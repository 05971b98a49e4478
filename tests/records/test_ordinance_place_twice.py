"""A heading that writes the enacting body twice before the name (a site's name run into it: 高知県高知県
地場産業振興条例の制定) names the ordinance once, with its body once. The text is made up (a real
prefecture, an invented ordinance)."""
from tests.records.built import records_of


def test_a_body_written_twice_is_read_once(nlp):
    text = ("メールマガジン\n第42号 2012年4月2日発行\n\n高知県高知県土佐和紙と刃物のものづくり振興条例の制定\n\n"
            "高知県では、伝統の技を次の世代へ継ぐため、「高知県土佐和紙と刃物のものづくり振興条例」を制定しました。\n")
    _, recs = records_of(text)
    assert sorted({r["name"] for r in recs if r["type"] == "ordinance"}) == ["高知県土佐和紙と刃物のものづくり振興条例"]
