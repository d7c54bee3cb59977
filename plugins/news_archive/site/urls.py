"""Page URLs from source paths, and relative links between pages (the MkDocs rules, pure)."""

from __future__ import annotations


def src_for_url(url: str) -> str:
    """The virtual source file of a directory-style URL: ``people/putin/`` → ``people/putin/index.md``."""
    return f"{url}index.md"


def page_url(src_uri: str, directory_urls: bool) -> str:
    """Where MkDocs publishes a Markdown source (``a/b.md`` → ``a/b/`` or ``a/b.html``)."""
    stem = src_uri[:-3] if src_uri.endswith(".md") else src_uri
    folder, _, name = stem.rpartition("/")
    if name in ("index", "README"):
        if directory_urls:
            return f"{folder}/" if folder else ""
        return f"{folder}/index.html" if folder else "index.html"
    if directory_urls:
        return f"{stem}/"
    return f"{stem}.html"


def relative_url(from_url: str, to_url: str) -> str:
    """A link from the page at ``from_url`` to ``to_url`` (both relative to the site root).

    Called for every link of every page, so plain string work rather than ``posixpath.relpath``.
    """
    base = from_url.split("/")[:-1]  # the page's folder: 'a/b/' → [a, b]; 'a/b.html' → [a]
    parts = to_url.split("/")
    target, name = parts[:-1], parts[-1]
    common = 0
    for mine, theirs in zip(base, target):
        if mine != theirs:
            break
        common += 1
    rel = "../" * (len(base) - common) + "".join(p + "/" for p in target[common:]) + name
    return rel or "./"


def absolute_url(site_url: str, url: str) -> str:
    return site_url.rstrip("/") + "/" + url if site_url else "/" + url
