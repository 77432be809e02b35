"""End to end: bytes as uploaded → findings an applicant or reviewer sees."""

from __future__ import annotations

import json
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image

from beian.demo import samples as builders
from beian.materials.checks import KINDS, MaterialRequirement, annotate, ocr, run_material_checks
from beian.materials.tests import hostile
from beian.materials.verification_form import render_verification_form

REFERENCE = Path(__file__).resolve().parents[2] / "reference" / "data" / "icp-data.json"
LICENCE_EXPECTED = {"name": builders.COMPANY, "certificate_number": builders.USCC}
ID_EXPECTED = {"name": builders.PERSON, "certificate_number": builders.ID_NUMBER}


@pytest.fixture(scope="module")
def image_rules() -> dict:
    return json.loads(REFERENCE.read_text(encoding="utf-8"))["image_rules"]


@pytest.fixture(scope="module")
def requirement(image_rules) -> MaterialRequirement:
    return MaterialRequirement.from_image_rules(image_rules)


@pytest.fixture(scope="module")
def form_requirement(image_rules) -> MaterialRequirement:
    return MaterialRequirement.from_image_rules(image_rules, accepted_formats=[*image_rules["accepted_formats"], "pdf"])


def codes(result) -> set[str]:
    return {finding.code for finding in result.findings}


def test_requirement_comes_from_the_reference_data(requirement, image_rules):
    assert requirement.max_bytes == image_rules["recommended_max_bytes"]
    assert requirement.min_short_side_px == image_rules["min_short_side_px_recommended_unverified"]
    assert set(requirement.accepted_formats) == set(image_rules["accepted_formats"])


def test_requirement_as_a_plain_dict_and_unknown_keys():
    plain = {"accepted_formats": ["JPG"], "max_bytes": 10, "min_short_side_px": 1, "colour_required": False}
    assert MaterialRequirement.from_mapping(plain).accepted_formats == ("jpg",)
    with pytest.raises(ValueError, match="min_resolution"):
        MaterialRequirement.from_mapping({**plain, "min_resolution": 600})


def test_correct_licence_passes_with_metrics(requirement):
    result = run_material_checks(
        "business_licence",
        builders.jpeg_bytes(builders.licence_image()),
        requirement=requirement,
        expected=LICENCE_EXPECTED,
    )
    assert result.findings == [] and result.passed
    assert result.metrics["width"] == 1600 and result.metrics["sharpness"] > 100
    assert {"upload", "blur", "exposure", "colour", "ocr"} <= set(result.timings)
    assert any(line.text == builders.USCC for line in result.ocr_lines)


def test_licence_of_another_company_is_an_error(requirement):
    data = builders.jpeg_bytes(builders.licence_image(name="上海另一家贸易有限公司"))
    result = run_material_checks("business_licence", data, requirement=requirement, expected=LICENCE_EXPECTED)
    [finding] = result.findings
    assert finding.code == "material.ocr.org_name_mismatch" and not result.passed
    assert "上海另一家贸易有限公司" in finding.message_zh and builders.COMPANY in finding.message_zh


def test_blurred_licence_is_flagged_and_not_a_fake_ocr_pass(requirement):
    data = builders.jpeg_bytes(builders.blurred(builders.licence_image(), 6))
    result = run_material_checks("business_licence", data, requirement=requirement, expected=LICENCE_EXPECTED)
    assert "material.blur" in codes(result)
    assert codes(result) <= {"material.blur", "material.ocr.uscc_unreadable", "material.ocr.org_name_unreadable"}


def test_licence_rotated_by_exif_is_read_upright(requirement):
    result = run_material_checks(
        "business_licence",
        builders.exif_rotated_jpeg(builders.licence_image()),
        requirement=requirement,
        expected=LICENCE_EXPECTED,
    )
    assert result.findings == []
    assert (result.upload.width, result.upload.height) == (1600, 1127)


def test_low_resolution_licence_names_its_size(requirement):
    data = builders.jpeg_bytes(builders.licence_image(width=700))
    result = run_material_checks("business_licence", data, requirement=requirement, expected=LICENCE_EXPECTED)
    [finding] = [f for f in result.findings if f.code == "material.resolution"]
    assert "700×493" in finding.message_en and "600 px" in finding.message_en


def test_greyscale_licence_is_not_an_original(requirement):
    data = builders.jpeg_bytes(builders.greyscale(builders.licence_image()))
    result = run_material_checks("business_licence", data, requirement=requirement, expected=LICENCE_EXPECTED)
    assert codes(result) == {"material.greyscale"}


