"""Typed settings of the ingest step, read from the plugin's ``ingest:`` block in mkdocs.yml."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from news_archive.core.errors import ConfigError
from news_archive.core.schema import format_validation_error
from news_archive.nlp import DEFAULT_MODELS

DEFAULT_MODEL = DEFAULT_MODELS["de"]
DEFAULT_IGNORE = ["README*", "LICENSE*", "*.meta.yml", ".*", "_*"]


class IngestSettings(BaseModel):
    """Where articles come from, where they go, and how they are dated and tagged.

    Relative paths are relative to the folder holding mkdocs.yml.
    """

    model_config = ConfigDict(extra="forbid")

    content_dir: str = "content"
    articles_dir: str = "site_src/articles"
    cache_dir: str = ".news-archive-cache"
    timezone: str = "Europe/Berlin"
    languages: list[str] = ["de", "en"]
    # A place named in articles of several languages is one entity, shown in this language
    # (default: the first of ``languages``).
    site_language: str | None = None
    model: dict[str, str | None] = Field(default_factory=lambda: dict(DEFAULT_MODELS))
    default_date: str | None = None
    entities_file: str = "entities.yml"
    taxonomy_file: str | None = None
    ignore: list[str] = Field(default_factory=lambda: list(DEFAULT_IGNORE))
    workers: int = Field(default_factory=lambda: os.cpu_count() or 1, ge=0)  # 0: the model runs in this process
    batch_size: int = Field(default=32, ge=1)
    executor: Literal["local", "dask"] = "local"
    dask_scheduler: str | None = None  # e.g. tcp://scheduler:8786; None starts a LocalCluster

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r}") from None
        return value

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


def load_ingest_settings(values: dict[str, Any] | None, where: str) -> IngestSettings:
    try:
        return IngestSettings.model_validate(values or {})
    except ValidationError as error:
        raise ConfigError(f"{where}: news-archive ingest: {format_validation_error(error)}") from None


def resolve(base: Path, value: str) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else base / path
