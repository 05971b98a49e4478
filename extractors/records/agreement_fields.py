"""The fields of a draft agreement and the evidence of each (see `agreements`).

Takes the reader of `agreement_reader`, a signing sentence, its agreement word, its
parties and its date, and gives the draft: the kind as written (包括 and 産学 kept:
`kind_of`, `with_kind_prefix`; 「包括的業務連携に関する協定」 as written,
「包括的連携に関する協定」 as 包括連携協定: `comprehensive_name`), the parties with a span each saying how the name
came from what is written (`party_how`: the publisher, a back-reference, an alias),
the publisher's span when it is the omitted subject, the purpose.
"""
from __future__ import annotations

import re
from typing import Callable

from extractors.records.agreement_reader import AgreementReader
from extractors.records.context import DocContext, strip_quotes
from extractors.records.matching import norm
from extractors.records.publisher import stands_for_publisher
from extractors.records.spans import Span, field_span
from schemas.records import Candidate

_KIND_PREFIX = re.compile(r"(?:産学官金|産学官|産官学金|産官学|産学|高大|包括|友好交流都市|友好都市|姉妹都市)\Z")
# (高大: a high school and a university, as 産学 names industry and academia)
# 友好都市協定, 姉妹都市提携: a tie between two towns, a kind of its own (the prefix stays in the kind)
_TOWNS_TIE = re.compile(r"(?:友好交流都市|友好都市|姉妹都市)(?:協定|提携)")
# 「連携・協力協定」: two words of working together joined by ・ before the agreement word name its kind together
_COOPERATION = "連携|協力|協働|交流|提携"
_JOINED_PREFIX = re.compile(rf"(?:{_COOPERATION})・\Z")
_JOINED_KIND = re.compile(rf"(?:{_COOPERATION})・(?:{_COOPERATION})協定")
_KIND_WORDS = ("包括業務提携", "包括業務連携", "産学官金連携協定", "産学官連携協定", "産官学金連携協定", "産官学連携協定", "産学連携協定", "高大連携協定",
               "包括連携協定", "包括的連携協定", "連携協力協定", "相互協力協定", "連携協定", "業務提携", "業務連携",
               "業務協力協定", "パートナーシップ協定", "包括協定", "協力協定", "基本協定", "協定", "覚書", "資本提携", "提携")
_KANSURU = re.compile(r"(包括連携|包括的な連携|(?:産学官金|産学官|産官学|産学)?連携協力|連携・協力|相互協力|業務提携|業務連携|業務協力|(?:産学官金|産学官|産官学|産学)?連携)"
                      r"(?:に関する|に係る|にかかる|に関わる)(?:包括|基本)?(?:協定|協定書)\s?$")
# 「包括的連携・協力に関する協定」, 「包括連携に係る協定書」: an agreement named by a topic of comprehensive
# cooperation. The name as written is its kind (包括 alone would make it 包括連携協定, which it does not say).
_COMPREHENSIVE_TOPIC = re.compile(r"包括[^、。,，「」『』()（）\s]{0,20}?(?:に関する|に係る|にかかる|に関わる|に係わる)$")

# 「包括的連携に関する協定」, 「包括的な連携・協力に係る協定書」: a name that says only comprehensive cooperation is the
# kind 包括連携協定 (the dev gold's convention: every such name there takes it); a name with more in it
# (「包括的業務連携に関する協定」, 「包括連携による地域振興に関する協定」) stays as written.
_COMPREHENSIVE_ONLY = re.compile(r"包括(?:的な?)?連携(?:・?協力)?(?:に関する|に係る|にかかる|に関わる|に係わる)協定")
_TOPIC_BEFORE = re.compile(r"(?:に関する|に係る|にかかる|に関わる|に係わる|における|に向けた)$")


def comprehensive_name(text: str, s: int, word: Candidate) -> tuple[int, int] | None:
    """The span of 「包括…に関する協定」 ending at the agreement word `word` (a bare 協定/協定書), without 書;
    None when the word has no such name before it within the sentence from s."""
    if word.text not in ("協定", "協定書"):
        return None
    m = _COMPREHENSIVE_TOPIC.search(text, max(s, word.start - 24), word.start)
    if not m or _TOPIC_BEFORE.search(text, max(s, m.start() - 4), m.start()):
        return None  # 「地方創生に係る包括連携に関する協定」: a topic inside a topic, the name is longer than 包括…
    return m.start(), word.start + 2


