"""Render pages to HTML strings with autoescaping Jinja templates.

Everything shown comes from input (titles, names, captions, summaries) and is escaped by the
templates; links are relative, computed here, so the HTML works at any mount point and with
Material's instant navigation.
"""

from __future__ import annotations

import math
import secrets
from collections import Counter
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from news_archive.site.archive import Archive, Entity, initial, sort_key
from news_archive.site.i18n import SINGULAR, Translator
from news_archive.site.mentions import link_first_mentions
from news_archive.site.options import ENTITY_TYPES
from news_archive.site.pages import PageSpec, paginated_urls
from news_archive.site.records import ArticleRecord
from news_archive.site.related import RelatedIndex
from news_archive.site.timeline import render_timeline
from news_archive.site.urls import page_url, relative_url, src_for_url

WEB_SCHEMES = ("http", "https")
BODY_SLOT = f"\x00{secrets.token_hex(8)}\x00"  # where an article's body goes; input cannot guess it
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def make_environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        auto_reload=False,  # templates do not change during a build; no stat() per page
    )


def safe_href(url: str | None) -> str | None:
    """A link target from input only when it is a plain web URL (never ``javascript:``)."""
    if not url or urlsplit(url.strip()).scheme.lower() not in WEB_SCHEMES:
        return None
    return url.strip()


