"""The spaCy adapter: load a pipeline per language; everything else about entities is in the core.

Importing this package does not import spaCy; only loading a pipeline does.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from news_archive.core.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language

BUILTIN_PREFIX = "news_archive:"
MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
DEFAULT_MODELS: dict[str, str | None] = {"de": "news_archive:de_news_ner", "en": "news_archive:en_news_ner"}


class ModelNotFoundError(ConfigError):
    """The configured spaCy model cannot be found or loaded."""


def resolve_model(reference: str) -> Path | str:
    """A built-in model's folder, a folder on disk, or an installed package name."""
    if reference.startswith(BUILTIN_PREFIX):
        path = MODELS_DIR / reference[len(BUILTIN_PREFIX):]
        if not (path / "meta.json").is_file():
            raise ModelNotFoundError(f"built-in model {reference!r} is not in {MODELS_DIR}")
        return path
    path = Path(reference).expanduser()
    if path.is_dir():
        return path.resolve()
    return reference


def model_fingerprint(reference: str) -> str:
    """Changes whenever the model does, computed without importing spaCy."""
    resolved = resolve_model(reference)
    digest = hashlib.sha256(reference.encode())
    if isinstance(resolved, Path):
        for file in sorted(p for p in resolved.rglob("*") if p.is_file()):
            digest.update(str(file.relative_to(resolved)).encode())
            digest.update(file.read_bytes())
    else:
        try:
            digest.update(metadata.version(resolved).encode())
        except metadata.PackageNotFoundError:
            raise ModelNotFoundError(f"spaCy model {reference!r} is neither a folder nor an installed package") from None
    return digest.hexdigest()[:16]


def load_pipeline(lang: str, model: str | None = None) -> Language:
    """The spaCy pipeline for ``lang``: ``model`` (package name or path) or the built-in default.

    Its ``doc.ents`` carry PER / LOC / ORG / MISC. Loads from disk only, never from a network.
    """
    reference = model or DEFAULT_MODELS.get(lang)
    if reference is None:
        raise ModelNotFoundError(f"no spaCy model configured for language {lang!r}")
    return _load(reference)


@lru_cache(maxsize=8)
def _load(reference: str) -> Language:
    import spacy

    try:
        from news_archive.nlp import features  # noqa: F401 - registers the shipped model's functions
    except ImportError:
        pass
    resolved = resolve_model(reference)
    try:
        return spacy.load(resolved, exclude=["parser", "lemmatizer", "textcat"])
    except OSError as error:
        raise ModelNotFoundError(f"cannot load spaCy model {reference!r}: {str(error).splitlines()[0]}") from None
