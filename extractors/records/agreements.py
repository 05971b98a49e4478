"""Agreement records (連携協定, 包括連携協定, 業務提携, 業務連携, 協定書, 覚書 …) from a document.

Takes a `DocContext` and gives draft agreements. A signing sentence holds an
agreement word and a word of signing (締結, 調印, 署名, 結ぶ, a 締結式/調印式);
a sentence wrapped over several lines (a PDF's 「さいたま市(市長 …)\\nと、…」)
is read whole. Its parties come from structure, not from surface order alone:

- the predicate's arguments in GiNZA's dependency parse (`language.arguments`:
  subject は/が, partners と/との, coordinated names), and the organisation and
  place names of the sentence before the agreement word, outside asides in
  brackets;
- a bracket that lists bodies (「金融機関3社(東西銀行、…)」), a count of a
  kind (「4つの信用金庫」) filled with the names of that kind the document gives,
  a party block (<締結機関>, 協定当事者: `coordination.party_blocks`);
- a self-reference (本市, 当行, 本会) or an omitted subject is the document's
  publisher (`publisher.publisher`); aliases the document introduces
  (「(以下「DBJ」という。)」, 「(以下・X)」, 「X(中小機構)」) and news short forms
  of listed institutions resolve to the full name; a bare kind word
  (「信用金庫」, 「5大学」) is never a party; a branch (…銀行志免支店) is one party.

One sentence can give several agreements: one per party when each party has
its own date in brackets (「A(令和元年5月7日)とB(令和元年9月2日)の2校と」), one
per document when two are signed together (「協定書及び…覚書を締結」, 「Aと協定を、
Bと覚書を」), one per partner when each partner had its own ceremony (「Aとの締結式は
5月8日」) or the text says so (それぞれ, 個別に, 各金融機関と), one per pair (「AはBと、
CはDと」). A sentence whose signing has people for its subject tells of the
ceremony, and a page's heading restates its body's signing: neither is another.
Sentences of one document that name a subset of an agreement's parties
describe that agreement; a sentence counting the parties completes it, a
sentence naming the signers restates it (`agreement_links`); pages that list
agreements give one per row (`agreement_lists`); the agreement's own text gives
its parties and date by its signature block (`signatures`); a page whose
sentences give none states it in its headline, its title, or a signing reported
in its own voice that names one body (`headline_drafts`, `title_drafts`,
`voice_drafts`: fallbacks); an agreement word followed by も and a word of signing
(「…に調印した。…防災協定も交わした」) is a second document the same parties signed (`also_signed`). A plan with no day,
a draft (案), a name not fixed (仮称) and an agreement in force give no record (and
a clause about one, 「…と協定を結んでいますが、」, gives no party to the signing after it).

The reader of a document and a sentence's parties: `agreement_reader`; the
fields and their evidence: `agreement_fields`; the signing date:
`agreement_dates`; splitting and folding drafts: `agreement_splits`.
"""
from __future__ import annotations

import re

from extractors.language.arguments import signing_arguments
from extractors.records.agreement_dates import (RECENTLY, caption_date, ceremony_date, date_elsewhere, event_date_below, heading_date,
                                                key_value_date, page_date, reported_done, signing_date)
from extractors.records.agreement_fields import draft, kind_named_on_page, kind_of, party_how, with_kind_prefix
from extractors.records.agreement_links import (add_counted_members, add_joining, cleft_counted_groups, date_of_accompanied, partners_named_next,
                                                following_members, without_signers)
from extractors.records.agreement_lists import header_row_drafts, heading_drafts, row_drafts
from extractors.records.also_signed import ALSO, also_signed
from extractors.records.agreement_reader import SUBJECT_AFTER, AgreementReader
from extractors.records.agreement_splits import (clause_dates, fold_short_forms, merge_subsets, names_subset, own_dates, same_body,
                                                split_bilateral, split_ceremonies, split_clauses, split_documents,
                                                split_each, split_listed_documents)
from extractors.records.context import DocContext, strip_quotes
from extractors.records.coordination import branch_end, party_blocks, party_key
from extractors.language.gazetteer import find_municipalities, is_municipality, prefecture_of
from extractors.language.nlp import rule_candidates
from extractors.records.officials import official_after, people_sign, witness_after
from extractors.records.place_groups import place_groups
from extractors.records.publisher import is_signing_body, stands_for_publisher
from extractors.records.signatures import signature_block
from extractors.records.spans import Span, date_span, field_span
from schemas.records import Candidate

