"""Canonical entities: raw mentions in, one name per person, place and organization out.

Pure functions over plain data, in two steps:

- ``canonicalize_article`` folds one article's mentions: role prefixes dropped ("US-Präsident
  Donald Trump" → "Donald Trump"), genitive and apostrophe forms folded ("Putins", "Trump's"), a
  lone surname mapped to the full name the article uses, curator aliases applied.
- ``resolve_archive`` makes names agree across the archive: an unambiguous surname becomes the
  full name used elsewhere (per language), each name gets one type (the majority of its
  mentions, unless the curator fixes it), places are resolved against the gazetteer and shown
  under one name per language, then curator merges, renames and the blocklist apply.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from news_archive.core.curation import Curation
from news_archive.core.organizations import organization_group
from news_archive.core.places import Gazetteer, Place

TYPE_FIELDS = {"PER": "people", "LOC": "places", "ORG": "organizations"}
LABEL_ORDER = tuple(TYPE_FIELDS)
NO_CURATION = Curation()
_APOSTROPHE_S = re.compile(r"(?<=\w)['’`´]s?$")
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")
_GENITIVE_ENDINGS = frozenset("s'’`´")
_ABBREVIATION = re.compile(r"^[A-ZÄÖÜ]{2,5}$")
_LEADING_ARTICLE = re.compile(r"^(?:Der|Die|Das|Den|Dem|Des|The)\s+(?=\S)")


class Mention(NamedTuple):  # a tuple: tens of thousands are read from the cache on every ingest
    text: str
    label: str
    start: int = 0  # of the first occurrence
    count: int = 1  # occurrences of the same text and label (tagging stores each form once)


@dataclass
class ArticleEntities:
    """Canonical names in order of first mention, their mentions per label, and their surface forms."""

    labels: dict[str, dict[str, int]] = field(default_factory=dict)
    aliases: dict[str, set[str]] = field(default_factory=dict)

    def add(self, label: str, name: str, surfaces: Iterable[str], count: int = 1) -> None:
        counts = self.labels.get(name)
        if counts is None:
            counts = self.labels[name] = {}
            self.aliases[name] = set()
        counts[label] = counts.get(label, 0) + count
        self.aliases[name].update(surfaces)

    def label_of(self, name: str) -> str:
        """The label most mentions carry; ties go to person, then place, then organization."""
        counts = self.labels[name]
        if len(counts) == 1:
            return next(iter(counts))
        return max(LABEL_ORDER, key=lambda label: (counts.get(label, 0), -LABEL_ORDER.index(label)))

    def count(self, name: str) -> int:
        return sum(self.labels[name].values())

    @property
    def names(self) -> dict[str, list[str]]:
        result: dict[str, list[str]] = {label: [] for label in LABEL_ORDER}
        for name in self.labels:
            result[self.label_of(name)].append(name)
        return result

    def all_surfaces(self) -> set[str]:
        found = set(self.labels)
        for forms in self.aliases.values():
            found |= forms
        return found


# --- one article -------------------------------------------------------------------------------


def filter_compound_mentions(text: str, mentions: list[Mention], is_common_noun: Callable[[str], bool]) -> list[Mention]:
    """Drop names that are only the first part of a compound ("US" in "US-Plan", "Ukraine-Krieg").

    A span glued by a hyphen to more letters is widened to the whole word; a word whose last part
    is a common noun names a thing, not a person or place (organizations such as "EU-Kommission"
    stay). ``text`` is the text the mentions' offsets refer to.
    """
    kept = []
    for mention in mentions:
        start, end = _hyphen_word(text, mention.start, mention.start + len(mention.text))
        widened = (start, end) != (mention.start, mention.start + len(mention.text))
        word = text[start:end] if widened else mention.text
        head = word.rsplit("-", 1)[-1] if "-" in word and " " not in word else None
        if head is not None and (widened or mention.label in ("LOC", "PER")) and is_common_noun(head):
            continue
        kept.append(Mention(word, mention.label, start) if widened else mention)
    return kept


def _hyphen_word(text: str, start: int, end: int) -> tuple[int, int]:
    if text[start:end] != text[start:end].strip() or not text:
        return start, end
    while end + 1 < len(text) and text[end] == "-" and text[end + 1].isalpha():
        end += 1
        while end < len(text) and (text[end].isalnum()):
            end += 1
    while start >= 2 and text[start - 1] == "-" and text[start - 2].isalnum():
        start -= 1
        while start > 0 and text[start - 1].isalnum():
            start -= 1
    return start, end


def canonicalize_article(
    mentions: list[Mention], curation: Curation = NO_CURATION, places: Gazetteer | None = None
) -> ArticleEntities:
    """Fold an article's mentions into canonical names (one label each is decided later)."""
    distinct: dict[tuple[str, str], int] = {}  # (label, text) → mentions, in order of first mention
    for mention in sorted(mentions, key=lambda m: m.start):
        if mention.label in TYPE_FIELDS:
            key = (mention.label, mention.text)
            distinct[key] = distinct.get(key, 0) + mention.count
    found: list[tuple[str, str, str, bool, int]] = []  # label, surface, name, fixed by the curator, count
    aliases = curation.aliases
    for (label, text), count in distinct.items():
        surface = _folded_space(text)
        if surface in aliases:
            found.append((label, surface, aliases[surface], True, count))
            continue
        cleaned = _cleaned(surface)
        if cleaned and label == "PER" and places and _prominent_place(places.lookup(cleaned, allow_codes=False)):
            label = "LOC"  # "Kiew" tagged as a person: a country or a city of millions wins
        elif cleaned and label in ("ORG", "MISC") and places:
            country = _LEADING_ARTICLE.sub("", cleaned)
            found_place = places.lookup(country, allow_codes=False)
            if found_place is not None and found_place.kind == "country":
                label, cleaned = "LOC", country  # "Die Ukraine" (and its partners): the country as an actor
        if cleaned:
            found.append((label, surface, cleaned, False, count))
    names = {name for _, _, name, _, _ in found}
    known = names | {name.rsplit(" ", 1)[-1] for name in names if " " in name}
    is_place = (lambda name: places.lookup(name, allow_codes=False) is not None) if places else (lambda name: False)
    is_big_place = (lambda name: _prominent_place(places.lookup(name, allow_codes=False))) if places else (lambda name: False)
    folded = [(label, surface, name if fixed else strip_genitive(name, known, is_place), fixed, count)
              for label, surface, name, fixed, count in found]
    folded = merge_variants(folded)
    by_surname: dict[str, set[str]] = {}
    by_first_name: dict[str, set[str]] = {}
    lone_people = {name for label, _, name, _, _ in folded if label == "PER" and " " not in name}
    people = set()  # full names of people, also where the model typed the full name otherwise ("Kamala Harris" as LOC)
    for label, _, name, _, _ in folded:
        if " " in name and (label == "PER" or label in ("LOC", "MISC") and name.rsplit(" ", 1)[-1] in lone_people
                            and not is_place(name)):
            people.add(name)
            by_surname.setdefault(name.rsplit(" ", 1)[-1], set()).add(name)
            by_first_name.setdefault(name.split(" ", 1)[0], set()).add(name)
    result = ArticleEntities()
    for label, surface, name, fixed, count in folded:
        label = "PER" if name in people and not fixed else label
        full = by_surname.get(name) or (by_first_name.get(name) if label == "PER" and name not in by_surname else None)
        if not fixed and " " not in name and full and len(full) == 1 and not is_big_place(name):
            name, label = curation.surface(next(iter(full))), "PER"  # the person's name, whatever the model said
        elif not fixed:
            name = curation.surface(name)
        result.add(label, name, (surface,), count)
    return result


