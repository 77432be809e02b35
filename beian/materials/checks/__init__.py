"""Automated checks of uploaded filing materials (rules §4): plain functions, no Django.

`run_material_checks` sanitises one upload and runs the checks its kind needs; `annotate` draws
what OCR and the face detector found, for reviewers.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from io import BytesIO
from typing import Any

from PIL import Image, ImageDraw, ImageFont, ImageOps

from beian.materials.checks.crosscheck import (
    BUSINESS_LICENCE_LABELS,
    EXPECTED_KEYS,
    ID_CARD_BACK_LABELS,
    ID_CARD_LABELS,
    business_licence_findings,
    id_card_back_findings,
    id_card_findings,
    mask_id_numbers_in,
)
from beian.materials.checks.face import FaceBox, FaceDetectorUnavailable, detect_faces, face_findings
from beian.materials.checks.form import (
    COMPARED_ROW_LABELS,
    COMPARED_ROWS,
    form_order_findings,
    image_signature_findings,
    pdf_signature_findings,
)
from beian.materials.checks.ocr import OcrLine, OcrUnavailable, ocr_page
from beian.materials.checks.quality import (
    blur_findings,
    colour_findings,
    downscaled,
    exposure_findings,
    exposure_of,
    grey_work_copy,
    measure_colourfulness,
    resolution_findings,
    sharpness_of,
)
from beian.materials.checks.requirement import MaterialRequirement, as_requirement
from beian.materials.checks.upload import SanitisedUpload, UploadRejected, inspect_upload
from beian.materials.fonts import CJK_FONT_PATH
from beian.rules import registry
from beian.rules.findings import Finding, has_errors
from beian.rules.registry import Bilingual

__all__ = ["KINDS", "CheckResult", "MaterialRequirement", "annotate", "annotate_details", "run_material_checks"]

Crosscheck = Callable[..., list[Finding]]  # (lines, expected, *, field) -> findings
ANNOTATION_SIDE = 1600


@dataclass(frozen=True)
class KindChecks:
    colour: bool = False  # colour original (when the requirement asks for it)
    face: bool = False  # exactly one face
    crosscheck: Crosscheck | None = None  # OCR fields vs what the applicant typed
    signature: bool = False  # verification form signed
    compare_only_given: bool = False  # the crosscheck runs (and OCR for it) only when `expected` is given
    labels: tuple[str, ...] = ()  # labels printed before the values the crosscheck reads (OCR reads their rows first)

    def needs_ocr(self, expected: Mapping[str, str]) -> bool:
        return self.signature or (self.crosscheck is not None and (bool(expected) or not self.compare_only_given))


KINDS: dict[str, KindChecks] = {
    "business_licence": KindChecks(colour=True, crosscheck=business_licence_findings, labels=BUSINESS_LICENCE_LABELS),
    "id_card_front": KindChecks(colour=True, crosscheck=id_card_findings, labels=ID_CARD_LABELS),
    "id_card_back": KindChecks(
        colour=True, crosscheck=id_card_back_findings, compare_only_given=True, labels=ID_CARD_BACK_LABELS
    ),
    "owner_photo": KindChecks(colour=True, face=True),
    "domain_certificate": KindChecks(),
    "letter": KindChecks(),  # authorisation and name-change letters: image quality only; a reviewer reads them
    "verification_form": KindChecks(
        signature=True, crosscheck=form_order_findings, compare_only_given=True, labels=COMPARED_ROW_LABELS
    ),
}


@dataclass
class CheckResult:
    findings: list[Finding] = field(default_factory=list)
    ocr_lines: list[OcrLine] = field(default_factory=list)
    ocr_unread: list[tuple[tuple[int, int], ...]] = field(default_factory=list)  # boxes of text no check needed
    faces: list[FaceBox] = field(default_factory=list)
    metrics: dict[str, Any] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)  # seconds spent per check
    upload: SanitisedUpload | None = None  # None when the upload was rejected

    @property
    def passed(self) -> bool:
        return self.upload is not None and not has_errors(self.findings)

    def details(self) -> dict[str, Any]:
        """JSON-ready record of what was measured and read, for storage and the reviewer view.

        Findings are not included (see `findings`); ID numbers in OCR text are masked.
        """
        upload = self.upload
        return {
            "upload": None
            if upload is None
            else {
                "format": upload.format,
                "width": upload.width,
                "height": upload.height,
                "sha256": upload.sha256,
                "source_sha256": upload.source_sha256,
            },
            "metrics": dict(self.metrics),
            "timings": {check: round(seconds, 4) for check, seconds in self.timings.items()},
            "ocr_lines": [
                {
                    "text": mask_id_numbers_in(line.text),
                    "box": [list(corner) for corner in line.box],
                    "score": round(line.score, 3),
                }
                for line in self.ocr_lines
            ],
            "ocr_unread": [[list(corner) for corner in box] for box in self.ocr_unread],
            "faces": [asdict(face) for face in self.faces],
        }

    @contextmanager
    def timed(self, check: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.timings[check] = self.timings.get(check, 0.0) + time.perf_counter() - started


def run_material_checks(
    kind: str, data: bytes, *, requirement: MaterialRequirement | Mapping[str, Any], expected: Mapping[str, str]
) -> CheckResult:
    """Sanitise `data` and run the checks of `kind` (a key of KINDS).

    `requirement`: a MaterialRequirement or a dict of its fields (from the reference data).
    `expected`: what the applicant typed: {"name": ..., "certificate_number": ...} for
    business_licence and id_card_front; {"valid_until": ISO date or 长期} for id_card_back; the
    order's rows (keys of checks.form.COMPARED_ROWS) for verification_form; ignored by the other
    kinds. id_card_back and verification_form compare nothing when `expected` is empty.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown material kind {kind!r}; expected one of {sorted(KINDS)}")
    checks, rules, where = KINDS[kind], as_requirement(requirement), f"materials.{kind}"
    unknown_keys = set(expected) - (COMPARED_ROWS.keys() if checks.signature else EXPECTED_KEYS)
    if checks.crosscheck is not None and unknown_keys:
        raise ValueError(f"unknown expected keys {sorted(unknown_keys)}; use {sorted(EXPECTED_KEYS)}")
    result = CheckResult()
    with result.timed("upload"):
        try:
            result.upload = inspect_upload(
                BytesIO(data),
                declared_size=len(data),
                allowed_formats=list(rules.accepted_formats),
                max_bytes=rules.max_bytes,
                max_pixels=rules.max_pixels,
                max_side=rules.max_side,
            )
        except UploadRejected as rejection:
            result.findings.append(rejection.as_finding(where))
            return result
        if result.upload.is_pdf:
            result.findings.extend(_pdf_findings(result.upload, checks, where))
            return result
        image = result.upload.open_image()
    _image_checks(result, image, checks, rules, expected, where)
    return result


