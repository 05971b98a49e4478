"""The outputs an analyst queries: records.sqlite through datasette, the CSV tables in LibreOffice,
and the JSON Schema of any line of records.jsonl."""
from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from output.folder import write_outputs
from tests.conftest import read_jsonl
from tests.test_review import REJECTED, _manifest, made_run


@pytest.fixture
def made_out(tmp_path) -> Path:
    documents, records = made_run()
    write_outputs(tmp_path, documents, records, REJECTED, _manifest("run-1"))
    return tmp_path


def test_sqlite_has_the_tables_keys_and_indexes(made_out):
    con = sqlite3.connect(made_out / "records.sqlite")
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"records", "parties", "documents", "evidence", "changes"} <= tables
    fks = {(t, r[3], r[2], r[4]) for t in ("records", "parties", "evidence")
           for r in con.execute(f"PRAGMA foreign_key_list({t})")}
    assert fks == {("records", "document", "documents", "uri"), ("parties", "record_id", "records", "id"),
                   ("evidence", "record_id", "records", "id"), ("evidence", "document", "documents", "uri")}
    indexed = {(t, r[2]) for t in tables if not t.startswith("records_fts")
               for ix in con.execute(f"PRAGMA index_list({t})") for r in con.execute(f"PRAGMA index_info({ix[1]})")}
    assert {("records", "type"), ("records", "year"), ("records", "municipality"), ("parties", "record_id"),
            ("parties", "kind"), ("evidence", "record_id"), ("changes", "record_id")} <= indexed
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []  # every key points at a row
    parties = con.execute("SELECT name, kind, code, municipality, year FROM parties ORDER BY position").fetchall()
    assert parties == [("川口市", "municipality", "112038", "川口市", 2023),
                       ("中小企業基盤整備機構", "national body", None, "川口市", 2023)]
    row = con.execute("SELECT date, year, municipality_code, document FROM records WHERE type='ordinance'").fetchone()
    assert row == ("2001", 2001, "112038", "https://www.city.example.lg.jp/kyotei.html")
    n_spans = sum(len(r["sources"]) for r in made_run()[1])
    assert con.execute("SELECT count(*) FROM evidence").fetchone()[0] == n_spans
    assert con.execute("SELECT records FROM documents WHERE status='failed'").fetchone() == (0,)


def _sqlite_utils_database(path: Path, documents: list, records: list[dict], changes: list[dict], labels) -> None:
    """records.sqlite as sqlite-utils made it from the same declarations (the writer before round 15)."""
    import sqlite_utils

    from output.database import FOREIGN_KEYS, FULL_TEXT, INDEXED, TABLES, change_rows, document_rows, record_rows

    kinds = {"TEXT": str, "INTEGER": int, "REAL": float}
    db = sqlite_utils.Database(path)
    rows, parties, evidence = record_rows(records, labels)
    docs = document_rows(documents, records)
    extra = sorted(({r["document"] for r in rows if r["document"]} | {e["document"] for e in evidence})
                   - {d["uri"] for d in docs})
    content = {"documents": docs, "records": rows, "parties": parties, "evidence": evidence,
               "changes": change_rows(changes)}
    for table, columns in TABLES.items():
        db[table].create({name: kinds[kind] for name, kind in columns}, pk=columns[0][0],
                         foreign_keys=[(c, *to) for c, to in FOREIGN_KEYS.get(table, {}).items()])
        db[table].insert_all(content[table], replace=table == "documents")
        if table == "documents":
            db[table].insert_all([{"uri": u, "status": "not in this run", "records": 0} for u in extra])
    for table, columns in INDEXED.items():
        for col in columns:
            db[table].create_index([col])
    db[FULL_TEXT[0]].enable_fts(list(FULL_TEXT[1]), create_triggers=False)
    db.close()


def _dump(path: Path) -> list[str]:
    return list(sqlite3.connect(path).iterdump())


