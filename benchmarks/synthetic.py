"""Synthetic German news archives for benchmarks: realistic length, Zipf-distributed names, years of dates.

Deterministic for a given seed. Writes reader-view `.txt` sources (for ingest) or front-mattered
articles (for site builds) without running spaCy.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

FIRST = "Anna Ben Clara David Elena Felix Greta Hans Ida Jonas Karin Lukas Marie Nina Otto Paula Ralf Sabine Tobias Ute Viktor Wiebke Yusuf Zoe".split()
LAST = ("Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Klein Wolf "
        "Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Schmitt Werner Krause Meier "
        "Lehmann Köhler Herrmann König Walter Kaiser Fuchs Peters Lang Scholz Möller Weiß Jung Hahn Vogel").split()
PLACES = ("Berlin Hamburg München Köln Frankfurt Stuttgart Düsseldorf Leipzig Dortmund Essen Bremen Dresden "
          "Hannover Nürnberg Duisburg Bochum Wuppertal Bielefeld Bonn Münster Mannheim Karlsruhe Augsburg "
          "Wiesbaden Kiel Rostock Erfurt Mainz Potsdam Schwerin Magdeburg Saarbrücken Paris London Wien Rom "
          "Madrid Warschau Prag Moskau Kiew Washington Peking Brüssel").split()
ORG_HEADS = "Verband Institut Stiftung Werke Bank Partei Klinikum Verein Gewerkschaft Agentur".split()
TOPICS = ("Haushalt Wohnungsbau Verkehrswende Energiepreise Klimaschutz Digitalisierung Fachkräftemangel "
          "Bildungspolitik Gesundheitsreform Rentenreform Migration Sicherheitspolitik Wirtschaftsförderung "
          "Landwirtschaft Tourismus Kulturförderung Stadtentwicklung Infrastruktur Pflege Inflation").split()
TEMPLATES = [
    "{per} sagte am {day} in {loc}, man werde die Pläne zum Thema {topic} gründlich prüfen.",
    "Nach Angaben von {org} ist die Lage in {loc} angespannt, vor allem beim {topic}.",
    "Die Gespräche zwischen {per} und {per2} dauerten mehrere Stunden.",
    "Kritik kam von {org}: Die Vorschläge gingen nicht weit genug, hieß es in {loc}.",
    "{per} verwies auf frühere Beschlüsse und forderte mehr Geld für {topic}.",
    "In {loc} demonstrierten am Wochenende mehrere hundert Menschen gegen die Pläne.",
    "Ein Sprecher von {org} wollte sich zunächst nicht äußern.",
    "Beobachter rechnen damit, dass die Entscheidung erst im Herbst fällt.",
    "Der Bericht von {org} nennt steigende Kosten als wichtigsten Grund für die Verzögerung.",
    "Auch {per2} meldete sich zu Wort und verlangte eine schnelle Lösung für {topic}.",
]
DAYS = "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag".split()


@dataclass(frozen=True)
class SyntheticArticle:
    day: date
    title: str
    summary: str
    paragraphs: list[str]
    subheadings: dict[int, str]
    people: list[str]
    places: list[str]
    organizations: list[str]
    topics: list[str]

    def as_text(self) -> str:
        lines = [self.title, "", self.summary, ""]
        for index, paragraph in enumerate(self.paragraphs):
            if index in self.subheadings:
                lines += [self.subheadings[index], ""]
            lines += [paragraph, ""]
        return "\n".join(lines)


class Pool:
    """A Zipf-distributed pool of names: few very frequent, many rare."""

    def __init__(self, names: list[str], rng: random.Random, exponent: float = 1.1) -> None:
        self.names = names
        self.weights = [1 / (rank + 1) ** exponent for rank in range(len(names))]
        self.rng = rng

    def draw(self, k: int) -> list[str]:
        picked: list[str] = []
        while len(picked) < k:
            name = self.rng.choices(self.names, self.weights)[0]
            if name not in picked:
                picked.append(name)
        return picked


def generate(count: int, seed: int = 7, pool_size: int = 2000, words: int = 540) -> list[SyntheticArticle]:
    rng = random.Random(seed)
    people = Pool(sorted({f"{f} {l}" for f in FIRST for l in LAST})[: pool_size // 2], rng)
    orgs = Pool([f"{p}er {h}" for h in ORG_HEADS for p in PLACES][: pool_size // 4], rng)
    places = Pool(PLACES, rng)
    topics = Pool(TOPICS, rng)
    start = date(2019, 1, 1)
    articles = []
    for number in range(count):
        per, loc, org, top = people.draw(rng.randint(2, 4)), places.draw(rng.randint(1, 3)), orgs.draw(rng.randint(1, 2)), topics.draw(2)
        paragraphs, total = [], 0
        while total < words:
            sentences = []
            for _ in range(rng.randint(3, 5)):
                sentence = rng.choice(TEMPLATES).format(
                    per=rng.choice(per), per2=rng.choice(per), loc=rng.choice(loc), org=rng.choice(org),
                    topic=rng.choice(top), day=rng.choice(DAYS),
                )
                sentences.append(sentence)
            paragraph = " ".join(sentences)
            total += len(paragraph.split())
            paragraphs.append(paragraph)
        subheadings = {i: f"{rng.choice(top)} in {rng.choice(loc)}" for i in range(3, len(paragraphs), 4)}
        articles.append(SyntheticArticle(
            day=start + timedelta(days=rng.randint(0, 6 * 365)),
            title=f"{per[0]} zu {top[0]} in {loc[0]}: Meldung {number}",
            summary=f"{per[0]} und {org[0]} streiten in {loc[0]} über {top[0]}.",
            paragraphs=paragraphs, subheadings=subheadings,
            people=per, places=loc, organizations=org, topics=top,
        ))
    return articles


def write_sources(articles: list[SyntheticArticle], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, article in enumerate(articles):
        path = folder / f"{article.day.isoformat()}-meldung-{number:06d}.txt"
        path.write_text(article.as_text(), encoding="utf-8")
        paths.append(path)
    return paths


def write_articles(articles: list[SyntheticArticle], folder: Path, tags: bool = False) -> None:
    """Front-mattered articles as ingest would write them (schema 1), without running NER."""
    from datetime import datetime, time
    from zoneinfo import ZoneInfo

    from news_archive.core.article import Block, Draft
    from news_archive.core.frontmatter import render_article_file, validate_front_matter
    from news_archive.core.markdown import render_blocks
    from news_archive.core.slugs import make_slug

    zone = ZoneInfo("Europe/Berlin")
    for number, article in enumerate(articles):
        blocks = []
        for index, paragraph in enumerate(article.paragraphs):
            if index in article.subheadings:
                blocks.append(Block("heading", article.subheadings[index]))
            blocks.append(Block("paragraph", paragraph))
        draft = Draft(source_path=f"content/{number}.txt", sha256="0" * 64, title=article.title, blocks=blocks,
                      summary=[article.summary])
        slug = make_slug(article.title)
        meta = validate_front_matter({
            "schema": 1, "id": draft.content_id(), "title": article.title,
            "date": datetime.combine(article.day, time(8), tzinfo=zone), "date_source": "file_name",
            "language": "de", "summary": [article.summary], "people": article.people, "places": article.places,
            "organizations": article.organizations, "topics": article.topics, "slug": slug,
            "source": {"path": f"content/{number}.txt", "sha256": "0" * 64},
            **({"tags": [*article.people, *article.places, *article.organizations, *article.topics]} if tags else {}),
        }, str(number))
        path = folder / f"{article.day:%Y/%m}" / f"{slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_article_file(meta, render_blocks(blocks)), encoding="utf-8")
