"""Evidence spans of draft records: the sentence that states a record and the span of each field.

Takes offsets the assemblers found and gives `Span`s, the evidence a draft
carries until `build` turns them into `schemas.records.Evidence`:

- a sentence-level span `Span(start, end, rule)` (a plain `(start, end, rule)`
  triple is one too): the sentence, line or table row that states the record;
- a field span `field_span(start, end, rule, field, value, how)`: the
  characters one field's value was read from (the date expression, the party's
  name as written, the ordinance number), with `how` when the value was
  inferred rather than read as written (`"year from document date"`,
  `"publisher"`, `"alias of 中小機構"`, `"completed by the gazetteer"` …).

A field span also keeps the value it gave (`value`, never written out): when
the record's value for that field ends up another one (an assembler replaced
it, or merging took another document's value), `build` keeps the span as
sentence-level evidence rather than let it name a field it did not give.
`date_span(mention, …)` gives a date mention's span with the `how` its
inferred year needs.
"""
from __future__ import annotations

from typing import Any, NamedTuple

from extractors.language.dates import DateMention

YEAR_FROM_DOCUMENT = "year from document date"


class Span(NamedTuple):
    """One evidence span of a draft, as offsets into its document's text."""

    start: int  # half-open character offsets
    end: int
    rule: str  # the pattern id or assembler rule that read it
    field: str | None = None  # the field whose value was read here; None: the sentence, line or row
    how: str | None = None  # how the value was inferred rather than read as written (None: as written)
    value: Any = None  # the value this field span gave (never written out: see the module docstring)


def field_span(start: int, end: int, rule: str, field: str, value: Any, how: str | None = None) -> Span:
    return Span(start, end, rule, field, how, value)


def date_span(d: DateMention, rule: str, field: str, value: str | None = None,
              year_how: str = YEAR_FROM_DOCUMENT) -> Span:
    """The date expression as written; a month-day without its year says where the year came from
    (the sentence's earlier date when `carry_years` gave it, else `year_how`)."""
    if value is None:
        value = d.end_date if field == "end_date" else d.start_date
    return Span(d.start, d.end, rule, field, None if d.year_given else d.year_source or year_how, value)


def as_span(t: tuple) -> Span:
    return t if isinstance(t, Span) else Span(*t)
