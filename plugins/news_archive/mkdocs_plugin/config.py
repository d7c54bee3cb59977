"""The plugin's options as MkDocs sees them: typed, grouped by prefix, defaults from ``SiteOptions``.

Every option is documented in ``news_archive.site.options.SiteOptions`` (and docs/site.md).
"""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from news_archive.site.options import SiteOptions

D = SiteOptions()


class NewsArchiveConfig(base.Config):
    ingest = c.Type(dict, default={})  # the ingest step (see news_archive.settings)
    language = c.Optional(c.Type(str))  # default: theme.language
    articles_dir = c.Type(str, default=D.articles_dir)

    article_related_count = c.Type(int, default=D.article_related_count)
    article_link_mentions = c.Type(bool, default=D.article_link_mentions)
    article_words_per_minute = c.Type(int, default=D.article_words_per_minute)

    entity_people_url = c.Optional(c.Type(str))
    entity_places_url = c.Optional(c.Type(str))
    entity_organizations_url = c.Optional(c.Type(str))
    entity_topics_url = c.Optional(c.Type(str))
    entity_min_articles = c.Type(int, default=D.entity_min_articles)
    entity_page_size = c.Type(int, default=D.entity_page_size)
    entity_search = c.Type(bool, default=D.entity_search)
    entity_co_mentions = c.Type(int, default=D.entity_co_mentions)
    entity_map_url = c.Type(str, default=D.entity_map_url)

    index_top_count = c.Type(int, default=D.index_top_count)

    archive_url = c.Type(str, default=D.archive_url)
    archive_year_url = c.Type(str, default=D.archive_year_url)
    archive_month_url = c.Type(str, default=D.archive_month_url)
    archive_page_size = c.Type(int, default=D.archive_page_size)

    pagination_url = c.Type(str, default=D.pagination_url)

    home_page = c.Type(str, default="index.md")  # the page the home listing is appended to
    home_latest_count = c.Type(int, default=D.home_latest_count)
    home_recent_days = c.Type(int, default=D.home_recent_days)
    home_entities_count = c.Type(int, default=D.home_entities_count)

    feed_enabled = c.Type(bool, default=D.feed_enabled)
    feed_entities = c.Type(bool, default=D.feed_entities)
    feed_rss = c.Type(str, default=D.feed_rss)
    feed_atom = c.Type(str, default=D.feed_atom)
    feed_size = c.Type(int, default=D.feed_size)

    export_entities = c.Type(str, default=D.export_entities)
    export_articles = c.Type(str, default=D.export_articles)

    search_engine = c.Choice(("lunr", "pagefind", "auto"), default=D.search_engine)
    search_auto_threshold = c.Type(int, default=D.search_auto_threshold)
    search_url = c.Type(str, default=D.search_url)
    search_german_terms = c.Type(bool, default=D.search_german_terms)
    search_compound_parts = c.Type(bool, default=D.search_compound_parts)

    serve_reingest = c.Type(bool, default=True)  # `mkdocs serve`: re-ingest changed content

    # Articles and generated pages outside the nav render by filling one checked theme rendering per
    # shape of page (news_archive.mkdocs_plugin.theme_shell); false: every page through the theme.
    page_shell = c.Type(bool, default=True)

    # Every page's Markdown: texts no inline pattern can match skip Python-Markdown's inline step
    # (news_archive.mkdocs_plugin.plain_text; only with extensions known to give the same HTML).
    markdown_plain_text = c.Type(bool, default=True)

    # From this many articles on, a full build renders article frames and generated pages in a
    # second process while MkDocs converts Markdown (news_archive.mkdocs_plugin.prerender); 0: never.
    parallel_min_articles = c.Type(int, default=300)