def merge_variants(found: list[tuple[str, str, str, bool, int]]) -> list[tuple[str, str, str, bool, int]]:
    """Forms of one organization or place in an article become one name: case variants ("Tiktok",
    "TikTok"), declined forms ("Deutschen Bahn", "Weißen Hauses"), the forms of a listed
    organization ("UN", "UNO", "Vereinte Nationen"), and an abbreviation of a longer name the article
    uses ("SVB" for "Silicon Valley Bank"). The name kept is the fullest form, in its nominative.
    (Persons are folded by the surname and first-name rules.)"""
    names = [name for label, _, name, fixed, _ in found if label != "PER" and not fixed]
    group_of = _variant_groups(names)
    members: dict[str, list[str]] = {}
    counts: Counter[str] = Counter()
    for label, _, name, fixed, count in found:
        if name in group_of:
            members.setdefault(group_of[name], []).append(name)
            counts[name] += count
    shown = {key: _preferred_variant(forms, counts) for key, forms in members.items()}
    return [(label, surface, shown[group_of[name]] if name in group_of else name, fixed, count)
            for label, surface, name, fixed, count in found]


def _variant_groups(names: list[str]) -> dict[str, str]:
    """Each name → the key of its group of variants."""
    group_of: dict[str, str] = {}
    for name in names:
        listed = organization_group(name)
        group_of[name] = "org:" + listed[0] if listed else variant_key(name)
    by_initials: dict[str, set[str]] = {}
    for name in names:
        if initials := _initials(name):
            by_initials.setdefault(initials, set()).add(name)
    moved: dict[str, str] = {}  # group key → the key of the long form's group
    for name in names:
        expansions = by_initials.get(name.upper(), set()) - {name} if _ABBREVIATION_LIKE.match(name) else set()
        if len(expansions) == 1:
            moved.setdefault(group_of[name], group_of[next(iter(expansions))])
    return {name: moved.get(key, key) for name, key in group_of.items()}


