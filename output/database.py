"""`records.sqlite`: the run's records in one file to query (datasette, sqlite-utils, pandas).

Takes what a run writes (documents, records, the change history) and gives one SQLite database,
written with the standard library's sqlite3 in the layout sqlite-utils makes (`TABLES`), with these tables:

- `records`: one row per record: `id`, `type`, `label` (the record in a few words), `date` (its main
  date: a summit's start, an agreement's signing, an ordinance's enactment, at the precision the text
  gave), `year`, `municipality` and `municipality_code` (the local government the record belongs to:
  an ordinance's enacting body, a summit's host, an agreement's first party that is a municipality,
  else a prefecture), `kind` (an agreement's kind: 連携協定, 業務提携…), `confidence`, `document`,
  `page` and `quote` (the span that states the record), `sources` (how many spans), `ambiguous`
  (names left without a code, JSON) and `record` (every field as in records.jsonl but the evidence, JSON);
- `parties`: one row per party of an agreement: `record_id`, `position`, `name`, `kind`, `code`,
  `aliases`, with the record's `type`, `year` and `municipality` beside it for facets;
- `documents`: one row per input document: `uri`, `sha256`, `media_type`, `title`, `status`,
  `error_code`, `error`, `pages`, `chars`, `records` (how many records it gave);
- `evidence`: one row per evidence span: `record_id`, `field`, `document`, `page`, `start`, `end`,
  `quote`, `how`, `rule`, `ocr`;
- `changes`: the change history (`changes.jsonl`): `run_id`, `at`, `change`, `record_id`, `type`,
  `fields` (old and new values, JSON), `documents` (JSON).

Foreign keys: `parties.record_id` and `evidence.record_id` -> `records.id`; `records.document` and
`evidence.document` -> `documents.uri`. (`changes.record_id` has none: a removed record is gone.)
Indexes on every column one filters or joins on, and full-text search on the records' labels and
quotes. `datasette records.sqlite` then shows, for example,
`/records/records?_facet=type&_facet=municipality&_facet=kind&_facet=year`, and on `parties` the
facets `kind`, `municipality`, `year`.

`datasette_metadata()` is the text of `datasette.json`, written beside it: the tables' titles and
default facets (type, municipality, kind, year on `records`; kind, municipality, year on
`parties`; status on `documents`; change and type on `changes`), so that
`datasette records.sqlite --metadata datasette.json` opens each table with its facets shown.

`build_database(path, ...)` writes a new file; `output/folder.py` builds it in the new output's
temporary folder, renamed into place with the other files (`output/atomic.py`): a reader never sees
half a database.
"""
from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from output.jsonlines import to_jsonable
from schemas.records import MAIN_DATE

SQLITE_NAME = "records.sqlite"
DATASETTE_NAME = "datasette.json"
FACETS = {  # datasette's default facets per table (datasette.json)
    "records": ["type", "municipality", "kind", "year"],
    "parties": ["kind", "municipality", "year"],
    "documents": ["status", "media_type"],
    "changes": ["change", "type"],
}
TITLES = {
    "records": "Records: summits, agreements, ordinances",
    "parties": "Parties of the agreements",
    "documents": "Input documents",
    "evidence": "Evidence spans",
    "changes": "Change history",
}
_LOCAL = ("municipality", "prefecture")


def _json(value) -> str | None:
    return None if value in (None, [], {}) else json.dumps(value, ensure_ascii=False)


def record_place(r: dict) -> tuple[str | None, str | None]:
    """(the local government a record belongs to, its code): see the module docstring."""
    if r["type"] == "summit":
        return r.get("host"), r.get("host_code")
    if r["type"] == "ordinance":
        return r.get("municipality"), r.get("municipality_code")
    parties = [p for p in r.get("parties") or [] if isinstance(p, dict)]
    for kind in _LOCAL:
        for p in parties:
            if p.get("kind") == kind:
                return p["name"], p.get("code")
    return None, None


def _evidence(r: dict) -> dict:
    sources = r.get("sources") or []
    return next((ev for ev in sources if ev.get("field") is None), sources[0] if sources else {})


