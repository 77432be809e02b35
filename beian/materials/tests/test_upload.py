from __future__ import annotations

from io import BytesIO

import pytest
from PIL import Image

from beian.demo import samples as builders
from beian.materials.checks.upload import UploadRejected, inspect_upload
from beian.materials.tests import hostile

IMAGES = ["jpg", "jpeg", "png"]
MAX_BYTES = 4 * 1024 * 1024
MAX_PIXELS = 40_000_000


def inspect(data: bytes, allowed: list[str] = IMAGES, *, max_bytes: int = MAX_BYTES, declared_size: int | None = None):
    return inspect_upload(
        BytesIO(data), declared_size=declared_size, allowed_formats=allowed, max_bytes=max_bytes, max_pixels=MAX_PIXELS
    )


def rejection(data: bytes, allowed: list[str] = IMAGES, **kwargs) -> UploadRejected:
    with pytest.raises(UploadRejected) as caught:
        inspect(data, allowed, **kwargs)
    return caught.value


@pytest.fixture(scope="module")
def photo() -> Image.Image:
    return builders.licence_image(width=800)


def test_jpeg_is_reencoded_with_its_size_and_digest(photo):
    upload = inspect(builders.jpeg_bytes(photo))
    assert (upload.format, upload.width, upload.height, upload.content_type) == ("jpeg", 800, 563, "image/jpeg")
    assert len(upload.sha256) == 64 and upload.sha256 != upload.source_sha256
    assert upload.open_image().size == (800, 563)


def test_png_stays_png(photo):
    upload = inspect(builders.png_bytes(photo))
    assert upload.format == "png" and upload.data.startswith(b"\x89PNG")


def test_gps_and_camera_metadata_are_removed(photo):
    original = builders.jpeg_with_gps(photo)
    assert Image.open(BytesIO(original)).getexif().get_ifd(0x8825)  # the fixture really has GPS
    clean = Image.open(BytesIO(inspect(original).data))
    assert not clean.getexif()
    assert b"ExampleCam" not in inspect(original).data and "exif" not in clean.info


def test_exif_orientation_is_applied(photo):
    upload = inspect(builders.exif_rotated_jpeg(photo))
    assert (upload.width, upload.height) == (800, 563)  # stored 563 × 800, shown upright
    assert not Image.open(BytesIO(upload.data)).getexif()


def test_declared_oversize_is_refused_without_reading():
    class Unreadable:
        def read(self, size: int = -1) -> bytes:
            raise AssertionError("must not read")

    with pytest.raises(UploadRejected) as caught:
        inspect_upload(
            Unreadable(),
            declared_size=5 * 1024 * 1024,
            allowed_formats=IMAGES,
            max_bytes=MAX_BYTES,
            max_pixels=MAX_PIXELS,
        )
    assert caught.value.code == "material.upload.too_large"
    assert "5.00 MB" in caught.value.message_en and "4.00 MB" in caught.value.message_en


def test_undeclared_oversize_reads_at_most_one_byte_over_the_limit():
    stream = BytesIO(b"\xff\xd8\xff" + b"\0" * (2 * MAX_BYTES))
    with pytest.raises(UploadRejected) as caught:
        inspect_upload(stream, declared_size=None, allowed_formats=IMAGES, max_bytes=MAX_BYTES, max_pixels=MAX_PIXELS)
    assert caught.value.code == "material.upload.too_large"
    assert stream.tell() == MAX_BYTES + 1


def test_empty_file():
    assert rejection(b"").code == "material.upload.empty"


def test_zip_named_jpg_is_refused_by_content():
    refused = rejection(hostile.zip_archive())
    assert refused.code == "material.upload.type_not_allowed"
    assert "ZIP" in refused.message_en and "JPG/JPEG/PNG" in refused.message_en


def test_gif_is_not_an_allowed_format():
    buffer = BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, "GIF")
    assert rejection(buffer.getvalue()).params["detected"] == "gif"


def test_formats_that_cannot_be_sanitised_are_a_configuration_error():
    with pytest.raises(ValueError, match="gif"):
        inspect(b"GIF89a", ["png", "gif"])


def test_html_is_not_an_image():
    refused = rejection(hostile.HTML_PAYLOAD)
    assert refused.code == "material.upload.unrecognised"


def test_pdf_is_refused_where_only_images_are_allowed():
    assert rejection(hostile.minimal_pdf()).code == "material.upload.type_not_allowed"


