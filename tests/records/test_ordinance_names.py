"""Ordinance names read whole, the enacting body from the gazetteer, and the kinds of page that
state an ordinance: header lines, list rows, prose with verbs, self-references."""
import hashlib

import pytest

from extractors.reading.normalize import normalize_text
from extractors.records.build import build_records, document_drafts
from extractors.records.ordinances import extend_name, is_ordinance_name, municipality_prefix
from schemas.document import Document


@pytest.mark.parametrize("text, found, name", [  # found: the span the token rule gives
    ("○鶴岡市中小企業及び小規模企業振興条例", "小規模企業振興条例", "鶴岡市中小企業及び小規模企業振興条例"),
    ("佐倉市中小企業・小規模企業振興条例を施行します", "小規模企業振興条例", "佐倉市中小企業・小規模企業振興条例"),
    ("福井県地域産業の振興と雇用の創出に関する基本条例について", "創出に関する基本条例",
     "福井県地域産業の振興と雇用の創出に関する基本条例"),
    ("長野市商業者、工業者及び農業者の振興に関する条例", "振興に関する条例", "長野市商業者、工業者及び農業者の振興に関する条例"),
    ("市内経済の活性化を目指して長岡市中小企業振興基本条例を制定", "長岡市中小企業振興基本条例", "長岡市中小企業振興基本条例"),
    ("本市の中小企業振興条例", "中小企業振興条例", "中小企業振興条例"),  # a self-reference before の is no part
    ("前橋市の中小企業振興条例", "中小企業振興条例", "中小企業振興条例"),  # nor a bare place before の
    ("令和3年、中小企業振興条例を改正", "中小企業振興条例", "中小企業振興条例"),  # nor a date before 、
    ("産業課、商工振興条例の担当", "商工振興条例", "商工振興条例"),  # a comma outside a coordination ends it
    ("県内で2例目の乾杯推進条例", "乾杯推進条例", "乾杯推進条例"),  # nor a count of such ordinances
    ("全国で15番目の地酒条例", "地酒条例", "地酒条例"),
    ("合併前の脇町商工業振興条例の規定", "脇町商工業振興条例", "脇町商工業振興条例"),  # nor a time before の (合併前, 改正前)
])
def test_names_read_back_to_a_boundary(text, found, name):
    end = text.index(found) + len(found)
    start = extend_name(text, text.index(found), end)
    assert text[start:end].lstrip("○") == name


@pytest.mark.parametrize("name, place", [
    ("大府市中小企業振興基本条例", "大府市"),  # 府 inside a city name is no prefecture
    ("三重県・四日市市中小企業振興条例", "四日市市"),  # a list's 県・市: the city enacts
    ("北区中小企業振興基本条例", "北区"),
    ("中小企業都市振興条例", None),
    ("京都府中小企業応援条例", "京都府"),
])
def test_enacting_body_from_the_gazetteer(name, place):
    assert municipality_prefix(name) == place


@pytest.mark.parametrize("name, ok", [
    ("前橋市中小企業振興基本条例", True), ("新潟県中小企業振興条例", True),
    ("前条例", False), ("本条例", False), ("新条例の施行", False), ("令和2年3月30日条例", False),
    # an amendment annotation's abbreviated era year (平11条例11・…・一部改正), and a city that opens with an era's kanji
    ("平11条例", False), ("令3条例", False), ("平塚市商業振興条例", True),
])
def test_generic_references_are_not_names(name, ok):
    assert is_ordinance_name(name) is ok


def _doc(text: str, title: str | None = None) -> Document:
    text = normalize_text(text)
    return Document(uri="file:///o.txt", sha256=hashlib.sha256(text.encode()).hexdigest(), media_type="text/plain",
                    title=title, text=text)


def _ordinances(doc: Document) -> dict[str, dict]:
    recs, rejected = build_records([doc], [document_drafts(doc)])
    assert not rejected
    return {r["name"]: r for r in recs if r["type"] == "ordinance"}


def test_list_page_rows_take_the_heading_year(nlp):
    text = ("2015年に制定された産業振興条例の一覧\n(2015年12月1日現在)\n【県】\n 「岐阜県中小企業振興条例」\n"
            " 「ふるさと高知の産業振興条例」\n以上、2県\n【市町】\n 「三重県・四日市市中小企業振興基本条例」\n"
            " 「長野県・岡谷市ものづくりを応援する条例」\n以上、2市\n")
    recs = _ordinances(_doc(text, title="2015年の振興条例"))
    assert {n: (r["municipality"], r["enacted_date"]) for n, r in recs.items()} == {
        "岐阜県中小企業振興条例": ("岐阜県", "2015"),
        "ふるさと高知の産業振興条例": ("高知県", "2015"),
        "三重県・四日市市中小企業振興基本条例": ("四日市市", "2015"),
        "長野県・岡谷市ものづくりを応援する条例": ("岡谷市", "2015"),
    }


