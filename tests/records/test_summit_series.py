"""Summits of series nobody listed: any noun phrase ending in a meeting word, editions written
as counts, theme and declaration cue words, the venue as host, and the meetings that are no
summit (committees, assembly sessions, meetings of states, one-off events). Every text is made
up for the case it shows; the model is the real ja_ginza."""
import hashlib

import pytest

from extractors.language import meetings
from extractors.reading.normalize import normalize_text
from extractors.records.build import build_records, document_drafts
from schemas.document import Document


def _summits(text: str, title: str | None = None) -> list[dict]:
    text = normalize_text(text)
    doc = Document(uri="file:///m.txt", sha256=hashlib.sha256(text.encode()).hexdigest(), media_type="text/plain",
                   title=title, text=text)
    recs, rejected = build_records([doc], [document_drafts(doc)])
    assert not rejected
    return [r for r in recs if r["type"] == "summit"]


# --- names, read from plain text (no model) ----------------------------------

@pytest.mark.parametrize("text, name", [
    ("第2回日独自治体交流会議が青森市で開かれた", "日独自治体交流会議"),
    ("第12回全国商工会女性部研究集会を開催", "全国商工会女性部研究集会"),
    ("第5回北陸ものづくり交流会に参加", "北陸ものづくり交流会"),
    ("第30回定時総会を開催しました", "定時総会"),
    ("第8回青森県商工会議所女性会連合会大会が開かれた", "青森県商工会議所女性会連合会大会"),  # not the 会議 of 会議所
    ("第3回「地域循環」全国首長サミットを開催", "「地域循環」全国首長サミット"),
    ("第7回目の東北市長会議が開かれた", "東北市長会議"),  # 第N回目の
    ("第41回 東北商工会議所女性会連合会 青森全国大会", "東北商工会議所女性会連合会 青森全国大会"),  # a heading's space
    ("2007年の第22回港町サミット以後は隔年開催", "港町サミット"),  # a time word after the name
    ("第35回 港町振興国民会議 全国大会 in 釧路", "港町振興国民会議 全国大会"),  # a heading's bare word after a space
    ("第35回 港町サミット 大会宣言", "港町サミット"),  # (not a declaration's word)
    ("第35回港町サミット 総会資料", "港町サミット"),
    ("第5回東北市長会議前日に視察を行った", "東北市長会議"),
])
def test_name_after_the_edition(text, name):
    at = text.index("回") + 1
    assert meetings.name_after(text, at).text == name


@pytest.mark.parametrize("text, names", [
    ("「青葉観光フォーラム」が開かれた。同フォーラムは今年で9回目。", ["青葉観光フォーラム", "同フォーラム"]),
    ("令和3年度東北観光振興大会in青森を開催した", ["東北観光振興大会"]),  # no leading year
    ("令和3年第2回定例会の報告", ["定例会"]),  # nor the edition before it
])
def test_names_in_a_stretch(text, names):
    assert [f.text for f in meetings.names_in(text, 0, len(text))] == names


@pytest.mark.parametrize("text, edition", [
    ("同フォーラムは今年で9回目。", "9"),
    ("今回が12回目となります。", "12"),
    ("5回目となる今大会は盛況でした。", "5"),
    ("青森での開催は4回目となる。", "4"),
    ("当市では平成6年に次いで3回目の開催です。", None),  # a count at one place
    ("今回開催されれば10年ぶり2回目となる。", None),
    ("北上、花巻に続いての5回目の地方開催となりました。", None),
    ("第19回となる今回は港の未来を話し合った。", "19"),  # 第N回 with a count's verb
])
def test_counted_editions(text, edition):
    found = meetings.counted_editions(text)
    assert (found[0].edition if found else None) == edition


@pytest.mark.parametrize("text, theme", [
    ("「未来へつなぐものづくり」をテーマに意見を交わした。", "未来へつなぐものづくり"),
    ("『地域の力、青森から』をキャッチフレーズとして大会を開催した。", "地域の力、青森から"),
    ("「創業百年、次の百年へ」のスローガンを掲げ、総会を開いた。", "創業百年、次の百年へ"),
    ("メインテーマ:「つながる港まち」", "つながる港まち"),
    ("今回のメインテーマは、「つながる港まち」。", "つながる港まち"),
    ("「『青森のりんご』が育てた産業」をテーマに、分科会を開いた。", "『青森のりんご』が育てた産業"),
    ("市長が「ものづくり都市・青森」をテーマに発表した。", None),  # a talk's title
    ("会長が「これからの経営」と題して講演した。", None),
    ("顧問が「青年経営者への期待」をテーマに特別報告。", None),  # a talk with a modifier before it
    ("記念講演では、「研究から世界へ」をテーマに語った。", None),  # a talk as the topic before it
    ("当日は「地域と世界」をテーマとしたパネルディスカッションを開いた。", None),
    ("「思いやりの地域づくり」と題した「青森アピール」を採択した。", None),  # the declaration's title
    ("「港から広がる商い」を大会テーマに記念講演が行われた。", "港から広がる商い"),  # the meeting's own cue
    ("今年のメインテーマは、木の文化と職人の技でした。", "木の文化と職人の技"),  # unquoted, a copula's complement
    ("テーマは決まっていません。", None),
    ("『港と未来』を合言葉に大会が開かれた。", "港と未来"),  # a watchword is the meeting's slogan
    ("大会では「港の未来を拓く」と題した大会決議を採択した。", None),  # a resolution's title
    # a quote the page never closes: the theme up to its cue
    ("「港とともに~海から学ぶまちづくり~をテーマに、5月12日に大会が開かれた。", "港とともに~海から学ぶまちづくり~"),
    ("「つながる商い、ひろがる港をスローガンとした大会で「青年部規約」が承認された。", "つながる商い、ひろがる港"),
    ("「港の経営をテーマに講演した。", None),  # still a talk's title
    ("「港の経営をテーマに」と題して講演した。", None),  # (a quote that closes after the cue)
])
def test_theme_cues(text, theme):
    found = meetings.themes(text, 0, len(text))
    assert (found[0].text if found else None) == theme


