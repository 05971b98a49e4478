"""Samples of the page layouts real municipal PDFs are full of (issues 13 and 23), in our own words.

Every sentence here was written for these samples (about a made-up city, みなと市, and made-up
partners): no page text of anyone else. Gives `make_layout_samples()`: (file name, PDF bytes,
content text in reading order, manifest entry) for

- layout_spanning.pdf: two balanced columns under a heavy fake-bold banner that crosses the
  gutter with ideographic spaces right over it, and a heading over both columns between two
  column sections;
- layout_tables.pdf: a history of a forum (回 / 開催年月 / 開催地 / テーマ) and a list of
  agreements (締結日 / 相手方 / 内容) as unruled tables: cells at tab stops, long cells wrapped
  inside their column;
- layout_ruled_table.pdf: the same history as a ruled table with narrow, wrapped cells;
- layout_vertical.pdf: 縦書き, each character drawn upright one under another, columns right to
  left, under a horizontal title and over a horizontal note;
- layout_vertical_cid.pdf: 縦書き in a vertical CID font (UniJIS-UCS2-V), one string per column;
- layout_vertical_numbers.pdf: 縦書き drawn cell by cell, numbers of two digits set side by side
  in one cell (縦中横), a paragraph whose last column holds two characters;
- layout_short_column.pdf: an article poured into two columns that are filled one after the
  other, not balanced: on its last page the second column holds three lines at the top; lines
  broken at any character, so a number is wrapped inside (「…市内に4」/「0カ所…」);
- layout_below_block.pdf: a title and a lead paragraph over the full width, two columns under
  them (the second short), and a contact block over the full width under both;
- layout_three_columns.pdf: three columns under a title, the third short;
- layout_table_in_column.pdf: two columns, an unruled table inside the left one and a ruled
  table inside the right one;
- layout_body_heading.pdf: two column sections parted by a heading in the body's own size and
  font that runs over the gutter;
- layout_date_line.pdf: one column whose title has the date set flush right on its line, and a
  signature line the same way: two lines far apart are not two columns;
- layout_item_markers.pdf: one column of items (1) … (7) at line starts, the text hung after
  the marker, long items wrapped under their text.

A table's content text is one line per row with its cells separated by a tab.
"""
from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, A5
from reportlab.pdfgen import canvas

from scripts.samplegen.render import (MINCHO, NO_LINE_END, NO_LINE_START, STYLES, Block, Item, Layout, Table, _draw_table_row,
                                      _table_rows, block_items, draw_chrome, draw_item, render_pdf, render_sheet,
                                      render_vertical, text_width)

CITY = "みなと市"

# ---------------------------------------------------------------- our own text

