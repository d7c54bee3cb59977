"""The Pagefind service process: started with an allocator that returns freed memory soon."""

from __future__ import annotations

from pathlib import Path

import pytest

from news_archive.search.pagefind_index import pagefind_available
from news_archive.search.pagefind_service import ALLOCATOR, PagefindService, find_executable

pytestmark = [
    pytest.mark.skipif(not pagefind_available(), reason="pagefind is not installed"),
    pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs /proc"),
]


def allocator_setting(service: PagefindService) -> str | None:
    environ = Path(f"/proc/{service._process.pid}/environ").read_bytes().split(b"\0")
    name = ALLOCATOR[0].encode()
    return next((item.split(b"=", 1)[1].decode() for item in environ if item.startswith(name + b"=")), None)


def index_one_page(service: PagefindService, output: Path) -> int:
    service.add_page("/a/", "<html><body data-pagefind-body><h1>Gipfel in Genf</h1><p>Text</p></body></html>")
    return service.write(output)


def test_the_service_returns_freed_memory_soon(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ALLOCATOR[0], raising=False)
    service = PagefindService(find_executable(), {"force_language": "de"})
    try:
        assert allocator_setting(service) == "dirty_decay_ms:200,muzzy_decay_ms:0"
        assert index_one_page(service, tmp_path / "pagefind") == 1
    finally:
        service.close()
    assert (tmp_path / "pagefind" / "pagefind-entry.json").is_file()


def test_an_allocator_setting_of_the_user_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ALLOCATOR[0], "dirty_decay_ms:500")
    service = PagefindService(find_executable(), {"force_language": "de"})
    try:
        assert allocator_setting(service) == "dirty_decay_ms:500"
        assert index_one_page(service, tmp_path / "pagefind") == 1
    finally:
        service.close()
