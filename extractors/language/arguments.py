"""Predicate–argument structure of signing sentences, read from GiNZA's dependency parse.

Takes a text and the spans of its signing sentences (an agreement word and a
signing predicate: 締結, 調印, 結ぶ, 取り交わす, 交わす, 提携, 署名) and gives
`Argument`s: character spans of the predicate's subject (は/が) and partners
(と, との, との間で), each coordinated name as its own argument (「A、B及びC
は」, 「AとBが」, 「A、Bと」), and whether it holds a proper noun that is no
person's or place's (a company that no kind word ends: 三井住友海上保険).

The patterns are data: spaCy `DependencyMatcher` patterns in
`patterns/*_deps.jsonl`, one a line with an `id` (the argument's `rule`, which
travels into the record's evidence) and a `role`. The parser runs only on the
given spans (the NER pass disables it for speed); the model is the one cached
pipeline of `nlp.load_nlp`. No spaCy object leaves this module.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from extractors.language.nlp import (DEP_PATTERN_SUFFIX, LOAD_LOCK, NLP_LOCK, PATTERN_DIR, chunks, load_nlp,
                                     read_pattern_files)

# Dependencies that make one name of several tokens (宮城 第 一 信用金庫).
_NAME_PARTS = ("compound", "nummod", "flat", "fixed")
# Components the parse needs; NER and the rest are skipped.
_PARSE_DISABLE = ("ner", "compound_splitter")  # bunsetu_recognizer turns nsubj_bunsetu into nsubj


@dataclass(frozen=True)
class Argument:
    role: str  # "subject" | "partner"
    start: int
    end: int
    rule: str  # the dependency pattern's id
    predicate: int  # offset of the signing predicate
    proper: bool = False  # the name holds a proper noun that is no person's or place's (三井住友海上 保険)


def load_dep_patterns() -> list[dict]:
    return read_pattern_files(sorted(PATTERN_DIR.glob(f"*{DEP_PATTERN_SUFFIX}")), ("id", "role", "pattern"))


@lru_cache(maxsize=1)
def _matcher_once():
    from spacy.matcher import DependencyMatcher

    nlp = load_nlp()
    matcher = DependencyMatcher(nlp.vocab)
    roles = {}
    for p in load_dep_patterns():
        matcher.add(p["id"], [p["pattern"]])
        roles[p["id"]] = p["role"]
    return matcher, roles


def _matcher():
    with LOAD_LOCK:
        return _matcher_once()


def _name_span(token) -> tuple[int, int]:
    """Character span of a name ending in token: the token and the name parts before it."""
    subtree = {t.i for t in token.subtree}
    i = token.i
    doc = token.doc
    while i > 0 and (i - 1) in subtree and (doc[i - 1].dep_ in _NAME_PARTS or _glued(doc[i - 1])):
        i -= 1
    return doc[i].idx, token.idx + len(token.text)


def _proper(doc, start: int, end: int) -> bool:
    """Whether the tokens of doc's characters [start, end) hold a proper noun of an organisation or of
    no named kind (三井住友海上, 東京海上日動, アクサ生命) and no person's name: a company's name that
    no kind word ends."""
    tags = [t.tag_ for t in doc if start <= t.idx < end]
    if any(t.startswith("名詞-数詞") for t in tags):
        return False  # 平成28年1月25日: a date, whose era name is a proper noun
    return any(t.startswith("名詞-固有名詞") and "人名" not in t and "地名" not in t for t in tags) and \
        not any("人名" in t for t in tags)


def _glued(token) -> bool:
    """A name part the parser calls nmod: no particle, no comma, written right before the next
    token (寒川町 商工会 -> 寒川町商工会), unlike a coordinated name (「A、B」, 「A及びB」)."""
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.dep_ == "nmod" and not any(c.dep_ in ("case", "punct", "cc") for c in token.children) \
        and nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and token.pos_ in ("NOUN", "PROPN")


def _has_case(token, lemmas: tuple[str, ...] | None = None) -> bool:
    return any(c.dep_ == "case" and (lemmas is None or c.lemma_ in lemmas) for c in token.children)


def _conjuncts(token) -> list:
    """Names coordinated with token: conj children, and nmod children with no case or with と
    (「A、B及びC」 parses as A -nmod-> B -nmod-> C; 「AとBは」 as A -nmod(と)-> B)."""
    out = []
    for c in token.children:
        if c.i >= token.i:
            continue
        if _glued(c) and c.i == token.i - 1:
            continue  # part of the name itself
        if c.dep_ == "conj" or (c.dep_ == "nmod" and (not _has_case(c) or _has_case(c, ("と",)))):
            out.append(c)
            out.extend(_conjuncts(c))
    return out


def signing_arguments(text: str, spans: list[tuple[int, int]]) -> list[Argument]:
    """Subjects and partners of the signing predicates in text[s:e] for each span."""
    if not spans:
        return []
    nlp = load_nlp()
    matcher, roles = _matcher()
    pieces = [(s + a, s + b) for s, e in spans for a, b in chunks(text[s:e])]
    out: list[Argument] = []
    seen: set[tuple[str, int, int]] = set()
    with NLP_LOCK, nlp.select_pipes(disable=[p for p in _PARSE_DISABLE if p in nlp.pipe_names]):
        for (start, _end), doc in zip(pieces, nlp.pipe(text[s:e] for s, e in pieces)):
            for match_id, token_ids in matcher(doc):
                rule = nlp.vocab.strings[match_id]
                sign, arg = doc[token_ids[0]], doc[token_ids[-2]]  # patterns end with: arg, its case
                for t in [arg, *_conjuncts(arg)]:
                    s, e = _name_span(t)
                    key = (roles[rule], start + s, start + e)
                    if key not in seen:
                        seen.add(key)
                        out.append(Argument(roles[rule], start + s, start + e, rule, start + sign.idx,
                                            _proper(doc, s, e)))
    return sorted(out, key=lambda a: (a.start, a.role))
