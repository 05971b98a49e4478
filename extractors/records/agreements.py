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
per document when two are signed together (「協定書及び…覚書を締結」), one per
partner when each partner had its own ceremony (「Aとの締結式は5月8日」).
Sentences of one document that name a subset of an agreement's parties
describe that agreement.

The signing date: `agreement_dates`.
"""
from __future__ import annotations

import re
from dataclasses import replace

from extractors.language.arguments import Argument, signing_arguments
from extractors.language.dates import find_dates
from extractors.language.gazetteer import is_municipality
from extractors.language.org_names import find_org_names
from extractors.language.institutions import find_institutions, is_institution, short_form_aliases
from extractors.records.agreement_dates import DATE_KEY, date_elsewhere, event_date_below, key_value_date, reported_done, signing_date
from extractors.records.lines import Line, is_list_row
from extractors.records.officials import official_after
from extractors.records.signatures import signature_block
from extractors.records.wrapping import Wrapping
from extractors.records.agreement_splits import (clause_dates, merge_subsets, names_subset, own_dates, same_body,
                                                split_bilateral,
                                                split_ceremonies, split_documents, split_each)
from extractors.records.context import DocContext, strip_quotes
from extractors.records.coordination import (KIND_CLASSES, Named, bare_municipality, bracket_list, branch_end, counted_kind,
                                             name_start, party_blocks, party_key, shared_ending)
from extractors.records.evaluate import norm
from extractors.records.party_groups import counted_lists, group_word, is_group_noun, list_below
from extractors.records.publisher import (ORG_WORDS, document_date, is_signing_body, publisher, stands_for_publisher,
                                          title_bodies)
from extractors.records.spans import Span, date_span, field_span
from schemas.records import Candidate

_KIND_PREFIX = re.compile(r"(?:産学官金|産学官|産官学金|産官学|産学)$")
_KIND_WORDS = ("産学官金連携協定", "産学官連携協定", "産官学金連携協定", "産官学連携協定", "産学連携協定",
               "包括連携協定", "包括的連携協定", "連携協力協定", "相互協力協定", "連携協定", "業務提携", "業務連携",
               "業務協力協定", "パートナーシップ協定", "包括協定", "協定", "覚書", "提携")
_TITLE = re.compile(r"[「『]([^「」『』\n]{2,60}?(?:協定書?|覚書|契約書?))[」』]")
_KANSURU = re.compile(r"(包括連携|包括的な連携|連携協力|相互協力|業務提携|業務連携|連携)(?:に関する|に係る|にかかる|に関わる)(?:包括|基本)?(?:協定|協定書)\s?$")
_ROLE_AFTER = re.compile(r"^(?:会頭|理事|所長|支店長|知事|長|役所|議会|職員|民|内|外|立|側|役場|長ら|理事長|学長|頭取|会長|社長|代表|会員)")
_PARTY_SEP = re.compile(r"^[\s]*(?:と|、|,|，|及び|および|並びに|ならびに|や|・)")
_SUBJECT_AFTER = re.compile(r"\s?(?:[(（][^()（）]*[)）])?\s?(?:は|が)")
_QUOTED_ORG = re.compile(r"「([^「」]{3,40}?)」")
# 「青葉まつり」実行委員会: a quoted event or project name and the kind of body that runs it
_QUOTED_HEAD = re.compile(r"「[^「」\n]{2,30}」(?:" + "|".join(("実行委員会", "推進協議会", "協議会", "委員会", "研究会",
                                                              "連絡会", "推進会議", "ネットワーク") + ORG_WORDS) + ")")
_INTRODUCED = re.compile(r"[(（](?:[^()（）]*?[、,:：]\s?)?以下[、・,]?\s?[「『]?([^「」『』、,()（）\s]{2,20})[」』]?(?:という)?")
_PARTICLE_START = "とはがをにでのへや"
_PREDICATE_AFTER = re.compile(r"\s?(?:し|す|さ|式|を行|いた|の運び|予定|へ|に向け)")
_ANNIVERSARY = re.compile(r"\s?(?:\d+|[一二三四五六七八九十]+)周年|\s?記念")
_JOINS = re.compile(r"\s?(?:[(（][^()（）]*[)）])?\s?(?:が|も)[^。]{0,10}?(?:加わ|参加し|含まれ)")
_BACK_KINDS = {"信金": "信用金庫", "信組": "信用組合", "行": "銀行", "社": "株式会社", "庫": "金庫", "実行委": "実行委員会",
               "会": "会", "所": "会議所"}
# A signing word that speaks of an agreement in force (「協定を締結している企業と」, 「締結済み」, 「締結先」)
# or of a bill (「協定の締結に関する議案」): no new agreement.
_EXISTING = re.compile(r"\s?(?:し?てい(?:る|ます|た)|しており|でおり|でいる|でいた|でいます|済み?|中の|先|に関する議案|について\(?議案|を提案|を検討|"
                       r"のきっかけ|の背景|の経緯|を受け|後|以降|以来|から|を機に|を記念|に伴|"
                       r"にあわせ|に合わせ|に併せ|と同時に|とあわせ|と合わせ|と併せ|(?:だ|た)?のに続|に続い|に続き|に引き続|"
                       r"した(?:協定|覚書|契約|包括|連携|各|自治体|企業|金融機関))")
_SELF_WORD = re.compile(r"^(?:本|当|同|弊|わが|我が)?(?:市|町|村|区|県|府|行|金庫|会|学|機構|協会|所|社|大学)$")
_BARE_GROUP = re.compile(r"(?<![\u4e00-\u9fff々ァ-ヶー])(大学|金融機関|信用金庫|銀行|自治体|市町村|企業|団体|機関)"
                         r"(?=と(?:の間|、|\s)?[^、。]{0,40}?(?:協定|覚書|提携|契約))")
_COLLECTIVE = re.compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{1,4}?[0-9一二三四五六七八九十]+(?:県|府県|都道府県|市町村|市町|市)の$")
# A signing only planned, with no day set: 「締結に向けて協議」, 「締結する方針」, 「締結を予定」
_FOLLOWS = re.compile(r"(?:だ|た)?のに続|に続い|に続き|に引き続")
_PLAN = re.compile(r"\s?(?:に向け|を目指|を目標|する方針|の方針|を検討|について検討|を予定|の予定|する予定|を視野|へ向け|の準備)")
_TENTATIVE = re.compile(r"[(（]仮称[)）]")
_DRAFT = re.compile(r"(?:協定|覚書|契約)書?\s?[(（]案[)）]")
_NAVIGATION = re.compile(r"[^\n>＞]{1,30}\s[>＞]\s[^\n>＞]{1,30}\s[>＞]\s")
_COORDINATED = re.compile(r"\s?(?:[(（][^()（）]{0,40}[)）])?\s?(?:と|、|,|及び|および|並びに|ならびに)\s?")
_DIVISION = re.compile(r"(?:課|係|室|(?<!本|支|学|業)部|事業部|グループ|チーム)$")
_PUBLIC_BODY_END = ("都", "道", "府", "県", "市", "区", "町", "村")
_OTHER_CASE = re.compile(r"\s?(?:を|で|へ|から|より|による|において|における|に(?!よる|おいて|おける))")
_ASIDE_AFTER = re.compile(r"\s?[(（][^()（）]{0,40}[)）]")
_BACK_PREFIX = re.compile(r"同(?:大学|市|町|村|区|県|社|行|信金|金庫|機構|協会|会議所)")
_SIGNED_BEFORE = re.compile(r"(?:締結|調印|提携)(?:いた)?した\s?$|結んだ\s?$")
_BILL = re.compile(r"議案|議決|上程")  # a bill to sign is no signing
_ROW_HEADER = re.compile(r"締結|協定|提携|連携先|相手方")
_PLACE_WORDS = re.compile(r"(?:キャンパス|会場|庁舎|会館|ホール|役所|役場|本庁舎)$")
_NOT_A_NAME = re.compile(r"(?:^|両|各|計|(?<!第)[0-9一二三四五六七八九十](?:つの)?)(?:" + "|".join(ORG_WORDS) + ")$")
_OFFICE = re.compile(r"(?:長|助役|理事|監事|参与|顧問)$")  # 教育長, 副市長, 支店長: people
_DOCUMENT_NAME = re.compile(r"(?:ビジョン|計画|戦略|方針|プラン|構想|条例|プログラム|指針)$")
_BARE_BRANCH = re.compile(r"^[^\s、,。()（）]{1,8}(?:支店|支所|出張所|営業部)$")
_UNDER = re.compile(r"\s?(?:書)?(?:に基づ|にもとづ|に基く|のもと|の下)")  # an event under an agreement in force
_WORKING_KEYS = ("_sentence", "_split", "_written", "_quoted")  # what the assembler keeps on a draft while it works
MAX_JOINED = 400  # a wrapped sentence is read whole up to this many characters


def _is_address(short: str) -> bool:
    """新富町富田南, 津市栗真町屋町: a place name with more after it, in brackets after a body's name."""
    return any(short[i - 1] in "都道府県市区町村" and is_municipality(short[:i]) for i in range(2, min(len(short), 6))) \
        and not is_signing_body(short)


