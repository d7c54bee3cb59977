"""``news-archive eval-ner``: score a spaCy pipeline on a labelled NER file.

Readers for four column formats, one label mapping onto PER / LOC / ORG / MISC, exact-span
precision / recall / F1 per label and micro-averaged, and tagging speed. Only ``predict`` touches
spaCy; the readers and the scoring are plain Python.
"""

from __future__ import annotations

import argparse
import json
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

if TYPE_CHECKING:
    from spacy.language import Language

logger = logging.getLogger(__name__)

LABELS = ("PER", "LOC", "ORG", "MISC")
FORMATS = ("germeval", "bioes", "conll", "iob2")

# Gold labels of GermEval 2014, CoNLL, WNUT 2017 and BTC; anything not listed (GermEval's
# *deriv / *part, WNUT's nothing else) counts as outside.
GOLD_LABEL_MAP = {
    "PER": "PER", "LOC": "LOC", "ORG": "ORG", "OTH": "MISC", "MISC": "MISC",
    "PERSON": "PER", "LOCATION": "LOC", "CORPORATION": "ORG", "GROUP": "ORG",
    "CREATIVE-WORK": "MISC", "PRODUCT": "MISC",
}
# Predicted labels: the project's own plus the OntoNotes scheme of spaCy's English pipelines.
PREDICTED_LABEL_MAP = {
    "PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC",
    "PERSON": "PER", "GPE": "LOC", "FAC": "LOC", "NORP": "MISC", "EVENT": "MISC",
    "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC",
}

Span = tuple[int, int, str]  # token start, token end (exclusive), label


class NerDataError(ValueError):
    """A labelled file that cannot be read; carries the path and the line."""

    def __init__(self, path: str | Path, line_no: int, reason: str) -> None:
        super().__init__(f"{path}:{line_no}: {reason}")
        self.path, self.line_no, self.reason = str(path), line_no, reason


@dataclass(frozen=True)
class Sentence:
    tokens: tuple[str, ...]
    spans: frozenset[Span]


@dataclass
class LabelScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
            "gold": self.tp + self.fn, "predicted": self.tp + self.fp,
        }


@dataclass
class NerScores:
    per_label: dict[str, LabelScore] = field(default_factory=lambda: {label: LabelScore() for label in LABELS})
    micro: LabelScore = field(default_factory=LabelScore)
    sentences: int = 0
    words: int = 0
    seconds: float = 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict:
        return {
            "per_label": {label: score.as_dict() for label, score in self.per_label.items()},
            "micro": self.micro.as_dict(),
            "sentences": self.sentences, "words": self.words,
            "seconds": round(self.seconds, 3), "words_per_second": round(self.words_per_second, 1),
        }


# --- labels and tags -------------------------------------------------------------------------

def map_label(label: str, mapping: dict[str, str] = GOLD_LABEL_MAP) -> str | None:
    """The project label for a corpus label, or None for labels scored as outside."""
    return mapping.get(label.upper())


def tags_to_spans(tags: Iterable[str]) -> frozenset[Span]:
    """Decode IOB1, IOB2, BIOES or BILUO tags into mapped spans; labels mapping to None are dropped.

    Lenient like conlleval: an I- after O or after another label starts a new span.
    """
    spans: set[Span] = set()
    start, current = None, None

    def close(end: int) -> None:
        nonlocal start, current
        if current is not None:
            mapped = map_label(current)
            if mapped:
                spans.add((start, end, mapped))
        start, current = None, None

    index = -1
    for index, tag in enumerate(tags):
        if tag == "O" or "-" not in tag:
            close(index)
            continue
        prefix, label = tag.split("-", 1)
        prefix = prefix.upper()
        if prefix in ("B", "S", "U") or current != label:
            close(index)
            start, current = index, label
        if prefix in ("E", "L", "S", "U"):
            close(index + 1)
    close(index + 1)
    return frozenset(spans)


# --- readers ----------------------------------------------------------------------------------

def _blocks(path: str | Path, *, skip: Callable[[str], bool]) -> Iterator[list[tuple[int, list[str]]]]:
    """Blank-line separated blocks of (line number, whitespace-split fields)."""
    block: list[tuple[int, list[str]]] = []
    with open(path, encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, start=1):
            stripped = line.strip()
            if not stripped:
                if block:
                    yield block
                block = []
            elif not skip(line):
                block.append((line_no, line.rstrip("\n").split("\t") if "\t" in line else line.split()))
    if block:
        yield block


def _is_tag(value: str) -> bool:
    return value == "O" or (len(value) > 2 and value[1] == "-" and value[0].upper() in "BIESLU")


def _sentences(path, skip, token_col: int, tag_col: int, min_cols: int) -> Iterator[Sentence]:
    for block in _blocks(path, skip=skip):
        tokens, tags = [], []
        for line_no, fields in block:
            fields = [f.strip() for f in fields]
            if len(fields) < min_cols or not _is_tag(fields[tag_col]):
                raise NerDataError(path, line_no, f"expected {min_cols} columns with a tag, got {fields!r}")
            tokens.append(fields[token_col])
            tags.append(fields[tag_col])
        if tokens:
            yield Sentence(tuple(tokens), tags_to_spans(tags))


