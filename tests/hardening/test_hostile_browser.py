"""Hostile content never runs: hostile sources of every kind go through the real ingest and the
real site build; every page is opened in Chromium and nothing they carry may execute."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest

from tests.browser_support import serve_directory

pytestmark = pytest.mark.browser
PWN = "window.__pwned = (window.__pwned || []).concat"
BODY_TEXT = "Die Delegation reiste nach Moskau und sprach dort lange mit Vertretern der Regierung über die Lage."
ATTACKS = [
    f"<script>{PWN}('script')</script>",
    f"<img src=x onerror=\"{PWN}('img')\">",
    f"<svg onload=\"{PWN}('svg')\"></svg>",
    "<iframe srcdoc=\"<script>parent.__pwned=['iframe']</script>\"></iframe>",
    f"<a href=\"javascript:{PWN}('link')\">klick</a>",
    "<style>body{display:none}</style>",
]


def write_hostile_sources(content: Path) -> None:
    attacks = " ".join(ATTACKS)
    (content / "2024-03-01-boese.md").write_text(
        "---\ntitle: \"<script>alert('md title')</script> Böse Notiz\"\n"
        f"people: ['<img src=x onerror=\"{PWN}(`person`)\">', 'Wladimir Putin']\n"
        f"topics: ['<b onmouseover=\"{PWN}(`topic`)\">Thema</b>']\n"
        f"summary: ['<script>{PWN}(`summary`)</script>']\n"
        f"image_caption: '<img src=x onerror=\"{PWN}(`caption`)\">'\n"
        "---\n\n"
        f"{BODY_TEXT}\n\n{attacks}\n\n[Link](javascript:alert(1)) und <a href=\"#\" onclick=\"{PWN}('onclick')\">hier</a>\n",
        encoding="utf-8",
    )
    (content / "2024-03-02-boese.txt").write_text(
        f"<script>{PWN}('txt title')</script> Titel\n\n<img src=x onerror=\"{PWN}('txt caption')\"> Bild\n"
        f"Bildunterschrift\n\n{BODY_TEXT} {attacks}\n\nPutin sprach in Moskau. {ATTACKS[0]}\n",
        encoding="utf-8",
    )
    record = {"title": f"<svg onload=\"{PWN}('json')\"> JSON", "html": (
        f"<html><body><article><h1>JSON</h1><p>{BODY_TEXT}</p><p>{BODY_TEXT} {ATTACKS[0]}</p>"
        f"<p onclick=\"{PWN}('p')\">{BODY_TEXT}</p></article><script>{PWN}('page')</script></body></html>"),
        "date": "2024-03-03", "url": f"javascript:{PWN}('url')"}
    (content / "export.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory, ruler_model_de):
    project = tmp_path_factory.mktemp("hostile")
    (project / "content").mkdir()
    write_hostile_sources(project / "content")
    (project / "site_src").mkdir()
    (project / "site_src" / "index.md").write_text("# Archiv\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        "site_name: Hostile\nsite_url: http://127.0.0.1/\ndocs_dir: site_src\ntheme: {name: material, language: de}\n"
        "plugins:\n  - search\n  - news-archive:\n      entity_min_articles: 1\n      ingest:\n"
        f"        model: {{de: '{ruler_model_de}', en: null}}\n",
        encoding="utf-8",
    )
    ingest = subprocess.run([sys.executable, "-m", "news_archive", "ingest"], cwd=project, capture_output=True, text=True)
    assert ingest.returncode == 0, ingest.stdout + ingest.stderr
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=project, capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    return project / "site"


def test_no_page_runs_anything(hostile_site: Path, browser_page) -> None:
    pages = sorted(p.relative_to(hostile_site).as_posix() for p in hostile_site.rglob("index.html"))
    assert len(pages) > 10
    dialogs: list[str] = []
    browser_page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    with serve_directory(hostile_site) as base:
        for page in pages:
            browser_page.goto(base + page.removesuffix("index.html"))
            for element in browser_page.locator("a, img, b, p, span").all()[:200]:
                element.dispatch_event("mouseover")
            assert browser_page.evaluate("window.__pwned === undefined"), (page, browser_page.evaluate("window.__pwned"))
            assert browser_page.locator("a[href^='javascript:' i]").count() == 0, page
            assert browser_page.locator("iframe, article script, [onerror], [onload], [onclick]").count() == 0, page
    assert dialogs == []


def test_feeds_and_exports_hold_escaped_text(hostile_site: Path) -> None:
    feed = feedparser.parse((hostile_site / "rss.xml").read_bytes())
    assert not feed.bozo and len(feed.entries) == 3
    titles = " ".join(entry.title for entry in feed.entries)
    assert "<script>" in titles  # shown as text in a reader, not markup
    for entry in feed.entries:
        assert not entry.link.lower().startswith("javascript")
    # Readers take RSS <description> as HTML: its XML text must hold no markup, only escaped text.
    from xml.etree import ElementTree
    descriptions = [d.text or "" for d in ElementTree.fromstring((hostile_site / "rss.xml").read_bytes()).iter("description")]
    assert any("&lt;script&gt;" in d for d in descriptions) and not any("<" in d for d in descriptions)
    articles = json.loads((hostile_site / "articles.json").read_text(encoding="utf-8"))
    assert any("<script>" in a["title"] for a in (articles if isinstance(articles, list) else articles["articles"]))
