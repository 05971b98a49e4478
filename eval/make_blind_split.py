"""Set aside a blind third of the new dev texts (../shared/dev/*_2NN.txt), by kind, with a fixed seed.

Run once, before reading the texts; the list it writes (eval/blind.json) is committed and never
changed. Rules are developed on the other two thirds; the blind third is only scored.
"""
import json
import random
import sys
from pathlib import Path

SEED = 20261129


def main(dev_dir: Path, out: Path) -> None:
    names = sorted(p.stem for p in dev_dir.glob("*_2[0-9][0-9].txt"))
    rng = random.Random(SEED)
    blind = []
    for kind in ("agreement", "ordinance", "summit"):
        group = [n for n in names if n.startswith(kind + "_")]
        blind += sorted(rng.sample(group, round(len(group) / 3)))
    out.write_text(json.dumps({"seed": SEED, "of": len(names), "blind": blind}, indent=1) + "\n", encoding="utf-8")
    print(f"{len(blind)} of {len(names)} set aside in {out}")


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared" / "dev", root / "eval" / "blind.json")