def _without_division(name: str) -> str:
    """船橋市経済部商工振興課 -> 船橋市: a department, division or office of a body acts for the body."""
    if not _DIVISION.search(name) or is_institution(name):
        return name
    for i in range(len(name) - 1, 1, -1):
        head = name[:i]
        if (is_municipality(head) or is_institution(head) or head.endswith(ORG_WORDS)) and is_signing_body(head):
            return head
    return name


def kind_of(word: str, title: str | None) -> str:
    """The kind as written, without 書: 包括連携協定書 -> 包括連携協定; 連携協力に関する協定書 -> 連携協力協定."""
    if title:
        m = _KANSURU.search(title)
        if m and "包括" in title:  # 「連携協力に関する包括協定」, 「包括連携協力に関する協定」: keep 包括
            return "包括連携協定" if "連携" in title else "包括協定"
        if m:
            return (m.group(1).replace("包括的な連携", "包括連携") + "協定").replace("業務提携協定", "業務提携")
    if word.endswith("覚書"):
        return "覚書"
    word = word.rstrip("書")
    for k in _KIND_WORDS:
        if word.endswith(k):
            return k
    return word


class _Reader:
    """What the agreement rules know of one document beyond its DocContext."""

    def __init__(self, ctx: DocContext):
        self.ctx = ctx
        self.text = ctx.text
        self.publisher = publisher(ctx.doc.title, ctx.text)
        self.doc_date = document_date(ctx.text)
        self.aliases = {short: full for short, full in
                        {**short_form_aliases(ctx.text), **self._introduced(), **ctx.aliases}.items()
                        if not is_municipality(short) and not short.endswith(_PUBLIC_BODY_END) and not _ROLE_AFTER.match(short)
                        and not _is_address(short)  # an address, a title
                        and not _NOT_A_NAME.search(full) and not is_group_noun(full)}  # 「3信金(A、B、C)」: a list
        self.institutions = [Candidate(label="ORG", start=s, end=e, text=n, rule="institution")
                             for s, e, n in find_institutions(ctx.text)]
        self.arguments: list[Argument] = []
        self.last_groups: list[tuple[str, int, int]] = []  # group nouns the last `parties` call passed over
        self.wrap = Wrapping(ctx.text)
        self.title_bodies = [] if self.publisher else title_bodies(ctx.doc.title or "")

    def _introduced(self) -> dict[str, str]:
        """「X(代表取締役社長:…、以下「DBJ」という。)」, 「X(以下・Y 所在地)」: Y stands for X."""
        out = {}
        for c in self.ctx.cands:
            if c.label not in ("ORG", "GPE"):
                continue
            m = _INTRODUCED.match(self.text, c.end)
            if m and m.group(1) != c.text:
                out.setdefault(m.group(1), c.text)
        return out

    def year(self) -> int | None:
        return self.ctx.year or (self.doc_date.year if self.doc_date else None)

    # ---- sentences -------------------------------------------------------------------------
    def joined_sentence(self, offset: int) -> tuple[int, int]:
        """The sentence at offset, with the lines it wraps over: a line that starts with a
        particle continues the one above; a line that ends with 、 goes on below."""
        s, e = self.ctx.sentence(offset)
        text = self.text
        while s > 0 and text[s:s + 1] in (")", "）") and e - s < MAX_JOINED:
            s = self.ctx.sentence(s - 1)[0]  # the 。 of 「(…、以下「X」という。)」 ends no sentence
        while s > 1 and text[s - 1] == "\n" and text[s:s + 1] and text[s] in _PARTICLE_START \
                and text[s - 2] not in "。！？!?\n" and e - s < MAX_JOINED:
            s = self.ctx.sentence(s - 2)[0]
        while e < len(text) and text[e - 1] == "\n" and e >= 2 and text[e - 2] in "、," and e - s < MAX_JOINED:
            e = self.ctx.sentence(e)[1]
        while s > 1 and text[s - 1] == "\n" and self.wrap.goes_on(s - 1) and e - s < MAX_JOINED:
            s = self.ctx.sentence(s - 2)[0]  # a hard-wrapped text: the line above goes on in this one
        while e < len(text) and text[e - 1] == "\n" and self.wrap.goes_on(e - 1) and e - s < MAX_JOINED:
            e = self.ctx.sentence(e)[1]
        return s, e

    # ---- parties ---------------------------------------------------------------------------
    def name_of(self, c: Candidate) -> str | None:
        if c.text.startswith(("本", "当", "弊")) and stands_for_publisher(c.text, self.publisher):
            return self.publisher  # 本所 tagged as a place by the model, 本会 as an organisation
        if not c.text.startswith("同") and _SELF_WORD.match(c.text) and stands_for_publisher(c.text, self.publisher):
            return self.publisher  # 「県は」: the bare kind word of the publisher
        if c.label == "SELF":
            if c.text.startswith("同"):
                back = self.back_reference(c)
                if back:
                    return back
            if stands_for_publisher(c.text, self.publisher):
                return self.publisher
            return self.ctx.resolve_self(c.text)
        if c.label == "ORG_ABBR":
            return self.aliases.get(c.text)
        if "\n" in c.text:
            return c.text.replace("\n", "")
        if _QUOTED_HEAD.fullmatch(c.text):
            return c.text  # 「青葉まつり」実行委員会: the brackets are part of the name
        m = _BACK_PREFIX.match(c.text)
        if m and m.end() < len(c.text):  # 同大学短期大学部: the body named before, and its school
            back = self.back_reference(Candidate(label="SELF", start=c.start, end=c.start + m.end(), text=m.group(),
                                                 rule=c.rule))
            return back + c.text[m.end():] if back else None
        name = strip_quotes(c.text)
        if name in self.aliases:
            return self.aliases[name]
        return name if name in self.ctx.aliases else self.ctx.resolve(name)  # an address is no alias

    def back_reference(self, c: Candidate) -> str | None:
        """同信金, 同行, 同実行委: the last body of that kind named before it."""
        kind = _BACK_KINDS.get(c.text[1:], c.text[1:])
        label = "GPE" if kind in ("市", "町", "村", "区", "県", "府") else "ORG"
        before = [o for o in self.ctx.cands + self.institutions
                  if o.label == label and o.end <= c.start and strip_quotes(o.text).endswith(kind)
                  and strip_quotes(o.text) != kind]
        if not before:
            return None
        last = max(before, key=lambda o: (o.end, o.end - o.start))
        name = strip_quotes(last.text)
        if _BARE_BRANCH.match(name):  # 同支店: 日本政策金融公庫岡山支店, the body written before its branch
            body = [o for o in self.ctx.cands + self.institutions if o.label == "ORG" and o.end == last.start]
            if body:
                name = strip_quotes(max(body, key=lambda o: o.end - o.start).text) + name
        return self.aliases.get(name, name)

    def _candidates(self, s: int, e: int) -> list[Candidate]:
        cands = self.ctx.within(s, e, "ORG", "GPE", "SELF", "ORG_ABBR")
        cands += [c for c in self.institutions if s <= c.start and c.end <= e]
        for st, en in find_org_names(self.text, s, e):  # 一般社団法人ふなばし…機構: hiragana inside
            cands.append(Candidate(label="ORG", start=st, end=en, text=self.text[st:en], rule="org-grammar"))
        for st, en, _name in self.wrap.names_across(s, e):  # 青葉生活協同\n組合あおばコープ
            cands.append(Candidate(label="ORG", start=st, end=en, text=self.text[st:en], rule="name-across-lines"))
        for m in _QUOTED_HEAD.finditer(self.text, s, e):
            cands.append(Candidate(label="ORG", start=m.start(), end=m.end(), text=m.group(), rule="quoted-org"))
        for m in _QUOTED_ORG.finditer(self.text, s, e):  # 「青葉まつり実行委員会」は
            if is_signing_body(m.group(1)):
                cands.append(Candidate(label="ORG", start=m.start(1), end=m.end(1), text=m.group(1), rule="quoted-org"))
        return sorted(cands, key=lambda c: (c.start, -(c.end - c.start)))

    def _joined(self, c: Candidate, cands: list[Candidate]) -> Candidate:
        """青葉県 + 中小企業家同友会 written together is one body; so is a body and its branch."""
        end = c.end
        for o in cands:
            if o.start == end and o.label == "ORG" and c.label in ("GPE", "ORG"):
                end = o.end
        end = branch_end(self.text, end)
        start = c.start
        if not any(o.end == c.start - 1 for o in cands):  # 同実行委事務局・城南信用金庫: two names
            start = name_start(self.text, c.start)
        m = _COLLECTIVE.search(self.text, max(0, start - 12), start)
        if m and c.label == "ORG":  # 九州7県の生活協同組合連合会: the bodies of seven prefectures, one party
            start = m.start()
        if (start, end) == (c.start, c.end):
            return c
        return Candidate(label="ORG", start=start, end=end, text=self.text[start:end], rule=c.rule)

    def parties(self, s: int, e: int, anchor: int) -> list[tuple[str, int, int, str]]:
        """(name, start, end, rule) of the parties of the signing sentence text[s:e] whose
        agreement word starts at anchor: names before it, arguments of the predicate anywhere."""
        text = self.text
        args = [a for a in self.arguments if s <= a.start and a.end <= e]
        cands = self._candidates(s, e)
        found: list[tuple[str, int, int, str]] = []
        taken: list[tuple[int, int]] = []
        self.last_groups = []
        lists = [n for i in range(s, e) if text[i] in "(（" for n in bracket_list(text, i, e)]
        lists += shared_ending(text, s, e)

        def add(name: str | None, st: int, en: int, rule: str) -> None:
            if not name or not name.strip() or _PLACE_WORDS.search(name) or \
                    (_NOT_A_NAME.search(name) and not is_institution(name)):  # 十六銀行 is a name
                return  # 「信用金庫」「県内5大学」: a kind, not a name; 「…キャンパス」「…市役所」: a place
            if not is_signing_body(name) and (_OFFICE.search(name) or _DOCUMENT_NAME.search(name)):
                return  # 教育長: a person's office; 「…共生ビジョン」: a plan the agreement is based on
            if is_group_noun(name):
                self.last_groups.append((name, st, en))
                return  # 「以下の銀行・信用金庫」, 「総合大学と」: a kind of body, named by its members elsewhere
            if _BARE_BRANCH.match(name) and re.search(r"[)）]\s?$", text[max(s, st - 2):st]):
                return  # 日本政策金融公庫(日本公庫)小諸支店: the branch of the body before the aside
            name = bare_municipality(_without_division(name))
            key = party_key(name)
            for i, (n, *_rest) in enumerate(found):
                k = party_key(n)
                if k == key or (k.startswith(key) and len(k) > len(key)):
                    return  # the same body, or its branch already named
                if key.startswith(k) and len(key) > len(k) and re.search(r"(支店|支所|営業部|連合店|本店|(?<!短期大)学部|研究科)$", key):
                    found[i] = (name, st, en, rule)  # the branch, not the whole bank
                    return
            found.append((name, st, en, rule))
            taken.append((st, en))

        before = [m.start() for m in _FOLLOWS.finditer(text, s, anchor)]
        for c in cands:
            if any(a <= c.start and c.end <= b for a, b in taken):
                continue
            if before and c.end <= before[-1] and not _SUBJECT_AFTER.match(text, c.end):
                continue  # 「昨年A市と協定を結んだのに続き、今回B市と…」: A市 is of the earlier agreement
            in_list = any(n.start <= c.start and c.end <= n.end for n in lists)
            in_arg = any(a.start <= c.start < a.end or c.start <= a.start < c.end for a in args) or \
                self._dated_relative(s, c.start)
            if not in_arg and c.end > anchor:
                continue
            if in_list or (self.ctx.in_parens(c.start, c.end) and not in_arg):
                continue
            if (_ROLE_AFTER.match(text[c.end:c.end + 3]) or _OTHER_CASE.match(text, c.end)) and not in_arg:
                continue  # 「…ブランドを確立し」: the object of another verb is no party
            aside = _ASIDE_AFTER.match(text, c.end)
            after = text[aside.end() if aside else c.end:][:4]  # さいたま市(市長 …)と: read past the aside
            if c.label == "GPE" and not in_arg and not _PARTY_SEP.match(after) and \
                    not re.match(r"^\s?(?:は|が|の「|との|とは|の間)", after) and \
                    not (found and _COORDINATED.fullmatch(text, found[-1][2], c.start)):
                continue  # a place named in passing (東京都八王子市や…), not a party; 「AとB市の協定」 names B市
            c = self._joined(c, cands)
            name = self.name_of(c)
            if c.label == "GPE" and name and not name.endswith(_PUBLIC_BODY_END) and \
                    not is_signing_body(bare_municipality(name)):
                continue  # 日本, 東北: a place that is no public body
            arg = next((a for a in args if a.start <= c.start < a.end or c.start <= a.start < c.end), None)
            add(name, c.start, c.end, arg.rule if arg else c.rule)  # the dependency pattern's id goes to the evidence
        for n in lists:
            add(self.aliases.get(n.name, n.name), n.start, n.end, n.rule)
        for a in args:  # an argument no candidate covers: 「市は」, a name the rules missed
            if any(st < a.end and a.start < en for _, st, en, _ in found):
                continue
            if before and a.end <= before[-1] and not _SUBJECT_AFTER.match(text, a.end):
                continue
            word = text[a.start:a.end]
            if stands_for_publisher(word, self.publisher):
                add(self.publisher, a.start, a.end, a.rule)
            elif is_signing_body(word) and not self.ctx.in_parens(a.start, a.end):
                add(word, a.start, a.end, a.rule)
        for m in _BARE_GROUP.finditer(text, s, e):  # 「研究所のある大学と」: a kind word alone, no name
            self.last_groups.append((m.group(1), m.start(1), m.end(1)))
        for n in self.group_members(s, e):
            add(n.name, n.start, n.end, n.rule)
        for cs, ce, n, kind in counted_kind(text, s, e):
            names = self._names_of_kind(kind)
            if len(names) == n:
                for c in names:
                    add(self.name_of(c), c.start, c.end, f"agreement-counted:{kind}")
        found = [f for f in found if f[2] == f[1] or not any(  # 青葉県 inside 青葉県事業承継・引継ぎ支援センター
            o[1] <= f[1] and f[2] <= o[2] and o[2] - o[1] > f[2] - f[1] for o in found)]
        implied = self.publisher or self._title_body([n for n, *_ in found])
        if implied and self._predicate_in(s, e) and not self._has_subject(s, e, args, found):
            found.insert(0, (implied, s, s, "agreement-publisher"))
            names = [n for n, *_ in found]
            found = [f for i, f in enumerate(found) if f[0] not in names[:i]]
        return found

    def _title_body(self, partners: list[str]) -> str | None:
        """A page whose title names no publisher in brackets (「金融機関2者と川西町の…協定を結びました」):
        the one body the title names that is not among the partners of the sentence signs for it."""
        others = [b for b in self.title_bodies if not any(same_body(b, p) for p in partners)]
        return others[0] if len(others) == 1 else None

    def _dated_relative(self, s: int, at: int) -> bool:
        """「令和2年5月に協定を締結した東西大学とは」: the body a dated relative clause of
        signing describes is a partner of that signing (undated, it is an agreement in force)."""
        m = _SIGNED_BEFORE.search(self.text, max(s, at - 8), at)
        if not m:
            return False
        return any(d.start_date and d.precision in ("month", "day") and not d.fiscal_year and d.year_given
                   for d in self.ctx.dates_in(s, m.start()))

    def member_name(self, st: int, en: int) -> str | None:
        """The body a member of a list stands for: a name, or a reference (同所, 同市, 本市) resolved."""
        written = self.text[st:en]
        label = "SELF" if re.match(r"^(?:同|本|当)", written) and len(written) <= 4 else "ORG"
        return self.name_of(Candidate(label=label, start=st, end=en, text=written, rule="member"))

    def group_members(self, s: int, e: int) -> list[Named]:
        """Members of the groups the sentence text[s:e] names: an enumeration closed by a count in it,
        the list below a 「以下の」 (`party_groups`), with references resolved."""
        out = []
        for _cs, _ce, _n, items in counted_lists(self.text, s, e):
            out += items
        at = group_word(self.text, s, e)
        if at is not None:
            out += list_below(self.text, e - 1)[1]
        named = []
        for n in out:
            name = self.member_name(n.start, n.end)
            if name:
                named.append(Named(n.start, n.end, name, n.rule))
        return named

    def previous_parties(self, s: int) -> list[tuple[str, int, int, str]]:
        """「AとBは…で合意した。同日、協定書に調印した。」: a signing sentence that names no one
        signs for the parties of the sentence right before it in the same paragraph."""
        if s < 2 or self.text[s - 1] not in "。\n" or self.text[max(0, s - 2):s] == "\n\n":
            return []
        ps, pe = self.ctx.sentence(s - 1)
        if not self.text[ps:pe].rstrip().endswith("。"):
            return []
        earlier = [p for p in self.parties(ps, pe, pe) if p[3] != "agreement-publisher"]
        if len(earlier) >= 2 and any(_SUBJECT_AFTER.match(self.text, en) for _, st, en, _ in earlier):
            return earlier
        return []

    def _names_of_kind(self, kind: str) -> list[Candidate]:
        seen, out = set(), []
        for c in sorted(self.ctx.cands + self.institutions, key=lambda c: c.start):
            endings = KIND_CLASSES.get(kind, (kind,))
            label = "GPE" if kind in ("自治体", "市町村") else "ORG"
            if c.label == label and c.text.endswith(endings) and c.text != kind and not self.ctx.in_parens(c.start, c.end):
                k = party_key(c.text)
                if k not in seen and not re.match(r"^[0-9一二三四五六七八九十]", c.text):
                    seen.add(k)
                    out.append(c)
        return out

    def _predicate_in(self, s: int, e: int) -> bool:
        """Whether the sentence signs (締結しました, 結ぶ, 締結式), rather than naming an agreement
        in passing (「姉妹都市提携30周年」): only then can its omitted subject be the publisher."""
        return any(_PREDICATE_AFTER.match(self.text, c.end) or c.text.endswith(("式", "ん", "び", "ぶ", "し"))
                   for c in self.ctx.within(s, e, "SIGN"))

    def _has_subject(self, s: int, e: int, args: list[Argument], found: list) -> bool:
        if any(a.role == "subject" and self.text[a.start:a.end] not in ORG_WORDS and
               (is_signing_body(self.text[a.start:a.end]) or any(st < a.end and a.start < en for _, st, en, _ in found)
                or _SELF_WORD.match(self.text[a.start:a.end])) for a in args):
            return True  # (「令和2年4月には」 is no subject)
        return any(_SUBJECT_AFTER.match(self.text, en) for _, st, en, _ in found if en > st)

    # ---- dates -----------------------------------------------------------------------------
    def dates_in(self, s: int, e: int):
        if self.ctx.year or not self.year():
            return self.ctx.dates_in(s, e)
        out = []  # month-days without a year: read them against the document's own date
        for d in find_dates(self.text[s:e], default_year=self.year()):
            out.append(replace(d, start=d.start + s, end=d.end + s))
        return out



