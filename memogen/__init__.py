"""memogen: internal service standards in YAML → memos, guides, posters and emails."""

__version__ = "0.1.0"
