"""Generated pages in MkDocs: no Markdown to convert, and one theme rendering shared by many.

Entity, archive and index pages are HTML from the start, so ``GeneratedPage`` skips reading and
converting Markdown. Thousands of them differ, as far as the theme is concerned, only in title,
URL and content; ``ThemeShell`` renders the theme's ``main.html`` once per shape of page (folder
depth, page metadata, whether the content has its own ``<h1>``) with marker values and fills the
real values into that shell. Each shell is checked when it is made: a second probe with other
values must come out the same as the first shell filled with them, or that shape of page is
rendered by the theme as usual.
"""

from __future__ import annotations

import re
from html import escape

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

SHELL_TEMPLATE = "news-archive/shell.html"
SHELL_FUNCTION = "news_archive_shell"
_MARK = "naxshell"
_PROBES = {  # values of two probes; the second has characters a filter would change
    "a": {"title": f"{_MARK}titlea", "content": f"<p>{_MARK}contenta</p>", "segment": f"{_MARK}ua"},
    "b": {"title": f"{_MARK}titleb &amp; &lt;i&gt;", "content": f'<p class="x">{_MARK}contentb &amp; <b>b</b></p>',
          "segment": f"{_MARK}ub"},
}


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


class ThemeShell:
    """Renders pages of the same shape by filling one checked theme rendering (see module doc)."""

    def __init__(self, env: jinja2.Environment, config: MkDocsConfig, files) -> None:
        self.env = env
        self.config = config
        # Relative links from a page depend on the folders it shares with their targets: a probe
        # keeps the leading folders of the real page that any nav page or static file also has.
        self._folders = {""}
        for file in files:
            if file.is_documentation_page() and not file.inclusion.is_in_nav():
                continue
            parts = file.url.split("/")[:-1]
            self._folders.update("".join(p + "/" for p in parts[:n]) for n in range(1, len(parts) + 1))
        self._shells: dict[tuple, list[str] | None] = {}
        env.loader = jinja2.ChoiceLoader([env.loader, jinja2.DictLoader({SHELL_TEMPLATE: "{{ %s() }}" % SHELL_FUNCTION})])
        env.globals[SHELL_FUNCTION] = jinja2.pass_context(lambda context: self._render(context))

    def _render(self, context: jinja2.runtime.Context) -> str:
        page = context["page"]
        values = context.get_all()
        folder, depth = self._shared_folder(page.file.src_uri)
        if depth == 0:
            return self.env.get_template("main.html").render(values)
        has_h1 = "<h1" in page.content
        key = (folder, depth, has_h1, repr(sorted((k, v) for k, v in page.meta.items() if k != "title")))
        if key not in self._shells:
            self._shells[key] = self._make_shell(values, page, folder, depth, has_h1)
        parts = self._shells[key]
        if parts is None:
            return self.env.get_template("main.html").render(values)
        fill = {f"{_MARK}:title": page.meta.get("title", ""), f"{_MARK}:url": page.url, f"{_MARK}:content": page.content}
        return "".join(fill.get(part, part) for part in parts)

    def _shared_folder(self, src_uri: str) -> tuple[str, int]:
        """The page's leading folders that other files share, and how many folders follow."""
        parts = src_uri.split("/")[:-1]
        shared = 0
        while shared < len(parts) and "".join(p + "/" for p in parts[: shared + 1]) in self._folders:
            shared += 1
        return "".join(p + "/" for p in parts[:shared]), len(parts) - shared

    def _make_shell(self, values: dict, page: Page, folder: str, depth: int, has_h1: bool) -> list[str] | None:
        """The shell as parts (markers stand alone), or None when filling would not match the theme."""
        shells = {}
        for name, probe in _PROBES.items():
            content = probe["content"] + ("<h1>h</h1>" if has_h1 else "")
            probe_page = self._probe_page(page, probe, folder, depth, content)
            shells[name] = (self.env.get_template("main.html").render({**values, "page": probe_page}), probe_page, content)
        (text_a, page_a, content_a), (text_b, page_b, content_b) = shells["a"], shells["b"]
        markers = {page_a.meta["title"]: f"{_MARK}:title", page_a.url: f"{_MARK}:url", content_a: f"{_MARK}:content"}
        pattern = re.compile("|".join(re.escape(m) for m in sorted(markers, key=len, reverse=True)))
        parts = [markers.get(piece, piece) for piece in _split_keep(pattern, text_a)]
        fill = {f"{_MARK}:title": page_b.meta["title"], f"{_MARK}:url": page_b.url, f"{_MARK}:content": content_b}
        if "".join(fill.get(p, p) for p in parts) != text_b or _MARK + "u" in "".join(p for p in parts if p not in fill):
            return None
        return parts

    def _probe_page(self, page: Page, probe: dict, folder: str, depth: int, content: str) -> Page:
        src = folder + "/".join(f"{probe['segment']}{n}" for n in range(depth)) + "/index.md"
        probe_page = GeneratedPage(File.generated(self.config, src, content=""), self.config,
                                   {**page.meta, "title": probe["title"]})
        probe_page.read_source(self.config)
        probe_page.render(self.config, None)
        probe_page.content = content
        probe_page.active = True
        return probe_page


def _split_keep(pattern: re.Pattern, text: str) -> list[str]:
    pieces, at = [], 0
    for match in pattern.finditer(text):
        pieces += [text[at:match.start()], match.group(0)]
        at = match.end()
    pieces.append(text[at:])
    return pieces
