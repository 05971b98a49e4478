"""A place before で and an edition mark whose meeting's name is quoted (…区・…ホールで第8回「…交流会」を開催,
…市の主催で第三回「…大会」が開かれる) is the venue: the holding verb comes after the quote. Made up for the
case (real towns, invented meetings)."""
import pytest

from tests.records.built import the_record


@pytest.mark.parametrize("text, host", [
    ("9月2日、城南信用金庫は、江東区・ティアラこうとうで第8回「ビジネス交流会」を開催した。\n", "江東区"),
    ("11月3日、目黒区の主催で第五回「中小企業技術自慢大会」が開かれる。\n", "目黒区"),
])
def test_a_place_before_a_quoted_edition_is_the_host(nlp, text, host):
    assert the_record(text, "summit")["host"] == host
