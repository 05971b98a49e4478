"""Candidates and validated records (summit, agreement, ordinance) with evidence.

A `Candidate` is a labelled span found by a rule pattern or the model. A record
is strict (`extra="forbid"`): dates are ISO 8601 at the precision the text
gives, agreements have at least two distinct parties, and every evidence span
slices back to its quote: validate with `context={"texts": {sha256: text}}`
to check quotes against the document text (without a context the check is
skipped, e.g. when reading records back from JSON). Schema 1.1: an agreement's
parties are `Party` objects (name, kind, code), summits and ordinances carry
the 全国地方公共団体コード of their host or municipality, and `ambiguous` lists
the names left without a code (docs/CONTRACT.md, "Schema versions").
`json_schema()` gives the JSON Schema of a type, or of any record.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Annotated, ClassVar, Literal, Union

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

SCHEMA_VERSION = "1.1"  # 1.1: party objects with kind and code, host_code, municipality_code, ambiguous
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"  # ISO 8601 at year, month or day precision
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
SCHEMA_BASE = "https://chusho-extract.invalid/schema"  # no server: $id names the schema, it locates nothing
PARTY_KINDS = ("municipality", "prefecture", "financial institution", "university", "chamber of commerce",
               "national body", "company", "other")


def check_iso_date(value: str | None) -> str | None:
    """ISO 8601 at year, month or day precision, and a real calendar date."""
    if value is None:
        return None
    m = _ISO.match(value)
    if not m:
        raise ValueError(f"{value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    if not 1868 <= year <= 2100:
        raise ValueError(f"year {year} is out of range")
    try:
        date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"{value!r} is not a calendar date: {exc}") from None
    return value


IsoDate = Annotated[str, Field(pattern=DATE_PATTERN), AfterValidator(check_iso_date)]
LocalCode = Annotated[str, Field(pattern=r"^\d{6}$", description="全国地方公共団体コード (JIS X 0402, with check digit)")]


class Candidate(BaseModel):
    """A labelled span of a document's text and what found it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    label: str  # ORG, GPE, ORDINANCE, EDITION, AGREEMENT, SIGN, DATE, DECLARATION, ...
    start: int
    end: int
    text: str
    rule: str  # pattern id ("org-suffix-kyokai") or model label ("ginza:City")


class Evidence(BaseModel):
    """A half-open span of a document's text. `field` names the record field whose value was read
    from exactly these characters (null: the sentence or line that states the record as a whole);
    `how` says how a value was inferred rather than read as written ("year from document date",
    "publisher", "alias of 中小機構")."""

    model_config = ConfigDict(extra="forbid")

    uri: str
    sha256: str
    page: int | None = None
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    quote: str = Field(min_length=1)
    rule: str | None = None  # the pattern id or model label the evidence came from
    field: str | None = None
    how: str | None = None
    ocr: bool = False

    @model_validator(mode="after")
    def _grounded(self, info: ValidationInfo) -> "Evidence":
        if self.end <= self.start:
            raise ValueError(f"empty evidence span {self.start}..{self.end}")
        texts = (info.context or {}).get("texts") if info else None
        if texts is not None:
            text = texts.get(self.sha256)
            if text is None:
                raise ValueError(f"evidence points into an unknown document {self.sha256[:12]}")
            if text[self.start:self.end] != self.quote:
                raise ValueError(f"evidence quote {self.quote[:30]!r} does not match the text at "
                                 f"{self.start}..{self.end}: {text[self.start:self.end][:30]!r}")
        return self


class CodeCandidate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: LocalCode
    name: str  # with its prefecture: 東京都府中市


class Ambiguous(BaseModel):
    """A name that could be several local governments, which the documents do not settle: no code."""

    model_config = ConfigDict(extra="forbid")

    field: str  # parties, host or municipality
    name: str
    candidates: list[CodeCandidate] = Field(min_length=2)


class RecordBase(BaseModel):
    model_config = ConfigDict(extra="forbid")

    main_date: ClassVar[str]
    """The field of a type's main date (not a field of its records): the date column of the review page,
    the CSV and SQLite, and their year facet. Declared here, with the fields, so that the output folder's
    writers read it without importing the extractors (a rerun from the whole-run cache imports none)."""

    id: str
    sources: list[Evidence] = Field(min_length=1)
    confidence: float = Field(ge=0.0, le=1.0)
    schema_version: str = SCHEMA_VERSION
    ambiguous: list[Ambiguous] = Field(default_factory=list)


