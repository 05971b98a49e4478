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
    # the provisional mark inside the quotes
    ("三沢市の新しい条例",
     "市は「(仮称)三沢市商店街振興条例」の骨子を示しました。\n商店街振興条例について市民の声を聞きます。"),
    # the making still ahead: 制定にあたり, a heading 「…の制定について」
    ("五所川原市の意見募集の結果",
     "五所川原市の意見募集の結果\n1.案件\n 五所川原市中小企業振興基本条例の制定について\n"
     "2.目的\n 「五所川原市中小企業振興基本条例」の制定にあたり、市民の意見を聞きました。\n"),
    # a consultation in the sentence after the name, a making planned, a draft named after the name
    ("お知らせ", "黒石市では、黒石市中小企業振興基本条例の制定について、市民の皆様のご意見を募集します。"),
    ("お知らせ", "黒石市は、来年度中に黒石市中小企業振興基本条例を制定する予定です。"),
    ("お知らせ", "黒石市中小企業振興基本条例の素案がまとまりました。"),
    # a making still ahead or a bill still pending, said later in the sentence
    ("ニュース", "黒石市では、黒石市中小企業振興基本条例が来年4月に制定される見込みです。"),
    ("ニュース", "黒石市は、黒石市中小企業振興基本条例を12月議会に提案する。"),
    ("ニュース", "黒石市中小企業振興基本条例は現在、議会で継続審議となっている。"),
    ("ニュース", "市は来年度、黒石市中小企業振興基本条例を制定したい考えだ。"),
    ("ニュース", "黒石市は中小企業振興基本条例の策定を進めている。"),
    # another body's ordinance taken as a model, a rule made under an ordinance
    ("同友会ニュース", "先進地である帯広市の中小企業振興基本条例を参考に、条例づくりを進めています。"),
    # a bill a party proposed, with nothing saying it was made
    ("県議団ニュース", "県議団は2010年に独自に青森県地域経済振興条例を提案し、その後も条例制定を求めてきました。"),
    # a section of the site in a breadcrumb line
    ("条例を制定しました", "ホーム > 議会の活動 > 議員提案条例 > 条例を制定しました\n長野県議会の活動をお知らせします。"),
    # a making by a count of bodies is the kind spreading, not this body's ordinance made
    ("同友会ニュース", "黒石市での中小企業振興基本条例制定に向けて学習会を開きました。中小企業振興基本条例は、"
                   "全国で300を超える自治体で制定されています。"),
    ("黒石市中小企業振興基本条例施行規則",
     "○黒石市中小企業振興基本条例施行規則\n平成28年3月31日\n規則第10号\n(趣旨)\n"
     "第1条 この規則は、黒石市中小企業振興基本条例(平成28年条例第5号)の施行に関し必要な事項を定めるものとする。"),
    # a headline saying the ordinance is still being worked on, the plan word before or after the name
    ("議員提案で検討進む…「燕市ものづくり条例」",
     "議員提案で検討進む…「燕市ものづくり条例」\n2月3日、3回目の検討委員会が開かれ、条例の素案について意見を交わしました。"),
    ("年度内の制定目指す 「見附市産業振興条例」",
     "年度内の制定目指す 「見附市産業振興条例」\n見附市は、産業振興条例の制定に向けた準備を進めている。"),
    ("「岡谷市公契約条例」制定へ 検討始まる",
     "「岡谷市公契約条例」制定へ 検討始まる\n市議会の各会派の代表が集まり、条例案の内容について話し合いました。"),
])
def test_drafts_plans_and_rejected_bills_give_no_record(nlp, title, text):
    assert _ordinances(text, title) == {}


@pytest.mark.parametrize("text", [
    "パブリックコメントを経て、黒石市中小企業振興基本条例を令和3年3月26日に制定しました。",
    "黒石市議会は、議員提案の黒石市中小企業振興基本条例を全会一致で可決した。",  # (議員提案の is no part of the name)
    "黒石市中小企業振興基本条例施行規則を定め、黒石市中小企業振興基本条例を令和3年4月1日から施行しました。",
])
def test_a_consultation_or_a_rule_before_the_making_leaves_the_ordinance(nlp, text):
    assert set(_ordinances(text, "お知らせ")) == {"黒石市中小企業振興基本条例"}


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


