"""Registered spaCy functions that the shipped German NER model needs at load time.

- ``news_archive_gazetteer`` (pipeline component): looks each token up in a word-form table
  (common noun / first name / surname / place name) and stores one bitmask per token in
  ``doc._.gazetteer_flags``. The table is saved inside the model folder.
- ``news_archive.GazetteerMultiHashEmbed.v1`` (architecture): spaCy's MultiHashEmbed with the
  bitmask as one more hashed input column, so the tok2vec can learn from the lexicons.

Imports only spaCy, thinc, numpy and the standard library; import this module before
``spacy.load`` of a model that uses them.
"""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Callable, Iterable, List, Optional, Sequence

import numpy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import ensure_path, registry
from spacy.ml.staticvectors import StaticVectors
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Floats2d, Ints2d

FLAGS = {"NOUN": 1, "FIRST": 2, "LAST": 4, "PLACE": 8, "COMPOUND": 16}
MIN_MODIFIER, MIN_HEAD = 2, 4  # shortest first part and last part of a compound
MIN_COMPOUND = MIN_MODIFIER + MIN_HEAD
EXTENSION = "gazetteer_flags"
TABLE_FILE = "gazetteer.tsv.gz"

if not Doc.has_extension(EXTENSION):
    Doc.set_extension(EXTENSION, default=None)


def read_table(path: str | Path) -> dict[str, int]:
    """Read "<form>\t<flags>" lines (plain or gzipped) into a dict."""
    path = Path(path)
    data = path.read_bytes()
    return parse_table(gzip.decompress(data) if path.suffix == ".gz" else data)


def parse_table(data: bytes) -> dict[str, int]:
    fields = iter(data.decode("utf-8").replace("\n", "\t").split("\t"))
    return {form: int(flags) for form, flags in zip(fields, fields) if form}


def format_table(table: dict[str, int]) -> bytes:
    # mtime=0 keeps the file byte-identical across runs
    return gzip.compress("".join(f"{k}\t{v}\n" for k, v in sorted(table.items())).encode("utf-8"), mtime=0)


class GazetteerFlagger:
    """Stores one lexicon bitmask per token in ``doc._.gazetteer_flags`` (0 = unknown).

    With ``compound_heads``, a capitalised word missing from the table whose tail is a known
    common noun ("Töpferateliers", "EU-Kommission") gets the COMPOUND flag: German compounds
    are mostly common nouns, and most of them are in no lexicon.
    """

    def __init__(self, name: str = "gazetteer", compound_heads: bool = False) -> None:
        self.name = name
        self.compound_heads = compound_heads
        self.table: dict[str, int] = {}

    def __call__(self, doc: Doc) -> Doc:
        doc._.set(EXTENSION, [self.flags(token.text) for token in doc])
        return doc

    def flags(self, word: str) -> int:
        flags = self.table.get(word, 0)
        if flags or not self.compound_heads or len(word) < MIN_COMPOUND or not word[0].isupper():
            return flags
        get = self.table.get
        for start in range(MIN_MODIFIER, len(word) - MIN_HEAD + 1):  # longest head first
            head = word[start:]
            if head[0] == "-":
                continue
            if get(head[0].upper() + head[1:], 0) & FLAGS["NOUN"]:
                return FLAGS["COMPOUND"]
        return 0

    def pipe(self, docs: Iterable[Doc], batch_size: int = 1000) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    def initialize(self, get_examples: Optional[Callable] = None, *, nlp=None, path: Optional[str] = None) -> None:
        if path:
            self.table = read_table(path)

    def to_disk(self, path, *, exclude=tuple()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / TABLE_FILE).write_bytes(format_table(self.table))

    def from_disk(self, path, *, exclude=tuple()) -> "GazetteerFlagger":
        self.table = read_table(ensure_path(path) / TABLE_FILE)
        return self

    def to_bytes(self, *, exclude=tuple()) -> bytes:
        return format_table(self.table)

    def from_bytes(self, data: bytes, *, exclude=tuple()) -> "GazetteerFlagger":
        self.table = parse_table(gzip.decompress(data))
        return self


@Language.factory(
    "news_archive_gazetteer",
    assigns=[f"doc._.{EXTENSION}"],
    default_config={"compound_heads": False},
)
def make_gazetteer(nlp: Language, name: str, compound_heads: bool) -> GazetteerFlagger:
    return GazetteerFlagger(name, compound_heads)


def _extract_features(columns: Sequence[int | str]) -> Model[List[Doc], List[Ints2d]]:
    """Like spaCy's FeatureExtractor, plus the gazetteer bitmask as the last column."""

    def forward(model: Model, docs: List[Doc], is_train: bool):
        features = []
        for doc in docs:
            attrs = doc.to_array(list(columns)).reshape((len(doc), len(columns)))
            flags = doc._.get(EXTENSION)
            gazetteer = numpy.asarray(flags if flags is not None else [0] * len(doc), dtype="uint64")
            both = numpy.hstack([attrs.astype("uint64"), gazetteer.reshape((len(doc), 1))])
            features.append(model.ops.asarray2i(both, dtype="uint64"))
        return features, lambda d_features: []

    return Model("extract_features_gazetteer", forward, attrs={"columns": list(columns)})


def _row_dropout(rate: float) -> Model[Floats2d, Floats2d]:
    """Zero whole rows (tokens) in training, rescaling the rest; identity at inference."""

    def forward(model: Model, X: Floats2d, is_train: bool):
        if not is_train or not rate:
            return X, lambda dY: dY
        keep = (model.ops.xp.random.uniform(size=(X.shape[0], 1)) >= rate).astype(X.dtype) / (1.0 - rate)
        return X * keep, lambda dY: dY * keep

    return Model("row_dropout", forward, attrs={"word_dropout": rate})


@registry.architectures("news_archive.GazetteerMultiHashEmbed.v1")
def gazetteer_multi_hash_embed(
    width: int,
    attrs: List[str],
    rows: List[int],
    gazetteer_rows: int = 64,
    include_static_vectors: bool = False,
    word_dropout: float = 0.0,
) -> Model[List[Doc], List[Floats2d]]:
    """spaCy's MultiHashEmbed.v2 with the gazetteer bitmask as an extra embedded column.

    ``word_dropout`` drops whole vectors of the first attribute (the word, usually NORM) in
    training, so the model also learns to tag from affixes, shape and lexicons alone: most
    test entities are words it never saw.
    """
    if len(rows) != len(attrs):
        raise ValueError(f"Mismatched lengths: {len(rows)} vs {len(attrs)}")
    all_rows = list(rows) + [gazetteer_rows]
    embeddings = [HashEmbed(width, n_rows, column=index, seed=8 + index, dropout=0.0) for index, n_rows in enumerate(all_rows)]
    if word_dropout:
        embeddings[0] = chain(embeddings[0], _row_dropout(word_dropout))
    concat_size = width * (len(embeddings) + include_static_vectors)
    max_out = with_array(Maxout(width, concat_size, nP=3, dropout=0.0, normalize=True))
    extract = _extract_features(attrs)
    if include_static_vectors:
        feature_extractor = chain(extract, list2ragged(), with_array(concatenate(*embeddings)))
        model = chain(
            concatenate(feature_extractor, StaticVectors(width, dropout=0.0)),
            max_out,
            ragged2list(),
        )
    else:
        model = chain(extract, list2ragged(), with_array(concatenate(*embeddings)), max_out, ragged2list())
    return model
