"""Renderers for the sample inputs: site pages (HTML with municipal chrome) and PDFs (reportlab).

Takes content blocks (`Block`: a style and its text) and gives bytes plus the content text that
was drawn, in reading order:

- `html_page` wraps marked-up content in the chrome of a municipal site (header, global
  navigation, breadcrumbs, footer) in a CMS (XHTML, tmp_* ids) or a semantic (HTML5) flavour;
  `encode_html` encodes it in the page's charset (characters it cannot carry become references);
  `blocks_html` marks blocks up;
- `render_pdf` lays blocks out on pages (`Layout`: size, margins, one or two columns, running
  header/footer) in a `STYLES` style each, with the pitfalls of real documents: justified lines
  wrapped at the column width, paragraphs across page and column breaks, full-width blocks over
  two columns, fake bold (drawn twice 0.3 pt apart) and letter spacing (PDF Tc).

`register_fonts()` must be called once before rendering PDFs (the IPAex fonts). What is rendered,
and from which texts, is `scripts/samplegen/catalogue.py`.
"""
from __future__ import annotations

import html
import io
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from extractors.reading.normalize import normalize_chars  # the normalisation the extractors apply

GOTHIC, MINCHO = "IPAexGothic", "IPAexMincho"
FONT_FILES = {
    GOTHIC: "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf",
    MINCHO: "/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf",
}


@dataclass
class Block:
    style: str  # a key of STYLES (PDF) or an HTML tag name
    text: str


def register_fonts() -> None:
    """Register the IPAex fonts with reportlab, with a clear error when they are not installed."""
    for name, path in FONT_FILES.items():
        if not Path(path).exists():
            raise SystemExit(f"font {name} not found at {path}: apt-get install fonts-ipaexfont")
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, path))


# ---------------------------------------------------------------- HTML

def encode_html(markup: str, encoding: str) -> bytes:
    """Encode a page; a character the charset cannot carry becomes a numeric reference.

    cp932 maps some characters to look-alikes (U+301C 〜 to 0x8160, which decodes
    as U+FF5E ～); that is kept only when both normalise to the same character.
    """
    out = bytearray()
    for ch in markup:
        try:
            raw = ch.encode(encoding)
            if normalize_chars(raw.decode(encoding)) == normalize_chars(ch):
                out += raw
                continue
        except UnicodeEncodeError:
            pass
        out += f"&#x{ord(ch):X};".encode("ascii")
    return bytes(out)


@dataclass
class Site:
    name: str
    nav: list[str]
    footer: list[str]
    copyright: str
    flavour: str = "semantic"  # "semantic" (HTML5 landmarks) or "cms" (XHTML, tmp_* div ids)


def _links(items: list[str], path: str = "/") -> str:
    return "".join(f'<li><a href="{path}{i:02d}/">{html.escape(t)}</a></li>' for i, t in enumerate(items, 1))


def html_page(site: Site, title: str, crumbs: list[str], content: str, charset: str, meta_style: str) -> str:
    """A whole page around `content` (the main text, already marked up)."""
    esc = html.escape
    if meta_style == "http-equiv":
        meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}" />'
    else:
        meta = f'<meta charset="{charset}">'
    crumb_links = "".join(f'<a href="/c{i}/">{esc(c)}</a> &gt; ' for i, c in enumerate(crumbs[:-1]))
    footer = "<br />".join(esc(line) for line in site.footer)
    if site.flavour == "cms":
        return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="ja" xml:lang="ja">
