"""What the CLI shows: a progress bar on a terminal, and a summary at the end."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from news_archive.ingest.run import IngestReport

STAGE_LABELS = {"read": "Reading", "tag": "Tagging", "write": "Writing"}


@contextmanager
def progress_bar() -> Iterator:
    console = Console(stderr=True)
    if not console.is_terminal:
        yield lambda stage, n, total: None
        return
    columns = (TextColumn("{task.description:<8}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        tasks: dict[str, int] = {}

        def update(stage: str, advance: int, total: int | None) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(STAGE_LABELS.get(stage, stage), total=total)
            elif total is not None:
                bar.update(tasks[stage], total=total)
            bar.advance(tasks[stage], advance)

        yield update


def print_report(report: IngestReport) -> None:
    writes = report.writes
    out = sys.stdout
    print(
        f"{report.articles} article(s) from {report.sources} file(s): "
        f"{len(writes.written)} written, {len(writes.unchanged)} unchanged, "
        f"{len(writes.removed)} removed, {len(report.failures)} failed",
        file=out,
    )
    for path in writes.kept_edits:
        print(f"  kept hand-edited file {path} (delete it to regenerate)", file=out)
    for note in report.notes:
        print(f"  note: {note}", file=out)
    for failure in report.failures:
        print(f"  failed: {failure.path}: {failure.reason}", file=sys.stderr)
