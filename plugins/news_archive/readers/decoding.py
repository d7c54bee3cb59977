"""Turn raw bytes into clean text: BOM, legacy encodings, line ends, binary junk."""

from __future__ import annotations

import re

from charset_normalizer import from_bytes

from news_archive.core.errors import ArticleError

MAX_CONTROL_SHARE = 0.01
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")  # stray control characters: no text has them, XML refuses them


def decode_text(data: bytes, path: str) -> str:
    """UTF-8 (with or without BOM) first, else the encoding charset-normalizer finds."""
    if not data.strip():
        raise ArticleError(path, "file is empty")
    if b"\x00" in data[:8192]:
        raise ArticleError(path, "binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise ArticleError(path, "not text in any known encoding") from None
        text = str(best)
    head = text[:20000]
    if len(_CONTROL.findall(head)) > MAX_CONTROL_SHARE * len(head):
        raise ArticleError(path, "binary file, not text")
    if _CONTROL.search(text):  # a regex scan, not str.translate, which looks up every character
        text = _CONTROL.sub("", text)
    return text.replace("\r\n", "\n").replace("\r", "\n")
