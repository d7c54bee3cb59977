"""The demo archive (content/), ingested once, built once per search engine and served on 127.0.0.1.

Each site is built with its real serving address as ``site_url`` so that Material's instant
navigation is active, as on a deployed site.
"""

from __future__ import annotations

import pytest
import yaml

from news_archive.ingest.run import IngestRequest, run_ingest
from news_archive.project import load_project_settings
from tests.browser_support import free_port, serve_directory
from tests.site.conftest import build_site, fixture_site  # noqa: F401 - the fixture archive, built once
from tests.site.test_site_demo import make_demo_project

ENGINES = ("lunr", "pagefind")


@pytest.fixture(scope="session")
def demo_project(tmp_path_factory, ruler_model_de):
    """The demo project, ingested (with the shipped German model when it exists); returns its mkdocs.yml."""
    root = tmp_path_factory.mktemp("search_demo")
    config = make_demo_project(root, ruler_model_de)
    report = run_ingest(IngestRequest(load_project_settings(config), root))
    assert report.ok, report.failures
    return config


def configure(config_path, engine: str, site_url: str, **options) -> object:
    """A copy of the demo's mkdocs.yml for one engine, building into ``site-<engine>/``."""
    data = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    data["site_url"] = site_url
    data["site_dir"] = f"site-{engine}"
    for entry in data["plugins"]:
        if isinstance(entry, dict) and "news-archive" in entry:
            entry["news-archive"].update(search_engine=engine, **options)
    path = config_path.with_name(f"mkdocs-{engine}.yml")
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture(scope="session", params=ENGINES)
def served_site(request, demo_project):
    """(engine, base URL) of the demo built with that engine, served below /news/."""
    port = free_port()
    site = build_site(configure(demo_project, request.param, f"http://127.0.0.1:{port}/news/"))
    with serve_directory(site, "/news/", port=port) as url:
        yield request.param, url
