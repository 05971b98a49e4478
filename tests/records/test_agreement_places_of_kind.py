"""「A区とB市の信金が連携協定」: places coordinated before の and a bare kind word say where the bodies are;
they are no parties (the bodies are named elsewhere)."""
from tests.records.built import agreement_parties, records_of


def test_places_before_a_kind_word_are_no_parties():
    text = ("墨田区と酒田市の信金が連携協定\n"
            "東京東信用金庫と米沢信用金庫は11月5日、観光振興で連携協定を締結した。")
    _, records = records_of(text)
    assert agreement_parties(records) == [["東京東信用金庫", "米沢信用金庫"]]


def test_places_before_a_chamber():
    text = ("前橋市と高崎市の商工会議所が連携協定\n"
            "前橋商工会議所と高崎商工会議所は3日、事業承継支援で協定を結んだ。")
    _, records = records_of(text)
    assert agreement_parties(records) == [["前橋商工会議所", "高崎商工会議所"]]
