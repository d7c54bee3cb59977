"""What a saved page says about itself: JSON-LD article objects and <meta> tags.

Publishers write these for search engines and social networks, so they are precise where they
exist: the reader prefers them to anything guessed from the page layout.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from datetime import datetime

from lxml import etree

ARTICLE_TYPES = re.compile(r"^(?:\w*Article|BlogPosting|LiveBlogPosting|Report|ClaimReview)$")
TITLE_METAS = ("title", "og:title", "twitter:title")
DATE_METAS = ("article:published_time", "og:published_time", "date", "pubdate", "publishdate",
              "dc.date.issued", "dcterms.created", "parsely-pub-date", "sailthru.date")
SITE_METAS = ("og:site_name", "application-name", "publisher", "twitter:site")
TITLE_SEPARATOR = re.compile(r"\s+(?:\||–|—|-|·|::|»)\s+")
DATE_PART = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{4}$|^\d{4}-\d{2}-\d{2}$")
_ISO_PREFIX = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
MAX_AUTHOR_CHARS = 80


@dataclass
class PageMetadata:
    titles: list[str] = field(default_factory=list)  # <meta> titles, site name and date cut off
    headline: str | None = None  # JSON-LD headline of the article object
    published: str | None = None  # ISO 8601
    title_date: str | None = None  # a "| 28.04.2023" suffix of the page title
    authors: list[str] = field(default_factory=list)
    article_body: str | None = None
    article_body_raw: str | None = None  # line breaks kept: the paragraphs of a fallback body
    description: str | None = None
    site_names: list[str] = field(default_factory=list)
    title_candidates: list[tuple[str, str]] = field(default_factory=list)  # (source, title), preferred first
    url: str | None = None  # <link rel=canonical>, else og:url
    section: str | None = None
    modified: str | None = None  # ISO 8601


def read_page_metadata(tree: etree._Element) -> PageMetadata:
    """The article's own metadata: JSON-LD article objects first, then <meta> tags."""
    metas = _meta_tags(tree)
    articles = [o for o in _json_ld_objects(tree) if _is_article(o)]
    page = PageMetadata()
    page.site_names = [metas[k] for k in SITE_METAS if metas.get(k)]
    page.site_names += [_name(a.get("publisher")) for a in articles if _name(a.get("publisher"))]
    url = metas.get("og:url") or "".join(tree.xpath("//link[@rel='canonical']/@href")[:1])
    host = re.sub(r"^www\d?\.", "", url.split("/")[2]) if url.count("/") >= 2 else ""
    if host:
        page.site_names.append(host)
    raw_titles = [metas[k] for k in TITLE_METAS if metas.get(k)]
    raw_titles += [_clean(t) for t in tree.xpath("//head/title/text()")[:1]]
    for raw in raw_titles:
        title, date_part = strip_site_suffix(raw, page.site_names)
        page.title_date = page.title_date or date_part
        if title and raw in (metas.get(k) for k in TITLE_METAS) and title not in page.titles:
            page.titles.append(title)
    page.headline = next((_clean(a["headline"]) for a in articles if isinstance(a.get("headline"), str)), None)
    page.headline = strip_site_suffix(page.headline, page.site_names)[0] if page.headline else None
    named = [("og:title", metas.get("og:title")), ("headline", page.headline), ("title", metas.get("title")),
             ("twitter:title", metas.get("twitter:title")), ("<title>", "".join(tree.xpath("//head/title/text()")[:1]))]
    for source, raw in named:
        if raw:
            page.title_candidates.append((source, strip_site_suffix(_clean(raw), page.site_names)[0]))
    canonical = "".join(tree.xpath("//link[@rel='canonical']/@href")[:1]).strip()
    page.url = canonical if canonical.startswith("http") else (metas.get("og:url") or None)
    sections = [a.get("articleSection") for a in articles] + [metas.get("article:section")]
    sections = [s[0] if isinstance(s, list) and s else s for s in sections]
    page.section = next((_clean(s) for s in sections if isinstance(s, str) and s.strip()), None)
    modified = [a.get("dateModified") for a in articles] + [metas.get("article:modified_time"),
                                                           metas.get("og:updated_time")]
    page.modified = next((iso for iso in map(normalise_iso_date, modified) if iso), None)
    dates = [a.get("datePublished") for a in articles] + [metas.get(k) for k in DATE_METAS]
    page.published = next((iso for iso in map(normalise_iso_date, dates) if iso), None)
    page.authors = next((names for names in (_names(a.get("author")) for a in articles) if names), [])
    body = next((a["articleBody"] for a in articles if isinstance(a.get("articleBody"), str)), None)
    page.article_body = _clean(body) if body else None
    page.article_body_raw = html.unescape(body) if body else None
    page.description = next((_clean(metas[k]) for k in ("description", "og:description") if metas.get(k)), None)
    return page


def strip_site_suffix(title: str, site_names: list[str]) -> tuple[str, str | None]:
    """``"Headline | DW | 28.04.2023"`` → ``("Headline", "28.04.2023")``: only site names and dates go."""
    parts = TITLE_SEPARATOR.split(title)
    separators = TITLE_SEPARATOR.findall(title)
    date_part = None
    sites = {_key(s) for s in site_names if len(_key(s)) >= 2}
    while len(parts) > 1:
        last, key = parts[-1].strip(), _key(parts[-1])
        if DATE_PART.match(last):
            date_part = date_part or last
        elif not key or not any(key == s or (len(key) >= 2 and (s.startswith(key) or key in s.split("."))) for s in sites):
            break
        parts.pop()
        separators.pop()
    kept = parts[0] + "".join(sep + part for sep, part in zip(separators, parts[1:], strict=True))
    return kept.strip(), date_part


def normalise_iso_date(value: object) -> str | None:
    """A JSON-LD or <meta> date as ISO 8601, or None when it is not one."""
    if not isinstance(value, str):
        return None
    match = _ISO_PREFIX.search(value.strip())
    if not match:
        return None
    try:
        return datetime.fromisoformat(match.group(0)).isoformat()
    except ValueError:
        return None


def _meta_tags(tree: etree._Element) -> dict[str, str]:
    metas: dict[str, str] = {}
    for meta in tree.xpath("//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = _clean(meta.get("content") or "")
        if key and content and key not in metas:
            metas[key] = content
    return metas


def _json_ld_objects(tree: etree._Element) -> list[dict]:
    """Every object in the page's JSON-LD scripts, @graph members included; broken scripts skipped."""
    found: list[dict] = []
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "", strict=False)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                found.append(item)
                if isinstance(item.get("@graph"), (list, dict)):
                    stack.append(item["@graph"])
    return found


def _is_article(obj: dict) -> bool:
    kinds = obj.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(k, str) and ARTICLE_TYPES.match(k) for k in kinds)


def _names(value: object) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names = [_name(item) for item in items]
    return [n for n in dict.fromkeys(names) if n and len(n) <= MAX_AUTHOR_CHARS]


def _name(value: object) -> str | None:
    if isinstance(value, dict):
        value = value.get("name")
    return _clean(value) if isinstance(value, str) and value.strip() else None


def _clean(text: str) -> str:
    """Entities decoded (some publishers escape twice), invisible characters and spacing removed."""
    return " ".join(html.unescape(text).replace("\u00ad", "").replace("\u200b", "").split())


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9.]", "", text.lower()).strip(".")
