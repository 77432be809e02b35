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

import numpy as np
from PIL import Image

from beian.materials.checks.ocr import OcrLine, OcrUnavailable, compact, read_text, value_after_label
from beian.materials.checks.pdf import PDF_MAGIC, PdfUninspectable, inspect_pdf
from beian.rules import registry
from beian.rules.findings import Finding
from beian.rules.registry import Bilingual

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
COMPARED_ROW_LABELS = tuple(label for label, _label_en in COMPARED_ROWS.values())


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
        registry.MATERIAL_FORM_UNSIGNED.at(
            field, variant="pdf", params={"evidence_looked_for": sorted(PDF_SIGNATURE_EVIDENCE)}
        )
    ]


def image_signature_findings(image: Image.Image, lines: Sequence[OcrLine], *, field: str = FIELD) -> list[Finding]:
    findings = []
    if not any(TITLE_KEYWORD in line.compact_text for line in lines):
        findings.append(registry.MATERIAL_FORM_TITLE_MISSING.at(field, params={}, title=FORM_TITLE))
    label = next((line for line in lines if SIGNATURE_LABEL in line.compact_text), None)
    if label is None:
        findings.append(registry.MATERIAL_FORM_SIGNATURE_BOX_NOT_FOUND.at(field, params={}, label=SIGNATURE_LABEL))
        return findings
    ink = signature_ink_fraction(image, label)
    if ink < MIN_INK_FRACTION:
        findings.append(
            registry.MATERIAL_FORM_UNSIGNED.at(
                field,
                params={"ink_fraction": round(ink, 4), "min_ink_fraction": MIN_INK_FRACTION},
                ink=ink,
                min_ink=MIN_INK_FRACTION,
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
    return registry.RULES[f"material.form.{key}_mismatch"].at(
        field, params={"read": read, "expected": wanted}, label=Bilingual(label, label_en), read=read, wanted=wanted
    )


def _row_unreadable(key: str, label: str, label_en: str, field: str) -> Finding:
    return registry.RULES[f"material.form.{key}_unreadable"].at(field, params={}, label=Bilingual(label, label_en))


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
    import cv2  # OpenCV loads where it is used: the web process sanitising uploads never needs it

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
    return registry.MATERIAL_FORM_UNCHECKED.at(field, reason=reason)
