"""Benchmark: what sealing PII at rest costs on the read paths (no database: the field and storage code).

    .venv/bin/python bench/pii_sealing.py [--rows 2000]

- a snapshot (OrderVersion.data of a one-website order; the reviewer's diff reads two of them):
  sealed (one Fernet token, beian.core.crypto.EncryptedJSONField) vs plain JSON;
- the same snapshot sealed leaf by leaf (the library's EncryptedJSONField), the alternative not taken;
- a material file (a 1200 px JPEG ID card photo) opened through the sealed storage vs plain bytes.
Prints microseconds per read and the ratios, measured in this one run. Target: a sealed snapshot
read < 1 ms (the diff reads two per page), a sealed file open < 10 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    for key in ("DJANGO_SECRET_KEY", "BEIAN_PII_KEY", "BEIAN_BLIND_INDEX_KEY"):
        os.environ.setdefault(key, f"bench-{key.lower()}")
    import django

    django.setup()


def per_read_us(read, value, rows: int) -> float:
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(rows):
            read(value)
        runs.append((time.perf_counter() - start) / rows * 1e6)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=2000)
    rows = parser.parse_args().rows
    setup()
    # the project's modules only after django.setup() (this script configures Django first)
    from encrypted_fields.fields import EncryptedJSONField as LeafSealedJSONField

    from beian.core.crypto import EncryptedJSONField, seal, unseal
    from beian.demo import samples
    from beian.demo.orders import BEIJING, enterprise_values

    snapshot = dict(enterprise_values(BEIJING))
    snapshot = {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in snapshot.items()}
    plain = json.dumps(snapshot, ensure_ascii=False)
    field, leaf_field = EncryptedJSONField(), LeafSealedJSONField()
    sealed, leaf_sealed = field.get_prep_value(snapshot), leaf_field.get_prep_value(snapshot)
    assert sealed is not None and field.from_db_value(sealed, None, None) == snapshot

    plain_us = per_read_us(json.loads, plain, rows)
    sealed_us = per_read_us(lambda v: field.from_db_value(v, None, None), sealed, rows)
    leaf_us = per_read_us(lambda v: leaf_field.from_db_value(v, None, None), leaf_sealed, max(rows // 10, 1))
    photo = samples.jpeg_bytes(samples.owner_photo().resize((1200, 1200)))
    sealed_photo = seal(photo)
    file_sealed_us = per_read_us(unseal, sealed_photo, max(rows // 10, 1))

    print(f"snapshot: {len(snapshot)} fields, {len(plain.encode())} bytes plain, {len(sealed)} sealed")
    print(f"  plain JSON read          {plain_us:8.1f} us")
    print(f"  sealed whole (ours)      {sealed_us:8.1f} us   x{sealed_us / plain_us:.1f} of plain")
    print(f"  sealed per leaf (library){leaf_us:8.1f} us   x{leaf_us / sealed_us:.1f} of ours")
    print(f"file: {len(photo)} bytes JPEG, {len(sealed_photo)} sealed")
    print(f"  unseal                   {file_sealed_us:8.1f} us   ({file_sealed_us / len(photo) * 1e3:.1f} ms per MB)")
    ok = sealed_us < 1000 and file_sealed_us < 10_000
    print("target (snapshot < 1 ms, file < 10 ms):", "met" if ok else "MISSED")


if __name__ == "__main__":
    main()
