"""「N市町村(A、B、C市、D、E町、F村)」: a counted group of municipalities whose bracket writes the ending once, on
the last place of a run; each bare place takes the ending of the next place that has one, when the gazetteer
knows the place with it, and the count is checked against the list."""
from tests.records.built import agreement_parties, records_of

TITLE = "県南地域6市町村および土浦商工会議所と協定を締結(青葉大学)"


def test_bare_places_take_the_ending_written_after_them():
    text = (f"{TITLE}\n本学は7月13日、県南地域の6市町村(石岡、笠間、土浦市、阿見、大子町、美浦村)および土浦商工会議所と"
            "包括的連携・協力に関する協定を結びました。")
    _, records = records_of(text, title=TITLE)
    assert agreement_parties(records) == [sorted(["青葉大学", "土浦商工会議所", "石岡市", "笠間市", "土浦市", "阿見町",
                                                  "大子町", "美浦村"])]


def test_a_count_that_does_not_match_gives_no_list():
    text = (f"{TITLE}\n本学は7月13日、県南地域の5市町村(石岡、笠間、土浦市、阿見、大子町、美浦村)および土浦商工会議所と"
            "包括的連携・協力に関する協定を結びました。")
    _, records = records_of(text, title=TITLE)
    assert agreement_parties(records) == [sorted(["青葉大学", "土浦商工会議所"])]
