"""The MkDocs adapter: a thin plugin that hands MkDocs events to the pure site package."""

from __future__ import annotations

import os
from html import escape
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from news_archive.core.errors import ArticleError, ConfigError
from news_archive.core.frontmatter import FIELD_ORDER
from news_archive.mkdocs_plugin.background_writes import BackgroundWrites, WriteFailed
from news_archive.mkdocs_plugin.config import NewsArchiveConfig
from news_archive.mkdocs_plugin.generated import SHELL_TEMPLATE, GeneratedPage, generated_meta
from news_archive.mkdocs_plugin.material_search import MaterialSearchPause
from news_archive.mkdocs_plugin.plain_text import PlainTextExtension
from news_archive.mkdocs_plugin.prerender import ARTICLE, OUTPUTS, PAGE, Prerenderer
from news_archive.mkdocs_plugin.previous_site import PreviousSite, set_aside
from news_archive.mkdocs_plugin.serve import ContentWatcher
from news_archive.mkdocs_plugin.theme_shell import ThemeShell
from news_archive.search.integration import SiteSearch
from news_archive.settings import IngestSettings, load_ingest_settings, resolve
from news_archive.site.archive import Archive, build_archive
from news_archive.site.dependents import Dependents, Signature, find_dependents, signature
from news_archive.site.i18n import Translator
from news_archive.site.options import ENTITY_TYPES, SiteOptions, option_names, validate_options
from news_archive.site.outputs import site_outputs
from news_archive.site.pages import PageSpec, plan_pages
from news_archive.site.records import ArticleCache, ArticleRecord
from news_archive.site.render import SiteRenderer
from news_archive.site.sanitize import safe_page_meta, sanitize_html

log = get_plugin_logger(__name__)
ASSETS = Path(__file__).resolve().parent.parent / "assets"
CSS_URI = "assets/news-archive/news-archive.css"
CACHE_FILE = "site-articles.json"
# What differs from article to article in the front matter (and the tags lunr gets): not part of
# the shape of an article page (``theme_shell``); the probes check that the theme does not show it.
ARTICLE_VALUES = frozenset(FIELD_ORDER) - {"title"} | {"tags"}


