"""A synchronous client for Pagefind's service mode (``pagefind --service``).

The binary reads requests on stdin and writes responses on stdout, each a base64-encoded JSON
object followed by a comma. Pagefind's own Python client waits 100 ms before reading every
response, which is fine for one ``AddDir`` but would stall a build that adds 10,000 pages one by
one. Here a reader thread takes responses as they come, so pages are written without waiting and
the binary indexes them on another core while the site is still being rendered.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import tempfile
import threading
from pathlib import Path

from news_archive.core.errors import ConfigError

RESPONSE_TIMEOUT = 600.0  # seconds for NewIndex / WriteFiles; indexing 100,000 pages stays well below
# Pagefind's allocator (jemalloc, variables prefixed _RJEM_) keeps freed memory for 10 s by default;
# its write phase frees and allocates gigabytes within that time. Returning it after 0.2 s takes the
# peak of 10,000 pages from ~1,485 to ~1,180 MiB; at once (0 ms) saves ~15 MiB more but costs
# Pagefind ~2.7 s more system time in faults (BENCHMARKS.md).
ALLOCATOR = ("_RJEM_MALLOC_CONF", "dirty_decay_ms:200,muzzy_decay_ms:0")


class PagefindServiceError(RuntimeError):
    """The Pagefind service failed: the message says what it reported."""


class PagefindService:
    """One running ``pagefind --service`` process holding one index."""

    def __init__(self, executable: Path, config: dict) -> None:
        self._stderr = tempfile.TemporaryFile()
        name, value = ALLOCATOR
        environment = {name: value, **os.environ}  # a value set by the user wins
        self._process = subprocess.Popen([str(executable), "--service"], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=self._stderr, env=environment)
        self._lock = threading.Lock()
        self._waiting: dict[int, threading.Event] = {}
        self._answers: dict[int, dict] = {}
        self._errors: list[str] = []
        self._next_id = 0
        self.pages = 0
        self._reader = threading.Thread(target=self._read_responses, name="pagefind-responses", daemon=True)
        self._reader.start()
        answer = self._request({"type": "NewIndex", "config": config})
        self._index_id = answer["index_id"]

    def add_page(self, url: str, html: str) -> None:
        """Queue one page for indexing; failures are collected and reported by ``write``."""
        self._send({"type": "AddFile", "index_id": self._index_id, "url": url, "file_path": None,
                    "file_contents": html})

    def write(self, output_path: Path) -> int:
        """Write the index to ``output_path`` once every page is indexed; returns the page count."""
        self._request({"type": "WriteFiles", "index_id": self._index_id, "output_path": str(output_path)})
        if self._errors:
            raise PagefindServiceError(f"{len(self._errors)} pages failed, first: {self._errors[0]}")
        return self.pages

    def close(self) -> None:
        """End the service process (also after a failed build)."""
        if self._process.stdin and not self._process.stdin.closed:
            try:
                self._process.stdin.close()
            except OSError:
                pass
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._stderr.close()

    # -- protocol ------------------------------------------------------------------------------
    def _send(self, payload: dict, event: threading.Event | None = None) -> int:
        with self._lock:
            self._next_id += 1
            message_id = self._next_id
            if event is not None:
                self._waiting[message_id] = event
        message = base64.b64encode(json.dumps({"message_id": message_id, "payload": payload}).encode("utf-8"))
        try:
            self._process.stdin.write(message + b",")
            if event is not None:
                self._process.stdin.flush()
        except (BrokenPipeError, ValueError):
            raise PagefindServiceError(f"the service stopped: {self._stderr_tail()}") from None
        return message_id

    def _request(self, payload: dict) -> dict:
        event = threading.Event()
        message_id = self._send(payload, event)
        if not event.wait(RESPONSE_TIMEOUT):
            raise PagefindServiceError(f"no answer to {payload['type']} within {RESPONSE_TIMEOUT:.0f} s")
        if message_id not in self._answers:  # woken because the process ended
            self._process.wait()
            raise PagefindServiceError(f"the service stopped: {self._stderr_tail()}")
        answer = self._answers.pop(message_id)
        if answer.get("type") == "Error":
            raise PagefindServiceError(f"{payload['type']}: {answer.get('message')}")
        return answer

    def _read_responses(self) -> None:
        buffer = b""
        stdout = self._process.stdout
        while chunk := stdout.read1(1 << 16):
            buffer += chunk
            *messages, buffer = buffer.split(b",")
            for message in messages:
                self._take(json.loads(base64.b64decode(message)))
        with self._lock:  # the process ended: wake whoever waits, they report the failure
            for event in self._waiting.values():
                event.set()

    def _take(self, response: dict) -> None:
        payload = response.get("payload") or {}
        message_id = response.get("message_id")
        with self._lock:
            event = self._waiting.pop(message_id, None)
        if event is not None:
            self._answers[message_id] = payload
            event.set()
        elif payload.get("type") == "Error":
            self._errors.append(str(payload.get("message")))
        elif payload.get("type") == "IndexedFile":
            self.pages += 1

    def _stderr_tail(self) -> str:
        self._stderr.seek(0)
        lines = self._stderr.read().decode("utf-8", "replace").strip().splitlines()
        return lines[-1] if lines else f"exit code {self._process.poll()}"


def find_executable() -> Path:
    """The Pagefind binary of the ``pagefind[extended]`` wheels (or ``PAGEFIND_BINARY_PATH``)."""
    try:
        from pagefind.service import get_executable
    except ImportError:
        raise ConfigError("search_engine: pagefind: the pagefind package is not installed (pip install 'pagefind[extended]')") from None
    executable = get_executable()
    if executable is None:
        raise ConfigError("search_engine: pagefind: the pagefind package has no binary (pip install 'pagefind[extended]')")
    return executable
