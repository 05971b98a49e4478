"""The list of samples: which seed and dev texts are rendered, how, and into which files.

Takes shared/seeds/*.txt, shared/dev/*.txt and shared/gold/*.json (shared/ is the folder beside
the repository, or $CHUSHO_SHARED), splits each text into blocks the way its kind of document is
laid out, and renders it with `scripts/samplegen/render.py` under samples/:

- HTML pages with the chrome of municipal sites in Shift_JIS (cp932), EUC-JP or UTF-8, the
  charset declared only in a <meta> tag;
- the new dev texts (shared/dev/*_2NN.txt) each as a page or a PDF chosen by a rule on the kind
  of site its source URL is (`pdf_kind`), with chrome derived from the URL and title
  (`scripts/samplegen/sites.py`); tabular lines become a <table> on a page;
- PDFs with running headers and page numbers, wrapped justified lines, sentences across page and
  column breaks, two-column pages with a full-width title, fake-bold headlines and letter-spaced
  headings;
- expected/<sample file name>.txt: the content text that was rendered, in reading order, without
  site chrome, running headers or page numbers;
- gold/*.json (copied) and manifest.json (what each sample is and shows).

Same bytes on every run: canvases are `invariant` (fixed dates and IDs) and nothing depends on
the clock or on dict order.
"""
from __future__ import annotations

import html
import json
import os
import re
import shutil
from dataclasses import replace
from pathlib import Path

from reportlab.lib.pagesizes import A5

from scripts.samplegen import layouts
from scripts.samplegen.render import (Block, Layout, Site, blocks_html, encode_html, html_page, page_line_counts,
                                      register_fonts, render_pdf)
from scripts.samplegen.sites import SiteSpec, site_for

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("CHUSHO_SHARED", ROOT.parent / "shared"))
OUT = ROOT / "samples"
SENTENCE_END = tuple("。！？!?")


# ---------------------------------------------------------------- reading texts

def read_seed(prefix: str) -> str:
    (path,) = sorted((SHARED / "seeds").glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8")


def read_dev(name: str) -> tuple[dict[str, str], str]:
    """A dev text's header fields (source, kind, title) and its body."""
    head, _, body = (SHARED / "dev" / f"{name}.txt").read_text(encoding="utf-8").partition("\n---\n")
    meta = dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)
    return meta, body


def unwrap_declaration(text: str) -> list[Block]:
    """Seed 001 (a PDF extraction: every wrapped line, then a blank line) as paragraphs.

    A paragraph ends at a sentence end; headings (○…, （１）…, 別紙…, Ⅰ．…) are
    paragraphs of their own.
    """
    heading = re.compile(r"^(?:○|（[０-９0-9]+）|別紙|[ⅠⅡⅢⅣⅤ]．)")
    blocks: list[Block] = []
    buf = ""
    for raw in text.splitlines():
        line = raw.strip(" \u3000\u00a0")
        if not line:
            continue
        if heading.match(line):
            if buf:
                blocks.append(Block("p", buf))
                buf = ""
            blocks.append(Block("head", line))
            continue
        buf += line
        if line.endswith(SENTENCE_END):
            blocks.append(Block("p", buf))
            buf = ""
    if buf:
        blocks.append(Block("p", buf))
    return blocks


def unwrap_interview(text: str) -> list[Block]:
    """Seed 004 (a two-column PDF extraction) as paragraphs.

    Its blank lines fall anywhere, even inside words, so they are ignored. A
    paragraph starts at an indented line or a speaker/note mark (○ ● ※) and ends
    at a sentence end or a short line; lines padded with spaces are headings.
    """
    blocks: list[Block] = []
    buf = ""

    def flush() -> None:
        nonlocal buf
        if buf:
            style = "speaker" if buf.startswith(("○", "●")) and len(buf) < 12 else "p"
            blocks.append(Block(style, buf))
            buf = ""

    for raw in text.splitlines():
        line = raw.strip(" \u3000")
        if not line:
            continue
        if re.search(r"[ \u3000]{3,}$", raw):
            flush()
            blocks.append(Block("head", line))
            continue
        if raw[:1] in (" ", "\u3000") or line.startswith(("○", "●", "※")):
            flush()
        buf += line
        if line.endswith(SENTENCE_END) or len(line) < 20:
            flush()
    flush()
    return blocks


