"""Sections of a page about meetings: a heading line naming one meeting and the key lines under it.

Takes a `DocContext` and the summit drafts of `summits`, and reads the way history pages and
announcements lay out their meetings, one section each:

    第1回全国大会〈青葉大会〉1981年          2.令和2年度 青葉工芸全国大会 開催概要
    開催地:青葉県青葉市                     ・開催時期 令和2年10月30日~11月3日
    開催日:昭和56年11月11日(水)             ・開催地 青葉県若葉市

- a heading is a short line (no sentence) that opens with the meeting's name, maybe after a
  bullet, a number (2.), a bracketed label ((参考)) and a year (令和2年度, 本年度の);
- its section runs from the line below to the next heading (at most `_SECTION_LINES` lines);
- `section_details(ctx, drafts)`: a meeting whose mention is a heading takes its section's key
  values (`meeting_page.key_blocks`): the date (a day replaces the year or month the heading
  gave, when they agree), the host (a city before its prefecture; a prefecture the heading
  gave yields to the city), the theme (a theme key, else a theme cue in the section's text);
- `year_headings(ctx, drafts)`: a heading that names a series by its year (令和2年度…大会,
  本年度の…大会), with a date key below it, is a meeting of that series with no edition.

A page about one meeting is a page of one section: `meeting_page` reads it whole.
"""
from __future__ import annotations

import re

from extractors.language import meetings
from extractors.language.dates import DateMention
from extractors.language.gazetteer import MUNICIPALITY_SUFFIX, find_municipalities
from extractors.records.context import DocContext, strip_quotes
from extractors.records.lines import Line, line_index
from extractors.records.meeting_page import DATE_KEYS, PLACE_KEYS, QUOTED_VALUE, key_blocks, page_themes, theme_blocks
from extractors.records.spans import Span, date_span, field_span

_SECTION_LINES = 14  # a section's key lines stand right below its heading
_HEADING_LEN = 70
_YEAR = r"(?:(?:明治|大正|昭和|平成|令和)\s?(?:元|[0-9]{1,2})|(?:19|20)[0-9]{2})\s?年度?|本年度|今年度|本年|今年"
_HEADING_PREFIX = re.compile(r"[\s・•■□◆◇●○◎▼▽▲△★☆※\-]*"
                             r"(?:[0-9]{1,2}\s?[.．、)）]\s?|[(（【\[][^)）】\]\n]{1,6}[)）】\]]\s?)?"
                             rf"(?P<year>{_YEAR})?\s?の?\s?")
_TAIL_YEAR = re.compile(r"\s?(?:19|20)[0-9]{2}(?![0-9年度])")


def _heading(ctx: DocContext, at: int) -> tuple[Line, re.Match] | None:
    """The heading line a mention at `at` opens (with its prefix match), or None."""
    line = ctx.lines[line_index(ctx.lines, at)]
    if len(line.body) > _HEADING_LEN or "。" in line.text:
        return None
    m = _HEADING_PREFIX.fullmatch(line.text, 0, at - line.start)
    return (line, m) if m else None


def _sections(ctx: DocContext, starts: list[int]) -> dict[int, tuple[int, int]]:
    """Heading line start -> (start, end) of its section: the lines below it up to the next heading."""
    lines = ctx.lines
    heads = sorted(set(starts))
    out = {}
    for k, h in enumerate(heads):
        i = line_index(lines, h)
        stop = heads[k + 1] if k + 1 < len(heads) else len(ctx.text)
        j, body = i + 1, 0
        while j < len(lines) and lines[j].start < stop and body < _SECTION_LINES:
            body += bool(lines[j].body)
            j += 1
        out[h] = (lines[i].end, min(stop, lines[j - 1].end if j > i + 1 else lines[i].end))
    return out


def _in(blocks: list[tuple[int, int]], s: int, e: int) -> list[tuple[int, int]]:
    return [(vs, ve) for vs, ve in blocks if s <= vs < e]


def _key_date(ctx: DocContext, blocks: list[tuple[int, int]]) -> DateMention | None:
    for vs, ve in blocks:
        dates = [d for d in ctx.dates_in(vs, ve) if d.start_date and d.year_given and not d.fiscal_year]
        if dates:
            return dates[0]
    return None


def _key_place(ctx: DocContext, blocks: list[tuple[int, int]]) -> tuple[str, int, int] | None:
    for vs, ve in blocks:
        places = find_municipalities(ctx.text[vs:ve])
        cities = [p for p in places if p[2].endswith(MUNICIPALITY_SUFFIX)]
        if places:
            s, e, name = (cities or places)[0]
            return name, vs + s, vs + e
    return None


