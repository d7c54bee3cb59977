"""Reader golden tests: `pytest tests/readers --update-goldens` rewrites the expected files for review."""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    try:
        parser.addoption("--update-goldens", action="store_true", default=False,
                         help="rewrite tests/readers/goldens/*/expected.yml from the readers' output")
    except ValueError:
        pass  # pytest-golden, when installed, registers the same option: one flag for both


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))
