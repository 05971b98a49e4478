"""The crawl's sources file: start URLs, scope, politeness and schedule per source.

A sources file is TOML (read with the standard library's `tomllib`)::

    delay = 2.0                      # seconds between requests to one host (default for all sources)
    timezone = "Asia/Tokyo"          # time zone of the cron schedules (the default)

    [[source]]
    name = "okaya-summits"
    start_urls = ["https://www.city.okaya.lg.jp/site/chusho/"]
    allowed_hosts = []               # hosts beyond those of the start URLs
    include = ["^/site/"]            # regexes on path?query; empty: everything in scope
    exclude = ["/print/"]
    max_depth = 2                    # links followed from the start pages
    max_documents = 300              # pages and PDFs fetched per crawl
    max_per_pattern = 100            # URLs per pattern (digits and query values aside): traps
    max_seconds = 14400              # the whole crawl of the source; stopped there, reported
    schedule = "0 4 * * 1"           # cron, for `chusho-extract serve`: Mondays 04:00 in `timezone`
    timezone = "Asia/Tokyo"          # optional, per source: overrides the file's

Cron schedules run in a time zone: these are Japanese municipal sites, whose
quiet hours (when a crawl should run) are at night in Japan, so the default is
Asia/Tokyo whatever the machine's own zone. Nothing here is fetched: the crawl flow reads it, `serve` turns each source's
schedule into a Prefect deployment.
"""
from __future__ import annotations

import re
import tomllib
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator


class CrawlSource(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
    start_urls: list[str] = Field(min_length=1)
    allowed_hosts: list[str] = Field(default_factory=list, description="hosts beyond those of the start URLs")
    include: list[str] = Field(default_factory=list, description="regexes on path?query; empty: all")
    exclude: list[str] = Field(default_factory=list)
    max_depth: int = Field(2, ge=0)
    max_documents: int = Field(500, ge=1)
    max_per_pattern: int = Field(100, ge=1, description="URLs fetched per pattern (the URL with its numbers and "
                                 "query values aside): a calendar or pagination trap stops there")
    max_seconds: float = Field(4 * 3600.0, gt=0, description="seconds the crawl of this source may take")
    delay: float | None = Field(None, ge=0, description="seconds between requests to one host")
    schedule: str | None = Field(None, description="cron expression for `serve`")
    timezone: str | None = Field(None, description="IANA time zone of the schedule (default: the file's)")

    @field_validator("start_urls")
    @classmethod
    def _http_urls(cls, urls: list[str]) -> list[str]:
        for url in urls:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise ValueError(f"not an http(s) URL: {url!r}")
        return urls

    @field_validator("include", "exclude")
    @classmethod
    def _regexes(cls, patterns: list[str]) -> list[str]:
        for p in patterns:
            try:
                re.compile(p)
            except re.error as exc:
                raise ValueError(f"bad regex {p!r}: {exc}") from None
        return patterns

    @field_validator("allowed_hosts")
    @classmethod
    def _lower(cls, hosts: list[str]) -> list[str]:
        return [h.strip().lower() for h in hosts]

    @field_validator("schedule")
    @classmethod
    def _cron(cls, value: str | None) -> str | None:
        if value is not None and len(value.split()) != 5:
            raise ValueError(f"schedule {value!r} is not a five-field cron expression")
        return value

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str | None) -> str | None:
        return _check_zone(value)


DEFAULT_TIMEZONE = "Asia/Tokyo"


def _check_zone(value: str | None) -> str | None:
    if value is not None:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r} (an IANA name such as Asia/Tokyo)") from None
    return value


class SourcesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    delay: float = Field(1.0, ge=0)
    timezone: str = Field(DEFAULT_TIMEZONE, description="IANA time zone of the cron schedules")
    source: list[CrawlSource] = Field(min_length=1)

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        return _check_zone(value)

    def sources(self) -> list[CrawlSource]:
        """The sources, each with the file-wide delay and time zone where it sets none."""
        return [s.model_copy(update={"delay": self.delay if s.delay is None else s.delay,
                                     "timezone": s.timezone or self.timezone}) for s in self.source]


class SourcesFileError(ValueError):
    pass


def load_sources(path: str | Path) -> list[CrawlSource]:
    """Read and check a sources file; a clear SourcesFileError when it is wrong."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SourcesFileError(f"no such sources file: {path}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SourcesFileError(f"{path} is not valid TOML: {exc}") from None
    try:
        parsed = SourcesFile.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise SourcesFileError(f"{path}: {problems}") from None
    names = [s.name for s in parsed.source]
    if len(set(names)) != len(names):
        raise SourcesFileError(f"{path}: source names must be unique, got {names}")
    return parsed.sources()