def test_prose_dates_bound_to_verbs(nlp):
    text = ("令和2年2月議会で「千葉県商店街活性化条例」が可決され、令和2年3月27日に公布、令和2年4月1日に施行されました。\n"
            "更新日 2024年1月5日")
    (o,) = _ordinances(_doc(text, title="千葉県商店街活性化条例")).values()
    assert (o["municipality"], o["enacted_date"], o["effective_date"]) == ("千葉県", "2020-03-27", "2020-04-01")


def test_self_reference_gives_the_page_ordinance_its_date(nlp):
    text = ("高崎市中小企業振興基本条例を制定しました\n\n地域経済の発展のため「高崎市中小企業振興基本条例」を制定しました。\n"
            "令和2年4月1日から本条例を施行します。\n\n更新日:2021年02月01日")
    (o,) = _ordinances(_doc(text, title="高崎市中小企業振興基本条例を制定しました")).values()
    assert (o["municipality"], o["effective_date"]) == ("高崎市", "2020-04-01")


def test_header_number_with_the_body_name_and_no_page_date(nlp):
    text = "○岡谷市中小企業及び小規模企業振興条例\n\n令和元年9月30日\n\n岡谷市条例第12号\n\n(目的)\n第1条 この条例は、…"
    (o,) = _ordinances(_doc(text)).values()
    assert (o["name"], o["municipality"], o["enacted_date"], o["number"]) == (
        "岡谷市中小企業及び小規模企業振興条例", "岡谷市", "2019-09-30", "令和元年9月30日岡谷市条例第12号")


def test_passing_reference_and_compounds_give_no_record(nlp):
    text = ("当会は、北海道中小企業振興条例にもとづき、金融機関と連携協定を結びました。\n"
            "中小企業振興基本条例素案検討委員会を設置しました。")
    assert _ordinances(_doc(text, title="連携協定を締結しました")) == {}


def test_a_date_before_the_name_is_no_part_of_it(nlp):
    text = "令和3年石岡市中小企業振興基本条例の施行について\n令和3年石岡市中小企業振興基本条例を令和3年4月1日から施行します。"
    names = set(_ordinances(_doc(text, title="石岡市の条例")))
    assert names == {"石岡市中小企業振興基本条例"}


def test_a_committee_examining_an_ordinance_gives_no_record(nlp):
    text = ("石岡市議会 > 2016-07-14\n平成28年石岡市中小企業振興基本条例に関する調査特別委員会(7月14日)\n"
            "1.日時 平成28年7月14日(木)午前10時 2.場所 第2委員会室\n"
            "○委員長 ただいまより中小企業振興基本条例に関する調査特別委員会を開催いたします。")
    assert _ordinances(_doc(text, title="石岡市中小企業振興基本条例に関する調査特別委員会")) == {}


def test_a_city_after_its_prefecture_enacts_alone(nlp):
    text = "【2007年4月25日】\n北海道帯広市では、中小企業振興基本条例が2007年4月1日から施行されました。"
    (o,) = _ordinances(_doc(text, title="中小企業振興基本条例が施行")).values()
    assert (o["municipality"], o["effective_date"]) == ("帯広市", "2007-04-01")
    (span,) = [s for s in o["sources"] if s["field"] == "municipality"]
    assert span["quote"] == "帯広市"


def test_two_names_joined_by_to_are_two_ordinances(nlp):
    text = "2013年には大分県中小企業活性化条例と宮崎県中小企業振興条例が制定されました。"
    recs = _ordinances(_doc(text, title="県の条例の制定状況"))
    assert {n: r["municipality"] for n, r in recs.items()} == {
        "大分県中小企業活性化条例": "大分県", "宮崎県中小企業振興条例": "宮崎県"}


def test_an_ordinance_as_the_means_of_something_else_is_passing(nlp):
    text = "岐阜県では施策が整理され、中小企業振興基本条例を通じた総括が可能になりました。"
    assert _ordinances(_doc(text, title="条例の到達点")) == {}


