"""A heading 第N回 …連合会総会 岩手県大会 and a body that writes 第N回…連合会 岩手県大会 name one meeting: the
organiser's 総会, nicknamed after its place; one record, under the series (not the nickname). Our own
sentences; real towns, invented meetings."""
from tests.records.built import records_of


def test_the_organiser_with_its_nickname_is_the_organisers_meeting():
    text = ("第15回 東北商工会議所青年部連合会総会 岩手県大会\n"
            "日時:平成26年6月6日\n場所:盛岡市民文化ホール\n"
            " 第15回東北商工会議所青年部連合会 岩手県大会が、6県40青年部、約800名の出席で開かれました。\n")
    _, recs = records_of(text, title=text.splitlines()[0])
    (rec,) = [r for r in recs if r["type"] == "summit"]
    assert (rec["series"], rec["edition"], rec["host"]) == ("東北商工会議所青年部連合会総会", 15, "盛岡市")
