"""Server-rendered HTML pages (Jinja2, autoescaped), their words from the catalogue."""
