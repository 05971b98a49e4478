"""A bracketed aside right after an ordinance's name (以下「条例」という。, its number) holds a 。 that ends no
sentence of the name's: the verb and date after the aside still speak of the ordinance. Each text is made
up for the case it shows (real bodies, invented events)."""
import pytest

from tests.records.built import records_of


@pytest.mark.parametrize("text, name, effective", [
    ("燕市は、燕市中小企業振興基本条例(以下「振興条例」という。)を制定しました。\n", "燕市中小企業振興基本条例", None),
    ("燕市中小企業振興基本条例(以下「条例」という。)が、4月1日に施行されました。\n", "燕市中小企業振興基本条例", None),
    ("燕市は、「燕市ものづくり条例」(以下「条例」という。)を平成30年4月1日から施行しました。\n", "燕市ものづくり条例",
     "2018-04-01"),
])
def test_the_sentence_goes_on_after_the_aside(nlp, text, name, effective):
    _, recs = records_of(text)
    assert [(r["name"], r["effective_date"]) for r in recs if r["type"] == "ordinance"] == [(name, effective)]


@pytest.mark.parametrize("text", [
    "燕市は、燕市ものづくり条例(以下「条例」という。)に基づき、補助金を交付します。\n",  # a ground
    "燕市は、燕市ものづくり条例(以下「条例」という。)の制定に向け、意見を募集します。\n",  # a plan
])
def test_a_name_with_an_aside_said_in_passing_gives_no_record(nlp, text):
    _, recs = records_of(text)
    assert [r for r in recs if r["type"] == "ordinance"] == []
