"""The project ships only text it wrote: no tracked file holds a run of 25 characters of a dev text.

The dev texts of ../shared are other people's pages, kept for development; facts from them may be
used anywhere, their sentences nowhere. Every file git tracks is read as text (a page decoded by
its charset with its tags dropped and its character references resolved, a PDF through pdfium's
text layer, anything else as UTF-8) and compared, after NFKC normalisation with all whitespace
removed, with every 25-character run of every dev text's body that is mostly Japanese (15 of its
characters or more above U+3000, as the team's before-stop hook counts them): a URL, a code or a
row of numbers is a fact, a sentence is not. A scanned PDF has no text layer to compare: its text
is in samples/expected/, which is checked.

The seed samples (samples/000_* … 004_*, their expected texts and their gold,
samples/gold/seeds.json) are the documents the project was made from, and are left out.
Skipped with the reason when ../shared is not here (a clone of the project).
"""
from __future__ import annotations

import html
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest

from extractors.reading.html import decode_html
from scripts.samplegen.shared import SHARED, shared_reason

ROOT = Path(__file__).resolve().parents[1]
RUN = 25
JAPANESE = 15  # a run counts when at least this many of its characters are Japanese (above U+3000)
SEED_MATERIAL = re.compile(r"samples/(?:expected/)?00[0-4]_|samples/gold/seeds\.json$")

pytestmark = pytest.mark.skipif(shared_reason() is not None, reason=str(shared_reason()))


def squash(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", text) if not c.isspace())


class DevRuns(frozenset):
    """The runs, shown by their count only: a failing test must not print the dev texts."""

    def __repr__(self) -> str:
        return f"<{len(self)} runs of the dev texts>"


def dev_runs(shared: Path = SHARED) -> DevRuns:
    """Every mostly Japanese RUN-character run of every dev text's body (header lines left out), squashed."""
    runs: set[str] = set()
    for path in sorted((shared / "dev").glob("*.txt")):
        body = squash(path.read_text(encoding="utf-8").partition("\n---\n")[2])
        runs.update(run for run in (body[i:i + RUN] for i in range(len(body) - RUN + 1))
                    if sum(c > "\u3000" for c in run) >= JAPANESE)
    return DevRuns(runs)


def page_text(data: bytes) -> str:
    """A page's characters, chrome included: decoded as the reader decodes it, tags dropped, references resolved."""
    return html.unescape(re.sub(r"<[^>]+>", "", decode_html(data)[0]))


def pdf_text(data: bytes) -> str:
    import pypdfium2

    doc = pypdfium2.PdfDocument(data)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in doc)
    finally:
        doc.close()


def file_text(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".pdf":
        return pdf_text(data)
    if path.suffix in (".html", ".htm", ".xhtml"):
        return page_text(data)
    return data.decode("utf-8", errors="ignore")


def copied_runs(root: Path, runs: frozenset[str]) -> dict[str, list[str]]:
    """Tracked file -> the runs of a dev text it holds (each stretch of copied text once, as it stands in the file)."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=root, capture_output=True, check=True).stdout
    found: dict[str, list[str]] = {}
    for name in sorted(n for n in listed.decode().split("\0") if n and not SEED_MATERIAL.match(n)):
        path = root / name
        if not path.is_file():
            continue
        text = squash(file_text(path))
        stretches: list[list[int]] = []
        for i in range(len(text) - RUN + 1):
            if text[i:i + RUN] in runs:
                if stretches and i <= stretches[-1][1]:
                    stretches[-1][1] = i + RUN
                else:
                    stretches.append([i, i + RUN])
        if stretches:
            found[name] = [text[a:b] for a, b in stretches]
    return found


@pytest.fixture(scope="module")
def runs() -> DevRuns:
    return dev_runs()


def test_no_tracked_file_holds_a_dev_texts_sentence(runs):
    found = copied_runs(ROOT, runs)
    if found:  # the file and the start of its first copied stretch (the file's own text), nothing more
        pytest.fail(f"{len(found)} tracked files hold text of ../shared/dev:\n" + "\n".join(
            f"  {name}: {len(stretches)} stretch(es), the first starting {stretches[0][:12]!r}"
            for name, stretches in found.items()), pytrace=False)


def test_the_check_finds_a_copied_sentence_in_every_kind_of_file(tmp_path, runs):
    """A dev text's sentence put in a comment, a Shift_JIS page (as character references too) and a PDF is found."""
    pytest.importorskip("reportlab")
    from scripts.samplegen.dev import rendered_names
    from scripts.samplegen.render import Block, Layout, register_fonts, render_pdf
    from scripts.samplegen.shared import read_dev

    body = read_dev(rendered_names()[0])[1]
    line = next(x.strip() for x in body.splitlines() if len(squash(x)) >= 2 * RUN)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "note.py").write_text(f"# {line}\n", encoding="utf-8")
    (tmp_path / "page.html").write_bytes(
        (f'<meta charset="Shift_JIS"><p>{line[:9]}</p><p>' + "".join(f"&#x{ord(c):X};" for c in line[9:]) + "</p>")
        .encode("cp932", errors="xmlcharrefreplace"))
    register_fonts()
    (tmp_path / "doc.pdf").write_bytes(render_pdf([Block("p", line)], Layout(), "x")[0])
    (tmp_path / "own.txt").write_text("市と信用金庫は令和2年4月1日に連携協定を結んだ。" * 3, encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=tmp_path, check=True)
    assert set(copied_runs(tmp_path, runs)) == {"note.py", "page.html", "doc.pdf"}
