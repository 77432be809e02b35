"""Fault injection for the crash tests: pause a process at a named point so a test can SIGKILL it there.

`BEIAN_PAUSE_AT=<point>:<seconds>` (only when settings.TESTING) makes the process print
`fault: paused at <point>` to stderr and sleep. Points:
  material_stored      an upload's file and row are written, the transaction not yet committed
  material_committed   the upload is committed, its check not yet queued
  order_submitted      submit has moved the order, the transaction not yet committed
(The regulator's own points: beian/regulator/faults.py.)
"""

from __future__ import annotations

import os
import sys
import time

from django.conf import settings

ENV = "BEIAN_PAUSE_AT"


def pause(point: str, *, env: str = ENV, label: str = "fault") -> None:
    spec = os.environ.get(env, "")
    if not spec or not getattr(settings, "TESTING", False):
        return
    name, _, seconds = spec.partition(":")
    if name != point:
        return
    print(f"{label}: paused at {point}", file=sys.stderr, flush=True)
    time.sleep(float(seconds or 3600))
