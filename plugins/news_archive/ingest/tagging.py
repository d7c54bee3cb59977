"""Tag drafts with spaCy: mentions per draft, from the cache when the text and model are unchanged."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable

from news_archive.core.article import Draft
from news_archive.core.entities import Mention
from news_archive.ingest.cache import IngestCache
from news_archive.nlp import ModelNotFoundError, model_fingerprint

log = logging.getLogger(__name__)


def tag_drafts(
    drafts: list[tuple[Draft, str]],
    models: dict[str, str | None],
    cache: IngestCache,
    batch_size: int,
    on_tagged: Callable[[int], None] = lambda n: None,
) -> tuple[dict[str, list[Mention]], list[str]]:
    """Mentions by draft id for ``(draft, language)`` pairs, and notes on languages left untagged."""
    result: dict[str, list[Mention]] = {}
    notes: list[str] = []
    by_language: dict[str, list[Draft]] = {}
    for draft, language in drafts:
        by_language.setdefault(language, []).append(draft)
    for language, group in sorted(by_language.items()):
        reference = models.get(language)
        if reference is None:
            notes.append(
                f"{len(group)} article(s) in {language!r} not tagged with names: no spaCy model configured "
                f"(set ingest.model.{language} to an installed pipeline, e.g. {language}_core_web_sm)"
            )
            for draft in group:
                result[draft.content_id()] = []
            continue
        fingerprint = model_fingerprint(reference)
        missing: list[tuple[str, str, str]] = []
        for draft in group:
            text = draft.plain_text()
            key = _key(text, fingerprint)
            cached = cache.get_mentions(key)
            if cached is None:
                missing.append((draft.content_id(), text, key))
            else:
                result[draft.content_id()] = cached
        if missing:
            result.update(_run_model(language, reference, missing, cache, batch_size, on_tagged))
    return result, notes


def _run_model(language, reference, missing, cache, batch_size, on_tagged):
    from news_archive.nlp import load_pipeline
    from news_archive.nlp.mentions import mentions_from_doc

    try:
        nlp = load_pipeline(language, reference)
    except ModelNotFoundError as error:
        raise ModelNotFoundError(f"language {language!r}: {error}") from None
    found: dict[str, list[Mention]] = {}
    texts = ((text, (draft_id, key)) for draft_id, text, key in missing)
    for doc, (draft_id, key) in nlp.pipe(texts, as_tuples=True, batch_size=batch_size):
        mentions = mentions_from_doc(doc)
        cache.put_mentions(key, mentions)
        found[draft_id] = mentions
        on_tagged(1)
    return found


def _key(text: str, fingerprint: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest() + ":" + fingerprint
