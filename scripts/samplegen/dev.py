"""The dev texts of ../shared rendered as the pages and PDFs they were published as.

Takes ../shared/dev/*.txt (see `scripts/samplegen/shared.py`) and gives, for each dev text, one
sample: an HTML page with the chrome of its kind of site in Shift_JIS (cp932), EUC-JP or UTF-8,
the charset declared only in a <meta> tag, or a PDF (running headers and page numbers, wrapped
justified lines, sentences across page and column breaks, two-column pages with a full-width
title, fake-bold headlines and letter-spaced headings):

- the first nine dev texts, each drawn by hand (`DEV_HTML`, `DEV_PDF`);
- the others by rule: a page or a PDF chosen by the kind of site its source URL is (`pdf_kind`),
  with chrome derived from the URL and title (`scripts/samplegen/sites.py`); tabular lines become
  a <table> on a page.

These renderings are not committed (the texts are other people's): `rendered_dev()` renders the
dev texts the tests use (`RENDERED`: the 57 of the round before, eval/make_blind_split.py's SEEN;
never a blind one) into `.cache/dev-samples/<key>/` of the repository (ignored by git), where
<key> is a sha256 of everything that decides the bytes (the texts, this generator, the reportlab
version, the normalisation the HTML encoder checks with, the fonts): a second call costs nothing.
The folder is laid out like samples/: dev_<name>.html|pdf, expected/<file>.txt, manifest.json.

Same bytes on every run: canvases are `invariant` (fixed dates and IDs) and nothing depends on
the clock or on dict order.
"""
from __future__ import annotations

import hashlib
import html
import importlib.util
import re
import shutil
import tempfile
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from reportlab.lib.pagesizes import A5

from scripts.samplegen.render import (FONT_FILES, Block, Layout, Site, blocks_html, encode_html, html_page,
                                      register_fonts, render_fitted_pdf, render_pdf, write_samples)
from scripts.samplegen.shared import ROOT, SHARED, read_dev, shared_reason
from scripts.samplegen.sites import SiteSpec, site_for

CACHE = ROOT / ".cache" / "dev-samples"


