"""The review page, the CSV tables and the change feed: on a small hand-made run, on the samples, and in Chromium.

The hand-made run has evidence spans that name their `field` (as CONTRACT.md
asks) and a record with sentence-level spans only (as the extractors give
today), a two-page PDF, and hostile text in a document and a record.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import shutil
from pathlib import Path

import pytest

from output.changes import compared_fields, previous_run, record_changes
from output.folder import write_outputs
from output.review import render_review, script_json
from output.tables import MAIN_DATE, cell, columns, headers, records_csv
from schemas.document import Document, Page
from tests.conftest import read_jsonl

HOSTILE = '</script><img src=x onerror="window.pwned=1"><!--'
SENTENCE = "令和5年4月1日、川口市と中小企業基盤整備機構(中小機構)は、中小企業支援に関する連携協定を締結しました。"
PAGE1 = "中小企業都市サミットの記録\n"
PAGE2 = f"第5回中小企業都市サミットは平成16年5月27日に川口市で開かれた。{HOSTILE}\n"


def _span(doc: Document, quote: str, field: str | None, after: int = 0) -> dict:
    start = doc.text.index(quote, after)
    page = next((p.page for p in doc.pages if p.start <= start < p.end), None)
    return {"uri": doc.uri, "sha256": doc.sha256, "page": page, "start": start, "end": start + len(quote),
            "quote": quote, "field": field, "how": None, "rule": "test"}


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def made_run(signed: str = "令和5年4月1日", kind: str = "連携協定") -> tuple[list[Document], list[dict]]:
    text = f"お知らせ\n{SENTENCE.replace('令和5年4月1日', signed).replace('連携協定', kind)}\n"
    html = Document(uri="https://www.city.example.lg.jp/kyotei.html", sha256=_sha(text), media_type="text/html",
                    title="連携協定の締結", text=text)
    pages = [Page(page=1, start=0, end=len(PAGE1)), Page(page=2, start=len(PAGE1), end=len(PAGE1 + PAGE2))]
    pdf = Document(uri="https://www.city.example.lg.jp/summit.pdf", sha256=_sha(PAGE1 + PAGE2),
                   media_type="application/pdf", title="サミット", text=PAGE1 + PAGE2, pages=pages)
    failed = Document(uri="https://www.city.example.lg.jp/missing.pdf", status="failed", error="HTTP 404",
                      error_code="http_404")
    sentence = html.text.splitlines()[1]
    agreement = {
        "id": "agreement-0000000000000001", "type": "agreement", "confidence": 0.8, "schema_version": "1.1",
        "title": None, "kind": kind, "parties": [{"name": "川口市", "kind": "municipality", "code": "112038"},
                                                 {"name": "中小企業基盤整備機構", "kind": "national body", "code": None}],
        "party_aliases": {"中小企業基盤整備機構": ["中小機構"]}, "signed_date": _iso(signed), "purpose": "中小企業支援",
        "party_names": ["川口市", "中小企業基盤整備機構"], "ambiguous": [],
        "sources": [_span(html, sentence, None), _span(html, signed, "signed_date"), _span(html, "川口市", "parties"),
                    _span(html, "中小企業基盤整備機構", "parties"), _span(html, kind, "kind"),
                    _span(html, "中小機構", "party_aliases")],
    }
    summit = {
        "id": "summit-0000000000000002", "type": "summit", "confidence": 0.85, "schema_version": "1.1",
        "series": "中小企業都市サミット", "edition": 5, "start_date": "2004-05-27", "end_date": None, "host": "川口市",
        "host_code": "112038", "theme": HOSTILE, "declaration": None, "participants": [], "ambiguous": [],
        "sources": [_span(pdf, PAGE2.strip(), None)],
    }
    ordinance = {
        "id": "ordinance-0000000000000003", "type": "ordinance", "confidence": 0.6, "schema_version": "1.1",
        "name": "=川口市中小企業振興条例", "municipality": "川口市", "municipality_code": "112038", "number": None,
        "enacted_date": "2001", "effective_date": None, "amended_dates": ["2010-03"], "former_names": [],
        "ambiguous": [],
        "sources": [_span(html, "川口市", None)],
    }
    return [html, pdf, failed], [agreement, summit, ordinance]


def _iso(wareki: str) -> str:
    m = re.match(r"令和(\d+)年(\d+)月(\d+)日", wareki)
    return f"{2018 + int(m[1])}-{int(m[2]):02d}-{int(m[3]):02d}"


def _manifest(run_id: str) -> dict:
    return {"id": run_id, "started": "2025-01-01T00:00:00+00:00", "inputs": ["x"],
            "finished": f"2025-01-01T00:0{run_id[-1]}:00+00:00",
            "documents": 3, "counts": {"documents": {"failed": 1, "ok": 2},
                                       "records": {"summit": 1, "agreement": 1, "ordinance": 1}, "rejected": 1}}


REJECTED = [{"type": "agreement", "uri": "https://www.city.example.lg.jp/kyotei.html",
             "reasons": ["parties: an agreement needs at least two distinct parties"],
             "candidate": {"parties": ["川口市"], "note": HOSTILE}}]


@pytest.fixture
def made_out(tmp_path) -> Path:
    documents, records = made_run()
    write_outputs(tmp_path, documents, records, REJECTED, _manifest("run-1"))
    return tmp_path


def _data_block(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="review-data">(.*?)</script>', page, re.S)
    return json.loads(m.group(1))


def test_every_run_writes_the_page_and_the_tables_but_a_first_run_no_change_feed(made_out):
    for name in ("review.html", "records-summit.csv", "records-agreement.csv", "records-ordinance.csv",
                 "records.sqlite", "schema/record.json"):
        assert (made_out / name).is_file(), name
    assert not (made_out / "changes.jsonl").exists()
    assert "changes" not in json.loads((made_out / "manifest.json").read_text(encoding="utf-8"))


def test_page_is_self_contained_japanese_and_escapes_everything(made_out):
    page = (made_out / "review.html").read_text(encoding="utf-8")
    assert '<html lang="ja">' in page and "IPAexGothic" in page and "Noto Sans CJK JP" in page
    assert not re.search(r"<(link|img|iframe)\b|<[^>]*\ssrc=|@import|url\(", page, re.I)  # nothing to fetch
    assert HOSTILE not in page  # not as markup, not inside the JSON block
    assert page.count("<script") == 2 and page.count("</script>") == 2
    assert "&lt;/script&gt;&lt;img src=x" in page  # the summit's theme in the table row and the rejected candidate
    data = _data_block(page)
    assert data["texts"][_sha(PAGE1 + PAGE2)]["text"] == PAGE1 + PAGE2 and len(data["texts"]) == 2  # each text once
    assert [r["id"] for r in data["records"]] == ["agreement-0000000000000001", "summit-0000000000000002",
                                                  "ordinance-0000000000000003"]
    assert "HTTP 404" in page and "an agreement needs at least two distinct parties" in page


def test_script_json_has_no_angle_bracket():
    assert "<" not in script_json({"a": "</script><!--"}) and json.loads(script_json({"a": "<"})) == {"a": "<"}


def test_csv_tables_open_as_utf8_with_bom_one_row_per_record(made_out):
    raw = (made_out / "records-agreement.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == headers("agreement") == [
        "ID", "締結日", "協定名", "種別", "当事者", "当事者の種類", "当事者のコード", "略称", "目的", "コード未確定", "信頼度",
        "文書名", "ページ", "根拠", "出典URL"]
    assert dict(zip(columns("agreement"), rows[1])) == {
        "id": "agreement-0000000000000001", "signed_date": "2023-04-01", "title": "", "kind": "連携協定",
        "parties": "川口市; 中小企業基盤整備機構", "party_kinds": "市区町村; 国の機関", "party_codes": "112038; ",
        "party_aliases": "中小企業基盤整備機構: 中小機構", "purpose": "中小企業支援", "ambiguous": "", "confidence": "0.8",
        "document_title": "連携協定の締結", "page": "", "quote": SENTENCE,
        "source_urls": "https://www.city.example.lg.jp/kyotei.html"}
    [ordinance] = csv.DictReader(io.StringIO((made_out / "records-ordinance.csv").read_text(encoding="utf-8-sig")))
    assert ordinance["改正日"] == '="2010-03"' and ordinance["制定日"] == '="2001"'  # partial dates: text
    assert ordinance["条例名"] == "'=川口市中小企業振興条例" and ordinance["自治体コード"] == '="112038"'
    [summit] = csv.DictReader(io.StringIO((made_out / "records-summit.csv").read_text(encoding="utf-8-sig")))
    assert summit["開始日"] == "2004-05-27" and summit["ページ"] == "2" and summit["文書名"] == "サミット"
    assert records_csv([], "summit") == "\ufeff" + ",".join(headers("summit")) + "\r\n"


def test_csv_rows_are_sorted_by_date_then_document_title():
    docs = [{"uri": "u1", "title": "B"}, {"uri": "u2", "title": "A"}]

    def rec(rid, date, uri):
        return {"id": rid, "type": "ordinance", "name": "x条例", "enacted_date": date,
                "sources": [{"uri": uri, "field": None, "quote": "q", "page": None}]}

    text = records_csv([rec("o1", None, "u1"), rec("o2", "2004-05", "u1"), rec("o3", "2004", "u1"),
                        rec("o4", "2004-05", "u2")], "ordinance", docs)
    assert [r[0] for r in csv.reader(io.StringIO(text[1:]))][1:] == ["o3", "o4", "o2", "o1"]


@pytest.mark.parametrize("value, text", [(None, ""), ([], ""), (["a", "b"], "a; b"), (5, "5"), ("+81", "'+81"),
                                         ({"正式名": ["略1", "略2"]}, "正式名: 略1, 略2"), ("-1", "'-1"),
                                         ("@x", "'@x"), ("川口市", "川口市")])
def test_cell(value, text):
    assert cell(value) == text


def test_second_run_writes_the_changes_and_counts_them(made_out):
    documents, records = made_run(signed="令和5年4月1日", kind="包括連携協定")  # the page was edited
    agreement, summit, _ordinance = records
    moved = dict(summit, sources=[dict(summit["sources"][0], rule="moved")])  # evidence changed, facts did not
    new = {**_ordinance_like("ordinance-0000000000000004", "川口市産業振興条例"), "sources": records[2]["sources"]}
    write_outputs(made_out, documents, [agreement, moved, new], [], _manifest("run-2"))
    manifest = json.loads((made_out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["changes"] == {"since_run": "run-1", "added": 1, "changed": 1, "removed": 1}
    lines = read_jsonl(made_out / "changes.jsonl")
    assert {(c["run_id"], c["at"]) for c in lines} == {("run-2", "2025-01-01T00:02:00+00:00")}
    assert [(c["change"], c["id"]) for c in lines] == [("added", "ordinance-0000000000000004"),
                                                       ("changed", "agreement-0000000000000001"),
                                                       ("removed", "ordinance-0000000000000003")]
    added, changed, removed = lines
    assert changed["fields"] == {"kind": {"old": "連携協定", "new": "包括連携協定"}}
    assert changed["documents"] == ["https://www.city.example.lg.jp/kyotei.html"]  # the edited page
    assert removed["record"]["name"] == "=川口市中小企業振興条例" and added["record"] == new
    assert "Record changes" in (made_out / "review.html").read_text(encoding="utf-8")
    # a run that cannot find a finished run (manifest gone) keeps the history and adds nothing to it
    (made_out / "manifest.json").unlink()
    write_outputs(made_out, documents, records, [], _manifest("run-3"))
    assert read_jsonl(made_out / "changes.jsonl") == lines


def test_a_corrected_date_or_party_is_changed_under_the_same_id_and_the_history_grows(made_out):
    documents, records = made_run(signed="令和5年4月2日")  # the signing date corrected on the page
    agreement = dict(records[0], id="agreement-00000000000000aa")  # its facts' hash changed with the date
    write_outputs(made_out, documents, [agreement, *records[1:]], [], _manifest("run-2"))
    [line] = read_jsonl(made_out / "changes.jsonl")
    assert (line["change"], line["id"], line["run_id"]) == ("changed", "agreement-0000000000000001", "run-2")
    assert line["fields"] == {"signed_date": {"old": "2023-04-01", "new": "2023-04-02"}}
    [kept] = [r for r in read_jsonl(made_out / "records.jsonl") if r["type"] == "agreement"]
    assert kept["id"] == "agreement-0000000000000001"  # the id it had, in every file of the run
    # then a party renamed: changed again, the same id; the first line stays
    renamed = dict(agreement, id="agreement-00000000000000bb",
                   parties=[agreement["parties"][0], {"name": "中小企業基盤整備機構関東本部", "kind": "national body",
                                                      "code": None}])
    write_outputs(made_out, documents, [renamed, *records[1:]], [], _manifest("run-3"))
    first, second = read_jsonl(made_out / "changes.jsonl")
    assert first == line and (second["change"], second["id"], second["run_id"]) == (
        "changed", "agreement-0000000000000001", "run-3")
    assert list(second["fields"]) == ["parties"]
    # a record that shares no document with the old one, or differs in two facts, is another record
    other = dict(renamed, id="agreement-00000000000000cc", signed_date="2024-01-01", kind="包括連携協定")
    write_outputs(made_out, documents, [other, *records[1:]], [], _manifest("run-4"))
    assert [c["change"] for c in read_jsonl(made_out / "changes.jsonl")[2:]] == ["added", "removed"]


def _ordinance_like(rid: str, name: str) -> dict:
    return {"id": rid, "type": "ordinance", "confidence": 0.6, "schema_version": "1.0", "name": name,
            "municipality": "川口市", "number": None, "enacted_date": None, "effective_date": None,
            "amended_dates": [], "former_names": []}


def test_changes_name_the_documents_that_changed(made_out):
    documents, records = made_run()
    edited = documents[0].model_copy(update={"sha256": "c" * 64})
    previous = previous_run(made_out)
    kept = [r for r in records if r["type"] != "summit"]  # the PDF is gone
    changes = record_changes(previous, kept, [edited, documents[2]])
    assert [(c["change"], c["documents"]) for c in changes] == [
        ("removed", ["https://www.city.example.lg.jp/summit.pdf"])]
    assert compared_fields("summit") == ["series", "edition", "start_date", "end_date", "host", "host_code",
                                         "theme", "declaration", "participants"]


# What writing a folder imports, in a fresh interpreter: a rerun answered from the whole-run cache does
# only that, and the extractors' rule modules (hundreds of regular expressions compiled at import), the
# HTTP client and numpy are most of its time when imported (0.7 -> 0.3 CPU s, docs/measurements.md).
_WRITE_TWICE = """
import sys, tempfile
from pathlib import Path
from output import write_outputs
from tests.test_review import REJECTED, _manifest, made_run
out = Path(tempfile.mkdtemp())
documents, records = made_run()
write_outputs(out, documents, records, REJECTED, _manifest("run-1"))
documents, records = made_run(signed="令和5年4月2日")
write_outputs(out, documents, records, REJECTED, _manifest("run-2"))  # (the change feed read back, compared)
assert (out / "changes.jsonl").read_text(encoding="utf-8").count("changed") >= 1
print(" ".join(sorted(m for m in sys.modules if m.split(".")[0] in {"extractors", "httpx", "numpy", "sqlite_utils"})))
"""


def test_writing_a_folder_imports_no_extractor_rules_nor_http_client_nor_numpy(tmp_path):
    import subprocess
    import sys

    from tests.conftest import ROOT

    done = subprocess.run([sys.executable, "-c", _WRITE_TWICE], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    imported = done.stdout.split()
    assert not [m for m in imported if m.startswith(("extractors.records", "extractors.language"))], imported
    assert "httpx" not in imported, imported
    assert "sqlite_utils" not in imported and "numpy" not in imported, imported  # (records.sqlite: sqlite3)


def test_review_command_rewrites_the_page(made_out, capsys):
    from cli.main import main

    (made_out / "review.html").unlink()
    assert main(["review", str(made_out)]) == 0
    assert (made_out / "review.html").read_text(encoding="utf-8") == render_review(
        read_jsonl(made_out / "documents.jsonl"), read_jsonl(made_out / "records.jsonl"),
        read_jsonl(made_out / "rejected.jsonl"), json.loads((made_out / "manifest.json").read_text(encoding="utf-8")))
    assert main(["review", str(made_out / "nothing")]) == 2
    assert "no manifest.json" in capsys.readouterr().err


def test_sample_run_writes_the_page_and_a_table_per_type(sample_run):
    records = read_jsonl(sample_run / "records.jsonl")
    for t in ("summit", "agreement", "ordinance"):
        rows = list(csv.DictReader(io.StringIO((sample_run / f"records-{t}.csv").read_text(encoding="utf-8-sig"))))
        assert sorted(r["ID"] for r in rows) == sorted(r["id"] for r in records if r["type"] == t)
        by_id = {r["id"]: r for r in records}
        dates = [by_id[row["ID"]].get(MAIN_DATE[t]) for row in rows]
        dated = [d for d in dates if d]
        assert dated == sorted(dated) and dates == dated + [None] * (len(dates) - len(dated))  # undated last
    page = (sample_run / "review.html").read_text(encoding="utf-8")
    assert len(_data_block(page)["records"]) == len(records)


# The browser: Debian's chromium and chromium-driver (scripts/setup.sh), driven by Selenium.

def _browser_or_skip():
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if chromium and driver:
        return chromium, driver
    message = "chromium and chromium-driver are not installed (bash scripts/setup.sh installs them)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    pytest.importorskip("selenium")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium, driver = _browser_or_skip()
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000", "--lang=ja"):
        options.add_argument(arg)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    drv = webdriver.Chrome(service=Service(driver), options=options)
    drv.set_page_load_timeout(60)
    yield drv
    drv.quit()


def _open(browser, out: Path):
    browser.get((out / "review.html").resolve().as_uri())
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []


def _click_record(browser, record_id: str):
    from selenium.webdriver.common.by import By

    row = browser.find_element(By.XPATH, f"//tr[contains(@class,'record-row')][.//div[@class='id' and "
                                         f"text()='{record_id}']]")
    row.click()
    return row


def _marked(browser, index: int) -> tuple[str, set[str]]:
    """The text highlighted for evidence span `index` of the open record, and the marks' classes."""
    marks = browser.execute_script(
        "return Array.from(document.querySelectorAll('#detail .doc-text mark.ev'))"
        ".filter(m => m.dataset.ev.split(' ').includes(arguments[0])).map(m => [m.textContent, m.className]);",
        str(index))
    return "".join(t for t, _ in marks), {c for _, cls in marks for c in cls.split()}


