"""RSS 2.0 and Atom feeds (feedgen) for the archive and for every entity page.

Links are absolute, from ``site_url``; entries are the newest ``feed_size`` articles.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass

from html import escape

from feedgen.feed import FeedGenerator

from news_archive.site.archive import Archive, EntityKey
from news_archive.site.records import ArticleRecord
from news_archive.site.render import SiteRenderer
from news_archive.site.urls import absolute_url


@dataclass(frozen=True)
class FeedFile:
    path: str  # relative to the site folder
    content: bytes


def generate_feeds(renderer: SiteRenderer, entities: Collection[EntityKey] | None = None) -> Iterator[FeedFile]:
    """Every feed of the site: the archive's, then one pair per entity page (or per one of ``entities``)."""
    archive, options = renderer.archive, renderer.options
    if not options.feed_enabled:
        return
    newest = archive.articles[::-1][: options.feed_size]
    urls = renderer.archive_feed_urls()
    yield from _pair(archive, options.site_name, "", newest, urls, renderer.t.language)
    if not options.feed_entities:
        return
    for entity in sorted(archive.entities.values(), key=lambda e: (e.type, e.slug)):
        if entities is not None and entity.key not in entities:
            continue
        urls = renderer.entity_feed_urls(entity)
        if urls is None:
            continue
        articles = [archive.articles[p] for p in entity.articles[::-1][: options.feed_size]]
        title = f"{entity.name} – {options.site_name}"
        yield from _pair(archive, title, entity.url or "", articles, urls, renderer.t.language)


def _pair(archive: Archive, title: str, page: str, articles: list[ArticleRecord], urls: dict, language: str):
    site = archive.options.site_url
    rss = _feed(title, absolute_url(site, page), absolute_url(site, urls["rss"]), articles, site, language, rss=True)
    yield FeedFile(urls["rss"], rss.rss_str(pretty=True))
    atom = _feed(title, absolute_url(site, page), absolute_url(site, urls["atom"]), articles, site, language)
    yield FeedFile(urls["atom"], atom.atom_str(pretty=True))


def _feed(title: str, page: str, self_url: str, articles: list[ArticleRecord], site: str, language: str,
          rss: bool = False) -> FeedGenerator:
    feed = FeedGenerator()
    feed.id(page)
    feed.title(title)
    feed.link(href=page, rel="alternate")
    feed.link(href=self_url, rel="self")
    feed.description(title)
    feed.language(language)
    if articles:
        feed.updated(articles[0].date)
    for article in articles:
        url = absolute_url(site, article.url)
        entry = feed.add_entry(order="append")
        entry.id(url)
        entry.guid(url, permalink=True)
        entry.title(article.title)
        entry.link(href=url)
        entry.published(article.date)
        entry.updated(article.date)
        if article.summary:
            text = " ".join(article.summary)
            # RSS readers take <description> as HTML: plain text is escaped as HTML, then as XML.
            entry.summary(escape(text, quote=False) if rss else text)
        for author in article.authors:
            entry.author(name=author)
    return feed