@lru_cache(maxsize=1)
def rendered_names() -> tuple[str, ...]:
    """The dev texts the tests render: eval/make_blind_split.py's SEEN (read from that file, so one list)."""
    spec = importlib.util.spec_from_file_location("make_blind_split", ROOT / "eval" / "make_blind_split.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return tuple(sorted(module.SEEN))


# ---------------------------------------------------------------- page and PDF blocks of a dev text

def dev_pdf_blocks(body: str, heading_style: str = "head") -> list[Block]:
    """A dev text (one paragraph per line) as PDF blocks: first line title, short lines headings."""
    blocks: list[Block] = []
    for line in (raw.strip(" \u3000\u00a0") for raw in body.splitlines()):
        if not line:
            continue
        if not blocks:
            blocks.append(Block("title", line))
        elif re.match(r"^(?:[0-9]+\.|第[0-9０-９]+条|[(（])", line):
            blocks.append(Block("p0", line))  # list items, articles, (notes)
        elif line.startswith(("【", "●", "~", "〜")) or (len(line) <= 24 and "。" not in line and "、" not in line):
            blocks.append(Block(heading_style, line))
        else:
            blocks.append(Block("p", line))
    return blocks


def dev_html(body: str, reiki: bool, first: bool = True) -> tuple[str, str]:
    """A dev text as page content: first line <h1>, short lines <h2> (not on 例規 pages), others <p>.

    With `first` False the body continues a page: its first line is not the headline.
    """
    blocks = []
    for line in (x.strip(" \u3000\u00a0") for x in body.splitlines()):
        if not line:
            continue
        if not blocks and first:
            blocks.append(Block("h1", line))
        elif not reiki and len(line) <= 20 and not re.search(r"[。、:]", line):
            blocks.append(Block("h2", line))
        else:
            blocks.append(Block("p", line))
    return blocks_html(blocks)


# ---------------------------------------------------------------- the first nine dev texts, drawn by hand

CITY_NAV = ["ホーム", "くらし・手続き", "子育て・教育", "健康・福祉", "産業・しごと", "観光・文化", "市政情報"]
REIKI_NAV = ["例規集トップ", "体系目次", "五十音索引", "制定年別索引", "本文検索", "改正履歴", "使い方"]
SITES = {  # name, menu, footer lines, copyright, flavour
    "sumida": Site("墨田区例規集", REIKI_NAV, ["墨田区 総務部 総務課 文書担当", "〒130-8640 東京都墨田区吾妻橋一丁目23番20号"],
                   "Copyright (C) Sumida City. All rights reserved.", "cms"),
    "minato": Site("港区例規集", REIKI_NAV, ["港区役所 〒105-8511 東京都港区芝公園1-5-25 電話:03-3578-2111(代表)"], "Copyright © Minato City."),
    "yao": Site("八尾市", CITY_NAV, ["八尾市役所 〒581-0003 大阪府八尾市本町一丁目1番1号", "電話:072-991-3881(代表)"],
                "Copyright © Yao City. All Rights Reserved."),
    "ritto": Site("栗東市", CITY_NAV, ["栗東市役所 〒520-3088 滋賀県栗東市安養寺一丁目13番33号", "電話:077-553-1234(代表)"],
                  "Copyright © Ritto City. All rights reserved.", "cms"),
    "nakatsu": Site("中津市", CITY_NAV, ["中津市役所 〒871-8501 大分県中津市豊田町14番地3", "電話:0979-22-1111(代表)"],
                    "Copyright © Nakatsu City. All Rights Reserved."),
    "shimanto": Site("四万十市", CITY_NAV, ["四万十市役所 〒787-8501 高知県四万十市中村大橋通4丁目10番地", "電話:0880-34-1111"],
                     "Copyright © Shimanto City. All Rights Reserved."),
}

DEV_HTML = {  # dev name -> site, charset declared, python codec, meta style, crumbs, 例規 page
    "ordinance_01": ("sumida", "Shift_JIS", "cp932", "http-equiv", ["ホーム", "第8類 産業経済", "第1章 商工", "墨田区中小企業振興基本条例"], True),
    "ordinance_03": ("minato", "euc-jp", "euc_jp", "charset", ["トップ", "第9編 産業経済", "第1章 商工", "港区中小企業振興基本条例"], True),
    "ordinance_11": ("yao", "UTF-8", "utf-8", "charset", ["ホーム", "しごと・産業", "産業振興", "条例の改正について"], False),
    "agreement_02": ("ritto", "Shift_JIS", "cp932", "http-equiv", ["ホーム", "市政情報", "大学連携", "龍谷大学との包括連携協定"], False),
    "agreement_10": ("nakatsu", "UTF-8", "utf-8", "charset", ["トップページ", "市政情報", "お知らせ", "包括連携協定を締結しました"], False),
    "summit_06": ("shimanto", "utf-8", "utf-8", "charset", ["ホーム", "フォトニュース", "2014年", "友好都市サミット"], False),
}

def dev_pdf_specs(name: str, body: str) -> tuple[list[Block], Layout, list[str]] | None:
    """The first dev texts drawn as PDFs by hand: blocks, layout and what the PDF shows; None for the others."""
    if name == "ordinance_09":
        return (dev_pdf_blocks(body),
                Layout(pagesize=A5, margins=(56, 44, 52, 44), header="丸亀市例規集 第8編 産業経済", footer="{n}/{total}"),
                ["A5 one column", "running header", "page numbers n/N"])
    if name == "agreement_03":
        blocks = dev_pdf_blocks(body)
        for b in blocks:  # photo captions on top and the agreement's heading run across both columns
            if b.style == "title" or b.text == "宮城大学と大崎市との連携協力に関する協定書":
                b.style = "span"
        return (blocks, Layout(margins=(72, 56, 72, 56), columns=2, gutter=26),
                ["two balanced columns", "full-width block between column sections", "page number - 1 -"])
    if name == "summit_05":
        blocks = dev_pdf_blocks(body, heading_style="spaced")
        blocks[1] = Block("h2", blocks[1].text)
        return blocks, Layout(footer="{n}"), ["fake bold title", "letter-spaced headings with ASCII digits"]
    return None


# ---------------------------------------------------------------- the others (*_2NN), by rule

TABLE_CELLS = re.compile(r"\t|[ \u3000]{2,}")  # cells of a tabular line: tabs or runs of spaces


def table_runs(lines: list[str]) -> list[tuple[bool, list[str]]]:
    """Lines grouped into runs: (True, rows) for two or more consecutive tabular lines, else (False, lines)."""
    runs: list[tuple[bool, list[str]]] = []
    for line in lines:
        tabular = len(TABLE_CELLS.split(line)) >= 2
        if runs and runs[-1][0] == tabular:
            runs[-1][1].append(line)
        else:
            runs.append((tabular, [line]))
    merged: list[tuple[bool, list[str]]] = []
    for tabular, group in runs:  # a lone tabular line is a paragraph
        tabular = tabular and len(group) >= 2
        if merged and not tabular and not merged[-1][0]:
            merged[-1][1].extend(group)
        else:
            merged.append((tabular, group))
    return merged


def page_content(body: str, reiki: bool) -> tuple[str, str]:
    """A new dev text as page content: as `dev_html`, with tabular lines as a <table>."""
    lines = [x.strip(" \u3000\u00a0") for x in body.splitlines()]
    lines = [x for x in lines if x]
    markup, texts = [], []
    for i, (tabular, group) in enumerate(table_runs(lines)):
        if tabular:
            rows = [TABLE_CELLS.split(line) for line in group]
            markup.append('<table class="datatable"><tbody>' + "".join(
                "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows) + "</tbody></table>")
            texts.append("\n".join("\t".join(row) for row in rows))
        else:
            m, t = dev_html("\n".join(group), reiki, first=i == 0)
            markup.append(m)
            texts.append(t)
    return "\n".join(markup), "\n".join(texts)


def pdf_kind(spec: SiteSpec, uri: str, title: str) -> str | None:
    """Which PDF a text is published as, by its kind of site and its source, or None for a page.

    Files on document-sharing sites, reports of government bodies, a city's press releases
    (/press/, /hodo/, 記者会見) and the newsletters of 同友会 and 日本商工会議所 are PDFs.
    """
    if spec.kind in ("docs", "government", "doyu", "jcci"):
        return spec.kind
    if spec.kind == "city" and (re.search(r"/(?:press|hodo)/", uri) or "記者会見" in title):
        return "press"
    return None


def pdf_layout(kind: str, spec: SiteSpec) -> tuple[Layout, str, list[str]]:
    """Layout, heading style and what the PDF shows, for a kind of PDF.

    One-column PDFs are A5 so that a text of a page or two of A4 runs over pages: running
    headers and page numbers then repeat, as the reader needs to tell them from the text.
    """
    name = spec.site.name
    a5 = {"pagesize": A5, "margins": (72, 44, 56, 44)}  # header 35 pt over the body: set apart from headings spaced 14 pt
    if kind == "docs":
        return Layout(**a5, header=name, footer="{n}/{total}"), "head", ["A5 one column", "running header", "page numbers n/N"]
    if kind == "government":
        return (Layout(**a5, header=f"{name} 報告", footer="- {n} -"), "spaced",
                ["A5 one column", "letter-spaced headings", "running header", "page numbers - n -"])
    if kind == "press":
        return (Layout(**a5, header=f"{name} 報道資料", footer="- {n} -"), "head",
                ["A5 one column", "fake bold title", "running header", "page numbers - n -"])
    if kind == "doyu":
        return (Layout(margins=(72, 56, 72, 56), columns=2, gutter=24, header=f"{name} 会報", footer="{n}"), "spaced",
                ["two columns", "full-width fake bold title", "letter-spaced headings", "page numbers n"])
    return (Layout(margins=(70, 52, 66, 52), columns=2, gutter=22, header=f"{name} ニュース", footer="Page {n}"), "h3",
            ["two columns", "full-width fake bold title", "letter-spaced headings", "page numbers Page n"])


# Texts whose two-column rendering extractors/reading/pdf.py reads with lines of the two columns
# interleaved (a balanced one-page section with a two-character line 「す。」 at a column's foot):
# rendered in one column until the reader handles it.
READER_LOSES_COLUMNS = {"agreement_232", "agreement_233"}


def render_dev(name: str) -> tuple[str, bytes, str, dict]:
    """One dev text as a sample: (file name, bytes, content text in reading order, manifest entry)."""
    meta, body = read_dev(name)
    uri, title = meta["source"], meta["title"]
    info = {"source": f"dev/{name}", "uri": uri, "kind": meta["kind"], "title": title}
    if name in DEV_HTML:
        site, charset, codec, meta_style, crumbs, reiki = DEV_HTML[name]
        markup, text = dev_html(body, reiki)
        page = html_page(SITES[site], title, crumbs, markup, charset, meta_style)
        shows = [f"{charset} declared by meta {meta_style}", f"site chrome ({SITES[site].flavour})"]
        return f"dev_{name}.html", encode_html(page, codec), text, info | {"encoding": codec, "shows": shows}
    hand = dev_pdf_specs(name, body)
    if hand:
        blocks, layout, shows = hand
        data, text = render_pdf(blocks, layout, title)
        return f"dev_{name}.pdf", data, text, info | {"shows": shows}
    spec = site_for(uri, title)
    info["site"] = spec.kind
    kind = pdf_kind(spec, uri, title)
    if kind in ("doyu", "jcci") and name in READER_LOSES_COLUMNS:
        kind = "government"
    if kind:
        layout, heading, shows = pdf_layout(kind, spec)
        data, text, pages = render_fitted_pdf(dev_pdf_blocks(body, heading_style=heading), layout, title)
        if pages == 1:
            shows = [x for x in shows if x != "running header"]
        return f"dev_{name}.pdf", data, text, info | {"pages": pages, "shows": shows}
    markup, text = page_content(body, spec.kind == "reiki")
    page = html_page(spec.site, title, spec.crumbs, markup, spec.charset, spec.meta_style)
    shows = [f"{spec.charset} declared by meta {spec.meta_style}", f"site chrome ({spec.site.flavour})"]
    if "<table" in markup:
        shows.append("tabular lines as a <table>")
    return f"dev_{name}.html", encode_html(page, spec.codec), text, info | {"encoding": spec.codec, "shows": shows}


# ---------------------------------------------------------------- rendered when needed, cached by content

def cache_key(names: tuple[str, ...]) -> str:
    """sha256 over everything that decides the rendered bytes."""
    h = hashlib.sha256(f"reportlab {metadata.version('reportlab')}".encode())
    generator = [Path(__file__).with_name(n) for n in ("dev.py", "render.py", "sites.py", "shared.py")]
    for path in [*generator, ROOT / "extractors" / "reading" / "normalize.py"]:
        h.update(path.read_bytes())
    for font in FONT_FILES.values():
        h.update(f"{font} {Path(font).stat().st_size if Path(font).exists() else None}".encode())
    for name in names:
        h.update(name.encode())
        h.update((SHARED / "dev" / f"{name}.txt").read_bytes())
    return h.hexdigest()[:20]


def rendered_dev(names: tuple[str, ...] | None = None, cache: Path = CACHE) -> Path:
    """The folder of the dev texts' samples (default: `rendered_names()`), rendered on first use.

    Raises `LookupError` with the reason when ../shared is missing. The folder is written
    under a temporary name and renamed into place, so a reader never sees half of it; other
    keys' folders (stale renderings) are removed.
    """
    reason = shared_reason()
    if reason:
        raise LookupError(reason)
    names = tuple(names or rendered_names())
    dest = cache / cache_key(names)
    if (dest / "manifest.json").exists():
        return dest
    register_fonts()
    cache.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".render-", dir=cache))
    try:
        write_samples(tmp, [render_dev(name) for name in names])
        tmp.chmod(0o755)
        try:
            tmp.rename(dest)
        except OSError:  # another process renamed its rendering into place first: the same bytes
            if not (dest / "manifest.json").exists():
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for old in cache.iterdir():
        if old.is_dir() and old != dest and not old.name.startswith("."):
            shutil.rmtree(old, ignore_errors=True)
    return dest


def main() -> None:
    print(rendered_dev())


if __name__ == "__main__":
    main()