<head>
{meta}
<meta http-equiv="Content-Style-Type" content="text/css" />
<title>{esc(title)}</title>
<link href="/shared/style/default.css" rel="stylesheet" type="text/css" media="all" />
<script type="text/javascript" src="/shared/js/common.js"></script>
</head>
<body>
<div id="tmp_wrapper">
<div id="tmp_header">
<p id="tmp_logo"><a href="/"><img src="/shared/images/logo.gif" alt="{esc(site.name)}" width="240" height="50" /></a></p>
<ul id="tmp_hnavi"><li><a href="/sitemap.html">サイトマップ</a></li><li><a href="/foreign/">Foreign Language</a></li><li><a href="/moji.html">文字サイズ・色の変更</a></li></ul>
</div>
<div id="tmp_gnavi"><ul>{_links(site.nav, "/menu")}</ul></div>
<div id="tmp_pankuzu"><p>{crumb_links}{esc(crumbs[-1])}</p></div>
<div id="tmp_wrap_main">
<div id="tmp_contents">
{content}
<div class="pagetop"><a href="#tmp_header">このページの先頭へ</a></div>
</div>
<div id="tmp_lnavi"><h2>このカテゴリの情報</h2><ul>{_links(crumbs + site.nav[:3], "/cat")}</ul></div>
</div>
<div id="tmp_footer">
<p>{footer}</p>
<p id="tmp_copyright">{esc(site.copyright)}</p>
</div>
</div>
</body>
</html>
"""
    return f"""<!DOCTYPE html>
