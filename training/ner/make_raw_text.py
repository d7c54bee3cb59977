"""Write the GermEval training sentences as raw text JSONL for `spacy pretrain` (no labels).

Usage: python make_raw_text.py BIOES_FILE... OUT_JSONL  (e.g. train and dev: unlabelled text only)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from convert import read_bioes_sentences


def main(sources: list[Path], out: Path) -> int:
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as handle:
        for sentence in (s for src in sources for s in read_bioes_sentences(src)):
            # spaCy 3.8 JsonlCorpus reads "text" only: tokens joined by spaces, close enough for pretraining
            handle.write(json.dumps({"text": " ".join(token for token, _ in sentence)}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main([Path(a) for a in sys.argv[1:-1]], Path(sys.argv[-1])))
