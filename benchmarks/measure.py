"""Run a command and measure it: wall time and the peak memory of the process tree it started."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mib: float


def run_measured(command: list[str], cwd: Path, env: dict | None = None, timeout: float = 3600) -> Run:
    """One run; raises with the command's own output when it fails."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env={**os.environ, **(env or {})},
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    output = process.stdout.read().decode(errors="replace") if process.stdout else ""
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed in {cwd} ({process.returncode}):\n{output[-3000:]}")
    return Run(seconds, usage.ru_maxrss / 1024)


def median_of(runs: list[Run]) -> Run:
    return Run(statistics.median(r.seconds for r in runs), max(r.peak_mib for r in runs))


def folder_size_mib(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / (1024 * 1024)


def machine_line() -> str:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    return f"Machine: {os.cpu_count()} cores, {memory:.0f} GiB, {platform.platform()}, Python {platform.python_version()}."


def record(text: str, enabled: bool) -> None:
    """Print a result and, unless disabled, append it to BENCHMARKS.md."""
    print(text)
    if enabled:
        with open(Path(__file__).resolve().parents[1] / "BENCHMARKS.md", "a", encoding="utf-8") as stream:
            stream.write("\n" + text)
