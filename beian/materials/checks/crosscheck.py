"""Compare what OCR read on a certificate with what the applicant typed.

A mismatch is an ERROR naming both values (ID numbers masked); text that OCR could not read is a
WARNING asking for a reviewer's eye, never a silent pass.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from beian.core.masking import mask_id_number
from beian.materials.checks.ocr import (
    OcrLine,
    compact,
    extract_id_number,
    extract_organisation_name,
    extract_person_name,
    extract_uscc,
    extract_validity_end,
)
from beian.rules.findings import Finding, Severity

SOURCE = "rules §9, §5.1, §5.2"
_ID_NUMBER_RUN = re.compile(r"(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])")


@dataclass(frozen=True)
class ComparedField:
    key: str  # key in the `expected` mapping
    code: str  # finding code stem, e.g. "material.ocr.uscc"
    label_zh: str
    label_en: str
    document_zh: str
    document_en: str
    extract: Callable[[Sequence[OcrLine]], str | None]
    rejection_reason: str
    display: Callable[[str], str] = lambda value: value


def mask_id_numbers_in(text: str) -> str:
    """Text with every 18-character resident-ID-like run masked."""
    return _ID_NUMBER_RUN.sub(lambda match: mask_id_number(match.group()), text)


BUSINESS_LICENCE_FIELDS = (
    ComparedField(
        "certificate_number",
        "material.ocr.uscc",
        "统一社会信用代码",
        "unified social credit code",
        "营业执照",
        "business licence",
        extract_uscc,
        "CERT_NUMBER_MISMATCH",
    ),
    ComparedField(
        "name",
        "material.ocr.org_name",
        "单位名称",
        "organisation name",
        "营业执照",
        "business licence",
        extract_organisation_name,
        "SUBJECT_NAME_MISMATCH",
    ),
)
ID_CARD_FIELDS = (
    ComparedField(
        "certificate_number",
        "material.ocr.id_number",
        "身份证号码",
        "ID number",
        "身份证",
        "ID card",
        extract_id_number,
        "CERT_NUMBER_MISMATCH",
        mask_id_number,
    ),
    ComparedField(
        "name", "material.ocr.person_name", "姓名", "name", "身份证", "ID card", extract_person_name, "OTHER"
    ),
)


ID_CARD_BACK_FIELDS = (
    ComparedField(
        "valid_until",  # ISO date, or 长期 for a long-term card
        "material.ocr.valid_until",
        "证件有效期至",
        "validity end date",
        "身份证背面",
        "ID card back",
        extract_validity_end,
        "OTHER",
    ),
)
ID_CARD_BACK_KEYS = frozenset(spec.key for spec in ID_CARD_BACK_FIELDS)
EXPECTED_KEYS = frozenset(spec.key for spec in BUSINESS_LICENCE_FIELDS + ID_CARD_FIELDS + ID_CARD_BACK_FIELDS)


def business_licence_findings(lines: Sequence[OcrLine], expected: Mapping[str, str], *, field: str) -> list[Finding]:
    return _crosscheck(lines, expected, BUSINESS_LICENCE_FIELDS, field)


def id_card_findings(lines: Sequence[OcrLine], expected: Mapping[str, str], *, field: str) -> list[Finding]:
    return _crosscheck(lines, expected, ID_CARD_FIELDS, field)


def id_card_back_findings(lines: Sequence[OcrLine], expected: Mapping[str, str], *, field: str) -> list[Finding]:
    """The validity period's end on the back against the typed 证件有效期至 (or 长期)."""
    return _crosscheck(lines, expected, ID_CARD_BACK_FIELDS, field)


def _crosscheck(
    lines: Sequence[OcrLine], expected: Mapping[str, str], specs: Sequence[ComparedField], field: str
) -> list[Finding]:
    findings = []
    for spec in specs:
        typed = normalised(expected.get(spec.key) or "")
        if not typed:
            findings.append(_not_compared(spec, field))
            continue
        read = spec.extract(lines)
        if read is None:
            findings.append(_unreadable(spec, field))
        elif normalised(read) != typed:
            findings.append(_mismatch(spec, field, read=normalised(read), typed=typed))
    return findings


def normalised(value: str) -> str:
    return compact(value).upper()


def _mismatch(spec: ComparedField, field: str, *, read: str, typed: str) -> Finding:
    shown_read, shown_typed = spec.display(read), spec.display(typed)
    return Finding(
        code=f"{spec.code}_mismatch",
        severity=Severity.ERROR,
        field=field,
        message_zh=f"{spec.document_zh}上的{spec.label_zh}“{shown_read}”与填写的“{shown_typed}”不一致。",
        message_en=f'The {spec.label_en} on the {spec.document_en}, "{shown_read}", differs from the one entered, '
        f'"{shown_typed}".',
        fix_zh=f"请核对填写的{spec.label_zh}，或上传与所填信息一致的{spec.document_zh}。",
        fix_en=f"Check the {spec.label_en} you entered, or upload the {spec.document_en} that matches it.",
        source=SOURCE,
        rejection_reason=spec.rejection_reason,
        params={"read": shown_read, "entered": shown_typed},
    )


def _unreadable(spec: ComparedField, field: str) -> Finding:
    return Finding(
        code=f"{spec.code}_unreadable",
        severity=Severity.WARNING,
        field=field,
        message_zh=f"未能从{spec.document_zh}图片中识别出{spec.label_zh}，无法自动核对，将由人工审核。",
        message_en=f"The {spec.label_en} could not be read from the {spec.document_en} image, so it was not checked "
        "automatically; a reviewer will check it.",
        fix_zh=f"请上传完整、清晰、无遮挡的{spec.document_zh}原件照片。",
        fix_en=f"Upload a complete, sharp and unobstructed photo of the original {spec.document_en}.",
        source=SOURCE,
        rejection_reason="DOC_UNCLEAR",
    )


def _not_compared(spec: ComparedField, field: str) -> Finding:
    return Finding(
        code="material.ocr.not_compared",
        severity=Severity.INFO,
        field=field,
        message_zh=f"尚未填写{spec.label_zh}，未与{spec.document_zh}核对。",
        message_en=f"No {spec.label_en} was entered, so the {spec.document_en} was not compared.",
        source=SOURCE,
        params={"expected_key": spec.key},
    )
