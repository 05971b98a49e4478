"""Plain text set into an A4 PDF as the team's renderer sets it (IPAex Mincho, lines cut at the
column's width wherever they fall, no 禁則; optionally letter-spaced), read back: what the page's
text says must come out, not what the cutting or the spacing did to it.

- a space drawn between two Japanese words parts them (「北浜和紙フェア 各地の紙すき職人」), as the
  page's own text has it; letter spacing does not, nor a space that spaces out single characters
  (「日 時」); a space a browser prints as a text object of its own reads the same either way;
- a line cut before a 中黒 or a number that reads as a list marker (「…北浜町商工会」/「・北浜市立
  大学」, 「開催(」/「第19回)」) goes on; a list after a colon, and a list's own items, do not;
- a paragraph with runs of spaces in it (minutes: 「開催場所      特別委員会室」) wrapped over
  lines is a paragraph, not a table of its pieces nor lines set apart; a table typed with spaces
  stays a table, and a title and its date typed apart stay a line of their own.
All the text is invented.
"""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from extractors.reading.pdf import extract_pdf
from extractors.settings import Settings

MINCHO = Path("/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf")
ON, OFF = Settings(pdfium_chars=True), Settings(pdfium_chars=False)


def _pdf(paragraphs: list[str], char_space: float = 0.0, width: float = 483.0) -> bytes:
    """Each paragraph from the left margin, cut where the next character would pass `width`."""
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    if not MINCHO.exists():
        pytest.fail("no IPAex font: run scripts/setup.sh")
    pdfmetrics.registerFont(TTFont("Mincho", str(MINCHO)))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    y = 760.0
    for para in paragraphs:
        lines, line, w = [], "", 0.0
        for ch in para:
            cw = pdfmetrics.stringWidth(ch, "Mincho", 10.5) + char_space
            if w + cw > width and line:
                lines.append(line)
                line, w = "", 0.0
            line += ch
            w += cw
        for line in lines + [line]:
            t = c.beginText(56, y)
            t.setFont("Mincho", 10.5)
            t.setCharSpace(char_space)
            t.textOut(line)
            c.drawText(t)
            y -= 16
    c.showPage()
    c.save()
    return buf.getvalue()


def _width(line: str) -> float:
    """A column as wide as `line` set in the body font: the line fills it."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    pdfmetrics.registerFont(TTFont("Mincho", str(MINCHO)))
    return pdfmetrics.stringWidth(line, "Mincho", 10.5) + 1.0


def _read(content: bytes) -> str:
    on, off = extract_pdf(content, "t.pdf", ON), extract_pdf(content, "t.pdf", OFF)
    assert on == off  # pdfium's characters and pdfplumber's read the same
    return on[0]


# ---------------------------------------------------------------- drawn spaces

@pytest.mark.parametrize("char_space", [0.0, 2.0])
def test_a_space_drawn_between_japanese_words_parts_them(char_space):
    text = _read(_pdf(["全国梨サミット 全国の梨の産地が集まり、第3回は鳥取市で開かれた。", "日 時 5月9日"], char_space))
    assert "全国梨サミット 全国の梨の産地が集まり" in text
    assert "日時 5月9日" in text  # single characters spaced out: one word


def test_letter_spacing_is_no_space():
    assert _read(_pdf(["北浜町商工会が青年部の大会を開いた。"], 6.0)) == "北浜町商工会が青年部の大会を開いた。"


def test_a_space_printed_as_a_text_object_of_its_own_is_read():
    """Browsers print a space in another font than its neighbours, as a text object of its own
    that draws nothing: pdfium's text page leaves it out; it is read as pdfplumber reads it."""
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    pdfmetrics.registerFont(TTFont("Mincho", str(MINCHO)))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    x = 56.0
    for part, font in (("北浜町役場", "Mincho"), (" ", "Helvetica"), ("〒000-0000 北浜町1番地", "Mincho")):
        t = c.beginText(x, 760)
        t.setFont(font, 12)
        t.textOut(part)
        c.drawText(t)
        x += pdfmetrics.stringWidth(part, font, 12)
    c.showPage()
    c.save()
    assert _read(buf.getvalue()) == "北浜町役場 〒000-0000 北浜町1番地"