@pytest.mark.parametrize("tail, effective", [
    # the 附則 heading lost in rendering: the provision under its 施行期日 key, with its item number
    ("(施行期日)\n\n1 この条例は、平成13年4月1日から施行する。\n", "2001-04-01"),
    # 公布の日, and the header again in the page's 沿革 block below the amendment's provision
    ("この条例は、公布の日から施行する。\n\n(平成20年条例第4号)\n\nこの条例は、公布の日から施行する。\n\n"
     "青森市商業振興条例\n\n平成13年3月23日 条例第7号\n", "2001-03-23"),
    # only an amendment's provision is shown (under its bracketed number): the ordinance's own day is unknown
    ("(平成20年条例第4号)\n\nこの条例は、平成20年4月1日から施行する。\n", None),
])
def test_supplementary_provisions_without_their_heading(nlp, tail, effective):
    text = ("○青森市商業振興条例\n\n平成13年3月23日\n\n条例第7号\n\n(目的)\n第1条 この条例は、商業の振興を図る。\n\n"
            "第2条 この条例の施行に関し必要な事項は、規則で定める。\n\n" + tail)
    (o,) = _ordinances(text).values()
    assert (o["enacted_date"], o["effective_date"]) == ("2001-03-23", effective)


def test_a_header_line_name_no_rule_reads(nlp):
    """A 例規集 header whose name is kana and a verb (…を応援しよう条例): its date and number below say it is one."""
    text = ("○青森市みんなで地元の店を応援しよう条例\n\n平成30年3月20日\n\n条例第5号\n\n(目的)\n"
            "第1条 この条例は、地元の店の利用を広げることを目的とします。\n")
    (o,) = _ordinances(text).values()
    assert (o["name"], o["municipality"], o["enacted_date"]) == ("青森市みんなで地元の店を応援しよう条例", "青森市", "2018-03-20")


def test_a_kana_name_line_without_a_number_below_is_no_header(nlp):
    text = "○青森市みんなで地元の店を応援しよう条例\n\n市は、地元の店の利用を広げる取り組みを考えています。\n"
    assert _ordinances(text) == {}


def test_an_ordinance_named_twice_is_one_record(nlp):
    text = ("青森県中小企業振興条例が施行されました\n「青森県中小企業振興条例」が令和2年3月24日に公布されました。\n"
            "この中小企業振興条例は、令和2年4月1日から施行されます。\n県は中小企業・小規模企業振興条例に基づき計画を作ります。")
    recs = _ordinances(text, title="青森県中小企業振興条例が施行されました")
    assert list(recs) == ["青森県中小企業振興条例"]
    o = recs["青森県中小企業振興条例"]
    assert (o["municipality"], o["enacted_date"]) == ("青森県", "2020-03-24")


def _docs(*texts: tuple[str, str]) -> list[dict]:
    docs = []
    for i, (text, title) in enumerate(texts):
        text = normalize_text(text)
        docs.append(Document(uri=f"file:///p{i}.txt", sha256=hashlib.sha256(text.encode()).hexdigest(),
                             media_type="text/plain", title=title, text=text))
    recs, rejected = build_records(docs, [document_drafts(d) for d in docs])
    assert not rejected
    return [r for r in recs if r["type"] == "ordinance"]


def test_a_table_of_ordinances(nlp):
    """Rows of a ruled table (cells joined by tabs, as the readers give them): the name is its cell,
    kana and a verb inside it too; a name without its place takes the row's place cell; the year of
    the introduction's sentence dates the rows; a title naming another ordinance drops none."""
    text = ("2014年の振興条例\n"
            "2014年の1年間に、次の市町で商工業の振興を図る条例が制定されました。詳しくは各市町へ。\n"
            "県\t市町\t条例の名称\n"
            "三重県\t伊勢市\t伊勢市中小企業振興条例\n"
            "三重県\t名張市\t名張市のものづくりを応援する条例\n"
            "岐阜県\t岐阜県\tぎふ中小企業いきいき条例\n"
            "岐阜県\t大垣市\t大垣市商工業振興基本条例\n")
    recs = {r["name"]: r for r in _docs((text, "2014年に制定された中小企業振興基本条例の一覧"))}
    assert {n: (r["municipality"], r["enacted_date"]) for n, r in recs.items()} == {
        "伊勢市中小企業振興条例": ("伊勢市", "2014"), "名張市のものづくりを応援する条例": ("名張市", "2014"),
        "ぎふ中小企業いきいき条例": ("岐阜県", "2014"), "大垣市商工業振興基本条例": ("大垣市", "2014")}
    (place,) = [s for s in recs["ぎふ中小企業いきいき条例"]["sources"] if s["field"] == "municipality"]
    assert place["quote"] == "岐阜県" and place["how"] is None