_TITLE = re.compile(r"[「『]([^「」『』\n]{2,60}?(?:協定書?|覚書|契約書?))[」』]")
# A signing as a kind of case that grows or spreads (「…協定を締結するケースが増えている」): a trend, no signing
_TREND_CASES = r"(?:する|した|される)?\s?(?:ケース|事例|例|動き|件数)\s?(?:が|も)\s?(?:増|広が|拡が|相次|目立|拡大)"
_TREND = re.compile(_TREND_CASES)
_ANNIVERSARY = re.compile(r"\s?(?:\d+|[一二三四五六七八九十]+)周年|\s?記念")
# A signing word that speaks of an agreement in force (「協定を締結している企業と」, 「締結済み」, 「締結先」)
# or of a bill (「協定の締結に関する議案」): no new agreement.
_EXISTING = re.compile(r"\s?(?:し?てい(?:る|ます|た)|しており|でおり|でいる|でいた|でいます|し?てき(?:た|ました)|(?<=ん)でき(?:た|ました)|済み?|中の|先|に関する議案|について\(?議案|を提案|を検討|"
                       r"のきっかけ|の背景|の経緯|を受け|後|以降|以来|から|を機に|を記念|に伴|して(?:から|以来|以降)|した(?:後|あと|際)|"
                       r"にあわせ|に合わせ|に併せ|と同時に|とあわせ|と合わせ|と併せ|(?:だ|た)?のに続|に続い|に続き|に引き続|"
                       r"した(?:協定|覚書|契約|包括|連携|各|自治体|企業|金融機関)|(?<=ん)だ\s?(?:協定|覚書|契約|包括|連携|提携|業務)|"
                       # 「AとBとの提携では、…実例がある」: a tie-up as the topic of what it brought, no signing
                       r"では[、,]|"
                       # 「AがBと協定を締結するのは初めて」: how this signing ranks among a body's signings, no signing
                       # (the place of the rank perhaps between: 「…結ぶのは、県内では初めて」)
                       r"(?:する|ぶ)?(?:のは|例は|ケースは)[、,]?\s?(?:[^。、「」]{1,10}?(?:では|で)\s?)?"
                       r"(?:初|今回|全国|県内|[0-9一二三四五六七八九十]+(?:例|件))|"
                       # 「協定締結は県内初」, 「覚書の取り交わしは商工団体として東北初」, 「締結は今回で8件目」: the signing noun as
                       # the topic of its rank, likewise
                       r"は[^。、「」]{0,12}?(?:初|[0-9一二三四五六七八九十]+(?:例|件|番)目)|"
                       # 「A、Bと協定を締結し、今回のCで3例目」: the signings before this one, counted with it
                       r"し[、,]\s?今回の?[^。]{0,15}?(?:で|が)[0-9一二三四五六七八九十]+(?:例|件|番|団体|自治体|機関|校|行)目|" +
                       # a signing as a kind of case that grows or spreads (「…が協定を結ぶ動きが広がっている」, 「覚書締結事例が
                       # 増え始めた」): a trend, no signing
                       _TREND_CASES + "|" +
                       # another's part in a signing: 「協定締結を後押しした」, 「締結を申し出た」
                       r"を(?:後押し|支援|仲介|橋渡し|申し出|申し入れ|働きかけ|要請|求め|呼びかけ|あっせん|斡旋))")
# A signing word of an agreement in force or signed before: 「結んでいますが」, 「締結しており」, 「締結済み」,
# 「締結してきた」, 「結んできました」 (signings up to now)
_IN_FORCE = re.compile(r"\s?(?:し?てい(?:る|ます|た)|しており|でおり|でいる|でいた|でいます|し?てき(?:た|ました)|(?<=ん)でき(?:た|ました)|済み?)")
# A signing only planned, with no day set: 「締結に向けて協議」, 「締結する方針」, 「締結を予定」
_PLAN = re.compile(r"\s?(?:に向け|を目指|を目標|する方針|の方針|を検討|について検討|を予定|の予定|する予定|を視野|へ向け|の準備|を進め)")
# 「これまでもA銀行と協定を締結し」, 「既に協定を結んでいる」: a signing told as background
_BACKGROUND = re.compile(r"これまで(?:も|に)|既に|すでに|かねて(?:より|から)|以前から|従来から|以前に")
# 「友好都市提携を結んでいる」, 「…提携を行っている」: an agreement's noun taken as a signing, the object of a verb
# in the form of a state (…ている, …ており): an agreement in force
_OBJECT_OF_IN_FORCE = re.compile(r"\s?を\s?[一-龥]{1,3}[ぁ-ゖ]{0,2}?(?:ってい|んでい|してい|いてい|ってお|んでお|してお)")
# 「AとBが2016年に結んだ業務提携を」: 提携 after a signing in the past that qualifies it is the noun of an
# agreement signed before, no signing of its own
_SIGNED_BEFORE_WORD = re.compile(r"(?:結んだ|締結した|交わした|調印した)\s?(?:包括|業務)?\Z")
# 「相互に提携を図ることで」, 「提携を深め」: a tie-up as an aim or a course, not a signing
_AIM_AFTER = re.compile(r"\s?を\s?(?:図|はか|進め|深め|強め|強化|推進|模索|目指)")
# 「近隣の団体と提携して…を進める」: a bare 提携 in its て-form leads into the clause's own verb: the way something is
# done, no signing (「業務提携し、」 and 「提携した」 report one)
_MEANS = re.compile(r"提携して(?![いおきあも])")
_TENTATIVE = re.compile(r"[(（]仮称[)）]")
_DRAFT = re.compile(r"(?:協定|覚書|契約)書?\s?[(（]案[)）]")
_NAVIGATION = re.compile(r"[^\n>＞]{1,30}\s[>＞]\s[^\n>＞]{1,30}\s[>＞]\s")
_BILL = re.compile(r"議案|議決|上程")  # a bill to sign is no signing
# an event under an agreement in force (its name in quotes perhaps: 「…に関する協定」に基づき)
_UNDER = re.compile(r"\s?(?:書)?[」』]?\s?(?:に基づ|にもとづ|に基く|のもと|の下)")
# A provision of an ordinance (「第1条 この条例は、…県と提携し、…を目的とする」, 「第5条 市は、…と協定を締結するものとする」):
# it states a rule, never a signing
_PROVISION = re.compile(r"\s*(?:第\s?[0-9一二三四五六七八九十百]+\s?条(?:の\s?[0-9一二三四五六七八九十]+)?(?:\s|$)|(?:この|本)条例(?:は|において))")
_WORKING_KEYS = ("_sentence", "_split", "_written", "_quoted", "_also", "_heading", "_headline")  # kept on a draft while the assembler works


