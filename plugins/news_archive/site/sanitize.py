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
    "*": {"class", "id", "title", "lang"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto"}


_CLEANER = nh3.Cleaner(tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=None)  # set up once


def sanitize_html(html: str) -> str:
    """Only harmless markup survives: no script, style, iframe, form, event handler or script URL."""
    return _CLEANER.clean(html)
