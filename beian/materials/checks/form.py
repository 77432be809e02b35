"""Is the uploaded verification form (网站备案信息真实性核验单) more than our blank template?

PDF: it must carry something our generated template never has: a page image (a scan or photo),
an ink or stamp annotation, or a digital signature (/ByteRange).
Image of the printed form: OCR must find the title and the signature label, and the signing area
below the label must hold ink once the box's ruled lines are removed; and what OCR reads in the
form's rows (order number, subject, domain, website principal, provider) must be this order's.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import cv2
import numpy as np
from PIL import Image

from beian.materials.checks.ocr import OcrLine, OcrUnavailable, compact, read_text, value_after_label
from beian.materials.checks.pdf import PDF_MAGIC, PdfUninspectable, inspect_pdf
from beian.rules.findings import Finding, Severity

SOURCE = "rules §4.1"
FIELD = "materials.verification_form"
FORM_TITLE = "网站备案信息真实性核验单"
TITLE_KEYWORD = "核验单"
SIGNATURE_LABEL = "网站负责人签字"
SEAL_LABEL = "主办单位盖章（个人无需盖章）"
PDF_SIGNATURE_EVIDENCE = frozenset({"Image", "Ink", "Stamp", "ByteRange"})
# The signing area relative to the label's height h: from 0.4 h to 3.2 h below the label,
# from 0.5 h left of it to 14 h right of its left edge. The template's box is drawn larger.
SIGNING_AREA = (-0.5, 0.4, 14.0, 3.2)
MIN_INK_FRACTION = 0.004
ORDER_REFERENCE_LABEL = "备案订单号"
# Rows of the form compared with the order: key of verification_form_data -> (label printed on the
# form, name in English). The labels are those of verification_form.py's sections.
COMPARED_ROWS = {
    "order_reference": (ORDER_REFERENCE_LABEL, "order number"),
    "subject_name": ("主办单位名称", "subject name"),
    "domain": ("网站域名", "domain"),
    "website_principal_name": ("网站负责人姓名", "website principal's name"),
    "access_provider": ("接入服务商", "access provider"),
}


def verification_form_signed(
    document: bytes | Image.Image, *, lines: Sequence[OcrLine] | None = None, field: str = FIELD
) -> list[Finding]:
    """Findings for a sanitised upload: PDF bytes, or the image of a printed form.

    `lines` are the OCR lines of the image when the caller already has them.
    """
    if isinstance(document, bytes):
        if not document.startswith(PDF_MAGIC):
            raise ValueError("bytes must be a PDF; pass images as PIL images")
        return pdf_signature_findings(document, field=field)
    if lines is None:
        try:
            lines = read_text(document)
        except OcrUnavailable as exc:
            return [_unchecked(field, str(exc))]
    return image_signature_findings(document, lines, field=field)


def pdf_signature_findings(data: bytes, *, field: str = FIELD) -> list[Finding]:
    try:
        facts = inspect_pdf(data)
    except PdfUninspectable as exc:
        return [_unchecked(field, str(exc))]
    if facts.has_any(PDF_SIGNATURE_EVIDENCE):
        return []
    return [
        Finding(
            code="material.form.unsigned",
            severity=Severity.ERROR,
            field=field,
            message_zh="上传的核验单PDF没有扫描页、手写签名批注或数字签名，与系统生成的空白核验单相同。",
            message_en="The uploaded form PDF has no scanned page, handwritten signature annotation or digital "
            "signature; it is the blank generated form.",
            fix_zh="请打印核验单，由网站负责人签字（单位加盖公章）后拍照或扫描上传。",
            fix_en="Print the form, have the website principal sign it (organisations also stamp it), then upload a "
            "photo or scan.",
            source=SOURCE,
            rejection_reason="DOC_MISSING",
            params={"evidence_looked_for": sorted(PDF_SIGNATURE_EVIDENCE)},
        )
    ]


def image_signature_findings(image: Image.Image, lines: Sequence[OcrLine], *, field: str = FIELD) -> list[Finding]:
    findings = []
    if not any(TITLE_KEYWORD in line.compact_text for line in lines):
        findings.append(
            Finding(
                code="material.form.title_missing",
                severity=Severity.WARNING,
                field=field,
                message_zh=f"图片中未识别到标题“{FORM_TITLE}”，可能不是核验单或拍摄不完整。",
                message_en=f'The title "{FORM_TITLE}" was not found in the image; it may not be the form, or the photo '
                "is incomplete.",
                fix_zh="请上传完整的核验单照片，标题和签字处都要清晰可见。",
                fix_en="Upload a photo of the whole form with the title and the signature area clearly visible.",
                source=SOURCE,
                rejection_reason="DOC_MISSING",
            )
        )
    label = next((line for line in lines if SIGNATURE_LABEL in line.compact_text), None)
    if label is None:
        findings.append(
            Finding(
                code="material.form.signature_box_not_found",
                severity=Severity.WARNING,
                field=field,
                message_zh=f"图片中未识别到“{SIGNATURE_LABEL}”栏，未能自动检查签字，将由人工审核。",
                message_en=f'The "{SIGNATURE_LABEL}" (signature) box was not found, so the signature was not checked '
                "automatically; a reviewer will check it.",
                fix_zh="请正面拍摄完整的核验单，签字栏清晰可见。",
                fix_en="Photograph the whole form head-on with the signature box clearly visible.",
                source=SOURCE,
                rejection_reason="DOC_UNCLEAR",
            )
        )
        return findings
    ink = signature_ink_fraction(image, label)
    if ink < MIN_INK_FRACTION:
        findings.append(
            Finding(
                code="material.form.unsigned",
                severity=Severity.ERROR,
                field=field,
                message_zh=f"“{SIGNATURE_LABEL}”栏为空白（笔迹占比 {ink:.2%}，应不少于 {MIN_INK_FRACTION:.1%}）。",
                message_en=f"The signature box is blank (ink covers {ink:.2%}, at least {MIN_INK_FRACTION:.1%} expected).",
                fix_zh="请由网站负责人在签字栏内亲笔签名后重新拍照上传。",
                fix_en="Have the website principal sign by hand inside the signature box, then upload a new photo.",
                source=SOURCE,
                rejection_reason="DOC_MISSING",
                params={"ink_fraction": round(ink, 4), "min_ink_fraction": MIN_INK_FRACTION},
            )
        )
    return findings


def form_order_findings(lines: Sequence[OcrLine], expected: Mapping[str, str], *, field: str = FIELD) -> list[Finding]:
    """The form's rows against this order (`expected`: keys of COMPARED_ROWS, as printed on the
    form generated for the order). A form of another order is an ERROR naming both values; a row
    OCR could not read is a WARNING. Only the keys given are compared; nothing is compared when
    the image is not recognisably the form (its title is missing: already a finding)."""
    unknown = set(expected) - set(COMPARED_ROWS)
    if unknown:
        raise ValueError(f"unknown expected keys {sorted(unknown)}; use {sorted(COMPARED_ROWS)}")
    if not any(TITLE_KEYWORD in line.compact_text for line in lines):
        return []
    text = "".join(line.compact_text for line in lines).upper()
    findings = []
    for key, (label, label_en) in COMPARED_ROWS.items():
        if key not in expected:
            continue
        wanted = compact(str(expected[key] or "")).upper()
        read = value_after_label(lines, re.compile(rf"^{label}[:：]?"))
        if read is None and wanted and wanted in text:
            continue  # OCR split the row differently; the order's value is on the form
        if read is None:
            findings.append(_row_unreadable(key, label, label_en, field))
        elif compact(read).upper() != wanted:
            findings.append(_row_mismatch(key, label, label_en, field, read=compact(read), wanted=str(expected[key])))
    return findings


def _row_mismatch(key: str, label: str, label_en: str, field: str, *, read: str, wanted: str) -> Finding:
    return Finding(
        code=f"material.form.{key}_mismatch",
        severity=Severity.ERROR,
        field=field,
        message_zh=f"核验单上的{label}“{read}”与本订单的“{wanted}”不一致，可能是其他订单的核验单。",
        message_en=f'The {label_en} on the form, "{read}", differs from this order\'s, "{wanted}"; it may be the '
        "form of another order.",
        fix_zh="请下载本订单的核验单，签字后重新上传。",
        fix_en="Download this order's form, sign it and upload it again.",
        source=SOURCE,
        rejection_reason="DOC_MISSING",
        params={"read": read, "expected": wanted},
    )


def _row_unreadable(key: str, label: str, label_en: str, field: str) -> Finding:
    return Finding(
        code=f"material.form.{key}_unreadable",
        severity=Severity.WARNING,
        field=field,
        message_zh=f"未能从核验单图片中识别出{label}，无法自动核对是否为本订单的核验单，将由人工审核。",
        message_en=f"The {label_en} could not be read from the form, so it was not checked automatically that the "
        "form is this order's; a reviewer will check it.",
        fix_zh="请正面拍摄完整、清晰的核验单。",
        fix_en="Photograph the whole form head-on and sharply.",
        source=SOURCE,
        rejection_reason="DOC_UNCLEAR",
    )


def signing_area(label: OcrLine, image_size: tuple[int, int]) -> tuple[int, int, int, int]:
    """(left, top, right, bottom) of the signing area below the signature label, clipped."""
    left, top, right, bottom = (round(v * label.height) for v in SIGNING_AREA)
    width, height = image_size
    return (
        max(0, label.left + left),
        min(height, label.bottom + top),
        min(width, label.left + right),
        min(height, label.bottom + bottom),
    )


def signature_ink_fraction(image: Image.Image, label: OcrLine) -> float:
    """Share of dark pixels in the signing area, ruled lines of the box removed."""
    left, top, right, bottom = signing_area(label, image.size)
    if right - left < 4 or bottom - top < 4:
        return 0.0
    grey = np.asarray(image.convert("L").crop((left, top, right, bottom)))
    paper = float(np.percentile(grey, 90))
    dark = (grey < paper * 0.6).astype(np.uint8)
    rows, cols = grey.shape
    # OpenCV returns uint8 arrays for uint8 input; asarray only tells the type checker so (no copy)
    horizontal = np.asarray(cv2.morphologyEx(dark, cv2.MORPH_OPEN, np.ones((1, max(3, cols // 4)), np.uint8)), np.uint8)
    vertical = np.asarray(cv2.morphologyEx(dark, cv2.MORPH_OPEN, np.ones((max(3, rows // 2), 1), np.uint8)), np.uint8)
    ruled = np.asarray(cv2.dilate(horizontal | vertical, np.ones((5, 5), np.uint8)), np.uint8)
    return float((dark & (1 - ruled)).mean())


def _unchecked(field: str, reason: str) -> Finding:
    return Finding(
        code="material.form.unchecked",
        severity=Severity.WARNING,
        field=field,
        message_zh=f"未能自动检查核验单的签字（{reason}），将由人工审核。",
        message_en=f"The form's signature could not be checked automatically ({reason}); a reviewer will check it.",
        source=SOURCE,
        params={"reason": reason},
    )
