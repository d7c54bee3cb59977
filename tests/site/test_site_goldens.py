"""Golden files: fixture front matter → generated page content (HTML), German and English.

``pytest tests/site --update-goldens`` rewrites them; review the diff before committing.
"""

from __future__ import annotations

import markdown
import pytest

from news_archive.core.frontmatter import render_article_file
from news_archive.site.archive import build_archive
from news_archive.site.export import export_articles, export_entities
from news_archive.site.i18n import Translator
from news_archive.site.options import SiteOptions
from news_archive.site.pages import plan_pages
from news_archive.site.records import read_article_record
from news_archive.site.render import SiteRenderer
from news_archive.site.urls import page_url
from tests.site.site_fixtures import ARTICLES


def renderer(language: str, **options) -> SiteRenderer:
    options = {"entity_min_articles": 1, **options}
    opts = SiteOptions(language=language, site_url="https://example.org/archive/", site_name="Fixture", **options)
    records = []
    for fm, body in ARTICLES:
        src = f"articles/{fm.date:%Y/%m}/{fm.slug}.md"
        records.append(read_article_record(render_article_file(fm, body), src, src, page_url(src, True)))
    return SiteRenderer(build_archive(records, opts), Translator(language))


@pytest.mark.parametrize("language", ["de", "en"])
def test_generated_pages(golden, language):
    site = renderer(language, entity_page_size=2)
    specs = {spec.src_uri: spec for spec in plan_pages(site.archive, site.t)}
    people = "personen" if language == "de" else "people"
    chosen = [f"{people}/wladimir-putin/index.md", f"{people}/wladimir-putin/page/2/index.md", f"{people}/index.md",
              "archive/index.md", "archive/2025/index.md", "archive/2025/11/index.md",
              ("orte" if language == "de" else "places") + "/kreml/index.md"]
    for src in chosen:
        golden(f"{language}/{src.replace('/', '_').replace('_index.md', '')}.html", site.render_page(specs[src]))
    golden(f"{language}/home.html", site.render_home(""))


def test_page_plan(golden):
    site = renderer("de", entity_page_size=2)
    lines = [f"{s.kind:8} {s.url:45} p{s.page}/{s.pages} {'search' if s.search else '-':6} {s.title}"
             for s in plan_pages(site.archive, site.t)]
    golden("de/plan.txt", "\n".join(lines) + "\n")


@pytest.mark.parametrize("language", ["de", "en"])
def test_article_pages(golden, language):
    site = renderer(language)
    for article in site.archive.articles:
        body = markdown.markdown(next(b for fm, b in ARTICLES if fm.id == article.id), extensions=["fenced_code"])
        golden(f"{language}/article_{article.id}.html", site.render_article(article, body))


def test_exports(golden):
    site = renderer("de")
    golden("export_entities.json", export_entities(site.archive))
    golden("export_articles.json", export_articles(site.archive))
