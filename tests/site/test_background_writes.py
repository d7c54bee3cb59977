"""Pages are written by a thread while MkDocs renders; a failed write names the file."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import mkdocs.utils
import pytest
from mkdocs.exceptions import Abort

from news_archive.mkdocs_plugin.background_writes import BackgroundWrites, WriteFailed
from tests.site.conftest import build_site
from tests.site.site_fixtures import write_fixture_site


def test_writes_happen_in_a_thread_and_are_all_done_at_finish(tmp_path: Path, monkeypatch) -> None:
    original = mkdocs.utils.write_file
    writers: set[str] = set()

    def spy(content: bytes, output_path: str) -> None:
        writers.add(threading.current_thread().name)
        original(content, output_path)

    monkeypatch.setattr(mkdocs.utils, "write_file", spy)
    writes = BackgroundWrites()
    assert mkdocs.utils.write_file == writes.write
    for i in range(500):
        mkdocs.utils.write_file(f"Seite {i}".encode(), str(tmp_path / "site" / f"seite-{i}" / "index.html"))
    writes.finish()
    assert mkdocs.utils.write_file is spy  # MkDocs writes for itself again
    assert writers == {"news-archive-writes"}
    assert all((tmp_path / "site" / f"seite-{i}" / "index.html").read_text() == f"Seite {i}" for i in range(500))


def test_a_failed_write_is_reported_with_the_file(tmp_path: Path) -> None:
    (tmp_path / "blocked").write_text("a file where a folder should be", encoding="utf-8")
    writes = BackgroundWrites()
    mkdocs.utils.write_file(b"x", str(tmp_path / "ok" / "index.html"))
    mkdocs.utils.write_file(b"x", str(tmp_path / "blocked" / "index.html"))
    mkdocs.utils.write_file("not bytes", str(tmp_path / "text" / "index.html"))  # not an OSError: the thread goes on
    mkdocs.utils.write_file(b"x", str(tmp_path / "after" / "index.html"))
    with pytest.raises(WriteFailed, match=r"blocked/index.html: cannot write: .*\(and 1 more files\)$"):
        writes.finish()
    assert (tmp_path / "ok" / "index.html").exists() and (tmp_path / "after" / "index.html").exists()
    assert mkdocs.utils.write_file != writes.write


def test_a_build_that_cannot_write_a_page_stops_with_one_line(tmp_path: Path, caplog) -> None:
    config = write_fixture_site(tmp_path, plugin={"parallel_min_articles": 0})
    site = build_site(config)
    page = site / "articles/2025/11/kreml-aeussert-sich/index.html"
    page.unlink()
    page.mkdir()  # a folder where the page goes
    source = tmp_path / "docs/articles/2025/11/kreml-aeussert-sich.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nNeu.\n", encoding="utf-8")
    os.utime(page, (1, 1))  # older than its source: a dirty build writes it
    with pytest.raises(Abort):
        build_site(config, dirty=True)
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert errors == [f"news-archive: {page}: cannot write: Is a directory"]
    assert (site / "articles/2025/12/nach-treffen-von-putin-und-witkoff/index.html").exists()  # the others are written
    assert mkdocs.utils.write_file.__module__ == "mkdocs.utils"
