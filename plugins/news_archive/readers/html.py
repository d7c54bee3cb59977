"""Saved HTML pages: the page's own metadata first, the main text through trafilatura.

Precision over recall: page chrome (navigation, cookie banners, link lists, share and rating
boxes, donation appeals) is pruned before extraction, and when the page states its text in
JSON-LD ``articleBody`` that statement decides which extracted blocks belong to the article.
"""

from __future__ import annotations

import copy
import logging
import re
from collections import Counter

import lxml.html
from lxml import etree

from news_archive.core.article import Block, Draft
from news_archive.core.dates import is_dateline
from news_archive.core.errors import ArticleError
from news_archive.readers.headline import Headline, choose_headline, printed_headings
from news_archive.readers.page_chrome import is_page_chrome
from news_archive.readers.page_metadata import PageMetadata, normalise_iso_date, read_page_metadata

log = logging.getLogger(__name__)
LIBRARY_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext", "readability")

_HEADINGS = {"head"}
# Class or id words of page furniture; matched as whole words of the attribute.
CHROME_ATTRIBUTE = re.compile(
    r"(?:^|[\s_-])(?:cookies?|consent|gdpr|cmp|newsletter|paywall|donat\w*|spende\w*|subscri\w*|"
    r"share|sharing|social|rating|sterne|comments?|leserbriefe?|related|recommend\w*|breadcrumbs?|"
    r"outbrain|taboola|ad-?slot|advert\w*|sidebar|skip-?link)(?:$|[\s_-])",
    re.I,
)
CHROME_TAGS = ("nav", "header", "footer", "aside", "form", "dialog", "noscript", "button", "iframe")
CHROME_BLOCK = re.compile(
    r"^(?:mehr zum thema|lesen sie auch|auch interessant|das könnte sie auch interessieren|"
    r"weiterführende links|beiträge aus dem forum|wie hat ihnen dieser artikel gefallen|"
    r"quellen?|sources?|related (?:articles|stories)|read more|more on this)\b.{0,80}$",
    re.I,
)
END_MARKER = re.compile(
    r"^(?:wie hat ihnen (?:dieser|der) artikel gefallen|artikel bewerten|kommentare?|leserbriefe?|"
    r"teilen und weiterempfehlen|diskutieren sie mit|did you (?:like|enjoy) this article|comments?)\b.{0,40}$",
    re.I,
)
HIDDEN_CLASS = re.compile(r"(?:^|\s)(?:hidden|d-none|sr-only|visually-hidden|screen-reader-text)(?:$|\s)")
BYLINE = re.compile(r"^(?:von|by|text:|autor(?:in)?:)\s+\S+(?:\s+\S+){0,5}$", re.I)
TOKEN = re.compile(r"\w+")
MIN_FALLBACK_WORDS = 40  # fewer words than this are a teaser or a stub, not an article
MIN_BODY_WORDS = 80  # an articleBody shorter than this is a teaser, not the article
MIN_BODY_COVERAGE = 0.75  # extracted text must cover this share of articleBody to trust the filter
MIN_BLOCK_SHARE = 0.8
MAX_BOX_LINE_WORDS = 25
MAX_WIDGET_WORDS = 200  # a box around a form or button with more text than this is content  # lines after a "Mehr zum Thema" marker up to this length are its links  # a block belongs to articleBody when this share of its words is in it


def read_html(html: str, path: str) -> Draft:
    """One article from a saved page (already decoded)."""
    tree = _parse(html, path)
    page = read_page_metadata(tree)
    cleaned = _prune_chrome(copy.deepcopy(tree))
    document = _extract(cleaned, favor_precision=True)
    blocks = _blocks(document)
    if page.article_body and _coverage(blocks, page.article_body) < MIN_BODY_COVERAGE:
        recall = _extract(cleaned, favor_precision=False)
        if _coverage(_blocks(recall), page.article_body) > _coverage(blocks, page.article_body):
            document, blocks = recall, _blocks(recall)
    headline = _title(page, document, tree)
    if headline is None:
        raise ArticleError(path, "no title found in the HTML page")
    title = headline.title
    blocks = _clean_blocks(blocks, title, page)
    if len(blocks) == 1 and page.article_body and _clean(blocks[0].text) == page.article_body:
        blocks = _article_body_blocks(page)  # trafilatura's own JSON-LD fallback, one paragraph
        log.warning("%s: no article text in the page's markup; used the JSON-LD articleBody", path)
    if not blocks:
        blocks, fallback = _fallback_blocks(cleaned, page, title)
        if not blocks:
            raise ArticleError(path, "no article text found in the HTML page")
        log.warning("%s: trafilatura found no article text; used %s", path, fallback)
    date = _date(page, document, blocks)
    return Draft(
        source_path=path,
        sha256="",
        title=title,
        blocks=[b for b in blocks if not is_dateline(b.text)],
        authors=page.authors or _split_authors(document.author if document is not None else None),
        url=page.url or (document.url if document is not None else None),
        language=document.language if document is not None else None,
        publisher=page.site_names[0] if page.site_names else (document.sitename if document is not None else None),
        dateline=date,
        date_source="html" if date else None,
        fields=_extra_fields(headline, page),
    )


