"""A second document signed at the same ceremony: an agreement word followed by も and a word of signing
(「…友好都市協定を締結した。防災の相互支援協定も結んだ」, a headline's 「A市、B市 友好都市を提携 防災協定も締結」)
is one more agreement of the same parties and day, of its own kind, not a restatement of the first; two
records, two ids. An agreement in force told with も (「…協定も結んでいる」) is none. The sentences are invented."""
from tests.records.built import records_of


def _agreements(text: str, title: str | None = None) -> list[tuple[list[str], str | None, str]]:
    _, records = records_of(text, title=title)
    out = [(sorted(p["name"] for p in r["parties"]), r["signed_date"], r["kind"], r["id"])
           for r in records if r["type"] == "agreement"]
    assert len({i for *_, i in out}) == len(out)  # every record its own id
    return sorted(x[:3] for x in out)


def test_a_second_agreement_in_the_next_sentence(nlp):
    text = ("2022年6月20日\n伊東市と長野県小布施町が6月18日、友好交流都市協定に調印した。観光と物産の面で互いに協力する。"
            "防災の相互支援協定も結んだ。")
    assert _agreements(text) == sorted([(["伊東市", "小布施町"], "2022-06-18", "友好交流都市協定"),
                                        (["伊東市", "小布施町"], "2022-06-18", "協定")])


def test_a_second_agreement_in_a_headline(nlp):
    text = ("伊東市、小布施町 友好都市を提携 防災支援協定も締結\n伊東市長と小布施町長は5日、伊東市役所で友好都市提携と"
            "防災支援協定に調印した。")
    kinds = [k for _, _, k in _agreements(text)]
    assert sorted(kinds) == ["協定", "提携"]


def test_an_agreement_in_force_told_with_mo_is_none(nlp):
    text = "2022年6月20日\n伊東市と長野県小布施町が6月18日、友好交流都市協定に調印した。両市町は防災の相互支援協定も結んでいる。"
    assert _agreements(text) == [(["伊東市", "小布施町"], "2022-06-18", "友好交流都市協定")]
