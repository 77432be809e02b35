"""The names tests have always imported; the builders live in tests/builders.py (orders in any
state, materials with recorded check results)."""

from __future__ import annotations

from tests.builders import BEIJING, VALID_ENTERPRISE, material_files, upload_materials, valid_order

__all__ = ["BEIJING", "VALID_ENTERPRISE", "material_files", "upload_materials", "valid_order"]
