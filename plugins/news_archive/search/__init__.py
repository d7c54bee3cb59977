"""Site search: German-aware extra terms, article markup for Pagefind, the Pagefind index, the search page.

``terms`` and ``markup`` are pure (no MkDocs); ``pagefind_index`` wraps Pagefind's Python API;
``integration`` is the thin adapter the MkDocs plugin calls from its events.
"""
