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


def allocator_of_a_working_service(output: Path) -> str | None:
    """Start the service, index one page into ``output``; the allocator setting it ran with."""
    service = PagefindService(find_executable(), {"force_language": "de"})
    try:
        setting = allocator_setting(service)
        service.add_page("/a/", "<html><body data-pagefind-body><h1>Gipfel in Genf</h1><p>Text</p></body></html>")
        assert service.write(output) == 1
    finally:
        service.close()
    assert (output / "pagefind-entry.json").is_file()
    return setting


def test_the_service_returns_freed_memory_soon(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ALLOCATOR[0], raising=False)
    assert allocator_of_a_working_service(tmp_path / "pagefind") == "dirty_decay_ms:200,muzzy_decay_ms:0"


def test_an_allocator_setting_of_the_user_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ALLOCATOR[0], "dirty_decay_ms:500")
    assert allocator_of_a_working_service(tmp_path / "pagefind") == "dirty_decay_ms:500"
