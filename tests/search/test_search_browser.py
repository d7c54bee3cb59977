"""What a reader does with search, in Debian's Chromium, for both engines on the demo archive.

lunr is Material's own search dialog; Pagefind is the archive's search page (``search/``).
Screenshots go to test-output/screenshots/.
"""

from __future__ import annotations

import re

import pytest

from tests.browser_support import screenshot

pytestmark = pytest.mark.browser
REFERENCE = "articles/2025/12/"  # the German reference article about Putin and Witkoff
RESULT_LINKS = {"lunr": ".md-search-result__item > a", "pagefind": ".na-search-result a.na-title"}


def search(tab, engine: str, base_url: str, words: str) -> list[str]:
    """Type ``words`` into the header search box; the result URLs, best first."""
    tab.goto(base_url)
    tab.locator(".md-search__input").click()
    if engine == "pagefind":
        tab.wait_for_url(re.compile(r".*/search/$"))
        tab.locator(".na-search-input").fill(words)
    else:  # Material searches on keyup
        tab.locator(".md-search__input").press_sequentially(words)
    return result_urls(tab, engine)


def result_urls(tab, engine: str) -> list[str]:
    """The result links once the list has stopped changing (both UIs update as the reader types)."""
    selector = RESULT_LINKS[engine]
    tab.locator(selector).first.wait_for()
    read = f"[...document.querySelectorAll({selector!r})].map(a => a.getAttribute('href'))"
    urls, previous = tab.evaluate(read), None
    while urls != previous:
        tab.wait_for_timeout(400)
        urls, previous = tab.evaluate(read), urls
    return urls


def test_witkoff_finds_the_reference_article_first(browser_page, served_site):
    engine, base_url = served_site
    urls = search(browser_page, engine, base_url, "Witkoff")
    assert REFERENCE in urls[0]
    screenshot(browser_page, f"search-{engine}-witkoff")
    assert browser_page.js_errors == []


@pytest.mark.parametrize("words", ["Uschakow", "Sicherheitsgarantien"])
def test_names_and_compounds_find_it_in_the_top_three(browser_page, served_site, words):
    engine, base_url = served_site
    urls = search(browser_page, engine, base_url, words)
    assert any(REFERENCE in url for url in urls[:3]), urls[:3]


@pytest.mark.parametrize("words", ["Gespraeche", "Sicherheitsgaranti", "Garantien", "Aussenminister"])
def test_umlauts_typed_as_digraphs_and_compound_parts(browser_page, served_site, words):
    """"Gespräche", "Außenminister" and the tail of "Sicherheitsgarantien" are in the reference article."""
    engine, base_url = served_site
    urls = search(browser_page, engine, base_url, words)
    assert any(REFERENCE in url for url in urls[:3]), urls[:3]


def test_result_click_opens_the_article(browser_page, served_site):
    engine, base_url = served_site
    search(browser_page, engine, base_url, "Witkoff")
    browser_page.locator(RESULT_LINKS[engine]).first.click()
    browser_page.wait_for_url(re.compile(r".*/articles/2025/12/nach-treffen[^/]*/(#.*)?$"))
    browser_page.wait_for_function("document.querySelector('article h1')?.innerText.includes('Witkoff')")


def test_deep_link_runs_the_search(browser_page, served_site):
    engine, base_url = served_site
    browser_page.goto(base_url + "?q=Uschakow")
    if engine == "pagefind":
        browser_page.wait_for_url(re.compile(r".*/search/\?q=Uschakow$"))
        assert browser_page.locator(".na-search-input").input_value() == "Uschakow"
    else:
        assert browser_page.locator(".md-search__input").input_value() == "Uschakow"
    urls = result_urls(browser_page, engine)
    assert any(REFERENCE in url for url in urls[:3])
    screenshot(browser_page, f"search-{engine}-deep-link")


def test_facet_narrows_the_results(browser_page, served_site):
    engine, base_url = served_site
    if engine != "pagefind":
        pytest.skip("Material's lunr search has no facets")
    tab = browser_page
    tab.goto(base_url + "search/?q=the")
    before = len(result_urls(tab, engine))
    facet = tab.locator(".na-facet[data-key=year] .na-facet-value").last
    expected = int(facet.locator(".na-count").inner_text())
    assert 0 < expected < before
    facet.locator("input").check()
    tab.wait_for_function(f"document.querySelectorAll('.na-search-result').length === {min(expected, 10)}")
    assert "year=" in tab.url
    screenshot(tab, "search-pagefind-facet")
    assert tab.js_errors == []