def _fallback_blocks(cleaned: etree._Element, page: PageMetadata, title: str) -> tuple[list[Block], str]:
    """When precision extraction finds nothing: recall mode, JSON-LD articleBody, the largest text block."""
    recall = _clean_blocks(_blocks(_extract(cleaned, favor_precision=False)), title, page)
    if sum(len(b.text.split()) for b in recall) >= MIN_FALLBACK_WORDS:
        return recall, "trafilatura's recall mode"
    if page.article_body and len(page.article_body.split()) >= MIN_FALLBACK_WORDS:
        return _article_body_blocks(page), "the JSON-LD articleBody"
    largest = _largest_text_block(cleaned)
    if largest:
        return largest, "the largest text block in <article>/<main>"
    return [], ""


def _article_body_blocks(page: PageMetadata) -> list[Block]:
    """articleBody's paragraphs: its line breaks, where it has them."""
    paragraphs = [_clean(p) for p in (page.article_body_raw or page.article_body or "").splitlines()]
    return [Block("paragraph", p) for p in paragraphs if p and not is_page_chrome(p)]


def _largest_text_block(tree: etree._Element) -> list[Block]:
    """The paragraphs of the <article>, <main> or <div> whose own <p> hold the most words."""
    best: list[Block] = []
    best_words = 0
    for container in tree.iter("article", "main", "div", "section"):
        paragraphs = [_clean(p.text_content()) for p in container.findall("p")]
        paragraphs = [p for p in paragraphs if p and not is_page_chrome(p)]
        words = sum(len(p.split()) for p in paragraphs)
        if container.tag in ("article", "main"):
            words *= 2  # the page says this is the article: it wins over a same-sized <div>
        if words > best_words:
            best, best_words = [Block("paragraph", p) for p in paragraphs], words
    return best if sum(len(b.text.split()) for b in best) >= MIN_FALLBACK_WORDS else []


def _extra_fields(headline: Headline, page: PageMetadata) -> dict:
    """Front-matter fields only a page states: kicker, section, modified date."""
    extra = {"kicker": headline.kicker, "section": page.section, "modified": page.modified}
    return {key: value for key, value in extra.items() if value}


def _parse(html: str, path: str) -> etree._Element:
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as error:
        raise ArticleError(path, f"unreadable HTML: {error}") from None


def _prune_chrome(tree: etree._Element) -> etree._Element:
    """Remove page furniture that extractors sometimes keep; never an element holding the article."""
    paragraphs = max(len(tree.xpath("//p")), 1)
    doomed = [e for e in tree.iter(*CHROME_TAGS)]
    doomed += [e for e in tree.xpath("//*[@class or @id]") if _chrome_attribute(e)]
    doomed += [e for e in tree.iter("ul", "ol") if _is_link_list(e)]
    doomed += [e for e in tree.xpath("//*[@hidden or @aria-hidden='true']")]
    doomed += [_widget(e, paragraphs) for e in tree.iter("form", "button")]
    for element in doomed:
        if element.getparent() is None or len(element.xpath(".//p")) > paragraphs / 2:
            continue
        intro = element.getprevious()
        if element.tag in ("ul", "ol") and intro is not None and _is_list_intro(intro):
            intro.drop_tree()
        element.drop_tree()
    return tree


def _widget(control: etree._Element, paragraphs: int) -> etree._Element:
    """The largest small box around a form or button: a newsletter, donation or login widget."""
    widget = control
    for ancestor in control.iterancestors():
        if ancestor.tag in ("body", "main", "article", "html"):
            break
        words = len(" ".join(ancestor.itertext()).split())
        if words > MAX_WIDGET_WORDS or len(ancestor.xpath(".//p")) > paragraphs / 2:
            break
        widget = ancestor
    return widget


def _chrome_attribute(element: etree._Element) -> bool:
    if element.tag in ("html", "body", "main", "article"):
        return False
    classes = element.get("class", "")
    return bool(CHROME_ATTRIBUTE.search(f"{classes} {element.get('id', '')}") or HIDDEN_CLASS.search(classes))


def _is_link_list(element: etree._Element) -> bool:
    """A list whose every item is only a link: related articles, tags, navigation."""
    items = element.findall("li")
    if len(items) < 2:
        return False
    for item in items:
        text = "".join(item.itertext()).split()
        linked = "".join(t for a in item.iter("a") for t in a.itertext()).split()
        if not text or linked != text:
            return False
    return True


