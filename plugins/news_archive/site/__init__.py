"""The archive site, pure: articles from front matter in, pages, feeds and exports out.

Nothing here imports MkDocs (or spaCy); the MkDocs plugin is a thin adapter around it.
"""
