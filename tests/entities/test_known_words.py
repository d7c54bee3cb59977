"""simplemma's dictionary, decoded once per machine: the same answers as simplemma, from a pickle
that a second process reads instead of decoding again, and that is rebuilt when damaged."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import simplemma

from news_archive.nlp.known_words import is_known

WORDS = [
    "Haus", "haus", "HAUS", "Häuser", "Straße", "STRASSE", "Äpfel", "äpfel", "Klar", "Hatten", "Wochenlang",
    "Erstens", "Sofas", "Foul", "Rand", "Kurz", "Weil", "Grünen", "Bundesregierung", "Sicherheitsgarantien",
    "geht's", "gibt’s", "Kushner", "Witkoff", "Uschakow", "Xqzzyv", "a", "Zwölf", "Ukraine-Krieg",
    "Cafe\u0301",  # decomposed é: simplemma normalises to NFC first
]

PROBE = """
import json, sys, time
from news_archive.nlp.known_words import is_known
started = time.perf_counter()
answers = [is_known(word, "de") for word in json.loads(sys.argv[1])]
print(json.dumps({"answers": answers, "seconds": time.perf_counter() - started}))
"""


def probe(cache: Path, words: list[str]) -> list[bool]:
    env = {**os.environ, "NEWS_ARCHIVE_CACHE": str(cache)}
    result = subprocess.run([sys.executable, "-c", PROBE, json.dumps(words)], env=env, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["answers"]


def test_answers_are_simplemmas() -> None:
    assert [is_known(word, "de") for word in WORDS] == [simplemma.is_known(word, lang="de") for word in WORDS]
    assert is_known("Haus", "de") and not is_known("Xqzzyv", "de")
    text = (Path(__file__).parents[2] / "content").glob("*.txt")
    words = [w for path in text for word in path.read_text(encoding="utf-8").split() if (w := word.strip(".,;:!?\"()„“"))]
    assert len(words) > 1000
    assert [is_known(word, "de") for word in words] == [simplemma.is_known(word, lang="de") for word in words]


def test_the_decoded_dictionary_is_kept_for_the_next_process_and_rebuilt_when_damaged(tmp_path: Path) -> None:
    expected = [simplemma.is_known(word, lang="de") for word in WORDS]
    assert probe(tmp_path, WORDS) == expected
    (kept,) = tmp_path.glob("simplemma-*-de.pickle")
    written = kept.stat().st_mtime_ns
    assert probe(tmp_path, WORDS) == expected
    assert kept.stat().st_mtime_ns == written  # read, not written again
    kept.write_bytes(kept.read_bytes()[: 1000])  # cut short, as by a full disk
    assert probe(tmp_path, WORDS) == expected
    assert kept.stat().st_size > 1_000_000
