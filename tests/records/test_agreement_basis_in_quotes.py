"""An agreement named in quotes as the basis of what follows (「2012年に締結した「…に関する協定」に基づき」) is in
force, no signing of the page: it gives no record, and the page's own signing with some of its parties is not
folded into it."""
from tests.records.built import agreement_parties, records_of

TITLE = "東西大学と青葉商工会議所が連携協力協定を締結"


def test_an_agreement_in_quotes_under_which_work_goes_on_is_no_signing():
    text = (f"{TITLE}\n12月5日(火)に東西大学は、青葉商工会議所と地域での連携協力に関する協定書を締結しました。\n"
            "本学と青葉商工会議所は、青葉市および青葉市観光協会との4者で、2012年に結んだ「産学官観光連携に関する協定」に"
            "基づき連携を進めてきました。")
    _, records = records_of(text, title=TITLE)
    assert agreement_parties(records) == [["東西大学", "青葉商工会議所"]]
