"""The site's options: one frozen dataclass with documented defaults, grouped by prefix.

URLs are format strings relative to the site root that end with ``/``: ``{slug}`` names an
entity, ``{year}``/``{month}`` an archive period, ``{page}`` a page number of a long listing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from news_archive.core.schema import ENTITY_FIELDS

ENTITY_TYPES = ENTITY_FIELDS  # ("people", "places", "organizations", "topics")

ENTITY_URLS = {
    "en": {t: f"{t}/{{slug}}/" for t in ENTITY_TYPES},
    "de": {
        "people": "personen/{slug}/",
        "places": "orte/{slug}/",
        "organizations": "organisationen/{slug}/",
        "topics": "themen/{slug}/",
    },
}
OSM_MAP_URL = "https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=9/{lat}/{lon}"


@dataclass(frozen=True)
class SiteOptions:
    # Site-wide (filled in by the adapter from the MkDocs config).
    language: str = "en"  # UI language and date locale; default: theme.language
    site_url: str = ""  # absolute base of feed and export links
    site_name: str = "News Archive"
    directory_urls: bool = True
    articles_dir: str = "articles"  # below docs_dir: the ingested articles

    # article_*: the article pages.
    article_related_count: int = 5  # "Related articles": how many
    article_link_mentions: bool = True  # link the first mention of each entity in the body
    article_words_per_minute: int = 200  # for the reading time

    # entity_*: one page per person, place, organization and topic.
    entity_people_url: str | None = None  # default people/{slug}/ (German: personen/{slug}/)
    entity_places_url: str | None = None  # default places/{slug}/ (German: orte/{slug}/)
    entity_organizations_url: str | None = None  # default organizations/{slug}/ (organisationen/)
    entity_topics_url: str | None = None  # default topics/{slug}/ (German: themen/{slug}/)
    entity_min_articles: int = 2  # fewer articles: listed on the index, but no page of its own
    entity_page_size: int = 50  # articles per page before paginating
    entity_search: bool = False  # entity pages in the site search (listings bloat the index)
    entity_co_mentions: int = 10  # how many co-mentioned entities to show
    entity_map_url: str = OSM_MAP_URL  # map link of a place; {lat} and {lon}

    # index_*: the A–Z index of each entity type.
    index_top_count: int = 20  # length of the "most mentioned" list

    # archive_*: the date archive.
    archive_url: str = "archive/"
    archive_year_url: str = "archive/{year}/"
    archive_month_url: str = "archive/{year}/{month}/"
    archive_page_size: int = 50  # articles per month page before paginating

    # pagination_*: pages 2, 3, … of a long listing, below the listing's URL.
    pagination_url: str = "page/{page}/"

    # home_*: what the plugin adds to the home page (docs_dir/index.md, generated if missing).
    home_latest_count: int = 10
    home_recent_days: int = 30  # "most mentioned" looks at the latest N days of the archive
    home_entities_count: int = 5  # per entity type

    # feed_*: RSS 2.0 and Atom for the archive and for every entity page.
    feed_enabled: bool = True
    feed_entities: bool = True
    feed_rss: str = "rss.xml"
    feed_atom: str = "atom.xml"
    feed_size: int = 20

    # export_*: the archive's data as JSON next to the site (empty string: off).
    export_entities: str = "entities.json"
    export_articles: str = "articles.json"

    # search_*: site search (news_archive.search; docs/search.md).
    search_engine: str = "auto"  # lunr (Material's search), pagefind, or auto: pagefind above the threshold
    search_auto_threshold: int = 500  # articles; more than this and auto picks pagefind
    search_url: str = "search/"  # the Pagefind search page
    search_german_terms: bool = True  # index ae/oe/ue/ss spellings of umlaut words (and back) in German articles
    search_compound_parts: bool = True  # and the parts of German compounds ("Sicherheitsgarantien" → "Garantien")

    extra: dict = field(default_factory=dict, compare=False)

    def entity_url(self, entity_type: str) -> str:
        value = getattr(self, f"entity_{entity_type}_url")
        if value:
            return value
        return ENTITY_URLS.get(self.language, ENTITY_URLS["en"])[entity_type]

    def index_url(self, entity_type: str) -> str:
        """The A–Z index of a type: the entity URL up to ``{slug}`` (``people/``)."""
        return self.entity_url(entity_type).split("{slug}", 1)[0]


def option_names() -> list[str]:
    return [f.name for f in fields(SiteOptions) if f.name != "extra"]


def validate_options(options: SiteOptions) -> list[str]:
    """Every problem at once, as 'option: reason'."""
    problems = []

    def check_url(name: str, value: str, needed: tuple[str, ...]) -> None:
        if not value.endswith("/") or value.startswith("/"):
            problems.append(f"{name}: {value!r} must be relative and end with '/'")
        for key in needed:
            if "{" + key + "}" not in value:
                problems.append(f"{name}: {value!r} must contain {{{key}}}")
        try:
            value.format(slug="s", year="2000", month="01", day="01", page=2, date="d")
        except (KeyError, IndexError, ValueError) as error:
            problems.append(f"{name}: {value!r} has an unknown placeholder ({error})")

    for entity_type in ENTITY_TYPES:
        url = options.entity_url(entity_type)
        check_url(f"entity_{entity_type}_url", url, ("slug",))
        if not options.index_url(entity_type):
            problems.append(f"entity_{entity_type}_url: {url!r} needs a folder before {{slug}}")
    check_url("archive_url", options.archive_url, ())
    check_url("archive_year_url", options.archive_year_url, ("year",))
    check_url("archive_month_url", options.archive_month_url, ("year", "month"))
    check_url("pagination_url", options.pagination_url, ("page",))
    for name in ("entity_min_articles", "entity_page_size", "archive_page_size", "article_words_per_minute", "feed_size"):
        if getattr(options, name) < 1:
            problems.append(f"{name}: must be at least 1")
    for name in ("article_related_count", "entity_co_mentions", "index_top_count", "home_latest_count",
                 "home_recent_days", "home_entities_count"):
        if getattr(options, name) < 0:
            problems.append(f"{name}: must not be negative")
    check_url("search_url", options.search_url, ())
    if options.search_engine not in ("lunr", "pagefind", "auto"):
        problems.append(f"search_engine: {options.search_engine!r} must be lunr, pagefind or auto")
    if options.search_auto_threshold < 0:
        problems.append("search_auto_threshold: must not be negative")
    if "{lat}" not in options.entity_map_url or "{lon}" not in options.entity_map_url:
        problems.append("entity_map_url: must contain {lat} and {lon}")
    for name in ("feed_rss", "feed_atom"):
        value = getattr(options, name, "")
        if value and (value.startswith("/") or "\\" in value or ".." in value.split("/")):
            problems.append(f"{name}: {value!r} must be a path inside the site folder")
    return problems

