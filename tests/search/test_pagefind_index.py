"""The indexing process beside the build: a held index is written once released, complete."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from news_archive.search.pagefind_index import BackgroundIndexer, IndexSettings, pagefind_available

pytestmark = pytest.mark.skipif(not pagefind_available(), reason="pagefind is not installed")


def _page(n: int) -> str:
    return f"<html><body data-pagefind-body><h1>Gipfel {n}</h1><p>Gespräche in Genf, Runde {n}.</p></body></html>"


def test_a_held_index_is_written_when_released(tmp_path: Path) -> None:
    output = tmp_path / "pagefind"
    indexer = BackgroundIndexer(IndexSettings("de"), output, expected=3)
    try:
        indexer.hold()
        for n in range(3):
            indexer.add(f"/a{n}/", _page(n))
        assert not indexer.writing  # every page is in, but the write waits
        indexer.release()
        assert indexer.writing
        assert indexer.finish() == 3
    except BaseException:
        indexer.abort()
        raise
    entry = json.loads((output / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["de"]["page_count"] == 3


def test_a_release_before_the_last_page_writes_after_it(tmp_path: Path) -> None:
    indexer = BackgroundIndexer(IndexSettings("de"), tmp_path / "pagefind", expected=2)
    try:
        indexer.hold()
        indexer.add("/a0/", _page(0))
        indexer.release()
        assert not indexer.writing  # one page still to come
        indexer.add("/a1/", _page(1))
        assert indexer.writing
        assert indexer.finish() == 2
    except BaseException:
        indexer.abort()
        raise