def party_how(r: _Reader, written: str, name: str) -> str | None:
    """How a party's name came from the characters written for it (None: it is the name as written)."""
    if norm(strip_quotes(written)) == norm(name):
        return None
    if name == r.publisher and (stands_for_publisher(written, name) or written.startswith(("本", "当", "弊"))):
        return "publisher"
    if written.startswith("同"):
        return "back-reference"
    if strip_quotes(written) in r.aliases or strip_quotes(written) in r.ctx.aliases:
        return f"alias of {strip_quotes(written)}"
    if r.ctx.owner == name:
        return "self-reference"
    if written.startswith("県") and r.ctx.prefecture and name.startswith(r.ctx.prefecture):
        return "県 of the document's prefecture"
    return "as the document names it"


def publisher_span(r: _Reader, s: int, e: int, rule: str = "agreement-publisher", name: str | None = None) -> Span:
    """The publisher as the omitted subject of text[s:e]: its name where the text writes it, else the
    sentence's word of signing (the predicate whose subject is left out), else the sentence."""
    name = name or r.publisher
    at = r.text.find(name) if name else -1
    if at >= 0:
        return field_span(at, at + len(name), rule, "parties", name, how="publisher")
    sign = r.ctx.within(s, e, "SIGN")
    st, en = (sign[0].start, sign[0].end) if sign else (s, e)
    return field_span(st, en, rule, "parties", name, how="publisher")