def test_a_title_line_over_the_header_is_no_list(nlp):
    """A page (or a PDF) that prints its title above the 例規集 header names the ordinance twice on
    consecutive lines: one ordinance, dated and numbered by the header."""
    text = "伊勢市中小企業振興条例\n○伊勢市中小企業振興条例\n平成26年3月28日\n条例第9号\n(目的)\n第1条 この条例は、…\n"
    (o,) = _docs((text, "伊勢市中小企業振興条例"))
    assert (o["enacted_date"], o["number"]) == ("2014-03-28", "平成26年3月28日条例第9号")


def test_a_quoted_name_before_its_verb_without_a_space(nlp):
    """「…条例」可決 (a headline whose spaces the reader dropped) names the ordinance, and a sentence
    opening with 条例は dates it on a one-ordinance page: its 公布 (同月N日: the month before) wins
    over the day of the vote that stood near the name."""
    text = ("10月4日議員提出『中小企業・小規模企業振興条例』可決\n本日、岐阜県議会の定例会が閉会しました。\n"
            "議員提出の『中小企業・小規模企業振興条例』は、令和3年10月4日の本会議で可決されました。"
            "条例は同月8日に公布されました。\n")
    (o,) = _docs((text, "議員提出『中小企業・小規模企業振興条例』可決 | 議員の報告"))
    assert (o["municipality"], o["enacted_date"]) == ("岐阜県", "2021-10-08")
    (span,) = [s for s in o["sources"] if s["field"] == "enacted_date"]
    assert span["quote"] == "同月8日" and span["how"]


@pytest.mark.parametrize("text, title, kept", [
    # the ground of something else: no record, whatever the title says
    ("伊勢市は、伊勢市中小企業振興条例に基づき、専門家の派遣を始めました。", "伊勢市産業支援条例の改正について", False),
    ("名張市の商工会は、名張市商工業振興条例の趣旨に沿って事業を進めています。", "商工会と連携協定", False),
    # a name with its place, in a sentence that says nothing of its ground, on a page whose title
    # names another ordinance: kept (the title no longer decides)
    ("このほか、大垣市では大垣市商工業振興基本条例を全部改正しました。", "大垣市中小企業振興条例の概要", True),
])
def test_passing_references_rest_on_a_sign(nlp, text, title, kept):
    names = {r["name"] for r in _docs((text, title))}
    assert bool(names) == kept, names


def test_a_nameless_ordinance_joins_another_page_only_on_its_dates(nlp):
    """中小企業振興条例 of a page that leaves its place out is not another page's city's ordinance
    of the same short name unless their dates agree (a generic name is shared by hundreds of bodies)."""
    dated = "○中小企業振興条例\n平成30年12月21日\n条例第31号\n(目的)\n第1条 この条例は、…\n"
    other = "大垣市では、中小企業振興条例を制定し、商工会と連携しています。"
    recs = _docs((dated, "中小企業振興条例"), (other, "大垣市の中小企業振興条例"))
    assert sorted((r["municipality"] or "", r["enacted_date"] or "") for r in recs) == [
        ("", "2018-12-21"), ("大垣市", "")]


@pytest.mark.parametrize("text", [
    "今議会では、「十和田市中小企業振興条例」の一部改正案が否決されました。",
    "市は、十和田市中小企業振興条例の改正に向けて審議会を開きました。",
])
def test_an_amendment_planned_or_turned_down_leaves_the_ordinance(nlp, text):
    (o,) = _docs((text, "議会報告"))
    assert (o["name"], o["municipality"]) == ("十和田市中小企業振興条例", "十和田市")


def test_an_amending_ordinance_names_the_ordinance_it_amends(nlp):
    """「X条例の一部を改正する条例」 on an assembly's page: X; a bill voted down in another sentence
    makes neither the page a draft's nor X a plan."""
    text = ("3月定例会の主な議決\n市長提出の「花巻市中小企業振興条例の一部を改正する条例」を令和5年3月17日に可決しました。\n"
            "議員提出の「花巻市地場産業振興条例」は賛成少数で否決されました。\n")
    recs = _docs((text, "花巻市議会 議会だより"))
    assert [(r["name"], r["municipality"], r["amended_dates"]) for r in recs] == [
        ("花巻市中小企業振興条例", "花巻市", ["2023-03-17"])]


