"""Topics: salient nouns and noun phrases of an article, 3 to 8 per article.

Two steps, so that a warm ingest does no language analysis:

- ``extract_candidates`` (at tagging time, cached with the mentions): the article's common nouns
  and compounds (German: capitalised words the HanTa tagger reads as common nouns, "Ukraine-Krieg"
  included; English: adjective/noun phrases), keyed by lemma so "Sanktion" and "Sanktionen" are
  one, with their count, first position and general-language frequency (wordfreq).
- ``choose_topics`` (at annotate time, over the whole archive): the taxonomy first, then the
  candidates ranked by frequency in the article × rarity in the language × rarity in the archive
  (TF-IDF with wordfreq as prior). Generic nouns ("Angaben", "Treffen", "Stunden"), names, and
  anything the curator blocks are left out; each topic is shown in the form the archive uses most.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

# Nouns at least this frequent in general language (wordfreq Zipf scale) are too generic to be a
# topic on their own ("Treffen" 5.3, "Angaben" 4.9 vs "Sanktionen" 4.1); tuned on news-dev-de.
GENERIC_ZIPF = {"de": 4.8, "en": 5.3}
DEFAULT_GENERIC_ZIPF = 5.0
MIN_TOPICS, MAX_TOPICS = 3, 6
MAX_CANDIDATES = 30  # kept per article at tagging time: the choice needs a margin over 8, not more
RELATIVE_CUTOFF = 0.3  # beyond the minimum, a topic scores at least this share of the best one
LEAD_SHARE = 0.15  # the first share of the text (title, summary) weighs more
_WORD = re.compile(r"[^\W\d_](?:[\w’'-]*\w)?")
_HANTA_MODELS = {"de": "morphmodel_ger.pgz", "en": "morphmodel_en.pgz"}


class Candidate(NamedTuple):
    key: str  # lemma, casefolded, without hyphens: "sicherheitsgarantie", "ukrainekrieg"
    surface: str  # the form the article uses most
    count: int
    first: float  # position of the first occurrence, 0 = start of the text, 1 = its end
    zipf: float  # general-language frequency of the surface form

    def to_json(self) -> list:
        return [self.key, self.surface, self.count, round(self.first, 3), round(self.zipf, 2)]

    @classmethod
    def from_json(cls, data: list) -> Candidate:
        return cls(*data)


class HanTaLexicon:
    """Word classes and lemmas from the HanTa tagger (German STTS, English CLAWS), memoized per word."""

    def __init__(self, language: str) -> None:
        from HanTa import HanoverTagger

        self.language = language
        self._tagger = HanoverTagger.HanoverTagger(_HANTA_MODELS[language])
        self._memo: dict[str, tuple[str, str]] = {}

    @staticmethod
    def supports(language: str) -> bool:
        return language in _HANTA_MODELS

    def analyze(self, word: str) -> tuple[str, str]:
        """(lemma, coarse class): class is NOUN (common noun), NAME, ADJ or OTHER."""
        found = self._memo.get(word)
        if found is None:
            lemma, tag = self._tagger.analyze(word)
            found = self._memo[word] = (lemma, _coarse(tag))
        return found

    def is_common_noun(self, word: str) -> bool:
        if self.language == "de" and not word[:1].isupper():
            return False
        return word[:1].islower() or self.analyze(word)[1] == "NOUN"


def _coarse(tag: str) -> str:
    if tag in ("NN", "NN1", "NN2", "NN0"):
        return "NOUN"
    if tag in ("NE", "NP0"):
        return "NAME"
    if tag.startswith(("ADJ", "AJ")):
        return "ADJ"
    if tag.startswith("V"):
        return "VERB"
    return "OTHER"


@lru_cache(maxsize=200_000)
def _zipf(word: str, language: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, language)


def extract_candidates(
    text: str,
    language: str,
    lexicon: HanTaLexicon | None,
    names: Iterable[tuple[int, int]] = (),
    person_starts: Iterable[int] = (),
) -> list[Candidate]:
    """Topic candidates of a text; ``names`` are (start, end) spans of names, never topics.

    A word right before a person's name is a role ("Kreml-Berater Uschakow"), not a topic.
    """
    if lexicon is None or not text:
        return []
    language = lexicon.language
    blocked = _Spans(names)
    roles_end = set(person_starts)
    found: list[tuple[str, str, int]] = []  # key, surface, position
    phrase: list[tuple[str, str, int]] = []  # English: running adjective/noun phrase
    for match in _WORD.finditer(text):
        word, start = match.group(), match.start()
        if blocked.covers(start) or _before_person(text, match.end(), roles_end):
            found.extend(_flush(phrase))
            continue
        if language == "en":
            kind, lemma = _english_word(word, lexicon)
            if kind in ("NOUN", "ADJ") and not _is_calendar_word(lemma, language):
                phrase.append((kind, word if kind == "ADJ" else lemma, start))
                continue
            found.extend(_flush(phrase))
        else:
            lemma = _german_noun(word, lexicon)
            if lemma and not _is_calendar_word(lemma, language):
                found.append((_key(lemma), _display_form(word, lemma), start))
    found.extend(_flush(phrase))
    return _aggregate(found, len(text), language)


class _Spans:
    """(start, end) spans, asked whether they cover a position in O(log n)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.reach = list(accumulate((end for _, end in ordered), max))  # furthest end so far

    def covers(self, position: int) -> bool:
        index = bisect_right(self.starts, position) - 1
        return index >= 0 and position < self.reach[index]


