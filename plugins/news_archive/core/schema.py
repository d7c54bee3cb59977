"""The one front-matter schema, shared by the ingest writer and the site reader.

Version 1. Validated when written and when read; dates are normalised once, to timezone-aware
datetimes. Fields the schema does not know (set by hand in Markdown sources) are kept.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

SCHEMA_VERSION = 1
DATE_SOURCES = ("sidecar", "front_matter", "record", "html", "dateline", "file_name", "default", "mtime")
ENTITY_FIELDS = ("people", "places", "organizations", "topics")


class SourceInfo(BaseModel):
    model_config = ConfigDict(extra="forbid")

    path: str
    url: str | None = None
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")


class PlaceInfo(BaseModel):
    model_config = ConfigDict(extra="forbid")

    country: str | None = None
    lat: float | None = None
    lon: float | None = None


class FrontMatter(BaseModel):
    """Front matter of one generated article (``site_src/articles/YYYY/MM/<slug>.md``)."""

    model_config = ConfigDict(extra="allow")

    schema_: Literal[1] = Field(default=SCHEMA_VERSION, alias="schema")
    id: str = Field(pattern=r"^[0-9a-f]{16}$")
    title: str = Field(min_length=1)
    kicker: str | None = None  # the roofline printed above the headline
    date: datetime
    date_source: Literal[DATE_SOURCES]  # type: ignore[valid-type]
    language: str = Field(pattern=r"^[a-z]{2,3}$")
    authors: list[str] = []
    publisher: str | None = None
    section: str | None = None  # the publisher's section ("Politik")
    modified: datetime | None = None  # last update, as the page states it
    summary: list[str] = []
    image_caption: str | None = None
    people: list[str] = []
    places: list[str] = []
    organizations: list[str] = []
    topics: list[str] = []
    aliases: dict[str, list[str]] = {}
    geo: dict[str, PlaceInfo] = {}
    slug: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    source: SourceInfo

    @field_validator("date")
    @classmethod
    def _timezone_aware(cls, value: datetime) -> datetime:
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("date must carry a time zone")
        return value

    @field_validator("title")
    @classmethod
    def _one_line(cls, value: str) -> str:
        if "\n" in value or "\r" in value:
            raise ValueError("title must be one line")
        return value


def format_validation_error(error: ValidationError) -> str:
    """All problems of a front matter in one line: 'field: reason; field: reason'."""
    parts = []
    for item in error.errors():
        where = ".".join(str(p) for p in item["loc"]) or "front matter"
        parts.append(f"{where}: {item['msg']}")
    return "; ".join(parts)
