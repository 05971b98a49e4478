"""A page's heading above its text (a page's <h1>, the title a PDF draws at its top) is read as a
page gives it: the records of the text are the same with it as without it. Each text is made up for
the case it shows (real bodies, invented events)."""
import pytest

from extractors.language.dates import document_date
from tests.records.built import records_of

KEYS = ("type", "series", "edition", "start_date", "end_date", "host", "theme", "declaration", "parties", "signed_date", "kind", "name",
        "municipality", "number", "enacted_date", "effective_date")


def _facts(records: list[dict]) -> list[dict]:
    out = []
    for r in records:
        facts = {k: r[k] for k in KEYS if r.get(k) not in (None, [])}
        if "parties" in facts:
            facts["parties"] = sorted(p["name"] for p in facts["parties"])
        out.append(facts)
    return sorted(out, key=repr)


@pytest.mark.parametrize("title, text, heading", [
    # a news item's date before its headline, below a breadcrumb: the heading is above both
    ("東西銀行、青葉市と連携(青葉経済)",
     "トップ > ニュース\n2019/05/21(火) 東西銀行、青葉市と連携\n東西銀行は5月20日、青葉市と「地域産業振興に関する覚書」を締結した。",
     "東西銀行、青葉市と連携(青葉経済)"),
    # the heading's own date: still the page's date
    ("【19.06.02】第9回青葉市産業フォーラムが開かれました",
     "【19.06.02】第9回青葉市産業フォーラムが開かれました\n6月1日、第9回青葉市産業フォーラムが青葉市で開かれた。",
     None),
    # the year in the name of the event the page opens with, below its heading
    ("青葉の産業フォーラム", "全国産業フォーラム in 青葉2016\n第5回の会合を10月3日に開いた。", "青葉の産業フォーラム"),
])
def test_the_page_date_is_read_below_a_heading(title, text, heading):
    alone = document_date(text, title)
    under = document_date(f"{heading}\n{text}", title) if heading else alone
    assert alone is not None and under is not None and (alone.date, alone.kind) == (under.date, under.kind)


def test_an_address_slug_as_heading_dates_nothing():
    assert document_date("aoba-sangyo_2016\n第3回の会合を開いた。", "aoba-sangyo_2016") is None


@pytest.mark.parametrize("title, text", [
    # a 例規集 page: its heading and then its own ○ line, date and number
    ("矢掛町中小企業振興基金条例",
     "○矢掛町中小企業振興基金条例\n昭和50年3月20日\n条例第8号\n(設置)\n第1条 中小企業の振興を図るため、基金を設置する。\n"
     "附則\nこの条例は、公布の日から施行する。\n附則(昭和55年条例第3号)\nこの条例は、昭和55年4月1日から施行する。"),
    # a short name in brackets after the heading's words (the publisher) is no short form of them
    ("東西商工会連合会と産学連携協定(青葉学院大学)",
     "2018.04.12.\n東西商工会連合会と産学連携協定\n東西商工会連合会(会長:山田一郎)と青葉学院大学は4月10日、産学連携に関する協定を結びました。"),
    # the lead sentence as the page's title: written twice, one agreement of one body with each named
    ("一宮商工会議所(愛知県)は2日、十六銀行、大垣共立銀行、いちい信用金庫の3金融機関との「事業者支援に関する協定書」を締結。",
     "一宮商工会議所(愛知県)は2日、十六銀行、大垣共立銀行、いちい信用金庫の3金融機関との「事業者支援に関する協定書」を締結。"
     "同日、同所で調印式も行った。\n同協定は、各金融機関との相互の協力で、地域の事業者を支えることを目的とする。"),
    # a hard-wrapped text (a PDF's lines) under a long heading that says the signing without 。: the
    # heading is whole, not the start of the lead sentence below it
    ("青葉大学 東西ホールディングス等と地域経済の発展に係る連携・協力に関する協定を締結",
     "5月12日(火)、青葉大学は、青葉市内のホテルにおいて、東西ホールディングス・東西銀行・南北銀行と"
     "地域経済の発展に係る連携・協力に関する協定を締結しました。\n協定の内容は次のとおりです。\n"
     "①青葉大学は、東西ホールディングス・東西銀行・南北銀行が地域経済の発展に貢献するた\n"
     "めに必要となる機能を発揮していくため、助言等を行う。\n"
     "②東西ホールディングス・東西銀行・南北銀行は、青葉大学が保有する特許等の知的財産を\n"
     "用いて起業する企業に対して、経営面・金融面での支援を行う。\n"
     "③各協定機関は、地域経済を支える金融機能を維持するために、相互に協力して人材の育成\n"
     "に努める。\n"
     "④各協定機関は、協定の実施に必要な事項について、別に定めるところにより協議を行\n"
     "うものとする。\n"
     "⑤この協定の期間は、締結の日から1年間とし、いずれかの機関から申出がない限り、\n"
     "同一の条件で更新されるものとする。\n"),
    # a page whose first line is its heading already: the title over it is the same heading again, and
    # the heading's rest (企画内容が決定) is no subtitle of the meeting
    ("第5回青葉ものづくりサミット 企画内容が決定 – 青葉市で初めて開催",
     "第5回青葉ものづくりサミット 企画内容が決定 – 青葉市で初めて開催\n配信日: 2019/08/02\n配信元: 青葉市\n"
     "第5回青葉ものづくりサミットは、11月7日から8日まで青葉市で開催されます。\n"),
])
def test_records_are_the_same_under_the_page_heading(nlp, title, text):
    _, alone = records_of(text, title)
    _, under = records_of(f"{title}\n{text}", title)
    assert alone and _facts(under) == _facts(alone)