_ABBREVIATION_LIKE = re.compile(r"^[A-ZÄÖÜ][A-Za-zÄÖÜ]{1,5}$")
_ADJECTIVE_ENDING = re.compile(r"(?<=\w)(?:en|em|er|es|e)$")
_DECLINED_ADJECTIVE = re.compile(r"(?:sch|lich|ig|al|ell|ar|är|iv|ös|nt|rt|gt|ss|ß|eu|ein|rn)en$")


def _initials(name: str) -> str:
    words = [part for word in name.split(" ") for part in word.split("-") if part[:1].isupper()]
    return "".join(word[0] for word in words).upper() if len(words) >= 2 else ""


@lru_cache(maxsize=1 << 16)
def variant_key(name: str) -> str:
    """Case, spaces, hyphens, adjective endings and a genitive -s folded: "Weißen Hauses" and
    "Weißes Haus", "Deutschen Bahn" and "Deutsche Bahn", "TikTok" and "Tiktok" share one key."""
    words = name.casefold().replace("-", " ").split()
    if len(words) > 1:
        words = [_ADJECTIVE_ENDING.sub("", word) if len(word) > 4 else word for word in words[:-1]] + words[-1:]
        last = words[-1]
        for _ in range(2):  # "Hauses" and "Haus" both → "hau": a key, not a word
            last = re.sub(r"(?<=\w\w\w)e?s$", "", last) if not last.endswith("ss") else last
        words[-1] = last
    return "key:" + " ".join(words)


def _preferred_variant(forms: list[str], counts: Counter[str]) -> str:
    """The fullest form; among equally full ones, an undeclined one, then the most used."""
    def rank(form: str):
        words = form.split(" ")
        declined = len(words) > 1 and bool(_DECLINED_ADJECTIVE.search(words[0]))
        genitive = len(words) > 1 and words[-1].endswith("s") and any(
            other != form and variant_key(other) == variant_key(form) and not other.endswith("s") for other in forms)
        return (-len(words), declined or genitive, form.islower() or form.isupper() and len(words) > 1,
                -counts[form], form)

    best = min(set(forms), key=rank)
    listed = organization_group(best)
    if listed:  # the listed nominative of a declined form ("Vereinten Nationen" → "Vereinte Nationen", "Grünen" → "Grüne")
        best = next((form for form in listed if variant_key(form) == variant_key(best)
                     or form.count(" ") == best.count(" ") == 0 and form.casefold()[:4] == best.casefold()[:4]), best)
    return nominative(best)


def nominative(name: str) -> str:
    """A declined adjective before a feminine or plural noun back in the nominative: "Deutschen
    Bahn" → "Deutsche Bahn", "Vereinigten Staaten" → "Vereinigte Staaten". Names whose noun takes a
    genitive -s (masculine, neuter: "Weißen Hauses") are left for their other forms to decide."""
    words = name.split(" ")
    if len(words) < 2 or words[-1].endswith("s") or not words[-1][:1].isupper():
        return name
    adjectives = words[:-1]
    if not all(word[:1].isupper() and _DECLINED_ADJECTIVE.search(word) for word in adjectives):
        return name
    return " ".join([word[:-1] for word in adjectives] + words[-1:])


def _prominent_place(place: Place | None) -> bool:
    return place is not None and (place.kind == "country" or place.population >= 1_000_000)


@lru_cache(maxsize=1 << 16)
def _folded_space(text: str) -> str:
    return " ".join(text.split())


