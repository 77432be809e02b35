"""Masking for display (pure: no Django). 110105********002X, 138****5678."""

from __future__ import annotations


def mask(value: str, *, keep_start: int = 3, keep_end: int = 4) -> str:
    """Short values (nothing left to hide) are fully masked."""
    value = value or ""
    if len(value) <= keep_start + keep_end:
        return "*" * len(value)
    return value[:keep_start] + "*" * (len(value) - keep_start - keep_end) + value[-keep_end:]


def mask_id_number(value: str) -> str:
    return mask(value, keep_start=6, keep_end=4)


def mask_mobile(value: str) -> str:
    return mask(value, keep_start=3, keep_end=4)


def mask_name(value: str) -> str:
    """A person's name as an SMS or a page names them to others: the first character kept, 张* / 欧** /
    J***."""
    value = (value or "").strip()
    return value[:1] + "*" * min(len(value) - 1, 3) if value else ""
