"""Property: any text, escaped and rendered by Python-Markdown (as MkDocs does), reads back as itself."""

from __future__ import annotations

import html
import re

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from news_archive.core.markdown import escape_markdown

RENDERER = markdown.Markdown(extensions=["tables", "toc", "attr_list", "md_in_html"])
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\x85"),
    min_size=1, max_size=80,
)


def rendered_text(source: str) -> str:
    RENDERER.reset()
    out = RENDERER.convert(source)
    assert out.startswith("<p>") and out.endswith("</p>"), out
    inner = out[3:-4]
    assert "<" not in inner, out  # no element made it through
    return html.unescape(inner)


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_escaped_text_renders_literally(text: str) -> None:
    expected = " ".join(text.split())
    if not expected:
        return
    assert rendered_text(escape_markdown(text)) == expected


def test_hostile_text_stays_text() -> None:
    hostile = '<img src=x onerror="alert(1)"> [x](javascript:alert(1)) <script>alert(1)</script>'
    out = rendered_text(escape_markdown(hostile))
    assert out == hostile
    assert re.search(r"<(img|script|a)\b", RENDERER.convert(escape_markdown(hostile))) is None