ARTICLE = [  # a city's notice about its support for small businesses, in paragraphs
    "みなと市は、市内の中小企業が新しい販路を開く取組を後押しするため、今年度から経営相談の窓口を広げました。"
    "窓口には金融機関で融資を担当していた職員や技術士が交代で詰め、資金繰りから製品の改良まで幅広い相談に応じています。",
    "相談は予約制で、一回あたりおおむね一時間です。初めての方も何度目かの方も費用はかかりません。"
    "相談の中身が外に漏れることはなく、必要なときは分野ごとの専門家を紹介します。",
    "昨年度の相談は延べ五百件を超え、その三割ほどが事業の引継ぎに関するものでした。"
    "後継ぎの決まっていない事業者は年ごとに増えており、早めに準備を始めることが大切です。",
    "市は商工会議所や地元の信用金庫と手を組み、事業を譲りたい人と新しく事業を始めたい人とを結ぶ仕組みを整えています。"
    "秋には双方が直接話せる交流会を開く予定です。",
    "ものづくりの現場では、人手の不足を補う機械化や、紙の記録を電子化する作業が課題になっています。"
    "市は設備を入れる費用の一部を補助する制度を設け、申請の書類も以前より少なくしました。",
    "補助を受けられるのは、市内に事業所を置く中小企業と個人事業主です。"
    "申請は一つの事業所につき年度ごとに一回までで、上限額は百万円です。",
    "制度の説明会は五月と六月に市役所の会議室で開きます。会場が狭いため、各回とも先着三十名で締め切ります。"
    "参加を希望する方は、前日までに電話かメールでお申し込みください。",
    "これからも市は、事業者の声を聞きながら支援の中身を見直していきます。"
    "窓口や制度について気づいたことがあれば、遠慮なくお寄せください。",
]
FORUM = [  # a report of a forum, for the two balanced columns under a banner
    "第三回の産業振興フォーラムは、十月の土曜日に北浜市民会館で開かれ、近隣の市町からも合わせて二百人ほどが集まりました。",
    "午前の部では、三つの町工場の経営者が、取引先を海外に広げた経緯や、若手の職人を育てる工夫について順に話しました。"
    "会場からは、言葉の壁をどう越えたのかという質問が相次ぎました。",
    "昼の休憩には、地元の高校生が考えた弁当の試食会があり、用意した百食はすぐになくなりました。",
    "午後の部の前には、来年の開催地が南原町に決まったことが発表され、町長が会場にあいさつしました。",
    "午後の部では、商店街と工場が一緒に作った土産物の売れ行きが報告されました。"
    "包装を工夫しただけで売上げが倍になった例もあり、参加者は熱心にメモを取っていました。",
    "続く意見交換では、駐車場が足りない、案内の看板がわかりにくいといった声が出され、"
    "市の担当者が来年度の予算で手当てすると答えました。",
    "最後に、参加した市町の代表が、互いの催しを紹介し合う取組を続けることを確かめ合い、フォーラムは閉会しました。",
]
HISTORY = [  # the forum's history: 回, 開催年月, 開催地, テーマ (the forum and its themes are made up)
    ["回", "開催年月", "開催地", "テーマ"],
    ["第1回", "平成28年10月15日", "北浜市", "まちの工場を次の世代へ"],
    ["第2回", "平成29年11月11、12日", "南原町", "地域の技を磨き、外へ伝える-職人と若者が出会う場づくり-"],
    ["第3回", "平成30年10月20日", "北浜市", "商店街のにぎわいを取り戻すために"],
    ["第4回", "令和元年11月9日", "東山村", "農と工をつなぐ新しい仕事づくり"],
    ["第5回", "令和3年2月6日", "オンライン", "離れていても続けられる商いの工夫"],
    ["第6回", "令和4年10月22、23日", "西岡市", "若い担い手が働き続けられる職場とは何か-採用から定着まで-"],
    ["第7回", "令和5年11月18日", "南原町", "小さな会社の脱炭素"],
]
AGREEMENTS = [  # a city's list of agreements (the partners are made up)
    ["締結日", "相手方", "内容"],
    ["平成30年4月1日", "北浜信用金庫", "創業の支援と事業の引継ぎに関する連携協定"],
    ["令和元年7月10日", "港北大学", "人材の育成や地域産業の振興など六つの分野の連携協力に関する協定"],
    ["令和2年12月3日", "みなと商工会議所", "災害時の事業継続の支援に関する協定"],
    ["令和5年6月28日", "南原町", "観光と物産の相互紹介に関する協定"],
]
VERTICAL = [  # paragraphs for 縦書き, each longer than a column
    "みなと市と港北大学は、地域の産業と人材の育成について互いに協力することを約束し、"
    "市役所の会議室で市長と学長が協定書に署名しました。",
    "大学は学生の実習先として市内の工場や商店を紹介してもらい、市は大学の研究者から"
    "製品の改良や販路の開拓について助言を受けます。学生が地元の会社で働く機会を増やすことも目指します。",
    "協定の期間は三年で、どちらからも申し出がなければ一年ずつ延びます。"
    "取組の内容は、年に一度開く連絡会議で振り返り、次の年度の計画に生かします。",
]


# ---------------------------------------------------------------- a page composer: columns filled one after the other

