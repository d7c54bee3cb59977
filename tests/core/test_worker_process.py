"""Helper processes of the build: a lower priority than the build, wide pipes."""

from __future__ import annotations

import fcntl
import os
import sys
from pathlib import Path

import pytest

from news_archive.worker_process import PIPE_BYTES, WorkerProcess

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pipe sizes are a Linux setting")
def test_a_helper_runs_below_the_build_and_takes_a_megabyte_without_waiting(monkeypatch):
    monkeypatch.setenv("PYTHONPATH", str(ROOT))  # the helper imports this test package
    mine = os.getpriority(os.PRIO_PROCESS, 0)
    worker = WorkerProcess("tests.core.worker_targets:report_priority", niceness=5)
    try:
        assert worker.recv() == min(mine + 5, 19)
        assert fcntl.fcntl(worker._outbox.fileno(), fcntl.F_GETPIPE_SZ) == PIPE_BYTES
        assert fcntl.fcntl(worker._inbox.fileno(), fcntl.F_GETPIPE_SZ) == PIPE_BYTES
        worker.send("done")
    finally:
        worker.close()
    plain = WorkerProcess("tests.core.worker_targets:report_priority")
    try:
        assert plain.recv() == mine
        plain.send("done")
    finally:
        plain.close()
