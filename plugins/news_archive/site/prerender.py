"""Render ahead of MkDocs on another core: article frames, generated pages, feeds and exports.

MkDocs renders one page after another on one core. Most of what the plugin adds does not depend
on the page MkDocs is converting: an article's header, chips, neighbours and related articles (its
*frame*, ``SiteRenderer.article_frame``), every entity, index and archive page, the feeds and the
JSON exports depend only on the archive. ``Prerenderer`` builds the same archive in a process of
its own and renders those, in the order MkDocs will ask for them, while MkDocs reads and converts
Markdown. The results are the
strings ``SiteRenderer`` would return in the build process (a test compares whole sites). If the
process fails, the build renders in-process and says so once.
"""

from __future__ import annotations

import logging
import multiprocessing
import queue

from news_archive.site.options import SiteOptions
from news_archive.site.records import ArticleRecord

log = logging.getLogger(__name__)
ARTICLE, PAGE, OUTPUTS = "article", "page", "outputs"  # OUTPUTS: feeds and exports (``site_outputs``)
POLL = 1.0  # seconds between checks that the process is still alive while waiting
_DONE = ("", "", None)


class Prerenderer:
    """Results by (kind, src_uri), rendered in ``order`` by a second process."""

    def __init__(self, records: list[ArticleRecord], options: SiteOptions, order: list[tuple[str, str]]) -> None:
        context = multiprocessing.get_context("spawn")  # MkDocs serve runs threads: no fork
        self._results = context.Queue()  # the sender buffers: the process never waits for the build
        self._process = context.Process(target=_render_all, args=(records, options, order, self._results),
                                        name="news-archive-render", daemon=True)
        self._process.start()
        self._ready: dict[tuple[str, str], object] = {}
        self._done = False
        self.failed = False
        self.taken = 0  # results the build used
        log.debug("Rendering %d article frames and pages, feeds and exports in a second process", len(order))

    def get(self, kind: str, src_uri: str):
        """The rendered value, or None when the process cannot give it (render it in-process)."""
        key = (kind, src_uri)
        while key not in self._ready and not (self._done or self.failed):
            try:
                result_kind, result_src, value = self._results.get(timeout=POLL)
            except queue.Empty:
                if not self._process.is_alive():
                    self._fail(f"exit code {self._process.exitcode}")
                continue
            except (EOFError, OSError) as error:
                self._fail(str(error))
                break
            if (result_kind, result_src, value) == _DONE:
                self._done = True
            elif result_kind == "error":
                self._fail(str(value))
            else:
                self._ready[(result_kind, result_src)] = value
        value = self._ready.pop(key, None)
        self.taken += value is not None
        return value

    def close(self) -> None:
        log.debug("%d results came from the second process", self.taken)
        if self._process.is_alive():
            self._process.terminate()
        self._process.join(timeout=10)
        self._results.close()
        self._results.cancel_join_thread()

    def _fail(self, reason: str) -> None:
        self.failed = True
        log.warning("Rendering in a second process failed (%s); rendering in the build process instead", reason)


def _render_all(records, options, order, results) -> None:
    """The second process: the archive as the build process has it, then every result in order."""
    from news_archive.site.archive import build_archive
    from news_archive.site.i18n import Translator
    from news_archive.site.outputs import site_outputs
    from news_archive.site.pages import plan_pages
    from news_archive.site.render import SiteRenderer

    try:
        archive = build_archive(records, options)
        translator = Translator(options.language)
        renderer = SiteRenderer(archive, translator)
        articles = {a.src_uri: a for a in archive.articles}
        pages = {spec.src_uri: spec for spec in plan_pages(archive, translator)}
        for kind, src_uri in order:
            if kind == ARTICLE:
                results.put((kind, src_uri, renderer.article_frame(articles[src_uri])))
            elif kind == OUTPUTS:
                results.put((kind, src_uri, site_outputs(renderer)))
            else:
                results.put((kind, src_uri, renderer.render_page(pages[src_uri])))
        results.put(_DONE)
    except Exception as error:  # the build process renders instead; it reports real errors itself
        results.put(("error", "", f"{type(error).__name__}: {error}"))
