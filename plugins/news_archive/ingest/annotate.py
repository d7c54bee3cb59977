"""Turn cached analyses into each article's canonical people, places, organizations and topics.

Runs on every ingest, cold or warm, so it only reads what tagging cached (mentions, topic
candidates), the curator file, the taxonomy and the pickled gazetteer: editing ``entities.yml``
changes the tags on the next ingest without any NER.
"""

from __future__ import annotations

import logging
from pathlib import Path

from news_archive.core.curation import read_curation, read_taxonomy
from news_archive.core.entities import ArchiveArticle, canonicalize_article, resolve_archive
from news_archive.core.places import Gazetteer
from news_archive.core.topics import Analysis, TopicArticle, choose_topics
from news_archive.ingest.cache import RememberedPlaces
from news_archive.ingest.compose import Resolved
from news_archive.settings import IngestSettings, resolve

log = logging.getLogger(__name__)


def annotate(
    items: list[Resolved], analyses: dict[str, Analysis | list], settings: IngestSettings, base: Path,
    gazetteer: Gazetteer | RememberedPlaces | None = None,
) -> list[str]:
    """Set ``entities``, ``topics`` and ``geo`` on every item; return notes for the summary.

    ``analyses`` maps item ids to what tagging found (a bare list of mentions is accepted too).
    """
    curation = read_curation(resolve(base, settings.entities_file))
    taxonomy = read_taxonomy(resolve(base, settings.taxonomy_file)) if settings.taxonomy_file else {}
    found = {item.id: _as_analysis(analyses.get(item.id)) for item in items}
    remembered = None
    if gazetteer is None:
        gazetteer = remembered = RememberedPlaces(resolve(base, settings.cache_dir))
    archive = [
        ArchiveArticle(item.language, canonicalize_article(found[item.id].mentions, curation, gazetteer))
        for item in items
    ]
    resolve_archive(archive, curation, gazetteer, settings.site_language or settings.languages[0])
    topics = [
        TopicArticle(item.language, found[item.id].candidates, {n.casefold() for n in article.entities.all_surfaces()})
        for item, article in zip(items, archive)
    ]
    choose_topics(topics, taxonomy, curation.blocked)
    if remembered is not None:
        remembered.save()
    for item, article, chosen in zip(items, archive, topics):
        item.entities, item.geo, item.topics = article.entities, article.geo, chosen.topics
    return []


def _as_analysis(value: Analysis | list | None) -> Analysis:
    if isinstance(value, Analysis):
        return value
    return Analysis(list(value or []))
