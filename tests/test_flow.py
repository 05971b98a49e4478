"""The extract flow under one prefect_test_harness per session, and the quality gate on the samples
and on the dev texts of ../shared rendered as pages and PDFs."""
import functools
import http.server
import json
import re
import threading
from pathlib import Path

import pytest

from extractors.records.evaluate import EVIDENCED, SCORED, field_counts, field_evidence, grounding, prf, score
from scripts.samplegen.shared import SHARED
from tests.conftest import SAMPLE_COUNT, SAMPLES, read_jsonl

# Pinned floors, measured with shared/eval/score.py, per corpus: the seeds and the samples the
# project wrote (a run over samples/), the first nine dev texts (dev_<kind>_NN) and the 48 later
# ones the tests render (dev_<kind>_2NN, 9 of them negatives; a run over the rendered dev texts,
# scored against ../shared/gold/dev.json). Raising a floor is a one-line change; lowering one is
# a deliberate, visible change that needs its reason in the commit.
FLOORS = {
    "seeds": {"records_f1": {"summit": 1.0, "agreement": 1.0, "ordinance": 1.0}, "micro_f1": 0.99},
    # the samples written in issue 21, measured on the extractors of that day: records F1 summit 0.971,
    # agreement 0.821, ordinance 0.974; micro 0.843 (README: what they miss). Issue 22, second round on
    # summits and ordinances: summit 1.0 (field 0.996), ordinance 1.0 (0.857 on main before it: the
    # rows of the ruled table were lost), micro 0.911 (agreements unchanged, floor kept). Round 17: agreement
    # 0.978, micro 0.980; the floors raised near them, after a party block read a table's rows whole (tabs and
    # all) and took micro to 0.959 with no test failing
    "samples": {"records_f1": {"summit": 1.0, "agreement": 0.97, "ordinance": 1.0}, "micro_f1": 0.97},
    "dev_first": {"records_f1": {"summit": 1.0, "agreement": 1.0, "ordinance": 1.0}, "micro_f1": 1.0},
    # measured after issue 12: records F1 summit 1.0, agreement 0.943, ordinance 1.0; micro 0.948
    # (before it: 0.839 / 0.545 / 0.471, micro 0.530). The floors are the targets, but for
    # agreements: 0.90 -> 0.87 in issue 21, when the gold moved from a copy in samples/gold/ to
    # ../shared/gold/dev.json, revised since (four bilateral agreements where the copy had one of
    # five parties, a faculty as a party): the same records score agreement 0.873, micro 0.932.
    # Issue 22, second round on summits and ordinances: summit and ordinance 1.0 (fields 0.979, 1.0),
    # micro 0.941.
    "dev_new": {"records_f1": {"summit": 1.0, "agreement": 0.87, "ordinance": 1.0}, "micro_f1": 0.92},
}
RUNS = {"seeds": "sample_run", "samples": "sample_run", "dev_first": "dev_run", "dev_new": "dev_run"}
NEW_DEV = re.compile(r"_2[0-9][0-9]$")
SEED = re.compile(r"^00[0-4]_")


def sample_doc(uri: str) -> tuple[str, str]:
    """(corpus, document) of an input: 00N_* the seeds, dev_<doc>.* a rendered dev text (../shared/dev/<doc>.txt),
    layout_*.pdf the PDF layout samples (not scored), any other sample one the project wrote."""
    stem = Path(uri).stem
    if stem.startswith("layout_"):  # reading-layout samples (issue 13): not scored
        return "layout", stem
    if stem.startswith("dev_"):
        doc = stem[len("dev_"):]
        return ("dev_new" if NEW_DEV.search(doc) else "dev_first"), doc
    return ("seeds" if SEED.match(stem) else "samples"), stem


def corpus_gold(corpus: str) -> tuple[list[dict], set[str]]:
    """The gold records of a corpus and its negative documents (pages that must give no record)."""
    if corpus == "seeds":
        return json.loads((SAMPLES / "gold" / "seeds.json").read_text(encoding="utf-8"))["records"], set()
    if corpus == "samples":
        gold = json.loads((SAMPLES / "gold.json").read_text(encoding="utf-8"))
        return gold["records"], set(gold["negatives"])
    from scripts.samplegen.dev import rendered_names

    gold = json.loads((SHARED / "gold" / "dev.json").read_text(encoding="utf-8"))
    docs = {d for d in rendered_names() if bool(NEW_DEV.search(d)) == (corpus == "dev_new")}
    return [g for g in gold["records"] if g["doc"] in docs], {d for d in gold.get("negatives", []) if d in docs}


