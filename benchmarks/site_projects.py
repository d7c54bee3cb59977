"""The projects a site benchmark builds: ours, plain MkDocs, Material's tags plugin, Hugo."""

from __future__ import annotations

from pathlib import Path

INDEX = "# Archiv\n\nSynthetisches Archiv für Benchmarks.\n"
MKDOCS_CONFIGS = {
    "ours": """site_name: Bench
site_url: https://example.org/bench/
theme: {name: material, language: de}
nav: [{Start: index.md}]
plugins:
  - search
  - news-archive
""",
    "plain": """site_name: Bench
site_url: https://example.org/bench/
theme: {name: mkdocs}
nav: [{Start: index.md}]
plugins: [search]
""",
    "tags": """site_name: Bench
site_url: https://example.org/bench/
theme: {name: material, language: de}
nav: [{Start: index.md}, {Tags: tags.md}]
plugins: [search, tags]
""",
}
HUGO_CONFIG = """baseURL = "https://example.org/bench/"
title = "Bench"
disableKinds = ["RSS", "sitemap", "robotsTXT"]
[taxonomies]
person = "people"
place = "places"
organization = "organizations"
topic = "topics"
"""
HUGO_LAYOUTS = {
    "baseof.html": "<!doctype html><html><head><title>{{ .Title }}</title></head><body>{{ block \"main\" . }}{{ end }}</body></html>",
    "single.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1><p>{{ .Date.Format \"2006-01-02\" }}</p>"
                   "{{ range $t, $_ := .Site.Taxonomies }}{{ range ($.GetTerms $t) }}<a href=\"{{ .RelPermalink }}\">{{ .LinkTitle }}</a> {{ end }}{{ end }}"
                   "{{ .Content }}{{ end }}",
    "list.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}",
    "taxonomy.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.ByCount }}<li><a href=\"{{ .Page.RelPermalink }}\">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>{{ end }}",
    "term.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}",
}


def write_mkdocs_project(folder: Path, variant: str) -> Path:
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    (folder / "mkdocs.yml").write_text(MKDOCS_CONFIGS[variant], encoding="utf-8")
    (folder / "docs" / "index.md").write_text(INDEX, encoding="utf-8")
    if variant == "tags":
        (folder / "docs" / "tags.md").write_text("# Tags\n\n<!-- material/tags -->\n", encoding="utf-8")
    return folder


def write_hugo_project(folder: Path) -> Path:
    (folder / "layouts" / "_default").mkdir(parents=True, exist_ok=True)
    (folder / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    for name, text in HUGO_LAYOUTS.items():
        (folder / "layouts" / "_default" / name).write_text(text, encoding="utf-8")
    (folder / "content").mkdir(exist_ok=True)
    (folder / "content" / "_index.md").write_text("---\ntitle: Bench\n---\n" + INDEX, encoding="utf-8")
    return folder
