"""Analyse drafts: NER mentions and topic candidates per draft, from the cache when text and model are unchanged.

A language without a configured spaCy model still gets its places (from the gazetteer) and topic
candidates. Everything computed here is cached; a warm run imports neither spaCy nor HanTa.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable
from functools import lru_cache

from news_archive.core.article import Draft
from news_archive.core.entities import Mention
from news_archive.core.places import gazetteer_fingerprint, scan_places
from news_archive.core.topics import Analysis, HanTaLexicon, analyze_text
from news_archive.ingest.cache import IngestCache
from news_archive.ingest.executors import Execution, map_docs
from news_archive.ingest.parallel import Analyse, WorkerPool
from news_archive.nlp import ModelNotFoundError, model_fingerprint

log = logging.getLogger(__name__)
ANALYSIS_VERSION = "8"  # bump when what an analysis holds or how it is computed changes


def tag_drafts(
    drafts: list[tuple[Draft, str]],
    models: dict[str, str | None],
    cache: IngestCache,
    execution: Execution = Execution(),
    on_tagged: Callable[[int], None] = lambda n: None,
    pool: WorkerPool | None = None,
) -> tuple[dict[str, Analysis], list[str]]:
    """Analyses by draft id for ``(draft, language)`` pairs, and notes on languages tagged only in part."""
    result: dict[str, Analysis] = {}
    notes: list[str] = []
    by_language: dict[str, list[Draft]] = {}
    for draft, language in drafts:
        by_language.setdefault(language, []).append(draft)
    for language, group in sorted(by_language.items()):
        reference = models.get(language)
        if reference is None:
            notes.append(_no_model_note(language, len(group)))
            fingerprint = "gazetteer:" + gazetteer_fingerprint()
        else:
            fingerprint = model_fingerprint(reference)
        keyed = [(draft.content_id(), text, _key(text, fingerprint)) for draft in group for text in [draft.plain_text()]]
        cached = cache.get_analyses([key for _, _, key in keyed])
        missing = [(draft_id, text, key) for draft_id, text, key in keyed if key not in cached]
        result.update({draft_id: cached[key] for draft_id, _, key in keyed if key in cached})
        log.debug("language %s: %d analyses from the cache, %d to compute", language, len(cached), len(missing))
        if missing and reference is None:
            result.update(_scan_without_model(language, missing, cache, on_tagged))
        elif missing:
            result.update(_run_model(language, reference, missing, cache, execution, on_tagged, pool))
    return result, notes


def _no_model_note(language: str, count: int) -> str:
    if language == "en":
        return (f"{count} English article(s) tagged with places from the gazetteer only: English articles need "
                "an installed spaCy model (en_core_web_sm) for people/organizations (set ingest.model.en)")
    return (f"{count} article(s) in {language!r} tagged with places from the gazetteer only: no spaCy model "
            f"configured for people/organizations (set ingest.model.{language} to an installed pipeline)")


MAX_PIECE_CHARS = 100_000  # spaCy refuses texts past nlp.max_length (E088); long texts are tagged in pieces
_PUNCTUATION_RUN = re.compile(r"([^\w\s])\1{49,}")  # "((((": spaCy's tokenizer is quadratic in such runs


def text_for_model(text: str) -> str:
    """``text`` with long runs of one punctuation character blanked (same length, so offsets hold)."""
    return _PUNCTUATION_RUN.sub(lambda m: " " * len(m.group()), text)


def split_pieces(text: str, limit: int = MAX_PIECE_CHARS) -> list[tuple[int, str]]:
    """``(offset, piece)`` pairs no longer than ``limit``, cut at paragraph, else sentence, else space boundaries."""
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = _boundary(window)
        pieces.append((start, text[start:start + cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces


def _boundary(window: str) -> int:
    """Where to end a piece: after the window's last paragraph end, else sentence end, else space."""
    for mark in ("\n", ". ", " "):
        found = window.rfind(mark)
        if found > 0:
            return found + len(mark)
    return len(window)


