"""Articles as the site sees them: the front matter of each ingested file, read once.

Reading is the one per-article cost before any page is rendered, so it is lean: the front
matter is split off with the core's pattern, parsed with libyaml when present and validated with
the one schema. ``ArticleCache`` remembers records by file size and mtime between builds.
"""

from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import dataclass, field, fields
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from news_archive.core.errors import ArticleError
from news_archive.core.frontmatter import split_front_matter, validate_front_matter
from news_archive.core.schema import ENTITY_FIELDS, FrontMatter

log = logging.getLogger(__name__)
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_YAML_ALIAS = re.compile(r"(?:^|[\s\[{,:-])[&*][^\s,\[\]{}]", re.MULTILINE)
CACHE_VERSION = 2  # 2: publisher


@dataclass(frozen=True)
class ArticleRecord:
    """One article: what pages, feeds and exports need, nothing of its body but its length."""

    id: str
    title: str
    date: datetime
    language: str
    src_uri: str
    url: str
    words: int = 0
    authors: tuple[str, ...] = ()
    summary: tuple[str, ...] = ()
    image_caption: str | None = None
    entities: dict[str, tuple[str, ...]] = field(default_factory=dict)  # type → canonical names
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)  # name → surface forms
    geo: dict[str, dict[str, Any]] = field(default_factory=dict)  # place → country, lat, lon
    source_path: str = ""
    source_url: str | None = None
    publisher: str | None = None

    def names(self, entity_type: str) -> tuple[str, ...]:
        return self.entities.get(entity_type, ())


def record_from_front_matter(fm: FrontMatter, src_uri: str, url: str, words: int) -> ArticleRecord:
    return ArticleRecord(
        id=fm.id, title=fm.title, date=fm.date, language=fm.language, src_uri=src_uri, url=url, words=words,
        authors=tuple(fm.authors), summary=tuple(fm.summary), image_caption=fm.image_caption,
        entities={t: tuple(dict.fromkeys(getattr(fm, t))) for t in ENTITY_FIELDS if getattr(fm, t)},
        aliases={k: tuple(v) for k, v in sorted(fm.aliases.items())},
        geo={k: v.model_dump(exclude_none=True) for k, v in sorted(fm.geo.items())},
        source_path=fm.source.path, source_url=fm.source.url, publisher=fm.publisher,
    )


def read_article_record(text: str, path: str, src_uri: str, url: str) -> ArticleRecord:
    """The record of one article file; ``ArticleError`` (naming ``path``) when it is not one."""
    match = _FRONT_MATTER.match(text)
    if not match:
        raise ArticleError(path, "no front matter")
    raw = match.group(1) or ""
    if _YAML_ALIAS.search(raw):  # anchors/aliases: the core's guarded loader
        fields, _ = split_front_matter(text, path)
    else:
        try:
            fields = yaml.load(raw, Loader=_Loader)  # noqa: S506 - a safe loader
        except yaml.YAMLError as error:
            raise ArticleError(path, f"broken front matter: {str(error).splitlines()[0]}") from None
    if not isinstance(fields, dict):
        raise ArticleError(path, "front matter is not a mapping of fields")
    front_matter = validate_front_matter(fields, path)
    return record_from_front_matter(front_matter, src_uri, url, len(text[match.end():].split()))


class ArticleCache:
    """Records by source path, reused while a file's size and mtime stay the same."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._old: dict[str, list] = self._load()
        self._new: dict[str, list] = {}
        self._changed = False

    def _load(self) -> dict[str, list]:
        if self.path is None or not self.path.is_file():
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data.get("records", {}) if data.get("version") == CACHE_VERSION else {}

    def read(self, abs_path: str, src_uri: str, url: str) -> ArticleRecord:
        stat = os.stat(abs_path)
        stamp = [stat.st_size, stat.st_mtime_ns]
        cached = self._old.get(src_uri)
        if cached and cached[0] == stamp:
            self._new[src_uri] = cached  # as loaded: nothing to serialise again
            return _record_from_json(cached[1], src_uri, url)
        text = Path(abs_path).read_text(encoding="utf-8-sig")
        record = read_article_record(text, src_uri, src_uri, url)
        self._new[src_uri] = [stamp, _record_to_json(record)]
        self._changed = True
        return record

    def save(self) -> None:
        """Write the cache when it changed (stale entries go)."""
        if self.path is None or not (self._changed or self._new.keys() != self._old.keys()):
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temp = self.path.with_suffix(".tmp")
            temp.write_text(json.dumps({"version": CACHE_VERSION, "records": self._new}), encoding="utf-8")
            os.replace(temp, self.path)
        except OSError as error:  # a cache is an optimisation: never fail a build for it
            log.debug("cannot write %s: %s", self.path, error)


def _record_to_json(record: ArticleRecord) -> dict:
    # Not dataclasses.asdict: its deep copies cost more than reading the article.
    data = {name: getattr(record, name) for name in _JSON_FIELDS}
    data["date"] = record.date.isoformat()
    return data


_JSON_FIELDS = tuple(f.name for f in fields(ArticleRecord) if f.name not in ("src_uri", "url"))


def _record_from_json(data: dict, src_uri: str, url: str) -> ArticleRecord:
    return ArticleRecord(
        **{**data, "date": datetime.fromisoformat(data["date"]), "src_uri": src_uri, "url": url,
           "authors": tuple(data["authors"]), "summary": tuple(data["summary"]),
           "entities": {k: tuple(v) for k, v in data["entities"].items()},
           "aliases": {k: tuple(v) for k, v in data["aliases"].items()}},
    )