@dataclass
class Pair:
    """A line with a text flush left and another flush right (a title and its date)."""

    left: str
    right: str
    style: str = "head"

    @property
    def text(self) -> str:
        return f"{self.left}\n{self.right}"


@dataclass
class Hanging:
    """A list item: a marker, and the text hung after it (its wrapped lines start under the text)."""

    marker: str
    body: str
    hang: float = 3.0  # em from the marker's start to the text's

    @property
    def text(self) -> str:
        return self.marker + self.body


@dataclass
class Wide:
    """A part over the full width of a page with columns (any part but a table)."""

    part: object


def char_wrap(text: str, style: str, width: float, indent: float) -> list[str]:
    """A paragraph broken at any character (western words too, as many tools do) to fill `width`;
    a line does not start with 、。」 nor end with 「 (they are carried over with a neighbour)."""
    st = STYLES[style]
    lines, cur, used, avail = [], "", 0.0, width - indent
    for ch in text:
        w = text_width(ch, st)
        if cur and used + w > avail + 0.01:
            carry = ""
            while len(cur) > 1 and ((carry or ch)[0] in NO_LINE_START or cur[-1] in NO_LINE_END):
                carry, cur = cur[-1] + carry, cur[:-1]
            lines.append(cur)
            cur, avail = carry, width
            used = text_width(cur, st)
        cur += ch
        used += w
    return lines + [cur] if cur else lines


def _atoms(part, width: float, wrap_chars: bool) -> list[tuple[float, object]]:
    """A part as atoms to stack, each (height, what to draw at x, top, width)."""
    if isinstance(part, Table):  # kept whole in its column
        rows = _table_rows(part)
        return [(sum(height for _, _, height in rows) + 8, ("table", rows, part))]
    if isinstance(part, Pair):
        st = STYLES[part.style]
        return [(st.size * st.leading, ("pair", part, st))]
    if isinstance(part, Hanging):
        st = STYLES["p0"]
        hang = part.hang * st.size
        lines = char_wrap(part.body, "p0", width - hang, 0.0)
        return [(st.size * st.leading, ("item", Item(line, st, hang, justify=i < len(lines) - 1),
                                        part.marker if i == 0 else None)) for i, line in enumerate(lines)]
    if wrap_chars and part.style.startswith("p"):
        st = STYLES[part.style]
        indent = st.indent * st.size
        lines = char_wrap(part.text, part.style, width, indent)
        return [(st.size * st.leading, ("item", Item(line, st, indent if i == 0 else 0.0, justify=i < len(lines) - 1),
                                        None)) for i, line in enumerate(lines)]
    items = block_items(part, width, 0.0)
    return [(it.height + (it.before if i else STYLES[part.style].before), ("item", it, None)) for i, it in enumerate(items)]


def _draw(c: canvas.Canvas, x: float, top: float, width: float, what) -> None:
    if what[0] == "table":
        _, rows, table = what
        top -= 4
        for cells, st, height in rows:
            _draw_table_row(c, x, top, table, cells, st, height)
            top -= height
    elif what[0] == "pair":
        _, pair, st = what
        base = top - st.size * 0.88
        draw_item(c, x, base, width, Item(pair.left, st))
        c.setFont(st.font, st.size)
        c.drawRightString(x + width, base, pair.right)
    else:
        _, it, marker = what
        base = top - it.style.size * 0.88
        if marker is not None:
            c.setFont(it.style.font, it.style.size)
            c.drawString(x, base, marker)
        draw_item(c, x, base, width, it)


