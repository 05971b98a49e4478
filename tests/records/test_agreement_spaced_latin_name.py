"""「株式会社東西 ABC 銀行(頭取 …)と株式会社 南北銀行(頭取 …)は」: a name whose Latin letters a release sets off by
spaces is one party, not three (株式会社東西, ABC, 銀行)."""
from tests.records.built import agreement_parties, records_of


def test_latin_letters_set_off_by_spaces_stay_in_the_name():
    text = ("令和2年3月4日\n株式会社青葉 XYZ 銀行\n"
            "株式会社青葉 XYZ 銀行(頭取 山田 太郎)と株式会社 若葉銀行(頭取 鈴木 次郎)は、"
            "本日、地域振興に関する包括連携協定を締結しました。")
    _, records = records_of(text)
    assert agreement_parties(records) == [sorted(["株式会社青葉 XYZ 銀行", "若葉銀行"])]
