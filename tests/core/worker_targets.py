"""Functions that tests run in a ``WorkerProcess``."""

from __future__ import annotations

import os


def report_priority(inbox, outbox) -> None:
    outbox.send(os.getpriority(os.PRIO_PROCESS, 0))
    inbox.recv()  # until the test has looked at the pipes
