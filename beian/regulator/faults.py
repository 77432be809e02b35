"""Fault injection for the crash tests: pause a process at a named point so a test can SIGKILL it there.

`BEIAN_REGULATOR_PAUSE_AT=<point>:<seconds>` (only when settings.TESTING) makes the process print
`regulator-fault: paused at <point>` to stderr and sleep. Points:
  sandbox_case_written   the sandbox regulator has committed its case and SMS (it accepted the push)
  before_commit          our transaction has moved the order and marked the submission done, uncommitted
"""

from __future__ import annotations

import os
import sys
import time

from django.conf import settings

ENV = "BEIAN_REGULATOR_PAUSE_AT"


def pause(point: str) -> None:
    spec = os.environ.get(ENV, "")
    if not spec or not getattr(settings, "TESTING", False):
        return
    name, _, seconds = spec.partition(":")
    if name != point:
        return
    print(f"regulator-fault: paused at {point}", file=sys.stderr, flush=True)
    time.sleep(float(seconds or 3600))