@pytest.mark.parametrize("text, declaration", [
    ("参加者は「青森アピール」を全会一致で採択した。", "青森アピール"),
    ("地域の発展に向けた大会宣言が採択されました。", "大会宣言"),
    ("最後に共同宣言の採択を行いました。", "共同宣言"),
    ("「東北『食の力による地域振興』行動宣言」を発表しました。", "東北『食の力による地域振興』行動宣言"),
    ("国は緊急事態を宣言しました。", None),
    ("議論の成果は、港町宣言としてまとめられました。", "港町宣言"),
    ("会は創立の日に「私たちは、地域の企業のために学ぶことを宣言」しました。", None),  # a quoted statement
])
def test_declaration_cues(text, declaration):
    found = meetings.declarations(text, 0, len(text))
    assert (found[0].text if found else None) == declaration


# --- records (real model) -----------------------------------------------------

def test_a_series_outside_the_old_vocabulary_with_its_venue(nlp):
    text = ("お知らせ\n2010年5月20日\n「第3回日独自治体交流会議」が弘前市において開催され、青森市長が出席しました。\n"
            "会議に参加した自治体は「弘前宣言」を採択しました。")
    (s,) = _summits(text)
    assert (s["series"], s["edition"], s["host"], s["declaration"]) == ("日独自治体交流会議", 3, "弘前市", "弘前宣言")


def test_host_is_the_venue_not_an_attending_mayor(nlp):
    text = "11月5日、八戸市長も出席し、三沢市の国際交流センターを会場に第6回北東北交流大会が開かれた。"
    (s,) = _summits(text)
    assert s["host"] == "三沢市"


@pytest.mark.parametrize("text, host", [
    ("第12回港町経営者交流会(港交)が開かれ、300人が参加した。", None),  # the series' short name in brackets
    ("第12回港町経営者交流会(略称、港交、港町協会主催)には300人が参加した。", None),
    ("第12回港町経営者交流会(釧路)が開かれ、300人が参加した。", "釧路市"),  # a place: completed by the gazetteer
    ("第12回港町経営者交流会(安土町)が開かれ、300人が参加した。", "安土町"),  # a town merged away, written whole
])
def test_a_bracket_after_the_series_is_a_host_only_when_it_is_a_place(nlp, text, host):
    (s,) = _summits(text, title="港町経営者交流会")
    assert s["host"] == host


def test_a_nickname_naming_a_prefecture_yields_to_the_city_the_page_holds_it_in(nlp):
    """〈青森大会〉 names the prefecture (and its seat, 青森市); the page says the meeting is held in a city
    of it: the host is that city. A city of another prefecture does not replace it: the nickname's city
    stays."""
    text = ("第9回港町経営者大会〈青森大会〉が開かれました。\n"
            "大会は2019年10月5日、八戸市の公会堂を会場に、全国から300人が集いました。\n")
    (s,) = _summits(text, title="港町経営者大会")
    assert s["host"] == "八戸市"
    (s,) = _summits(text.replace("八戸市", "宮古市"), title="港町経営者大会")
    assert s["host"] == "青森市"


def test_a_place_after_another_editions_name_is_not_the_pages_meetings_host(nlp):
    text = ("港町経営者大会のあゆみ\n第2回港町経営者大会が2019年10月5日に開かれました。\n"
            "前回の第1回港町経営者大会 in 釧路 に続く大会です。\n")
    drafts = _summits(text, title="第2回港町経営者大会")
    (s,) = [d for d in drafts if d["edition"] == 2]
    assert s["host"] != "釧路市"


def test_a_meeting_dated_by_its_month_has_no_end_date(nlp):
    (s,) = _summits("平成12年3月に第10回港町経営者大会が釧路市で開かれました。", title="港町経営者大会")
    assert (s["start_date"], s["end_date"]) == ("2000-03", None)
    assert not [e for e in s["sources"] if e["field"] == "end_date"]
    (s,) = _summits("平成12年3月10日に第10回港町経営者大会が釧路市で開かれました。", title="港町経営者大会")
    assert (s["start_date"], s["end_date"]) == ("2000-03-10", "2000-03-10")


def test_edition_from_a_count_with_the_page_date(nlp):
    text = ("青森観光フォーラム in むつ2011\n\n「青森観光フォーラム」が10月6日-7日の2日間、青森県むつ市で開かれ、"
            "300人が参加した。同フォーラムは今年で7回目。\n\n(青葉新報 11年10月20日号)")
    (s,) = _summits(text, title="青森観光フォーラム in むつ2011")
    assert (s["series"], s["edition"], s["start_date"], s["end_date"], s["host"]) == (
        "青森観光フォーラム", 7, "2011-10-06", "2011-10-07", "むつ市")
    (ed,) = [e for e in s["sources"] if e["field"] == "edition"]
    assert ed["quote"] == "7"


def test_theme_and_declaration_by_cue_words_on_a_one_meeting_page(nlp):
    text = ("第45回東北中小企業団体大会報告\n"
            "去る10月5日、『つなぐ力で地域を守る』をキャッチフレーズに、第45回東北中小企業団体大会が"
            "ホテル青森(青森県青森市)で開催されました。\n大会では地域の発展に向けた大会宣言が採択されました。")
    (s,) = _summits(text, title="第45回東北中小企業団体大会報告")
    assert (s["theme"], s["declaration"], s["host"]) == ("つなぐ力で地域を守る", "大会宣言", "青森市")