class NewsArchivePlugin(BasePlugin[NewsArchiveConfig]):
    ingest_settings: IngestSettings
    options: SiteOptions
    renderer: SiteRenderer

    def __init__(self) -> None:
        self.serving = False
        self.watcher: ContentWatcher | None = None
        self.articles: dict[str, ArticleRecord] = {}
        self.pages: dict[str, PageSpec] = {}
        self.dirty: bool | None = None  # None: started without a command (MkDocs' API), not known
        self.signatures: dict[str, Signature] | None = None  # `serve --dirty`: the articles of the last build
        self.scope: Dependents | None = None  # `serve --dirty`: what this rebuild renders; None: everything
        self.prerender: Prerenderer | None = None
        self.previous: PreviousSite | None = None  # the last build's output, reused in place
        self.writes: BackgroundWrites | None = None  # pages written by a thread (see on_env)
        self.material_search: MaterialSearchPause | None = None
        self.plain_text: PlainTextExtension | None = None  # Markdown's inline step spared on plain text

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.dirty = dirty

    def on_config(self, config):
        try:
            self.ingest_settings = load_ingest_settings(self.config.ingest, config.config_file_path)
        except ConfigError as error:
            raise PluginError(str(error)) from None
        self.options = self._site_options(config)
        problems = validate_options(self.options)
        if problems:
            raise PluginError("news-archive: " + "; ".join(problems))
        self.t = Translator(self.options.language)
        self.search = SiteSearch(self.options, self.t)  # search: engine, page, index (news_archive.search)
        if CSS_URI not in config.extra_css:
            config.extra_css.append(CSS_URI)
        if config.nav is None:
            config["nav"] = self._default_nav()
        self.plain_text = None
        if self.config.markdown_plain_text:
            self.plain_text = PlainTextExtension()
            config.markdown_extensions.append(self.plain_text)
        return config

    def _site_options(self, config) -> SiteOptions:
        theme = config.theme
        language = self.config.language or theme.get("language") or str(theme.get("locale") or "en")
        values = {name: self.config[name] for name in option_names() if name in self.config}
        values.update(language=language, site_url=config.site_url or "", site_name=config.site_name,
                      directory_urls=config.use_directory_urls)
        return SiteOptions(**values)

    def _default_nav(self) -> list:
        o = self.options
        return [{self.t("home"): self.config.home_page}, {self.t("archive"): f"{o.archive_url}index.md"},
                *({self.t(t): f"{o.index_url(t)}index.md"} for t in ENTITY_TYPES)]

    def on_serve(self, server, *, config, builder):
        if self.watcher is not None:
            for path in self.watcher.watched():
                server.watch(str(path))
        return server

    def on_pre_build(self, *, config) -> None:
        self.previous = None
        if self.dirty is False:  # MkDocs empties the site folder next; the files go aside instead
            self.previous = set_aside(Path(config.site_dir))
        if not (self.serving and self.config.serve_reingest):
            return
        if self.watcher is None:  # first build: remember the content as it is
            self.watcher = ContentWatcher(self.ingest_settings, Path(config.config_file_path).parent)
        else:
            self.watcher.reingest(log)

    def on_files(self, files: Files, *, config) -> Files:
        if self.previous is not None:  # MkDocs has cleaned: the last output comes back to be written over
            self.previous.put_back()
        self.articles = self._collect_articles(files, config)
        archive = build_archive(list(self.articles.values()), self.options)
        self.renderer = SiteRenderer(archive, self.t)
        self.pages = {spec.src_uri: spec for spec in plan_pages(archive, self.t)}
        self.scope = self._dirty_scope(files, archive)
        for spec in self.pages.values():
            if self.scope is not None and spec.src_uri not in self.scope.pages:
                continue  # `serve --dirty`: its last output stays
            if files.get_file_from_path(spec.src_uri) is None:
                files.append(self._generated_file(spec, config))
        if files.get_file_from_path(self.config.home_page) is None:
            files.append(File.generated(config, self.config.home_page, content=_stub(config.site_name, True)))
        files.append(File.generated(config, CSS_URI, abs_src_path=str(ASSETS / "news-archive.css")))
        files = self.search.on_files(files, config, self.articles, full=self._renders_every_article(files))
        self._start_prerender(files, archive)
        if self.prerender is not None:  # the memory peaks of the two processes do not meet
            self.search.hold_index()
        return files

    def _start_prerender(self, files: Files, archive: Archive) -> None:
        """A full build of a large archive: a second process renders what does not need MkDocs."""
        self._stop_prerender()
        wanted = self.config.parallel_min_articles
        if self.scope is not None or not wanted or len(self.articles) < wanted or (os.cpu_count() or 1) < 2:
            return
        order = [(ARTICLE, f.src_uri) if f.src_uri in self.articles else (PAGE, f.src_uri)
                 for f in files.documentation_pages() if f.src_uri in self.articles or f.src_uri in self.pages]
        order.append((OUTPUTS, ""))
        self.prerender = Prerenderer(list(archive.articles), self.options, order)

    def _stop_prerender(self) -> None:
        if self.prerender is not None:
            self.prerender, prerender = None, self.prerender
            prerender.close()

    def _dirty_scope(self, files: Files, archive: Archive) -> Dependents | None:
        """`mkdocs serve --dirty` after the first build: the pages that show the changed articles."""
        before, self.signatures = self.signatures, {a.src_uri: signature(a) for a in archive.articles}
        if not (self.serving and self.dirty) or before is None:
            return None
        changed = [a for a in archive.articles if files.get_file_from_path(a.src_uri).is_modified()]
        scope = find_dependents(archive, list(self.pages.values()), changed, before)
        for src in [*scope.articles, self.config.home_page]:
            if (file := files.get_file_from_path(src)) is not None:
                file.is_modified = _modified  # MkDocs rebuilds only modified pages under --dirty
        log.info("Dirty rebuild: %d changed articles, %d generated pages", len(changed), len(scope.pages))
        return scope

    def _renders_every_article(self, files: Files) -> bool:
        """False when MkDocs will skip articles: `serve --dirty` after the first build, and `build
        --dirty` when some article pages are older than their output (an index of the pages
        rendered would then replace the full one; the last full build's index stays instead)."""
        if self.scope is not None:
            return False
        if self.dirty and not all(files.get_file_from_path(src).is_modified() for src in self.articles):
            log.info("Dirty build: unchanged articles are not rendered, the search index of the last full "
                     "build stays (a full build updates it)")
            return False
        return True

    def _generated_file(self, spec: PageSpec, config) -> File:
        """A virtual page; outside the nav it skips Markdown (and, with ``page_shell``, most of the theme)."""
        inclusion = _inclusion(spec)
        if inclusion is not InclusionLevel.NOT_IN_NAV:  # nav pages keep their nav titles
            return File.generated(config, spec.src_uri, content=_stub(spec.title, spec.search), inclusion=inclusion)
        file = File.generated(config, spec.src_uri, content="", inclusion=inclusion)
        GeneratedPage(file, config, generated_meta(spec.title, spec.search, self.config.page_shell))
        return file

    @event_priority(-100)  # after every other plugin: MkDocs writes pages next
    def on_env(self, env, *, config, files):
        if self.config.page_shell:
            ThemeShell(env, config, files, varying=ARTICLE_VALUES)
        self.material_search = MaterialSearchPause(config.plugins)
        self._finish_writes()
        self.writes = BackgroundWrites()
        return env

    def _finish_writes(self, failed: bool = False) -> None:
        if self.writes is not None:
            self.writes, writes = None, self.writes
            if failed:
                writes.abort()
                return
            try:
                writes.finish()
            except WriteFailed as error:
                raise PluginError(f"news-archive: {error}") from None

    def _collect_articles(self, files: Files, config) -> dict[str, ArticleRecord]:
        """Front matter of every article below ``articles_dir``; broken files are warned about and skipped."""
        prefix = self.options.articles_dir.strip("/") + "/"
        cache = ArticleCache(resolve(Path(config.config_file_path).parent, self.ingest_settings.cache_dir) / CACHE_FILE)
        found: dict[str, ArticleRecord] = {}
        for file in files.documentation_pages():
            if not file.src_uri.startswith(prefix):
                continue
            file.inclusion = InclusionLevel.NOT_IN_NAV
            try:
                found[file.src_uri] = cache.read(file.abs_src_path, file.src_uri, file.url)
            except ArticleError as error:
                log.warning("Skipped article %s", error)
            except (OSError, UnicodeDecodeError) as error:
                log.warning("Skipped article %s: cannot read: %s", file.src_uri, error)
        cache.save()
        return found

    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:
        # Themes print page.title unescaped (it is HTML from Markdown); an article's title comes
        # from a source we do not trust, so the theme gets it escaped.
        if page.file.src_uri in self.articles:
            page.meta = safe_page_meta(page.meta, self.articles[page.file.src_uri].title)
        self.search.on_page_markdown(page, self.articles.get(page.file.src_uri))
        return markdown

    def _render_content(self, html: str, *, page, config, files) -> str:
        src = page.file.src_uri
        if src in self.articles:
            body = sanitize_html(html)
            frame = self.prerender and self.prerender.get(ARTICLE, src, wait=False)
            content = self.renderer.render_article(self.articles[src], body, frame)
            return self.search.article_content(content, self.articles[src])
        if src == self.search.page_src:
            return self.search.render_page()
        if src in self.pages:
            ready = self.prerender and self.prerender.get(PAGE, src)
            return html + (ready or self.renderer.render_page(self.pages[src]))
        if src == self.config.home_page:
            return html + self.renderer.render_home(page.url)
        return html

    @event_priority(-100)  # after every other plugin: the index gets the article as the page shows it
    def _finish_content(self, html: str, *, page, config, files) -> str:
        if page.file.src_uri in self.articles:
            self.search.index_article(html, page.meta["title"], page.url)
            if self.config.page_shell and "template" not in page.meta:  # MkDocs picks the template next
                page.meta["template"] = SHELL_TEMPLATE  # the theme rendering of its shape, filled (theme_shell)
        return html

    on_page_content = CombinedEvent(_render_content, _finish_content)

    @event_priority(1)  # right before Material's search plugin (priority 0)
    def _pause_material_search(self, context, *, page, config, nav):
        if self.material_search is not None:
            self.material_search.before(page)
        return context

    @event_priority(-100)  # after every other plugin: the theme renders next
    def _before_theme(self, context, *, page, config, nav):
        if self.material_search is not None:
            self.material_search.after()
        if self.prerender is not None:  # themes are rendered now: take the feeds and exports when they come
            self.prerender.receive_ready()
        if self.prerender is None or self.prerender.finished:  # its process is gone: Pagefind may write
            self.search.release_index()
        return context

    on_page_context = CombinedEvent(_pause_material_search, _before_theme)

    def on_build_error(self, *, error: Exception) -> None:
        if self.material_search is not None:
            self.material_search.after()
        self._finish_writes(failed=True)
        self._stop_prerender()
        search = getattr(self, "search", None)  # unset when on_config raised before making it
        if search is not None:
            search.abort()
        self.previous = None  # old and new files stay; the next full build sweeps

    @event_priority(100)  # before every other plugin: each page is on disk
    def _pages_written(self, *, config) -> None:
        self._finish_writes()
        if self.material_search is not None and self.material_search.plugin is not None:
            log.debug("Material's search plugin skipped its per-page regex on %d pages", self.material_search.spared)
        if self.plain_text is not None:
            log.debug("Python-Markdown's inline patterns skipped %d plain texts%s", self.plain_text.marked,
                      f" (off where the page had {', '.join(sorted(self.plain_text.unknown))})" if self.plain_text.unknown else "")

    def _write_outputs(self, *, config) -> None:
        full = self.scope is None  # `serve --dirty` keeps the search index and exports of the first build
        outputs = full and self.prerender and self.prerender.get(OUTPUTS, "")
        self._stop_prerender()
        if not outputs:
            outputs = site_outputs(self.renderer, None if full else self.scope.entities)
        site_dir = Path(config.site_dir)
        for relative, content in outputs:
            path = site_dir / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        self.search.on_post_build(config)  # last: the index catches up with the pages meanwhile

    @event_priority(-100)  # after every other plugin has written
    def _sweep_previous(self, *, config) -> None:
        if self.previous is not None:
            self.previous, previous = None, self.previous
            previous.sweep()

    on_post_build = CombinedEvent(_pages_written, _write_outputs, _sweep_previous)

    def on_shutdown(self) -> None:
        self._finish_writes(failed=True)  # a build stopped between on_env and on_post_build


def _stub(title: str, search: bool) -> str:
    """A generated page's source: its title (and search exclusion); the content comes rendered."""
    meta: dict = {"title": escape(title)}
    if not search:
        meta["search"] = {"exclude": True}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=True) + "---\n"


def _modified() -> bool:
    return True


def _inclusion(spec: PageSpec) -> InclusionLevel:
    in_nav = spec.kind in ("archive", "index") and spec.page == 1
    return InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