# 「AとBも協定を結び」: the written parties, then も before the agreement word
_TOO = re.compile(r"\s?も\s?[、,]?\s?")


def _pair_too(text: str, parties: list, at: int) -> bool:
    """Whether a signing sentence names its parties as a pair that signed too, right before the agreement word
    at `at` (「那須町と下田市も協定を結び」): the two signed with each other, so the page's publisher, which the
    sentence does not name, is none of its parties."""
    written = sorted((w for w in parties if w[1] < w[2] <= at), key=lambda w: w[1])
    if len(written) < 2:
        return False
    m = _TOO.match(text, written[-1][2])
    return bool(m) and not text[m.end():at].strip("「『 ") and text[written[-2][2]:written[-1][1]].strip() == "と"


def _word_after(r: AgreementReader, words: list[Candidate], at: int, main: Candidate) -> Candidate:
    """The agreement word of a party's own clause: the first after its name (「Aとの研究協力協定に
    始まり」), else the sentence's."""
    return with_kind_prefix(r.text, next((w for w in words if w.start >= at and w.start <= main.start), main))


def _with_count(text: str, group: str, start: int) -> str:
    """A group word of any kind with the count written before it (「計4団体と」 -> 4団体), else as it is."""
    m = re.search(r"([0-9]+|[一二三四五六七八九十]+)(?:つの)?\Z", text[max(0, start - 5):start])
    return m.group(1) + group if m and group in ("団体", "機関", "組織") else group


def _document_heading(r: AgreementReader) -> list[tuple[int, int, Candidate, Candidate]]:
    """The heading line of an agreement's own text (「連携協定書」, 「…に関する覚書」: its first line, the
    document's name alone) as the signing it records, when a signature block names two signers or more
    under it; else nothing."""
    text = r.text
    s = len(text) - len(text.lstrip())
    e = text.find("\n", s)
    e = len(text) if e == -1 else e
    words = [w for w in r.ctx.within(s, e, "AGREEMENT") if w.text.endswith(("協定書", "覚書", "契約書"))]
    if not words or e - s > 40 or text[words[-1].end:e].strip() or not signature_block(text):
        return []
    return [(s, e, words[-1], words[-1])]


def _sentence_topic(r: AgreementReader, s: int, end: int) -> tuple[str, int, int, str] | None:
    """The party written as the topic that opens text[s:end] (「船橋市は、」, 「本市は」), else None."""
    found = r.parties(s, end, end)
    first = min(found, key=lambda p: p[1]) if found else None
    if first and first[1] < first[2] and not r.text[s:first[1]].strip() and SUBJECT_AFTER.match(r.text, first[2]):
        return first
    return None


_PLACE_OF_EVENT = re.compile(r"\s?(?:役場|役所|庁舎|内|の)?\s?(?:で|にて|において|を訪|に(?:て|お))")


def _town_of_prefecture(r: AgreementReader, s: int, e: int, party: tuple[str, int, int, str],
                        parties: list[tuple[str, int, int, str]]) -> tuple[str, int, int, str]:
    """A prefecture taken as a party where the sentence writes it again right before one of its towns that is
    no party (「北海道は道南の…、東海大学北海道奥尻町包括連携協定締結」, a note without its particles): the town, which the
    prefecture only places."""
    name = party[0]
    if not name.endswith(("県", "府", "都", "道")) or not is_municipality(name):
        return party
    for m in re.finditer(re.escape(name), r.text[s:e]):
        at = s + m.end()
        town = next((t for a, b, t in find_municipalities(r.text[at:at + 10]) if a == 0), None)
        if town and prefecture_of(town) == name and not any(same_body(town, p[0]) for p in parties) and \
                not _PLACE_OF_EVENT.match(r.text, at + len(town)):  # (「…県X町で開かれた式で」: where, not who)
            return (town, at, at + len(town), party[3])
    return party


_JOINED_AFTER = re.compile(r"\s?(?:及び|および|並びに|ならびに|と)\s?")


