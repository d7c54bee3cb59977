"""Link the first mention of each entity in an article's HTML body.

Works on the HTML that Markdown produced: text outside headings, links, code and scripts is
searched for each entity's surface forms (longest first, whole words); only the first mention
of each entity becomes a link.
"""

from __future__ import annotations

import re
from html import escape

_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)\s*>")
SKIP_TAGS = frozenset({"a", "code", "pre", "kbd", "samp", "script", "style", "textarea", "svg", "button",
                       "h1", "h2", "h3", "h4", "h5", "h6", "title"})


def link_first_mentions(html: str, targets: list[tuple[str, list[str], str, str]]) -> str:
    """``targets``: ``(key, surface forms, href, css class)`` per entity, in any order."""
    by_form: dict[str, int] = {}
    for index, (_, forms, _, _) in enumerate(targets):
        for form in forms:
            if form.strip():
                by_form.setdefault(escape(form, quote=False), index)
    if not by_form:
        return html
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(f) for f in sorted(by_form, key=len, reverse=True)) + r")(?!\w)"
    )
    linked: set[int] = set()

    def replace(match: re.Match) -> str:
        index = by_form[match.group(1)]
        if index in linked:
            return match.group(0)
        linked.add(index)
        _, _, href, css = targets[index]
        return f'<a class="{escape(css)}" href="{escape(href)}">{match.group(0)}</a>'

    out, skip = [], 0
    for piece in _TAG.split(html):
        if piece.startswith("<"):
            skip += _depth_change(piece)
            out.append(piece)
        elif piece and skip <= 0 and len(linked) < len(targets):
            out.append(pattern.sub(replace, piece))
        else:
            out.append(piece)
    return "".join(out)


def _depth_change(tag: str) -> int:
    match = _TAG_NAME.match(tag)
    if not match or match.group(2).lower() not in SKIP_TAGS or match.group(3):
        return 0
    return -1 if match.group(1) else 1
