"""`make eval-ingest` as a test: the issue-2 targets on ../shared/data/news-dev-de, when it is there."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from tests.conftest import shared_path

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "eval_ingest.py"


def load_eval_script():
    spec = importlib.util.spec_from_file_location("eval_ingest", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_ingest_quality_targets() -> None:
    data = shared_path("data", "news-dev-de")
    eval_ingest = load_eval_script()
    report = eval_ingest.evaluate(data)
    assert report.txt_count == 50 and report.html_count == 50
    assert report.failed_targets() == [], eval_ingest.format_table(report)
    assert report.metrics["html_ingested"] == 1.0 and report.metrics["html_boilerplate"] == 0
    assert sum(c["count"] for c in report.per_publisher.values()) == 50
    assert "| publisher (held out) |" in eval_ingest.format_publishers(report)


def test_token_f1() -> None:
    eval_ingest = load_eval_script()
    assert eval_ingest.token_f1("a b c", "a b c") == 1.0
    assert eval_ingest.token_f1("", "a") == 0.0
    assert eval_ingest.token_f1("a b", "a c") == pytest.approx(0.5)