@pytest.mark.parametrize("sentence, field, value", [
    ("商店会との意見交換を経て、平成29年9月に議員提案としてこの条例が制定されました。", "enacted_date", "2017-09"),
    ("令和2年4月1日から、商店街の声を受けて本条例が施行されています。", "effective_date", "2020-04-01"),
    # two dates: which is the making's is not said
    ("平成28年に検討を始め、平成29年9月に議員提案としてこの条例が制定されました。", "enacted_date", None),
])
def test_the_one_date_before_a_self_reference_that_is_made(nlp, sentence, field, value):
    title = "石岡市商店街の活性化に関する条例が制定されました"
    (o,) = _ordinances(_doc(f"{title}\n{sentence}\n更新日 2018年6月22日", title=title)).values()
    assert o[field] == value


def test_a_name_without_its_place_is_the_pages_ordinance_of_that_name(nlp):
    text = ("「石川県中小企業振興条例」が施行されました\n県の中小企業施策の基本となる「中小企業振興条例」は、"
            "平成27年10月16日から施行されています。")
    (o,) = _ordinances(_doc(text, title="「石川県中小企業振興条例」が施行されました")).values()
    assert (o["municipality"], o["effective_date"]) == ("石川県", "2015-10-16")
    # two bodies with that name on the page: which one is not said
    two = ("石川県中小企業振興条例と富山県中小企業振興条例\n「中小企業振興条例」は、平成27年10月16日から施行されています。")
    recs = _ordinances(_doc(two, title="二つの条例"))
    assert all(r["effective_date"] is None for r in recs.values())


def test_a_header_without_its_place_on_a_citys_site_is_the_citys(nlp):
    text = "○中小企業振興条例\n平成30年12月21日\n条例第31号\n(目的)\n第1条 この条例は、市の中小企業の振興について定める。"
    (o,) = _ordinances(_doc(text, title="中小企業振興条例 | 石岡市")).values()
    assert (o["municipality"], o["enacted_date"]) == ("石岡市", "2018-12-21")
    (span,) = [s for s in o["sources"] if s["field"] == "municipality"]
    assert span["how"] == "publisher"
    (bare,) = _ordinances(_doc(text, title="中小企業振興条例")).values()  # no site: no body
    assert bare["municipality"] is None



@pytest.mark.parametrize("text, names", [
    # a list item that opens with a kana word after the comma of the item before
    ("2012年に香川県中小企業振興条例、ふるさと愛媛の中小企業振興条例、山形県中小企業振興条例が制定されました。",
     {"香川県中小企業振興条例": "香川県", "ふるさと愛媛の中小企業振興条例": "愛媛県", "山形県中小企業振興条例": "山形県"}),
    # a conjunction after the comma is no part of the next name
    ("2012年に香川県中小企業振興条例、および愛媛県中小企業振興条例が制定されました。",
     {"香川県中小企業振興条例": "香川県", "愛媛県中小企業振興条例": "愛媛県"}),
])
def test_list_items_that_open_with_kana(nlp, text, names):
    recs = _ordinances(_doc(text, title="県の条例"))
    assert {n: r["municipality"] for n, r in recs.items()} == names


@pytest.mark.parametrize("text, name, place", [
    # a noun or a date the token rule glued before the body that starts the name
    ("今回弘前市中小企業振興基本条例を制定しました。", "弘前市中小企業振興基本条例", "弘前市"),
    ("地域の振興を図るため弘前市中小企業振興基本条例を令和2年4月1日に施行しました。", "弘前市中小企業振興基本条例", "弘前市"),
    ("同日弘前市中小企業振興基本条例が施行されました。", "弘前市中小企業振興基本条例", "弘前市"),
    # a city written after its prefecture inside the name enacts it
    ("青森県弘前市中小企業振興基本条例が令和2年4月1日に施行されました。", "青森県弘前市中小企業振興基本条例", "弘前市"),
])
def test_the_name_starts_at_its_body(nlp, text, name, place):
    recs = _ordinances(_doc(text, title="お知らせ"))
    assert [(r["name"], r["municipality"]) for r in recs.values()] == [(name, place)]


def test_the_name_written_with_its_body_is_the_records_name(nlp):
    # a heading names the ordinance without its city, the body writes it whole: one record, named whole
    text = "中小企業振興基本条例を学ぶ\n\n青葉支部は11月22日、例会を開きました。7月3日に鶴岡市中小企業振興基本条例が施行されたことを受けたものです。"
    found = _ordinances(_doc(text, title="中小企業振興基本条例を学ぶ"))
    assert list(found) == ["鶴岡市中小企業振興基本条例"]
    assert found["鶴岡市中小企業振興基本条例"]["municipality"] == "鶴岡市"


