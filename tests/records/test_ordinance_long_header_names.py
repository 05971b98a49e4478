"""A 例規集 header line that is one name whole over its date and number stands for that name even when the
rules read only parts of it, another 条例 inside it (産業の振興に係る…県税条例の特例に関する条例: …県税条例,
特例に関する条例); the name's last words written again elsewhere on the page, said of nothing, are that
ordinance. An amending ordinance's header (X条例の一部を改正する条例) is no such name. Each text is made up
for the case it shows (real bodies, invented ordinances)."""
from tests.records.built import records_of


def _ordinances(text: str, title: str | None = None) -> list[tuple]:
    _, recs = records_of(text, title=title)
    return sorted((r["name"], r["enacted_date"], r["number"]) for r in recs if r["type"] == "ordinance")


def test_a_long_header_name_with_another_ordinance_inside_is_one_name(nlp):
    name = "産業の振興に係る高知県県税条例の特例に関する条例"
    text = (f"○{name}\n\n平成3年3月26日\n\n高知県条例第12号\n\n{name}をここに公布する。\n\n{name}\n\n(趣旨)\n"
            "第1条 この条例は、高知県県税条例(昭和25年高知県条例第40号)について、その特例を設ける。\n")
    names = _ordinances(text, title=name)
    assert (name, "1991-03-26", "平成3年3月26日高知県条例第12号") in names
    assert not any(n == "特例に関する条例" or n == "高知県県税条例の特例に関する条例" for n, _, _ in names)


def test_an_amending_ordinances_header_is_not_read_as_a_name(nlp):
    text = ("○香美市商工業振興条例の一部を改正する条例\n\n令和2年3月19日\n\n条例第5号\n\n"
            "香美市商工業振興条例(平成18年香美市条例第150号)の第3条を次のとおり改める。\n")
    assert not any(n.endswith("の一部を改正する条例") for n, _, _ in _ordinances(text))
