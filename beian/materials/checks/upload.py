"""Upload sniffing and sanitising: decide the type by content, refuse hostile files, re-encode.

Never trusts the file name, extension or declared content type. Images are decoded only after
their structure (JPEG markers up to EOI, PNG chunks up to IEND) and pixel count were checked,
then re-encoded without any metadata: serve and forward only `SanitisedUpload.data`.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from io import BytesIO
from typing import Any, BinaryIO

from PIL import Image, ImageOps

from beian.materials.checks.pdf import PDF_MAGIC, PdfUninspectable, inspect_pdf
from beian.materials.checks.requirement import DEFAULT_MAX_SIDE
from beian.rules import registry
from beian.rules.findings import Finding
from beian.rules.registry import RULES

JPEG_QUALITY = 90
# One image decoded (and re-encoded) at a time per process: a web or check worker holds at most one
# full-size bitmap (up to max_pixels x 4 bytes), however many uploads arrive together.
DECODE_SLOT = threading.BoundedSemaphore(1)
MMAP_THRESHOLD = 1024 * 1024  # bytes: larger allocations (Pillow's 16 MB image blocks) go back to the OS


def _return_large_buffers_to_the_os() -> None:
    """glibc raises its mmap threshold after the first large free, so the bitmaps of later decodes
    come from the heap arena of the thread that decoded them and stay there when freed: four parallel
    uploads of a 40 MP image left a threaded web worker at 900 MB. A fixed threshold keeps every large
    buffer mmapped, and freeing it returns it to the OS. Linux (glibc) only; elsewhere nothing to do."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    if not name:
        return
    try:
        libc = ctypes.CDLL(name)
        libc.mallopt(-3, MMAP_THRESHOLD)  # M_MMAP_THRESHOLD
    except (OSError, AttributeError):  # not glibc
        return


_return_large_buffers_to_the_os()
PDF_ACTIVE_CONTENT = frozenset(
    {
        "JavaScript",
        "JS",
        "Launch",
        "EmbeddedFile",
        "EmbeddedFiles",
        "RichMedia",
        "XFA",
        "SubmitForm",
        "ImportData",
        "GoToE",
    }
)
FORMAT_ALIASES = {"jpg": "jpeg", "jpeg": "jpeg", "png": "png", "pdf": "pdf"}
CONTENT_TYPES = {"jpeg": "image/jpeg", "png": "image/png", "pdf": "application/pdf"}
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_SIGNATURES: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\xff\xd8\xff", "jpeg"),
    (0, PNG_MAGIC, "png"),
    (0, PDF_MAGIC, "pdf"),
    (0, b"GIF8", "gif"),
    (0, b"BM", "bmp"),
    (0, b"II*\x00", "tiff"),
    (0, b"MM\x00*", "tiff"),
    (8, b"WEBP", "webp"),
    (4, b"ftypheic", "heic"),
    (4, b"ftypmif1", "heic"),
    (0, b"PK\x03\x04", "zip"),
    (0, b"Rar!", "rar"),
    (0, b"7z\xbc\xaf", "7z"),
)
_PIL_FORMATS = {"jpeg": "JPEG", "png": "PNG"}
_JPEG_FRAME_MARKERS = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF})


class UploadRejected(Exception):
    def __init__(
        self,
        code: str,
        message_zh: str,
        message_en: str,
        *,
        fix_zh: str = "",
        fix_en: str = "",
        params: dict | None = None,
    ) -> None:
        super().__init__(f"{code}: {message_en}")
        self.code = code
        self.message_zh = message_zh
        self.message_en = message_en
        self.fix_zh = fix_zh
        self.fix_en = fix_en
        self.params = params or {}

    def message(self, language: str) -> str:
        return self.message_en if language.startswith("en") else self.message_zh

    def fix(self, language: str) -> str:
        return self.fix_en if language.startswith("en") else self.fix_zh

    @classmethod
    def of(cls, rule: registry.Rule, *, params: dict, **values: Any) -> UploadRejected:
        """The rejection a registry rule describes; `values` fill its copy."""
        finding = rule.at("", params=params, **values)
        return cls(
            rule.code,
            finding.message_zh,
            finding.message_en,
            fix_zh=finding.fix_zh,
            fix_en=finding.fix_en,
            params=finding.params,
        )

    def as_finding(self, field: str) -> Finding:
        rule = RULES[self.code]
        return Finding(
            code=self.code,
            severity=rule.severity,
            field=field,
            message_zh=self.message_zh,
            message_en=self.message_en,
            fix_zh=self.fix_zh,
            fix_en=self.fix_en,
            source=rule.source,
            rejection_reason=rule.prevents,
            params=self.params,
        )


@dataclass(frozen=True)
class SanitisedUpload:
    data: bytes  # re-encoded image without metadata; a PDF as uploaded
    format: str  # "jpeg" | "png" | "pdf"
    width: int | None  # None for PDF
    height: int | None
    sha256: str  # of `data`
    source_sha256: str  # of the bytes as uploaded

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.format]

    @property
    def is_pdf(self) -> bool:
        return self.format == "pdf"

    def open_image(self) -> Image.Image:
        if self.is_pdf:
            raise ValueError("a PDF upload has no image")
        image = Image.open(BytesIO(self.data), formats=[_PIL_FORMATS[self.format]])
        image.load()
        return image


