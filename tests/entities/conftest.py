"""Fixtures for tagging tests: the gazetteer and the HanTa lexicon, built once per session."""

from __future__ import annotations

import re

import pytest

from news_archive.core.entities import Mention
from news_archive.core.places import Gazetteer, build_gazetteer
from news_archive.core.topics import HanTaLexicon


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return build_gazetteer()


@pytest.fixture(scope="session")
def lexicon_de() -> HanTaLexicon:
    return HanTaLexicon("de")


@pytest.fixture(scope="session")
def lexicon_en() -> HanTaLexicon:
    return HanTaLexicon("en")


def mentions_in(text: str, spans: dict[str, list[str]]) -> list[Mention]:
    """What a NER would output on ``text``: every occurrence of each span, longest first, labelled.

    Spans match inside hyphenated words too ("US" in "US-Plan"), as a tokenizer that splits
    hyphens would produce them.
    """
    taken: set[int] = set()
    found = []
    for label, names in spans.items():
        for name in sorted(names, key=len, reverse=True):
            for match in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
                if taken.isdisjoint(range(match.start(), match.end())):
                    taken.update(range(match.start(), match.end()))
                    found.append(Mention(name, label, match.start()))
    return sorted(found, key=lambda m: m.start)
