"""A record's confidence: the probability that it is right, from what its evidence says it rests on.

Takes a record as a JSON dict with its `sources` (each span's `rule`, `field`,
`how`, `ocr`, `sha256`) and gives a probability in [0, 1] from a logistic
model whose coefficients are data (`data/confidence.json`, fitted by
`eval/fit_confidence.py`, which says how, when and on what).

Right: the record matches a gold record under the team's scorer
(`shared/eval/score.py`'s matching) and every scored field it gives equals
the gold's: a value it gives that the gold does not have, or another value,
is wrong; a field it leaves null is not (absence is explicit); its parties are
exactly the gold's (none missing, none extra; the gold's optional parties are
ignored). A record that matches no gold record (on a negative document too)
is wrong. The stored model is fitted for pages nobody tuned the rules on (see
its file): of records at 0.9 on such pages, at least nine in ten are right; on
text the rules were tuned on, records are right more often than it says.

The features describe the structure each field was read from, not the exact
rule ids (other rules come and go): a span's rule falls into a kind of
structure by the words of its id (`rule_kind`), a span's `how` into a kind of
inference by its words (`how_kind`); an unknown id or `how` falls into the
default group (a surface pattern in a sentence; another inference). Each field
the record gives weighs the same, its spans sharing that weight, so a field
stated five times does not outweigh the others:

- `read_row`, `read_parse`, `read_list`, `read_model`: the share of field
  evidence read from a structured line (a list or table row, a header or
  heading, a key–value line, a labelled block), from the dependency parse of a
  sentence, from a coordination or list inside a sentence, from GiNZA's named
  entities; the rest is a surface pattern in a sentence (the baseline);
- `inferred_publisher`, `inferred_date`, `inferred_page`, `inferred_other`:
  the share inferred rather than read as written: from the document's
  publisher (本学, 当金庫, an omitted subject), from the document's date (a year
  or month the text leaves out), from elsewhere on the page (the title, a
  heading, the first place named), in another way (a name completed by the
  gazetteer, an alias, 同日);
- `fields_summit`, `fields_agreement`, `fields_ordinance`: the share of the
  type's fields that the record gives, one feature per type (fitted: a summit
  that gives more of its fields is less often right, each field given being
  one more to get right; an ordinance that gives its number and dates more
  often, as such ordinances are read from a 例規集 header);
- `restated`: how often each field is stated (mean of log2 of its spans);
- `sentences`, `documents`: log2 of the number of sentences stating the
  record and of documents giving it (several that agree);
- `siblings`: log2 of the number of records of its type that its document
  gives, itself included (`sibling_counts`: a page that gives many ordinances
  or agreements names most of them in passing, and passing mentions are
  wrong more often);
- `ocr`: the share of its evidence on OCR pages (OCR misreads characters);
- `parties_beyond_two`: parties past the second (each one more to get right);
- `summit`, `agreement`, `ordinance`: the type (each type's intercept).

The model is loaded once per process (`load_model`); a missing or broken
file is a clear error, never a silent constant.
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extractors.records.record_types import TYPES as RECORD_TYPES

MODEL_PATH = Path(__file__).resolve().parent / "data" / "confidence.json"

TYPES = tuple(RECORD_TYPES)
# The fields whose values carry evidence per type (CONTRACT.md, "Evidence"); `fields` is the share given.
TYPE_FIELDS = {name: t.evidenced for name, t in RECORD_TYPES.items()}
RULE_KINDS = ("row", "parse", "list", "model")  # and "pattern", the baseline
HOW_KINDS = ("publisher", "date", "page", "other")
FEATURES = (*TYPES, *(f"read_{k}" for k in RULE_KINDS), *(f"inferred_{k}" for k in HOW_KINDS),
            *(f"fields_{t}" for t in TYPES), "restated", "sentences", "documents", "siblings", "ocr",
            "parties_beyond_two")

# Words of a rule id that name the structure it reads (ids are words joined by -, _ or :).
_ROW_WORDS = frozenset({"row", "header", "heading", "table", "key", "block"})
_LIST_WORDS = frozenset({"list", "counted", "joining", "shared", "coordination", "enumeration"})
_PARSE_WORDS = frozenset({"dep", "parse"})
_ID_SPLIT = re.compile(r"[-_:]")


def rule_kind(rule: str | None) -> str:
    """The kind of structure a span's rule id reads: row, parse, list, model or pattern (the default)."""
    if not rule:
        return "pattern"
    if rule.startswith("ginza:"):
        return "model"
    words = set(_ID_SPLIT.split(rule.lower()))
    if words & _ROW_WORDS:
        return "row"
    if words & _PARSE_WORDS:
        return "parse"
    if words & _LIST_WORDS:
        return "list"
    return "pattern"