def test_sqlite_is_the_database_sqlite_utils_makes(tmp_path):
    """Written with sqlite3 alone (sqlite-utils imports numpy: a third of a rerun from the cache), the same
    schema text and rows as sqlite-utils gives: a second run's change feed, a document given twice and
    evidence in a document not among the run's ones included."""
    from output.database import build_database
    from output.review import record_label

    out = tmp_path / "out"
    documents, records = made_run()
    write_outputs(out, documents, records, REJECTED, _manifest("run-1"))
    documents, records = made_run(signed="令和5年4月2日")
    write_outputs(out, documents, records, REJECTED, _manifest("run-2"))
    changes = read_jsonl(out / "changes.jsonl")
    assert changes
    documents = [documents[0], *documents[2:], documents[0]]  # (the PDF left out: its evidence's document)
    build_database(tmp_path / "ours.sqlite", documents, records, changes, record_label)
    _sqlite_utils_database(tmp_path / "theirs.sqlite", documents, records, changes, record_label)
    ours = _dump(tmp_path / "ours.sqlite")
    assert ours == _dump(tmp_path / "theirs.sqlite")
    assert any("not in this run" in line for line in ours) and any("records_fts" in line for line in ours)
    hits = sqlite3.connect(tmp_path / "ours.sqlite").execute(
        "SELECT rowid FROM records_fts WHERE records_fts MATCH '川口市'").fetchall()
    assert hits


def _datasette_get(db: Path, path: str, metadata: Path | None = None) -> dict:
    from datasette.app import Datasette

    async def get():
        ds = Datasette([str(db)], metadata=json.loads(metadata.read_text(encoding="utf-8")) if metadata else None)
        response = await ds.client.get(path)
        assert response.status_code == 200, response.text[:500]
        return response.json()

    return asyncio.run(get())


def test_datasette_shows_facets_on_type_municipality_kind_and_year_at_once(made_out):
    data = _datasette_get(made_out / "records.sqlite",
                          "/records/records.json?_facet=type&_facet=municipality&_facet=kind&_facet=year")
    facets = {name: {str(v["value"]): v["count"] for v in f["results"]} for name, f in data["facet_results"].items()}
    assert facets == {"type": {"agreement": 1, "summit": 1, "ordinance": 1}, "municipality": {"川口市": 3},
                      "kind": {"連携協定": 1}, "year": {"2023": 1, "2004": 1, "2001": 1}}
    # a facet narrows: the parties of agreements of 2023, by kind
    data = _datasette_get(made_out / "records.sqlite", "/records/parties.json?year=2023&_facet=kind&_shape=objects")
    assert {f["value"]: f["count"] for f in data["facet_results"]["kind"]["results"]} == {
        "municipality": 1, "national body": 1}
    # a record's parties and evidence through its foreign keys
    data = _datasette_get(made_out / "records.sqlite",
                          "/records/evidence.json?record_id=agreement-0000000000000001&_shape=array&_labels=on")
    assert len(data) == 6 and {e["field"] for e in data} >= {"signed_date", "parties", None}



def test_datasette_opens_the_tables_with_their_facets_given_the_folders_metadata(made_out):
    """`datasette records.sqlite --metadata datasette.json`: facets without asking for them."""
    metadata = made_out / "datasette.json"
    data = _datasette_get(made_out / "records.sqlite", "/records/records.json", metadata)
    assert set(data["facet_results"]) == {"type", "municipality", "kind", "year"}
    assert {v["value"]: v["count"] for v in data["facet_results"]["type"]["results"]} == {
        "agreement": 1, "summit": 1, "ordinance": 1}
    data = _datasette_get(made_out / "records.sqlite", "/records/parties.json", metadata)
    assert set(data["facet_results"]) == {"kind", "municipality", "year"}
    assert not _datasette_get(made_out / "records.sqlite", "/records/records.json").get("facet_results")  # without it

# LibreOffice: Debian's libreoffice-calc (scripts/setup.sh), headless, opening the CSV as a double click
# would with the import's defaults, and saving it as flat ODF so that each cell's type can be read.

def _soffice_or_skip() -> str:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice:
        return soffice
    message = "libreoffice-calc is not installed (bash scripts/setup.sh installs it)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def _cells(fods: str) -> list[list[tuple[str, str]]]:
    """The sheet's rows as (value type, shown text) per cell, from a flat ODF spreadsheet."""
    from lxml import etree

    ns = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
          "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
          "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0"}
    root = etree.fromstring(fods.encode("utf-8"))
    rows = []
    for row in root.iterfind(".//table:table-row", ns):
        cells = []
        for c in row.iterfind("table:table-cell", ns):
            repeat = int(c.get(f"{{{ns['table']}}}number-columns-repeated", "1"))
            kind = c.get(f"{{{ns['office']}}}value-type", "")
            text = "\n".join("".join(p.itertext()) for p in c.iterfind("text:p", ns))
            cells += [(kind, text)] * min(repeat, 50)
        rows.append(cells)
    return rows


# The import settings a person picks in LibreOffice's CSV dialog: comma, double quote, UTF-8, from row 1;
# then the same with "detect special numbers" on, in Japanese.
IMPORTS = {"default": "CSV:44,34,76,1", "special-numbers": "CSV:44,34,76,1,,1041,false,true"}


