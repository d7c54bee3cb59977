"""Related articles: the most shared entities, weighted by rarity; newer first on ties.

An entity in thousands of articles would make this quadratic, so only the ``neighbours``
articles closest in time are taken from a common entity's list as candidates; every candidate
is then scored on all entities it shares.

``RelatedIndex`` computes the lists of all articles once, on integer entity ids held in numpy
arrays (gather, then emit): per article, the candidates' entities are gathered in one go and
scored against the article's own. ``related_articles`` answers for one article.
"""

from __future__ import annotations

import numpy as np

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
        self._articles = [np.asarray(entity.articles, dtype=np.int64) for entity in entities]  # positions, sorted
        self._idf = np.asarray([archive.idf(entity) for entity in entities], dtype=np.float64)
        of = [sorted({ids[e.key] for e in archive.entities_of(a)}) for a in archive.articles]
        self._starts = np.cumsum([0] + [len(x) for x in of], dtype=np.int64)  # article -> its slice of _flat
        self._flat = np.asarray([e for x in of for e in x], dtype=np.int64)  # every article's entity ids
        self._mine = np.zeros(len(entities), dtype=np.float64)  # idf of the ranked article's entities, else 0
        self._cache: dict[int, list[int]] = {}

    def positions(self, position: int) -> list[int]:
        found = self._cache.get(position)
        if found is None:
            found = self._cache[position] = self._rank(position)
        return found

    def articles(self, article: ArticleRecord) -> list[ArticleRecord]:
        return [self.archive.articles[p] for p in self.positions(self.archive.position[article.id])]

    def _rank(self, me: int) -> list[int]:
        mine = self._flat[self._starts[me]: self._starts[me + 1]]
        if self.count <= 0 or not len(mine):
            return []
        half = self.neighbours // 2
        parts = []
        for entity in mine.tolist():
            positions = self._articles[entity]
            if len(positions) > self.neighbours:  # a common entity: only the articles closest in time
                at = int(np.searchsorted(positions, me))
                positions = positions[max(0, at - half): at + half + 1]
            parts.append(positions)
        candidates = np.unique(np.concatenate(parts))
        candidates = candidates[candidates != me]
        if not len(candidates):
            return []
        self._mine[mine] = self._idf[mine]
        owner, entities = self._entities_of(candidates)
        scores = np.round(np.bincount(owner, weights=self._mine[entities], minlength=len(candidates)), 9)
        self._mine[mine] = 0.0
        keep = scores > 0
        scores, candidates = scores[keep], candidates[keep]
        order = np.lexsort((-candidates, -scores))[: self.count]  # best score first, then newest
        return candidates[order].tolist()

    def _entities_of(self, articles: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The entity ids of all ``articles`` in one array, and for each the index of its article."""
        starts = self._starts[articles]
        lengths = self._starts[articles + 1] - starts
        owner = np.repeat(np.arange(len(articles)), lengths)
        offsets = np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)  # within each slice
        return owner, self._flat[np.repeat(starts, lengths) + offsets]


def related_articles(archive: Archive, article: ArticleRecord, count: int, neighbours: int = 40) -> list[ArticleRecord]:
    return RelatedIndex(archive, count, neighbours).articles(article)