@pytest.fixture
def no_decoding(monkeypatch):
    """Fails the test if any pixel of the upload is decoded."""

    def decoded(*args, **kwargs):
        raise AssertionError("the image was decoded")

    monkeypatch.setattr("beian.materials.checks.upload._decoded", decoded)


def test_decompression_bomb_is_refused_from_its_header(no_decoding):
    refused = rejection(hostile.png_bomb())
    assert refused.code == "material.upload.too_many_pixels"
    assert "100000×100000" in refused.message_en and "40,000,000" in refused.message_en


def test_an_image_wider_than_the_side_limit_is_refused_from_its_header(no_decoding):
    """12000 × 100 is only 1.2 megapixels, but no document photo is that wide: refused unread."""
    refused = rejection(hostile.png_bomb(width=12_000, height=100))
    assert refused.code == "material.upload.too_wide"
    assert "12000×100" in refused.message_en and "10000" in refused.message_en
    assert "单边超过 10000 像素" in refused.message_zh


@pytest.mark.parametrize("payload", [hostile.zip_archive(), hostile.HTML_PAYLOAD, b"%PDF-1.4 trailer"])
def test_jpeg_polyglot_is_refused(photo, payload):
    refused = rejection(builders.jpeg_bytes(photo) + payload)
    assert refused.code == "material.upload.trailing_data"
    assert f"{len(payload)} bytes" in refused.message_en


def test_data_after_png_iend_is_refused(photo):
    assert rejection(builders.png_bytes(photo) + hostile.HTML_PAYLOAD).code == "material.upload.trailing_data"


def test_truncated_jpeg_is_refused(photo):
    data = builders.jpeg_bytes(photo)
    assert rejection(data[: len(data) // 2]).code == "material.upload.truncated"


def test_truncated_png_is_refused(photo):
    data = builders.png_bytes(photo)
    assert rejection(data[: len(data) - 40]).code == "material.upload.truncated"


def test_damaged_png_data_is_refused(photo):
    data = bytearray(builders.png_bytes(photo))
    data[200:260] = b"\x00" * 60  # inside IDAT: the chunk CRC no longer matches
    assert rejection(bytes(data)).code == "material.upload.corrupt"


def test_signed_pdf_is_accepted_when_pdf_is_allowed(photo):
    buffer = BytesIO()
    photo.save(buffer, "PDF")
    upload = inspect(buffer.getvalue(), [*IMAGES, "pdf"])
    assert upload.is_pdf and upload.width is None and upload.data == buffer.getvalue()


@pytest.mark.parametrize(
    "catalog_extra",
    [
        "/OpenAction << /S /JavaScript /JS (app.alert(1)) >>",
        "/OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >>",
        "/OpenAction << /S /Launch /F (cmd.exe) >>",
        "/Names << /EmbeddedFiles 5 0 R >>",
    ],
)
def test_pdf_with_active_content_is_refused(catalog_extra):
    refused = rejection(hostile.minimal_pdf(catalog_extra), [*IMAGES, "pdf"])
    assert refused.code == "material.upload.pdf_active_content"
    assert refused.params["names"]


def test_javascript_hidden_in_a_compressed_object_stream_is_found():
    pdf = hostile.minimal_pdf(extra_objects=hostile.object_stream("4 0 << /S /JavaScript /JS (x) >>"))
    refused = rejection(pdf, ["pdf"])
    assert refused.code == "material.upload.pdf_active_content" and "JavaScript" in refused.params["names"]


def test_encrypted_pdf_cannot_be_inspected():
    encrypted = hostile.minimal_pdf().replace(b"/Root 1 0 R", b"/Root 1 0 R /Encrypt 6 0 R")
    refused = rejection(encrypted, ["pdf"])
    assert refused.code == "material.upload.pdf_uninspectable"


def test_pdf_without_eof_is_truncated():
    assert rejection(hostile.minimal_pdf()[:-7], ["pdf"]).code == "material.upload.truncated"


def test_data_after_pdf_eof_is_refused():
    assert rejection(hostile.minimal_pdf() + hostile.HTML_PAYLOAD, ["pdf"]).code == "material.upload.trailing_data"


def test_rejection_speaks_both_languages_and_becomes_an_error_finding():
    refused = rejection(b"")
    assert refused.message("en") == "The uploaded file is empty." and refused.message("zh-hans") == "上传的文件为空。"
    finding = refused.as_finding("materials.owner_photo")
    assert finding.is_error and finding.field == "materials.owner_photo" and finding.fix_en == refused.fix("en")
