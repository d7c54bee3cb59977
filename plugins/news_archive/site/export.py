"""The archive's data as JSON: ``entities.json`` and ``articles.json``, stable in order."""

from __future__ import annotations

import json

from news_archive.site.archive import Archive, sort_key
from news_archive.site.options import ENTITY_TYPES
from news_archive.site.urls import absolute_url


def export_articles(archive: Archive) -> str:
    site = archive.options.site_url
    rows = [
        {
            "id": a.id, "title": a.title, "date": a.date.isoformat(), "url": absolute_url(site, a.url),
            "language": a.language, "entities": {t: list(a.names(t)) for t in ENTITY_TYPES if a.names(t)},
        }
        for a in reversed(archive.articles)
    ]
    return _dump({"articles": rows})


def export_entities(archive: Archive) -> str:
    site = archive.options.site_url
    rows = []
    for entity in sorted(archive.entities.values(), key=lambda e: (ENTITY_TYPES.index(e.type), sort_key(e.name))):
        co = sorted(archive.co_mentions(entity).items(), key=lambda kv: (-kv[1], kv[0]))
        row = {
            "type": entity.type, "name": entity.name, "slug": entity.slug,
            "url": absolute_url(site, entity.url) if entity.url is not None else None,
            "aliases": sorted(entity.aliases, key=sort_key),
            "articles": [archive.articles[p].id for p in reversed(entity.articles)],
            "co_mentions": [{"type": t, "name": n, "count": c} for (t, n), c in co],
        }
        if entity.type == "places":
            row.update({k: entity.geo.get(k) for k in ("country", "lat", "lon")})
        rows.append(row)
    return _dump({"entities": rows})


def _dump(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
