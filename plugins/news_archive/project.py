"""Find the project's mkdocs.yml and read the news-archive plugin's settings from it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from news_archive.core.errors import ConfigError
from news_archive.settings import IngestSettings, load_ingest_settings

PLUGIN_NAME = "news-archive"


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may hold tags such as !!python/name or !ENV; the ingest settings never do."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_plugin_block(config_file: Path) -> dict[str, Any]:
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)  # noqa: S506
    except FileNotFoundError:
        raise ConfigError(f"{config_file}: not found (run in the project folder or pass --config)") from None
    except yaml.YAMLError as error:
        raise ConfigError(f"{config_file}: invalid YAML: {str(error).splitlines()[0]}") from None
    for entry in (config or {}).get("plugins") or []:
        if entry == PLUGIN_NAME:
            return {}
        if isinstance(entry, dict) and PLUGIN_NAME in entry:
            return entry[PLUGIN_NAME] or {}
    if isinstance((config or {}).get("plugins"), dict) and PLUGIN_NAME in config["plugins"]:
        return config["plugins"][PLUGIN_NAME] or {}
    return {}


def load_project_settings(config_file: Path) -> IngestSettings:
    block = read_plugin_block(config_file)
    return load_ingest_settings(block.get("ingest"), str(config_file))