def _sentence_drafts(r: AgreementReader, s: int, e: int, word: Candidate, sign: Candidate,
                     first: bool = True, topic: tuple[str, int, int, str] | None = None) -> list[dict]:
    """The drafts of one signing sentence; `first`: no signing sentence before it gave one (a later
    sentence that names no party restates that signing: 「今回の協定により…締結に至った」); `topic`: the
    subject the sentence's first clause opened with, when the signing is in a later clause of it."""
    text = r.text
    titles = list(_TITLE.finditer(text, s, e))
    title_m = next((m for m in titles if m.start() <= word.start < m.end() + 1), titles[0] if titles else None)
    word = with_kind_prefix(text, word)
    anchor = min(word.start, title_m.start() if title_m else word.start)
    referred = None
    if word.text.startswith("同"):  # 同契約: the kind is the one named before
        earlier = [w for w in r.ctx.cands
                   if w.label == "AGREEMENT" and w.end <= word.start and not w.text.startswith("同")]
        word = referred = earlier[-1] if earlier else word
    parties = r.parties(s, e, anchor)
    if topic and not any(same_body(topic[0], p[0]) for p in parties) and \
            not any(p[3] == "agreement-publisher" for p in parties):
        parties.insert(0, topic)
    if r.last_groups or r.last_named:  # 「…大学と連携協定を結んだ。相手はA、Bの2大学」
        groups = [_with_count(text, g, st) for g, st, _ in r.last_groups]
        for name, st, en, rule in following_members(r, e, groups, r.last_named):
            if not any(same_body(name, p[0]) for p in parties):
                parties.append((name, st, en, rule))
    if len(parties) <= 1 and first and not r.last_groups:  # 「…協定を締結した。相手は青森、弘前、八戸の3商工会議所。」
        # (a group word's members are read above, against its count); 「30日に協定を締結した。協定を結んだのは
        # AとB。」: a sentence that names no party takes both sides from the cleft
        parties += [p for p in partners_named_next(r, e) if not parties or not same_body(p[0], parties[0][0])]
    if len(parties) < 2 and title_m:
        parties = r.parties(title_m.start(), title_m.end(), title_m.end())
    if all(p[3] == "agreement-publisher" for p in parties):
        parties = (r.previous_parties(s) if first else []) or parties
    if (first and len(parties) == 1) or (not parties and _BOTH.match(text, s)):
        # 「当行は、本日、…協定を締結いたしました」, 「両者は…締結しました」 under 「柏市との…協定の締結について」
        parties += [p for p in _heading_partners(r, s) if not any(same_body(p[0], q[0]) for q in parties)]
    if len(parties) < 2 and first:  # 「山田柏市長と鈴木千葉銀行頭取が協定書に署名した」 and no other signing sentence
        # (「締結式があり、Aの山田社長とB市の鈴木市長が協定書に署名した」: the people sign at a later word)
        for at in [sign.start] + [c.start for c in r.ctx.within(s, e, "SIGN") if c.start > sign.start]:
            bodies = _bodies_of_signers(r, s, at)
            if bodies:
                parties += [p for p in bodies if not any(same_body(p[0], q[0]) for q in parties)]
                break
    if len(parties) <= 1 and first:  # 「協定を結んだのはA銀行と地域の4つの信用金庫、さらに1つの信用組合の…です」
        parties += [p for p in cleft_counted_groups(r, s, e) if not any(same_body(p[0], q[0]) for q in parties)]
    parties = [_town_of_prefecture(r, s, e, p, parties) for p in parties]
    found, past = place_groups(text, s, e)
    groups = [[(n.name, n.start, n.end, n.rule) for n in g] for g in found]
    if groups:  # 「A町・B町の自治体・商工会及びX信金による…協定」: the bodies of each place, with the others
        members = [n for g in groups for n in g]
        parties = [p for p in parties if not any(same_body(p[0], n[0]) or same_body(n[0], p[0]) for n in members)]
        joined = _JOINED_AFTER.match(text, past)
        other = next((c for c in r._candidates(s, e) if joined and c.start == joined.end()), None)
        name = r.name_of(other) if other else None
        if name and is_signing_body(name) and not any(same_body(name, p[0]) for p in parties):
            parties.append((name, other.start, other.end, "agreement-place-group"))  # (「…商工会及びX信金による」)
    if _pair_too(text, parties, anchor):  # 「那須町と下田市も協定を結び」: the two, not the publisher
        parties = [p for p in parties if s <= p[1] < p[2] <= anchor]
    if len(parties) + len(groups) < 2:
        return []
    title = strip_quotes(title_m.group()) if title_m else None
    written = title or text[max(s, word.start - 12):word.end]
    date, date_ev = signing_date(r, s, e, sign.start)
    if groups and parties:  # one agreement of each place's bodies with the bodies common to all
        return [draft(r, s, e, word, title, written, parties + g, date, date_ev) for g in groups]
    parties += [n for g in groups for n in g]
    if date is None and referred is not None:  # 「…契約の調印式が3月6日に行われた。同契約は…」
        rs, re_ = r.ctx.sentence(referred.start)
        date, date_ev = signing_date(r, rs, re_, referred.start)
    own = own_dates(r, parties)
    if len(own) < 2:
        own = clause_dates(r, parties, s)
        if len({d.start_date for d in own.values()}) >= 2:  # one agreement per dated clause
            common = [p for p in parties if p[0] not in own]
            words = r.ctx.within(s, e, "AGREEMENT")
            out = []
            for when in sorted({d.start_date for d in own.values()}):
                group = [p for p in parties if p[0] in own and own[p[0]].start_date == when]
                d = own[group[0][0]]
                out.append(draft(r, s, e, _word_after(r, words, group[0][2], word), title, written, common + group,
                                  when, date_span(d, "agreement-date-party", "signed_date")))
            return out
        own = {}
    if len(own) >= 2:  # one agreement per party that has its own date
        common = [p for p in parties if p[0] not in own]
        words = r.ctx.within(s, e, "AGREEMENT")
        return [draft(r, s, e, _word_after(r, words, p[2], word), title, written, common + [p],
                       own[p[0]].start_date, date_span(own[p[0]], "agreement-date-party", "signed_date"))
                for p in parties if p[0] in own]
    words = r.ctx.within(s, e, "AGREEMENT")
    docs = split_documents(r, s, words, sign.start)
    if docs:  # one draft per document; a title that names two or more bodies names its parties
        out = []
        for t, w, ts in docs:
            own_parties = [p for p in r.parties(ts, w.end, w.end) if p[3] != "agreement-publisher"]
            d = {**draft(r, s, e, w, strip_quotes(t), t, own_parties if len(own_parties) >= 2 else list(parties),
                         date, date_ev), "_split": True}
            if any(o["parties"] == d["parties"] for o in out):  # the same bodies sign a second document: its own
                d["evidence"][0] = (s, e, ALSO)  # record, not merged with the first (`also_signed`)
            out.append(d)
        return out
    return [{**draft(r, s, e, word, title, written, parties, date, date_ev), "_heading": _is_heading(r, s, e)}]


