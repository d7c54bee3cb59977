"""Link the first mention of each entity in an article's HTML body.

Works on the HTML that Markdown produced: text outside headings, links, code and scripts is
searched for each entity's surface forms (longest first, whole words); only the first mention
of each entity becomes a link.

Every article has its own forms, so instead of compiling a regular expression per article the
forms are found with ``str.find`` and the matches chosen as a regex alternation would: left to
right, the longest form at a position, no overlaps, never across a tag.
"""

from __future__ import annotations

import re
from html import escape

_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)\s*>")
_WORD = re.compile(r"\w")
SKIP_TAGS = frozenset({"a", "code", "pre", "kbd", "samp", "script", "style", "textarea", "svg", "button",
                       "h1", "h2", "h3", "h4", "h5", "h6", "title"})
_SEP = "<"  # joins the searchable text pieces: never in a text piece, never part of a word


def link_first_mentions(html: str, targets: list[tuple[str, list[str], str, str]]) -> str:
    """``targets``: ``(key, surface forms, href, css class)`` per entity, in any order."""
    by_form: dict[str, int] = {}
    for index, (_, forms, _, _) in enumerate(targets):
        for form in forms:
            if form.strip():
                by_form.setdefault(escape(form, quote=False), index)
    if not by_form:
        return html
    pieces = _TAG.split(html)
    searchable = _searchable(pieces)
    text = _SEP.join(pieces[i] for i in searchable)
    starts, at = [], 0
    for i in searchable:
        starts.append(at)
        at += len(pieces[i]) + 1
    chosen = _first_mentions(text, by_form, len(targets))
    if not chosen:
        return html
    edits: dict[int, list[tuple[int, int, int]]] = {}  # piece → (start, end, target) in that piece
    for start, end, index in chosen:
        k = _piece_of(starts, start)
        edits.setdefault(searchable[k], []).append((start - starts[k], end - starts[k], index))
    for i, spans in edits.items():
        piece, out, last = pieces[i], [], 0
        for start, end, index in spans:
            _, _, href, css = targets[index]
            out += [piece[last:start], f'<a class="{escape(css)}" href="{escape(href)}">{piece[start:end]}</a>']
            last = end
        out.append(piece[last:])
        pieces[i] = "".join(out)
    return "".join(pieces)


def _searchable(pieces: list[str]) -> list[int]:
    """Indexes of the text pieces outside headings, links, code and the like."""
    found, skip = [], 0
    for i, piece in enumerate(pieces):
        if piece.startswith("<"):
            skip += _depth_change(piece)
        elif piece and skip <= 0:
            found.append(i)
    return found


def _first_mentions(text: str, by_form: dict[str, int], wanted: int) -> list[tuple[int, int, int]]:
    """``(start, end, target)`` of the first mention of each target, in text order."""
    matches = []  # every whole-word occurrence of every form: (start, -length, target)
    for form, index in by_form.items():
        at = text.find(form)
        while at >= 0:
            end = at + len(form)
            if (at == 0 or not _WORD.match(text[at - 1])) and (end == len(text) or not _WORD.match(text[end])):
                matches.append((at, -len(form), index))
            at = text.find(form, at + 1)
    matches.sort()
    chosen, linked, free_from = [], set(), 0
    for start, negative_length, index in matches:
        if start < free_from:
            continue  # inside a match already made (the regex would have consumed it)
        free_from = start - negative_length
        if index not in linked:
            linked.add(index)
            chosen.append((start, free_from, index))
            if len(linked) == wanted:
                break
    return chosen


def _piece_of(starts: list[int], position: int) -> int:
    low, high = 0, len(starts) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if starts[middle] <= position:
            low = middle
        else:
            high = middle - 1
    return low


def _depth_change(tag: str) -> int:
    match = _TAG_NAME.match(tag)
    if not match or match.group(2).lower() not in SKIP_TAGS or match.group(3):
        return 0
    return -1 if match.group(1) else 1
