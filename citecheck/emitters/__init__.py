"""Output formats: one module per format, each with ``render(result) -> str``."""

from __future__ import annotations

import importlib

from citecheck.models import Result

FORMAT_MODULES = {
    "text": "citecheck.emitters.text",
    "json": "citecheck.emitters.jsonfmt",
    "sarif": "citecheck.emitters.sarif",
    "github": "citecheck.emitters.github",
    "html": "citecheck.emitters.html",
}


def render(result: Result, fmt: str, *, color: bool = False) -> str:
    """``result`` in format ``fmt``; ``color`` only affects the text format."""
    module = importlib.import_module(FORMAT_MODULES[fmt])
    if fmt == "text":
        return module.render(result, color=color)
    return module.render(result)