def test_a_bulleted_list_with_asides_under_an_as_of_heading(nlp):
    """・X条例(平成28年3月制定) rows are a list; the heading's as-of date (…現在) dates nothing, and the
    heading's kind of ordinance (県内市町村の…条例) is no record."""
    text = ("県内市町村の中小企業振興条例\n制定状況(令和5年4月1日現在)\n・奥州市中小企業振興基本条例(平成28年3月制定)\n"
            "・遠野市中小企業振興条例(平成29年12月制定)\n")
    recs = _docs((text, "県内市町村の中小企業振興条例"))
    assert sorted((r["name"], r["enacted_date"]) for r in recs) == [
        ("奥州市中小企業振興基本条例", "2016-03"), ("遠野市中小企業振興条例", "2017-12")]


def test_a_year_near_a_proposed_name_on_a_draft_page_is_no_making(nlp):
    """On a page whose title says it is about a draft, a name proposed in a year (平成29年にも、「…条例」
    などを提案) is one more name of the draft, not an ordinance made that year."""
    text = ("議会では、これまでも「(仮称)花巻市商店街振興条例」の制定が提案されてきました。"
            "平成29年にも、「花巻市商業振興に関する条例」などを提案しました。\n")
    assert _docs((text, "花巻市における振興条例の制定に向けての取組(議員報告)")) == []


def test_a_plan_without_a_place_is_not_another_bodys_ordinance(nlp):
    """X市に…条例の制定を求める (a plan, its body unnamed in the name) leaves Y市's ordinance of the same
    kind, made in 2015, a record."""
    text = ("同友会の支部は、釜石市に中小企業振興基本条例の制定を求める要望書を提出した。"
            "支部は2015年に制定された遠野市中小企業振興基本条例の例を紹介した。\n")
    recs = _docs((text, "同友会が市に要望"))
    assert [(r["name"], r["enacted_date"]) for r in recs] == [("遠野市中小企業振興基本条例", "2015")]


def test_a_sort_of_ordinance_and_a_fiscal_year_are_no_name_and_no_date(nlp):
    """県内初の理念型条例として…X市で…条例が制定: a description, not a name; 平成27年度 before a
    name (a breadcrumb of the year's topics) is a period, not the day it took effect."""
    got = _ordinances("青森県内初の理念型条例として、2014年4月に黒石市で中小企業振興条例が制定されました。\n",
                      title="各地の条例")
    assert [n for n in got if "理念型" in n or "初の" in n] == []
    got = _ordinances("トップ > 平成27年度の話題 >「青森県商店街振興条例」が施行されました\n本文です。\n",
                      title="「青森県商店街振興条例」が施行されました")
    assert got["青森県商店街振興条例"]["effective_date"] is None


@pytest.mark.parametrize("text, enacted, number", [
    # a key-value line of its making, not a line of the date and number alone
    ("弘前市中小企業振興基本条例のページ\n制定 平成26年3月20日 弘前市条例第5号\n改正 平成30年3月23日条例第10号\n",
     "2014-03-20", "平成26年3月20日弘前市条例第5号"),
    # the date and number in brackets on a line of their own, after a word
    ("弘前市の中小企業の振興について\n根拠となる条例:弘前市中小企業振興基本条例\n(公布 令和2年12月18日 条例第40号)\n",
     "2020-12-18", "令和2年12月18日条例第40号"),
])
def test_a_date_written_with_the_ordinance_number_dates_the_pages_ordinance(nlp, text, enacted, number):
    (o,) = _ordinances(text, "中小企業の振興").values()
    assert (o["enacted_date"], o["number"]) == (enacted, number)
    (span,) = [s for s in o["sources"] if s["field"] == "enacted_date"]
    assert span["quote"] == number.split("日")[0] + "日"


def test_an_amendments_number_dates_no_making(nlp):
    text = "弘前市中小企業振興基本条例が施行されています。\n改正 平成30年3月23日条例第10号\n"
    (o,) = _ordinances(text, "お知らせ").values()
    assert (o["enacted_date"], o["effective_date"]) == (None, None)