def how_kind(how: str) -> str:
    """The kind of inference a span's `how` says: publisher, date, page or other (the default)."""
    h = how.lower()
    if "publisher" in h or "owner" in h or "names it" in h or "self" in h:
        return "publisher"
    if "document date" in h or "date of the document" in h:
        return "date"
    if any(w in h for w in ("page", "title", "heading", "above")):
        return "page"
    return "other"


def sibling_counts(records: list[dict]) -> list[int]:
    """Per record, how many records of its type (itself included) come from the document of its first
    evidence span: the `siblings` of `features`."""
    def key(record: dict) -> tuple:
        sources = record.get("sources") or [{}]
        return record.get("type"), sources[0].get("uri")

    counts = Counter(key(r) for r in records)
    return [counts[key(r)] for r in records]


def features(record: dict, siblings: int = 1) -> dict[str, float]:
    """The model's features of one record (a JSON dict with its `sources`), by name; `siblings` is
    the number of records of its type its document gives (`sibling_counts`)."""
    sources = record.get("sources") or []
    by_field: dict[str, list[dict]] = defaultdict(list)
    for ev in sources:
        if ev.get("field"):
            by_field[ev["field"]].append(ev)
    out = dict.fromkeys(FEATURES, 0.0)
    rtype = record.get("type")
    if rtype in TYPES:
        out[rtype] = 1.0
    for spans in by_field.values():
        weight = 1.0 / (len(spans) * len(by_field))
        for ev in spans:
            kind = rule_kind(ev.get("rule"))
            if kind != "pattern":
                out[f"read_{kind}"] += weight
            if ev.get("how"):
                out[f"inferred_{how_kind(ev['how'])}"] += weight
    wanted = TYPE_FIELDS.get(rtype, ())
    if wanted:
        out[f"fields_{rtype}"] = sum(1 for f in wanted if f in by_field) / len(wanted)
    if by_field:
        out["restated"] = sum(math.log2(len(s)) for s in by_field.values()) / len(by_field)
    sentences = {(ev.get("sha256"), ev.get("start"), ev.get("end")) for ev in sources if not ev.get("field")}
    out["sentences"] = math.log2(max(1, len(sentences)))
    out["documents"] = math.log2(max(1, len({ev.get("sha256") for ev in sources})))
    out["siblings"] = math.log2(max(1, siblings))
    if sources:
        out["ocr"] = sum(1 for ev in sources if ev.get("ocr")) / len(sources)
    if rtype == "agreement":
        out["parties_beyond_two"] = float(max(0, len(record.get("parties") or []) - 2))
    return out


@dataclass(frozen=True)
class ConfidenceModel:
    """Logistic coefficients by feature name (a feature the file does not name weighs nothing)."""

    weights: dict[str, float]
    about: str

    def probability(self, record: dict, siblings: int = 1) -> float:
        z = sum(self.weights.get(name, 0.0) * value for name, value in features(record, siblings).items())
        if z >= 0:
            return 1.0 / (1.0 + math.exp(-z))
        e = math.exp(z)
        return e / (1.0 + e)


def read_model(path: Path) -> ConfidenceModel:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        weights = {str(k): float(v) for k, v in data["weights"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise RuntimeError(f"the confidence model {path} cannot be read ({exc}); "
                           "refit it with eval/fit_confidence.py") from exc
    unknown = set(weights) - set(FEATURES)
    if unknown:
        raise RuntimeError(f"the confidence model {path} names features this code does not compute: "
                           f"{sorted(unknown)}; refit it with eval/fit_confidence.py")
    return ConfidenceModel(weights=weights, about=str(data.get("_about", "")))


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> ConfidenceModel:
    """The model in `path` (default: the package's), read once per process."""
    return read_model(path)


def record_confidence(record: dict, model: ConfidenceModel | None = None, siblings: int = 1) -> float:
    """The probability that `record` is right, rounded to three places (`siblings`: see `features`)."""
    return round((model or load_model()).probability(record, siblings), 3)
