"""A small fixture archive, written from hand-made front matter with the core's own writer.

No NER model is involved: the entities are part of the front matter below.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

from news_archive.core.frontmatter import render_article_file
from news_archive.core.schema import FrontMatter

BERLIN = ZoneInfo("Europe/Berlin")
PUTIN_BODY = """\
Russland und die USA sind nach Gesprächen zwischen Präsident Wladimir Putin und einer US-Delegation im Kreml einem Frieden nicht näher gekommen. Das Treffen zwischen Putin und dem US-Sondergesandten Steve Witkoff dauerte fast fünf Stunden.

## Putin und Witkoff im Kreml

An dem Treffen nahm auch Jared Kushner teil, der Schwiegersohn von Donald Trump. Witkoff informiert Trump. Nach den Worten von Marco Rubio komme man voran, sagte er dem Sender Fox News.

```
Putin im Code bleibt unverlinkt
```

Ein [Link über Putin](https://example.org/) bleibt, wie er ist; `Witkoff` im Code auch.
"""


def _article(n: int, title: str, when: str, slug: str, body: str = "Text des Artikels.\n", **fields) -> tuple[FrontMatter, str]:
    date = datetime.fromisoformat(when).replace(tzinfo=BERLIN)
    values = {
        "id": hashlib.sha256(title.encode()).hexdigest()[:16], "title": title, "date": date,
        "date_source": "sidecar", "language": fields.pop("language", "de"), "slug": slug,
        "source": {"path": f"content/{slug}.txt", "sha256": hashlib.sha256(slug.encode()).hexdigest(),
                   **({"url": fields.pop("url")} if "url" in fields else {})},
        **fields,
    }
    return FrontMatter.model_validate(values), body


ARTICLES = [
    _article(
        1, 'Nach Treffen von Putin und Witkoff: "Sind Lösung nicht näher gekommen"', "2025-12-02T21:00:00",
        "nach-treffen-von-putin-und-witkoff", PUTIN_BODY,
        authors=["Anna Beispiel"],
        summary=["Putin und Witkoff sprachen fünf Stunden im Kreml.", "Streitpunkte bleiben Gebiete & Garantien."],
        image_caption="Putins Treffen mit Witkoff im Kreml endete nach fünf Stunden.",
        people=["Wladimir Putin", "Steve Witkoff", "Jared Kushner", "Donald Trump", "Marco Rubio"],
        places=["Kreml", "Russland", "USA"], organizations=["Fox News"], topics=["Ukraine-Krieg"],
        aliases={"Wladimir Putin": ["Putin", "Putins"], "Steve Witkoff": ["Witkoff"], "Donald Trump": ["Trump"],
                 "Marco Rubio": ["Rubio"]},
        geo={"Russland": {"country": "RU", "lat": 61.5, "lon": 105.3}, "Kreml": {"country": "RU", "lat": 55.752, "lon": 37.617}},
        url="https://example.org/putin-witkoff",
    ),
    _article(2, "Witkoff reist erneut nach Moskau", "2025-11-20T09:30:00", "witkoff-reist-nach-moskau",
             "Steve Witkoff fliegt nach Moskau. Dort trifft er Wladimir Putin.\n",
             summary=["Der Sondergesandte fliegt wieder."], people=["Steve Witkoff", "Wladimir Putin"],
             places=["Moskau"], topics=["Ukraine-Krieg"], geo={"Moskau": {"country": "RU", "lat": 55.75, "lon": 37.62}}),
    _article(3, "Kreml äußert sich zu Gesprächen", "2025-11-20T09:30:00", "kreml-aeussert-sich",
             "Der Kreml und Putin äußern sich vorsichtig.\n", people=["Wladimir Putin"], places=["Kreml"],
             aliases={"Wladimir Putin": ["Putin"]}),
    _article(4, "Trump lobt Gespräche", "2025-10-05T12:00:00", "trump-lobt-gespraeche",
             "Donald Trump lobt die Gespräche.\n", people=["Donald Trump"], organizations=["Weißes Haus"],
             topics=["Ukraine-Krieg"], authors=["Ben Muster", "Cem Probe"]),
    _article(5, "<script>alert('title')</script> & Co.", "2024-03-01T08:00:00", "script-alert",
             "Harmloser Text über Ölpreise.\n", summary=["<img src=x onerror=alert('summary')>"],
             image_caption="<b onmouseover=alert('caption')>Bild</b>", people=["<Evil> \"Name\""],
             topics=["Ölpreis"], url="javascript:alert('source')"),
    _article(6, "Ölpreis steigt", "2024-02-10T10:00:00", "oelpreis-steigt", "Der Ölpreis steigt.\n",
             topics=["Ölpreis"], organizations=["OPEC"], places=["Österreich"],
             geo={"Österreich": {"country": "AT"}}),
]


def write_articles(docs_dir: Path, articles=ARTICLES) -> list[Path]:
    paths = []
    for front_matter, body in articles:
        path = docs_dir / "articles" / f"{front_matter.date:%Y/%m}" / f"{front_matter.slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_article_file(front_matter, body), encoding="utf-8")
        paths.append(path)
    return paths


def write_fixture_site(root: Path, language: str = "de", plugin: dict | None = None, articles=ARTICLES) -> Path:
    """A complete MkDocs project below ``root``; returns the path of its mkdocs.yml."""
    docs = root / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text("# Fixture-Archiv\n\nEin kleines Archiv für Tests.\n", encoding="utf-8")
    write_articles(docs, articles)
    config = {
        "site_name": "Fixture Archive",
        "site_url": "https://example.org/archive/",
        "docs_dir": "docs",
        "site_dir": "site",
        "theme": {"name": "material", "language": language, "features": ["navigation.instant", "navigation.tabs"],
                  "palette": [{"scheme": "default", "toggle": {"icon": "material/brightness-7", "name": "Dark"}},
                              {"scheme": "slate", "toggle": {"icon": "material/brightness-4", "name": "Light"}}]},
        "plugins": ["search", {"news-archive": {"ingest": {"cache_dir": ".cache"}, "entity_min_articles": 1,
                                                **(plugin or {})}}],
    }
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
