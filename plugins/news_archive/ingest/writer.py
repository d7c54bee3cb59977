"""Write generated articles: atomically, only when changed, never over a hand edit.

The cache remembers the hash of every file ingest wrote. A file whose content no longer matches
was edited by hand: it is left alone (and reported). A generated file whose source is gone is
removed; a file ingest never wrote is never touched.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from news_archive.ingest.cache import IngestCache
from news_archive.ingest.run_state import file_stamp


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    kept_edits: list[str] = field(default_factory=list)


def write_atomic(path: Path, text: str) -> None:
    """Write via a temp file in the same folder and rename: readers see old or new, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def sync_outputs(
    folder: Path, outputs: dict[str, str], cache: IngestCache, prune: bool, stats: dict[str, list[int]] | None = None,
) -> WriteReport:
    """Bring ``folder`` in line with ``outputs`` (relative path → text).

    With ``prune``, generated files not in ``outputs`` are removed (a full run); a partial run
    (single paths given on the command line) leaves them. ``stats`` are the ``[size, mtime_ns]``
    the files had after the last complete run: a file that still has them holds what ingest wrote
    then, and is not read again.
    """
    report = WriteReport()
    _remove_leftover_temp_files(folder)
    written_before = {p: h for p, h in cache.outputs().items()}
    stats = stats or {}
    for relative, text in sorted(outputs.items()):
        path = folder / relative
        new_hash = _hash(text.encode("utf-8"))
        current = _current_hash(path, stats.get(relative), written_before.get(relative))
        if current == new_hash:
            cache.set_output(relative, new_hash)
            report.unchanged.append(relative)
            continue
        if current is not None and written_before.get(relative) != current:
            report.kept_edits.append(relative)
            continue
        write_atomic(path, text)
        cache.set_output(relative, new_hash)
        report.written.append(relative)
    if prune:
        for relative, recorded in sorted(written_before.items()):
            if relative in outputs:
                continue
            path = folder / relative
            if path.is_file() and _hash(path.read_bytes()) != recorded:
                report.kept_edits.append(relative)
                continue
            path.unlink(missing_ok=True)
            _remove_empty_parents(path.parent, folder)
            cache.set_output(relative, None)
            report.removed.append(relative)
    cache.commit()
    return report


def _current_hash(path: Path, stat_then: list[int] | None, hash_then: str | None) -> str | None:
    """The hash of the file now (None when there is none), read only when it may have changed."""
    try:
        stamp = file_stamp(path)
    except FileNotFoundError:
        return None
    if hash_then is not None and stat_then == stamp:
        return hash_then
    return _hash(path.read_bytes()) if path.is_file() else None


def _remove_leftover_temp_files(folder: Path) -> None:
    """Temp files of a run that was killed before it could rename them."""
    if folder.is_dir():
        for temp in folder.rglob(".*.md.*.tmp"):
            temp.unlink(missing_ok=True)


def _remove_empty_parents(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def _hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
