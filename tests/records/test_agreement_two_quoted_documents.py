"""Two documents named in quotes and joined by と (「「…に関する協定書」と「…についての覚書」を締結」) are two
agreements, even between the same bodies on the same day: one record each (one 協定書, one record), neither
merged into the other. On invented texts, with the real ja_ginza model."""
from tests.records.built import records_of


def test_two_quoted_documents_are_two_records(nlp):
    text = ("青葉商工会議所と東西銀行は、「地域経済の振興に関する協定書」と「創業支援についての覚書」を"
            "2023年5月21日に締結した。\n両者は創業の支援で協力する。")
    _, records = records_of(text)
    got = sorted((r["kind"], sorted(p["name"] for p in r["parties"])) for r in records if r["type"] == "agreement")
    assert got == [("協定", ["東西銀行", "青葉商工会議所"]), ("覚書", ["東西銀行", "青葉商工会議所"])]
    assert len({r["id"] for r in records}) == 2
