"""Read and write Markdown files with YAML front matter, validated against the schema."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Any

import yaml
from pydantic import ValidationError

from news_archive.core.errors import ArticleError
from news_archive.core.schema import FrontMatter, format_validation_error

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
FIELD_ORDER = (
    "schema", "id", "title", "date", "date_source", "language", "authors", "publisher", "summary",
    "image_caption", "people", "places", "organizations", "topics", "aliases", "geo", "slug", "source",
)


MAX_YAML_DEPTH = 20
_DEEP_FLOW = re.compile(r"[\[{](?:\s*[\[{]){%d}" % MAX_YAML_DEPTH)


class _Loader(yaml.SafeLoader):
    """Safe YAML that refuses documents whose aliases expand past a budget (alias bombs)."""

    max_expanded_nodes = 10_000

    def compose_document(self) -> Any:
        node = super().compose_document()
        if _expanded_size(node, {}, self.max_expanded_nodes) > self.max_expanded_nodes:
            raise yaml.YAMLError("too many YAML aliases (the document would expand past 10,000 values)")
        return node


def _expanded_size(node: yaml.Node, seen: dict[int, int], limit: int, depth: int = 0) -> int:
    """How many nodes the document has once every alias is expanded (memoised, stops past limit)."""
    if depth > MAX_YAML_DEPTH:
        raise yaml.YAMLError(f"values nested deeper than {MAX_YAML_DEPTH} levels")
    if id(node) in seen:
        if seen[id(node)] < 0:
            raise yaml.YAMLError("recursive YAML alias")
        return seen[id(node)]
    seen[id(node)] = -1  # in progress: meeting it again means the document contains itself
    size = 1
    if isinstance(node, yaml.SequenceNode):
        for child in node.value:
            size += _expanded_size(child, seen, limit, depth + 1)
            if size > limit:
                break
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            size += _expanded_size(key, seen, limit, depth + 1) + _expanded_size(value, seen, limit, depth + 1)
            if size > limit:
                break
    seen[id(node)] = size
    return size


def load_yaml(text: str) -> Any:
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a SafeLoader


class _Dumper(yaml.SafeDumper):
    """Safe YAML with datetimes as ISO strings and no anchors/aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_datetime(dumper: yaml.SafeDumper, value: datetime) -> yaml.Node:
    offset = value.utcoffset()
    if offset is not None and offset.seconds % 60:  # local mean time before 1893 (+00:53:28): YAML offsets have no seconds
        value = value.replace(tzinfo=timezone(timedelta(minutes=round(offset.total_seconds() / 60))))  # same wall time
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat())


_Dumper.add_representer(datetime, _represent_datetime)


def split_front_matter(text: str, path: str) -> tuple[dict[str, Any] | None, str]:
    """``(fields, body)``; ``fields`` is None when the text has no front matter.

    Safe YAML only: tags that build Python objects are refused, and so are documents that
    expand aliases past a small budget (alias bombs).
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        return None, text
    raw = match.group(1) or ""
    if _DEEP_FLOW.search(raw):  # before parsing: PyYAML's parser recurses once per level
        raise ArticleError(path, f"broken front matter: values nested deeper than {MAX_YAML_DEPTH} levels")
    try:
        fields = load_yaml(raw)
    except yaml.YAMLError as error:
        reason = str(error).splitlines()[0]
        raise ArticleError(path, f"broken front matter: {reason}") from None
    except RecursionError:
        raise ArticleError(path, "broken front matter: values nested too deeply") from None
    except (ValueError, OverflowError) as error:  # a timestamp YAML matches but no calendar has (2024-13-45, +25:00)
        raise ArticleError(path, f"unreadable date in the front matter: {error}") from None
    if fields is None:
        fields = {}
    if not isinstance(fields, dict):
        raise ArticleError(path, "front matter is not a mapping of fields")
    return fields, text[match.end():]


def dump_front_matter(fields: dict[str, Any]) -> str:
    """Fields in schema order (unknown fields after, sorted), as a YAML block between ``---``."""
    ordered = {k: fields[k] for k in FIELD_ORDER if k in fields and fields[k] not in (None, [], {})}
    for key in sorted(k for k in fields if k not in FIELD_ORDER):
        ordered[key] = fields[key]
    text = yaml.dump(ordered, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    return f"---\n{text}---\n"


def validate_front_matter(fields: dict[str, Any], path: str) -> FrontMatter:
    try:
        return FrontMatter.model_validate(fields)
    except ValidationError as error:
        raise ArticleError(path, f"invalid front matter: {format_validation_error(error)}") from None


def render_article_file(front_matter: FrontMatter, body: str) -> str:
    """A complete generated article file: validated front matter, blank line, body."""
    fields = front_matter.model_dump(by_alias=True, mode="python", exclude_none=True)
    fields["geo"] = {k: {kk: vv for kk, vv in v.items() if vv is not None} for k, v in fields.get("geo", {}).items()}
    return dump_front_matter(fields) + "\n" + body


def read_article_file(text: str, path: str) -> tuple[FrontMatter, str]:
    fields, body = split_front_matter(text, path)
    if fields is None:
        raise ArticleError(path, "no front matter")
    return validate_front_matter(fields, path), body.lstrip("\n")
