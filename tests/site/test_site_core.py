"""The pure site package: URLs, mention linking, related articles, options, records, i18n."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from news_archive.core.frontmatter import render_article_file
from news_archive.site.archive import build_archive, initial, sort_key
from news_archive.site.i18n import Translator
from news_archive.site.mentions import link_first_mentions
from news_archive.site.options import SiteOptions, validate_options
from news_archive.site.records import ArticleCache, ArticleRecord, read_article_record
from news_archive.site.related import related_articles
from news_archive.site.timeline import month_span, render_timeline
from news_archive.site.urls import page_url, relative_url
from tests.site.site_fixtures import ARTICLES


@pytest.mark.parametrize(("src", "directory_urls", "url"), [
    ("index.md", True, ""), ("index.md", False, "index.html"),
    ("people/putin/index.md", True, "people/putin/"), ("people/putin/index.md", False, "people/putin/index.html"),
    ("articles/2025/12/a.md", True, "articles/2025/12/a/"), ("articles/2025/12/a.md", False, "articles/2025/12/a.html"),
])
def test_page_url(src, directory_urls, url):
    assert page_url(src, directory_urls) == url


@pytest.mark.parametrize(("here", "there", "link"), [
    ("people/putin/", "archive/2025/", "../../archive/2025/"),
    ("people/putin/", "", "../../"),
    ("", "", "./"),
    ("", "people/", "people/"),
    ("people/putin/", "people/putin/", "./"),
    ("people/putin/index.html", "archive/index.html", "../../archive/index.html"),
    ("index.html", "people/a/index.html", "people/a/index.html"),
    ("articles/2025/12/a/", "articles/2025/11/b/", "../../11/b/"),
])
def test_relative_url(here, there, link):
    assert relative_url(here, there) == link


def test_first_mention_linked_once_never_in_headings_code_or_links():
    html = (
        "<h2>Putin spricht</h2><p>Ein <a href='x'>Putin</a> Link, <code>Putin</code>.</p>"
        "<p>Dann Putins Rede und Putin erneut; Wladimir Putin.</p><pre><code>Putin</code></pre>"
    )
    out = link_first_mentions(html, [("Wladimir Putin", ["Wladimir Putin", "Putin", "Putins"], "../p/", "m")])
    assert out.count('href="../p/"') == 1
    assert '<p>Dann <a class="m" href="../p/">Putins</a> Rede und Putin erneut' in out
    assert out.startswith("<h2>Putin spricht</h2><p>Ein <a href='x'>Putin</a> Link, <code>Putin</code>.</p>")


def test_mentions_match_whole_words_longest_first_and_escaped_forms():
    html = "<p>Putinismus, AT&amp;T und Donald Trump, dann Trump.</p>"
    targets = [("Donald Trump", ["Donald Trump", "Trump"], "t/", "m"), ("Putin", ["Putin"], "p/", "m"),
               ("AT&T", ["AT&T"], "a/", "m")]
    out = link_first_mentions(html, targets)
    assert "Putinismus" in out and 'href="p/"' not in out
    assert '<a class="m" href="a/">AT&amp;T</a>' in out
    assert '<a class="m" href="t/">Donald Trump</a>, dann Trump.' in out


def _records(options=SiteOptions(entity_min_articles=1)):
    records = []
    for fm, body in ARTICLES:
        src = f"articles/{fm.date:%Y/%m}/{fm.slug}.md"
        records.append(read_article_record(render_article_file(fm, body), src, src, page_url(src, True)))
    return build_archive(records, options)


def test_archive_indexes_entities_months_and_urls():
    archive = _records(SiteOptions(language="de", entity_min_articles=1))
    putin = archive.entities[("people", "Wladimir Putin")]
    assert putin.count == 3 and putin.url == "personen/wladimir-putin/"
    assert putin.aliases == {"Putin", "Putins"}
    assert archive.entities[("places", "Österreich")].url == "orte/oesterreich/"
    assert archive.co_mentions(putin)[("people", "Steve Witkoff")] == 2
    assert sorted(archive.months) == [(2024, 2), (2024, 3), (2025, 10), (2025, 11), (2025, 12)]
    assert [a.date for a in archive.articles] == sorted(a.date for a in archive.articles)


def test_min_articles_leaves_rare_entities_without_page():
    archive = _records(SiteOptions(entity_min_articles=2))
    assert archive.entities[("people", "Wladimir Putin")].url == "people/wladimir-putin/"
    assert archive.entities[("people", "Marco Rubio")].url is None


def test_related_articles_weight_rare_entities_and_break_ties_by_recency():
    archive = _records()
    putin_article = archive.articles[-1]  # the newest: the reference article
    related = related_articles(archive, putin_article, 5)
    assert [a.title for a in related][:2] == ["Witkoff reist erneut nach Moskau", "Kreml äußert sich zu Gesprächen"]
    assert putin_article not in related
    assert all(set(archive.entities_of(a)) & set(archive.entities_of(putin_article)) for a in related)


def test_related_articles_stay_bounded_for_common_entities():
    base = datetime(2020, 1, 1, tzinfo=timezone.utc)
    records = [
        ArticleRecord(id=f"{i:016x}", title=f"A{i}", date=base.replace(day=1 + i % 28, month=1 + i % 12), language="en",
                      src_uri=f"a{i}.md", url=f"a{i}/", entities={"topics": ("Everywhere",) + ((f"R{i // 2}",))})
        for i in range(400)
    ]
    archive = build_archive(records, SiteOptions())
    related = related_articles(archive, archive.articles[10], 5, neighbours=20)
    assert len(related) == 5
    partner = {e.name for e in archive.entities_of(archive.articles[10])} - {"Everywhere"}
    assert partner <= {e.name for e in archive.entities_of(related[0])}


def _related_by_definition(archive, me: int, count: int, neighbours: int) -> list[int]:
    """The definition, written plainly: candidates are the articles of the article's rare entities
    and the ``neighbours`` closest in time of its common ones; each is scored on every entity it
    shares (summed idf); best first, newest on ties."""
    mine = set(archive.entities_of(archive.articles[me]))
    candidates = set()
    for entity in mine:
        if len(entity.articles) > neighbours:
            at = sorted(entity.articles).index(me)
            candidates.update(entity.articles[max(0, at - neighbours // 2): at + neighbours // 2 + 1])
        else:
            candidates.update(entity.articles)
    candidates.discard(me)
    scored = [(round(sum(archive.idf(e) for e in mine & set(archive.entities_of(archive.articles[p]))), 9), p)
              for p in candidates]
    return [p for score, p in sorted(scored, key=lambda item: (-item[0], -item[1])) if score > 0][:count]


def test_related_articles_of_a_random_archive_follow_the_definition():
    import random

    rng = random.Random(5)
    names = [f"N{n}" for n in range(60)]
    base = datetime(2020, 1, 1, tzinfo=timezone.utc)
    records = [
        ArticleRecord(id=f"{i:016x}", title=f"A{i}", date=base.replace(day=1 + i % 28, month=1 + i % 12, year=2020 + i % 3),
                      language="en", src_uri=f"a{i}.md", url=f"a{i}/",
                      entities={kind: tuple(rng.sample(names[: rng.choice((5, 60))], rng.randint(0, 3)))
                                for kind in ("people", "places", "topics")})
        for i in range(300)
    ]
    archive = build_archive(records, SiteOptions(entity_min_articles=1))
    for position, article in enumerate(archive.articles):
        expected = _related_by_definition(archive, position, 5, 20)
        assert [archive.position[a.id] for a in related_articles(archive, article, 5, neighbours=20)] == expected


def test_options_are_validated_all_at_once():
    problems = validate_options(SiteOptions(entity_people_url="people/", archive_year_url="/y/{year}/",
                                            entity_page_size=0, entity_map_url="https://map"))
    text = "; ".join(problems)
    for needle in ("entity_people_url", "archive_year_url", "entity_page_size", "entity_map_url"):
        assert needle in text
    assert validate_options(SiteOptions()) == []


def test_language_picks_entity_url_defaults():
    assert SiteOptions(language="de").entity_url("organizations") == "organisationen/{slug}/"
    assert SiteOptions(language="fr").entity_url("people") == "people/{slug}/"
    assert SiteOptions(language="de", entity_people_url="leute/{slug}/").index_url("people") == "leute/"


def test_records_cache_reuses_unchanged_files(tmp_path):
    fm, body = ARTICLES[0]
    article = tmp_path / "a.md"
    article.write_text(render_article_file(fm, body), encoding="utf-8")
    cache = ArticleCache(tmp_path / "cache.json")
    first = cache.read(str(article), "a.md", "a/")
    cache.save()
    again = ArticleCache(tmp_path / "cache.json")
    assert again.read(str(article), "a.md", "a/") == first
    article.write_text(render_article_file(fm.model_copy(update={"title": "Neu"}), body), encoding="utf-8")
    assert ArticleCache(tmp_path / "cache.json").read(str(article), "a.md", "a/").title == "Neu"


def test_record_refuses_broken_front_matter():
    from news_archive.core.errors import ArticleError

    with pytest.raises(ArticleError, match="x.md: invalid front matter"):
        read_article_record("---\ntitle: x\n---\nBody\n", "x.md", "x.md", "x/")
    with pytest.raises(ArticleError, match="no front matter"):
        read_article_record("Body\n", "x.md", "x.md", "x/")


def test_translator_dates_and_plurals():
    de, en = Translator("de"), Translator("en")
    when = datetime(2025, 12, 2, 21, tzinfo=timezone.utc)
    assert de.date(when) == "2. Dezember 2025" and en.date(when) == "December 2, 2025"
    assert de.articles(1) == "1 Artikel" and en.articles(2) == "2 articles"
    assert de.country("RU") == "Russland" and Translator("xx").language == "en"


def test_timeline_spans_every_month_and_escapes():
    assert month_span((2024, 11), (2025, 2)) == [(2024, 11), (2024, 12), (2025, 1), (2025, 2)]
    svg = render_timeline({(2024, 11): 2, (2025, 2): 1}, Translator("en"), 'a <"b">')
    assert svg.count("<rect") == 2 and "November 2024: 2 articles" in svg
    assert 'aria-label="a &lt;&quot;b&quot;&gt;"' in svg


def test_sort_key_and_initials_ignore_case_and_accents():
    assert sorted(["oslo", "Österreich", "Zürich", "Abu"], key=sort_key) == ["Abu", "oslo", "Österreich", "Zürich"]
    assert initial("Österreich") == "O" and initial("1. FC Köln") == "#"


def test_dependents_of_an_edit_and_of_a_new_entity():
    from news_archive.site.dependents import find_dependents, signature
    from news_archive.site.i18n import Translator
    from news_archive.site.pages import plan_pages

    archive = _records(SiteOptions(language="de", entity_min_articles=1, entity_page_size=1))
    specs = plan_pages(archive, Translator("de"))
    before = {a.src_uri: signature(a) for a in archive.articles}
    putin_article = archive.articles[-1]
    edit = find_dependents(archive, specs, [putin_article], before)
    assert "personen/wladimir-putin/index.md" in edit.pages  # newest first: page 1 lists it
    assert "personen/wladimir-putin/page/3/index.md" not in edit.pages
    assert {"archive/index.md", "archive/2025/12/index.md"} <= edit.pages
    assert edit.articles == {archive.articles[-2].src_uri}
    before[putin_article.src_uri] = (before[putin_article.src_uri][0], (("people", ("Alt",)),))
    moved = find_dependents(archive, specs, [putin_article], before)
    assert "personen/wladimir-putin/page/3/index.md" in moved.pages and ("people", "Alt") in moved.entities
