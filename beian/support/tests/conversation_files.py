"""Small uploads for the conversation tests: a real PNG, and files the material sniffer refuses."""

from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def png(name: str = "screenshot.png", size=(120, 80)) -> SimpleUploadedFile:
    buffer = BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def disguised_zip(name: str = "photo.png") -> SimpleUploadedFile:
    """A ZIP archive named and declared as a PNG."""
    return SimpleUploadedFile(name, b"PK\x03\x04" + b"\x00" * 200, content_type="image/png")
