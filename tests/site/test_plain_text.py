"""Texts no inline pattern can match skip Python-Markdown's inline step (``plain_text``): same HTML."""

from __future__ import annotations

import logging
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from news_archive.mkdocs_plugin import plain_text
from news_archive.mkdocs_plugin.plain_text import PlainTextExtension
from tests.site.conftest import build_site
from tests.site.site_fixtures import ARTICLES, write_fixture_site

MKDOCS_DEFAULT = ["toc", "tables", "fenced_code"]
EXTENSION_SETS = [MKDOCS_DEFAULT, [*MKDOCS_DEFAULT, "attr_list"], ["toc", "abbr"], ["smarty"],
                  ["pymdownx.magiclink", "pymdownx.emoji", "toc"]]
# Markdown's own syntax and the characters its inline patterns start with, between plain words
PIECES = ["Wort", "Straße", " ", "  ", "\n", "\n\n", "# ", "## ", "- ", "1. ", "> ", "*", "_", "**", "`", "\\",
          "[", "]", "(", ")", "<", ">", "&", "&amp;", "!", ":", "{: .x }", "*[HTML]: Hyper", "HTML",
          "<b>fett</b>", "https://example.org", "[Link](https://example.org)", ":smile:", "'", '"', "--",
          "```\ncode\n```\n", "| a | b |\n|---|---|\n| c | d |\n", "    eingerückt\n", "\x02", "\x03"]


def _convert(text: str, extensions: list, configs: dict | None = None) -> tuple[str, object]:
    md = markdown.Markdown(extensions=extensions, extension_configs=configs or {})
    return md.convert(text), getattr(md, "toc_tokens", None)


def _same_with_and_without(text: str, extensions: list, configs: dict | None = None) -> int:
    """Asserts the same HTML and table of contents with and without the extension; returns texts marked."""
    extension = PlainTextExtension()
    assert _convert(text, [*extensions, extension], configs) == _convert(text, extensions, configs)
    return extension.marked


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(PIECES), max_size=40).map("".join), choice=st.integers(0, len(EXTENSION_SETS) - 1))
@example(text="Ein _Wort_.", choice=0)  # each default pattern's trigger alone, once for sure
@example(text="Ein *Wort*.", choice=0)
@example(text="Zeile  \nZeile", choice=0)
@example(text="Der `Code`.", choice=0)
@example(text="Kein \\# Zeichen.", choice=0)
@example(text="[Link](https://example.org)", choice=0)
@example(text="<https://example.org> und <b>fett</b>", choice=0)
def test_any_markdown_converts_the_same(text, choice):
    _same_with_and_without(text, EXTENSION_SETS[choice])


@pytest.mark.parametrize("body", [body for _, body in ARTICLES])
def test_articles_convert_the_same_and_their_plain_texts_are_spared(body):
    marked = _same_with_and_without(body, MKDOCS_DEFAULT, {"toc": {"permalink": True}})
    assert marked > 0


def test_prose_is_spared_and_text_with_markup_is_not():
    md = markdown.Markdown(extensions=[*MKDOCS_DEFAULT, extension := PlainTextExtension()])
    html = md.convert("## Politik in Köln\n\nDie Stadt plant neu.\n\nEin *betonter* Satz & mehr.\n")
    assert html == ('<h2 id="politik-in-koln">Politik in Köln</h2>\n<p>Die Stadt plant neu.</p>\n'
                    "<p>Ein <em>betonter</em> Satz &amp; mehr.</p>")
    assert extension.marked == 2  # the heading and the first paragraph


def test_an_extension_that_skips_atomic_text_turns_it_off():
    # abbr's tree processor leaves AtomicString alone: marking the paragraph would lose the <abbr>
    text = "Die HTML-Seite.\n\n*[HTML]: Hypertext Markup Language\n"
    md = markdown.Markdown(extensions=["abbr", extension := PlainTextExtension()])
    assert '<abbr title="Hypertext Markup Language">HTML</abbr>' in md.convert(text)
    assert extension.marked == 0
    assert plain_text.unknown_parts(md) == ["tree processor abbr"] and extension.unknown == {"tree processor abbr"}
    assert plain_text.unknown_parts(markdown.Markdown(extensions=[*MKDOCS_DEFAULT, "attr_list"])) == []


def _site(root: Path, enabled: bool) -> Path:
    config = write_fixture_site(root, plugin={"markdown_plain_text": enabled})
    settings_ = yaml.safe_load(config.read_text(encoding="utf-8"))
    settings_["markdown_extensions"] = [{"toc": {"permalink": True}}, "attr_list", "tables"]
    config.write_text(yaml.safe_dump(settings_, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return config


def test_the_site_is_byte_identical_with_and_without(tmp_path, caplog):
    caplog.set_level(logging.DEBUG, logger="mkdocs.plugins.news_archive")
    spared = build_site(_site(tmp_path / "spared", True))
    counts = [r.getMessage() for r in caplog.records if "inline patterns skipped" in r.getMessage()]
    reference = build_site(_site(tmp_path / "reference", False))
    files = sorted(p.relative_to(reference) for p in reference.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(spared) for p in spared.rglob("*") if p.is_file())
    assert [f for f in files if (reference / f).read_bytes() != (spared / f).read_bytes()] == []
    assert len(counts) == 1 and counts[0].endswith("plain texts") and int(counts[0].split()[-3]) > 0, counts
    assert any('class="headerlink"' in page.read_text(encoding="utf-8") for page in (spared / "articles").rglob("index.html"))


def test_an_extra_inline_pattern_turns_it_off():
    from markdown.extensions import Extension
    from markdown.inlinepatterns import SimpleTagInlineProcessor

    class Strike(Extension):  # like pymdownx.tilde: ~~ is none of the default patterns' characters
        def extendMarkdown(self, md):  # noqa: N802
            md.inlinePatterns.register(SimpleTagInlineProcessor(r"()~~(.+?)~~", "del"), "strike", 65)

    md = markdown.Markdown(extensions=[Strike(), extension := PlainTextExtension()])
    assert md.convert("Ein ~~alter~~ Satz.") == "<p>Ein <del>alter</del> Satz.</p>"
    assert extension.marked == 0 and extension.unknown == {"inline patterns other than Python-Markdown's own"}
