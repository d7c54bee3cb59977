"""Mentions out of spaCy Docs: the only place that knows what a Doc looks like."""

from __future__ import annotations

from typing import TYPE_CHECKING

from news_archive.core.entities import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

LABELS = {"PER": "PER", "PERSON": "PER", "LOC": "LOC", "GPE": "LOC", "ORG": "ORG", "MISC": "MISC", "NORP": "MISC"}


def mentions_from_doc(doc: Doc) -> list[Mention]:
    found = []
    for ent in doc.ents:
        label = LABELS.get(ent.label_)
        if label:
            found.append(Mention(ent.text, label, ent.start_char))
    return found
