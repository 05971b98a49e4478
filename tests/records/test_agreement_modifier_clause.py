"""A name inside a clause that modifies the signer (…が/を + a verb written as it modifies a noun:
「A銀行などを傘下に持つB協会は」, 「C信用金庫が参画するD実行委員会は」, 「E銀行が出資するFファンドと」) says what
the signer is, and is no party: the signer is the name the clause ends on."""
import pytest

from tests.records.built import agreement_parties, records_of


@pytest.mark.parametrize("text, parties", [
    ("みどり信用金庫(岐阜県、田中次郎理事長)が参画する北山地域応援実行委員会(事務局=東西信用金庫)は6月1日、"
     "岐阜県関市と包括連携協定を締結した。", ["北山地域応援実行委員会", "関市"]),
    ("東西銀行・南北銀行などを傘下に持つ青葉地域金融協会は、5月10日、北山大学と包括連携協定を締結した。",
     ["北山大学", "青葉地域金融協会"]),
    ("東西銀行が事務局を務める青葉産業振興協議会は、北山大学と連携協定を締結した。", ["北山大学", "青葉産業振興協議会"]),
    ("南北商工会議所などが加盟する西海観光推進機構が、青葉市と協定を結んだ。", ["西海観光推進機構", "青葉市"]),
    ("青葉市は、東西銀行が出資する北山ファンドと協定を結んだ。", ["北山ファンド", "青葉市"]),
])
def test_modifier_names_no_party(text, parties):
    _, records = records_of(text)
    assert agreement_parties(records) == [sorted(parties)]


def test_clause_of_no_signer():
    """A clause that ends on no signer's name (「…が出資する事業を支える北山大学と」: the verb modifies 事業) leaves
    the partner as written."""
    _, records = records_of("南北信用金庫は、東西銀行が出資する事業を支える北山大学と連携協定を締結した。")
    assert "事業を支える北山大学" not in [n for ps in agreement_parties(records) for n in ps]


@pytest.mark.parametrize("text, parties", [
    ("東西銀行・南北銀行などを傘下に持つ持株会社青葉フィナンシャルグループ(大阪府・山田一郎社長)は、5月10日、"
     "国立大学法人北山大学と包括連携協定を締結したと発表した。", ["国立大学法人北山大学", "青葉フィナンシャルグループ"]),
    ("みどり信用金庫(岐阜県、田中次郎理事長)が参画するまちおこし応援実行委員会(事務局=東西信用金庫)は6月1日、"
     "岐阜県関市と包括連携協定を締結した。", ["まちおこし応援実行委員会", "関市"]),
    ("東西銀行が事務局を務める青葉ビジネス交流会は、北山大学と連携協定を締結した。", ["北山大学", "青葉ビジネス交流会"]),
])
def test_signer_the_clause_ends_on(text, parties):
    """The signer is read whole from where the clause ends, though no rule tagged it (a holding company, a name
    that opens with hiragana, a body no kind word ends)."""
    _, records = records_of(text)
    assert agreement_parties(records) == [sorted(parties)]


@pytest.mark.parametrize("text", [
    "本学は、「北山広域連携中枢都市圏」を構成する3市と連携協定を締結しました。",
    "「青葉北部定住自立圏」をつくる2市3町と、観光の振興で協定を結びました",
])
def test_clause_ending_on_counted_signers(text):
    """A clause that ends on a count of signers (「「X圏」を構成する3市と」): the body the clause names is what the
    signers form, no party."""
    _, records = records_of(text)
    assert not any("圏" in n for ps in agreement_parties(records) for n in ps)
