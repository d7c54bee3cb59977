"""Convert GermEval 2014 BIOES files (token, tag) into spaCy DocBin files.

Labels: PER/LOC/ORG stay, OTH becomes MISC, every *deriv / *part label becomes O.
Usage: python convert.py SRC_DIR OUT_DIR
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Iterator

logger = logging.getLogger(__name__)

LABEL_MAP = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "OTH": "MISC"}
SPLITS = {"train": "train_bioes.train", "dev": "dev_bioes.dev", "test": "test_bioes.test"}
_PREFIXES = {"B", "I", "E", "S", "L", "U"}


def map_tag(tag: str) -> str:
    """Map one GermEval BIOES tag to the project's label set (deriv/part -> O)."""
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, label = tag.split("-", 1)
    mapped = LABEL_MAP.get(label.upper())
    return f"{prefix}-{mapped}" if mapped else "O"


def _is_tag(value: str) -> bool:
    return value == "O" or (value[:1] in _PREFIXES and value[1:2] == "-")


def read_bioes_sentences(path: str | Path) -> Iterator[list[tuple[str, str]]]:
    """Yield sentences as lists of (token, raw tag) from a 2-column BIOES file.

    A line starting with "#" is a comment unless it is a token line ("#\tO").
    """
    sentence: list[tuple[str, str]] = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            fields = line.rstrip("\n").split()
            if not fields:
                if sentence:
                    yield sentence
                    sentence = []
                continue
            if len(fields) < 2 or not _is_tag(fields[-1]):
                if fields[0].startswith("#"):
                    continue
                raise ValueError(f"{path}: cannot parse line {line!r}")
            sentence.append((fields[0], fields[-1]))
    if sentence:
        yield sentence


def to_biluo(tags: list[str]) -> list[str]:
    """BIOES -> BILUO after label mapping, repairing spans broken by the mapping."""
    out = []
    for tag in (map_tag(t) for t in tags):
        out.append(tag.replace("S-", "U-", 1).replace("E-", "L-", 1) if tag != "O" else tag)
    return out


def sentences_to_docbin(sentences, vocab):
    from spacy.tokens import Doc, DocBin
    from spacy.training import biluo_tags_to_spans

    docbin = DocBin(store_user_data=False)
    for sentence in sentences:
        words = [token for token, _ in sentence]
        doc = Doc(vocab, words=words)
        doc.ents = biluo_tags_to_spans(doc, to_biluo([tag for _, tag in sentence]))
        docbin.add(doc)
    return docbin


def convert(src_dir: Path, out_dir: Path) -> None:
    import spacy

    nlp = spacy.blank("de")
    out_dir.mkdir(parents=True, exist_ok=True)
    for split, name in SPLITS.items():
        sentences = list(read_bioes_sentences(src_dir / name))
        sentences_to_docbin(sentences, nlp.vocab).to_disk(out_dir / f"{split}.spacy")
        logger.info("%s: %d sentences -> %s", name, len(sentences), out_dir / f"{split}.spacy")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("src_dir", type=Path)
    parser.add_argument("out_dir", type=Path)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    convert(args.src_dir, args.out_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
