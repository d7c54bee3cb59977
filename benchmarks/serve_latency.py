"""Time from saving a changed source in content/ to its new text being served by `mkdocs serve`.

The project: the synthetic archive of benchmarks/run.py (articles written as ingest writes them)
plus one real source in content/, ingested before the server starts. The server runs on
127.0.0.1; the script edits the source, then polls the article's page over HTTP until the new
sentence appears (re-ingest with spaCy included). Bounded loops and timeouts; the server is
killed at the end.

    python benchmarks/serve_latency.py [--articles 10000] [--repeats 3] [--no-dirty]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from site_projects import write_mkdocs_project  # noqa: E402
from synthetic import generate, write_articles  # noqa: E402

BIN = Path(sys.executable).parent
SOURCE = "2025-06-02-serve-latenz.txt"
TEXT = "Stadtrat berät über den Haushalt\n\nAnna Müller sagte am Montag in Berlin, man werde den Haushalt prüfen.\n"
INGEST = "ingest:\n  articles_dir: docs/articles\n"


def prepare(folder: Path, articles: int) -> Path:
    """The project, made once per size (the synthetic articles are kept between runs)."""
    marker = folder / ".ready"
    if not marker.exists():
        shutil.rmtree(folder, ignore_errors=True)
        write_mkdocs_project(folder, "ours")
        write_articles(generate(articles), folder / "docs" / "articles")
        config = folder / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace("  - news-archive\n", "  - news-archive:\n      " + INGEST.replace("\n  ", "\n        ")), encoding="utf-8")
        marker.write_text("ok\n", encoding="utf-8")
    (folder / "content").mkdir(exist_ok=True)
    (folder / "content" / SOURCE).write_text(TEXT, encoding="utf-8")
    subprocess.run([str(BIN / "news-archive"), "ingest", f"content/{SOURCE}"], cwd=folder, check=True,
                   stdout=subprocess.DEVNULL, timeout=600)
    return folder


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, OSError):
        return None


def wait_for(url: str, needle: str, timeout: float) -> float | None:
    """Seconds until ``needle`` is in the page at ``url``; None after ``timeout``."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        page = fetch(url)
        if page is not None and needle in page:
            return time.monotonic() - started
        time.sleep(0.1)
    return None


def article_url(folder: Path) -> str:
    found = sorted((folder / "docs" / "articles").rglob("stadtrat-beraet-ueber-den-haushalt.md"))
    if not found:
        raise SystemExit("the ingested article is missing")
    return found[0].relative_to(folder / "docs").with_suffix("").as_posix() + "/"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-dirty", action="store_true", help="plain `mkdocs serve` (full rebuilds)")
    parser.add_argument("--timeout", type=float, default=600)
    parser.add_argument("--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "news-archive-bench")
    args = parser.parse_args()
    folder = prepare(args.work / f"serve-{args.articles}", args.articles)
    port = free_port()
    base = f"http://127.0.0.1:{port}/bench/"
    command = [str(BIN / "mkdocs"), "serve", "-a", f"127.0.0.1:{port}"] + ([] if args.no_dirty else ["--dirty"])
    log = open(folder / "serve.log", "w", encoding="utf-8")  # noqa: SIM115 - closed in finally
    server = subprocess.Popen(command, cwd=folder, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    latencies = []
    try:
        url = base + article_url(folder)
        started = time.monotonic()
        if wait_for(url, "Haushalt", args.timeout) is None:
            raise SystemExit(f"the server did not come up in {args.timeout:.0f} s; see {folder / 'serve.log'}")
        print(f"first build served after {time.monotonic() - started:.1f} s", flush=True)
        time.sleep(2)  # let the watcher settle
        for number in range(args.repeats):
            needle = f"Nachtrag{number}x{os.getpid()}"
            (folder / "content" / SOURCE).write_text(TEXT + f"\n{needle} meldete sich Anna Müller erneut.\n", encoding="utf-8")
            seconds = wait_for(url, needle, args.timeout)
            if seconds is None:
                raise SystemExit(f"change {number} not served within {args.timeout:.0f} s; see {folder / 'serve.log'}")
            latencies.append(seconds)
            print(f"change {number + 1}: served after {seconds:.1f} s", flush=True)
            time.sleep(3)  # the follow-up rebuild (the ingested file changed docs/) settles
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=20)
        log.close()
    mode = "mkdocs serve" + ("" if args.no_dirty else " --dirty")
    print(f"{args.articles:,} articles, {mode}: median {statistics.median(latencies):.1f} s "
          f"(runs: {', '.join(f'{s:.1f}' for s in latencies)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
