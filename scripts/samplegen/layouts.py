"""Samples of the page layouts real municipal PDFs are full of (issue 13): which texts, drawn how.

Gives `make_layout_samples()`: (file name, PDF bytes, content text in reading order, manifest
entry) for

- layout_spanning.pdf: a two-column report under a heavy fake-bold banner that crosses the gutter
  with an ideographic space right over it, and a heading over both columns between two column
  sections (dev/summit_06);
- layout_tables.pdf: a summit history (seeds/000) and a list of agreements (締結日 / 相手方 / 内容,
  invented from the first dev texts) drawn as unruled tables: cells at tab stops, long cells
  wrapped inside their column;
- layout_ruled_table.pdf: the same summit history as a ruled table with narrow, wrapped cells;
- layout_vertical.pdf: 縦書き, each character drawn upright one under another, columns right to
  left, under a horizontal title and over a horizontal note (dev/agreement_10);
- layout_vertical_cid.pdf: 縦書き in a vertical CID font (UniJIS-UCS2-V), one string per column
  (dev/agreement_02).

A table's content text is one line per row with its cells separated by a tab.
"""
from __future__ import annotations

import re

from scripts.samplegen import catalogue  # read at call time: catalogue imports this module
from scripts.samplegen.render import Block, Layout, Table, render_pdf, render_sheet, render_vertical


def _paragraphs(body: str) -> list[str]:
    return [line.strip(" \u3000\u00a0") for line in body.splitlines() if line.strip(" \u3000\u00a0")]


def summit_rows() -> list[list[str]]:
    """The summit history of seeds/000: 回, 開催年月, 開催都市, メインテーマ (a theme's second line after a space)."""
    lines = [x.strip(" \u00a0") for x in catalogue.read_seed("000").splitlines() if x.strip(" \u00a0")]
    start = lines.index("サミットの開催状況") + 2
    rows: list[list[str]] = [["回", "開催年月", "開催都市", "メインテーマ"]]
    for line in lines[start:]:
        if line[0] in "−〜―":
            rows[-1][3] += " " + line
        elif re.match(r"^第\d+回 ", line):
            rows.append(line.split(" ", 3))
        else:
            break
    return rows


AGREEMENTS = [  # invented from the first dev texts, in the style of a city's list of agreements
    ["締結日", "相手方", "内容"],
    ["平成19年3月22日", "宮城大学", "人材育成や文化振興、産業振興、まちづくりなど8項目の連携協力に関する協定"],
    ["平成28年1月19日", "大分みらい信用金庫", "地域創生に関する包括連携協定"],
    ["平成29年7月11日", "龍谷大学", "地域社会の発展等に寄与することを目的とする包括連携協定"],
    ["令和2年10月1日", "中小企業基盤整備機構", "創業支援及び事業承継に関する業務連携協定"],
]


def spanning() -> tuple[list[Block], Layout, str, dict]:
    meta, body = catalogue.read_dev("summit_06")
    paras = [p for p in _paragraphs(body) if not p.startswith("取材・撮影")]
    banner = "第12回友好都市サミット　　四万十市で開催しました"  # the ideographic spaces lie over the gutter
    blocks = [Block("banner", banner)]
    blocks += [Block("p", p) for p in paras[:4]]
    blocks.append(Block("span", "産業振興間連携を活かした特色あるまちづくり"))
    blocks += [Block("p", p) for p in paras[4:]]
    info = {"source": "dev/summit_06", "uri": meta["source"], "kind": meta["kind"],
            "shows": ["two columns", "heavy fake-bold banner over the gutter, an ideographic space over it",
                      "heading over both columns between column sections"]}
    return blocks, Layout(margins=(72, 56, 72, 56), columns=2, gutter=22), meta["title"], info


def tables(ruled: bool) -> tuple[list, Layout, str, dict]:
    lines = [x.strip(" \u00a0") for x in catalogue.read_seed("000").splitlines() if x.strip(" \u00a0")]
    intro = lines[lines.index("中小企業都市サミット") + 1]
    parts: list = [Block("title", "中小企業都市サミットの開催状況"), Block("p", intro), Block("head", "サミットの開催状況")]
    if ruled:  # narrow columns: dates, cities and themes wrap inside their cells
        parts.append(Table(summit_rows(), [34, 78, 52, 190], ruled=True))
        parts.append(Block("p", "各回の宣言文は、開催都市のホームページに掲載しています。"))
        info = {"source": "seeds/000", "shows": ["ruled table with wrapped cells", "header row"]}
        return parts, Layout(margins=(76, 120, 72, 120)), "中小企業都市サミットの開催状況(罫線表)", info
    parts.append(Table(summit_rows(), [44, 124, 66, 213]))
    parts.append(Block("head", "連携協定の締結状況"))
    parts.append(Block("p", "本市がこれまでに締結した主な連携協定は、次のとおりです。"))
    parts.append(Table(AGREEMENTS, [100, 120, 227]))
    parts.append(Block("p", "協定に基づく取組の状況は、毎年度の事業報告で公表しています。"))
    info = {"source": "seeds/000 and invented (agreements)",
            "shows": ["unruled tables: cells at tab stops, wrapped cells", "rows starting with 第N回 and dates"]}
    return parts, Layout(), "中小企業都市サミットの開催状況と連携協定", info


def make_layout_samples() -> list[tuple[str, bytes, str, dict]]:
    out = []
    blocks, layout, title, info = spanning()
    data, text = render_pdf(blocks, layout, title)
    out.append(("layout_spanning.pdf", data, text, {**info, "title": title}))
    for name, ruled in (("layout_tables.pdf", False), ("layout_ruled_table.pdf", True)):
        parts, layout, title, info = tables(ruled)
        data, text = render_sheet(parts, layout, title)
        out.append((name, data, text, {**info, "title": title}))
    for name, dev, cid in (("layout_vertical.pdf", "agreement_10", False), ("layout_vertical_cid.pdf", "agreement_02", True)):
        meta, body = catalogue.read_dev(dev)
        paras = _paragraphs(body)
        if dev == "agreement_10":
            heading, paras, note = paras[0], paras[2:6], "お問い合わせ 企画観光部 総合政策課 TEL:0979-22-1111"
        else:
            heading, paras, note = paras[0], paras[1:4], "栗東市 総務部 政策推進課"
        data, text = render_vertical(heading, paras, note, Layout(margins=(64, 56, 64, 56)), meta["title"], cid_font=cid)
        how = "vertical CID font (UniJIS-UCS2-V), one string per column" if cid else "characters drawn upright one under another"
        out.append((name, data, text, {"source": f"dev/{dev}", "uri": meta["source"], "kind": meta["kind"], "title": meta["title"],
                                       "shows": ["縦書き: columns right to left", how, "horizontal title and note on the same page"]}))
    return out
