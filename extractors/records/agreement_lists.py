"""Agreements listed rather than told: table rows, headings with a 締結日 line, dated list rows.

Takes the reader of `agreement_reader` and the sentences already read, and gives
one draft agreement of the publisher per row of a table of agreements (tab-separated
cells under a header naming 締結/協定/提携), per heading naming an agreement and its
partner with a 締結日 line below it, and per list row dated in itself (two rows or
more) — the pages that list a body's agreements.
"""
from __future__ import annotations

import re

from extractors.records.agreement_dates import DATE_KEY
from extractors.records.agreement_fields import draft, kind_of, kind_span, party_how, publisher_span
from extractors.records.agreement_reader import AgreementReader
from extractors.records.agreement_splits import same_body
from extractors.records.context import strip_quotes
from extractors.records.lines import Line, is_list_row
from extractors.records.publisher import is_signing_body
from extractors.records.spans import date_span, field_span
from schemas.records import Candidate

_ROW_HEADER = re.compile(r"締結|協定|提携|連携先|相手方")


def row_drafts(r: AgreementReader, used: set[tuple[int, int]]) -> list[dict]:
    """A table of agreements (cells separated by tabs or pipes under a header naming 締結/協定/提携): each row
    with a date and a body is one agreement of the publisher with the row's bodies."""
    out: list[dict] = []
    header = False
    pos = 0
    for line in r.text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        sep = "\t" if "\t" in line else "|" if line.lstrip().startswith("|") else None  # (「| 2022年4月1日 | 東西銀行 |」)
        if sep is None:
            continue
        if not r.dates_in(start, end) and _ROW_HEADER.search(line):
            header = True
            continue
        if not header or any(s <= start < e for s, e in used):
            continue
        date = next((d for d in r.dates_in(start, end) if d.start_date and not d.fiscal_year), None)
        cells, cell_start = [], start
        for cell in line.split(sep):
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
                     field_span(start, end, "agreement-table-row", "kind", kind,
                                how="a row of the table of agreements"))
        spans.append(date_span(date, "agreement-table-row", "signed_date"))
        out.append({"type": "agreement", "title": strip_quotes(cell) if cell and words else kind_of(word.text, None),
                    "kind": kind, "parties": names, "party_aliases": {},
                    "signed_date": date.start_date, "purpose": None, "confidence": 0.75,
                    "evidence": [(start, end, "agreement-table-row")] + spans})
    return out


def heading_drafts(r: AgreementReader, used: set[tuple[int, int]]) -> list[dict]:
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
        dated_first = _dates_first(r, s, e)
        row = date is None and (is_list_row(Line(s, e, line)) or
                                (dated_first and bool(r.ctx.within(s, e, "SIGN"))))
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
        d = draft(r, s, e, words[0], None, line, parties, date.start_date, date_span(date, rule, "signed_date"))
        d["evidence"].append((date.start, date.end, rule))
        (rows if row else out).append(d)
    return out + (rows if len(rows) >= 2 else [])


def _dates_first(r: AgreementReader, s: int, e: int) -> bool:
    """A news list's row: a date with its year opens the line, the item's title follows
    (「2024.05.10 東西市との包括連携協定の締結について」)."""
    first = next(iter(r.dates_in(s, e)), None)
    return bool(first and first.year_given and first.precision == "day" and not r.text[s:first.start].strip()
                and r.text[first.end:e].strip())


_ROW_MARK = re.compile(r"^\s*(?:[・○●◎■□◆◇\-‐*※•]|\(?\d+[).．、]|[①-⑳])?\s*")
_ROW_REST = re.compile(r"[\s()（）:：\t]|締結日?|調印日?|付け?|に?協定締結")  # what may stand beside a row's date
_ROW_NAME = re.compile(r"[^\s、,()（）「」:：\t]{2,40}?(?=\s?[(（]|\s|[:：\t]|$)")


def header_row_drafts(r: AgreementReader, used: set[tuple[int, int]]) -> list[dict]:
    """A line naming an agreement (「本市が締結している包括連携協定」, 「次の企業・団体と包括連携協定を
    締結しています。」) over two or more rows that each name one body and a date with its year
    (「・東西銀行(令和3年4月1日締結)」): one agreement of the publisher with each row's body, of the
    header's kind."""
    out: list[dict] = []
    lines = r.text.split("\n")
    offsets, pos = [], 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    i = 0
    while i < len(lines):
        s, e = offsets[i], offsets[i] + len(lines[i])
        words = r.ctx.within(s, e, "AGREEMENT")
        if not words or len(lines[i]) > 80 or any(a <= s < b for a, b in used):
            i += 1
            continue
        rows = []
        j = i + 1
        while j < len(lines) and (rows or j <= i + 2):
            if not lines[j].strip():
                if rows:
                    break
                j += 1
                continue
            row = _dated_row(r, offsets[j], offsets[j] + len(lines[j]))
            if row is None:
                break
            rows.append(row)
            j += 1
        if len(rows) < 2 or not r.publisher:
            i += 1
            continue
        word = words[-1]
        kind = kind_of(word.text, lines[i])
        for name, ns, ne, date, ls, le in rows:
            parties = [(r.publisher, s, s, "agreement-publisher"), (name, ns, ne, "agreement-header-row")]
            d = draft(r, ls, le, word, None, lines[i], parties, date.start_date,
                      date_span(date, "agreement-header-row", "signed_date"))
            d["evidence"].append((s, e, "agreement-header-row"))
            out.append(d)
        i = j
    return out


def _dated_row(r: AgreementReader, s: int, e: int):
    """(name, start, end, date, s, e) of a row that names one body and a date with its year, else None."""
    line = r.text[s:e]
    if not line.strip() or len(line) > 60 or "。" in line:
        return None
    at = s + _ROW_MARK.match(line).end()
    first = next(iter(r.dates_in(at, e)), None)
    if first and first.start == at and first.start_date and first.year_given and not first.fiscal_year:
        m = _ROW_NAME.match(r.text, first.end + len(r.text[first.end:e]) - len(r.text[first.end:e].lstrip()), e)
        name = m and r.name_of(Candidate(label="ORG", start=m.start(), end=m.end(), text=m.group(), rule="row"))
        if name and is_signing_body(name) and not _ROW_REST.sub("", r.text[m.end():e]):
            return name, m.start(), m.end(), first, s, e  # 「2019年4月1日 東西銀行」: the date first
        return None
    m = _ROW_NAME.match(r.text, at, e)
    if not m:
        return None
    name = r.name_of(Candidate(label="ORG", start=m.start(), end=m.end(), text=m.group(), rule="row"))
    if not name or not is_signing_body(name):
        return None
    date = next((d for d in r.dates_in(m.end(), e) if d.start_date and d.year_given and not d.fiscal_year), None)
    if date is None or _ROW_REST.sub("", r.text[m.end():date.start] + r.text[date.end:e]):
        return None  # 「・東西銀行(令和3年4月1日)セミナー開催」: a row about something else
    return name, m.start(), m.end(), date, s, e
