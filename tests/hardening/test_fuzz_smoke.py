"""`make fuzz` in short: the readers refuse random and mutated input only with clear errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "fuzz_readers.py"


@pytest.mark.slow
def test_fuzzing_the_readers_finds_no_crash() -> None:
    result = subprocess.run([sys.executable, str(SCRIPT), "--minutes", "0.25", "--seed", "7"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "crashes: 0" in result.stdout
    tried = int(result.stdout.split(" inputs", 1)[0])
    assert tried > 500
