"""Ingest's tagging against bare spaCy in one process: the same chunks of texts, alternately.

Loads the model once and warms the dictionaries, then for each chunk times bare ``nlp.pipe`` and
what ``ingest --workers 0`` runs (the pipe with the mentions a worker sends back, and the analysis
the main process makes of them) one after the other, in turns which goes first, so that a noisy
machine affects both alike; prints the ratio per chunk and its median.

    python benchmarks/tagging_overhead.py $TMPDIR/news-archive-bench/ingest-1000 [--texts 480] [--chunk 80]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from news_archive.core.topics import HanTaLexicon, analyze_text
from news_archive.ingest.parallel import analyse_texts
from news_archive.ingest.tagging import mentions_of_doc
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
    nlp, lexicon = load_pipeline("de"), HanTaLexicon("de")

    def ingest_tagging(chunk: list[str]) -> None:
        for index, mentions in analyse_texts(nlp, [(t, i) for i, t in enumerate(chunk)], mentions_of_doc, 32, "de"):
            analyze_text(chunk[index], mentions, lexicon)

    ingest_tagging(texts[:32])  # warm
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
                ingest_tagging(chunk)
            timed[name] = time.perf_counter() - began
        bare, ours = timed["bare"], timed["ours"]
        ratios.append(ours / bare)
        print(f"texts {start}–{start + len(chunk)}: bare {bare:.2f} s, ingest's tagging {ours:.2f} s ({ours / bare:.3f})")
    print(f"median ratio {statistics.median(ratios):.3f} over {len(ratios)} chunks")


if __name__ == "__main__":
    main()
