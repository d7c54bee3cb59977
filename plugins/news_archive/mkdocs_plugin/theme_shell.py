"""One theme rendering shared by many pages: fill title, URL, content and table of contents into it.

Thousands of archive pages (articles, entity, archive and index pages) differ, as far as the theme
is concerned, only in title, URL, content and table of contents. ``ThemeShell`` renders the theme's
``main.html`` once per *shape* of page (folder depth, page metadata, whether the content has its
own ``<h1>``, whether there is a table of contents) with marker values, and fills the real values
into that shell. The table of contents is rendered on its own (the theme's ``partials/toc.html``,
as ``main.html`` includes it).

Each shell is checked when it is made: a second probe with other values (other title, URL, content,
a deeper table of contents, and other values for the per-article metadata the plugin writes)
must come out the same as the first shell filled with them, or that shape of page is rendered by
the theme as usual. So is any page the shell cannot stand for: an edit link, a place in the
navigation, a table of contents whose first heading is an ``<h1>``.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from news_archive.mkdocs_plugin.generated import SHELL_TEMPLATE, GeneratedPage

SHELL_FUNCTION = "news_archive_shell"
TOC_TEMPLATE = "news-archive/toc.html"
TOC_SOURCE = '{% import "partials/language.html" as lang with context %}{% include "partials/toc.html" %}'
MAX_SHAPES = 64  # past this many shapes pages are rendered by the theme (metadata that differs per page)
_MARK = "naxshell"
_PROBES = {  # values of two probes; the second has characters a filter would change and a deeper toc
    "a": {"title": f"{_MARK}titlea", "content": f"<p>{_MARK}contenta</p>", "segment": f"{_MARK}ua",
          "toc": [{"level": 2, "id": f"{_MARK}toca", "name": f"{_MARK}toctitlea", "children": []}]},
    "b": {"title": f"{_MARK}titleb &amp; &lt;i&gt;", "content": f'<p class="x">{_MARK}contentb &amp; <b>b</b></p>',
          "segment": f"{_MARK}ub",
          "toc": [{"level": 2, "id": f"{_MARK}tocb1", "name": f"{_MARK}tocb &amp; <code>c</code>", "children": [
                      {"level": 3, "id": f"{_MARK}tocb2", "name": "d", "children": []}]},
                  {"level": 2, "id": f"{_MARK}tocb3", "name": "e", "children": []}]},
}


class _Shape(NamedTuple):
    """What the theme's rendering of a page depends on besides the values filled into the shell."""

    folder: str  # leading folders shared with nav pages or static files
    depth: int  # folders after those
    index: bool  # an index page (``index.md``) rather than a named one
    has_h1: bool
    has_toc: bool
    meta: str  # the metadata apart from the title and the varying values
    varying: tuple[str, ...]  # which varying keys the page has


