"""Upload service: hostile files are refused with a clear message and leave nothing behind;
every version is kept and only the newest is current."""

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from beian.core.exceptions import ValidationFailed
from beian.demo import samples
from beian.filings import services
from beian.materials.models import Material
from beian.materials.services import current_materials, material_upload
from beian.materials.tests import hostile


@pytest.fixture
def draft(applicant, hosted_site):
    order = services.order_create_draft(
        organisation=applicant.memberships.get().organisation, user=applicant, hosted_site=hosted_site
    )
    services.order_update(order=order, user=applicant, values={"subject.nature": 4, "subject.province": "11"})
    return order


def _files_on_disk():
    root = settings.PRIVATE_MEDIA_ROOT
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


@pytest.mark.parametrize(
    "name,data",
    [
        ("polyglot.jpg", samples.jpeg_bytes(samples.owner_photo()) + b"PK\x03\x04" + b"\x00" * 64),
        ("archive.jpg", b"PK\x03\x04" + b"\x00" * 200),
        ("truncated.jpg", samples.jpeg_bytes(samples.owner_photo())[:2000]),
        ("script.png", b"<script>alert(1)</script>"),
    ],
)
def test_hostile_uploads_are_refused_and_nothing_is_stored(draft, applicant, name, data):
    before = _files_on_disk()
    with pytest.raises(ValidationFailed) as refused:
        material_upload(order=draft, slot="owner_photo", upload=SimpleUploadedFile(name, data), user=applicant)
    assert refused.value.field == "materials.owner_photo"
    assert refused.value.message  # a sentence for the applicant, not a stack trace
    assert not Material.objects.filter(order=draft).exists()
    assert _files_on_disk() == before


def test_decompression_bomb_is_refused_before_decoding(draft, applicant):
    with pytest.raises(ValidationFailed) as refused:
        material_upload(
            order=draft, slot="owner_photo", upload=SimpleUploadedFile("bomb.png", hostile.png_bomb()), user=applicant
        )
    assert refused.value.code == "material.upload.too_many_pixels"


def test_every_version_is_kept_and_the_newest_is_current(draft, applicant):
    for side in (700, 800):
        material_upload(
            order=draft,
            slot="owner_photo",
            upload=SimpleUploadedFile("me.jpg", samples.jpeg_bytes(samples.owner_photo(side=side))),
            user=applicant,
        )
    versions = list(Material.objects.filter(order=draft, slot="owner_photo").order_by("version"))
    assert [(m.version, m.is_current) for m in versions] == [(1, False), (2, True)]
    assert current_materials(draft)["owner_photo"].width == 800


def test_a_blurry_licence_of_another_company_is_explained(draft, applicant, django_capture_on_commit_callbacks):
    services.order_update(
        order=draft,
        user=applicant,
        values={
            "subject.certificate_type": 1,
            "subject.certificate_number": samples.USCC,
            "subject.name": samples.COMPANY,
        },
    )
    other = samples.blurred(samples.licence_image(name="上海另一家公司有限公司", uscc="91310000MA1FL0000N"), radius=3.0)
    with django_capture_on_commit_callbacks(execute=True):  # the check task runs after the upload commits
        material = material_upload(
            order=draft,
            slot="business_licence",
            upload=SimpleUploadedFile("licence.jpg", samples.jpeg_bytes(other)),
            user=applicant,
        )
    material.refresh_from_db()
    codes = {f["code"]: f for f in material.findings}
    assert "material.blur" in codes
    assert "material.ocr.uscc_mismatch" in codes
    assert "91310000MA1FL0000N" in codes["material.ocr.uscc_mismatch"]["message_en"]
    assert samples.USCC in codes["material.ocr.uscc_mismatch"]["message_en"]