def _is_bioes_comment(line: str) -> bool:
    fields = line.split()
    return line.startswith("#") and not (len(fields) == 2 and _is_tag(fields[1]))


def read_germeval(path: str | Path) -> Iterator[Sentence]:
    """GermEval 2014 tsv: "# source" lines, then index, token, outer tag (IOB2), inner tag."""
    return _sentences(path, lambda line: line.startswith("#"), 1, 2, 3)


def read_bioes(path: str | Path) -> Iterator[Sentence]:
    """Two columns, token and BIOES tag; "#" lines are comments unless they read as a token."""
    return _sentences(path, _is_bioes_comment, 0, -1, 2)


def read_conll(path: str | Path) -> Iterator[Sentence]:
    """CoNLL: token first, tag last; -DOCSTART- lines skipped."""
    return _sentences(path, lambda line: line.startswith("-DOCSTART-"), 0, -1, 2)


def read_iob2(path: str | Path) -> Iterator[Sentence]:
    """Two columns, token and IOB2 tag."""
    return _sentences(path, lambda line: False, 0, 1, 2)


READERS: dict[str, Callable[[str | Path], Iterator[Sentence]]] = {
    "germeval": read_germeval, "bioes": read_bioes, "conll": read_conll, "iob2": read_iob2,
}


def read_sentences(path: str | Path, data_format: str, limit: int | None = None) -> list[Sentence]:
    if data_format not in READERS:
        raise ValueError(f"unknown format {data_format!r}; choose one of {', '.join(FORMATS)}")
    sentences = []
    for sentence in READERS[data_format](path):
        if limit is not None and len(sentences) >= limit:
            break
        sentences.append(sentence)
    return sentences


# --- scoring ----------------------------------------------------------------------------------

def score_spans(gold: Iterable[frozenset[Span]], predicted: Iterable[frozenset[Span]]) -> NerScores:
    """Exact-span scores: a prediction counts only with the same start, end and label."""
    scores = NerScores()
    for gold_spans, predicted_spans in zip(gold, predicted, strict=True):
        scores.sentences += 1
        for span in predicted_spans | gold_spans:
            label_score = scores.per_label.setdefault(span[2], LabelScore())
            if span in gold_spans and span in predicted_spans:
                label_score.tp += 1
            elif span in predicted_spans:
                label_score.fp += 1
            else:
                label_score.fn += 1
    for label_score in scores.per_label.values():
        scores.micro.tp += label_score.tp
        scores.micro.fp += label_score.fp
        scores.micro.fn += label_score.fn
    return scores


def predict(nlp: Language, sentences: list[Sentence], batch_size: int = 64) -> tuple[list[frozenset[Span]], float]:
    """Tag pre-tokenised sentences; returns mapped spans and the seconds spent in the pipeline."""
    from spacy.tokens import Doc

    docs = [Doc(nlp.vocab, words=list(sentence.tokens)) for sentence in sentences]
    started = time.perf_counter()
    tagged = list(nlp.pipe(docs, batch_size=batch_size))
    seconds = time.perf_counter() - started
    predicted = []
    for doc in tagged:
        spans = set()
        for ent in doc.ents:
            label = map_label(ent.label_, PREDICTED_LABEL_MAP)
            if label:
                spans.add((ent.start, ent.end, label))
        predicted.append(frozenset(spans))
    return predicted, seconds


def evaluate(nlp: Language, sentences: list[Sentence]) -> NerScores:
    predicted, seconds = predict(nlp, sentences)
    scores = score_spans((s.spans for s in sentences), predicted)
    scores.words = sum(len(s.tokens) for s in sentences)
    scores.seconds = seconds
    return scores


# --- command ----------------------------------------------------------------------------------

def format_table(scores: NerScores) -> str:
    lines = [f"{'label':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}"]
    rows = [(label, score) for label, score in scores.per_label.items()] + [("micro", scores.micro)]
    for label, score in rows:
        lines.append(
            f"{label:<6} {score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f} "
            f"{score.tp + score.fn:6d} {score.tp + score.fp:6d}"
        )
    lines.append(
        f"{scores.sentences} sentences, {scores.words} words in {scores.seconds:.2f} s: "
        f"{scores.words_per_second:,.0f} words/s"
    )
    return "\n".join(lines)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", required=True, type=Path, help="labelled file to score on")
    parser.add_argument("--format", required=True, choices=FORMATS, dest="data_format",
                        help="germeval: 4-column GermEval tsv; bioes / iob2: token and tag; conll: tag last")
    parser.add_argument("--lang", default="de", help="language of the pipeline to load (default: de)")
    parser.add_argument("--model", default=None, help="spaCy package name or folder (default: the built-in one)")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N sentences")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")


def run(args: argparse.Namespace, nlp_loader: Callable[[str, str | None], Language]) -> int:
    """Score the pipeline on ``args.data``; prints a table (or JSON) and returns the exit code."""
    try:
        sentences = read_sentences(args.data, args.data_format, args.limit)
    except (OSError, NerDataError) as error:
        print(f"error: cannot read {args.data}: {error}")
        return 2
    if not sentences:
        print(f"error: no sentences in {args.data}")
        return 2
    scores = evaluate(nlp_loader(args.lang, args.model), sentences)
    print(json.dumps(scores.as_dict(), indent=2, sort_keys=True) if args.json else format_table(scores))
    return 0