def test_colour_is_not_required_when_the_requirement_says_so(image_rules):
    relaxed = MaterialRequirement.from_image_rules(image_rules, colour_required=False)
    data = builders.jpeg_bytes(builders.greyscale(builders.licence_image()))
    assert run_material_checks("business_licence", data, requirement=relaxed, expected=LICENCE_EXPECTED).findings == []


def test_id_card_front_matches(requirement):
    result = run_material_checks(
        "id_card_front",
        builders.png_bytes(builders.id_card_front_image()),
        requirement=requirement,
        expected=ID_EXPECTED,
    )
    assert result.findings == []


def test_id_card_of_someone_else_is_masked_in_the_error(requirement):
    other = {"name": builders.PERSON, "certificate_number": "440524188001010014"}
    result = run_material_checks(
        "id_card_front", builders.jpeg_bytes(builders.id_card_front_image()), requirement=requirement, expected=other
    )
    [finding] = result.findings
    assert finding.code == "material.ocr.id_number_mismatch"
    assert "110105********002X" in finding.message_en and "440524********0014" in finding.message_en


def test_id_card_back_runs_quality_checks_only(requirement):
    result = run_material_checks(
        "id_card_back", builders.jpeg_bytes(builders.id_card_back_image()), requirement=requirement, expected={}
    )
    assert result.findings == [] and result.ocr_lines == [] and "ocr" not in result.timings


def test_owner_photo_with_one_face(requirement):
    photo = builders.owner_photo().resize((800, 800))
    result = run_material_checks("owner_photo", builders.jpeg_bytes(photo), requirement=requirement, expected={})
    assert result.findings == [] and len(result.faces) == 1 and result.metrics["faces"] == 1


def test_owner_photo_without_a_face(requirement):
    result = run_material_checks(
        "owner_photo", builders.jpeg_bytes(builders.id_card_back_image()), requirement=requirement, expected={}
    )
    assert codes(result) == {"material.face.none"}


def test_signed_form_photo_passes(form_requirement):
    data = builders.jpeg_bytes(builders.form_page_image(signed=True))
    assert run_material_checks("verification_form", data, requirement=form_requirement, expected={}).findings == []


def test_unsigned_form_photo_is_an_error(form_requirement):
    data = builders.jpeg_bytes(builders.form_page_image(signed=False))
    result = run_material_checks("verification_form", data, requirement=form_requirement, expected={})
    [finding] = result.findings
    assert finding.code == "material.form.unsigned" and "0.00%" in finding.message_en


def test_photo_of_something_else_as_form_says_what_it_could_not_find(form_requirement):
    data = builders.jpeg_bytes(builders.licence_image())
    result = run_material_checks("verification_form", data, requirement=form_requirement, expected={})
    assert codes(result) == {"material.form.title_missing", "material.form.signature_box_not_found"}


def test_blank_generated_form_pdf_is_unsigned(form_requirement):
    result = run_material_checks(
        "verification_form", render_verification_form(builders.form_data()), requirement=form_requirement, expected={}
    )
    assert codes(result) == {"material.form.unsigned"} and result.upload.is_pdf


def test_scanned_form_pdf_passes(form_requirement):
    buffer = BytesIO()
    builders.form_page_image(signed=True).save(buffer, "PDF", resolution=150)
    result = run_material_checks("verification_form", buffer.getvalue(), requirement=form_requirement, expected={})
    assert result.findings == [] and result.upload.is_pdf


def test_hostile_upload_becomes_one_error_and_nothing_else_runs(requirement):
    polyglot = builders.jpeg_bytes(builders.licence_image()) + hostile.zip_archive()
    result = run_material_checks("business_licence", polyglot, requirement=requirement, expected=LICENCE_EXPECTED)
    assert codes(result) == {"material.upload.trailing_data"} and result.upload is None and not result.passed
    assert result.findings[0].field == "materials.business_licence"


def test_ocr_failure_is_a_finding_not_a_pass(requirement, monkeypatch):
    def broken(*args, **kwargs):
        raise ocr.OcrUnavailable("model missing")

    monkeypatch.setattr("beian.materials.checks.ocr_page", broken)
    result = run_material_checks(
        "business_licence",
        builders.jpeg_bytes(builders.licence_image()),
        requirement=requirement,
        expected=LICENCE_EXPECTED,
    )
    [finding] = result.findings
    assert finding.code == "material.ocr.unavailable" and "model missing" in finding.message_en