@pytest.mark.parametrize("text, field, value", [
    ("弘前市は弘前市中小企業振興基本条例を定めました。この条例は、市議会の議決を経て、令和2年4月1日付けで施行となりました。",
     "effective_date", "2020-04-01"),
    ("弘前市中小企業振興基本条例のあらまし 公布日:令和2年3月19日", "enacted_date", "2020-03-19"),
])
def test_the_one_date_of_a_sentence_bound_to_its_making(nlp, text, field, value):
    (o,) = _ordinances(text, "お知らせ").values()
    assert o[field] == value


def test_a_sentence_of_two_dates_dates_no_ordinance(nlp):
    text = "平成24年に青森県で条例ができ、弘前市中小企業振興基本条例は平成26年に施行されました。"
    recs = _ordinances(text, "同友会ニュース")
    assert recs and all(r["enacted_date"] is None for r in recs.values())


@pytest.mark.parametrize("text, title, kept", [
    # named beside others as an example, with nothing said of it
    ("会議では、弘前市中小企業振興基本条例や八戸市の取り組みが紹介された。", "同友会ニュース", False),
    ("意見交換では、参加者が弘前市中小企業振興基本条例の内容について質問した。", "勉強会の報告", False),
    # a sentence that says it was made or is in force, before or after the name
    ("弘前市中小企業振興基本条例が施行されて5年がたちました。", "同友会ニュース", True),
    ("昨年制定した弘前市中小企業振興基本条例を紹介します。", "お知らせ", True),
    # an amendment of it is spoken of: it exists
    ("委員会では、弘前市中小企業振興基本条例の一部改正について協議した。", "委員会の記録", True),
    # the page's title is the ordinance itself
    ("条例の内容を紹介します。\n弘前市中小企業振興基本条例は市の基本方針を示します。", "弘前市中小企業振興基本条例について", True),
    ("条例の内容を紹介します。\n弘前市中小企業振興基本条例は市の基本方針を示します。", "弘前市中小企業振興基本条例(解説)", True),
    # …but not a title about its draft
    ("条例の内容を紹介します。\n弘前市中小企業振興基本条例は市の基本方針を示します。", "弘前市中小企業振興基本条例の検討状況", False),
    ("条例の内容を紹介します。\n弘前市中小企業振興基本条例は市の基本方針を示します。", "弘前市中小企業振興基本条例(素案)", False),
    ("条例の内容を紹介します。\n弘前市中小企業振興基本条例は市の基本方針を示します。", "弘前市中小企業振興基本条例の概要案", False),
    ("条例の内容を紹介します。\n弘前市中小企業振興基本条例は市の基本方針を示します。", "弘前市中小企業振興基本条例の概要", True),
])
def test_an_ordinance_only_named_in_passing_gives_no_record(nlp, text, title, kept):
    names = set(_ordinances(text, title))
    assert bool(names) == kept, names


@pytest.mark.parametrize("text, title", [
    ("弘前市中小企業振興基本条例の内容をお知らせします。", "弘前市中小企業振興基本条例を制定しました"),
    ("市内の事業者向けに、弘前市中小企業振興基本条例は4月から施行となりました。", "お知らせ"),
    ("市は、弘前市中小企業振興基本条例を定めました。", "お知らせ"),
    # proposed and passed
    ("会派は弘前市中小企業振興基本条例を提案し、12月議会で可決されました。", "お知らせ"),
])
def test_more_ways_of_saying_an_ordinance_was_made(nlp, text, title):
    assert set(_ordinances(text, title)) == {"弘前市中小企業振興基本条例"}


@pytest.mark.parametrize("text", [
    "弘前市は、弘前市中小企業振興条例を「弘前市中小企業・小規模企業振興条例」に改めました。",
    "弘前市中小企業振興条例は、「弘前市中小企業・小規模企業振興条例」に改称されました。",
])
def test_an_undated_renaming_is_no_passing_mention(nlp, text):
    (o,) = _ordinances(text, "お知らせ").values()
    assert (o["name"], o["former_names"]) == ("弘前市中小企業・小規模企業振興条例", ["弘前市中小企業振興条例"])


