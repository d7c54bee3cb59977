"""Topics from hand-written NER output and hand-built spaCy Docs (no trained model)."""

from __future__ import annotations

import pytest

from news_archive.core.entities import Mention
from news_archive.core.topics import Candidate, TopicArticle, analyze_text, choose_topics, extract_candidates
from tests.conftest import REPO, SAMPLE
from tests.entities.conftest import mentions_in
from tests.entities.test_canonical import SAMPLE_SPANS

ENTITY_NAMES = {"wladimir putin", "putin", "putins", "ukraine", "kreml", "russland", "usa", "trump"}


def test_reference_sample_topics(lexicon_de) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    analysis = analyze_text(text, mentions_in(text, SAMPLE_SPANS), lexicon_de)
    article = TopicArticle("de", analysis.candidates, ENTITY_NAMES)
    choose_topics([article])
    assert 3 <= len(article.topics) <= 8
    assert {"Ukraine-Krieg", "Gebietsabtretungen", "Sicherheitsgarantien", "Sanktionen"} <= set(article.topics)
    assert not {"Treffen", "Stunden", "Angaben", "Dienstagabend", "Kreml-Berater", "US-Sondergesandter"} & set(article.topics)
    keys = {c.key for c in analysis.candidates}
    assert "ukrainekrieg" in keys and "putin" not in keys and "usplan" in keys and "us" not in keys


def test_inflected_forms_are_one_topic(lexicon_de) -> None:
    text = "Neue Sanktionen. Die Sanktion trifft Banken. Weitere Sanktionen gegen Banken und des Konflikts wegen."
    candidates = {c.key: c for c in extract_candidates(text, "de", lexicon_de)}
    assert candidates["sanktion"].count == 3 and candidates["sanktion"].surface == "Sanktionen"
    assert candidates["konflikt"].surface == "Konflikt"  # genitive folded
    assert candidates["bank"].count == 2


def test_roles_before_names_and_names_are_no_topics(lexicon_de) -> None:
    text = "Kreml-Berater Juri Uschakow traf Außenminister Marco Rubio zu Gesprächen über Zölle."
    mentions = [Mention("Juri Uschakow", "PER", 14), Mention("Marco Rubio", "PER", 47)]
    keys = {c.key for c in analyze_text(text, mentions, lexicon_de).candidates}
    assert keys == {"gespräch", "zoll"}


def test_taxonomy_first_then_candidates() -> None:
    candidates = [Candidate("ukrainekrieg", "Ukraine-Krieg", 2, 0.0, 1.0), Candidate("sanktion", "Sanktionen", 2, 0.5, 4.1),
                  Candidate("gebietsabtretung", "Gebietsabtretungen", 2, 0.1, 1.7), Candidate("treffen", "Treffen", 4, 0.0, 5.3)]
    article = TopicArticle("de", candidates, {"ukraine"})
    choose_topics([article], {"Krieg": ["krieg"], "Wirtschaft": ["Sanktion"], "Sport": ["Fußball"], "Osteuropa": ["Ukraine"]})
    assert article.topics[:3] == ["Krieg", "Wirtschaft", "Osteuropa"]
    assert "Treffen" not in article.topics and "Sport" not in article.topics


def test_blocked_and_entity_topics_are_left_out() -> None:
    candidates = [Candidate("zusammenfassung", "Zusammenfassung", 1, 0.0, 4.1), Candidate("kreml", "Kreml", 3, 0.0, 3.5),
                  Candidate("sanktion", "Sanktionen", 2, 0.5, 4.1)]
    article = TopicArticle("de", candidates, {"kreml"})
    choose_topics([article], blocked=lambda name: name == "Zusammenfassung")
    assert article.topics == ["Sanktionen"]


def test_archive_document_frequency_marks_generic_words() -> None:
    common = Candidate("woche", "Woche", 2, 0.0, 4.0)
    articles = [TopicArticle("de", [common, Candidate(f"thema{i}", f"Thema{i}", 1, 0.1, 2.0)], set()) for i in range(30)]
    choose_topics(articles)
    assert all("Woche" not in a.topics for a in articles) and articles[0].topics == ["Thema0"]


def test_display_form_is_the_archive_majority() -> None:
    articles = [TopicArticle("de", [Candidate("sanktion", form, 1, 0.0, 3.0)], set()) for form in
                ["Sanktionen", "Sanktionen", "Sanktion"]]
    choose_topics(articles)
    assert [a.topics for a in articles] == [["Sanktionen"]] * 3


def test_english_topics_are_noun_phrases(lexicon_en) -> None:
    text = (REPO / "content" / "2006-01-12-stampede.txt").read_text(encoding="utf-8")
    article = TopicArticle("en", extract_candidates(text, "en", lexicon_en), {"mecca", "saudi arabia"})
    choose_topics([article])
    assert 3 <= len(article.topics) <= 8 and {"stampede", "pilgrim"} <= set(article.topics)


def test_hand_built_doc(lexicon_de) -> None:
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import Doc, Span

    from news_archive.nlp.mentions import analyze_doc

    nlp = spacy.blank("de")
    words = ["US-Präsident", "Donald", "Trump", "lobt", "den", "US-Plan", "gegen", "Sanktionen", "in", "Moskau", "."]
    doc = Doc(nlp.vocab, words=words, spaces=[True] * 9 + [False, False])
    doc.ents = [Span(doc, 0, 3, "PER"), Span(doc, 5, 6, "LOC"), Span(doc, 9, 10, "LOC")]
    analysis = analyze_doc(doc, lexicon_de)
    assert [(m.text, m.label) for m in analysis.mentions] == [("Donald Trump", "PER"), ("Moskau", "LOC")]
    assert {c.key for c in analysis.candidates} == {"usplan", "sanktion"}


def test_sentence_initial_words_are_no_names(lexicon_de) -> None:
    """Words capitalised only because a sentence starts with them, which the model took for names."""
    from news_archive.core.entities import Mention
    from news_archive.core.topics import analyze_text

    text = ("Klar ist: Wochenlang hatten sie gewartet. Erstens fehlte Geld. Kurz sagte dann, "
            "Sebastian Kurz habe recht. Jung kam nicht.\nMerz lachte.")
    raw = [Mention(word, label, text.index(word)) for word, label in
           [("Klar", "PER"), ("Wochenlang", "PER"), ("Erstens", "LOC"), ("Kurz", "PER"), ("Sebastian Kurz", "PER"),
            ("Jung", "PER"), ("Merz", "PER")]]
    kept = {m.text for m in analyze_text(text, raw, lexicon_de).mentions}
    assert kept == {"Kurz", "Sebastian Kurz", "Merz"}  # "Jung" goes: nothing shows it is a name here
