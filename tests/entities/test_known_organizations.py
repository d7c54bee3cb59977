"""Listed organizations: found where the model misses them, typed as organizations, never in compounds."""

from __future__ import annotations

from news_archive.core.entities import Mention
from news_archive.core.organizations import organization_group, scan_organizations
from news_archive.core.topics import with_listed_names


def test_parties_in_a_poll_sentence_are_found() -> None:
    text = "Die CDU liegt bei 21 Prozent, die AfD bei 30 Prozent, die Grünen bei 12."
    assert [form for form, _ in scan_organizations(text)] == ["CDU", "AfD", "Grünen"]


def test_compounds_and_plain_words_are_no_organizations() -> None:
    text = "Der Pfizer-Chef saß im Grünen. Welt und Zeit vergehen. Stern des Südens. SPDler."
    assert scan_organizations(text) == []


def test_common_words_count_where_they_are_names() -> None:
    found = [form for form, _ in scan_organizations("Das sagte er dem „Spiegel“. Im Kreml schwieg man.")]
    assert found == ["Spiegel", "Kreml"]


def test_forms_of_one_organization_form_one_group() -> None:
    assert organization_group("UNO") == organization_group("Vereinte Nationen") == organization_group("UN")
    assert organization_group("AfD") != organization_group("CDU")


def test_missed_and_mistyped_organizations_are_repaired() -> None:
    text = "Pfizer und die AfD."
    repaired = with_listed_names(text, [Mention("Pfizer", "PER", 0)])
    assert sorted((m.text, m.label) for m in repaired) == [("AfD", "ORG"), ("Pfizer", "ORG")]


def test_regions_the_gazetteer_lacks_are_places() -> None:
    text = "Putin fordert den gesamten Donbass. Die AfD tagt."
    repaired = with_listed_names(text, [Mention("Putin", "PER", 0), Mention("AfD", "ORG", 40)])
    assert sorted((m.text, m.label) for m in repaired) == [("AfD", "ORG"), ("Donbass", "LOC"), ("Putin", "PER")]


def test_a_party_in_a_compound_is_named() -> None:
    found = [form for form, _ in scan_organizations("Auf die Aktivitäten von AfD-Mann Otten und der Grünen-Politikerin.")]
    assert found == ["AfD", "Grünen"]
