"""Score trained pipelines on the GermEval dev and test files; prints one JSON object per model.

Usage: python evaluate.py MODEL_DIR [MODEL_DIR ...] [--data-dir DIR] [--limit N]
Tagging speed is measured in this process on one core (pre-tokenised sentences, batch 64).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "plugins"))

import spacy  # noqa: E402

import news_archive.nlp.features  # noqa: E402,F401 - registers the gazetteer functions
from news_archive.nlp.ner_eval import evaluate, read_sentences  # noqa: E402

DATA_DIR = ROOT.parent / "shared" / "data" / "ner" / "de" / "germeval2014"
FILES = {"dev": "dev_bioes.dev", "test": "test_bioes.test"}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("models", nargs="+", type=Path)
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    for model in args.models:
        nlp = spacy.load(model)
        result = {"model": str(model)}
        for split, name in FILES.items():
            scores = evaluate(nlp, read_sentences(args.data_dir / name, "bioes", args.limit))
            result[split] = scores.as_dict()
        print(json.dumps(result, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
