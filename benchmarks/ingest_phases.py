"""Where a cold ingest spends its time: read, tag and write phases, and the CPU of the parent and
of the worker processes, for one worker count.

    python benchmarks/ingest_phases.py $TMPDIR/news-archive-bench/ingest-10000 --workers 2

The project folder must be a bench project (``benchmarks/run.py`` makes them): its cache and
article output (``site_src/articles``) are deleted first, so that every article is read, tagged
and written.
"""

from __future__ import annotations

import argparse
import os
import shutil
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("project", type=Path)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()

    from news_archive.ingest.run import IngestRequest, run_ingest
    from news_archive.project import load_project_settings
    from news_archive.settings import resolve

    settings = load_project_settings(args.project / "mkdocs.yml").model_copy(update={"workers": args.workers})
    shutil.rmtree(resolve(args.project, settings.cache_dir), ignore_errors=True)
    shutil.rmtree(resolve(args.project, settings.articles_dir), ignore_errors=True)
    starts: dict[str, float] = {}
    started, cpu = time.perf_counter(), os.times()

    def progress(stage: str, n: int, total: int | None) -> None:
        starts.setdefault(stage, time.perf_counter() - started)

    report = run_ingest(IngestRequest(settings=settings, base_dir=args.project), progress)
    wall, after = time.perf_counter() - started, os.times()
    phases = ", ".join(f"{stage} from {at:.1f} s" for stage, at in starts.items())
    print(f"{report.articles} articles, {args.workers} worker(s): {phases}, done at {wall:.1f} s; CPU: this process "
          f"{after.user - cpu.user + after.system - cpu.system:.1f} s, workers {after.children_user + after.children_system:.1f} s")


if __name__ == "__main__":  # the workers import this module again
    main()
