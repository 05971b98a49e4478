"""Organisation names the tokenizer cuts: a character grammar anchored on their kind word.

Takes a text and a span of it and gives (start, end) of organisation names that
hold hiragana or brackets the token patterns of `patterns/orgs.jsonl` cannot read
whole (the tokenizer splits 「一般社団法人ふなばし…」 into a suffix, an auxiliary
and a noun):

- a legal form, then any name characters, then a kind word:
  一般財団法人あおば地域づくり推進機構, 公益財団法人ふなばし産業振興協会;
- a name that starts with hiragana or katakana right after a boundary (a comma,
  a space, a bracket, a line start, or a particle after a word) and ends with a
  kind word: ちいきささえあいセンター, ふなばしまちづくり推進機構;
- a place's kanji (one to four), then such a kana-led rest, after と or a boundary
  (首里まちづくり研究会; not 「本学と…」: no particle right after the kanji);
- either may hold a 「…」 inside (東西「ものづくり」協議会);
- a word that opens a clause (このたび, それに: data) is never the start of a name;
- a name whose Latin letters a PDF or a release sets off by spaces (「三菱東京 UFJ 銀行」,
  「株式会社東西 ABC 信用金庫」): kanji or katakana, a space, capitals, a space, and the
  name's rest up to a kind word (`spaced_latin_names`).

Inside a name no hiragana run may be a particle or a verb ending after a word
(「締結したふなばし機構」 is no name): those end a word, not sit in a name. The
legal forms, kind words and word endings are data (`data/org_grammar.json`).
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

GRAMMAR = Path(__file__).parent / "data" / "org_grammar.json"
GROUP_NOUNS = Path(__file__).parent / "data" / "group_nouns.json"
MAX_NAME = 32
_HIRA = re.compile(r"[ぁ-ゖ]+")
_PARTICLES = "とはがをにでのやもへ"
_COORDINATION = re.compile(r"及び|および|並びに|ならびに|又は|または")
_NAME_CHARS = r"[ぁ-ゖァ-ヺー一-龥々〆ヶA-Za-z0-9・]"


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(GRAMMAR.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def group_nouns() -> dict:
    """data/group_nouns.json: the generic `modifiers` (地元, 県内, 各 …) and the `kinds` of bodies (金融機関,
    大学, 信用金庫 …) that make a kind of body, not a body (read by records.party_groups and records.publisher)."""
    return json.loads(GROUP_NOUNS.read_text(encoding="utf-8"))


def _alternation(key: str) -> str:
    """The words of the grammar's list `key` as a regex alternation, longest first."""
    return "|".join(sorted(map(re.escape, _data()[key]), key=len, reverse=True))


@lru_cache(maxsize=1)
def _particle_words() -> tuple[str, ...]:
    return tuple(_data()["particle_words"])


@lru_cache(maxsize=1)
def _openers() -> tuple[str, ...]:
    return tuple(sorted(_data()["clause_openers"], key=len, reverse=True))


@lru_cache(maxsize=1)
def kind_words() -> tuple[str, ...]:
    """The kind words of an organisation (…商工会議所, …同友会, …協議会: data)."""
    return tuple(_data()["suffixes"])


def ends_in_kind_word(name: str) -> bool:
    """Whether a name ends in a kind word of an organisation (…商工会議所, …同友会, …協議会: data)."""
    return name.endswith(kind_words())


@lru_cache(maxsize=1)
def _grammar() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern, frozenset[str], re.Pattern]:
    legal, suffix = _alternation("legal_forms"), _alternation("suffixes")
    part = rf"(?:{_NAME_CHARS}|「[^「」\n]{{1,20}}」)"
    anchored = re.compile(rf"(?:{legal})\s?{part}{{1,{MAX_NAME}}}?(?:{suffix})")
    kana_led = re.compile(rf"(?:(?<=[、,，\s(（「])|(?<=^)|(?<=[一-龥ァ-ヺー]と)|(?<=[一-龥ァ-ヺー]は)|(?<=[一-龥ァ-ヺー]が))"
                          rf"[ぁ-ゖァ-ヺ]{part}{{0,{MAX_NAME}}}?(?:{suffix})", re.M)
    quoted = re.compile(rf"(?:(?<=[、,，\s(（])|(?<=^)|(?<=[一-龥ァ-ヺー]と)|(?<=[一-龥ァ-ヺー]は)|(?<=[一-龥ァ-ヺー]が))"
                        rf"{_NAME_CHARS}{{0,12}}「[^「」\n]{{1,20}}」{part}{{0,12}}?(?:{suffix})", re.M)
    # 首里まちづくり研究会 after と or a boundary: a place's kanji, then the kana-led rest (not 「本学と…」: no
    # particle right after the kanji)
    placed = re.compile(rf"(?:(?<=[、,，\s(（「])|(?<=^)|(?<=[一-龥ァ-ヺー]と))"
                        rf"[一-龥]{{1,4}}(?![{_PARTICLES}])[ぁ-ゖ]{part}{{0,{MAX_NAME}}}?(?:{suffix})", re.M)
    return anchored, kana_led, quoted, placed, frozenset(_data()["word_endings"]), re.compile(legal)


