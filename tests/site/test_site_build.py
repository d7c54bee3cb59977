"""In-process strict builds of the fixture site: no warnings, no broken links, feeds, exports."""

from __future__ import annotations

import json
import re
from pathlib import Path

import feedparser
import pytest

from tests.browser_support import find_broken_links
from tests.site.conftest import build_site
from tests.site.site_fixtures import ARTICLES, write_fixture_site

PUTIN_ARTICLE = "articles/2025/12/nach-treffen-von-putin-und-witkoff/index.html"


def content(site: Path, page: str) -> str:
    html = (site / page).read_text(encoding="utf-8")
    match = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', html, re.DOTALL)
    return match.group(1) if match else html


def test_strict_build_has_no_warnings(tmp_path, warnings_log):
    build_site(write_fixture_site(tmp_path))
    assert warnings_log() == []


def test_no_broken_internal_links(fixture_site):
    assert find_broken_links(fixture_site, "/archive/") == []


def test_reference_article_links_each_person_to_a_page_listing_it_back(fixture_site):
    article = content(fixture_site, PUTIN_ARTICLE)
    people = ARTICLES[0][0].people
    for name in people:
        href = re.search(rf'<a class="na-chip na-people" href="([^"]+)">{re.escape(name)}</a>', article).group(1)
        target = (fixture_site / PUTIN_ARTICLE).parent / href / "index.html"
        assert "nach-treffen-von-putin-und-witkoff/" in content(fixture_site, str(target.resolve().relative_to(fixture_site)))
    body = article.split('<div class="na-body">')[1]
    assert body.count('class="na-mention na-people"') == len(people)  # first mentions linked, once each


def test_putin_page_shows_article_timeline_and_co_mentions(fixture_site):
    page = content(fixture_site, "personen/wladimir-putin/index.html")
    assert "Nach Treffen von Putin und Witkoff" in page
    assert '<svg class="na-timeline"' in page
    co = page.split('id="na-co-mentions"')[1].split("</p>")[0]
    assert "Steve Witkoff <span class=\"na-count\">2</span>" in co


def test_place_page_shows_country_and_map(fixture_site):
    page = content(fixture_site, "orte/kreml/index.html")
    assert '<span class="na-country">Russland</span>' in page
    assert 'href="https://www.openstreetmap.org/?mlat=55.752&amp;mlon=37.617' in page


def test_hostile_input_never_becomes_markup(fixture_site):
    for path in fixture_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for needle in ("<script>alert", "<img src=x", "<b onmouseover", "javascript:alert", "<Evil>"):
            assert needle not in html, f"{needle} unescaped in {path}"


def test_nav_is_short_and_articles_stay_out(fixture_site):
    html = (fixture_site / "index.html").read_text(encoding="utf-8")
    nav = re.split(r'<nav class="md-nav md-nav--primary[^"]*"', html)[1].split('<div class="md-content"')[0]
    for label in ("Start", "Archiv", "Personen", "Orte", "Organisationen", "Themen"):
        assert label in nav
    assert "articles/" not in nav and "wladimir-putin" not in nav


def test_feeds_hold_the_right_items(fixture_site):
    archive = feedparser.parse((fixture_site / "rss.xml").read_bytes())
    assert archive.version == "rss20" and not archive.bozo
    titles = [e.title for e in archive.entries]
    assert titles[0] == ARTICLES[0][0].title and titles[-1] == "Ölpreis steigt"  # newest first
    assert len(archive.entries) == len(ARTICLES)
    assert archive.entries[0].link == "https://example.org/archive/articles/2025/12/nach-treffen-von-putin-und-witkoff/"
    putin = feedparser.parse((fixture_site / "personen/wladimir-putin/atom.xml").read_bytes())
    assert putin.version == "atom10" and not putin.bozo
    assert {e.title for e in putin.entries} == {ARTICLES[0][0].title, "Witkoff reist erneut nach Moskau",
                                               "Kreml äußert sich zu Gesprächen"}
    trump = feedparser.parse((fixture_site / "personen/donald-trump/rss.xml").read_bytes())
    assert [e.title for e in trump.entries] == [ARTICLES[0][0].title, "Trump lobt Gespräche"]


def test_exports_hold_entities_and_articles(fixture_site):
    entities = json.loads((fixture_site / "entities.json").read_text(encoding="utf-8"))["entities"]
    putin = next(e for e in entities if e["name"] == "Wladimir Putin")
    assert putin["type"] == "people" and putin["aliases"] == ["Putin", "Putins"] and len(putin["articles"]) == 3
    assert {"type": "people", "name": "Steve Witkoff", "count": 2} in putin["co_mentions"]
    kreml = next(e for e in entities if e["name"] == "Kreml")
    assert (kreml["country"], kreml["lat"], kreml["lon"]) == ("RU", 55.752, 37.617)
    articles = json.loads((fixture_site / "articles.json").read_text(encoding="utf-8"))["articles"]
    assert len(articles) == len(ARTICLES) and articles[0]["entities"]["people"][0] == "Wladimir Putin"


def test_english_site_pagination_min_articles_and_plain_urls(tmp_path, warnings_log):
    config = write_fixture_site(tmp_path, language="en", plugin={"entity_min_articles": 2, "entity_page_size": 1})
    text = config.read_text(encoding="utf-8").replace("docs_dir: docs", "docs_dir: docs\nuse_directory_urls: false")
    config.write_text(text, encoding="utf-8")
    site = build_site(config)
    assert warnings_log() == []
    assert find_broken_links(site, "/archive/") == []
    putin = content(site, "people/wladimir-putin/index.html")
    assert 'href="page/3/index.html"' in putin and "Page 1 of 3" not in putin.split("<h2")[0]
    assert (site / "people/wladimir-putin/page/3/index.html").is_file()
    assert not (site / "people/marco-rubio").exists()
    index = content(site, "people/index.html")
    assert '<span class="na-chip na-people na-unlinked">Marco Rubio' in index
    article = content(site, "articles/2025/12/nach-treffen-von-putin-und-witkoff.html")
    assert "Marco Rubio" in article and "marco-rubio" not in article


def test_broken_article_is_a_warning_naming_the_file(tmp_path, warnings_log):
    config = write_fixture_site(tmp_path)
    bad = tmp_path / "docs/articles/2025/12/kaputt.md"
    bad.write_text("---\ntitle: Ohne Datum\n---\nText\n", encoding="utf-8")
    from mkdocs.exceptions import Abort

    with pytest.raises(Abort):
        build_site(config)
    assert any("articles/2025/12/kaputt.md" in r.getMessage() for r in warnings_log())


def test_invalid_options_fail_with_every_problem(tmp_path):
    from mkdocs.exceptions import Abort, PluginError

    config = write_fixture_site(tmp_path, plugin={"archive_year_url": "jahr/", "entity_page_size": 0})
    with pytest.raises((PluginError, Abort)) as error:
        build_site(config)
    assert "archive_year_url" in str(error.value) or error.type is Abort
