"""citecheck: a citation-grounded verification linter for AI-written research reports.

``import citecheck`` stays cheap: :func:`check` and :func:`revision_list` load
the pipeline on first use.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["__version__", "check", "revision_list"]


def __getattr__(name: str) -> Any:
    if name in ("check", "revision_list"):
        from citecheck import api

        return getattr(api, name)
    raise AttributeError(f"module 'citecheck' has no attribute {name!r}")
