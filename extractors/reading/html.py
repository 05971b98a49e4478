"""HTML pages to clean Japanese text.

Takes the bytes of a page (and the charset of its HTTP header, if any) and
gives `(text, title, encoding, warnings)`: the main content as normalised text,
with navigation, breadcrumbs, headers, footers and link lists dropped and each
table row kept as one line whose cells are separated by tabs.

Decoding follows the order a browser uses (HTTP header, BOM, `<meta>`) and
checks the declared charset against the bytes: a charset that does not decode
them, or a page that is valid UTF-8 declared as something else, falls back to
detection, with a warning that says so.
"""
from __future__ import annotations

import codecs
import re

import lxml.etree
import lxml.html
from charset_normalizer import from_bytes

from extractors.errors import ExtractionError
from extractors.reading.normalize import normalize_text

# Names browsers treat as aliases: Shift_JIS pages are in practice CP932 (NEC/IBM
# extensions, ① ～ etc.), and EUC-JP pages often carry CP51932/eucJP-ms characters.
_CHARSET_ALIASES = {
    "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932", "s-jis": "cp932",
    "ms_kanji": "cp932", "windows-31j": "cp932", "csshiftjis": "cp932", "ms932": "cp932", "cp932": "cp932",
    "euc-jp": "euc_jp", "x-euc-jp": "euc_jp", "eucjp": "euc_jp", "euc_jp": "euc_jp", "cseucpkdfmtjapanese": "euc_jp",
    "utf8": "utf-8", "utf-8": "utf-8", "iso-2022-jp": "iso2022_jp", "csiso2022jp": "iso2022_jp",
}
_JAPANESE_CODECS = ("utf-8", "cp932", "euc_jp", "iso2022_jp")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_ISO2022_ESC = re.compile(rb"\x1b(?:\$[@B]|\$\(D)")  # JIS X 0208/0212 shift-in
# C0 controls other than tab and line breaks: lxml parses them but refuses them in any
# string set on the tree (moving a tail when a comment or <script> is dropped raised
# "All strings must be XML compatible"); normalize_text drops them anyway.
_CONTROL_CHARS = re.compile(r"[\x01-\x08\x0b\x0e-\x1f]")
# Presentational inline tags, often left unclosed on old pages (<td><font>…</td> per cell):
# libxml2 nests every unclosed one inside the last, and past its depth limit (256, 2048
# with huge_tree) it silently drops the rest of the page. They carry no text structure
# (_linearize treats them as plain inline), so they are removed before parsing.
_PRESENTATIONAL = re.compile(r"</?(?:font|b|i|u|s|strike|big|small|tt|nobr|blink|em|strong)\b[^<>]*>", re.I)

_BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt",
    "dd", "table", "thead", "tbody", "tfoot", "tr", "blockquote", "pre", "address", "figure", "figcaption",
    "hr", "caption", "center", "fieldset", "details", "summary",
}
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "svg", "canvas", "object", "embed",
              "button", "select", "input", "textarea", "map", "head")
_BOILERPLATE_TAGS = ("nav", "header", "footer", "aside", "menu")
# id/class words of site chrome on Japanese municipal CMSs (pankuzu/topicpath = breadcrumbs).
_BOILERPLATE_NAME = re.compile(
    r"(?:^|[-_\s])(?:g?nav(?:i|igation)?|global[-_]?nav\w*|local[-_]?nav\w*|l?menu|breadcrumbs?|bread|pankuzu|"
    r"topic[-_]?path|path[-_]?list|footer|foot|site[-_]?header|header|sidebar|side[-_]?(?:bar|menu|nav)|"
    r"sitemap|skip(?:[-_]?link)?|banner|sns|share|social|page[-_]?top|to[-_]?top|utility|tool[-_]?bar|"
    r"copyright|lang(?:uage)?[-_]?(?:select|switch)|search(?:[-_]?box)?|related)(?:$|[-_\s\d])",
    re.I,
)
_MAIN_NAME = re.compile(r"^(?:main|contents?|main[-_]?(?:contents?|area|body)|contents?[-_]?(?:main|area|body)|"
                        r"article|honbun|tmp_contents|page[-_]?body|entry[-_]?body)$", re.I)


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    alias = _CHARSET_ALIASES.get(name)
    if alias:
        return alias
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _declared_charset(content: bytes, http_charset: str | None) -> tuple[str | None, str]:
    """The charset the page claims, and where the claim comes from."""
    if http_charset and _codec(http_charset):
        return _codec(http_charset), "HTTP header"
    for bom, name in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if content.startswith(bom):
            return name, "BOM"
    m = _META_CHARSET.search(content[:8192])
    if m:
        codec = _codec(m.group(1).decode("ascii", "replace"))
        if codec:
            return codec, "meta tag"
    return None, ""


