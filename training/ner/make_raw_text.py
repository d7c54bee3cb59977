"""Write the GermEval training sentences as raw text JSONL for `spacy pretrain` (no labels).

Usage: python make_raw_text.py TRAIN_BIOES OUT_JSONL
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from convert import read_bioes_sentences


def main(src: Path, out: Path) -> int:
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as handle:
        for sentence in read_bioes_sentences(src):
            handle.write(json.dumps({"tokens": [token for token, _ in sentence]}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
