"""Bodies of several places written once for all of them: 「東町・西町・南町の自治体・商工会」.

Takes a document's text and a sentence's span and gives, for a coordination of municipalities (or
prefectures) followed by の and kind words, the bodies of each place in the order written:
[[東町, 東町商工会], [西町, 西町商工会], …]. A kind word that names the place's government
(自治体, 行政, 市町, 各町) is the place itself; any other (商工会, 観光協会) is the place's body of that
kind, 「<place><kind>」, read only where the document writes that name (a caption, a list, a
signature), so that every name has a span of its own. Each place gives its group when every kind
does; else the coordination gives nothing (the distributive reading is not sure).
"""
from __future__ import annotations

import re

from extractors.language.gazetteer import is_municipality
from extractors.records.coordination import Named

_PLACE = r"[一-龥々ぁ-んァ-ヶー]{1,8}?(?:都|道|府|県|市|区|町|村)"
_KIND = r"(?:(?!及び|並びに)[一-龥々ァ-ヶー]){2,8}"  # (「…商工会及び東西信用金庫」: 及び ends the kind)
_GROUPED = re.compile(rf"((?:{_PLACE}[・、])+{_PLACE})の((?:{_KIND}[・、])*{_KIND})")
_SELF_KINDS = ("自治体", "行政", "市町村", "市町", "市", "町", "村", "県")  # the place's own government


def _body_written(text: str, name: str, near: int) -> tuple[int, int] | None:
    """The span of `name` written in text nearest to `near` (whole: not part of a longer name)."""
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(name), text)]
    return min(spans, key=lambda sp: abs(sp[0] - near)) if spans else None


def place_groups(text: str, start: int, end: int) -> tuple[list[list[Named]], int]:
    """The bodies of each place of a coordination 「A・B・Cの自治体・商工会」 in text[start:end]: one list
    per place (two places at least), or [] when the sentence has none that every place and kind fills;
    and where the coordination ends."""
    for m in _GROUPED.finditer(text, start, end):
        places = re.split(r"[・、]", m.group(1))
        kinds = re.split(r"[・、]", m.group(2))
        if len(places) < 2 or not all(is_municipality(p) for p in places):
            continue
        groups, at = [], m.start(1)
        for place in places:
            group = []
            for kind in kinds:
                if kind in _SELF_KINDS:
                    group.append(Named(at, at + len(place), place, "agreement-place-group"))
                    continue
                span = _body_written(text, place + kind, m.start())
                if span is None:
                    return [], start
                group.append(Named(span[0], span[1], place + kind, "agreement-place-group"))
            groups.append(group)
            at += len(place) + 1
        if len(kinds) >= 2:
            return groups, m.end()
    return [], start
