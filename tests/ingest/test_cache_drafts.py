"""Drafts in the ingest cache: read back as they were, in the format earlier runs wrote."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime, timezone
from pathlib import Path

from news_archive.ingest.cache import IngestCache, encode_drafts
from news_archive.readers import read_source

SAMPLE = Path(__file__).parent.parent / "readers" / "goldens" / "txt_reference_sample" / "input.txt"


def test_drafts_come_back_from_the_cache_as_they_went_in(tmp_path: Path) -> None:
    [draft] = read_source(SAMPLE.read_bytes(), SAMPLE.name)
    draft.date = datetime(2025, 12, 3, 7, 42, tzinfo=timezone.utc)
    draft.fields = {"tags": ["Putin"], "when": datetime(2025, 1, 1)}
    encoded = encode_drafts([draft])
    before = {**dataclasses.asdict(draft), "date": draft.date.isoformat(), "fields": {"tags": ["Putin"], "when": "2025-01-01 00:00:00"}}
    assert json.loads(encoded) == [before]  # the format of earlier runs' caches: they stay valid
    cache = IngestCache(tmp_path)
    cache.put_drafts("key", encoded)
    [back] = cache.get_drafts("key")
    assert back == dataclasses.replace(draft, fields={"tags": ["Putin"], "when": "2025-01-01 00:00:00"})
    assert len(back.blocks) > 5 and back.blocks == draft.blocks
