"""Extra search terms for German text: umlaut spellings and compound parts.

Neither lunr (as Material configures it for German: no stemmer) nor Pagefind (Snowball stemmer,
which folds ä→a and ß→ss but not ä↔ae) finds "Gespräche" when a reader types "Gespraeche". The
index therefore gets, per article, the other spellings of its words and the parts of its
compounds that are words of their own ("Sicherheitsgarantien" → "Sicherheit", "Garantien").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

WORD = re.compile(r"[^\W\d_]{3,}")
TO_DIGRAPH = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
TO_PLAIN = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "Ä": "A", "Ö": "O", "Ü": "U"})
DIGRAPHS = re.compile(r"(?<![qQ])(ae|oe|ue|Ae|Oe|Ue)")
UMLAUT_OF = {"ae": "ä", "oe": "ö", "ue": "ü", "Ae": "Ä", "Oe": "Ö", "Ue": "Ü"}
LINKING = ("s", "es", "n", "en", "")  # Fugenelemente: Sicherheit-s-garantie, Frau-en-quote
MIN_HEAD = 4
MIN_TAIL = 5  # shorter tails are mostly suffixes: "Inter-esse", "region-alen"
MIN_COMPOUND = MIN_HEAD + MIN_TAIL
MIN_ZIPF = 2.5  # a compound part counts as a word at this general-language frequency (wordfreq)
TAG = re.compile(r"<[^>]+>")


@lru_cache(maxsize=200_000)
def is_german_word(lower: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(lower, "de") >= MIN_ZIPF


def html_text(html: str) -> str:
    """The words of an HTML fragment (tags become spaces; entities stay, they are no words)."""
    return TAG.sub(" ", html)


def spelling_variants(word: str) -> set[str]:
    """Other ways to type ``word``: ä↔ae, ö↔oe, ü↔ue, ß↔ss, and umlauts without dots."""
    variants = set()
    if any(ch in word for ch in "äöüßÄÖÜ"):
        variants |= {word.translate(TO_DIGRAPH), word.translate(TO_PLAIN)}
    else:  # perhaps typed without umlauts: "Gespraeche", "Strasse"
        umlauts = DIGRAPHS.sub(lambda m: UMLAUT_OF[m.group(1)], word)
        if umlauts != word:
            variants.add(umlauts)
        if "ss" in word:
            variants.add(umlauts.replace("ss", "ß"))
    variants.discard(word)
    return variants


def compound_parts(word: str, is_word: Callable[[str], bool]) -> list[str]:
    """The head and tail of a German compound when both are words (``is_word`` on lower case).

    Only nouns (capitalised, as German writes them) are split: "vereinbart" is no "Verein" +
    "Bart". Tries the split with the longest tail first; a linking ``s``/``es``/``n``/``en`` may
    end the head. Parts are returned in lower case; nothing when no split works.
    """
    lower = word.lower()
    if len(lower) < MIN_COMPOUND or not word[:1].isupper() or not lower.isalpha():
        return []
    for cut in range(MIN_HEAD, len(lower) - MIN_TAIL + 1):
        head, tail = lower[:cut], lower[cut:]
        if not is_word(tail):
            continue
        for link in LINKING:
            if head.endswith(link) and len(head) - len(link) >= MIN_HEAD and is_word(head[: len(head) - len(link)]):
                return [head[: len(head) - len(link)], tail]
    return []


def extra_terms(texts: Iterable[str], is_word: Callable[[str], bool] | None = None) -> list[str]:
    """Terms to add to an article's index entry: spellings and compound parts not already in it.

    ``is_word`` (None: no compound splitting) says whether a lower-case string is a word.
    Sorted, so the output is deterministic.
    """
    words = {match.group(0) for text in texts for match in WORD.finditer(text)}
    present = {w.lower() for w in words}
    extra: set[str] = set()
    for word in words:
        if is_word is is_german_word:
            candidates = _german_candidates(word)
        else:
            candidates = tuple((c, c.lower()) for c in word_candidates(word, is_word))
        if candidates:  # most words have none
            extra.update(c for c, lower in candidates if lower not in present)
    return sorted(extra, key=lambda w: (w.lower(), w))


def word_candidates(word: str, is_word: Callable[[str], bool] | None) -> frozenset[str]:
    """A word's other spellings and, with ``is_word``, its compound parts and their spellings."""
    candidates = spelling_variants(word)
    if is_word is not None:
        for part in compound_parts(word, is_word):
            candidates.add(part)
            candidates |= spelling_variants(part)
    return frozenset(candidates)


@lru_cache(maxsize=400_000)
def _german_candidates(word: str) -> tuple[tuple[str, str], ...]:
    """``word_candidates`` with the German dictionary, each with its lower case, once per word: an
    archive repeats its words."""
    return tuple((c, c.lower()) for c in word_candidates(word, is_german_word))
