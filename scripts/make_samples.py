#!/usr/bin/env python3
"""Render the seed and dev texts as realistic sample inputs under samples/ (HTML pages and PDFs).

Run from the repository root:
    .venv/bin/python scripts/make_samples.py

What is rendered is `scripts/samplegen/catalogue.py`; how, `scripts/samplegen/render.py`.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts.samplegen.catalogue import main  # noqa: E402  (after the path is set)

if __name__ == "__main__":
    main()
