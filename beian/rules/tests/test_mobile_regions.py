"""The mobile segment's place (号段归属地) without phonenumbers' whole location data in the process: the same
answers as its geocoder, from a small table read out once by a subprocess and cached on disk."""

from __future__ import annotations

import random
import subprocess
import sys

import phonenumbers
from phonenumbers import geocoder

from beian.rules import mobile_regions
from beian.rules.mobile_regions import mobile_region


def test_the_place_is_the_one_the_geocoder_names_for_every_segment_tried():
    rng = random.Random(2026)
    numbers = ["13800138000", "13912345678", "18612345678", "15012345678", "19912345678", "17012345678"]
    numbers += [f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}" for _ in range(3000)]
    for number in numbers:
        parsed = phonenumbers.parse(number, "CN")
        expected = geocoder.description_for_number(parsed, "zh") if phonenumbers.is_valid_number(parsed) else None
        if expected is None:
            continue
        # the geocoder falls back to the country's name ("中国") where no segment matches; we answer "" there
        assert mobile_region(number) == ("" if expected == "中国" else expected), number


def test_a_known_segment_and_what_is_not_a_mobile():
    assert mobile_region("13800138000") == "北京市"
    assert mobile_region("") == "" and mobile_region("02112345678") == "" and mobile_region("1380013800x") == ""


def test_the_cache_file_is_reused(tmp_path, monkeypatch):
    monkeypatch.setenv("BEIAN_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(mobile_regions, "_tables", None)
    assert mobile_region("13800138000") == "北京市"
    (_cache,) = tmp_path.glob("beian-cn-mobile-regions-*.json")
    calls = []
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: calls.append(a))
    monkeypatch.setattr(mobile_regions, "_tables", None)
    assert mobile_region("13800138000") == "北京市"
    assert calls == []  # read from the file, no subprocess


def test_checking_a_mobile_never_loads_the_location_data_of_the_world():
    code = (
        "import sys\n"
        "def rss(): return int(open('/proc/self/status').read().split('VmRSS:')[1].split()[0]) // 1024\n"
        "import beian.rules.contacts\n"
        "from beian.rules.mobile_regions import mobile_region\n"
        "mobile_region('13800138000')\n"  # builds the table (and the cache file)
        "before = rss()\n"
        "import beian.rules.mobile_regions as m; m._tables = None\n"
        "assert mobile_region('13800138000') == '北京市'\n"
        "print(any(x.startswith('phonenumbers.geodata') for x in sys.modules), rss() - before)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.split()
    assert out[0] == "False"
    assert int(out[1]) < 30  # MB the place table costs (the geocoder's data: about 100 MB)