def test_the_same_edition_named_twice_is_one_record(nlp):
    text = ("第9回青森・秋田市長サミット\n第9回市長サミットの様子\n"
            "第9回青森・秋田市長サミットは、令和5年8月3日に秋田市において開催された。")
    (s,) = _summits(text, title="第9回青森・秋田市長サミット")
    assert (s["series"], s["edition"], s["start_date"], s["host"]) == ("青森・秋田市長サミット", 9, "2023-08-03", "秋田市")


def test_key_alone_on_its_line_gives_the_value_below(nlp):
    text = ("令和4年7月、青森市において、第3回定例会を開催いたしました。\n【開催日】\n令和4年7月14日(木)~15日(金)\n"
            "【会 場】\n青森県青森市 市民ホール")
    (s,) = _summits(text, title="東北ものづくり都市協議会 令和4年度 第3回定例会を開催しました(青森市)")
    assert (s["start_date"], s["end_date"], s["host"]) == ("2022-07-14", "2022-07-15", "青森市")


@pytest.mark.parametrize("title, text", [
    ("第1回青森市産業振興推進会議会議録", "第1回青森市産業振興推進会議\n日時 令和4年5月10日\n場所 青森市役所\n委員の意見を聞いた。"),
    ("条例の制定について", "令和2年第4回定例会において可決され、7月1日より「青森市商店街振興条例」が施行されました。"),
    ("第50回主要国首脳会議", "第50回主要国首脳会議(G7サミット)が広島市で開かれた。"),
    ("青森観光シンポジウムを開催", "11月5日に青森市で観光シンポジウムを開いた。200人が参加した。"),
    ("第10回青森りんごまつり", "第10回青森りんごまつりが青森市で開かれた。"),
    ("第2回青森市中小企業振興会議", "第2回青森市中小企業振興会議を市役所で開いた。委員から意見を聞いた。"),  # a city's own council
    ("議会だより", "令和5年第3回定例会の報告\n議員の一般質問をまとめました。"),  # an assembly's session
    ("議会の日程", "第4回青森市議会定例会は12月1日に開会します。"),
    # a company's meeting, a sports event, a contest
    ("株主総会", "第10回定時株主総会を6月25日に本社で開催しました。"),
    ("ゴルフ大会", "第15回青森市民ゴルフ大会が10月3日、青森市で開かれた。"),
    ("弁論大会", "第20回中学生英語弁論大会が11月3日、青森市で開かれた。"),
    # a festival's count (第12回を迎えた今回) is not of a contest named later on the page
    ("地域の宝を未来へ(2023年10月22日)",
     "2023年10月22日\n第12回青森市「産業まつり」が10月21日と22日に体育館で開かれました。\n"
     "第12回を迎えた今回は「地域の宝を未来へ」をテーマに、展示や販売が行われました。\n"
     "また、ステージではのど自慢大会も行われました。"),
])
def test_meetings_that_are_no_summit(nlp, title, text):
    assert _summits(text, title) == []


def test_a_host_written_in_kana_is_read_by_its_reading(nlp):
    text = "全国ものづくりフォーラム in ふくい2012\n\n全国ものづくりフォーラムが10月4日に開かれた。今回が6回目となる。"
    (s,) = _summits(text, title="全国ものづくりフォーラム in ふくい2012")
    assert (s["edition"], s["start_date"], s["host"]) == (6, "2012-10-04", "福井県")
    (host,) = [e for e in s["sources"] if e["field"] == "host"]
    assert host["quote"] == "ふくい"


def test_an_attending_official_is_no_venue(nlp):
    from extractors.records.build import candidates
    from extractors.records.context import DocContext
    from extractors.records.meeting_page import venue
    text = normalize_text("第3回東北交流大会の式典は三沢市長において執り行われた。")
    doc = Document(uri="file:///v.txt", sha256="0", media_type="text/plain", text=text)
    assert venue(DocContext.build(doc, candidates(doc)), 0, len(text)) is None


def test_history_list_lines_give_their_host(nlp):
    text = ("東北ものづくりサミットの歩み\nこれまでの開催地\n第1回大会 1997年5月 青森市\n第2回大会 1999年6月 秋田県秋田市\n第3回大会 2001年7月 盛岡市長が開会宣言\n")
    summits = {s["edition"]: s for s in _summits(text, title="東北ものづくりサミットの歩み")}
    assert {n: (s["series"], s["start_date"], s["host"]) for n, s in summits.items()} == {
        1: ("東北ものづくりサミット", "1997-05", "青森市"),
        2: ("東北ものづくりサミット", "1999-06", "秋田市"),
        3: ("東北ものづくりサミット", "2001-07", None),  # a mayor is no host
    }


def test_the_organisers_bare_meeting_and_its_named_heading_are_one(nlp):
    """…連合会の第23回全国大会 names the organiser's 全国大会; with the heading's 第23回…連合会 下関全国大会
    it is one meeting; the venue before で第N回…を開き is the host."""
    text = ("第23回 全国商工会女性部連合会 下関全国大会\n"
            "全国商工会女性部連合会は5月18日、山口県下関市の海峡メッセで第23回全国大会を開きました。\n")
    (s,) = _summits(text, title="第23回 全国商工会女性部連合会 下関全国大会")
    assert (s["edition"], s["host"]) == (23, "下関市")
    bare = _summits("全国商工会女性部連合会の第23回全国大会が下関市で開かれました。", title="女性部の活動")
    assert [b["series"] for b in bare] == ["全国商工会女性部連合会全国大会"]
    (span, *_) = [e for e in bare[0]["sources"] if e["field"] == "series"]
    assert span["how"] == "organiser named before the edition"