def party_spans(r: _Reader, parties: list[tuple[str, int, int, str]], s: int, e: int) -> list[Span]:
    out = []
    for name, st, en, rule in parties:
        if en > st:
            out.append(field_span(st, en, rule, "parties", name, how=party_how(r, r.text[st:en], name)))
        elif name == r.publisher or rule == "agreement-publisher":
            out.append(publisher_span(r, s, e, rule, name))
    return out


def kind_span(r: _Reader, word: Candidate, written: str | None, kind: str) -> Span | None:
    """The characters the kind was read from: the kind word in the agreement word (包括連携協定 of
    包括連携協定書), or a title's 「…に関する協定」 it was made from."""
    m = _KANSURU.search(written) if written else None
    if m:
        phrase = m.group(0).strip()
        at = r.text.rfind(phrase, max(0, word.start - 80), word.end + 10)
        if at >= 0:
            how = None if norm(phrase) == norm(kind) else "kind from the title"
            return field_span(at, at + len(phrase), "agreement-kind", "kind", kind, how=how)
    if word.end <= word.start:
        return None
    body = word.text if word.text.endswith("覚書") else word.text.rstrip("書")
    i = body.rfind(kind)
    if i >= 0:
        return field_span(word.start + i, word.start + i + len(kind), word.rule, "kind", kind)
    return field_span(word.start, word.end, word.rule, "kind", kind, how="kind of the agreement word")


