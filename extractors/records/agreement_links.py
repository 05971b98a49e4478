"""What the sentences of one document say about each other's agreements (see `agreements`).

Takes the reader of `agreement_reader` and the drafts of the signing sentences and
completes or folds them: a body that joins one of the documents signed together
(「…覚書については、Xも加わっています」); a later sentence that counts an
agreement's parties (「協定に加わったのは同所、同市、A、Bの計4団体」) or names the
members of its group noun (「…大学と協定を結んだ。相手はA、Bの2大学」); a 覚書
exchanged at the signing of a 協定 takes its date; a sentence naming only the people
who signed (`officials`) restates a signing and gives no record of its own.
"""
from __future__ import annotations

import re

from extractors.records.agreement_fields import party_how
from extractors.records.agreement_reader import AgreementReader
from extractors.records.agreement_splits import same_body
from extractors.records.officials import official_after, people_sign
from extractors.records.coordination import Named, shared_ending
from extractors.records.party_groups import cleft_list, counted_lists, fits_group, list_below, topic_list
from extractors.records.publisher import is_signing_body
from extractors.records.spans import field_span

_JOINS = re.compile(r"\s?(?:[(（][^()（）]*[)）])?\s?(?:が|も)[^。]{0,10}?(?:加わ|参加し|含まれ)")
_ACCOMPANIES = re.compile(r"(?:協定|覚書|契約)の?(?:締結|調印)(?:に(?:あわせ|合わせ|併せ)|と同時に)")
ABOUT_AGREEMENT = re.compile(r"協定|契約|覚書|締結|参加|加わ|署名|調印")
FOLLOWING = 3  # sentences after a signing sentence that can count its parties
_THIS_AGREEMENT = re.compile(r"\s*(?:この|同|本|今回の)?\s?(?:協定|覚書|契約)(?:書)?(?:には|に)(?:は)?、?")
_POINTS_BELOW = re.compile(r"(?:締結先|協定先|相手方?|締結機関|参加機関|内訳|(?:締結|調印|提携|連携)した[^、。]{0,12}?)"
                           r"(?:は|:|：)\s?(?:次|以下|下記)の(?:とおり|通り)")  # 「協定を締結した金融機関は以下のとおり」


def add_joining(r: AgreementReader, drafts: list[dict]) -> None:
    """「…覚書については、Xが加わっています」: bodies that join one of the documents signed together;
    「協定には南北信用保証協会も加わった」 in the sentences right after a signing: bodies that join it."""
    for d in drafts:
        places = []
        if d.get("_split"):
            places = [(m.end(), r.ctx.sentence(m.start())) for m in re.finditer(re.escape(d["title"]), r.text)]
        if len(drafts) == 1:
            for s, e in following_sentences(r, d["_sentence"][1]):
                m = _THIS_AGREEMENT.match(r.text, s)
                if m:
                    places.append((m.end(), (s, e)))
        for at, (s, e) in places:
            if (s, e) == d["_sentence"]:
                continue
            while e < len(r.text) and re.match(r"\s?(?:また|さらに|更に)、", r.text[e:e + 5]):
                e = r.ctx.sentence(e)[1]  # 「また、…も加わっています」 goes on about the same document
            for c in r._candidates(at, e):
                c = r._joined(c, r._candidates(at, e))
                if c.label == "ORG" and _JOINS.match(r.text, c.end) and not r.ctx.in_parens(c.start, c.end):
                    name = r.name_of(c)
                    if name and not any(same_body(name, p) for p in d["parties"]):
                        d["parties"].append(name)
                        d["evidence"].append((s, e, "agreement-joining"))
                        d["evidence"].append(field_span(c.start, c.end, "agreement-joining", "parties", name,
                                                        how=party_how(r, r.text[c.start:c.end], name)))


def date_of_accompanied(r: AgreementReader, d: dict, drafts: list[dict]) -> None:
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
                      field_span(span.start, span.end, "agreement-date-accompanying", "signed_date",
                                 other["signed_date"], how="the date of the agreement it accompanies")]


