"""The demo archive (content/): ingest into a temporary copy, build strict, check the result.

Uses the shipped German model when it exists, otherwise a tiny rule-based spaCy pipeline, so the
test runs before the NER model is trained.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from news_archive.ingest.run import IngestRequest, run_ingest
from news_archive.nlp import MODELS_DIR
from news_archive.project import load_project_settings
from tests.browser_support import find_broken_links
from tests.site.conftest import build_site

REPO = Path(__file__).resolve().parents[2]


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml with ``!ENV [NAME, default]``: the default."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def make_demo_project(root: Path, german_model: Path) -> Path:
    shutil.copytree(REPO / "content", root / "content")
    (root / "site_src").mkdir()
    shutil.copy(REPO / "site_src" / "index.md", root / "site_src" / "index.md")
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)  # noqa: S506
    for entry in config["plugins"]:
        if isinstance(entry, dict) and "news-archive" in entry:
            ingest = entry["news-archive"].setdefault("ingest", {})
            if not (MODELS_DIR / "de_news_ner" / "meta.json").is_file():
                ingest["model"] = {"de": str(german_model), "en": None}
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory, ruler_model_de) -> Path:
    root = tmp_path_factory.mktemp("demo")
    config = make_demo_project(root, ruler_model_de)
    report = run_ingest(IngestRequest(load_project_settings(config), root))
    assert report.ok, report.failures
    return build_site(config)


@pytest.mark.slow
def test_demo_builds_with_no_broken_links(demo_site):
    assert find_broken_links(demo_site, "/news-archive/") == []


@pytest.mark.slow
def test_putin_page_lists_reference_article_timeline_and_witkoff(demo_site):
    article = next(demo_site.glob("articles/2025/12/nach-treffen*/index.html"))
    html = article.read_text(encoding="utf-8")
    people = re.findall(r'<a class="na-chip na-people" href="([^"]+)">', html)
    assert people, "the reference article shows its people"
    for href in people:
        target = (article.parent / href / "index.html").resolve()
        assert article.parent.name in target.read_text(encoding="utf-8")
    putin = (demo_site / "personen/wladimir-putin/index.html").read_text(encoding="utf-8")
    assert article.parent.name in putin and '<svg class="na-timeline"' in putin
    assert "Steve Witkoff" in putin.split('id="na-co-mentions"')[1].split("</p>")[0]