def inspect_upload(
    stream: BinaryIO,
    *,
    declared_size: int | None,
    allowed_formats: list[str],
    max_bytes: int,
    max_pixels: int,
    max_side: int = DEFAULT_MAX_SIDE,
) -> SanitisedUpload:
    """Sniff, check and sanitise one upload, or raise UploadRejected.

    `allowed_formats` may name jpg, jpeg, png and pdf only (the formats this module can
    sanitise); anything else is a configuration error (ValueError).
    """
    allowed = _sanitisable(allowed_formats)
    if declared_size is not None and declared_size > max_bytes:
        raise _too_large(declared_size, max_bytes)
    data = _read_at_most(stream, max_bytes + 1)
    if len(data) > max_bytes:
        raise _too_large(len(data), max_bytes)
    if not data:
        raise UploadRejected.of(registry.MATERIAL_UPLOAD_EMPTY, params={})
    detected = sniff_format(data)
    if detected not in allowed:
        raise _type_not_allowed(detected, allowed_formats)
    if detected == "pdf":
        return _checked_pdf(data)
    return _sanitised_image(data, detected, max_pixels, max_side)


def _sanitisable(allowed_formats: list[str]) -> set[str]:
    names = {fmt.lower().lstrip(".") for fmt in allowed_formats}
    unknown = names - set(FORMAT_ALIASES)
    if unknown:
        raise ValueError(f"cannot sanitise {sorted(unknown)}; supported formats: {sorted(FORMAT_ALIASES)}")
    return {FORMAT_ALIASES[name] for name in names}


def sniff_format(data: bytes) -> str | None:
    for offset, magic, name in _SIGNATURES:
        if data[offset : offset + len(magic)] == magic:
            return name
    return None


def _read_at_most(stream: BinaryIO, limit: int) -> bytes:
    chunks: list[bytes] = []
    remaining = limit
    while remaining > 0:
        chunk = stream.read(remaining)
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def _sanitised_image(data: bytes, fmt: str, max_pixels: int, max_side: int) -> SanitisedUpload:
    end, (width, height) = _jpeg_layout(data) if fmt == "jpeg" else _png_layout(data)
    if data[end:].strip(b"\x00"):
        raise _trailing_data(len(data) - end, fmt)
    # the sizes the file declares, judged before a single pixel is decoded
    if width * height > max_pixels:
        raise _too_many_pixels(width, height, max_pixels)
    if max(width, height) > max_side:
        raise _over_limit(registry.MATERIAL_UPLOAD_TOO_WIDE, width, height, max_side=max_side)
    with DECODE_SLOT:
        image = _decoded(data, fmt, width, height, max_pixels)
        ImageOps.exif_transpose(image, in_place=True)  # not a copy: one full-size bitmap at a time
        clean = _without_metadata(image)
        encoded = _encode(clean, fmt)
        del image
    return SanitisedUpload(
        data=encoded,
        format=fmt,
        width=clean.width,
        height=clean.height,
        sha256=hashlib.sha256(encoded).hexdigest(),
        source_sha256=hashlib.sha256(data).hexdigest(),
    )


def _decoded(data: bytes, fmt: str, width: int, height: int, max_pixels: int) -> Image.Image:
    pil_format = [_PIL_FORMATS[fmt]]
    try:
        with Image.open(BytesIO(data), formats=pil_format) as header:
            header.verify()
        image = Image.open(BytesIO(data), formats=pil_format)
        image.load()
    except Image.DecompressionBombError as exc:  # Pillow's own limit, if below max_pixels
        raise _too_many_pixels(width, height, max_pixels) from exc
    except Exception as exc:  # any decoder failure on untrusted bytes means "not a valid image"
        raise _corrupt(fmt) from exc
    return image


def _without_metadata(image: Image.Image) -> Image.Image:
    if image.mode not in ("RGB", "RGBA", "L"):
        has_alpha = image.mode in ("LA", "PA", "RGBa") or "transparency" in image.info
        image = image.convert("RGBA" if has_alpha else "RGB")
    image.info = {}
    return image


def _encode(image: Image.Image, fmt: str) -> bytes:
    buffer = BytesIO()
    if fmt == "jpeg":
        image = image.convert("RGB") if image.mode == "RGBA" else image
        image.save(buffer, "JPEG", quality=JPEG_QUALITY)
    else:
        image.save(buffer, "PNG")
    return buffer.getvalue()


