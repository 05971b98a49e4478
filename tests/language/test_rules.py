"""Rule patterns and model candidates with the real ja_ginza tokenizer/model (loaded once)."""
import pytest

from extractors.language.nlp import SUDACHI_MAX_BYTES, chunks, load_patterns, model_candidates, rule_candidates


def test_every_pattern_has_a_unique_id():
    ids = [p["id"] for p in load_patterns()]
    assert len(ids) == len(set(ids)) and all(ids)


@pytest.mark.parametrize("text, label, span, rule", [
    ("2010年は横浜市で「中小企業振興基本条例」が施行", "ORDINANCE", "「中小企業振興基本条例」", "ordinance-quoted"),
    ("○丸亀市産業振興条例", "ORDINANCE", "丸亀市産業振興条例", "ordinance-nouns"),
    ("「川崎市中小企業活性化のための成長戦略に関する条例」を施行", "ORDINANCE",
     "「川崎市中小企業活性化のための成長戦略に関する条例」", "ordinance-quoted"),
    ("第５回中小企業都市サミット", "EDITION", "第5回", "summit-edition"),
    ("第十回中小企業都市サミット", "EDITION", "第十回", None),
    ("第5回中小企業都市サミット", "SERIES", "中小企業都市サミット", "summit-series"),
    ("連携協定を締結した", "AGREEMENT", "連携協定", "agreement-renkei-kyotei"),
    ("包括連携協定を締結", "AGREEMENT", "包括連携協定", "agreement-hokatsu-renkei-kyotei"),
    ("業務提携を結ぶ", "AGREEMENT", "業務提携", None),
    ("連携協定を締結した", "SIGN", "締結", "agreement-sign"),
    ("協定書の調印式が行われた", "SIGN", "調印式", "agreement-sign-ceremony"),
    ("県信用保証協会などは", "ORG", "県信用保証協会", None),
    ("大分みらい信用金庫の", "ORG", "大分みらい信用金庫", None),
    ("相模原商工会議所工業部会", "ORG", "相模原商工会議所", None),
    ("中小機構は", "ORG", "中小機構", None),
    ("栗東市と龍谷大学は", "ORG", "龍谷大学", None),
    ("栗東市と龍谷大学は", "GPE", "栗東市", "gpe-municipality"),
    ("本市では", "SELF", "本市", None),
])
def test_rule_patterns(nlp, text, label, span, rule):
    from extractors.reading.normalize import normalize_text

    text = normalize_text(text)
    found = [c for c in rule_candidates(text) if c.label == label]
    assert span in [c.text for c in found], found
    hit = next(c for c in found if c.text == span)
    assert text[hit.start:hit.end] == hit.text
    if rule:
        assert hit.rule == rule


@pytest.mark.parametrize("text", ["中小企業基本法", "中小企業憲章", "小規模企業振興基本法"])
def test_laws_and_charters_are_not_ordinances(nlp, text):
    assert not [c for c in rule_candidates(text) if c.label == "ORDINANCE"]


def test_chunks_respect_sudachi_limit_and_keep_offsets(nlp):
    para = "中小企業の振興に関する条例を制定した。" * 800 + "\n\n"
    text = para * 3
    pieces = chunks(text)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:]))
    assert all(len(text[s:e].encode()) <= SUDACHI_MAX_BYTES for s, e in pieces)
    cands = rule_candidates(text)  # would raise "Input is too long" without chunking
    assert all(text[c.start:c.end] == c.text for c in cands)


def test_model_candidates_map_labels_and_fix_known_errors(nlp):
    text = "相模原商工会議所と関東経済産業局は、栗東市で協議した。"
    found = {(c.text, c.label) for c in model_candidates(text, [(0, len(text))])}
    assert ("関東経済産業局", "ORG") in found  # GiNZA says Continental_Region
    assert any(label == "GPE" and "栗東市" in t for t, label in found)
    assert all(label in {"ORG", "GPE", "DATE", "EVENT", "FAC"} for _, label in found)
