"""The record types, one declaration each: what every other module reads about a type.

Takes nothing; gives `TYPES`, the table of `RecordType`s by name (summit,
agreement, ordinance, in that order), and `record_type(name)`. A declaration
names the type's schema (`schemas.records`), its assembler (the records module
that drafts it from a document), its pattern files, the trigger label whose
sentences get the model's entities, the fields scored and evidenced, its main
date and place fields, and its rules: the key that says two drafts are the same
thing, whether a draft joins a group of drafts, what its id adds to the key,
which fields merging unites, and which gold record a prediction may be scored
against. `build` (grouping, merging, ids), `evaluate` (scoring, field evidence),
`confidence` (the share of fields given), `linking` (the place to code) and the
output (the review page, CSV and SQLite date) read them here.

Adding a type: its schema class in `schemas/records.py` (and in its `Record`
union and `RECORD_TYPES`), its assembler module, its patterns, and one
`RecordType` below with its rules beside it.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Callable

from extractors.language import meetings
from extractors.records.agreements import agreement_drafts
from extractors.records.also_signed import ALSO
from extractors.records.context import DocContext
from extractors.records.drafts import Draft
from extractors.records.spans import as_span
from extractors.records.matching import norm, options, party_index, same
from extractors.records.ordinances import municipality_prefix, ordinance_drafts
from extractors.records.summits import summit_drafts
from schemas.records import Agreement, Ordinance, RecordBase, Summit

_KEY_DROP = re.compile(r"[\s\-―〜~・()（）「」『』]")


def _never(fields: dict) -> bool:
    return False


def _nothing(fields: dict) -> str:
    return ""


def _unchanged(merged: dict) -> None:
    return None


@dataclass(frozen=True)
class RecordType:
    """One kind of record and everything the pipeline does differently for it."""

    name: str
    """The `type` of its records and drafts ("summit")."""
    schema: type[RecordBase]
    """The strict pydantic model its records are validated against."""
    assemble: Callable[[DocContext], list[dict]]
    """Its assembler: a document's context to drafts in the assemblers' working form (dicts:
    `drafts.Draft.from_dict` turns them into `Draft`s)."""
    patterns: tuple[str, ...]
    """Its rule files in `extractors/language/patterns/` (the loader reads every file there)."""
    trigger: str
    """The candidate label of its trigger words: the model's entities are read in those sentences."""
    scored: tuple[str, ...]
    """The fields the team's scorer compares (`dates`: any of an ordinance's dates)."""
    evidenced: tuple[str, ...]
    """The fields whose every value must have a span naming the field (CONTRACT.md, "Evidence");
    `confidence` counts the share of them a record gives."""
    place_field: str | None
    """The field naming the local government it belongs to, linked to its code as `<field>_code`
    (None: an agreement's place is among its parties)."""
    group_key: Callable[[dict], str]
    """The key (from a draft's fields, or a merged record) of drafts that describe the same thing."""
    joins: Callable[[Draft, list[Draft], bool], bool]
    """Whether a draft joins a group of drafts of this type, given whether their keys are equal."""
    matches: Callable[[dict, dict], bool]
    """Whether a predicted record may be paired with a gold record (score.py's matching)."""
    one_document: Callable[[dict], bool] = _never
    """Whether drafts with these fields merge only within their document (and the id names it)."""
    id_extra: Callable[[dict], str] = _nothing
    """What a merged record's id adds to its key."""
    united: tuple[str, ...] = ()
    """List fields whose values merging unites (other fields: the most confident draft's value)."""
    united_maps: tuple[str, ...] = ()
    """Fields of name -> list whose lists merging unites."""
    finish: Callable[[dict], None] = _unchanged
    """A merged record's last touch, in place."""

    @property
    def date_field(self) -> str:
        """Its main date: the date column of the review page, the CSV and SQLite, and the year facet
        (declared by its schema, `main_date`, where the output folder's writers read it)."""
        return self.schema.main_date


