"""The reference sample through the real pipeline with the shipped German model (issue 3's
acceptance list): ingest as a user runs it, default configuration, no test model."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from news_archive.core.frontmatter import read_article_file
from news_archive.ingest.run import IngestRequest, run_ingest
from news_archive.nlp import MODELS_DIR
from news_archive.settings import IngestSettings
from tests.conftest import SAMPLE


@pytest.mark.skipif(not (MODELS_DIR / "de_news_ner" / "meta.json").is_file(), reason="shipped model missing")
def test_reference_sample_with_the_shipped_model(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    shutil.copy(SAMPLE, tmp_path / "content")
    shutil.copy(SAMPLE.with_suffix(".meta.yml"), tmp_path / "content")
    report = run_ingest(IngestRequest(IngestSettings(workers=1), tmp_path))
    assert report.ok, report.failures
    (path,) = (tmp_path / "site_src" / "articles").rglob("*.md")
    meta, _ = read_article_file(path.read_text(encoding="utf-8"), str(path))
    assert meta.people == ["Wladimir Putin", "Steve Witkoff", "Donald Trump", "Jared Kushner", "Marco Rubio",
                           "Juri Uschakow", "Kirill Dmitrijew", "Rustem Umjerow"]
    assert {"Russland", "Ukraine", "USA", "Moskau", "Kiew", "Washington", "Florida", "Kreml", "Donbass"} <= set(meta.places)
    assert "Fox News" in meta.organizations
    assert not any(name == "US" or name.startswith("US-") for name in meta.places + meta.organizations)
    assert {"Ukraine-Krieg", "Gebietsabtretungen", "Sicherheitsgarantien", "Sanktionen"} <= set(meta.topics)
