"""Search without a browser: extra German terms, article markup, engine choice, options, builds."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from news_archive.search.integration import choose_engine
from news_archive.search.markup import entity_names, render_pagefind_article, render_terms
from news_archive.search.terms import compound_parts, extra_terms, spelling_variants
from news_archive.site.options import SiteOptions, validate_options
from news_archive.site.records import ArticleRecord
from tests.site.conftest import build_site
from tests.site.site_fixtures import write_fixture_site

WORDS = {"sicherheit", "garantien", "arbeit", "zusammen", "verein", "bart", "gebiet", "abtretungen"}


@pytest.mark.parametrize(("word", "variants"), [
    ("Gespräche", {"Gespraeche", "Gesprache"}),
    ("Außenminister", {"Aussenminister"}),
    ("Österreich", {"Oesterreich", "Osterreich"}),
    ("Gespraeche", {"Gespräche"}),
    ("Strasse", {"Straße"}),
    ("Queen", set()),  # "ue" after q is no umlaut
    ("Witkoff", set()),
])
def test_spelling_variants(word, variants):
    assert spelling_variants(word) == variants


@pytest.mark.parametrize(("word", "parts"), [
    ("Sicherheitsgarantien", ["sicherheit", "garantien"]),  # linking s dropped
    ("Zusammenarbeit", ["zusammen", "arbeit"]),
    ("Gebietsabtretungen", ["gebiet", "abtretungen"]),
    ("vereinbart", []),  # not a noun
    ("Garantien", []),  # too short to be a compound
    ("Ukraine-Krieg", []),
])
def test_compound_parts(word, parts):
    assert compound_parts(word, WORDS.__contains__) == parts


def test_extra_terms_are_new_sorted_and_deterministic():
    texts = ["Weitere Gespräche über Sicherheitsgarantien.", "Garantien"]
    terms = extra_terms(texts, WORDS.__contains__)
    assert terms == ["Gesprache", "Gespraeche", "sicherheit", "uber", "ueber"]  # "Garantien" is in the text already
    assert extra_terms(list(reversed(texts)), WORDS.__contains__) == terms
    assert extra_terms(texts) == ["Gesprache", "Gespraeche", "uber", "ueber"]


def test_choose_engine():
    assert choose_engine("auto", 500, 500) == "lunr"
    assert choose_engine("auto", 500, 501) == "pagefind"
    assert choose_engine("lunr", 0, 10_000) == "lunr"
    assert choose_engine("pagefind", 500, 1) == "pagefind"


def test_search_options_are_validated():
    problems = validate_options(SiteOptions(search_engine="solr", search_auto_threshold=-1, search_url="/search"))
    assert "search_engine: 'solr' must be lunr, pagefind or auto" in problems
    assert "search_auto_threshold: must not be negative" in problems
    assert any(p.startswith("search_url:") for p in problems)


def record(**fields) -> ArticleRecord:
    values = {"id": "a1", "title": "T", "date": datetime(2025, 12, 2, 20, tzinfo=timezone.utc), "language": "de",
              "src_uri": "articles/2025/12/t.md", "url": "articles/2025/12/t/"}
    return ArticleRecord(**{**values, **fields})


def test_pagefind_markup_escapes_names_and_carries_filters():
    article = record(entities={"people": ("<Evil> \"Name\"", "Steve Witkoff")}, aliases={"Steve Witkoff": ("Witkoff",)})
    html = render_pagefind_article("<p>Body</p>\n", article, "2. Dezember 2025", "de", ["Gespraeche"])
    assert html.startswith('<div class="na-search-body" data-pagefind-body>\n<p>Body</p>\n')
    assert '<span data-pagefind-filter="people">&lt;Evil&gt; &quot;Name&quot;</span>' in html
    assert '<span data-pagefind-sort="date">2025-12-02T20:00:00+00:00</span>' in html
    assert '<span data-pagefind-filter="year">2025</span><span data-pagefind-filter="language">Deutsch</span>' in html
    assert '<p hidden data-pagefind-weight="5.0">&lt;Evil&gt; &quot;Name&quot; · Steve Witkoff · Witkoff</p>' in html
    assert '<p class="na-search-terms" hidden>Gespraeche</p>' in html
    assert "<Evil>" not in html
    assert entity_names(article) == ["<Evil> \"Name\"", "Steve Witkoff", "Witkoff"]
    assert render_terms([]) == ""


@pytest.fixture(scope="module")
def pagefind_site(tmp_path_factory):
    config = write_fixture_site(tmp_path_factory.mktemp("pagefind_site"), plugin={"search_engine": "pagefind"})
    return build_site(config)


def test_pagefind_build_indexes_articles_only(pagefind_site):
    entry = json.loads((pagefind_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert [language["page_count"] for language in entry["languages"].values()] == [6]
    assert not (pagefind_site / "pagefind" / "pagefind-ui.js").exists()
    material = json.loads((pagefind_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert material["docs"] == []
    page = (pagefind_site / "search" / "index.html").read_text(encoding="utf-8")
    assert "data-na-search" in page and "assets/news-archive/search.js" in page
    article = next(pagefind_site.glob("articles/2025/11/kreml-aeussert-sich/index.html")).read_text(encoding="utf-8")
    assert "data-pagefind-body" in article and "Gespraechen" in article


def test_lunr_build_boosts_entities_and_adds_terms(fixture_site):
    index = json.loads((fixture_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    article = next(d for d in index["docs"] if d["location"] == "articles/2025/12/nach-treffen-von-putin-und-witkoff/")
    assert "Steve Witkoff" in article["tags"]
    assert not (fixture_site / "pagefind").exists()
    html = (fixture_site / "articles/2025/12/nach-treffen-von-putin-und-witkoff/index.html").read_text(encoding="utf-8")
    assert '<p class="na-search-terms" hidden>' in html and "Gespraechen" in html and "data-pagefind" not in html
