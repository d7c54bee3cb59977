"""Whether simplemma's dictionary knows a word, with the dictionary decoded once per machine.

simplemma ships each language's dictionary front-coded and compressed and decodes it in every
process that first asks (German: 1.1 million forms, 1.0–1.25 s here), which every tagging worker
paid again. The decoded dictionary is kept as a pickle in the machine's cache folder beside the
gazetteer (0.5 s to load) and looked up by simplemma's own ``DictionaryLookupStrategy``, so the
answers are simplemma's: the same normalisation, casing and apostrophe variants.
"""

from __future__ import annotations

from functools import cache
from importlib import metadata


class _MachineCachedDictionaries:
    """simplemma's ``DictionaryFactory`` protocol, backed by the machine cache."""

    def get_dictionary(self, lang: str):
        return _dictionary(lang)


@cache
def _dictionary(lang: str):
    """simplemma's own str view over UTF-8 bytes, as its default factory keeps them (bytes unpickle
    in 0.4–0.5 s where the same entries as str take 0.65 s)."""
    from simplemma.strategies.dictionaries.dictionary_factory import MappingStrToByteString

    from news_archive.ingest.cache import cached_pickle, machine_cache_dir

    name = f"simplemma-{metadata.version('simplemma')}-{lang}.pickle"
    entries, _ = cached_pickle(name, lambda: _decoded(lang), [machine_cache_dir()])
    return MappingStrToByteString(entries)


def _decoded(lang: str) -> dict[bytes, bytes]:
    from simplemma.strategies import DEFAULT_DICTIONARY_FACTORY

    lemmas: dict[bytes, bytes] = {}  # one object per lemma, which the pickle then refers to: 26.5 MB, not 33.9
    return {key.encode(): lemmas.setdefault(value.encode(), value.encode())
            for key, value in DEFAULT_DICTIONARY_FACTORY.get_dictionary(lang).items()}


@cache
def _lookup():
    from simplemma.strategies import DictionaryLookupStrategy

    return DictionaryLookupStrategy(_MachineCachedDictionaries())


def is_known(word: str, language: str) -> bool:
    """``simplemma.is_known(word, lang=language)``."""
    from simplemma.utils import normalize_token

    return _lookup().get_lemma(normalize_token(word), language) is not None
