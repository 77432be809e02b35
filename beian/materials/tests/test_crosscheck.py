from __future__ import annotations

from beian.demo import samples as builders
from beian.materials.checks.crosscheck import business_licence_findings, id_card_findings, mask_id_number
from beian.materials.checks.ocr import OcrLine
from beian.rules.findings import Severity

LICENCE = "materials.business_licence"
ID_CARD = "materials.id_card_front"


def lines(*texts: str) -> list[OcrLine]:
    return [
        OcrLine(text=text, box=((0, i * 50), (300, i * 50), (300, i * 50 + 40), (0, i * 50 + 40)), score=0.99)
        for i, text in enumerate(texts)
    ]


LICENCE_TEXT = lines("营业执照", f"统一社会信用代码 {builders.USCC}", f"名称 {builders.COMPANY}")
ID_TEXT = lines(f"姓名 {builders.PERSON}", f"公民身份号码 {builders.ID_NUMBER}")


def test_matching_licence_has_no_findings():
    expected = {"name": "北京示例科技有限公司", "certificate_number": "91110000600037341l"}
    assert business_licence_findings(LICENCE_TEXT, expected, field=LICENCE) == []


def test_full_width_brackets_and_spaces_do_not_count_as_a_difference():
    text = lines("名称 北京示例科技(北京)有限公司", f"代码 {builders.USCC}")
    expected = {"name": "北京示例科技（北京） 有限公司", "certificate_number": builders.USCC}
    assert business_licence_findings(text, expected, field=LICENCE) == []


def test_other_company_name_is_an_error_naming_both_values():
    expected = {"name": "北京另一家科技有限公司", "certificate_number": builders.USCC}
    [finding] = business_licence_findings(LICENCE_TEXT, expected, field=LICENCE)
    assert finding.code == "material.ocr.org_name_mismatch" and finding.is_error
    assert builders.COMPANY in finding.message_zh and "北京另一家科技有限公司" in finding.message_zh
    assert finding.rejection_reason == "SUBJECT_NAME_MISMATCH"


def test_other_uscc_is_an_error():
    expected = {"name": builders.COMPANY, "certificate_number": "91110108551385082Q"}
    [finding] = business_licence_findings(LICENCE_TEXT, expected, field=LICENCE)
    assert finding.code == "material.ocr.uscc_mismatch"
    assert builders.USCC in finding.message_en and "91110108551385082Q" in finding.message_en


def test_unreadable_uscc_is_a_warning_not_a_pass():
    expected = {"name": builders.COMPANY, "certificate_number": builders.USCC}
    [finding] = business_licence_findings(lines("营业执照", f"名称 {builders.COMPANY}"), expected, field=LICENCE)
    assert finding.code == "material.ocr.uscc_unreadable" and finding.severity == Severity.WARNING


def test_nothing_typed_yet_is_reported_as_not_compared():
    findings = business_licence_findings(LICENCE_TEXT, {}, field=LICENCE)
    assert {f.code for f in findings} == {"material.ocr.not_compared"}
    assert all(f.severity == Severity.INFO for f in findings) and len(findings) == 2


def test_matching_id_card_has_no_findings():
    expected = {"name": "张三", "certificate_number": builders.ID_NUMBER.lower()}
    assert id_card_findings(ID_TEXT, expected, field=ID_CARD) == []


def test_id_number_mismatch_shows_masked_numbers_only():
    other = "440524188001010014"
    [finding] = id_card_findings(ID_TEXT, {"name": "张三", "certificate_number": other}, field=ID_CARD)
    assert finding.code == "material.ocr.id_number_mismatch" and finding.is_error
    assert "110105********002X" in finding.message_zh and "440524********0014" in finding.message_zh
    assert builders.ID_NUMBER not in finding.message_en + finding.message_zh + str(finding.params)
    assert other not in finding.message_en + finding.message_zh + str(finding.params)


def test_person_name_mismatch():
    [finding] = id_card_findings(ID_TEXT, {"name": "李四", "certificate_number": builders.ID_NUMBER}, field=ID_CARD)
    assert finding.code == "material.ocr.person_name_mismatch"
    assert "张三" in finding.message_en and "李四" in finding.message_en


def test_mask_id_number():
    assert mask_id_number("11010519491231002X") == "110105********002X"
