"""Ingest as a user runs it: the real CLI, a real spaCy pipeline, real files on disk."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from news_archive.cli import main
from tests.conftest import SAMPLE
from news_archive.core.frontmatter import read_article_file


def run_cli(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "news_archive", "ingest", *args],
        cwd=project, capture_output=True, text=True, timeout=300,
    )


def articles(project: Path) -> dict[str, str]:
    root = project / "site_src" / "articles"
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.md"))}


def test_reference_sample_becomes_a_clean_article(project: Path) -> None:
    result = run_cli(project)
    assert result.returncode == 0, result.stderr
    assert "1 article(s) from 1 file(s): 1 written, 0 unchanged, 0 removed, 0 failed" in result.stdout
    (path, text), = articles(project).items()
    assert path == "2025/12/nach-treffen-von-putin-und-witkoff-sind-loesung-nicht-naeher-gekommen.md"
    meta, body = read_article_file(text, path)
    assert meta.title == 'Nach Treffen von Putin und Witkoff: "Sind Lösung nicht näher gekommen"'
    assert meta.date.isoformat() == "2025-12-02T00:00:00+01:00" and meta.date_source == "sidecar"
    assert meta.language == "de"
    assert len(meta.summary) == 3
    assert meta.image_caption.startswith("Russian President Putin meets US Special Envoy Witkoff at Kremlin")
    assert "## Uschakow: \"Noch viel zu tun\"" in body
    assert "## Zankapfel ua. Gebietsabtretungen" in body
    assert "## Witkoff berät mit Trump" in body
    assert "Kommentare" not in body and meta.title not in body
    paragraphs = [line for line in SAMPLE.read_text(encoding="utf-8").split("\n") if len(line) > 120 and "•" not in line]
    positions = [body.find(p) for p in paragraphs]
    assert len(paragraphs) == 9 and -1 not in positions and positions == sorted(positions)
    assert "Wladimir Putin" in meta.people and "Putin" not in meta.people and "Putins" not in meta.people
    assert sorted(meta.aliases["Wladimir Putin"]) == ["Putin", "Putins"]
    assert "Russland" in meta.places and "Russlands" not in meta.places
    assert meta.source.path == "content/000_9c2291f4ff7c3933.txt"


def test_second_run_writes_nothing_and_changes_are_picked_up(project: Path) -> None:
    assert run_cli(project).returncode == 0
    before = articles(project)
    mtimes = {p: p.stat().st_mtime_ns for p in (project / "site_src").rglob("*.md")}
    second = run_cli(project)
    assert second.returncode == 0
    assert "0 written, 1 unchanged" in second.stdout
    assert {p: p.stat().st_mtime_ns for p in (project / "site_src").rglob("*.md")} == mtimes
    assert articles(project) == before

    source = project / "content" / "000_9c2291f4ff7c3933.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("fünf Stunden.", "sechs Stunden."), encoding="utf-8")
    third = run_cli(project)
    assert "1 written" in third.stdout
    (text,) = articles(project).values()
    assert "sechs Stunden" in text


def test_removed_source_removes_only_generated_files(project: Path) -> None:
    (project / "content" / "2020-05-01-kurz.txt").write_text(
        "Ein kurzer Bericht aus Berlin\n\nDer Senat tagte am Freitag in Berlin und beschloss den Haushalt.\n",
        encoding="utf-8",
    )
    assert run_cli(project).returncode == 0
    hand_written = project / "site_src" / "articles" / "2020" / "05" / "notiz.md"
    hand_written.write_text("# Notiz\n\nVon Hand geschrieben.\n", encoding="utf-8")
    (project / "content" / "2020-05-01-kurz.txt").unlink()
    result = run_cli(project)
    assert result.returncode == 0
    assert "1 removed" in result.stdout
    assert hand_written.exists()
    assert not (project / "site_src" / "articles" / "2020" / "05" / "ein-kurzer-bericht-aus-berlin.md").exists()


def test_hand_edit_survives_reingest(project: Path) -> None:
    assert run_cli(project).returncode == 0
    (path,) = (project / "site_src" / "articles").rglob("*.md")
    edited = path.read_text(encoding="utf-8").replace("Kushner nahm erstmals", "Kushner nahm zum ersten Mal")
    path.write_text(edited, encoding="utf-8")
    source = project / "content" / "000_9c2291f4ff7c3933.txt"
    source.write_text(source.read_text(encoding="utf-8") + "\nEin neuer Absatz am Ende.\n", encoding="utf-8")
    result = run_cli(project)
    assert result.returncode == 0
    assert "kept hand-edited file" in result.stdout
    assert path.read_text(encoding="utf-8") == edited


def test_every_reader_and_a_bad_file(project: Path) -> None:
    content = project / "content"
    (content / "2021-03-04-notiz.md").write_text(
        "---\ntitle: Eine Notiz aus Moskau\npeople: [Anna Beispiel]\nmood: hand-set field\n---\n\n"
        "Putin sprach in Moskau.\n",
        encoding="utf-8",
    )
    records = [
        {"title": "Erster Eintrag", "text": "Putin besuchte Kiew.\nDer Besuch dauerte zwei Stunden.", "date": "2022-01-02"},
        {"title": "Second record", "text": "The minister travelled to Washington on Monday.", "language": "en",
         "date": "2022-01-03T10:00:00Z", "url": "https://example.org/2"},
        {"text": "no title here"},
    ]
    (content / "export.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    (content / "page.html").write_text(
        "<html><head><title>Ein Bericht</title><meta property='article:published_time' content='2023-05-06'>"
        "</head><body><nav>Startseite Politik Sport</nav><article><h1>Ein Bericht über Kiew</h1>"
        + "".join(f"<p>Absatz {i}: Die Delegation reiste nach Kiew und sprach dort lange mit Vertretern "
                  f"der Regierung über die Lage im Land.</p>" for i in range(5))
        + "</article><script>alert(1)</script></body></html>",
        encoding="utf-8",
    )
    (content / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    result = run_cli(project)
    assert result.returncode == 1
    assert "failed: content/broken.txt: binary file, not text" in result.stderr
    assert "failed: content/export.jsonl#3: record has no 'title'" in result.stderr
    assert "Traceback" not in result.stderr
    built = articles(project)
    assert len(built) == 5, sorted(built)
    notiz = next(t for p, t in built.items() if "eine-notiz-aus-moskau" in p)
    meta, _ = read_article_file(notiz, "x")
    assert meta.people == ["Anna Beispiel"]  # hand-set wins
    assert meta.model_extra["mood"] == "hand-set field"
    assert meta.date_source == "file_name"
    english = next(t for p, t in built.items() if "second-record" in p)
    meta, _ = read_article_file(english, "x")
    assert meta.language == "en" and meta.date_source == "record"
    assert meta.source.url == "https://example.org/2"
    html = next(t for p, t in built.items() if "bericht" in p and "2023/05" in p)
    assert "alert" not in html and "Startseite" not in html


def test_in_process_main_and_out_option(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "elsewhere"
    cwd = os.getcwd()
    os.chdir(project)
    try:
        assert main(["ingest", "--out", str(out)]) == 0
    finally:
        os.chdir(cwd)
    assert len(list(out.rglob("*.md"))) == 1


def test_missing_date_falls_back_with_a_warning(project: Path) -> None:
    (project / "content" / "undatiert.txt").write_text(
        "Ohne Datum\n\nDieser Text trägt kein Datum und keinen Dateinamen mit Datum.\n", encoding="utf-8"
    )
    result = run_cli(project)
    assert result.returncode == 0
    assert "content/undatiert.txt: no date found; using the file's modification time" in result.stderr
    default = run_cli(project, "--default-date", "2024-02-03", "content/undatiert.txt")
    assert default.returncode == 0, default.stderr


def test_workers_below_zero_is_one_clear_line(project: Path) -> None:
    result = run_cli(project, "--workers", "-1")
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == ["news-archive: error: --workers must be 0 or more"]
    assert not (project / "site_src" / "articles").exists()
