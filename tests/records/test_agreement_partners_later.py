"""Partners a signing sentence does not name: a counted group written kind first (「金融機関4行と」)
or one partner and others (「A商工会議所などと」), named in a later sentence (a cleft 「締結したのは…」,
a list counted in part), and one agreement per partner when a sentence says each signs its own."""
import pytest

from extractors.records.agreement_reader import dotted_bodies
from extractors.records.agreement_splits import names_subset
from extractors.records.coordination import counted_kind
from extractors.records.party_groups import cleft_list
from tests.records.test_agreements import _agreements


@pytest.mark.parametrize("text, expected", [
    ("市内の金融機関4行と協定を結んだ", [(4, "金融機関")]),
    ("県内の信用金庫3庫と", [(3, "信用金庫")]),
    ("4つの信用金庫と", [(4, "信用金庫")]),
    ("銀行と信用金庫が協定を", []),  # no count
    ("大学3校舎", []),  # a count of buildings: the counter goes on into a word
])
def test_counted_kind_either_order(text, expected):
    assert [(n, kind) for _s, _e, n, kind in counted_kind(text, 0, len(text))] == expected


def test_cleft_list_stops_at_a_partial_count():
    text = "協定を結んだのは、青葉商工会議所のほか、柏市、松戸市など5つの商工会。"
    assert [n.name for n in cleft_list(text, 0, len(text))] == ["青葉商工会議所", "柏市", "松戸市"]


@pytest.mark.model
def test_counted_group_named_in_a_cleft_sentence(nlp):
    text = ("2024年5月10日\n柏市は、市内の金融機関4行と包括連携協定を締結しました。"
            "協定を締結したのは千葉銀行、京葉銀行、千葉信用金庫、銚子信用金庫です。")
    assert _agreements(text) == [(["京葉銀行", "千葉信用金庫", "千葉銀行", "柏市", "銚子信用金庫"], "2024-05-10")]


@pytest.mark.model
def test_group_named_in_a_sentence_opening_on_the_partner(nlp):
    # 「相手は」 opens the next sentence and lists the members of the signing's group (「県内の3市と」)
    text = "2024年5月10日\n東西大学は10日、県内の3市と連携協定を結んだ。相手は船橋市、柏市、松戸市。"
    assert _agreements(text) == [(["東西大学", "松戸市", "柏市", "船橋市"], "2024-05-10")]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # the group restated as the next sentence's topic, its members listed (a phrase before the first)
    "2024年5月10日\n東西大学と県内3市町が10日、連携協定を結んだ。3市町は、いずれも東西大学と縁のある船橋市、柏市、鋸南町。",
    "2024年5月10日\n東西大学と県内3市町が10日、連携協定を結んだ。3市町は船橋市、柏市、鋸南町。",
])
def test_group_restated_as_the_next_topic(nlp, text):
    assert _agreements(text) == [(["東西大学", "柏市", "船橋市", "鋸南町"], "2024-05-10")]


def test_a_phrase_before_a_lists_first_name():
    text = "3市町は、いずれも東西大学と縁のある船橋市、柏市、鋸南町。"
    assert [n.name for n in cleft_list(text, 0, len(text))] == ["船橋市", "柏市", "鋸南町"]


@pytest.mark.model
def test_counted_group_with_no_list_gives_no_record(nlp):
    assert _agreements("2024年5月10日\n柏市は、市内の金融機関4行と包括連携協定を締結しました。") == []


@pytest.mark.model
def test_partner_and_others_each_signing_its_own(nlp):
    text = ("東西信用金庫は青葉商工会議所などと連携協定を結んだ。会員企業向けのセミナーを開く。\n\n"
            "協定を結んだのは、青葉商工会議所のほか、柏市、松戸市、野田市など5つの商工会。"
            "信金と団体が一つずつ個別に協定を交わす形をとる。")
    assert _agreements(text) == [(["東西信用金庫", n], None) for n in ["松戸市", "柏市", "野田市", "青葉商工会議所"]]


