"""A 例規集 header line is the ordinance's name whole, when its date and number stand right below it: a name
that opens with kana (ようこそ…, がんばる…, みんなで支える…) is read from the line's start, not from the nouns
before 条例 the token rule gives, and its body is the place of its number or the one place inside it.
Each text is made up for the case it shows (real bodies, invented ordinances)."""
import pytest

from tests.records.built import field_spans, records_of


@pytest.mark.parametrize("text, name, body, enacted", [
    ("がんばる燕市中小企業応援条例\n平成27年3月20日\n燕市条例第5号\n目次\n", "がんばる燕市中小企業応援条例", "燕市",
     "2015-03-20"),
    ("○ようこそ倉敷観光振興条例\n令和2年3月25日\n倉敷市条例第8号\n(目的)\n第1条 この条例は、観光の振興に関し必要な事項を定める。\n",
     "ようこそ倉敷観光振興条例", "倉敷市", "2020-03-25"),
    # the page's heading quotes the name; the header below it writes it bare, its date in kanji numerals
    ("「ようこそ鳥取観光振興条例」(全文) (PDF)\n\nようこそ鳥取観光振興条例\n平成二十八年三月二十五日\n鳥取県条例第十号\n目次\n",
     "ようこそ鳥取観光振興条例", "鳥取県", "2016-03-25"),
    # the date and number in brackets on one line; the place inside the name after its kana
    ("みんなで支える岡谷市ものづくり条例\n(平成30年3月22日条例第4号)\n(目的)\n第1条 この条例は、ものづくりの振興に関し必要な事項を定める。\n",
     "みんなで支える岡谷市ものづくり条例", "岡谷市", "2018-03-22"),
])
def test_a_header_line_is_the_name_whole(nlp, text, name, body, enacted):
    _, recs = records_of(text)
    ords = [r for r in recs if r["type"] == "ordinance"]
    assert [(r["name"], r["municipality"], r["enacted_date"]) for r in ords] == [(name, body, enacted)]
    assert [s["quote"] for s in field_spans(ords[0], "name")][0] == name


@pytest.mark.parametrize("text", [
    "燕市の新しい中小企業振興条例\n2019年4月1日\n",  # prose on its own line, no number below
    "この春、燕市はがんばる中小企業応援条例\nを施行しました。\n",  # a sentence wrapped after a name
])
def test_a_line_without_a_number_below_is_no_header(nlp, text):
    _, recs = records_of(text)
    assert not any(r["name"].startswith(("燕市の", "この", "がんばる")) for r in recs if r["type"] == "ordinance")


@pytest.mark.parametrize("text, body", [
    # a page about a kind of ordinance, its update written after the date: no body, no date, no record
    ("観光振興に関する条例\n(令和7年4月19日更新)\n【概観】\n多くの自治体で観光振興に関する条例が制定されている。\n", None),
    ("中小企業振興基本条例\n2024年3月1日更新\n全国の自治体で制定が進んでいます。\n", None),
    # one city's ordinance: the record, without the page's date
    ("燕市中小企業振興基本条例\n(令和5年4月1日更新)\n市内の中小企業の振興を図るための条例です。\n", "燕市"),
    ("燕市中小企業振興基本条例\n2023年4月1日掲載\n市内の中小企業の振興を図るための条例です。\n", "燕市"),
])
def test_a_date_the_page_was_updated_under_the_heading_is_not_the_ordinances(nlp, text, body):
    _, recs = records_of(text)
    ords = [r for r in recs if r["type"] == "ordinance"]
    assert [r["municipality"] for r in ords] == ([body] if body else [])
    assert all(r["enacted_date"] is None and r["effective_date"] is None for r in ords)


@pytest.mark.parametrize("text, enacted, effective", [
    ("燕市ものづくり条例\n制定 平成30年3月20日 条例第3号\n施行 平成30年4月1日\n", "2018-03-20", "2018-04-01"),
    ("燕市ものづくり条例\n公布日:平成30年3月20日\n施行日:平成30年4月1日\n", "2018-03-20", "2018-04-01"),
    ("○燕市ものづくり条例\n【施行期日】平成30年4月1日\n", None, "2018-04-01"),
])
def test_a_header_line_keyed_in_force_gives_the_effective_date(nlp, text, enacted, effective):
    _, recs = records_of(text)
    (rec,) = [r for r in recs if r["type"] == "ordinance"]
    assert (rec["enacted_date"], rec["effective_date"]) == (enacted, effective)
    assert field_spans(rec, "effective_date")


@pytest.mark.parametrize("text, name, body, enacted", [
    # a rendered 例規 page: blank lines between the name, its date and its number; a name with および
    ("○青森の地場産業および地場産品の振興に関する条例\n\n平成29年3月24日\n\n青森県条例第9号\n\n"
     "青森の地場産業および地場産品の振興に関する条例をここに公布する。\n",
     "青森の地場産業および地場産品の振興に関する条例", "青森県", "2017-03-24"),
    ("ようこそ燕市ものづくり応援条例\n\n令和3年3月19日\n\n燕市条例第4号\n\n(目的)\n"
     "第1条 この条例は、ものづくりの振興に関し必要な事項を定める。\n", "ようこそ燕市ものづくり応援条例", "燕市", "2021-03-19"),
    ("みんなでつくる岡谷市商業振興条例\n\n(令和元年6月20日条例第11号)\n\n(目的)\n", "みんなでつくる岡谷市商業振興条例",
     "岡谷市", "2019-06-20"),
    ("がんばる小規模企業応援条例\n\n令和2年3月23日\n\n\n鳥取県条例第15号\n\n目次\n", "がんばる小規模企業応援条例", "鳥取県",
     "2020-03-23"),
])
def test_blank_lines_inside_a_header_count_for_nothing(nlp, text, name, body, enacted):
    _, recs = records_of(text)
    ords = [r for r in recs if r["type"] == "ordinance"]
    assert [(r["name"], r["municipality"], r["enacted_date"]) for r in ords] == [(name, body, enacted)]


def test_a_quoted_name_on_a_header_line_is_read_as_quoted(nlp):
    # the heading of a commentary page: the words before the quote are no part of the name
    _, recs = records_of("逐条解説『燕市中小企業振興基本条例』\n\n平成25年3月22日 燕市条例第6号\n\n前文\n")
    assert [r["name"] for r in recs if r["type"] == "ordinance"] == ["燕市中小企業振興基本条例"]
