"""One agreement or several from the signing sentences of a document (see `agreements`).

Documents signed together (「協定書及び…覚書を締結」) are one agreement each; parties with
their own date in brackets, or their own ceremony (「Aとの締結式は5月8日」), one each;
a sentence naming some of an agreement's parties (another sentence names them all)
speaks of that agreement. `r` is the agreement reader of `agreements`.
"""
from __future__ import annotations

import re

from dataclasses import replace

from extractors.language.dates import DateMention, parse_date
from extractors.language.org_names import ends_in_kind_word
from extractors.records.coordination import branch_end, party_key
from extractors.records.publisher import stands_for_publisher
from extractors.records.spans import Span, date_span, field_span
from schemas.records import Candidate

# (two names in quotes joined by と: 「「…協定書」と「…覚書」を締結」)
_JOINED_DOCS = re.compile(r"[」』]?\s?(?:及び|および|並びに|ならびに|と[、,]|、)\s?[「『]?|[」』]\s?と\s?[「『]")
_CEREMONY = re.compile(r"との\s?(?:協定)?(?:締結式|調印式|締結|調印)")


def split_documents(r, s: int, words: list[Candidate], sign_at: int) -> list[tuple[str, Candidate, int]]:
    """「…協定書及び…覚書を締結」, 「「A…協定」と、「B…協定」の締結式」: (title as written, word, where the
    title starts) for each document signed together."""
    docs = [w for w in words if w.start < sign_at and w.text.endswith(("協定書", "覚書", "協定"))]
    out = []
    for i, w in enumerate(docs):
        if i + 1 < len(docs) and not _JOINED_DOCS.match(r.text, w.end):
            continue
        if i > 0 and not _JOINED_DOCS.match(r.text, docs[i - 1].end):
            continue
        lo = docs[i - 1].end if i > 0 else s
        piece = r.text[lo:w.end]
        m = re.search(r"(?:及び|および|並びに|ならびに|、|と、|を|「|『)\s?([^、。「」『』]*)$", piece)
        out.append((m.group(1) if m else piece, w, w.end - len(m.group(1)) if m else lo))
    return out if len(out) >= 2 else []


def own_dates(r, parties: list[tuple[str, int, int, str]]) -> dict[str, DateMention]:
    """Party -> the date in brackets right after its name: 「A(令和元年5月7日)とB(令和元年9月2日)」."""
    out = {}
    for name, st, en, _ in parties:
        if en <= st:
            continue
        line = r.text.rfind("\n", 0, st) + 1
        opening = [d for d in r.dates_in(line, st) if d.start_date and d.year_given and
                   not r.text[line:d.start].strip(" \t・●○■-") and not r.text[d.end:st].strip(" \t:：")]
        if opening:  # 「2019年4月1日 東西銀行」: a list row that opens with the party's date
            out[name] = opening[0]
            continue
        for d in r.dates_in(en, en + 25):
            if re.fullmatch(r"\s?[(（]", r.text[en:d.start]) and re.match(r"\s?[)）]", r.text[d.end:d.end + 2]) \
                    and d.start_date:
                out[name] = d
            break
    return out


def sentence_years(r, s: int, e: int) -> list[DateMention]:
    """The dates of text[s:e]; a month-day without a year takes the year of the date written before
    it in the same sentence (「2024年6月3日、…、翌4日には」)."""
    out, year = [], None
    for d in r.dates_in(s, e):
        if d.start_date is None and year and not d.year_given:
            again = parse_date(r.text[d.start:d.end], default_year=year)
            d = replace(again, start=d.start, end=d.end) if again and again.start_date else d
        if d.start_date and d.year_given:
            year = int(d.start_date[:4])
        out.append(d)
    return out


_CLAUSE_LINK = re.compile(r"\s?(?:には|に|の|は|にも)?\s?[、,]?\s?$")