@pytest.mark.model
def test_partner_and_others_in_one_agreement(nlp):
    # the same list without a word of each signing apart: one agreement
    text = ("東西信用金庫は青葉商工会議所などと連携協定を結んだ。\n\n"
            "協定を結んだのは、青葉商工会議所のほか、柏市、松戸市など5つの商工会。")
    assert _agreements(text) == [(["東西信用金庫", "松戸市", "柏市", "青葉商工会議所"], None)]


@pytest.mark.parametrize("name, parts", [
    ("東西大学・東西大学短期大学部", ["東西大学", "東西大学短期大学部"]),   # a university and its school
    ("柏市・柏商工会議所", ["柏市", "柏商工会議所"]),                        # two bodies
    ("千葉県事業承継・引継ぎ支援センター", []),                              # one body with a dot inside
    ("東西大学・短期大学部", []),                                            # a school written alone
])
def test_bodies_joined_by_a_middle_dot(name, parts):
    assert dotted_bodies(name) == parts


@pytest.mark.parametrize("names, others, expected", [
    (["日本政策金融公庫", "保証協会"], ["柏商工会議所", "日本政策金融公庫柏支店", "千葉県信用保証協会"], True),
    (["東西銀行"], ["東西銀行柏支店"], True),
    (["東西銀行"], ["東西銀行協会"], False),  # a longer name, not a branch
])
def test_a_heading_naming_the_body_of_a_branch_restates_it(names, others, expected):
    assert names_subset(names, others) is expected


@pytest.mark.model
def test_university_and_its_school_are_two_parties(nlp):
    text = "柏市と東西大学・東西大学短期大学部は2025年11月27日、包括連携協定を締結した。"
    assert _agreements(text) == [(["東西大学", "東西大学短期大学部", "柏市"], "2025-11-27")]


@pytest.mark.model
def test_heading_in_short_forms_restates_the_body(nlp):
    text = ("千葉県連 日本公庫、保証協会と覚書締結\n\n"
            "千葉県商工会議所連合会は2024年4月23日、日本政策金融公庫柏支店、千葉県信用保証協会の2団体と"
            "「創業支援に関する覚書」に調印した。")
    assert _agreements(text) == [(["千葉県信用保証協会", "千葉県商工会議所連合会", "日本政策金融公庫柏支店"],
                                  "2024-04-23")]


@pytest.mark.model
def test_one_agreement_per_partner_and_its_quoted_title(nlp):
    text = ("2024年5月10日\n千葉銀行は、柏市と「地域活性化に関する協定」を、"
            "松戸市と「創業支援に関する覚書」をそれぞれ締結しました。")
    assert _agreements(text) == [(["千葉銀行", "松戸市"], "2024-05-10"), (["千葉銀行", "柏市"], "2024-05-10")]


@pytest.mark.model
def test_a_title_naming_the_parties_again_adds_none(nlp):
    # each title names its two bodies again, the 同友会 in full and the university by its centre
    text = ("2024年5月10日\n柏同友会は、柏大学と「柏大学地域研究センター及び柏市中小企業家同友会の連携協定」を、"
            "千葉工業大学と「柏市中小企業家同友会・千葉工業大学包括連携協定」をそれぞれ結んだ。")
    assert _agreements(text) == [(["千葉工業大学", "柏同友会"], "2024-05-10"), (["柏同友会", "柏大学"], "2024-05-10")]


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    # a body opening the sentence with でも/では is its subject, not the topic of the sentence before
    ("柏同友会は千葉銀行と提携した。松戸同友会でも京葉銀行と2024年5月10日に提携した。",
     [(["京葉銀行", "松戸同友会"], "2024-05-10"), (["千葉銀行", "柏同友会"], None)]),
    ("2024年5月10日\n松戸市では、京葉銀行と包括連携協定を締結しました。", [(["京葉銀行", "松戸市"], "2024-05-10")]),
    # 「Xも…」 opening the next sentence: X signs too, with the body 同行 points back to
    ("2024年5月10日\n柏市は5月10日、千葉銀行と包括連携協定を締結した。\n松戸市も6月3日、同行と同様の協定を結んだ。",
     [(["千葉銀行", "松戸市"], "2024-06-03"), (["千葉銀行", "柏市"], "2024-05-10")]),
])
def test_a_body_opening_with_dewa_or_demo_signs(nlp, text, expected):
    assert _agreements(text) == expected