# A news headline that names the signers and ends with the agreement word: 「東西銀行、青葉市と包括連携
# 協定」, 「青葉市と東西大学が連携協定 地域活性化へ」 (a subject before 、/が/は, a partner before と).
_HEADLINE = re.compile(r"[^\s、。「」]{2,20}(?:[、,]|が|は)\s?[^\s、。「」]{2,20}と\s?[^\s、。「」]{0,16}?$|"
                       r"[^\s、。「」]{2,20}と[^\s、。「」]{2,20}(?:が|は)\s?[^\s、。「」]{0,16}?$")


def _headline_signing(text: str, s: int, e: int, word: Candidate) -> bool:
    """A line without 。 whose agreement word ends it or its first part (a subtitle may follow after a
    space) and that names a subject and a partner before it (`_HEADLINE`)."""
    line = text[s:e].strip()
    if not line or "。" in line or "\n" in line or len(line) > 60 or not word.text.endswith(("協定", "覚書", "提携")):
        return False
    after = text[word.end:e]
    if after.strip() and not re.match(r"[\s　]", after):
        return False  # 「…協定の成果」, 「…協定に基づく」: the word is not the headline's last
    return bool(_HEADLINE.search(text, s, word.start))


def _heading_partners(r: AgreementReader, s: int) -> list[tuple[str, int, int, str]]:
    """The partners a heading above text[s] names (「東西市との包括連携協定の締結について」, a bank's release
    whose body writes only 「当行は…締結いたしました」): the nearest line above, among the page's top
    lines, with no 。 that names an agreement and bodies with と/との."""
    pos, lines = 0, []
    for line in r.text[:s].split("\n")[:TOP_HEADING_LINES]:
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    for ls, le in reversed(lines):
        line = r.text[ls:le]
        words = r.ctx.within(ls, le, "AGREEMENT")
        if not words or "。" in line or len(line.strip()) > 80 or not re.search(r"と(?:の)?", line[:words[0].start - ls]) \
                or r.dates_in(ls, le):
            continue  # (a dated line is a row of a list, not the page's heading)
        found = [p for p in r.parties(ls, le, words[0].start) if p[3] != "agreement-publisher"]
        if found:
            return found
    return []


_BOTH = re.compile(r"\s*(?:この度|このたび|本日)?[、,]?\s?(?:両者|双方|[二三四五六七八九2-9]者)(?:は|が|で)")  # the parties as a pronoun
TOP_HEADING_LINES = 12  # a release's heading sits among its first lines


_SELF_SIGNER = re.compile(r"(?<![\u4e00-\u9fff々])[\u4e00-\u9fff々]{0,4}?((?:本|当)(?:所|会|学|市|町|村|区|県|行|金庫|機構|協会|センター))")


def _bodies_of_signers(r: AgreementReader, s: int, sign_at: int) -> list[tuple[str, int, int, str]]:
    """The bodies whose officials sign when the signing has people for its subject (「柏市長と千葉銀行頭取が
    …署名した」, `people_sign`): each body named right before an office word, not as a witness."""
    if not people_sign(r.text, s, sign_at):
        return []
    out = []
    places = [Candidate(label="GPE", start=s + a, end=s + b, text=n, rule="gazetteer")  # 柏市長: one word to the model
              for a, b, n in find_municipalities(r.text[s:sign_at])]
    listed = [c for c in r.institutions if s <= c.start and c.end <= sign_at]  # (listed names first: the
    for c in listed + places + r.ctx.within(s, sign_at, "ORG", "GPE"):  # model's may hold the person's name)
        if not official_after(r.text, c.end) or witness_after(r.text, c.end) or r.ctx.in_parens(c.start, c.end):
            continue
        name = r.name_of(c)
        if name and is_signing_body(name) and not any(same_body(name, o[0]) or o[0] in name for o in out):
            out.append((name, c.start, c.end, "agreement-signer-body"))
    for m in _SELF_SIGNER.finditer(r.text, s, sign_at):  # 「山田本所会頭、…の3者による」: the publisher's own official
        # (not 「山本所長」: a person called 山本, 所長)
        if r.publisher and stands_for_publisher(m.group(1), r.publisher) and official_after(r.text, m.end(1)) and \
                not r.text.startswith("長", m.end(1)) and not any(same_body(r.publisher, o[0]) for o in out):
            out.insert(0, (r.publisher, m.start(1), m.end(1), "agreement-signer-body"))
    return out if len(out) >= 2 else []


def _date_of_signers(r: AgreementReader, d: dict) -> None:
    """「熊本県知事と肥後銀行頭取が3月3日、協定書に署名した」 under a headline that gave the agreement: the day of a
    sentence whose officials sign for two of its parties or more (`_bodies_of_signers`) dates it."""
    for sign in (c for c in r.ctx.cands if c.label == "SIGN"):
        s, e = r.joined_sentence(sign.start)
        bodies = [b for b, *_ in _bodies_of_signers(r, s, sign.start)]
        if sum(any(same_body(b, p) for p in d["parties"]) for b in bodies) < 2:
            continue
        date, ev = signing_date(r, s, e, sign.start)
        if date:
            d["signed_date"] = date
            d["evidence"] += [(s, e, "agreement-date-signers"), ev]
            return


# What can follow a headline's last word: the line's end, a space before a subtitle, a bracketed label
_HEADLINE_STOP = re.compile(r"\s*(?:$|\n)|[ 　]|[!！]|[【(（]")


