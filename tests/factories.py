"""A complete, valid first filing (enterprise in Beijing) and the materials that go with it.

The builder lives in beian/filings/demo.py (shared with the demo commands); this module keeps the
names the tests import.
"""
from __future__ import annotations

from beian.filings.demo import BEIJING, VALID_ENTERPRISE, material_files, upload_materials, valid_order

__all__ = ["BEIJING", "VALID_ENTERPRISE", "material_files", "upload_materials", "valid_order"]
