from __future__ import annotations

import pytest
from PIL import Image

from beian.demo import samples as builders
from beian.materials.checks.quality import (
    blur_findings,
    colour_findings,
    exposure_findings,
    measure_colourfulness,
    measure_exposure,
    measure_sharpness,
    resolution_findings,
)
from beian.materials.checks.requirement import DEFAULT_MIN_SHARPNESS

FIELD = "materials.business_licence"


@pytest.fixture(scope="module")
def licence() -> Image.Image:
    return builders.licence_image()


def test_short_side_below_minimum_names_size_and_limit():
    [finding] = resolution_findings(640, 451, min_short_side_px=600, field=FIELD)
    assert finding.code == "material.resolution" and finding.is_error
    assert "640×451" in finding.message_en and "451 px" in finding.message_en and "600 px" in finding.message_en
    assert "600 像素" in finding.message_zh and finding.fix_zh


def test_resolution_at_minimum_passes():
    assert resolution_findings(900, 600, min_short_side_px=600, field=FIELD) == []


@pytest.mark.parametrize("build", [builders.licence_image, builders.id_card_front_image, builders.owner_photo])
def test_sharp_images_pass_the_default_blur_threshold(build):
    assert measure_sharpness(build()) >= DEFAULT_MIN_SHARPNESS * 2


@pytest.mark.parametrize("build", [builders.licence_image, builders.id_card_front_image, builders.owner_photo])
def test_blurred_images_fail_the_default_blur_threshold(build):
    sharpness = measure_sharpness(builders.blurred(build(), 3))
    [finding] = blur_findings(sharpness, min_sharpness=DEFAULT_MIN_SHARPNESS, field=FIELD)
    assert finding.code == "material.blur"
    assert f"{sharpness:.0f}" in finding.message_en and f"{DEFAULT_MIN_SHARPNESS:.0f}" in finding.message_en


def test_blur_threshold_is_a_parameter(licence):
    sharpness = measure_sharpness(licence)
    [finding] = blur_findings(sharpness, min_sharpness=sharpness + 1, field=FIELD)
    assert finding.params["min_sharpness"] == sharpness + 1


def test_sharpness_does_not_depend_on_upload_size(licence):
    large = measure_sharpness(licence.resize((3200, 2254)))
    assert measure_sharpness(licence) / 2 < large < measure_sharpness(licence) * 2


def test_well_exposed_documents_and_photo_pass(licence):
    for image in (licence, builders.owner_photo(), builders.form_page_image(signed=False)):
        assert exposure_findings(measure_exposure(image), field=FIELD) == []


def test_overexposed_image_is_flagged_with_clipping_share(licence):
    washed_out = licence.point(lambda v: min(255, int(v * 0.35 + 190)))
    [finding] = exposure_findings(measure_exposure(washed_out), field=FIELD)
    assert finding.code == "material.overexposed"
    assert "pure white (limit 20%)" in finding.message_en and "grey level" in finding.message_en


def test_underexposed_image_is_flagged_with_highlight_level(licence):
    dark = licence.point(lambda v: int(v * 0.25))
    [finding] = exposure_findings(measure_exposure(dark), field=FIELD)
    assert finding.code == "material.underexposed"
    assert f"grey level {finding.params['highlight_level']}" in finding.message_en
    assert "at least 100" in finding.message_en


def test_colour_licence_passes(licence):
    assert colour_findings(measure_colourfulness(licence), field=FIELD) == []


@pytest.mark.parametrize("convert", [builders.greyscale, lambda image: image.convert("L")])
def test_black_and_white_scan_is_flagged(licence, convert):
    [finding] = colour_findings(measure_colourfulness(convert(licence)), field=FIELD)
    assert finding.code == "material.greyscale" and finding.is_error
    assert finding.rejection_reason == "DOC_NOT_ORIGINAL"
    assert "0.00% coloured pixels" in finding.message_en and "at least 1%" in finding.message_en