def _artifact(browser, tmp_path: Path, name: str) -> Path:
    shot = tmp_path / name
    browser.save_screenshot(str(shot))
    if os.environ.get("CHUSHO_ARTIFACTS"):
        Path(os.environ["CHUSHO_ARTIFACTS"]).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(os.environ["CHUSHO_ARTIFACTS"]) / name)
    return shot


def test_browser_highlights_each_fields_evidence(browser, made_out, tmp_path):
    from selenium.webdriver.common.by import By

    _open(browser, made_out)
    assert browser.execute_script("return document.documentElement.lang") == "ja"
    _, records = made_run()
    agreement = records[0]
    row = _click_record(browser, agreement["id"])
    assert "selected" in row.get_attribute("class")
    for i, ev in enumerate(agreement["sources"]):
        text, classes = _marked(browser, i)
        assert text == ev["quote"], (i, ev["field"])
        if ev["field"]:  # a field's own span is drawn as such (the sentence around it also covers it)
            assert "ev-field" in classes, (i, ev["field"])
    date_mark = browser.find_element(By.CSS_SELECTOR, "#detail mark.ev-field[data-fields~='signed_date']")
    assert date_mark.text == "令和5年4月1日"
    browser.find_element(By.CSS_SELECTOR, "#detail tr.field-row[data-field='parties']").click()
    active = [m.text for m in browser.find_elements(By.CSS_SELECTOR, "#detail mark.ev-active")]
    assert active == ["川口市", "中小企業基盤整備機構"]
    assert browser.execute_script("return window.pwned") is None  # the hostile text stayed text
    _artifact(browser, tmp_path, "review-fields.png")


