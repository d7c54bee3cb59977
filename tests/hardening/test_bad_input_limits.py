"""Issue 19: inputs past a size, depth or type limit are refused (or neutralised) quickly with one line
naming the file; the rest of the archive is still written (exit 1) and a real ``mkdocs build`` succeeds."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

GOOD = "Der Bundestag beriet am Donnerstag in Berlin lange über den Haushalt des kommenden Jahres.\n"


def _md(front: str, body: str = GOOD) -> bytes:
    return f"---\n{front}\n---\n{body}".encode("utf-8", "surrogatepass")


# name → (file name, bytes, expected: "ok" or a fragment of the one-line reason)
INGEST_CASES: dict[str, tuple[str, bytes, str]] = {
    "long-html": ("2024-01-01-lang.html", b"<html><head><title>Lang</title></head><body><article>" + b"<p>" + (GOOD.encode() * 12_000) + b"</p></article></body></html>",
                  "ok"),
    "long-paragraph": ("2024-01-01-absatz.txt", b"Ein langer Absatz\n\n" + GOOD.strip().encode() * 23_000 + b"\n", "ok"),
    "impossible-date": ("2024-01-01-datum.md", _md("title: Datum\ndate: 2024-13-45"), "unreadable date"),
    "impossible-offset": ("2024-01-01-offset.md", _md("title: Offset\ndate: 2024-01-01T10:00:00+25:00"), "unreadable date"),
    "language-int": ("2024-01-01-sprache.md", _md("title: Sprache\nlanguage: 5"), "'language' must be a string"),
    "language-list": ("2024-01-01-sprachen.md", _md("title: Sprachen\nlanguage: [de, en]"), "'language' must be a string"),
    "null-key": ("2024-01-01-nullkey.md", _md("title: Nullkey\n~: x"), "not a string"),
    "surrogate-md": ("2024-01-01-surrogat.md", _md('title: "Sur\\ud800rogat"'), "surrogate"),
    "surrogate-jsonl": ("2024-01-01-surrogat.jsonl", b'{"title": "Sur\\ud800", "text": "Ein Text mit einem Surrogat."}\n', "surrogate"),
    "authors-int": ("2024-01-01-autoren.jsonl", b'{"title": "Autoren", "text": "Ein Text ueber Autoren.", "authors": 5}\n', "'authors'"),
    "deep-json": ("2024-01-01-tief.json", b"[" * 100_000 + b"]" * 100_000, "nested"),
    "paren-run": ("2024-01-01-klammern.txt", b"Klammern\n\n" + b"(" * 20_000 + b"\n\n" + GOOD.encode(), "ok"),
    "backtick-run": ("2024-01-01-backticks.txt", b"Backticks\n\n" + b"`" * 100_000 + b"\n\n" + GOOD.encode(), "ok"),
    "link-brackets": ("2024-01-01-links.md", _md("title: Links", "[a](" * 50_000 + "\n"), "link brackets"),
    "deep-quote": ("2024-01-01-zitat.md", _md("title: Zitat", ">" * 999 + " x\n"), "blockquote"),
    "template-int": ("2024-01-01-template.md", _md("title: Template\ntemplate: 5"), "'template'"),
    "hide-int": ("2024-01-01-hide.md", _md("title: Hide\nhide: 5"), "'hide'"),
    "search-int": ("2024-01-01-search.md", _md("title: Search\nsearch: 5"), "'search'"),
    "deep-list": ("2024-01-01-liste.md", _md("title: Liste\nx: " + "[" * 800 + "]" * 800), "nested"),
}
BUILD_OK = {  # ingested, and the site must build with them
    "1890": ("1890-05-01-x.txt", ("Alt\n\n" + GOOD).encode()),
    "year-1": ("0001-01-01-y.txt", ("Uralt\n\n" + GOOD).encode()),
    "nul-title": ("2024-01-01-nul.md", _md('title: "Nul\\0Titel"')),
    "many-authors": ("2024-01-01-viele.jsonl", json.dumps({"title": "Viele", "text": GOOD, "authors": [f"A{i}" for i in range(1_000_000)]}).encode() + b"\n"),
    "many-names": ("2024-01-01-namen.txt", ("Namen\n\n" + GOOD).encode()),
}
SIDECAR = "people:\n" + "".join(f"  - Person Nummer{i}\n" for i in range(3000))


@pytest.fixture(scope="module")
def limits_archive(tmp_path_factory, ruler_model_de):
    project = tmp_path_factory.mktemp("limits")
    content = project / "content"
    content.mkdir()
    (project / "mkdocs.yml").write_text(
        "site_name: T\ndocs_dir: site_src\ntheme: {name: material}\nplugins:\n  - news-archive:\n      ingest:\n"
        f"        model: {{de: '{ruler_model_de}', en: null}}\n        default_date: '2024-03-01'\n        workers: 0\n",
        encoding="utf-8",
    )
    for name, data, _ in INGEST_CASES.values():
        (content / name).write_bytes(data)
    for name, data in BUILD_OK.values():
        (content / name).write_bytes(data)
    (content / "2024-01-01-namen.meta.yml").write_text(SIDECAR, encoding="utf-8")
    (content / "2024-01-01-gut.txt").write_text("Gut\n\n" + GOOD, encoding="utf-8")
    started = time.monotonic()
    ingest = subprocess.run([sys.executable, "-m", "news_archive", "ingest"], cwd=project,
                            capture_output=True, text=True, timeout=600)
    ingest_seconds = time.monotonic() - started
    started = time.monotonic()
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=project,
                           capture_output=True, text=True, timeout=600)
    return project, ingest, ingest_seconds, build, time.monotonic() - started


def test_ingest_exits_1_without_traceback_quickly(limits_archive) -> None:
    _, ingest, seconds, _, _ = limits_archive
    assert "Traceback" not in ingest.stderr + ingest.stdout, ingest.stderr[-3000:]
    assert ingest.returncode == 1, ingest.stderr[-3000:]
    assert seconds < 300  # a hang guard only


@pytest.mark.parametrize("case", sorted(INGEST_CASES))
def test_each_bad_file_named_in_one_line(limits_archive, case: str) -> None:
    _, ingest, *_ = limits_archive
    name, _, expected = INGEST_CASES[case]
    lines = [line for line in ingest.stderr.splitlines() if line.startswith(f"  failed: content/{name}")]
    if expected == "ok":
        assert lines == [], lines
    else:
        assert len(lines) == 1 and expected in lines[0], ingest.stderr[-3000:]


def test_other_articles_written(limits_archive) -> None:
    project, ingest, *_ = limits_archive
    built = {p.read_text(encoding="utf-8").split("\ntitle: ", 1)[1].split("\n", 1)[0]
             for p in (project / "site_src" / "articles").rglob("*.md")}
    assert {"Gut", "Alt", "Uralt", "Lang", "NulTitel", "Viele", "Namen", "Klammern", "Backticks", "Ein langer Absatz"} <= built, built


def test_local_mean_time_written_with_whole_minutes(limits_archive) -> None:
    project, *_ = limits_archive
    dates = [line for p in (project / "site_src" / "articles").rglob("*.md")
             for line in p.read_text(encoding="utf-8").splitlines() if line.startswith("date: 1890")]
    assert dates == ["date: 1890-05-01T00:00:00+00:53"]  # the day as the file names it, an offset YAML reads


def test_site_builds(limits_archive) -> None:
    project, _, _, build, seconds = limits_archive
    assert build.returncode == 0, build.stderr[-3000:]
    assert seconds < 300
    entities = (project / "site" / "entities.json")
    if entities.exists():
        assert entities.stat().st_size < 50_000_000


def test_sidecar_with_null_key_is_one_error(tmp_path) -> None:
    from news_archive.core.errors import ArticleError
    from news_archive.readers.sidecar import read_sidecar

    sidecar = tmp_path / "a.meta.yml"
    sidecar.write_text("~: x\n", encoding="utf-8")
    with pytest.raises(ArticleError, match="field name None is not a string"):
        read_sidecar(sidecar)


def test_long_text_pieces_keep_offsets() -> None:
    from news_archive.ingest.tagging import split_pieces, text_for_model

    text = ("Ein Satz über Berlin. " * 400 + "\n") * 30
    pieces = split_pieces(text, limit=10_000)
    assert all(len(piece) <= 10_000 for _, piece in pieces)
    assert "".join(piece for _, piece in pieces) == text
    assert all(text[offset:offset + len(piece)] == piece for offset, piece in pieces)
    assert all(piece.endswith("\n") for _, piece in pieces[:-1])  # cut at paragraph ends
    one_paragraph = "Wort " * 5000
    assert "".join(p for _, p in split_pieces(one_paragraph, limit=1000)) == one_paragraph
    neutral = text_for_model("a" + "(" * 20_000 + " Berlin")
    assert len(neutral) == 20_008 and neutral.endswith(" Berlin") and "(" not in neutral