def compose(parts: list, L: Layout, title: str, wrap_chars: bool = False, balance: bool = False,
            reserve: float = 0.0) -> tuple[bytes, str]:
    """Pour `parts` (Blocks, Tables, Pairs, Hangings; `Wide` ones over the full width) into the
    layout's columns: each column is filled down to the page's foot before the next one starts
    (not balanced), so an article's last column is as short as its text; or, with `balance`,
    the parts between two wide ones are shared out in columns of about the same height (on one
    page). A wide part goes under the longest column above it; `reserve` pt over the page's foot
    are kept for such a part (columns end higher). Gives the PDF bytes and the content text in
    reading order."""
    pw, ph = L.pagesize
    top, right, bottom, left = L.margins
    full = pw - left - right
    col_w = (full - (L.columns - 1) * L.gutter) / L.columns
    pages: list[list[tuple[float, float, float, object]]] = [[]]  # x, top, width, what
    y = ph - top  # where the current band starts

    def pour(atoms: list[tuple[float, object]]) -> None:
        nonlocal y
        col, used = 0, [0.0] * L.columns
        if balance and atoms:
            target = sum(h for h, _ in atoms) / L.columns
        for height, what in atoms:
            if balance:
                if used[col] > 0 and used[col] + height / 2 > target and col + 1 < L.columns:
                    col += 1
            elif used[col] + height > y - bottom - reserve:
                col += 1
                if col == L.columns:
                    pages.append([])
                    y, col, used = ph - top, 0, [0.0] * L.columns
            pages[-1].append((left + col * (col_w + L.gutter), y - used[col], col_w, what))
            used[col] += height
        y -= max(used)

    pending: list[tuple[float, object]] = []
    for part in parts:
        if not isinstance(part, Wide):
            pending += _atoms(part, col_w, wrap_chars)
            continue
        pour(pending)
        pending = []
        for height, what in _atoms(part.part, full, wrap_chars):
            if y - height < bottom:
                pages.append([])
                y = ph - top
            pages[-1].append((left, y, full, what))
            y -= height
    pour(pending)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=L.pagesize, invariant=1, pageCompression=1)
    c.setTitle(title)
    c.setAuthor("")
    c.setCreator("scripts/make_samples.py")
    pages = [p for p in pages if p]
    for n, page in enumerate(pages, 1):
        draw_chrome(c, L, n, len(pages))
        for x, at, width, what in page:
            _draw(c, x, at, width, what)
        c.showPage()
    c.save()
    return buf.getvalue(), "\n".join(_text(p.part if isinstance(p, Wide) else p) for p in parts)


def _text(part) -> str:
    if isinstance(part, Table):
        return "\n".join("\t".join(row) for row in part.rows)
    return part.text


# ---------------------------------------------------------------- the samples

def spanning() -> tuple[bytes, str, dict]:
    # the two halves of the banner are as wide, so that the ideographic spaces lie over the gutter
    banner = "産業振興フォーラム　　北浜市で開きました"
    blocks = [Block("banner", banner)] + [Block("p", p) for p in FORUM[:4]]
    blocks.append(Block("span", "意見交換で出された声"))
    blocks += [Block("p", p) for p in FORUM[4:]]
    title = "第三回産業振興フォーラムを開きました"
    data, text = render_pdf(blocks, Layout(margins=(72, 56, 72, 56), columns=2, gutter=22), title)
    return data, text, {"title": title, "shows": [
        "two balanced columns", "heavy fake-bold banner over the gutter, ideographic spaces over it",
        "heading over both columns between column sections"]}


def tables(ruled: bool) -> tuple[bytes, str, dict]:
    parts: list = [Block("title", "産業振興フォーラムの開催状況"),
                   Block("p", f"{CITY}と近隣の市町は、地域の産業を盛り上げるため、毎年持ち回りでフォーラムを開いています。"),
                   Block("head", "これまでの開催状況")]
    if ruled:  # narrow columns: dates, places and themes wrap inside their cells
        parts.append(Table(HISTORY, [34, 78, 52, 190], ruled=True))
        parts.append(Block("p", "各回の報告書は、開催した市町の窓口で閲覧できます。"))
        title = "産業振興フォーラムの開催状況(罫線表)"
        data, text = render_sheet(parts, Layout(margins=(76, 120, 72, 120)), title)
        return data, text, {"title": title, "shows": ["ruled table with wrapped cells", "header row"]}
    parts.append(Table(HISTORY, [44, 124, 66, 213]))
    parts.append(Block("head", "連携協定の締結状況"))
    parts.append(Block("p", f"{CITY}がこれまでに結んだ主な連携協定は、次のとおりです。"))
    parts.append(Table(AGREEMENTS, [100, 120, 227]))
    parts.append(Block("p", "協定に基づく取組の状況は、毎年度の事業報告で公表しています。"))
    title = "産業振興フォーラムの開催状況と連携協定"
    data, text = render_sheet(parts, Layout(), title)
    return data, text, {"title": title, "shows": ["unruled tables: cells at tab stops, wrapped cells",
                                                  "rows starting with 第N回 and dates"]}