<html lang="ja">
<head>
{meta}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}</title>
<link rel="stylesheet" href="/assets/css/style.css">
<script src="/assets/js/app.js" defer></script>
</head>
<body>
<a class="skip-link" href="#main">本文へスキップ</a>
<header class="site-header">
<p class="site-title"><a href="/">{esc(site.name)}</a></p>
<div class="search-box"><form action="/search/"><input type="text" name="q" placeholder="サイト内検索"><button>検索</button></form></div>
</header>
<nav class="global-nav" aria-label="メインメニュー"><ul>{_links(site.nav, "/menu")}</ul></nav>
<nav class="breadcrumbs" aria-label="現在位置"><ol><li><a href="/">ホーム</a></li>{_links(crumbs[1:-1], "/c")}<li aria-current="page">{esc(crumbs[-1])}</li></ol></nav>
<main id="main">
<article class="entry">
{content}
</article>
<div class="sns-share"><ul><li><a href="#">Facebook</a></li><li><a href="#">X</a></li><li><a href="#">LINE</a></li></ul></div>
</main>
<footer class="site-footer">
<address>{footer}</address>
<p class="copyright"><small>{esc(site.copyright)}</small></p>
<p class="page-top"><a href="#">ページの先頭へ</a></p>
</footer>
</body>
</html>
"""


def blocks_html(blocks: list[Block]) -> tuple[str, str]:
    """Blocks (style = "tag" or "tag.class") as markup, and the content text they show."""
    parts, texts = [], []
    for b in blocks:
        tag, _, cls = b.style.partition(".")
        attrs = f' class="{cls}"' if cls else ""
        inner = "<br />".join(html.escape(x) for x in b.text.split("\n"))
        parts.append(f"<{tag}{attrs}>{inner}</{tag}>")
        texts.append(b.text)
    return "\n".join(parts), "\n".join(texts)


# ---------------------------------------------------------------- PDF layout

@dataclass(frozen=True)
class Style:
    font: str = MINCHO
    size: float = 10.5
    leading: float = 1.75  # line pitch as a multiple of the size
    indent: float = 1.0  # first-line indent in em
    align: str = "justify"  # justify / left / center
    before: float = 0.0  # pt above the block
    after: float = 0.0
    bold: bool = False  # fake bold: drawn twice, 0.3 pt apart
    charspace: float = 0.0  # letter spacing (PDF Tc), pt
    keep: bool = False  # kept with the next line (headings are not left at a column foot)
    smear: tuple[float, ...] = (0.0, 0.3)  # fake bold: x offsets of the copies drawn


STYLES = {
    "p": Style(),
    "p0": Style(indent=0),
    "title": Style(GOTHIC, 17, 1.5, 0, "center", 0, 14, bold=True),
    "headline": Style(GOTHIC, 24, 1.4, 0, "left", 0, 6, bold=True, keep=True),
    "h2": Style(GOTHIC, 14, 1.5, 0, "left", 14, 2, bold=True, charspace=6, keep=True),
    "h3": Style(GOTHIC, 12, 1.5, 0, "left", 2, 6, charspace=4, keep=True),
    "head": Style(GOTHIC, 10.5, 1.75, 0, "left", 6, 0, keep=True),
    "spaced": Style(GOTHIC, 11, 1.7, 0, "left", 8, 2, charspace=5, keep=True),
    "speaker": Style(GOTHIC, 10, 1.7, 0, "left", 6, 0, keep=True),
    "small": Style(GOTHIC, 8, 1.5, 0, "left"),
    "caption": Style(GOTHIC, 8, 1.5, 0, "center", 6, 6),
    "span": Style(GOTHIC, 12, 1.6, 0, "center", 10, 10, bold=True),
    # a banner over both columns: heavy fake bold (four copies, 1.8 pt in all), wide letter spacing
    "banner": Style(GOTHIC, 17, 1.5, 0, "center", 0, 12, bold=True, charspace=2, smear=(0.0, 0.6, 1.2, 1.8)),
}
SPANNING = ("title", "span", "banner")  # full-width blocks on two-column pages
NO_LINE_START = set("、。，．,.・：:；;？?！!）)］]｝}」』】〕〉》ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〜")
NO_LINE_END = set("（([［｛{「『【〔〈《")


@dataclass
class Layout:
    pagesize: tuple[float, float] = A4
    margins: tuple[float, float, float, float] = (76, 74, 72, 74)  # top, right, bottom, left
    columns: int = 1
    gutter: float = 22
    header: str | None = None  # running header, drawn on every page
    footer: str | None = "- {n} -"  # page number format ({n} page, {total} pages)
    balance: bool = True  # the last two-column section in columns of equal height; else the second column is short


@dataclass
class Item:
    """One line of text to draw."""
    text: str
    style: Style
    indent: float = 0.0
    justify: bool = False
    before: float = 0.0  # pt above it, unless it opens a column

    @property
    def height(self) -> float:
        return self.style.size * self.style.leading


def text_width(text: str, st: Style) -> float:
    return pdfmetrics.stringWidth(text, st.font, st.size) + st.charspace * len(text)


def wrap(text: str, st: Style, width: float, indent: float) -> list[str]:
    """Break a paragraph into lines that fill `width`, with kinsoku (no 、。」 at a line start)."""
    words = re.findall(r"[A-Za-z0-9][A-Za-z0-9.,:/@_%'&+-]*|\s|.", text)  # western words stay whole
    tokens = [t for w in words for t in (list(w) if text_width(w, st) > width else [w])]
    lines: list[list[str]] = []
    cur: list[str] = []
    used, avail = 0.0, width - indent
    for t in tokens:
        w = text_width(t, st)
        if t.isspace() and not cur:
            continue
        if cur and used + w > avail + 0.01:
            carry: list[str] = []
            if not t.isspace():
                # Oidashi: push the last token down rather than start a line with 。 or end one with 「.
                while len(cur) > 1 and ((carry or [t])[0][0] in NO_LINE_START or cur[-1] in NO_LINE_END):
                    carry.insert(0, cur.pop())
            while cur and cur[-1].isspace():
                cur.pop()
            lines.append(cur)
            cur, avail = carry, width
            used = sum(text_width(c, st) for c in cur)
            if t.isspace():
                continue
        cur.append(t)
        used += w
    if cur:
        lines.append(cur)
    return ["".join(line) for line in lines]


def block_items(block: Block, width: float, pending_after: float) -> list[Item]:
    st = STYLES[block.style]
    indent = st.indent * st.size
    lines = wrap(block.text, st, width, indent)
    items = []
    for i, line in enumerate(lines):
        items.append(Item(line, st, indent if i == 0 else 0.0,
                          justify=st.align == "justify" and i < len(lines) - 1 and not st.charspace,
                          before=(st.before + pending_after) if i == 0 else 0.0))
    return items


def stack_height(items: list[Item]) -> float:
    return sum(it.height + (it.before if i else 0.0) for i, it in enumerate(items))


def take(items: list[Item], room: float) -> int:
    """How many of `items` fit in `room` pt; a heading is not left alone at a column foot."""
    used, n = 0.0, 0
    for i, it in enumerate(items):
        need = it.height + (it.before if i else 0.0)
        if used + need > room:
            break
        used += need
        n += 1
    if 0 < n < len(items):
        while n > 1 and items[n - 1].style.keep:
            n -= 1
    return n


class Flow:
    """Pours items into columns, page after page; spanning blocks cross all columns."""

    def __init__(self, layout: Layout) -> None:
        self.L = layout
        pw, ph = layout.pagesize
        top, right, bottom, left = layout.margins
        self.left, self.top, self.bottom = left, ph - top, bottom
        self.width = pw - left - right
        self.col_w = (self.width - (layout.columns - 1) * layout.gutter) / layout.columns
        self.pages: list[list[tuple[float, float, float, Item]]] = [[]]  # per page: x, baseline, width, item
        self.y = self.top

    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.top

    def place(self, items: list[Item], x: float, width: float) -> float:
        y = self.y
        for i, it in enumerate(items):
            if i:
                y -= it.before
            self.pages[-1].append((x, y - it.style.size * 0.88, width, it))
            y -= it.height
        return self.y - y

    def span(self, items: list[Item]) -> None:
        if self.y != self.top:
            self.y -= items[0].before
        if stack_height(items) > self.y - self.bottom:
            self.new_page()
        self.y -= self.place(items, self.left, self.width)

    def columns(self, items: list[Item]) -> None:
        while items:
            room = self.y - self.bottom
            cols: list[list[Item]] = []
            for _ in range(self.L.columns):
                n = take(items, room)
                if n == 0 and self.y == self.top and not cols:
                    n = 1  # taller than a page: place it anyway
                cols.append(items[:n])
                items = items[n:]
            if not items and self.L.columns > 1 and self.L.balance:
                cols = balance(sum(cols, []), room)
            for c, col in enumerate(cols):
                if col:
                    self.place(col, self.left + c * (self.col_w + self.L.gutter), self.col_w)
            if items:
                self.new_page()
            else:
                self.y -= max(stack_height(col) for col in cols)


def balance(items: list[Item], room: float) -> list[list[Item]]:
    """Split the last items of a two-column section into two columns of about equal height."""
    best = (float("inf"), len(items))
    for k in range(1, len(items) + 1):
        h = max(stack_height(items[:k]), stack_height(items[k:]))
        if h <= room and h < best[0]:
            best = (h, k)
    return [items[:best[1]], items[best[1]:]]


def draw_item(c: canvas.Canvas, x: float, y: float, width: float, it: Item) -> None:
    st = it.style
    charspace = st.charspace
    natural = text_width(it.text, st)
    if st.align == "center":
        x += (width - natural + st.charspace) / 2
    else:
        x += it.indent
        extra = width - it.indent - natural
        if it.justify and len(it.text) > 1 and 0 < extra < 3 * st.size:
            charspace += extra / (len(it.text) - 1)  # inter-character justification, as Word does
    for dx in st.smear if st.bold else (0.0,):
        t = c.beginText(x + dx, y)
        t.setFont(st.font, st.size)
        t.setCharSpace(charspace)
        t.textOut(it.text)
        c.drawText(t)


def draw_chrome(c: canvas.Canvas, L: Layout, n: int, total: int) -> None:
    pw, ph = L.pagesize
    top, right, bottom, left = L.margins
    c.setFont(GOTHIC, 8)
    if L.header:  # half-way up the top margin, with a rule under it
        c.drawRightString(pw - right, ph - top / 2, L.header)
        c.setLineWidth(0.4)
        c.line(left, ph - top / 2 - 5, pw - right, ph - top / 2 - 5)
    if L.footer:
        c.setFont(GOTHIC, 9)
        c.drawCentredString(pw / 2, bottom / 2, L.footer.format(n=n, total=total))


def page_line_counts(blocks: list[Block], L: Layout) -> list[int]:
    """How many lines of text each page of `blocks` laid out with `L` holds (nothing is drawn)."""
    return [len(page) for page in lay_out(blocks, L).pages if page]


def lay_out(blocks: list[Block], L: Layout) -> Flow:
    """The blocks poured into pages and columns."""
    flow = Flow(L)
    pending: list[Item] = []
    after = 0.0
    for b in blocks:
        spans = L.columns > 1 and b.style in SPANNING
        if spans:
            flow.columns(pending)
            pending = []
            flow.span(block_items(b, flow.width, after))
        else:
            pending += block_items(b, flow.col_w, after)
        after = STYLES[b.style].after
    flow.columns(pending)
    return flow


def render_pdf(blocks: list[Block], L: Layout, title: str) -> tuple[bytes, str]:
    """Lay out and draw `blocks`; gives the PDF bytes and the content text drawn."""
    flow = lay_out(blocks, L)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=L.pagesize, invariant=1, pageCompression=1)
    c.setTitle(title)
    c.setAuthor("")
    c.setCreator("scripts/make_samples.py")
    pages = [p for p in flow.pages if p]
    for n, page in enumerate(pages, 1):
        draw_chrome(c, L, n, len(pages))
        for x, y, width, it in page:
            draw_item(c, x, y, width, it)
        c.showPage()
    c.save()
    return buf.getvalue(), "\n".join(b.text for b in blocks)


def render_fitted_pdf(blocks: list[Block], layout: Layout, title: str) -> tuple[bytes, str, int]:
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


# ---------------------------------------------------------------- tables and vertical writing

@dataclass
class Table:
    """A table in a one-column flow: rows of cell texts (the first the header), column widths in pt.

    Ruled: a grid of lines around every cell. Unruled: cells at tab stops, as word processors
    draw a list with tabs. A cell too long for its width wraps inside it.
    """
    rows: list[list[str]]
    widths: list[float]
    ruled: bool = False
    style: str = "cell"


STYLES["cell"] = Style(MINCHO, 9.5, 1.5, 0, "left")
STYLES["cellhead"] = Style(GOTHIC, 9.5, 1.5, 0, "left")
CELL_PAD = 4.0  # pt of padding inside a ruled cell


def _table_rows(table: Table) -> list[tuple[list[list[str]], Style, float]]:
    """Each row's cells wrapped in their widths, its style and its height."""
    out = []
    for i, row in enumerate(table.rows):
        st = STYLES["cellhead" if i == 0 else table.style]
        pad = CELL_PAD if table.ruled else 0.0
        cells = [wrap(text, st, w - 2 * pad - (0 if table.ruled else st.size), 0.0) for text, w in zip(row, table.widths)]
        lines = max(len(c) for c in cells)
        out.append((cells, st, lines * st.size * st.leading + 2 * pad))
    return out


