"""The 网站备案信息真实性核验单 (website filing authenticity verification form) as a PDF.

Pre-filled from the order, one A4 page, with a signature box and a seal box. The CJK font is
embedded (subset) so the PDF renders on machines without Chinese fonts. Plain Python, no Django.
The check that an uploaded form was signed lives in checks/form.py and is re-exported here.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from typing import Any

from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos

from beian.materials.checks.crosscheck import mask_id_number
from beian.materials.checks.form import FORM_TITLE, SEAL_LABEL, SIGNATURE_LABEL, verification_form_signed
from beian.materials.fonts import CJK_FONT_PATH

__all__ = ["FORM_FIELDS", "UnsupportedCharacters", "render_verification_form", "verification_form_signed"]

FONT = "NotoSansSC"
SUBJECT_SECTION = (
    ("subject_name", "主办单位名称"),
    ("subject_nature", "主办单位性质"),
    ("certificate_type", "证件类型"),
    ("certificate_number", "证件号码"),
    ("certificate_address", "证件住所"),
    ("principal_name", "主体负责人姓名"),
    ("principal_certificate_number", "主体负责人证件号码"),
    ("principal_mobile", "主体负责人手机号码"),
)
WEBSITE_SECTION = (
    ("website_name", "网站名称"),
    ("domain", "网站域名"),
    ("service_content", "服务内容"),
    ("website_principal_name", "网站负责人姓名"),
    ("website_principal_certificate_number", "网站负责人证件号码"),
    ("website_principal_mobile", "网站负责人手机号码"),
    ("access_provider", "接入服务商"),
)
# The filing type (on the line under the title) and, for an order against a filed record, the
# filed numbers (in the section headings). Neither moves a row: OCR reads the rows where it always did.
FILING_TYPE_LABEL = "备案类型"
RECORD_NUMBER_LABEL = "备案号"
HEADER_KEYS = ("order_reference", "filing_type", "subject_record_number", "website_record_number")
MASKED_FIELDS = ("principal_certificate_number", "website_principal_certificate_number")
FORM_FIELDS = tuple(key for key, _ in SUBJECT_SECTION + WEBSITE_SECTION)
DECLARATION = (
    "本单位（本人）承诺：以上备案信息真实、准确、完整，网站负责人已知晓并同意办理本次备案；"
    "如有虚假，愿承担由此产生的一切后果，包括备案被注销及相应的法律责任。"
)
LABEL_WIDTH_MM = 42
BOX_HEIGHT_MM = 34
BOX_GAP_MM = 8


class UnsupportedCharacters(ValueError):
    """Text contains characters the embedded font cannot show (outside GB 2312)."""

    def __init__(self, characters: str) -> None:
        super().__init__(f"characters not in the form font: {characters}")
        self.characters = characters


def render_verification_form(data: Mapping[str, Any]) -> bytes:
    """PDF bytes of the form.

    `data` holds every key of FORM_FIELDS (service_content may be a list), optionally `date`
    (a date or ISO string; today when absent), `order_reference`, `filing_type` (首次备案,
    变更网站, …) and, for an order against a filed record, `subject_record_number` and
    `website_record_number` (the numbers as filed). Other keys are ignored.
    Principals' ID numbers are printed masked (masking an already masked number is harmless).
    """
    values = _display_values(data)
    _ensure_printable(values)
    pdf = _new_pdf()
    _title(pdf, values)
    _section(pdf, _heading("一、主办者信息", values["subject_record_number"]), SUBJECT_SECTION, values)
    _section(pdf, _heading("二、网站信息", values["website_record_number"]), WEBSITE_SECTION, values)
    _declaration(pdf)
    _signature_boxes(pdf)
    return bytes(pdf.output())


def _display_values(data: Mapping[str, Any]) -> dict[str, str]:
    missing = [key for key in FORM_FIELDS if not data.get(key)]
    if missing:
        raise ValueError(f"verification form data is missing: {', '.join(missing)}")
    values = {key: str(data[key]).strip() for key in FORM_FIELDS}
    service_content = data["service_content"]
    if not isinstance(service_content, str):
        values["service_content"] = "、".join(str(item) for item in service_content)
    for key in MASKED_FIELDS:
        values[key] = mask_id_number(values[key])
    filled_on = data.get("date") or date.today()  # noqa: DTZ011 - a pure renderer; orders pass the business date (verification_data)
    if isinstance(filled_on, str):
        filled_on = date.fromisoformat(filled_on)
    values["date"] = f"{filled_on.year}年{filled_on.month}月{filled_on.day}日"
    for key in HEADER_KEYS:
        values[key] = str(data.get(key) or "").strip()
    return values


@lru_cache(maxsize=1)
def _font_code_points() -> frozenset[int]:
    return frozenset(TTFont(CJK_FONT_PATH, lazy=True).getBestCmap())


def _ensure_printable(values: Mapping[str, str]) -> None:
    known = _font_code_points()
    unknown = sorted(
        {char for text in values.values() for char in text if ord(char) not in known and not char.isspace()}
    )
    if unknown:
        raise UnsupportedCharacters("".join(unknown))


def _new_pdf() -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(True, margin=16)
    pdf.add_font(FONT, "", str(CJK_FONT_PATH))
    pdf.set_title(FORM_TITLE)
    pdf.set_creator("Beian")
    pdf.add_page()
    return pdf


def _title(pdf: FPDF, values: Mapping[str, str]) -> None:
    """The title, then one line: the order number, the filing type (a change says so), the date."""
    pdf.set_font(FONT, size=20)
    pdf.cell(0, 12, FORM_TITLE, align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, size=10)
    third = pdf.epw / 3
    pdf.cell(third, 7, f"备案订单号：{values['order_reference']}" if values["order_reference"] else "")
    pdf.cell(third, 7, f"{FILING_TYPE_LABEL}：{values['filing_type']}" if values["filing_type"] else "", align=Align.C)
    pdf.cell(0, 7, f"填表日期：{values['date']}", align=Align.R, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _heading(heading: str, record_number: str) -> str:
    return f"{heading}（{RECORD_NUMBER_LABEL}：{record_number}）" if record_number else heading


def _section(pdf: FPDF, heading: str, rows: tuple[tuple[str, str], ...], values: Mapping[str, str]) -> None:
    pdf.ln(3)
    pdf.set_font(FONT, size=12)
    pdf.cell(0, 8, heading, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, size=10.5)
    value_width = pdf.epw - LABEL_WIDTH_MM
    with pdf.table(
        col_widths=(LABEL_WIDTH_MM, value_width), first_row_as_headings=False, line_height=7, padding=1.5
    ) as table:
        for key, label in rows:
            table.row((label, values[key]))


def _declaration(pdf: FPDF) -> None:
    pdf.ln(5)
    pdf.set_font(FONT, size=10.5)
    pdf.multi_cell(0, 6.5, DECLARATION, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(5)


def _signature_boxes(pdf: FPDF) -> None:
    width = (pdf.epw - BOX_GAP_MM) / 2
    if pdf.will_page_break(BOX_HEIGHT_MM + 10):
        pdf.add_page()
    top = pdf.get_y()
    for index, label in enumerate((SIGNATURE_LABEL, SEAL_LABEL)):
        left = pdf.l_margin + index * (width + BOX_GAP_MM)
        pdf.rect(left, top, width, BOX_HEIGHT_MM)
        pdf.set_font(FONT, size=11)
        pdf.set_xy(left + 2, top + 2)
        pdf.cell(width - 4, 6, label)
        pdf.set_font(FONT, size=10)
        pdf.set_xy(left, top + BOX_HEIGHT_MM + 1)
        pdf.cell(width, 6, "日期：        年      月      日")