def key_text(text: str | None) -> str:
    """A name as a key: NFKC, without spaces, dashes, middle dots and brackets."""
    return _KEY_DROP.sub("", unicodedata.normalize("NFKC", text or ""))


def dates_compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _same_year(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a[:4] == b[:4]


# summit ---------------------------------------------------------------------------------------

def _summit_key(d: dict) -> str:
    return f"summit|{key_text(d['series'])}|{d['edition'] if d['edition'] is not None else d['start_date']}"


def _summit_joins(d: Draft, group: list[Draft], same_key: bool) -> bool:
    # (two pages' 第2回知事会議 of 2011 and of 2024: one series' name cut short on both, two meetings)
    if same_key:
        return all(_same_year(d.fields["start_date"], o.fields["start_date"]) for o in group)
    return any(_one_meeting_counted_once(d.fields, o.fields) for o in group)


def _one_meeting_counted_once(a: dict, b: dict) -> bool:
    """One page counts the meeting (16回目となった…2020in金沢) and another does not: the same series, the
    same day, one of the two with no edition (never a bare meeting word, which names no series)."""
    day = a["start_date"]
    return (a["edition"] is None) != (b["edition"] is None) and bool(day) and len(day) == 10 \
        and day == b["start_date"] and not bare_summit(a) and key_text(a["series"]) == key_text(b["series"])


def bare_summit(d: dict) -> bool:
    """A summit whose series is a bare meeting word (定例会, 総会): it names no series of its own,
    so 第2回定例会 of one page is not another page's 第2回定例会."""
    return bool(d["series"]) and meetings.is_bare(d["series"])


def _summit_matches(pred: dict, gold: dict) -> bool:
    if pred.get("edition") is not None and gold.get("edition") is not None:
        if not same("edition", pred["edition"], gold["edition"]):
            return False
        ps, gs = pred.get("series"), gold.get("series")
        if ps is None or gs is None or same("series", ps, gs):
            return True
        return any(g and (norm(g) in norm(ps) or norm(ps) in norm(g)) for g in options(gs))
    return pred.get("start_date") is not None and same("start_date", pred.get("start_date"), gold.get("start_date"))


# agreement ------------------------------------------------------------------------------------

def _agreement_key(d: dict) -> str:
    return "agreement|" + "|".join(sorted(key_text(p) for p in d["parties"]))


def _second_document(d: Draft) -> str | None:
    """The title of a second agreement signed with another one of the same parties (`also_signed`), else None."""
    return d.fields["title"] if any(as_span(sp).rule == ALSO for sp in d.evidence) else None


def _agreement_joins(d: Draft, group: list[Draft], same_key: bool) -> bool:
    return same_key and _second_document(d) == _second_document(group[0]) and \
        all(dates_compatible(d.fields["signed_date"], o.fields["signed_date"]) for o in group)


def _agreement_id(merged: dict) -> str:
    second = any(ev.get("rule") == ALSO for ev in merged.get("sources") or [])  # (its own document: its title too)
    return f"|{merged['signed_date'] or ''}" + (f"|{merged['title']}" if second else "")


def _agreement_matches(pred: dict, gold: dict) -> bool:
    groups = gold.get("parties", [])
    hits = {party_index(n, groups) for n in pred.get("parties") or []} - {None}
    return len(hits) >= min(2, len(groups))


# ordinance ------------------------------------------------------------------------------------

def _ordinance_key(d: dict) -> str:
    name = d["name"]
    prefix = municipality_prefix(name)
    base = name[len(prefix):] if prefix else name
    return f"ordinance|{key_text(d['municipality'])}|{key_text(base)}"


def _ordinance_names(d: dict) -> set[str]:
    names = {d["name"], *d["former_names"]}
    return {key_text(n[len(municipality_prefix(n) or ""):]) for n in names}


def _same_place(draft: Draft, group: list[Draft]) -> bool:
    """Whether an ordinance draft can be the group's ordinance by where it belongs.

    A draft that names no municipality joins a group of another document only
    when both give a date, their years agree and their dates of one kind do not differ: a page that leaves the place out can speak
    of the same ordinance as another that names it, but 「中小企業振興条例」 of
    2018 is not the 香川県中小企業振興条例 of 2012 a list page names. A group
    never holds two municipalities: once a nameless draft has joined one
    municipality's ordinance, another municipality's is another record.
    """
    d, others = draft.fields, [o.fields for o in group]
    mine = d["municipality"]
    places = {o["municipality"] for o in others if o["municipality"] is not None}
    if mine is not None and places:
        return places == {mine}  # (every named draft of the group, not only its first)
    if any(o.doc.uri == draft.doc.uri for o in group):
        return True
    # promulgated on one page, in force on another: the same year; two enacted (or two effective)
    # days that differ are two ordinances; without a date on both sides nothing says they are one
    return all(_same_year(d["enacted_date"] or d["effective_date"], o["enacted_date"] or o["effective_date"])
               and (d["enacted_date"] or d["effective_date"]) and (o["enacted_date"] or o["effective_date"])
               and all(dates_compatible(d[k], o[k]) for k in ("enacted_date", "effective_date"))
               for o in others)


def _ordinance_joins(d: Draft, group: list[Draft], same_key: bool) -> bool:
    """By place and name, whatever the keys: a draft without a municipality can join one with it."""
    return _same_place(d, group) and bool(_ordinance_names(d.fields)
                                          & set().union(*(_ordinance_names(o.fields) for o in group)))


def _ordinance_finish(merged: dict) -> None:
    merged["former_names"] = [n for n in merged["former_names"] if n != merged["name"]]


def _ordinance_matches(pred: dict, gold: dict) -> bool:
    pm, gm = pred.get("municipality"), gold.get("municipality")
    if pm and gm and norm(pm) != norm(gm):
        return False
    pn = norm(pred.get("name"))
    if not pn:
        return False
    return any(pn == norm(g) or (len(pn) >= 6 and (pn in norm(g) or norm(g) in pn)) for g in options(gold.get("name")))


# the table ------------------------------------------------------------------------------------

TYPES: dict[str, RecordType] = {t.name: t for t in (
    RecordType(
        name="summit", schema=Summit, assemble=summit_drafts, patterns=("summits.jsonl",), trigger="EDITION",
        scored=("series", "edition", "start_date", "end_date", "host", "theme", "declaration"),
        evidenced=("series", "edition", "start_date", "end_date", "host", "theme", "declaration"),
        place_field="host",
        group_key=_summit_key, joins=_summit_joins, one_document=bare_summit,
        united=("participants",), matches=_summit_matches),
    RecordType(
        name="agreement", schema=Agreement, assemble=agreement_drafts,
        patterns=("agreements.jsonl", "agreement_deps.jsonl"), trigger="AGREEMENT",
        scored=("parties", "signed_date", "kind"),
        evidenced=("parties", "signed_date", "kind"),
        place_field=None,
        group_key=_agreement_key, joins=_agreement_joins, id_extra=_agreement_id,
        united_maps=("party_aliases",), matches=_agreement_matches),
    RecordType(
        name="ordinance", schema=Ordinance, assemble=ordinance_drafts, patterns=("ordinances.jsonl",),
        trigger="ORDINANCE",
        scored=("name", "municipality", "dates"),
        evidenced=("name", "municipality", "number", "enacted_date", "effective_date"),
        place_field="municipality",
        group_key=_ordinance_key, joins=_ordinance_joins,
        united=("amended_dates", "former_names"), finish=_ordinance_finish, matches=_ordinance_matches),
)}


def record_type(name: str) -> RecordType:
    """The declaration of a record type, by its name; a clear error for an unknown one."""
    try:
        return TYPES[name]
    except KeyError:
        raise ValueError(f"unknown record type {name!r} (known: {', '.join(TYPES)})") from None
