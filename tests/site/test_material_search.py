"""Material's search plugin skips its per-page regex only where that changes nothing (``material_search``)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from news_archive.mkdocs_plugin.material_search import MaterialSearchPause
from tests.site.conftest import build_site
from tests.site.site_fixtures import write_fixture_site

HIDDEN = '---\nsearch:\n  exclude: true\n---\n# Versteckt\n\n<p data-search-exclude="ja">Nicht im Index.</p>\n'


def _site(root: Path) -> Path:
    config = write_fixture_site(root)
    (config.parent / "docs" / "versteckt.md").write_text(HIDDEN, encoding="utf-8")
    return config


def test_sparing_the_regex_changes_no_byte_of_the_site(tmp_path, monkeypatch, caplog):
    caplog.set_level(logging.DEBUG, logger="mkdocs.plugins.news_archive")
    spared = build_site(_site(tmp_path / "spared"))
    counts = [r.getMessage() for r in caplog.records if "search plugin skipped" in r.getMessage()]
    with monkeypatch.context() as patch:  # the reference: Material's plugin runs on every page
        patch.setattr(MaterialSearchPause, "before", lambda self, page: None)
        reference = build_site(_site(tmp_path / "reference"))
    files = sorted(p.relative_to(reference) for p in reference.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(spared) for p in spared.rglob("*") if p.is_file())
    assert [f for f in files if (reference / f).read_bytes() != (spared / f).read_bytes()] == []
    # what it stands for: articles in Material's index, the attribute gone, the excluded page skipped
    index = json.loads((spared / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any(doc["location"].startswith("articles/") for doc in index["docs"])
    page = (spared / "versteckt" / "index.html").read_text(encoding="utf-8")
    assert "Nicht im Index." in page and "data-search-exclude" not in page
    assert len(counts) == 1 and int(counts[0].split()[-2]) > 0, counts
