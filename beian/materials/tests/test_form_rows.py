"""The verification form's rows against this order, from OCR lines (no OCR run): each row of
another order is an error naming both values, each row OCR could not read a warning."""

import pytest

from beian.materials.checks.crosscheck import id_card_back_findings
from beian.materials.checks.form import COMPARED_ROWS, form_order_findings
from beian.materials.checks.ocr import OcrLine

ORDER = {
    "order_reference": "BA202612010001",
    "subject_name": "北京示例科技有限公司",
    "domain": "demo-shop.cn",
    "website_principal_name": "张三",
    "access_provider": "示例云计算有限公司",
}


def line(text: str, top: int) -> OcrLine:
    return OcrLine(text=text, box=((0, top), (600, top), (600, top + 40), (0, top + 40)), score=0.99)


def form_lines(values: dict[str, str]) -> list[OcrLine]:
    rows = [line("网站备案信息真实性核验单", 0)]
    rows += [line(f"{COMPARED_ROWS[key][0]}：{value}", 60 * (i + 1)) for i, (key, value) in enumerate(values.items())]
    return rows


@pytest.mark.parametrize(
    ("key", "code"),
    [
        ("order_reference", "material.form.order_reference_mismatch"),
        ("subject_name", "material.form.subject_name_mismatch"),
        ("domain", "material.form.domain_mismatch"),
        ("website_principal_name", "material.form.website_principal_name_mismatch"),
        ("access_provider", "material.form.access_provider_mismatch"),
    ],
)
def test_a_row_of_another_order_is_an_error_naming_both_values(key, code):
    lines = form_lines({**ORDER, key: "另一个值"})
    [finding] = form_order_findings(lines, ORDER)
    assert finding.code == code and finding.is_error
    assert "另一个值" in finding.message_zh and ORDER[key] in finding.message_zh
    assert COMPARED_ROWS[key][1] in finding.message_en


@pytest.mark.parametrize(
    ("key", "code"),
    [
        ("order_reference", "material.form.order_reference_unreadable"),
        ("subject_name", "material.form.subject_name_unreadable"),
        ("domain", "material.form.domain_unreadable"),
        ("website_principal_name", "material.form.website_principal_name_unreadable"),
        ("access_provider", "material.form.access_provider_unreadable"),
    ],
)
def test_a_row_ocr_could_not_read_is_a_warning_for_the_reviewer(key, code):
    lines = form_lines({k: v for k, v in ORDER.items() if k != key})
    [finding] = form_order_findings(lines, ORDER)
    assert finding.code == code and not finding.is_error
    assert COMPARED_ROWS[key][0] in finding.message_zh


def test_this_orders_form_has_no_row_finding():
    assert form_order_findings(form_lines(ORDER), ORDER) == []


def test_an_id_card_back_without_a_readable_validity_is_a_warning():
    [finding] = id_card_back_findings([line("中华人民共和国 居民身份证", 0)], {"valid_until": "2036-01-01"}, field="f")
    assert finding.code == "material.ocr.valid_until_unreadable" and not finding.is_error