class ThemeShell:
    """Renders pages of the same shape by filling one checked theme rendering (see module doc).

    ``varying``: metadata keys whose values differ from page to page (an article's people, date,
    source...); they are not part of a page's shape, and the probes give them other values each
    to check that the theme does not show them.
    """

    def __init__(self, env: jinja2.Environment, config: MkDocsConfig, files, varying: frozenset[str] = frozenset()):
        self.env = env
        self.config = config
        self.varying = varying
        # Relative links from a page depend on the folders it shares with their targets: a probe
        # keeps the leading folders of the real page that any nav page or static file also has.
        self._folders = {""}
        for file in files:
            if file.is_documentation_page() and not file.inclusion.is_in_nav():
                continue
            parts = file.url.split("/")[:-1]
            self._folders.update("".join(p + "/" for p in parts[:n]) for n in range(1, len(parts) + 1))
        self._shells: dict[_Shape, list[str] | None] = {}
        templates = {SHELL_TEMPLATE: "{{ %s() }}" % SHELL_FUNCTION, TOC_TEMPLATE: TOC_SOURCE}
        env.loader = jinja2.ChoiceLoader([env.loader, jinja2.DictLoader(templates)])
        env.globals[SHELL_FUNCTION] = jinja2.pass_context(lambda context: self._render(context))

    def _render(self, context: jinja2.runtime.Context) -> str:
        page = context["page"]
        values = context.get_all()
        shape = self._shape(page)
        if shape is None:
            return self._theme(values)
        if shape not in self._shells:
            if len(self._shells) >= MAX_SHAPES:
                return self._theme(values)
            self._shells[shape] = self._make_shell(values, page, shape)
        parts = self._shells[shape]
        if parts is None:
            return self._theme(values)
        fill = {f"{_MARK}:title": page.meta.get("title", ""), f"{_MARK}:url": page.url, f"{_MARK}:content": page.content}
        if page.toc:
            fill[f"{_MARK}:toc"] = self._toc(values)
            fill[f"{_MARK}:anchor"] = page.toc.items[0].url
        return "".join(fill.get(part, part) for part in parts)

    def _theme(self, values: dict) -> str:
        return self.env.get_template("main.html").render(values)

    def _toc(self, values: dict) -> str:
        """The table of contents as ``main.html`` includes it (Material's ``partials/toc.html``)."""
        return self.env.get_template(TOC_TEMPLATE).render(values)

    def _shape(self, page: Page) -> _Shape | None:
        """What the theme's rendering depends on besides the filled values; None: render as usual."""
        if page.edit_url or page.previous_page or page.next_page or page.is_homepage or page.parent:
            return None
        if page.toc and page.toc.items[0].level == 1:  # the theme shows the children of an <h1> instead
            return None
        folder, depth = self._shared_folder(page.file.src_uri)
        if depth == 0:
            return None
        index = page.file.name in ("index", "README")
        meta = sorted((k, v) for k, v in page.meta.items() if k != "title" and k not in self.varying)
        varying = sorted(self.varying & page.meta.keys())  # which, not their values: the probes vary those
        return _Shape(folder, depth, index, "<h1" in page.content, bool(page.toc), repr(meta), tuple(varying))

    def _shared_folder(self, src_uri: str) -> tuple[str, int]:
        """The page's leading folders that other files share, and how many folders follow."""
        parts = src_uri.split("/")[:-1]
        shared = 0
        while shared < len(parts) and "".join(p + "/" for p in parts[: shared + 1]) in self._folders:
            shared += 1
        return "".join(p + "/" for p in parts[:shared]), len(parts) - shared

    def _make_shell(self, values: dict, page: Page, shape: _Shape) -> list[str] | None:
        """The shell as parts (markers stand alone), or None when filling would not match the theme."""
        has_toc = shape.has_toc
        rendered = {}
        try:
            for name, probe in _PROBES.items():
                probe_page = self._probe_page(page, name, probe, shape)
                probe_values = {**values, "page": probe_page}
                toc = self._toc(probe_values) if has_toc else None
                rendered[name] = (self._theme(probe_values), probe_page, toc)
        except jinja2.TemplateNotFound:  # a theme without Material's partials: no shell for a page with a toc
            return None
        (text_a, page_a, toc_a), (text_b, page_b, toc_b) = rendered["a"], rendered["b"]
        markers = {page_a.meta["title"]: f"{_MARK}:title", page_a.url: f"{_MARK}:url", page_a.content: f"{_MARK}:content"}
        fill = {f"{_MARK}:title": page_b.meta["title"], f"{_MARK}:url": page_b.url, f"{_MARK}:content": page_b.content}
        if has_toc:
            if text_a.count(toc_a) != 1:
                return None
            markers |= {toc_a: f"{_MARK}:toc", page_a.toc.items[0].url: f"{_MARK}:anchor"}
            fill |= {f"{_MARK}:toc": toc_b, f"{_MARK}:anchor": page_b.toc.items[0].url}
        pattern = re.compile("|".join(re.escape(m) for m in sorted(markers, key=len, reverse=True)))
        parts = [markers.get(piece, piece) for piece in _split_keep(pattern, text_a)]
        if "".join(fill.get(p, p) for p in parts) != text_b or _MARK in "".join(p for p in parts if p not in fill):
            return None
        return parts

    def _probe_page(self, page: Page, name: str, probe: dict, shape: _Shape) -> Page:
        segments = [f"{probe['segment']}{n}" for n in range(shape.depth + (not shape.index))]
        src = shape.folder + "/".join(segments) + ("/index.md" if shape.index else ".md")
        meta = {**page.meta, "title": probe["title"]}
        for key in self.varying & meta.keys():  # a value the theme would show comes out different
            meta[key] = f"{_MARK}meta{key}a" if name == "a" else [f"{_MARK}meta{key}b", 2]
        probe_page = GeneratedPage(File.generated(self.config, src, content=""), self.config, meta)
        probe_page.read_source(self.config)
        probe_page.render(self.config, None)
        probe_page.content = probe["content"] + ("<h1>h</h1>" if shape.has_h1 else "")
        probe_page.toc = get_toc(probe["toc"] if shape.has_toc else [])
        probe_page.active = True
        return probe_page


def _split_keep(pattern: re.Pattern, text: str) -> list[str]:
    pieces, at = [], 0
    for match in pattern.finditer(text):
        pieces += [text[at:match.start()], match.group(0)]
        at = match.end()
    pieces.append(text[at:])
    return pieces
