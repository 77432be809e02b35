"""Fault injection for the crash tests: pause a process at a named point so a test can SIGKILL it there.

`BEIAN_REGULATOR_PAUSE_AT=<point>:<seconds>` (only when settings.TESTING) makes the process print
`regulator-fault: paused at <point>` to stderr and sleep. Points:
  sandbox_case_written   the sandbox regulator has committed its case and SMS (it accepted the push)
  before_commit          our transaction has moved the order and marked the submission done, uncommitted
"""

from __future__ import annotations

from beian.core import faults

ENV = "BEIAN_REGULATOR_PAUSE_AT"


def pause(point: str) -> None:
    faults.pause(point, env=ENV, label="regulator-fault")
