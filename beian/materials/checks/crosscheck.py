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
from beian.rules.findings import Finding
from beian.rules.registry import MATERIAL_OCR_NOT_COMPARED, RULES, Bilingual

_ID_NUMBER_RUN = re.compile(r"(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])")


@dataclass(frozen=True)
class ComparedField:
    key: str  # key in the `expected` mapping
    code: str  # finding code stem, e.g. "material.ocr.uscc": its _mismatch and _unreadable rules are in the registry
    label_zh: str
    label_en: str
    document_zh: str
    document_en: str
    extract: Callable[[Sequence[OcrLine]], str | None]
    display: Callable[[str], str] = lambda value: value
    label_printed: str = ""  # the label printed before the value on the document (its row is read first)

    @property
    def label(self) -> Bilingual:
        return Bilingual(self.label_zh, self.label_en)

    @property
    def document(self) -> Bilingual:
        return Bilingual(self.document_zh, self.document_en)


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
        label_printed="统一社会信用代码",
    ),
    ComparedField(
        "name",
        "material.ocr.org_name",
        "单位名称",
        "organisation name",
        "营业执照",
        "business licence",
        extract_organisation_name,
        label_printed="名称",
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
        mask_id_number,
        label_printed="公民身份号码",
    ),
    ComparedField(
        "name",
        "material.ocr.person_name",
        "姓名",
        "name",
        "身份证",
        "ID card",
        extract_person_name,
        label_printed="姓名",
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
        label_printed="有效期限",
    ),
)


def printed_labels(specs: Sequence[ComparedField]) -> tuple[str, ...]:
    """The labels whose rows hold the values of `specs` (OCR reads those rows first)."""
    return tuple(spec.label_printed for spec in specs if spec.label_printed)


BUSINESS_LICENCE_LABELS = printed_labels(BUSINESS_LICENCE_FIELDS)
ID_CARD_LABELS = printed_labels(ID_CARD_FIELDS)
ID_CARD_BACK_LABELS = printed_labels(ID_CARD_BACK_FIELDS)
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
    return RULES[f"{spec.code}_mismatch"].at(
        field,
        params={"read": shown_read, "entered": shown_typed},
        read=shown_read,
        entered=shown_typed,
        label=spec.label,
        document=spec.document,
    )


def _unreadable(spec: ComparedField, field: str) -> Finding:
    return RULES[f"{spec.code}_unreadable"].at(field, params={}, label=spec.label, document=spec.document)


def _not_compared(spec: ComparedField, field: str) -> Finding:
    return MATERIAL_OCR_NOT_COMPARED.at(
        field, params={"expected_key": spec.key}, label=spec.label, document=spec.document
    )
