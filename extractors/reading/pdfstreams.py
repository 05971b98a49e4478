"""How large a PDF page's content is once inflated, told without holding it: a cap on compression bombs.

A content stream is compressed (FlateDecode) and a page is drawn from its
streams and the forms (Form XObjects) they draw. A hostile PDF of 2 MB can hold
a stream that inflates to 2 GiB, and both pdfium and pdfminer inflate a page's
streams whole when the page is read (3 GB for that one). `page_content_over`
inflates them piece by piece, as the crawler inflates a response body
(`fetch._inflated`), counting and holding nothing beyond a piece, and stops as
soon as the count passes the cap: a bomb costs a few milliseconds and no memory.
The reader then leaves the page out with a warning (`pdf._read_one`).

Only FlateDecode is counted (deflate reaches 1:1000; the other filters in
page content, ASCIIHex, ASCII85 and RunLength, cannot expand much); a stream
of other filters counts as its raw size. Encrypted streams are deciphered
piece by piece through pdfminer's own decipher first.
"""
from __future__ import annotations

import zlib

from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFStream, resolve1
from pdfminer.psparser import LIT

_PIECE = 1 << 20  # most bytes inflated at one step
_FORM = LIT("Form")
_DEPTH = 8  # forms drawn inside forms are followed this deep


def _inflated_size(stream: PDFStream, cap: int) -> int:
    """The stream's size once its filters are undone (FlateDecode counted piece by piece), at most
    just over `cap`."""
    if stream.data is not None:
        return len(stream.data)
    data = stream.rawdata or b""
    filters = stream.get_filters()
    if not filters or filters[0][0] not in LITERALS_FLATE_DECODE:
        return len(data)
    if stream.decipher and stream.objid is not None:
        data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
    inflater = zlib.decompressobj()
    total = 0
    try:
        while data and not inflater.eof and total <= cap:
            total += len(inflater.decompress(data, _PIECE))
            data = inflater.unconsumed_tail
            while not data and not inflater.eof and total <= cap:  # output still pending
                piece = inflater.decompress(b"", _PIECE)
                if not piece:
                    break
                total += len(piece)
    except zlib.error:
        pass  # corrupt: what inflated so far is all there is (pdfminer reads it the same way)
    return total


def _forms(resources, depth: int, seen: set[int]):
    """The streams of the forms (Form XObjects) a resource dictionary names, and of the forms they name."""
    resources = resolve1(resources)
    xobjects = resolve1(resources.get("XObject")) if isinstance(resources, dict) else None
    if depth >= _DEPTH or not isinstance(xobjects, dict):
        return
    for ref in xobjects.values():
        form = resolve1(ref)
        if isinstance(form, PDFStream) and resolve1(form.attrs.get("Subtype")) is _FORM and id(form) not in seen:
            seen.add(id(form))
            yield form
            yield from _forms(form.attrs.get("Resources"), depth + 1, seen)


def _streams(page_obj):
    """A pdfminer page's content streams (its /Contents), then those of the forms it may draw."""
    contents = resolve1(page_obj.attrs.get("Contents"))
    for item in contents if isinstance(contents, list) else [contents]:
        item = resolve1(item)
        if isinstance(item, PDFStream):
            yield item
    yield from _forms(page_obj.attrs.get("Resources"), 0, set())


def page_content_over(page_obj, cap: int) -> int | None:
    """The inflated size of a pdfminer page's content (its streams and the forms they draw) when it is over
    `cap` bytes (counted up to just past it), else None."""
    total = 0
    for stream in _streams(page_obj):
        total += _inflated_size(stream, cap - total)
        if total > cap:
            return total
    return None
