"""The search side of the MkDocs plugin: engine choice, the search page, article markup, the index.

The plugin calls one method per event; everything here reads ``SiteOptions`` and article records.
lunr (Material's search plugin) indexes what the pages show plus the hidden extra terms; with
Pagefind, Material's index is left empty (every page ``search.exclude``), its header box leads to
the search page, and Pagefind indexes the article pages in a process of its own while the build
writes them (``pagefind_index``).
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from news_archive.core.errors import ConfigError
from news_archive.search.markup import (article_text_part, entity_names, render_index_page, render_pagefind_article,
                                        render_terms)
from news_archive.search.pagefind_index import OUTPUT, BackgroundIndexer, IndexSettings, pagefind_available
from news_archive.search.terms import extra_terms, html_text, is_german_word
from news_archive.site.i18n import Translator
from news_archive.site.options import ENTITY_TYPES, SiteOptions
from news_archive.site.records import ArticleRecord
from news_archive.site.render import make_environment
from news_archive.site.urls import page_url, src_for_url

log = get_plugin_logger(__name__)
ASSETS = Path(__file__).resolve().parent.parent / "assets"
JS_URI = "assets/news-archive/search.js"
CSS_URI = "assets/news-archive/search.css"
STRINGS = {
    "de": {"title": "Suche", "placeholder": "Archiv durchsuchen", "relevance": "Relevanz", "newest": "Neueste zuerst",
           "oldest": "Älteste zuerst", "sort": "Sortierung", "year": "Jahr", "language": "Sprache",
           "results": "{n} Treffer", "one": "1 Treffer", "none": "Keine Treffer", "more": "Weitere Treffer",
           "hint": "Suchbegriff eingeben oder Filter wählen.", "filters": "Filter", "noscript": "Die Suche braucht JavaScript.",
           "loading": "Suche wird geladen …"},
    "en": {"title": "Search", "placeholder": "Search the archive", "relevance": "Relevance", "newest": "Newest first",
           "oldest": "Oldest first", "sort": "Sort", "year": "Year", "language": "Language",
           "results": "{n} results", "one": "1 result", "none": "No results", "more": "More results",
           "hint": "Type a search term or choose a filter.", "filters": "Filters", "noscript": "Search needs JavaScript.",
           "loading": "Loading search …"},
}


def choose_engine(setting: str, threshold: int, article_count: int) -> str:
    """``lunr`` or ``pagefind``; ``auto`` picks Pagefind above ``threshold`` articles."""
    if setting == "auto":
        return "pagefind" if article_count > threshold else "lunr"
    return setting


class SiteSearch:
    def __init__(self, options: SiteOptions, translator: Translator) -> None:
        self.options = options
        self.t = translator
        self.strings = STRINGS.get(options.language, STRINGS["en"])
        self.engine = "lunr"
        self.indexer: BackgroundIndexer | None = None
        self.page_src = src_for_url(options.search_url)
        self.page_url = page_url(self.page_src, options.directory_urls)

    # -- on_files --------------------------------------------------------------------------
    def on_files(self, files: Files, config, articles: dict[str, ArticleRecord], full: bool) -> Files:
        """Choose the engine; for Pagefind add the search page and, on a full build, start indexing."""
        o = self.options
        self.engine = choose_engine(o.search_engine, o.search_auto_threshold, len(articles))
        log.info("Search: %s (%d articles, search_engine: %s)", self.engine, len(articles), o.search_engine)
        if self.engine != "pagefind":
            return files
        if not pagefind_available():
            raise PluginError("news-archive: search_engine: pagefind: the pagefind package with its binary is not "
                              "installed (pip install 'pagefind[extended]')")
        if "material/search" not in config.plugins and "search" not in config.plugins:
            log.debug("no search plugin: the header has no search box to redirect")
        if files.get_file_from_path(self.page_src) is None:
            files.append(File.generated(config, self.page_src, content=f"---\ntitle: {json.dumps(self.strings['title'])}\n---\n",
                                        inclusion=InclusionLevel.NOT_IN_NAV))
        files.append(File.generated(config, JS_URI, content=self._script()))
        files.append(File.generated(config, CSS_URI, abs_src_path=str(ASSETS / "search.css")))
        if JS_URI not in config.extra_javascript:
            config.extra_javascript.append(JS_URI)
        if CSS_URI not in config.extra_css:
            config.extra_css.append(CSS_URI)
        if full:  # a dirty build keeps the index of the last full build
            self.abort()
            self.indexer = BackgroundIndexer(IndexSettings(o.language, o.search_compound_parts),
                                             Path(config.site_dir) / OUTPUT, expected=len(articles))
        return files

    def _script(self) -> str:
        settings = {"searchUrl": self.page_url, "bundle": OUTPUT + "/"}
        return f"window.naSearch = {json.dumps(settings)};\n" + (ASSETS / "search.js").read_text(encoding="utf-8")

    # -- pages -----------------------------------------------------------------------------
    def on_page_markdown(self, page, article: ArticleRecord | None) -> None:
        if self.engine == "pagefind":  # Material's index stays empty: nothing to download
            page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        elif article is not None:  # Material boosts tags (fields.tags.boost): the entity names
            page.meta.setdefault("tags", [escape(n) for n in entity_names(article)])  # Material shows tags as HTML

    def article_content(self, html: str, article: ArticleRecord) -> str:
        german_terms = self.options.search_german_terms and article.language == "de"
        if self.engine == "pagefind":  # the indexing process adds the terms
            return render_pagefind_article(html, article, self.t.date(article.date), self.options.language, german_terms)
        if not german_terms:
            return html
        is_word = is_german_word if self.options.search_compound_parts else None
        return html + render_terms(extra_terms([html_text(article_text_part(html)), *entity_names(article)], is_word))

    def index_article(self, content: str, title: str, page_url: str) -> None:
        """An article's final content, to the Pagefind index (the theme around it is not indexed)."""
        if self.indexer is not None:
            try:
                self.indexer.add("/" + page_url, render_index_page(content, title, self.options.language))
            except ConfigError as error:
                raise PluginError(f"news-archive: {error}") from None

    def hold_index(self) -> None:
        """Pagefind writes its index only after ``release_index`` (or at the end of the build)."""
        if self.indexer is not None:
            self.indexer.hold()

    def release_index(self) -> None:
        if self.indexer is not None:
            self.indexer.release()

    def render_page(self) -> str:
        """The search page's content (filled by search.js with the Pagefind JS API)."""
        s = self.strings
        facets = {t: self.t(t) for t in ENTITY_TYPES} | {"year": s["year"], "language": s["language"]}
        labels = {k: s[k] for k in ("results", "one", "none", "more", "hint", "loading")}
        return make_environment().get_template("search.html").render(
            s=s, facets=json.dumps(facets, ensure_ascii=False), labels=json.dumps(labels, ensure_ascii=False)).strip() + "\n"

    # -- on_post_build ---------------------------------------------------------------------
    def on_post_build(self, config) -> None:
        if self.indexer is None:
            return
        indexer, self.indexer = self.indexer, None
        try:
            pages = indexer.finish()
        except ConfigError as error:
            raise PluginError(f"news-archive: {error}") from None
        log.info("Search: Pagefind indexed %d article pages", pages)

    def abort(self) -> None:
        """A failed build: the indexing process ends without writing."""
        if self.indexer is not None:
            indexer, self.indexer = self.indexer, None
            indexer.abort()

