"""Agreement records (連携協定, 包括連携協定, 業務提携, 業務連携, 協定書 …) from a document.

Takes a `DocContext` and gives draft agreements. A sentence makes an agreement
when it holds an agreement word and a word of signing (締結, 調印, 署名, 結ぶ,
a 締結式/調印式) and at least two distinct parties: organisations or
municipalities named before the agreement word (or inside the agreement's
quoted title), outside brackets (addresses, abbreviations). Abbreviations and
県-prefixed short names resolve to the full name the document gives; self-
references (本市, 当金庫) to the body the document speaks for. The signing
date is a date of the sentence, not one marked as before or after something.
"""
from __future__ import annotations

import re

from extractors.records.context import DocContext, strip_quotes
from schemas.records import Candidate

_KIND_WORDS = ("包括連携協定", "包括的連携協定", "連携協力協定", "相互協力協定", "連携協定", "業務提携", "業務連携",
               "業務協力協定", "パートナーシップ協定", "協定", "覚書", "提携")
_TITLE = re.compile(r"[「『]([^「」『』\n]{2,60}?(?:協定書?|覚書|契約書?))[」』]")
_KANSURU = re.compile(r"(包括連携|包括的な連携|連携協力|相互協力|業務提携|業務連携|連携)(?:に関する|に係る)(?:包括)?(?:協定|協定書)\s?$")
_NOT_SIGN_DATE = re.compile(r"^\s?(?:から|まで|以降|以来|ぶり|前|後|頃|現在)")
_BEFORE_DATE_NEG = re.compile(r"(?:前の|後の|以前の|以来の)\s?$")
_ROLE_AFTER = re.compile(r"^(?:長|役所|議会|職員|民|内|外|立|側|役場|長ら|理事長|学長|頭取|会長|社長)")
_PARTY_SEP = re.compile(r"^[\s]*(?:と|、|,|，|及び|および|並びに|ならびに|や|・)")


def kind_of(word: str, title: str | None) -> str:
    """The kind as written, without 書: 包括連携協定書 -> 包括連携協定; 連携協力に関する協定書 -> 連携協力協定."""
    if title:
        m = _KANSURU.search(title)
        if m:
            return (m.group(1).replace("包括的な連携", "包括連携") + "協定").replace("業務提携協定", "業務提携")
    word = word.rstrip("書")
    for k in _KIND_WORDS:
        if word.endswith(k):
            return k
    return word


def _party_name(ctx: DocContext, c: Candidate) -> str | None:
    if c.label == "SELF":
        return ctx.resolve_self(c.text)
    if c.label == "ORG_ABBR":
        return ctx.aliases.get(c.text)
    return ctx.resolve(c.text)


def _parties(ctx: DocContext, start: int, end: int) -> list[tuple[str, Candidate]]:
    """Party names in text[start:end], in order, longest candidate first where they overlap."""
    found: list[tuple[str, Candidate]] = []
    taken: list[tuple[int, int]] = []
    cands = sorted(ctx.within(start, end, "ORG", "GPE", "SELF", "ORG_ABBR"), key=lambda c: (c.start, -(c.end - c.start)))
    for c in cands:
        if any(s <= c.start and c.end <= e for s, e in taken):
            continue  # 神奈川県 inside 神奈川県信用保証協会
        if ctx.in_parens(c.start, c.end) or _ROLE_AFTER.match(ctx.text[c.end:c.end + 3]):
            continue
        if c.label == "GPE" and not _PARTY_SEP.match(ctx.text[c.end:c.end + 4]) and \
                not re.match(r"^\s?(?:は|が|の「|との|とは|の間)", ctx.text[c.end:c.end + 4]):
            continue  # a place named in passing (東京都八王子市や…), not a party
        name = _party_name(ctx, c)
        if name and name not in (n for n, _ in found):
            found.append((name, c))
            taken.append((c.start, c.end))
    return found


