"""A run with nothing changed is recognised before any article is read, and never hides a change.

Each test makes one kind of change after a complete run and checks that the next run sees it:
the shortcut must be taken only when a full run would write nothing.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from news_archive.cli import main
from news_archive.core.frontmatter import read_article_file

SHORTCUT = "nothing changed since the last complete run"


def ingest(project: Path, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture) -> tuple[int, str, bool]:
    """Run `news-archive ingest` in-process; return exit code, stdout and whether the shortcut was taken."""
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="news_archive.ingest.run"):
        code = main(["ingest", "--config", str(project / "mkdocs.yml")])
    return code, capsys.readouterr().out, any(SHORTCUT in r.getMessage() for r in caplog.records)


def the_article(project: Path):
    (path,) = (project / "site_src" / "articles").rglob("*.md")
    return path, read_article_file(path.read_text(encoding="utf-8"), str(path))[0]


@pytest.fixture
def built(project: Path, caplog, capsys) -> Path:
    code, out, shortcut = ingest(project, caplog, capsys)
    assert code == 0 and "1 written" in out and not shortcut
    return project


def test_second_run_takes_the_shortcut_and_reports_the_same(built: Path, caplog, capsys) -> None:
    path, _ = the_article(built)
    before = path.stat().st_mtime_ns
    code, out, shortcut = ingest(built, caplog, capsys)
    assert code == 0 and shortcut
    assert "1 article(s) from 1 file(s): 0 written, 1 unchanged, 0 removed, 0 failed" in out
    assert path.stat().st_mtime_ns == before


def test_curator_file_change_is_seen(built: Path, caplog, capsys) -> None:
    (built / "entities.yml").write_text("blocklist:\n  - Wladimir Putin\n", encoding="utf-8")
    code, out, shortcut = ingest(built, caplog, capsys)
    assert code == 0 and not shortcut and "1 written" in out
    assert "Wladimir Putin" not in the_article(built)[1].people


def test_new_sidecar_is_seen(built: Path, caplog, capsys) -> None:
    (built / "content" / "000_9c2291f4ff7c3933.meta.yml").write_text("date: 2024-05-01\n", encoding="utf-8")
    code, out, shortcut = ingest(built, caplog, capsys)
    assert code == 0 and not shortcut
    assert the_article(built)[1].date.date().isoformat() == "2024-05-01"


def test_deleted_output_is_written_again(built: Path, caplog, capsys) -> None:
    path, _ = the_article(built)
    path.unlink()
    code, out, shortcut = ingest(built, caplog, capsys)
    assert code == 0 and not shortcut and "1 written" in out and path.is_file()


def test_hand_edit_is_reported_on_every_run(built: Path, caplog, capsys) -> None:
    path, _ = the_article(built)
    path.write_text(path.read_text(encoding="utf-8") + "\nA note by hand.\n", encoding="utf-8")
    for _ in range(2):
        code, out, shortcut = ingest(built, caplog, capsys)
        assert code == 0 and not shortcut and "kept hand-edited file" in out
    assert path.read_text(encoding="utf-8").endswith("A note by hand.\n")


def test_setting_change_is_seen(built: Path, caplog, capsys) -> None:
    config = built / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "        timezone: America/New_York\n", encoding="utf-8")
    code, out, shortcut = ingest(built, caplog, capsys)
    assert code == 0 and not shortcut and "1 written" in out
    assert the_article(built)[1].date.utcoffset().total_seconds() == -5 * 3600


def test_source_edit_with_the_same_size_is_seen(built: Path, caplog, capsys) -> None:
    source = built / "content" / "000_9c2291f4ff7c3933.txt"
    text = source.read_text(encoding="utf-8")
    stat = source.stat()
    source.write_text(text.replace("Witkoff", "Witkopf", 1), encoding="utf-8")
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))  # same size, one tick later
    code, out, shortcut = ingest(built, caplog, capsys)
    assert code == 0 and not shortcut and "1 written" in out


def test_failures_are_reported_on_every_run(built: Path, caplog, capsys) -> None:
    (built / "content" / "empty.txt").write_text("", encoding="utf-8")
    for _ in range(2):
        code, out, shortcut = ingest(built, caplog, capsys)
        assert code == 1 and not shortcut and "1 failed" in out


def test_one_change_renders_only_what_changed_and_matches_a_fresh_run(built: Path, tmp_path: Path, caplog, capsys) -> None:
    """Files remembered from the last run are reused by key; the result is what a fresh run writes."""
    import shutil

    second = built / "content" / "2025-12-03-zweiter-artikel.txt"
    second.write_text("Zweiter Artikel über Putin\n\nWladimir Putin sprach in Moskau mit Witkoff.\n", encoding="utf-8")
    assert ingest(built, caplog, capsys)[0] == 0
    sample_output = next(p for p in (built / "site_src").rglob("*.md") if "treffen" in p.name)
    before = sample_output.stat().st_mtime_ns
    second.write_text(second.read_text(encoding="utf-8") + "Donald Trump schwieg.\n", encoding="utf-8")
    code, out, _ = ingest(built, caplog, capsys)
    assert code == 0 and "1 written, 1 unchanged" in out and sample_output.stat().st_mtime_ns == before
    assert any("rendered 1 of 2 files" in r.getMessage() for r in caplog.records)

    fresh = tmp_path / "fresh"
    shutil.copytree(built, fresh, ignore=shutil.ignore_patterns(".news-archive-cache", "site_src"))
    assert ingest(fresh, caplog, capsys)[0] == 0

    def tree(root: Path) -> dict[str, str]:
        return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.md"))}

    ours, theirs = tree(built / "site_src"), tree(fresh / "site_src")
    assert ours.keys() == theirs.keys() and len(ours) == 2
    for name in ours:  # the source path in the front matter is relative, so whole files compare
        assert ours[name] == theirs[name], name


def test_renamed_source_keeps_its_new_name(built: Path, caplog, capsys) -> None:
    """The same bytes under a new name: the cached draft must not bring the old path along."""
    source = built / "content" / "000_9c2291f4ff7c3933.txt"
    source.rename(source.with_name("renamed.txt"))
    sidecar = built / "content" / "000_9c2291f4ff7c3933.meta.yml"
    sidecar.rename(sidecar.with_name("renamed.meta.yml"))
    code, out, shortcut = ingest(built, caplog, capsys)
    assert code == 0 and not shortcut
    assert the_article(built)[1].source.path == "content/renamed.txt"
