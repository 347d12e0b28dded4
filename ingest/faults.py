"""Fault injection for the crash tests: BRIEVEN_FAULT_AT=<stage> kills this process at that stage.

The only place library code reads this variable. Stages, in the order an ingest passes them:
  locked            the index lock is taken, nothing read yet
  read              every file is read and parsed, nothing embedded or written
  files-written     the new snapshot's files are written (and fsynced) in a temporary folder
  snapshot-renamed  the snapshot folder has its final name; CURRENT still names the previous one
  pointer-written   the new pointer is written beside CURRENT, not yet moved over it
  pointer-moved     CURRENT names the new snapshot; older snapshots not yet pruned
The process dies by SIGKILL, as from kill -9 or the OOM killer: no cleanup, no exception handlers.
"""

from __future__ import annotations

import os
import signal

STAGES = ("locked", "read", "files-written", "snapshot-renamed", "pointer-written", "pointer-moved")


def fault_point(stage: str) -> None:
    """Die here if BRIEVEN_FAULT_AT names this stage (tests only; unset in normal use)."""
    if os.environ.get("BRIEVEN_FAULT_AT") == stage:
        os.kill(os.getpid(), signal.SIGKILL)