def clause_dates(r, parties: list[tuple[str, int, int, str]], s: int) -> dict[str, DateMention]:
    """Party -> the date that opens its clause: 「令和元年6月には、A、令和3年2月には、Bとも…締結」,
    「平成11年4月のAとの…協定に始まり」, 「12日、A(…)と、続く13日には、B、C及びDと」. A date opens the
    clause of the party right after it (nothing but a particle and a comma between them) and of the
    parties coordinated with that one before the next date; parties before the first date sign in
    every clause."""
    out: dict[str, DateMention] = {}
    dates = [d for d in sentence_years(r, s, max((en for _, _, en, _ in parties), default=s))
             if d.start_date and not d.fiscal_year]
    current = None
    last_end = s
    for name, st, en, _ in sorted((p for p in parties if p[2] > p[1]), key=lambda p: p[1]):
        opening = [d for d in dates if d.end <= st and _CLAUSE_LINK.fullmatch(r.text, d.end, st)]
        if opening:
            current = opening[-1]
        elif current is not None and any(last_end <= d.start and d.end <= st for d in dates):
            current = None  # a date between: this party is of no dated clause
        if current is not None:
            out[name] = current
        last_end = en
    return out


def _ceremonies(r, draft: dict) -> dict[str, tuple[str, int, int, Span]]:
    """Party -> (date, sentence) of 「Aとの締結式は5月8日に行われ」 sentences."""
    out = {}
    for m in _CEREMONY.finditer(r.text):
        s, e = r.ctx.sentence(m.start())
        before = r.text[s:m.start()]
        party = next((p for p in draft["parties"] if before.endswith(p)), None)
        if not party:
            continue
        dates = [d for d in r.dates_in(m.end(), e) if d.start_date and d.precision == "day"]
        if dates:
            out[party] = (dates[0].start_date, s, e, date_span(dates[0], "agreement-ceremony-per-party", "signed_date"))
    return out


def split_ceremonies(r, drafts: list[dict]) -> list[dict]:
    out = []
    for d in drafts:
        cer = _ceremonies(r, d) if len(d["parties"]) >= 3 else {}
        if len(cer) >= 2 and len({v[0] for v in cer.values()}) >= 2:
            common = [p for p in d["parties"] if p not in cer]
            for party, (date, s, e, date_ev) in cer.items():
                out.append({**d, "parties": common + [party], "signed_date": date, "confidence": 0.8,
                            "party_aliases": {k: v for k, v in d["party_aliases"].items() if k in common + [party]},
                            "evidence": d["evidence"] + [(s, e, "agreement-ceremony-per-party"), date_ev]})
        else:
            if len(cer) == 1 and d["signed_date"] is None:
                date, s, e, date_ev = next(iter(cer.values()))
                d["signed_date"] = date
                d["evidence"] += [(s, e, "agreement-ceremony-per-party"), date_ev]
            out.append(d)
    return out


# (「B、Cのそれぞれと」: each of them is a partner. 「Bとの間で、続く…にはC、Dとの間で、それぞれ」 is one
# agreement per dated clause, which clause_dates reads: no wording of との間で here)
_EACH = re.compile(r"(と|は|が)\s?[、,]?\s?(?:各々|おのおの|それぞれ|個別に|個々に)"
                   r"|の\s?(?:それぞれ|各々)\s?(と)")
# 「AとB、Cが九月二十七日、それぞれ」: the subject's particle, then a date or an aside, then それぞれ (not それぞれの,
# nor それぞれが: 「…は十二日、それぞれが培った技術を持ち寄り」 tells what each has, not that each signs)
_EACH_AFTER_SUBJECT = re.compile(r"(は|が)\s?(?:[^。、「」]{1,16}?[、,])\s?(?:それぞれ|各々|おのおの|個別に)(?![のが])")
# 「AはB、Cと協定をそれぞれ締結」: the agreement word, then それぞれ and the signing: one per partner (と)
_EACH_OBJECT = re.compile(r"(?:協定|覚書|契約)(?:書)?[」』]?\s?を\s?[、,]?\s?(?:各々|おのおの|それぞれ|個別に|個々に)\s?"
                          r"(?:締結|調印|結|交わ|取り交わ)")
# 「これで協定先は計12自治体となった」, 「当行の締結先は20自治体目」: partners counted one by one
_PARTNERS_COUNTED = re.compile(r"(?:協定先|締結先|提携先|連携先)(?:は|が|も)?[^。]{0,12}?(?:計|合計)?\s?[0-9一二三四五六七八九十]+\s?"
                               r"(?:自治体|市町村|市町|団体|社|行|大学|機関|金融機関|者|件)")
