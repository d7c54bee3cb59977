"""What ingest adds to spaCy on real German news: the analysis after NER (mentions, topic
candidates with HanTa and wordfreq), as a share of the `nlp.pipe` time on the same texts.

    python benchmarks/real_text_overhead.py [--data ../shared/data/news-dev-de]

Needs ../shared (not shipped). Both timings run in this one process, interleaved per batch, so
machine noise hits them alike; the word memo starts empty (a cold run); the one-time
dictionary loads (simplemma, wordfreq: about 2 s per process) are left out.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from news_archive.core.topics import HanTaLexicon
from news_archive.nlp import load_pipeline
from news_archive.nlp.mentions import analyze_doc
from news_archive.readers import read_source

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "news-dev-de"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED)
    args = parser.parse_args()
    texts = [read_source(p.read_bytes(), p.name)[0].plain_text() for p in sorted(args.data.glob("*.txt"))]
    nlp = load_pipeline("de")
    lexicon = HanTaLexicon("de")
    analyze_doc(nlp("Der Kanzler sprach in Berlin über Sicherheitsgarantien."), lexicon)  # loads dictionaries once
    spacy_seconds = analysis_seconds = 0.0
    for at in range(0, len(texts), 8):
        batch = texts[at: at + 8]
        started = time.perf_counter()
        docs = list(nlp.pipe(batch))
        spacy_seconds += time.perf_counter() - started
        started = time.perf_counter()
        for doc, text in zip(docs, batch):
            analyze_doc(doc, lexicon, text)
        analysis_seconds += time.perf_counter() - started
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} articles, {words:,} words: nlp.pipe {spacy_seconds:.1f} s, analysis {analysis_seconds:.1f} s "
          f"= {analysis_seconds / spacy_seconds:.2f}× of the spaCy time (ingest ≈ {1 + analysis_seconds / spacy_seconds:.2f}× bare spaCy)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
