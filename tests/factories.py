"""A complete, valid first filing (enterprise in Beijing) and the materials that go with it.

The builder lives in beian/demo/orders.py (shared with the demo commands); this module keeps the
names the tests import.
"""

from __future__ import annotations

from functools import partial

from beian.demo import orders as demo
from beian.demo.orders import BEIJING, VALID_ENTERPRISE, material_files

# Tests run inside a transaction that never commits, so the check task is run at once.
upload_materials = partial(demo.upload_materials, check_now=True)
valid_order = partial(demo.valid_order, check_now=True)

__all__ = ["BEIJING", "VALID_ENTERPRISE", "material_files", "upload_materials", "valid_order"]
