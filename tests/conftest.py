"""Shared fixtures: the repository, ../shared when present, tiny real spaCy pipelines."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.browser_support import browser_page, chromium  # noqa: F401 - one browser for the whole session

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE = REPO / "content" / "000_9c2291f4ff7c3933.txt"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or a clean skip when this checkout has none."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available (../shared is only beside the developers' checkouts)")
    return path


def build_ruler_pipeline(folder: Path, lang: str, patterns: list[dict]) -> Path:
    """A real spaCy pipeline (tokenizer + entity_ruler) saved to disk, as ingest loads any model."""
    import spacy

    nlp = spacy.blank(lang)
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(patterns)
    nlp.meta["name"] = f"test_ruler_{lang}"
    nlp.to_disk(folder)
    return folder


REFERENCE_PATTERNS = [
    {"label": "PER", "pattern": name}
    for name in [
        "Wladimir Putin", "Putin", "Putins", "Witkoff", "Steve Witkoff", "Donald Trump", "Trump",
        "Jared Kushner", "Kushner", "Marco Rubio", "Rubio", "Juri Uschakow", "Uschakow",
        "Kirill Dmitrijew", "Dmitrijew", "Rustem Umjerow",
    ]
] + [
    {"label": "LOC", "pattern": name}
    for name in ["Russland", "Russlands", "Ukraine", "USA", "Moskau", "Kiew", "Washington", "Florida", "Donbass"]
] + [{"label": "ORG", "pattern": "Kreml"}, {"label": "ORG", "pattern": "Fox News"}]


@pytest.fixture(scope="session")
def ruler_model_de(tmp_path_factory) -> Path:
    return build_ruler_pipeline(tmp_path_factory.mktemp("ruler_de"), "de", REFERENCE_PATTERNS)


@pytest.fixture
def project(tmp_path: Path, ruler_model_de: Path) -> Path:
    """A fresh project folder: mkdocs.yml naming the test pipeline, the reference sample in content/."""
    (tmp_path / "content").mkdir()
    shutil.copy(SAMPLE, tmp_path / "content" / SAMPLE.name)
    shutil.copy(SAMPLE.with_suffix(".meta.yml"), tmp_path / "content" / SAMPLE.with_suffix(".meta.yml").name)
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Test\ndocs_dir: site_src\nplugins:\n  - news-archive:\n      ingest:\n"
        f"        model: {{de: '{ruler_model_de}', en: null}}\n",
        encoding="utf-8",
    )
    return tmp_path
