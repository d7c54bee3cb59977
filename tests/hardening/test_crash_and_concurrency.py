"""No data loss: SIGKILL mid-run leaves every output old or new, never partial; one ingest at a time."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ARTICLES = 400


def write_sources(content: Path, version: str) -> None:
    content.mkdir(exist_ok=True)
    for i in range(ARTICLES):
        paragraphs = "\n\n".join(
            f"Absatz {j} von Artikel {i} ({version}): Putin sprach in Moskau mit Witkoff über die Lage in Kiew." for j in range(30)
        )
        (content / f"2024-02-{1 + i % 28:02d}-artikel-{i}.txt").write_text(f"Artikel Nummer {i}\n\n{paragraphs}\n", encoding="utf-8")


def snapshot(project: Path) -> dict[str, bytes]:
    root = project / "site_src" / "articles"
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def ingest_ok(project: Path) -> None:
    out, err = ingest(project).communicate(timeout=600)
    assert "0 failed" in out and not err.strip(), out + err


def ingest(project: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "news_archive", "ingest", *args], cwd=project,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.slow
def test_sigkill_mid_run_leaves_old_or_new_files(project: Path, tmp_path: Path) -> None:
    content = project / "content"
    write_sources(content, "alt")
    ingest_ok(project)
    old = snapshot(project)
    expected_new = tmp_path / "expected"
    shutil.copytree(project, expected_new, ignore=shutil.ignore_patterns(".news-archive-cache", "site_src"))
    write_sources(expected_new / "content", "neu")
    ingest_ok(expected_new)
    new = snapshot(expected_new)

    write_sources(content, "neu")
    process = ingest(project)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and process.poll() is None:
        now = snapshot(project)
        if any(now.get(path) == data for path, data in new.items() if old.get(path) != data):
            break
        time.sleep(0.005)
    process.send_signal(signal.SIGKILL)
    process.wait()
    after = snapshot(project)
    partial = [p for p, data in after.items() if data not in (old.get(p), new.get(p)) and not p.endswith(".tmp")]
    assert partial == []
    changed = sum(1 for p, data in after.items() if data == new.get(p) and data != old.get(p))
    assert 0 < changed < len(new), "the kill should land mid-write"

    ingest_ok(project)
    assert snapshot(project) == new  # leftover temp files are gone too


def test_second_ingest_waits_or_exits_with_a_message(project: Path) -> None:
    from news_archive.ingest.lock import ingest_lock

    with ingest_lock(project / ".news-archive-cache", wait_seconds=0):
        second = ingest(project, "--no-wait")
        out, err = second.communicate(timeout=120)
    assert second.returncode == 2
    assert "another ingest is running on this archive" in err and "Traceback" not in err
    assert not (project / "site_src").exists()
    waiting = ingest(project)
    assert waiting.wait(timeout=300) == 0