@lru_cache(maxsize=1 << 17)
def _cleaned(surface: str) -> str:
    cleaned = clean_surface(surface)
    return cleaned if _plausible_name(cleaned) else ""


def clean_surface(text: str) -> str:
    """Whitespace folded, edge punctuation and role prefixes ("US-Präsident") removed; '' if only a role."""
    text = _EDGE_PUNCT.sub("", " ".join(text.split()))
    tokens = text.split(" ")
    while len(tokens) > 1 and _is_role_word(tokens[0]):
        tokens.pop(0)
    if len(tokens) == 1 and "-" in tokens[0] and _is_role_word(tokens[0]):
        return ""
    return " ".join(tokens)


_ORGANIZATION_WORDS = re.compile(r"(?:AG|GmbH|SE|Inc|Ltd|Partei|Bank|Verband|Institut|Stiftung|Gruppe|Union|Rat|Amt)\.?$")


def retype_people_after_roles(text: str, mentions: list[Mention]) -> list[Mention]:
    """An organization or misc name right after an office is a person the model mistyped:
    "Chefunterhändler Rustem Umjerow" with "Umjerow" as ORG becomes the person "Rustem Umjerow".

    Up to two capitalised words between the office and the name are taken into the name (given
    names the model left out). ``text`` is the text the mentions' offsets refer to.
    """
    result = []
    for mention in mentions:
        start = _person_start_after_role(text, mention)
        if start is None:
            result.append(mention)
        else:
            result.append(Mention(text[start: mention.start + len(mention.text)], "PER", start, mention.count))
    return result


def _person_start_after_role(text: str, mention: Mention) -> int | None:
    words = mention.text.split(" ")
    if mention.label not in ("ORG", "MISC") or len(words) > 3 or _ORGANIZATION_WORDS.search(mention.text) \
            or not all(_name_like(word) for word in words):
        return None
    window = max(text.rfind("\n", 0, mention.start) + 1, mention.start - 80)  # this line, near the name
    before = list(re.finditer(r"\S+", text[window: mention.start]))[-3:]
    for given in range(min(2, len(before) - 1) + 1):  # the nearest office wins
        role, names = before[-given - 1], before[len(before) - given:]
        if is_role_noun(role.group()) and all(_name_like(name.group()) for name in names):
            return window + names[0].start() if names else mention.start
    return None


def is_role_noun(token: str) -> bool:
    """A capitalised title or office ("Chefunterhändler", "US-Präsident", "Papst"): what stands
    before a person's name, never an article or an affiliation alone."""
    return token[:1].isupper() and _has_role_head(token)


def _name_like(word: str) -> bool:
    return word[:1].isupper() and not word.isupper() and any(ch.isalpha() for ch in word)


@lru_cache(maxsize=1 << 16)
def _is_role_word(token: str) -> bool:
    """'US-Präsident', 'Kreml-Berater', 'Chefunterhändler', 'President', 'der': a role or article, not a name."""
    if token[:1].islower():
        return True
    parts = token.split("-")
    if len(parts) > 1 and _ABBREVIATION.match(parts[0]) and parts[-1][:1].isupper():
        return True  # "US-Sondergesandter", "SPD-Chefin": an affiliation before a role
    return _has_role_head(token)


def _has_role_head(token: str) -> bool:
    """The last part of the word is an office: "Präsident", "Chefunterhändler", "Kreml-Berater"."""
    head = token.split("-")[-1].lower().rstrip(".")
    return head in ROLE_WORDS or any(head.endswith(role) for role in ROLE_HEADS if len(head) > len(role) + 2)


# Titles and offices that precede a name; the long ones also end compounds ("Chefunterhändler").
ROLE_WORDS = frozenset("""
präsident präsidentin kanzler kanzlerin minister ministerin außenminister außenministerin berater beraterin
sondergesandter sondergesandte gesandter gesandte chef chefin sprecher sprecherin regierungschef regierungschefin
premier premierminister premierministerin bürgermeister bürgermeisterin abgeordneter abgeordnete unterhändler
senator senatorin general botschafter botschafterin papst könig königin prinz prinzessin herr frau dr prof
vertreter vertreterin trainer trainerin schwiegersohn
president minister secretary senator governor mayor chancellor king queen prince pope mr mrs ms dr prof
sir lord general envoy spokesman spokeswoman chairman ceo director executive creative head coach manager officer
editor producer sen rep gov gen lt col capt sgt rev
""".split())
ROLE_HEADS = ("präsident", "präsidentin", "kanzler", "minister", "ministerin", "berater", "beraterin", "gesandter",
              "sprecher", "sprecherin", "chef", "chefin", "unterhändler", "vertreter", "botschafter", "trainer")


