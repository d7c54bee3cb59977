"""The HTML reader on hand-written pages: headline choice, kicker, page chrome, fallbacks, metadata."""

from __future__ import annotations

import json
import logging

import pytest

from news_archive.core.errors import ArticleError
from news_archive.readers import read_source
from news_archive.readers.headline import PrintedHeading, choose_headline
from news_archive.readers.page_chrome import is_consent_or_newsletter, is_page_chrome

BODY = " ".join(
    f"Der {n}. Satz des Artikels erzählt, was in der Stadt geschah, und wer dabei war." for n in range(1, 9)
)


def page(head: str = "", header: str = "", body: str = "", json_ld: dict | None = None) -> bytes:
    script = f'<script type="application/ld+json">{json.dumps(json_ld)}</script>' if json_ld else ""
    return f"""<!doctype html><html lang="de"><head><meta charset="utf-8">{head}{script}</head><body>
<nav class="breadcrumb"><ul><li><a href="/">Start</a></li><li><h1>SEO-Titel der Seite für Suchmaschinen</h1></li></ul></nav>
<main><article>{header}{body}</article></main>
<footer><p>Impressum · Datenschutz · Kontakt</p></footer></body></html>""".encode()


def read(data: bytes):
    return read_source(data, "page.html")[0]


def paragraphs(n: int = 4) -> str:
    return "".join(f"<p>{BODY}</p>" for _ in range(n))


def test_printed_headline_beats_breadcrumb_h1_and_kicker_is_split() -> None:
    draft = read(page(
        head='<meta property="og:title" content="Neue Brücke eröffnet"><meta property="og:site_name" content="Rundschau">'
             "<title>SEO-Titel der Seite für Suchmaschinen | Rundschau</title>",
        header='<header><h2><span class="kicker">Verkehr</span><span class="headline">Neue Brücke eröffnet</span></h2></header>',
        body=paragraphs(),
    ))
    assert draft.title == "Neue Brücke eröffnet"
    assert draft.fields["kicker"] == "Verkehr"


def test_pipe_kicker_and_site_name_cut() -> None:
    title = "Vierschanzentournee | Beleidigen und beschuldigen: Streit im Springerlager"
    draft = read(page(
        head=f'<meta property="og:title" content="{title} | Sportschau"><meta property="og:site_name" content="Sportschau">',
        body=paragraphs(),
    ))
    assert draft.title == "Beleidigen und beschuldigen: Streit im Springerlager"
    assert draft.fields["kicker"] == "Vierschanzentournee"


def test_og_title_with_kicker_when_the_publisher_prints_it_so() -> None:
    headline = choose_headline(
        [("og:title", "Basketball: Sanktionen nach der Schlägerei"), ("headline", "Sanktionen nach der Schlägerei")],
        [PrintedHeading("Basketball Sanktionen nach der Schlägerei", "Basketball", "Sanktionen nach der Schlägerei")],
    )
    assert headline.title == "Basketball: Sanktionen nach der Schlägerei" and headline.kicker is None


def test_json_ld_headline_when_nothing_printed_matches() -> None:
    headline = choose_headline(
        [("og:title", "Teaser für soziale Netze"), ("headline", "Die Schlagzeile des Artikels")],
        [PrintedHeading("Eine ganz andere Überschrift des Live-Tickers")],
    )
    assert headline.title == "Die Schlagzeile des Artikels" and headline.source == "headline"


CONSENT = ("Wir verwenden Cookies und ähnliche Technologien. Mit Ihrer Zustimmung zeigen wir Ihnen Inhalte "
           "von Drittanbietern an; Sie können Ihre Einwilligung jederzeit widerrufen.")
NEWSLETTER = "Melden Sie sich jetzt für unseren kostenlosen Newsletter an und erhalten Sie jeden Morgen die Nachrichten."


