"""eval/firings.py counts the field values a change alone gave or changed, right or wrong against the
gold, per set, and says whether the change passes round 9's held-out rule (records written here)."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
SCRIPT = ROOT / "eval" / "firings.py"
SCORE = ROOT.parent / "shared" / "eval" / "score.py"  # the team's scorer, which firings.py matches records with


def _summit(doc: str, edition: int, **fields) -> dict:
    record = {"type": "summit", "series": "青葉サミット", "edition": edition, "start_date": None, "end_date": None,
              "host": None, "theme": None, "declaration": None,
              "sources": [{"uri": f"dev/{doc}.txt", "start": 0, "end": 1, "quote": "第", "rule": "r", "field": None}]}
    return {**record, **fields}


def _write(folder: Path, records: list[dict], gold: list[dict]) -> None:
    folder.mkdir(parents=True)
    (folder / "records.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                                          encoding="utf-8")
    (folder / "gold.json").write_text(json.dumps({"records": gold}, ensure_ascii=False), encoding="utf-8")


@pytest.mark.skipif(not SCORE.exists(), reason=f"{SCORE} is not here: ../shared is development material, not in the repository")
def test_firings_count_new_values_right_and_wrong_per_set(tmp_path):
    gold = [{"type": "summit", "doc": "s1", "series": "青葉サミット", "edition": 3, "start_date": "2019-10-20",
             "end_date": "2019-10-21", "host": "松本市", "theme": None, "declaration": None}]
    _write(tmp_path / "before" / "A", [_summit("s1", 3, start_date="2019-10-20", end_date="2019-10-20")], gold)
    _write(tmp_path / "after" / "A", [_summit("s1", 3, start_date="2019-10-20", end_date="2019-10-21",
                                              host="上田市")], gold)
    _write(tmp_path / "before" / "B", [], [])
    _write(tmp_path / "after" / "B", [_summit("s2", 5, host="松本市")], [])  # a record no gold has: wrong
    out = subprocess.run([sys.executable, str(SCRIPT), str(tmp_path / "before"), str(tmp_path / "after"),
                          "--type", "summit", "--list"], capture_output=True, text=True, check=True).stdout
    assert "| A | 2 | 1 |" in out  # end_date right, host wrong
    assert "| B | 3 | 0 |" in out  # series, edition, host of a record that matches nothing
    assert "firings 5, right 1, precision 0.20, right on 1 sets (A)" in out
    assert "does not pass" in out