# 「3者で」, 「三者協定」, 「4者が」: one agreement signed by all
_JOINT = re.compile(r"(?:[0-9一二三四五六七八九十]+|両)者(?:で|が|は|の|協定|間|による)")
_EACH_GROUP = re.compile(r"各(?:金融機関|信用金庫|信金|信用組合|銀行|大学|自治体|市町村|市町|団体|機関|企業|社|行|校|市|町|村|区)(?:と|との)")
# 「各団体が個別に協定を結ぶのは初めて」: a sentence saying each partner signs its own agreement
_EACH_SIGNING = re.compile(r"(?:個別に|個々に|それぞれ(?!の)|各々(?!の)|おのおの(?!の)|"
                           r"(?:金融機関|行|庫|社|団体|大学|自治体|市町村)ごとに)"
                           r"[^。、]{0,8}?(?:協定|覚書|提携|契約|締結|調印|結ん|結ぶ|結ば|交わ)")
_SAME_AGREEMENT = re.compile(r"\s*(?:同|本|この|今回の|当該)\s?(?:協定|覚書|契約)")
_COORDINATED = re.compile(r"\s?(?:[(（][^()（）]*[)）])?\s?(?:と|、|,|及び|および|並びに|ならびに)\s?")
_SUBJECT = re.compile(r"\s?(?:[(（][^()（）]*[)）])?\s?(?:は|が)")
LISTED = ("agreement-bracket-list", "agreement-counted-list", "agreement-list-below", "agreement-shared-ending")


def _one_each(draft: dict, keep: list[str], one: str) -> dict:
    names = keep + [one]
    return {**draft, "parties": names, "_written": [w for w in draft["_written"] if w[0] in names],
            "party_aliases": {k: v for k, v in draft["party_aliases"].items() if k in names},
            "evidence": [ev for ev in draft["evidence"]
                         if len(ev) == 3 or ev.field != "parties" or ev.value in names]}


def _sides_of_to(r, order: list) -> tuple[list[str], list[str]] | None:
    """The names of a coordinated subject, in order, that one と parts and commas join otherwise
    (「AとB、C」, 「A、BとC」): (the side of one name, the side of two or more, none of its kind), else None."""
    joins = []
    for a, b in zip(order, order[1:]):
        between = re.sub(r"[(（][^()（）]*[)）]", "", r.text[a[2]:b[1]]).strip()
        if between not in ("と", "、", ","):
            return None
        joins.append(between == "と")
    if joins.count(True) != 1:
        return None
    k = joins.index(True) + 1
    left, right = [w[0] for w in order[:k]], [w[0] for w in order[k:]]
    one, many = (left, right) if len(left) == 1 else (right, left)
    if len(one) != 1 or len(many) < 2 or _kind_end(one[0]) in {_kind_end(n) for n in many}:
        return None  # (「A信金とB信金、C信金が」: bodies of one kind on both sides say no sides)
    return one, many


_KIND_ENDS = ("信用金庫", "信用組合", "銀行", "商工会議所", "商工会", "大学", "協会", "機構", "公庫", "同友会",
              "都", "道", "府", "県", "市", "区", "町", "村")


def _kind_end(name: str) -> str:
    """The kind a body's name ends with (信用金庫, 町, 大学), else the name."""
    return next((k for k in _KIND_ENDS if name.endswith(k)), name)


def _each_after(r, e: int) -> bool:
    """「同協定は、各金融機関との相互協力により…」: the sentence after a signing, speaking of that
    agreement (or the one after that sentence: 「同協定は…初めて。各金融機関との…」), says it is one
    with each partner; so does one that counts the partners one by one
    (「これで協定先は計12自治体となった」)."""
    speaks = False  # the sentence before opened on 同協定: this one goes on about that agreement
    i = 0
    while i < 3:
        if e >= len(r.text):
            return False
        s2, e2 = r.ctx.sentence(e)
        if not r.text[s2:e2].strip():  # a blank line between paragraphs is no sentence
            e = max(e2, e + 1)
            continue
        opens = bool(_SAME_AGREEMENT.match(r.text, s2))
        each = _EACH_GROUP.search(r.text, s2, e2)
        if speaks and not opens and each and re.search(r"[はが]", r.text[s2:each.start()]):
            each = None  # 「会議所は…各金融機関との交流会」: a topic of its own, no longer the agreement's
        if ((opens or speaks) and each) or \
                (i < 2 and (_PARTNERS_COUNTED.search(r.text, s2, e2) or _EACH_SIGNING.search(r.text, s2, e2))):
            return True
        speaks = opens
        e, i = e2, i + 1
    return False