def headline_drafts(r: AgreementReader) -> list[dict]:
    """The agreement a page's headline states, for a page whose sentences gave none (a fallback): the
    first of its top lines without 。 that ends on its word of signing or its agreement word
    (「東西大学との包括連携協定を締結」, 「青葉市と東西銀行が連携協定 地域振興へ」, a subtitle may follow
    after a space) and names two bodies, or one and the publisher the page speaks for."""
    pos = 0
    for line in r.text.split("\n")[:TOP_HEADING_LINES]:
        ls, le = pos, pos + len(line)
        pos = le + 1
        words = r.ctx.within(ls, le, "AGREEMENT")
        if not words or "。" in line or len(line.strip()) > 80 or _NAVIGATION.search(line) or _DRAFT.search(line) \
                or _TENTATIVE.search(line):
            continue
        ends = [c for c in r.ctx.within(ls, le, "SIGN") + words if _HEADLINE_STOP.match(r.text, c.end)
                and not _EXISTING.match(r.text, c.end) and not _PLAN.match(r.text, c.end)]
        if not ends:
            continue
        word = with_kind_prefix(r.text, words[0])
        parties = [p for p in r.parties(ls, le, word.start) if p[3] != "agreement-publisher"]
        if len(parties) == 1 and r.publisher and is_signing_body(r.publisher) and not same_body(r.publisher, parties[0][0]):
            parties.insert(0, (r.publisher, ls, ls, "agreement-publisher"))
        if len(parties) < 2:
            continue
        titles = list(_TITLE.finditer(r.text, ls, le))
        title = strip_quotes(titles[0].group()) if titles else None
        date, date_ev = signing_date(r, ls, le, ends[0].start)
        d = draft(r, ls, le, word, title, title or r.text[max(ls, word.start - 12):word.end], parties, date, date_ev)
        d["evidence"][0] = (ls, le, "agreement-headline")
        return [d]
    return []


def voice_drafts(r: AgreementReader, sentences: list[tuple[int, int, Candidate, Candidate]]) -> list[dict]:
    """「東西大学と包括連携協定を締結しました」 on a page that speaks for 船橋市, when its sentences gave no
    agreement (a fallback): the first signing sentence reported as done that names one body, and the
    page's publisher, is a signing of the two."""
    if not r.publisher or not is_signing_body(r.publisher):
        return []
    for s, e, word, sign in sentences:
        if not reported_done(r.text, s, e):
            continue
        found = [p for p in r.parties(s, e, word.start) if p[3] != "agreement-publisher"]
        if len(found) != 1 or same_body(r.publisher, found[0][0]):
            return []
        date, date_ev = signing_date(r, s, e, sign.start)
        titles = list(_TITLE.finditer(r.text, s, e))
        title = strip_quotes(titles[0].group()) if titles else None
        word = with_kind_prefix(r.text, word)
        parties = [(r.publisher, s, s, "agreement-publisher"), found[0]]
        return [draft(r, s, e, word, title, title or r.text[max(s, word.start - 12):word.end], parties, date, date_ev)]
    return []


def title_drafts(r: AgreementReader, sentences: list[tuple[int, int, Candidate, Candidate]]) -> list[dict]:
    """The agreement a page's title states (「東西大学との包括連携協定を締結(船橋市)」, or a news title that ends on
    its agreement word: 「青葉市と東西銀行が連携協定 創業支援で」), for a page whose
    text gave none and whose title is not among its lines: the title read as a headline by the same
    party grammar (its rule candidates; no model), each party found written in the text, the kind
    the title's, its agreement word and date those of the page's first signing sentence."""
    title = (r.ctx.doc.title or "").strip()
    if not title or "\n" in title or len(title) > 120 or any(line.strip() == title for line in r.text.split("\n")):
        return []
    doc = r.ctx.doc.model_copy(update={"text": title, "pages": []})
    t = AgreementReader(DocContext.build(doc, rule_candidates(title)))
    words = t.ctx.within(0, len(title), "AGREEMENT")
    signs = [c for c in t.ctx.within(0, len(title), "SIGN") + words if not _EXISTING.match(title, c.end)
             and not _PLAN.match(title, c.end) and (c.label == "SIGN" or _HEADLINE_STOP.match(title, c.end))]
    if not words or not signs or _NAVIGATION.search(title) or _DRAFT.search(title) or _TENTATIVE.search(title) \
            or _BILL.search(title):
        return []
    found = [p for p in t.parties(0, len(title), words[0].start) if p[3] != "agreement-publisher"]
    if len(found) == 1 and r.publisher and is_signing_body(r.publisher) and not same_body(r.publisher, found[0][0]):
        found.insert(0, (r.publisher, 0, 0, "agreement-publisher"))
    if len(found) < 2 or not sentences:
        return []
    s, e, word, sign = sentences[0]  # the page's first signing sentence: its agreement word, its date
    word = with_kind_prefix(r.text, word)
    parties = []
    for name, st, en, rule in found:
        written = next((w for w in (title[st:en], name) if w and w in r.text), None)
        if written is None and rule == "agreement-publisher":
            parties.append((name, s, s, rule))  # the publisher the title's brackets name: the omitted subject
            continue
        if written is None:
            return []  # (evidence points into the text: a party it never writes cannot be shown)
        at = r.text.find(written)
        parties.append((name, at, at + len(written), "agreement-title"))
    titles = list(_TITLE.finditer(title))
    quoted = strip_quotes(titles[0].group()) if titles else None
    d = draft(r, s, e, word, quoted, quoted or title, parties, *signing_date(r, s, e, sign.start))
    d["evidence"] = [sp._replace(rule="agreement-title", how="kind from the title")
                     if isinstance(sp, Span) and sp.field == "kind" and sp.value not in r.text[sp.start:sp.end] else sp
                     for sp in d["evidence"]]
    return [d]


