"""One writer at a time per index folder: a lock file holding the writer's pid and process start time.

The lock is an advisory `flock` on `<index>/LOCK`, so the kernel releases it when its holder dies,
even by kill -9, and two processes can never both take it. The file records who holds it (pid, the
process's start time as the kernel counts it, since when) so a waiting ingest can say whom it waits
for; a record whose pid is gone, or whose pid now belongs to a process started at another time, is
stale and is taken over (a record is trusted only while its process lives, so a lock written by a
process that does not use flock, or a copied index folder, cannot block forever).
Readers (search, ask, serve) never lock: snapshots are immutable and the pointer moves atomically.
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from ingest.errors import IndexLockedError

LOCK_FILE = "LOCK"
POLL_S = 0.1


def process_start(pid: int) -> str | None:
    """The start time of process pid in clock ticks since boot (/proc), or None when it does not run."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None
    except OSError:
        return None
    # the command name (field 2) may hold spaces and parentheses: fields are counted after its ")"
    fields = stat[stat.rfind(")") + 2 :].split()
    return fields[19] if len(fields) > 19 else None


@dataclass(frozen=True)
class Holder:
    """Who holds (or held) the lock."""

    pid: int
    started: str | None  # process start time in clock ticks since boot
    since: float  # time.time() when the lock was taken
    what: str = "ingest"

    @classmethod
    def me(cls, what: str) -> Holder:
        return cls(os.getpid(), process_start(os.getpid()), time.time(), what)

    def alive(self) -> bool:
        started = process_start(self.pid)
        return started is not None and (self.started is None or started == self.started)

    def describe(self) -> str:
        when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(self.since))
        return f"{self.what}, pid {self.pid}, since {when}"


def _read_holder(fd: int) -> Holder | None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        data = os.read(fd, 4096)
        obj = json.loads(data.decode("utf-8")) if data.strip() else None
        if not isinstance(obj, dict):
            return None
        return Holder(
            int(obj["pid"]), obj.get("started"), float(obj.get("since", 0.0)), obj.get("what", "ingest")
        )
    except (ValueError, KeyError, TypeError, OSError):
        return None


def read_holder(root: Path) -> Holder | None:
    """The recorded holder of an index's lock (live or stale), for messages; None when none is recorded."""
    try:
        fd = os.open(Path(root) / LOCK_FILE, os.O_RDONLY)
    except OSError:
        return None
    try:
        return _read_holder(fd)
    finally:
        os.close(fd)


class IndexLock:
    """`with IndexLock(root, wait_s):` holds the index's write lock; raises IndexLockedError after wait_s."""

    def __init__(self, root: Path, wait_s: float = 0.0, what: str = "ingest") -> None:
        self.root = Path(root)
        self.wait_s = max(0.0, float(wait_s))
        self.what = what
        self.stale: Holder | None = None  # the dead holder whose record was taken over, if any
        self._fd: int | None = None

    def acquire(self) -> IndexLock:
        self.root.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.root / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + self.wait_s
        while True:
            holder: Holder | None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = _read_holder(fd)
            else:
                holder = _read_holder(fd)
                if holder is None or holder.pid == os.getpid() or not holder.alive():
                    self.stale = holder
                    break
                fcntl.flock(fd, fcntl.LOCK_UN)  # a live holder that does not use flock: respect it
            if time.monotonic() >= deadline:
                os.close(fd)
                who = f" ({holder.describe()})" if holder else ""
                waited = f"waited {self.wait_s:g} s; " if self.wait_s else ""
                raise IndexLockedError(
                    f"the index in {self.root} is being written by another process{who}; {waited}"
                    "try again when it has finished, or pass --wait SECONDS to wait for it"
                )
            time.sleep(POLL_S)
        record = Holder.me(self.what)
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, json.dumps(record.__dict__).encode("utf-8"))
        os.fsync(fd)
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            os.ftruncate(fd, 0)  # the file stays (unlinking a locked file races with the next opener)
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def __enter__(self) -> IndexLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()
