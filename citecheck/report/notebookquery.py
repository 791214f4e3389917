"""A request written as a Jupyter notebook (``assignment.ipynb``): its Markdown cells,
in order, are the request; code cells (a checker script, a word counter) are not."""

from __future__ import annotations

import json
from typing import Any


def is_notebook(text: str) -> bool:
    """Whether ``text`` is a Jupyter notebook document."""
    return text.lstrip().startswith("{") and '"cells"' in text and _cells(text) is not None


def notebook_as_text(text: str) -> str:
    """The Markdown cells of a notebook, one after another."""
    cells = _cells(text) or []
    shown = [
        "".join(source) if isinstance(source, list) else str(source)
        for cell in cells
        if isinstance(cell, dict) and cell.get("cell_type") == "markdown"
        for source in [cell.get("source", "")]
    ]
    return "\n\n".join(part.strip() for part in shown if part.strip())


def _cells(text: str) -> list[Any] | None:
    try:
        document = json.loads(text)
    except ValueError:
        return None
    cells = document.get("cells") if isinstance(document, dict) else None
    return cells if isinstance(cells, list) else None
