"""Every reader against hand-reviewed expected output: goldens/<case>/input.<ext> → expected.yml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from news_archive.core.article import Draft
from news_archive.core.errors import ArticleError
from news_archive.core.markdown import render_blocks
from news_archive.readers import read_source

GOLDENS = Path(__file__).parent / "goldens"
CASES = sorted(p for p in GOLDENS.iterdir() if p.is_dir())


def describe(item: Draft | ArticleError) -> dict:
    """What a reader found, in a stable and readable order (empty fields left out)."""
    if isinstance(item, ArticleError):
        return {"error": str(item)}
    fields = {
        "title": item.title,
        "dateline": item.dateline,
        "date_source": item.date_source,
        "image_caption": item.image_caption,
        "summary": item.summary,
        "authors": item.authors,
        "url": item.url,
        "language": item.language,
        "publisher": item.publisher,
        "fields": {k: v for k, v in item.fields.items() if k not in ("title",)} or None,
        "body": item.body_markdown if item.body_markdown is not None else render_blocks(item.blocks),
    }
    return {k: v for k, v in fields.items() if v not in (None, [], "")}


def read_case(case: Path) -> list[dict]:
    source = next(case.glob("input.*"))
    return [describe(item) for item in read_source(source.read_bytes(), f"{case.name}/{source.name}")]


def dump(data: list[dict]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_reader_golden(case: Path, update_goldens: bool) -> None:
    actual = dump(read_case(case))
    expected_path = case / "expected.yml"
    if update_goldens:
        expected_path.write_text(actual, encoding="utf-8")
    assert expected_path.exists(), f"no {expected_path}: run pytest tests/readers --update-goldens and review"
    assert actual == expected_path.read_text(encoding="utf-8")


def test_every_reader_has_a_golden() -> None:
    suffixes = {next(c.glob("input.*")).suffix for c in CASES}
    assert {".txt", ".html", ".md", ".jsonl", ".json"} <= suffixes
