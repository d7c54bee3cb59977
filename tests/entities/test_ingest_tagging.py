"""Tagging through the real ingest: a tiny spaCy pipeline on disk, the cache, the curator file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from news_archive.core.entities import ArchiveArticle, ArticleEntities, find_duplicate_entities
from news_archive.core.frontmatter import read_article_file
from news_archive.ingest.cache import load_gazetteer
from news_archive.ingest.run import IngestRequest, run_ingest
from news_archive.settings import load_ingest_settings
from tests.conftest import REPO, SAMPLE, build_ruler_pipeline

ARTICLES = {
    "2025-12-03-gespraeche.txt": (
        "Trump lobt Putins Verhandlungsbereitschaft\n\n"
        "US-Präsident Donald Trump hat die Gespräche seines Sondergesandten in Moskau gelobt. Trumps Sprecherin "
        "sagte in Washington, die Vereinigten Staaten setzten auf Sicherheitsgarantien für die Ukraine. "
        "Kremlchef Putin hatte den US-Plan zuvor als Grundlage bezeichnet. Selenskyj reiste nach Kyjiw zurück."
    ),
    "2025-12-04-sanktionen.txt": (
        "EU berät über neue Sanktionen gegen Russland\n\n"
        "Die Außenminister der EU beraten in Brüssel über neue Sanktionen gegen Russland. Russlands Wirtschaft "
        "leide unter den Sanktionen, sagte Kaja Kallas. Kallas forderte mehr Druck auf Moskau. Der Kreml "
        "reagierte gelassen; in Kiew begrüßte Wolodymyr Selenskyj die Pläne."
    ),
}
PATTERNS = [
    {"label": label, "pattern": [{"ORTH": token} for token in name.split()]}
    for label, names in {
        "PER": ["US-Präsident Donald Trump", "Donald Trump", "Trump", "Trumps", "Putin", "Putins", "Wladimir Putin",
                "Witkoff", "Steve Witkoff", "Jared Kushner", "Kushner", "Marco Rubio", "Rubio", "Juri Uschakow",
                "Uschakow", "Kirill Dmitrijew", "Dmitrijew", "Rustem Umjerow", "Selenskyj", "Wolodymyr Selenskyj",
                "Kaja Kallas", "Kallas"],
        "LOC": ["Russland", "Russlands", "Ukraine", "USA", "US", "Moskau", "Kiew", "Kyjiw", "Washington", "Florida",
                "Donbass", "Brüssel", "Vereinigten Staaten"],
        "ORG": ["Kreml", "Fox News", "EU"],
    }.items()
    for name in names
]


@pytest.fixture(scope="module")
def ruler_model(tmp_path_factory) -> Path:
    return build_ruler_pipeline(tmp_path_factory.mktemp("tagging_ruler"), "de", PATTERNS)


@pytest.fixture
def archive(tmp_path: Path, ruler_model: Path) -> Path:
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(SAMPLE, content / SAMPLE.name)
    shutil.copy(SAMPLE.with_suffix(".meta.yml"), content / SAMPLE.with_suffix(".meta.yml").name)
    for name, text in ARTICLES.items():
        (content / name).write_text(text + "\n", encoding="utf-8")
    for name in ("2006-01-12-stampede.txt", "2015-08-21-korea.txt", "2010-10-09-defector.txt"):
        shutil.copy(REPO / "content" / name, content / name)
    return tmp_path


def ingest(project: Path, model: Path):
    settings = load_ingest_settings({"model": {"de": str(model), "en": None}}, "mkdocs.yml")
    report = run_ingest(IngestRequest(settings, project))
    assert report.ok, report.failures
    return report


def front_matter(project: Path) -> dict[str, object]:
    root = project / "site_src" / "articles"
    found = {}
    for path in sorted(root.rglob("*.md")):
        meta, _ = read_article_file(path.read_text(encoding="utf-8"), path.name)
        found[meta.title] = meta
    return found


def count_analyses(monkeypatch) -> list[str]:
    """The texts the model reads (in this process: a run of three articles does not start workers)."""
    import news_archive.nlp.mentions as adapter

    calls: list[str] = []
    original = adapter.mentions_from_doc
    monkeypatch.setattr(adapter, "mentions_from_doc", lambda doc: calls.append(doc.text[:20]) or original(doc))
    return calls


def test_no_two_entities_of_the_archive_denote_the_same_thing(archive: Path, ruler_model: Path) -> None:
    ingest(archive, ruler_model)
    metas = front_matter(archive)
    built = []
    for meta in metas.values():
        entities = ArticleEntities()
        for label, names in (("PER", meta.people), ("LOC", meta.places), ("ORG", meta.organizations)):
            for name in names:
                entities.add(label, name, [name])
        built.append(ArchiveArticle(meta.language, entities))
    assert find_duplicate_entities(built, load_gazetteer(archive / ".news-archive-cache")) == []
    trump = metas["Trump lobt Putins Verhandlungsbereitschaft"]
    assert trump.people == ["Donald Trump", "Wladimir Putin", "Wolodymyr Selenskyj"]
    assert trump.places == ["Moskau", "Washington", "USA", "Ukraine", "Kiew"]
    assert "Sicherheitsgarantien" in trump.topics
    sanctions = metas["EU berät über neue Sanktionen gegen Russland"]
    assert sanctions.people == ["Kaja Kallas", "Wolodymyr Selenskyj"] and "Sanktionen" in sanctions.topics
    assert sanctions.geo["Brüssel"].country == "BE"
    stampede = metas["Hundreds dead in Hajj stampede"]
    assert stampede.places == ["Mecca", "Saudi Arabia"] and stampede.people == []


def test_english_without_a_model_gets_gazetteer_places_and_a_note(archive: Path, ruler_model: Path) -> None:
    report = ingest(archive, ruler_model)
    assert any("English articles need an installed spaCy model (en_core_web_sm) for people/organizations" in n
               for n in report.notes)


def test_curator_edit_changes_tags_without_running_ner_again(archive: Path, ruler_model: Path, monkeypatch) -> None:
    calls = count_analyses(monkeypatch)
    ingest(archive, ruler_model)
    assert len(calls) == 3  # the German articles
    before = front_matter(archive)["EU berät über neue Sanktionen gegen Russland"]
    assert before.organizations == ["EU", "Kreml"] and before.people == ["Kaja Kallas", "Wolodymyr Selenskyj"]

    (archive / "entities.yml").write_text(
        "aliases:\n  Europäische Union: [EU]\ntypes:\n  Kreml: place\nrenames:\n  Kaja Kallas: Kaja Kallas (EU)\n"
        "blocklist: [Wolodymyr Selenskyj, Sanktionen]\n", encoding="utf-8")
    calls.clear()
    ingest(archive, ruler_model)
    assert calls == []  # every analysis came from the cache
    after = front_matter(archive)["EU berät über neue Sanktionen gegen Russland"]
    assert after.organizations == ["Europäische Union"] and "Kreml" in after.places
    assert after.people == ["Kaja Kallas (EU)"]
    assert "Sanktionen" not in after.topics