def test_a_subtitle_under_the_heading_is_the_theme(nlp):
    """The line under the meeting's heading, a phrase and no sentence, date or name, is its theme; a
    short name of the meeting before it on the line is no part of it; a line of nouns is not."""
    text = ("第8回港まちサミット\n港まちサミット 海とともに生きるまちへ\n"
            "令和4年10月7日、第8回港まちサミットが釧路市で開かれました。\n")
    (s,) = _summits(text, title="第8回港まちサミット")
    assert s["theme"] == "海とともに生きるまちへ"
    plain = _summits("第8回港まちサミット\n釧路市観光国際交流センター\n令和4年10月7日、第8回港まちサミットが"
                     "釧路市で開かれました。\n", title="第8回港まちサミット")
    assert plain[0]["theme"] is None
    lede = _summits("第8回港まちサミットを開催\n\n120団体から1,500名が出席\n\n港まちサミットは10月7日、釧路市で"
                    "「第8回港まちサミット」を開催しました。\n", title="第8回港まちサミットを開催")
    assert lede[0]["theme"] is None  # a report's lede with a headcount is no theme


@pytest.mark.parametrize("line", [
    "大会旗が次の開催地に手渡されました!",  # a report's sentence (a polite predicate)
    "会場では参加者による活発な討議と交流の",  # a sentence the page wraps onto the next line
    "港まちの未来について語り合うことが",
    "Xでポスト",  # a share button's label
    "開会のあいさつをする港まち協議会の山田会長",  # a photo's caption naming a person
    "表彰を受けた釧路市の佐藤太郎氏",
])
def test_a_line_under_the_heading_that_is_no_phrase_is_no_theme(nlp, line):
    """The subtitle reader takes a phrase (a slogan) only: not a report's sentence, a wrapped
    sentence's first line or a share button."""
    text = f"第8回港まちサミット\n{line}\n令和4年10月7日、第8回港まちサミットが釧路市で開かれました。\n"
    (s,) = _summits(text, title="第8回港まちサミット")
    assert s["theme"] is None
    slogan = _summits(f"第8回港まちサミット\n海とともに生きるまちへ!\n{text.split(chr(10), 2)[2]}", title="第8回港まちサミット")
    assert slogan[0]["theme"] == "海とともに生きるまちへ!"
    (span,) = [e for e in slogan[0]["sources"] if e["field"] == "theme"]
    assert span["rule"] == "summit-subtitle"


def test_today_dates_the_meeting_by_the_page_and_the_next_meeting_is_no_venue(nlp):
    text = ("第9回港まちサミット in 根室\n本日、根室市の市民会館において第9回港まちサミットが開かれ、全国から300名が集いました。\n"
            "次回は稚内市で開かれます。\n2023年10月6日\n")
    (s,) = _summits(text, title="第9回港まちサミット in 根室")
    assert (s["start_date"], s["host"]) == ("2023-10-06", "根室市")
    (span, *_) = [e for e in s["sources"] if e["field"] == "start_date"]
    assert span["quote"] == "本日" and span["how"] == "date of the document (本日)"
    other = _summits("第9回港まちサミット\n港町の経営者が集まりました。次回は稚内市で開かれます。\n", title="第9回港まちサミット")
    assert other[0]["host"] is None


def test_a_blog_post_line_dates_the_page(nlp):
    """by … | date time | category: the page's date, the year of 今年は…で開かれます."""
    text = ("港まちサミットの準備会\n今年の第10回港まちサミットは、稚内市で開かれます。\n"
            "by minato | 2016-08-06 18:38 | 活動日誌 | Comments(0)\n")
    (s,) = _summits(text, title="港まちサミットの準備会")
    assert (s["edition"], s["start_date"], s["host"]) == (10, "2016", "稚内市")


def test_a_reader_that_drops_spaces_keeps_the_host_and_the_declaration(nlp):
    """A PDF's reader joins 「港まちサミット in 根室 開催」 and 「第9回港まちサミット 根室宣言」: the place
    is the longest start of the run the gazetteer knows, the declaration the name before 宣言."""
    text = ("港まちサミット in 根室開催\n第9回港まちサミット根室宣言\n第9回港まちサミットが令和5年10月6日に開かれました。\n"
            "根室市の市民会館に全国から300名が集いました。\n")
    (s,) = _summits(text, title="港まちサミット in 根室開催")
    assert (s["edition"], s["host"], s["declaration"]) == (9, "根室市", "根室宣言")
    assert _summits("第3回青葉市長会議で宣言しました。", title="会議")[0]["declaration"] is None


def test_a_declaration_heading_with_a_bullet_is_the_name_without_it(nlp):
    """A page's heading of the declaration's text, marked as a list item (■松本宣言, ● 大会宣言(全文)): the
    name, not the mark."""
    for line, name in (("■松本宣言", "松本宣言"), ("● 大会宣言(全文)", "大会宣言")):
        text = (f"第5回全国ものづくりサミット\n日時 2019年10月5日\n会場 松本市\n{line}\n"
                "私たちは、ものづくりを通じて地域の未来を拓くことを誓います。\n")
        (s,) = _summits(text, title="第5回全国ものづくりサミット")
        assert (s["host"], s["declaration"]) == ("松本市", name)


def test_a_bare_meeting_of_one_page_is_not_another_pages(nlp):
    """第2回定例会 of two pages that name no series: two meetings, two ids (the pages' bodies differ)."""
    docs = []
    for i, text in enumerate(["第2回定例会を釧路市で開きました。", "第2回定例会を根室市で開きました。"]):
        text = normalize_text(text)
        docs.append(Document(uri=f"file:///m{i}.txt", sha256=hashlib.sha256(text.encode()).hexdigest(),
                             media_type="text/plain", title="定例会のご報告", text=text))
    recs, _ = build_records(docs, [document_drafts(d) for d in docs])
    summits = [r for r in recs if r["type"] == "summit"]
    assert sorted(r["host"] for r in summits) == ["根室市", "釧路市"] and len({r["id"] for r in summits}) == 2


