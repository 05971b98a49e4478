"""A body's name at the end of a line and its office (…支店, …支部, …本部) at the start of the next are
one party: a line of a PDF set short by the half-width digits on it (a telephone number) breaks
「…金融公庫」/「北浜支店は」 where no other line of the text is wrapped."""
from tests.records.built import agreement_parties, records_of


def test_a_body_and_its_office_on_the_next_line_are_one_party(nlp):
    text = ("西浜大学地域連携協議会(西浜市、北村一郎会長、0000・00・0000)と日本政策金融公庫\n"
            "北浜支店は10日、地元で力を合わせて大学発の技術を事業に生かす覚書を交わしたと明らかにした。研究室の知恵と町工場の悩みを結ぶのが狙い。\n"
            "両者は定期的に会合を開き、新分野に挑む企業を後押しする。\n")
    _, records = records_of(text, title="西浜大協議会と公庫北浜、産学連携で覚書")
    assert agreement_parties(records) == [["日本政策金融公庫北浜支店", "西浜大学地域連携協議会"]]


def test_a_body_ending_a_line_above_a_sentence_of_its_own_stays_alone(nlp):
    # the next line opens a sentence on a place, not an office: no name runs across the break
    text = ("北浜市は5月1日、地域の創業を後押ししようと、日本政策金融公庫\n"
            "北浜市内の創業者への支援について、北浜商工会議所と三者で協定を結びました。\n")
    _, records = records_of(text)
    assert "日本政策金融公庫北浜市内" not in str(agreement_parties(records))
