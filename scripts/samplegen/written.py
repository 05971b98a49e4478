"""The samples the project wrote: our own sentences carrying public facts, in the forms the pipeline meets.

Takes `scripts/samplegen/texts/*.txt` and gives `make_written_samples()`: (file name, bytes,
content text in reading order, manifest entry) for each. A text is header lines (`key: value`),
a line `---`, and the body in a small markup, one block a line:

    # heading           the page's <h1>, or the PDF's title (fake bold; over both columns)
    ## heading          <h2>, or a PDF heading (letter-spaced with `headings: spaced`)
    ### heading         <h3>, or a smaller PDF heading
    - item              a list item (<li> in a <ul>), or an unindented PDF paragraph
    |# a | b |          a table's header row (<th> cells); on a PDF, the first row of a `Table`
    |= key | value |    a row whose first cell is a <th> (a key-value block)
    | a | b |           a table row
    == text             a block over both columns of a two-column PDF
    anything else       a paragraph

The header says what the text is and how it is published:

    form        page | pdf | pdf-2col | pdf-table | pdf-vertical | pdf-vertical-cid | pdf-scan
    title       the page's <title> or the PDF's title metadata
    kind        agreement | ordinance | summit | negative (the kind of record the text is about)
    facts       public pages where the facts can be checked (the sentences are ours), or the seed text
                that gives them; none on a negative page of common knowledge
    shows       what the sample shows, separated by ';'
    page:       site (a kind of site of `scripts/samplegen/sites.py`: city, bank, university, news,
                reiki, government, association, doyu, jcci), publisher (the site's name), host
                (for the copyright line), address (footer lines, separated by ' / '), charset
                (UTF-8, Shift_JIS, EUC-JP), meta (charset or http-equiv), crumbs (separated by ' > ')
    PDF:        pagesize (A4 or A5), header (a running header, left out on a one-page PDF: seen once it
                cannot be told from the text), footer (the page number's format),
                headings (plain or spaced), widths (a table's column widths in pt), ruled (yes/no),
                note (vertical writing: the horizontal line at the foot), dpi and skew (a scan's resolution
                and tilt in degrees)

A table's content text is one line per row with its cells separated by a tab, as the readers give it.
"""
from __future__ import annotations

import html
from pathlib import Path

from reportlab.lib.pagesizes import A4, A5

from scripts.samplegen.render import (Block, Layout, Site, Table, encode_html, html_page, render_fitted_pdf, render_pdf,
                                      render_scan, render_sheet, render_vertical)
from scripts.samplegen.sites import KIND_FOOTER, KIND_NAV

TEXTS = Path(__file__).with_name("texts")
CODECS = {"UTF-8": "utf-8", "Shift_JIS": "cp932", "EUC-JP": "euc_jp"}
CMS_SITES = ("city", "government", "reiki")  # XHTML with tmp_* div ids; the others HTML5


def read_text(path: Path) -> tuple[dict[str, str], list[str]]:
    """A text's header fields and its body lines (blank lines dropped)."""
    head, sep, body = path.read_text(encoding="utf-8").partition("\n---\n")
    if not sep:
        raise ValueError(f"{path}: no '---' line between the header and the body")
    meta = dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)
    return meta, [line.strip() for line in body.splitlines() if line.strip()]


def cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip("|#= ").split("|")]


def groups(lines: list[str]) -> list[tuple[str, list[str]]]:
    """Body lines as (kind, lines): consecutive table rows one "table", consecutive items one "list",
    any other line a "line" of its own."""
    out: list[tuple[str, list[str]]] = []
    for line in lines:
        kind = "table" if line.startswith("|") else "list" if line.startswith("- ") else "line"
        if kind != "line" and out and out[-1][0] == kind:
            out[-1][1].append(line)
        else:
            out.append((kind, [line]))
    return out


def content_text(lines: list[str]) -> str:
    """What a perfect reader gives: each block a line, a table row's cells joined by tabs."""
    out = []
    for line in lines:
        if line.startswith("|"):
            out.append("\t".join(cells(line)))
        else:
            out.append(line.lstrip("#-= ").strip() if line[:1] in "#-=" else line)
    return "\n".join(out)


# ---------------------------------------------------------------- pages