def opener_length(text: str, start: int, end: int, after_particle: bool = False) -> int:
    """How many characters at the start of the name text[start:end] are no part of it: a word that opens
    a clause (このたび, 今回: data), or hiragana that go on from hiragana before start (この|たび東西大学);
    with `after_particle`, also after a particle that ends a word (a token name's 「…と|もに東西協会」; the
    grammar's names start right after one: 柏市と|かしわ…協議会)."""
    opener = next((w for w in _openers() if text.startswith(w, start) and end - start > len(w) + 1), None)
    if opener:
        return len(opener)
    if start > 0 and _HIRA.match(text, start - 1) and (after_particle or not (
            text[start - 1] in _PARTICLES and (start < 2 or not _HIRA.match(text, start - 2))) or
            any(text.startswith(w, start - 1) for w in _particle_words())):  # 市と|して…協議会: として
        m = _HIRA.match(text, start, end)
        if m and m.end() < end:
            return m.end() - start
    return 0


_VERB_END = re.compile(r"[一-龥々](?:[つるくうすむぶぐぬい]|した|する|ある|いる|れる|られる|った|んだ|いた|えた|きた)(?=[一-龥ァ-ヺ])")


def after_relative_clause(name: str) -> int:
    """Where the name begins after a relative clause written before it (「店舗を持つ|東西銀行」: a verb's
    ending right before kanji or katakana), else 0."""
    last = 0
    for m in _VERB_END.finditer(name):
        last = m.end()
    return last


def _inner_ok(name: str, endings: frozenset[str], legal: re.Pattern) -> bool:
    """No hiragana run after the name's first characters starts with a particle or is a verb ending;
    no coordination (及び) or second legal form inside (two names); no name starts with の, を …"""
    if name[0] in "のをでへがもや" or _COORDINATION.search(name) or legal.search(name, 1):
        return False
    name = re.sub(r"「[^「」]*」", "・", name)  # a quoted part may hold anything
    for m in _HIRA.finditer(name):
        if m.start() == 0:
            continue
        run = m.group()
        if run in endings or run[0] in _PARTICLES or any(run.startswith(w) for w in endings if len(w) >= 2):
            return False
    return True


def find_org_names(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each name of the module docstring in text[start:end], longest at each start."""
    anchored, kana_led, quoted, placed, endings, legal = _grammar()
    out: dict[int, int] = {}
    for pattern in (anchored, kana_led, quoted, placed):
        for m in pattern.finditer(text, start, end):
            if not _HIRA.search(m.group()) and "「" not in m.group():
                continue  # kanji and katakana alone: the token patterns read these
            s, e = m.start(), m.end()
            cut = opener_length(text, s, e)
            if cut:  # 「このたび東西大学工学部と」: the clause's first word is no part of the name
                s += cut
                if not _HIRA.search(text, s, e) and "「" not in text[s:e]:
                    continue
            if _inner_ok(text[s:e], endings, legal) and e > out.get(s, 0):
                out[s] = e
    return sorted(out.items())


@lru_cache(maxsize=1)
def _spaced_latin() -> re.Pattern:
    legal, suffix = _alternation("legal_forms"), _alternation("suffixes")
    word = r"[一-龥々ァ-ヺー]"
    return re.compile(rf"(?:(?:{legal})\s?)?(?<![一-龥々ァ-ヺー]){word}{{1,12}} [A-Z][A-Za-z&]{{1,9}} (?:{word}{{0,10}}?)(?:{suffix})")


def spaced_latin_names(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each name in text[start:end] whose Latin part is set off by spaces (「三菱東京 UFJ 銀行」),
    with the legal form written before it (株式会社); the tokens read such a name as three."""
    return [m.span() for m in _spaced_latin().finditer(text, start, end)]
