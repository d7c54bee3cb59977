"""Issue 19: nothing lost. Real files, real permissions."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from news_archive.ingest.discover import UNREADABLE_FOLDER, discover_sources


def test_symlink_outside_content_refused_when_named(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    private = tmp_path / "private.txt"
    private.write_text("Secret\n\nText.\n")
    link = content / "link.txt"
    link.symlink_to(private)
    for roots in ([content], [link]):  # full run, and the path named on the command line / by serve
        found, refused = discover_sources(roots, content, [])
        assert found == []
        assert [e.reason for e in refused] == ["symlink points outside the content folder; skipped"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders whatever their permissions")
def test_unreadable_folder_is_reported(tmp_path: Path) -> None:
    content = tmp_path / "content"
    hidden = content / "sub"
    hidden.mkdir(parents=True)
    (hidden / "a.txt").write_text("Title\n\nText.\n")
    hidden.chmod(0)
    try:
        found, refused = discover_sources([content], content, [])
    finally:
        hidden.chmod(0o755)
    assert found == []
    assert [e.reason for e in refused] == [UNREADABLE_FOLDER]


def test_lock_survives_deleting_the_cache(tmp_path: Path) -> None:
    import shutil

    from news_archive.ingest.lock import LockTimeout, ingest_lock

    cache = tmp_path / ".news-archive-cache"
    with ingest_lock(cache, wait_seconds=0):
        shutil.rmtree(cache, ignore_errors=True)
        with pytest.raises(LockTimeout):
            with ingest_lock(cache, wait_seconds=0):
                pass


def test_huge_sparse_file_refused_before_reading(tmp_path: Path) -> None:
    from news_archive.ingest.cache import IngestCache
    from news_archive.ingest.run import _look_up

    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:
        handle.truncate(2 * 1024**3)  # sparse: no disk used; reading it would take 2 GB of memory
    cache = IngestCache(tmp_path / "cache")
    try:
        result = _look_up(big, "big.txt", cache)
    finally:
        cache.close()
    assert str(result) == "big.txt: file is larger than 20 MB"
