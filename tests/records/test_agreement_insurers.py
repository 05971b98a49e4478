"""An insurance company signs under a name that ends with its kind of insurance (…火災保険, …損害保険,
…生命保険) or that opens with it before its brand (損害保険ジャパン), and its branch (…火災保険京葉支店) signs
for it: signing bodies, so a list of them counted as companies is read whole; a line of insurance
(住宅火災保険, 団体生命保険) is none. Found on real pages (a city's BCP agreement with three insurers'
branches); the sentences here are invented."""
import pytest

from extractors.records.publisher import is_signing_body
from tests.records.test_agreements import _agreements


def test_insurers_and_their_branches_are_signing_bodies():
    assert is_signing_body("青葉海上日動火災保険")
    assert is_signing_body("みどり同和損害保険")
    assert is_signing_body("みどり同和損害保険青葉支店")
    assert is_signing_body("損害保険アオバ")
    assert is_signing_body("東西明星生命保険")
    assert not is_signing_body("住宅火災保険")
    assert not is_signing_body("団体生命保険")
    assert not is_signing_body("損害保険")


@pytest.mark.model
def test_a_counted_list_of_insurers_is_read_whole(nlp):
    text = ("青葉市役所で10月3日、中小企業の防災計画づくりを手助けする協定の締結式が開かれた。"
            "今回は青葉市、青葉商工会議所と青葉海上日動火災保険東西支店、みどり同和損害保険青葉支店、"
            "東西明星生命保険青葉支店の3企業が、被災した事業所が早く立ち直れるよう、"
            "防災計画づくりの手助けについての協定を締結した。")
    assert _agreements(text) == [(["みどり同和損害保険青葉支店", "東西明星生命保険青葉支店", "青葉商工会議所", "青葉市",
                                   "青葉海上日動火災保険東西支店"], None)]