class Party(BaseModel):
    """A party to an agreement: its name as the text gives it, what kind of body it is, and its code:
    the 全国地方公共団体コード of a prefecture or municipality (six digits), the 金融機関コード of a
    bank, 信用金庫, 信用組合 or 労働金庫 (four digits), else null."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    kind: Literal[PARTY_KINDS]
    code: str | None = Field(default=None, pattern=r"^(\d{6}|\d{4})$")

    @model_validator(mode="after")
    def _code_fits_kind(self) -> "Party":
        if self.code is None:
            return self
        want = 6 if self.kind in ("municipality", "prefecture") else 4 if self.kind == "financial institution" else 0
        if len(self.code) != want:
            raise ValueError(f"a {self.kind} has no {len(self.code)}-digit code ({self.name}: {self.code})")
        return self


class Summit(RecordBase):
    main_date: ClassVar[str] = "start_date"
    type: Literal["summit"] = "summit"
    series: str | None = None
    edition: int | None = Field(default=None, ge=1, le=1000)
    start_date: IsoDate | None = None
    end_date: IsoDate | None = None
    host: str | None = None
    host_code: LocalCode | None = None
    theme: str | None = None
    declaration: str | None = None
    participants: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _ordered(self) -> "Summit":
        if self.series is None and self.edition is None:
            raise ValueError("a summit needs a series or an edition")
        if self.start_date and self.end_date and self.end_date[: len(self.start_date)] < self.start_date[: len(self.end_date)]:
            raise ValueError(f"end_date {self.end_date} is before start_date {self.start_date}")
        return self


class Agreement(RecordBase):
    main_date: ClassVar[str] = "signed_date"
    type: Literal["agreement"] = "agreement"
    title: str | None = None
    kind: str | None = None
    parties: list[Party] = Field(min_length=2)
    party_aliases: dict[str, list[str]] = Field(default_factory=dict)
    signed_date: IsoDate | None = None
    purpose: str | None = None
    # The names of `parties` as a list of strings, as schema 1.0 wrote `parties`: kept for readers of
    # 1.0 for one schema version (1.1), removed in 1.2.
    party_names: list[str] = Field(default_factory=list, json_schema_extra={"deprecated": True})

    @field_validator("parties")
    @classmethod
    def _distinct(cls, parties: list[Party]) -> list[Party]:
        names = [p.name for p in parties]
        if any(not n.strip() for n in names):
            raise ValueError("a party name is empty")
        if len(set(names)) < 2:
            raise ValueError(f"an agreement needs at least two distinct parties, got {names}")
        if len(set(names)) != len(names):
            raise ValueError(f"parties repeat: {names}")
        return parties

    @model_validator(mode="after")
    def _names_agree(self) -> "Agreement":
        if self.party_names and self.party_names != [p.name for p in self.parties]:
            raise ValueError("party_names must be the names of parties, in order")
        return self


class Ordinance(RecordBase):
    main_date: ClassVar[str] = "enacted_date"
    type: Literal["ordinance"] = "ordinance"
    name: str = Field(min_length=3)
    municipality: str | None = None
    municipality_code: LocalCode | None = None
    number: str | None = None
    enacted_date: IsoDate | None = None
    effective_date: IsoDate | None = None
    amended_dates: list[IsoDate] = Field(default_factory=list)
    former_names: list[str] = Field(default_factory=list)

    @field_validator("name")
    @classmethod
    def _is_ordinance(cls, name: str) -> str:
        if not name.endswith("条例"):
            raise ValueError(f"{name!r} is not an ordinance name (no 条例 at the end)")
        return name


def party_names(record: dict) -> list[str]:
    """An agreement's party names, from a record read back as JSON: parties are objects with a `name`
    from schema 1.1 on and plain strings in 1.0 (readable for one schema version)."""
    return [p["name"] if isinstance(p, dict) else p for p in record.get("parties") or []]


Record = Annotated[Union[Summit, Agreement, Ordinance], Field(discriminator="type")]
RECORD_TYPES: dict[str, type[RecordBase]] = {"summit": Summit, "agreement": Agreement, "ordinance": Ordinance}
MAIN_DATE: dict[str, str] = {name: t.main_date for name, t in RECORD_TYPES.items()}  # each type's main date


def json_schema(record_type: str | None = None) -> dict:
    """The JSON Schema (2020-12) of one record type, or (None) of any line of records.jsonl: a union
    discriminated by `type`. With `$schema` and an `$id` that names the schema and its version."""
    from pydantic import TypeAdapter

    if record_type is None:
        schema = TypeAdapter(Record).json_schema()
        for t in RECORD_TYPES.values():  # `type` tells the union's branches apart: every line has it
            required = schema["$defs"][t.__name__].setdefault("required", [])
            required.insert(0, "type") if "type" not in required else None
        schema["title"] = "Record"
        schema["description"] = "Any line of records.jsonl: a summit, an agreement or an ordinance, by `type`."
        name = "record"
    else:
        schema = RECORD_TYPES[record_type].model_json_schema()
        schema.setdefault("required", []).insert(0, "type")
        name = record_type
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"{SCHEMA_BASE}/{SCHEMA_VERSION}/{name}.json", **schema}


class Rejected(BaseModel):
    """A candidate record that failed validation, with the reasons."""

    model_config = ConfigDict(extra="forbid")

    type: str
    uri: str
    reasons: list[str]
    candidate: dict
