"""Hard-wrapped text: line breaks that are no paragraph breaks.

Takes a document's text and gives where a line goes on in the next one. A text
copied from a PDF, or a plain text wrapped at a fixed width, breaks sentences
and names at the width (「…ならびに青葉生活協同」 / 「組合あおばコープ…と…を締結」 /
「しました。」); a page's text breaks only between blocks. A line goes on in the
next when it does not end a sentence (。！？, a closing bracket, a colon) and
it ends with a comma, or the text is wrapped (`Wrapping.width`: at least three lines within a
few characters of its longest lines end mid-sentence) and the line reaches the
width, or the next line starts with an ending or a particle (「しました。」: no heading starts so).

- `Wrapping(text, title).goes_on(line_end)`: whether the line ending at that newline
  goes on in the next (a line that is the page's whole title, its heading, never does);
- `Wrapping(text).names_across(start, end)`: (start, end, name) for each name
  broken by such a newline in text[start:end]: the run of name characters
  before it and the run after it, when together they are a body's name.
"""
from __future__ import annotations

import re

from extractors.language.dates import squeezed
from extractors.records.publisher import is_office_name, is_signing_body

_ENDS_SENTENCE = "。！？!?」』)）:：>＞】"
_MIN_LINE = 15  # shorter lines are headings or list items, never wrapped prose
_SLACK = 0.85
# A line that starts with an ending or a particle goes on from the one above (「締結\nしました」);
# この, その, また, なお, お問い合わせ start sentences and headings.
_CONTINUES = re.compile(r"(?:ます|まし|ませ|いた|いる|います|ている|して|した|します|する|され|させ|[しすさせとはがをにでもへやたてるれらりっん])")
_HIRAGANA = re.compile(r"[ぁ-ゖ]")
_WORD_CHAR = re.compile(r"[一-龥々ァ-ヺー]")
_NAME_BEFORE = re.compile(r"[^\s、。,，()（）「」『』とはがをにでもへやの]+\Z")
_SELF_OPENERS = ("当", "本", "弊", "同")  # 当金庫, 本市, 弊社, 同行: a self-reference starts no wrapped name's rest
# A line that ends with a case particle right after a word (「千葉大学と」, 「東西銀行は」) leaves its clause open:
# no heading or list item ends so
_PARTICLE_END = re.compile(r"[一-龥々ァ-ヺーA-Za-z0-9)）」』][とはがを]\Z")
_NAME_AFTER = re.compile(r"[^\s、。,，()（）「」『』]+?(?=[とはがをにでもへや、。,，()（）「」『』\s]|$)")


# The words an agreement is named by, whole: a break inside one (連携協|力協定) is no line's end
_AGREEMENT_WORDS = ("連携協力協定", "包括連携協定", "連携協定", "協力協定", "業務提携", "業務連携", "協定書", "覚書")
_KANJI_BEFORE = re.compile(r"[一-龥々]+\Z")
_KANJI_AFTER = re.compile(r"[一-龥々]+")


def _word_across(text: str, at: int) -> bool:
    """Whether the newline at `at` breaks an agreement's word: the kanji before and after it end with one
    that begins before the break."""
    before = _KANJI_BEFORE.search(text, max(0, at - 12), at)
    after = _KANJI_AFTER.match(text, at + 1, min(len(text), at + 13))
    if not before or not after:
        return False
    joined = before.group() + after.group()
    return any(joined.endswith(w) and len(w) > len(after.group()) for w in _AGREEMENT_WORDS)


class Wrapping:
    def __init__(self, text: str, title: str | None = None):
        self.text = text
        self.width = self._width()
        key = squeezed(title) if title else ""
        self.title = key if len(key) >= 2 else None

    def _width(self) -> int | None:
        lengths = sorted(len(line.rstrip()) for line in self.text.split("\n") if len(line.strip()) >= _MIN_LINE)
        if len(lengths) < 4:
            return None
        top = lengths[max(0, int(len(lengths) * 0.9) - 1)] if len(lengths) >= 10 else lengths[-1]
        mid_sentence = [line for line in self.text.split("\n")
                        if _SLACK * top <= len(line.rstrip()) <= top + 2 and line.rstrip()[-1:] not in _ENDS_SENTENCE]
        return top if len(mid_sentence) >= 3 else None

    def goes_on(self, newline: int) -> bool:
        """Whether the line that ends at text[newline] == "\\n" goes on in the next line."""
        text = self.text
        if newline <= 0 or newline + 1 >= len(text) or text[newline] != "\n":
            return False
        start = text.rfind("\n", 0, newline) + 1
        line = text[start:newline].rstrip()
        nxt = text[newline + 1:newline + 2]
        if not line or not nxt.strip() or line[-1] in _ENDS_SENTENCE:
            return False
        if self.title is not None and squeezed(line) == self.title:
            return False  # the page's heading, written as its first line: whole, however long
        if line.count("「") > line.count("」") or line.count("(") + line.count("（") > line.count(")") + line.count("）"):
            return True  # a bracket left open: 「…「緊急災\n害対策…協定」を締結」
        if _CONTINUES.match(text, newline + 1) or line[-1] in "、,，" or _PARTICLE_END.search(line):
            return True  # 「締結\nしました」, 「AとBは、\n「…協定」を締結」, 「A大学と\nB大学は…」
        if self.width is not None and len(line) >= _SLACK * self.width:
            return True
        if len(line) >= _MIN_LINE and _word_across(text, newline):
            return True  # 「…に関する連携協\n力協定を結んだ」: an agreement's word broken in two
        return self._name_across(newline) is not None  # 「東西信用\n金庫と…」, 「…公庫\n宇都宮支店は」: a name broken in two

    def _name_across(self, at: int) -> tuple[int, int, str] | None:
        """The name broken by the newline at `at`: the name characters before and after it are a body's
        name together and the part after it is none on its own."""
        text = self.text
        before = _NAME_BEFORE.search(text, max(0, at - 20), at)
        after = _NAME_AFTER.match(text, at + 1, min(len(text), at + 21))
        if not before or not after:
            return None
        name = before.group() + after.group()
        if _HIRAGANA.search(before.group()) or not _WORD_CHAR.match(after.group()):
            return None  # 「…について\n当金庫は」: a word ends before the break, no name runs across it
        if re.search(r"[0-9０-９]", before.group()) or after.group().startswith(_SELF_OPENERS):
            return None  # 「令和3年3月10日\n当金庫は」: a date line above a paragraph that opens on a self-reference
        if is_signing_body(name) and not is_signing_body(after.group()) \
                and (not is_signing_body(before.group()) or is_office_name(after.group())):
            return before.start(), after.end(), name  # 「東西信用\n金庫」, 「中小企業金融公庫\n宇都宮支店」: a body and its office
        return None

    def names_across(self, start: int, end: int) -> list[tuple[int, int, str]]:
        out = []
        text = self.text
        at = text.find("\n", start, end)
        while at != -1:
            found = self._name_across(at) if self.goes_on(at) else None
            if found and found[0] >= start and found[1] <= end:
                out.append(found)
            at = text.find("\n", at + 1, end)
        return out
