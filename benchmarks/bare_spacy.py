"""Baseline: the same texts ingest tags, through bare `nlp.pipe` with the same model, one process."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from news_archive.nlp import load_pipeline
from news_archive.readers import read_source


def main(folder: str) -> None:
    texts = []
    for path in sorted(Path(folder).glob("*.txt")):
        (draft,) = read_source(path.read_bytes(), str(path))
        texts.append(draft.plain_text())
    nlp = load_pipeline("de")
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    seconds = time.perf_counter() - started
    Path("bare_spacy.json").write_text(json.dumps({"seconds": seconds, "texts": len(texts)}))


if __name__ == "__main__":
    main(sys.argv[1])
