"""「A町・B町の自治体・商工会及びX信用金庫による…協定」: the bodies of each place written once for all (a kind
word of the place's government, 自治体, is the place; 商工会 is the place's 商工会, read where the page writes
its name): one agreement of each place's bodies with the body common to all."""
from tests.records.built import agreement_parties, records_of

_CAPTIONS = "\n写真:東川町長・東川町商工会会長\n写真:美瑛町長・美瑛町商工会会長\n"


def test_each_place_with_its_own_bodies_and_the_common_one():
    text = ("令和4年9月27日、東川町・美瑛町の自治体・商工会及び青葉信用金庫による"
            "「観光振興に係る連携協定」の調印式が開かれました。" + _CAPTIONS)
    _, records = records_of(text)
    assert sorted(agreement_parties(records)) == [["東川町", "東川町商工会", "青葉信用金庫"],
                                                   ["美瑛町", "美瑛町商工会", "青葉信用金庫"]]


def test_kinds_parted_by_a_comma_in_a_heading():
    text = ("青葉信用金庫、東川町・美瑛町の自治体、商工会と連携協定を締結\n" + _CAPTIONS)
    _, records = records_of(text)
    assert sorted(agreement_parties(records)) == [["東川町", "東川町商工会", "青葉信用金庫"],
                                                   ["美瑛町", "美瑛町商工会", "青葉信用金庫"]]
