"""Issue 19, unit level: strings that leave the archive are escaped once, by one rule."""

from __future__ import annotations

from news_archive.site.sanitize import safe_page_meta, sanitize_html

SCRIPT = '"><script>alert(1)</script>'


def test_article_ids_and_names_are_dropped() -> None:
    html = sanitize_html('<p id="__config">x</p><a name="search" href="https://e.org/">y</a>')
    assert "__config" not in html and 'name="search"' not in html
    assert "<p>x</p>" in html


def test_unknown_and_unsafe_front_matter_keys_never_reach_the_theme() -> None:
    meta = {"title": "t", "description": SCRIPT, "author": SCRIPT, "template": "redirect.html",
            "location": "javascript:alert(1)", "hide": ["toc", SCRIPT, 3], "search": {"exclude": "yes", "boost": 2}}
    safe = safe_page_meta(meta, '<b>Titel</b>')
    assert safe == {"title": "&lt;b&gt;Titel&lt;/b&gt;", "hide": ["toc"], "search": {"boost": 2}}


def test_heading_anchors_stay_but_never_theme_names() -> None:
    html = sanitize_html('<h2 id="lage">Lage</h2><h2 id="__config">x</h2>')
    assert '<h2 id="lage">' in html and "__config" not in html


def test_bad_url_and_feed_options_are_refused() -> None:
    from news_archive.site.options import SiteOptions, validate_options
    from dataclasses import replace

    problems = " ".join(validate_options(replace(SiteOptions(), archive_month_url="{nope}/", feed_rss="../outside.xml")))
    assert "archive_month_url" in problems and "feed_rss" in problems
