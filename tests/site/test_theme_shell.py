"""Pages filled into a checked theme rendering (``theme_shell``) are the pages the theme renders."""

from __future__ import annotations

from pathlib import Path

import yaml

from news_archive.mkdocs_plugin import theme_shell
from tests.site.conftest import build_site
from tests.site.site_fixtures import write_fixture_site


def _build_both_ways(tmp_path: Path, monkeypatch, overrides: dict[str, str] | None = None):
    """The fixture site with and without ``page_shell`` (theme files in ``overrides``); returns the
    shells made as (src_uri, shape, parts) and the pages that differ between the two sites."""
    made = []
    original = theme_shell.ThemeShell._make_shell

    def recording(self, values, page, shape):
        parts = original(self, values, page, shape)
        made.append((page.file.src_uri, shape, parts))
        return parts

    sites = {}
    for shell in (True, False):
        config = write_fixture_site(tmp_path / str(shell), plugin={"page_shell": shell})
        if overrides:
            for name, text in overrides.items():
                (config.parent / "overrides" / name).parent.mkdir(parents=True, exist_ok=True)
                (config.parent / "overrides" / name).write_text(text, encoding="utf-8")
            settings = yaml.safe_load(config.read_text(encoding="utf-8"))
            settings["theme"]["custom_dir"] = "overrides"
            config.write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
        with monkeypatch.context() as patch:
            patch.setattr(theme_shell.ThemeShell, "_make_shell", recording)
            sites[shell] = build_site(config)
    shelled, plain = sites[True], sites[False]
    pages = sorted(p.relative_to(plain) for p in plain.rglob("*.html"))
    assert pages == sorted(p.relative_to(shelled) for p in shelled.rglob("*.html"))
    return made, [p for p in pages if (plain / p).read_bytes() != (shelled / p).read_bytes()]


def _articles(made):
    return [(src, shape, parts) for src, shape, parts in made if src.startswith("articles/")]


def test_articles_and_generated_pages_filled_into_shells_equal_the_theme_rendering(tmp_path, monkeypatch):
    made, differing = _build_both_ways(tmp_path, monkeypatch)
    assert differing == []
    assert made and all(parts is not None for _, _, parts in made)
    with_toc = {shape[4] for _, shape, _ in _articles(made)}
    assert with_toc == {True, False}  # articles with subheadings (a table of contents) and without
    assert len({shape for _, shape, _ in made}) == len(made)  # each shape's shell is made once


def test_a_theme_that_shows_article_metadata_gets_no_shell_for_articles(tmp_path, monkeypatch):
    main = '{% extends "base.html" %}{% block content %}{{ super() }}<p>{{ page.meta.people }}</p>{% endblock %}'
    made, differing = _build_both_ways(tmp_path, monkeypatch, {"main.html": main})
    assert differing == []
    with_people = [parts for _, shape, parts in _articles(made) if "people" in shape[-1]]
    assert with_people and all(parts is None for parts in with_people)


def test_a_table_of_contents_partial_of_the_users_own_is_filled_as_the_theme_renders_it(tmp_path, monkeypatch):
    toc = ('{% set count = page.toc | list | length %}<nav class="mine" data-count="{{ count }}">'
           '{% for item in page.toc %}<a href="{{ item.url }}">{{ item.title }}</a>{% endfor %}</nav>')
    made, differing = _build_both_ways(tmp_path, monkeypatch, {"partials/toc.html": toc})
    assert differing == []
    assert any(shape[4] and parts is not None for _, shape, parts in _articles(made))