def _before_person(text: str, end: int, person_starts: set[int]) -> bool:
    return end + 1 in person_starts or end in person_starts


@lru_cache(maxsize=1 << 17)
def _german_noun(word: str, lexicon: HanTaLexicon) -> str | None:
    """The lemma of a capitalised common noun or noun compound ("Ukraine-Kriegs" → "Ukraine-Krieg").

    Memoised: a word's answer never changes for one lexicon, and news repeats its words.
    """
    if not word[:1].isupper() or len(word) < 3 or word.isupper():
        return None
    head = word.rsplit("-", 1)[-1]
    if not head[:1].isupper() or _is_role(head):
        return None
    lemma, kind = lexicon.analyze(head)
    if kind != "NOUN":
        return None
    return word[: len(word) - len(head)] + lemma


def _english_word(word: str, lexicon: HanTaLexicon) -> tuple[str, str]:
    if not word[:1].islower() or len(word) < 3:
        return "OTHER", word
    lemma, kind = lexicon.analyze(word)
    return kind, lemma


def _display_form(word: str, lemma: str) -> str:
    """Genitive singular folded into the base form: "Konflikts" → "Konflikt"; plurals stay."""
    return lemma if word in (lemma + "s", lemma + "es") else word


@lru_cache(maxsize=8)
def _calendar_words(language: str) -> tuple[str, ...]:
    """Weekday and month names from Unicode CLDR (babel): "Dienstagabend" is a date, not a topic."""
    from babel import Locale

    locale = Locale(language)
    names = [*locale.days["format"]["wide"].values(), *locale.months["format"]["wide"].values()]
    return tuple(name.casefold() for name in names)


def _is_calendar_word(lemma: str, language: str) -> bool:
    return lemma.casefold().startswith(_calendar_words(language))