def _plausible_name(name: str) -> bool:
    return (len(name) >= 2 and any(ch.isupper() for ch in name[:1]) and any(ch.isalpha() for ch in name)
            and not _page_chrome_name(name) and not all(word.lower().rstrip(".") in ROLE_WORDS for word in name.split(" ")))


_GLUED_CAPITALS = re.compile(r"[A-ZÄÖÜ]{3,}[a-zäöüß]")  # "PHELANHaare": a credit line run into the next
_NOT_IN_NAMES = re.compile(r"[+!?=<>|]")


def _page_chrome_name(name: str) -> bool:
    """Credits and product lines, not names: "KYLE DOMINICProduktion", "LUCY BRIDGE", "STUDIOS",
    "Klarmobil.de 10 GB + 100", "Kämpft! Kämpft"."""
    words = name.split(" ")
    shouting = all(word.isupper() and word.isalpha() for word in words)
    return bool(_GLUED_CAPITALS.search(name) or _NOT_IN_NAMES.search(name)
                or shouting and (len(words) > 1 and len(name) >= 8 or len(name) >= 7))


def strip_genitive(name: str, known: set[str], is_place: Callable[[str], bool] = lambda name: False) -> str:
    """'Putins' → 'Putin', "Trump's" → 'Trump', 'Russlands' → 'Russland' when the base form is known."""
    if name[-1:] not in _GENITIVE_ENDINGS:
        return name
    stripped = _APOSTROPHE_S.sub("", name)
    if stripped != name and stripped:
        return stripped
    if not name.endswith("s") or name.endswith("ss") or is_place(name):
        return name
    base = name[:-1]
    if base in known or base.rsplit(" ", 1)[-1] in known and " " in base or is_place(base):
        return base
    return name


# --- the archive -------------------------------------------------------------------------------


@dataclass
class ArchiveArticle:
    language: str
    entities: ArticleEntities
    geo: dict[str, dict] = field(default_factory=dict)


def resolve_archive(articles: list[ArchiveArticle], curation: Curation = NO_CURATION, places: Gazetteer | None = None,
                    site_language: str | None = None) -> None:
    """Make names agree across the archive; sets each article's final ``entities`` and ``geo``.

    With ``site_language``, a place is one entity whatever the language of the article ("USA",
    "United States"): shown under the name the site language uses, the others kept as aliases."""
    renames: dict[tuple[str, str], str] = {}  # (language, name) → full name
    for language in sorted({a.language for a in articles}):
        group = [a.entities for a in articles if a.language == language]
        for name, target in resolve_archive_surnames(group).items():
            renames[(language, name)] = target
    labels = _archive_labels(articles, renames, curation)
    place_of, display = _resolve_places(articles, renames, labels, places)
    if site_language:
        display = _one_name_per_place(display, site_language)
    decided: dict[tuple[str, str], tuple[str, str, Place | None] | None] = {}
    for article in articles:
        language, source = article.language, article.entities
        final_labels: dict[str, dict[str, int]] = {}
        final_aliases: dict[str, set[str]] = {}
        geo: dict[str, dict] = {}
        for name, counts in source.labels.items():
            key = (language, name)
            if key not in decided:
                full = renames.get(key, name)
                decided[key] = _decide(full, language, labels[full], place_of.get(full), display, curation)
            if decided[key] is None:
                continue
            shown, label, place = decided[key]
            if shown in final_labels:
                final_labels[shown][label] = final_labels[shown].get(label, 0) + sum(counts.values())
                final_aliases[shown] |= source.aliases[name]
            else:
                final_labels[shown] = {label: sum(counts.values())}
                final_aliases[shown] = set(source.aliases[name])
            final_aliases[shown].add(name)
            if place and label == "LOC":
                geo[shown] = place.geo()
        for name, forms in final_aliases.items():
            forms.discard(name)
        article.entities, article.geo = ArticleEntities(final_labels, final_aliases), geo


