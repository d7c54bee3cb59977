"""A tagging worker keeps the memory one chunk frees for the next: the same big blocks, held
together and freed together as a model's layer arrays are, fault in fresh pages only once."""

from __future__ import annotations

import json
import platform
import subprocess
import sys

import pytest

ROUNDS = 10
BLOCKS, BLOCK_FLOATS = 8, 1 << 20  # eight 4 MiB arrays alive at once, 32 MiB a round

SCRIPT = f"""
import json, resource, sys
import numpy
from news_archive.ingest.heap import keep_freed_memory

def one_round():
    blocks = [numpy.ones({BLOCK_FLOATS}, dtype=numpy.float32) for _ in range({BLOCKS})]
    del blocks

kept = keep_freed_memory() if sys.argv[1] == "keep" else None
one_round()  # the first round faults its pages in whatever the setting
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range({ROUNDS}):
    one_round()
print(json.dumps({{"kept": kept, "faults": resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before}}))
"""


def faults(mode: str) -> dict:
    result = subprocess.run([sys.executable, "-c", SCRIPT, mode], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="glibc's mallopt")
def test_freed_blocks_are_reused_instead_of_faulted_in_again() -> None:
    pages_a_round = BLOCKS * BLOCK_FLOATS * 4 // 4096
    default = faults("default")
    kept = faults("keep")
    assert kept["kept"] is True
    assert default["faults"] > ROUNDS * pages_a_round // 4, default  # glibc hands most pages back each round
    assert kept["faults"] < pages_a_round // 4, kept  # served again from the heap the first round grew
