"""Ordinance records from a document's candidates.

Takes a `DocContext` and gives draft ordinances (plain field dicts with
evidence spans). Two kinds of sentence are read:

- 例規集 headers: a line holding the name (「○墨田区中小企業振興基本条例」),
  followed within a few lines by the date and 条例第N号, and 改正 lines;
- prose: 「…条例」 in a sentence, with the place (X市で, 県の) and the date of
  the same clause, and the verb after it (施行 -> effective, 制定/公布 -> enacted,
  に改め -> a renaming of the body's previous ordinance).

National laws (…法), charters (憲章), rules and plans never match: only names
ending in 条例 are candidates, and generic references (本条例, 前条例) are dropped.
"""
from __future__ import annotations

import re

from extractors.records.context import DocContext, strip_quotes
from extractors.language.dates import DateMention, parse_date
from schemas.records import Candidate

_GENERIC = re.compile(r"^(?:この|その|本|同|前|当該|新|旧|改正|関係|関連|他の|各|県の|市の|区の|町の|村の|条例)")
_MUNICIPALITY_PREFIX = re.compile(r"^(.{1,6}?(?:都|道|府|県|市|区|町|村))(?=.{2,}条例$)")
_NUMBER = re.compile(r"条例第\s?[0-9一二三四五六七八九十百千〇]+\s?号")
_AMEND_ABBR = re.compile(r"[(（]\s?(昭|平|令)\s?([0-9]{1,2})\s?条\s?[0-9]+[^()（）]*改正[)）]")
_HEADER_END = re.compile(r"^(?:[(（]目的[)）]|[(（]趣旨[)）]|第[1一]条|目次|前文)")
_PLACE_BEFORE = re.compile(r"(?:^|[、,。\s年月日にはで])(本県|当県|同県|県)(?:で|は|の|が|に|では)")
_RENAME_AFTER = re.compile(r"^[」』]?\s?(?:に|へ)(?:改め|改称|名称変更|変更)")
_VERB_AFTER = re.compile(r"(全部改正|一部改正|改正|施行|制定|公布|成立|可決)")
_SELF_PLACE = {"本市", "当市", "同市", "本区", "当区", "同区", "本町", "当町", "本村", "本県", "当県", "同県"}


def clean_name(raw: str) -> str:
    name = strip_quotes(raw).lstrip("○◯●◎・ ")
    return name.replace(" ", "")


_DATE_LIKE = re.compile(r"(?:[0-9一二三四五六七八九十元]+(?:年|月|日)|年度)$")


def is_ordinance_name(name: str) -> bool:
    """A proper ordinance name: not a generic reference (本条例) and not a date (令和2年3月30日条例第15号)."""
    return (name.endswith("条例") and len(name) >= 5 and not _GENERIC.match(name) and "条例" not in name[:-2]
            and not _DATE_LIKE.search(name[:-2]))


def municipality_prefix(name: str) -> str | None:
    m = _MUNICIPALITY_PREFIX.match(name)
    if not m:
        return None
    prefix = m.group(1)
    # 中小企業都市…, 産業振興… must not read as places: the prefix must be a place name
    return None if re.search(r"(企業|産業|振興|活性化|中小)", prefix) else prefix


def _header_block(ctx: DocContext, name_cand: Candidate) -> tuple[int, int] | None:
    """If the name stands alone on its line (例規集 style), the block of lines after it up to the body."""
    ls, le = ctx.line(name_cand.start)
    rest = ctx.text[ls:le].replace(name_cand.text, "").strip("○◯●◎ 「」『』")
    if rest:
        return None
    end = le
    for _ in range(6):
        if end >= len(ctx.text):
            break
        ns, ne = ctx.line(end + 1)
        line = ctx.text[ns:ne].strip()
        if _HEADER_END.match(line) or len(line) > 60:
            break
        end = ne
    return le, end


def _from_header(ctx: DocContext, name: str, cand: Candidate, block: tuple[int, int]) -> dict:
    text = ctx.text
    bs, be = block
    draft = _draft(ctx, name, cand, confidence=0.9)
    dates = ctx.dates_in(bs, be)
    number = _NUMBER.search(text, bs, be)
    amend_at = text.find("改正", bs, be)
    first = [d for d in dates if amend_at < 0 or d.start < amend_at]
    if first:
        d = first[0]
        draft["enacted_date"] = d.start_date
        if number and number.start() - d.end <= 3:
            draft["number"] = re.sub(r"\s", "", text[d.start:number.end()]).strip("()（）")
        draft["evidence"].append((d.start, number.end() if number else d.end, "ordinance-header-date"))
    elif number:
        draft["number"] = number.group()
    if amend_at >= 0:
        draft["amended_dates"] = [d.start_date for d in dates if d.start > amend_at and d.start_date]
    return draft