def _strict(content: bytes, codec: str) -> str | None:
    try:
        return content.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _japanese_score(text: str) -> float:
    """Share of kana among non-ASCII characters: high for correctly decoded Japanese."""
    non_ascii = [c for c in text if ord(c) > 0x7F]
    if not non_ascii:
        return 0.0
    kana = sum(1 for c in non_ascii if "\u3040" <= c <= "\u30ff")
    return kana / len(non_ascii)


def decode_html(content: bytes, http_charset: str | None = None) -> tuple[str, str, list[str]]:
    """Decode page bytes to str; gives (text, codec used, warnings)."""
    warnings: list[str] = []
    declared, where = _declared_charset(content, http_charset)
    if declared in ("utf-16",):
        text = content.decode("utf-16", errors="replace")
        return text, "utf-16", warnings
    body = content[3:] if content.startswith(codecs.BOM_UTF8) else content
    # ISO-2022-JP is 7-bit: every ASCII-compatible codec "decodes" it, to escape-sequence
    # garbage ("$B2#IM;T"). Its escape sequences decide, whatever the page declares.
    if declared != "iso2022_jp" and body.isascii() and _ISO2022_ESC.search(body):
        text = _strict(body, "iso2022_jp")
        if text is not None:
            if declared:
                warnings.append(f"charset {declared} declared in the {where} is wrong: the page is ISO-2022-JP")
            return text, "iso2022_jp", warnings
    if declared:
        text = _strict(body, declared)
        # Valid UTF-8 with non-ASCII bytes is almost never another Japanese
        # encoding: a page declaring Shift_JIS that is valid UTF-8 was mislabelled.
        if text is not None and declared != "utf-8" and _strict(body, "utf-8") is not None and not body.isascii():
            warnings.append(f"charset {declared} declared in the {where} is wrong: the page is UTF-8")
            return body.decode("utf-8"), "utf-8", warnings
        if text is not None:
            return text, declared, warnings
        warnings.append(f"charset {declared} declared in the {where} does not decode the page; detected instead")
    best: tuple[float, str, str] | None = None
    for codec in _JAPANESE_CODECS:
        text = _strict(body, codec)
        if text is not None:
            score = _japanese_score(text)
            if best is None or score > best[0]:
                best = (score, codec, text)
    if best is not None:
        return best[2], best[1], warnings
    # Nothing decodes cleanly: a page in one Japanese codec with a few stray bytes
    # (a footer pasted in another encoding) reads best with the codec that fails least.
    tried = [c for c in dict.fromkeys([declared, *_JAPANESE_CODECS]) if c]
    fewest = min(((body.decode(c, errors="replace").count("\ufffd"), i, c) for i, c in enumerate(tried)))
    if fewest[0] <= max(2, len(body) // 200):
        codec = fewest[2]
        return body.decode(codec, errors="replace"), codec, warnings + [
            f"decoded as {codec}; {fewest[0]} undecodable characters were replaced"]
    guess = from_bytes(body).best()
    if guess is not None and guess.encoding:
        codec = _codec(guess.encoding) or guess.encoding
        return str(guess), codec, warnings + [f"charset detected as {codec} with undecodable bytes"]
    return body.decode("cp932" if declared is None else declared, errors="replace"), declared or "cp932", warnings + [
        "no charset decodes the page; undecodable bytes were replaced"
    ]


def _is_boilerplate(el: lxml.html.HtmlElement) -> bool:
    if el.tag in _BOILERPLATE_TAGS:
        return True
    role = (el.get("role") or "").lower()
    if role in ("navigation", "banner", "contentinfo", "complementary", "search"):
        return True
    names = f"{el.get('id') or ''} {el.get('class') or ''}"
    return bool(names.strip()) and bool(_BOILERPLATE_NAME.search(names)) and not _MAIN_NAME.match(el.get("id") or "")


def _link_density(el: lxml.html.HtmlElement) -> tuple[int, float]:
    text = "".join(el.itertext()).strip()
    links = el.findall(".//a")
    if not text:
        return len(links), 0.0
    link_chars = sum(len("".join(a.itertext()).strip()) for a in links)
    return len(links), link_chars / len(text)


def _is_link_list(el: lxml.html.HtmlElement) -> bool:
    """A list or block that is mostly links (menus, related-page lists)."""
    if el.tag not in ("ul", "ol", "div", "dl", "p", "table"):
        return False
    n, density = _link_density(el)
    return n >= 3 and density > 0.7


def _drop(el: lxml.html.HtmlElement) -> None:
    tail = el.tail
    parent = el.getparent()
    if parent is None:
        return
    if tail and tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _main_root(body: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The element that holds the main content: <main>, role=main or a content id/class."""
    candidates = [el for el in body.iter("main")] + body.xpath(".//*[@role='main']")
    for el in body.iter():
        if not isinstance(el.tag, str):
            continue
        names = [el.get("id") or ""] + (el.get("class") or "").split()
        if any(_MAIN_NAME.match(n) for n in names if n):
            candidates.append(el)
    candidates = [c for c in candidates if len("".join(c.itertext()).strip()) > 0]
    if not candidates:
        return body
    # The outermost candidate with most of the text: nested "contents" divs are common.
    return max(candidates, key=lambda c: len("".join(c.itertext()).strip()))


def _clean_tree(root: lxml.html.HtmlElement) -> None:
    for el in list(root.iter(lxml.etree.Comment, lxml.etree.ProcessingInstruction)):
        _drop(el)
    for el in list(root.iter(*_DROP_TAGS)):
        _drop(el)
    for el in list(root.iter()):
        if isinstance(el.tag, str) and el.getparent() is not None and _is_boilerplate(el):
            _drop(el)
    for el in list(root.iter()):
        if isinstance(el.tag, str) and el.getparent() is not None and _is_link_list(el):
            _drop(el)


def _inline_text(el: lxml.html.HtmlElement) -> str:
    """Text of a table cell: line breaks inside the cell become spaces."""
    parts: list[str] = []
    _linearize(el, parts)
    return " ".join(part.strip() for part in "".join(parts).split("\n") if part.strip())


def _linearize(root: lxml.html.HtmlElement, out: list[str]) -> None:
    """Append the text of root to out: blocks on their own lines, table rows as tab-separated
    cells. Iterative: pages nest up to the parser's depth limit (2048), past Python's recursion limit."""
    stack: list = [root]
    while stack:
        el = stack.pop()
        if isinstance(el, str):
            out.append(el)
            continue
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "br":
            out.append("\n")
        elif tag == "tr":
            cells = [_inline_text(c) for c in el if isinstance(c.tag, str) and c.tag in ("td", "th")]
            out.append("\n" + "\t".join(c for c in cells if c) + "\n")
        elif tag == "img":
            pass  # alt text of images is mostly decoration ("写真", "PDF") on these pages
        else:
            block = tag in _BLOCK_TAGS
            if block:
                out.append("\n")
                stack.append("\n")
            if el.text:
                out.append(el.text)
            for child in reversed(el):  # popped in document order, each followed by its tail
                if child.tail:
                    stack.append(child.tail)
                stack.append(child)
        # tail text of br/tr/img is appended with the element, by its parent


def parse_html(content: bytes, uri: str, http_charset: str | None = None
               ) -> tuple[lxml.html.HtmlElement, str, list[str]]:
    """Page bytes -> (lxml tree, encoding, warnings): the one way pages are decoded and parsed.

    Used for the text (`extract_html`) and for the crawl's links (`extractors.crawling.links`).
    """
    text, encoding, warnings = decode_html(content, http_charset)
    text = _XML_DECL.sub("", text, count=1)
    if "\x00" in text or sum(1 for c in text[:4096] if c == "\ufffd") > 16:
        raise ExtractionError("not_html", f"{uri} is not a readable HTML page (binary content)")
    text = _CONTROL_CHARS.sub("", text).replace("\x0c", "\n")
    text = _PRESENTATIONAL.sub("", text)
    parser = lxml.html.HTMLParser(huge_tree=True)  # one per call: parsers are not shared between threads
    try:
        tree = lxml.html.document_fromstring(text, parser=parser)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise ExtractionError("bad_html", f"{uri} could not be parsed as HTML: {exc}") from exc
    if any("Excessive depth" in e.message for e in parser.error_log):
        warnings = warnings + ["elements nest deeper than the HTML parser's limit; text past that point is lost"]
    return tree, encoding, warnings


def extract_html(content: bytes, uri: str, http_charset: str | None = None) -> tuple[str, str | None, str, list[str]]:
    """Page bytes -> (normalised main text, title, encoding, warnings)."""
    tree, encoding, warnings = parse_html(content, uri, http_charset)
    title_el = tree.find(".//title")
    title = normalize_text(title_el.text_content()) if title_el is not None and title_el.text_content() else None
    body = tree.find("body")
    if body is None:
        body = tree
    root = _main_root(body)
    _clean_tree(root)
    parts: list[str] = []
    _linearize(root, parts)
    lines = [line.strip() for line in "".join(parts).split("\n")]
    main_text = normalize_text("\n".join(line for line in lines if line))
    return main_text, title or None, encoding, warnings
