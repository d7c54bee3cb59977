"""Saved HTML pages: main text, title, date, authors, lead and subheadings through trafilatura."""

from __future__ import annotations

from lxml import etree

from news_archive.core.article import Block, Draft
from news_archive.core.errors import ArticleError

_HEADINGS = {"head"}


def read_html(html: str, path: str) -> Draft:
    import trafilatura  # heavy import: only when an HTML file is read

    document = trafilatura.bare_extraction(
        html,
        output_format="python",
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        favor_precision=True,
        with_metadata=True,
        date_extraction_params={"extensive_search": True, "original_date": True},
        as_dict=False,
    )
    if document is None or not document.title:
        raise ArticleError(path, "no article found in the HTML page")
    blocks = _blocks_from_tree(document.body) if document.body is not None else []
    blocks = [b for b in blocks if b.text != document.title]
    if not blocks:
        raise ArticleError(path, "no article text found in the HTML page")
    return Draft(
        source_path=path,
        sha256="",
        title=" ".join(document.title.split()),
        blocks=blocks,
        authors=_split_authors(document.author),
        url=document.url,
        language=document.language,
        publisher=document.sitename,
        dateline=document.date,
        date_source="html" if document.date else None,
    )


def _blocks_from_tree(body: etree._Element) -> list[Block]:
    blocks = []
    for element in body.iter("p", "head", "list", "quote"):
        text = " ".join("".join(element.itertext()).split())
        if not text:
            continue
        kind = "heading" if element.tag in _HEADINGS else "paragraph"
        blocks.append(Block(kind, text))
    return blocks


def _split_authors(value: str | None) -> list[str]:
    if not value:
        return []
    return [name.strip() for name in value.replace(" and ", ";").replace(" und ", ";").split(";") if name.strip()]
