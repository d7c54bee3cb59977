"""Train small floret vectors on the unlabelled German text and convert them for spaCy.

Usage: python train_vectors.py TEXT_GZ... --out DIR [--dim 100] [--bucket 50000] [--epoch 5]
       [--max-lines N] [--threads 2]
Writes DIR/tokens.txt (spaCy-tokenised, one sentence a line), DIR/vectors.floret and
DIR/spacy (``spacy init vectors --mode floret``), the folder de.cfg's [paths.vectors] names.
"""

from __future__ import annotations

import argparse
import gzip
import subprocess
import sys
from pathlib import Path

import spacy


def write_tokens(sources: list[Path], out: Path, max_lines: int) -> int:
    """Tokenise with the blank German tokenizer, so vector keys match the model's tokens."""
    nlp = spacy.blank("de")
    count = 0
    with open(out, "w", encoding="utf-8") as handle:
        for source in sources:
            with gzip.open(source, "rt", encoding="utf-8") as lines:
                texts = (line.strip() for line in lines)
                for doc in nlp.tokenizer.pipe(t for t in texts if t):
                    handle.write(" ".join(t.text for t in doc if not t.is_space) + "\n")
                    count += 1
                    if max_lines and count >= max_lines * (sources.index(source) + 1):
                        break
    return count


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("sources", type=Path, nargs="+")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--dim", type=int, default=100)
    parser.add_argument("--bucket", type=int, default=50000)
    parser.add_argument("--epoch", type=int, default=5)
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument("--max-lines", type=int, default=0, help="per source; 0 = all")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    import floret

    args.out.mkdir(parents=True, exist_ok=True)
    tokens = args.out / "tokens.txt"
    if not tokens.is_file():  # deterministic: the same sources and --max-lines give the same file
        print(f"{write_tokens(args.sources, tokens, args.max_lines)} lines -> {tokens}", flush=True)
    model = floret.train_unsupervised(
        str(tokens), model="skipgram", mode="floret", hashCount=2, bucket=args.bucket,
        minn=4, maxn=5, dim=args.dim, epoch=args.epoch, minCount=args.min_count, thread=args.threads,
    )
    model.save_floret_vectors(str(args.out / "vectors.floret"))
    subprocess.run([sys.executable, "-m", "spacy", "init", "vectors", "de", str(args.out / "vectors.floret"),
                    str(args.out / "spacy"), "--mode", "floret"], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