def _draft(r: _Reader, s: int, e: int, word: Candidate, title: str | None, written: str,
           parties: list[tuple[str, int, int, str]], date: str | None, date_ev: Span | None) -> dict:
    kind = kind_of(word.text, written)
    evidence = [(s, e, word.rule)] + party_spans(r, parties, s, e)
    evidence += [sp for sp in (kind_span(r, word, written, kind), date_ev) if sp]
    names = [n for n, *_ in parties]
    aliases: dict[str, list[str]] = {}
    for name, st, en, _ in parties:
        written_as = r.text[st:en]
        if en > st and written_as != name and written_as not in aliases.get(name, []):
            aliases.setdefault(name, []).append(written_as)
    for short, full in r.aliases.items():
        if full in names and short not in aliases.get(full, []):
            aliases.setdefault(full, []).append(short)
    return {
        "type": "agreement", "title": title or kind_of(word.text, None), "kind": kind,
        "parties": names, "party_aliases": aliases, "signed_date": date, "purpose": _purpose(r.ctx, s, e),
        "confidence": 0.8 if date else 0.7, "evidence": evidence, "_sentence": (s, e),
        "_written": list(parties), "_quoted": title,
    }


def _word_after(r: _Reader, words: list[Candidate], at: int, main: Candidate) -> Candidate:
    """The agreement word of a party's own clause: the first after its name (「Aとの研究協力協定に
    始まり」), else the sentence's."""
    return with_kind_prefix(r.text, next((w for w in words if w.start >= at and w.start <= main.start), main))