def _is_heading(r: AgreementReader, s: int, e: int) -> bool:
    """A heading line: no 。 in it, and the page's title or its first line."""
    line = r.text[s:e].strip()
    if not line or "。" in line:
        return False
    first = next((x.strip() for x in r.text.split("\n") if x.strip()), "")
    return line == first or party_key(line) == party_key(r.ctx.doc.title or "")


def _word_in_force(r: AgreementReader, word: Candidate) -> bool:
    """Whether an agreement word names one in force: its clause says so before it (これまでにも, 既に) or its
    signing verb does (…協定を締結しており, …協定を結んでいる)."""
    s, _ = r.ctx.sentence(word.start)
    clause = max(s, r.text.rfind("、", s, word.start) + 1)
    if _BACKGROUND.search(r.text, clause, word.start):
        return True
    signs = [c for c in r.ctx.within(word.end, min(len(r.text), word.end + 8), "SIGN")]
    return bool(signs) and bool(_IN_FORCE.match(r.text, signs[0].end) or _EXISTING.match(r.text, signs[0].end)
                                or _OBJECT_OF_IN_FORCE.match(r.text, word.end))


def agreement_drafts(ctx: DocContext) -> list[dict]:
    if _DRAFT.search(ctx.doc.title or ""):
        return []  # 「…協定書(案)」: a draft is no agreement
    r = AgreementReader(ctx)
    sentences: list[tuple[int, int, Candidate, Candidate]] = []
    kv_date, kv_s, kv_e, kv_ev = key_value_date(r)
    seen: set[tuple[int, int]] = set()
    topics: dict[tuple[int, int], tuple[str, int, int, str]] = {}  # a live clause's subject written before it
    background: set[tuple[int, int]] = set()  # sentences whose signings are all of agreements in force
    headlines: set[tuple[int, int]] = set()  # verbless news headlines read as signings
    for word in (c for c in ctx.cands if c.label == "AGREEMENT"):
        s, e = r.joined_sentence(word.start)
        if (s, e) in seen:
            continue
        said = ctx.text[s:e].strip()
        if len(said) >= 20 and ctx.text.find(said, e) != -1:
            continue  # written again below (a heading that repeats the lead sentence): read where it is last
        dated = any(d.start_date and d.precision == "day" for d in r.dates_in(s, e)) or \
            bool(kv_date) or bool(event_date_below(r, s, e)[0])  # a planned signing with its day set
        all_signs = ctx.within(s, e, "SIGN")
        signs = [c for i, c in enumerate(all_signs) if not _EXISTING.match(ctx.text, c.end)
                 and not _SIGNED_BEFORE_WORD.search(ctx.text, max(s, c.start - 10), c.start)
                 and not _OBJECT_OF_IN_FORCE.match(ctx.text, c.end)
                 and not _AIM_AFTER.match(ctx.text, c.end)
                 and not (ctx.text[c.start - 1:c.start] == "と" and _MEANS.match(ctx.text, c.start))
                 and (dated or not _PLAN.match(ctx.text, c.end))
                 and not _BACKGROUND.search(ctx.text, all_signs[i - 1].end if i else s, c.start)]
        if _NAVIGATION.search(ctx.text, s, e) or _DRAFT.search(ctx.text, s, e) or \
                (not dated and _TENTATIVE.search(ctx.text, s, e)) or _PROVISION.match(ctx.text, s):
            continue  # a breadcrumb repeats the title; a draft (案), a name not yet fixed (仮称), a provision is no signing
        if all_signs and not signs:
            background.add((s, e))
        if not all_signs and _headline_signing(ctx.text, s, e, word):
            signs = [word]  # 「東西銀、青葉市と包括協定」: a news headline says the signing without a verb
            headlines.add((s, e))
        if not signs or _ANNIVERSARY.match(ctx.text, word.end) or _BILL.search(ctx.text, s, e) or \
                _UNDER.match(ctx.text, word.end):
            continue  # no signing, or the anniversary of an agreement signed long ago
        seen.add((s, e))
        before = [w for w in ctx.within(s, signs[0].start, "AGREEMENT") if w.start >= word.start]
        done = [c for c in all_signs if c.end <= signs[0].start and c not in signs and
                (_IN_FORCE.match(ctx.text, c.end) or _TREND.match(ctx.text, c.end) or _BACKGROUND.search(ctx.text, s, c.start))]
        comma = ctx.text.find("、", done[-1].end, signs[0].start) if done else -1
        if comma != -1:  # 「AとBは協定を結んでいますが、Cと協定を結ぶのは…」: the live signing's parties are in its own clause
            topic = _sentence_topic(r, s, done[0].start)
            s = comma + 1
            if topic:  # 「A市は、Bと…締結しており、今回、Cとも…締結しました」: A is the subject of both clauses
                topics[(s, e)] = topic
        sentences.append((s, e, before[-1] if before else word, signs[0]))  # the word the signing is of
    if sentences:
        r.arguments = signing_arguments(ctx.text, [(s, e) for s, e, _, _ in sentences])
    drafts: list[dict] = []
    gave: set[tuple[int, int]] = set()  # the signing sentences that gave a draft
    for s, e, word, sign in sentences:
        got = _sentence_drafts(r, s, e, word, sign, first=not drafts, topic=topics.get((s, e)))
        if got:
            gave.add((s, e))
        for d in got:
            d["_headline"] = (s, e) in headlines
        drafts += got
    # a list's rows, headings and tables; a signing line that named too few parties to stand alone
    # (a news list's 「2024.05.10 東西市との協定の締結について」) is still a row of its list
    r.last_groups, r.last_named = [], []
    rows = row_drafts(r, gave) + heading_drafts(r, gave) + header_row_drafts(r, gave)
    for d in rows:
        for key in _WORKING_KEYS:
            d.pop(key, None)
    if not sentences and not rows:  # the 協定書 itself, with no signing sentence: its heading and signature block
        sentences = _document_heading(r)
    if not sentences:
        return rows
    add_joining(r, drafts)
    add_counted_members(r, drafts)
    drafts = without_signers(r, drafts)
    drafts = split_ceremonies(r, merge_subsets(drafts))
    drafts = [x for d in drafts for x in split_each(r, d)]
    drafts = [x for d in drafts for x in split_clauses(r, d, kind_of)]
    drafts = split_bilateral(r, drafts)
    drafts = split_listed_documents(r, drafts)
    blocks = party_blocks(ctx.text)
    if not drafts and len(blocks) == 1:  # 「上記の自治体と…締結」: the parties are the block's
        s, e, word, sign = sentences[0]
        own = [(n, st, en, rule) for n, st, en, rule in r.parties(s, e, word.start)]
        date, date_ev = signing_date(r, s, e, sign.start)
        drafts = [draft(r, s, e, word, None, r.text[max(s, word.start - 12):word.end], own, date, date_ev)]
    if len(drafts) == 1 and blocks:
        d = drafts[0]
        for _, items in blocks:
            for n in items:
                branch_of = [p for p in d["parties"] if party_key(n.name).startswith(party_key(p))
                             and party_key(n.name) != party_key(p) and branch_end(n.name, len(p)) == len(n.name)]
                if branch_of:  # the block names the branch of a body the sentence named: the branch signs
                    d["parties"] = [n.name if p == branch_of[0] else p for p in d["parties"]]
                elif all(party_key(n.name) != party_key(p) and not party_key(p).startswith(party_key(n.name))
                         for p in d["parties"]):
                    d["parties"].append(n.name)
                d["evidence"].append(field_span(n.start, n.end, n.rule, "parties", n.name,
                                                how=party_how(r, r.text[n.start:n.end], n.name)))
    block = signature_block(ctx.text)
    if not drafts and block:  # the 協定書 itself: its signature block names the parties
        s, e, word, sign = sentences[0]
        signers = [(n.name, n.start, n.end, n.rule) for n in block[1]]
        drafts = [draft(r, s, e, word, None, r.text[max(s, word.start - 12):word.end], signers, None, None)]
    if not drafts and not rows:  # no sentence, list or signature block gave an agreement: the page's
        drafts = headline_drafts(r) or title_drafts(r, sentences) or voice_drafts(r, sentences)  # headline may state it
    for d in drafts:
        if d["signed_date"] is None and kv_date and len(drafts) == 1:
            d["signed_date"] = kv_date
            d["evidence"] += [(kv_s, kv_e, "agreement-date-key-value"), kv_ev]
        s, e = d["_sentence"]
        if d["signed_date"] is None and block and (len(drafts) == 1 or names_subset(d["parties"],
                                                                                     [n.name for n in block[1]])):
            d["signed_date"] = block[0].start_date
            d["evidence"].append(date_span(block[0], "agreement-signature", "signed_date"))
        for span in [(s, e), *d.get("_also", [])]:  # (「…協定締結について」 over 「…締結しました。\n日時 …」)
            if d["signed_date"] is None:
                d["signed_date"], ev = event_date_below(r, *span)
                if ev:
                    d["evidence"].append(ev)
        if d["signed_date"] is None and len(drafts) == 1:  # 「…締結しました。10日に締結式を行いました」
            d["signed_date"], ev = ceremony_date(r, background)
            if ev:
                d["evidence"].append(ev)
        if d["signed_date"] is None:
            date_of_accompanied(r, d, drafts)
        if d["signed_date"] is None:
            date_elsewhere(r, d, seen | background)  # (「…を締結した際、」 dates no other signing)
        if d["signed_date"] is None:
            _date_of_signers(r, d)
        if d["signed_date"] is None and len(drafts) == 1:  # 「協定書を手にする市長と理事長＝29日、市役所」
            d["signed_date"], ev = caption_date(r)
            if ev:
                d["evidence"].append(ev)
        if d["signed_date"] is None and r.doc_date and r.doc_date.kind != "event name" and \
                any(reported_done(ctx.text, *span) for span in [(s, e), *d.get("_also", [])]) and \
                not RECENTLY.search(ctx.text, s, e):  # 「このほど結びました」: some day before the page's, not its day
            d["signed_date"], ev = heading_date(r) if len(drafts) == 1 else (None, None)  # 「…調印式(R5.4.26)」
            page, how = page_date(r)
            d["signed_date"] = d["signed_date"] or page
            d["evidence"].append(ev or field_span(r.doc_date.start, r.doc_date.end, "agreement-date-document", "signed_date",
                                                  page, how=how))
        d["confidence"] = 0.8 if d["signed_date"] else 0.7
    kind_named_on_page(r, drafts, seen, lambda c: _word_in_force(r, c))  # (協定書に署名する… over …包括連携協定書に調印し)
    drafts += also_signed(r, drafts, sentences)  # 「…に調印した。…防災協定も交わした」: a second document signed
    for d in drafts:
        for key in _WORKING_KEYS:
            d.pop(key, None)
    for d in drafts + rows:
        fold_short_forms(d)  # 「OKB大垣共立銀行」 beside 「大垣共立銀行」: one party
    return drafts + rows