def without_signers(r: AgreementReader, drafts: list[dict]) -> list[dict]:
    """One signing, one record: a sentence naming the people who signed (「A信用金庫の山田理事長、
    B市長が協定書に署名した」, a photo caption) or whose signing has people for its subject restates
    a signing another sentence states; its bodies (often in short forms, the members who sign for a
    committee, the venue, the bodies the people came from) are no new parties."""
    signers = [d for d in drafts if (any(en > st for _, st, en, _ in d["_written"]) and
                                     all(official_after(r.text, en) for _, st, en, _ in d["_written"] if en > st))
               or any(people_sign(r.text, d["_sentence"][0], c.start)
                      for c in r.ctx.within(*d["_sentence"], "SIGN"))]
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


def following_sentences(r: AgreementReader, pos: int, about: bool = True):
    """The FOLLOWING sentences after pos (with `about`, those that speak of an agreement)."""
    n = 0
    while n < FOLLOWING:
        if pos >= len(r.text):
            return
        s, e = r.joined_sentence(pos)
        pos = e
        if not r.text[s:e].strip():
            continue  # a blank line between paragraphs is no sentence
        n += 1
        if not about or ABOUT_AGREEMENT.search(r.text, s, e):
            yield s, e


def following_members(r: AgreementReader, pos: int, groups: list[str],
                      named: list[str] = ()) -> list[tuple[str, int, int, str]]:
    """The members a sentence after pos counts (「…の3大学」, 「計6団体」) for a group noun of the signing
    sentence (「大学と」, 「金融機関と」): a list whose count or members are of the group's kind. For a
    partner written with など (「A商工会議所などと協定を結んだ」, `named`), a list that holds it, counted
    in part (「結んだのは、A商工会議所のほか、B、Cなど7つの商工会」), names the others."""
    for s, e in following_sentences(r, pos, about=False):
        lists = [(r.text[cs:ce], items) for cs, ce, count, items in counted_lists(r.text, s, e)
                 if count or named]
        lists += [("", cleft_list(r.text, s, e))]  # 「締結したのは、A、B、Cです」
        lists += [("*", topic_list(r.text, s, e, groups))]  # 「商工団体はA、B、C。」 after 「商工3団体は」
        below = _POINTS_BELOW.search(r.text, s, e)
        if below:  # 「締結先は次のとおりです。」 and the list under it
            lists.append(("*", list_below(r.text, e - 1)[1]))
        for counter, items in lists:
            members = [(r.member_name(n.start, n.end), n) for n in items]
            if not members or not all(name for name, _ in members):
                continue
            if counter == "*" or any(fits_group(g, [name for name, _ in members]) or
                                     (counter and counter.endswith(g[-2:])) for g in groups) or \
                    any(same_body(name, x) for name, _ in members for x in named):
                return [(name, n.start, n.end, n.rule) for name, n in members]
    return []


# A sentence that opens by naming the signing's other side: 「相手は…」, 「協定の相手方は…」, 「締結先は…」,
# a cleft 「協定を結んだのは…」
_PARTNER_KEY = re.compile(r"\s*(?:(?:その|協定の|締結の)?(?:相手方?|締結相手|協定先|締結先)(?:は|\s?[:：])|"
                          r"(?:協定を|協定に)?(?:締結|調印|結ん|署名)(?:した|だ)(?:の|相手)は)、?\s?")
_CLEFT_SIGNED = re.compile(r"\s*(?:協定|覚書|契約)(?:書)?(?:を|に)(?:締結|調印|結ん|署名)(?:した|だ)のは")
_ONE_PARTNER = re.compile(r"([^\s、。,]{2,30}?)(?:です|でした|である)?。")


