"""A convention's page that lists a body's own meetings held beside it (…連合会 第4回役員会・第2回定時総会・会長会議):
a name that holds another 第N回 is no series, and a bare 総会 on a page whose series is a 大会 is that body's
general meeting, not the convention (a body's own 第185回総会 on its 市長会's page stays). Each text is made up for the case it shows (real towns, invented meetings)."""
from tests.records.built import records_of


def _summits(text: str) -> list[tuple]:
    _, recs = records_of(text, title=text.split("\n", 1)[0])
    return sorted((r["series"], r["edition"], r["host"]) for r in recs if r["type"] == "summit")


def test_the_body_meetings_beside_the_convention(nlp):
    text = ("第36回東海ブロック大会 しずおか島田大会\n10月28日(金)、29日(土)静岡県島田市にて第36回東海ブロック大会しずおか島田大会が"
            "行われました。28日(金)は島田市内のホテルにて東海ブロック商工会議所青年部連合会 第4回役員会・第2回定時総会・会長会議が"
            "とり行われ、29日(土)は島田市民会館にて記念式典が行われました。\n")
    assert _summits(text) == [("東海ブロック大会", 36, "島田市")]


def test_a_bare_general_meeting_of_a_general_meetings_page(nlp):
    text = "第45回青葉同友会定時総会\n青葉同友会は5月10日、仙台市で第45回定時総会を開催しました。\n"
    assert _summits(text) == [("青葉同友会定時総会", 45, "仙台市")]


def test_a_bodys_general_meeting_on_its_own_page(nlp):
    text = ("上越市に市長集まる 「北陸市長会」25年ぶり\n"
            "北陸5県の市長が一堂に会する北陸市長会(会長=青木市長)の第185回総会が、2024年10月10、11日に新潟県上越市で開催される。\n")
    assert [(s, n) for s, n, _ in _summits(text)] == [("北陸市長会", 185)]