# 「同金庫と東町、同金庫と西町とが個別に締結」, 「市とA大学、市とB大学がそれぞれ」: pairs written one by one, each
# with the same body first; the pairs' sentence says each is signed on its own. 「本学とA市並びに、本学とB市は」:
# pairs joined by a conjunction (並びに, 及び) say it by themselves: the body is written again only for a new pair
_PAIRS = re.compile(r"(?P<p>[^\s、。,とはがの「」()（）]{1,12})と(?P<q1>[^\s、。,と「」]{1,20}?)"
                    r"((?:(?:[、,]|並びに|ならびに|及び|および)[、,]?\s?(?P=p)と[^\s、。,と「」]{1,20}?)+)\s?"
                    r"(?:とが|とは|が|は|の間で|との間で)")
_PAIR_JOINED = re.compile(r"並びに|ならびに|及び|および")

_EARLIER = re.compile(r"これまで(?:も|に)|既に|すでに|かねて(?:より|から)|以前から|従来から|以前に|ている|ており")


def _pairs(r, draft: dict) -> list[dict] | None:
    """The draft's signing split by pairs written one by one (「同金庫と東町、同金庫と西町とが個別に締結する」)
    in its sentence or in one of the four after it (a headline, the body's signing, its aim, then the pairs):
    one agreement of the repeated body with each other one, when every other one is a party of the draft
    and the sentence says each pair signs on its own."""
    s, e = draft["_sentence"]
    spans, pos = [(s, e)], e
    while len(spans) < 5 and pos < len(r.text):
        s2, e2 = r.ctx.sentence(pos)
        pos = max(e2, pos + 1)
        if r.text[s2:e2].strip():
            spans.append((s2, e2))
    keys = {party_key(n): n for n in draft["parties"]}
    if _JOINT.search(r.text, s, e):
        return None  # 「三者で締結」: one agreement signed by all
    for s2, e2 in spans:
        if _EARLIER.search(r.text, s2, e2):
            continue  # (「これまでも個別に結んでいる」: other agreements, told as background)
        for m in _PAIRS.finditer(r.text, s2, e2):
            if not (_EACH_SIGNING.search(r.text, s2, e2) or _PAIR_JOINED.search(m.group(3))):
                continue
            others = [m.group("q1")] + re.findall(rf"(?:[、,]|並びに|ならびに|及び|および)[、,]?\s?{re.escape(m.group('p'))}と"
                                                  r"([^\s、。,と「」]+)", m.group(3))
            names = [keys.get(party_key(re.sub(r"[(（][^()（）]*[)）]", "", q))) for q in others]
            if None in names or len(set(names)) < 2:
                continue
            first = m.group("p")
            rest = [n for n in draft["parties"] if n not in names and n != first]
            if first in draft["parties"]:
                keep = [first]  # (本学 itself, where the page never names its university)
            elif first[0] in "同本当" and len(first) >= 2:  # 同金庫, 同行, 本学: the party whose name ends with that kind
                end = {"行": "銀行", "学": "大学"}.get(first[1:], first[1:])
                keep = [n for n in rest if n.endswith(end)]
            else:
                keep = [first] if first in draft["parties"] else []
            if len(keep) != 1:
                continue
            return [_one_each(draft, keep, n) for n in names]
    return None


