"""A deliberately small PDF inspector: which PDF names (/JavaScript, /Image, /Ink …) occur.

It reads names from the raw file and from inflated object streams (/ObjStm, where PDF 1.5+
writers put dictionaries), with `#xx` escapes decoded, so `/J#61vaScript` is still JavaScript.
It does not render or fully parse the file; that is enough to refuse active content and to tell
a scanned or annotated PDF from our blank template.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

PDF_MAGIC = b"%PDF-"
EOF_MARKER = b"%%EOF"
DEFAULT_MAX_INFLATED_BYTES = 32 * 1024 * 1024

_NAME = re.compile(rb"/([^\s/<>\[\]()%{}]+)")
_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_STREAM_START = re.compile(rb"(?<!end)stream\r?\n")
_DICT_WINDOW = 64 * 1024


class PdfUninspectable(Exception):
    """The file hides content we cannot read (encrypted, unknown filter, oversized)."""


@dataclass(frozen=True)
class PdfFacts:
    names: frozenset[str]
    eof_at_end: bool  # the last %%EOF is followed only by whitespace
    has_eof: bool

    def has_any(self, wanted: frozenset[str]) -> frozenset[str]:
        return self.names & wanted


def inspect_pdf(data: bytes, *, max_inflated_bytes: int = DEFAULT_MAX_INFLATED_BYTES) -> PdfFacts:
    names = set(_names_in(data))
    if "Encrypt" in names:
        raise PdfUninspectable("encrypted PDF")
    budget = max_inflated_bytes
    for body in _object_streams(data):
        inflated = _inflate(body, budget)
        budget -= len(inflated)
        names.update(_names_in(inflated))
    last_eof = data.rfind(EOF_MARKER)
    return PdfFacts(
        names=frozenset(names),
        has_eof=last_eof >= 0,
        eof_at_end=last_eof >= 0 and not data[last_eof + len(EOF_MARKER) :].strip(),
    )


def _names_in(data: bytes) -> set[str]:
    return {_decode_name(raw) for raw in _NAME.findall(data)}


def _decode_name(raw: bytes) -> str:
    unescaped = _NAME_ESCAPE.sub(lambda m: bytes((int(m.group(1), 16),)), raw)
    return unescaped.decode("latin-1")


def _object_streams(data: bytes):
    """Yield the bodies of streams whose dictionary declares /Type /ObjStm."""
    for match in _STREAM_START.finditer(data):
        head = data[max(0, match.start() - _DICT_WINDOW) : match.start()]
        dictionary = head[head.rfind(b"obj") + 3 :]
        if "ObjStm" not in _names_in(dictionary):
            continue
        end = data.find(b"endstream", match.end())
        if end < 0:
            raise PdfUninspectable("object stream without endstream")
        if "FlateDecode" not in _names_in(dictionary):
            raise PdfUninspectable("object stream with a filter other than FlateDecode")
        yield data[match.end() : end]


def _inflate(body: bytes, limit: int) -> bytes:
    if limit <= 0:
        raise PdfUninspectable("object streams inflate beyond the limit")
    inflater = zlib.decompressobj()
    try:
        inflated = inflater.decompress(body, limit)
    except zlib.error as exc:
        raise PdfUninspectable("object stream does not inflate") from exc
    if inflater.unconsumed_tail:
        raise PdfUninspectable("object stream inflates beyond the limit")
    return inflated