def _key_theme(ctx: DocContext, blocks: list[tuple[int, int]]) -> tuple[str, int] | None:
    for vs, ve in blocks:
        raw = ctx.text[vs:ve]
        value = raw.strip()
        at = vs + len(raw) - len(raw.lstrip())
        q = QUOTED_VALUE.match(value)
        theme = q.group(1) if q else value
        if 2 <= len(theme) <= 80:
            return theme, at + (1 if q else 0)
    return None


def _fill(ctx: DocContext, draft: dict, s: int, e: int) -> None:
    """A draft's empty (or coarser) fields from the key lines and theme cues of text[s:e]."""
    ev = draft["evidence"]
    date = _key_date(ctx, _in(key_blocks(ctx, DATE_KEYS), s, e))
    old = draft["start_date"]
    if date and (old is None or (len(date.start_date) > len(old) and date.start_date.startswith(old))):
        draft["start_date"], draft["end_date"] = date.start_date, date.end_date
        ev[:] = [sp for sp in ev if not (isinstance(sp, Span) and sp.field in ("start_date", "end_date"))]
        ev += [date_span(date, "summit-section", f) for f in ("start_date", "end_date")]
    place = _key_place(ctx, _in(key_blocks(ctx, PLACE_KEYS), s, e))
    if place and (draft["host"] is None or not draft["host"].endswith(MUNICIPALITY_SUFFIX)):
        name, ps, pe = place
        draft["host"] = name
        ev.append(field_span(ps, pe, "summit-section", "host", name))
    if draft["theme"] is None:
        theme = _key_theme(ctx, _in(theme_blocks(ctx), s, e))
        if theme is None:
            found = page_themes(ctx, s, e)
            theme = (found[0].text, found[0].start) if found else None
        if theme:
            draft["theme"] = theme[0]
            ev.append(field_span(theme[1], theme[1] + len(theme[0]), "summit-section", "theme", theme[0]))


def _heading_drafts(ctx: DocContext, drafts: list[dict]) -> dict[int, list[dict]]:
    """Heading line start -> the drafts whose mention opens that heading."""
    out: dict[int, list[dict]] = {}
    for d in drafts:
        found = _heading(ctx, d["evidence"][0][0])
        if found:
            out.setdefault(found[0].start, []).append(d)
    return out


def section_details(ctx: DocContext, drafts: list[dict]) -> None:
    """Each meeting named by a heading takes the key values of its section (see the docstring)."""
    heads = _heading_drafts(ctx, drafts)
    if not heads:
        return
    for h, (s, e) in _sections(ctx, list(heads)).items():
        for d in heads[h]:
            _fill(ctx, d, s, e)


def year_headings(ctx: DocContext, drafts: list[dict], series_names: list[meetings.Found],
                  make) -> list[dict]:
    """Meetings a heading names by year, with a date key in their section: `make(series, edition,
    confidence, evidence)` builds each draft (summits._summit)."""
    taken = {line_index(ctx.lines, d["evidence"][0][0]) for d in drafts}
    found: list[tuple[int, meetings.Found]] = []
    for f in series_names:
        name = strip_quotes(f.text)
        if meetings.is_nickname(name):
            continue
        head = _heading(ctx, f.start)
        if head is None or line_index(ctx.lines, f.start) in taken:
            continue
        line, prefix = head
        if not prefix.group("year") and not _TAIL_YEAR.match(ctx.text, f.end):
            continue
        found.append((line.start, f))
    if not found:
        return []
    out = []
    sections = _sections(ctx, [h for h, _ in found] + [line.start for line in
                                                          (ctx.lines[i] for i in taken)])
    dated = {d["start_date"] for d in drafts if d["start_date"]}
    for h, f in found:
        s, e = sections[h]
        date = _key_date(ctx, _in(key_blocks(ctx, DATE_KEYS), s, e))
        if date is None or date.start_date in dated:
            continue  # no date below: a heading about the series, not one meeting of it
        name = strip_quotes(f.text)
        ns = f.start + f.text.index(name)
        draft = make(name, None, 0.7, [(h, ctx.lines[line_index(ctx.lines, h)].end, "summit-section"),
                                       field_span(ns, ns + len(name), "summit-section", "series", name)])
        _fill(ctx, draft, s, e)
        dated.add(draft["start_date"])
        out.append(draft)
    return out