def _pdf_findings(upload: SanitisedUpload, checks: KindChecks, where: str) -> list[Finding]:
    if checks.signature:
        return pdf_signature_findings(upload.data, field=where)
    return [registry.MATERIAL_PDF_UNCHECKED.at(where)]


def _image_checks(
    result: CheckResult,
    image: Image.Image,
    checks: KindChecks,
    rules: MaterialRequirement,
    expected: Mapping[str, str],
    where: str,
) -> None:
    result.metrics.update(width=image.width, height=image.height)
    result.findings.extend(
        resolution_findings(image.width, image.height, min_short_side_px=rules.min_short_side_px, field=where)
    )
    with result.timed("blur"):
        grey = grey_work_copy(image)  # one copy for blur and exposure
        sharpness = sharpness_of(grey)
    result.metrics["sharpness"] = round(sharpness, 1)
    result.findings.extend(blur_findings(sharpness, min_sharpness=rules.min_sharpness, field=where))
    with result.timed("exposure"):
        exposure = exposure_of(grey)
    result.metrics.update(
        dark_clipped=round(exposure.dark_clipped, 4), bright_clipped=round(exposure.bright_clipped, 4)
    )
    result.findings.extend(exposure_findings(exposure, field=where))
    if checks.colour and rules.colour_required:
        with result.timed("colour"):
            colourful = measure_colourfulness(image)
        result.metrics["colourful_fraction"] = round(colourful, 4)
        result.findings.extend(colour_findings(colourful, field=where))
    if checks.face:
        with result.timed("face"):
            _face_check(result, image, where)
    if checks.needs_ocr(expected):
        with result.timed("ocr"):
            _ocr_checks(result, image, checks, expected, where)