def test_browser_falls_back_to_sentence_evidence_with_the_pdf_page(browser, made_out):
    from selenium.webdriver.common.by import By

    _open(browser, made_out)
    _, records = made_run()
    summit = records[1]
    _click_record(browser, summit["id"])
    text, classes = _marked(browser, 0)
    assert text == summit["sources"][0]["quote"] and "ev-sentence" in classes and "ev-field" not in classes
    host = browser.find_element(By.CSS_SELECTOR, "#detail tr.field-row[data-field='host']")
    assert "sentence" in host.text
    pages = [p.text for p in browser.find_elements(By.CSS_SELECTOR, "#detail .doc-text .page")]
    assert "p. 2" in pages
    link = browser.find_element(By.CSS_SELECTOR, "#detail .doc-head a")
    assert link.get_attribute("href") == summit["sources"][0]["uri"] + "#page=2"
    assert browser.execute_script("return window.pwned") is None


def test_browser_filters_records(browser, made_out):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    _open(browser, made_out)

    def shown() -> list[str]:
        return [r.find_element(By.CSS_SELECTOR, ".id").text
                for r in browser.find_elements(By.CSS_SELECTOR, "tr.record-row") if r.is_displayed()]

    assert len(shown()) == 3
    Select(browser.find_element(By.ID, "f-type")).select_by_value("summit")
    assert shown() == ["summit-0000000000000002"]
    Select(browser.find_element(By.ID, "f-type")).select_by_value("")
    Select(browser.find_element(By.ID, "f-doc")).select_by_value("https://www.city.example.lg.jp/kyotei.html")
    assert shown() == ["agreement-0000000000000001", "ordinance-0000000000000003"]
    conf = browser.find_element(By.ID, "f-conf")
    conf.clear()
    conf.send_keys("0.7")
    assert shown() == ["agreement-0000000000000001"]
    conf.clear()
    conf.send_keys("0")
    Select(browser.find_element(By.ID, "f-doc")).select_by_value("")
    browser.find_element(By.ID, "f-text").send_keys("中小機構")
    assert shown() == ["agreement-0000000000000001"]
    assert browser.find_element(By.ID, "shown-count").text == "1"


