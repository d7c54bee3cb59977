"""Material's search plugin spared its per-page regex where it changes nothing.

In ``on_page_context`` Material's search plugin runs a regex over the HTML of every page to drop
``data-search-*`` attributes, also for pages its index leaves out (with Pagefind, every page):
about 2 s of a 10,000-article build. For a page its index leaves out and whose HTML has no such
attribute, that call changes nothing, so the plugin is switched off (its own ``enabled`` option)
for that one call and on again right after.
"""

from __future__ import annotations

ATTRIBUTE = "data-search-"


class MaterialSearchPause:
    def __init__(self, plugins) -> None:
        try:
            from material.plugins.search.plugin import SearchPlugin
        except ImportError:  # another theme: nothing to spare
            SearchPlugin = None  # noqa: N806
        found = [p for p in plugins.values() if SearchPlugin and isinstance(p, SearchPlugin)]
        self.plugin = found[0] if len(found) == 1 else None
        self.paused = False
        self.spared = 0  # pages the regex was not run on

    def before(self, page) -> None:
        """Before Material's ``on_page_context``: off, when the call would change nothing."""
        plugin = self.plugin
        if plugin is None or self.paused or not plugin.config.enabled:
            return
        if (page.meta.get("search") or {}).get("exclude") and ATTRIBUTE not in (page.content or ""):
            plugin.config["enabled"] = False
            self.paused = True
            self.spared += 1

    def after(self) -> None:
        """After it (and when a build stops): on again."""
        if self.paused:
            self.plugin.config["enabled"] = True
            self.paused = False
