"""The signing noun as the topic of its rank (「覚書の取り交わしは同友会としては東海初」, 「協定締結は今回で5件目」)
restates the signing the page reports, as 「…を締結するのは初めて」 does: no agreement of its own, whatever
bodies it names (here the support office, with the page's region tag read as its publisher). The page is
invented."""
from tests.records.built import agreement_parties, records_of


def test_a_signing_ranked_gives_no_agreement_of_its_own(nlp):
    title = "静岡県よろず支援拠点と業務提携【静岡】"
    text = (title + "\n覚書の取り交わしは同友会では東海初\n静岡同友会と公益財団法人静岡県産業振興財団は、4月10日"
            "「よろず支援拠点の業務協力に関する覚書」の調印式を行いました。静岡県よろず支援拠点との覚書の取り交わしは"
            "同友会としては東海初となります。")
    _, records = records_of(text, title=title)
    assert agreement_parties(records) == [sorted(["公益財団法人静岡県産業振興財団", "静岡同友会"])]