def with_kind_prefix(text: str, word: Candidate) -> Candidate:
    """産学 + 連携協定 -> 産学連携協定: a prefix that says who works together is part of the kind."""
    m = _KIND_PREFIX.search(text, max(0, word.start - 6), word.start)
    if not m or not word.text.startswith(("連携", "協定", "提携")):
        return word
    return Candidate(label=word.label, start=m.start(), end=word.end, text=text[m.start():word.end], rule=word.rule)


def _sentence_drafts(r: _Reader, s: int, e: int, word: Candidate, sign: Candidate, first: bool = True) -> list[dict]:
    """The drafts of one signing sentence; `first`: no signing sentence before it gave one (a later
    sentence that names no party restates that signing: 「今回の協定により…締結に至った」)."""
    text = r.text
    titles = list(_TITLE.finditer(text, s, e))
    title_m = next((m for m in titles if m.start() <= word.start < m.end() + 1), titles[0] if titles else None)
    word = with_kind_prefix(text, word)
    anchor = min(word.start, title_m.start() if title_m else word.start)
    referred = None
    if word.text.startswith("同"):  # 同契約: the kind is the one named before
        earlier = [w for w in r.ctx.cands if w.label == "AGREEMENT" and w.end <= word.start and not w.text.startswith("同")]
        word = referred = earlier[-1] if earlier else word
    parties = r.parties(s, e, anchor)
    if r.last_groups:  # 「…大学と連携協定を結んだ。相手はA、Bの2大学」
        for name, st, en, rule in following_members(r, e, [g for g, _, _ in r.last_groups]):
            if not any(same_body(name, p[0]) for p in parties):
                parties.append((name, st, en, rule))
    if len(parties) < 2 and title_m:
        parties = r.parties(title_m.start(), title_m.end(), title_m.end())
    if all(p[3] == "agreement-publisher" for p in parties):
        parties = (r.previous_parties(s) if first else []) or parties
    if len(parties) < 2:
        return []
    title = strip_quotes(title_m.group()) if title_m else None
    written = title or text[max(s, word.start - 12):word.end]
    date, date_ev = signing_date(r, s, e, sign.start)
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
                out.append(_draft(r, s, e, _word_after(r, words, group[0][2], word), title, written, common + group,
                                  when, date_span(d, "agreement-date-party", "signed_date")))
            return out
        own = {}
    if len(own) >= 2:  # one agreement per party that has its own date
        common = [p for p in parties if p[0] not in own]
        words = r.ctx.within(s, e, "AGREEMENT")
        return [_draft(r, s, e, _word_after(r, words, p[2], word), title, written, common + [p],
                       own[p[0]].start_date, date_span(own[p[0]], "agreement-date-party", "signed_date"))
                for p in parties if p[0] in own]
    words = r.ctx.within(s, e, "AGREEMENT")
    docs = split_documents(r, s, words, sign.start)
    if docs:  # one draft per document; a title that names two or more bodies names its parties
        out = []
        for t, w, ts in docs:
            own_parties = [p for p in r.parties(ts, w.end, w.end) if p[3] != "agreement-publisher"]
            out.append({**_draft(r, s, e, w, strip_quotes(t), t, own_parties if len(own_parties) >= 2 else list(parties),
                                 date, date_ev), "_split": True})
        return out
    return [_draft(r, s, e, word, title, written, parties, date, date_ev)]


_PURPOSE = re.compile(r"([^、。]{4,80}?)(?:ことを目的|を目的|ため(?:に)?、?(?:連携|協定|締結|お互い|相互))")


def _purpose(ctx: DocContext, s: int, e: int) -> str | None:
    m = _PURPOSE.search(ctx.text, s, e)
    return m.group(1).strip() if m else None


def _add_joining(r: _Reader, drafts: list[dict]) -> None:
    """「…覚書については、Xが加わっています」: bodies that join one of the documents signed together."""
    titled = [d for d in drafts if d.get("_split")]
    for d in titled:
        for m in re.finditer(re.escape(d["title"]), r.text):
            s, e = r.ctx.sentence(m.start())
            if (s, e) == d["_sentence"]:
                continue
            while e < len(r.text) and re.match(r"\s?(?:また|さらに|更に)、", r.text[e:e + 5]):
                e = r.ctx.sentence(e)[1]  # 「また、…も加わっています」 goes on about the same document
            for c in r._candidates(m.end(), e):
                c = r._joined(c, r._candidates(m.end(), e))
                if c.label == "ORG" and _JOINS.match(r.text, c.end) and not r.ctx.in_parens(c.start, c.end):
                    name = r.name_of(c)
                    if name and not any(same_body(name, p) for p in d["parties"]):
                        d["parties"].append(name)
                        d["evidence"].append((s, e, "agreement-joining"))
                        d["evidence"].append(field_span(c.start, c.end, "agreement-joining", "parties", name,
                                                        how=party_how(r, r.text[c.start:c.end], name)))


_ACCOMPANIES = re.compile(r"(?:協定|覚書|契約)の?(?:締結|調印)(?:に(?:あわせ|合わせ|併せ)|と同時に)")


def _date_of_accompanied(r: _Reader, d: dict, drafts: list[dict]) -> None:
    """「協定の締結にあわせ、…覚書も交わした」: signed on the day of the agreement it
    accompanies (the dated agreement of the same page whose kind the sentence names)."""
    s, e = d["_sentence"]
    m = _ACCOMPANIES.search(r.text, s, e)
    if not m:
        return
    named = r.text[max(s, m.start() - 12):m.start() + 2]
    dated = [o for o in drafts if o is not d and o["signed_date"] and o["_sentence"][0] < s]
    other = next((o for o in dated if o["kind"] in named), dated[0] if len(dated) == 1 else None)
    if other is None:
        return
    span = next((ev for ev in other["evidence"] if len(ev) > 3 and ev.field == "signed_date"), None)
    if span is None:
        return
    d["signed_date"] = other["signed_date"]
    d["evidence"] += [(m.start(), m.end(), "agreement-date-accompanying"),
                      field_span(span.start, span.end, "agreement-date-accompanying", "signed_date", other["signed_date"],
                                 how="the date of the agreement it accompanies")]


