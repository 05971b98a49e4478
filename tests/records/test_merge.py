"""Merging drafts across documents: one record per ordinance and place."""
from extractors.records.build import group_drafts
from extractors.records.drafts import Draft
from schemas.document import Document


def _ordinance(uri: str, municipality: str | None, year: str, confidence: float) -> Draft:
    name = "中小企業振興基本条例"
    fields = {"name": (municipality or "") + name, "former_names": [], "municipality": municipality,
              "enacted_date": year, "effective_date": None}
    return Draft(type="ordinance", fields=fields, confidence=confidence, evidence=[],
                 doc=Document(uri=uri, text=name))


def test_a_nameless_ordinance_does_not_join_two_places_into_one_record():
    # a page that names no place (most confident, so it leads its group) and two cities'
    # ordinances of the same name and year on two other pages
    drafts = [_ordinance("a.html", None, "2012", 0.9), _ordinance("b.html", "八尾市", "2012", 0.8),
              _ordinance("c.html", "墨田区", "2012", 0.7)]
    groups = group_drafts(drafts)
    places = sorted(sorted(filter(None, {d.fields["municipality"] for d in g})) for g in groups)
    assert places == [["八尾市"], ["墨田区"]]


def test_the_same_place_named_on_two_pages_is_one_record():
    drafts = [_ordinance("a.html", "八尾市", "2012", 0.9), _ordinance("b.html", "八尾市", "2012", 0.8),
              _ordinance("c.html", None, "2012", 0.7)]
    assert len(group_drafts(drafts)) == 1
