"""A party block laid out as a table under a heading that names the signers (協定を締結した金融機関, then rows of
「種別<TAB>名称」): each row gives the body of its name cell; the kind cell and the header row are no party,
and no row is joined to the next as if a name were wrapped. Invented banks and text."""
from tests.records.built import agreement_parties, records_of

_TEXT = ("東西銀行ニュース\n2023年9月4日\n株式会社東西銀行\n"
         "当行は、2023年9月4日、県内の4つの金融機関と、大雨や地震に備えて互いに助け合う協定を結びました。\n"
         "協定を締結した金融機関\n区分\t名称\n銀行\t株式会社東西銀行\n銀行\t株式会社南北銀行\n"
         "信用金庫\t青葉信用金庫\n信用組合\t若葉信用組合\n以上\n")


def test_each_row_gives_its_name_cell(nlp):
    _, records = records_of(_TEXT)
    assert agreement_parties(records) == [sorted(["株式会社東西銀行", "株式会社南北銀行", "青葉信用金庫", "若葉信用組合"])]


def test_no_party_holds_a_tab(nlp):
    _, records = records_of(_TEXT)
    assert all("\t" not in p["name"] for r in records if r["type"] == "agreement" for p in r["parties"])
