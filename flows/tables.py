"""The records of each type as CSV for spreadsheets: `records-{summit,agreement,ordinance}.csv`.

One row per record; the columns are `id`, the fields of the record's type in
the schema's order (`schemas/records.py`), `confidence` and `source_urls`.
Lists are joined with `; `, `party_aliases` is written `正式名: 略称, 略称`
per party and joined the same way; a null is an empty cell. UTF-8 with a BOM
and CRLF line ends, so that Excel on a Japanese Windows opens the file as
UTF-8 rather than Shift_JIS. A cell that a spreadsheet would run as a formula
(starting with `=`, `+`, `-`, `@`, tab or CR: crawled text is not trusted)
is prefixed with `'`, which Excel shows as text.
"""
from __future__ import annotations

import csv
import io

from schemas.records import RECORD_TYPES, RecordBase

BOM = "\ufeff"
JOIN = "; "
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NOT_COLUMNS = frozenset(RecordBase.model_fields) | {"type"}


def csv_name(record_type: str) -> str:
    return f"records-{record_type}.csv"


def columns(record_type: str) -> list[str]:
    fields = [f for f in RECORD_TYPES[record_type].model_fields if f not in _NOT_COLUMNS]
    return ["id", *fields, "confidence", "source_urls"]


def cell(value) -> str:
    """One value as spreadsheet text."""
    if value is None:
        text = ""
    elif isinstance(value, dict):
        text = JOIN.join(f"{k}: {', '.join(map(str, v)) if isinstance(v, list) else v}" for k, v in value.items())
    elif isinstance(value, list):
        text = JOIN.join("" if v is None else str(v) for v in value)
    else:
        text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def records_csv(records: list[dict], record_type: str) -> str:
    """The CSV text (BOM first) of the records of one type, in the order given."""
    cols = columns(record_type)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(cols)
    for r in records:
        if r["type"] != record_type:
            continue
        urls = list(dict.fromkeys(ev["uri"] for ev in r.get("sources", [])))
        writer.writerow([cell(urls if c == "source_urls" else r.get(c)) for c in cols])
    return BOM + buf.getvalue()