def test_editions_listed_with_their_date_and_place(nlp):
    """第1回(2014年)高崎市、第2回(2015年)前橋市: editions of the page's series, each with its year and
    host; they are past meetings, so the page's own meeting keeps its details."""
    text = ("全国商品券サミットについて\n全国商品券サミットは、地域の商品券に取り組む団体が集まる会議です。"
            "これまでの開催地は、第1回(2014年)高崎市、第2回(2015年)前橋市です。\n"
            "第3回全国商品券サミットは、令和5年11月9日に桐生市で開かれます。\n")
    recs = {s["edition"]: s for s in _summits(text, title="全国商品券サミットについて")}
    assert {n: (s["series"], s["start_date"], s["host"]) for n, s in recs.items()} == {
        1: ("全国商品券サミット", "2014", "高崎市"), 2: ("全国商品券サミット", "2015", "前橋市"),
        3: ("全国商品券サミット", "2023-11-09", "桐生市")}


@pytest.mark.parametrize("text", [
    "令和5年第4回定例会の結果\n令和5年第4回定例会が12月20日に閉会し、議案15件を可決しました。\n",
    "盛岡市議会の第4回定例会が12月20日に開かれました。\n",
])
def test_an_assembly_session_named_in_a_heading_too(nlp, text):
    """A session is one in every sentence that names it (the heading too), and an assembly named as
    its organiser makes it one."""
    assert _summits(text, title="議会の結果") == []


def test_a_councils_session_is_no_assemblys(nlp):
    """協議会 (a council of cities) holds 議会 in its name but is no assembly: its 第1回定例会 is a meeting."""
    text = "港まちネットワーク推進協議会 令和3年第1回定例会のご報告\n令和3年5月20日、第1回定例会を釧路市で開きました。\n"
    (s,) = _summits(text, title="港まちネットワーク推進協議会 令和3年第1回定例会のご報告")
    assert (s["edition"], s["host"], s["start_date"]) == (1, "釧路市", "2021-05-20")


# --- pages nobody tuned for, third round (issue 22) ---------------------------------

def test_the_page_meeting_named_by_a_self_reference(nlp):
    """第3回の本大会 is the page's 大会, not a series called 本大会; a nickname in brackets after the
    name (全国大会〈青森大会〉) is no part of it."""
    assert meetings.name_after("第3回の本大会では", len("第3回")).text == "大会"
    assert meetings.name_after("第3回同サミットが", len("第3回")).text == "サミット"
    assert meetings.name_after("第3回本会議で", len("第3回")) is None
    assert [f.text for f in meetings.names_in("第2回全国大会〈青森大会〉", 0, 14)] == ["全国大会", "青森大会"]
    assert meetings.is_nickname("青森大会") and meetings.is_nickname("秋田全国大会")
    assert not meetings.is_nickname("全国大会") and not meetings.is_nickname("港まち大会")


def test_a_page_listing_several_series_gives_each_its_editions(nlp):
    """An encyclopedia's list: each series, then its editions as 第N回サミット; a bare サミット is
    the series named last before it, and no edition takes another entry's venue or date."""
    text = ("港まちサミット 港のある町が集まる会議。1990年第一回サミットが開かれた。2012年の第20回サミット(釧路市)を"
            "最後に終わった。 全国りんごサミット りんごの産地が集まる。2005年、第1回サミットが青森県弘前市で開催。"
            "2010年の第6回サミット(長野県飯田市)には30市町村が参加した。")
    got = {(s["series"], s["edition"]): (s["start_date"], s["host"]) for s in _summits(text, title="産地の連携")}
    assert got == {("港まちサミット", 1): ("1990", None), ("港まちサミット", 20): ("2012", "釧路市"),
                   ("全国りんごサミット", 1): ("2005", "弘前市"), ("全国りんごサミット", 6): ("2010", "飯田市")}


def test_a_date_of_another_edition_is_not_the_pages_meeting(nlp):
    """On the page of the 30th meeting, the founding story of the first (its date and place) stays
    with the first."""
    text = ("第30回港まち研究集会in釧路\n"
            "1990年6月2日に港まち協会が生まれ、その年の7月に根室市で第1回港まち研究集会を開きました。\n"
            "今回も多くの参加をお待ちしています。\n")
    got = {s["edition"]: (s["start_date"], s["host"]) for s in _summits(text, title="第30回港まち研究集会in釧路")}
    assert got[30] == (None, "釧路市")


def test_a_history_page_gives_each_heading_its_key_lines(nlp):
    """第N回 headings, each over its own 開催地/開催日/スローガン lines: each meeting its own values,
    the day below replacing the year in the heading."""
    text = ("大会のあゆみ\n\n第1回全国大会〈弘前大会〉1990年\n\n開催地:青森県弘前市(市民会館)\n開催日:平成2年9月8日(土)\n"
            "参加者:300名\n「港と山をつなぐ若い力」をスローガンに開かれた。\n\n第2回全国大会〈盛岡大会〉1991年\n\n"
            "開催地:岩手県盛岡市\n開催日:平成3年10月5日(土)\n参加者:400名\n")
    got = {s["edition"]: (s["start_date"], s["host"], s["theme"]) for s in _summits(text, title="大会のあゆみ")}
    assert got == {1: ("1990-09-08", "弘前市", "港と山をつなぐ若い力"), 2: ("1991-10-05", "盛岡市", None)}


def test_a_heading_naming_a_meeting_by_its_year_with_a_date_below(nlp):
    """An announcement: 2.令和4年度…全国大会 開催概要 over 開催時期 / 開催地 bullets is a meeting with
    no edition; (参考)本年度の… over its own lines another; a heading with no date below is none."""
    text = ("2021年6月1日\n\n次の大会の開催地が決まりました。\n\n1.趣旨\n\n地域の工芸を広めます。\n\n"
            "2.令和4年度全国こけし大会開催概要\n\n• 主催 こけし協会\n\n• 開催時期 令和4年10月1日(土)~2日(日)\n\n"
            "• 開催地 宮城県白石市\n\n(参考)本年度の全国こけし大会\n\n• 開催時期 令和3年9月4日(土)\n\n"
            "• 開催場所 宮城県蔵王町 ふるさと文化会館\n")
    got = {s["start_date"]: (s["series"], s["edition"], s["host"]) for s in _summits(text, title="開催地の決定")}
    assert got == {"2022-10-01": ("全国こけし大会", None, "白石市"), "2021-09-04": ("全国こけし大会", None, "蔵王町")}
    assert _summits("令和4年度全国こけし大会について\n\n大会の準備を進めています。参加者を募集します。\n",
                    title="令和4年度全国こけし大会について") == []
    assert _summits("令和4年度こけし推進会議\n\n• 日時 令和4年5月1日\n\n• 場所 宮城県白石市\n", title="会議") == []