_PURPOSE = re.compile(r"([^、。]{4,80}?)(?:ことを目的|を目的|ため(?:に)?、?(?:連携|協定|締結|お互い|相互))")


def kind_of(word: str, title: str | None) -> str:
    """The kind as written, without 書: 包括連携協定書 -> 包括連携協定; 連携協力に関する協定書 -> 連携協力協定."""
    if word.rstrip("書").endswith("包括協定"):
        return "包括協定"  # 「連携協力に関する包括協定」: the word itself says what kind
    if title and "包括" in title and word.rstrip("書").endswith("協定"):
        return "包括連携協定" if "連携" in title else "包括協定"  # 「連携協力に関する包括協定」: keep 包括
    if title:
        m = _KANSURU.search(title)
        if m:
            # 「連携協力に関する協定」, 「連携・協力に関する協定」: two words for working together, the kind 連携協定
            # (the dev gold's convention: every such name there takes it, 連携協力協定 only some)
            topic = re.sub(r"連携・?協力\Z", "連携", m.group(1).replace("包括的な連携", "包括連携"))
            return (topic + "協定").replace("業務提携協定", "業務提携").replace("業務連携協定", "業務連携")
    if word.endswith(("覚書", "合意書")):
        return word[-3:] if word.endswith("合意書") else "覚書"
    if word.endswith("包括連携"):
        return "包括連携協定"  # 「包括連携を締結」: the agreement of comprehensive cooperation
    word = word.rstrip("書")
    if _JOINED_KIND.fullmatch(word) or _TOWNS_TIE.fullmatch(word):
        return word  # 連携・協力協定, 友好都市協定 as written (not 協力協定 or 協定, its last part)
    for k in _KIND_WORDS:
        if word.endswith(k):
            return k
    return word


def with_kind_prefix(text: str, word: Candidate) -> Candidate:
    """産学 + 連携協定 -> 産学連携協定, 連携・ + 協力協定 -> 連携・協力協定: a prefix that says who works together,
    or how, is part of the kind."""
    m = _JOINED_PREFIX.search(text, max(0, word.start - 3), word.start)
    if m and _JOINED_KIND.fullmatch(text[m.start():word.end].rstrip("書")):
        return Candidate(label=word.label, start=m.start(), end=word.end, text=text[m.start():word.end], rule=word.rule)
    m = _KIND_PREFIX.search(text, max(0, word.start - 6), word.start)
    if not m or not word.text.startswith(("連携", "協定", "提携", "業務")) or \
            (m.group() == "包括") != word.text.startswith("業務"):
        return word  # (包括 + 業務提携: 包括業務提携; 包括 before 連携協定 is the pattern's own)
    return Candidate(label=word.label, start=m.start(), end=word.end, text=text[m.start():word.end], rule=word.rule)


def party_how(r: AgreementReader, written: str, name: str) -> str | None:
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
    if r.ctx.site_owner == name:
        return "site address"  # 本市 on www.city.x.y.jp: the city the page's address names
    if written.startswith("県") and r.ctx.prefecture and name.startswith(r.ctx.prefecture):
        return "県 of the document's prefecture"
    return "as the document names it"


def publisher_span(r: AgreementReader, s: int, e: int, rule: str = "agreement-publisher",
                   name: str | None = None) -> Span:
    """The publisher as the omitted subject of text[s:e]: its name where the text writes it, else the
    sentence's word of signing (the predicate whose subject is left out), else the sentence."""
    name = name or r.publisher
    at = r.text.find(name) if name else -1
    if at >= 0:
        return field_span(at, at + len(name), rule, "parties", name, how="publisher")
    sign = r.ctx.within(s, e, "SIGN")
    st, en = (sign[0].start, sign[0].end) if sign else (s, e)
    return field_span(st, en, rule, "parties", name, how="publisher")


def party_spans(r: AgreementReader, parties: list[tuple[str, int, int, str]], s: int, e: int) -> list[Span]:
    out = []
    for name, st, en, rule in parties:
        if en > st:
            out.append(field_span(st, en, rule, "parties", name, how=party_how(r, r.text[st:en], name)))
        elif name == r.publisher or rule == "agreement-publisher":
            out.append(publisher_span(r, s, e, rule, name))
    return out


