"""「A町・B町の自治体・商工会及びX信用金庫による…協定」: the bodies of each place written once for all (a kind
word of the place's government, 自治体, is the place; 商工会 is the place's 商工会, read where the page writes
its name): one agreement of each place's bodies with the body common to all."""
from tests.records.built import agreement_parties, records_of

_CAPTIONS = "\n写真:上富良野町長・上富良野町商工会会長\n写真:中富良野町長・中富良野町商工会会長\n"


def test_each_place_with_its_own_bodies_and_the_common_one():
    text = ("令和2年5月11日、上富良野町・中富良野町の自治体・商工会及び旭川信用金庫による"
            "「地域振興に関する連携協定」の締結式が行われました。" + _CAPTIONS)
    _, records = records_of(text)
    assert sorted(agreement_parties(records)) == [["上富良野町", "上富良野町商工会", "旭川信用金庫"],
                                                   ["中富良野町", "中富良野町商工会", "旭川信用金庫"]]


def test_kinds_parted_by_a_comma_in_a_heading():
    text = ("旭川信用金庫、上富良野町・中富良野町の自治体、商工会と連携協定を締結\n" + _CAPTIONS)
    _, records = records_of(text)
    assert sorted(agreement_parties(records)) == [["上富良野町", "上富良野町商工会", "旭川信用金庫"],
                                                   ["中富良野町", "中富良野町商工会", "旭川信用金庫"]]
