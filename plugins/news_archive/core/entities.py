"""Canonical entities: raw mentions in, one name per person, place and organization out.

Pure functions over plain data. Within an article: genitive and apostrophe forms fold into the
base form, a surname alone maps to the full name used elsewhere in the article, role prefixes
are dropped. Across the archive: an unambiguous surname maps to the one full name seen elsewhere.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

TYPE_FIELDS = {"PER": "people", "LOC": "places", "ORG": "organizations"}
_APOSTROPHE_S = re.compile(r"['’`´]s?$")
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")
_ROLE_PREFIX = re.compile(r"^(?:[A-ZÄÖÜ][\wäöüß]*-)+(?=[a-zäöüß]|[A-ZÄÖÜ][a-zäöüß]+(?:in|innen)?\s)")


@dataclass(frozen=True)
class Mention:
    text: str
    label: str
    start: int = 0


@dataclass
class ArticleEntities:
    """Canonical names per label (in order of first mention) and the surface forms of each."""

    names: dict[str, list[str]] = field(default_factory=lambda: {"PER": [], "LOC": [], "ORG": []})
    aliases: dict[str, set[str]] = field(default_factory=dict)

    def add(self, label: str, name: str, surface: str) -> None:
        if name not in self.names[label]:
            self.names[label].append(name)
        self.aliases.setdefault(name, set()).add(surface)


def clean_surface(text: str) -> str:
    """Whitespace folded, edge punctuation and role prefixes ("US-Präsident") removed."""
    text = " ".join(text.split())
    text = _EDGE_PUNCT.sub("", text)
    tokens = text.split(" ")
    while len(tokens) > 1 and _is_role_word(tokens[0]):
        tokens.pop(0)
    return " ".join(tokens)


def _is_role_word(token: str) -> bool:
    """'US-Präsident', 'Kreml-Berater', 'Präsident', 'President': words naming a role, not a person."""
    if token[:1].islower():
        return True
    head = token.rsplit("-", 1)[-1]
    return head.lower() in ROLE_WORDS


ROLE_WORDS = frozenset("""
präsident präsidentin kanzler kanzlerin minister ministerin außenminister außenministerin berater beraterin
sondergesandter sondergesandte gesandter chef chefin sprecher sprecherin regierungschef regierungschefin
premier premierminister premierministerin bürgermeister bürgermeisterin abgeordneter abgeordnete
senator senatorin general botschafter botschafterin papst könig königin prinz prinzessin herr frau dr prof
president minister secretary senator governor mayor chancellor king queen prince pope mr mrs ms dr prof
sir lord general envoy spokesman spokeswoman chairman ceo
""".split())


def strip_genitive(name: str, known: set[str]) -> str:
    """'Putins' → 'Putin' and "Trump's" → 'Trump' when the base form is known or the form is clear."""
    stripped = _APOSTROPHE_S.sub("", name)
    if stripped != name and stripped:
        return stripped
    for suffix in ("s", "es"):
        if name.endswith(suffix) and name[: -len(suffix)] in known:
            return name[: -len(suffix)]
    return name


def canonicalize_article(mentions: list[Mention]) -> ArticleEntities:
    """Fold an article's mentions into canonical names per label."""
    result = ArticleEntities()
    by_label: dict[str, list[tuple[str, str]]] = {label: [] for label in TYPE_FIELDS}
    for mention in sorted(mentions, key=lambda m: m.start):
        if mention.label in by_label:
            surface = " ".join(mention.text.split())
            cleaned = clean_surface(surface)
            if len(cleaned) >= 2 and any(ch.isalpha() for ch in cleaned):
                by_label[mention.label].append((surface, cleaned))
    for label, found in by_label.items():
        known = {cleaned for _, cleaned in found}
        folded = [(surface, strip_genitive(cleaned, known)) for surface, cleaned in found]
        full_names = {name for _, name in folded if " " in name} if label == "PER" else set()
        for surface, name in folded:
            result.add(label, _full_name(name, full_names), surface)
    return result


def _full_name(name: str, full_names: set[str]) -> str:
    """A lone surname becomes the one full name ending in it; ambiguous ones stay as they are."""
    if " " in name:
        return name
    matches = {full for full in full_names if full.split(" ")[-1] == name}
    return matches.pop() if len(matches) == 1 else name


def resolve_archive_surnames(articles: list[ArticleEntities]) -> dict[str, str]:
    """Map each lone surname to the one full name the archive uses for it (when unambiguous)."""
    full_by_surname: dict[str, set[str]] = {}
    people: Counter[str] = Counter()
    for entities in articles:
        for name in entities.names["PER"]:
            people[name] += 1
            if " " in name:
                full_by_surname.setdefault(name.split(" ")[-1], set()).add(name)
    return {
        surname: next(iter(fulls))
        for surname, fulls in full_by_surname.items()
        if len(fulls) == 1 and surname in people
    }