def _tag_long(language, reference, text: str, lexicon) -> Analysis:
    """Tag a text too long for one Doc piece by piece (in this process) and merge the mentions."""
    merged: dict[tuple[str, str], Mention] = {}
    pieces = split_pieces(text)
    items = [(piece, index) for index, (_, piece) in enumerate(pieces)]
    for index, mentions in map_docs(language, reference, items, mentions_of_doc, Execution(workers=0)):
        offset = pieces[index][0]
        for mention in mentions:
            key = (mention.text, mention.label)
            known = merged.get(key)
            merged[key] = (mention._replace(start=mention.start + offset) if known is None
                           else known._replace(count=known.count + mention.count))
    return analyze_text(text, sorted(merged.values(), key=lambda m: m.start), lexicon)


def _run_model(language, reference, missing, cache, execution: Execution, on_tagged, pool=None) -> dict[str, Analysis]:
    analyse = executor_analysis(execution)
    found: dict[str, Analysis] = {}
    for draft_id, text, key in [m for m in missing if len(m[1]) > MAX_PIECE_CHARS]:
        found[draft_id] = _tag_long(language, reference, text_for_model(text), _lexicon(language))
        cache.put_analysis(key, found[draft_id])
        on_tagged(1)
    missing = [m for m in missing if len(m[1]) <= MAX_PIECE_CHARS]
    items = [(text_for_model(text), index) for index, (_, text, _) in enumerate(missing)]
    try:
        for index, result in map_docs(language, reference, items, analyse, execution, pool):
            draft_id, text, key = missing[index]
            analysis = analyze_text(text, result, _lexicon(language)) if analyse is mentions_of_doc else result
            cache.put_analysis(key, analysis)
            found[draft_id] = analysis
            on_tagged(1)
    except ModelNotFoundError as error:
        raise ModelNotFoundError(f"language {language!r}: {error}") from None
    return found


def executor_analysis(execution: Execution) -> Analyse:
    """What the executor makes of each Doc. With one worker process (or none) only the mentions:
    this process makes the rest of the analysis (HanTa, simplemma, topics) on the core the worker
    leaves, while the worker tags the next texts. With two or more workers, or on Dask, the whole
    analysis where the model ran: this process would fall behind them (on real German news the
    analysis took 0.82x the model's time, BENCHMARKS.md session 5). The output is the same either way."""
    return analysis_of_doc if execution.executor == "dask" or execution.workers > 1 else mentions_of_doc


def mentions_of_doc(doc, text: str, language: str) -> list[Mention]:
    """The entity mentions of a Doc made from ``text``, a few hundred bytes. Module-level, so that
    worker processes and Dask run it by name."""
    from news_archive.nlp.mentions import mentions_from_doc

    return mentions_from_doc(doc)


def analysis_of_doc(doc, text: str, language: str) -> Analysis:
    """What ingest keeps of a Doc made from ``text`` (mentions and topic candidates)."""
    from news_archive.nlp.mentions import analyze_doc

    return analyze_doc(doc, _lexicon(language), text)


def _scan_without_model(language, missing, cache: IngestCache, on_tagged) -> dict[str, Analysis]:
    gazetteer = cache.gazetteer()
    lexicon = _lexicon(language)
    found: dict[str, Analysis] = {}
    for draft_id, text, key in missing:
        mentions = [Mention(name, "LOC", start) for name, start in scan_places(text, gazetteer, language)]
        analysis = analyze_text(text, mentions, lexicon)
        cache.put_analysis(key, analysis)
        found[draft_id] = analysis
        on_tagged(1)
    return found


@lru_cache(maxsize=8)
def _lexicon(language: str) -> HanTaLexicon | None:
    return HanTaLexicon(language) if HanTaLexicon.supports(language) else None


def _key(text: str, fingerprint: str) -> str:
    return f"{hashlib.sha256(text.encode('utf-8')).hexdigest()}:{fingerprint}:{ANALYSIS_VERSION}"