def page_markup(lines: list[str]) -> str:
    esc = html.escape
    parts: list[str] = []
    for kind, group in groups(lines):
        line = group[0]
        if kind == "table":
            rows = []
            for line in group:
                cs = cells(line)
                if line.startswith("|#"):
                    rows.append("<tr>" + "".join(f'<th scope="col">{esc(c)}</th>' for c in cs) + "</tr>")
                elif line.startswith("|="):
                    rows.append(f'<tr><th scope="row">{esc(cs[0])}</th>' + "".join(f"<td>{esc(c)}</td>" for c in cs[1:])
                                + "</tr>")
                else:
                    rows.append("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in cs) + "</tr>")
            parts.append('<table class="datatable"><tbody>' + "".join(rows) + "</tbody></table>")
        elif kind == "list":
            parts.append("<ul>" + "".join(f"<li>{esc(item[2:].strip())}</li>" for item in group) + "</ul>")
        elif line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            parts.append(f"<h{level}>{esc(line[level:].strip())}</h{level}>")
        else:
            parts.append(f"<p>{esc(line)}</p>")
    return "\n".join(parts)


def make_page(meta: dict[str, str], lines: list[str]) -> tuple[bytes, dict]:
    site_kind, charset = meta["site"], meta.get("charset", "UTF-8")
    footer = [meta["publisher"]] + [x for x in meta.get("address", "").split(" / ") if x] + [KIND_FOOTER[site_kind]]
    site = Site(meta["publisher"], KIND_NAV[site_kind], footer, f"Copyright © {meta['host']}. All Rights Reserved.",
                "cms" if site_kind in CMS_SITES else "semantic")
    crumbs = meta.get("crumbs", f"ホーム > {meta['title']}").split(" > ")
    meta_style = meta.get("meta", "charset")
    page = html_page(site, meta["title"], crumbs, page_markup(lines), charset, meta_style)
    shows = [f"{charset} declared by meta {meta_style}", f"site chrome ({site.flavour})"]
    return encode_html(page, CODECS[charset]), {"encoding": CODECS[charset], "shows": shows}


# ---------------------------------------------------------------- PDFs

def pdf_blocks(lines: list[str], headings: str) -> list:
    """Body lines as render_pdf / render_sheet parts (a table as its rows, the first the header)."""
    parts: list = []
    for kind, group in groups(lines):
        if kind == "table":
            parts.append([cells(line) for line in group])
            continue
        for line in group:
            if line.startswith("== "):
                parts.append(Block("span", line[3:].strip()))
            elif line.startswith("### "):
                parts.append(Block("h3", line[4:].strip()))
            elif line.startswith("## "):
                parts.append(Block("spaced" if headings == "spaced" else "head", line[3:].strip()))
            elif line.startswith("# "):
                parts.append(Block("title", line[2:].strip()))
            elif line.startswith("- "):
                parts.append(Block("p0", line[2:].strip()))
            else:
                parts.append(Block("p", line))
    return parts


def pdf_layout(meta: dict[str, str], columns: int = 1) -> Layout:
    size = A5 if meta.get("pagesize") == "A5" else A4
    margins = (72, 44, 56, 44) if size == A5 else (76, 74, 72, 74)
    if columns == 2:  # the foot of an A5 page left for a picture: the article runs into a short second column
        margins = (80, 48, 120, 48) if size == A5 else (72, 56, 72, 56)
    return Layout(pagesize=size, margins=margins, columns=columns, gutter=24, header=meta.get("header") or None,
                  footer=meta.get("footer", "- {n} -") or None, balance=columns == 1)


def make_pdf(meta: dict[str, str], lines: list[str]) -> tuple[bytes, str, dict]:
    form, title = meta["form"], meta["title"]
    if form in ("pdf-vertical", "pdf-vertical-cid"):
        head, paragraphs = lines[0].lstrip("# "), lines[1:]
        data, text = render_vertical(head, paragraphs, meta.get("note", ""), Layout(margins=(64, 56, 64, 56)), title,
                                     cid_font=form == "pdf-vertical-cid")
        return data, text, {}
    columns = 2 if form == "pdf-2col" else 1
    parts = pdf_blocks(lines, meta.get("headings", "plain"))
    layout = pdf_layout(meta, columns)
    if form == "pdf-table":
        widths = [float(w) for w in meta["widths"].split()]
        parts = [Table(p, widths, ruled=meta.get("ruled") == "yes") if isinstance(p, list) else p for p in parts]
        data, text = render_sheet(parts, layout, title)
        return data, text, {}
    if any(isinstance(p, list) for p in parts):
        raise ValueError(f"{title}: tables need form pdf-table")
    if form == "pdf-scan":
        data, text = render_scan(parts, layout, title, dpi=int(meta.get("dpi", 200)), skew=float(meta.get("skew", 0)))
        return data, text, {"ocr": True}
    if columns == 2:  # as laid out: the short second column is the point
        data, text = render_pdf(parts, layout, title)
        return data, text, {}
    data, text, pages = render_fitted_pdf(parts, layout, title)
    return data, text, {"pages": pages}


def make_written_samples() -> list[tuple[str, bytes, str, dict]]:
    out = []
    for path in sorted(TEXTS.glob("*.txt")):
        meta, lines = read_text(path)
        info = {"source": f"written/{path.stem}", "kind": meta["kind"], "title": meta["title"],
                "facts": meta.get("facts", "").split(), "form": meta["form"]}
        shows = [x.strip() for x in meta.get("shows", "").split(";") if x.strip()]
        if meta["form"] == "page":
            data, extra = make_page(meta, lines)
            name = f"{path.stem}.html"
            text = content_text(lines)
        else:
            data, text, extra = make_pdf(meta, lines)
            name = f"{path.stem}.pdf"
        extra["shows"] = extra.get("shows", []) + shows
        out.append((name, data, text, info | extra))
    return out
