"""A second agreement signed with the first: 「…も締結した」 after an agreement word.

Takes an `AgreementReader`, the drafts its signing sentences gave and those sentences, and gives one more
draft for each agreement word followed by も and a word of signing (「姉妹都市協定に調印した。…防災の相互支援
協定も交わした」, a headline's 「A市とB市 姉妹都市提携 防災協定も締結」): the same parties signed a second
document at the same ceremony, an agreement of its own (one 協定書, one record: CONTRACT), of the kind its
word says. Its parties are those of the signing told in its sentence or in the nearest signing sentence
above it; its day is its sentence's own, else that signing's.

The drafts carry the rule `ALSO` on the span that states them: `record_types` neither merges such a draft
with the first agreement (the same parties and day) nor gives it the first one's id.
"""
from __future__ import annotations

import re

from extractors.records.agreement_dates import signing_date
from extractors.records.agreement_fields import draft, with_kind_prefix
from extractors.records.spans import Span, as_span

ALSO = "agreement-also"
_ALSO_SIGNED = re.compile(r"[」』]?\s?も\s?(?:締結|結ん|結び|結ぶ|調印|交わ|取り交わ)")
# the words of a name written before the agreement word, back to a particle, a mark or a space
_NAME_BEFORE = re.compile(r"[^\s、。,，「」『』をがはと]{0,20}\Z")


def _kind_span(d: dict) -> Span | None:
    return next((as_span(sp) for sp in d["evidence"] if as_span(sp).field == "kind"), None)


def _source(drafts: list[dict], s: int, e: int, at: int) -> dict | None:
    """The draft of the signing the word at `at` goes with: one told in its own sentence by another word,
    else the one whose sentence ends nearest above it."""
    own = [d for d in drafts if d["_sentence"][0] <= at < d["_sentence"][1]]
    if own:
        return own[0]
    above = [d for d in drafts if d["_sentence"][1] <= s]
    return max(above, key=lambda d: d["_sentence"][1]) if above else None


def also_signed(r, drafts: list[dict], sentences: list[tuple]) -> list[dict]:
    out: list[dict] = []
    seen: set[tuple[int, int]] = set()
    for s, e, _, _ in sentences:
        for w in r.ctx.within(s, e, "AGREEMENT"):
            if (w.start, w.end) in seen or not _ALSO_SIGNED.match(r.text, w.end) or w.text.startswith(("同", "本")):
                continue
            src = _source(drafts, s, e, w.start)
            kind = _kind_span(src) if src else None
            if src is None or "_written" not in src or src.get("_split") or (kind and kind.start < w.end and w.start < kind.end):
                continue  # (the word the signing was read from is no second agreement)
            seen.add((w.start, w.end))
            word = with_kind_prefix(r.text, w)
            name = _NAME_BEFORE.search(r.text, s, word.start)
            title = (r.text[name.start():word.start] if name else "") + word.text
            date, date_ev = signing_date(r, s, e, w.end)
            if date is None:
                date = src["signed_date"]
                date_ev = next((as_span(sp) for sp in src["evidence"] if as_span(sp).field == "signed_date"), None)
            d = draft(r, s, e, word, title, title, list(src["_written"]), date, date_ev)
            d["evidence"][0] = (s, e, ALSO)
            out.append(d)
    return out