def test_consent_newsletter_credit_and_share_never_become_paragraphs() -> None:
    body = (f"<p>{BODY}</p><p>{CONSENT}</p><p>{BODY} Zweiter Absatz.</p><div><p>{NEWSLETTER}</p></div>"
            f"<p>Foto: dpa/Max Muster</p><p>Teilen Facebook WhatsApp E-Mail</p><p>{BODY} Dritter Absatz.</p>")
    draft = read(page(head='<meta property="og:title" content="Ein Tag in der Stadt">', body=body))
    text = " ".join(b.text for b in draft.blocks)
    assert "Cookies" not in text and "Newsletter" not in text and "Foto:" not in text and "WhatsApp" not in text
    assert "Dritter Absatz" in text


def test_articles_about_cookies_are_kept() -> None:
    assert not is_page_chrome("Die EU-Kommission will Cookie-Banner vereinfachen. Datenschützer kritisieren das.")
    assert not is_consent_or_newsletter("Sie habe der Datenschutz-Regelung zugestimmt, sagte sie.")
    assert not is_consent_or_newsletter("Der Newsletter des Ministeriums wurde eingestellt.")
    assert is_consent_or_newsletter(CONSENT) and is_consent_or_newsletter(NEWSLETTER)


def test_reader_view_text_drops_the_consent_paragraph() -> None:
    text = f"Ein Tag in der Stadt\n\n{BODY}\n\n{CONSENT}\n\n{BODY} Zweiter Absatz.\n"
    draft = read_source(text.encode(), "article.txt")[0]
    assert all("Cookies" not in b.text for b in draft.blocks)
    assert any("Zweiter Absatz" in b.text for b in draft.blocks)


def test_json_ld_article_body_when_the_page_shows_no_text(caplog: pytest.LogCaptureFixture) -> None:
    article_body = f"{BODY}\n{BODY} Ende."
    data = page(head='<meta property="og:title" content="Nur im Skript">',
                body='<div id="app"></div>', json_ld={"@type": "NewsArticle", "headline": "Nur im Skript",
                                                      "articleBody": article_body})
    with caplog.at_level(logging.WARNING):
        draft = read(data)
    assert [b.text for b in draft.blocks] == [BODY, f"{BODY} Ende."]
    assert any("JSON-LD articleBody" in r.getMessage() for r in caplog.records)


def test_a_page_without_an_article_is_refused() -> None:
    with pytest.raises(ArticleError, match="no article"):
        read(page(head='<meta property="og:title" content="Startseite">', body=""))


def test_metadata_canonical_url_section_modified_publisher_authors() -> None:
    draft = read(page(
        head='<link rel="canonical" href="https://rundschau.example/a/1.html">'
             '<meta property="og:url" content="https://rundschau.example/a/1.html?utm=x">'
             '<meta property="og:title" content="Ein Tag in der Stadt"><meta name="author" content="Erika Muster">',
        body=paragraphs(),
        json_ld={"@type": "NewsArticle", "headline": "Ein Tag in der Stadt", "articleSection": "Lokales",
                 "datePublished": "2026-04-14T10:00:00+02:00", "dateModified": "2026-04-15T07:00:00+02:00",
                 "author": [{"@type": "Person", "name": "Erika Muster"}],
                 "publisher": {"@type": "Organization", "name": "Neustädter Rundschau"}},
    ))
    assert draft.url == "https://rundschau.example/a/1.html"
    assert draft.fields["section"] == "Lokales"
    assert draft.fields["modified"] == "2026-04-15T07:00:00+02:00"
    assert draft.publisher == "Neustädter Rundschau" and draft.authors == ["Erika Muster"]


def test_library_warnings_go_to_the_debug_log(caplog: pytest.LogCaptureFixture) -> None:
    read(page(head='<meta property="og:title" content="Ein Tag in der Stadt">', body=paragraphs()))
    with caplog.at_level(logging.WARNING):
        logging.getLogger("trafilatura.core").warning("discarding data: %s", None)
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