def test_an_edition_counted_before_a_fiscal_year(nlp):
    """第41回目となる令和6年度は…で開催: the 41st meeting of the page's series, held there."""
    assert meetings.counted_editions("第12回目となる令和6年度は弘前市で開催")[0].edition == "12"
    assert meetings.counted_editions("5回目を迎えた2019年の大会")[0].edition == "5"
    text = ("全国こけし大会は、毎年秋に各地で開かれているものです。\n第12回目となる令和6年度は、10年ぶりに宮城県で開催されます。\n")
    (s,) = _summits(text, title="全国こけし大会")
    assert (s["series"], s["edition"], s["host"]) == ("全国こけし大会", 12, "宮城県")


def test_a_news_item_dates_its_meeting_by_a_bare_day(nlp):
    """「…サミット2019」が20日、…で始まった: the series' year, the day read against the paper's
    credit line (its month), the venue before で始まった; 「…宣言」 in typographic quotes."""
    text = ("全国の産地が集まる「全国こんにゃくサミット2019」が20日、群馬県下仁田町で始まった。"
            "参加者は“こんにゃく宣言”を採択した。\n\n青葉新報WEB 2019.5.21 08:10\n")
    (s,) = _summits(text, title="こんにゃくサミット始まる")
    assert (s["series"], s["edition"], s["start_date"], s["host"], s["declaration"]) == (
        "全国こんにゃくサミット", None, "2019-05-20", "下仁田町", "こんにゃく宣言")
    (day,) = [e for e in s["sources"] if e["field"] == "start_date"]
    assert day["quote"] == "20日" and day["how"] == "month and year from the document date"
    later = _summits("「全国こんにゃくサミット2019」が28日から群馬県下仁田町で開かれる。\n\n青葉新報WEB 2019.5.21 08:10\n",
                     title="こんにゃくサミット")
    assert later[0]["start_date"] == "2019-05-28"  # announced: on or after the paper's day


def test_a_series_year_and_its_place_without_in(nlp):
    """…サミット2019浜松 (no in): the year names the meeting, the place right after it hosts it."""
    text = "港まち国際サミット2019釧路\n\n開催日\n2019年10月23日(水曜日)\n開催地\nまちなか会議センター\n"
    (s,) = _summits(text, title="港まち国際サミット2019釧路")
    assert (s["series"], s["start_date"], s["host"]) == ("港まち国際サミット", "2019-10-23", "釧路市")


def test_an_edition_whose_name_comes_later_or_before(nlp):
    """第30回という節目に…「X」を開催する: the 30th X (the page's meeting, the one it opens with);
    an edition in brackets after 開催 (若葉市での開催(第9回)) is the series named before it."""
    text = ("港まち交流会 in 弘前\n\n第30回という節目において、新しい発想で「港まち交流会」を開催する。\n\n"
            "1990年6月2日、5つの港町から集まった30名が八戸に集まり、「第1回港まち交流会」が開かれました。\n")
    got = {s["edition"]: (s["series"], s["host"]) for s in _summits(text, title="港まち交流会 in 弘前")}
    assert got == {30: ("港まち交流会", "弘前市"), 1: ("港まち交流会", "八戸市")}
    text = ("全国りんごサミット りんごの産地が集まる。2012年、長野県飯田市での開催(第9回)では40市町村が集まった。"
            "第3回の会合で決まった事業を続けている。")
    got = {s["edition"]: (s["series"], s["start_date"], s["host"]) for s in _summits(text, title="産地")}
    assert got == {9: ("全国りんごサミット", "2012", "飯田市")}


def test_spaced_keys_a_venue_in_brackets_and_a_declaration_read_out(nlp):
    """日 時:… and 会　場　… (spaces inside the key), (会場:X市) after the heading's name, a
    declaration read out (大会宣言を読み上げ)."""
    text = ("第50回東北女性会連合会 秋田全国大会に参加しました。\n日 時:令和元年9月26日(木)〜27日(金)\n"
            "会　場　秋田市立体育館\n大会では、全員で大会宣言を読み上げ、採択しました。\n")
    (s,) = _summits(text, title="全国大会に参加しました")
    assert (s["start_date"], s["end_date"], s["host"], s["declaration"]) == ("2019-09-26", "2019-09-27", "秋田市",
                                                                             "大会宣言")
    (s,) = _summits("第5回全国かまぼこサミット(会場:小田原市)\n\n全国のかまぼこ産地が集まりました。\n",
                    title="第5回全国かまぼこサミット")
    assert s["host"] == "小田原市"


def test_a_nickname_run_on_after_the_series_names_the_host(nlp):
    """第27回全国椿サミット五島大会: the series is 全国椿サミット, 五島大会 names the place; a tail
    that is no place (…サミット記念大会) stays in the name."""
    assert meetings.without_nickname("全国椿サミット五島大会") == "全国椿サミット"
    assert meetings.without_nickname("全国椿サミット記念大会") == "全国椿サミット記念大会"
    assert meetings.without_nickname("五島大会") == "五島大会"
    (s,) = _summits("第27回全国椿サミット五島大会が開催され、全国から800名が参加しました。\n", title="椿サミット")
    assert (s["series"], s["host"]) == ("全国椿サミット", "五島市")


