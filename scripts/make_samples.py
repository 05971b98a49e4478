#!/usr/bin/env python3
"""Render the samples under samples/ (HTML pages and PDFs): the five seed samples, the samples
the project wrote and the hard layouts.

Run from the repository root (needs ../shared/seeds for the seed samples and the IPAex fonts):
    .venv/bin/python scripts/make_samples.py

What is rendered is `scripts/samplegen/catalogue.py`; how, `scripts/samplegen/render.py`. The dev
texts of ../shared are rendered by the tests when needed (`scripts/samplegen/dev.py`), not here.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts.samplegen.catalogue import main  # noqa: E402  (after the path is set)

if __name__ == "__main__":
    main()
