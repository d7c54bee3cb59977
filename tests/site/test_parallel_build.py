"""A large build renders article frames, generated pages, feeds and exports in a second process.

The site must be byte for byte the one the build process alone renders.
"""

from __future__ import annotations

import logging
import re
import subprocess
import sys
from pathlib import Path

from news_archive.site.options import SiteOptions
from news_archive.mkdocs_plugin.prerender import PAGE, Prerenderer
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

