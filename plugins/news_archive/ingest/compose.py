"""Compose generated articles: front matter and body for each resolved draft, slugs made unique."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import PurePosixPath

from news_archive.core.article import Draft
from news_archive.core.entities import TYPE_FIELDS, ArticleEntities
from news_archive.core.frontmatter import render_article_file, validate_front_matter
from news_archive.core.markdown import render_blocks
from news_archive.core.schema import FrontMatter
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
    front_matter: FrontMatter


def compose_outputs(items: list[Resolved]) -> tuple[list[Output], list[tuple[Resolved, Exception]]]:
    folders = {item.id: f"{item.date:%Y/%m}" for item in items}
    slugs = assign_unique_slugs([(item.id, folders[item.id], make_slug(item.draft.title)) for item in items])
    outputs, failures = [], []
    for item in items:
        try:
            outputs.append(_compose(item, slugs[item.id], folders[item.id]))
        except Exception as error:  # noqa: BLE001 - reported per article, the rest still builds
            failures.append((item, error))
    return outputs, failures


def _compose(item: Resolved, slug: str, folder: str) -> Output:
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
    front_matter = validate_front_matter(merged, item.source)
    body = draft.body_markdown if draft.body_markdown is not None else render_blocks(draft.blocks)
    return Output(str(PurePosixPath(folder) / f"{slug}.md"), render_article_file(front_matter, body), front_matter)
