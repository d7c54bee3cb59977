"""Serve a built site and drive Debian's Chromium with Playwright; check a site's links.

Shared by the site tests and the search tests. Chromium comes from the distribution
(``apt-get install chromium``); Playwright never downloads a browser.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import posixpath
import shutil
import socket
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

REPO = Path(__file__).resolve().parents[1]
SCREENSHOTS = REPO / "test-output" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")  # Debian's package; override for other systems
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--no-first-run", "--disable-sync",
]


# -- serving ------------------------------------------------------------------------------
class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        pass


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serve_directory(folder: Path, mount: str = "/", port: int | None = None) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 (``port`` or a free one) below ``mount``; yields the base URL."""
    root = folder
    if mount.strip("/"):
        root = folder.parent / f"{folder.name}-mounted"
        shutil.rmtree(root, ignore_errors=True)
        target = root / mount.strip("/")
        target.parent.mkdir(parents=True)
        target.symlink_to(folder.resolve(), target_is_directory=True)
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port or free_port()), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/{mount.strip('/') + '/' if mount.strip('/') else ''}"
    finally:
        server.shutdown()
        server.server_close()


# -- the browser --------------------------------------------------------------------------
@pytest.fixture(scope="session")
def chromium():
    """A headless Chromium from the distribution, driven by Playwright (skip when missing)."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} missing in CI: .ci/run installs Debian's chromium")
        pytest.skip(f"{CHROMIUM} missing: apt-get install -y chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def browser_page(chromium):
    """A fresh browser page (1280×900); fails the test on any JavaScript error on the page."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.js_errors = errors
    try:
        yield tab
    finally:
        context.close()


def screenshot(tab, name: str, full_page: bool = True) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    tab.screenshot(path=str(path), full_page=full_page)
    return path


# -- links --------------------------------------------------------------------------------
class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        for name in ("href", "src"):
            if values.get(name) and tag in ("a", "link", "script", "img", "iframe", "source"):
                self.links.append(values[name])


def parse_links(html: str) -> tuple[list[str], set[str]]:
    parser = _Links()
    parser.feed(html)
    return parser.links, parser.ids


def find_broken_links(site: Path, base_path: str = "/") -> list[str]:
    """Internal links (and same-site ``#fragments``) in every built page that lead nowhere.

    ``base_path`` is the path of ``site_url`` (absolute links such as the 404 page's start with it).
    """
    pages = {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}
    ids = {name: parse_links(html)[1] for name, html in pages.items()}
    broken = []
    for name, html in pages.items():
        for link in parse_links(html)[0]:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "data:")):
                continue
            path_part = unquote(parts.path)
            if path_part.startswith("/"):
                if not path_part.startswith(base_path):
                    broken.append(f"{name}: {link} (outside {base_path})")
                    continue
                path_part = path_part[len(base_path):] or "."
                folder = ""
            else:
                folder = posixpath.dirname(name)
            target = posixpath.normpath(posixpath.join(folder, path_part)) if parts.path else name
            if target.startswith(".."):
                broken.append(f"{name}: {link} (outside the site)")
                continue
            path = site / target
            file = path / "index.html" if path.is_dir() else path
            if not file.is_file():
                broken.append(f"{name}: {link}")
            elif parts.fragment and file.suffix == ".html":
                key = file.relative_to(site).as_posix()
                if key in ids and parts.fragment not in ids[key] and not parts.fragment.startswith("__"):
                    broken.append(f"{name}: {link} (no such anchor)")
    return broken
