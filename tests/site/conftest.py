"""Fixtures of the site tests: golden files and one built fixture site per session.

Regenerate the goldens with ``pytest tests/site --update-goldens`` (or ``UPDATE_GOLDENS=1``),
then review the diff.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from tests.site.site_fixtures import write_fixture_site

GOLDENS = Path(__file__).parent / "goldens"
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def pytest_addoption(parser: pytest.Parser) -> None:
    try:
        parser.addoption("--update-goldens", action="store_true", default=False, help="rewrite golden files")
    except ValueError:  # pytest-golden, when installed, declares the same flag
        pass


@pytest.fixture
def golden(request: pytest.FixtureRequest):
    """``golden(name, actual)``: compare with ``goldens/<name>`` (or rewrite it when updating)."""
    update = request.config.getoption("--update-goldens", default=False) or os.environ.get("UPDATE_GOLDENS") == "1"

    def check(name: str, actual: str) -> None:
        path = GOLDENS / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
            return
        assert path.is_file(), f"missing golden {path}; run pytest with --update-goldens"
        assert actual == path.read_text(encoding="utf-8"), f"{name} differs from its golden (--update-goldens to accept)"

    return check


def build_site(config_file: Path, dirty: bool = False) -> Path:
    """Build in-process as `mkdocs build --strict` (or `mkdocs build --dirty`, which always warns) does;
    returns the site folder. Any warning fails a strict build."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(config_file), strict=not dirty)
    config.plugins.on_startup(command="build", dirty=dirty)  # as `mkdocs build` does
    try:
        build(config, dirty=dirty)
    finally:
        config.plugins.on_shutdown()
    return Path(config.site_dir)


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The fixture archive (German UI), built once; returns its site folder."""
    root = tmp_path_factory.mktemp("fixture_site")
    return build_site(write_fixture_site(root))


@pytest.fixture
def warnings_log(caplog: pytest.LogCaptureFixture):
    caplog.set_level(logging.INFO)
    return lambda: [r for r in caplog.records if r.levelno >= logging.WARNING]
