"""Property tests for the reader-view text reader: it never crashes and never loses a paragraph."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from news_archive.core.dates import is_dateline, split_leading_dateline
from news_archive.core.errors import ArticleError
from news_archive.readers.decoding import decode_text
from news_archive.readers.text import BULLET, CHROME_CUT, CHROME_LINE, SUMMARY_MARKERS, read_text

REALISTIC_LINES = [
    "Zusammenfassung", "In Kürze:", "Kommentare", "Teilen", "Stand: 03.12.2025 07:42 Uhr",
    "Thursday, January 12, 2006", "• Ein Punkt der Zusammenfassung.", "- another point",
    "Witkoff berät mit Trump", "Foto: dpa", "Haben Sie das erwartet?", "„Ja.“", "Sources",
    "Ein ganz normaler Absatz mit einem Satz. Und noch einem.", "Image: Nick Moreau.",
    "Monday, March 5, 2007 On Saturday, the festival began.", "© 2026 Verlag", "Mehr zum Thema",
]
LINE = st.one_of(st.sampled_from(REALISTIC_LINES), st.text(max_size=60))
SEPARATOR = st.sampled_from(["\n", "\n\n", "\n \n", "\r\n"])


def normalise(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").replace("\u200b", "").split())


def article_text(lines: list[str], separators: list[str]) -> str:
    return "".join(line + sep for line, sep in zip(lines, separators + ["\n"] * len(lines)))


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_crashes_on_arbitrary_text(text: str) -> None:
    try:
        read_text(text, "any.txt")
    except ArticleError:
        pass


@settings(max_examples=300, deadline=None)
@given(st.lists(LINE, min_size=1, max_size=25), st.lists(SEPARATOR, max_size=25))
def test_title_is_first_non_empty_line(lines: list[str], separators: list[str]) -> None:
    text = article_text(lines, separators)
    try:
        draft = read_text(text, "any.txt")
    except ArticleError:
        return
    first = next(normalise(line) for line in re.split(r"\r\n|\n|\r", text) if normalise(line))
    assert draft.title == first


@settings(max_examples=300, deadline=None)
@given(st.lists(LINE, min_size=2, max_size=25), st.lists(SEPARATOR, max_size=25))
def test_no_paragraph_is_lost(lines: list[str], separators: list[str]) -> None:
    """Every line before trailing chrome is in the draft, unless it is chrome, a dateline or a marker."""
    text = article_text(lines, separators).replace("\r\n", "\n")
    try:
        draft = read_text(text, "any.txt")
    except ArticleError:
        return
    found = "\n".join([draft.title, draft.image_caption or "", *draft.summary, *(b.text for b in draft.blocks)])
    body_lines = [normalise(line) for line in re.split(r"\r\n|\r|\n", text) if normalise(line)][1:]  # as decode_text: a lone CR ends a line
    for line in body_lines:
        if CHROME_CUT.match(line):
            break  # trailing chrome: everything from here on is the page's, not the article's
        if CHROME_LINE.match(line) or is_dateline(line) or SUMMARY_MARKERS.match(line):
            continue
        split = split_leading_dateline(line)
        expected = BULLET.sub("", split[1] if split else line)
        assert expected in found, f"lost {line!r}"


CONTROLS = [chr(c) for c in range(32) if c not in (9, 10, 13)]


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1), st.lists(st.tuples(st.integers(min_value=0), st.sampled_from(CONTROLS)), max_size=5))
def test_stray_control_characters_are_dropped_and_nothing_else(text: str, strays: list[tuple[int, str]]) -> None:
    """A few stray control characters vanish; tabs and the text around them stay; many (or a NUL near
    the start) make it binary."""
    for at, control in strays:
        at %= len(text) + 1
        text = text[:at] + control + text[at:]
    text = "Titel des Artikels mit genug Text ringsum\n" + text + "\n" + "Absatz " * 100
    expected = "".join(c for c in text if c not in CONTROLS).replace("\r\n", "\n").replace("\r", "\n")
    try:
        decoded = decode_text(text.encode("utf-8"), "any.txt")
    except ArticleError as error:
        assert error.reason == "binary file, not text"
        head = text[:20000]
        assert "\x00" in text.encode("utf-8")[:8192].decode("utf-8", "ignore") or \
            sum(head.count(c) for c in CONTROLS) > 0.01 * len(head)
        return
    assert decoded == expected
