"""Render article bodies to Markdown: `##` subheadings, paragraphs in order, nothing injected."""

from __future__ import annotations

import re

from news_archive.core.article import Block

_INLINE_SPECIALS = re.compile(r"([\\`*_\[\]|])")
_BLOCK_START = re.compile(r"^[#+\-~:]")
_ORDERED_ITEM = re.compile(r"^(\s*\d+)([.)]\s)")


def escape_markdown(text: str) -> str:
    """Escape text so Markdown shows it literally: no markup, no raw HTML, no block syntax."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE_SPECIALS.sub(r"\\\1", text)
    text = _ORDERED_ITEM.sub(r"\1\\\2", text)
    return _BLOCK_START.sub(lambda m: f"&#{ord(m.group(0))};", text)


def render_blocks(blocks: list[Block]) -> str:
    """The body of a generated article: one block per paragraph or `##` subheading."""
    out = []
    for block in blocks:
        text = escape_markdown(block.text)
        if not text:
            continue
        out.append(f"## {text}" if block.kind == "heading" else text)
    return "\n\n".join(out) + "\n" if out else ""