def split_each(r, draft: dict) -> list[dict]:
    """「AはB及びCとそれぞれ覚書を締結」: one agreement of A with each partner; 「A及びBは、それぞれCと」:
    one of each subject with C. Who is on which side comes from the particle before それぞれ. 「各金融機関と」
    (各 and a kind of the partners) in the sentence or in the next one that speaks of the agreement
    (「同協定は、各金融機関との…」) says the same of the partners."""
    pairs = _pairs(r, draft) if len(draft["parties"]) >= 3 else None
    if pairs:
        return pairs
    s, e = draft["_sentence"]
    m = _EACH.search(r.text, s, e)
    objects = [w for w in r.ctx.within(s, e, "AGREEMENT") if re.match(r"書?[」』]?\s?を", r.text[w.end:w.end + 4])]
    if not m and _EACH_OBJECT.search(r.text, s, e) and len(objects) == 1:  # (two: one per clause, split_clauses)
        m = re.match("(と)", "と")  # (who is on which side: the subject は/が keeps, the partners と go one each)
    later = [w[2] for w in draft["_written"] if w[2] > e]  # partners a later sentence named (「締結したのはA、B」)
    if not m:  # 「AとB、Cが九月二十七日、それぞれ」: the subject's particle, a date or aside, then それぞれ
        m = _EACH_AFTER_SUBJECT.search(r.text, s, e)
    if not m and len(draft["parties"]) >= 3 and not _JOINT.search(r.text, s, e) and \
            (_EACH_GROUP.search(r.text, s, e) or _each_after(r, e) or
             (later and _each_after(r, r.ctx.sentence(max(later) - 1)[1]))):
        m = re.match("(と)", "と")
    if not m or len(draft["parties"]) < 3:
        return [draft]
    written = [w for w in draft["_written"]]
    subjects = [w[0] for w in written if w[2] == w[1] or _SUBJECT.match(r.text, w[2])]
    order = sorted((w for w in written if w[2] > w[1]), key=lambda w: w[1])
    for i in range(len(order) - 1, 0, -1):  # 「AとB、C、Dは」: the names coordinated into the subject
        if order[i][0] in subjects and order[i - 1][0] not in subjects and \
                _COORDINATED.fullmatch(r.text, order[i - 1][2], order[i][1]):
            subjects.append(order[i - 1][0])
    others = [w[0] for w in written if w[0] not in subjects]
    if subjects and not others:  # 「AとB、Cがそれぞれ」: the と parts the subject into the two sides
        sides = _sides_of_to(r, order)
        if sides:
            return [_one_each(draft, sides[0], one) for one in sides[1]]
    if not subjects or not others:
        return [draft]
    keep, each = (subjects, others) if "と" in m.groups() else (others, subjects)
    order = sorted(written, key=lambda w: w[1])
    if len(subjects) == len(others) >= 2 and all(  # 「AはBと、CはDと、それぞれ」: one agreement per pair
            (order[i][0] in subjects) == (i % 2 == 0) for i in range(len(order))):
        return [_one_each(draft, [order[i][0]], order[i + 1][0]) for i in range(0, len(order), 2)]
    if len(each) == 1 and len(keep) >= 2:  # 「A、B銀行は、C大学とそれぞれ覚書を」: each of the two with C
        keep, each = each, keep
    if len(each) < 2:
        return [draft]
    return [_one_each(draft, keep, one) for one in each]


_PARTNER_WORD = re.compile(r"\s?(?:[(（][^()（）]*[)）])?\s?と(?:の(?:間で)?)?\s?(?:[^、。とはが]{0,20}?)$")


def split_clauses(r, draft: dict, kind_of) -> list[dict]:
    """「AはBと協定を、Cと覚書をそれぞれ締結した」: each agreement word with the partner written right before
    it (Xと… W を) is one agreement of that partner with the parties of no clause (the subject), of the
    kind `kind_of` reads from the word."""
    s, e = draft["_sentence"]
    if len(draft["parties"]) < 3:
        return [draft]
    words = [w for w in r.ctx.within(s, e, "AGREEMENT")]
    written = [w for w in draft["_written"] if w[2] > w[1]]
    clauses = []
    for w in words:
        quoted = _quoted_title(r.text, s, w)
        if not re.match(r"\s?を", r.text[w.end:w.end + 2]) and not quoted:
            continue
        at = quoted[0] if quoted else w.start  # 「Bと「…に関する協定」を」: the partner stands before the title
        before = [p for p in written if p[2] <= at and _PARTNER_WORD.search(r.text[p[2]:at])]
        if before:
            clauses.append((w, max(before, key=lambda p: p[2]), quoted))
    partners = {p[0] for _, p, _ in clauses}
    if len(clauses) < 2 or len(partners) < 2:
        return [draft]
    titles = [q for _, _, q in clauses if q]

    def in_title(p) -> bool:
        return any(a <= p[1] and p[2] <= b for a, b in titles)

    common = [p[0] for p in draft["_written"] if p[0] not in partners and not in_title(p)]
    out = []
    for w, p, quoted in clauses:
        # a body its title names is the clause's body again (同友会 / 中小企業家同友会, a university's
        # centre / the university), else another party of that agreement
        own = [t[0] for t in written if quoted and quoted[0] <= t[1] and t[2] <= quoted[1] and
               not any(same_body(t[0], x) or x in t[0] or t[0] in x for x in common + [p[0]])]
        one = _one_each(draft, common + own, p[0])
        ks, ke = (quoted[0] + 1, quoted[1] - 1) if quoted else (w.start, w.end)  # the title the kind is read from
        one["kind"] = kind_of(w.text, r.text[ks:ke] if quoted else None)
        one["title"] = r.text[ks:ke] if quoted else one["kind"]
        one["evidence"] = [ev for ev in one["evidence"] if len(ev) == 3 or ev.field != "kind"] + \
            [field_span(ks, ke, w.rule, "kind", one["kind"])]
        out.append(one)
    return out