def kind_span(r: AgreementReader, word: Candidate, written: str | None, kind: str) -> Span | None:
    """The characters the kind was read from: the kind word in the agreement word (包括連携協定 of
    包括連携協定書), or a title's 「…に関する協定」 it was made from."""
    body = word.text if word.text.endswith(("覚書", "合意書")) else word.text.rstrip("書")
    m = _KANSURU.search(written) if written and kind not in body else None  # (「…に関する包括協定」: the word's own)
    if m:
        phrase = m.group(0).strip()
        at = r.text.rfind(phrase, max(0, word.start - 80), word.end + 10)
        if at >= 0:
            how = None if norm(phrase) == norm(kind) else "kind from the title"
            return field_span(at, at + len(phrase), "agreement-kind", "kind", kind, how=how)
    i = body.rfind(kind)
    if i >= 0 and word.end > word.start:
        return field_span(word.start + i, word.start + i + len(kind), word.rule, "kind", kind)
    if written and kind.startswith("包括") and "包括" in written:  # the title that says 包括
        at = r.text.rfind(written, max(0, word.start - len(written) - 10), word.end + 10)
        if at >= 0:
            return field_span(at, at + len(written), "agreement-kind", "kind", kind, how="kind from the title")
    if word.end <= word.start:
        return None
    return field_span(word.start, word.end, word.rule, "kind", kind, how="kind of the agreement word")


def draft(r: AgreementReader, s: int, e: int, word: Candidate, title: str | None, written: str,
           parties: list[tuple[str, int, int, str]], date: str | None, date_ev: Span | None) -> dict:
    kind = kind_of(word.text, written)
    named = comprehensive_name(r.text, s, word)
    if named:  # the name as written: 「包括的連携・協力に関する協定」
        kind = r.text[named[0]:named[1]]
        short = "包括連携協定" if _COMPREHENSIVE_ONLY.fullmatch(kind) else None
        kind_ev = field_span(named[0], named[1], "agreement-kind-comprehensive", "kind", short or kind,
                             how="the kind its name says" if short else None)
        kind = short or kind
    else:
        kind_ev = kind_span(r, word, written, kind)
    evidence = [(s, e, word.rule)] + party_spans(r, parties, s, e)
    evidence += [sp for sp in (kind_ev, date_ev) if sp]
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
        "parties": names, "party_aliases": aliases, "signed_date": date, "purpose": purpose_of(r.ctx, s, e),
        "confidence": 0.8 if date else 0.7, "evidence": evidence, "_sentence": (s, e),
        "_written": list(parties), "_quoted": title,
    }


# この包括連携協定は, 本協定: a word that refers back to the agreement the page is about
_THIS_AGREEMENT = re.compile(r"(?:この|本|同|当該)\s?$")


def kind_named_on_page(r: AgreementReader, drafts: list[dict], signings: set[tuple[int, int]],
                       in_force: Callable[[Candidate], bool]) -> None:
    """The one agreement of a page whose signing sentence calls it only 協定 (協定書に署名する市長と学長) takes the
    kind the page names it by elsewhere (栗山市長と平野学長が包括連携協定書に調印し, この包括連携協定は、…): the
    one fuller kind of the page's agreement words that stand in a signing sentence or refer back to it, but for
    a word of an agreement in force (`in_force`: これまでにも…と産学連携協定を締結しており)."""
    if len(drafts) != 1 or drafts[0]["kind"] != "協定":
        return
    found: dict[str, Candidate] = {}
    for c in (c for c in r.ctx.cands if c.label == "AGREEMENT"):
        kind = kind_of(c.text, None)
        if kind == "協定" or not kind.endswith("協定") or _TOWNS_TIE.fullmatch(kind):
            continue
        if in_force(c):
            continue
        if r.joined_sentence(c.start) in signings or _THIS_AGREEMENT.search(r.text, max(0, c.start - 4), c.start):
            found.setdefault(kind, c)
    if len(found) == 1:
        (kind, c), = found.items()
        d = drafts[0]
        d["kind"] = kind
        d["evidence"] = [ev for ev in d["evidence"] if not (isinstance(ev, Span) and ev.field == "kind")]
        i = c.text.rfind(kind)
        st = c.start + max(i, 0)
        d["evidence"].append(field_span(st, st + len(kind) if i >= 0 else c.end, c.rule, "kind", kind,
                                        how="kind named elsewhere on the page"))


def purpose_of(ctx: DocContext, s: int, e: int) -> str | None:
    m = _PURPOSE.search(ctx.text, s, e)
    return m.group(1).strip() if m else None
