"""Domain errors: each carries the file it concerns and a one-line reason."""

from __future__ import annotations

from pathlib import Path


class ArticleError(Exception):
    """A source file (or one record in it) cannot become an article."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason

    def __reduce__(self):
        return type(self), (self.path, self.reason)  # crosses to and from worker processes


class ConfigError(Exception):
    """The project's configuration is invalid; the message names the file and the key."""
