"""JSON Lines and JSON exports: one article per record."""

from __future__ import annotations

import json
from typing import Any

from news_archive.core.article import Block, Draft
from news_archive.core.errors import ArticleError
from news_archive.readers.fields import checked_fields


def read_records(text: str, path: str, json_lines: bool) -> list[Draft | ArticleError]:
    """Every record as a draft, or as the error that record has; one bad record spoils no other."""
    records = _parse_lines(text, path) if json_lines else _parse_document(text, path)
    return [_draft_or_error(record, path, number) for number, record in records]


def _parse_lines(text: str, path: str) -> list[tuple[int, Any]]:
    records: list[tuple[int, Any]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            records.append((number, json.loads(line)))
        except json.JSONDecodeError as error:
            records.append((number, ArticleError(f"{path}#{number}", f"invalid JSON: {error.msg}")))
        except RecursionError:
            records.append((number, ArticleError(f"{path}#{number}", "JSON nested too deeply")))
    return records


def _parse_document(text: str, path: str) -> list[tuple[int, Any]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ArticleError(path, f"invalid JSON: {error.msg} at line {error.lineno}") from None
    except RecursionError:
        raise ArticleError(path, "JSON nested too deeply") from None
    items = data if isinstance(data, list) else data.get("articles", [data]) if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise ArticleError(path, "JSON must hold an article object or a list of them")
    return list(enumerate(items, start=1))


def _draft_or_error(record: Any, path: str, number: int) -> Draft | ArticleError:
    label = f"{path}#{number}"
    if isinstance(record, ArticleError):
        return record
    try:
        draft = _draft(record, path, label)
    except ArticleError as error:
        return error
    draft.record = number
    return draft


def _draft(record: Any, path: str, label: str) -> Draft:
    if not isinstance(record, dict):
        raise ArticleError(label, "record is not a JSON object")
    try:
        record = checked_fields(record, "")
    except ValueError as error:
        raise ArticleError(label, f"invalid record: {error}") from None
    for name in ("url", "language"):
        if record.get(name) is not None and not isinstance(record[name], str):
            raise ArticleError(label, f"record field {name!r} must be a string")
    title = record.get("title")
    if not isinstance(title, str) or not title.strip():
        raise ArticleError(label, "record has no 'title'")
    if isinstance(record.get("html"), str):
        from news_archive.readers.html import read_html

        draft = read_html(record["html"], label)
        draft.title = " ".join(title.split())
    elif isinstance(record.get("text"), str):
        paragraphs = [" ".join(p.split()) for p in record["text"].replace("\r", "").split("\n")]
        draft = Draft(source_path=path, sha256="", title=" ".join(title.split()),
                      blocks=[Block("paragraph", p) for p in paragraphs if p])
    else:
        raise ArticleError(label, "record has neither 'text' nor 'html'")
    draft.source_path = path
    authors = record.get("authors") or record.get("author") or []
    if isinstance(authors, str):
        authors = [authors]
    if not isinstance(authors, list) or not all(isinstance(a, str) for a in authors):
        raise ArticleError(label, "record field 'authors' must be a string or a list of strings")
    draft.authors = authors
    draft.url = record.get("url") if isinstance(record.get("url"), str) else draft.url
    draft.language = record.get("language") if isinstance(record.get("language"), str) else draft.language
    if record.get("date") is not None:
        draft.fields["date"] = record["date"]
    if not draft.blocks:
        raise ArticleError(label, "record has no text")
    return draft
