"""`make eval-tagging`'s document-level part: ingest a gold set as a user would, then score it.

Usage: python benchmarks/eval_entities.py [--data DIR] [--work DIR] [--show N] [--json]

Copies ``DIR/*.txt`` (default ``../shared/data/news-dev-de``) into a fresh project's ``content/``
(outside the repository: the news pages are never copied into it), runs ``news-archive ingest``
there, and scores the generated articles with ``../shared/tools/score_entities.py`` (document-level
precision and recall per type, wrong types, duplicates, topic precision and recall). ``--show N``
lists the N most frequent errors. Exits 0 with the scorer's summary line; the scorer's own exit
status (bars held or not) is printed, not propagated, so a table can always be made.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
MKDOCS_YML = """site_name: eval
docs_dir: site_src
theme: {name: material, language: de}
plugins:
  - news-archive:
      ingest: {content_dir: content, articles_dir: site_src/articles, timezone: Europe/Berlin}
"""


def ingest(data: Path, work: Path) -> Path:
    """A fresh project in ``work`` holding ``data``'s reader-view texts, ingested."""
    if work.exists():
        shutil.rmtree(work)
    content = work / "content"
    content.mkdir(parents=True)
    for source in sorted(data.glob("*.txt")):
        shutil.copy2(source, content / source.name)
    (work / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    cli = Path(sys.executable).with_name("news-archive")
    subprocess.run([str(cli), "ingest", "--config", str(work / "mkdocs.yml")], cwd=work, check=False)
    return work / "site_src" / "articles"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED / "data" / "news-dev-de")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "news-archive-eval-entities")
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    scorer = SHARED / "tools" / "score_entities.py"
    if not args.data.is_dir() or not scorer.is_file():
        print(f"eval-entities: skipped, {args.data} or {scorer} is missing")
        return 0
    articles = ingest(args.data, args.work)
    command = [sys.executable, str(scorer), str(articles), str(args.data), "--show", str(args.show)]
    if args.json:
        command.append("--json")
    status = subprocess.run(command, check=False).returncode
    print(f"eval-entities: scorer exit status {status} (1 = a bar of the issue not yet held)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
