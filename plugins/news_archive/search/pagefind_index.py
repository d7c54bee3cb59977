"""Build a Pagefind index over the article pages of a built site, through Pagefind's Python API.

The binary ships in the ``pagefind_bin_extended`` (or ``pagefind_bin``) wheel; nothing is
downloaded at run time. Only pages marked ``data-pagefind-body`` are indexed.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
from concurrent.futures import ThreadPoolExecutor
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


def build_pagefind_index(site_dir: Path, glob: str, language: str, output: str = OUTPUT) -> IndexResult:
    """Index ``site_dir``'s pages matching ``glob`` into ``site_dir/output`` (replacing it).

    One index in ``language`` for the whole archive: the search page loads the index of its own
    language, so per-language indexes would hide the other languages' articles.
    """
    try:
        from pagefind.index import PagefindIndex
    except ImportError:
        raise ConfigError("search_engine: pagefind: the pagefind package is not installed (pip install 'pagefind[extended]')") from None
    folder = site_dir / output
    shutil.rmtree(folder, ignore_errors=True)
    config = {"force_language": language, "exclude_selectors": EXCLUDE, "output_path": str(folder)}

    async def run() -> int:
        async with PagefindIndex(config=config) as index:
            result = await index.add_directory(str(site_dir), glob=glob)
            return int(result["page_count"])

    pages = _run_async(run)
    for name in UNUSED:
        (folder / name).unlink(missing_ok=True)
    log.debug("Pagefind indexed %s pages into %s", pages, folder)
    return IndexResult(pages, folder)


def _run_async(make_coroutine):
    """``asyncio.run``, in a thread of its own when the caller already runs an event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(make_coroutine())
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(lambda: asyncio.run(make_coroutine())).result()
