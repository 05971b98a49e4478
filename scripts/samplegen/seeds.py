"""The five seed samples: the documents this project was created from, rendered as they were published.

Takes ../shared/seeds/*.txt (the folder beside the repository, or $CHUSHO_SHARED) and gives
`make_seed_samples()`: (file name, bytes, content text in reading order, manifest entry) for

- 000_okaya.html: a city page in Shift_JIS with a summit history as a <table>;
- 001_kawaguchi.pdf: a declaration over several pages, running header, page numbers;
- 002_kanagawa.pdf: a newsletter with fake-bold, letter-spaced headings;
- 003_igren.html: an association's page in UTF-8;
- 004_arakawa.pdf: an interview in two columns under a full-width title.

Their texts are the seeds' own; they are the only samples not written by the project.
"""
from __future__ import annotations

import html
import re

from scripts.samplegen.render import Block, Layout, Site, blocks_html, encode_html, html_page, render_pdf
from scripts.samplegen.shared import read_seed

SENTENCE_END = tuple("。！？!?")


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


CITY_NAV = ["ホーム", "組織から探す", "暮らし・手続き", "子育て・教育", "健康・福祉", "産業・しごと", "観光・文化", "市政情報"]
OKAYA = Site("岡谷市", CITY_NAV,
             ["岡谷市役所 〒394-8510 長野県岡谷市幸町8番1号", "電話:0266-23-4811(代表) 開庁時間:午前8時30分から午後5時15分"],
             "Copyright © Okaya City. All Rights Reserved.", "cms")
IGREN = Site("かながわ異業種交流センター", ["ホーム", "イグレンについて", "交流サロン", "プロジェクト", "イベント", "入会案内"],
             ["神奈川県異業種連携協議会 〒231-0015 横浜市中区尾上町5-80 神奈川中小企業センタービル", "電話:045-633-5093"],
             "© 2016 神奈川県異業種連携協議会")


def make_seed_samples() -> list[tuple[str, bytes, str, dict]]:
    out = []
    pages = [("000_okaya.html", okaya_html(), OKAYA, "Shift_JIS", "cp932", "http-equiv",
              ["ホーム", "産業・しごと", "工業", "中小企業都市連絡協議会"],
              {"source": "seeds/000", "shows": ["summit list as a <table>, a theme's second line after <br />",
                                                "〜 and − as cp932 look-alikes, © as a numeric reference"]}),
             ("003_igren.html", igren_html(), IGREN, "UTF-8", "utf-8", "charset",
              ["ホーム", "イグレンについて", "神奈川イグレン"], {"source": "seeds/003"})]
    for name, (markup, text, title), site, charset, codec, meta_style, crumbs, info in pages:
        page = html_page(site, title, crumbs, markup, charset, meta_style)
        shows = [f"{charset} declared by meta {meta_style}", f"site chrome ({site.flavour})"]
        out.append((name, encode_html(page, codec), text,
                    info | {"title": title, "encoding": codec, "shows": shows + info.get("shows", [])}))
    title = "第5回中小企業都市サミット 川口宣言"
    specs = [("001_kawaguchi.pdf", unwrap_declaration(read_seed("001")),
              Layout(header="第5回中小企業都市サミット in 川口"), title,
              {"source": "seeds/001", "shows": ["running header", "page numbers - n -", "wrapped lines", "sentences across pages"]}),
             ("002_kanagawa.pdf", parse_newsletter(read_seed("002")),
              Layout(margins=(70, 64, 70, 64), header="かながわ経済新聞 工業部会 通信", footer="Page {n}"), "工業部会 通信",
              {"source": "seeds/002", "shows": ["fake bold headline and headings", "letter-spaced headings", "page numbers Page n"]})]
    title = "対談 荒川区と中小機構 業務連携10周年"
    specs.append(("004_arakawa.pdf", [Block("title", title)] + unwrap_interview(read_seed("004")),
                  Layout(margins=(70, 46, 64, 46), columns=2, gutter=24, header="中小機構 広報誌 特集", footer="{n}"), title,
                  {"source": "seeds/004", "shows": ["two columns", "full-width title", "page numbers n"]}))
    for name, blocks, layout, title, info in specs:
        data, text = render_pdf(blocks, layout, title)
        out.append((name, data, text, {**info, "title": title}))
    return sorted(out)