def _flush(phrase: list[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
    """An English run of adjectives and nouns: its noun-final phrase (≤ 3 words) and its head noun."""
    while phrase and phrase[-1][0] != "NOUN":
        phrase.pop()
    words = phrase[-3:]
    phrase.clear()
    if not words:
        return []
    head_kind, head_lemma, head_start = words[-1]
    result = [(_key(head_lemma), head_lemma, head_start)]
    if len(words) > 1 and words[0][0] in ("NOUN", "ADJ"):
        text = " ".join(w for _, w, _ in words)
        result.append((_key(text), text, words[0][2]))
    return result


def _key(lemma: str) -> str:
    return lemma.casefold().replace("-", "")


def _is_role(word: str) -> bool:
    from news_archive.core.entities import _is_role_word

    return _is_role_word(word)


LEAD_CHARS = 600  # a title and a lead paragraph: the lead of any article, however short


def _position(offset: int, length: int) -> float:
    """Where a word first comes, as a share of the text; the first LEAD_CHARS characters count as
    the lead (below LEAD_SHARE) also in a short article, where they are a larger share."""
    share = offset / max(length, 1)
    return min(share, LEAD_SHARE * offset / LEAD_CHARS) if offset < LEAD_CHARS else share


def _aggregate(found: list[tuple[str, str, int]], length: int, language: str) -> list[Candidate]:
    counts: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    first: dict[str, int] = {}
    for key, surface, position in found:
        counts[key] += 1
        forms.setdefault(key, Counter())[surface] += 1
        first.setdefault(key, position)
    result = []
    generic = GENERIC_ZIPF.get(language, DEFAULT_GENERIC_ZIPF)
    for key in counts:
        surface = max(forms[key], key=lambda form: (forms[key][form], form))
        zipf = max(_zipf(form.replace("-", ""), language) for form in forms[key])
        candidate = Candidate(key, surface, counts[key], _position(first[key], length), zipf)
        if not _generic(candidate, generic):
            result.append(candidate)
    result.sort(key=lambda c: (-_salience(c), c.key))
    return result[:MAX_CANDIDATES]


def _generic(candidate: Candidate, threshold: float) -> bool:
    """A frequent single word ("Treffen"); compounds and phrases ("US-Plan") never are."""
    return candidate.zipf >= threshold and " " not in candidate.surface and "-" not in candidate.surface


_PERSON_NOUN = re.compile(r"(?:erin|istin|orin|antin|entin|innen|isten)$")


def _person_noun(c: Candidate) -> bool:
    """Nouns for people ("Politikerin", "Aktivisten", "Verbraucherinnen") name who, not what: no topic."""
    return bool(_PERSON_NOUN.search(c.surface.rsplit("-", 1)[-1]))


def _salient(c: Candidate) -> bool:
    """What the article is about is in its title or lead, or comes back: a word said once in passing
    in the body is no topic (so an article may get fewer than three)."""
    return c.count >= 2 or c.first < LEAD_SHARE


def _salience(c: Candidate) -> float:
    """Within one article: frequency there × rarity in the language × a bonus for the lead."""
    return (1 + math.log(c.count)) * math.sqrt(8 - max(c.zipf, 1.0)) * (1.3 if c.first < LEAD_SHARE else 1.0)


# --- the choice, over the archive ---------------------------------------------------------------


@dataclass
class TopicArticle:
    language: str
    candidates: list[Candidate]
    names: set[str] = field(default_factory=set)  # casefolded entity names and their surfaces
    topics: list[str] = field(default_factory=list)


def choose_topics(
    articles: list[TopicArticle], taxonomy: dict[str, list[str]] | None = None, blocked=lambda name: False
) -> None:
    """Set up to 6 salient ``topics`` on every article: taxonomy topics first, then the best candidates."""
    taxonomy = taxonomy or {}
    doc_freq: dict[str, Counter[str]] = {}
    shown: dict[str, dict[str, dict[str, int]]] = {}
    sizes: Counter[str] = Counter()
    for article in articles:
        sizes[article.language] += 1
        freq = doc_freq.setdefault(article.language, Counter())
        forms = shown.setdefault(article.language, {})
        for candidate in article.candidates:
            freq[candidate.key] += 1
            seen = forms.get(candidate.key)
            if seen is None:
                seen = forms[candidate.key] = {}
            seen[candidate.surface] = seen.get(candidate.surface, 0) + candidate.count
    display = {
        language: {key: (next(iter(c)) if len(c) == 1 else max(c, key=lambda form: (c[form], form)))
                   for key, c in forms.items()}
        for language, forms in shown.items()
    }
    keywords = {topic: [k.casefold() for k in words] for topic, words in taxonomy.items()}
    for article in articles:
        chosen = _taxonomy_topics(article, keywords, blocked)
        scored = _ranked(article, doc_freq.get(article.language, Counter()), sizes[article.language])
        scores = []
        for score, candidate in scored:
            form = display[article.language][candidate.key]
            if form.casefold() in article.names or blocked(form) or form in chosen:
                continue
            scores.append((score, form))
        best = scores[0][0] if scores else 0.0
        for score, form in scores:
            if len(chosen) >= MAX_TOPICS or (len(chosen) >= MIN_TOPICS and score < RELATIVE_CUTOFF * best):
                break
            chosen.append(form)
        article.topics = chosen


def _taxonomy_topics(article: TopicArticle, keywords: dict[str, list[str]], blocked) -> list[str]:
    words = article.names | {c.key for c in article.candidates} | {c.surface.casefold() for c in article.candidates}
    keys = [c.key for c in article.candidates]
    found = []
    for topic, wanted in keywords.items():
        hit = any(k in words or (len(k) >= 4 and any(key.endswith(k.replace("-", "")) for key in keys)) for k in wanted)
        if hit and not blocked(topic):
            found.append(topic)
    return found[:MAX_TOPICS]


def _ranked(article: TopicArticle, doc_freq: Counter[str], size: int) -> list[tuple[float, Candidate]]:
    generic = GENERIC_ZIPF.get(article.language, DEFAULT_GENERIC_ZIPF)
    result = []
    for c in article.candidates:
        if _generic(c, generic) or (size >= 20 and doc_freq[c.key] > size / 2) or not _salient(c) or _person_noun(c):
            continue  # generic in the language, or in most of the archive's articles, or said in passing
        result.append((_salience(c) * (1 + math.log((size + 1) / (doc_freq[c.key] + 1))), c))
    result.sort(key=lambda pair: (-pair[0], pair[1].key))
    return result


# --- what tagging stores per text ----------------------------------------------------------------


@dataclass
class Analysis:
    """What the language analysis found in one text: cached, so a warm ingest never redoes it."""

    mentions: list  # list[Mention]
    candidates: list[Candidate] = field(default_factory=list)


def analyze_text(text: str, mentions: list, lexicon: HanTaLexicon | None) -> Analysis:
    """Compound fragments dropped from raw NER mentions, and topic candidates outside the names."""
    from news_archive.core.entities import filter_compound_mentions, retype_people_after_roles

    is_common_noun = lexicon.is_common_noun if lexicon else (lambda word: word[:1].islower())
    mentions = retype_people_after_roles(text, filter_compound_mentions(text, mentions, is_common_noun))
    kept = [_trim_person(m, lexicon) for m in mentions]
    names_elsewhere = _names_inside_sentences(text, kept)
    kept = [m for m in kept if m.text and not _common_noun_name(m, lexicon) and not _has_verb(m, lexicon)
            and (m.text in names_elsewhere or not _capitalised_word(m, text, lexicon))]
    kept = with_listed_names(text, kept)
    names = [(m.start, m.start + len(m.text)) for m in kept if m.label in ("PER", "LOC", "ORG")]
    people = [m.start for m in kept if m.label == "PER"]
    candidates = extract_candidates(text, lexicon.language if lexicon else "", lexicon, names, people)
    return Analysis(_distinct(kept), candidates)


def with_listed_names(text: str, mentions: list) -> list:
    """Listed organizations and regions the model missed are added ("die AfD bei 30 Prozent", "den
    gesamten Donbass"), and a listed name the model took for a person or a misc name gets its listed
    type ("Pfizer", "TikTok")."""
    from news_archive.core.entities import Mention
    from news_archive.core.organizations import known_label, organization_group, scan_organizations

    result = [m._replace(label=known_label(m.text)) if m.label in ("PER", "MISC") and organization_group(m.text) else m
              for m in mentions]
    taken = sorted((m.start, m.start + len(m.text)) for m in mentions)
    starts = [begin for begin, _ in taken]
    reach = list(accumulate((end for _, end in taken), max))
    for form, start in scan_organizations(text):
        before = bisect_left(starts, start + len(form))  # spans that begin before this form ends
        if before == 0 or reach[before - 1] <= start:
            result.append(Mention(form, known_label(form), start))
    return result


def _common_noun_name(mention, lexicon: HanTaLexicon | None) -> bool:
    """A one-word person or place that is a known German common noun ("Foul", "Rand", "Sofas"): a
    NER error. Organizations keep such names ("Grünen", "Bundesregierung")."""
    if lexicon is None or lexicon.language != "de" or mention.label not in ("PER", "LOC"):
        return False
    word = mention.text
    return " " not in word and "-" not in word and not word.isupper() and _known_noun(word, lexicon)


def _names_inside_sentences(text: str, mentions: list) -> set[str]:
    """Words the article uses as names where capitals prove it: inside a sentence, or as the last
    word of a longer name ("Sebastian Kurz" makes a sentence-initial "Kurz" a name too)."""
    found = {m.text for m in mentions if m.text and not _sentence_start(text, m.start)}
    return found | {m.text.rsplit(" ", 1)[-1] for m in mentions if m.label == "PER" and " " in m.text}


def _capitalised_word(mention, text: str, lexicon: HanTaLexicon | None) -> bool:
    """A sentence-initial word that is no noun when written small ("Klar", "Hatten", "Wochenlang",
    "Erstens"): capitalised only by its place, taken for a person or place by the model. (Callers
    keep words the article also uses as names elsewhere: "Kurz", "Weil" are surnames too.)"""
    if lexicon is None or lexicon.language != "de" or mention.label not in ("PER", "LOC"):
        return False
    word = mention.text
    if " " in word or "-" in word or word.isupper() or not _sentence_start(text, mention.start):
        return False
    return _known_small_word(word.lower(), lexicon)


@lru_cache(maxsize=1 << 14)
def _known_small_word(word: str, lexicon: HanTaLexicon) -> bool:
    from news_archive.nlp.known_words import is_known

    return is_known(word, "de") and lexicon.analyze(word)[1] not in ("NOUN", "NAME")


def _sentence_start(text: str, start: int) -> bool:
    """Nothing but spaces, quotes and brackets between ``start`` and the end of the last sentence."""
    at = start - 1
    while at >= 0 and text[at] in " \t\"'„“‚‘»«(":
        at -= 1
    return at < 0 or text[at] in ".!?:\n"


def _has_verb(mention, lexicon: HanTaLexicon | None) -> bool:
    """A span running into a clause ("Gebietsabtretungen Es gebe") is no name."""
    if lexicon is None or lexicon.language != "de" or " " not in mention.text:
        return False
    return any(word[:1].islower() and lexicon.analyze(word)[1] == "VERB" for word in mention.text.split(" "))


def _trim_person(mention, lexicon: HanTaLexicon | None):
    """Offices and affiliated roles before a person's name go: "Fed-Vize Barr" → "Barr", "Capco-Expertin
    Neumüller" → "Neumüller", "Papst Leo" → "Leo". A plain known noun stays ("Sebastian" is one to
    the dictionaries), and nothing after the name goes: surnames are often nouns ("Florian Post")."""
    if lexicon is None or lexicon.language != "de" or mention.label != "PER" or " " not in mention.text:
        return mention
    from news_archive.core.entities import is_role_noun

    words = mention.text.split(" ")
    start = mention.start
    while len(words) > 1 and (is_role_noun(words[0]) or "-" in words[0] and _known_noun(words[0].rsplit("-", 1)[-1], lexicon)):
        start += len(words[0]) + 1
        words.pop(0)
    return mention._replace(text=" ".join(words), start=start)


def _known_noun(word: str, lexicon: HanTaLexicon) -> bool:
    """HanTa reads it as a common noun and simplemma's dictionary knows it (HanTa alone guesses
    unknown names such as "Kushner" as nouns)."""
    from news_archive.nlp.known_words import is_known

    return word[:1].isupper() and lexicon.analyze(word)[1] == "NOUN" and is_known(word, "de")


def _distinct(mentions: list) -> list:
    """Each (text, label) once, at its first offset, with its count: what annotate needs, compactly."""
    from news_archive.core.entities import Mention

    first: dict[tuple[str, str], list] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        if (m.text, m.label) in first:
            first[(m.text, m.label)][3] += m.count
        else:
            first[(m.text, m.label)] = [m.text, m.label, m.start, m.count]
    return [Mention(*values) for values in first.values()]
