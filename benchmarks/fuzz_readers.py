"""`make fuzz`: throw random bytes and mutated articles at every reader for a few minutes.

A reader may refuse an input only with an ArticleError (one clear line); anything else is a bug.
Reports how many inputs were tried per file type and every crash found (exit 1 if any).

    python benchmarks/fuzz_readers.py [--minutes 3] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import time
import traceback
from collections import Counter
from pathlib import Path

from news_archive.core.errors import ArticleError
from news_archive.readers import SUFFIXES, read_source

REPO = Path(__file__).resolve().parents[1]
SEEDS = [REPO / "content" / "000_9c2291f4ff7c3933.txt", *sorted((REPO / "tests" / "readers" / "goldens").rglob("input.*"))]
TOKENS = [b"---\n", b"\n\n", b"<script>", b"</p>", b"<p>", b"{", b"}", b'"', b"\xff", b"\x00", b"&amp;", b"*", b"#",
          b"Zusammenfassung\n", b"\xe2\x80\xa2 ", b"Stand: 03.12.2025 07:42 Uhr\n", b"Kommentare\n", b": &a [*a]\n", b"\r"]


def mutate(data: bytes, rng: random.Random) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        choice = rng.random()
        position = rng.randint(0, len(data)) if data else 0
        if choice < 0.3 and data:
            del data[position : position + rng.randint(1, 64)]
        elif choice < 0.6:
            data[position:position] = rng.choice(TOKENS)
        elif choice < 0.8 and data:
            data[position : position + 1] = bytes([rng.randrange(256)])
        else:
            data[position:position] = rng.randbytes(rng.randint(1, 32))
    return bytes(data)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=3.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    seeds = [(p.suffix.lower(), p.read_bytes()) for p in SEEDS if p.suffix.lower() in SUFFIXES]
    tried: Counter[str] = Counter()
    refused: Counter[str] = Counter()
    crashes: list[str] = []
    deadline = time.monotonic() + args.minutes * 60
    while time.monotonic() < deadline:
        suffix, seed = rng.choice(seeds)
        suffix = suffix if rng.random() < 0.8 else rng.choice(sorted(SUFFIXES))
        data = mutate(seed, rng) if rng.random() < 0.9 else rng.randbytes(rng.randint(0, 4096))
        tried[suffix] += 1
        try:
            for item in read_source(data, f"fuzz{suffix}"):
                if isinstance(item, ArticleError):
                    refused[suffix] += 1
        except ArticleError:
            refused[suffix] += 1
        except Exception:  # noqa: BLE001 - that is what we hunt
            crashes.append(f"{suffix} {data[:200]!r}\n{traceback.format_exc(limit=3)}")
    print(f"{sum(tried.values())} inputs in {args.minutes:g} min (seed {args.seed}); crashes: {len(crashes)}")
    for suffix in sorted(tried):
        print(f"  {suffix:10} {tried[suffix]:7} tried, {refused[suffix]:7} refused with a clear message")
    for crash in crashes[:10]:
        print(crash)
    return 1 if crashes else 0


if __name__ == "__main__":
    raise SystemExit(main())
