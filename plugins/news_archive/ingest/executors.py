"""Where the tagging map runs: in this process (``workers: 0`` and runs of a few texts), in local
worker processes, or on a Dask cluster.

Each executor turns ``(text, context)`` items into ``(context, analyse(doc, text, language))`` in input order,
so the output of ingest does not depend on the executor. The text is passed along because
``doc.text`` rebuilds it token by token, which costs as much as a tenth of the tagging.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from news_archive.ingest.parallel import CHUNK_SIZE, Analyse, WorkerPool, analyse_texts, pipe_in_workers

log = logging.getLogger(__name__)

Items = list[tuple[str, Any]]
MIN_ITEMS_FOR_WORKERS = 2 * CHUNK_SIZE


@dataclass(frozen=True)
class Execution:
    """How the tagging map runs (from the ingest settings)."""

    executor: str = "local"  # "local" or "dask"
    workers: int = 1
    batch_size: int = 32
    dask_scheduler: str | None = None


def map_docs(
    language: str, reference: str, items: Items, analyse: Analyse, execution: Execution = Execution(),
    pool: WorkerPool | None = None,
) -> Iterator[tuple[Any, Any]]:
    """``pool``: workers started earlier (``start_pool``), used when they serve this language."""
    if execution.executor == "dask":
        return _on_dask(language, reference, items, analyse, execution.batch_size, execution.dask_scheduler)
    if pool is not None and pool.serves(language, reference, analyse) and len(items) >= MIN_ITEMS_FOR_WORKERS:
        log.debug("tagging %d %s texts in the workers started before reading", len(items), language)
        return pool.pipe(items)
    if execution.workers > 0 and len(items) >= MIN_ITEMS_FOR_WORKERS:
        return pipe_in_workers(language, reference, items, analyse, execution.workers, execution.batch_size)
    return _in_process(language, reference, items, analyse, execution.batch_size)


def start_pool(language: str, reference: str, analyse: Analyse, execution: Execution) -> WorkerPool | None:
    """Local workers for ``language``, started now so that they load the model while the caller
    reads; None when the execution does not use local workers."""
    if execution.executor != "local" or execution.workers < 1:
        return None
    return WorkerPool(language, reference, analyse, execution.workers, execution.batch_size)


def _in_process(language, reference, items, analyse, batch_size):
    from news_archive.nlp import load_pipeline

    yield from analyse_texts(load_pipeline(language, reference), items, analyse, batch_size, language)


def _on_dask(language, reference, items, analyse, batch_size, scheduler):
    import logging

    from distributed import Client, LocalCluster

    logging.getLogger("distributed").setLevel(logging.WARNING)
    chunks = [items[i : i + CHUNK_SIZE] for i in range(0, len(items), CHUNK_SIZE)]
    cluster = None if scheduler else LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
    client = Client(scheduler or cluster)
    try:
        futures = client.map(_dask_chunk, chunks, language=language, reference=reference, analyse=analyse,
                             spacy_batch_size=batch_size, pure=False)
        for future in futures:
            yield from future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _dask_chunk(chunk, language, reference, analyse, spacy_batch_size):
    """Runs on a Dask worker; the pipeline is loaded once per worker process (load_pipeline caches)."""
    from news_archive.nlp import load_pipeline

    return list(analyse_texts(load_pipeline(language, reference), chunk, analyse, spacy_batch_size, language))
