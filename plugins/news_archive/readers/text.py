"""Reader-view plain text, as copied from a news page.

Layout it understands: the title on the first line; a dateline; image alt text and caption lines
right after them; an optional summary block ("Zusammenfassung" and its points); paragraphs, one a
line; short unpunctuated lines before a paragraph as subheadings; page chrome at the end.
"""

from __future__ import annotations

import re

from news_archive.core.article import Block, Draft
from news_archive.core.dates import is_dateline, split_leading_dateline
from news_archive.core.errors import ArticleError
from news_archive.readers.page_chrome import is_consent_or_newsletter

SUMMARY_MARKERS = re.compile(
    r"^(zusammenfassung|das wichtigste in kürze|das wichtigste im überblick|auf einen blick|"
    r"in kürze|summary|key points|at a glance)\s*:?$",
    re.I,
)
BULLET = re.compile(r"^\s*(?:[•·▪◦‣●*\-–—]|\d{1,2}[.)])\s+")
CHROME_CUT = re.compile(
    r"^(kommentare?\s*\d*|\d+\s+kommentare?|mehr zum thema.*|das könnte sie auch interessieren.*|"
    r"weitere artikel.*|zur startseite|related (articles|stories).*|more on this.*|comments?\s*\d*|"
    r"sources?|related news|external links|quellen|categories:.*)\s*:?$",
    re.I,
)
CHROME_LINE = re.compile(
    r"^(teilen|drucken|artikel teilen|artikel drucken|share|share this( article)?|tweet|"
    r"(©|\(c\)|copyright)\b.*|alle rechte vorbehalten.*|anzeige|werbung|advertisement|"
    r"lesezeit:?\s*\d+\s*min.*|\d+\s*min(\.|uten)? lesezeit)\s*$",
    re.I,
)
CREDIT_LINE = re.compile(
    r"^(foto|bild|photo|image|quelle|source)\s*:\s*\S"
    r"|^\S.*(/dpa|/AFP|/Reuters|/AP|/Getty Images)\s*$"
    r"|\b(image|photo|video|foto|bild|credit)s?:\s*[^.:]{2,80}\.?$",
    re.I,
)
SENTENCE_END = re.compile(r"[.;:,…]\s*[\"“”»«'’)]?\s*$")
PARAGRAPH_END = re.compile(r"[.!?…:;]\s*[\"“”»«'’)]?\s*$")
SENTENCE_BREAK = re.compile(r"[.!?…][\"“”»«'’)]?\s+[A-ZÄÖÜ„\"»«]")
QUOTED = re.compile(r"^[\"„“»«'‚].+[\"“”«»'‘’]$")
SECOND_PERSON = re.compile(r"\b(?:du|dich|dir|dein\w*|euch|euer\w*|ihr|you|your)\b|(?<!^)\b(?:Sie|Ihnen|Ihre?\w*)\b", re.I)
NEVER_HEADING = re.compile(r"://|^www\.|^(lesen sie|mehr dazu|auch interessant|read more)\b", re.I)
MAX_HEADING_CHARS = 110
MAX_HEADING_WORDS = 16
MAX_HEADING_RUN = 3  # consecutive subheading lines (kicker + heading) before a paragraph
INTERVIEW_QUESTIONS = 3  # this many questions to the reader's "you" make an interview: paragraphs
MAX_PLAIN_SUMMARY_WORDS = 30  # unbulleted summary points are one short sentence each
MAX_PLAIN_SUMMARY_POINTS = 8
MAX_CAPTION_GROUPS = 2
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def read_text(text: str, path: str) -> Draft:
    """One article from reader-view text (already decoded)."""
    groups = _line_groups(text)
    if not groups:
        raise ArticleError(path, "no text")
    title_lines = groups.pop(0)
    title = title_lines[0]
    draft = Draft(source_path=path, sha256="", title=title)
    groups = _take_datelines(groups, draft)
    groups = _cut_chrome(groups)
    caption, groups = _take_image_caption(title_lines[1:], groups, dated=draft.dateline is not None)
    draft.image_caption = caption
    draft.summary, groups = _take_summary(groups)
    draft.blocks = _classify_blocks(groups)
    if not draft.blocks and not draft.summary:
        raise ArticleError(path, "no body text after the title")
    return draft


def _line_groups(text: str) -> list[list[str]]:
    """Runs of consecutive non-blank lines, each line whitespace-normalised, invisible characters removed."""
    groups: list[list[str]] = []
    current: list[str] = []
    for raw in _LINE_BREAK.split(text.replace("\u00ad", "").replace("\u200b", "")):  # any line end, not only \n
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
    for position, group in enumerate(groups):
        lines = []
        for line in group:
            split = split_leading_dateline(line) if position < 3 and draft.dateline is None else None
            if split:
                _note_dateline(draft, split[0])
                lines.append(split[1])
            elif not (is_dateline(line) and _note_dateline(draft, line)):
                lines.append(line)
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
        lines = [line for line in group if not CHROME_LINE.match(line) and not is_consent_or_newsletter(line)]
        cut = next((i for i, line in enumerate(lines) if i > 0 and CHROME_CUT.match(line)), None)
        if cut is not None:
            if lines[:cut]:
                kept.append(lines[:cut])
            break
        if lines:
            kept.append(lines)
    return kept


