"""A payment's receipt, in Chinese and English side by side: the same rows on the receipt page
and in the downloadable PDF (fpdf2, as the verification form; the CJK font embedded)."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from beian.materials.fonts import CJK_FONT_PATH
from beian.plans.models import Payment
from beian.reference.models import Plan

FONT = "NotoSansSC"
TITLE_ZH, TITLE_EN = "收据", "Receipt"
ITEM_ZH, ITEM_EN = "人工协助备案服务", "Assisted filing service"


@dataclass(frozen=True)
class ReceiptRow:
    key: str
    label_zh: str
    label_en: str
    value: str


def receipt_rows(payment: Payment) -> list[ReceiptRow]:
    """The receipt of a paid payment (the caller checks it is paid)."""
    paid_at = timezone.localtime(payment.settled_at) if payment.settled_at else None
    return [
        ReceiptRow("receipt_number", "收据编号", "Receipt number", payment.receipt_number or ""),
        ReceiptRow("issuer", "收款方", "Issued by", settings.ACCESS_PROVIDER_NAME),
        ReceiptRow("organisation", "付款单位", "Paid by", payment.organisation.name),
        ReceiptRow("item", "项目", "Item", f"{ITEM_ZH} / {ITEM_EN}"),
        ReceiptRow("order", "备案订单", "Filing order", payment.order.reference),
        ReceiptRow("plan", "套餐", "Plan", _plan_names(payment.plan_code)),
        ReceiptRow("amount", "金额", "Amount", f"¥{payment.amount} {payment.currency}"),
        ReceiptRow(
            "paid_at", "付款时间", "Paid at", f"{paid_at:%Y-%m-%d %H:%M:%S} (UTC{paid_at:%z})" if paid_at else ""
        ),
        ReceiptRow("payment", "支付单号", "Payment number", payment.number),
        ReceiptRow(
            "gateway", "支付渠道流水号", "Gateway transaction", f"{payment.gateway}: {payment.gateway_payment_id}"
        ),
    ]


def _plan_names(code: str) -> str:
    plan = Plan.objects.filter(code=code).first()
    if plan is None:
        return code
    return f"{plan.name_zh} / {plan.name_en}" if plan.name_en else plan.name_zh


def receipt_pdf(rows: list[ReceiptRow]) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_margins(14, 12, 14)
    pdf.add_font(FONT, "", str(CJK_FONT_PATH))
    pdf.set_title(f"{TITLE_ZH} {TITLE_EN}")
    pdf.set_creator("Beian")
    pdf.add_page()
    pdf.set_font(FONT, size=18)
    pdf.cell(0, 11, f"{TITLE_ZH}  {TITLE_EN}", align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)
    for row in rows:
        pdf.set_font(FONT, size=10)
        pdf.cell(62, 8, f"{row.label_zh} {row.label_en}", border="B")
        pdf.set_font(FONT, size=11)
        pdf.cell(0, 8, row.value, border="B", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    return bytes(pdf.output())