def _quoted_title(text: str, s: int, w: Candidate) -> tuple[int, int] | None:
    """(start, end) of the quoted title 「…W」を an agreement word W closes, else None."""
    m = re.match(r"書?([」』])\s?を", text[w.end:w.end + 4])
    if not m:
        return None
    qs = text.rfind("「" if m.group(1) == "」" else "『", s, w.start)
    return (qs, w.end + m.end(1)) if qs >= 0 else None


def split_bilateral(r, drafts: list[dict]) -> list[dict]:
    """A publisher whose agreements on the page are otherwise bilateral signs one agreement with each
    body of a list (「金融機関4社(A、B、C、D)と協定を締結」 beside 「Eと協定を締結」, 「Fと…」): one each."""
    pub = r.publisher
    if not pub:
        return drafts
    bilateral = [d for d in drafts if len(d["parties"]) == 2 and pub in d["parties"]]
    out = []
    for d in drafts:
        listed = [w[0] for w in d["_written"] if w[3] in LISTED and w[0] != pub]
        others = [o for o in drafts if o is not d]
        if pub in d["parties"] and len(listed) >= 2 and len(d["parties"]) == len(listed) + 1 and \
                len(others) >= 2 and all(o in bilateral for o in others):
            out += [_one_each(d, [pub], one) for one in listed]
        else:
            out.append(d)
    return out


# 「市と商工会議所及び東西大学の三者による…協定書」: a line naming one document and who signs it
_DOCUMENT_LINE = re.compile(r"^[\s・●○■\-]*(?P<who>[^\s。「」()（）]{2,80}?)(?:の(?P<n>[二三四五六七八九2-9])者|との間)"
                            r"(?:による|間の|で結んだ|における)?[^\n。]{0,40}?(?:協定書?|覚書)", re.M)
_PARTY_WORDS = re.compile(r"と|及び|および|並びに|ならびに|、|・")
_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")}


def split_listed_documents(r, drafts: list[dict]) -> list[dict]:
    """A page that lists its agreement documents one a line, each naming who signs it (「市と商工会議所及び
    東西大学の三者による…協定書」, one line per university), after a sentence naming all who signed that
    day: one agreement per document line. Each name of a line must be a party of the signing, or its bare
    kind (市, 商工会議所) naming the one party of that kind; the lines name different sets, and together
    every party; a count (三者) must equal the names."""
    out = []
    for d in drafts:
        parties = d["parties"]
        sets = []
        for m in _DOCUMENT_LINE.finditer(r.text) if len(parties) >= 3 else ():
            names = [x for x in _PARTY_WORDS.split(m.group("who")) if x]
            if m.group("n") and len(names) != (int(m.group("n")) if m.group("n").isdigit() else _DIGIT[m.group("n")]):
                continue
            found = []
            for x in names:
                same = [p for p in parties if party_key(p) == party_key(x)] or \
                    [p for p in parties if same_body(x, p)] or [p for p in parties if p.endswith(x) and len(x) < len(p)]
                if len(same) != 1:
                    break
                found.append(same[0])
            else:
                if len(set(found)) == len(found) >= 2 and set(found) not in sets:
                    sets.append(set(found))
        if len(sets) >= 2 and set().union(*sets) == set(parties):
            out += [_one_each(d, [p for p in parties if p in one][:-1], [p for p in parties if p in one][-1])
                    for one in sets]
        else:
            out.append(d)
    return out


# The last word of a company's name news leaves out (明治安田生命[保険], 東京海上日動[火災保険])
_COMPANY_TAIL = re.compile(r"(?:火災|海上|生命|損害)?保険")


def same_body(short: str, full: str) -> bool:
    """One name for the same body: equal without legal form, or the shorter written with the
    longer's characters in order, from its start or its kind word (北海道同友会 / 北海道中小企業家同友会)."""
    a, b = party_key(short), party_key(full)
    if a == b:
        return True
    if len(a) > len(b):
        a, b = b, a
    a, b = _short_kind(a), _short_kind(b)  # 弘大 / 弘前大学, 青森公立大 / 青森公立大学
    if a == b:
        return True
    if ("会議所" in a) != ("会議所" in b):
        return False  # 県商工会連合会 / 県商工会議所連合会: a 商工会 and a 商工会議所 are two kinds of body
    if len(a) >= 4 and b.startswith(a) and _COMPANY_TAIL.fullmatch(b[len(a):]):
        return True  # 明治安田生命 / 明治安田生命保険: a headline's company without its trade's last word
    if len(a) < 2 or (len(a) < 3 and not (a[0] == b[0] and a[-1] == b[-1] and a[-1] in "大銀")) or \
            not (b.endswith(a[-2:] if len(a) >= 3 else a[-1]) or _news_short(a, b)):
        return False
    it = iter(b)
    return all(ch in it for ch in a)


