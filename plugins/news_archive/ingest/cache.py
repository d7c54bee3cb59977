"""The ingest cache: parsed drafts by raw bytes, analyses (mentions and topic candidates) by text
and model, what was written, and the built gazetteer.

One SQLite file, so a warm run of a large archive reads one file instead of thousands; the
gazetteer is a pickle next to it, rebuilt when its data packages change.
"""

from __future__ import annotations

import json
import logging
import os
import pickle
import sqlite3
from collections.abc import Callable
from dataclasses import fields
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from news_archive.core.article import Block, Draft
from news_archive.core.entities import Mention
from news_archive.core.places import Gazetteer, Place, build_gazetteer, gazetteer_fingerprint
from news_archive.core.topics import Analysis, Candidate
from news_archive.ingest.run_state import RunRecord

log = logging.getLogger(__name__)
T = TypeVar("T")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS drafts (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS analyses (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS outputs (path TEXT PRIMARY KEY, sha256 TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS rendered (key TEXT PRIMARY KEY, text TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, sha256 TEXT NOT NULL);
"""


class IngestCache:
    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self._gazetteer: Gazetteer | None = None
        self._db = sqlite3.connect(folder / "cache.sqlite", timeout=60)
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        self._db.commit()
        self._db.close()

    def commit(self) -> None:
        self._db.commit()

    def get_drafts(self, key: str) -> list[Draft] | None:
        row = self._db.execute("SELECT value FROM drafts WHERE key = ?", (key,)).fetchone()
        return [_draft_from_json(item) for item in json.loads(row[0])] if row else None

    def put_drafts(self, key: str, encoded: str) -> None:
        """``encoded``: the drafts as ``encode_drafts`` gives them."""
        self._db.execute("INSERT OR REPLACE INTO drafts VALUES (?, ?)", (key, encoded))

    def get_analyses(self, keys: list[str]) -> dict[str, Analysis]:
        """The cached analyses among ``keys``, read in chunks (one query per 500 keys)."""
        found = {}
        for at in range(0, len(keys), 500):
            chunk = keys[at: at + 500]
            marks = ",".join("?" * len(chunk))
            for key, value in self._db.execute(f"SELECT key, value FROM analyses WHERE key IN ({marks})", chunk):
                found[key] = _analysis_from_json(value)
        return found

    def put_analysis(self, key: str, analysis: Analysis) -> None:
        value = json.dumps({
            "mentions": [list(m) for m in analysis.mentions],
            "candidates": [c.to_json() for c in analysis.candidates],
        }, ensure_ascii=False)
        self._db.execute("INSERT OR REPLACE INTO analyses VALUES (?, ?)", (key, value))

    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer(self.folder)
        return self._gazetteer

    def outputs(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT path, sha256 FROM outputs"))

    def set_output(self, path: str, sha256: str | None) -> None:
        if sha256 is None:
            self._db.execute("DELETE FROM outputs WHERE path = ?", (path,))
        else:
            self._db.execute("INSERT OR REPLACE INTO outputs VALUES (?, ?)", (path, sha256))

    def source_digest(self, path: str, size: int, mtime_ns: int) -> str | None:
        """The recorded hash of a source file, if its size and modification time are unchanged."""
        row = self._db.execute("SELECT sha256 FROM sources WHERE path = ? AND size = ? AND mtime_ns = ?",
                               (path, size, mtime_ns)).fetchone()
        return row[0] if row else None

    def known_source_count(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM sources").fetchone()[0]

    def put_source_digest(self, path: str, size: int, mtime_ns: int, sha256: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO sources VALUES (?, ?, ?, ?)", (path, size, mtime_ns, sha256))

    def get_rendered(self, keys: list[str]) -> dict[str, str]:
        """Generated files rendered before, by the key of what they were made from."""
        found = {}
        for at in range(0, len(keys), 500):
            chunk = keys[at: at + 500]
            marks = ",".join("?" * len(chunk))
            found.update(self._db.execute(f"SELECT key, text FROM rendered WHERE key IN ({marks})", chunk))
        return found

    def put_rendered(self, texts: dict[str, str]) -> None:
        self._db.executemany("INSERT OR REPLACE INTO rendered VALUES (?, ?)", texts.items())

    def keep_rendered(self, keys: list[str]) -> None:
        """Forget rendered files no longer made (after a full run), so the table does not grow forever."""
        self._db.execute("CREATE TEMP TABLE IF NOT EXISTS keep (key TEXT PRIMARY KEY)")
        self._db.execute("DELETE FROM keep")
        self._db.executemany("INSERT OR IGNORE INTO keep VALUES (?)", ((key,) for key in keys))
        self._db.execute("DELETE FROM rendered WHERE key NOT IN (SELECT key FROM keep)")

    def last_run(self) -> RunRecord | None:
        """The record of the last complete run (see ``run_state``), if it is still valid."""
        row = self._db.execute("SELECT value FROM runs WHERE name = 'last'").fetchone()
        try:
            return RunRecord.from_json(row[0]) if row else None
        except (ValueError, TypeError):
            return None

    def remember_run(self, record: RunRecord) -> None:
        self._db.execute("INSERT OR REPLACE INTO runs VALUES ('last', ?)", (record.to_json(),))
        self._db.commit()

    def forget_run(self) -> None:
        """Called before a run changes anything, so a run cut off half-way is never taken as complete."""
        self._db.execute("DELETE FROM runs WHERE name = 'last'")
        self._db.commit()


_GAZETTEERS: dict[Path, Gazetteer] = {}


def machine_cache_dir() -> Path:
    """Where caches that depend only on installed packages live, shared by every project on the
    machine: ``$NEWS_ARCHIVE_CACHE``, else the user cache folder (~/.cache/news-archive)."""
    import platformdirs

    return Path(os.environ.get("NEWS_ARCHIVE_CACHE") or platformdirs.user_cache_dir("news-archive"))


def load_gazetteer(folder: Path) -> Gazetteer:
    """The gazetteer, built once per machine and set of data-package versions (about 2 s) and kept
    as a pickle in the machine's cache folder, or in ``folder`` where that cannot be written."""
    name = f"gazetteer-{gazetteer_fingerprint()}.pickle"
    places = [machine_cache_dir(), folder]
    for path in (place / name for place in places):
        if path in _GAZETTEERS:
            return _GAZETTEERS[path]
    gazetteer, path = cached_pickle(name, _build_gazetteer, places)
    _GAZETTEERS.clear()
    _GAZETTEERS[path] = gazetteer
    return gazetteer


def _build_gazetteer() -> Gazetteer:
    log.info("building the gazetteer")
    return build_gazetteer()


def cached_pickle(name: str, build: Callable[[], T], places: list[Path]) -> tuple[T, Path]:
    """The value pickled as ``name`` in the first of ``places`` that holds it, else ``build()``,
    kept in the first of ``places`` that can be written; and where it is (or would be) kept."""
    for path in (place / name for place in places):
        try:
            return pickle.loads(path.read_bytes()), path
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            continue
    value = build()
    return value, _store_pickle(value, places, name)


def _store_pickle(value: object, places: list[Path], name: str) -> Path:
    """Write ``value`` into the first of ``places`` that can be written."""
    for place in places:
        path = place / name
        try:
            place.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            temporary.replace(path)
            return path
        except OSError as error:
            log.debug("cannot keep %s in %s: %s", name, place, error)
    return places[-1] / name


class RememberedPlaces:
    """The gazetteer as annotate uses it: each name resolved once and remembered in the cache folder.

    A warm ingest reads a small JSON file instead of unpickling the whole gazetteer, which is
    loaded only for names never seen before. Offers ``lookup`` and ``resolve`` like ``Gazetteer``.
    """

    resolve = Gazetteer.resolve

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._path = folder / f"places-{gazetteer_fingerprint()}.json"
        try:
            self._memo: dict[str, list | None] = json.loads(self._path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self._memo = {}
        self._places: dict[str, Place | None] = {}
        self._changed = False

    def lookup(self, name: str, allow_codes: bool = True) -> Place | None:
        try:
            return self._places[(name, allow_codes)]
        except KeyError:
            pass
        key = f"{int(allow_codes)}:{name}"
        if key not in self._memo:
            place = load_gazetteer(self._folder).lookup(name, allow_codes)
            self._memo[key] = [place.id, place.kind, place.name, place.country, place.lat, place.lon,
                               place.population, place.names] if place else None
            self._changed = True
        found = self._memo[key]
        place = self._places[(name, allow_codes)] = Place(*found) if found else None
        return place

    def save(self) -> None:
        if self._changed:
            for stale in self._folder.glob("places-*.json"):
                stale.unlink(missing_ok=True)
            temporary = self._path.with_suffix(".tmp")
            temporary.write_text(json.dumps(self._memo, ensure_ascii=False, sort_keys=True), encoding="utf-8")
            temporary.replace(self._path)
            self._changed = False


def _analysis_from_json(value: str) -> Analysis:
    data = json.loads(value)
    return Analysis(
        [Mention(*item) for item in data["mentions"]],
        [Candidate.from_json(item) for item in data["candidates"]],
    )


def encode_drafts(drafts: list[Draft]) -> str:
    """Drafts as the cache keeps them (``get_drafts`` reads them back)."""
    return json.dumps([_draft_to_json(d) for d in drafts], ensure_ascii=False)


def _draft_to_json(draft: Draft) -> dict:
    data = {name: getattr(draft, name) for name in _DRAFT_FIELDS}  # not asdict: it deep-copies every block
    data["blocks"] = [{name: getattr(block, name) for name in _BLOCK_FIELDS} for block in draft.blocks]
    data["date"] = draft.date.isoformat() if draft.date else None
    data["fields"] = json.loads(json.dumps(draft.fields, default=str))
    return data


_DRAFT_FIELDS = [f.name for f in fields(Draft)]
_BLOCK_FIELDS = [f.name for f in fields(Block)]


def _draft_from_json(data: dict) -> Draft:
    data = dict(data)
    data["blocks"] = [Block(**block) for block in data["blocks"]]
    data["date"] = datetime.fromisoformat(data["date"]) if data["date"] else None
    return Draft(**data)
