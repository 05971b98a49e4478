"""An association of municipalities (市長会, 町村会, 区長会, 議長会) is a body of its own: a prefecture's name
before 市長会 is part of the association's name, not the prefecture signing."""
from tests.records.built import agreement_parties, records_of


def test_associations_of_municipalities_sign():
    text = "奈良県市長会及び奈良県町村会と特別区長会は、住民の交流について協定を結んだ。"
    _, records = records_of(text)
    parties = agreement_parties(records)
    assert parties == [["奈良県市長会", "奈良県町村会", "特別区長会"]]
