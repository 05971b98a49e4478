"""The organisation-name grammar (extractors/language/org_names.py) on short sentences written for
these tests: names with hiragana or brackets inside, and what must not read as a name."""
import pytest

from extractors.language.org_names import find_org_names


@pytest.mark.parametrize("text, names", [
    ("船橋市は、一般社団法人ふなばしまちづくり推進機構と連携した。", ["一般社団法人ふなばしまちづくり推進機構"]),
    ("同契約は一般財団あおば地域づくり推進機構(柏市若葉町)が結んだ。", ["一般財団あおば地域づくり推進機構"]),
    ("柏市は、ちいきささえあいセンターと協定を結んだ。", ["ちいきささえあいセンター"]),
    ("柏市とかしわインキュベーション協議会が協定を結んだ。", ["かしわインキュベーション協議会"]),
    ("柏市と、東西「ものづくり」協議会は協定を結んだ。", ["東西「ものづくり」協議会"]),
    # kanji and katakana alone are left to the token patterns
    ("柏市と東西信用金庫は協定を結んだ。", []),
    # a verb ending, a particle, a coordination or a second legal form inside: no name
    ("協定を締結したふなばし機構と", []),
    ("柏市との連携協定はこれまでに東西銀行と", []),
    ("本日、株式会社あおば東西ホールディングス及び株式会社あおば銀行と", []),
    # a word that opens the clause, or the end of a function word (として), is no name's start
    ("長野同友会では、このたびあおば大学と協定を結んだ。", ["あおば大学"]),
    ("柏市として地域振興協議会を設けた。", []),
    ("柏市とともにまちづくりセンターが協定を結んだ。", ["まちづくりセンター"]),
])
def test_org_names(text, names):
    assert [text[s:e] for s, e in find_org_names(text, 0, len(text))] == names
