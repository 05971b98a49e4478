"""Round trip: every sample, read back by its extractor, gives the text that was rendered.

samples/expected/<sample>.txt is the content text scripts/make_samples.py drew
(no site chrome, running headers or page numbers); the dev texts of ../shared,
rendered when needed (scripts/samplegen/dev.py), have theirs beside them. Compared
with all whitespace removed and both sides through normalize_text, the extracted
text must equal it; on failure the message gives the difflib ratio and the spans
that differ. A scanned sample (manifest "ocr") is read by Tesseract, which
misreads a rare kanji now and then: its text must come within OCR_RATIO.
"""
from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

import pytest

from extractors.reading.html import extract_html
from extractors.reading.normalize import normalize_text
from extractors.reading.pdf import extract_pdf
from scripts.samplegen.dev import rendered_names

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
PDFS = sorted(SAMPLES.glob("*.pdf"))
HTMLS = sorted(SAMPLES.glob("*.html"))
MANIFEST = json.loads((SAMPLES / "manifest.json").read_text(encoding="utf-8"))
OCR_RATIO = 0.97
# Samples the reader gets wrong today, each with its reason; strict, so that the fix shows as a pass to mark.
KNOWN = {
    "summit_05_vertical.pdf": "vertical writing: a column holding only the end of a paragraph (た。) is read out of order",
}


def squash(text: str) -> str:
    return re.sub(r"\s+", "", normalize_text(text))


def compare(name: str, want: str, got: str, at_least: float = 1.0) -> None:
    want, got = squash(want), squash(got)
    if got == want:
        return
    matcher = difflib.SequenceMatcher(None, want, got, autojunk=False)
    if at_least < 1.0 and matcher.ratio() >= at_least:
        return
    diffs = [f"{op} {want[a:b][:60]!r} -> {got[c:d][:60]!r}"
             for op, a, b, c, d in matcher.get_opcodes() if op != "equal"]
    pytest.fail(f"{name}: ratio {matcher.ratio():.4f}, {len(diffs)} differences:\n" + "\n".join(diffs[:20]))


def read_back(path: Path) -> str:
    if path.suffix == ".pdf":
        return extract_pdf(path.read_bytes(), str(path))[0]
    return extract_html(path.read_bytes(), str(path))[0]


def known(paths: list[Path]) -> list:
    return [pytest.param(p, id=p.name, marks=pytest.mark.xfail(strict=True, reason=KNOWN[p.name]))
            if p.name in KNOWN else pytest.param(p, id=p.name) for p in paths]


def test_every_sample_has_its_expected_text():
    samples = {p.name for p in PDFS + HTMLS}
    expected = {p.name[:-len(".txt")] for p in (SAMPLES / "expected").glob("*.txt")}
    assert len(PDFS) >= 5 and len(HTMLS) >= 5
    assert samples == expected == set(MANIFEST)


@pytest.mark.parametrize("path", known(PDFS + HTMLS))
def test_sample_round_trip(path):
    expected = (SAMPLES / "expected" / f"{path.name}.txt").read_text(encoding="utf-8")
    compare(path.name, expected, read_back(path), OCR_RATIO if MANIFEST[path.name].get("ocr") else 1.0)


@pytest.mark.parametrize("name", rendered_names())
def test_dev_text_round_trip(dev_samples, name):
    (path,) = dev_samples.glob(f"dev_{name}.*")
    compare(path.name, (dev_samples / "expected" / f"{path.name}.txt").read_text(encoding="utf-8"), read_back(path))
