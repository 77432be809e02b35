"""Under a production server (config/gunicorn.conf.py) every worker starts the scheduler thread, and only the
one holding the lock under VAR_DIR runs the periodic jobs; when that worker exits another takes over."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
WORKER = """
import os, sys, time
from pathlib import Path
from beian.core import scheduler
marks = Path(sys.argv[1])
def jobs():  # stands in for the periodic jobs: record who runs them
    while True:
        with open(marks, "a") as out:
            out.write(f"{os.getpid()}\\n")
        time.sleep(0.2)
scheduler._loop = jobs
scheduler._locked_loop(Path(sys.argv[2]))
"""


def runners(marks: Path) -> list[int]:
    return sorted({int(line) for line in marks.read_text().split()}) if marks.exists() else []


def wait_for(condition, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline
        time.sleep(0.1)


def test_one_worker_runs_the_jobs_and_another_takes_over_when_it_exits(tmp_path):
    marks, lock = tmp_path / "runs", tmp_path / "scheduler.lock"
    env = {**os.environ, "BEIAN_SCHEDULER_INTERVAL": "1"}
    workers = [
        subprocess.Popen([sys.executable, "-c", WORKER, str(marks), str(lock)], cwd=ROOT, env=env) for _ in range(2)
    ]
    try:
        wait_for(lambda: len(runners(marks)) == 1)
        time.sleep(2)  # the other worker retries the lock every second: still one runner
        (first,) = runners(marks)
        assert first in {w.pid for w in workers}
        os.kill(first, signal.SIGKILL)
        wait_for(lambda: len(runners(marks)) == 2)
        assert set(runners(marks)) == {w.pid for w in workers}
    finally:
        for worker in workers:
            worker.kill()
            worker.wait()