def test_browser_on_the_sample_run_with_a_screenshot(browser, sample_run, tmp_path):
    from selenium.webdriver.common.by import By

    _open(browser, sample_run)
    records = read_jsonl(sample_run / "records.jsonl")
    record = next(r for r in records if r["type"] == "agreement")
    _click_record(browser, record["id"])
    shown_sha = browser.find_element(By.CSS_SELECTOR, "#detail .doc-tabs button.active").get_attribute("data-sha")
    for i, ev in enumerate(record["sources"]):
        if ev["sha256"] == shown_sha:
            text, classes = _marked(browser, i)
            assert text == ev["quote"]
            if ev.get("field"):
                assert "ev-field" in classes
    browser.execute_script("document.getElementById('records').scrollIntoView()")
    shot = _artifact(browser, tmp_path, "review-samples.png")
    assert shot.stat().st_size > 20_000


# The per-document view, facets, sorting and links (issue 26)

QUIET = "お知らせ\n窓口の受付時間を変更します。\n"


@pytest.fixture
def analyst_out(tmp_path) -> Path:
    """The made run plus a document that was read and gave no record, and a value inferred (`how`)."""
    documents, records = made_run()
    quiet = Document(uri="https://www.city.example.lg.jp/news.html", sha256=_sha(QUIET), media_type="text/html",
                     title="お知らせ", text=QUIET)
    agreement = records[0]
    agreement["sources"][-1]["how"] = "alias of 中小機構"
    write_outputs(tmp_path, [*documents, quiet], records, REJECTED, _manifest("run-1"))
    return tmp_path


