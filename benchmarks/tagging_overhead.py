"""Ingest's tagging against bare spaCy in one process: the same chunks of texts, alternately.

Loads the model once and warms the dictionaries, then for each chunk times bare ``nlp.pipe`` and
ingest's ``analyse_texts`` (the pipe plus the analysis ingest keeps) one after the other, in turns
which goes first, so that a noisy machine affects both alike; prints the ratio per chunk and its median.

    python benchmarks/tagging_overhead.py $TMPDIR/news-archive-bench/ingest-1000 [--texts 480] [--chunk 80]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from news_archive.ingest.parallel import analyse_texts
from news_archive.ingest.tagging import analyze_doc_with_lexicon
from news_archive.nlp import load_pipeline
from news_archive.readers import read_source


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("project", type=Path)
    parser.add_argument("--texts", type=int, default=480)
    parser.add_argument("--chunk", type=int, default=80)
    args = parser.parse_args()
    texts = []
    for path in sorted((args.project / "content").glob("*.txt"))[: args.texts]:
        (draft,) = read_source(path.read_bytes(), str(path))
        texts.append(draft.plain_text())
    nlp = load_pipeline("de")
    list(analyse_texts(nlp, [(t, i) for i, t in enumerate(texts[:32])], analyze_doc_with_lexicon, 32))  # warm
    ratios = []
    for start in range(0, len(texts), args.chunk):
        chunk = texts[start : start + args.chunk]
        timed = {}
        order = ("bare", "ours") if start // args.chunk % 2 == 0 else ("ours", "bare")  # first/second alike
        for name in order:
            began = time.perf_counter()
            if name == "bare":
                for _ in nlp.pipe(chunk, batch_size=32):
                    pass
            else:
                list(analyse_texts(nlp, [(t, i) for i, t in enumerate(chunk)], analyze_doc_with_lexicon, 32))
            timed[name] = time.perf_counter() - began
        bare, ours = timed["bare"], timed["ours"]
        ratios.append(ours / bare)
        print(f"texts {start}–{start + len(chunk)}: bare {bare:.2f} s, ingest's tagging {ours:.2f} s ({ours / bare:.3f})")
    print(f"median ratio {statistics.median(ratios):.3f} over {len(ratios)} chunks")


if __name__ == "__main__":
    main()