def _without_signers(r: _Reader, drafts: list[dict]) -> list[dict]:
    """One signing, one record: a sentence naming the people who signed (「A信用金庫の山田理事長、
    B市長が協定書に署名した」, a photo caption) restates a signing another sentence states; its
    bodies (often in short forms, or the members who sign for a committee) are no new parties."""
    signers = [d for d in drafts if any(en > st for _, st, en, _ in d["_written"]) and
               all(official_after(r.text, en) for _, st, en, _ in d["_written"] if en > st)]
    if len(signers) == len(drafts):
        return drafts
    for d in signers:
        home = next((o for o in drafts if o not in signers and o["_sentence"][0] <= d["_sentence"][0]), None) or \
            next(o for o in drafts if o not in signers)
        home["evidence"] += [ev for ev in d["evidence"] if len(ev) == 3 or ev.field is None]
        if home["signed_date"] is None and d["signed_date"]:
            home["signed_date"] = d["signed_date"]
            home["evidence"] += [ev for ev in d["evidence"] if len(ev) > 3 and ev.field == "signed_date"]
    return [d for d in drafts if d not in signers]


_ABOUT_AGREEMENT = re.compile(r"協定|契約|覚書|締結|参加|加わ|署名|調印")
FOLLOWING = 3  # sentences after a signing sentence that can count its parties


def _following_sentences(r: _Reader, pos: int, about: bool = True):
    """The FOLLOWING sentences after pos (with `about`, those that speak of an agreement)."""
    for _ in range(FOLLOWING):
        if pos >= len(r.text):
            return
        s, e = r.joined_sentence(pos)
        pos = e
        if not about or _ABOUT_AGREEMENT.search(r.text, s, e):
            yield s, e


def following_members(r: _Reader, pos: int, groups: list[str]) -> list[tuple[str, int, int, str]]:
    """The members a sentence after pos counts (「…の3大学」, 「計6団体」) for a group noun of the signing
    sentence (「大学と」, 「金融機関と」): a list whose count or members are of the group's kind."""
    for s, e in _following_sentences(r, pos, about=False):
        for _cs, ce, count, items in counted_lists(r.text, s, e):
            counter = r.text[_cs:ce]
            members = [(r.member_name(n.start, n.end), n) for n in items]
            if count is None or not all(name for name, _ in members):
                continue
            if any(g.endswith(k) and (counter.endswith(k) or all(name.endswith(k) for name, _ in members))
                   for g in groups for k in (g[-2:], g[-4:])):
                return [(name, n.start, n.end, n.rule) for name, n in members]
    return []


def _add_counted_members(r: _Reader, drafts: list[dict]) -> None:
    """「協定に加わったのは同所、同市、A、Bの計4団体」: a sentence after the signing that counts
    the agreement's parties names them all; it speaks of that agreement when a member is one of its
    parties already (同所, 同市 resolve to them)."""
    for d in drafts:
        for s, e in _following_sentences(r, d["_sentence"][1]):
            for _cs, _ce, count, items in counted_lists(r.text, s, e):
                if count is None:
                    continue
                members = [(r.member_name(n.start, n.end), n) for n in items]
                if not any(name and any(same_body(name, p) for p in d["parties"]) for name, _ in members):
                    continue
                for name, n in members:
                    if name and not any(same_body(name, p) for p in d["parties"]):
                        d["parties"].append(name)
                    if name:
                        d["evidence"].append(field_span(n.start, n.end, "agreement-counted-list", "parties", name,
                                                        how=party_how(r, r.text[n.start:n.end], name)))
                d["evidence"].append((s, e, "agreement-counted-list"))


def _row_drafts(r: _Reader, used: set[tuple[int, int]]) -> list[dict]:
    """A table of agreements (tab-separated cells under a header naming 締結/協定/提携): each row
    with a date and a body is one agreement of the publisher with the row's bodies."""
    out: list[dict] = []
    header = False
    pos = 0
    for line in r.text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if "\t" not in line:
            continue
        if not r.dates_in(start, end) and _ROW_HEADER.search(line):
            header = True
            continue
        if not header or any(s <= start < e for s, e in used):
            continue
        date = next((d for d in r.dates_in(start, end) if d.start_date and not d.fiscal_year), None)
        cells, cell_start = [], start
        for cell in line.split("\t"):
            cells.append((cell_start, cell_start + len(cell)))
            cell_start += len(cell) + 1
        names: list[str] = [r.publisher] if r.publisher else []
        spans = [publisher_span(r, start, end, "agreement-table-row")] if r.publisher else []
        for cs, ce in cells:
            cell = r.text[cs:ce].strip()
            found = [c for c in r._candidates(cs, ce) if c.label in ("ORG", "GPE", "SELF")]
            if is_signing_body(cell):
                at = cs + r.text[cs:ce].index(cell)
                found = [Candidate(label="ORG", start=at, end=at + len(cell), text=cell, rule="row")]
            for c in found:
                name = r.name_of(c)
                if name and not any(same_body(name, n) for n in names):
                    names.append(name)
                    spans.append(field_span(c.start, c.end, "agreement-table-row", "parties", name,
                                            how=party_how(r, r.text[c.start:c.end], name)))
        words = r.ctx.within(start, end, "AGREEMENT")
        if date is None or len(names) < 2:
            continue
        word = words[0] if words else Candidate(label="AGREEMENT", start=start, end=start, text="協定", rule="row")
        cell = next((r.text[cs:ce] for cs, ce in cells if cs <= word.start < ce), None)
        kind = kind_of(word.text, cell)
        spans.append(kind_span(r, word, cell, kind) or
                     field_span(start, end, "agreement-table-row", "kind", kind, how="a row of the table of agreements"))
        spans.append(date_span(date, "agreement-table-row", "signed_date"))
        out.append({"type": "agreement", "title": strip_quotes(cell) if cell and words else kind_of(word.text, None),
                    "kind": kind, "parties": names, "party_aliases": {},
                    "signed_date": date.start_date, "purpose": None, "confidence": 0.75,
                    "evidence": [(start, end, "agreement-table-row")] + spans})
    return out


