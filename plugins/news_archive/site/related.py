"""Related articles: the most shared entities, weighted by rarity; newer first on ties.

An entity in thousands of articles would make this quadratic, so only the ``neighbours``
articles closest in time are taken from a common entity's list as candidates; every candidate
is then scored on all entities it shares.
"""

from __future__ import annotations

from bisect import bisect_left

from news_archive.site.archive import Archive
from news_archive.site.records import ArticleRecord


def related_articles(archive: Archive, article: ArticleRecord, count: int, neighbours: int = 100) -> list[ArticleRecord]:
    if count <= 0:
        return []
    me = archive.position[article.id]
    mine = archive.entities_of(article)
    scores: dict[int, float] = {}
    for entity in mine:
        weight = archive.idf(entity)
        positions = entity.articles
        if len(positions) > neighbours:
            at = bisect_left(positions, me)
            positions = positions[max(0, at - neighbours // 2): at + neighbours // 2 + 1]
            for position in positions:
                scores.setdefault(position, 0.0)
            continue
        for position in positions:
            scores[position] = scores.get(position, 0.0) + weight
    scores.pop(me, None)
    common = [e for e in mine if e.count > neighbours]
    for position in scores:
        other = archive.articles[position]
        for entity in common:
            if entity.name in other.names(entity.type):
                scores[position] += archive.idf(entity)
    ranked = sorted(scores.items(), key=lambda item: (-round(item[1], 9), -item[0]))
    return [archive.articles[position] for position, score in ranked[:count] if score > 0]