def _draw_table_row(c: canvas.Canvas, x: float, y: float, table: Table, cells: list[list[str]], st: Style,
                    height: float) -> None:
    pad = CELL_PAD if table.ruled else 0.0
    cx = x
    for lines, w in zip(cells, table.widths):
        for k, line in enumerate(lines):
            t = c.beginText(cx + pad, y - pad - st.size * 0.88 - k * st.size * st.leading)
            t.setFont(st.font, st.size)
            t.textOut(line)
            c.drawText(t)
        cx += w
    if table.ruled:
        c.setLineWidth(0.5)
        c.line(x, y, cx, y)
        c.line(x, y - height, cx, y - height)
        edge = x
        for w in [0.0] + table.widths:
            edge += w
            c.line(edge, y, edge, y - height)


def render_sheet(parts: list, L: Layout, title: str) -> tuple[bytes, str]:
    """A one-column flow of blocks and `Table`s; gives the PDF bytes and the content text drawn.

    A table's text is one line per row, its cells in order separated by a tab.
    """
    pw, ph = L.pagesize
    top, right, bottom, left = L.margins
    width = pw - left - right
    pages: list[list] = [[]]  # per page: ("item", x, baseline, width, item) or ("row", x, y, cells, style, height, table)
    y, after = ph - top, 0.0
    texts = []
    for part in parts:
        if isinstance(part, Table):
            y -= after + 6
            for cells, st, height in _table_rows(part):
                if y - height < bottom:
                    pages.append([])
                    y = ph - top
                pages[-1].append(("row", left, y, cells, st, height, part))
                y -= height
            after = 8.0
            texts.append("\n".join("\t".join(row) for row in part.rows))
            continue
        items = block_items(part, width, after)
        for i, it in enumerate(items):
            y -= it.before if y != ph - top else 0.0
            if y - it.height < bottom:
                pages.append([])
                y = ph - top
            pages[-1].append(("item", left, y - it.style.size * 0.88, width, it))
            y -= it.height
        after = STYLES[part.style].after
        texts.append(part.text)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=L.pagesize, invariant=1, pageCompression=1)
    c.setTitle(title)
    c.setAuthor("")
    c.setCreator("scripts/make_samples.py")
    for n, page in enumerate(pages, 1):
        draw_chrome(c, L, n, len(pages))
        for entry in page:
            if entry[0] == "item":
                draw_item(c, *entry[1:])
            else:
                _draw_table_row(c, entry[1], entry[2], entry[6], entry[3], entry[4], entry[5])
        c.showPage()
    c.save()
    return buf.getvalue(), "\n".join(texts)


