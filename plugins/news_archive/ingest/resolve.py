"""Resolve what a reader left open: sidecar overrides, the date (first found wins), the language."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from news_archive.core.article import Draft
from news_archive.core.dates import date_from_file_name, parse_date_value
from news_archive.core.errors import ArticleError
from news_archive.readers.sidecar import SIDECAR_FIELDS

log = logging.getLogger(__name__)
TAG_FIELDS = ("people", "places", "organizations", "topics")  # kept as hand-set tags, not draft attributes


def apply_sidecar(draft: Draft, sidecar: dict) -> None:
    for name in SIDECAR_FIELDS - {"date", *TAG_FIELDS}:  # the date is resolved with the others
        if sidecar.get(name) is not None:
            setattr(draft, name, sidecar[name])
    for name in TAG_FIELDS:
        if sidecar.get(name) is not None:
            draft.fields[name] = sidecar[name]


def resolve_date(
    draft: Draft, source: Path, sidecar: dict, zone: ZoneInfo, default_date: str | None
) -> tuple[datetime, str]:
    """The publication date and where it came from; the chain is documented in the README."""
    candidates = [
        (sidecar.get("date"), "sidecar"),
        (draft.fields.get("date"), "record" if draft.record is not None else "front_matter"),
        (draft.dateline if draft.date_source == "html" else None, "html"),
        (draft.dateline if draft.date_source == "dateline" else None, "dateline"),
    ]
    for value, origin in candidates:
        if value is None:
            continue
        parsed = parse_date_value(value, zone)
        if parsed is None and origin in ("sidecar", "front_matter", "record"):
            raise ArticleError(draft.label, f"unreadable date {value!r} in the {origin.replace('_', ' ')}")
        if parsed is not None:
            return parsed, origin
    from_name = date_from_file_name(source.name, zone)
    if from_name is not None:
        return from_name, "file_name"
    if default_date is not None:
        parsed = parse_date_value(default_date, zone)
        if parsed is None:
            raise ArticleError(draft.label, f"unreadable --default-date {default_date!r}")
        return parsed, "default"
    log.warning("%s: no date found; using the file's modification time", draft.label)
    return datetime.fromtimestamp(source.stat().st_mtime, tz=zone).replace(microsecond=0), "mtime"


def detect_language(text: str, fallback: str = "de") -> str:
    """ISO 639-1 code of the text's language (py3langid, offline); ``fallback`` for tiny texts."""
    import py3langid

    sample = text[:2000]  # plenty for an article's language; the cost grows with the length
    if len(sample.strip()) < 20:
        return fallback
    language, _ = py3langid.classify(sample)
    return language
