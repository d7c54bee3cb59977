"""The reference sample, read as issue 2 demands it (the golden file holds the full output)."""

from __future__ import annotations

from pathlib import Path

from news_archive.readers import read_source

SAMPLE = Path(__file__).parent / "goldens" / "txt_reference_sample" / "input.txt"


def test_reference_sample() -> None:
    [draft] = read_source(SAMPLE.read_bytes(), SAMPLE.name)
    assert draft.title == 'Nach Treffen von Putin und Witkoff: "Sind Lösung nicht näher gekommen"'
    assert len(draft.summary) == 3
    assert draft.image_caption == (
        "Russian President Putin meets US Special Envoy Witkoff at Kremlin\n"
        "Putins Treffen mit Witkoff im Kreml endete nach fünf Stunden."
    )
    headings = [b.text for b in draft.blocks if b.kind == "heading"]
    assert headings == ['Uschakow: "Noch viel zu tun"', "Zankapfel ua. Gebietsabtretungen", "Witkoff berät mit Trump"]
    paragraphs = [b.text for b in draft.blocks if b.kind == "paragraph"]
    assert len(paragraphs) == 9 and paragraphs[0].startswith("Russland und die USA")
    assert paragraphs[-1].endswith("Daraufhin wurde eine überarbeitete Version des Plans erarbeitet.")
    assert "Kommentare" not in draft.plain_text()
