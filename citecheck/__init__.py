"""citecheck: a citation-grounded verification linter for AI-written research reports."""

__version__ = "0.1.0"
