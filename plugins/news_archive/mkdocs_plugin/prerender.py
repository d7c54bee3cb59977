"""Render ahead of MkDocs on another core: article frames, generated pages, feeds and exports.

MkDocs renders one page after another on one core. Much of what the plugin adds does not need
MkDocs' state: an article's *frame* (header, chips, neighbours, related articles:
``SiteRenderer.article_frame``) does not depend on its body, and every entity, index and archive
page, the feeds and the JSON exports depend only on the archive. ``Prerenderer`` builds the same
archive in a process of its own (``news_archive.worker_process``) and renders those in the order
MkDocs will ask for them, while MkDocs reads and converts Markdown. The build takes a frame when
it is there and renders it itself when not (at the start, while the process loads); pages, feeds
and exports it waits for. Results are what the build process would make itself (a test compares
whole sites byte for byte). If the process fails, the build does everything in-process and warns
once.
"""

from __future__ import annotations

import logging
import queue
import threading
import time

from news_archive.site.options import SiteOptions
from news_archive.site.records import ArticleRecord
from news_archive.worker_process import HELPER_NICENESS, WorkerProcess, WorkerStopped

log = logging.getLogger(__name__)
ARTICLE, PAGE, OUTPUTS = "article", "page", "outputs"  # OUTPUTS: feeds and exports (``site_outputs``)
POLL = 1.0  # seconds between checks while waiting
DONE, ERROR = "done", "error"


class Prerenderer:
    """Results by (kind, src_uri), rendered in ``order`` by a second process."""

    def __init__(self, records: list[ArticleRecord], options: SiteOptions, order: list[tuple[str, str]]) -> None:
        self._worker = WorkerProcess(f"{__name__}:render_all", records, options, order, niceness=HELPER_NICENESS)
        self._ready: dict[tuple[str, str], object] = {}
        self._skipped: set[tuple[str, str]] = set()  # rendered in-process before the result came
        self._done = False
        self.failed = False
        self.taken = 0  # results the build used
        self.missed = 0  # results not there in time: rendered in the build process
        self.waited = 0.0  # seconds the build spent waiting for and receiving results
        log.debug("Rendering %d article frames and pages, feeds and exports in a second process", len(order))

    def get(self, kind: str, src_uri: str, wait: bool = True):
        """The rendered value, or None: render it in-process (the process failed, or ``wait`` is
        false and the value is not there yet; it is dropped when it comes)."""
        key = (kind, src_uri)
        started = time.perf_counter()
        while key not in self._ready and not (self._done or self.failed):
            if not self._receive(POLL if wait else 0):
                if wait:
                    continue
                self._skipped.add(key)
                self.missed += 1
                break
        value = self._ready.pop(key, None)
        self.taken += value is not None
        self.waited += time.perf_counter() - started
        return value

    @property
    def finished(self) -> bool:
        """Every result is in (or the process failed): the process ends, its memory is free."""
        return self._done or self.failed

    def receive_ready(self) -> None:
        """Take in what has come, without waiting. Called while MkDocs renders themes: the process
        exits (and frees its memory) once the build holds its last results, not at the end."""
        while not (self._done or self.failed) and self._receive(0):
            if self._done:
                log.debug("The second process delivered its last result while themes were rendered")

    def _receive(self, timeout: float) -> bool:
        """One result into ``_ready``; False when none came within ``timeout`` seconds."""
        try:
            if not self._worker.poll(timeout):
                return False
            result_kind, result_src, value = self._worker.recv()
        except WorkerStopped as error:
            self._fail(str(error))
            return True
        if result_kind == DONE:
            self._done = True
        elif result_kind == ERROR:
            self._fail(str(value))
        elif (result_kind, result_src) in self._skipped:
            self._skipped.discard((result_kind, result_src))
        else:
            self._ready[(result_kind, result_src)] = value
        return True

    def close(self) -> None:
        log.debug("%d results came from the second process, %d were rendered in the build process as they were "
                  "not there yet; the build waited %.1f s", self.taken, self.missed, self.waited)
        self._worker.terminate()

    def _fail(self, reason: str) -> None:
        self.failed = True
        log.warning("Rendering in a second process failed (%s); rendering in the build process instead", reason)


def render_all(inbox, outbox, records, options, order) -> None:
    """The second process: the archive as the build process has it, then every result in order.

    Results go out through a thread, so rendering never waits for the build to read them.
    """
    from news_archive.site.archive import build_archive
    from news_archive.site.i18n import Translator
    from news_archive.site.outputs import site_outputs
    from news_archive.site.pages import plan_pages
    from news_archive.site.render import SiteRenderer

    results: queue.SimpleQueue = queue.SimpleQueue()
    gone = threading.Event()  # the build went away (interrupted): stop rendering
    sender = threading.Thread(target=_send_all, args=(results, outbox, gone), daemon=True)
    sender.start()
    try:
        archive = build_archive(records, options)
        translator = Translator(options.language)
        renderer = SiteRenderer(archive, translator)
        articles = {a.src_uri: a for a in archive.articles}
        specs = {spec.src_uri: spec for spec in plan_pages(archive, translator)}
        for kind, src_uri in order:
            if gone.is_set():
                break
            if kind == ARTICLE:
                results.put((kind, src_uri, renderer.article_frame(articles[src_uri])))
            elif kind == OUTPUTS:
                results.put((kind, src_uri, site_outputs(renderer)))
            else:
                results.put((kind, src_uri, renderer.render_page(specs[src_uri])))
        results.put((DONE, "", None))
    except Exception as error:  # the build process renders instead; it reports real errors itself
        results.put((ERROR, "", f"{type(error).__name__}: {error}"))
    results.put(None)
    sender.join()


def _send_all(results: queue.SimpleQueue, outbox, gone: threading.Event) -> None:
    while (result := results.get()) is not None:
        try:
            outbox.send(result)
        except OSError:
            gone.set()
            return
