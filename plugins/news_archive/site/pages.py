"""Which pages the archive generates: one plan, made once from the indexes."""

from __future__ import annotations

import math
from dataclasses import dataclass

from news_archive.site.archive import Archive
from news_archive.site.i18n import Translator
from news_archive.site.options import ENTITY_TYPES
from news_archive.site.urls import page_url, src_for_url


@dataclass(frozen=True)
class PageSpec:
    """A generated page: where it lives, its title, and what it shows."""

    kind: str  # "entity", "index", "archive", "year", "month"
    src_uri: str
    url: str
    title: str
    key: tuple = ()  # the entity key, (type,), (year,) or (year, month)
    page: int = 1
    pages: int = 1
    search: bool = True  # listed in the site search


def paginated_urls(base_url: str, pages: int, pattern: str) -> list[str]:
    """Listing URLs for pages 1..n: the base, then ``base + page/2/`` and so on."""
    return [base_url] + [base_url + pattern.format(page=n) for n in range(2, pages + 1)]


def plan_pages(archive: Archive, t: Translator) -> list[PageSpec]:
    options = archive.options
    specs: list[PageSpec] = []

    def add(kind: str, base: str, title: str, key: tuple, count: int, size: int, search: bool) -> None:
        pages = max(1, math.ceil(count / size))
        for number, url in enumerate(paginated_urls(base, pages, options.pagination_url), start=1):
            shown = title if number == 1 else f"{title} – {t('page_of', page=number, pages=pages)}"
            specs.append(PageSpec(kind, src_for_url(url), page_url(src_for_url(url), options.directory_urls),
                                  shown, key, number, pages, search and number == 1))

    add("archive", options.archive_url, t("archive"), (), 1, 1, False)
    for year in sorted({y for y, _ in archive.months}):
        add("year", options.archive_year_url.format(year=year), str(year), (year,), 1, 1, False)
    for (year, month), positions in sorted(archive.months.items()):
        url = options.archive_month_url.format(year=year, month=f"{month:02d}")
        add("month", url, t.month(year, month), (year, month), len(positions), options.archive_page_size, False)
    for entity_type in ENTITY_TYPES:
        add("index", options.index_url(entity_type), t(entity_type), (entity_type,), 1, 1, False)
    for entity in sorted(archive.entities.values(), key=lambda e: (e.type, e.slug)):
        if entity.url is not None:
            base = options.entity_url(entity.type).format(slug=entity.slug)
            add("entity", base, entity.name, entity.key, entity.count, options.entity_page_size,
                options.entity_search)
    return specs
