"""The signing noun as the topic of its rank (「覚書の取り交わしは商工団体として東海で初」, 「協定締結は今回で5件目」)
restates the signing the page reports, as 「…を締結するのは初めて」 does: no agreement of its own, whatever
bodies it names (here a support office, and the one the page's title names). The page is
invented."""
from tests.records.built import agreement_parties, records_of


def test_a_signing_ranked_gives_no_agreement_of_its_own(nlp):
    title = "浜松地域支援拠点と業務提携【静岡】"
    text = (title + "\n覚書の取り交わしは商工団体として東海で初\n静岡同友会と公益財団法人静岡県産業振興財団は、4月10日"
            "「事業承継センターの運営協力に関する覚書」の調印式を開催しました。静岡県事業承継センターとの覚書の取り交わしは"
            "商工団体として東海で初めてです。")
    _, records = records_of(text, title=title)
    assert agreement_parties(records) == [sorted(["公益財団法人静岡県産業振興財団", "静岡同友会"])]
