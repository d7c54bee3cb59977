"""UI strings in German and English, and dates and numbers formatted with Babel."""

from __future__ import annotations

from datetime import date, datetime

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "home": "Home",
        "archive": "Archive",
        "people": "People",
        "places": "Places",
        "organizations": "Organizations",
        "topics": "Topics",
        "person": "Person",
        "place": "Place",
        "organization": "Organization",
        "topic": "Topic",
        "articles_one": "{n} article",
        "articles_other": "{n} articles",
        "by": "By {names}",
        "reading_time": "{n} min read",
        "summary": "Summary",
        "caption": "Image: {text}",
        "in_this_article": "In this article",
        "source": "Source",
        "previous": "Previous article",
        "next": "Next article",
        "related": "Related articles",
        "aliases": "Also written as",
        "mentioned": "Mentioned in",
        "first_mention": "First mention",
        "last_mention": "Last mention",
        "timeline": "Articles per month",
        "co_mentions": "Often mentioned together",
        "feed": "Feed",
        "country": "Country",
        "map": "Show on map",
        "page_of": "Page {page} of {pages}",
        "newer": "Newer",
        "older": "Older",
        "a_to_z": "A–Z",
        "most_mentioned": "Most mentioned",
        "unlinked_note": "Names in fewer than {n} articles have no page of their own.",
        "latest": "Latest articles",
        "trending": "Most mentioned in the latest {n} days",
        "all_articles": "All articles in the archive",
        "years": "Years",
        "months": "Months",
        "no_articles": "No articles yet.",
        "subscribe": "Subscribe",
    },
    "de": {
        "home": "Start",
        "archive": "Archiv",
        "people": "Personen",
        "places": "Orte",
        "organizations": "Organisationen",
        "topics": "Themen",
        "person": "Person",
        "place": "Ort",
        "organization": "Organisation",
        "topic": "Thema",
        "articles_one": "{n} Artikel",
        "articles_other": "{n} Artikel",
        "by": "Von {names}",
        "reading_time": "{n} Min. Lesezeit",
        "summary": "Zusammenfassung",
        "caption": "Bild: {text}",
        "in_this_article": "In diesem Artikel",
        "source": "Quelle",
        "previous": "Vorheriger Artikel",
        "next": "Nächster Artikel",
        "related": "Verwandte Artikel",
        "aliases": "Auch geschrieben als",
        "mentioned": "Erwähnt in",
        "first_mention": "Erste Erwähnung",
        "last_mention": "Letzte Erwähnung",
        "timeline": "Artikel pro Monat",
        "co_mentions": "Oft gemeinsam genannt",
        "feed": "Feed",
        "country": "Land",
        "map": "Auf der Karte zeigen",
        "page_of": "Seite {page} von {pages}",
        "newer": "Neuer",
        "older": "Älter",
        "a_to_z": "A–Z",
        "most_mentioned": "Am häufigsten genannt",
        "unlinked_note": "Namen aus weniger als {n} Artikeln haben keine eigene Seite.",
        "latest": "Neueste Artikel",
        "trending": "Am häufigsten genannt in den letzten {n} Tagen",
        "all_articles": "Alle Artikel im Archiv",
        "years": "Jahre",
        "months": "Monate",
        "no_articles": "Noch keine Artikel.",
        "subscribe": "Abonnieren",
    },
}
SINGULAR = {"people": "person", "places": "place", "organizations": "organization", "topics": "topic"}


class Translator:
    """Strings, dates and numbers of one UI language (English when the language is unknown)."""

    def __init__(self, language: str) -> None:
        code = (language or "en").replace("-", "_").split("_")[0].lower()
        self.language = code if code in STRINGS else "en"
        try:
            self.locale = Locale.parse(code)
        except (UnknownLocaleError, ValueError):
            self.locale = Locale.parse("en")
        self.strings = STRINGS[self.language]
        self._dates: dict[date, str] = {}  # Babel is slow; a site shows the same dates many times
        self._numbers: dict[int, str] = {}

    def __call__(self, key: str, **values: object) -> str:
        return self.strings[key].format(**values)

    def articles(self, n: int) -> str:
        return self("articles_one" if n == 1 else "articles_other", n=self.number(n))

    def number(self, n: int) -> str:
        found = self._numbers.get(n)
        if found is None:
            found = self._numbers[n] = format_decimal(n, locale=self.locale)
        return found

    def date(self, value: date | datetime) -> str:
        """'2. Dezember 2025' / 'December 2, 2025'."""
        day = value.date() if isinstance(value, datetime) else value
        found = self._dates.get(day)
        if found is None:
            found = self._dates[day] = _babel_date(day, format="long", locale=self.locale)
        return found

    def month(self, year: int, month: int) -> str:
        """'Dezember 2025' / 'December 2025'."""
        return _babel_date(date(year, month, 1), format="LLLL y", locale=self.locale)

    def month_short(self, month: int) -> str:
        return _babel_date(date(2000, month, 1), format="LLL", locale=self.locale)

    def country(self, code: str) -> str:
        """A country name for an ISO code ('RU' → 'Russland'); other values as given."""
        return self.locale.territories.get(code.upper(), code) if len(code) == 2 else code
