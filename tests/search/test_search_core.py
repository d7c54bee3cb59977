"""Search without a browser: extra German terms, article markup, engine choice, options, builds."""

from __future__ import annotations

import gzip
import json
import logging
from datetime import datetime, timezone

import pytest
from mkdocs.exceptions import Abort

from news_archive.search.integration import choose_engine
from news_archive.search.markup import (BODY_MARK, FOOTER, TERMS_SLOT, entity_names, fill_terms, render_pagefind_article,
                                       render_terms)
from news_archive.search.terms import compound_parts, extra_terms, html_text, is_german_word, spelling_variants
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
    html = render_pagefind_article("<p>Body</p>\n", article, "2. Dezember 2025", "de", terms_slot=True)
    assert html.startswith('<div class="na-search-body" data-pagefind-body>\n<p>Body</p>\n')
    assert '<span data-pagefind-filter="people">&lt;Evil&gt; &quot;Name&quot;</span>' in html
    assert '<span data-pagefind-sort="date">2025-12-02T20:00:00+00:00</span>' in html
    assert '<span data-pagefind-filter="year">2025</span><span data-pagefind-filter="language">Deutsch</span>' in html
    assert '<p hidden data-pagefind-weight="5.0">&lt;Evil&gt; &quot;Name&quot; · Steve Witkoff · Witkoff</p>' in html
    assert html.endswith(TERMS_SLOT + "</div>\n")
    assert "<Evil>" not in html
    assert entity_names(article) == ["<Evil> \"Name\"", "Steve Witkoff", "Witkoff"]
    assert render_terms([]) == ""


def test_terms_fill_the_slot_from_the_indexed_part_only():
    article = record(entities={"people": ("Jürgen Groß",)})
    body = render_pagefind_article("<p>Weitere Gespräche über Sicherheitsgarantien.</p>\n", article, "2. Dezember 2025",
                                   "de", terms_slot=True)
    page = f"<html><title>Zölle</title><body>{body}</body></html>"
    filled = fill_terms(page, WORDS.__contains__)
    terms = filled.split('<p class="na-search-terms" hidden>')[1].split("</p>")[0].split()
    assert {"Gespraeche", "ueber", "sicherheit", "Juergen", "Gross"} - set(terms) == set()
    assert "Zoelle" not in terms and TERMS_SLOT not in filled  # the page's <title> is not indexed
    assert filled.replace(filled[filled.index('<p class="na-search-terms"'):filled.index("</div>\n</body>")], TERMS_SLOT) == page
    assert fill_terms("<p>no slot</p>", None) == "<p>no slot</p>"


def pagefind_fragments(site) -> dict[str, dict]:
    """Pagefind's stored result fragments (gzip, a signature, JSON) by page URL: what the index holds."""
    fragments = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        fragments[data["url"]] = data
    return fragments


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
    assert "data-pagefind-body" in article and "Gespraechen" not in article  # the terms go to the index only
    fragments = pagefind_fragments(pagefind_site)
    assert len(fragments) == 6 and all(url.startswith("/articles/") and url.endswith("/") for url in fragments)
    assert "Gespraechen" in fragments["/articles/2025/11/kreml-aeussert-sich/"]["content"]


def test_the_index_reads_the_article_not_its_chips_nor_the_titles_in_its_footer(pagefind_site):
    url = "/articles/2025/11/kreml-aeussert-sich/"
    page = (pagefind_site / url.strip("/") / "index.html").read_text(encoding="utf-8")
    start = page.index(FOOTER[0])
    footer, article = page[start:page.index(FOOTER[1], start)], page[page.index(BODY_MARK):start]
    own = set(extra_terms([html_text(article)], is_german_word))
    from_footer = set(extra_terms([html_text(footer)], is_german_word)) - own - set(html_text(article).split())
    assert from_footer and own  # other articles' titles would add words of their own
    indexed = {word.strip(".") for word in pagefind_fragments(pagefind_site)[url]["content"].split()}  # blocks end in "."
    assert own <= indexed and from_footer.isdisjoint(indexed)
    content = pagefind_fragments(pagefind_site)[url]["content"]
    assert 'class="na-chips"' in page and "Personen:" not in content  # the names: once, from the boosted block
    assert content.count("Wladimir Putin") == page[page.index("na-body"):start].count("Wladimir Putin") + 1


def test_lunr_build_boosts_entities_and_adds_terms(fixture_site):
    index = json.loads((fixture_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    article = next(d for d in index["docs"] if d["location"] == "articles/2025/12/nach-treffen-von-putin-und-witkoff/")
    assert "Steve Witkoff" in article["tags"]
    assert not (fixture_site / "pagefind").exists()
    html = (fixture_site / "articles/2025/12/nach-treffen-von-putin-und-witkoff/index.html").read_text(encoding="utf-8")
    assert '<p class="na-search-terms" hidden>' in html and "Gespraechen" in html and "data-pagefind" not in html


def test_a_failing_pagefind_stops_the_build_with_its_reason(tmp_path, monkeypatch, caplog):
    broken = tmp_path / "pagefind"
    broken.write_text("#!/bin/sh\necho 'Error: cannot write the index: disk full' >&2\nexit 3\n", encoding="utf-8")
    broken.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(broken))
    config = write_fixture_site(tmp_path / "site", plugin={"search_engine": "pagefind"})
    with pytest.raises(Abort):
        build_site(config)
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == ["news-archive: search_engine: pagefind: the service stopped: "
                      "Error: cannot write the index: disk full"]


def test_a_dirty_build_keeps_the_index_of_the_last_full_build(tmp_path, caplog):
    """`mkdocs build --dirty` renders only changed articles: their index must not replace the full one."""
    config = write_fixture_site(tmp_path / "site", plugin={"search_engine": "pagefind"})
    site = build_site(config)
    before = pagefind_fragments(site)
    assert len(before) == 6
    changed = tmp_path / "site" / "docs/articles/2025/11/kreml-aeussert-sich.md"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nEin neuer Absatz über Zollstreit.\n", encoding="utf-8")
    caplog.set_level(logging.INFO)
    build_site(config, dirty=True)
    page = (site / "articles/2025/11/kreml-aeussert-sich/index.html").read_text(encoding="utf-8")
    assert "Zollstreit" in page  # the changed article was rebuilt
    assert pagefind_fragments(site) == before
    assert any("search index of the last full build stays" in r.getMessage() for r in caplog.records)
    build_site(config)  # a full build indexes the change, writing over the last output
    assert "Zollstreit" in pagefind_fragments(site)["/articles/2025/11/kreml-aeussert-sich/"]["content"]
    assert len(pagefind_fragments(site)) == 6
    assert [p.name for p in site.iterdir() if p.name.startswith(".")] == []  # the last index and output are gone
