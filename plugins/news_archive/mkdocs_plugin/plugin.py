"""The MkDocs adapter: a thin plugin that hands MkDocs events to the pure core."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger

from news_archive.core.errors import ConfigError
from news_archive.settings import IngestSettings, load_ingest_settings

log = get_plugin_logger(__name__)


class NewsArchiveConfig(base.Config):
    ingest = c.Type(dict, default={})


class NewsArchivePlugin(BasePlugin[NewsArchiveConfig]):
    ingest_settings: IngestSettings

    def on_config(self, config):
        try:
            self.ingest_settings = load_ingest_settings(self.config.ingest, config.config_file_path)
        except ConfigError as error:
            raise PluginError(str(error)) from None
        return config
