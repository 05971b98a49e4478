"""A short name the page defines for an ordinance right after naming it, outside its quotes and without 「」
(「…条例」(以下振興条例), (通称…条例)), is that ordinance, not another one called 以下振興条例. The text is made up
for the case it shows (a real town, an invented page)."""
from tests.records.built import records_of


def test_a_defined_short_name_is_no_ordinance_of_its_own(nlp):
    text = ("2025年5月12日\n湯沢市では、「湯沢市地域産業振興基本条例」(以下振興条例)を令和7年3月に制定しました。"
            "振興条例に基づき、事業者への支援を進めます。")
    _, records = records_of(text)
    assert [r["name"] for r in records if r["type"] == "ordinance"] == ["湯沢市地域産業振興基本条例"]
