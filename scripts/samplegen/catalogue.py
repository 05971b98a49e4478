"""The list of samples in samples/: what is rendered, and how, into which files.

- the five seed samples (`scripts/samplegen/seeds.py`, from ../shared/seeds: the documents the
  project was created from);
- the samples written by the project (`scripts/samplegen/written.py`, from
  `scripts/samplegen/texts/*.txt`): our own sentences carrying public facts, as city, bank,
  university and association pages, 例規集 pages, news, council results and reports, in the
  forms the pipeline meets (pages in three charsets; PDFs in one or two columns, with tables,
  in vertical writing, scanned);
- the PDFs of hard layouts (`scripts/samplegen/layouts.py`).

Each gives (file name, bytes, content text in reading order, manifest entry); `main` writes the
files, `expected/<file name>.txt` (the content text, without site chrome, running headers or page
numbers) and `manifest.json` (what each sample is and shows), removes samples it no longer makes,
and copies the seeds' gold (`gold/seeds.json`). The gold of the written samples, `gold.json`, is
written by hand beside them. The dev texts are not samples: tests render them when needed
(`scripts/samplegen/dev.py`).

Same bytes on every run: canvases are `invariant` (fixed dates and IDs) and nothing depends on
the clock or on dict order.
"""
from __future__ import annotations

import shutil

from scripts.samplegen import layouts, written
from scripts.samplegen.render import register_fonts, write_samples
from scripts.samplegen.seeds import make_seed_samples
from scripts.samplegen.shared import ROOT, SHARED, read_dev, read_seed, shared_reason  # noqa: F401  (layouts reads them here)

OUT = ROOT / "samples"


def main() -> None:
    reason = shared_reason()
    if reason:
        raise SystemExit(f"cannot render the seed samples: {reason}")
    register_fonts()
    samples = make_seed_samples() + written.make_written_samples() + layouts.make_layout_samples()
    names = {name for name, *_ in samples}
    for stale in sorted(p for p in OUT.glob("*.*") if p.suffix in (".html", ".pdf") and p.name not in names):
        print(f"removed {stale.relative_to(ROOT)}")
        stale.unlink()
        (OUT / "expected" / f"{stale.name}.txt").unlink(missing_ok=True)
    write_samples(OUT, samples)
    (OUT / "gold").mkdir(exist_ok=True)
    shutil.copyfile(SHARED / "gold" / "seeds.json", OUT / "gold" / "seeds.json")
    print(f"wrote {len(samples)} samples to {OUT}")


if __name__ == "__main__":
    main()