def vertical(cid: bool) -> tuple[bytes, str, dict]:
    title = "港北大学と連携協定を結びました"
    note = "問い合わせ 産業振興課 電話:0000-00-0000" if not cid else "みなと市 産業振興課"
    data, text = render_vertical(title, VERTICAL, note, Layout(margins=(64, 56, 64, 56)), title, cid_font=cid)
    how = "vertical CID font (UniJIS-UCS2-V), one string per column" if cid else "characters drawn upright one under another"
    return data, text, {"title": title, "shows": ["縦書き: columns right to left", how,
                                                  "horizontal title and note on the same page"]}


def _tcy_cells(text: str) -> list[str]:
    """A paragraph as the cells of a vertical column: one character each, a number of one or two
    digits set side by side in one cell (縦中横)."""
    cells, i = [], 0
    while i < len(text):
        j = i
        while j < len(text) and text[j].isdigit():
            j += 1
        if 1 < j - i <= 2:
            cells.append(text[i:j])
            i = j
        else:
            cells.append(text[i])
            i += 1
    return cells


VERTICAL_NUMBERS = [  # the second ends two cells into its last column
    "みなと市の産業フェアは、今年で12回目を迎えました。10月の二日間に、市内の48の事業所が出店しました。",
    "会場の公園には、地元の高校生が作った案内板が立ち、家族連れや近くの学校の子どもたちでにぎわいました。来年もこの時期に開く予定です。",
]


def vertical_numbers() -> tuple[bytes, str, dict]:
    """縦書き drawn cell by cell with a horizontal font: two-digit numbers side by side in one cell
    (縦中横), and a paragraph whose last column holds two characters."""
    title = "産業フェアを開きました"
    pw, ph = 400.0, 330.0
    size, pitch, per_column = 11.0, 19.8, 16
    c = canvas.Canvas(buf := io.BytesIO(), pagesize=(pw, ph), invariant=1, pageCompression=1)
    c.setTitle(title)
    c.setAuthor("")
    c.setCreator("scripts/make_samples.py")
    draw_item(c, 40, ph - 50, pw - 80, Item(title, STYLES["title"]))
    x, top = pw - 50, ph - 80
    columns = [col for para in VERTICAL_NUMBERS for col in _cells_in_columns([" "] + _tcy_cells(para), per_column)]
    if len(columns[-1]) != 2:
        raise AssertionError("the last paragraph should end two cells into its last column")
    for k, col in enumerate(columns):
        for i, cell in enumerate(col):
            if cell.strip():
                c.setFont(MINCHO, size)
                c.drawCentredString(x - k * pitch, top - (i + 0.88) * size, cell)
    c.showPage()
    c.save()
    return buf.getvalue(), "\n".join([title] + VERTICAL_NUMBERS), {"title": title, "shows": [
        "縦書き drawn cell by cell", "numbers of two digits side by side in one cell (縦中横)",
        "a paragraph's last column two characters long"]}


def _cells_in_columns(cells: list[str], per_column: int) -> list[list[str]]:
    return [cells[i:i + per_column] for i in range(0, len(cells), per_column)]


# with the column width of layout_short_column, the line breaks between the 4 and the 0
NUMBER_WRAP = "また、市内に40カ所ある公民館でも、出張相談を受け付けます。"


