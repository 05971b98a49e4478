"""People who speak or sign for a body: 「A信用金庫の山田太郎理事長」, 「B大・佐藤学長」, 「C市長」.

Takes a document's text and an offset right after a body's name and tells whether
what follows is one of its officials (an optional aside in brackets, の / ・ / a
space, a person's name, an office word) rather than the body acting itself. A
sentence whose every body is written this way names the people at a ceremony
(an attendee line, a photo caption, 「…が協定書に署名した」), not the parties of a
new agreement; so is a sentence whose signing has people for its subject (`people_sign`). The office words are data (`data/offices.json`).
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

_WITNESS = re.compile(r"\s?(?:の|が|も|は)?\s?(?:立ち?会い?|立会人|同席|陪席|臨席|出席のもと|オブザーバー|[(（]オブザーバー)"
                      r"|\s?の\s?(?:協力|支援|仲介|後援|協賛|あっせん|斡旋|橋渡し)(?:を得|を受け|で|により|のもと|の下)")
_OBSERVER_BEFORE = re.compile(r"(?:オブザーバー|立会人|来賓)(?:として|の)\s?\Z")
OFFICES = Path(__file__).resolve().parent.parent / "language" / "data" / "offices.json"


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    words = json.loads(OFFICES.read_text(encoding="utf-8"))["offices"]
    office = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return re.compile(r"\s?(?:[(（][^()（）]{0,40}[)）])?\s?(?:の|・|\s)?\s?"  # an aside, then の / ・ / a space
                      r"(?:[\u4e00-\u9fff々ァ-ヶーぁ-ん]{1,8}?\s?[\u4e00-\u9fff々ァ-ヶーぁ-ん]{0,6}?\s?)?"  # a person
                      rf"(?:{office})(?:\s|氏|さん|様|ら|、|,|と|が|は|の|\(|（|$)")


@lru_cache(maxsize=1)
def _people_sign() -> re.Pattern:
    words = json.loads(OFFICES.read_text(encoding="utf-8"))["offices"]
    office = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return re.compile(rf"(?:{office}|氏)(?:\s?[(（][^()（）]{{0,30}}[)）])?\s?(?:(?:ら|の両氏|両氏|の両者)?(?:とが|が|は)"
                      r"|の\s?(?:[0-9一二三四五六七八九十]+|両)者(?:による|により|で|が|は))")


def people_sign(text: str, start: int, sign_at: int) -> bool:
    """Whether the subject of the signing at sign_at is people, not bodies: an office word or 氏 takes
    が/は before it in text[start:sign_at] (「…の山田理事長と鈴木市長が協定書に署名した」, 「川村所長と
    志田会頭とが覚書に調印した」, 「…両信金の代表者が署名し」; 「A会頭、B市長、C理事長の3者による…締結」: the people counted as
    the signers): a sentence about the ceremony, whose other
    bodies are where it took place or whom the people came from."""
    return bool(_people_sign().search(text, start, sign_at))


@lru_cache(maxsize=1)
def _office_end() -> re.Pattern:
    words = json.loads(OFFICES.read_text(encoding="utf-8"))["offices"]
    return re.compile("(?:" + "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True)) + "|助役|監事|参与|顧問)$")


def ends_with_office(name: str) -> bool:
    """Whether a name is a person's office or a person with it: 教育長, 副市長, 尾賀会頭."""
    return bool(_office_end().search(name.strip()))


def official_after(text: str, end: int) -> bool:
    """Whether text[end:] goes on with an official of the body named before end."""
    return bool(_pattern().match(text, end, min(len(text), end + 60)))


_PLACE_OFFICIAL = re.compile(r"(?<![都道府県])長|知事|議会|議員|職員")  # no 県長 in 新潟県長岡: a town after its prefecture


def place_official_after(text: str, end: int) -> bool:
    """Whether the place named before end goes on with its head, assembly or staff (青葉市長, 県知事, 市議会,
    町職員): the place then names who came, not where a meeting was held."""
    return bool(_PLACE_OFFICIAL.match(text, end))


def observer_before(text: str, start: int) -> bool:
    """Whether the body named at start is introduced as an observer, witness or guest (「オブザーバーとして
    千葉県が参加」, 「来賓の…」)."""
    return bool(_OBSERVER_BEFORE.search(text, max(0, start - 12), start))


def witness_after(text: str, end: int) -> bool:
    """Whether the body named before end (or its official) only witnesses: 「A市長の立ち会いのもと」,
    「A県立会いの下」, 「A市長が同席し」."""
    m = _pattern().match(text, end, min(len(text), end + 60))
    return bool(_WITNESS.match(text, m.end() - 1 if m else end))
