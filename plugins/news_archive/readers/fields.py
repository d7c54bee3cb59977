"""Type and size checks for parsed front matter, sidecars and records: the boundary every field crosses."""

from __future__ import annotations

import logging
import re
from typing import Any

log = logging.getLogger(__name__)

MAX_DEPTH = 20
MAX_LIST_ITEMS = 1000
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def checked_fields(value: Any, where: str, depth: int = 0) -> Any:
    """``value`` with control characters stripped and lists capped; ValueError names what is wrong."""
    if depth > MAX_DEPTH:
        raise ValueError(f"values nested deeper than {MAX_DEPTH} levels")
    if isinstance(value, str):
        if _SURROGATE.search(value):
            raise ValueError(f"{where or 'a value'} holds a lone surrogate character")
        return _CONTROL.sub("", value) if _CONTROL.search(value) else value
    if isinstance(value, list):
        if len(value) > MAX_LIST_ITEMS:
            log.warning("%s: list of %d items cut to the first %d", where, len(value), MAX_LIST_ITEMS)
            value = value[:MAX_LIST_ITEMS]
        return [checked_fields(item, where, depth + 1) for item in value]
    if isinstance(value, dict):
        result = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise ValueError(f"field name {key!r} is not a string")
            key = checked_fields(key, where, depth + 1)
            result[key] = checked_fields(item, key, depth + 1)
        return result
    return value