def short_column() -> tuple[bytes, str, dict]:
    title = f"中小企業の相談窓口を広げました({CITY})"
    paras = ARTICLE[:6] + [ARTICLE[6] + NUMBER_WRAP, ARTICLE[7]]
    parts = [Wide(Block("title", title))] + [Block("p", p) for p in paras]
    # the page's height leaves three lines of the article for the second column of its last page
    layout = Layout(pagesize=(A5[0], 425), margins=(56, 35, 52, 35), columns=2, gutter=18)
    width = (layout.pagesize[0] - 70 - 18) / 2
    lines = char_wrap(paras[6], "p", width, 10.5)
    if not any(a.endswith("4") and b.startswith("0") for a, b in zip(lines, lines[1:])):
        raise AssertionError("the number is no longer wrapped inside: adjust the sentence before it")
    data, text = compose(parts, layout, title, wrap_chars=True)
    return data, text, {"title": title, "shows": [
        "two columns filled one after the other, not balanced", "last page: the second column three lines long",
        "lines broken at any character: a number wrapped inside a Japanese sentence"]}


def below_block() -> tuple[bytes, str, dict]:
    title = "設備の導入を補助します"
    parts = [Wide(Block("title", title)),
             Wide(Block("p", f"{CITY}は、人手の不足に悩む事業者を支えるため、今年度も設備の導入にかかる費用の一部を補助します。")),
             Block("p", ARTICLE[4]), Block("p", ARTICLE[5]), Block("p", ARTICLE[6]),
             Wide(Block("p0", "問い合わせ先 みなと市 産業振興課 電話:0000-00-0000 受付時間:平日の午前9時から午後5時まで"))]
    layout = Layout(pagesize=(A5[0], 440), margins=(40, 40, 40, 40), columns=2, gutter=18)
    data, text = compose(parts, layout, title, reserve=40)
    return data, text, {"title": title, "shows": [
        "title and lead paragraph over the full width", "two columns starting under them, the second short",
        "a contact block over the full width under both columns"]}


def three_columns() -> tuple[bytes, str, dict]:
    title = "事業の引継ぎを考える方へ"
    parts = [Wide(Block("title", title))] + [Block("p", p) for p in ARTICLE[1:7]]
    layout = Layout(pagesize=(A4[1], 320), margins=(40, 40, 40, 40), columns=3, gutter=20)
    data, text = compose(parts, layout, title)
    return data, text, {"title": title, "shows": ["three columns under a title, filled one after the other",
                                                  "the third column short"]}


def table_in_column() -> tuple[bytes, str, dict]:
    title = "相談窓口の日程"
    schedule = [["日", "場所", "時間"], ["5月8日", "市役所", "午前"], ["5月15日", "北浜公民館", "午後"],
                ["5月22日", "市役所", "終日"], ["5月29日", "南原分室", "午前"]]
    fees = [["区分", "費用"], ["相談", "無料"], ["専門家の派遣", "2回まで無料"], ["交流会", "500円"]]
    parts = [Wide(Block("title", title)),
             Block("p", "五月の相談窓口は、次の日程で開きます。場所によって受付の時間が違いますので、ご注意ください。"),
             Table(schedule, [60, 80, 50]),
             Block("p", "予約は開催日の三日前までにお願いします。空きがあれば当日の受付もいたします。"),
             Block("p", ARTICLE[1]),
             Block("p", "費用は次のとおりです。交流会の参加費は、当日会場でお支払いください。"),
             Table(fees, [90, 90], ruled=True),
             Block("p", "専門家の派遣を三回以上希望する場合は、窓口でご相談ください。")]
    layout = Layout(pagesize=(A4[0], 400), margins=(50, 44, 44, 44), columns=2, gutter=24)
    data, text = compose(parts, layout, title, balance=True)
    return data, text, {"title": title, "shows": ["two columns", "an unruled table inside the left column",
                                                  "a ruled table inside the right column"]}


