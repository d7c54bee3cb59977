"""A large build renders article frames, generated pages, feeds and exports in a second process.

The site must be byte for byte the one the build process alone renders.
"""

from __future__ import annotations

import logging
from pathlib import Path

from news_archive.site.options import SiteOptions
from news_archive.site.prerender import ARTICLE, Prerenderer
from tests.site.conftest import build_site
from tests.site.site_fixtures import write_fixture_site


def files_of(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()}


def test_the_second_process_renders_the_same_site(tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    alone = build_site(write_fixture_site(tmp_path / "alone", plugin={"parallel_min_articles": 0}))
    assert not [r for r in caplog.records if "second process" in r.getMessage()]
    caplog.clear()
    shared = build_site(write_fixture_site(tmp_path / "shared", plugin={"parallel_min_articles": 1}))
    messages = [r.getMessage() for r in caplog.records]
    planned = next(m for m in messages if m.startswith("Rendering ") and m.endswith("in a second process"))
    used = next(m for m in messages if m.endswith("results came from the second process"))
    assert planned.split()[1] == used.split()[0] != "0"  # every result was used, none rendered twice
    expected, actual = files_of(alone), files_of(shared)
    assert sorted(actual) == sorted(expected)
    assert [name for name in expected if actual[name] != expected[name]] == []
    assert any(name.startswith("personen/") for name in actual) and "rss.xml" in actual and "entities.json" in actual


def test_a_failing_second_process_leaves_the_rendering_to_the_build(caplog):
    prerender = Prerenderer([], SiteOptions(language="de"), [(ARTICLE, "articles/missing.md")])
    try:
        assert prerender.get(ARTICLE, "articles/missing.md") is None
        assert prerender.failed
    finally:
        prerender.close()
    warning = next(r for r in caplog.records if r.levelno == logging.WARNING)
    assert "Rendering in a second process failed (KeyError: 'articles/missing.md')" in warning.getMessage()
