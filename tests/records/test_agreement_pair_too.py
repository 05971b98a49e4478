"""「東川町は…西原村と友好都市協定を締結した。…同日、美瑛町と西原村も協定を結び、3町村の輪ができた。」: a pair
written before も and the agreement word signed with each other; the page's publisher is not a party of it."""
from tests.records.built import agreement_parties, records_of


def test_pair_that_signed_too_has_no_publisher():
    text = ("東川町は2月3日、熊本県西原村と「交流友好都市協定」を締結した。"
            "同日開催された式典で協定の締結式が行われた。美瑛町と西原村も協定を結び、3町村の友好の輪ができた。")
    _, records = records_of(text, title="東川町 西原村と友好都市協定を締結")
    assert sorted(agreement_parties(records)) == [sorted(["東川町", "西原村"]), sorted(["美瑛町", "西原村"])]
