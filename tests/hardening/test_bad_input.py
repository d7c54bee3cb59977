"""Bad input, written by the test itself: each case is ingested correctly or skipped with one clear
line naming the file and the reason; the rest of the archive builds; no traceback reaches the user."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from news_archive.core.frontmatter import read_article_file

GOOD_BODY = "Der Bundestag beriet am Donnerstag in Berlin lange über den Haushalt des kommenden Jahres.\n"

# name → (file name, bytes, expected outcome: "ok" or a fragment of the one-line reason)
CASES: dict[str, tuple[str, bytes, str]] = {
    "empty": ("2024-01-01-leer.txt", b"", "file is empty"),
    "whitespace": ("2024-01-01-weiss.txt", b"  \n\t\n   \n", "file is empty"),
    "binary": ("2024-01-01-binaer.txt", bytes(range(256)) * 40, "binary file"),
    "invalid-utf8": ("2024-01-01-kaputt.txt", b"Titel \xff\xfe\xfa ok\n\n" + GOOD_BODY.encode(), "ok"),
    "latin1": ("2024-01-01-latin1.txt", "Grüße aus Köln\n\nÄrger über Straßenbäume in Köln, sagte er.\n".encode("latin-1"), "ok"),
    "cp1252": ("2024-01-01-cp1252.txt", "„Zitat“ – Gespräch\n\nDer Minister sagte: „Wir prüfen das.“ Später mehr.\n".encode("cp1252"), "ok"),
    "bom": ("2024-01-01-bom.txt", "\ufeffMit BOM\n\n".encode() + GOOD_BODY.encode(), "ok"),
    "crlf": ("2024-01-01-crlf.txt", ("Windows Zeilen\r\n\r\n" + GOOD_BODY.replace("\n", "\r\n")).encode(), "ok"),
    "cr": ("2024-01-01-cr.txt", ("Alte Mac Zeilen\r\r" + GOOD_BODY.replace("\n", "\r")).encode(), "ok"),
    "huge": ("2024-01-01-riesig.txt", b"Riesig\n\n" + (GOOD_BODY.encode() * 600_000), "larger than 20 MB"),
    "single-line": ("2024-01-01-einzeilig.txt", b"x" * 1_048_576, "no body text after the title"),
    "broken-front-matter": ("2024-01-01-fm.md", b"---\ntitle: [unclosed\n---\nText\n", "broken front matter"),
    "python-tag": ("2024-01-01-tag.md", b"---\ntitle: !!python/object/apply:os.system ['touch /tmp/pwned']\n---\nText\n", "broken front matter"),
    "alias-bomb": ("2024-01-01-bomb.md", (
        b"---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
        b"d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
        b"g: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\ntitle: Bombe\n---\nText\n"), "too many YAML aliases"),
    "metachar-title": ("2024-01-01-meta.txt", ('Titel: "a" \'b\' # [c] {d} | > --- & * ! <b>x</b>\n\n' + GOOD_BODY).encode(), "ok"),
    "markdown-in-text": ("2024-01-01-md.txt", b"Normaler Titel\n\n# Keine Ueberschrift\n\n* kein Punkt [link](javascript:alert(1)) <script>alert(1)</script> und mehr Text hier.\n", "ok"),
    "spaces in name": ("2024-01-01 mit Leerzeichen.txt", ("Leerzeichen im Namen\n\n" + GOOD_BODY).encode(), "ok"),
    "unicode-name": ("2024-01-01-ümlaut-日本.txt", ("Unicode im Namen\n\n" + GOOD_BODY).encode(), "ok"),
    "dots-name": ("2024-01-01-a..b.txt", ("Punkte im Namen\n\n" + GOOD_BODY).encode(), "ok"),
    "same-title-1": ("2024-01-02-gleich-1.txt", ("Gleicher Titel\n\nErster Text über das Wetter in Hamburg am Morgen.\n").encode(), "ok"),
    "same-title-2": ("2024-01-02-gleich-2.txt", ("Gleicher Titel\n\nZweiter Text über das Wetter in München am Abend.\n").encode(), "ok"),
    "recursive-alias": ("2024-01-01-rekursiv.md", b"---\nt: &a [*a]\ntitle: x\n---\nText\n", "recursive YAML alias"),
    "control-chars-html": ("2024-01-01-steuer.html", b"<html><head><title>Steuerzeichen\x01 im Titel</title></head><body><article>"
                           + b"<p>Ein Absatz\x02 mit Steuerzeichen, der lang genug ist, um als Artikeltext zu gelten, und noch mehr.</p>" * 4
                           + b"</article></body></html>", "ok"),
    "broken-jsonl": ("2024-01-01-export.jsonl", b'{"title": "Gut", "text": "Ein guter Datensatz mit Text."}\n{"title": \n', "invalid JSON"),
}


@pytest.fixture(scope="module")
def bad_archive(tmp_path_factory, ruler_model_de):
    project = tmp_path_factory.mktemp("bad")
    content = project / "content"
    content.mkdir()
    (project / "mkdocs.yml").write_text(
        "site_name: T\ndocs_dir: site_src\nplugins:\n  - news-archive:\n      ingest:\n"
        f"        model: {{de: '{ruler_model_de}', en: null}}\n        default_date: '2024-03-01'\n",
        encoding="utf-8",
    )
    for name, data, _ in CASES.values():
        (content / name).write_bytes(data)
    (content / ".versteckt.txt").write_text("Versteckt\n\n" + GOOD_BODY, encoding="utf-8")
    outside = project / "outside.txt"
    outside.write_text("Draußen\n\n" + GOOD_BODY, encoding="utf-8")
    os.symlink(outside, content / "2024-01-01-link.txt")
    result = subprocess.run([sys.executable, "-m", "news_archive", "ingest"], cwd=project,
                            capture_output=True, text=True, timeout=600)
    return project, result


def test_no_traceback_and_exit_status_says_failures(bad_archive) -> None:
    _, result = bad_archive
    assert "Traceback" not in result.stderr + result.stdout
    assert result.returncode == 1


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_case_has_its_outcome(bad_archive, case: str) -> None:
    project, result = bad_archive
    name, _, expected = CASES[case]
    failure_lines = [line for line in result.stderr.splitlines() if line.startswith(f"  failed: content/{name}")]
    if expected == "ok":
        assert failure_lines == [], failure_lines
    else:
        assert len(failure_lines) >= 1 and expected in failure_lines[0], result.stderr
        assert all("\n" not in line for line in failure_lines)


def test_symlink_outside_content_is_refused(bad_archive) -> None:
    _, result = bad_archive
    assert "failed: content/2024-01-01-link.txt: symlink points outside the content folder" in result.stderr


def test_good_articles_all_built_and_valid(bad_archive) -> None:
    project, result = bad_archive
    built = sorted((project / "site_src" / "articles").rglob("*.md"))
    expected_ok = sum(1 for *_, outcome in CASES.values() if outcome == "ok") + 1  # + the good JSONL record
    assert len(built) == expected_ok, result.stdout + result.stderr
    titles = {}
    for path in built:
        meta, body = read_article_file(path.read_text(encoding="utf-8"), str(path))
        titles[meta.title] = (path, body)
        assert not list(path.parent.glob(".*.tmp"))
    assert "Grüße aus Köln" in titles and "Ärger über Straßenbäume" in titles["Grüße aus Köln"][1]
    assert "„Zitat“ – Gespräch" in titles
    assert 'Titel: "a" \'b\' # [c] {d} | > --- & * ! <b>x</b>' in titles
    _, body = titles["Normaler Titel"]
    assert "<script>" not in body and "&lt;script&gt;" in body and "\\[link\\]" in body
    same = [p.name for t, (p, _) in titles.items() if t == "Gleicher Titel"]
    assert len(same) <= 1  # one of the two keeps the bare slug...
    assert len([p for p in built if p.name.startswith("gleicher-titel")]) == 2  # ...both are built
    assert not Path("/tmp/pwned").exists()
