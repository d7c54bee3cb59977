"""Related articles: the most shared entities, weighted by rarity; newer first on ties.

An entity in thousands of articles would make this quadratic, so only the ``neighbours``
articles closest in time are taken from a common entity's list as candidates; every candidate
is then scored on all entities it shares.

``RelatedIndex`` computes the lists of all articles once, on integer entity ids (gather, then
emit); ``related_articles`` answers for one article.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left

from news_archive.site.archive import Archive
from news_archive.site.records import ArticleRecord


class RelatedIndex:
    """Related articles of every article of an archive, as archive positions, best first."""

    def __init__(self, archive: Archive, count: int, neighbours: int = 40) -> None:
        self.archive = archive
        self.count = count
        self.neighbours = neighbours
        entities = list(archive.entities.values())
        ids = {entity.key: number for number, entity in enumerate(entities)}
        self._lists = [entity.articles for entity in entities]
        self._idf = [archive.idf(entity) for entity in entities]
        self._of = [frozenset(ids[e.key] for e in archive.entities_of(a)) for a in archive.articles]
        self._cache: dict[int, list[int]] = {}

    def positions(self, position: int) -> list[int]:
        found = self._cache.get(position)
        if found is None:
            found = self._cache[position] = self._rank(position)
        return found

    def articles(self, article: ArticleRecord) -> list[ArticleRecord]:
        return [self.archive.articles[p] for p in self.positions(self.archive.position[article.id])]

    def _rank(self, me: int) -> list[int]:
        if self.count <= 0:
            return []
        lists, idf, half = self._lists, self._idf, self.neighbours // 2
        scores: dict[int, float] = {}
        common = []
        for entity in self._of[me]:
            positions = lists[entity]
            if len(positions) > self.neighbours:
                common.append(entity)
                at = bisect_left(positions, me)
                for position in positions[max(0, at - half): at + half + 1]:
                    scores.setdefault(position, 0.0)
                continue
            weight = idf[entity]
            for position in positions:
                scores[position] = scores.get(position, 0.0) + weight
        scores.pop(me, None)
        if common:
            common_set, of = frozenset(common), self._of
            for position in scores:
                shared = common_set & of[position]
                if shared:
                    scores[position] += sum(idf[e] for e in shared)
        best = heapq.nsmallest(self.count, ((-round(s, 9), -p) for p, s in scores.items() if s > 0))
        return [-p for _, p in best]


def related_articles(archive: Archive, article: ArticleRecord, count: int, neighbours: int = 40) -> list[ArticleRecord]:
    return RelatedIndex(archive, count, neighbours).articles(article)
