"""A source's bytes to drafts with their language: the pure part of reading a source.

On a cold run with tagging workers this runs in those workers (``WorkerPool.map``) from the second
window of sources on, while the parent only reads bytes and looks up the cache, so reading uses
every core as tagging does; the first window is parsed in the parent while the workers load the model.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass

from news_archive.core.article import Draft
from news_archive.core.errors import ArticleError
from news_archive.ingest.cache import encode_drafts
from news_archive.ingest.executors import MIN_ITEMS_FOR_WORKERS
from news_archive.ingest.parallel import WorkerPool
from news_archive.ingest.resolve import detect_language
from news_archive.readers import read_source

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Parsed:
    drafts: list[Draft]
    errors: list[ArticleError]
    encoded: str | None  # the drafts as the cache keeps them; None when a record failed (not cached)


def parse_source(item: tuple[bytes, str]) -> Parsed:
    """``(bytes, shown path)`` → its drafts, each with a language, and what failed."""
    data, shown = item
    try:
        found = read_source(data, shown)
    except ArticleError as error:
        return Parsed([], [error], None)
    drafts = [d for d in found if isinstance(d, Draft)]
    errors = [d for d in found if isinstance(d, ArticleError)]
    for draft in drafts:
        draft.language = draft.language or detect_language(draft.plain_text())
    return Parsed(drafts, errors, None if errors else encode_drafts(drafts))


def parse_sources(items: list[tuple[bytes, str]], pool: WorkerPool | None) -> Iterator[Parsed]:
    """``parse_source`` of each item, in order: in ``pool``'s workers when there are enough items."""
    if pool is not None and len(items) >= MIN_ITEMS_FOR_WORKERS:
        log.debug("parsing %d sources in the tagging workers", len(items))
        return pool.map(parse_source, items)
    return map(parse_source, items)
