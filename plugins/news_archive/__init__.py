"""news-archive: raw news articles in, a cross-linked MkDocs archive out."""

__version__ = "0.1.0"