def _news_short(a: str, b: str) -> bool:
    """室蘭工大 / 室蘭工業大: a news short form that keeps the name's first two characters and its kind's
    short word (大, 銀, 信金) and drops characters before that word."""
    return len(a) >= 4 and a[:2] == b[:2] and any(a.endswith(k) and b.endswith(k) for _, k in _NEWS_KINDS)


_NEWS_KINDS = (("大学", "大"), ("信用金庫", "信金"), ("信用組合", "信組"), ("銀行", "銀"), ("商工会議所", "商議所"))


_BRAND = re.compile(r"[A-Za-z]{2,6}")  # OKB大垣共立銀行: a bank's brand in Latin letters before its name


def _short_form_of(short: str, full: str) -> bool:
    """`short` names the body `full` names, as a second way of writing it beside the full name in one
    list of parties: the name with a brand in Latin letters before it (OKB大垣共立銀行 / 大垣共立銀行),
    or a news short form that keeps the first character, drops others and writes the kind short
    (九国大 / 九州国際大学, 北洋銀 / 北洋銀行): characters of the full name in order."""
    a, b = party_key(short), party_key(full)
    if len(a) > len(b) >= 4 and a.endswith(b) and _BRAND.fullmatch(a[:-len(b)]):
        return True
    kind = next(((f, k) for f, k in _NEWS_KINDS if a.endswith(k) and not a.endswith(f) and b.endswith(f)), None)
    if kind is None or len(a) < 3 or len(a) >= len(b) or a[0] != b[0]:
        return False
    it = iter(b[:-len(kind[0])])
    return all(ch in it for ch in a[:-len(kind[1])])


def fold_short_forms(d: dict) -> None:
    """One party written twice in an agreement's list, in full and in a second form (`_short_form_of`),
    is one party: the full name stays, the other is its alias, and the spans of the other give the
    full name."""
    for short in list(d["parties"]):
        full = next((f for f in d["parties"] if f != short and _short_form_of(short, f)), None)
        if full is None:
            continue
        d["parties"] = [p for p in d["parties"] if p != short]
        aliases = d.setdefault("party_aliases", {})
        for a in [short, *aliases.pop(short, [])]:
            if a not in aliases.setdefault(full, []):
                aliases[full].append(a)
        d["evidence"] = [ev._replace(value=full, how=ev.how or f"another form of {full}")
                         if isinstance(ev, Span) and ev.field == "parties" and ev.value == short else ev
                         for ev in d["evidence"]]


def _short_kind(name: str) -> str:
    """The kind word as news writes it short: 弘前大学 -> 弘前大, 北洋銀行 -> 北洋銀."""
    for full, short in _NEWS_KINDS:
        if name.endswith(full) and len(name) > len(full):
            return name[: -len(full)] + short
    return name


def names_subset(names: list[str], others: list[str]) -> bool:
    """Whether each name is one of others, or the body whose branch is one of them (a heading's
    日本公庫 beside the body's 日本政策金融公庫鳥取支店)."""
    return all(any(same_body(n, o) or _branch_of(o, n) or _brand_of(o, n) for o in others) for n in names)


_KANA_TAIL = re.compile(r"[ぁ-ゖァ-ヺー]+")


def _brand_of(full: str, body: str) -> bool:
    """Whether `full` is `body` with a name in kana after its kind word (市民生活協同組合ならコープ of
    市民生活協同組合): where a line ends, a heading's token reads the kind word and stops."""
    a, b = party_key(body), party_key(full)
    return len(a) >= 4 and ends_in_kind_word(a) and b.startswith(a) and bool(_KANA_TAIL.fullmatch(b[len(a):]))


def _branch_of(full: str, body: str) -> bool:
    """Whether `full` is `body` with its branch or office after it: 東西銀行柏支店 of 東西銀行."""
    a, b = party_key(body), party_key(full)
    return len(b) > len(a) >= 2 and b.startswith(a) and branch_end(b, len(a)) == len(b)