def _face_check(result: CheckResult, image: Image.Image, where: str) -> None:
    try:
        result.faces = detect_faces(image)
    except FaceDetectorUnavailable as exc:
        result.findings.append(
            _check_not_run(registry.MATERIAL_FACE_UNCHECKED, where, Bilingual("人脸检测", "face detection"), exc)
        )
        return
    result.metrics["faces"] = len(result.faces)
    result.findings.extend(face_findings(result.faces, field=where))


def _ocr_checks(
    result: CheckResult, image: Image.Image, checks: KindChecks, expected: Mapping[str, str], where: str
) -> None:
    """The rows the checks need first (labels and the rows of the compared values); every line
    when those leave a finding, so a finding is never the effect of a line left unread."""
    try:
        page = ocr_page(image, key=result.upload.sha256 if result.upload else "")
        lines = page.read_rows(checks.labels)
        findings = _ocr_findings(image, lines, checks, expected, where)
        if findings and not page.complete:
            lines = page.read_all()
            findings = _ocr_findings(image, lines, checks, expected, where)
    except OcrUnavailable as exc:
        result.findings.append(
            _check_not_run(registry.MATERIAL_OCR_UNAVAILABLE, where, Bilingual("文字识别", "text recognition"), exc)
        )
        return
    result.ocr_lines, result.ocr_unread = lines, page.unread_boxes()
    result.metrics.update(ocr_lines=len(lines), ocr_boxes=page.box_count)
    result.findings.extend(findings)


def _ocr_findings(
    image: Image.Image, lines: list[OcrLine], checks: KindChecks, expected: Mapping[str, str], where: str
) -> list[Finding]:
    findings = []
    if checks.crosscheck is not None and (expected or not checks.compare_only_given):
        findings.extend(checks.crosscheck(lines, expected, field=where))
    if checks.signature:
        findings.extend(image_signature_findings(image, lines, field=where))
    return findings


def _check_not_run(rule: registry.Rule, where: str, check: Bilingual, error: Exception) -> Finding:
    return rule.at(where, params={"error": str(error)}, check=check, error=error)


def annotate(data: bytes, result: CheckResult) -> bytes:
    """PNG of the checked image with OCR boxes (blue, with text) and face boxes (red)."""
    if result.upload is None or result.upload.is_pdf:
        raise ValueError("only an accepted image upload can be annotated")
    return annotate_details(data, result.details())


def annotate_details(data: bytes, details: Mapping[str, Any]) -> bytes:
    """The same drawing from a stored `CheckResult.details()` record (no OCR re-run)."""
    image = ImageOps.exif_transpose(Image.open(BytesIO(data))).convert("RGB")
    canvas = downscaled(image, ANNOTATION_SIDE)
    scale = canvas.width / image.width
    draw = ImageDraw.Draw(canvas)
    font = ImageFont.truetype(str(CJK_FONT_PATH), size=max(12, round(14 * canvas.width / 1000)))
    for line in details.get("ocr_lines", []):
        corners = [(x * scale, y * scale) for x, y in line["box"]]
        draw.polygon(corners, outline=(30, 90, 220), width=2)
        label_at = (corners[0][0], corners[0][1] - font.size - 4)
        label = f"{line['text']} ({line['score']:.2f})"
        draw.rectangle(draw.textbbox(label_at, label, font=font), fill=(255, 255, 255))
        draw.text(label_at, label, fill=(30, 90, 220), font=font)
    for box in details.get("ocr_unread", []):  # text no check needed, not recognised
        draw.polygon([(x * scale, y * scale) for x, y in box], outline=(150, 150, 150), width=1)
    for face in details.get("faces", []):
        box = FaceBox(**face)
        draw.rectangle([v * scale for v in box.corners], outline=(220, 30, 30), width=3)
    buffer = BytesIO()
    canvas.save(buffer, "PNG")
    return buffer.getvalue()
