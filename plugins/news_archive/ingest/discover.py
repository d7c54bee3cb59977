"""Find the source files of an archive: article files below the content folder, in a stable order."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable
from pathlib import Path

from news_archive.core.errors import ArticleError
from news_archive.readers import is_article_file


def discover_sources(
    roots: list[Path], content_dir: Path, ignore: list[str], show: Callable[[Path], str] = str
) -> tuple[list[Path], list[ArticleError]]:
    """Article files under ``roots`` (files or folders), sorted; symlinks leaving ``content_dir`` refused.

    ``show`` turns a path into the form messages use.
    """
    found: list[Path] = []
    refused: list[ArticleError] = []
    boundary = content_dir.resolve()
    for root in roots:
        if not root.exists():
            refused.append(ArticleError(show(root), "no such file or folder"))
            continue
        candidates = [root] if root.is_file() or root.is_symlink() and not root.is_dir() else _walk(root, refused, show)
        for path in candidates:
            relative = path.relative_to(root) if root.is_dir() else Path(path.name)
            if _ignored(relative, ignore) or not is_article_file(path):
                continue
            # One rule for a full run, paths named on the command line and `mkdocs serve`.
            if path.is_symlink() and not _inside(path.resolve(), boundary):
                refused.append(ArticleError(show(path), "symlink points outside the content folder; skipped"))
                continue
            if not path.is_file():
                refused.append(ArticleError(show(path), "broken symlink; skipped"))
                continue
            found.append(path)
    return sorted(set(found)), refused


UNREADABLE_FOLDER = "cannot read folder; its generated articles are kept"


def _walk(root: Path, refused: list[ArticleError], show: Callable[[Path], str]) -> list[Path]:
    """Files below ``root``, sorted; an unreadable folder is reported (rglob skips it silently)."""
    def unreadable(error: OSError) -> None:
        refused.append(ArticleError(show(Path(error.filename or root)), UNREADABLE_FOLDER))

    found = []
    for folder, _, names in os.walk(root, onerror=unreadable):
        found.extend(Path(folder) / name for name in names)
    return sorted(p for p in found if p.is_file() or p.is_symlink())


def _ignored(relative: Path, patterns: list[str]) -> bool:
    return any(fnmatch.fnmatch(part, pattern) for part in relative.parts for pattern in patterns)


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return True
