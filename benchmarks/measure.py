"""Run a command and measure it: wall time and the peak memory of the process tree it started."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mib: float  # the largest single process (ru_maxrss of the tree)
    tree_peak_mib: float = 0.0  # the most the whole process tree held at once (sampled every 0.25 s)


def run_measured(command: list[str], cwd: Path, env: dict | None = None, timeout: float = 3600) -> Run:
    """One run; raises with the command's own output when it fails."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env={**os.environ, **(env or {})},
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    sampler = TreeMemory(process.pid)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    sampler.stop()
    output = process.stdout.read().decode(errors="replace") if process.stdout else ""
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed in {cwd} ({process.returncode}):\n{output[-3000:]}")
    return Run(seconds, usage.ru_maxrss / 1024, sampler.peak_kib / 1024)


class TreeMemory(threading.Thread):
    """Samples the summed resident memory of a process and all its descendants (Linux /proc)."""

    def __init__(self, pid: int, interval: float = 0.25) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak_kib = pid, interval, 0
        self._stopped = threading.Event()

    def run(self) -> None:
        while not self._stopped.wait(self.interval):
            self.peak_kib = max(self.peak_kib, self._tree_kib())

    def stop(self) -> None:
        self._stopped.set()
        self.join()

    def _tree_kib(self) -> int:
        children: dict[int, list[int]] = {}
        rss: dict[int, int] = {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
                fields = stat[stat.rindex(")") + 2:].split()
                children.setdefault(int(fields[1]), []).append(int(entry.name))
                rss[int(entry.name)] = int(fields[21]) * PAGE_KIB
            except (OSError, ValueError, IndexError):
                continue
        total, frontier = 0, [self.pid]
        while frontier:
            pid = frontier.pop()
            total += rss.get(pid, 0)
            frontier += children.get(pid, [])
        return total


def median_of(runs: list[Run]) -> Run:
    return Run(statistics.median(r.seconds for r in runs), max(r.peak_mib for r in runs),
               max(r.tree_peak_mib for r in runs))


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
