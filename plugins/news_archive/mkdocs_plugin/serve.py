"""`mkdocs serve`: re-ingest what changed in the content folder or the curator files.

The watcher compares file sizes and mtimes between builds; only then is the ingest step (and,
for new text, spaCy) imported. Nothing changed: nothing imported, nothing written.
"""

from __future__ import annotations

import fnmatch
import logging
from pathlib import Path

from news_archive.settings import IngestSettings, resolve

Snapshot = dict[Path, tuple[int, int]]


class ContentWatcher:
    def __init__(self, settings: IngestSettings, base_dir: Path) -> None:
        self.settings = settings
        self.base_dir = base_dir
        self.content_dir = resolve(base_dir, settings.content_dir)
        self.curator_files = [resolve(base_dir, f) for f in (settings.entities_file, settings.taxonomy_file) if f]
        self.snapshot = self.scan()

    def watched(self) -> list[Path]:
        return [self.content_dir, *(p for p in self.curator_files if p.exists())]

    def scan(self) -> Snapshot:
        found: Snapshot = {}
        paths = list(self.content_dir.rglob("*")) if self.content_dir.is_dir() else []
        for path in [*paths, *self.curator_files]:
            try:
                stat = path.stat()
            except OSError:
                continue
            if path.is_file():
                found[path] = (stat.st_size, stat.st_mtime_ns)
        return found

    def changes(self) -> tuple[list[Path], bool]:
        """``(changed content files, whether a full run is needed)``; updates the snapshot."""
        now = self.scan()
        before, self.snapshot = self.snapshot, now
        changed = sorted(p for p, stamp in now.items() if before.get(p) != stamp)
        removed = [p for p in before if p not in now]
        # Curator files, deletions and side files (such as *.meta.yml) change more than one
        # article's output: a full (still incremental) run.
        side = [p for p in changed if p in self.curator_files or self._ignored(p)]
        full = bool(removed or side)
        return [p for p in changed if p not in side], full

    def _ignored(self, path: Path) -> bool:
        return any(fnmatch.fnmatch(path.name, pattern) for pattern in self.settings.ignore)

    def reingest(self, log: logging.Logger) -> None:
        changed, full = self.changes()
        if not changed and not full:
            return
        from news_archive.ingest.run import IngestRequest, run_ingest  # only now: may import spaCy

        paths = [] if full else changed
        log.info("Re-ingesting %s", "all content" if full else ", ".join(p.name for p in changed))
        try:
            report = run_ingest(IngestRequest(self.settings, self.base_dir, paths=paths, lock_wait_seconds=30))
        except Exception as error:  # noqa: BLE001 - keep serving the last good archive
            log.error("Re-ingest failed: %s", error)
            return
        for failure in report.failures:
            log.error("Re-ingest: %s", failure)
