"""Two halves A and B of the open summit and ordinance dev texts, drawn by a seeded shuffle.

A working split for a round on summits and ordinances (issue 22): read the errors of half A
only; half B is scored only, and a change is kept when B does not get worse. Drawn per kind
(summit, ordinance) so that both halves have the same mix; the seed is fixed before any text
is read.

    .venv/bin/python eval/halves.py            # print both halves
    .venv/bin/python eval/halves.py A [--brief] [--show]   # eval/dev.py on half A (B: scores only)
"""
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "eval"))
SEED = 20261213


def halves() -> dict[str, list[str]]:
    import dev  # eval/dev.py (eval/ is not a package)

    docs = dev.set_docs("dev")
    rng = random.Random(SEED)
    out: dict[str, list[str]] = {"A": [], "B": []}
    for kind in ("summit", "ordinance"):
        group = sorted(d for d in docs if d.startswith(kind + "_"))
        rng.shuffle(group)
        out["A"] += sorted(group[: len(group) // 2])
        out["B"] += sorted(group[len(group) // 2:])
    return out


def main() -> int:
    parts = halves()
    if len(sys.argv) < 2:
        for name, docs in parts.items():
            print(name, len(docs), " ".join(docs))
        return 0
    name, rest = sys.argv[1], sys.argv[2:]
    if name == "B" and "--show" in rest:
        raise SystemExit("half B is scored only")
    cmd = [sys.executable, str(ROOT / "eval" / "dev.py"), "--set", "dev"]
    for d in parts[name]:
        cmd += ["--doc", d]
    return subprocess.call(cmd + rest)


if __name__ == "__main__":
    sys.exit(main())
