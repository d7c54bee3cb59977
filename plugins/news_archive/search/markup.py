"""Markup that feeds the search index of an article page; pure string functions.

Pagefind reads attributes (https://pagefind.app/docs/): the article is wrapped in
``data-pagefind-body`` (so listings, entity pages and the home page stay out of the index),
filters, sort key and metadata sit in a hidden block marked ``data-pagefind-ignore`` (captured,
but not indexed as text), and two hidden blocks are indexed: the entity names with a higher
weight, and the extra spellings of ``terms``.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from news_archive.search.terms import extra_terms, html_text
from news_archive.site.options import ENTITY_TYPES
from news_archive.site.records import ArticleRecord

LANGUAGE_NAMES = {"de": {"de": "Deutsch", "en": "Englisch"}, "en": {"de": "German", "en": "English"}}
ENTITY_WEIGHT = 5.0  # entity names rank like a subheading (h2 weighs 6, body text 1)
TERMS_SLOT = "<!--na-search-terms-->"  # where the indexing process puts an article's extra terms
BODY_MARK = "data-pagefind-body"
# templates/article.html: the entity chips in the header; the footer with source, neighbours, related
CHIPS = ('<div class="na-chips"', "</div>\n")
FOOTER = ('<footer class="na-article-footer">', "</footer>")


def language_name(code: str, ui_language: str) -> str:
    return LANGUAGE_NAMES.get(ui_language, LANGUAGE_NAMES["en"]).get(code, code)


def entity_names(article: ArticleRecord) -> list[str]:
    """Every canonical name of the article and its aliases, in front-matter order, once each."""
    names = [n for t in ENTITY_TYPES for n in article.names(t)]
    for name in list(names):
        names += article.aliases.get(name, ())
    return list(dict.fromkeys(names))


def render_terms(terms: list[str]) -> str:
    """Extra words for the index, hidden from readers (both engines index it)."""
    if not terms:
        return ""
    return f'<p class="na-search-terms" hidden>{escape(" ".join(terms))}</p>\n'


def render_pagefind_article(html: str, article: ArticleRecord, date_label: str, ui_language: str,
                            terms_slot: bool) -> str:
    """The article's content wrapped for Pagefind: body, filters, sort key, metadata, boosted names.

    With ``terms_slot`` the extra terms are left to the indexing process (``fill_terms``): they
    cost the build nothing and the page on disk does not carry them.
    """
    data = [
        f'<span data-pagefind-sort="date">{escape(article.date.isoformat())}</span>',
        f'<span data-pagefind-meta="date">{escape(date_label)}</span>',
        f'<span data-pagefind-filter="year">{article.date.year}</span>',
        f'<span data-pagefind-filter="language">{escape(language_name(article.language, ui_language))}</span>',
    ]
    for entity_type in ENTITY_TYPES:
        data += [f'<span data-pagefind-filter="{entity_type}">{escape(n)}</span>' for n in article.names(entity_type)]
    names = entity_names(article)
    boosted = f'<p hidden data-pagefind-weight="{ENTITY_WEIGHT}">{escape(" · ".join(names))}</p>\n' if names else ""
    return (
        '<div class="na-search-body" data-pagefind-body>\n' + html
        + '<div hidden data-pagefind-ignore>' + "".join(data) + "</div>\n"
        + boosted + (TERMS_SLOT if terms_slot else "") + "</div>\n"
    )


def article_text_part(content: str) -> str:
    """What the index reads of an article's content: without its entity chips (the names are
    indexed from the boosted block) and without its footer (other articles' titles are not this
    article's words)."""
    content = _cut(content, content.find(CHIPS[0]), CHIPS[1])  # the first: the header comes before the body
    return _cut(content, content.rfind(FOOTER[0]), FOOTER[1])  # the last: an article body cannot push it out


def _cut(content: str, start: int, end_mark: str) -> str:
    """``content`` without what runs from ``start`` to the next ``end_mark`` (unchanged if either is missing)."""
    end = content.find(end_mark, start)
    if start < 0 or end < 0:
        return content
    return content[:start] + content[end + len(end_mark):]


def render_index_page(content: str, title: str, language: str) -> str:
    """What Pagefind gets for an article: the text part of its content in a bare page (``title`` is HTML)."""
    content = article_text_part(content)
    return (f'<!DOCTYPE html>\n<html lang="{escape(language)}">\n<head><meta charset="utf-8"><title>{title}</title></head>\n'
            f"<body>\n{content}</body>\n</html>\n")


def fill_terms(page: str, is_word: Callable[[str], bool] | None) -> str:
    """``page`` with its terms slot replaced by the extra terms of the indexed part before it."""
    slot = page.find(TERMS_SLOT)
    if slot < 0:
        return page
    body = page.find(BODY_MARK)
    indexed = page[page.find(">", body) + 1 if body >= 0 else 0:slot]
    return page[:slot] + render_terms(extra_terms([html_text(indexed)], is_word)) + page[slot + len(TERMS_SLOT):]
