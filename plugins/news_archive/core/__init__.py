"""The pure core: article model, front-matter schema, slugs, dates. Imports neither MkDocs nor spaCy."""