def corpus_score(records: list[dict], corpus: str) -> dict:
    """score() of the records read from the corpus's documents against its gold, and every record
    read from a negative document added as spurious (each once, whatever else it was merged with)."""
    gold, negatives = corpus_gold(corpus)
    docs = [[sample_doc(s["uri"]) for s in r["sources"]] for r in records]
    scored = [r for r, ds in zip(records, docs) if any(c == corpus and d not in negatives for c, d in ds)]
    spurious = [r for r, ds in zip(records, docs) if any(c == corpus and d in negatives for c, d in ds)]
    rep = score(scored, gold)
    for r in spurious:
        typ = r["type"]
        rec, fld = rep[typ]["records"], rep[typ]["fields"]
        rep[typ]["records"] = prf(rec["correct"], rec["predicted"] + 1, rec["gold"])
        rep[typ]["fields"] = prf(fld["correct"], fld["predicted"] + field_counts(typ, r, None)[0], fld["gold"])
        rep[typ]["spurious"].append({"negative": True, "type": typ})
    rep["micro"] = prf(*(sum(rep[t]["fields"][k] for t in SCORED) for k in ("correct", "predicted", "gold")))
    return rep


@pytest.mark.parametrize("corpus", list(FLOORS))
def test_quality_gate(request, corpus):
    run = request.getfixturevalue(RUNS[corpus])
    rep = corpus_score(read_jsonl(run / "records.jsonl"), corpus)
    for typ, floor in FLOORS[corpus]["records_f1"].items():
        assert rep[typ]["records"]["f1"] >= floor, (typ, rep[typ]["records"], rep[typ]["missed"], rep[typ]["spurious"])
    assert rep["micro"]["f1"] >= FLOORS[corpus]["micro_f1"], rep["micro"]


def test_every_sample_is_in_one_corpus_and_every_written_sample_has_gold():
    corpora: dict[str, set[str]] = {}
    for path in SAMPLES.glob("*.*"):
        if path.suffix in (".html", ".pdf"):
            corpus, doc = sample_doc(str(path))
            corpora.setdefault(corpus, set()).add(doc)
    assert set(corpora) == {"seeds", "samples", "layout"}  # no rendering of a dev text is committed
    assert len(corpora["seeds"]) == 5 and len(corpora["layout"]) == 13 and len(corpora["samples"]) >= 20
    gold = json.loads((SAMPLES / "gold.json").read_text(encoding="utf-8"))
    assert {g["doc"] for g in gold["records"]} | set(gold["negatives"]) == corpora["samples"]
    assert all(g["sources"] == [g["doc"]] and g.get("note") for g in gold["records"])
    assert {g["type"] for g in gold["records"] if not g.get("optional")} == set(SCORED)


def test_every_rendered_dev_text_is_scored_against_the_dev_gold(dev_samples):
    from scripts.samplegen.dev import rendered_names

    corpora: dict[str, set[str]] = {}
    for path in dev_samples.glob("*.*"):
        if path.suffix in (".html", ".pdf"):
            corpus, doc = sample_doc(str(path))
            corpora.setdefault(corpus, set()).add(doc)
    assert {k: len(v) for k, v in corpora.items()} == {"dev_first": 9, "dev_new": 48}
    assert corpora["dev_first"] | corpora["dev_new"] == set(rendered_names())
    gold_docs = set()
    for corpus in ("dev_first", "dev_new"):
        records, negatives = corpus_gold(corpus)
        gold_docs |= {g["doc"] for g in records} | negatives
    assert gold_docs == set(rendered_names())


@pytest.mark.parametrize("run", ["sample_run", "dev_run"])
def test_every_evidence_span_is_grounded(request, run):
    out = request.getfixturevalue(run)
    records = read_jsonl(out / "records.jsonl")
    total, bad = grounding(records, read_jsonl(out / "documents.jsonl"))
    assert total >= len(records) > 0 and bad == 0


