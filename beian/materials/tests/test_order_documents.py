"""A document must belong to this order: the verification form's rows and the ID card back's validity
period are compared with what the order says (real OCR; one run per test)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from beian.demo import samples as builders
from beian.materials.checks import MaterialRequirement, run_material_checks
from beian.materials.checks.form import COMPARED_ROWS, form_order_findings
from beian.materials.checks.ocr import OcrLine

REFERENCE = Path(__file__).resolve().parents[2] / "reference" / "data" / "icp-data.json"
THIS_ORDER = {key: str(builders.form_data()[key]) for key in COMPARED_ROWS}
OTHER_ORDER = builders.form_data(
    order_reference="BA202610150042",
    subject_name="上海另一家公司有限公司",
    domain="another-shop.cn",
    website_principal_name="王五",
    access_provider="另一家云服务有限公司",
)


@pytest.fixture(scope="module")
def requirements() -> dict[str, MaterialRequirement]:
    rules = json.loads(REFERENCE.read_text(encoding="utf-8"))["image_rules"]
    return {
        "image": MaterialRequirement.from_image_rules(rules),
        "form": MaterialRequirement.from_image_rules(rules, accepted_formats=[*rules["accepted_formats"], "pdf"]),
    }


def codes(result) -> set[str]:
    return {finding.code for finding in result.findings}


# 2.5: a 1489 x 2105 photo, read at 905 x 1280 with the text found at 679 x 960 (checks/ocr.py)
@pytest.mark.parametrize("scale", [2.0, 2.5])
def test_the_signed_form_of_this_order_passes(requirements, scale):
    data = builders.jpeg_bytes(builders.form_page_image(signed=True, scale=scale))
    result = run_material_checks("verification_form", data, requirement=requirements["form"], expected=THIS_ORDER)
    assert result.findings == []


def test_the_signed_form_of_another_order_is_an_error_per_row(requirements):
    data = builders.jpeg_bytes(builders.form_page_image(signed=True, data=OTHER_ORDER))
    result = run_material_checks("verification_form", data, requirement=requirements["form"], expected=THIS_ORDER)
    assert codes(result) == {f"material.form.{key}_mismatch" for key in COMPARED_ROWS}
    assert all(finding.is_error for finding in result.findings) and not result.passed
    domain = next(f for f in result.findings if f.code == "material.form.domain_mismatch")
    assert "another-shop.cn" in domain.message_zh and "example.cn" in domain.message_zh


def test_a_row_ocr_cannot_find_is_a_warning_not_a_pass():
    lines = [
        OcrLine(text="网站备案信息真实性核验单", box=((0, 0), (400, 0), (400, 40), (0, 40)), score=0.99),
        OcrLine(text="网站域名", box=((0, 60), (100, 60), (100, 100), (0, 100)), score=0.99),
    ]
    [finding] = form_order_findings(lines, {"domain": "example.cn", "access_provider": "网站域名"}, field="f")
    assert finding.code == "material.form.domain_unreadable" and not finding.is_error


def test_an_id_card_back_whose_validity_differs_from_the_typed_date_is_flagged(requirements):
    data = builders.jpeg_bytes(builders.id_card_back_image(validity="2020.01.01-2040.01.01"))
    result = run_material_checks(
        "id_card_back", data, requirement=requirements["image"], expected={"valid_until": "2036-01-01"}
    )
    [finding] = result.findings
    assert finding.code == "material.ocr.valid_until_mismatch" and finding.is_error
    assert "2040-01-01" in finding.message_zh and "2036-01-01" in finding.message_zh
    # the same card against the date it shows, and a long-term card typed as 长期
    from beian.materials.checks.crosscheck import id_card_back_findings

    assert id_card_back_findings(result.ocr_lines, {"valid_until": "2040-01-01"}, field="f") == []
    long_term = [OcrLine(text="有效期限 2016.01.01-长期", box=((0, 0), (300, 0), (300, 40), (0, 40)), score=0.99)]
    assert id_card_back_findings(long_term, {"valid_until": "长期"}, field="f") == []
    [typed_date] = id_card_back_findings(long_term, {"valid_until": "2036-01-01"}, field="f")
    assert typed_date.code == "material.ocr.valid_until_mismatch"