def _take_image_caption(
    title_rest: list[str], groups: list[list[str]], dated: bool
) -> tuple[str | None, list[list[str]]]:
    """Lines right after the title (and dateline) that describe the picture, not the story."""
    caption_lines = list(title_rest)
    marker = next((i for i, g in enumerate(groups[:3]) if SUMMARY_MARKERS.match(g[0])), None)
    if marker is not None:
        if all(_is_caption(g, dated) for g in groups[:marker]):
            caption_lines.extend(line for group in groups[:marker] for line in group)
            groups = groups[marker:]
    elif not caption_lines:
        while (
            len(caption_lines) < MAX_CAPTION_GROUPS and len(groups) > 1
            and _is_caption(groups[0], dated) and not SUMMARY_MARKERS.match(groups[1][0])
        ):
            caption_lines.extend(groups.pop(0))
    return "\n".join(caption_lines) or None, groups


def _is_caption(group: list[str], dated: bool) -> bool:
    """Alt text plus caption (two short lines), a credited line, or, under a dateline, a line no paragraph would be."""
    if len(group) > 1 or CREDIT_LINE.search(group[0]):
        return True
    line = group[0]
    return dated and (not PARAGRAPH_END.search(line) or line[0].islower())


def _take_summary(groups: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    for index, group in enumerate(groups[:4]):
        if not SUMMARY_MARKERS.match(group[0]):
            continue
        bullets: list[str] = []
        lines = group[1:]
        position = index + 1
        while True:
            for line in lines:
                if BULLET.match(line) or not bullets:
                    bullets.append(BULLET.sub("", line))
                else:
                    bullets[-1] += " " + line  # a point wrapped over two lines
            if position < len(groups) and BULLET.match(groups[position][0]):
                lines = groups[position]
                position += 1
                continue
            break
        if not bullets:
            bullets, position = _plain_summary_points(groups, position)
        return bullets, groups[:index] + groups[position:]
    return [], groups


def _plain_summary_points(groups: list[list[str]], start: int) -> tuple[list[str], int]:
    """Summary points without bullet signs: the short one-sentence lines right after the marker."""
    points: list[str] = []
    position = start
    while position < len(groups) and len(points) < MAX_PLAIN_SUMMARY_POINTS:
        group = groups[position]
        if len(group) > 1 or not _is_plain_point(group[0]):
            break
        points.append(group[0])
        position += 1
    if position >= len(groups):  # nothing left for the body: these were paragraphs after all
        return [], start
    return points, position


def _is_plain_point(line: str) -> bool:
    """One statement: a single sentence, not a question, not long."""
    return (
        len(line.split()) <= MAX_PLAIN_SUMMARY_WORDS
        and not SENTENCE_BREAK.search(line)
        and not line.endswith("?")
    )


def _classify_blocks(groups: list[list[str]]) -> list[Block]:
    """Each line is a paragraph, or a subheading: short, unpunctuated, and followed by a paragraph."""
    lines = [line for group in groups for line in group]
    candidates = [_looks_like_heading(line) for line in lines]
    interview = _is_interview([line for line, c in zip(lines, candidates, strict=True) if c])
    for index, line in enumerate(lines):
        if interview and _is_interview_question(line):
            candidates[index] = False  # questions alternate with answers: both are paragraphs
        if index == 0 or lines[index - 1].endswith((":", "?")):
            candidates[index] = False  # the first line, an answer, or a line a colon leads into
    kinds = ["paragraph"] * len(lines)
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and candidates[end]:
            end += 1
        if end > index and end < len(lines) and end - index <= MAX_HEADING_RUN:
            kinds[index:end] = ["heading"] * (end - index)
        index = max(end, index + 1)
    return [Block(kind, line) for kind, line in zip(kinds, lines, strict=True)]  # type: ignore[arg-type]


def _is_interview(candidates: list[str]) -> bool:
    questions = [line for line in candidates if line.endswith("?")]
    addressed = [line for line in questions if _is_interview_question(line)]
    return len(addressed) >= INTERVIEW_QUESTIONS and len(addressed) * 2 >= len(questions)


def _is_interview_question(line: str) -> bool:
    return line.endswith("?") and bool(SECOND_PERSON.search(line))


def _looks_like_heading(line: str) -> bool:
    if len(line) > MAX_HEADING_CHARS or len(line.split()) > MAX_HEADING_WORDS:
        return False
    if NEVER_HEADING.search(line) or BULLET.match(line):
        return False
    if QUOTED.match(line) and len(line.split()) <= MAX_HEADING_WORDS:
        return True  # a quotation as subheading, punctuation inside the quotes
    return not SENTENCE_END.search(line)
