"""A theme written without quotes as the object of its cue (…、つながる力~地域とともに~をテーマに「第8回…」が
開催): from the clause's comma, or the topic of the sentence, up to をテーマに / をメインテーマとして, when the
sentence goes on to the meeting's holding; not a talk's (…をテーマに講演会が行われた), nor a cue whose sentence
holds nothing (…をテーマに挙げた). Invented meetings, real towns."""
import pytest

from extractors.language.meetings import themes
from tests.records.built import records_of


@pytest.mark.parametrize("text, theme", [
    ("5月9日、青葉ホテルをメイン会場に、つながる力・ひろがる輪~地域とともに~をテーマに「第8回若葉経営者交流会」が開催されました。",
     "つながる力・ひろがる輪~地域とともに~"),
    ("「第12回若葉異業種交流会」が10月5日に開かれました。\n交流会は、講師に山田氏をお迎えし、"
     "手仕事の未来「青葉織」を語る!をメインテーマとして、約80名が集い開かれました。", "手仕事の未来「青葉織」を語る!"),
    ("第3回港町フォーラムは、海と暮らすまちづくりをテーマに、函館市で開かれた。", "海と暮らすまちづくり"),
    ("今回はDXと人づくりをテーマに、第4回青葉サミットを開催した。", "DXと人づくり"),
])
def test_the_object_of_the_cue_is_the_theme(nlp, text, theme):
    _, recs = records_of(text)
    assert [r["theme"] for r in recs if r["type"] == "summit"] == [theme]


@pytest.mark.parametrize("text", [
    "この日は、地域の魅力をどう伝えるかをテーマに講演会が行われた。",  # a talk's
    "市長は、子育て支援をテーマに挙げた。",                               # nothing held
    "同会は、第3回大会をテーマに議論し、6月に開催する。",                 # a meeting's name, no theme
    "当日は、地域と世界をテーマとしたパネルディスカッションも行った。",   # the theme of the panel it qualifies
    "当日は「地域と世界」をテーマとしたパネルディスカッションも行った。", # a quoted one: the cue patterns refuse it
])
def test_no_theme_where_the_cue_is_not_the_meetings(text):
    assert themes(text, 0, len(text)) == []
