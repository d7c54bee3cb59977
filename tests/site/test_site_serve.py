"""spaCy stays out of site builds; `mkdocs serve` re-ingests only what changed."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from news_archive.mkdocs_plugin.serve import ContentWatcher
from news_archive.settings import IngestSettings
from tests.site.site_fixtures import write_fixture_site

REPO = Path(__file__).resolve().parents[2]

BUILD_TWICE_AS_SERVE = textwrap.dedent("""
    import sys
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(sys.argv[1], strict=True)
    config.plugins.on_startup(command="serve", dirty=False)
    build(config)          # the first build remembers the content folder
    build(config)          # nothing changed: no ingest
    assert "news_archive.site.render" in sys.modules, "the plugin ran"
    loaded = sorted(m for m in sys.modules if m == "spacy" or m.startswith(("spacy.", "thinc", "news_archive.ingest.run")))
    print("LOADED", loaded)
    sys.exit(1 if loaded else 0)
""")


def test_site_build_never_imports_spacy(tmp_path):
    config = write_fixture_site(tmp_path)
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.txt").write_text("Titel\n\nText.\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", BUILD_TWICE_AS_SERVE, str(config)], cwd=tmp_path, capture_output=True, text=True,
        env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO)}, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "LOADED []" in result.stdout


def test_watcher_reports_changed_new_removed_and_side_files(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "a.txt").write_text("A", encoding="utf-8")
    (content / "b.txt").write_text("B", encoding="utf-8")
    watcher = ContentWatcher(IngestSettings(), tmp_path)
    assert watcher.changes() == ([], False)
    (content / "a.txt").write_text("A changed", encoding="utf-8")
    (content / "c.txt").write_text("C", encoding="utf-8")
    assert watcher.changes() == ([content / "a.txt", content / "c.txt"], False)
    (content / "b.txt").unlink()
    assert watcher.changes() == ([], True)
    (content / "c.meta.yml").write_text("date: 2025-01-01\n", encoding="utf-8")
    assert watcher.changes() == ([], True)
    (tmp_path / "entities.yml").write_text("{}\n", encoding="utf-8")
    assert watcher.changes() == ([], True)
    assert watcher.changes() == ([], False)


@pytest.mark.slow
def test_serve_reingests_a_new_article(project: Path):
    """A new file in content/ shows up on the next serve build (the ingest runs in-process)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from news_archive.ingest.run import IngestRequest, run_ingest
    from news_archive.project import load_project_settings

    config_file = project / "mkdocs.yml"
    assert run_ingest(IngestRequest(load_project_settings(config_file), project)).ok
    config = load_config(str(config_file), strict=True)
    config.plugins.on_startup(command="serve", dirty=False)
    build(config)
    site = Path(config.site_dir)
    before = {p.parent.name for p in site.glob("articles/*/*/*/index.html")}
    (project / "content" / "2025-12-03-neu.txt").write_text(
        "Rubio reist nach Kiew\n\nMarco Rubio reist am Mittwoch nach Kiew.\n", encoding="utf-8")
    build(config)
    after = {p.parent.name for p in site.glob("articles/*/*/*/index.html")}
    assert after - before == {"rubio-reist-nach-kiew"}
    rubio = next(site.glob("*/marco-rubio/index.html"))  # people/ (the test project has no theme language)
    assert "rubio-reist-nach-kiew" in rubio.read_text(encoding="utf-8")
