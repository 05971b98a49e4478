"""Round trip: every committed sample, read back by its extractor, gives the text that was rendered.

samples/expected/<sample>.txt is the content text scripts/make_samples.py drew
(no site chrome, running headers or page numbers). Compared with all
whitespace removed and both sides through normalize_text, the extracted text
must equal it; on failure the message gives the difflib ratio and the spans
that differ. HTML samples are checked only when extractors/reading/html.py exists.
"""
from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest

from extractors.reading.normalize import normalize_text
from extractors.reading.pdf import extract_pdf

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
PDFS = sorted(SAMPLES.glob("*.pdf"))
HTMLS = sorted(SAMPLES.glob("*.html"))


def squash(text: str) -> str:
    return re.sub(r"\s+", "", normalize_text(text))


def assert_same_text(path: Path, got: str) -> None:
    want = squash((SAMPLES / "expected" / f"{path.name}.txt").read_text(encoding="utf-8"))
    got = squash(got)
    if got == want:
        return
    matcher = difflib.SequenceMatcher(None, want, got, autojunk=False)
    diffs = [f"{op} {want[a:b][:60]!r} -> {got[c:d][:60]!r}"
             for op, a, b, c, d in matcher.get_opcodes() if op != "equal"]
    pytest.fail(f"{path.name}: ratio {matcher.ratio():.4f}, {len(diffs)} differences:\n" + "\n".join(diffs[:20]))


def test_every_sample_has_its_expected_text():
    samples = {p.name for p in PDFS + HTMLS}
    expected = {p.name[:-len(".txt")] for p in (SAMPLES / "expected").glob("*.txt")}
    assert len(PDFS) >= 5 and len(HTMLS) >= 5
    assert samples == expected


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_pdf_round_trip(path):
    text, pages, _, _ = extract_pdf(path.read_bytes(), str(path))
    assert_same_text(path, text)


@pytest.mark.parametrize("path", HTMLS, ids=lambda p: p.name)
def test_html_round_trip(path):
    html = pytest.importorskip("extractors.reading.html")
    text, _, _, _ = html.extract_html(path.read_bytes(), str(path))
    assert_same_text(path, text)
