"""The tagging map gives byte-identical archives in one process, in worker processes, and on Dask."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from news_archive.ingest.run import READ_WINDOW

ARTICLES = 80
FILLERS = 1000  # empty sources, sorted before the articles


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


def write_bad_sources(content: Path) -> None:
    """Sources that fail in the reader, at both ends of the sorted file list and in between."""
    (content / "0000-leer.txt").write_bytes(b"  \n")
    (content / "2025-06-15-bild.txt").write_bytes(b"\x89PNG\r\n\x00\x00binary")
    records = [{"title": "Guter Datensatz", "text": "Text des guten Datensatzes.", "date": "2025-05-05"}, {"text": "ohne Titel"}]
    (content / "zz-export.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")


def ingest(project: Path, *args: str, log: list[str] | None = None, written: int = ARTICLES + 1,
           failed: int = 0) -> dict[str, bytes]:
    shutil.rmtree(project / ".news-archive-cache", ignore_errors=True)
    shutil.rmtree(project / "site_src", ignore_errors=True)
    result = subprocess.run([sys.executable, "-m", "news_archive", "ingest", *args], cwd=project,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == (1 if failed else 0), result.stdout + result.stderr
    assert f"{written} written" in result.stdout and f"{failed} failed" in result.stdout, result.stdout
    if log is not None:
        log.append(result.stdout)
        log.append(result.stderr)
    root = project / "site_src" / "articles"
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.md"))}


@pytest.mark.slow
def test_workers_and_dask_give_the_same_archive(project: Path) -> None:
    write_archive(project / "content")
    serial = ingest(project, "--workers", "0")  # the model runs in the main process
    assert len(serial) == ARTICLES + 1
    for workers in ("1", "2"):
        log: list[str] = []
        assert ingest(project, "--workers", workers, "--debug", log=log) == serial
        assert "tagging 81 de texts in the workers started before reading" in log[1]  # model loaded while reading

    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "        executor: dask\n", encoding="utf-8")
    assert ingest(project) == serial  # a LocalCluster with two worker processes


@pytest.mark.slow
def test_sources_parsed_in_the_workers_fail_and_succeed_as_in_one_process(project: Path) -> None:
    """The first window of sources is parsed in the main process while the workers load the model,
    the second in the workers: 1,000 empty files first push real articles and bad sources into it."""
    write_archive(project / "content")
    write_bad_sources(project / "content")
    for number in range(FILLERS):
        (project / "content" / f"0001-leer-{number:04d}.txt").write_bytes(b"")
    sources = [p for p in (project / "content").iterdir() if not p.name.endswith(".meta.yml")]  # sidecars go along
    second_window = len(sources) - READ_WINDOW
    one: list[str] = []
    serial = ingest(project, "--workers", "0", log=one, written=ARTICLES + 2, failed=3 + FILLERS)
    two: list[str] = []
    assert ingest(project, "--workers", "2", "--debug", log=two, written=ARTICLES + 2, failed=3 + FILLERS) == serial
    assert f"parsing {second_window} sources in the tagging workers" in two[1]
    assert "parsing" not in two[1].replace(f"parsing {second_window} sources", "")  # the first window: here
    failures = [line for line in "".join(one).splitlines() if "failed: " in line]
    assert failures == [line for line in "".join(two).splitlines() if "failed: " in line]
    assert [line.split(": ")[1] for line in failures if "0001-leer-" not in line] == [
        "content/0000-leer.txt", "content/2025-06-15-bild.txt", "content/zz-export.jsonl#2"]