@pytest.mark.parametrize("text, field, value", [
    # a news item's bare day, in the month of its date line
    ("2016年6月30日\n28日、弘前市議会で弘前市中小企業振興基本条例が成立しました。", "enacted_date", "2016-06-28"),
    # 昨年 and 今年 with a month, read against the page's own date (not a month-day with the page's year)
    ("2021年2月10日更新\n弘前市は昨年12月18日、弘前市中小企業振興基本条例を制定しました。", "enacted_date", "2020-12-18"),
    ("2021年9月1日更新\n今年4月に施行した弘前市中小企業振興基本条例の説明会を開きました。", "effective_date", "2021-04"),
])
def test_a_date_written_against_the_pages_own_date(nlp, text, field, value):
    (o,) = _ordinances(text, "お知らせ").values()
    assert o[field] == value


def test_a_relative_date_on_a_page_without_its_own_date_dates_nothing(nlp):
    (o,) = _ordinances("今年4月1日に施行された弘前市中小企業振興基本条例の説明会です。", "お知らせ").values()
    assert (o["enacted_date"], o["effective_date"]) == (None, None)


def test_an_assembly_in_the_clause_gives_its_body(nlp):
    text = "2016年6月30日\n28日、弘前市議会で、議員提案の中小企業振興基本条例が成立しました。"
    (o,) = _ordinances(text, "お知らせ").values()
    assert o["municipality"] == "弘前市"


@pytest.mark.parametrize("title, text, name, field, value", [
    ("産業振興基本条例を制定しました",
     "産業振興基本条例を制定しました\n市では、令和元年12月20日に「産業振興基本条例」を制定しました。\n"
     "この条例は、地域の産業を支える基本理念を定めるものです。",
     "産業振興基本条例", "enacted_date", "2019-12-20"),
    ("お知らせ", "本町は、商店街の活性化に関する条例を制定し、令和3年4月1日から施行しています。",
     "商店街の活性化に関する条例", "effective_date", "2021-04-01"),
    ("公契約条例について", "当市では、公契約条例を定め、令和4年4月1日から施行しています。",
     "公契約条例", "effective_date", "2022-04-01"),
])
def test_a_dated_ordinance_the_pages_unnamed_body_made(nlp, title, text, name, field, value):
    # the page's own body (市では, 本町は) made it, though the page never writes its name: a record
    # whose municipality is left for the reader (the page's address names it)
    o = _ordinances(text, title)[name]
    assert o[field] == value and o["municipality"] is None


@pytest.mark.parametrize("text", [
    # no date, no number: the kind of ordinance the page speaks of
    "市では、中小企業振興基本条例について学ぶ勉強会を開きました。",
    # a subject that is not the page's body: 各市町村は, 他の市は
    "各市町村は、2019年に中小企業振興基本条例を制定した例を参考にしています。",
])
def test_an_undated_or_anothers_placeless_ordinance_stays_a_kind(nlp, text):
    assert _ordinances(text, "お知らせ") == {}


def test_a_city_after_its_prefecture_before_の_is_no_part_of_the_name(nlp):
    text = ("研修で二つの例を学びました。\n"
            "福岡県田川市の中小企業振興基本条例は2015年に制定され、前文で市の歴史を述べています。\n")
    recs = _ordinances(text, title="研修の報告")
    assert list(recs) == ["中小企業振興基本条例"]
    assert (recs["中小企業振興基本条例"]["municipality"], recs["中小企業振興基本条例"]["enacted_date"]) == ("田川市", "2015")


def test_a_bare_name_two_bodies_share_is_not_dated_by_the_other_bodys_sentence(nlp):
    text = ("研修で二つの例を学びました。\n東京都墨田区は、全国で最初に中小企業振興基本条例が制定された区です。\n"
            "福岡県田川市の中小企業振興基本条例は2015年に制定されました。\n")
    recs = _docs((text, "研修の報告"))
    dates = {r["municipality"]: r["enacted_date"] for r in recs}
    assert dates == {"墨田区": None, "田川市": "2015"}


def test_a_name_of_kind_words_only_is_no_ordinance(nlp):
    text = "2015年に福岡県田川市が定めた中小企業振興基本条例は、比較的新しい振興基本条例です。\n"
    recs = _ordinances(text, title="研修の報告")
    assert list(recs) == ["中小企業振興基本条例"]


def test_the_day_of_an_event_the_making_names_is_not_the_making(nlp):
    text = ("2012年6月19日\n5月29日に「青森市中小企業振興基本条例」制定・報告会を開催しました。\n"
            "同条例は、3月13日に市議会で可決し、4月1日から施行されているものです。\n"
            "市は以前から青森市商店街振興条例も持っています。\n")
    recs = _ordinances(text, title="条例の報告会")
    o = recs["青森市中小企業振興基本条例"]
    assert (o["enacted_date"], o["effective_date"]) == (None, "2012-04-01")


