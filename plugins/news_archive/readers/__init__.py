"""Readers by file type: bytes in, drafts out. Each reader is a small module of its own."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from news_archive.core.article import Draft, sha256_hex
from news_archive.core.errors import ArticleError
from news_archive.readers.decoding import decode_text
from news_archive.readers.html import read_html
from news_archive.readers.markdown import read_markdown
from news_archive.readers.records import read_records
from news_archive.readers.text import read_text

READER_VERSION = 1
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_TITLE_CHARS = 500

_SINGLE: dict[str, Callable[[str, str], Draft]] = {
    ".txt": read_text,
    ".text": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".md": read_markdown,
    ".markdown": read_markdown,
}
SUFFIXES = frozenset([*_SINGLE, ".jsonl", ".json"])


def is_article_file(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES and not path.name.endswith(".meta.yml")


def read_source(data: bytes, path: str) -> list[Draft | ArticleError]:
    """All articles in one source file; a file-level problem is raised, a record-level one returned."""
    if len(data) > MAX_FILE_BYTES:
        raise ArticleError(path, f"file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    suffix = Path(path).suffix.lower()
    text = decode_text(data, path)
    digest = sha256_hex(data)
    if suffix in (".jsonl", ".json"):
        drafts = read_records(text, path, json_lines=suffix == ".jsonl")
    elif suffix in _SINGLE:
        drafts = [_SINGLE[suffix](text, path)]
    else:
        raise ArticleError(path, f"unknown file type {suffix!r}")
    return [_checked(draft, digest) for draft in drafts]


def _checked(draft: Draft | ArticleError, digest: str) -> Draft | ArticleError:
    if isinstance(draft, ArticleError):
        return draft
    if len(draft.title) > MAX_TITLE_CHARS:
        return ArticleError(draft.label, f"the title is {len(draft.title)} characters long (at most {MAX_TITLE_CHARS}): is the first line really a title?")
    draft.sha256 = digest
    return draft
