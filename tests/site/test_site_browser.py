"""What a reader clicks, in Debian's Chromium: article, entity, index and archive pages.

The fixture site is built with its real serving address as ``site_url`` so that Material's
instant navigation is active. Screenshots go to test-output/screenshots/.
"""

from __future__ import annotations

import re

import pytest
import yaml

from tests.browser_support import free_port, screenshot, serve_directory
from tests.site.conftest import build_site
from tests.site.site_fixtures import write_fixture_site

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    port = free_port()
    root = tmp_path_factory.mktemp("browser_site")
    config = write_fixture_site(root)
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["site_url"] = f"http://127.0.0.1:{port}/archive/"
    config.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = build_site(config)
    with serve_directory(site, "/archive/", port=port) as url:
        yield url


@pytest.fixture
def tab(browser_page):
    dialogs: list[str] = []
    browser_page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    browser_page.dialogs = dialogs
    yield browser_page
    assert browser_page.js_errors == []
    assert dialogs == [], "no input may run as script"


def heading(tab) -> str:
    return tab.locator("article h1").first.inner_text()


def test_article_page_shows_content_and_links_to_entity(tab, base_url):
    tab.goto(base_url + "articles/2025/12/nach-treffen-von-putin-und-witkoff/")
    assert heading(tab).startswith("Nach Treffen von Putin und Witkoff")
    assert tab.locator(".na-meta time").inner_text() == "2. Dezember 2025"
    assert tab.locator(".na-summary-box").is_visible()
    assert tab.locator(".na-body a.na-mention").count() >= 5
    screenshot(tab, "article")
    tab.locator("a.na-chip.na-people", has_text="Wladimir Putin").click()
    tab.wait_for_url(re.compile(r".*/personen/wladimir-putin/$"))
    tab.wait_for_function("document.querySelector('article h1')?.innerText === 'Wladimir Putin'")
    assert tab.locator("svg.na-timeline").is_visible()


def test_entity_page_lists_articles_and_co_mentions(tab, base_url):
    tab.goto(base_url + "personen/wladimir-putin/")
    assert heading(tab) == "Wladimir Putin"
    assert tab.locator(".na-articles > .na-article").count() == 3
    assert tab.locator(".na-co-mentions a", has_text="Steve Witkoff").is_visible()
    tab.locator("svg.na-timeline .na-bar").first.hover()
    screenshot(tab, "entity")
    tab.locator(".na-articles a.na-title", has_text="Witkoff reist").click()
    tab.wait_for_url(re.compile(r".*/articles/2025/11/witkoff-reist-nach-moskau/$"))
    tab.wait_for_function("document.querySelector('article h1')?.innerText.startsWith('Witkoff reist')")


def test_index_page_and_nav_tabs(tab, base_url):
    tab.goto(base_url)
    assert tab.locator("#na-latest").is_visible()
    tab.locator(".md-tabs a", has_text="Personen").click()
    tab.wait_for_url(re.compile(r".*/personen/$"))
    tab.wait_for_function("document.querySelector('article h1')?.innerText === 'Personen'")
    assert tab.locator(".na-top li").count() == 6
    screenshot(tab, "index")
    tab.locator(".na-index a", has_text="Donald Trump").click()
    tab.wait_for_url(re.compile(r".*/personen/donald-trump/$"))
    tab.wait_for_function("document.querySelector('article h1')?.innerText === 'Donald Trump'")


def test_archive_page_leads_to_month_and_article(tab, base_url):
    tab.goto(base_url + "archive/")
    assert heading(tab) == "Archiv"
    assert tab.locator("h2", has_text="2025").is_visible()
    screenshot(tab, "archive")
    tab.locator(".na-months a", has_text="November 2025").click()
    tab.wait_for_url(re.compile(r".*/archive/2025/11/$"))
    tab.wait_for_function("document.querySelector('article h1')?.innerText === 'November 2025'")
    tab.locator("a.na-title", has_text="Kreml äußert sich").click()
    tab.wait_for_url(re.compile(r".*/articles/2025/11/kreml-aeussert-sich/$"))


def test_hostile_article_renders_as_text_in_dark_mode(tab, base_url):
    tab.emulate_media(color_scheme="dark")
    tab.goto(base_url + "articles/2024/03/script-alert/")
    assert heading(tab) == "<script>alert('title')</script> & Co."
    assert tab.locator("body").get_attribute("data-md-color-scheme") in ("slate", "default")
    tab.locator(".na-caption").hover()
    screenshot(tab, "hostile-dark")
