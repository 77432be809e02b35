"""Where a mainland mobile number segment (号段) is registered, from libphonenumber's location data, without
holding that data in the process.

`phonenumbers.geocoder` loads the location data of every country in every language: about 100 MB of memory in
each web process that checks one mobile. The mainland's mobile segments in Chinese are ~130,000 prefixes naming
~340 places; kept as sorted integer arrays per prefix length they take about 1.5 MB. A short-lived subprocess
reads them out of phonenumbers once per phonenumbers version and leaves them in a cache file
(BEIAN_CACHE_DIR, else the system's temporary folder); every process after that only reads the file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
from array import array
from bisect import bisect_left
from pathlib import Path
from typing import cast

import phonenumbers

# Run in the subprocess: the CN (86) mobile prefixes (national numbers start with 1) and their place in Chinese
_EXTRACT = (
    "import json, sys\n"
    "from phonenumbers.geodata import GEOCODE_DATA\n"
    "json.dump({k[2:]: v['zh'] for k, v in GEOCODE_DATA.items() if k.startswith('861') and v.get('zh')},"
    " sys.stdout, ensure_ascii=False)\n"
)

_lock = threading.Lock()
Tables = tuple[list[str], dict[int, tuple["array[int]", "array[int]"]]]
_tables: Tables | None = None


def _cache_file() -> Path:
    folder = Path(os.environ.get("BEIAN_CACHE_DIR") or tempfile.gettempdir())
    return folder / f"beian-cn-mobile-regions-{phonenumbers.__version__}.json"


def _prefixes() -> dict[str, str]:
    path = _cache_file()
    try:
        return cast(dict[str, str], json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        pass
    out = subprocess.run(
        [sys.executable, "-c", _EXTRACT],
        check=True,
        capture_output=True,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    ).stdout.decode("utf-8")
    prefixes = cast(dict[str, str], json.loads(out))
    try:  # written whole then renamed: a parallel process never reads half a file
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        partial.write_text(out, encoding="utf-8")
        os.replace(partial, path)
    except OSError:
        pass  # a read-only folder: the next process extracts again
    return prefixes


def _build() -> Tables:
    places: list[str] = []
    index: dict[str, int] = {}
    by_length: dict[int, list[tuple[int, int]]] = {}
    for prefix, place in _prefixes().items():
        if place not in index:
            index[place] = len(places)
            places.append(place)
        by_length.setdefault(len(prefix), []).append((int(prefix), index[place]))
    tables: dict[int, tuple[array[int], array[int]]] = {}
    for length, rows in by_length.items():
        rows.sort()
        tables[length] = (array("Q", (p for p, _ in rows)), array("H", (i for _, i in rows)))
    return places, tables


def _loaded() -> Tables:
    global _tables
    if _tables is None:
        with _lock:
            if _tables is None:
                _tables = _build()
    return _tables


def mobile_region(national_number: str) -> str:
    """The place a mainland mobile number's segment is registered in, in Chinese (e.g. "广东省深圳市", "北京市"),
    as phonenumbers' geocoder names it; "" when no segment matches. `national_number`: the 11 digits."""
    if not (national_number.isdigit() and national_number.startswith("1")):
        return ""
    places, tables = _loaded()
    for length in sorted(tables, reverse=True):  # the longest matching prefix, as the geocoder does
        if length > len(national_number):
            continue
        prefixes, place_of = tables[length]
        key = int(national_number[:length])
        at = bisect_left(prefixes, key)
        if at < len(prefixes) and prefixes[at] == key:
            return str(places[place_of[at]])
    return ""
