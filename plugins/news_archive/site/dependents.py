"""Which pages show a changed article: what `mkdocs serve --dirty` rebuilds after an edit.

An edit that keeps an article's date and entities changes only the pages that list it (its
entity pages' listing page, its month page, the archive and home) and its neighbours'
previous/next links. A new, removed or re-dated article, or changed entities, shift listings:
every page of the entities involved is rebuilt. Related-article lists elsewhere may keep an old
title until the next full build.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from news_archive.site.archive import Archive, EntityKey
from news_archive.site.pages import PageSpec
from news_archive.site.records import ArticleRecord

Signature = tuple[str, tuple]  # an article's date and entities: what listings depend on


def signature(article: ArticleRecord) -> Signature:
    return article.date.isoformat(), tuple(sorted(article.entities.items()))


@dataclass(frozen=True)
class Dependents:
    pages: frozenset[str]  # src_uri of generated pages to rebuild
    articles: frozenset[str]  # src_uri of article pages to rebuild besides the changed ones
    entities: frozenset[EntityKey]  # entities whose feeds change


def find_dependents(archive: Archive, specs: list[PageSpec], changed: list[ArticleRecord],
                    before: dict[str, Signature]) -> Dependents:
    """``changed``: articles modified since the last build; ``before``: signatures of that build."""
    now = {a.src_uri: signature(a) for a in archive.articles}
    shifted = set(now) != set(before) or any(before.get(a.src_uri) != now[a.src_uri] for a in changed)
    entities: set[EntityKey] = {e.key for a in changed for e in archive.entities_of(a)}
    for src in set(before) ^ set(now) | {a.src_uri for a in changed}:
        for entity_type, names in dict(before.get(src, ("", ()))[1]).items():
            entities.update((entity_type, name) for name in names)
    months = {(a.date.year, a.date.month) for a in changed}
    listed = {key: _listing_pages(archive, key, changed) for key in entities if key in archive.entities}
    pages = set()
    for spec in specs:
        if spec.kind in ("archive", "year", "index") or (spec.kind == "month" and spec.key in months):
            pages.add(spec.src_uri)
        elif spec.kind == "entity" and spec.key in entities and (shifted or spec.page in listed.get(spec.key, ())):
            pages.add(spec.src_uri)
    neighbours = set()
    for article in changed:
        at = archive.position[article.id]
        neighbours.update(archive.articles[p].src_uri for p in (at - 1, at + 1) if 0 <= p < len(archive.articles))
    return Dependents(frozenset(pages), frozenset(neighbours), frozenset(entities))


def _listing_pages(archive: Archive, key: EntityKey, changed: list[ArticleRecord]) -> set[int]:
    """The page numbers of an entity's listing (newest first) that show a changed article; page 1 always."""
    entity, size = archive.entities[key], archive.options.entity_page_size
    pages = {1}
    for article in changed:
        at = bisect_left(entity.articles, archive.position[article.id])
        if at < len(entity.articles) and entity.articles[at] == archive.position[article.id]:
            pages.add((len(entity.articles) - 1 - at) // size + 1)
    return pages
