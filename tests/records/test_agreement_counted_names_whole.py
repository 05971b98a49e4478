"""「A、B、C・D、E(株)の5者が…」: an enumeration closed by a count whose items keep what belongs to a
name: a 中黒 inside a name (with or without a space after it) when splitting there would miss the count,
and an abbreviated legal form in brackets after a company's name."""
from tests.records.built import agreement_parties, records_of


def test_counted_list_with_a_dot_inside_a_name_and_a_bracketed_legal_form():
    text = ("2024年5月20日\n横手市で連携協定の締結式が行われた。\n"
            "この協定は横手市、横手商工会議所、東西銀行、青葉県創業・ 事業再生支援センター、ミナミ企画(株)の5者が"
            "相互に協力し、地域の事業者を支えることを目的に締結。")
    _, records = records_of(text)
    assert agreement_parties(records) == [sorted(["横手市", "横手商工会議所", "東西銀行",
                                                  "青葉県創業・ 事業再生支援センター", "ミナミ企画(株)"])]