@pytest.mark.model
def test_what_one_becomes_is_no_partner(nlp):
    # a heading urging members to become a quoted label, then the signing; the body names the partners
    text = ("柏同友会は「みやぎ未来牽引企業」となろう 地元2信金と協定締結\n\n"
            "総会の後半に、2信用金庫(千葉信用金庫、銚子信用金庫)と同友会の連携協定の締結式を行った。")
    got = _agreements(text)
    assert got and all("みやぎ未来牽引企業" not in parties for parties, _date in got)


EACH = [
    # それぞれ after the agreement word: the subject signs one with each partner
    ("each-after-object", "2024年5月10日\n千葉県は、千葉銀行、京葉銀行、千葉興業銀行と中小企業の支援に関する協定をそれぞれ締結した。",
     [(["京葉銀行", "千葉県"], "2024-05-10"), (["千葉県", "千葉興業銀行"], "2024-05-10"),
      (["千葉県", "千葉銀行"], "2024-05-10")]),
    # every body coordinated into the subject: the one と parts it into a side of one body and a side of
    # others of another kind, one agreement each; bodies of one kind on both sides give no sides
    ("each-all-subjects", "2024年5月10日\n千葉県と千葉銀行、京葉銀行は10日、中小企業の支援に関する協定をそれぞれ締結した。",
     [(["京葉銀行", "千葉県"], "2024-05-10"), (["千葉県", "千葉銀行"], "2024-05-10")]),
    ("each-all-subjects-of-one-kind",
     "2024年5月10日\n千葉銀行と京葉銀行、千葉興業銀行は10日、中小企業の支援に関する協定をそれぞれ締結した。",
     [(["京葉銀行", "千葉興業銀行", "千葉銀行"], "2024-05-10")]),
    # the next sentence says the agreement is signed with each city apart
    ("each-city-apart", "2024年5月10日\n千葉銀行は、柏市、松戸市と「地域活性化に関する連携協定」を締結しました。"
     "本協定は、各市と個別に締結するものです。",
     [(["千葉銀行", "松戸市"], "2024-05-10"), (["千葉銀行", "柏市"], "2024-05-10")]),
    # それぞれの strengths: no word of signing apart
    ("each-strengths", "2024年5月10日\n千葉銀行は、柏市、松戸市と「地域活性化に関する連携協定」を締結しました。"
     "三者はそれぞれの強みを生かして連携します。",
     [(["千葉銀行", "松戸市", "柏市"], "2024-05-10")]),
]


@pytest.mark.model
@pytest.mark.parametrize("kind, text, expected", EACH, ids=[c[0] for c in EACH])
def test_one_agreement_with_each_partner(nlp, kind, text, expected):
    assert _agreements(text) == expected


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("2024年5月10日\n柏市と千葉銀行は昨日、包括連携協定を締結した。", "2024-05-09"),
    ("2024年3月1日\n柏市と千葉銀行は昨日、包括連携協定を締結した。", "2024-02-29"),   # across a month
    ("2024年5月10日\n昨日の会議を経て、柏市と千葉銀行は本日、包括連携協定を締結しました。", "2024-05-10"),
])
def test_yesterday_is_the_day_before_the_page_date(nlp, text, expected):
    ((_parties, date),) = _agreements(text)
    assert date == expected


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    # a company's division after its legal form: the company signs, the division is no second party
    ("2024年5月10日\n柏市は、東日本電信電話株式会社千葉事業部と連携協定を締結しました。",
     [(["東日本電信電話株式会社", "柏市"], "2024-05-10")]),
    # a city's 経済産業部 acts for the city
    ("2024年5月10日\n柏市経済産業部は、千葉銀行と包括連携協定を締結しました。", [(["千葉銀行", "柏市"], "2024-05-10")]),
])
def test_a_division_acts_for_its_body(nlp, text, expected):
    assert _agreements(text) == expected


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    # the only signing sentence has people for its subject: the bodies of their offices sign
    ("2024年5月10日\n山田太郎柏市長と鈴木一郎千葉銀行頭取が10日、市役所で包括連携協定書に署名した。",
     [(["千葉銀行", "柏市"], "2024-05-10")]),
    ("2024年5月10日\n柏市長と千葉銀行頭取は10日、包括連携協定を締結した。", [(["千葉銀行", "柏市"], "2024-05-10")]),
    # another sentence states the signing: the people's sentence adds no record
    ("2024年5月10日\n柏市と千葉銀行は10日、包括連携協定を締結した。山田柏市長と鈴木千葉銀行頭取が協定書に署名した。",
     [(["千葉銀行", "柏市"], "2024-05-10")]),
])
def test_the_bodies_of_the_people_who_sign(nlp, text, expected):
    assert _agreements(text) == expected


