"""A provision of an ordinance states a rule, never a signing: an article that opens with 第N条 or with この条例は
(「この条例は、県と提携し、…を目的とする」, 「市は、…と協定を締結するものとする」) gives no agreement, though it
names bodies and a word of signing, and the page's body (its title's) would be the other party; the same
bodies in a news sentence sign. The ordinances and sentences are invented (real places)."""
import pytest

from tests.records.built import agreement_parties, records_of

_HEADER = "川上村小口資金融資条例\n○川上村小口資金融資条例\n昭和40年3月1日\n条例第5号\n(目的)\n"


@pytest.mark.parametrize("text", [
    _HEADER + "第1条 この条例は、長野県と提携し、取扱金融機関と保証機関の助けを借りて、村の小規模事業者に"
    "運転資金を貸し付けることを目的とする。\n",
    _HEADER + "第1条 この条例は、村内の小規模事業者の資金繰りを助けるため、長野県と提携して、村内の商工業の振興に"
    "寄与することを目的とする。\n",
    "(融資の協力)\n第4条 村は、東西銀行と協定を締結し、融資の取扱いを委託するものとする。\n",
])
def test_a_provision_gives_no_agreement(nlp, text):
    _, records = records_of(text, title="川上村小口資金融資条例")
    assert agreement_parties(records) == []


def test_the_same_bodies_in_a_news_sentence_sign(nlp):
    _, records = records_of("2023年4月3日\n松本市は4月3日、東西銀行と協定を締結した。\n")
    assert agreement_parties(records) == [sorted(["松本市", "東西銀行"])]
