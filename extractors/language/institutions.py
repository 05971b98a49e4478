"""Financial institutions and national bodies, from data: official names and their short forms.

Takes nothing but the `zengin-code` package (the Zengin bank and branch code
table, shipped with the package as JSON; nothing is downloaded) and
`data/national_bodies.json` (national bodies with their official short forms),
and gives:

- `institution_names()`: official names. Zengin writes names short: codes
  0001-0999 are banks (群馬 -> 群馬銀行, unless the name already ends in 銀行),
  1xxx 信用金庫 (X信金 -> X信用金庫, 1000 and up), 2xxx 信用組合 (X信組), 3xxx
  労働金庫 (X労金) and the central banks (商工中金, 信金中金, 農林中金) under
  their full names; agricultural cooperatives (4xxx and up) are left out.
- `news_short_forms(name)`: the short forms news writes by rule (X銀行 -> X銀,
  X信用金庫 -> X信金, X信用組合 -> X信組) plus the table's official ones.
- `find_institutions(text)`: official names in a text as (start, end, name)
  spans, longest first.
- `short_form_aliases(text)`: short form -> official name, for short forms whose
  official name the text also writes (a short form alone is too ambiguous: 日商).

Names are NFKC-normalised (Zengin writes ＰａｙＰａｙ in full width) like
the texts are. Source and version in `INSTITUTIONS_SOURCE` for the manifest.
"""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from extractors.language.namecache import cached_names

NATIONAL_BODIES = Path(__file__).parent / "data" / "national_bodies.json"
# Zengin's own short names for bodies whose code range says nothing of their kind.
_ZENGIN_FULL = {"商工中金": "商工組合中央金庫", "信金中金": "信金中央金庫", "信金中央金庫": "信金中央金庫",
                "農林中金": "農林中央金庫", "全信組連": "全国信用協同組合連合会"}
_SUFFIX_BY_SHORT = (("信金", "信用金庫"), ("信組", "信用組合"), ("労金", "労働金庫"))
_NEWS_SHORT = (("銀行", "銀"), ("信用金庫", "信金"), ("信用組合", "信組"), ("労働金庫", "労金"))


def _version() -> str | None:
    try:
        return metadata.version("zengin-code")
    except metadata.PackageNotFoundError:
        return None


INSTITUTIONS_SOURCE = {"financial_institutions": f"zengin-code {_version()} (Zengin bank code table)",
                       "national_bodies": "extractors/language/data/national_bodies.json"}


def _official(code: int, short: str) -> str | None:
    short = unicodedata.normalize("NFKC", short)
    if short in _ZENGIN_FULL:
        return _ZENGIN_FULL[short]
    for abbr, full in _SUFFIX_BY_SHORT:
        if short.endswith(abbr):
            return short[: -len(abbr)] + full
    if code < 1000:
        return short if short.endswith("銀行") else short + "銀行"
    return None  # 信連, 農協 and others: not the bodies our documents name as parties


@lru_cache(maxsize=1)
def _zengin() -> dict[str, str]:
    """Official name -> Zengin code, for banks, 信用金庫, 信用組合 and 労働金庫 (codes below 4000); built once,
    then kept in the user's cache (`namecache`)."""
    return cached_names("banks", "zengin-code", __file__, _build_zengin)


def _build_zengin() -> dict[str, str]:
    try:
        from zengin_code import Bank
    except ImportError:  # the table is a help, not a requirement: names still come from the rules
        return {}
    out: dict[str, str] = {}
    for code, bank in Bank.all.items():
        if int(code) >= 4000:
            continue
        name = _official(int(code), bank.name)
        if name and len(name) > 2:
            out.setdefault(name, code)
    return out


@lru_cache(maxsize=1)
def national_bodies() -> dict[str, list[str]]:
    data = json.loads(NATIONAL_BODIES.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def institution_names() -> frozenset[str]:
    return frozenset(_zengin()) | frozenset(national_bodies())


def is_institution(name: str) -> bool:
    return unicodedata.normalize("NFKC", name) in institution_names()


def news_short_forms(name: str) -> list[str]:
    """X銀行 -> [X銀], X信用金庫 -> [X信金], plus the table's official short forms."""
    out = list(national_bodies().get(name, []))
    for full, short in _NEWS_SHORT:
        if name.endswith(full) and len(name) > len(full):
            out.append(name[: -len(full)] + short)
            break
    return out


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    names = sorted(institution_names(), key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in names))


def find_institutions(text: str) -> list[tuple[int, int, str]]:
    """Official names in text, as (start, end, name), leftmost-longest."""
    return [(m.start(), m.end(), m.group()) for m in _pattern().finditer(text)]


def short_form_aliases(text: str) -> dict[str, str]:
    """Short form -> official name, for the official names text writes and short forms it also writes."""
    out: dict[str, str] = {}
    for _, _, name in find_institutions(text):
        for short in news_short_forms(name):
            if short not in out and short in text.replace(name, ""):
                out[short] = name
    return out
