"""Convert the English NER sets into spaCy DocBin files: train, dev and test (our own held-out split).

Every set is read with the project's readers (news_archive.nlp.ner_eval), so labels map onto
PER / LOC / ORG / MISC exactly as `news-archive eval-ner` scores them.
Held-out split (fixed, by document where documents are known):
  dev  = WikiGold documents 8, 18, 28, ... (index % 10 == 8) + GUM dev + GUM Wikinews-interview dev
  test = WikiGold documents index % 10 == 9 + GUM test + GUM interview test + Re-DocRED test (demonym-misc)
  train = the other WikiGold documents + GUM train + GUM interview train + Re-DocRED dev (demonym-misc)
          + CrossNER (all five domains, train and dev files)
Never reads ../shared/data/news-dev-en-wikinews (the evaluation set).
Usage: python en_convert.py [DATA_DIR] [OUT_DIR] [--sets wikigold,gum,redocred,crossner]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "plugins"))

import spacy  # noqa: E402
from spacy.tokens import Doc, DocBin  # noqa: E402

from news_archive.nlp.ner_eval import Sentence, read_sentences  # noqa: E402

DATA_DIR = ROOT.parent / "shared" / "data" / "ner" / "en"
CROSSNER = [f"crossner_{d}_{s}.iob2" for d in ("ai", "literature", "music", "politics", "science") for s in ("train", "dev")]
SETS = {  # set -> split -> files (relative to DATA_DIR)
    "gum": {"train": ["extra/gum/gum_train.iob2", "extra/gum/gum_interview-wikinews_train.iob2"],
            "dev": ["extra/gum/gum_dev.iob2", "extra/gum/gum_interview-wikinews_dev.iob2"],
            "test": ["extra/gum/gum_test.iob2", "extra/gum/gum_interview-wikinews_test.iob2"]},
    "redocred": {"train": ["extra/redocred/redocred_dev.demonym-misc.iob2"],
                 "test": ["extra/redocred/redocred_test.demonym-misc.iob2"]},
    "crossner": {"train": [f"extra/crossner/{name}" for name in CROSSNER]},
    "uner": {"train": ["extra/uner_en/en_ewt_train.iob2"]},
    "wikiann": {"train": ["extra/wikiann_en/wikiann_en_train.iob2"]},
}
DEFAULT_SETS = "wikigold,gum,redocred,crossner"


def wikigold_split(data_dir: Path) -> dict[str, list[Sentence]]:
    """WikiGold (IOB1, one -DOCSTART- per article) split by article index."""
    docs, current = [], []
    for line in (data_dir / "wikigold" / "wikigold.conll.txt").read_text(encoding="utf-8").splitlines(keepends=True):
        if line.startswith("-DOCSTART-"):
            if current:
                docs.append(current)
            current = []
        else:
            current.append(line)
    docs.append(current)
    split: dict[str, list[Sentence]] = {"train": [], "dev": [], "test": []}
    with tempfile.TemporaryDirectory() as tmp:
        for index, lines in enumerate(docs):
            path = Path(tmp) / f"{index}.conll"
            path.write_text("".join(lines), encoding="utf-8")
            name = {8: "dev", 9: "test"}.get(index % 10, "train")
            split[name].extend(read_sentences(path, "conll"))
    return split


def collect(data_dir: Path, sets: list[str]) -> dict[str, list[Sentence]]:
    out: dict[str, list[Sentence]] = wikigold_split(data_dir)
    if "wikigold" not in sets:
        out["train"] = []
    for name in SETS:
        for split, files in SETS[name].items():
            if name in sets or split != "train":  # held-out parts are fixed whatever is trained on
                for file in files:
                    out[split].extend(read_sentences(data_dir / file, "iob2"))
    return out


def write(sentences: list[Sentence], path: Path, vocab) -> None:
    db = DocBin(store_user_data=False)
    for sentence in sentences:
        doc = Doc(vocab, words=list(sentence.tokens))
        doc.ents = [doc.char_span(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), label=label) for s, e, label in sorted(sentence.spans)]
        db.add(doc)
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)


def write_iob2(sentences: list[Sentence], path: Path) -> None:
    """The held-out split as token<TAB>IOB2 text, readable by `news-archive eval-ner --format iob2`."""
    lines = []
    for sentence in sentences:
        tags = ["O"] * len(sentence.tokens)
        for start, end, label in sentence.spans:
            tags[start] = f"B-{label}"
            for i in range(start + 1, end):
                tags[i] = f"I-{label}"
        lines.extend(f"{token}\t{tag}" for token, tag in zip(sentence.tokens, tags))
        lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path, nargs="?", default=DATA_DIR)
    parser.add_argument("out", type=Path, nargs="?", default=Path(__file__).resolve().parent / "en" / "corpus")
    parser.add_argument("--sets", default=DEFAULT_SETS)
    args = parser.parse_args()
    vocab = spacy.blank("en").vocab
    args.out.mkdir(parents=True, exist_ok=True)
    for split, sentences in wikigold_split(args.data_dir).items():
        if split != "train":  # scored on their own by en_evaluate.py
            write_iob2(sentences, args.out / f"wikigold_{split}.iob2")
    for split, sentences in collect(args.data_dir, args.sets.split(",")).items():
        write(sentences, args.out / f"{split}.spacy", vocab)
        if split != "train":
            write_iob2(sentences, args.out / f"{split}.iob2")
        spans = sum(len(s.spans) for s in sentences)
        print(f"{split}: {len(sentences)} sentences, {sum(len(s.tokens) for s in sentences)} tokens, {spans} spans")
    return 0


if __name__ == "__main__":
    sys.exit(main())
