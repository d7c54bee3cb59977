"""Article bodies are input: the HTML Markdown made of them is cleaned before it is shown.

Generated bodies are escaped at ingest already; a Markdown source keeps its body verbatim, and
its raw HTML could carry scripts, event handlers or ``javascript:`` links. nh3 (ammonia) keeps
the tags Markdown produces and drops everything that could run.
"""

from __future__ import annotations

import nh3

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl", "dt", "em",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark",
    "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "u", "ul",
}
ATTRIBUTES = {
    "*": {"class", "title", "lang"},  # no id or name: they would clobber the theme's DOM
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto"}


HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
for _tag in HEADINGS:
    ATTRIBUTES[_tag] = {"id"}  # the table-of-contents anchors Markdown gives headings


def _keep_attribute(tag: str, name: str, value: str) -> str | None:
    # An id is a global name in the page (DOM clobbering: <p id="__config"> shadows the theme's
    # config); only heading anchors survive, never one the theme's ids could share ("__…").
    if name == "id" and (tag not in HEADINGS or value.startswith("_")):
        return None
    return value


_CLEANER = nh3.Cleaner(tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=None,
                       attribute_filter=_keep_attribute)  # set up once


def sanitize_html(html: str) -> str:
    """Only harmless markup survives: no script, style, iframe, form, event handler or script URL."""
    return _CLEANER.clean(html)


# Material keys an article's front matter may set, each with its type; everything else (template,
# description, author, unknown fields) is dropped: the theme prints them unescaped into <head>.
HIDE_VALUES = {"navigation", "toc", "footer", "tags", "feedback"}


def safe_page_meta(meta: dict, title: str) -> dict:
    """The page metadata a theme gets for an article: the escaped title, the archive's own schema
    fields (validated when written and read: a theme may show ``page.meta.people``), and Material's
    safe keys type-checked. Unknown fields (``description``, ``author``, ``template``,
    ``location``) never reach the theme, which prints some of them unescaped."""
    from html import escape

    from news_archive.core.schema import FrontMatter

    own = {field.alias or name for name, field in FrontMatter.model_fields.items()} - {"title"}
    safe: dict = {key: value for key, value in meta.items() if key in own}
    safe["title"] = escape(title)
    hide = meta.get("hide")
    if isinstance(hide, list):
        safe["hide"] = [h for h in hide if isinstance(h, str) and h in HIDE_VALUES]
    search = meta.get("search")
    if isinstance(search, dict):
        kept = {k: v for k, v in search.items() if (k == "exclude" and isinstance(v, bool))
                or (k == "boost" and isinstance(v, (int, float)) and not isinstance(v, bool))}
        if kept:
            safe["search"] = kept
    return safe