def record_rows(records: list[dict], labels) -> tuple[list[dict], list[dict], list[dict]]:
    """(records, parties, evidence) rows."""
    rows, parties, evidence = [], [], []
    for r in records:
        date = r.get(MAIN_DATE[r["type"]])
        place, code = record_place(r)
        ev = _evidence(r)
        fields = {k: v for k, v in r.items() if k not in ("sources", "party_names")}
        rows.append({"id": r["id"], "type": r["type"], "label": labels(r), "date": date,
                     "year": int(date[:4]) if date else None, "municipality": place, "municipality_code": code,
                     "kind": r.get("kind") if r["type"] == "agreement" else None, "confidence": r.get("confidence"),
                     "document": ev.get("uri"), "page": ev.get("page"), "quote": ev.get("quote"),
                     "sources": len(r.get("sources") or []), "ambiguous": _json(r.get("ambiguous")),
                     "record": json.dumps(fields, ensure_ascii=False)})
        for i, p in enumerate(r.get("parties") or []):
            p = p if isinstance(p, dict) else {"name": p, "kind": None, "code": None}
            parties.append({"id": f"{r['id']}/{i}", "record_id": r["id"], "position": i, "name": p["name"],
                            "kind": p.get("kind"), "code": p.get("code"),
                            "aliases": _json((r.get("party_aliases") or {}).get(p["name"])),
                            "type": r["type"], "year": rows[-1]["year"], "municipality": place})
        for ev in r.get("sources") or []:
            evidence.append({"record_id": r["id"], "field": ev.get("field"), "document": ev.get("uri"),
                             "page": ev.get("page"), "start": ev.get("start"), "end": ev.get("end"),
                             "quote": ev.get("quote"), "how": ev.get("how"), "rule": ev.get("rule"),
                             "ocr": bool(ev.get("ocr"))})
    return rows, parties, evidence


def document_rows(documents: list, records: list[dict]) -> list[dict]:
    counts: dict[str, int] = {}
    for r in records:
        for uri in {ev["uri"] for ev in r.get("sources") or []}:
            counts[uri] = counts.get(uri, 0) + 1
    out = []
    for d in map(to_jsonable, documents):
        out.append({"uri": d["uri"], "sha256": d.get("sha256"), "media_type": d.get("media_type"),
                    "title": d.get("title"), "status": d.get("status"), "error_code": d.get("error_code"),
                    "error": d.get("error"), "pages": len(d.get("pages") or []) or None,
                    "chars": len(d.get("text") or ""), "records": counts.get(d["uri"], 0)})
    return out


def change_rows(changes: list[dict]) -> list[dict]:
    return [{"run_id": c.get("run_id"), "at": c.get("at"), "change": c["change"], "record_id": c["id"],
             "type": c.get("type"), "fields": _json(c.get("fields")), "documents": _json(c.get("documents"))}
            for c in changes]


def datasette_metadata() -> str:
    """datasette.json: titles and default facets for `datasette records.sqlite --metadata datasette.json`
    (datasette names a database after its file: `records`)."""
    tables = {name: {"title": title, **({"facets": FACETS[name]} if name in FACETS else {})}
              for name, title in TITLES.items()}
    metadata = {"title": "chusho-extract records", "databases": {SQLITE_NAME.removesuffix(".sqlite"): {"tables": tables}}}
    return json.dumps(metadata, ensure_ascii=False, indent=2) + "\n"


