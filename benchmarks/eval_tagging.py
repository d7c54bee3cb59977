"""Tagging quality: our people, places, organizations and topics against the dev sets' gold.

Usage: python benchmarks/eval_tagging.py [--de-data DIR] [--en-data DIR] [--model-de REF]
                                         [--model-en REF] [--show N] [--json]

- ``news-dev-de``: the share of the publishers' own keyword tags (gold ``topics``) found among our
  tags. A gold tag counts as found when one of ours is the same after folding case, spaces and
  hyphens ("Ukrainekrieg" = "Ukraine-Krieg"), has the same lemma (simplemma, "Sanktion" =
  "Sanktionen"), or names the same gazetteer place ("Russische Föderation" = "Russland").
  ``--show N`` prints the tags of the first N articles for judging precision by hand.
- ``news-dev-en-wikinews``: document-level precision and recall of people and places against the
  gold (English Wikipedia titles, URL-encoded; a title's qualifier is dropped: "Chapel Hill, North
  Carolina" is the place "Chapel Hill"), micro-averaged over the articles.

Each article goes through the readers, the spaCy model, ``analyze_doc`` and the same archive-wide
resolution as ingest (all articles of a set form one archive). Nothing is written.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from urllib.parse import unquote

from news_archive.core.article import Draft
from news_archive.core.entities import ArchiveArticle, Mention, canonicalize_article, resolve_archive
from news_archive.core.places import build_gazetteer, scan_places
from news_archive.core.topics import HanTaLexicon, TopicArticle, analyze_text, choose_topics
from news_archive.nlp import DEFAULT_MODELS, ModelNotFoundError, load_pipeline, resolve_model
from news_archive.readers import read_source

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
_FOLD = re.compile(r"[\W_]+")


def tag_archive(paths: list[Path], language: str, model: str | None, gazetteer) -> list[dict]:
    """Tags per article, resolved across the given articles as one archive."""
    lexicon = HanTaLexicon(language)
    nlp = load_pipeline(language, model) if model else None
    drafts = [_draft(path) for path in paths]
    analyses = []
    for draft in drafts:
        text = draft.plain_text()
        if nlp is not None:
            from news_archive.nlp.mentions import analyze_doc

            analyses.append(analyze_doc(nlp(text), lexicon))
        else:
            mentions = [Mention(name, "LOC", at) for name, at in scan_places(text, gazetteer, language)]
            analyses.append(analyze_text(text, mentions, lexicon))
    archive = [ArchiveArticle(language, canonicalize_article(a.mentions, places=gazetteer)) for a in analyses]
    resolve_archive(archive, places=gazetteer)
    topics = [TopicArticle(language, a.candidates, {n.casefold() for n in art.entities.all_surfaces()})
              for a, art in zip(analyses, archive)]
    choose_topics(topics)
    result = []
    for path, article, chosen in zip(paths, archive, topics):
        names = article.entities.names
        result.append({"stem": path.stem, "people": names["PER"], "places": names["LOC"],
                       "organizations": names["ORG"], "topics": chosen.topics})
    return result


def _draft(path: Path) -> Draft:
    found = [d for d in read_source(path.read_bytes(), path.name) if isinstance(d, Draft)]
    if not found:
        raise SystemExit(f"{path}: the reader found no article")
    return found[0]


def _fold(text: str) -> str:
    return _FOLD.sub("", text.casefold())


def _lemma_key(text: str) -> str:
    import simplemma

    return " ".join(simplemma.lemmatize(word, lang=("de", "en")).casefold() for word in text.replace("-", " ").split())


def gold_found(gold: str, ours: list[str], gazetteer) -> bool:
    place = gazetteer.resolve(gold)[1]
    for tag in ours:
        if _fold(tag) == _fold(gold) or _lemma_key(tag) == _lemma_key(gold):
            return True
        if place is not None and gazetteer.resolve(tag)[1] == place:
            return True
    return False


def evaluate_de(data: Path, model: str, gazetteer, show: int) -> dict:
    stems = sorted(p.name[: -len(".gold.json")] for p in data.glob("*.gold.json"))
    golds = {stem: json.loads((data / f"{stem}.gold.json").read_text(encoding="utf-8")) for stem in stems}
    paths = [data / f"{stem}.txt" for stem in stems if (data / f"{stem}.txt").exists()]
    tagged = tag_archive(paths, "de", model, gazetteer)
    total = found = 0
    rows = []
    for article in tagged:
        gold = golds[article["stem"]].get("topics") or []
        ours = article["people"] + article["places"] + article["organizations"] + article["topics"]
        hits = [g for g in gold if gold_found(g, ours, gazetteer)]
        total, found = total + len(gold), found + len(hits)
        rows.append({**article, "gold": gold, "found": hits})
    for row in rows[:show]:
        print(f"\n## {row['stem']}\n  gold: {row['gold']}\n  found: {row['found']}")
        for field in ("people", "places", "organizations", "topics"):
            print(f"  {field}: {row[field]}")
    return {"articles": len(rows), "articles_with_gold": sum(bool(r["gold"]) for r in rows),
            "gold_tags": total, "gold_found": found, "share": round(found / total, 3) if total else None}


def _wiki_title(title: str, gazetteer) -> str:
    """A Wikipedia title as text names the place: "Chapel Hill, North Carolina" → "Chapel Hill",
    "New York (state)" → "New York" (the qualifier is the title's, not the article's)."""
    title = re.sub(r"\s*\([^)]*\)$", "", title)
    name, _, qualifier = title.partition(", ")
    return name if qualifier and gazetteer.resolve(qualifier)[1] is not None else title


def evaluate_en(data: Path, model: str | None, gazetteer) -> dict:
    stems = sorted(p.name[: -len(".gold.json")] for p in data.glob("*.gold.json"))
    tagged = tag_archive([data / f"{stem}.txt" for stem in stems], "en", model, gazetteer)
    scores = {}
    for field, gold_field in (("people", "person"), ("places", "place")):
        tp = fp = fn = 0
        for stem, article in zip(stems, tagged):
            gold = json.loads((data / f"{stem}.gold.json").read_text(encoding="utf-8")).get(gold_field) or []
            gold = {_wiki_title(unquote(g).replace("_", " "), gazetteer) for g in gold}
            ours = set(article[field])
            hit_ours = {o for o in ours if gold_found(o, sorted(gold), gazetteer)}
            hit_gold = {g for g in gold if gold_found(g, sorted(ours), gazetteer)}
            tp, fp, fn = tp + len(hit_ours), fp + len(ours - hit_ours), fn + len(gold - hit_gold)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = (tp / (tp + fn)) if tp + fn else 0.0
        scores[field] = {"precision": round(precision, 3), "recall": round(recall, 3), "tp": tp, "fp": fp, "fn": fn}
    return {"articles": len(stems), "model": model or "none (places from the gazetteer)", **scores}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--de-data", type=Path, default=SHARED / "news-dev-de")
    parser.add_argument("--en-data", type=Path, default=SHARED / "news-dev-en-wikinews")
    parser.add_argument("--model-de", default=DEFAULT_MODELS["de"])
    parser.add_argument("--model-en", default=DEFAULT_MODELS["en"])
    parser.add_argument("--show", type=int, default=0, help="print the tags of the first N German articles")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    gazetteer = build_gazetteer()
    report: dict = {}
    try:
        resolve_model(args.model_de)
        report["de"] = evaluate_de(args.de_data, args.model_de, gazetteer, args.show)
    except ModelNotFoundError as error:
        report["de"] = {"error": f"German model missing: {error} (train it with `make train-ner`)"}
    report["en"] = evaluate_en(args.en_data, args.model_en, gazetteer)
    if args.json:
        print(json.dumps(report, indent=1, ensure_ascii=False))
    else:
        for language, figures in report.items():
            print(f"{language}: {json.dumps(figures, ensure_ascii=False)}")
    return 0 if "error" not in report["de"] else 2


if __name__ == "__main__":
    sys.exit(main())
