"""A line that ends with a case particle right after a word (「東西大学と」, 「南北銀行は」) leaves its clause open:
the sentence goes on in the next line, and the body before the break is a party; on invented texts, with the
real ja_ginza model. A heading cut after its partners (「青葉町・市民生活協同組合あおばコープと」 over
「「包括連携に関する協定」を締結!」) then reads as a signing too, and restates the body's agreement: the
partner its token cut at the kind word (…組合 for …組合あおばコープ) and the quoted name cut short are that
agreement's."""
import pytest

from extractors.records.agreement_splits import names_subset
from extractors.records.wrapping import Wrapping
from tests.records.built import agreement_parties, records_of


@pytest.mark.parametrize("text, goes_on", [
    ("東西大学と\n南北工業大学は15日、研究に関する包括協定を締結した。", True),
    ("東西銀行は\n2日、青葉市と協定を締結した。", True),
    ("お知らせ\n東西大学は15日、研究に関する包括協定を締結した。", False),  # a heading: no particle at its end
])
def test_line_ending_on_particle_goes_on(text, goes_on):
    assert Wrapping(text).goes_on(text.index("\n")) is goes_on


def test_partner_before_the_break_is_a_party(nlp):
    text = ("東西大と南北工大が包括協定\n東西大学と\n南北工業大学は15日、教育・研究に関する包括協定を締結した。\n"
            "両大学は共同研究を進める。")
    _, records = records_of(text)
    assert agreement_parties(records) == [sorted(["東西大学", "南北工業大学"])]


def test_brand_after_kind_word_is_the_same_party():
    assert names_subset(["市民生活協同組合"], ["市民生活協同組合あおばコープ", "青葉町"])
    assert not names_subset(["青葉町"], ["青葉町商工会"])


def test_heading_cut_at_a_line_end_restates_the_body(nlp):
    text = ("令和5年11月\n青葉町・市民生活協同組合あおばコープと\n「包括連携に関する協定」を締結!\n"
            "東西銀行(頭取 山田 太郎)は、11月3日、青葉町(町長 川口 一郎氏)ならびに市民生活協同組合あおばコープ"
            "(理事長 森 次郎氏)と「地域振興にかかる包括連携に関する協定」を締結しました。")
    _, records = records_of(text, title="「包括連携に関する協定」を締結!(東西銀行)")
    (parties,) = agreement_parties(records)
    assert "東西銀行" in parties and "青葉町" in parties and len(parties) == 3