def _libreoffice(soffice: str, files: list[Path], options: str, out: Path) -> None:
    env = {**os.environ, "HOME": str(out / "home")}  # a profile of its own
    subprocess.run([soffice, "--headless", "--norestore", f"--infilter={options}", "--convert-to", "fods",
                    "--outdir", str(out), *map(str, files)], check=True, capture_output=True, timeout=180, env=env)


@pytest.mark.parametrize("imported", list(IMPORTS))
def test_libreoffice_keeps_partial_dates_and_codes_as_text(made_out, tmp_path, imported):
    soffice = _soffice_or_skip()
    files = []
    for t in ("ordinance", "summit", "agreement"):
        files.append(tmp_path / f"{t}.csv")
        shutil.copy(made_out / f"records-{t}.csv", files[-1])
    control = tmp_path / "control.csv"  # what the same values would become if written plain
    control.write_text("\ufeff制定日,改正日,自治体コード\r\n2001,2010-03,010006\r\n", encoding="utf-8")
    _libreoffice(soffice, [*files, control], IMPORTS[imported], tmp_path / "fods")

    def sheet(name: str) -> dict[str, tuple[str, str]]:
        head, first = _cells((tmp_path / "fods" / f"{name}.fods").read_text(encoding="utf-8"))[:2]
        return {h[1]: c for h, c in zip(head, first)}

    ordinance = sheet("ordinance")
    assert ordinance["制定日"] == ("string", "2001")  # a year alone: text, not the number 2001
    assert ordinance["改正日"] == ("string", "2010-03")  # a month: text, not the 1st of March
    assert ordinance["自治体コード"] == ("string", "112038")
    assert ordinance["条例名"][1].endswith("=川口市中小企業振興条例")  # crawled text never runs as a formula
    summit = sheet("summit")
    assert summit["開始日"][0] == "date" and summit["開催地コード"] == ("string", "112038")
    agreement = sheet("agreement")
    assert agreement["当事者"] == ("string", "川口市; 中小企業基盤整備機構")
    assert agreement["当事者の種類"] == ("string", "市区町村; 国の機関")
    assert agreement["根拠"][1].startswith("令和5年4月1日、川口市と")
    plain = sheet("control")
    # what the formula prevents: a year and a code written plain become numbers (the code loses its zero);
    # a plain 2010-03 LibreOffice 7.4 leaves as text, Excel makes a date of it
    assert plain["制定日"][0] == "float" and plain["自治体コード"] == ("float", "10006")


def test_schema_files_validate_every_line_of_records_jsonl(made_out):
    import jsonschema

    schema = json.loads((made_out / "schema" / "record.json").read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith("/record.json") and "oneOf" in schema
    assert schema["discriminator"]["propertyName"] == "type"
    validator = jsonschema.Draft202012Validator(schema)
    lines = read_jsonl(made_out / "records.jsonl")
    for line in lines:
        assert list(validator.iter_errors(line)) == [], line["id"]
    date = schema["$defs"]["Agreement"]["properties"]["signed_date"]["anyOf"][0]
    assert re.fullmatch(date["pattern"], "2004-05") and not re.fullmatch(date["pattern"], "2004/05")
    bad = dict(lines[0], signed_date="平成16年")
    assert list(validator.iter_errors(bad))
    no_type = {k: v for k, v in lines[0].items() if k != "type"}
    assert list(validator.iter_errors(no_type))
    bad_party = dict(lines[0], parties=[{"name": "川口市", "kind": "city", "code": None}, lines[0]["parties"][1]])
    assert list(validator.iter_errors(bad_party))
    for t in ("summit", "agreement", "ordinance"):
        one = json.loads((made_out / "schema" / f"{t}.json").read_text(encoding="utf-8"))
        assert one["$id"].endswith(f"/{t}.json") and one["required"][0] == "type"


def test_sample_run_records_validate_and_fill_the_database(sample_run):
    import jsonschema

    schema = json.loads((sample_run / "schema" / "record.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    records = read_jsonl(sample_run / "records.jsonl")
    for r in records:
        assert list(validator.iter_errors(r)) == [], r["id"]
    con = sqlite3.connect(sample_run / "records.sqlite")
    assert con.execute("SELECT count(*) FROM records").fetchone()[0] == len(records)
    assert con.execute("SELECT count(*) FROM parties").fetchone()[0] == sum(
        len(r.get("parties", [])) for r in records)
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    coded = con.execute("SELECT count(*) FROM parties WHERE code IS NOT NULL").fetchone()[0]
    assert coded > 0
