"""A Python process of the package's own for work beside the build, talking pickled messages.

``multiprocessing`` starts a child by re-importing the caller's main module: a build script
without an ``if __name__ == "__main__"`` guard would build again inside the child, and a script
read from standard input cannot be re-imported at all. ``WorkerProcess`` starts
``python -m news_archive.worker_process`` instead, which imports only the target function, and
passes it two pipe ends wrapped as ``multiprocessing`` connections.

    worker = WorkerProcess("news_archive.mkdocs_plugin.prerender:render_all", records, options, order)
    worker.send(...); worker.recv(); worker.close()
"""

from __future__ import annotations

import fcntl
import importlib
import os
import subprocess
import sys
from multiprocessing.connection import Connection


class WorkerStopped(RuntimeError):
    """The worker process is gone; the message says how it ended."""


HELPER_NICENESS = 10  # for processes beside a build: the build itself keeps a core
PIPE_BYTES = 1 << 20  # Linux's default ceiling for an unprivileged pipe: a sender rarely waits for a busy reader


class WorkerProcess:
    """``target`` ("module:function") runs in a new interpreter as ``function(inbox, outbox, *args)``.

    ``niceness`` lowers the process's priority (and that of what it starts): work beside the build
    takes the core the build leaves free instead of slowing the build down.
    """

    def __init__(self, target: str, *args: object, niceness: int = 0) -> None:
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        for fd in (to_child_w, from_child_w):
            _widen(fd)
        command = [sys.executable, "-m", __name__, str(to_child_r), str(from_child_w), target, str(niceness)]
        self._process = subprocess.Popen(command, pass_fds=(to_child_r, from_child_w), stdin=subprocess.DEVNULL)
        os.close(to_child_r)
        os.close(from_child_w)
        self._outbox = Connection(to_child_w, readable=False)
        self._inbox = Connection(from_child_r, writable=False)
        self.send(args)

    def send(self, message: object) -> None:
        try:
            self._outbox.send(message)
        except OSError:
            raise WorkerStopped(self._ended()) from None

    def recv(self) -> object:
        """The next message; ``WorkerStopped`` when the process ended first."""
        try:
            return self._inbox.recv()
        except (EOFError, OSError):
            raise WorkerStopped(self._ended()) from None

    def poll(self, timeout: float) -> bool:
        """Whether a message (or the end of the process) is there to ``recv`` within ``timeout`` seconds."""
        return self._inbox.poll(timeout)

    def alive(self) -> bool:
        return self._process.poll() is None

    def close(self, wait: float = 10.0) -> None:
        """Close both pipes (the worker sees the end of its input) and end the process."""
        for connection in (self._outbox, self._inbox):
            if not connection.closed:
                connection.close()
        try:
            self._process.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()

    def terminate(self) -> None:
        if self.alive():
            self._process.terminate()
        self.close()

    def _ended(self) -> str:
        try:
            code = self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            return "the process does not answer"
        return f"the process ended with exit code {code}"


def _widen(fd: int) -> None:
    """A larger pipe buffer where the system allows it (Linux); elsewhere the default stays."""
    try:
        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    except (AttributeError, OSError):
        pass


def _main(argv: list[str]) -> int:
    inbox = Connection(int(argv[1]), writable=False)
    outbox = Connection(int(argv[2]), readable=False)
    if int(argv[4]):
        os.nice(int(argv[4]))
    module, _, function = argv[3].partition(":")
    target = getattr(importlib.import_module(module), function)
    args = inbox.recv()
    target(inbox, outbox, *args)
    outbox.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv))
