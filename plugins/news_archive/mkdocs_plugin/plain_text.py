"""Python-Markdown spared its inline patterns on text none of them can match.

Python-Markdown's ``InlineProcessor`` tries every inline pattern (code, escapes, links, images,
autolinks, raw HTML, entities, emphasis, line breaks) on the text of every paragraph, heading and
list item: about a third of the time MkDocs spends converting a news article, whose paragraphs are
plain prose. A pattern of Python-Markdown's own cannot match a text that has none of the characters
it starts with (``TRIGGER``), so for such a text the processor changes nothing. ``PlainTextExtension``
marks those texts as ``AtomicString`` (Python-Markdown's "not to be processed inline") right before
the inline step.

It does so only while the Markdown instance has nothing but known parts: inline patterns exactly
Python-Markdown's defaults (name, class and expression), and tree processors that treat an
``AtomicString`` like any string (``KNOWN_TREEPROCESSORS``). With any other extension that adds an
inline pattern or a tree processor (``abbr``, ``smarty``, ``pymdownx.*``…) it marks nothing, for that
page, and the page converts exactly as without it.
"""

from __future__ import annotations

import re
from functools import cache

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

NAME = "news_archive_plain_text"
# What a default inline pattern needs to match: code `, escape \, emphasis * _, links and images [,
# autolinks, mail and raw HTML <, entities &, a line break (two spaces before a newline); STX/ETX
# delimit Python-Markdown's placeholders.
TRIGGER = re.compile(r"[`\\*_\[<&\x02\x03]|  \n")
# The default inline patterns of Python-Markdown 3.x that TRIGGER covers; a version with another
# default pattern turns the marker off until it is added here.
KNOWN_INLINE = frozenset({"backtick", "escape", "reference", "link", "image_link", "image_reference",
                          "short_reference", "short_image_ref", "autolink", "automail", "linebreak", "html",
                          "entity", "not_strong", "em_strong", "em_strong2"})
# Tree processors (registered name, module, class) that read text without regard to AtomicString.
KNOWN_TREEPROCESSORS = frozenset({
    (NAME, __name__, "PlainTextMarker"),
    ("inline", "markdown.treeprocessors", "InlineProcessor"),
    ("prettify", "markdown.treeprocessors", "PrettifyTreeprocessor"),
    ("unescape", "markdown.treeprocessors", "UnescapeTreeprocessor"),
    ("toc", "markdown.extensions.toc", "TocTreeprocessor"),
    ("attr_list", "markdown.extensions.attr_list", "AttrListTreeprocessor"),
    ("relpath", "mkdocs.structure.pages", "_RelativePathTreeprocessor"),
    ("mkdocs_extract_anchors", "mkdocs.structure.pages", "_ExtractAnchorsTreeprocessor"),
    ("mkdocs_extract_title", "mkdocs.structure.pages", "_ExtractTitleTreeprocessor"),
})


# A Registry lists its items by name only in ``_data`` (Python-Markdown 3.x; MkDocs pins 3.3.6+).
def _inline_signature(md: markdown.Markdown) -> tuple:
    return tuple((name, type(pattern), getattr(pattern, "compiled_re", None) and pattern.compiled_re.pattern)
                 for name, pattern in md.inlinePatterns._data.items())


@cache
def _default_inline_signature() -> tuple:
    return _inline_signature(markdown.Markdown())


def unknown_parts(md: markdown.Markdown) -> list[str]:
    """What keeps the marker off: tree processors not known to be safe, inline patterns not the defaults."""
    unknown = [f"tree processor {name}" for name, p in md.treeprocessors._data.items()
               if (name, type(p).__module__, type(p).__name__) not in KNOWN_TREEPROCESSORS]
    signature = _inline_signature(md)
    if signature != _default_inline_signature() or not {name for name, *_ in signature} <= KNOWN_INLINE:
        unknown.append("inline patterns other than Python-Markdown's own")
    return unknown


class PlainTextMarker(Treeprocessor):
    """Before the inline step: the texts no inline pattern can match become ``AtomicString``."""

    def __init__(self, md: markdown.Markdown, extension: PlainTextExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root) -> None:
        if unknown := unknown_parts(self.md):
            self.extension.unknown.update(unknown)
            return
        marked = 0
        for element in root.iter():
            text = element.text
            if text and not isinstance(text, AtomicString) and not TRIGGER.search(text):
                element.text = AtomicString(text)
                marked += 1
        self.extension.marked += marked


class PlainTextExtension(Extension):
    """``markdown.Markdown(extensions=[PlainTextExtension()])``; ``marked`` counts the texts spared,
    ``unknown`` names the parts that kept it off (on some page), over every instance it extended."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.marked = 0
        self.unknown: set[str] = set()

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(PlainTextMarker(md, self), NAME, 20.5)  # right before inline (20)
