"""Output formats: one module per format, each with ``render(result) -> str``."""

from __future__ import annotations

import importlib

from citecheck.models import Result

FORMAT_MODULES = {
    "text": "citecheck.reporters.text",
    "json": "citecheck.reporters.jsonfmt",
    "sarif": "citecheck.reporters.sarif",
    "github": "citecheck.reporters.github",
    "html": "citecheck.reporters.html",
}


def render(result: Result, fmt: str, *, color: bool = False) -> str:
    """``result`` in format ``fmt``; ``color`` only affects the text format."""
    module = importlib.import_module(FORMAT_MODULES[fmt])
    if fmt == "text":
        return module.render(result, color=color)
    return module.render(result)
