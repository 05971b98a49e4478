"""Set aside a blind part of the dev texts that no developer has read, by kind and batch, with a fixed seed.

Run once, before reading the texts; the list it writes (eval/blind.json) is committed and never
changed. Rules are developed on the rest; the blind part is only scored (eval/dev.py --set blind).

The texts of the round before (the 57 listed in SEEN, read or scored by then) are all open now;
of the 129 texts added on 2026-12-06 (`*_3NN` collected that week, `*_5NN` and the `*_2NN`
the team had measured us on) 40% are set aside, drawn separately in each (kind, batch) group so
that the blind part has the same mix of kinds and sources as the rest.
"""
import json
import random
import sys
from pathlib import Path

SEED = 20261206
SHARE = 0.4
# The dev texts of the previous round (eval/blind.json of 2026-11-29 held 16 of them).
SEEN = """agreement_02 agreement_03 agreement_10 agreement_201 agreement_204 agreement_205 agreement_206
agreement_209 agreement_210 agreement_211 agreement_213 agreement_214 agreement_215 agreement_217 agreement_218
agreement_219 agreement_221 agreement_222 agreement_223 agreement_224 agreement_226 agreement_228 agreement_230
agreement_231 agreement_232 agreement_233 agreement_236 ordinance_01 ordinance_03 ordinance_09 ordinance_11
ordinance_202 ordinance_206 ordinance_207 ordinance_208 ordinance_211 ordinance_212 ordinance_213 ordinance_214
ordinance_215 ordinance_216 ordinance_217 ordinance_218 ordinance_219 summit_05 summit_06 summit_201 summit_203
summit_204 summit_205 summit_206 summit_208 summit_212 summit_213 summit_214 summit_215 summit_216""".split()


def main(dev_dir: Path, out: Path) -> None:
    names = sorted(p.stem for p in dev_dir.glob("*.txt") if p.stem not in SEEN)
    rng = random.Random(SEED)
    blind = []
    for kind in ("agreement", "ordinance", "summit"):
        for batch in ("3", "5", "2"):  # this week's texts; the team's two blind rounds
            group = [n for n in names if n.startswith(kind + "_") and n.rsplit("_", 1)[1].startswith(batch)]
            blind += sorted(rng.sample(group, round(len(group) * SHARE)))
    out.write_text(json.dumps({"seed": SEED, "share": SHARE, "of": len(names), "blind": sorted(blind)}, indent=1)
                   + "\n", encoding="utf-8")
    print(f"{len(blind)} of {len(names)} set aside in {out}")


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared" / "dev", root / "eval" / "blind.json")