def _heading_drafts(r: _Reader, used: set[tuple[int, int]]) -> list[dict]:
    """A list of agreements, one per paragraph: a heading naming the agreement and its partner
    (「■東西銀行との包括連携協定」) with a 締結日/調印日 line below it, or one per row: a list row with
    its own date (「・南北大学との連携協定(令和3年5月10日)」, two rows or more). Each is one agreement of
    the publisher with the bodies the heading or row names."""
    out: list[dict] = []
    rows: list[dict] = []
    lines = r.text.split("\n")
    offsets, pos = [], 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    for i, line in enumerate(lines):
        s, e = offsets[i], offsets[i] + len(line)
        words = r.ctx.within(s, e, "AGREEMENT")
        if not words or len(line) > 60 or "。" in line or DATE_KEY.match(line) or \
                any(a <= s < b for a, b in used):
            continue
        date = None
        for j in range(i + 1, min(len(lines), i + 5)):
            if DATE_KEY.match(lines[j]):
                stop = offsets[min(len(lines) - 1, j + 1)] + len(lines[min(len(lines) - 1, j + 1)])
                date = next((d for d in r.dates_in(offsets[j], stop) if d.start_date and not d.fiscal_year), None)
                break
            if r.ctx.within(offsets[j], offsets[j] + len(lines[j]), "AGREEMENT"):
                break  # the next heading: this one has no date of its own
        row = date is None and is_list_row(Line(s, e, line))
        if row:  # a row of a list of agreements, dated in itself
            date = next((d for d in r.dates_in(s, e) if d.start_date and d.year_given and not d.fiscal_year
                         and d.precision in ("month", "day")), None)
        if date is None:
            continue
        parties = [p for p in r.parties(s, e, words[0].start) if p[3] != "agreement-publisher"]
        if r.publisher and not any(same_body(r.publisher, p[0]) for p in parties):
            parties.insert(0, (r.publisher, s, s, "agreement-publisher"))
        if len(parties) < 2:
            continue
        rule = "agreement-list-row" if row else "agreement-date-key-value"
        d = _draft(r, s, e, words[0], None, line, parties, date.start_date, date_span(date, rule, "signed_date"))
        d["evidence"].append((date.start, date.end, rule))
        (rows if row else out).append(d)
    return out + (rows if len(rows) >= 2 else [])


def agreement_drafts(ctx: DocContext) -> list[dict]:
    if _DRAFT.search(ctx.doc.title or ""):
        return []  # 「…協定書(案)」: a draft is no agreement
    r = _Reader(ctx)
    sentences: list[tuple[int, int, Candidate, Candidate]] = []
    seen: set[tuple[int, int]] = set()
    for word in (c for c in ctx.cands if c.label == "AGREEMENT"):
        s, e = r.joined_sentence(word.start)
        if (s, e) in seen:
            continue
        dated = any(d.start_date and d.precision == "day" for d in r.dates_in(s, e))
        signs = [c for c in ctx.within(s, e, "SIGN") if not _EXISTING.match(ctx.text, c.end)
                 and (dated or not _PLAN.match(ctx.text, c.end))]
        if _NAVIGATION.search(ctx.text, s, e) or _DRAFT.search(ctx.text, s, e) or \
                (not dated and _TENTATIVE.search(ctx.text, s, e)):
            continue  # a breadcrumb repeats the title; a draft (案), a name not yet fixed (仮称) is no signing
        if not signs or _ANNIVERSARY.match(ctx.text, word.end) or _BILL.search(ctx.text, s, e) or \
                _UNDER.match(ctx.text, word.end):
            continue  # no signing, or the anniversary of an agreement signed long ago
        seen.add((s, e))
        before = [w for w in ctx.within(s, signs[0].start, "AGREEMENT") if w.start >= word.start]
        sentences.append((s, e, before[-1] if before else word, signs[0]))  # the word the signing is of
    rows = _row_drafts(r, seen) + _heading_drafts(r, seen)
    for d in rows:
        for key in _WORKING_KEYS:
            d.pop(key, None)
    if not sentences:
        return rows
    r.arguments = signing_arguments(ctx.text, [(s, e) for s, e, _, _ in sentences])
    drafts: list[dict] = []
    for s, e, word, sign in sentences:
        drafts += _sentence_drafts(r, s, e, word, sign, first=not drafts)
    _add_joining(r, drafts)
    _add_counted_members(r, drafts)
    drafts = _without_signers(r, drafts)
    drafts = split_ceremonies(r, merge_subsets(drafts))
    drafts = [x for d in drafts for x in split_each(r, d)]
    drafts = split_bilateral(r, drafts)
    blocks = party_blocks(ctx.text)
    if not drafts and len(blocks) == 1:  # 「上記の自治体と…締結」: the parties are the block's
        s, e, word, sign = sentences[0]
        own = [(n, st, en, rule) for n, st, en, rule in r.parties(s, e, word.start)]
        date, date_ev = signing_date(r, s, e, sign.start)
        drafts = [_draft(r, s, e, word, None, r.text[max(s, word.start - 12):word.end], own, date, date_ev)]
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
        drafts = [_draft(r, s, e, word, None, r.text[max(s, word.start - 12):word.end], signers, None, None)]
    kv_date, kv_s, kv_e, kv_ev = key_value_date(r)
    for d in drafts:
        if d["signed_date"] is None and kv_date and len(drafts) == 1:
            d["signed_date"] = kv_date
            d["evidence"] += [(kv_s, kv_e, "agreement-date-key-value"), kv_ev]
        s, e = d["_sentence"]
        if d["signed_date"] is None and block and (len(drafts) == 1 or names_subset(d["parties"],
                                                                                     [n.name for n in block[1]])):
            d["signed_date"] = block[0].start_date
            d["evidence"].append(date_span(block[0], "agreement-signature", "signed_date"))
        if d["signed_date"] is None:
            d["signed_date"], ev = event_date_below(r, s, e)
            if ev:
                d["evidence"].append(ev)
        if d["signed_date"] is None:
            _date_of_accompanied(r, d, drafts)
        if d["signed_date"] is None:
            date_elsewhere(r, d, seen)
        if d["signed_date"] is None and r.doc_date and reported_done(ctx.text, s, e):
            d["signed_date"] = r.doc_date.date
            d["evidence"].append(field_span(r.doc_date.start, r.doc_date.end, "agreement-date-document", "signed_date",
                                            r.doc_date.date, how="document date"))
        d["confidence"] = 0.8 if d["signed_date"] else 0.7
    for d in drafts:
        for key in _WORKING_KEYS:
            d.pop(key, None)
    return drafts + rows