def test_a_making_still_ahead_after_the_subject_particle(nlp):
    text = ("青森市に中小企業振興基本条例の制定を求めている商工会は7月16日、要望書を市長に手渡し、市側は「来年3月の議会で"
            "制定して4月に施行したい」と語りました。青森市中小企業振興基本条例は制定に向けて大きく動き出しました。\n")
    assert _ordinances(text, title="要望書を提出") == {}


def test_same_ordinance_dates_the_one_named_last_before_it(nlp):
    text = ("2012年6月19日\n市は「青森市中小企業振興基本条例」の説明会を開きました。\n"
            "同条例は、4月1日から施行されているものです。\n市は以前から青森市商店街振興条例も持っています。\n")
    recs = _ordinances(text, title="説明会の報告")
    assert recs["青森市中小企業振興基本条例"]["effective_date"] == "2012-04-01"


def test_the_page_heading_over_its_header_is_the_name_whole(nlp):
    """A rendered 例規集 page: its heading line, then the header's own name line over the date and number."""
    text = ("○青森市重要産業指定に関する条例\n○青森市重要産業指定に関する条例\n\n昭和45年3月20日\n\n条例第8号\n\n(目的)\n"
            "第1条 この条例は、市の産業の振興を図ることを目的とする。\n")
    recs = _ordinances(text, title="○青森市重要産業指定に関する条例")
    assert list(recs) == ["青森市重要産業指定に関する条例"]


def test_ordinances_cited_with_their_year_and_number_in_brackets(nlp):
    """A merged city's 例規集 page cites the towns' former ordinances, each with its own bracket: each takes
    its own year, number and town (no gazetteer of today holds a town merged away), not the year before it."""
    text = ("○美馬市商工業振興条例\n\n平成17年3月1日\n\n条例第90号\n\n(目的)\n第1条 この条例は、商工業の振興を図る。\n\n"
            "(経過措置)\n2 この条例の施行の日の前日までに、合併前の脇町商工業振興条例(平成3年脇町条例第5号)又は"
            "木屋平村商工業振興条例(昭和60年木屋平村条例第9号)の規定によりなされた手続は、この条例によりなされたものとみなす。\n")
    recs = _docs((text, "○美馬市商工業振興条例"))
    got = {r["name"]: (r["municipality"], r["enacted_date"], r["number"]) for r in recs}
    assert got["脇町商工業振興条例"] == ("脇町", "1991", "平成3年脇町条例第5号")
    assert got["木屋平村商工業振興条例"] == ("木屋平村", "1985", "昭和60年木屋平村条例第9号")
    assert got["美馬市商工業振興条例"][0] == "美馬市"


def test_a_bill_the_assembly_passed_is_the_ordinance(nlp):
    """条例案を可決: the tokenizer reads 条例案 as one word; the bill passed is the ordinance made."""
    text = "全国商工新聞(2019年5月20日付)\n青森県田子町議会は3月議会で中小企業・小規模企業振興基本条例案を可決しました。\n"
    recs = _ordinances(text, title="町で条例が成立")
    assert recs["中小企業・小規模企業振興基本条例"]["municipality"] == "田子町"


def test_a_bill_turned_down_is_no_ordinance(nlp):
    text = "青森県田子町議会は3月議会で中小企業・小規模企業振興基本条例案を否決しました。\n"
    assert _ordinances(text, title="町議会の報告") == {}


def test_a_making_demanded_is_a_plan(nlp):
    text = ("青森県田子町議会は3月議会で町の中小企業振興基本条例を可決しました。\n"
            "商工会は昨年10月に小規模企業振興基本条例の制定を要求していました。\n全国商工新聞(2019年5月20日付)\n")
    recs = _ordinances(text, title="町で条例が成立")
    assert "小規模企業振興基本条例" not in recs


def test_a_yearless_day_takes_the_year_word_of_its_sentence(nlp):
    text = ("青森県田子町議会は昨年の12月議会で「田子町中小企業振興基本条例」を可決し、12月16日から施行しました。\n"
            "全国商工新聞(2019年2月4日付)\n")
    recs = _ordinances(text, title="町で条例が成立")
    assert recs["田子町中小企業振興基本条例"]["effective_date"] == "2018-12-16"
