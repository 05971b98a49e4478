"""The team scorer's matching primitives: normalised text, gold alternatives, party groups.

Takes predicted and gold values and says whether they are the same the way the
team's `eval/score.py` does: NFKC without spaces, dashes, middle dots and
brackets (`norm`), a gold value's `{"any": [...]}` alternatives (`options`),
fuzzy series and themes (`same`), a party's index among the gold's groups of
names (`party_index`). `evaluate` scores with them and each record type's rule
for which gold record a prediction may be matched with (`record_types`) reads
them; nothing here imports the rest of the project.
"""
from __future__ import annotations

import unicodedata
from difflib import SequenceMatcher

FUZZY = {"theme": 0.8, "series": 0.8}
_IGNORED = set("-‐‑‒–—―−～〜~・･ 　") | set("「」『』（）()【】[]\"'“”")


def norm(s) -> str | None:
    if s is None:
        return None
    s = unicodedata.normalize("NFKC", str(s))
    return "".join(ch for ch in s if ch not in _IGNORED and not ch.isspace())


def options(gold_value) -> list:
    return list(gold_value["any"]) if isinstance(gold_value, dict) and "any" in gold_value else [gold_value]


def same(field: str, pred, gold_value) -> bool:
    if pred is None:
        return False
    for g in options(gold_value):
        if g is None:
            continue
        if field == "edition":
            if str(pred) == str(g):
                return True
            continue
        p, q = norm(pred), norm(g)
        if p == q or (field in FUZZY and SequenceMatcher(None, p, q).ratio() >= FUZZY[field]):
            return True
    return False


def party_name(party) -> str | None:
    """A party is an object with a `name` (schema 1.1) or a string (1.0): read both, as score.py does."""
    return party.get("name") if isinstance(party, dict) else party


def party_index(name, groups: list[list[str]]) -> int | None:
    n = norm(party_name(name))
    return next((i for i, group in enumerate(groups) if any(norm(a) == n for a in group)), None)


def ordinance_dates(rec: dict) -> list[str]:
    return [d for d in (rec.get("promulgated_date"), rec.get("effective_date"), rec.get("enacted_date")) if d]