# Each table's columns and their SQLite types, in order (the first is the primary key), its foreign keys
# (column -> table and column), indexes and full-text search: the schema text and rows sqlite-utils gave
# from these declarations until round 15 (tests/test_query_outputs.py compares the two), written with
# sqlite3 alone: sqlite-utils imported numpy, dateutil and its plugin hooks, 0.1-0.25 s of every run and
# a third of a rerun answered from the whole-run cache.
TABLES = {
    "documents": (("uri", "TEXT"), ("sha256", "TEXT"), ("media_type", "TEXT"), ("title", "TEXT"), ("status", "TEXT"),
                  ("error_code", "TEXT"), ("error", "TEXT"), ("pages", "INTEGER"), ("chars", "INTEGER"),
                  ("records", "INTEGER")),
    "records": (("id", "TEXT"), ("type", "TEXT"), ("label", "TEXT"), ("date", "TEXT"), ("year", "INTEGER"),
                ("municipality", "TEXT"), ("municipality_code", "TEXT"), ("kind", "TEXT"), ("confidence", "REAL"),
                ("document", "TEXT"), ("page", "INTEGER"), ("quote", "TEXT"), ("sources", "INTEGER"),
                ("ambiguous", "TEXT"), ("record", "TEXT")),
    "parties": (("id", "TEXT"), ("record_id", "TEXT"), ("position", "INTEGER"), ("name", "TEXT"), ("kind", "TEXT"),
                ("code", "TEXT"), ("aliases", "TEXT"), ("type", "TEXT"), ("year", "INTEGER"),
                ("municipality", "TEXT")),
    "evidence": (("id", "INTEGER"), ("record_id", "TEXT"), ("field", "TEXT"), ("document", "TEXT"), ("page", "INTEGER"),
                 ("start", "INTEGER"), ("end", "INTEGER"), ("quote", "TEXT"), ("how", "TEXT"), ("rule", "TEXT"),
                 ("ocr", "INTEGER")),
    "changes": (("id", "INTEGER"), ("run_id", "TEXT"), ("at", "TEXT"), ("change", "TEXT"), ("record_id", "TEXT"),
                ("type", "TEXT"), ("fields", "TEXT"), ("documents", "TEXT")),
}
FOREIGN_KEYS = {
    "records": {"document": ("documents", "uri")},
    "parties": {"record_id": ("records", "id")},
    "evidence": {"record_id": ("records", "id"), "document": ("documents", "uri")},
}
INDEXED = {  # the columns one filters or joins on
    "records": ("type", "year", "municipality", "municipality_code", "kind", "document"),
    "parties": ("record_id", "kind", "code", "name", "municipality", "year"),
    "evidence": ("record_id", "document", "field"),
    "documents": ("status",),
    "changes": ("record_id", "run_id", "change"),
}
FULL_TEXT = ("records", ("label", "quote"))


def _create_table(db: sqlite3.Connection, table: str) -> None:
    refs = FOREIGN_KEYS.get(table, {})
    columns = ",\n".join(f'   "{name}" {kind}{" PRIMARY KEY" if i == 0 else ""}'
                         + (f' REFERENCES "{refs[name][0]}"("{refs[name][1]}")' if name in refs else "")
                         for i, (name, kind) in enumerate(TABLES[table]))
    db.execute(f'CREATE TABLE "{table}" (\n{columns}\n);')


def _insert(db: sqlite3.Connection, table: str, rows: list[dict], replace: bool = False) -> None:
    """Rows (dicts: a missing column is NULL), in their order: an INTEGER PRIMARY KEY left out numbers them."""
    names = [name for name, _ in TABLES[table] if any(name in row for row in rows)]
    if not names:
        return
    verb = "INSERT OR REPLACE" if replace else "INSERT"
    db.executemany(f'{verb} INTO "{table}" ({", ".join(f"{chr(34)}{n}{chr(34)}" for n in names)}) '
                   f'VALUES ({", ".join("?" * len(names))})', [[row.get(n) for n in names] for row in rows])


def build_database(path: Path, documents: list, records: list[dict], changes: list[dict], labels) -> None:
    """Write the database to `path` (a new file), synced to the disk once it is whole.

    Built in one transaction, without a rollback journal and without a sync per statement (a new file that
    is only renamed into place once complete has nothing to roll back to)."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    try:
        db.execute("BEGIN")
        rows, parties, evidence = record_rows(records, labels)
        for table in TABLES:
            _create_table(db, table)
        docs = document_rows(documents, records)
        _insert(db, "documents", docs, replace=True)
        known = {d["uri"] for d in docs}
        extra = sorted(({r["document"] for r in rows if r["document"]} | {e["document"] for e in evidence}) - known)
        _insert(db, "documents", [{"uri": u, "status": "not in this run", "records": 0} for u in extra])
        _insert(db, "records", rows)
        _insert(db, "parties", parties)
        _insert(db, "evidence", evidence)
        _insert(db, "changes", change_rows(changes))
        for table, cols in INDEXED.items():
            for col in cols:
                db.execute(f'CREATE INDEX "idx_{table}_{col}"\n    ON "{table}" ("{col}");')
        table, cols = FULL_TEXT
        names = ", ".join(f'"{c}"' for c in cols)
        db.execute(f'CREATE VIRTUAL TABLE "{table}_fts" USING FTS5 (\n    {names},\n    content="{table}"\n)')
        db.execute(f'INSERT INTO "{table}_fts" (rowid, {names})\n    SELECT rowid, {names} FROM "{table}";')
        db.execute("COMMIT")
    finally:
        db.close()
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
