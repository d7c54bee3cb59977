"""The tagging map gives byte-identical archives in one process, in worker processes, and on Dask."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLES = 80


def write_archive(content: Path) -> None:
    people = ["Wladimir Putin", "Steve Witkoff", "Donald Trump", "Marco Rubio", "Juri Uschakow"]
    places = ["Moskau", "Kiew", "Washington", "Florida"]
    for i in range(ARTICLES):
        text = " ".join(
            f"{people[(i + j) % 5]} sprach in {places[(i * j) % 4]} über Sicherheitsgarantien und Sanktionen."
            for j in range(12)
        )
        (content / f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}-bericht-{i}.txt").write_text(
            f"Bericht {i} über Gespräche\n\n{text}\n\nZweiter Absatz {i}: {people[i % 5]} reiste ab.\n", encoding="utf-8"
        )


def ingest(project: Path, *args: str, log: list[str] | None = None) -> dict[str, bytes]:
    shutil.rmtree(project / ".news-archive-cache", ignore_errors=True)
    shutil.rmtree(project / "site_src", ignore_errors=True)
    result = subprocess.run([sys.executable, "-m", "news_archive", "ingest", *args], cwd=project,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{ARTICLES + 1} written" in result.stdout
    if log is not None:
        log.append(result.stderr)
    root = project / "site_src" / "articles"
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.md"))}


@pytest.mark.slow
def test_workers_and_dask_give_the_same_archive(project: Path) -> None:
    write_archive(project / "content")
    serial = ingest(project, "--workers", "1")
    assert len(serial) == ARTICLES + 1
    log: list[str] = []
    assert ingest(project, "--workers", "2", "--debug", log=log) == serial
    assert "tagging 81 de texts in the workers started before reading" in log[0]  # model loaded while reading

    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "        executor: dask\n", encoding="utf-8")
    assert ingest(project) == serial  # a LocalCluster with two worker processes