def test_every_kind_is_known_and_unknown_kinds_are_refused(requirement):
    assert set(KINDS) == {
        "business_licence",
        "id_card_front",
        "id_card_back",
        "owner_photo",
        "domain_certificate",
        "letter",
        "verification_form",
    }
    with pytest.raises(ValueError, match="passport"):
        run_material_checks("passport", b"", requirement=requirement, expected={})


def test_ocr_reads_the_rows_the_checks_need_and_every_line_when_they_leave_a_finding(requirement):
    """A licence that matches settles on its labels and the name and code rows; one of another
    company is read whole, so its finding is what reading every line finds."""
    ocr.forget_read_text()  # pages are kept by their pixels: another test may have read this one whole
    good = run_material_checks(
        "business_licence",
        builders.jpeg_bytes(builders.licence_image()),
        requirement=requirement,
        expected=LICENCE_EXPECTED,
    )
    assert good.passed and good.findings == []
    assert 0 < good.metrics["ocr_lines"] < good.metrics["ocr_boxes"] == good.metrics["ocr_lines"] + len(good.ocr_unread)
    assert {builders.COMPANY, builders.USCC} <= {line.text for line in good.ocr_lines}

    other = builders.jpeg_bytes(builders.licence_image(name="上海另一家贸易有限公司", uscc="91310000MA1FL0000N"))
    bad = run_material_checks("business_licence", other, requirement=requirement, expected=LICENCE_EXPECTED)
    assert {finding.code for finding in bad.findings} == {
        "material.ocr.org_name_mismatch",
        "material.ocr.uscc_mismatch",
    }
    assert bad.ocr_unread == [] and bad.metrics["ocr_lines"] == bad.metrics["ocr_boxes"]


def test_annotation_draws_ocr_and_face_boxes(requirement):
    ocr.forget_read_text()
    data = builders.exif_rotated_jpeg(builders.licence_image())
    result = run_material_checks("business_licence", data, requirement=requirement, expected=LICENCE_EXPECTED)
    annotated = Image.open(BytesIO(annotate(data, result)))
    assert annotated.format == "PNG" and annotated.size == (1600, 1127)
    x, y = result.ocr_lines[0].box[0]
    assert annotated.getpixel((x, y + 5))[2] > 150  # blue box edge drawn at the first OCR line
    # text no check needed (e.g. the business scope) is outlined in grey, without a reading
    (x, y), (right, _), _, (_, bottom) = result.ocr_unread[0]
    red, green, blue = annotated.getpixel((x, (y + bottom) // 2))
    assert red == green == blue == 150 and right > x

    photo = builders.jpeg_bytes(builders.owner_photo())
    photo_result = run_material_checks("owner_photo", photo, requirement=requirement, expected={})
    left, top, _, _ = photo_result.faces[0].corners
    assert Image.open(BytesIO(annotate(photo, photo_result))).getpixel((left + 1, top + 10))[0] > 180


def test_rejected_upload_cannot_be_annotated(requirement):
    result = run_material_checks("owner_photo", b"not an image", requirement=requirement, expected={})
    with pytest.raises(ValueError):
        annotate(b"not an image", result)


def test_details_are_json_ready_and_mask_id_numbers(requirement):
    result = run_material_checks(
        "id_card_front",
        builders.jpeg_bytes(builders.id_card_front_image()),
        requirement=requirement,
        expected=ID_EXPECTED,
    )
    details = json.loads(json.dumps(result.details(), ensure_ascii=False))
    texts = [line["text"] for line in details["ocr_lines"]]
    assert "110105********002X" in texts and builders.ID_NUMBER not in json.dumps(details)
    assert details["upload"]["format"] == "jpeg" and details["metrics"]["ocr_lines"] == len(texts)


def test_misspelt_expected_keys_are_refused_rather_than_silently_not_compared(requirement):
    with pytest.raises(ValueError, match="uscc"):
        run_material_checks(
            "business_licence",
            builders.jpeg_bytes(builders.licence_image()),
            requirement=requirement,
            expected={"uscc": builders.USCC, "name": builders.COMPANY},
        )


def test_pdf_for_an_image_kind_says_the_image_checks_did_not_run(form_requirement):
    buffer = BytesIO()
    builders.licence_image().save(buffer, "PDF")
    result = run_material_checks("domain_certificate", buffer.getvalue(), requirement=form_requirement, expected={})
    [finding] = result.findings
    assert finding.code == "material.pdf.unchecked" and "reviewer" in finding.message_en