def body_heading() -> tuple[bytes, str, dict]:
    title = "フォーラムの報告"
    parts = [Wide(Block("title", title))] + [Block("p", p) for p in FORUM[1:4]]
    parts.append(Wide(Block("p0", "◇午後の部 商店街と工場が一緒に作った土産物の報告と、会場との意見交換◇")))
    parts += [Block("p", p) for p in FORUM[4:]]
    layout = Layout(pagesize=(A4[0], 380), margins=(60, 50, 60, 50), columns=2, gutter=22)
    data, text = compose(parts, layout, title, balance=True)
    return data, text, {"title": title, "shows": ["two balanced column sections",
                                                  "a heading in the body's size and font over the gutter between them"]}


def date_line() -> tuple[bytes, str, dict]:
    title = "経営相談の窓口のお知らせ"
    parts = [Pair(title, "令和6年4月1日"), Pair("みなと市 産業振興課", "担当 相談係", "p0"),
             Block("p", ARTICLE[0]), Block("p", ARTICLE[1]), Pair("以上", "みなと市長", "p0")]
    data, text = compose(parts, Layout(pagesize=(A4[0], 460)), title)
    return data, text, {"title": title, "shows": ["one column", "a date flush right on the title's line",
                                                  "a signature line flush left and right: not two columns"]}


def item_markers() -> tuple[bytes, str, dict]:
    title = "補助の対象となる設備"
    items = ["生産の工程を自動にする機械", "在庫や受注を管理するソフトウェア",
             "紙の帳票を読み取って電子の記録にする装置、及びその記録を保存する機器で、三年以上使うもの",
             "作業の安全を高める器具", "省エネルギーの効果が見込まれる空調や照明",
             "従業員が自宅から仕事をするための端末で、事業所の機器と安全につなげられるもの", "その他、市長が認めるもの"]
    parts = [Block("title", title), Block("p", "次に掲げる設備を新しく導入する費用の一部を補助します。")]
    parts += [Hanging(f"({i})", text) for i, text in enumerate(items, 1)]
    parts.append(Block("p", "中古品や、購入ではなく借りて使う設備は対象になりません。"))
    data, text = compose(parts, Layout(pagesize=(A4[0], 520)), title, wrap_chars=True)
    return data, text, {"title": title, "shows": ["one column", "items (1) to (7) at line starts, text hung after the marker",
                                                  "long items wrapped under their text"]}


def make_layout_samples() -> list[tuple[str, bytes, str, dict]]:
    makers = [
        ("layout_spanning.pdf", spanning),
        ("layout_tables.pdf", lambda: tables(False)),
        ("layout_ruled_table.pdf", lambda: tables(True)),
        ("layout_vertical.pdf", lambda: vertical(False)),
        ("layout_vertical_cid.pdf", lambda: vertical(True)),
        ("layout_vertical_numbers.pdf", vertical_numbers),
        ("layout_short_column.pdf", short_column),
        ("layout_below_block.pdf", below_block),
        ("layout_three_columns.pdf", three_columns),
        ("layout_table_in_column.pdf", table_in_column),
        ("layout_body_heading.pdf", body_heading),
        ("layout_date_line.pdf", date_line),
        ("layout_item_markers.pdf", item_markers),
    ]
    out = []
    for name, make in makers:
        data, text, info = make()
        out.append((name, data, text, {**info, "source": "written for the samples"}))
    return out


def main() -> None:
    """Write the layout samples alone: samples/layout_*.pdf, their expected texts and their
    manifest entries (`scripts/make_samples.py` writes them with every other sample)."""
    import json
    from pathlib import Path

    from scripts.samplegen.render import register_fonts

    out = Path(__file__).resolve().parents[2] / "samples"
    register_fonts()
    manifest_path = out / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
    manifest = {name: info for name, info in manifest.items() if not name.startswith("layout_")}
    for name, data, text, info in make_layout_samples():
        (out / name).write_bytes(data)
        (out / "expected" / f"{name}.txt").write_text(text.rstrip("\n") + "\n", encoding="utf-8")
        manifest[name] = info
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
