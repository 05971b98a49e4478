"""eval/fit_confidence.py refits the confidence model on a tiny folder of invented texts, prints the
cross-validated reliability table, writes a model the package can read, and in check mode prints
figures only, never a record."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from extractors.records.confidence import FEATURES, read_model

ROOT = Path(__file__).resolve().parent.parent.parent
SCRIPT = ROOT / "eval" / "fit_confidence.py"
SCORE = ROOT.parent / "shared" / "eval" / "score.py"

TEXTS = {
    # a signing sentence: right against its gold
    "agreement_a": ("連携協定(船橋市)", "令和5年4月10日、船橋市は、東西銀行、南北信用金庫と連携協定を締結しました。"),
    # the gold gives another date: wrong
    "agreement_b": ("包括連携協定(寒川町)", "令和2年7月1日、みどり信用金庫と寒川町は、包括連携協定を締結しました。"),
    # a 例規集 header: right
    "ordinance_a": ("船橋市中小企業振興基本条例", "船橋市中小企業振興基本条例\n平成24年3月30日\n条例第5号\n"),
    # a negative document: whatever it gives is wrong
    "agreement_c": ("お知らせ(柏市)", "令和4年6月1日、柏市は、北南銀行と連携協定を締結しました。"),
}
GOLD = {"negatives": ["agreement_c"], "records": [
    {"type": "agreement", "doc": "agreement_a", "kind": "連携協定", "signed_date": "2023-04-10",
     "parties": [["船橋市"], ["東西銀行"], ["南北信用金庫"]], "optional_parties": []},
    {"type": "agreement", "doc": "agreement_b", "kind": {"any": ["包括連携協定", "連携協定"]},
     "signed_date": "2020-08-01", "parties": [["寒川町"], ["みどり信用金庫"]], "optional_parties": []},
    {"type": "ordinance", "doc": "ordinance_a", "name": "船橋市中小企業振興基本条例", "municipality": "船橋市",
     "dates": "2012-03-30"},
]}


def _tiny_folder(tmp_path: Path) -> tuple[Path, Path]:
    """TEXTS written as a folder of dev-format texts, and GOLD as its gold file."""
    texts = tmp_path / "texts"
    texts.mkdir()
    for name, (title, body) in TEXTS.items():
        (texts / f"{name}.txt").write_text(f"source: invented\ntitle: {title}\n---\n{body}", encoding="utf-8")
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    return texts, gold


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=600)


@pytest.mark.slow
@pytest.mark.skipif(not SCORE.exists(), reason="needs the team's scorer, ../shared/eval/score.py")
def test_refit_on_a_tiny_folder(tmp_path):
    texts, gold = _tiny_folder(tmp_path)
    model = tmp_path / "confidence.json"

    fitted = _run("--texts", str(texts), "--gold", str(gold), "--model", str(model))
    assert fitted.returncode == 0, fitted.stderr
    out = fitted.stdout
    # 4 texts; a record each; right: the first agreement and the ordinance
    assert "## folder: 4 texts, 4 records, 2 right" in out
    assert "leaving out one of 4 groups" in out and "[0.90, 0.95)" in out and ">= 0.90:" in out
    data = json.loads(model.read_text(encoding="utf-8"))
    assert set(data["weights"]) == set(FEATURES)
    assert data["fitted"]["set"] == "folder" and data["fitted"]["records"] == 4 and data["fitted"]["right"] == 2
    assert "fitted by eval/fit_confidence.py" in data["_about"]
    assert read_model(model).weights["ocr"] == -1.0  # no OCR in the folder: the prior stays

    checked = _run("--texts", str(texts), "--gold", str(gold), "--model", str(model), "--check")
    assert checked.returncode == 0, checked.stderr
    assert "the stored model (confidence.json) on folder" in checked.stdout
    assert "wrote" not in checked.stdout and "weights" not in checked.stdout
    for name in ("船橋市", "東西銀行", "寒川町", "条例"):  # figures only: no record, no text
        assert name not in checked.stdout


@pytest.mark.slow
@pytest.mark.skipif(not SCORE.exists(), reason="needs the team's scorer, ../shared/eval/score.py")
def test_refit_beside_records_an_earlier_commit_made_of_untuned_texts(tmp_path):
    texts, gold = _tiny_folder(tmp_path)
    made = tmp_path / "made"
    ran = subprocess.run([sys.executable, str(ROOT / "eval" / "dev.py"), "--texts", str(texts), "--gold", str(gold),
                          "--brief", "--out", str(made)], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert ran.returncode == 0, ran.stderr

    missing = _run("--untuned-records", str(tmp_path / "nowhere"), "--made-by", "abc1234")
    assert missing.returncode != 0 and "no records.jsonl and gold.json" in missing.stderr
    alone = _run("--untuned-records", str(made))
    assert alone.returncode != 0 and "--made-by" in alone.stderr

    model = tmp_path / "confidence.json"
    fitted = _run("--untuned-records", str(made), "--made-by", "abc1234", "--model", str(model))
    assert fitted.returncode == 0, fitted.stderr
    # the four invented records beside the dev set's, labelled against their own gold: two right
    assert "the same predictions, records of the untuned texts (4):" in fitted.stdout
    data = json.loads(model.read_text(encoding="utf-8"))
    assert data["fitted"]["untuned"].startswith("texts of the folders made (4 texts, 4 records made by commit abc1234")
    assert "(tuned texts)" in fitted.stdout and "tuned_texts_weight" in data["fitted"]
    assert data["fitted"]["command"].endswith(f"--untuned-records {made} --made-by abc1234 --model {model}")
    assert set(data["weights"]) == set(FEATURES)