VERTICAL_CID = "HeiseiMin-W3"  # reportlab's built-in CID font, registered with vertical writing (UniJIS-UCS2-V)


def _vertical_columns(text: str, per_column: int, indent: int) -> list[str]:
    """A paragraph cut into columns of `per_column` characters, the first indented; no 、。」 at a column top."""
    chars = list(" " * indent + text)
    cols: list[str] = []
    while chars:
        n = min(per_column, len(chars))
        while 1 < n < len(chars) and chars[n] in NO_LINE_START:
            n -= 1  # oidashi: carry a character over rather than start a column with 。
        cols.append("".join(chars[:n]))
        chars = chars[n:]
    return cols


def render_vertical(title: str, paragraphs: list[str], note: str, L: Layout, doc_title: str,
                    cid_font: bool = False, size: float = 11.0) -> tuple[bytes, str]:
    """A 縦書き page set: a horizontal fake-bold title on top, the paragraphs in vertical columns read
    top to bottom and right to left (indented one character), and a horizontal note at the foot of
    the last page.

    Each character is drawn upright in its cell, one under another, with a horizontal font
    (`cid_font=False`: how many tools emulate vertical writing), or a column is drawn as one
    string in a vertical CID font (`cid_font=True`: Identity-V style CMaps).
    """
    pw, ph = L.pagesize
    top, right, bottom, left = L.margins
    title_st, note_st = STYLES["title"], STYLES["small"]
    col_top = ph - top - title_st.size * 2.4
    col_bottom = bottom + 3 * note_st.size
    per_column = int((col_top - col_bottom) // size)
    pitch = size * 1.8  # from one column's centre to the next
    cols = [col for p in paragraphs for col in _vertical_columns(p, per_column, 1)]
    per_page = int((pw - left - right) // pitch)
    pages = [cols[i:i + per_page] for i in range(0, len(cols), per_page)]
    if cid_font and VERTICAL_CID not in pdfmetrics.getRegisteredFontNames():
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        pdfmetrics.registerFont(UnicodeCIDFont(VERTICAL_CID, isVertical=True))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=L.pagesize, invariant=1, pageCompression=1)
    c.setTitle(doc_title)
    c.setAuthor("")
    c.setCreator("scripts/make_samples.py")
    for n, page in enumerate(pages, 1):
        draw_chrome(c, L, n, len(pages))
        if n == 1:
            draw_item(c, left, ph - top - title_st.size * 0.88, pw - left - right, Item(title, title_st))
        for k, col in enumerate(page):
            x = pw - right - (k + 0.5) * pitch  # the column's centre
            if cid_font:
                c.setFont(VERTICAL_CID, size)
                c.drawString(x, col_top, col.replace(" ", "\u3000"))
                continue
            c.setFont(MINCHO, size)
            for i, ch in enumerate(col):
                if not ch.isspace():
                    c.drawCentredString(x, col_top - (i + 0.88) * size, ch)
        if n == len(pages) and note:
            draw_item(c, left, bottom + note_st.size, pw - left - right, Item(note, note_st))
        c.showPage()
    c.save()
    return buf.getvalue(), "\n".join([title] + paragraphs + ([note] if note else []))


# ---------------------------------------------------------------- a folder of samples

def write_samples(folder: Path, samples: list[tuple[str, bytes, str, dict]]) -> None:
    """Each sample's bytes, its content text as expected/<file name>.txt and manifest.json (what each
    sample is and shows); a file whose bytes are already there is not rewritten."""
    (folder / "expected").mkdir(parents=True, exist_ok=True)

    def put(path: Path, data: bytes) -> None:
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)

    manifest = {}
    for name, data, text, info in samples:
        put(folder / name, data)
        put(folder / "expected" / f"{name}.txt", (text.rstrip("\n") + "\n").encode("utf-8"))
        manifest[name] = info
    put(folder / "manifest.json", (json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode())


# ---------------------------------------------------------------- scanned pages

def render_scan(blocks: list[Block], L: Layout, title: str, dpi: int = 200, skew: float = 0.0,
                seed: int = 0) -> tuple[bytes, str]:
    """Blocks laid out as `render_pdf` lays them out, drawn into grey-scale page images as a scanner
    gives them (slightly grey paper, dark grey ink, a few specks, turned by `skew` degrees), one
    image per PDF page and no text layer; gives the PDF bytes and the content text drawn.

    Fake bold is drawn twice, one pixel apart; letter spacing and justification are not drawn
    (a scan's characters stand where they stand). The specks come from `seed`: same bytes every run.
    """
    import random

    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.utils import ImageReader

    px = dpi / 72
    pw, ph = L.pagesize
    top, right, bottom, left = L.margins
    fonts: dict[tuple[str, float], ImageFont.FreeTypeFont] = {}

    def font(name: str, size: float) -> ImageFont.FreeTypeFont:
        if (name, size) not in fonts:
            fonts[name, size] = ImageFont.truetype(FONT_FILES[name], round(size * px))
        return fonts[name, size]

    def put(draw: ImageDraw.ImageDraw, x: float, baseline: float, text: str, name: str, size: float,
            bold: bool = False) -> None:
        f = font(name, size)
        for dx in (0, 1) if bold else (0,):
            draw.text((x * px + dx, (ph - baseline) * px), text, font=f, fill=30, anchor="ls")

    rng = random.Random(seed)
    pages = [p for p in lay_out(blocks, L).pages if p]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=L.pagesize, invariant=1, pageCompression=1)
    c.setTitle(title)
    c.setAuthor("")
    c.setCreator("scripts/make_samples.py")
    for n, page in enumerate(pages, 1):
        image = Image.new("L", (round(pw * px), round(ph * px)), 232)
        draw = ImageDraw.Draw(image)
        if L.header:
            f = font(GOTHIC, 8)
            put(draw, pw - right - f.getlength(L.header) / px, ph - top / 2, L.header, GOTHIC, 8)
        if L.footer:
            label = L.footer.format(n=n, total=len(pages))
            put(draw, pw / 2 - font(GOTHIC, 9).getlength(label) / px / 2, bottom / 2, label, GOTHIC, 9)
        for x, y, width, it in page:
            st = it.style
            if st.align == "center":
                x += (width - font(st.font, st.size).getlength(it.text) / px) / 2
            else:
                x += it.indent
            put(draw, x, y, it.text, st.font, st.size, st.bold)
        for _ in range(300):
            draw.point((rng.randrange(image.width), rng.randrange(image.height)), fill=rng.randrange(90, 200))
        if skew:
            image = image.rotate(skew, resample=Image.BICUBIC, fillcolor=232)
        c.drawImage(ImageReader(image), 0, 0, width=pw, height=ph)
        c.showPage()
    c.save()
    return buf.getvalue(), "\n".join(b.text for b in blocks)