def _shown(browser) -> list[str]:
    from selenium.webdriver.common.by import By

    return [r.find_element(By.CSS_SELECTOR, ".id").text
            for r in browser.find_elements(By.CSS_SELECTOR, "tr.record-row") if r.is_displayed()]


def test_page_counts_records_per_document_and_flags_documents_without_one(analyst_out):
    page = (analyst_out / "review.html").read_text(encoding="utf-8")
    data = _data_block(page)
    assert [d["records"] for d in data["documents"]] == [2, 1, 0, 0]
    assert re.search(r'id="no-record-count">1<', page)  # the failed page is not read: not a miss
    assert page.count('class="doc-row no-record"') == 1
    assert data["facets"][0] == {"party": ["川口市", "中小企業基盤整備機構"], "municipality": ["川口市"],
                                 "kind": ["municipality", "national body"], "year": ["2023"]}


def test_browser_document_view_highlights_every_records_evidence(browser, analyst_out, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    _open(browser, analyst_out)
    Select(browser.find_element(By.ID, "dv-doc")).select_by_value("0")
    text = browser.find_element(By.CSS_SELECTOR, "#dv-body .doc-text").text
    documents, records = made_run()
    assert text.replace("\n", "") == documents[0].text.replace("\n", "")  # the whole text
    marked = browser.execute_script(
        "return Array.from(document.querySelectorAll('#dv-body mark.ev')).map(m => m.dataset.records);")
    ids = {i for m in marked for i in m.split()}
    assert ids == {records[0]["id"], records[2]["id"]}  # both records read from this page
    links = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#dv-body .record-link")]
    assert len(links) == 2
    assert browser.execute_script("return location.hash") == "#doc=0"
    _artifact(browser, tmp_path, "review-document-view.png")
    Select(browser.find_element(By.ID, "dv-doc")).select_by_value("3")  # read, no record: flagged
    flag = browser.find_element(By.CSS_SELECTOR, "#dv-body .no-record-flag")
    assert "gave no record" in flag.text
    assert "窓口の受付時間" in browser.find_element(By.CSS_SELECTOR, "#dv-body .doc-text").text
    # a highlight opens its record
    Select(browser.find_element(By.ID, "dv-doc")).select_by_value("1")
    browser.find_element(By.CSS_SELECTOR, "#dv-body mark.ev").click()
    assert browser.execute_script("return location.hash") == "#record=" + records[1]["id"]
    assert "selected" in browser.find_element(By.CSS_SELECTOR, "tr.record-row[data-index='1']").get_attribute("class")


def test_browser_links_open_a_record_and_a_document(browser, analyst_out):
    from selenium.webdriver.common.by import By

    _, records = made_run()
    browser.get((analyst_out / "review.html").resolve().as_uri() + "#record=" + records[2]["id"])
    assert records[2]["id"] in browser.find_element(By.CSS_SELECTOR, "#detail .id").text
    browser.get((analyst_out / "review.html").resolve().as_uri() + "#doc=1")
    assert browser.find_element(By.ID, "dv-doc").get_attribute("value") == "1"
    assert "中小企業都市サミットの記録" in browser.find_element(By.CSS_SELECTOR, "#dv-body .doc-text").text
    _click_record(browser, records[0]["id"])  # opening a record gives the page its link
    assert browser.execute_script("return location.hash") == "#record=" + records[0]["id"]


def test_browser_facets_sorting_codes_and_how(browser, analyst_out):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    _open(browser, analyst_out)
    _, records = made_run()
    ids = [r["id"] for r in records]
    Select(browser.find_element(By.ID, "f-party")).select_by_value("中小企業基盤整備機構")
    assert _shown(browser) == [ids[0]]
    Select(browser.find_element(By.ID, "f-party")).select_by_value("")
    Select(browser.find_element(By.ID, "f-year")).select_by_value("2004")
    assert _shown(browser) == [ids[1]]
    Select(browser.find_element(By.ID, "f-year")).select_by_value("")
    Select(browser.find_element(By.ID, "f-kind")).select_by_value("national body")
    Select(browser.find_element(By.ID, "f-municipality")).select_by_value("川口市")
    assert _shown(browser) == [ids[0]]
    Select(browser.find_element(By.ID, "f-kind")).select_by_value("")
    assert len(_shown(browser)) == 3
    confidence = browser.find_element(By.XPATH, "//table[@id='record-table']//th[text()='confidence']")
    confidence.click()
    assert _shown(browser) == [ids[2], ids[0], ids[1]]  # 0.6, 0.8, 0.85
    confidence.click()
    assert _shown(browser) == [ids[1], ids[0], ids[2]]
    _click_record(browser, ids[0])
    parties = browser.find_element(By.CSS_SELECTOR, "#detail tr.field-row[data-field='parties']").text
    assert "川口市 [municipality, code 112038]" in parties
    hows = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "#detail .ev-chip .how")]
    assert hows == ["alias of 中小機構"]
