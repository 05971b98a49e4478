"""Themes written in ways the cue words did not read: under a 主題 key (spaced too, with the value on
the next line), and 「…」などをテーマに (the first of several themes, named for them all). Each text is
made up for the case it shows (real towns, invented meetings)."""
import pytest

from tests.records.built import the_record


def _summit(text: str) -> dict:
    return the_record(text, "summit")


@pytest.mark.parametrize("block", [
    "主題:城下町の未来を語る\n",
    "1.主 題\n「城下町の未来を語る」\n",
    "【主題】 城下町の未来を語る\n",
])
def test_a_main_subject_key_gives_the_theme(nlp, block):
    rec = _summit(f"第9回全国城下町交流会\n{block}会期 2019年6月1日(土)\n")
    assert rec["theme"] == "城下町の未来を語る"


@pytest.mark.parametrize("text", [
    "2015年10月5日、八戸市で第12回全国観光交流会議が開かれ、「食と観光」などをテーマに議論した。",
    "2015年10月5日、八戸市で第12回全国観光交流会議が開かれた。「食と観光」等をテーマとして意見を交わした。",
])
def test_the_first_of_several_quoted_themes(nlp, text):
    assert _summit(text)["theme"] == "食と観光"


def test_a_talk_on_the_first_of_several_themes_is_still_a_talk(nlp):
    rec = _summit("2015年10月5日、八戸市で第12回全国観光交流会議が開かれ、「食と観光」などをテーマに講演した。")
    assert rec["theme"] is None


@pytest.mark.parametrize("text", [
    "第10回全国ダムサミットを長井市で開催。テーマは水と生きるまち。",
    "第10回全国ダムサミットを長井市で開催した。大会テーマ:水と生きるまち\n",
])
def test_an_unquoted_theme_without_a_copula(nlp, text):
    assert _summit(text)["theme"] == "水と生きるまち"


@pytest.mark.parametrize("text", [
    "第10回全国ダムサミットを長井市で開催。テーマは今後決める。",     # a clause ending on a verb
    # a sentence the reader broke at a line's end (vertical writing: 「…でし」 over 「た。」): a verb's stem
    "第10回全国ダムサミットを長井市で開催。テーマは水と生きるまちづくりの推進でし\nた。",
    "第10回全国ダムサミットを長井市で開催。テーマは未定。",           # too short to be a theme
    "第10回全国ダムサミットを長井市で開催。講演のテーマは地域の防災について。",  # a talk's
])
def test_what_follows_the_cue_is_no_theme(nlp, text):
    assert _summit(text)["theme"] is None
