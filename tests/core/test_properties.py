"""Property-based tests: slugs, and the front-matter round trip (write, read back, same data)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from news_archive.core.frontmatter import read_article_file, render_article_file, validate_front_matter
from news_archive.core.slugs import assign_unique_slugs, make_slug

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)
LINE = TEXT.map(lambda t: " ".join(t.split())).filter(bool)
NAMES = st.lists(LINE, max_size=4, unique=True)


@given(TEXT)
def test_slugs_are_ascii_lowercase_and_stable(text: str) -> None:
    slug = make_slug(text)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)
    assert len(slug) <= 80
    assert make_slug(text) == slug


def test_german_transliteration() -> None:
    assert make_slug("Größe der Übermaß-Äpfel") == "groesse-der-uebermass-aepfel"


@given(st.lists(st.tuples(st.text("0123456789abcdef", min_size=16, max_size=16), st.sampled_from(["2024/01", "2024/02"]),
                          st.sampled_from(["a", "b"])), unique_by=lambda k: k[0]))
def test_unique_slugs_do_not_depend_on_order(keys) -> None:
    forward = assign_unique_slugs(keys)
    assert forward == assign_unique_slugs(list(reversed(keys)))
    taken = [(folder, forward[i]) for i, folder, _ in keys]
    assert len(taken) == len(set(taken))


@st.composite
def front_matters(draw):
    offset = timezone(timedelta(minutes=draw(st.integers(-12 * 60, 14 * 60))))
    moment = draw(st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1))).replace(microsecond=0)
    people = draw(NAMES)
    return {
        "schema": 1, "id": draw(st.text("0123456789abcdef", min_size=16, max_size=16)), "title": draw(LINE),
        "date": moment.replace(tzinfo=offset), "date_source": draw(st.sampled_from(["sidecar", "dateline", "mtime"])),
        "language": draw(st.sampled_from(["de", "en"])), "authors": draw(NAMES), "summary": draw(st.lists(LINE, max_size=3)),
        "image_caption": draw(st.none() | LINE), "people": people, "places": draw(NAMES),
        "organizations": draw(NAMES), "topics": draw(NAMES),
        "aliases": {name: draw(st.lists(LINE, min_size=1, max_size=2)) for name in people},
        "slug": make_slug(draw(TEXT)), "source": {"path": draw(LINE), "url": draw(st.none() | LINE), "sha256": "a" * 64},
    }


@settings(max_examples=200, deadline=None)
@given(front_matters(), TEXT)
def test_front_matter_round_trip(fields, body) -> None:
    written = validate_front_matter(fields, "x.md")
    body = body.strip() + "\n" if body.strip() else ""
    text = render_article_file(written, body)
    read, read_body = read_article_file(text, "x.md")
    assert read.model_dump() == written.model_dump()
    assert read.date == written.date and read.date.utcoffset() == written.date.utcoffset()
    assert read_body == body
