"""A host written in hiragana after in (…フォーラムinさっぽろ): the place it reads as, the cities the postal
table gives only by their wards (札幌市中央区, さいたま市浦和区: the designated cities) among them, and the
run read up to where the place's reading ends (inさっぽろを開催, inなごや開催報告). Invented meetings."""
import pytest

from extractors.language.readings import places_read_as
from tests.records.built import records_of


@pytest.mark.parametrize("text, host", [
    ("第3回東西交流フォーラムinさっぽろを開催しました\n令和5年9月8日、市内のホテルで開催しました。", "札幌市"),
    ("「第5回北方連携フォーラムinよこはま」を開催しました\n令和4年11月2日に、各都市の首長が集まりました。", "横浜市"),
    # the page writes the city: the city, not the prefecture that reads the same
    ("第2回青葉連携会議inさいたま\n日時 令和3年10月1日\n会場 若葉会館(さいたま市浦和区高砂1-1)", "さいたま市"),
    ("第4回中部経済フォーラムinなごや開催報告\n令和2年2月3日に開催しました。", "名古屋市"),
    # a prefecture and its seat read the same and the page writes neither: the prefecture, as before
    ("第7回日本海交流サミットinとやま\n日時 令和3年10月1日", "富山県"),
])
def test_a_kana_place_after_in_is_the_host(nlp, text, host):
    _, recs = records_of(text)
    assert [r["host"] for r in recs if r["type"] == "summit"] == [host]


@pytest.mark.parametrize("kana, city", [("さっぽろ", "札幌市"), ("さがみはら", "相模原市"), ("きたきゅうしゅう", "北九州市"),
                                        ("さいたま", "さいたま市")])
def test_a_designated_city_reads_as_its_name(kana, city):
    assert city in places_read_as(kana)
