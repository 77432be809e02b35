"""A partner's webhook receiver as a real process on loopback (receiver.py), for the tests of webhooks,
the platform API and the browser journey (the `receiver` fixture in the root conftest)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

RECEIVER = Path(__file__).with_name("receiver.py")


class Receiver:
    """The partner's receiver, a process of its own: start, stop (the process ends: connections are
    refused), answer 503 for a while, and what it received (verified and answered 200)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.port_file, self.secrets_file = folder / "port", folder / "secrets"
        self.mode_file, self.log = folder / "mode", folder / "received.jsonl"
        self.secrets_file.write_text("")
        self.port = 0
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hooks/beian"

    def know(self, *secrets: str) -> None:
        """The secrets the receiver verifies with (as the partner configured them)."""
        self.secrets_file.write_text("\n".join(secrets))

    def answer(self, mode: str) -> None:
        self.mode_file.write_text(mode)

    def start(self) -> Receiver:
        self.port_file.unlink(missing_ok=True)
        self.process = subprocess.Popen(
            [
                sys.executable,
                str(RECEIVER),
                "--port",
                str(self.port),
                "--port-file",
                str(self.port_file),
                "--secrets-file",
                str(self.secrets_file),
                "--mode-file",
                str(self.mode_file),
                "--log",
                str(self.log),
            ]
        )
        deadline = time.monotonic() + 20
        while not self.port_file.exists() or not self.port_file.read_text():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the receiver did not start")
            time.sleep(0.02)  # waiting for another process to listen, not for business time
        self.port = int(self.port_file.read_text())
        return self

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def entries(self) -> list[dict]:
        if not self.log.exists():
            return []
        return [json.loads(line) for line in self.log.read_text().splitlines() if line]

    def received(self) -> list[dict]:
        """What the receiver accepted: verified and answered 200, in the order it came in."""
        return [e for e in self.entries() if e["verified"] and e["answered"] == 200]
