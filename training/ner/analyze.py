"""Error analysis of a trained pipeline on a GermEval BIOES file.

Classifies every gold/predicted span mismatch: wrong label (same boundaries), wrong boundary
(overlap, same label), both, missed (no overlapping prediction), spurious (no overlapping gold),
and lists the most frequent missed and spurious strings.
Usage: python analyze.py MODEL_DIR [DATA_FILE] [--top N]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "plugins"))

import spacy  # noqa: E402

import news_archive.nlp.features  # noqa: E402,F401
from news_archive.nlp.ner_eval import predict, read_sentences  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ner" / "de" / "germeval2014" / "test_bioes.test"


def overlaps(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def classify(gold: frozenset, pred: frozenset, kinds: Counter, missed: Counter, spurious: Counter,
             confusions: Counter, tokens) -> None:
    text = lambda s: " ".join(tokens[s[0]:s[1]])  # noqa: E731
    for g in gold - pred:
        hits = [p for p in pred if overlaps(g, p)]
        if not hits:
            kinds[f"missed {g[2]}"] += 1
            missed[(text(g), g[2])] += 1
        elif any(p[:2] == g[:2] for p in hits):
            p = next(p for p in hits if p[:2] == g[:2])
            kinds[f"label {g[2]}->{p[2]}"] += 1
            confusions[(text(g), g[2], p[2])] += 1
        elif any(p[2] == g[2] for p in hits):
            kinds[f"boundary {g[2]}"] += 1
        else:
            kinds[f"boundary+label {g[2]}"] += 1
    for p in pred - gold:
        if not any(overlaps(p, g) for g in gold):
            kinds[f"spurious {p[2]}"] += 1
            spurious[(text(p), p[2])] += 1


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("model", type=Path)
    parser.add_argument("data", type=Path, nargs="?", default=DEFAULT_DATA)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    nlp = spacy.load(args.model)
    sentences = read_sentences(args.data, "bioes")
    predicted, _ = predict(nlp, sentences)
    kinds, missed, spurious, confusions = Counter(), Counter(), Counter(), Counter()
    for sentence, pred in zip(sentences, predicted):
        classify(sentence.spans, pred, kinds, missed, spurious, confusions, sentence.tokens)
    print("## error kinds (gold spans not matched, predictions without overlapping gold)")
    for kind, n in sorted(kinds.items(), key=lambda kv: -kv[1]):
        print(f"{n:6d}  {kind}")
    for title, counter in (("missed", missed), ("spurious", spurious), ("label confusions", confusions)):
        print(f"\n## most frequent {title}")
        for key, n in counter.most_common(args.top):
            print(f"{n:4d}  {' / '.join(key)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
