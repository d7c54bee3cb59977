"""Search benchmark: lunr (Material's search) and Pagefind on synthetic archives.

Per archive size and engine: the time spent building the search index during a full build,
the index's size on disk, and the bytes a browser downloads for its first query, taken from
Chromium's request log (Playwright, Debian's /usr/bin/chromium) on the site served locally.

    python benchmarks/search_bench.py [--sizes 1000,10000] [--no-record]

Appends a table to BENCHMARKS.md under "## Search" unless --no-record.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from measure import machine_line, record  # noqa: E402
from synthetic import generate, write_articles  # noqa: E402

ENGINES = ("lunr", "pagefind")
QUERIES = ("Klimaschutz", "Schneider")  # a topic and a frequent surname of the synthetic archives
CONFIG = """site_name: Bench
site_url: https://example.org/bench/
theme: {{name: material, language: de}}
nav: [{{Start: index.md}}]
plugins:
  - search:
      lang: [de, en]
  - news-archive:
      search_engine: {engine}
"""
# What a browser fetches for search, beyond the page itself.
SEARCH_REQUESTS = {
    "lunr": re.compile(r"/search/search_index\.json|/assets/javascripts/workers/search|/assets/javascripts/lunr/"),
    "pagefind": re.compile(r"/pagefind/|/assets/news-archive/search\."),
}
FACETS = re.compile(r"/pagefind/filter/")
PRECOMPRESSED = re.compile(r"\.(pagefind|pf_\w+)$")  # Pagefind's index files are gzipped already


# -- timing the search work inside an in-process build -----------------------------------------
class Stopwatch:
    def __init__(self) -> None:
        self.seconds = 0.0

    def wrap(self, owner, name: str) -> None:
        original = getattr(owner, name)
        watch = self

        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                watch.seconds += time.perf_counter() - started

        setattr(owner, name, timed)
        self._restore = getattr(self, "_restore", []) + [(owner, name, original)]

    def restore(self) -> None:
        for owner, name, original in reversed(getattr(self, "_restore", [])):
            setattr(owner, name, original)


def build(project: Path, engine: str) -> tuple[float, float]:
    """Full build; (build seconds, seconds spent on search indexing and search markup)."""
    from material.plugins.search.plugin import SearchPlugin
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from news_archive.search import integration

    (project / "mkdocs.yml").write_text(CONFIG.format(engine=engine), encoding="utf-8")
    shutil.rmtree(project / "site", ignore_errors=True)
    watch = Stopwatch()
    watch.wrap(integration.SiteSearch, "article_content")
    if engine == "pagefind":
        watch.wrap(integration.SiteSearch, "on_post_build")
    else:
        watch.wrap(SearchPlugin, "on_page_context")
        watch.wrap(SearchPlugin, "on_post_build")
    try:
        started = time.perf_counter()
        mkdocs_build(load_config(str(project / "mkdocs.yml")))
        return time.perf_counter() - started, watch.seconds
    finally:
        watch.restore()


def index_bytes(site: Path, engine: str) -> tuple[int, int]:
    """(total bytes on disk, files) of the search index."""
    files = [site / "search" / "search_index.json"] if engine == "lunr" else [
        p for p in (site / "pagefind").rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


# -- the browser -----------------------------------------------------------------------------
def first_query_bytes(site: Path, engine: str, query: str) -> tuple[int, int, int, int]:
    """(bytes as served, bytes with gzip on text responses, requests) fetched for search up to
    the first results of ``query`` (opened as a deep link, as a reader's first search), and the
    bytes fetched after them (the facets)."""
    from playwright.sync_api import sync_playwright

    from tests.browser_support import CHROMIUM, CHROMIUM_ARGS, serve_directory

    pattern = SEARCH_REQUESTS[engine]
    seen: list[tuple[str, bytes]] = []
    with serve_directory(site, "/bench/") as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            tab = browser.new_page()
            tab.on("response", lambda r: seen.append((r.url, r)) if pattern.search(r.url) else None)
            if engine == "lunr":
                tab.goto(url + "?q=" + query)
                tab.locator(".md-search-result__item").first.wait_for(timeout=300_000)
            else:
                tab.goto(url + "search/?q=" + query)
                tab.locator(".na-search-result").first.wait_for(timeout=300_000)
            tab.wait_for_load_state("networkidle")
            tab.wait_for_timeout(1000)
            bodies = [(u, r.body()) for u, r in seen]
        finally:
            browser.close()
    # The search page asks for Pagefind's filter lists only once the first results show.
    later = sum(len(b) for u, b in bodies if FACETS.search(u))
    bodies = [(u, b) for u, b in bodies if not FACETS.search(u)]
    parts: dict[str, int] = {}
    for u, body in bodies:
        kind = re.sub(r"[._][0-9a-f]{6,}.*$", "", u.split("?")[0].rsplit("/", 2)[-2] + "/" + u.split("?")[0].rsplit("/", 1)[-1])
        parts[kind] = parts.get(kind, 0) + len(body)
    print(f"  {engine} {query!r}:", ", ".join(f"{k} {kb(v)}" for k, v in sorted(parts.items(), key=lambda kv: -kv[1])), flush=True)
    raw = sum(len(b) for _, b in bodies)
    zipped = sum(len(b) if PRECOMPRESSED.search(u.split("?")[0]) else len(gzip.compress(b, 6)) for u, b in bodies)
    return raw, zipped, len(bodies), later


def kb(n: int) -> str:
    return f"{n / 1000:,.0f} KB" if n < 10_000_000 else f"{n / 1_000_000:,.1f} MB"


def bench(size: int, work: Path) -> list[str]:
    project = work / f"search-{size}"
    shutil.rmtree(project, ignore_errors=True)
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "index.md").write_text("# Archiv\n\nSynthetisches Archiv.\n", encoding="utf-8")
    write_articles(generate(size), project / "docs" / "articles")
    rows = []
    for engine in ENGINES:
        total, indexing = build(project, engine)
        site = project / "site"
        disk, files = index_bytes(site, engine)
        downloads = [first_query_bytes(site, engine, q) for q in QUERIES]
        raw, zipped, requests, later = downloads[0]
        worst = max(d[0] for d in downloads)
        rows.append(f"| {size:,} | {engine} | {indexing:.1f} s (build {total:.0f} s) | {kb(disk)} in {files:,} files "
                    f"| {kb(raw)} ({requests} requests; {kb(zipped)} gzipped) | {kb(worst)} | {kb(later) if later else '–'} |")
        print(rows[-1], flush=True)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "news-archive-bench")
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args()
    lines = [f"### search_bench, {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC", "",
             machine_line(),
             f"Command: `python benchmarks/search_bench.py {' '.join(sys.argv[1:])}`. Queries: first query "
             f"\"{QUERIES[0]}\" (worst of {', '.join(QUERIES)}), opened as a `?q=` deep link in Chromium.", "",
             "| articles | engine | index build (full build) | index on disk | first query: bytes until results show | worst query | then, for the facets |",
             "|---|---|---|---|---|---|---|"]
    for size in (int(s) for s in args.sizes.split(",")):
        lines += bench(size, args.work)
    record("\n".join(lines) + "\n", enabled=not args.no_record)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
