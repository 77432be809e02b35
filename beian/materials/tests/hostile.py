"""Hostile and malformed files, generated on the fly (nothing dangerous is stored in the repo)."""

from __future__ import annotations

import struct
import zipfile
import zlib
from io import BytesIO


def png_chunk(chunk_type: bytes, payload: bytes) -> bytes:
    crc = zlib.crc32(chunk_type + payload) & 0xFFFFFFFF
    return struct.pack(">I", len(payload)) + chunk_type + payload + struct.pack(">I", crc)


def png_bomb(width: int = 100_000, height: int = 100_000) -> bytes:
    """A tiny, well-formed PNG whose header declares width × height RGB pixels."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
        + png_chunk(b"IEND", b"")
    )


def zip_archive() -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("payload.html", "<script>alert(document.cookie)</script>")
    return buffer.getvalue()


HTML_PAYLOAD = b"<html><script>fetch('/admin/delete')</script></html>"


def minimal_pdf(catalog_extra: str = "", extra_objects: bytes = b"") -> bytes:
    """A small, structurally plausible PDF; `catalog_extra` is added to the catalog dictionary."""
    return (
        b"%PDF-1.7\n"
        + f"1 0 obj\n<< /Type /Catalog /Pages 2 0 R {catalog_extra} >>\nendobj\n".encode()
        + b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
        + extra_objects
        + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )


def object_stream(text: str) -> bytes:
    """An /ObjStm object whose (compressed) content is `text`."""
    body = zlib.compress(text.encode())
    return (
        f"3 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length {len(body)} >>\nstream\n".encode()
        + body
        + b"\nendstream\nendobj\n"
    )
