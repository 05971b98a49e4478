#!/usr/bin/env python3
"""Text recall of the readers on the dev texts rendered by the team's renderer, per format.

Run from the repository root:

    .venv/bin/python benchmarks/reading_recall.py [--set dev] [--out /tmp/recall] [--json FILE]

Each text of `../shared/dev` in the set (`dev`: every text not listed in eval/blind.json;
`all`: every text, for the lead only) is rendered by `../shared/eval/render.py` in each of
its six formats (html-utf8, html-sjis, html-eucjp, pdf-1col, pdf-2col, pdf-spaced; not only
the one its index would choose), into `--out` (cached by content: a second run renders
nothing), and read back by the project's reader (`extract_pdf`, `extract_html`).

Per document and format it computes
- recall in order: the characters of the body (normalised, whitespace removed) that difflib's
  matching blocks find, in order, in the extracted text (normalised, whitespace removed),
  over the body's length;
- navigation leaking (HTML): how many of the renderer's navigation and footer phrases
  appear in the extracted text but not in the body.

A character the renderer's body font has no glyph for (the IPAex fonts lack the parenthesized
numbers ⑴-⒇, for one) is drawn as the missing glyph mapped to U+0000: the PDF does not hold
it, no reader can give it. It is left out of the body for the PDF formats, and the number of
texts that hold one is printed.

It prints, per format, how many documents reach recall >= 0.98 with nothing leaking, the
mean recall, and the names of the others with their figures. It never prints a text.
"""
from __future__ import annotations

import argparse
import difflib
import hashlib
import importlib.util
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"

from extractors.reading.normalize import normalize_text  # noqa: E402  (after the path is set)

FORMATS = ["html-utf8", "html-sjis", "html-eucjp", "pdf-1col", "pdf-2col", "pdf-spaced"]
PASS = 0.98


def load_renderer():
    spec = importlib.util.spec_from_file_location("shared_render", SHARED / "eval" / "render.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def set_docs(name: str) -> list[Path]:
    blind = set(json.loads((ROOT / "eval" / "blind.json").read_text(encoding="utf-8"))["blind"])
    every = sorted((SHARED / "dev").glob("*.txt"))
    if name == "dev":
        return [p for p in every if p.stem not in blind]
    if name == "all":
        return every
    raise SystemExit(f"unknown set {name!r}: dev or all")


def nav_phrases(render) -> list[str]:
    """The renderer's navigation and footer link texts and lines, as they would leak."""
    phrases = set()
    for markup in (render.NAV, render.FOOTER):
        for piece in re.split(r"<[^>]+>|&gt;|\|", markup):
            piece = squash(piece)
            if len(piece) >= 2:
                phrases.add(piece)
    return sorted(phrases)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", normalize_text(text))


def render_one(render, path: Path, fmt: str, out: Path) -> Path:
    """The rendered file of one text in one format (rendered again only when the text or renderer changed)."""
    raw = path.read_bytes()
    key = hashlib.sha256(raw + (SHARED / "eval" / "render.py").read_bytes() + fmt.encode()).hexdigest()[:16]
    ext = "html" if fmt.startswith("html") else "pdf"
    target = out / fmt / f"{path.stem}.{key}.{ext}"
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    for old in target.parent.glob(f"{path.stem}.*.{ext}"):
        old.unlink()
    meta, body = render.read(path)
    if ext == "html":
        charset = {"html-utf8": "utf-8", "html-sjis": "shift_jis", "html-eucjp": "euc-jp"}[fmt]
        codec = "cp932" if charset == "shift_jis" else charset
        target.write_bytes(render.to_html(meta, body, charset).encode(codec, errors="xmlcharrefreplace"))
    else:
        tmp = target.with_suffix(".part")
        render.to_pdf(meta, body, tmp, columns=2 if fmt == "pdf-2col" else 1,
                      char_space=2.0 if fmt == "pdf-spaced" else 0.0)
        tmp.rename(target)
    return target


def drawable(render):
    """Whether the renderer's body font has a glyph for a character (see the docstring)."""
    from reportlab.pdfbase.ttfonts import TTFont

    glyphs = TTFont("recall-body", render.FONT).face.charToGlyph
    return lambda c: ord(c) in glyphs


def recall_in_order(want: str, got: str) -> float:
    if not want:
        return 1.0
    matcher = difflib.SequenceMatcher(None, want, got, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(want)


def read(file: Path) -> str:
    if file.suffix == ".pdf":
        from extractors.reading.pdf import extract_pdf
        return extract_pdf(file.read_bytes(), str(file))[0]
    from extractors.reading.html import extract_html
    return extract_html(file.read_bytes(), str(file))[0]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", default="dev", help="dev (not blind; the default) or all")
    ap.add_argument("--out", type=Path, default=Path("/tmp/chusho-recall"), help="where the renderings are cached")
    ap.add_argument("--format", action="append", dest="formats", choices=FORMATS, help="only these formats")
    ap.add_argument("--json", type=Path, help="write every figure (names and numbers only) here")
    args = ap.parse_args()
    if not (SHARED / "eval" / "render.py").exists():
        raise SystemExit(f"{SHARED} is absent: the dev texts and the renderer are needed")
    render = load_renderer()
    render.print = lambda *a, **k: None  # the renderer's main prints; its functions do not
    phrases = nav_phrases(render)
    has_glyph = drawable(render)
    lacking = 0
    docs = set_docs(args.set)
    formats = args.formats or FORMATS
    results: dict[str, dict[str, dict]] = {fmt: {} for fmt in formats}
    seconds = {fmt: 0.0 for fmt in formats}
    for path in docs:
        _, body = render.read(path)
        want_html = squash(body)
        want_pdf = "".join(c for c in want_html if has_glyph(c))
        lacking += want_pdf != want_html
        for fmt in formats:
            want = want_pdf if fmt.startswith("pdf") else want_html
            file = render_one(render, path, fmt, args.out)
            start = time.process_time()
            try:
                got = squash(read(file))
                error = None
            except Exception as exc:  # a document the reader refuses counts as recall 0, with its error
                got, error = "", f"{type(exc).__name__}: {getattr(exc, 'code', '')}"
            seconds[fmt] += time.process_time() - start
            leaked = [p for p in phrases if p in got and p not in want]
            results[fmt][path.stem] = {"recall": round(recall_in_order(want, got), 4), "leaked": len(leaked),
                                       **({"error": error} if error else {})}
    print(f"set {args.set}: {len(docs)} texts; pass = recall >= {PASS} and nothing leaking; "
          f"{lacking} texts hold characters the PDF font cannot draw (left out of the PDF recall)")
    for fmt in formats:
        rows = results[fmt]
        passed = [d for d, r in rows.items() if r["recall"] >= PASS and not r["leaked"]]
        mean = sum(r["recall"] for r in rows.values()) / max(1, len(rows))
        print(f"{fmt:11s} {len(passed):4d} of {len(rows):4d} pass, mean recall {mean:.4f}, "
              f"reader CPU {seconds[fmt]:.1f} s")
        for doc, r in sorted(rows.items(), key=lambda kv: kv[1]["recall"]):
            if doc not in passed:
                print(f"    {doc:18s} recall {r['recall']:.4f} leaked {r['leaked']} {r.get('error', '')}")
    every = [r for rows in results.values() for r in rows.values()]
    total = sum(1 for r in every if r["recall"] >= PASS and not r["leaked"])
    print(f"all formats {total} of {len(every)} pass")
    if args.json:
        args.json.write_text(json.dumps({"set": args.set, "results": results}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