@pytest.mark.parametrize("verb, field", [("施行", "effective_date"), ("制定", "enacted_date")])
def test_a_verb_between_the_date_and_the_name_says_which_date(nlp, verb, field):
    # (a relative clause: the verb stands before the name it qualifies)
    text = f"2019年4月に{verb}された鶴岡市中小企業振興基本条例では、市の責務を定めている。"
    (found,) = _ordinances(_doc(text)).values()
    other = "enacted_date" if field == "effective_date" else "effective_date"
    assert (found[field], found[other]) == ("2019-04", None)


@pytest.mark.parametrize("quoted", [
    "「鶴岡市地域を支える『がんばる中小企業』振興基本条例」",
    "「鶴岡市地域を支え\nる『がんばる中小企業』振興基本条例」",  # wrapped inside its open quote
])
def test_a_quoted_name_with_brackets_of_its_own_is_read_as_written(nlp, quoted):
    text = f"2016年12月19日、鶴岡市議会で{quoted}が可決されました。"
    assert list(_ordinances(_doc(text))) == ["鶴岡市地域を支える『がんばる中小企業』振興基本条例"]


def test_a_date_before_the_name_is_its_making_when_a_later_date_is_its_taking_effect(nlp):
    text = "鶴岡市は、2019年3月に中小企業振興基本条例を制定し、同年4月1日から施行しました。"
    (found,) = _ordinances(_doc(text)).values()
    assert (found["enacted_date"], found["effective_date"]) == ("2019-03", "2019-04-01")


@pytest.mark.parametrize("text", [
    "小千谷市議会は、「小千谷市の伝統的な織物を守り育てる条例」(通称:伝統織物条例)を可決しました。伝統織物条例は4月1日から施行されます。",
    "小千谷市は「小千谷市中小企業・小規模企業振興基本条例」(振興基本条例)を3月に制定しました。振興基本条例は4月1日から施行されます。",
])
def test_a_short_name_given_in_brackets_is_the_same_ordinance(nlp, text):
    recs = _ordinances(_doc(text, title="条例の制定"))
    assert len(recs) == 1
    assert next(iter(recs)).startswith("小千谷市")


@pytest.mark.parametrize("text", [
    "県内では、燕市が2016年11月に施行した「地酒で乾杯する条例」に次ぐ2例目の乾杯条例。\n",
    "長岡市の「日本酒で乾杯条例」は、県内で3件目の乾杯条例となった。\n",
])
def test_a_count_before_a_sort_of_ordinance_is_no_name(nlp, text):
    recs = _ordinances(_doc(text))
    assert not any("目の" in name for name in recs)


@pytest.mark.parametrize("text", [
    "岡谷市と燕市は、それぞれ中小企業振興基本条例を制定している。\n",
    "岡谷市と燕市は、おのおの中小企業振興基本条例を平成27年に制定した。\n",
])
def test_an_adverb_before_a_name_is_no_part_of_it(nlp, text):
    recs = _ordinances(_doc(text))
    assert recs and all(name == "中小企業振興基本条例" for name in recs)


@pytest.mark.parametrize("text, name", [
    ("燕市は、燕市観光おもてなし推進条例を制定した。\n", "燕市観光おもてなし推進条例"),  # a verb's noun form
    ("燕市は、燕市いきいき商店街条例を制定した。\n", "燕市いきいき商店街条例"),  # an adverb
    ("燕市は、燕市にぎわい創出条例を制定した。\n", "燕市にぎわい創出条例"),
])
def test_a_name_opening_with_its_body_holds_kana_words(nlp, text, name):
    assert list(_ordinances(_doc(text))) == [name]


@pytest.mark.parametrize("text", [
    "燕市でにぎわい創出条例の制定を目指す。\n",  # a particle after the place: no name of it
    "燕市をいきいきとさせる条例について学ぶ。\n",
])
def test_a_place_followed_by_a_particle_starts_no_name(nlp, text):
    assert not any(name.startswith("燕市") for name in _ordinances(_doc(text)))


@pytest.mark.parametrize("text, name", [
    ("岐阜県議会、観光おもてなし推進条例を可決\n岐阜県議会は本会議で、議員提案の条例を可決した。\n", "観光おもてなし推進条例"),
    ("高山市議会は、おもてなし観光条例を全会一致で可決した。\n", "おもてなし観光条例"),
    ("岡谷市は、観光おもてなし条例を平成30年4月1日から施行した。\n", "観光おもてなし条例"),
])
def test_an_honorific_verb_noun_inside_a_name(nlp, text, name):
    assert list(_ordinances(_doc(text))) == [name]