def test_a_page_date_outside_the_meetings_stated_year_is_not_its_date(nlp):
    """A press conference of 令和6年8月 announcing the 令和7年度 meeting: the conference's day is
    not the meeting's."""
    text = ("令和6年8月の市長会見【令和6年8月7日(水曜日)午後2時】\n\n"
            "当市は、令和7年度の「第30回全国こけしサミット」の開催地として内定しております。\n")
    (s,) = _summits(text, title="記者会見")
    assert (s["edition"], s["start_date"]) == (30, None)
    (s,) = _summits(text.replace("令和7年度の", ""), title="記者会見")  # no year stated: the page's date is taken
    assert (s["edition"], s["start_date"]) == (30, "2024-08-07")


def test_a_history_row_gives_the_city_of_a_prefecture_and_city(nlp):
    text = "サミットの歴史\n開催回\t開催年月\t開催地\n第1回\t平成元年10月\t青森県弘前市\n第2回\t平成2年11月\t秋田県横手市\n"
    got = {s["edition"]: (s["start_date"], s["host"]) for s in _summits(text, title="サミットの歴史")}
    assert got == {1: ("1989-10", "弘前市"), 2: ("1990-11", "横手市")}


def test_a_list_whose_lines_open_with_the_year(nlp):
    """・平成26年 第1回 桐生市: a history list with the date before the edition."""
    text = "全国こけしサミットの歩み\n・平成26年 第1回 白石市\n・平成27年 第2回 蔵王町\n"
    got = {s["edition"]: (s["series"], s["start_date"], s["host"]) for s in _summits(text, title="全国こけしサミットの歩み")}
    assert got == {1: ("全国こけしサミット", "2014", "白石市"), 2: ("全国こけしサミット", "2015", "蔵王町")}


def test_a_count_verb_after_the_edition_is_no_name(nlp):
    assert meetings.name_after("第42回目となる本大会では", len("第42回")) is None
    text = ("全国商工会青年部大会は、5月20日に青森市で開かれました。今回で第42回目となる本大会には"
            "2000名が集いました。\n掲載日:2020年5月25日\n")
    (s,) = _summits(text, title="大会報告")
    assert (s["series"], s["edition"], s["start_date"], s["host"]) == ("全国商工会青年部大会", 42, "2020-05-20", "青森市")


@pytest.mark.parametrize("text, date, host", [
    ("第45回東北中小企業大会 開催要項\n1 趣旨\n 地域の発展を図る。\n3 期日 令和5年10月5日(木)\n"
     "4 会場 盛岡市民文化ホール(岩手県盛岡市盛岡駅西通)\n", "2023-10-05", "盛岡市"),  # numbered keys
    ("第12回港町サミットのお知らせ\n(1)日時 令和4年11月2日(水)午後1時から\n(2)場所 釧路市観光国際交流センター\n",
     "2022-11-02", "釧路市"),
    ("第9回全国わさびサミットを開催します\nとき 令和3年10月9日(土)\nところ 静岡県伊豆市 天城会館\n",
     "2021-10-09", "伊豆市"),  # a town's notice: とき / ところ
    ("第25回全国商店街大会\n期日:平成30年9月6日(木)\n会場:ホテル博多(福岡市中央区)\n", "2018-09-06", "福岡市"),  # a ward: its city
    ("第36回全国青年部研修会 京都大会\n\n2017年2月23日〜25日 京都府京都市\n\n全国から5000名が集結しました。\n",
     "2017-02-23", "京都市"),  # a date and a place under the heading
])
def test_a_one_meeting_pages_keys_in_other_forms(nlp, text, date, host):
    (s,) = _summits(text, title=text.split("\n")[0])
    assert (s["start_date"], s["host"]) == (date, host)


def test_editions_written_as_counts_before_the_name_or_in_brackets_after_it(nlp):
    """15回目となる全国椿サミット, 第19回となる…: the count's verb between edition and name; a
    count at one place (…では10年ぶり3回目となる) is none; 全国椿サミット(第27回) in a list."""
    assert meetings.name_after("第19回となる全国わさびサミットが", len("第19回")).text == "全国わさびサミット"
    (s,) = _summits("15回目となる全国椿サミットが、3月2日に長崎県五島市で開かれた。\n2019年3月5日\n", title="椿")
    assert (s["series"], s["edition"], s["start_date"], s["host"]) == ("全国椿サミット", 15, "2019-03-02", "五島市")
    assert _summits("弘前市では10年ぶり3回目となる全国りんごサミットが3月2日に開かれた。\n", title="りんご") == []
    got = {s["edition"]: (s["series"], s["start_date"], s["host"]) for s in _summits(
        "開催の記録\n全国椿サミット(第27回) 2018年 五島市\n", title="開催の記録")}
    assert got == {27: ("全国椿サミット", "2018", "五島市")}


def test_an_edition_by_the_series_short_name_and_not_the_day_of_a_founding(nlp):
    """港まち研究集会(略称、港研): 第一回港研 with its date is the first meeting (the founding day
    earlier in the sentence is not its day); 第4回港研から… states nothing of a meeting."""
    text = ("第30回港まち研究集会in釧路\n港まち研究集会(略称、港研)は釧路から始まりました。\n"
            "一九八五年四月二日に釧路の協会が設立され、その十日後の四月十二日、十三日の二日間に会員が集い、"
            "第一回港研と位置付けられたのです。第4回港研から全国の主催になりました。\n")
    got = {s["edition"]: (s["series"], s["start_date"], s["end_date"]) for s in _summits(text, title="港研")}
    assert got == {30: ("港まち研究集会", None, None), 1: ("港まち研究集会", "1985-04-12", "1985-04-13")}


