"""Compose generated articles: front matter and body for each resolved draft, slugs made unique.

Rendering and validating a file costs milliseconds (YAML, pydantic); a large archive re-ingested
for one changed article would spend most of its time re-rendering files that did not change. So
each file is remembered under a key of everything it is made from, and only new keys are rendered.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path, PurePosixPath

import yaml

from news_archive import __version__
from news_archive.core.article import Draft
from news_archive.core.entities import TYPE_FIELDS, ArticleEntities
from news_archive.core.frontmatter import render_article_file, validate_front_matter
from news_archive.core.markdown import render_blocks
from news_archive.core.slugs import assign_unique_slugs, make_slug


@dataclass
class Resolved:
    """A draft with everything ingest decided about it."""

    draft: Draft
    source: str  # the source path as shown and stored (relative to the project)
    date: datetime
    date_source: str
    language: str
    entities: ArticleEntities
    topics: list[str]
    geo: dict[str, dict] = field(default_factory=dict)  # place name → {country, lat, lon}
    id: str = field(init=False)  # hashed once: the draft does not change after resolving

    def __post_init__(self) -> None:
        self.id = self.draft.content_id()


@dataclass(frozen=True)
class Output:
    relative_path: str  # below the articles folder, e.g. "2025/12/nach-treffen.md"
    text: str
    key: str  # of everything the file is made from


RENDER_CODE = ("core/frontmatter.py", "core/markdown.py", "core/schema.py", "ingest/compose.py")
Rendered = Callable[[list[str]], dict[str, str]]  # keys → texts rendered before, where known


def compose_outputs(
    items: list[Resolved], rendered_before: Rendered = lambda keys: {},
) -> tuple[list[Output], list[tuple[Resolved, Exception]], dict[str, str]]:
    """Outputs, failures, and the texts rendered now by key (for ``rendered_before`` next time)."""
    folders = {item.id: f"{item.date:%Y/%m}" for item in items}
    slugs = assign_unique_slugs([(item.id, folders[item.id], make_slug(item.draft.title)) for item in items])
    planned = [(item, _fields(item, slugs[item.id])) for item in items]
    keys = [_key(item.draft, fields) for item, fields in planned]
    known = rendered_before(keys)
    outputs, failures, rendered = [], [], {}
    for (item, fields), key in zip(planned, keys):
        path = str(PurePosixPath(folders[item.id]) / f"{slugs[item.id]}.md")
        text = known.get(key)
        if text is None:
            try:
                text = rendered[key] = _render(item, fields)
            except Exception as error:  # noqa: BLE001 - reported per article, the rest still builds
                failures.append((item, error))
                continue
        outputs.append(Output(path, text, key))
    return outputs, failures, rendered


def _fields(item: Resolved, slug: str) -> dict:
    draft = item.draft
    names = item.entities.names
    fields = {
        key: value for key, value in draft.fields.items()
        if key not in ("schema", "id", "slug", "source", "date_source", "aliases", "geo")
    }
    generated = {
        "schema": 1,
        "id": item.id,
        "title": draft.title,
        "date": item.date,
        "date_source": item.date_source,
        "language": item.language,
        "authors": draft.authors,
        "publisher": draft.publisher,
        "summary": draft.summary,
        "image_caption": draft.image_caption,
        **{TYPE_FIELDS[label]: names[label] for label in TYPE_FIELDS},
        "topics": item.topics,
        "aliases": {
            name: sorted(forms - {name}) for name, forms in sorted(item.entities.aliases.items()) if forms - {name}
        },
        "geo": {name: info for name, info in sorted(item.geo.items()) if name in names["LOC"]},
        "slug": slug,
        "source": {"path": item.source, "url": draft.url, "sha256": draft.sha256},
    }
    merged = {**generated, **{k: v for k, v in fields.items() if k != "date"}}
    merged["date"] = item.date
    return merged


def _key(draft: Draft, fields: dict) -> str:
    """Everything a file is made from: its fields and the draft's body as the reader found it."""
    body = draft.body_markdown if draft.body_markdown is not None else [(b.kind, b.text) for b in draft.blocks]
    data = json.dumps([_render_code(), __version__, yaml.__version__, fields, body],
                      ensure_ascii=False, sort_keys=True, default=repr)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def _render_code() -> str:
    """A hash of the code that turns fields and body into a file: a remembered file is reused only
    when that code is the one that rendered it."""
    package = Path(__file__).resolve().parent.parent
    return hashlib.sha256(b"".join((package / name).read_bytes() for name in RENDER_CODE)).hexdigest()


def _render(item: Resolved, fields: dict) -> str:
    front_matter = validate_front_matter(fields, item.source)
    draft = item.draft
    body = draft.body_markdown if draft.body_markdown is not None else render_blocks(draft.blocks)
    return render_article_file(front_matter, body)
