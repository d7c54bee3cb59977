"""The last build's output is written over in place and swept, with MkDocs' clean semantics."""

from __future__ import annotations

import filecmp

from mkdocs.commands.build import build
from mkdocs.config import load_config

from news_archive.mkdocs_plugin.previous_site import PREFIX, set_aside
from tests.site.conftest import build_site
from tests.site.site_fixtures import write_fixture_site


def test_set_aside_put_back_and_sweep_keep_only_what_the_build_wrote(tmp_path):
    site = tmp_path / "site"
    (site / "articles" / "a").mkdir(parents=True)
    (site / "articles" / "a" / "index.html").write_text("old", encoding="utf-8")
    (site / "articles" / "gone").mkdir()
    (site / "articles" / "gone" / "index.html").write_text("old", encoding="utf-8")
    (site / "index.html").write_text("old", encoding="utf-8")
    (site / ".git").mkdir()  # hidden: MkDocs never deletes it, neither do we
    leftover = site / f"{PREFIX}interrupted"
    (leftover / "x").mkdir(parents=True)
    previous = set_aside(site)
    assert previous is not None
    assert sorted(p.name for p in site.iterdir() if not p.name.startswith(PREFIX)) == [".git"]  # MkDocs cleans nothing
    assert not leftover.exists()
    previous.put_back()
    assert (site / "articles" / "gone" / "index.html").read_text(encoding="utf-8") == "old"
    (site / "articles" / "a" / "index.html").write_text("new", encoding="utf-8")  # what the build writes
    (site / "feed.xml").write_text("new", encoding="utf-8")
    previous.sweep()
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == [
        ".git", "articles", "articles/a", "articles/a/index.html", "feed.xml"]
    assert set_aside(tmp_path / "missing") is None
    assert set_aside(tmp_path / "missing") is None
    (tmp_path / "empty").mkdir()
    assert set_aside(tmp_path / "empty") is None  # nothing visible


def test_a_rebuild_replaces_the_last_output_entirely(tmp_path):
    config = write_fixture_site(tmp_path / "project")
    site = build_site(config)
    first = tmp_path / "first"
    site.rename(first)
    build_site(config)
    (site / "stale.html").write_text("from an old build", encoding="utf-8")
    (site / ".nojekyll").write_text("", encoding="utf-8")
    build_site(config)
    assert not (site / "stale.html").exists() and (site / ".nojekyll").exists()
    assert not list(site.glob(f"{PREFIX}*"))
    (site / ".nojekyll").unlink()
    comparison = filecmp.dircmp(first, site)
    assert _differences(comparison) == []


def test_a_dirty_build_keeps_the_last_output(tmp_path):
    config_file = write_fixture_site(tmp_path / "project")
    site = build_site(config_file)
    (site / "stale.html").write_text("kept under --dirty", encoding="utf-8")
    config = load_config(str(config_file))
    config.plugins.on_startup(command="build", dirty=True)
    try:
        build(config, dirty=True)
    finally:
        config.plugins.on_shutdown()
    assert (site / "stale.html").read_text(encoding="utf-8") == "kept under --dirty"


def _differences(comparison: filecmp.dircmp) -> list[str]:
    found = [*comparison.left_only, *comparison.right_only, *comparison.diff_files, *comparison.funny_files]
    for sub in comparison.subdirs.values():
        found += _differences(sub)
    return found
