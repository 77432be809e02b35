from __future__ import annotations

from datetime import date
from io import BytesIO

import pypdfium2
import pytest

from beian.demo import samples as builders
from beian.materials.checks.form import COMPARED_ROWS, FORM_TITLE, SEAL_LABEL, SIGNATURE_LABEL
from beian.materials.verification_form import (
    UnsupportedCharacters,
    render_verification_form,
    verification_form_signed,
)


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return render_verification_form(builders.form_data())


@pytest.fixture(scope="module")
def page_text(pdf) -> str:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return "".join(page.get_textpage().get_text_bounded() for page in document)
    finally:
        document.close()


def test_one_a4_page(pdf):
    document = pypdfium2.PdfDocument(pdf)
    assert len(document) == 1 and [round(v) for v in document[0].get_size()] == [595, 842]
    document.close()


def test_font_is_embedded_as_a_subset(pdf):
    assert b"/FontFile3" in pdf or b"/FontFile2" in pdf
    assert b"+NotoSansSC" in pdf  # subset tag, e.g. /MPDFAA+NotoSansSC


def test_prefilled_from_the_order(page_text):
    for text in (
        FORM_TITLE,
        builders.COMPANY,
        builders.USCC,
        "北京市海淀区中关村大街1号",
        "13800138000",
        "示例科技官网",
        "example.cn",
        "综合门户",
        "李四",
        "13900139000",
        "示例云计算有限公司",
        "2026年11月30日",
        "BA202611300001",
        SIGNATURE_LABEL,
        SEAL_LABEL,
    ):
        assert text in page_text


def _page_text_and_row_tops(data: dict) -> tuple[str, list[float]]:
    """The page's text, and where the rows the check compares sit (their labels' tops)."""
    document = pypdfium2.PdfDocument(render_verification_form(data))
    try:
        assert len(document) == 1
        textpage = document[0].get_textpage()
        tops = []
        for label, _name in COMPARED_ROWS.values():
            searcher = textpage.search(label)
            first, _count = searcher.get_next()
            tops.append(round(textpage.get_charbox(first)[3], 1))
        return textpage.get_text_bounded(), tops
    finally:
        document.close()


def test_the_filing_type_and_the_record_number_are_printed_without_moving_a_compared_row(page_text):
    assert "备案类型" not in page_text  # data without a type prints none
    plain_text, plain_tops = _page_text_and_row_tops(builders.form_data())
    text, tops = _page_text_and_row_tops(
        builders.form_data(
            filing_type="变更网站",
            subject_record_number="京ICP备2026000001号",
            website_record_number="京ICP备2026000001号-1",
        )
    )
    assert "备案类型：变更网站" in text
    assert "一、主办者信息（备案号：京ICP备2026000001号）" in text
    assert "二、网站信息（备案号：京ICP备2026000001号-1）" in text and "备案号" not in plain_text
    assert tops == plain_tops  # OCR finds the order's rows where it always did


def test_principal_id_numbers_are_masked(page_text):
    assert "110105********002X" in page_text and builders.ID_NUMBER not in page_text
    assert "440524********0014" in page_text and "440524188001010014" not in page_text


def test_already_masked_numbers_and_iso_dates_are_accepted():
    pdf = render_verification_form(
        builders.form_data(principal_certificate_number="110105********002X", date="2026-12-01")
    )
    document = pypdfium2.PdfDocument(pdf)
    text = document[0].get_textpage().get_text_bounded()
    document.close()
    assert "110105********002X" in text and "2026年12月1日" in text


def test_missing_order_data_is_refused():
    with pytest.raises(ValueError, match="domain"):
        render_verification_form(builders.form_data(domain=""))


def test_characters_the_font_lacks_are_refused_not_printed_blank():
    with pytest.raises(UnsupportedCharacters) as caught:
        render_verification_form(builders.form_data(principal_name="王堃"))
    assert caught.value.characters == "堃"


def test_date_defaults_to_today():
    data = builders.form_data()
    del data["date"]
    document = pypdfium2.PdfDocument(render_verification_form(data))
    today = date.today()
    assert f"{today.year}年{today.month}月{today.day}日" in document[0].get_textpage().get_text_bounded()
    document.close()


def test_blank_template_is_not_signed(pdf):
    [finding] = verification_form_signed(pdf)
    assert finding.code == "material.form.unsigned" and finding.is_error


def test_pdf_with_a_scanned_page_counts_as_signed():
    buffer = BytesIO()
    builders.form_page_image(signed=True).save(buffer, "PDF")
    assert verification_form_signed(buffer.getvalue()) == []


def test_printed_and_signed_form_image():
    assert verification_form_signed(builders.form_page_image(signed=True)) == []


def test_printed_but_unsigned_form_image_names_the_ink_share():
    [finding] = verification_form_signed(builders.form_page_image(signed=False))
    assert finding.code == "material.form.unsigned"
    assert "0.00%" in finding.message_en and "0.4%" in finding.message_en
