"""Build a Pagefind index over the article pages of a built site, through Pagefind's Python API.

The binary ships in the ``pagefind_bin_extended`` (or ``pagefind_bin``) wheel; nothing is
downloaded at run time. Only pages marked ``data-pagefind-body`` are indexed.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from news_archive.core.errors import ConfigError

log = logging.getLogger(__name__)
OUTPUT = "pagefind"
# Pagefind writes three ready-made UIs; the archive's search page uses the JS API only.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")
# Inside an article page: not part of what a search should find.
EXCLUDE = [".na-article-footer", ".na-meta", ".headerlink"]
_NOT_INSTALLED = "search_engine: pagefind: the pagefind package is not installed (pip install 'pagefind[extended]')"


@dataclass(frozen=True)
class IndexResult:
    pages: int
    folder: Path


def pagefind_available() -> bool:
    try:
        from pagefind.service import get_executable
    except ImportError:
        return False
    return get_executable() is not None


class StreamingIndex:
    """A Pagefind index fed page by page while MkDocs builds: the Pagefind process indexes on the
    other core while MkDocs renders the next pages, instead of reading every page after the build.

    The service runs on an event loop in a thread of its own; ``add`` only queues a page.
    """

    def __init__(self, language: str) -> None:
        try:
            from pagefind.index import PagefindIndex
        except ImportError:
            raise ConfigError(_NOT_INSTALLED) from None
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="pagefind", daemon=True)
        self._thread.start()
        config = {"force_language": language, "exclude_selectors": EXCLUDE}
        self._index = self._wait(PagefindIndex(config=config).__aenter__())
        self._pending: list[Future] = []

    def add(self, html: str, url: str) -> None:
        self._pending.append(asyncio.run_coroutine_threadsafe(self._index.add_html_file(content=html, url=url), self._loop))

    def finish(self, site_dir: Path, output: str = OUTPUT) -> IndexResult:
        """Wait for every queued page, write the index into ``site_dir/output`` (replacing it), stop."""
        try:
            pages = sum(1 for future in self._pending if future.result())
            folder = site_dir / output
            shutil.rmtree(folder, ignore_errors=True)
            self._wait(self._index.write_files(output_path=str(folder)))
        finally:
            self.close()
        _remove_unused(folder)
        log.debug("Pagefind indexed %s pages into %s while building", pages, folder)
        return IndexResult(pages, folder)

    def close(self) -> None:
        """Stop the Pagefind process and the loop (after a failed build too); safe to call twice."""
        if self._loop.is_closed():
            return
        for future in self._pending:
            future.cancel()
        try:
            self._wait(self._index._service.close())  # the service has no public stop without writing
        except Exception as error:  # noqa: BLE001 - stopping a service that may already be gone
            log.debug("stopping Pagefind: %s", error)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        self._loop.close()

    def _wait(self, coroutine):
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result()


def build_pagefind_index(site_dir: Path, glob: str, language: str, output: str = OUTPUT) -> IndexResult:
    """Index ``site_dir``'s pages matching ``glob`` into ``site_dir/output`` (replacing it).

    One index in ``language`` for the whole archive: the search page loads the index of its own
    language, so per-language indexes would hide the other languages' articles.
    """
    try:
        from pagefind.index import PagefindIndex
    except ImportError:
        raise ConfigError(_NOT_INSTALLED) from None
    folder = site_dir / output
    shutil.rmtree(folder, ignore_errors=True)
    config = {"force_language": language, "exclude_selectors": EXCLUDE, "output_path": str(folder)}

    async def run() -> int:
        async with PagefindIndex(config=config) as index:
            result = await index.add_directory(str(site_dir), glob=glob)
            return int(result["page_count"])

    pages = _run_async(run)
    _remove_unused(folder)
    log.debug("Pagefind indexed %s pages into %s", pages, folder)
    return IndexResult(pages, folder)


def _remove_unused(folder: Path) -> None:
    for name in UNUSED:
        (folder / name).unlink(missing_ok=True)


def _run_async(make_coroutine):
    """``asyncio.run``, in a thread of its own when the caller already runs an event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(make_coroutine())
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(lambda: asyncio.run(make_coroutine())).result()
