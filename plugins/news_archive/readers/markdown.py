"""Markdown with front matter: the body is kept verbatim, hand-set fields win over generated ones."""

from __future__ import annotations

import re

from news_archive.core.article import Draft
from news_archive.core.errors import ArticleError
from news_archive.core.frontmatter import split_front_matter
from news_archive.readers.fields import checked_fields

_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)
LIST_FIELDS = ("authors", "summary", "people", "places", "organizations", "topics")
STRING_FIELDS = ("language", "url", "publisher", "image_caption", "template")
MATERIAL_FIELDS = {"hide": list, "search": dict}  # Material reads these itself: a wrong type crashes the build
MAX_QUOTE_DEPTH = 30
MAX_LINK_OPENERS = 5000  # "[a](" repeated makes Python-Markdown's link pattern quadratic
_DEEP_QUOTE = re.compile(r"^ {0,3}(?:> ?){%d}" % (MAX_QUOTE_DEPTH + 1), re.M)


def read_markdown(text: str, path: str) -> Draft:
    fields, body = split_front_matter(text, path)
    if fields is None:
        raise ArticleError(path, "Markdown without front matter (add at least a 'title:' between --- lines)")
    try:
        fields = checked_fields(fields, "")
    except ValueError as error:
        raise ArticleError(path, f"invalid front matter: {error}") from None
    _check_body(body, path)
    _check_types(fields, path)
    body = body.strip("\n")
    title = fields.get("title")
    if title is None:
        heading = _H1.search(body)
        if heading:
            title = heading.group(1)
            body = (body[: heading.start()] + body[heading.end():]).strip("\n")
    if not isinstance(title, str) or not title.strip():
        raise ArticleError(path, "no title: set 'title:' in the front matter")
    for name in LIST_FIELDS:
        value = fields.get(name)
        if isinstance(value, str):
            fields[name] = [value]
        elif value is not None and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            raise ArticleError(path, f"front matter field {name!r} must be a list of strings")
    return Draft(
        source_path=path,
        sha256="",
        title=" ".join(title.split()),
        body_markdown=body + "\n" if body else "",
        summary=list(fields.get("summary") or []),
        image_caption=fields.get("image_caption"),
        authors=list(fields.get("authors") or []),
        url=fields.get("url"),
        language=fields.get("language"),
        publisher=fields.get("publisher"),
        fields=fields,
    )


def _check_types(fields: dict, path: str) -> None:
    for name in STRING_FIELDS:
        if fields.get(name) is not None and not isinstance(fields[name], str):
            raise ArticleError(path, f"front matter field {name!r} must be a string")
    for name, kind in MATERIAL_FIELDS.items():
        if fields.get(name) is not None and not isinstance(fields[name], kind):
            raise ArticleError(path, f"front matter field {name!r} must be a {kind.__name__}")


def _check_body(body: str, path: str) -> None:
    if _DEEP_QUOTE.search(body):
        raise ArticleError(path, f"blockquote nested deeper than {MAX_QUOTE_DEPTH} levels")
    if body.count("](") > MAX_LINK_OPENERS:
        raise ArticleError(path, f"more than {MAX_LINK_OPENERS} link brackets '](' in the body")