@pytest.mark.parametrize("run", ["sample_run", "dev_run"])
def test_every_field_value_has_a_span_naming_its_field(request, run):
    """CONTRACT.md "Evidence": each non-empty scored field value (each party) has a span with that
    `field` whose quote is the characters it came from (the date expression, the name as written)
    or an inference said in `how`; the sentence-level span (`field` null) stays."""
    records = read_jsonl(request.getfixturevalue(run) / "records.jsonl")
    counts, missing = field_evidence(records)
    assert not missing, missing[:10]
    assert {k.split(".")[0] for k in counts} == set(EVIDENCED) and sum(c[0] for c in counts.values()) > 3 * len(records)
    assert all(any(ev["field"] is None for ev in r["sources"]) for r in records)
    fields = {ev["field"] for r in records for ev in r["sources"]}
    assert fields - {None} <= {f for fs in EVIDENCED.values() for f in fs} | {"amended_dates", "former_names"}


def test_manifest_counts_the_names_given_a_code(sample_run):
    """manifest.json's `linking`, read against records.jsonl: every ordinance's municipality, every summit's
    host and every party a code list covers, with how many got a code and how many stayed ambiguous."""
    manifest = json.loads((sample_run / "manifest.json").read_text(encoding="utf-8"))
    records = read_jsonl(sample_run / "records.jsonl")
    linking = manifest["linking"]
    ordinances = [r for r in records if r["type"] == "ordinance" and r.get("municipality")]
    assert linking["municipality"]["names"] == len(ordinances)
    assert linking["municipality"]["coded"] == sum(bool(r.get("municipality_code")) for r in ordinances)
    parties = [p for r in records if r["type"] == "agreement" for p in r["parties"]]
    assert linking["parties"]["coded"] == sum(bool(p["code"]) for p in parties) > 0
    assert linking["parties"]["coded"] <= linking["parties"]["names"] <= len(parties)
    assert sum(v["ambiguous"] for v in linking.values()) == sum(len(r["ambiguous"]) for r in records)


def test_output_folder_follows_the_contract(sample_run):
    names = {p.name for p in sample_run.iterdir()}
    assert {"records.jsonl", "documents.jsonl", "rejected.jsonl", "manifest.json", "schema"} <= names
    assert not [n for n in names if n.endswith(".tmp")]
    assert {p.name for p in (sample_run / "schema").iterdir()} == {"summit.json", "agreement.json", "ordinance.json",
                                                                  "record.json"}
    evidence = json.loads((sample_run / "schema" / "agreement.json").read_text(encoding="utf-8"))["$defs"]["Evidence"]
    assert {"field", "how", "rule", "quote"} <= set(evidence["properties"])
    manifest = json.loads((sample_run / "manifest.json").read_text(encoding="utf-8"))
    docs = read_jsonl(sample_run / "documents.jsonl")
    assert manifest["counts"]["documents"] == {"ok": len(docs)}
    # what the folder holds besides documents is listed, by type (expected texts, gold files, samples' manifest)
    assert manifest["skipped_files"]["counts"] == {".json": 3, ".txt": SAMPLE_COUNT}
    assert sum(manifest["counts"]["records"].values()) == len(read_jsonl(sample_run / "records.jsonl"))
    assert manifest["versions"]["model"].startswith("ja_ginza") and manifest["versions"]["schema"]
    pdfs = [d for d in docs if d["media_type"] == "application/pdf"]
    assert pdfs and all(d["pages"] and d["pages"][-1]["end"] <= len(d["text"]) for d in pdfs)


def test_ids_are_stable_across_runs(sample_run, prefect_server, tmp_path):
    from flows.extract import extract_flow

    files = sorted(str(p) for p in SAMPLES.glob("00*"))
    extract_flow(inputs=files, out=str(tmp_path))
    ids_again = {r["id"] for r in read_jsonl(tmp_path / "records.jsonl")}
    ids_first = {r["id"] for r in read_jsonl(sample_run / "records.jsonl")
                 if any(sample_doc(s["uri"])[0] == "seeds" for s in r["sources"])}
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
