"""Site search: German-aware extra terms, article markup for Pagefind, the Pagefind index, the search page.

``terms`` and ``markup`` are pure (no MkDocs); ``pagefind_service`` talks to the Pagefind binary,
``pagefind_index`` feeds it from a process of its own during the build;
``integration`` is the thin adapter the MkDocs plugin calls from its events.
"""