# ---------------------------------------------------------------- lines cut before a marker

def test_a_line_cut_before_a_middle_dot_goes_on():
    first = "北浜商工会議所は4月1日、北浜市と北浜町商工会"  # fills the line to the width below
    text = _read(_pdf([first + "・北浜市立大学と創業の後押しで手を組む協定を交わした。"], width=_width(first)))
    assert "北浜市と北浜町商工会・北浜市立大学と" in text.splitlines()[0]


def test_a_line_cut_after_an_opening_bracket_goes_on():
    first = "2016年、西浜市での開催("
    text = _read(_pdf([first + "第12回)では多くの市町村が参加した。"], width=_width(first)))
    assert text == "2016年、西浜市での開催(第12回)では多くの市町村が参加した。"


def test_a_paragraph_opening_on_a_date_is_no_list_of_what_follows():
    first = "令和4年10月3日から5日まで、西浜市の市民会館で、下記のとおり"
    text = _read(_pdf([first + "第8回全国梨産地交流会を開催しました。"], width=_width(first)))
    assert text == first + "第8回全国梨産地交流会を開催しました。"


def test_a_list_after_a_colon_and_a_list_of_full_items_keep_their_lines():
    lead = "協定の内容は次のとおり:"
    item = "・地域の中小企業の経営を支える取り組み"
    text = _read(_pdf([lead, item, item], width=_width(lead)))
    assert text.splitlines() == [lead, item, item]
    for items in (["(1)地域の中小企業の経営を支える取り組み", "(2)創業を志す人を支える取り組みの強化"],
                  ["・地域の中小企業の経営を支える取り組み", "・創業を志す人を支える取り組みの強化"]):
        text = _read(_pdf(items, width=_width(items[0])))
        assert text.splitlines() == items


# ---------------------------------------------------------------- runs of spaces

def test_a_paragraph_with_runs_of_spaces_is_no_table():
    para = ("西浜市議会 産業委員会 会議録            開催日   令和2年6月3日(水)   開催場所    第二委員会室   "
            "出席委員   8名      北村一郎 委員長     南田二郎 副委員長     東山三郎 委員     西川四郎 委員   "
            "議題   (1)西浜市商店街振興条例の改正案の審査  午後1時30分 開会 ○北村委員長 ただいまから産業委員会を"
            "開会いたします。")
    text = _read(_pdf([para], char_space=2.0))
    assert "\t" not in text
    assert "ただいまから産業委員会を開会いたします。" in text


def test_a_wide_run_of_spaces_inside_a_paragraph_does_not_cut_it():
    first = "西浜市議会 令和2年6月3日産業委員会-06月03日-01号 令和2年6月3日産業委"
    para = first + "員会" + " " * 14 + "産業委員会会議録 開催日 令和2年6月3日(水)、委員長が開会を告げた。"
    text = _read(_pdf([para], char_space=2.0, width=_width(first) + 2.0 * len(first)))
    assert "令和2年6月3日産業委員会 産業委員会会議録 開催日" in text


def test_a_title_and_its_date_typed_apart_stay_a_line_of_their_own():
    title = "北浜町商工会だより" + "　" * 12 + "令和5年4月1日"
    body = "北浜町商工会は、町内の事業所を対象に経営相談会を開きます。相談は無料で、予約は不要です。" * 2
    text = _read(_pdf([title, body], width=_width(title)))
    assert text.splitlines()[0] == "北浜町商工会だより 令和5年4月1日"


def test_a_table_typed_with_spaces_stays_a_table():
    rows = ["第1回　　　　北浜市　　　　　令和元年", "第2回　　　　南浜町　　　　　令和2年",
            "第3回　　　　西浜市　　　　　令和3年", "第4回　　　　東浜村　　　　　令和4年"]
    assert _read(_pdf(rows)).splitlines() == [r.replace("　　　　　", "\t").replace("　　　　", "\t") for r in rows]