def parse_newsletter(text: str) -> list[Block]:
    """Seed 002 (markdown-ish): # headline, ## / ### headings, masthead lines, paragraphs."""
    blocks: list[Block] = []
    seen_heading = False
    for raw in text.splitlines():
        line = raw.strip(" \u3000\u00a0")
        if not line:
            continue
        if line.startswith("### "):
            blocks.append(Block("h3", line[4:]))
        elif line.startswith("## "):
            blocks.append(Block("h2", line[3:]))
            seen_heading = True
        elif line.startswith("# "):
            blocks.append(Block("headline", line[2:]))
        elif not seen_heading:
            blocks.append(Block("small", line))  # the masthead under the headline
        elif len(line) < 20 and not line.endswith(SENTENCE_END):
            blocks.append(Block("caption", line))  # photo captions, the closing signature
        else:
            blocks.append(Block("p", line))
    return blocks


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




def okaya_html() -> tuple[str, str, str]:
    """Seed 000: the summit list becomes a <table>; gives (markup, content text, title)."""
    lines = [x.strip(" \u00a0") for x in read_seed("000").splitlines()]
    lines = [x for x in lines if x]
    start = lines.index("サミットの開催状況")
    end = next(i for i in range(start + 2, len(lines)) if not re.match(r"^(第\d+回 |[−〜―])", lines[i]))
    rows: list[list[str]] = []
    for line in lines[start + 2:end]:  # after the header row 「開催年月 開催都市 メインテーマ」
        if line[0] in "−〜―":
            rows[-1][3] += "\n" + line  # a theme's second line: same cell, after a <br />
        else:
            rows.append(line.split(" ", 3))
    head = ["回", "開催年月", "開催都市", "メインテーマ"]
    cell = lambda t: "<br />".join(html.escape(x) for x in t.split("\n"))  # noqa: E731
    table = ['<table class="datatable" summary="サミットの開催状況"><tbody>',
             "<tr>" + "".join(f'<th scope="col">{h}</th>' for h in head) + "</tr>"]
    table += ["<tr>" + "".join(f"<td>{cell(c)}</td>" for c in r) + "</tr>" for r in rows]
    table.append("</tbody></table>")
    table_text = "\n".join("\t".join(c.replace("\n", " ") for c in r) for r in [head] + rows)

    def tag(line: str, i: int) -> str:
        if i == 0:
            return "h1"
        if line in ("中小企業都市連絡協議会とは", "中小企業都市サミット", "この記事に関するお問い合わせ先"):
            return "h2"
        if line.startswith(("これまでのサミット", "第11回中小企業都市サミット(")):
            return "h3"
        if re.match(r"^第\d+回中小企業都市サミットin", line) or line == "サミットの開催状況":
            return "h4"
        return "p"

    before = [Block(tag(x, i), x) for i, x in enumerate(lines[:start + 1])]
    after = [Block(tag(x, i + end), x) for i, x in enumerate(lines[end:])]
    contact_at = next(i for i, b in enumerate(after) if b.text == "この記事に関するお問い合わせ先")
    contact = after[contact_at:]
    after = after[:contact_at]
    before[1].style = "p.update"
    m1, t1 = blocks_html(before)
    m1 = m1.replace("<p>参加都市(自治体と商工会議所)及び事業所情報など</p>",
                    '<p><a href="/site/kogyo/sanka.html">参加都市(自治体と商工会議所)及び事業所情報など</a></p>')
    m2, t2 = blocks_html(after)
    contact_markup = (f'<div class="contact"><h2>{html.escape(contact[0].text)}</h2><p>'
                      + "<br />".join(html.escape(b.text) for b in contact[1:]) + "</p></div>")
    markup = "\n".join([m1, "\n".join(table), m2, contact_markup])
    text = "\n".join([t1, table_text, t2] + [b.text for b in contact])
    return markup, text, "中小企業都市連絡協議会 - 岡谷市ホームページ"


def igren_html() -> tuple[str, str, str]:
    """Seed 003: heading, a tagline of short lines (<br />), paragraphs."""
    paras = [p.strip() for p in re.split(r"\n\s*\n", read_seed("003")) if p.strip()]
    blocks = [Block("p", paras[0]), Block("h1", paras[1]), Block("p", paras[2])]
    blocks += [Block("p", p.strip(" \u3000")) for p in paras[3:]]
    markup, text = blocks_html(blocks)
    markup = markup.replace(f"<p>{paras[0]}</p>", f'<p class="event-info"><a href="/event/">{paras[0]}</a></p>', 1)
    return markup, text, "神奈川イグレン(神奈川県異業種連携協議会) | かながわ異業種交流センター"


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


# ---------------------------------------------------------------- the samples

