"""A large build renders article frames, generated pages, feeds and exports in a second process.

The site must be byte for byte the one the build process alone renders.
"""

from __future__ import annotations

import logging
import re
import subprocess
import sys
import time
from pathlib import Path

from news_archive.site.options import SiteOptions
from news_archive.mkdocs_plugin.prerender import OUTPUTS, PAGE, Prerenderer
from news_archive.site.records import ArticleCache
from tests.site.conftest import build_site
from tests.site.site_fixtures import write_fixture_site

PLANNED = re.compile(r"Rendering (\d+) article frames and pages, feeds and exports in a second process")
USED = re.compile(r"(\d+) results came from the second process, (\d+) were rendered in the build process")


def files_of(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()}


def test_the_second_process_renders_the_same_site(tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    alone = build_site(write_fixture_site(tmp_path / "alone", plugin={"parallel_min_articles": 0}))
    assert not [r for r in caplog.records if "second process" in r.getMessage()]
    caplog.clear()
    shared = build_site(write_fixture_site(tmp_path / "shared", plugin={"parallel_min_articles": 1}))
    messages = [r.getMessage() for r in caplog.records]
    planned = next(int(m.group(1)) for m in map(PLANNED.match, messages) if m)
    used, missed = next(map(int, m.groups()) for m in map(USED.match, messages) if m)
    assert used > 0 and used + missed == planned  # each result used, or (a frame not there yet) rendered here
    expected, actual = files_of(alone), files_of(shared)
    assert sorted(actual) == sorted(expected)
    assert [name for name in expected if actual[name] != expected[name]] == []
    assert any(name.startswith("personen/") for name in actual) and "rss.xml" in actual and "entities.json" in actual


def test_the_second_process_ends_once_its_last_results_are_taken_in(tmp_path):
    """While themes render, the build takes in the feeds and exports as they come, so the process
    (and its memory) is gone before the build asks for them."""
    write_fixture_site(tmp_path)
    docs = tmp_path / "docs"
    cache = ArticleCache(None)
    records = [cache.read(str(path), path.relative_to(docs).as_posix(), path.relative_to(docs).with_suffix("").as_posix() + "/")
               for path in sorted((docs / "articles").rglob("*.md"))]
    prerender = Prerenderer(records, SiteOptions(language="de"), [(OUTPUTS, "")])
    try:
        deadline = time.monotonic() + 60
        while prerender._worker.alive() and time.monotonic() < deadline:
            prerender.receive_ready()
            time.sleep(0.05)
        assert not prerender._worker.alive()
        outputs = dict(prerender.get(OUTPUTS, ""))
    finally:
        prerender.close()
    assert "entities.json" in outputs and b"Wladimir Putin" in outputs["entities.json"]


def test_a_failing_second_process_leaves_the_rendering_to_the_build(caplog):
    prerender = Prerenderer([], SiteOptions(language="de"), [(PAGE, "personen/missing/index.md")])
    try:
        assert prerender.get(PAGE, "personen/missing/index.md") is None
        assert prerender.failed
    finally:
        prerender.close()
    warning = next(r for r in caplog.records if r.levelno == logging.WARNING)
    assert "Rendering in a second process failed (KeyError: 'personen/missing/index.md')" in warning.getMessage()


def test_a_build_script_without_a_main_guard_builds_once(tmp_path):
    """The helper processes never re-run the caller's script (multiprocessing's spawn would)."""
    config = write_fixture_site(tmp_path, plugin={"parallel_min_articles": 1, "search_engine": "pagefind"})
    script = ("import logging\n"
              "logging.basicConfig(level=logging.DEBUG, format='%(message)s')\n"
              "from mkdocs.commands.build import build\n"
              "from mkdocs.config import load_config\n"
              f"build(load_config({str(config)!r}))\n"
              "print('BUILT')\n")
    done = subprocess.run([sys.executable, "-"], input=script, capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.count("BUILT") == 1
    assert "results came from the second process" in done.stderr and "Pagefind indexed 6 pages" in done.stderr
    assert (tmp_path / "site" / "pagefind" / "pagefind-entry.json").is_file()