def _jpeg_layout(data: bytes) -> tuple[int, tuple[int, int]]:
    """Offset just past EOI and the frame size, walking segments and entropy-coded scans."""
    pos, size, frame = 2, len(data), None
    while True:
        if pos >= size or data[pos] != 0xFF:
            raise _truncated("jpeg") if pos >= size else _corrupt("jpeg")
        while pos < size and data[pos] == 0xFF:
            pos += 1
        if pos >= size:
            raise _truncated("jpeg")
        marker = data[pos]
        pos += 1
        if marker == 0xD9:
            if frame is None:
                raise _corrupt("jpeg")
            return pos, frame
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:
            continue
        segment_end = pos + int.from_bytes(data[pos : pos + 2], "big")
        if pos + 2 > size or segment_end > size:
            raise _truncated("jpeg")
        if marker in _JPEG_FRAME_MARKERS and segment_end - pos >= 8:
            frame = (int.from_bytes(data[pos + 5 : pos + 7], "big"), int.from_bytes(data[pos + 3 : pos + 5], "big"))
        pos = _scan_end(data, segment_end) if marker == 0xDA else segment_end


def _scan_end(data: bytes, pos: int) -> int:
    """Offset of the first marker after entropy-coded data (skipping FF00 stuffing and RSTn)."""
    while True:
        pos = data.find(b"\xff", pos)
        if pos < 0 or pos + 1 >= len(data):
            raise _truncated("jpeg")
        following = data[pos + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7:
            pos += 2
            continue
        return pos


def _png_layout(data: bytes) -> tuple[int, tuple[int, int]]:
    """Offset just past the IEND chunk and the IHDR size."""
    pos, size, frame = len(PNG_MAGIC), len(data), None
    while True:
        if pos + 8 > size:
            raise _truncated("png")
        length = int.from_bytes(data[pos : pos + 4], "big")
        chunk_type = data[pos + 4 : pos + 8]
        if chunk_type == b"IHDR" and length >= 8:
            frame = (int.from_bytes(data[pos + 8 : pos + 12], "big"), int.from_bytes(data[pos + 12 : pos + 16], "big"))
        pos += 12 + length
        if pos > size:
            raise _truncated("png")
        if chunk_type == b"IEND":
            if frame is None:
                raise _corrupt("png")
            return pos, frame


def _checked_pdf(data: bytes) -> SanitisedUpload:
    try:
        facts = inspect_pdf(data)
    except PdfUninspectable as exc:
        raise UploadRejected.of(
            registry.MATERIAL_UPLOAD_PDF_UNINSPECTABLE, params={"reason": str(exc)}, reason=exc
        ) from exc
    if not facts.has_eof:
        raise _truncated("pdf")
    if not facts.eof_at_end:
        raise _trailing_data(len(data) - data.rfind(b"%%EOF") - 5, "pdf")
    active = sorted(facts.has_any(PDF_ACTIVE_CONTENT))
    if active:
        listed = ", ".join(f"/{name}" for name in active)
        raise UploadRejected.of(registry.MATERIAL_UPLOAD_PDF_ACTIVE_CONTENT, params={"names": active}, listed=listed)
    digest = hashlib.sha256(data).hexdigest()
    return SanitisedUpload(data=data, format="pdf", width=None, height=None, sha256=digest, source_sha256=digest)


def _too_large(size: int, max_bytes: int) -> UploadRejected:
    return UploadRejected.of(
        registry.MATERIAL_UPLOAD_TOO_LARGE,
        params={"size_bytes": size, "max_bytes": max_bytes},
        size=_mb(size),
        limit=_mb(max_bytes),
    )


def _type_not_allowed(detected: str | None, allowed_formats: list[str]) -> UploadRejected:
    allowed_text = "/".join(fmt.upper() for fmt in allowed_formats)
    params = {"detected": detected, "allowed": list(allowed_formats)}
    if detected is None:
        return UploadRejected.of(registry.MATERIAL_UPLOAD_UNRECOGNISED, params=params, allowed=allowed_text)
    return UploadRejected.of(
        registry.MATERIAL_UPLOAD_TYPE_NOT_ALLOWED, params=params, allowed=allowed_text, detected=detected.upper()
    )


def _too_many_pixels(width: int, height: int, max_pixels: int) -> UploadRejected:
    return _over_limit(registry.MATERIAL_UPLOAD_TOO_MANY_PIXELS, width, height, max_pixels=max_pixels)


def _over_limit(rule: registry.Rule, width: int, height: int, **limit: int) -> UploadRejected:
    """The declared size against one limit (`max_pixels=` or `max_side=`), named in params and copy."""
    sizes = {"width": width, "height": height, **limit}
    return UploadRejected.of(rule, params=sizes, **sizes)


def _truncated(fmt: str) -> UploadRejected:
    return UploadRejected.of(registry.MATERIAL_UPLOAD_TRUNCATED, params={"format": fmt}, format=fmt.upper())


def _trailing_data(extra_bytes: int, fmt: str) -> UploadRejected:
    return UploadRejected.of(
        registry.MATERIAL_UPLOAD_TRAILING_DATA,
        params={"extra_bytes": extra_bytes, "format": fmt},
        extra_bytes=extra_bytes,
        format=fmt.upper(),
    )


def _corrupt(fmt: str) -> UploadRejected:
    return UploadRejected.of(registry.MATERIAL_UPLOAD_CORRUPT, params={"format": fmt}, format=fmt.upper())


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.2f} MB"
