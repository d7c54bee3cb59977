"""The files a build writes beside the pages: feeds and the JSON exports."""

from __future__ import annotations

from collections.abc import Collection

from news_archive.site.archive import EntityKey
from news_archive.site.export import export_articles, export_entities
from news_archive.site.feeds import generate_feeds
from news_archive.site.render import SiteRenderer


def site_outputs(renderer: SiteRenderer, only: Collection[EntityKey] | None = None) -> list[tuple[str, bytes]]:
    """``(path below the site folder, content)`` of every such file; ``only``: the feeds of these entities."""
    archive, options = renderer.archive, renderer.options
    outputs = [(feed.path, feed.content) for feed in generate_feeds(renderer, only)]
    if only is None and options.export_entities:
        outputs.append((options.export_entities, export_entities(archive).encode("utf-8")))
    if only is None and options.export_articles:
        outputs.append((options.export_articles, export_articles(archive).encode("utf-8")))
    return outputs
