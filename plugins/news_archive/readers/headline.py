"""The headline as printed: which of a page's title candidates its reader actually sees.

A page names its article up to five times: the visible heading, ``og:title``, the JSON-LD
``headline``, ``<meta name=title>`` and ``<title>``. They often differ: SEO variants, social
variants, a kicker glued on with a colon, the site name after a separator. The rules, in order:

1. Headings in navigation or breadcrumbs are not the printed headline (many publishers put an SEO
   title in a breadcrumb ``<h1>`` and print the headline as an ``<h2>`` in the article header).
2. A heading made of a short first part and a longer rest (``<span>kicker</span><span>headline``)
   gives three printed forms: the whole, the rest, and "kicker: rest".
3. The first metadata title (``og:title``, JSON-LD ``headline``, ``<meta name=title>``,
   ``twitter:title``, ``<title>``, each with the site name cut off) that equals a printed form
   wins: the publisher chose that form, kicker or not, and the reader sees it.
   ``og:title`` comes first because it is the form made for people (social cards), where the
   JSON-LD headline is often the search-engine variant.
4. A metadata title that ends in ": <printed heading>" wins too (a kicker printed beside the
   heading, not inside it).
5. Nothing printed matches: the JSON-LD headline (the article object's own name, stable where the
   visible heading of a live page changes), then the first visible heading, then the others.

A kicker is split off into its own field when the chosen title is the rest of a heading with a
kicker, or when a title reads "Kicker | Headline" after the site name is cut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

NAVIGATION = re.compile(r"breadcrumb|(?:^|[\s_-])(?:nav|navigation|menu|topbar|masthead)(?:$|[\s_-])", re.I)
NON_PRINTED_TAGS = ("nav", "footer", "aside")
SEPARATOR_ONLY = re.compile(r"^[\s:|–—\-/·]*$")
PIPE = re.compile(r"\s+\|\s+")
MAX_KICKER_WORDS = 8
MAX_HEADINGS = 6


@dataclass(frozen=True)
class Headline:
    title: str
    kicker: str | None = None
    source: str = ""  # which candidate decided: "og:title", "headline", "h1", …


@dataclass(frozen=True)
class PrintedHeading:
    text: str
    kicker: str | None = None
    rest: str | None = None

    def forms(self) -> dict[str, str | None]:
        """Each printed form → the kicker that goes with it."""
        found: dict[str, str | None] = {self.text: None}
        if self.kicker and self.rest:
            found.setdefault(f"{self.kicker}: {self.rest}", None)
            found.setdefault(self.rest, self.kicker)
        return found


def printed_headings(tree: etree._Element) -> list[PrintedHeading]:
    """The page's <h1> and <h2> outside navigation, in document order (at most a few)."""
    found = []
    for element in tree.iter("h1", "h2"):
        if _in_navigation(element):
            continue
        heading = _printed(element)
        if heading is not None:
            found.append(heading)
        if len(found) >= MAX_HEADINGS:
            break
    return found


def choose_headline(candidates: list[tuple[str, str]], headings: list[PrintedHeading]) -> Headline | None:
    """``candidates``: (source, title with the site name cut off), in order of preference."""
    candidates = [(source, clean(text)) for source, text in candidates if text and clean(text)]
    printed: dict[str, str | None] = {}
    for heading in headings:
        for form, kicker in heading.forms().items():
            printed.setdefault(_key(form), kicker)
    for source, text in candidates:
        if _key(text) in printed:
            return _split_pipe(Headline(text, printed[_key(text)], source))
    for source, text in candidates:
        for heading in headings:
            prefix, sep, rest = text.rpartition(": ")
            if sep and _key(rest) == _key(heading.text) and len(prefix.split()) <= MAX_KICKER_WORDS:
                return Headline(text, None, source)
    ordered = [c for c in candidates if c[0] == "headline"]
    ordered += [("h1", h.text) for h in headings[:1]]
    ordered += [c for c in candidates if c[0] != "headline"]
    return next((_split_pipe(Headline(text, None, source)) for source, text in ordered), None)


def clean(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").replace("\u200b", "").split())


def _split_pipe(headline: Headline) -> Headline:
    """"Vierschanzentournee | Beleidigen und beschuldigen" → kicker and title."""
    parts = PIPE.split(headline.title, maxsplit=1)
    if headline.kicker is None and len(parts) == 2 and len(parts[0].split()) <= MAX_KICKER_WORDS \
            and len(parts[1].split()) >= 2:
        return Headline(parts[1], parts[0], headline.source)
    return headline


def _in_navigation(element: etree._Element) -> bool:
    for ancestor in element.iterancestors():
        if ancestor.tag in NON_PRINTED_TAGS:
            return True
        if NAVIGATION.search(f"{ancestor.get('class', '')} {ancestor.get('id', '')}"):
            return True
    return bool(NAVIGATION.search(element.get("class", "")))


def _printed(element: etree._Element) -> PrintedHeading | None:
    text = clean(element.text_content())
    if not text:
        return None
    parts = [clean(element.text or "")] if clean(element.text or "") else []
    for child in element:
        if not isinstance(child.tag, str) or child.tag in ("script", "style", "meta"):
            continue
        if _hidden(child):
            continue
        part = clean(child.text_content())
        if part and not SEPARATOR_ONLY.match(part):
            parts.append(part.rstrip(":").strip())
        if clean(child.tail or ""):
            parts.append(clean(child.tail or ""))
    if len(parts) == 2 and len(parts[0].split()) <= MAX_KICKER_WORDS:
        return PrintedHeading(text, parts[0], parts[1])
    return PrintedHeading(text)


def _hidden(element: etree._Element) -> bool:
    return bool(re.search(r"visually-hidden|sr-only|screen-reader", element.get("class", "")))


def _key(text: str) -> str:
    """Comparison key: case, spacing, quotes and dashes do not count."""
    text = clean(text).lower()
    text = re.sub(r"[\"'„“”‚‘’«»]", "", text)
    text = re.sub(r"\s*[–—-]\s*", "-", text)
    return text.rstrip(" .")
