"""`make bench`: ingest and site-build timings on synthetic archives, each beside a baseline.

Baselines measured in the same run on the same data: bare spaCy ``nlp.pipe`` over the texts ingest
tags; plain ``mkdocs build`` of the same article Markdown without our plugin; Material's tags
plugin on the same articles; Hugo with a minimal taxonomy layout. Medians of --repeats runs.
Results are printed and appended to BENCHMARKS.md (--no-record to skip).

    python benchmarks/run.py [--sizes 1000,10000] [--repeats 3] [--only ingest|site] [--full]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from measure import Run, folder_size_mib, machine_line, median_of, record, run_measured  # noqa: E402
from synthetic import generate, write_articles, write_sources  # noqa: E402
from site_projects import write_hugo_project, write_mkdocs_project  # noqa: E402

BIN = Path(sys.executable).parent
INGEST = [str(BIN / "news-archive"), "ingest"]
MKDOCS = [str(BIN / "mkdocs"), "build", "--quiet"]


def bench_ingest(size: int, repeats: int, work: Path) -> dict:
    project = work / f"ingest-{size}"
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir(parents=True)
    (project / "mkdocs.yml").write_text("site_name: Bench\ndocs_dir: docs\n", encoding="utf-8")
    paths = write_sources(generate(size), project / "content")
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)

    def cold(workers: int) -> Run:
        shutil.rmtree(project / ".news-archive-cache", ignore_errors=True)
        shutil.rmtree(project / "site_src", ignore_errors=True)
        return run_measured([*INGEST, "--workers", str(workers)], project)

    result: dict = {"articles": size, "words": words}
    pipe_seconds, one_runs, two_runs = [], [], []
    for _ in range(repeats):  # interleaved, so machine noise hits all alike
        run_measured([sys.executable, str(HERE / "bare_spacy.py"), str(project / "content")], project)
        pipe_seconds.append(json.loads((project / "bare_spacy.json").read_text())["seconds"])
        one_runs.append(cold(1))
        two_runs.append(cold(2))
    result["bare_spacy_pipe_s"] = statistics.median(pipe_seconds)
    result["cold_1_worker"] = median_of(one_runs)
    result["cold_2_workers"] = median_of(two_runs)
    result["warm"] = median_of([run_measured(INGEST, project) for _ in range(repeats)])
    changed = []
    target = paths[len(paths) // 2]
    original = target.read_text(encoding="utf-8")
    for number in range(repeats):
        target.write_text(original + f"\nNachtrag {number}: Die Redaktion hat den Text ergänzt.\n", encoding="utf-8")
        changed.append(run_measured(INGEST, project))
    target.write_text(original, encoding="utf-8")
    result["one_changed"] = median_of(changed)
    result["output_mib"] = folder_size_mib(project / "site_src")
    return result


def bench_site(size: int, repeats: int, work: Path) -> dict:
    base = work / f"site-{size}"
    shutil.rmtree(base, ignore_errors=True)
    articles = generate(size)
    variants = {
        "news-archive": write_mkdocs_project(base / "ours", "ours"),
        "plain mkdocs": write_mkdocs_project(base / "plain", "plain"),
        "material tags": write_mkdocs_project(base / "tags", "tags"),
    }
    for name, project in variants.items():
        write_articles(articles, project / "docs" / "articles", tags=name == "material tags")
    hugo = write_hugo_project(base / "hugo")
    write_articles(articles, hugo / "content" / "articles", tags=False)
    runs: dict[str, list[Run]] = {name: [] for name in [*variants, "hugo"]}
    rebuilt: dict[str, list[Run]] = {name: [] for name in ("news-archive", "material tags")}
    for _ in range(repeats):
        for name, project in variants.items():
            shutil.rmtree(project / "site", ignore_errors=True)
            runs[name].append(run_measured(MKDOCS, project))
        for name in rebuilt:  # `mkdocs build` again, the last output in the site folder (as users rebuild)
            rebuilt[name].append(run_measured(MKDOCS, variants[name]))
        shutil.rmtree(hugo / "public", ignore_errors=True)
        runs["hugo"].append(run_measured([str(BIN / "hugo"), "--quiet"], hugo))
    result = {"articles": size}
    for name, measured in runs.items():
        result[name] = median_of(measured)
    result["rebuilt"] = {name: median_of(measured) for name, measured in rebuilt.items()}
    result["site_mib"] = {name: folder_size_mib(p / "site") for name, p in variants.items()}
    result["site_mib"]["hugo"] = folder_size_mib(hugo / "public")
    result["pages"] = sum(1 for _ in (variants["news-archive"] / "site").rglob("index.html"))
    ours = variants["news-archive"]
    target = next((ours / "docs" / "articles").rglob("*.md"))
    original = target.read_text(encoding="utf-8")
    rebuilds = []
    for number in range(repeats):
        target.write_text(original + f"\nNachtrag {number}.\n", encoding="utf-8")
        rebuilds.append(run_measured(MKDOCS + ["--dirty"], ours))
    target.write_text(original, encoding="utf-8")
    result["rebuild_one_changed"] = median_of(rebuilds)
    return result


def format_ingest(r: dict) -> list[str]:
    one, two = r["cold_1_worker"], r["cold_2_workers"]
    return [
        f"| {r['articles']:,} | {r['words']:,} | {r['bare_spacy_pipe_s']:.1f} s ({r['words'] / r['bare_spacy_pipe_s']:,.0f} w/s) "
        f"| {one.seconds:.1f} s ({r['words'] / one.seconds:,.0f} w/s, {one.seconds / r['bare_spacy_pipe_s']:.2f}×) "
        f"| {two.seconds:.1f} s ({one.seconds / two.seconds:.2f}× faster) | {r['warm'].seconds:.2f} s "
        f"| {r['one_changed'].seconds:.2f} s | {max(one.tree_peak_mib, two.tree_peak_mib):.0f} MiB | {r['output_mib']:.1f} MiB |"
    ]


def format_site(r: dict) -> list[str]:
    ours, tags, plain, hugo = r["news-archive"], r["material tags"], r["plain mkdocs"], r["hugo"]
    again, tags_again = r["rebuilt"]["news-archive"], r["rebuilt"]["material tags"]
    return [
        f"| {r['articles']:,} | {ours.seconds:.1f} s, {ours.tree_peak_mib:.0f} MiB all processes "
        f"(largest {ours.peak_mib:.0f} MiB), {r['pages']:,} pages "
        f"| {tags.seconds:.1f} s, {tags.tree_peak_mib:.0f} MiB (ours ÷ tags = {ours.seconds / tags.seconds:.2f}) "
        f"| {again.seconds:.1f} s vs {tags_again.seconds:.1f} s ({again.seconds / tags_again.seconds:.2f}) "
        f"| {plain.seconds:.1f} s | {hugo.seconds:.1f} s (ours ÷ Hugo = {ours.seconds / hugo.seconds:.1f}) "
        f"| {r['rebuild_one_changed'].seconds:.1f} s | {r['site_mib']['news-archive']:.0f} / {r['site_mib']['material tags']:.0f} / {r['site_mib']['hugo']:.0f} MiB |"
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--ingest-sizes", default=None, help="sizes for the ingest part (default: 1000, or --sizes with --full)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--only", choices=["ingest", "site"])
    parser.add_argument("--full", action="store_true", help="also 100,000 articles, and cold ingest at every size")
    parser.add_argument("--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "news-archive-bench")
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")] + ([100_000] if args.full else [])
    ingest_sizes = [int(s) for s in args.ingest_sizes.split(",")] if args.ingest_sizes else (sizes if args.full else [min(sizes)])
    lines = [f"### make bench, {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC",
             "", machine_line(),
             f"Command: `python benchmarks/run.py {' '.join(sys.argv[1:])}`; medians of {args.repeats} runs.", ""]
    if args.only != "site":
        lines += ["| articles | words | bare spaCy nlp.pipe | ingest cold, 1 worker (÷ spaCy) | ingest cold, 2 workers | warm | one changed | peak memory | output |",
                  "|---|---|---|---|---|---|---|---|---|"]
        for size in ingest_sizes:
            started = time.time()
            lines += format_ingest(bench_ingest(size, args.repeats, args.work))
            print(lines[-1], f"({time.time() - started:.0f} s)", flush=True)
        lines.append("")
    if args.only != "ingest":
        lines += ["| articles | news-archive build | Material tags plugin | rebuild over the last output: ours vs tags (÷) "
                  "| plain mkdocs | Hugo | one changed (`--dirty`) | site size ours / tags / Hugo |",
                  "|---|---|---|---|---|---|---|---|"]
        for size in sizes:
            started = time.time()
            lines += format_site(bench_site(size, args.repeats, args.work))
            print(lines[-1], f"({time.time() - started:.0f} s)", flush=True)
        lines.append("")
    record("\n".join(lines) + "\n", enabled=not args.no_record)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
