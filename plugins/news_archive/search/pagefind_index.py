"""The Pagefind index, built beside the site: articles are indexed while MkDocs renders the rest.

MkDocs renders on one core. ``BackgroundIndexer`` starts a process of its own that receives each
article's content as soon as it is converted (a small page around it: Pagefind reads only the
``data-pagefind-body`` part), adds its German extra terms (``markup.fill_terms``: they go to the
index only, not into the page on disk) and passes it to the Pagefind binary (``pagefind_service``)
on the other core. After the last expected article it writes the index into the site while MkDocs
is still rendering themes and generated pages; ``finish`` only collects the result. A build with a
render process holds the write (``hold``) until that process has delivered its last result and
ended (``release``): Pagefind's write phase is the build's memory peak.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from news_archive.core.errors import ConfigError
from news_archive.mkdocs_plugin.previous_site import PREFIX as PREVIOUS_PREFIX
from news_archive.worker_process import HELPER_NICENESS, WorkerProcess, WorkerStopped

log = logging.getLogger(__name__)
OUTPUT = "pagefind"
# Pagefind writes three ready-made UIs; the archive's search page uses the JS API only.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")
# Inside an article page: not part of what a search should find.
EXCLUDE = [".na-article-footer", ".na-meta", ".headerlink"]
_WRITE = "write"


@dataclass(frozen=True)
class IndexSettings:
    """What the indexing process needs: the index language and how to add extra terms."""

    language: str
    compound_parts: bool = True


def pagefind_available() -> bool:
    try:
        from news_archive.search.pagefind_service import find_executable

        find_executable()
    except ConfigError:
        return False
    return True


class BackgroundIndexer:
    """A process that indexes the pages handed to it; ``finish`` writes the index, ``abort`` drops it."""

    def __init__(self, settings: IndexSettings, output: Path, expected: int) -> None:
        self._worker = WorkerProcess(f"{__name__}:index_pages", settings, niceness=HELPER_NICENESS)
        self.output = output
        self.expected = expected
        self.sent = 0
        self._writing = False
        self._held = False

    def add(self, url: str, html: str) -> None:
        """Hand over one page (``url`` from the site root, e.g. ``/articles/2025/11/x/``)."""
        self._send((url, html))
        self.sent += 1
        if self.sent == self.expected and not self._held:
            self._write()

    @property
    def writing(self) -> bool:
        """The indexing process was told to write the index."""
        return self._writing

    def hold(self) -> None:
        """The write waits for ``release`` (or ``finish``), even once every expected page is in."""
        self._held = True

    def release(self) -> None:
        """The write starts now if every expected page is in, else after the last one."""
        self._held = False
        if self.sent >= self.expected and not self._writing:
            self._write()

    def _write(self) -> None:
        """Write the index; the last one is moved aside (one rename) and deleted by the indexing
        process after the write, not here, where the build waits."""
        old = self.output.with_name(f"{PREVIOUS_PREFIX}{self.output.name}-{os.getpid()}")
        try:
            os.rename(self.output, old)
        except OSError:  # none yet (or not movable: deleted here)
            shutil.rmtree(self.output, ignore_errors=True)
            old = None
        self._send((_WRITE, (str(self.output), str(old) if old else None)))
        self._writing = True

    def _send(self, message: tuple[str, str]) -> None:
        try:
            self._worker.send(message)
        except WorkerStopped as error:
            raise _stopped(error) from None

    def finish(self) -> int:
        """Wait for the index (written to ``output``, replacing it); returns the number of pages in it."""
        started = time.perf_counter()
        try:
            if not self._writing:
                self._write()
            status, value = self._worker.recv()
        except WorkerStopped as error:
            raise _stopped(error) from None
        finally:
            self._worker.close(wait=30)
        if status != "ok":
            raise ConfigError(f"search_engine: pagefind: {value}")
        for name in UNUSED:
            (self.output / name).unlink(missing_ok=True)
        log.debug("Pagefind indexed %s pages into %s; the build waited %.1f s for it", value, self.output,
                  time.perf_counter() - started)
        return int(value)

    def abort(self) -> None:
        self._worker.terminate()


def _stopped(error: WorkerStopped) -> ConfigError:
    return ConfigError(f"search_engine: pagefind: the indexing process stopped ({error})")


def index_pages(inbox, outbox, settings: IndexSettings) -> None:
    """The indexing process: pages in, index out; the first failure is reported at the end."""
    from news_archive.search.pagefind_service import PagefindService, find_executable
    from news_archive.search.markup import fill_terms
    from news_archive.search.terms import is_german_word

    is_word = is_german_word if settings.compound_parts else None
    failure: str | None = None
    service = None
    try:
        service = PagefindService(find_executable(), {"force_language": settings.language,
                                                      "exclude_selectors": EXCLUDE})
    except Exception as error:  # reported to the build at the end, like any failure here
        failure = str(error)
    while True:
        try:
            first, second = inbox.recv()
        except EOFError:  # the build went away
            break
        if first == _WRITE:
            output, old = second
            if failure is None:
                try:
                    pages = service.write(Path(output))
                except Exception as error:
                    failure = str(error)
            if old:  # the last build's index (a folder left by an interrupted build goes with the next build)
                shutil.rmtree(old, ignore_errors=True)
            outbox.send(("ok", pages) if failure is None else ("error", failure))
            break
        if failure is None:
            try:
                service.add_page(first, fill_terms(second, is_word))
            except Exception as error:
                failure = f"{first}: {error}"
    if service is not None:
        service.close()
