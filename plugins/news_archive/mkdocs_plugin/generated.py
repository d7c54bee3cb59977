"""Generated pages in MkDocs: no Markdown to convert.

Entity, archive and index pages are HTML from the start, so ``GeneratedPage`` skips reading and
converting Markdown; with ``page_shell`` they name the template that fills them into one theme
rendering per shape of page (``theme_shell``).
"""

from __future__ import annotations

from html import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

SHELL_TEMPLATE = "news-archive/shell.html"  # the template ``ThemeShell`` answers


class GeneratedPage(Page):
    """A page whose content the plugin renders as HTML: nothing to read, nothing to convert."""

    def __init__(self, file: File, config: MkDocsConfig, meta: dict) -> None:
        super().__init__(None, file, config)
        self._meta = meta

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown, self.meta = "", dict(self._meta)

    def render(self, config: MkDocsConfig, files) -> None:
        self.content = ""  # the plugin's on_page_content adds the rendered HTML
        self.toc = get_toc([])
        self._title_from_render = None
        self.present_anchor_ids = set()
        self.links_to_anchors = {}


def generated_meta(title: str, search: bool, shell: bool) -> dict:
    """A generated page's metadata: its (escaped) title, search exclusion, the shell template."""
    meta: dict = {"title": escape(title)}
    if not search:
        meta["search"] = {"exclude": True}
    if shell:
        meta["template"] = SHELL_TEMPLATE
    return meta