@pytest.mark.model
def test_same_kind_anaphor_is_the_body_named_acting(nlp):
    # 同金庫 is the credit union that signs (named as a partner), not the central bank named in passing
    # between (its fund, a gift from it)
    text = ("2024年5月10日\n東西信用金庫(山田理事長)と柏市による協定式が行われた。"
            "中央金庫の記念事業に市が応募し、中央金庫より寄付が決まった。"
            "同金庫は柏市と包括連携協定を締結した。")
    assert _agreements(text) == [(["東西信用金庫", "柏市"], "2024-05-10")]
    # with no body of the kind named acting, the last one named stands
    text = ("2024年5月10日\n中央金庫の記念事業に市が応募した。同金庫は柏市と包括連携協定を締結した。")
    assert _agreements(text) == [(["中央金庫", "柏市"], "2024-05-10")]


@pytest.mark.model
def test_each_partner_said_after_a_sentence_on_the_agreement(nlp):
    # the sentence after 「同協定は…」 (past a blank line) says the agreement is one with each bank
    signing = "2024年5月10日\n青葉商工会議所は1日、東西銀行、南北銀行の2金融機関との協定書を締結。同日、調印式を行った。\n\n"
    text = signing + "同協定は、県内で初めて。各金融機関との協力で企業を支える。"
    assert _agreements(text) == [(["南北銀行", "青葉商工会議所"], "2024-05-01"),
                                 (["東西銀行", "青葉商工会議所"], "2024-05-01")]
    # 各金融機関 in a sentence that speaks of no agreement: one agreement
    text = signing + "同協定は、県内で初めて。会議所は来年、各金融機関との交流会を開く。"
    assert _agreements(text) == [(["南北銀行", "東西銀行", "青葉商工会議所"], "2024-05-01")]


_EACH_TWO = [(["南北信用金庫", "柏市"], "2024-05-10"), (["東西銀行", "柏市"], "2024-05-10")]
_ONE = [(["南北信用金庫", "東西銀行", "柏市"], "2024-05-10")]


@pytest.mark.model
@pytest.mark.parametrize("sentence, expected", [
    ("柏市は、東西銀行、南北信用金庫のそれぞれと包括連携協定を締結しました。", _EACH_TWO),
    ("柏市は、東西銀行、南北信用金庫と包括連携協定を締結しました。協定は各行と個別に結ぶものです。", _EACH_TWO),
    ("柏市は、東西銀行、南北信用金庫と包括連携協定を締結しました。協定は金融機関ごとに締結しています。", _EACH_TWO),
    # what stays one agreement: signed by all, or each of the bodies' strengths (それぞれの)
    ("柏市は、東西銀行、南北信用金庫と三者で包括連携協定を締結しました。", _ONE),
    ("柏市は、東西銀行、南北信用金庫と包括連携協定を締結しました。協定は年度ごとに見直します。", _ONE),
])
def test_each_partner_wordings(nlp, sentence, expected):
    assert _agreements("2024年5月10日\n" + sentence) == expected


@pytest.mark.model
@pytest.mark.parametrize("before, anaphor, body", [
    ("綾川町は祭りを開いた。", "同町は", "綾川町"),
    ("鶴居村は祭りを開いた。", "同村は", "鶴居村"),
    ("綾川町商工会は総会を開いた。", "同商工会は", "綾川町商工会"),
])
def test_town_village_and_society_anaphors(nlp, before, anaphor, body):
    # 同町, 同村, 同商工会 (one token each, no pattern tags them) are the body of that kind named before
    text = "2024年5月10日\n" + before + anaphor + "東西銀行と包括連携協定を締結した。"
    assert _agreements(text) == [(sorted([body, "東西銀行"]), "2024-05-10")]
