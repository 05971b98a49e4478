"""Subjects and partners of signing predicates from GiNZA's dependency parse."""
import pytest

from extractors.language.arguments import load_dep_patterns, signing_arguments


def test_dependency_patterns_have_ids_and_roles():
    patterns = load_dep_patterns()
    assert len({p["id"] for p in patterns}) == len(patterns)
    assert {p["role"] for p in patterns} == {"subject", "partner"}


@pytest.mark.model
@pytest.mark.parametrize("text, subjects, partners", [
    ("船橋市は、東西銀行、南北信用金庫と連携協定を結んだ。", ["船橋市"], ["東西銀行", "南北信用金庫"]),
    ("令和2年、みどり信用金庫と寒川町は、包括連携協定を締結しました。", ["みどり信用金庫", "寒川町"], []),
    ("寒川町商工会は、今年7月に青葉中小企業支援センターと連携協定を締結しました。", ["寒川町商工会"], ["青葉中小企業支援センター"]),
    ("地域のため、東西銀行と連携協定を締結します。", [], ["東西銀行"]),
])
def test_signing_arguments(nlp, text, subjects, partners):
    args = signing_arguments(text, [(0, len(text))])
    assert [text[a.start:a.end] for a in args if a.role == "subject"] == subjects
    got_partners = [text[a.start:a.end] for a in args if a.role == "partner"]
    assert all(p in got_partners for p in partners)
    assert all(a.rule.startswith("agr-dep-") for a in args)
