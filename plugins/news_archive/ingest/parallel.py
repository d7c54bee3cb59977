"""Run a spaCy pipeline over many texts in worker processes, the model loaded once per worker.

Workers return only what ingest keeps of each Doc (the result of ``analyse``), never whole Docs,
so little crosses process boundaries. Results come back in input order.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator
from typing import Any

CHUNK_SIZE = 16  # small enough that the last chunks keep both workers busy
Analyse = Callable[[Any, str, str], Any]  # (doc, text, language) -> what the caller gets back

_worker_nlp = None
_worker_analyse: Analyse | None = None
_worker_language = ""
_worker_batch_size = 32
_worker_error: Exception | None = None


class WorkerPool:
    """Worker processes with one pipeline loaded each. Start it early: the workers load the model
    (seconds) while the parent still reads the sources."""

    def __init__(self, language: str, reference: str, analyse: Analyse, workers: int,
                 batch_size: int) -> None:
        """``analyse`` must be a module-level function (it is sent to the workers by name)."""
        self.language, self.reference, self.analyse = language, reference, analyse
        context = multiprocessing.get_context("spawn")
        self._pool = context.Pool(workers, initializer=_start_worker, initargs=(language, reference, analyse, batch_size))

    def serves(self, language: str, reference: str, analyse: Analyse) -> bool:
        return (language, reference, analyse) == (self.language, self.reference, self.analyse)

    def pipe(self, items: list[tuple[str, Any]]) -> Iterator[tuple[Any, Any]]:
        """``(context, analyse(doc, text, language))`` for each ``(text, context)`` in ``items``, in order."""
        chunks = [items[i : i + CHUNK_SIZE] for i in range(0, len(items), CHUNK_SIZE)]
        results = self._pool.imap(_analyse_chunk, chunks)  # queued now, not at the first ``next``
        return (pair for chunk in results for pair in chunk)

    def map(self, function: Callable[[Any], Any], items: list[Any]) -> Iterator[Any]:
        """``function`` (module-level) of each item in the workers, in order; the workers load the
        model first, so this waits for that."""
        return self._pool.imap(function, items, chunksize=CHUNK_SIZE)

    def close(self) -> None:
        self._pool.terminate()
        self._pool.join()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def pipe_in_workers(
    language: str,
    reference: str,
    items: list[tuple[str, Any]],
    analyse: Analyse,
    workers: int,
    batch_size: int,
) -> Iterator[tuple[Any, Any]]:
    """``(context, analyse(doc, text, language))`` for each ``(text, context)`` in ``items``, in order,
    in a pool of its own."""
    with WorkerPool(language, reference, analyse, workers, batch_size) as pool:
        yield from pool.pipe(items)


def _start_worker(language: str, reference: str, analyse: Analyse, batch_size: int) -> None:
    """Load the model once. A failure is kept and raised with the first chunk: an initializer that
    raises would make the pool restart its workers forever."""
    global _worker_nlp, _worker_analyse, _worker_batch_size, _worker_error, _worker_language
    from news_archive.ingest.heap import keep_freed_memory
    from news_archive.nlp import load_pipeline

    keep_freed_memory()
    try:
        _worker_nlp = load_pipeline(language, reference)
    except Exception as error:  # noqa: BLE001 - re-raised in _analyse_chunk, in the parent
        _worker_error = error
    _worker_analyse, _worker_batch_size, _worker_language = analyse, batch_size, language


def _analyse_chunk(chunk: list[tuple[str, Any]]) -> list[tuple[Any, Any]]:
    if _worker_error is not None:
        raise _worker_error
    assert _worker_nlp is not None and _worker_analyse is not None
    return list(analyse_texts(_worker_nlp, chunk, _worker_analyse, _worker_batch_size, _worker_language))


def analyse_texts(nlp, items: list[tuple[str, Any]], analyse: Analyse,
                  batch_size: int, language: str) -> Iterator[tuple[Any, Any]]:
    """``(context, analyse(doc, text, language))`` for each ``(text, context)`` in ``items``, in order,
    in this process: what every executor runs on its share of the texts (of one language)."""
    docs = nlp.pipe(items, as_tuples=True, batch_size=batch_size)
    for (doc, context), (text, _) in zip(docs, items):
        yield context, analyse(doc, text, language)
