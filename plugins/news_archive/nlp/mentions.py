"""Mentions out of spaCy Docs: the only place that knows what a Doc looks like."""

from __future__ import annotations

from typing import TYPE_CHECKING

from news_archive.core.entities import Mention
from news_archive.core.topics import Analysis, HanTaLexicon, analyze_text

if TYPE_CHECKING:
    from spacy.tokens import Doc

LABELS = {"PER": "PER", "PERSON": "PER", "LOC": "LOC", "GPE": "LOC", "ORG": "ORG", "MISC": "MISC", "NORP": "MISC"}


def mentions_from_doc(doc: Doc) -> list[Mention]:
    """The Doc's entity spans with labels mapped to PER / LOC / ORG / MISC, as the NER found them.

    A span across a line break runs from a heading into a paragraph: a model error, dropped.
    """
    found = []
    for ent in doc.ents:
        label = LABELS.get(ent.label_)
        if label and "\n" not in ent.text:
            found.append(Mention(ent.text, label, ent.start_char))
    return found


def analyze_doc(doc: Doc, lexicon: HanTaLexicon | None, text: str | None = None) -> Analysis:
    """Mentions (compound fragments such as "US" in "US-Plan" dropped) and topic candidates.

    ``text`` is the text the Doc was made from, when the caller has it (``doc.text`` is slow).
    """
    return analyze_text(doc.text if text is None else text, mentions_from_doc(doc), lexicon)