def other_instrument(a: dict, b: dict) -> bool:
    """A 覚書 beside a 協定, or two documents with titles of their own: two agreements, even between
    the same bodies (「協定の締結にあわせ、市とA銀行は「…の覚書」も交わした」)."""
    if a["kind"].endswith("覚書") != b["kind"].endswith("覚書"):
        return True
    ta, tb = a.get("_quoted"), b.get("_quoted")
    if not (ta and tb):
        return False
    ka, kb = sorted((party_key(ta), party_key(tb)), key=len)
    return not kb.endswith(ka)  # 「包括連携に関する協定」 for 「地方創生にかかる包括連携に関する協定」: its name cut short


# A self-reference left as written (本学, 当行: the page names no body it can stand for by count)
_SELF_NAME = re.compile(r"(?:本|当|弊)(?:学|校|行|金庫|会|所|機構|協会|協議会|センター)")


def _restates(names: list[str], others: list[str]) -> bool:
    """`names_subset`, where a self-reference left as written on one side (「うるま市と本学は」) is the one body of
    its kind on the other (a heading's 「うるま市と東西大学が…締結」): the page's own body, written two ways."""
    def one(n: str, o: str) -> bool:
        if _SELF_NAME.fullmatch(o) and not _SELF_NAME.fullmatch(n):
            n, o, pool = o, n, names
        else:
            pool = others
        return bool(_SELF_NAME.fullmatch(n)) and stands_for_publisher(n, o) and \
            [p for p in pool if stands_for_publisher(n, p)] == [o]
    return all(any(same_body(n, o) or _branch_of(o, n) or _brand_of(o, n) or one(n, o) for o in others) for n in names)


def _name_self(home: dict, d: dict) -> None:
    """A self-reference left as written among the home's parties (本学) that a restatement names as the one body of
    its kind (東西大学): the name it gives stands, the self-reference's spans give it."""
    for p in list(home["parties"]):
        named = [q for q in d["parties"] if _SELF_NAME.fullmatch(p) and not _SELF_NAME.fullmatch(q) and stands_for_publisher(p, q)]
        if len(named) != 1 or named[0] in home["parties"]:
            continue
        home["parties"] = [named[0] if x == p else x for x in home["parties"]]
        home["evidence"] = [ev._replace(value=named[0], how=ev.how or f"the page's own body, named {named[0]} elsewhere")
                            if isinstance(ev, Span) and ev.field == "parties" and ev.value == p else ev
                            for ev in home["evidence"]]


def merge_subsets(drafts: list[dict]) -> list[dict]:
    """A sentence naming some of an agreement's parties (from another sentence) speaks of it.
    The home is the draft with more parties, then the dated one (its sentence reports the signing). A
    page's heading restates the signing its body tells even when it calls the instrument otherwise
    (a heading's 連携協定, the body's 「…に関する覚書」): the body's word stands."""
    out: list[dict] = []
    for d in sorted(drafts, key=lambda d: (-len(d["parties"]), d["signed_date"] is None, bool(d.get("_headline")))):
        homes = [o for o in out if o["_sentence"] != d["_sentence"] and _restates(d["parties"], o["parties"])
                 and (d["signed_date"] is None or o["signed_date"] is None or d["signed_date"] == o["signed_date"])]
        home = next((o for o in homes if not other_instrument(d, o)), None) or \
            next((o for o in homes if (o.get("_heading") or d.get("_heading")) and not (o.get("_split") or d.get("_split"))), None)
        if home is None:
            out.append(d)
            continue
        if home.get("_heading") and not d.get("_heading") and other_instrument(d, home):
            home["kind"], home["title"], home["_heading"] = d["kind"], d["title"], False  # the body names the instrument
        _name_self(home, d)
        home.setdefault("_also", []).append(d["_sentence"])  # (a restatement may report the signing done)
        if home["signed_date"] is None and d["signed_date"]:
            home["signed_date"], home["confidence"] = d["signed_date"], 0.8
        if d["kind"] != home["kind"] and d["kind"].endswith(home["kind"]):
            home["kind"] = d["kind"]  # 協定 -> 産学連携協定: the more specific word of the same signing
        home["evidence"] += [ev for ev in d["evidence"] if ev not in home["evidence"]]
    return sorted(out, key=lambda d: d["_sentence"])