CITY_NAV = ["ホーム", "くらし・手続き", "子育て・教育", "健康・福祉", "産業・しごと", "観光・文化", "市政情報"]
REIKI_NAV = ["例規集トップ", "体系目次", "五十音索引", "制定年別索引", "本文検索", "改正履歴", "使い方"]
SITES = {  # name, menu, footer lines, copyright, flavour
    "okaya": Site("岡谷市", ["ホーム", "組織から探す", "暮らし・手続き"] + CITY_NAV[2:],
                  ["岡谷市役所 〒394-8510 長野県岡谷市幸町8番1号", "電話:0266-23-4811(代表) 開庁時間:午前8時30分から午後5時15分"],
                  "Copyright © Okaya City. All Rights Reserved.", "cms"),
    "igren": Site("かながわ異業種交流センター", ["ホーム", "イグレンについて", "交流サロン", "プロジェクト", "イベント", "入会案内"],
                  ["神奈川県異業種連携協議会 〒231-0015 横浜市中区尾上町5-80 神奈川中小企業センタービル", "電話:045-633-5093"],
                  "© 2016 神奈川県異業種連携協議会"),
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


# ---------------------------------------------------------------- the new dev texts (*_2NN)

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


def render_dev_pdf(blocks: list[Block], layout: Layout, title: str) -> tuple[bytes, str, int]:
    """render_pdf, with the page's bottom margin nudged so that no last page holds only a line or
    two (the reader cannot set a running header apart from so little text), and without the
    running header when everything fits on one page (a header seen once cannot be told from
    the text, by a reader or by anyone); gives the page count too."""
    top, right, bottom, left = layout.margins
    for extra in (0, 12, 24, -8, 36):
        fitted = replace(layout, margins=(top, right, bottom + extra, left))
        counts = page_line_counts(blocks, fitted)
        if len(counts) == 1 or counts[-1] >= 4:
            break
    if len(counts) == 1:
        fitted = replace(fitted, header=None)
    data, text = render_pdf(blocks, fitted, title)
    return data, text, len(counts)


# Texts whose two-column rendering extractors/reading/pdf.py reads with lines of the two columns
# interleaved (a balanced one-page section with a two-character line 「す。」 at a column's foot):
# rendered in one column until the reader handles it.
READER_LOSES_COLUMNS = {"agreement_232", "agreement_233"}


def new_dev_names() -> list[str]:
    return sorted(p.stem for p in (SHARED / "dev").glob("*_2[0-9][0-9].txt"))


def make_new_dev_samples() -> list[tuple[str, bytes, str, dict]]:
    """Every *_2NN dev text as one page or PDF, its chrome and layout chosen from its source and title."""
    out = []
    for name in new_dev_names():
        meta, body = read_dev(name)
        uri, title = meta["source"], meta["title"]
        spec = site_for(uri, title)
        info = {"source": f"dev/{name}", "uri": uri, "kind": meta["kind"], "title": title, "site": spec.kind}
        kind = pdf_kind(spec, uri, title)
        if kind in ("doyu", "jcci") and name in READER_LOSES_COLUMNS:
            kind = "government"
        if kind:
            layout, heading, shows = pdf_layout(kind, spec)
            blocks = dev_pdf_blocks(body, heading_style=heading)
            data, text, pages = render_dev_pdf(blocks, layout, title)
            if pages == 1:
                shows = [x for x in shows if x != "running header"]
            out.append((f"dev_{name}.pdf", data, text, info | {"pages": pages, "shows": shows}))
        else:
            markup, text = page_content(body, spec.kind == "reiki")
            page = html_page(spec.site, title, spec.crumbs, markup, spec.charset, spec.meta_style)
            shows = [f"{spec.charset} declared by meta {spec.meta_style}", f"site chrome ({spec.site.flavour})"]
            if "<table" in markup:
                shows.append("tabular lines as a <table>")
            out.append((f"dev_{name}.html", encode_html(page, spec.codec), text,
                        info | {"encoding": spec.codec, "shows": shows}))
    return out


def make_html_samples() -> list[tuple[str, bytes, str, dict]]:
    okaya = {"source": "seeds/000", "shows": ["summit list as a <table>, a theme's second line after <br />",
                                              "〜 and − as cp932 look-alikes, © as a numeric reference"]}
    pages = [("000_okaya.html", okaya_html(), okaya, "okaya", "Shift_JIS", "cp932", "http-equiv",
              ["ホーム", "産業・しごと", "工業", "中小企業都市連絡協議会"]),
             ("003_igren.html", igren_html(), {"source": "seeds/003"}, "igren", "UTF-8", "utf-8", "charset",
              ["ホーム", "イグレンについて", "神奈川イグレン"])]
    for name, (site, charset, codec, meta_style, crumbs, reiki) in DEV_HTML.items():
        meta, body = read_dev(name)
        info = {"source": f"dev/{name}", "uri": meta["source"], "kind": meta["kind"]}
        pages.append((f"dev_{name}.html", (*dev_html(body, reiki), meta["title"]), info, site, charset, codec, meta_style, crumbs))
    out = []
    for name, (markup, text, title), info, site, charset, codec, meta_style, crumbs in pages:
        page = html_page(SITES[site], title, crumbs, markup, charset, meta_style)
        shows = [f"{charset} declared by meta {meta_style}", f"site chrome ({SITES[site].flavour})"]
        info |= {"title": title, "encoding": codec, "shows": shows + info.get("shows", [])}
        out.append((name, encode_html(page, codec), text, info))
    return out


def make_pdf_samples() -> list[tuple[str, bytes, str, dict]]:
    specs: list[tuple[str, list[Block], Layout, str, dict]] = []
    title = "第5回中小企業都市サミット 川口宣言"
    specs.append(("001_kawaguchi.pdf", unwrap_declaration(read_seed("001")),
                  Layout(header="第5回中小企業都市サミット in 川口"), title,
                  {"source": "seeds/001", "shows": ["running header", "page numbers - n -", "wrapped lines", "sentences across pages"]}))
    specs.append(("002_kanagawa.pdf", parse_newsletter(read_seed("002")),
                  Layout(margins=(70, 64, 70, 64), header="かながわ経済新聞 工業部会 通信", footer="Page {n}"), "工業部会 通信",
                  {"source": "seeds/002", "shows": ["fake bold headline and headings", "letter-spaced headings", "page numbers Page n"]}))
    blocks = [Block("title", "対談 荒川区と中小機構 業務連携10周年")] + unwrap_interview(read_seed("004"))
    specs.append(("004_arakawa.pdf", blocks,
                  Layout(margins=(70, 46, 64, 46), columns=2, gutter=24, header="中小機構 広報誌 特集", footer="{n}"),
                  "対談 荒川区と中小機構 業務連携10周年", {"source": "seeds/004", "shows": ["two columns", "full-width title", "page numbers n"]}))
    meta, body = read_dev("ordinance_09")
    specs.append(("dev_ordinance_09.pdf", dev_pdf_blocks(body),
                  Layout(pagesize=A5, margins=(56, 44, 52, 44), header="丸亀市例規集 第8編 産業経済", footer="{n}/{total}"),
                  meta["title"], {"source": "dev/ordinance_09", "uri": meta["source"], "kind": meta["kind"],
                                  "shows": ["A5 one column", "running header", "page numbers n/N"]}))
    meta, body = read_dev("agreement_03")
    blocks = dev_pdf_blocks(body)
    for b in blocks:  # photo captions on top and the agreement's heading run across both columns
        if b.style == "title" or b.text == "宮城大学と大崎市との連携協力に関する協定書":
            b.style = "span"
    specs.append(("dev_agreement_03.pdf", blocks, Layout(margins=(72, 56, 72, 56), columns=2, gutter=26), meta["title"],
                  {"source": "dev/agreement_03", "uri": meta["source"], "kind": meta["kind"],
                   "shows": ["two balanced columns", "full-width block between column sections", "page number - 1 -"]}))
    meta, body = read_dev("summit_05")
    blocks = dev_pdf_blocks(body, heading_style="spaced")
    blocks[1] = Block("h2", blocks[1].text)
    specs.append(("dev_summit_05.pdf", blocks, Layout(footer="{n}"), meta["title"],
                  {"source": "dev/summit_05", "uri": meta["source"], "kind": meta["kind"],
                   "shows": ["fake bold title", "letter-spaced headings with ASCII digits"]}))
    out = []
    for name, blocks, layout, title, info in specs:
        data, text = render_pdf(blocks, layout, title)
        out.append((name, data, text, {**info, "title": title}))
    return out


def write_if_changed(path: Path, data: bytes) -> None:
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)


def main() -> None:
    register_fonts()
    (OUT / "expected").mkdir(parents=True, exist_ok=True)
    (OUT / "gold").mkdir(parents=True, exist_ok=True)
    manifest = {}
    for name, data, text, info in (make_html_samples() + make_pdf_samples() + make_new_dev_samples()
                                   + layouts.make_layout_samples()):
        write_if_changed(OUT / name, data)
        write_if_changed(OUT / "expected" / f"{name}.txt", (text.rstrip("\n") + "\n").encode("utf-8"))
        manifest[name] = info
    for gold in ("seeds.json", "dev.json"):
        shutil.copyfile(SHARED / "gold" / gold, OUT / "gold" / gold)
    write_if_changed(OUT / "manifest.json", (json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode())
    print(f"wrote {len(manifest)} samples to {OUT}")


if __name__ == "__main__":
    main()
