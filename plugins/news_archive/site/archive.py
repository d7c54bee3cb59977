"""The archive's indexes, built once per build: articles by date, entities, months, pages.

``build_archive`` is the gather step; everything rendered afterwards reads from the result.
"""

from __future__ import annotations

import hashlib
import heapq
import math
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from functools import lru_cache

from news_archive.core.slugs import make_slug
from news_archive.site.options import ENTITY_TYPES, SiteOptions
from news_archive.site.records import ArticleRecord
from news_archive.site.urls import page_url, src_for_url

EntityKey = tuple[str, str]  # (type, canonical name)


@dataclass(eq=False)
class Entity:
    """One person, place, organization or topic; compared by identity (one object per key)."""

    type: str
    name: str
    slug: str = ""
    url: str | None = None  # None: below entity_min_articles, no page of its own
    articles: list[int] = field(default_factory=list)  # archive positions, oldest first
    aliases: set[str] = field(default_factory=set)
    geo: dict = field(default_factory=dict)

    @property
    def key(self) -> EntityKey:
        return (self.type, self.name)

    @property
    def count(self) -> int:
        return len(self.articles)


MAX_CO_MENTION_NAMES = 100  # per type and article, for co-mention counts


@dataclass
class Archive:
    options: SiteOptions
    articles: list[ArticleRecord]  # oldest first; ties by id
    entities: dict[EntityKey, Entity]
    months: dict[tuple[int, int], list[int]]  # (year, month) → positions, oldest first
    position: dict[str, int]  # article id → position
    _co_mentions: dict[EntityKey, tuple[Counter, dict]] = field(default_factory=dict)

    def entities_of(self, article: ArticleRecord) -> list[Entity]:
        return [self.entities[(t, n)] for t in ENTITY_TYPES for n in article.names(t)]

    def by_type(self, entity_type: str) -> list[Entity]:
        return [e for e in self.entities.values() if e.type == entity_type]

    def idf(self, entity: Entity) -> float:
        """Rarity weight: an entity in every article weighs little, a rare one much."""
        return math.log(1 + len(self.articles) / entity.count)

    def co_mentions(self, entity: Entity) -> Counter:
        """How often each other entity shares an article with ``entity`` (computed on demand)."""
        return self._co_mention_data(entity)[0]

    def ranked_co_mentions(self, entity: Entity, limit: int | None = None) -> list[tuple[Entity, int]]:
        """Co-mentioned entities, most shared first; ties: named earlier in those articles first."""
        counts, first = self._co_mention_data(entity)

        def rank(k: EntityKey) -> tuple:
            return -counts[k], first[k], ENTITY_TYPES.index(k[0]), sort_key(k[1])

        ranked = sorted(counts, key=rank) if limit is None else heapq.nsmallest(limit, counts, key=rank)
        return [(self.entities[key], counts[key]) for key in ranked]

    def _co_mention_data(self, entity: Entity) -> tuple[Counter, dict[EntityKey, int]]:
        found = self._co_mentions.get(entity.key)
        if found is None:
            counts: Counter = Counter()
            first: dict[EntityKey, int] = {}
            for position in entity.articles:
                article = self.articles[position]
                for entity_type in ENTITY_TYPES:  # the first names only: thousands in one text made this quadratic
                    for rank, name in enumerate(article.names(entity_type)[:MAX_CO_MENTION_NAMES]):
                        key = (entity_type, name)
                        if key != entity.key:
                            counts[key] += 1
                            first[key] = min(first.get(key, rank), rank)
            found = self._co_mentions[entity.key] = (counts, first)
        return found

    def recent_counts(self, days: int) -> Counter:
        """Articles per entity within the latest ``days`` of the archive (not of today)."""
        if not self.articles:
            return Counter()
        start = self.articles[-1].date - timedelta(days=days)
        counts: Counter = Counter()
        for article in reversed(self.articles):
            if article.date < start:
                break
            for entity in self.entities_of(article):
                counts[entity.key] += 1
        return counts


def build_archive(records: list[ArticleRecord], options: SiteOptions) -> Archive:
    articles = sorted(records, key=lambda a: (a.date, a.id))
    entities: dict[EntityKey, Entity] = {}
    months: dict[tuple[int, int], list[int]] = {}
    for position, article in enumerate(articles):
        months.setdefault((article.date.year, article.date.month), []).append(position)
        for entity_type in ENTITY_TYPES:
            for name in article.names(entity_type):
                entity = entities.get((entity_type, name))
                if entity is None:
                    entity = entities[(entity_type, name)] = Entity(entity_type, name)
                entity.articles.append(position)
                entity.aliases.update(form for form in article.aliases.get(name, ()) if form != name)
                if entity_type == "places" and name in article.geo:
                    entity.geo = {**entity.geo, **article.geo[name]}  # the newest article wins
    _assign_urls(entities, options)
    return Archive(options, articles, entities, months, {a.id: i for i, a in enumerate(articles)})


def _assign_urls(entities: dict[EntityKey, Entity], options: SiteOptions) -> None:
    """Slugs unique per type (the alphabetically first name keeps the bare slug), then URLs."""
    by_slug: dict[tuple[str, str], list[Entity]] = {}
    for entity in entities.values():
        by_slug.setdefault((entity.type, make_slug(entity.name)), []).append(entity)
    for (_, slug), group in by_slug.items():
        group.sort(key=lambda e: e.name)
        group[0].slug = slug
        for entity in group[1:]:
            entity.slug = f"{slug}-{hashlib.sha1(entity.name.encode()).hexdigest()[:6]}"
    for entity in entities.values():
        if entity.count >= options.entity_min_articles:
            url = options.entity_url(entity.type).format(slug=entity.slug)
            entity.url = page_url(src_for_url(url), options.directory_urls)


@lru_cache(maxsize=65536)  # names repeat on every listing
def sort_key(name: str) -> tuple[str, str]:
    """Alphabetical order that ignores case and accents ('Österreich' next to 'Oslo')."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in folded if not unicodedata.combining(ch)), name


def initial(name: str) -> str:
    """The A–Z letter of a name; '#' for names not starting with a Latin letter."""
    first = sort_key(name)[0][:1].upper()
    return first if "A" <= first <= "Z" else "#"
