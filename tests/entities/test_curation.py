"""The curator file: aliases, merges, renames, type changes, blocklist, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from news_archive.core.curation import parse_curation, read_curation, read_taxonomy
from news_archive.core.entities import ArchiveArticle, Mention, canonicalize_article, resolve_archive
from news_archive.core.errors import ConfigError


def tagged(curator_yaml: str, mentions: list[tuple[str, str]], gazetteer, language: str = "de") -> ArchiveArticle:
    curation = parse_curation(curator_yaml, "entities.yml")
    found = [Mention(text, label, i) for i, (label, text) in enumerate(mentions)]
    article = ArchiveArticle(language, canonicalize_article(found, curation, gazetteer))
    resolve_archive([article], curation, gazetteer)
    return article


def test_alias_maps_variants_before_the_rules(gazetteer) -> None:
    article = tagged("aliases:\n  Wolodymyr Selenskyj: [Selenskyj, Selenskyjs, Zelensky]\n",
                     [("PER", "Selenskyj"), ("PER", "Zelensky"), ("PER", "Selenskyjs")], gazetteer)
    assert article.entities.names["PER"] == ["Wolodymyr Selenskyj"]
    assert article.entities.aliases["Wolodymyr Selenskyj"] == {"Selenskyj", "Zelensky", "Selenskyjs"}


def test_alias_to_a_place_gets_its_coordinates(gazetteer) -> None:
    article = tagged("aliases:\n  Vereinigtes Königreich: [Großbritannien]\n", [("LOC", "Großbritannien")], gazetteer)
    assert article.entities.names["LOC"] == ["Vereinigtes Königreich"]
    assert article.geo["Vereinigtes Königreich"]["country"] == "GB"


def test_merge_joins_resolved_entities(gazetteer) -> None:
    article = tagged("merges:\n  Europäische Union: [EU]\n", [("ORG", "EU"), ("ORG", "Europäische Union")], gazetteer)
    assert article.entities.names["ORG"] == ["Europäische Union"]


def test_rename_changes_the_display_name(gazetteer) -> None:
    article = tagged("renames:\n  Wladimir Putin: Wladimir W. Putin\n", [("PER", "Wladimir Putin"), ("PER", "Putin")], gazetteer)
    assert article.entities.names["PER"] == ["Wladimir W. Putin"]


def test_type_change(gazetteer) -> None:
    article = tagged("types:\n  Kreml: organization\n", [("LOC", "Kreml"), ("LOC", "Kreml")], gazetteer)
    assert article.entities.names == {"PER": [], "LOC": [], "ORG": ["Kreml"]}


def test_blocklist_removes_names_in_any_case(gazetteer) -> None:
    article = tagged("blocklist: [kommentare, Zusammenfassung]\n",
                     [("ORG", "Kommentare"), ("LOC", "Zusammenfassung"), ("LOC", "Moskau")], gazetteer)
    assert article.entities.names == {"PER": [], "LOC": ["Moskau"], "ORG": []}


def test_missing_file_means_no_corrections(tmp_path: Path) -> None:
    assert read_curation(tmp_path / "entities.yml") == parse_curation("", "x")


def test_demo_curator_file_is_valid() -> None:
    read_curation(Path(__file__).resolve().parents[2] / "entities.yml")


@pytest.mark.parametrize("text, message", [
    ("aliases: [a, b]\n", "entities.yml: aliases: expected a mapping, got list"),
    ("aliases:\n  Putin: 3\n", "entities.yml: aliases.Putin: expected a list of names, got int"),
    ("types:\n  Kreml: building\n", "entities.yml: types.Kreml: unknown type 'building' (expected person, place or organization)"),
    ("renames:\n  A: [B]\n", "entities.yml: renames.A: expected the new name as text, got ['B']"),
    ("blocklist: Kommentare\n", "entities.yml: blocklist: expected a list of names, got str"),
    ("alias:\n  A: [B]\n", "entities.yml: unknown key 'alias' (expected one of aliases, merges, renames, types, blocklist)"),
    ("aliases:\n  A: [X]\n  B: [X]\n", "entities.yml: aliases.B: 'X' is already listed under 'A'"),
    ("aliases:\n  A: [B]\n  B: [C]\n", "entities.yml: aliases.B: 'B' is itself listed as a variant of 'A'"),
    ("aliases:\n  A: [B\n", "entities.yml (line 3): not valid YAML: expected ',' or ']', but got '<stream end>'"),
])
def test_invalid_file_gives_one_clear_line(text: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_curation(text, "entities.yml")
    assert str(caught.value) == message
    assert "\n" not in str(caught.value)


def test_taxonomy(tmp_path: Path) -> None:
    path = tmp_path / "taxonomy.yml"
    path.write_text("Krieg in der Ukraine: [Ukraine-Krieg, Ukrainekrieg]\nSanktionen: Sanktion\n", encoding="utf-8")
    assert read_taxonomy(path) == {"Krieg in der Ukraine": ["Ukraine-Krieg", "Ukrainekrieg"], "Sanktionen": ["Sanktion"]}
    path.write_text("- a\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"taxonomy.yml: taxonomy: expected a mapping, got list"):
        read_taxonomy(path)
