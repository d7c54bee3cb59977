"""The ingest cache: parsed drafts by raw bytes, mentions by text and model, and what was written.

One SQLite file, so a warm run of a large archive reads one file instead of thousands.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

from news_archive.core.article import Block, Draft
from news_archive.core.entities import Mention

_SCHEMA = """
CREATE TABLE IF NOT EXISTS drafts (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS mentions (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS outputs (path TEXT PRIMARY KEY, sha256 TEXT NOT NULL);
"""


class IngestCache:
    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
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

    def put_drafts(self, key: str, drafts: list[Draft]) -> None:
        value = json.dumps([_draft_to_json(d) for d in drafts], ensure_ascii=False)
        self._db.execute("INSERT OR REPLACE INTO drafts VALUES (?, ?)", (key, value))

    def get_mentions(self, key: str) -> list[Mention] | None:
        row = self._db.execute("SELECT value FROM mentions WHERE key = ?", (key,)).fetchone()
        return [Mention(*item) for item in json.loads(row[0])] if row else None

    def put_mentions(self, key: str, mentions: list[Mention]) -> None:
        value = json.dumps([[m.text, m.label, m.start] for m in mentions], ensure_ascii=False)
        self._db.execute("INSERT OR REPLACE INTO mentions VALUES (?, ?)", (key, value))

    def outputs(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT path, sha256 FROM outputs"))

    def set_output(self, path: str, sha256: str | None) -> None:
        if sha256 is None:
            self._db.execute("DELETE FROM outputs WHERE path = ?", (path,))
        else:
            self._db.execute("INSERT OR REPLACE INTO outputs VALUES (?, ?)", (path, sha256))


def _draft_to_json(draft: Draft) -> dict:
    data = asdict(draft)
    data["date"] = draft.date.isoformat() if draft.date else None
    data["fields"] = json.loads(json.dumps(draft.fields, default=str))
    return data


def _draft_from_json(data: dict) -> Draft:
    data = dict(data)
    data["blocks"] = [Block(**block) for block in data["blocks"]]
    data["date"] = datetime.fromisoformat(data["date"]) if data["date"] else None
    return Draft(**data)