def _signing_date(ctx: DocContext, s: int, e: int, anchor: int):
    best = None
    for d in ctx.dates_in(s, e):
        if not d.start_date or d.fiscal_year:
            continue
        if _NOT_SIGN_DATE.match(ctx.text[d.end:d.end + 4]) or _BEFORE_DATE_NEG.search(ctx.text[max(s, d.start - 5):d.start]):
            continue
        if best is None or abs(d.start - anchor) < abs(best.start - anchor):
            best = d
    return best


def _sentence_draft(ctx: DocContext, s: int, e: int, word: Candidate, sign: Candidate) -> dict | None:
    text = ctx.text
    titles = [m for m in _TITLE.finditer(text, s, e)]
    title_m = next((m for m in titles if m.start() <= word.start < m.end() + 1), titles[0] if titles else None)
    anchor = min(word.start, title_m.start() if title_m else word.start)
    parties = _parties(ctx, s, anchor)
    if len(parties) < 2 and title_m:
        parties = _parties(ctx, title_m.start(), title_m.end())
    if len(parties) < 2:
        return None
    title = strip_quotes(title_m.group()) if title_m else None
    written = title or text[max(s, word.start - 12):word.end]  # 連携協力に関する協定書, quoted or not
    date = _signing_date(ctx, s, e, sign.start)
    evidence = [(s, e, word.rule)]
    aliases: dict[str, list[str]] = {}
    for name, c in parties:
        if c.text != name:
            aliases.setdefault(name, []).append(c.text)
    for short, full in ctx.aliases.items():
        if full in (n for n, _ in parties) and short not in aliases.get(full, []):
            aliases.setdefault(full, []).append(short)
    return {
        "type": "agreement", "title": title or kind_of(word.text, None), "kind": kind_of(word.text, written),
        "parties": [n for n, _ in parties], "party_aliases": aliases,
        "signed_date": date.start_date if date else None,
        "purpose": _purpose(ctx, s, e), "confidence": 0.8 if date else 0.7, "evidence": evidence,
    }


_PURPOSE = re.compile(r"([^、。]{4,80}?)(?:ことを目的|を目的|ため(?:に)?、?(?:連携|協定|締結|お互い|相互))")


def _purpose(ctx: DocContext, s: int, e: int) -> str | None:
    m = _PURPOSE.search(ctx.text, s, e)
    return m.group(1).strip() if m else None


def _date_elsewhere(ctx: DocContext, draft: dict, skip: set[tuple[int, int]]) -> None:
    """「荒川区と中小機構は、平成17年6月に業務連携を結び」: another sentence naming the parties,
    an agreement word and a date before it gives the signing date the signing sentence left out."""
    names = set(draft["parties"]) | {a for v in draft["party_aliases"].values() for a in v}
    for word in (c for c in ctx.cands if c.label == "AGREEMENT"):
        s, e = ctx.sentence(word.start)
        if (s, e) in skip:
            continue
        found = {n for n, _ in _parties(ctx, s, word.start)}
        if len(found & names) < 2 and not (len(found) >= 2 and found <= names):
            continue
        dates = [d for d in ctx.dates_in(s, word.start) if d.start_date and not d.fiscal_year
                 and not _NOT_SIGN_DATE.match(ctx.text[d.end:d.end + 4])]
        if dates:
            draft["signed_date"] = dates[-1].start_date
            draft["evidence"].append((s, e, "agreement-date-elsewhere"))
            return


def agreement_drafts(ctx: DocContext) -> list[dict]:
    drafts: list[dict] = []
    seen: set[tuple[int, int]] = set()
    for word in (c for c in ctx.cands if c.label == "AGREEMENT"):
        s, e = ctx.sentence(word.start)
        if (s, e) in seen:
            continue
        signs = ctx.within(s, e, "SIGN")
        if not signs:
            continue
        seen.add((s, e))
        draft = _sentence_draft(ctx, s, e, word, signs[0])
        if draft:
            drafts.append(draft)
    for draft in drafts:
        if draft["signed_date"] is None:
            _date_elsewhere(ctx, draft, seen)
    return drafts
