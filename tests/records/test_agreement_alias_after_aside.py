"""「X【理事長 …】(以下「Y」という)」: a short form introduced after an aside in 【】 still stands for X, so Y
is no second party."""
from tests.records.built import agreement_parties, records_of


def test_short_form_after_a_bracketed_aside():
    text = ("公益財団法人 くまもと産業支援財団【理事長 山田 一郎】(以下「産業支援財団」という)と熊本県信用保証協会"
            "【会長 鈴木 次郎】は、連携・協力の推進に関する協定を令和3年4月1日に締結した。\n"
            "本協定により、産業支援財団と熊本県信用保証協会は共同で相談会を開く。")
    _, records = records_of(text)
    parties = agreement_parties(records)
    (names,) = parties
    assert len(names) == 2 and "熊本県信用保証協会" in names and "産業支援財団" not in names
