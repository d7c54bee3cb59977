"""The article model: what a reader extracts (a draft) and what ingest publishes."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

BlockKind = Literal["paragraph", "heading"]


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str


@dataclass
class Draft:
    """One article as a reader found it, before dates, language and tags are resolved.

    ``blocks`` is the body for text, HTML and JSON sources; a Markdown source keeps its body
    verbatim in ``body_markdown`` and its hand-set front matter in ``fields``.
    """

    source_path: str
    sha256: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    body_markdown: str | None = None
    summary: list[str] = field(default_factory=list)
    image_caption: str | None = None
    authors: list[str] = field(default_factory=list)
    url: str | None = None
    language: str | None = None
    publisher: str | None = None
    date: datetime | None = None
    date_source: str | None = None  # readers: where ``dateline`` came from ("html", "dateline")
    dateline: str | None = None
    fields: dict = field(default_factory=dict)
    record: int | None = None

    @property
    def label(self) -> str:
        """How messages name this draft: the file, plus the record number for JSON Lines."""
        return self.source_path if self.record is None else f"{self.source_path}#{self.record}"

    def plain_text(self) -> str:
        """Title, summary and body as plain text: the input of language detection and tagging."""
        parts = [self.title, *self.summary]
        if self.body_markdown is not None:
            parts.append(self.body_markdown)
        parts.extend(block.text for block in self.blocks)
        return "\n\n".join(p for p in parts if p)

    def content_id(self) -> str:
        """Stable id derived from the content: same title and text, same id."""
        digest = hashlib.sha256(self.plain_text().encode("utf-8")).hexdigest()
        return digest[:16]


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
