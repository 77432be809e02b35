"""Material findings come from the rule registry: code, severity, source and rejection reason of
the registered rule, with the copy partners and applicants have always seen."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from beian.demo import samples as builders
from beian.materials.checks import MaterialRequirement, run_material_checks
from beian.materials.checks.crosscheck import business_licence_findings, id_card_findings
from beian.materials.checks.ocr import OcrLine
from beian.materials.checks.pdf import PdfUninspectable
from beian.rules.findings import Severity
from beian.rules.registry import RULES

REFERENCE = Path(__file__).resolve().parents[2] / "reference" / "data" / "icp-data.json"
ID_CARD = "materials.id_card_front"


def lines(*texts: str) -> list[OcrLine]:
    return [
        OcrLine(text=text, box=((0, i * 50), (300, i * 50), (300, i * 50 + 40), (0, i * 50 + 40)), score=0.99)
        for i, text in enumerate(texts)
    ]


def assert_from_registry(finding):
    rule = RULES[finding.code]
    assert finding.severity == rule.severity
    assert finding.source == rule.source and finding.rejection_reason == rule.prevents


def test_unreadable_id_card_values_are_warnings_with_the_registered_copy():
    expected = {"name": builders.PERSON, "certificate_number": builders.ID_NUMBER}
    number, name = id_card_findings(lines("中华人民共和国"), expected, field=ID_CARD)
    assert (number.code, name.code) == ("material.ocr.id_number_unreadable", "material.ocr.person_name_unreadable")
    assert number.severity == name.severity == Severity.WARNING and number.field == ID_CARD
    assert number.message_zh == "未能从身份证图片中识别出身份证号码，无法自动核对，将由人工审核。"
    assert name.message_en == (
        "The name could not be read from the ID card image, so it was not checked automatically; a reviewer will "
        "check it."
    )
    assert number.fix_zh == "请上传完整、清晰、无遮挡的身份证原件照片。"
    assert number.params == {} and number.rejection_reason == "DOC_UNCLEAR"
    for finding in (number, name):
        assert_from_registry(finding)


def test_a_mismatch_keeps_its_copy_params_and_rejection_reason():
    expected = {"name": "北京另一家科技有限公司", "certificate_number": builders.USCC}
    licence = lines("营业执照", f"统一社会信用代码 {builders.USCC}", f"名称 {builders.COMPANY}")
    [finding] = business_licence_findings(licence, expected, field="materials.business_licence")
    assert finding.code == "material.ocr.org_name_mismatch" and finding.rejection_reason == "SUBJECT_NAME_MISMATCH"
    assert finding.message_zh == f"营业执照上的单位名称“{builders.COMPANY}”与填写的“北京另一家科技有限公司”不一致。"
    assert finding.fix_en == "Check the organisation name you entered, or upload the business licence that matches it."
    assert finding.params == {"read": builders.COMPANY, "entered": "北京另一家科技有限公司"}
    assert_from_registry(finding)


@pytest.fixture(scope="module")
def requirement() -> MaterialRequirement:
    return MaterialRequirement.from_image_rules(json.loads(REFERENCE.read_text(encoding="utf-8"))["image_rules"])


def test_a_face_detector_that_cannot_run_is_a_warning_for_the_reviewer(requirement, monkeypatch):
    from beian.materials.checks.face import FaceDetectorUnavailable

    def broken(*args, **kwargs):
        raise FaceDetectorUnavailable("cascade missing")

    monkeypatch.setattr("beian.materials.checks.detect_faces", broken)
    photo = builders.jpeg_bytes(builders.owner_photo().resize((800, 800)))
    result = run_material_checks("owner_photo", photo, requirement=requirement, expected={})
    [finding] = result.findings
    assert finding.code == "material.face.unchecked" and finding.severity == Severity.WARNING
    assert finding.message_zh == "人脸检测未能运行（cascade missing），该项将由人工审核。"
    assert (
        finding.message_en
        == "The face detection check could not run (cascade missing); a reviewer will check this item."
    )
    assert finding.params == {"error": "cascade missing"}
    assert_from_registry(finding)


def test_a_form_pdf_that_cannot_be_inspected_is_a_warning(monkeypatch):
    from beian.materials.checks import form

    def uninspectable(data):
        raise PdfUninspectable("encrypted")

    monkeypatch.setattr(form, "inspect_pdf", uninspectable)
    [finding] = form.pdf_signature_findings(b"%PDF-1.7\n%%EOF")
    assert finding.code == "material.form.unchecked" and finding.field == "materials.verification_form"
    assert (
        finding.message_en
        == "The form's signature could not be checked automatically (encrypted); a reviewer will check it."
    )
    assert finding.params == {"reason": "encrypted"}
    assert_from_registry(finding)


def test_each_missing_required_material_is_an_error(applicant, hosted_site):
    from beian.filings import services
    from beian.materials.services import missing_materials, order_requirements

    order = services.order_create_draft(organisation=applicant.memberships.get().organisation, user=applicant)
    required = [r for r in order_requirements(order) if r.required]
    findings = missing_materials(order)
    assert [f.code for f in findings] == ["material.missing"] * len(required) and required
    first, req = findings[0], required[0]
    assert first.field == f"materials.{req.slot}" and first.is_error and first.rejection_reason == "DOC_MISSING"
    assert (first.message_zh, first.message_en) == (f"缺少材料：{req.label_zh}", f"Missing material: {req.label_en}")
    assert (first.fix_zh, first.fix_en) == ("请在“上传材料”一步上传。", "Upload it in the materials step.")
    assert_from_registry(first)
