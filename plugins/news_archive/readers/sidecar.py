"""Sidecar files: ``<name>.meta.yml`` beside a source overrides some of its fields."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from news_archive.core.errors import ArticleError
from news_archive.core.frontmatter import load_yaml

SIDECAR_FIELDS = frozenset({"title", "date", "url", "authors", "publisher", "language", "image_caption",
                            "summary", "people", "places", "organizations", "topics"})


def sidecar_candidates(source: Path) -> tuple[Path, Path]:
    """Where a sidecar of ``source`` may be: ``a.meta.yml`` or ``a.txt.meta.yml`` beside ``a.txt``."""
    return source.with_name(source.stem + ".meta.yml"), source.with_name(source.name + ".meta.yml")


def find_sidecar(source: Path) -> Path | None:
    return next((candidate for candidate in sidecar_candidates(source) if candidate.is_file()), None)


def read_sidecar(path: Path) -> dict[str, Any]:
    import yaml

    try:
        fields = load_yaml(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise ArticleError(path, f"broken sidecar: {str(error).splitlines()[0]}") from None
    if fields is None:
        return {}
    if not isinstance(fields, dict):
        raise ArticleError(path, "sidecar is not a mapping of fields")
    from news_archive.readers.fields import checked_fields

    try:
        fields = checked_fields(fields, "")
    except ValueError as error:
        raise ArticleError(path, f"broken sidecar: {error}") from None
    unknown = sorted(set(fields) - SIDECAR_FIELDS)
    if unknown:
        raise ArticleError(path, f"unknown sidecar field(s) {', '.join(unknown)}; allowed: {', '.join(sorted(SIDECAR_FIELDS))}")
    if isinstance(fields.get("authors"), str):
        fields["authors"] = [fields["authors"]]
    return fields
