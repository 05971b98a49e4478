"""Ordinances on pages nobody tuned for: drafts and plans give no record, the enacting body from
the sentence's subject or the page's assembly, a number line, a 公布文, and names the tokenizer
splits (…企業等…). Each text is made up for the case it shows (real bodies, invented events)."""
import hashlib

import pytest

from extractors.reading.normalize import normalize_text
from extractors.records.build import build_records, document_drafts
from schemas.document import Document


def _ordinances(text: str, title: str | None = None) -> dict[str, dict]:
    text = normalize_text(text)
    doc = Document(uri="file:///p.txt", sha256=hashlib.sha256(text.encode()).hexdigest(), media_type="text/plain",
                   title=title, text=text)
    recs, rejected = build_records([doc], [document_drafts(doc)])
    assert not rejected
    return {r["name"]: r for r in recs if r["type"] == "ordinance"}


@pytest.mark.parametrize("title, text", [
    ("青森市中小企業振興条例(案)への意見を募集します",
     "青森市中小企業振興条例(案)への意見を募集します\n更新日:2022年5月1日\n"
     "青森市中小企業振興条例とは\n「青森市中小企業振興条例(案)」は、市の姿勢を示すものです。\n意見募集期間 令和4年5月1日から5月31日"),
    ("弘前市産業振興基本条例(原案)を答申しました",
     "弘前市産業振興基本条例(原案)を答申しました\n審議会の会長が、市長に弘前市産業振興基本条例(原案)を答申しました。\n"
     "今後は議会の審議を経て、来年4月の施行を目指します。"),
    ("八戸市における振興条例の制定に向けて",
     "八戸市における「中小企業振興基本条例の制定に向けて」の取組を報告します。\n市議会でも質問が続いています。"),
    ("議会報告",
     "今議会では、議員提出の「十和田市商店街振興条例」が賛成少数で否決されました。\n次の議会でも取り上げます。"),
])
def test_drafts_plans_and_rejected_bills_give_no_record(nlp, title, text):
    assert _ordinances(text, title) == {}


def test_a_draft_later_made_is_an_ordinance(nlp):
    text = ("山形県中小企業振興条例\n議員提案による「山形県中小企業振興条例」が平成30年第2回定例会で可決され、4月1日に施行されます。\n"
            "なお、制定に先立ち「山形県中小企業振興条例(案)」への県民意見を募りました。")
    (o,) = _ordinances(text, title="山形県中小企業振興条例").values()
    assert (o["municipality"], o["effective_date"]) == ("山形県", "2018-04-01")  # the year of the sentence


@pytest.mark.parametrize("text, title, place, how", [
    # the subject of the sentence, past an aside in brackets; the city of a 県+市 chain
    ("宮城県石巻市(人口14万人)は、「小規模企業者振興条例」を議員提案で制定した。", "石巻市が振興条例を制定", "石巻市",
     "subject of the sentence"),
    # the one assembly the page reports from
    ("2019年6月20日\n本日、第300回定例福井県議会が閉会しました。\n議員提出の『中小企業の振興に関する条例』が可決されました。",
     "中小企業の振興に関する条例 可決 | 福井県議会議員の活動報告", "福井県", "assembly of the page"),
])
def test_enacting_body_from_the_page(nlp, text, title, place, how):
    (o,) = _ordinances(text, title).values()
    assert o["municipality"] == place
    (span,) = [s for s in o["sources"] if s["field"] == "municipality"]
    assert span["how"] == how and span["quote"] == place


def test_number_line_below_the_name(nlp):
    text = ("解説『帯広市中小企業振興基本条例』\n\nページ番号1234 更新日 2022年8月1日\n\n平成19年3月20日 帯広市条例第8号\n\n"
            "前文\n帯広市は、十勝の中心として発展してきた。")
    (o,) = _ordinances(text, title="解説『帯広市中小企業振興基本条例』").values()
    assert (o["enacted_date"], o["number"]) == ("2007-03-20", "平成19年3月20日帯広市条例第8号")
    assert {s["field"] for s in o["sources"]} >= {"name", "municipality", "enacted_date", "number"}


def test_name_with_a_suffix_token_is_read_whole(nlp):
    text = "○朝来市小規模企業等振興条例\n\n令和5年12月25日\n\n条例第34号\n\n(目的)\n第1条 この条例は、…"
    (o,) = _ordinances(text).values()
    assert (o["name"], o["municipality"], o["enacted_date"]) == ("朝来市小規模企業等振興条例", "朝来市", "2023-12-25")


def test_promulgation_gives_the_date(nlp):
    text = ("目次\n前文\n第1章 総則\n" + "本文の行。\n" * 14 +
            "秋田県中小企業振興条例をここに公布する。\n令和2年3月24日\n秋田県知事 名前\n秋田県中小企業振興条例\n")
    recs = _ordinances(text, title="秋田県中小企業振興条例")
    assert recs["秋田県中小企業振興条例"]["enacted_date"] == "2020-03-24"


@pytest.mark.parametrize("kana, places", [
    ("とやま", ("富山県", "富山市")), ("すみだ", ("墨田区",)), ("あおもり", ("青森県", "青森市")), ("ふくい", ("福井県", "福井市")),
    ("あいうえ", ()), ("青森", ()),
])
def test_places_read_as(kana, places):
    from extractors.language.readings import places_read_as
    assert places_read_as(kana) == places


def test_a_prefecture_in_kana_inside_the_name(nlp):
    text = "2012年に制定された条例\n「中小企業の振興に関するあおもり県民条例」\n「秋田市中小企業振興条例」\n"
    recs = _ordinances(text, title="2012年の振興条例")
    o = recs["中小企業の振興に関するあおもり県民条例"]
    assert o["municipality"] == "青森県"
    (span,) = [s for s in o["sources"] if s["field"] == "municipality"]
    assert (span["quote"], span["how"]) == ("あおもり", "prefecture in the name")


@pytest.mark.parametrize("first, effective", [
    ("この条例は、公布の日から施行する。", "2001-03-23"),  # in force on the day it was made
    ("この条例は、平成13年4月1日から施行する。", "2001-04-01"),
])
def test_supplementary_provisions(nlp, first, effective):
    text = ("○青森市商業振興条例\n\n平成13年3月23日\n\n条例第7号\n\n(目的)\n第1条 この条例は、商業の振興を図る。\n\n"
            f"附 則\n\n{first}\n\n附 則(平成20年3月25日条例第4号)\n\nこの条例は、平成20年4月1日から施行する。\n")
    (o,) = _ordinances(text).values()
    assert (o["enacted_date"], o["effective_date"], o["amended_dates"]) == ("2001-03-23", effective, ["2008-03-25"])


def test_an_ordinance_named_twice_is_one_record(nlp):
    text = ("青森県中小企業振興条例が施行されました\n「青森県中小企業振興条例」が令和2年3月24日に公布されました。\n"
            "この中小企業振興条例は、令和2年4月1日から施行されます。\n県は中小企業・小規模企業振興条例に基づき計画を作ります。")
    recs = _ordinances(text, title="青森県中小企業振興条例が施行されました")
    assert list(recs) == ["青森県中小企業振興条例"]
    o = recs["青森県中小企業振興条例"]
    assert (o["municipality"], o["enacted_date"]) == ("青森県", "2020-03-24")
