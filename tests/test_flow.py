"""The extract flow under one prefect_test_harness per session, and the quality gate on samples/."""
import functools
import http.server
import json
import threading
from pathlib import Path

import pytest

from extractors.evaluate import grounding, score
from tests.conftest import SAMPLES, read_jsonl

# Pinned floors for the sample corpus, measured with shared/eval/score.py. Raising a
# floor is a one-line change; lowering one is a deliberate, visible change.
FLOORS = {
    "seeds": {"records_f1": {"summit": 1.0, "agreement": 1.0, "ordinance": 1.0}, "micro_f1": 0.99},
    "dev": {"records_f1": {"summit": 1.0, "agreement": 1.0, "ordinance": 1.0}, "micro_f1": 1.0},
}


def _corpus_records(out: Path, corpus: str) -> list[dict]:
    """Records read only from that corpus's samples (dev samples are named dev_*)."""
    def belongs(uri: str) -> bool:
        return ("/dev_" in uri) == (corpus == "dev")

    return [r for r in read_jsonl(out / "records.jsonl") if all(belongs(s["uri"]) for s in r["sources"])]


@pytest.mark.parametrize("corpus", ["seeds", "dev"])
def test_quality_gate(sample_run, corpus):
    gold = json.loads((SAMPLES / "gold" / f"{corpus}.json").read_text(encoding="utf-8"))["records"]
    rep = score(_corpus_records(sample_run, corpus), gold)
    for typ, floor in FLOORS[corpus]["records_f1"].items():
        assert rep[typ]["records"]["f1"] >= floor, (typ, rep[typ])
    assert rep["micro"]["f1"] >= FLOORS[corpus]["micro_f1"], rep["micro"]


def test_every_evidence_span_is_grounded(sample_run):
    records = read_jsonl(sample_run / "records.jsonl")
    total, bad = grounding(records, read_jsonl(sample_run / "documents.jsonl"))
    assert total >= len(records) > 0 and bad == 0


def test_output_folder_follows_the_contract(sample_run):
    names = {p.name for p in sample_run.iterdir()}
    assert {"records.jsonl", "documents.jsonl", "rejected.jsonl", "manifest.json", "schema"} <= names
    assert not [n for n in names if n.endswith(".tmp")]
    assert {p.name for p in (sample_run / "schema").iterdir()} == {"summit.json", "agreement.json", "ordinance.json"}
    manifest = json.loads((sample_run / "manifest.json").read_text(encoding="utf-8"))
    docs = read_jsonl(sample_run / "documents.jsonl")
    assert manifest["counts"]["documents"] == {"ok": len(docs)}
    # what the folder holds besides documents is listed, by type (expected texts, gold files, samples' manifest)
    assert manifest["skipped_files"]["counts"] == {".json": 3, ".txt": 14}
    assert sum(manifest["counts"]["records"].values()) == len(read_jsonl(sample_run / "records.jsonl"))
    assert manifest["versions"]["model"].startswith("ja_ginza") and manifest["versions"]["schema"]
    pdfs = [d for d in docs if d["media_type"] == "application/pdf"]
    assert pdfs and all(d["pages"] and d["pages"][-1]["end"] <= len(d["text"]) for d in pdfs)


def test_ids_are_stable_across_runs(sample_run, prefect_server, tmp_path):
    from flows.extract import extract_flow

    files = sorted(str(p) for p in SAMPLES.glob("00*"))
    extract_flow(inputs=files, out=str(tmp_path))
    ids_again = {r["id"] for r in read_jsonl(tmp_path / "records.jsonl")}
    ids_first = {r["id"] for r in _corpus_records(sample_run, "seeds")}
    assert ids_again == ids_first


@pytest.fixture()
def local_site(tmp_path):
    """A real HTTP server on 127.0.0.1 serving a Shift_JIS page (charset only in the header) and a PDF."""
    (tmp_path / "okaya.html").write_bytes((SAMPLES / "000_okaya.html").read_bytes())
    (tmp_path / "decl.pdf").write_bytes((SAMPLES / "001_kawaguchi.pdf").read_bytes())

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_flow_reads_urls_files_and_bad_input(prefect_server, local_site, tmp_path):
    from flows.extract import extract_flow

    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "empty.pdf").write_bytes(b"")
    (bad / "junk.pdf").write_bytes(bytes(range(256)) * 10)
    out = tmp_path / "out"
    summary = extract_flow(inputs=[f"{local_site}/okaya.html", f"{local_site}/decl.pdf", f"{local_site}/missing.pdf",
                                   str(bad)], out=str(out))
    docs = {Path(d["uri"]).name: d for d in read_jsonl(out / "documents.jsonl")}
    assert docs["okaya.html"]["status"] == "ok" and "川口市" in docs["okaya.html"]["text"]
    assert docs["decl.pdf"]["status"] == "ok" and docs["decl.pdf"]["pages"]
    assert docs["missing.pdf"]["status"] == "failed" and "404" in docs["missing.pdf"]["error"]
    assert docs["empty.pdf"]["error_code"] == "empty" and docs["junk.pdf"]["status"] == "failed"
    assert summary.counts == {"ok": 2, "failed": 3}
    editions = {r["edition"] for r in read_jsonl(out / "records.jsonl") if r["type"] == "summit"}
    assert set(range(1, 12)) <= editions
