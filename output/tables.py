"""The records of each type as CSV for spreadsheets: `records-{summit,agreement,ordinance}.csv`.

One row per record, with Japanese column headers for the people who read them
(the English field names are in records.jsonl and the JSON Schema; `COLUMNS`
maps one to the other): the id, the fields of the record's type, then the
record's confidence and where it was read: the document's title, the page,
the evidence quote (the sentence or line that states the record) and the
source URLs. An agreement's parties fill three aligned columns: names, kinds
and codes (`; ` between parties, an empty place for a party without a code).
Names that could be several local governments and kept no code are listed
with their candidates (`コード未確定`).

Rows are sorted by date (the record's main date: a summit's start, an
agreement's signing, an ordinance's enactment; undated last), then document
title, then id. Lists are joined with `; `, `party_aliases` is written
`正式名: 略称, 略称`; a null is an empty cell.

Spreadsheets turn `2004-05` into a date (May 1st) and `2004` into a number,
which loses the precision the text gave. A partial date is written as the
formula `="2004-05"`, which Excel and LibreOffice show and keep as the text
2004-05 (LibreOffice evaluates formulas on CSV import by default; a test
loads the file with LibreOffice and reads the cells back); a full date stays
plain and becomes a date. Codes are written the same way, so that 010006 and
0128 keep their leading zeros (several codes in one cell are text already). UTF-8 with a BOM and CRLF line ends, so that Excel
on a Japanese Windows opens the file as UTF-8 rather than Shift_JIS. Any other
cell that a spreadsheet would run as a formula (starting with `=`, `+`, `-`,
`@`, tab or CR: crawled text is not trusted) is prefixed with `'`, which
Excel shows as text.
"""
from __future__ import annotations

import csv
import io
import re

from output.jsonlines import to_jsonable
from schemas.records import DATE_PATTERN, MAIN_DATE

BOM = "\ufeff"
JOIN = "; "
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_DATE = re.compile(DATE_PATTERN)
DATE_FIELDS = frozenset({"start_date", "end_date", "signed_date", "enacted_date", "effective_date", "amended_dates"})

# (field, header) per type, in the order of the columns; "party_*" and the trailing columns are derived.
COLUMNS = {
    "summit": [("id", "ID"), ("series", "シリーズ"), ("edition", "回"), ("start_date", "開始日"),
               ("end_date", "終了日"), ("host", "開催地"), ("host_code", "開催地コード"), ("theme", "テーマ"),
               ("declaration", "宣言"), ("participants", "参加団体")],
    "agreement": [("id", "ID"), ("signed_date", "締結日"), ("title", "協定名"), ("kind", "種別"),
                  ("parties", "当事者"), ("party_kinds", "当事者の種類"), ("party_codes", "当事者のコード"),
                  ("party_aliases", "略称"), ("purpose", "目的")],
    "ordinance": [("id", "ID"), ("name", "条例名"), ("municipality", "自治体"),
                  ("municipality_code", "自治体コード"), ("number", "条例番号"), ("enacted_date", "制定日"),
                  ("effective_date", "施行日"), ("amended_dates", "改正日"), ("former_names", "旧名称")],
}
TRAILING = [("ambiguous", "コード未確定"), ("confidence", "信頼度"), ("document_title", "文書名"),
            ("page", "ページ"), ("quote", "根拠"), ("source_urls", "出典URL")]
KIND_JA = {"municipality": "市区町村", "prefecture": "都道府県", "financial institution": "金融機関",
           "university": "大学", "chamber of commerce": "商工会議所・商工会", "national body": "国の機関",
           "company": "企業", "other": "その他"}


def csv_name(record_type: str) -> str:
    return f"records-{record_type}.csv"


def columns(record_type: str) -> list[str]:
    """The field each column holds, in order (the English names)."""
    return [f for f, _ in COLUMNS[record_type] + TRAILING]


def headers(record_type: str) -> list[str]:
    return [h for _, h in COLUMNS[record_type] + TRAILING]


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


def text_cell(value: str | None) -> str:
    """Digits that must stay text (a code's leading zeros, a partial date) as the formula `="…"`."""
    if not value:
        return ""
    if not re.fullmatch(r"[\d-]+", value):
        raise ValueError(f"{value!r} is not a code or a date")
    return f'="{value}"'


def date_cell(value: str | None) -> str:
    """A date: a full one as is (a spreadsheet date), a partial one as text (`="2004-05"`)."""
    if value and len(value) < 10 and _DATE.match(value):
        return text_cell(value)
    return cell(value)


def record_evidence(record: dict) -> dict | None:
    """The span that states the record as a whole (the first sentence-level one), else its first span."""
    sources = record.get("sources") or []
    return next((ev for ev in sources if ev.get("field") is None), sources[0] if sources else None)


def _party(record: dict, key: str) -> list:
    out = []
    for p in record.get("parties") or []:
        if not isinstance(p, dict):
            p = {"name": p, "kind": None, "code": None}
        out.append(KIND_JA.get(p.get("kind"), p.get("kind") or "") if key == "kind" else p.get(key) or "")
    return out


def _ambiguous(record: dict) -> str:
    return JOIN.join(f"{a['name']}: " + " / ".join(f"{c['code']} {c['name']}" for c in a["candidates"])
                     for a in record.get("ambiguous") or [])


def row_values(record: dict, titles: dict[str, str | None]) -> list[str]:
    ev = record_evidence(record) or {}
    derived = {
        "party_kinds": JOIN.join(_party(record, "kind")),
        "party_codes": JOIN.join(_party(record, "code")) if any(_party(record, "code")) else "",
        "ambiguous": _ambiguous(record), "document_title": titles.get(ev.get("uri")) or "",
        "page": ev.get("page"), "quote": ev.get("quote"),
        "source_urls": list(dict.fromkeys(e["uri"] for e in record.get("sources", []))),
    }
    out = []
    for f in columns(record["type"]):
        if f == "parties":
            out.append(cell(_party(record, "name")))
        elif f in derived:
            out.append(derived[f] if f in ("party_kinds", "party_codes", "ambiguous") else cell(derived[f]))
        elif f in DATE_FIELDS:
            value = record.get(f)
            if isinstance(value, list):  # several dates in one cell are text already ("2001; 2010-03")
                value = value[0] if len(value) == 1 else JOIN.join(value) or None
            out.append(date_cell(value) if value and _DATE.match(value) else cell(value))
        elif f in ("host_code", "municipality_code"):
            out.append(text_cell(record.get(f)))
        else:
            out.append(cell(record.get(f)))
    return out


def sort_key(record: dict, titles: dict[str, str | None]) -> tuple:
    date = record.get(MAIN_DATE[record["type"]])
    ev = record_evidence(record) or {}
    return (date is None, date or "", titles.get(ev.get("uri")) or "", record["id"])


def records_csv(records: list[dict], record_type: str, documents: list | None = None) -> str:
    """The CSV text (BOM first) of the records of one type, sorted by date, then document title."""
    titles = {}
    for d in documents or []:
        d = to_jsonable(d)
        titles[d["uri"]] = d.get("title")
    rows = sorted((r for r in records if r["type"] == record_type), key=lambda r: sort_key(r, titles))
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(headers(record_type))
    for r in rows:
        writer.writerow(row_values(r, titles))
    return BOM + buf.getvalue()
