"""Tagging speed of a pipeline on one core: GermEval test sentences, pre-tokenised.

Reports the best of N repeats (the machine is shared and noisy), in words per second.
Usage: python speed.py MODEL_DIR [--sentences 3000] [--repeats 3] [--batch-size 64]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "plugins"))

import spacy  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

import news_archive.nlp.features  # noqa: E402,F401
from news_archive.nlp.ner_eval import read_sentences  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "ner" / "de" / "germeval2014" / "test_bioes.test"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("model", type=Path)
    parser.add_argument("--sentences", type=int, default=3000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args()
    nlp = spacy.load(args.model)
    sentences = read_sentences(DATA, "bioes", args.sentences)
    words = sum(len(s.tokens) for s in sentences)
    rates = []
    for _ in range(args.repeats):
        docs = [Doc(nlp.vocab, words=list(s.tokens)) for s in sentences]
        started = time.perf_counter()
        for _doc in nlp.pipe(docs, batch_size=args.batch_size):
            pass
        rates.append(words / (time.perf_counter() - started))
    print(f"{args.model}: {max(rates):,.0f} words/s (best of {args.repeats}; all: "
          f"{', '.join(f'{r:,.0f}' for r in rates)}; {words} words, batch {args.batch_size})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
