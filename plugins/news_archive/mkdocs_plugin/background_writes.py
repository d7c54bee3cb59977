"""Pages written by a thread while MkDocs renders the next one.

MkDocs writes each page as soon as its theme is rendered (``mkdocs.utils.write_file``: create
the folder, write the file), on the one core that renders. On a large archive that is thousands of
folders and files: seconds of system calls during which nothing renders. ``BackgroundWrites``
replaces ``mkdocs.utils.write_file`` between ``on_env`` and ``on_post_build`` with a hand-over to
a thread (system calls release the interpreter lock, so rendering goes on meanwhile) and waits
for every file at ``on_post_build``, before any plugin reads the site. A failed write does not
stop the others; the build then ends with the first file that failed and the reason.
"""

from __future__ import annotations

import queue
import threading

import mkdocs.utils

QUEUED_FILES = 256  # the renderer waits when the thread is this far behind: memory stays bounded


class WriteFailed(RuntimeError):
    """A page could not be written; the message names the file and the reason."""


class BackgroundWrites:
    """From now until ``finish``, ``mkdocs.utils.write_file`` queues the file for a thread."""

    def __init__(self) -> None:
        self._original = mkdocs.utils.write_file
        self._queue: queue.Queue = queue.Queue(QUEUED_FILES)
        self._failures: list[str] = []
        self._thread = threading.Thread(target=self._write_all, name="news-archive-writes", daemon=True)
        self._thread.start()
        mkdocs.utils.write_file = self.write

    def write(self, content: bytes, output_path: str) -> None:
        """``mkdocs.utils.write_file``, done later by the thread."""
        self._queue.put((content, output_path))

    def finish(self) -> None:
        """Every queued file written; ``WriteFailed`` for the first that could not be."""
        self._stop()
        if self._failures:
            more = f" (and {len(self._failures) - 1} more files)" if len(self._failures) > 1 else ""
            raise WriteFailed(self._failures[0] + more)

    def abort(self) -> None:
        """The build failed: MkDocs writes for itself again (queued files are still written)."""
        self._stop()

    def _stop(self) -> None:
        if mkdocs.utils.write_file == self.write:
            mkdocs.utils.write_file = self._original
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()

    def _write_all(self) -> None:
        while (item := self._queue.get()) is not None:
            content, output_path = item
            try:
                self._original(content, output_path)
            except Exception as error:  # noqa: BLE001 - reported by finish; the thread must go on taking files
                reason = error.strerror if isinstance(error, OSError) and error.strerror else error
                self._failures.append(f"{output_path}: cannot write: {reason}")
