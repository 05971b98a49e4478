#!/usr/bin/env bash
# Set up a fresh machine: Debian packages, .venv in the repository root, the project with its
# test and sample extras (the ja_ginza model comes as the ja-ginza PyPI package: nothing is
# downloaded at run time). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  # fonts-ipaexfont: the Japanese font scripts/make_samples.py renders the sample PDFs with.
  # tesseract-ocr, tesseract-ocr-jpn: OCR of scanned PDF pages (extractors/reading/ocr.py).
  # chromium, chromium-driver: the review page's browser test (tests/test_review.py) opens review.html
  # in headless Chromium through Selenium; the page's Japanese is drawn with the IPAex font above.
  # postgresql: deploy/local-cluster.sh (and tests/test_cluster.py) run the many-machines topology
  # here, with a Prefect server on PostgreSQL; the script starts its own instance (the Debian
  # service is not used). Prefect reaches it through asyncpg, a Prefect dependency.
  # libreoffice-calc: tests/test_query_outputs.py opens the records-<type>.csv tables in LibreOffice
  # headless, as a person would, and reads the cells back (partial dates and codes must stay text).
  missing=""
  for pkg in fonts-ipaexfont tesseract-ocr tesseract-ocr-jpn chromium chromium-driver postgresql libreoffice-calc; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
  done
  if [ -n "$missing" ]; then
    # shellcheck disable=SC2086  # one word per package
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  fi
fi
if [ ! -x .venv/bin/python ]; then
  python3.11 -m venv .venv 2>/dev/null || python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test,samples]"
# The project's own modules compiled once (pip compiles what it installs, not an editable project):
# where PYTHONDONTWRITEBYTECODE is set, as on the machines measured, every command would compile them
# again at its start (0.15-0.2 CPU s); Python still reads compiled files, and recompiles a changed one.
# (Every package pyproject installs: cli, extractors, flows, output, schemas.)
.venv/bin/python -m compileall -q cli extractors flows output schemas >/dev/null
