"""URL slugs with German transliteration (ä→ae, ß→ss), stable for the same input."""

from __future__ import annotations

from slugify import slugify

GERMAN_REPLACEMENTS = [
    ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue"), ("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("ẞ", "SS"),
]
MAX_SLUG_LENGTH = 80


def make_slug(text: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    """A lowercase ASCII slug; never empty (falls back to 'untitled')."""
    slug = slugify(text, replacements=GERMAN_REPLACEMENTS, max_length=max_length, word_boundary=True)
    return slug or "untitled"


def assign_unique_slugs(keys: list[tuple[str, str, str]]) -> dict[str, str]:
    """Map each article id to a slug unique within its folder.

    ``keys`` holds ``(article_id, folder, base_slug)``. Within one folder, the article with the
    smallest id keeps the bare slug and the others get a short id suffix, so the result depends
    only on the set of articles, never on the order they were read in.
    """
    groups: dict[tuple[str, str], list[str]] = {}
    for article_id, folder, base in keys:
        groups.setdefault((folder, base), []).append(article_id)
    result: dict[str, str] = {}
    for (_, base), ids in groups.items():
        ordered = sorted(set(ids))
        result[ordered[0]] = base
        for article_id in ordered[1:]:
            result[article_id] = f"{base}-{article_id[:8]}"
    return result