def partners_named_next(r: AgreementReader, pos: int) -> list[tuple[str, int, int, str]]:
    """The partners the sentence right after a signing sentence names when it opens on the other side of
    the signing (「…協定を締結した。相手は青森、弘前、八戸の3商工会議所。」), or a cleft on the agreement
    among the FOLLOWING sentences (「協定を締結したのはA、B、Cの3機関。」): the items of a list with one
    shared ending (each given its ending back), else of a cleft-like list of bodies (「締結先は、A、B、C。」)."""
    for i, (s, e) in enumerate(following_sentences(r, pos, about=False)):
        m = _PARTNER_KEY.match(r.text, s, e)
        if not m or (i and not _CLEFT_SIGNED.match(r.text, s, e)):
            # 「…協定を結んだ。…6機関が参加。協定を締結したのはA、B…の6機関。」: a cleft that says who signed
            # the agreement may come a sentence or two later; 「相手は…」 must come right after
            continue
        items = shared_ending(r.text, m.end(), e) or cleft_list(r.text, s, e)
        one = _ONE_PARTNER.match(r.text, m.end(), e)
        if not items and one and is_signing_body(one.group(1)):  # 「相手は東西信用金庫。」: one body alone
            items = [Named(one.start(1), one.end(1), one.group(1), "agreement-partner-next")]
        members = [(r.member_name(n.start, n.end) if n.rule != "agreement-shared-ending" else n.name, n)
                   for n in items]
        if not members or not all(name and is_signing_body(name) for name, _ in members):
            return []
        return [(name, n.start, n.end, n.rule) for name, n in members]
    return []


def add_counted_members(r: AgreementReader, drafts: list[dict]) -> None:
    """「協定に加わったのは同所、同市、A、Bの計4団体」: a sentence after the signing that counts
    the agreement's parties names them all; it speaks of that agreement when a member is one of its
    parties already (同所, 同市 resolve to them)."""
    for d in drafts:
        for s, e in following_sentences(r, d["_sentence"][1]):
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


# The items of a cleft on the agreement that counts bodies it does not name: 「協定を結んだのはA銀行と市内4つの
# 信用金庫、それに3つの労働金庫の合わせて8つの金融機関です」, 「…のは市内8の事業所と商工会など3つの団体です」
_CLEFT_STOP = re.compile(r"です|でした|である|。|の(?:合わせて|計|合計)|$")
_CLEFT_SPLIT = re.compile(r"、\s?(?:それに|さらに)?|(?<=[\u4e00-\u9fffァ-ヶー])と(?=\S)|及び|および|並びに|ならびに")
_COUNTED_BODIES = re.compile(r"(?:[^\s、。]{0,8}?(?:など|等))?(?:県内|市内|町内|村内|地域の|地元の)?"
                             r"(?:[0-9]+|[一二三四五六七八九十]+)(?:つ)?の?[^\s0-9、。]{2,8}")


def cleft_counted_groups(r: AgreementReader, s: int, e: int) -> list[tuple[str, int, int, str]]:
    """The parties a cleft on the agreement lists, in text[s:e] or the FOLLOWING sentences, when one of them
    at least is a counted group the page never names one by one (「地域の4つの信用金庫」): each item as written,
    the named bodies and the groups alike; none when an item is neither."""
    spans = [(s, e)] + list(following_sentences(r, e, about=False))
    for cs, ce in spans:
        m = _CLEFT_SIGNED.search(r.text, cs, ce)
        if not m:
            continue
        stop = _CLEFT_STOP.search(r.text, m.end(), ce)
        end = stop.start() if stop else ce
        out, at = [], m.end()
        for piece in [*_CLEFT_SPLIT.finditer(r.text, m.end(), end), None]:
            st, en = at, piece.start() if piece else end
            item = r.text[st:en].strip()
            if item and is_signing_body(item) and not _COUNTED_BODIES.fullmatch(item):
                out.append((r.member_name(st, en) or item, st, en, "agreement-cleft-list"))
            elif item and _COUNTED_BODIES.fullmatch(item):
                out.append((item, st, en, "agreement-cleft-group"))
            else:
                return []
            at = piece.end() if piece else end
        if len(out) >= 2 and any(rule == "agreement-cleft-group" for *_x, rule in out):
            return out
        return []
    return []

