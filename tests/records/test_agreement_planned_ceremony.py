"""A page announcing a signing to come (「締結することとなりました」) gives the day its ceremony is set for; a
page reporting the signing done and its ceremony later gives none."""
import pytest

from tests.records.test_agreements import _agreements


@pytest.mark.model
def test_planned_ceremony_gives_its_day(nlp):
    text = ("新潟市と第四北越銀行は、創業支援に関する連携協定を締結することとなりました。"
            "締結式は令和6年5月20日に新潟市役所で行う予定です。")
    assert _agreements(text) == [(["新潟市", "第四北越銀行"], "2024-05-20")]


@pytest.mark.model
def test_ceremony_planned_after_a_signing_done_gives_no_day(nlp):
    text = "新潟市は第四北越銀行と連携協定を締結しました。今後、締結式を令和6年6月3日に開催する予定です。"
    assert _agreements(text) == [(["新潟市", "第四北越銀行"], None)]
