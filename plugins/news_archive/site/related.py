"""Related articles: the most shared entities, weighted by rarity; newer first on ties.

An entity in thousands of articles would make this quadratic, so only the ``neighbours``
articles closest in time are taken from a common entity's list as candidates; every candidate
is then scored on all entities it shares.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left

from news_archive.site.archive import Archive
from news_archive.site.records import ArticleRecord


def related_articles(archive: Archive, article: ArticleRecord, count: int, neighbours: int = 40) -> list[ArticleRecord]:
    if count <= 0:
        return []
    me = archive.position[article.id]
    mine = archive.entities_of(article)
    scores: dict[int, float] = {}
    common = []
    for entity in mine:
        positions = entity.articles
        if len(positions) > neighbours:
            common.append(entity)
            at = bisect_left(positions, me)
            for position in positions[max(0, at - neighbours // 2): at + neighbours // 2 + 1]:
                scores.setdefault(position, 0.0)
            continue
        weight = archive.idf(entity)
        for position in positions:
            scores[position] = scores.get(position, 0.0) + weight
    scores.pop(me, None)
    if common:
        weights = [(entity.type, entity.name, archive.idf(entity)) for entity in common]
        for position in scores:
            other = archive.articles[position]
            scores[position] += sum(w for t, n, w in weights if n in other.names(t))
    best = heapq.nsmallest(count, ((-round(s, 9), -p) for p, s in scores.items() if s > 0))
    return [archive.articles[-p] for _, p in best]
