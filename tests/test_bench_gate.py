"""bench/gate.py (`make bench`) builds its scratch database with a filed site, and gunicorn serves that
site on its domain and the plain comparison page, both with the filing number; with nginx installed,
nginx serves the page statically and through the gate at the edge, with the edge's footer."""

import os
import subprocess
import sys
from pathlib import Path

from tests.nginx import nginx_binary

BENCH = Path(__file__).resolve().parents[1] / "bench" / "gate.py"
SERVICES = ("DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "BEIAN_S3_BUCKET")


def test_bench_gate_serves_the_filed_site_and_the_plain_page():
    # the embedded default (SQLite in a temporary folder, local cache): nothing shared with other tests
    env = {key: value for key, value in os.environ.items() if key not in SERVICES}
    result = subprocess.run(
        [sys.executable, str(BENCH), "--check"], env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "both pages answer 200 with the filing number" in result.stdout
    assert "filed site demo-shop.cn (京ICP备" in result.stdout
    if nginx_binary() is not None:
        assert (
            "nginx: the static page, the proxy and the edge (the origin's page with the edge's footer) answer 200"
            in (result.stdout)
        )
