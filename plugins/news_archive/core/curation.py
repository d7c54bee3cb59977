"""The curator file (``entities.yml``): hand corrections applied to the tags on every ingest.

Read, never written. Its sections, all optional (see docs/entities.md):

    aliases:   {canonical name: [variant, ...]}   surface forms, before the automatic rules
    merges:    {canonical name: [entity, ...]}    whole entities, after the automatic rules
    renames:   {entity: new display name}
    types:     {entity: person | place | organization}
    blocklist: [name, ...]                        never a tag (entity or topic)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from news_archive.core.errors import ConfigError

SECTIONS = ("aliases", "merges", "renames", "types", "blocklist")
TYPE_NAMES = {
    "person": "PER", "people": "PER", "per": "PER",
    "place": "LOC", "places": "LOC", "loc": "LOC",
    "organization": "ORG", "organizations": "ORG", "org": "ORG",
}


@dataclass(frozen=True)
class Curation:
    aliases: dict[str, str] = field(default_factory=dict)  # variant → canonical
    merges: dict[str, str] = field(default_factory=dict)  # entity → target
    renames: dict[str, str] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)  # entity → PER | LOC | ORG
    blocklist: frozenset[str] = frozenset()  # casefolded

    def surface(self, name: str) -> str:
        return self.aliases.get(name, name)

    def final_name(self, name: str) -> str:
        """Merge, then rename: the name an automatically resolved entity is shown under."""
        name = self.merges.get(name, name)
        return self.renames.get(name, name)

    def blocked(self, name: str) -> bool:
        return name.casefold() in self.blocklist


def read_curation(path: Path) -> Curation:
    """The curator file at ``path``; an absent file means no corrections."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Curation()
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read the curator file: {error}") from None
    return parse_curation(text, str(path))


def parse_curation(text: str, where: str) -> Curation:
    data = _yaml(text, where)
    if data is None:
        return Curation()
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected a mapping with the keys {', '.join(SECTIONS)}")
    unknown = [str(key) for key in data if key not in SECTIONS]
    if unknown:
        raise ConfigError(f"{where}: unknown key {unknown[0]!r} (expected one of {', '.join(SECTIONS)})")
    return Curation(
        aliases=_inverted(data.get("aliases"), where, "aliases"),
        merges=_inverted(data.get("merges"), where, "merges"),
        renames=_renames(data.get("renames"), where),
        types=_types(data.get("types"), where),
        blocklist=frozenset(n.casefold() for n in _names(data.get("blocklist"), where, "blocklist")),
    )


def read_taxonomy(path: Path) -> dict[str, list[str]]:
    """The user's taxonomy (``taxonomy_file``): {topic: [keyword, ...]}; it must exist when configured."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read the taxonomy file: {getattr(error, 'strerror', None) or error}") from None
    where = str(path)
    topics = _mapping(_yaml(text, where), where, "taxonomy")
    result = {}
    for topic, keywords in topics.items():
        if isinstance(keywords, str):
            keywords = [keywords]
        result[topic] = _names(keywords, where, topic) or [topic]
    return result


def _yaml(text: str, where: str):
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f" (line {mark.line + 1})" if mark else ""
        raise ConfigError(f"{where}{line}: not valid YAML: {getattr(error, 'problem', error)}") from None


def _inverted(section, where: str, key: str) -> dict[str, str]:
    """{canonical: [variants]} → {variant: canonical}; a variant may belong to one canonical only."""
    result: dict[str, str] = {}
    for canonical, variants in _mapping(section, where, key).items():
        if isinstance(variants, str):
            variants = [variants]
        for variant in _names(variants, where, f"{key}.{canonical}"):
            if variant in result and result[variant] != canonical:
                raise ConfigError(f"{where}: {key}.{canonical}: {variant!r} is already listed under {result[variant]!r}")
            if variant != canonical:
                result[variant] = canonical
    for variant, canonical in result.items():
        if canonical in result:
            raise ConfigError(f"{where}: {key}.{canonical}: {canonical!r} is itself listed as a variant of {result[canonical]!r}")
    return result


def _renames(section, where: str) -> dict[str, str]:
    result = {}
    for old, new in _mapping(section, where, "renames").items():
        if not isinstance(new, str) or not new.strip():
            raise ConfigError(f"{where}: renames.{old}: expected the new name as text, got {new!r}")
        result[old] = new.strip()
    for old, new in result.items():
        if new in result and result[new] != new:
            raise ConfigError(f"{where}: renames.{old}: {new!r} is renamed again; rename {old!r} to the final name")
    return result


def _types(section, where: str) -> dict[str, str]:
    result = {}
    for name, kind in _mapping(section, where, "types").items():
        label = TYPE_NAMES.get(str(kind).strip().lower())
        if label is None:
            raise ConfigError(f"{where}: types.{name}: unknown type {kind!r} (expected person, place or organization)")
        result[name] = label
    return result


def _mapping(section, where: str, key: str) -> dict[str, object]:
    if section is None:
        return {}
    if not isinstance(section, dict):
        raise ConfigError(f"{where}: {key}: expected a mapping, got {type(section).__name__}")
    for name in section:
        if not isinstance(name, str) or not name.strip():
            raise ConfigError(f"{where}: {key}: expected names as keys, got {name!r}")
    return {name.strip(): value for name, value in section.items()}


def _names(values, where: str, key: str) -> list[str]:
    if values is None:
        return []
    if not isinstance(values, list):
        raise ConfigError(f"{where}: {key}: expected a list of names, got {type(values).__name__}")
    for value in values:
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"{where}: {key}: expected names as text, got {value!r}")
    return [value.strip() for value in values]