def _is_list_intro(element: etree._Element) -> bool:
    if not isinstance(element.tag, str):
        return False
    text = " ".join("".join(element.itertext()).split())
    return text.endswith(":") and len(text.split()) <= 15


class _ToDebugLog(logging.Filter):
    """Library chatter ("discarding data: None") is debug output, not a message for the terminal."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.ERROR:
            return True
        record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        return logging.getLogger().isEnabledFor(logging.DEBUG)


def _quiet_libraries() -> None:
    """A logger's filter sees only its own records, so every module logger of the libraries gets one."""
    names = [n for n in list(logging.Logger.manager.loggerDict) if n.split(".")[0] in LIBRARY_LOGGERS]
    for name in {*LIBRARY_LOGGERS, *names}:
        library = logging.getLogger(name)
        if not any(isinstance(f, _ToDebugLog) for f in library.filters):
            library.addFilter(_ToDebugLog())


def _extract(tree: etree._Element, favor_precision: bool):
    import trafilatura  # heavy import: only when an HTML file is read

    _quiet_libraries()

    return trafilatura.bare_extraction(
        copy.deepcopy(tree),
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        favor_precision=favor_precision,
        favor_recall=not favor_precision,
        with_metadata=True,
        date_extraction_params={"extensive_search": True, "original_date": True},
    )


def _blocks(document) -> list[Block]:
    if document is None or document.body is None:
        return []
    blocks = []
    for element in document.body.iter("p", "head", "list", "quote"):
        if element.tag == "p" and element.getparent() is not None and element.getparent().tag == "quote":
            continue
        text = _clean("".join(element.itertext()))
        if text:
            blocks.append(Block("heading" if element.tag in _HEADINGS else "paragraph", text))
    return blocks


def _clean_blocks(blocks: list[Block], title: str, page: PageMetadata) -> list[Block]:
    """Drop repeated titles, bylines and chrome boxes; with a trustworthy articleBody, what is not in it."""
    kept: list[Block] = []
    in_box = False
    for index, block in enumerate(blocks):
        if END_MARKER.match(block.text) and index >= len(blocks) / 2:
            break  # reader feedback comes after the article: what follows is the site's
        if block.text in (title, page.headline) or BYLINE.match(block.text) or is_page_chrome(block.text):
            continue
        if CHROME_BLOCK.match(block.text):
            in_box = True  # "Mehr zum Thema", "Quellen:": the box and its short link lines go
            continue
        if in_box and block.kind == "paragraph" and len(block.text.split()) < MAX_BOX_LINE_WORDS:
            continue
        in_box = False
        kept.append(block)
    body = page.article_body
    if body and len(body.split()) >= MIN_BODY_WORDS and _coverage(kept, body) >= MIN_BODY_COVERAGE:
        kept = [b for b in kept if _in_body(b, body)]
    while kept and kept[-1].kind == "heading":
        kept.pop()
    return kept


def _in_body(block: Block, body: str) -> bool:
    """Headings are glued to the next sentence in articleBody, so they must appear verbatim."""
    if block.kind == "heading":
        return _squash(block.text) in _squash(body)
    words = Counter(TOKEN.findall(body.lower()))
    return _share_in(block.text, words) >= MIN_BLOCK_SHARE


def _squash(text: str) -> str:
    return "".join(TOKEN.findall(text.lower()))


def _coverage(blocks: list[Block], body: str) -> float:
    """Share of articleBody's words that the blocks contain."""
    theirs = Counter(TOKEN.findall(body.lower()))
    ours = Counter(TOKEN.findall(" ".join(b.text for b in blocks).lower()))
    total = sum(theirs.values())
    return sum((ours & theirs).values()) / total if total else 0.0


def _share_in(text: str, words: Counter) -> float:
    tokens = TOKEN.findall(text.lower())
    return sum(1 for t in tokens if t in words) / len(tokens) if tokens else 0.0


def _title(page: PageMetadata, document, tree: etree._Element) -> Headline | None:
    """The headline as printed, from every candidate the page offers (rules in readers/headline.py)."""
    candidates = list(page.title_candidates)
    if document is not None and document.title:
        candidates.append(("trafilatura", document.title))
    return choose_headline(candidates, printed_headings(tree))


def _date(page: PageMetadata, document, blocks: list[Block]) -> str | None:
    """JSON-LD or <meta> publication date, a date in the title suffix, a dateline, htmldate."""
    if page.published:
        return page.published
    if page.title_date:
        return page.title_date
    dateline = next((b.text for b in blocks[:5] if is_dateline(b.text)), None)
    if dateline:
        return dateline
    return normalise_iso_date(document.date) if document is not None and document.date else None


def _clean(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").replace("\u200b", "").split())


def _split_authors(value: str | None) -> list[str]:
    if not value:
        return []
    names = value.replace(" and ", ";").replace(" und ", ";").split(";")
    return [name.strip() for name in names if name.strip()]
