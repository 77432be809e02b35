"""The gate generation stamp: one cross-process value that every change to the gate's inputs bumps,
so a process can keep what a hosted request needs in memory and re-read the GateEntry table only
when the stamp moved (beian.hosting.hostcache).

One small interface, two stores chosen by settings (GATE_STAMP), the same code path otherwise:
- "file" (the embedded default): `<VAR_DIR>/gate.stamp`. Read with one os.stat (inode, mtime in
  ns, size: a few microseconds, no file opened); a bump takes an exclusive lock on the file,
  writes the next counter and sets an mtime strictly above the previous one, so two bumps never
  leave the same stamp, even within one tick of the kernel's file clock. One machine only: every
  process that serves or changes the gate must share VAR_DIR.
- "cache" (with REDIS_URL): a key of the Django cache, INCR'd; a GET per request. Shared by every
  machine that shares the Redis.

A stamp that cannot be read is None: the caller then trusts nothing it keeps (reads the table).
"""

from __future__ import annotations

import fcntl
import logging
import os
import secrets
import time
from collections.abc import Hashable
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger(__name__)

STAMP_FILE = "gate.stamp"
CACHE_KEY = "beian:gate:stamp"


class Stamp(Protocol):
    def read(self) -> Hashable | None: ...

    def bump(self) -> None: ...


class FileStamp:
    def __init__(self, path: Path):
        self.path = path

    def read(self) -> Hashable | None:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            self.bump()  # creates it; a stamp no process has seen
            try:
                st = os.stat(self.path)
            except OSError:
                return None
        except OSError:
            return None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def bump(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)  # bumps one after another: each leaves a stamp of its own
            before = os.fstat(fd).st_mtime_ns
            text = os.pread(fd, 32, 0).strip()
            counter = int(text) + 1 if text.isdigit() else 1
            data = f"{counter}\n".encode()
            os.pwrite(fd, data, 0)
            os.ftruncate(fd, len(data))
            # the mtime the readers compare: strictly above the last one (a file system keeping
            # coarser times than ns gets a bigger step)
            step = 1
            while True:
                wanted = max(time.time_ns(), before + step)
                os.utime(fd, ns=(wanted, wanted))
                if os.fstat(fd).st_mtime_ns > before or step > 10**12:
                    break
                step *= 1000
        finally:
            os.close(fd)  # releases the lock


class CacheStamp:
    def read(self) -> Hashable | None:
        value = cache.get(CACHE_KEY)
        if value is None:
            # missing (first use, or evicted): a random start, never a value a process may have kept
            cache.add(CACHE_KEY, secrets.randbits(62), timeout=None)
            value = cache.get(CACHE_KEY)
        return value

    def bump(self) -> None:
        try:
            cache.incr(CACHE_KEY)
        except ValueError:  # missing: start it (a fresh random value is a bump too)
            cache.add(CACHE_KEY, secrets.randbits(62), timeout=None)


_stamps: dict[tuple, Stamp] = {}


def current() -> Stamp:
    """The stamp the settings choose (GATE_STAMP "file" or "cache"; VAR_DIR for the file)."""
    kind = settings.GATE_STAMP
    key = (kind, settings.VAR_DIR)
    stamp = _stamps.get(key)
    if stamp is None:
        stamp = CacheStamp() if kind == "cache" else FileStamp(Path(settings.VAR_DIR) / STAMP_FILE)
        _stamps[key] = stamp
    return stamp


def read() -> Hashable | None:
    try:
        return current().read()
    except Exception:  # an unreachable store: keep nothing, read the table
        logger.warning("gate stamp unreadable", exc_info=True)
        return None


def bump() -> None:
    """Every process re-reads the gate table on its next hosted request. A failed bump is logged,
    not raised: the change it announces is committed (or about to be), and cached items expire
    after GATE_CACHE_MAX_AGE anyway."""
    try:
        current().bump()
    except Exception:
        logger.exception("gate stamp not bumped")


def changed() -> None:
    """The gate's inputs change in the current transaction: bump now, and again after commit.

    The bump after commit is the one that counts: a process that re-read the table between the
    first bump and the commit kept the old rows under the new stamp. The bump now makes the change
    visible to the writer's own process while its transaction is open (the test database's case),
    and to every process that did not read in that window if the writer dies between its commit and
    its after-commit callbacks; whoever did read in it keeps the old decision at most
    GATE_CACHE_MAX_AGE seconds."""
    bump()
    transaction.on_commit(bump)
