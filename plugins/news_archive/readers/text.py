"""Reader-view plain text, as copied from a news page.

Layout it understands: the title on the first line; image alt text and caption lines right after
it; an optional summary block ("Zusammenfassung" and bullets); paragraphs separated by blank lines;
short unpunctuated lines before a paragraph as subheadings; datelines; page chrome at the end.
"""

from __future__ import annotations

import re

from news_archive.core.article import Block, Draft
from news_archive.core.dates import is_dateline
from news_archive.core.errors import ArticleError

SUMMARY_MARKERS = re.compile(
    r"^(zusammenfassung|das wichtigste in kürze|das wichtigste im überblick|auf einen blick|"
    r"in kürze|summary|key points|at a glance)\s*:?$",
    re.I,
)
BULLET = re.compile(r"^\s*(?:[•·▪◦‣●*\-–—]|\d{1,2}[.)])\s+")
CHROME_CUT = re.compile(
    r"^(kommentare?\s*\d*|\d+\s+kommentare?|mehr zum thema.*|das könnte sie auch interessieren.*|"
    r"weitere artikel.*|zur startseite|related (articles|stories).*|more on this.*|comments?\s*\d*|"
    r"sources?|related news|external links|quellen)\s*:?$",
    re.I,
)
CHROME_LINE = re.compile(
    r"^(teilen|drucken|artikel teilen|artikel drucken|share|share this( article)?|tweet|"
    r"(©|\(c\)|copyright)\b.*|alle rechte vorbehalten.*|anzeige|werbung|advertisement|"
    r"lesezeit:?\s*\d+\s*min.*|\d+\s*min(\.|uten)? lesezeit)\s*$",
    re.I,
)
CREDIT_LINE = re.compile(r"^(foto|bild|photo|image|quelle|source)\s*:\s*\S|^\S.*(/dpa|/AFP|/Reuters|/AP|/Getty Images)\s*$", re.I)
SENTENCE_END = re.compile(r"[.;:,…]\s*[\"“”»«'’)]?\s*$")
MAX_HEADING_CHARS = 110
MAX_HEADING_WORDS = 16


def read_text(text: str, path: str) -> Draft:
    """One article from reader-view text (already decoded)."""
    groups = _line_groups(text)
    if not groups:
        raise ArticleError(path, "no text")
    title_lines = groups.pop(0)
    title = " ".join(title_lines[0].split())
    rest_of_title_group = title_lines[1:]
    draft = Draft(source_path=path, sha256="", title=title)
    groups = _take_datelines(groups, draft)
    groups = _cut_chrome(groups)
    caption, groups = _take_image_caption(rest_of_title_group, groups)
    draft.image_caption = caption
    draft.summary, groups = _take_summary(groups)
    draft.blocks = _classify_blocks(groups)
    if not draft.blocks and not draft.summary:
        raise ArticleError(path, "no body text after the title")
    return draft


def _line_groups(text: str) -> list[list[str]]:
    """Runs of consecutive non-blank lines, each line whitespace-normalised."""
    groups: list[list[str]] = []
    current: list[str] = []
    for raw in text.split("\n"):
        line = " ".join(raw.split())
        if line:
            current.append(line)
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def _take_datelines(groups: list[list[str]], draft: Draft) -> list[list[str]]:
    kept = []
    for group in groups:
        lines = [line for line in group if not (is_dateline(line) and _note_dateline(draft, line))]
        if lines:
            kept.append(lines)
    return kept


def _note_dateline(draft: Draft, line: str) -> bool:
    if draft.dateline is None:
        draft.dateline = line
        draft.date_source = "dateline"
    return True


def _cut_chrome(groups: list[list[str]]) -> list[list[str]]:
    """Drop chrome lines anywhere, and everything from a trailing chrome marker on."""
    kept: list[list[str]] = []
    for index, group in enumerate(groups):
        if index > 0 and CHROME_CUT.match(group[0]):
            break
        lines = [line for line in group if not CHROME_LINE.match(line)]
        cut = next((i for i, line in enumerate(lines) if i > 0 and CHROME_CUT.match(line)), None)
        if cut is not None:
            if lines[:cut]:
                kept.append(lines[:cut])
            break
        if lines:
            kept.append(lines)
    return kept


def _take_image_caption(title_rest: list[str], groups: list[list[str]]) -> tuple[str | None, list[list[str]]]:
    """Lines right after the title that describe the picture, not the story."""
    caption_lines = list(title_rest)
    marker = next((i for i, g in enumerate(groups[:3]) if SUMMARY_MARKERS.match(g[0])), None)
    if marker is not None:
        for group in groups[:marker]:
            caption_lines.extend(group)
        groups = groups[marker:]
    elif groups and not caption_lines:
        first = groups[0]
        if len(first) > 1 or (_looks_like_heading(first[0]) and len(groups) > 1) or CREDIT_LINE.match(first[0]):
            caption_lines.extend(first)
            groups = groups[1:]
    caption = "\n".join(caption_lines) or None
    return caption, groups


def _take_summary(groups: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    for index, group in enumerate(groups[:4]):
        if not SUMMARY_MARKERS.match(group[0]):
            continue
        bullets: list[str] = []
        lines = group[1:]
        position = index + 1
        while True:
            for line in lines:
                if BULLET.match(line):
                    bullets.append(BULLET.sub("", line))
                elif bullets:
                    bullets[-1] += " " + line
            if position < len(groups) and BULLET.match(groups[position][0]):
                lines = groups[position]
                position += 1
                continue
            break
        return bullets, groups[:index] + groups[position:]
    return [], groups


def _classify_blocks(groups: list[list[str]]) -> list[Block]:
    """Each line is a paragraph, or a subheading when short, unpunctuated and followed by text."""
    lines = [line for group in groups for line in group]
    blocks: list[Block] = []
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        is_heading = (
            following is not None
            and bool(blocks)
            and _looks_like_heading(line)
            and not _looks_like_heading(following)
        )
        blocks.append(Block("heading" if is_heading else "paragraph", line))
    return blocks


def _looks_like_heading(line: str) -> bool:
    if len(line) > MAX_HEADING_CHARS or len(line.split()) > MAX_HEADING_WORDS:
        return False
    if SENTENCE_END.search(line):
        return False
    if line.endswith(("?", "!", '?"', '!"')) and len(line.split()) > 10:
        return False
    return not BULLET.match(line)
