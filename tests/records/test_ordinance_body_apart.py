"""A 例規 header line may write the enacting body apart from the name (○青葉町 雪と暮らす条例, the
body in a column of its own) and a bracketed aside after it: the name is the part after the body, the
body is the municipality. The ordinances are invented (real places)."""
from tests.records.built import records_of


def test_a_body_written_apart_before_the_name_is_its_municipality(nlp):
    text = ("町の条例を集めてみました\n\n"
            "○栗山町 まきストーブと暮らす条例\n昭和61年6月12日\n条例第9号\n\n"
            "(目的)\n第1条 この条例は、町と町民がともにまきを使う暮らしを守ることを目的とする。\n\n"
            "○北海道 しずかな湖畔づくり条例 (※「こはん」と読みます)\n平成15年10月7日\n条例第21号\n\n"
            "第1条 この条例は、道内の湖のほとりの静けさを保つことを目的とする。\n")
    _, records = records_of(text)
    got = sorted((r["name"], r["municipality"], r["enacted_date"]) for r in records if r["type"] == "ordinance")
    assert got == [("しずかな湖畔づくり条例", "北海道", "2003-10-07"), ("まきストーブと暮らす条例", "栗山町", "1986-06-12")]
