"""Candidates and validated records (summit, agreement, ordinance) with evidence.

A `Candidate` is a labelled span found by a rule pattern or the model. A record
is strict (`extra="forbid"`): dates are ISO 8601 at the precision the text
gives, agreements have at least two distinct parties, and every evidence span
slices back to its quote: validate with `context={"texts": {sha256: text}}`
to check quotes against the document text (without a context the check is
skipped, e.g. when reading records back from JSON).
"""
from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal, Union

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

SCHEMA_VERSION = "1.0"
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


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


IsoDate = Annotated[str, AfterValidator(check_iso_date)]


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


class RecordBase(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    sources: list[Evidence] = Field(min_length=1)
    confidence: float = Field(ge=0.0, le=1.0)
    schema_version: str = SCHEMA_VERSION


class Summit(RecordBase):
    type: Literal["summit"] = "summit"
    series: str | None = None
    edition: int | None = Field(default=None, ge=1, le=1000)
    start_date: IsoDate | None = None
    end_date: IsoDate | None = None
    host: str | None = None
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
    type: Literal["agreement"] = "agreement"
    title: str | None = None
    kind: str | None = None
    parties: list[str] = Field(min_length=2)
    party_aliases: dict[str, list[str]] = Field(default_factory=dict)
    signed_date: IsoDate | None = None
    purpose: str | None = None

    @field_validator("parties")
    @classmethod
    def _distinct(cls, parties: list[str]) -> list[str]:
        if any(not p.strip() for p in parties):
            raise ValueError("a party name is empty")
        if len(set(parties)) < 2:
            raise ValueError(f"an agreement needs at least two distinct parties, got {parties}")
        if len(set(parties)) != len(parties):
            raise ValueError(f"parties repeat: {parties}")
        return parties


class Ordinance(RecordBase):
    type: Literal["ordinance"] = "ordinance"
    name: str = Field(min_length=3)
    municipality: str | None = None
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


Record = Annotated[Union[Summit, Agreement, Ordinance], Field(discriminator="type")]
RECORD_TYPES: dict[str, type[RecordBase]] = {"summit": Summit, "agreement": Agreement, "ordinance": Ordinance}


class Rejected(BaseModel):
    """A candidate record that failed validation, with the reasons."""

    model_config = ConfigDict(extra="forbid")

    type: str
    uri: str
    reasons: list[str]
    candidate: dict