def _decide(name: str, language: str, label: str, place: Place | None, display: dict, curation: Curation):
    """(name shown, label, place) for a name of the archive, or None when the curator blocks it."""
    shown = display.get((language, place.id), name) if place else name
    shown = curation.final_name(shown)
    if curation.blocked(shown) or curation.blocked(name):
        return None
    label = curation.types.get(shown) or curation.types.get(name) or label
    return shown, label, place


def resolve_archive_surnames(articles: list[ArticleEntities]) -> dict[str, str]:
    """Lone surnames (and their genitives) → the one full name the archive uses for them."""
    full_by_surname: dict[str, set[str]] = {}
    singles: set[str] = set()
    for entities in articles:
        for name in entities.labels:
            if entities.label_of(name) != "PER":
                continue
            if " " in name:
                full_by_surname.setdefault(name.rsplit(" ", 1)[-1], set()).add(name)
            else:
                singles.add(name)
    result = {}
    for single in singles:
        surname = single if single in full_by_surname else strip_genitive(single, set(full_by_surname))
        fulls = full_by_surname.get(surname, set())
        if len(fulls) == 1:
            result[single] = next(iter(fulls))
    return result


def _archive_labels(articles: list[ArchiveArticle], renames: dict, curation: Curation) -> dict[str, str]:
    """One type per name across the archive: the curator's, else the majority of all mentions."""
    totals: dict[str, dict[str, int]] = {}
    for article in articles:
        for name, counts in article.entities.labels.items():
            total = totals.setdefault(renames.get((article.language, name), name), {})
            for label, count in counts.items():
                total[label] = total.get(label, 0) + count
    merged = ArticleEntities(labels=totals)
    return {name: curation.types.get(name) or merged.label_of(name) for name in totals}


def _resolve_places(articles, renames, labels, places: Gazetteer | None):
    """Each place name's gazetteer entry, and per (language, place) the name to show.

    The name shown is the one the archive's articles in that language use most, inflected forms
    counted as their base form ("Vereinigten Staaten" as "Vereinigte Staaten"; so German
    articles show "USA", "Moskau", "Kiew"; English ones "US", "Moscow", "Kyiv"); ties go to the
    gazetteer's name in that language, then to the alphabetically first.
    """
    place_of: dict[str, Place] = {}
    by_id: dict[str, Place] = {}
    usage: dict[tuple[str, str], Counter[str]] = {}
    if places is None:
        return place_of, {}
    resolved: dict[str, tuple[str, Place] | tuple[None, None]] = {}
    for article in articles:
        for name, counts in article.entities.labels.items():
            name = renames.get((article.language, name), name)
            if labels[name] != "LOC":
                continue
            if name not in resolved:
                resolved[name] = places.resolve(name)
            form, place = resolved[name]
            if place is None:
                continue
            place_of[name] = by_id[place.id] = place
            usage.setdefault((article.language, place.id), Counter())[form] += sum(counts.values())
    display = {}
    for (language, place_id), counts in usage.items():
        preferred = by_id[place_id].name_in(language)
        display[(language, place_id)] = min(counts, key=lambda n: (-counts[n], n != preferred, n))
    return place_of, display


def _one_name_per_place(display: dict, site_language: str) -> dict:
    """Every language's name of a place → the name the site language's articles use for it. A place
    no article of the site language names keeps its own articles' name (the gazetteer's name in the
    site language may be one no reader uses: "Makkah" for "Mecca")."""
    return {(language, place_id): display.get((site_language, place_id), shown)
            for (language, place_id), shown in display.items()}


def find_duplicate_entities(articles: list[ArchiveArticle], places: Gazetteer | None = None) -> list[tuple[str, str]]:
    """Pairs of names of one archive language that denote the same thing (should be empty)."""
    pairs = []
    for language in sorted({a.language for a in articles}):
        names: dict[str, str] = {}
        for article in articles:
            if article.language == language:
                for label, found in article.entities.names.items():
                    for name in found:
                        names.setdefault(name, label)
        seen_places: dict[str, str] = {}
        for name, label in sorted(names.items()):
            base = strip_genitive(name, set(names))
            if base != name and base in names:
                pairs.append((base, name))
            if label == "PER" and " " not in name:
                fulls = [n for n, l in names.items() if l == "PER" and n.endswith(" " + name)]
                if len(fulls) == 1:
                    pairs.append((fulls[0], name))
            place = places.lookup(name) if places and label == "LOC" else None
            if place:
                if place.id in seen_places:
                    pairs.append((seen_places[place.id], name))
                seen_places.setdefault(place.id, name)
    return pairs