class SiteRenderer:
    """Renders every view of one archive; create once per build, after ``build_archive``."""

    def __init__(self, archive: Archive, translator: Translator, env: Environment | None = None) -> None:
        self.archive = archive
        self.options = archive.options
        self.t = translator
        self.env = env or make_environment()
        self.env.globals["t"] = translator  # macros are imported without context (cached), so t is global
        self.related = RelatedIndex(archive, self.options.article_related_count)
        self._items: dict[int, dict] = {}

    # -- helpers -------------------------------------------------------------------------
    def _render(self, template: str, here: str, **context: object) -> str:
        return self.env.get_template(template).render(link=partial(relative_url, here), **context).strip() + "\n"

    def _url(self, pattern: str, **values: object) -> str:
        return page_url(src_for_url(pattern.format(**values)), self.options.directory_urls)

    def _item(self, article: ArticleRecord, here: str) -> dict:
        """An article in a listing, linked from the page at ``here`` (the rest is made once)."""
        key = id(article)
        item = self._items.get(key)
        if item is None:
            item = self._items[key] = {"title": article.title, "url": article.url, "date": self.t.date(article.date),
                                       "iso": article.date.isoformat(), "summary": article.summary}
        return {**item, "href": relative_url(here, article.url)}

    def _entity(self, entity: Entity, here: str, count: int | None = None) -> dict:
        return {"name": entity.name, "url": entity.url, "count": entity.count if count is None else count,
                "type": entity.type, "href": None if entity.url is None else relative_url(here, entity.url)}

    @staticmethod
    def _hrefs(feeds: dict | None, here: str) -> dict | None:
        return feeds and {kind: relative_url(here, url) for kind, url in feeds.items()}

    def _feeds(self, base_url: str) -> dict | None:
        if not self.options.feed_enabled:
            return None
        folder = base_url if base_url.endswith("/") or not base_url else base_url.rsplit("/", 1)[0] + "/"
        return {"rss": folder + self.options.feed_rss, "atom": folder + self.options.feed_atom}

    def entity_feed_urls(self, entity: Entity) -> dict | None:
        if not (self.options.feed_enabled and self.options.feed_entities and entity.url is not None):
            return None
        return self._feeds(self.options.entity_url(entity.type).format(slug=entity.slug))

    def archive_feed_urls(self) -> dict | None:
        return self._feeds("")

    def _pagination(self, spec: PageSpec, base: str) -> dict | None:
        if spec.pages <= 1:
            return None
        hrefs = [relative_url(spec.url, page_url(src_for_url(u), self.options.directory_urls))
                 for u in paginated_urls(base, spec.pages, self.options.pagination_url)]
        return {"page": spec.page, "pages": spec.pages, "hrefs": hrefs,
                "newer": hrefs[spec.page - 2] if spec.page > 1 else None,
                "older": hrefs[spec.page] if spec.page < spec.pages else None}

    # -- article pages -------------------------------------------------------------------
    def render_article(self, article: ArticleRecord, body_html: str, frame: tuple[str, str] | None = None) -> str:
        """The whole content of an article page: header, the body with linked mentions, footer.

        ``frame`` is ``article_frame(article)`` when it was rendered ahead (``prerender``).
        """
        before, after = frame or self.article_frame(article)
        if self.options.article_link_mentions:
            body_html = self.link_mentions(article, body_html)
        return before + body_html + after

    def article_frame(self, article: ArticleRecord) -> tuple[str, str]:
        """What an article page shows before and after its body; it does not depend on the body."""
        here = article.url
        groups = []
        for entity_type in ENTITY_TYPES:
            members = [self._entity(self.archive.entities[(entity_type, n)], here) for n in article.names(entity_type)]
            if members:
                groups.append({"type": entity_type, "label": self.t(entity_type), "entities": members})
        position = self.archive.position[article.id]
        older = self.archive.articles[position - 1] if position > 0 else None
        newer = self.archive.articles[position + 1] if position + 1 < len(self.archive.articles) else None
        related = self.related.articles(article)
        minutes = max(1, math.ceil(article.words / self.options.article_words_per_minute))
        html = self._render(
            "article.html", here, article=article, date=self.t.date(article.date), iso=article.date.isoformat(),
            minutes=minutes, groups=groups, body=BODY_SLOT, source_href=safe_href(article.source_url),
            older=self._item(older, here) if older else None, newer=self._item(newer, here) if newer else None,
            related=[self._item(a, here) for a in related],
        )
        before, after = html.split(BODY_SLOT)
        return before, after

    def link_mentions(self, article: ArticleRecord, body_html: str) -> str:
        targets = []
        for entity_type in ENTITY_TYPES:
            for name in article.names(entity_type):
                entity = self.archive.entities[(entity_type, name)]
                if entity.url is not None:
                    forms = [name, *article.aliases.get(name, ())]
                    targets.append((name, forms, relative_url(article.url, entity.url), f"na-mention na-{entity_type}"))
        return link_first_mentions(body_html, targets) if targets else body_html

    # -- generated pages -----------------------------------------------------------------
    def render_page(self, spec: PageSpec) -> str:
        return getattr(self, f"_render_{spec.kind}")(spec)

    def _render_entity(self, spec: PageSpec) -> str:
        entity = self.archive.entities[spec.key]
        articles = [self.archive.articles[p] for p in reversed(entity.articles)]
        size = self.options.entity_page_size
        shown = articles[(spec.page - 1) * size: spec.page * size]
        base = self.options.entity_url(entity.type).format(slug=entity.slug)
        first_page = spec.page == 1  # co-mentions and the timeline: on the first page only
        co_mentions = [self._entity(other, spec.url, n)
                       for other, n in self.archive.ranked_co_mentions(entity, self.options.entity_co_mentions)] \
            if first_page else []
        place = None
        if entity.type == "places" and entity.geo:
            geo = entity.geo
            has_point = geo.get("lat") is not None and geo.get("lon") is not None
            place = {
                "country": self.t.country(geo["country"]) if geo.get("country") else None,
                "map": self.options.entity_map_url.format(lat=geo["lat"], lon=geo["lon"]) if has_point else None,
            }
        return self._render(
            "entity.html", spec.url, spec=spec, entity=self._entity(entity, spec.url),
            kind=self.t(SINGULAR[entity.type]), index_url=self._url(self.options.index_url(entity.type)),
            index_label=self.t(entity.type), aliases=sorted(entity.aliases, key=sort_key),
            first=self.t.date(articles[-1].date), last=self.t.date(articles[0].date),
            timeline=render_timeline(Counter((a.date.year, a.date.month) for a in articles), self.t, self.t("timeline"))
            if first_page else "",
            articles=[self._item(a, spec.url) for a in shown], co_mentions=co_mentions, place=place,
            feeds=self._hrefs(self.entity_feed_urls(entity), spec.url), paging=self._pagination(spec, base),
        )

    def _render_index(self, spec: PageSpec) -> str:
        (entity_type,) = spec.key
        entities = sorted(self.archive.by_type(entity_type), key=lambda e: sort_key(e.name))
        letters: dict[str, list[dict]] = {}
        for entity in entities:
            letters.setdefault(initial(entity.name), []).append(self._entity(entity, spec.url))
        top = sorted(entities, key=lambda e: (-e.count, sort_key(e.name)))[: self.options.index_top_count]
        return self._render(
            "index.html", spec.url, spec=spec, letters=sorted(letters.items(), key=lambda kv: (kv[0] == "#", kv[0])),
            top=[self._entity(e, spec.url) for e in top], min_articles=self.options.entity_min_articles,
            has_unlinked=any(e.url is None for e in entities),
        )

    def _render_archive(self, spec: PageSpec) -> str:
        years: dict[int, list[dict]] = {}
        for (year, month), positions in sorted(self.archive.months.items(), reverse=True):
            years.setdefault(year, []).append(self._month(year, month, len(positions)))
        return self._render(
            "archive.html", spec.url, spec=spec, feeds=self._hrefs(self.archive_feed_urls(), spec.url),
            years=[{"year": y, "url": self._url(self.options.archive_year_url, year=y),
                    "count": sum(m["count"] for m in months), "months": months} for y, months in years.items()],
        )

    def _month(self, year: int, month: int, count: int) -> dict:
        return {"label": self.t.month(year, month), "count": count,
                "url": self._url(self.options.archive_month_url, year=year, month=f"{month:02d}")}

    def _render_year(self, spec: PageSpec) -> str:
        (year,) = spec.key
        months = [self._month(y, m, len(p)) for (y, m), p in sorted(self.archive.months.items(), reverse=True) if y == year]
        return self._render("year.html", spec.url, spec=spec, months=months,
                            archive_url=self._url(self.options.archive_url))

    def _render_month(self, spec: PageSpec) -> str:
        year, month = spec.key
        positions = list(reversed(self.archive.months[(year, month)]))
        size = self.options.archive_page_size
        shown = [self.archive.articles[p] for p in positions[(spec.page - 1) * size: spec.page * size]]
        base = self.options.archive_month_url.format(year=year, month=f"{month:02d}")
        return self._render(
            "month.html", spec.url, spec=spec, articles=[self._item(a, spec.url) for a in shown],
            year_url=self._url(self.options.archive_year_url, year=year), year=year,
            paging=self._pagination(spec, base),
        )

    # -- home ----------------------------------------------------------------------------
    def render_home(self, here: str) -> str:
        """What the plugin adds to the home page: the latest articles and who is in the news."""
        options = self.options
        latest = [self._item(a, here) for a in reversed(self.archive.articles[-options.home_latest_count:])] \
            if options.home_latest_count else []
        recent = self.archive.recent_counts(options.home_recent_days)
        groups = []
        for entity_type in ENTITY_TYPES:
            ranked = sorted(((n, k) for k, n in recent.items() if k[0] == entity_type),
                            key=lambda item: (-item[0], sort_key(item[1][1])))[: options.home_entities_count]
            if ranked:
                groups.append({"label": self.t(entity_type), "url": self._url(options.index_url(entity_type)),
                               "entities": [self._entity(self.archive.entities[k], here, n) for n, k in ranked]})
        return self._render(
            "home.html", here, latest=latest, groups=groups, days=options.home_recent_days,
            archive_url=self._url(options.archive_url), feeds=self._hrefs(self.archive_feed_urls(), here),
        )
