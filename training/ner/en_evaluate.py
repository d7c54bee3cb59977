"""Score English pipelines on the held-out split written by en_convert.py; one JSON object per model.

Usage: python en_evaluate.py MODEL_DIR [MODEL_DIR ...] [--corpus DIR] [--limit N]
Also reports tagging speed in this process (pre-tokenised test sentences, batch 64, one core).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "plugins"))

import spacy  # noqa: E402

from news_archive.nlp.ner_eval import evaluate, read_sentences  # noqa: E402

CORPUS = Path(__file__).resolve().parent / "en" / "corpus"
DATA = ROOT.parent / "shared" / "data" / "ner" / "en"
PARTS = {  # the test split's parts, scored one by one
    "test_wikigold": [CORPUS / "wikigold_test.iob2"],
    "test_gum": [DATA / "extra/gum/gum_test.iob2", DATA / "extra/gum/gum_interview-wikinews_test.iob2"],
    "test_redocred": [DATA / "extra/redocred/redocred_test.demonym-misc.iob2"],
}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("models", nargs="+", type=Path)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    for model in args.models:
        nlp = spacy.load(model)
        result = {"model": str(model)}
        for split in ("dev", "test"):
            result[split] = evaluate(nlp, read_sentences(args.corpus / f"{split}.iob2", "iob2", args.limit)).as_dict()
        for part, files in PARTS.items():
            sentences = [s for file in files for s in read_sentences(file, "iob2", args.limit)]
            result[part] = evaluate(nlp, sentences).as_dict()
        print(json.dumps(result, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