def _draft(ctx: DocContext, name: str, cand: Candidate, confidence: float) -> dict:
    return {"type": "ordinance", "name": name, "municipality": None, "number": None, "enacted_date": None,
            "effective_date": None, "amended_dates": [], "former_names": [], "confidence": confidence,
            "evidence": [(cand.start, cand.end, cand.rule)]}


def _clause_start(ctx: DocContext, cand: Candidate) -> int:
    """Start of the clause before the name: back to the previous 、 or sentence start."""
    s, _ = ctx.sentence(cand.start)
    i = cand.start
    while i > s and ctx.text[i - 1] not in "、,，":
        i -= 1
    return i


def _place_for(ctx: DocContext, name: str, cand: Candidate) -> str | None:
    prefix = municipality_prefix(name)
    if prefix:
        return prefix
    s, _ = ctx.sentence(cand.start)
    clause = _clause_start(ctx, cand)
    # the clause first, then only the few characters before the name: long list sentences name many places
    for lo in (clause, max(s, cand.start - 15)):
        places = [c for c in ctx.within(lo, cand.start, "GPE", "SELF")
                  if not ctx.in_parens(c.start, c.end) and not ctx.in_quotes(c.start)]
        if places:
            p = places[-1]
            return ctx.resolve_self(p.text) if p.label == "SELF" else p.text
        # searched in the slice so that ^ matches at the clause start
        if ctx.prefecture and _PLACE_BEFORE.search(ctx.text[lo:cand.start]):
            return ctx.prefecture
    return ctx.owner


def _date_for(ctx: DocContext, cand: Candidate) -> DateMention | None:
    s, e = ctx.sentence(cand.start)
    clause = _clause_start(ctx, cand)
    before = [d for d in ctx.dates_in(clause, cand.start) if d.start_date]
    if not before:
        before = [d for d in ctx.dates_in(s, cand.start) if d.start_date]
    if before:
        return before[-1]
    after = [d for d in ctx.dates_in(cand.end, e) if d.start_date and d.start - cand.end <= 4]
    return after[0] if after else None


def _from_prose(ctx: DocContext, name: str, cand: Candidate) -> dict:
    quoted = cand.text.startswith(("「", "『"))
    draft = _draft(ctx, name, cand, confidence=0.75 if quoted else 0.6)
    draft["municipality"] = _place_for(ctx, name, cand)
    _, e = ctx.sentence(cand.start)
    date = _date_for(ctx, cand)
    verb = _VERB_AFTER.search(ctx.text, cand.end, e)
    if date:
        field = "effective_date" if verb and verb.group(1) == "施行" else "enacted_date"
        if verb and "改正" in verb.group(1):
            draft["amended_dates"] = [date.start_date]
        else:
            draft[field] = date.start_date
        draft["evidence"].append((date.start, date.end, "date"))
    draft["_renamed"] = bool(_RENAME_AFTER.match(ctx.text[cand.end:cand.end + 8]))
    return draft


def _apply_renames(drafts: list[dict]) -> list[dict]:
    """「…条例に改めました」: the new name replaces the body's earlier ordinance; its date is an amendment."""
    out: list[dict] = []
    for d in drafts:
        renamed = d.pop("_renamed", False)
        if renamed:
            earlier = [o for o in out if o["municipality"] == d["municipality"] and o["name"] != d["name"]]
            if earlier:
                old = earlier[-1]
                old["former_names"].append(old["name"])
                old["name"] = d["name"]
                change = d["enacted_date"] or d["effective_date"]
                if change:
                    old["amended_dates"].append(change)
                old["evidence"].extend(d["evidence"])
                continue
        out.append(d)
    return out


def ordinance_drafts(ctx: DocContext) -> list[dict]:
    drafts: list[dict] = []
    for cand in ctx.cands:
        if cand.label != "ORDINANCE":
            continue
        name = clean_name(cand.text)
        if not is_ordinance_name(name) or re.match(r"\s?第\s?[0-9一二三四五六七八九十百]", ctx.text[cand.end:cand.end + 4]):
            continue  # 条例第15号 is a number, not a name
        block = _header_block(ctx, cand)
        if block:
            draft = _from_header(ctx, name, cand, block)
            draft["municipality"] = municipality_prefix(name) or ctx.owner
        else:
            draft = _from_prose(ctx, name, cand)
        drafts.append(draft)
    for m in _AMEND_ABBR.finditer(ctx.text):  # (平12条51・一部改正): amendments listed in the body
        year = parse_date(f"{m.group(1)}{m.group(2)}年")
        headers = [d for d in drafts if d["confidence"] >= 0.9]
        if year and year.start_date and len(headers) == 1 and year.start_date not in headers[0]["amended_dates"]:
            headers[0]["amended_dates"].append(year.start_date)
    return _apply_renames(drafts)