def test_a_series_named_by_year_dates_the_days_of_its_keys_and_reads_angle_brackets(nlp):
    """…サミット2018 in 高崎 over 日時:11月9日 (the page updated in 2020): the day is of 2018;
    ジャパン<漆>サミット2019 in 輪島 is a name with its brackets."""
    text = ("お知らせ一覧\n\n全国商品券サミット2018 in 高崎 を開催します\n\n日時:11月9日(金)13時〜\n"
            "会場:高崎市総合福祉センター\n\n更新日:2020年4月1日\n")
    (s,) = _summits(text, title="お知らせ")
    assert (s["series"], s["start_date"], s["host"]) == ("全国商品券サミット", "2018-11-09", "高崎市")
    (s,) = _summits("ジャパン<漆>サミット2019 in 輪島\n\n令和元年10月3日(木)、石川県輪島市で漆器産地の首長が集まりました。\n",
                    title="漆サミット")
    assert (s["series"], s["start_date"], s["host"]) == ("ジャパン<漆>サミット", "2019-10-03", "輪島市")


def test_the_same_year_before_an_edition_is_the_year_just_named(nlp):
    text = ("港町サミット\n港町の名をもつ市町村の会議。1984年、釧路市の呼びかけにより発足。同年、釧路市で第1回サミットを開催。"
            "2007年の第22回サミット以後は隔年開催。")
    found = {s["edition"]: s for s in _summits(text, title="港町サミット")}
    assert (found[1]["start_date"], found[1]["host"], found[22]["start_date"]) == ("1984", "釧路市", "2007")
    (span,) = [e for e in found[1]["sources"] if e["field"] == "start_date"]
    assert (span["quote"], span["how"]) == ("同年", "the year named before (同年)")
    # 同年 with no year in the sentence before: no date
    (alone,) = _summits("港町サミット\n同年、釧路市で第1回港町サミットを開催。", title="港町サミット")
    assert alone["start_date"] is None


def test_a_series_named_by_year_takes_the_date_of_a_later_mention(nlp):
    """A heading names the meeting by its year with no date; the body names it again with the day."""
    text = ("2024年12月29日\n\n「港町観光大会2018 in 釧路」開催\n\n海から陸へ、観光の創造に向けて\n\n"
            " 「港町観光大会2018 in 釧路」(主催:港町協議会)が11月5日、市民ホール(北海道釧路市)で開催された。\n")
    (s,) = _summits(text, title="「港町観光大会2018 in 釧路」開催")
    assert (s["start_date"], s["host"]) == ("2018-11-05", "釧路市")


def test_a_declaration_named_by_the_series_its_place_and_year(nlp):
    text = ("港町サミット2022in釧路を開催しました\n公開日 2022年10月31日\n港町サミット2022in釧路を10月13日に釧路市で開催しました。\n"
            "資料\n港町サミット2022in釧路_プログラム[PDF:13.4MB]港町サミット釧路宣言2022[PDF:53.8KB]\n")
    (s,) = _summits(text, title="港町サミット2022in釧路を開催しました")
    assert (s["start_date"], s["declaration"]) == ("2022-10-13", "釧路宣言2022")
    other = text.replace("釧路宣言2022", "釧路宣言2019")  # another year's declaration is not this meeting's
    (o,) = _summits(other, title="港町サミット2022in釧路を開催しました")
    assert o["declaration"] is None


def test_a_self_reference_as_the_venue_is_the_publishing_city(nlp):
    text = "令和元年10月3日、本市で第10回港町サミットを開催しました。全国から12市町の市長が集まりました。"
    (s,) = _summits(text, title="本市で第10回港町サミットを開催しました - 釧路市")
    assert s["host"] == "釧路市"
    (span,) = [e for e in s["sources"] if e["field"] == "host"]
    assert (span["quote"], span["how"]) == ("本市", "publisher")
    (unknown,) = _summits(text, title="港町サミット")  # no publisher: no host
    assert unknown["host"] is None


@pytest.mark.parametrize("line, host", [
    ("釧路での全国港町サミットの開催は13年ぶりとなりました。", "釧路市"),  # a short name no rule tags
    ("地元での全国港町サミットの開催は13年ぶりとなりました。", None),  # no place
])
def test_a_place_before_de_and_the_meetings_holding(nlp, line, host):
    text = f"第29回全国港町サミットが開催されました。\n\n協議会は13市町で構成されています。\n\n{line}"
    (s,) = _summits(text, title="第29回全国港町サミットが開催されました")
    assert s["host"] == host


@pytest.mark.parametrize("when, end", [
    ("10月3日から2日間", "2019-10-04"),
    ("10月3日(木)から三日間", "2019-10-05"),
    ("10月3日", "2019-10-03"),
    ("10月3日に開かれ、2日間", "2019-10-03"),  # a count apart from the date is not its length
])
def test_a_first_day_and_a_count_of_days(nlp, when, end):
    (s,) = _summits(f"2019/10/07 15:00\n第10回港町サミットが{when}、釧路市で開かれました。", title="港町サミット")
    assert (s["start_date"], s["end_date"]) == ("2019-10-03", end)


def test_a_slogan_over_the_heading_is_the_theme(nlp):
    text = ("海とともに生きる港をつくろう!\n第10回港町サミットin釧路、根室から20名が参加\n"
            "10月3日~4日、第10回港町サミットが釧路市で開催されました。\n")
    (s,) = _summits(text, title="海とともに生きる港をつくろう! 第10回港町サミットin釧路")
    assert s["theme"] == "海とともに生きる港をつくろう!"
    plain = text.replace("つくろう!", "つくる会")  # a line with no exclamation is a page's heading, not a slogan
    (p,) = _summits(plain, title="第10回港町サミットin釧路")
    assert p["theme"] is None


def test_a_summits_committee_meeting_does_not_date_the_summit(nlp):
    (s,) = _summits("第3回港町サミット実行委員会を令和元年6月2日に開催しました。", title="実行委員会")
    assert s["start_date"] is None
