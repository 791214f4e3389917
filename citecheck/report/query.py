"""The task's own request: the query a report answers, when the report does not hold it.

A run log carries the user's query inside the report file (see
:mod:`citecheck.report.extract`). Otherwise it lies next to the sources, in the
task folder, as one of :data:`QUERY_FILE_NAMES`, or is given with ``--query
FILE``. An explicit file wins over the report's own query, which wins over the
folder's.
"""

from __future__ import annotations

import re
from pathlib import Path

from citecheck.errors import InputError
from citecheck.models import Report
from citecheck.report.htmlquery import html_as_text, is_html
from citecheck.report.latexquery import is_latex, latex_as_text
from citecheck.report.notebookquery import is_notebook, notebook_as_text

QUERY_FILE_NAMES = tuple(
    f"{stem}.{ending}"
    for ending in ("md", "txt", "org", "html", "rst", "tex", "ipynb")
    for stem in ("query", "task", "prompt", "assignment", "instructions")
)
"""Names of the file holding the task's request in a task folder, in order of preference
(Markdown first; an Emacs Org file, an HTML export, LaTeX source or a Jupyter notebook
are read as they are)."""


def is_query_file(path: Path) -> bool:
    """Whether ``path`` is named like a task folder's query file (never a report)."""
    return path.name.lower() in QUERY_FILE_NAMES


def find_query_file(folder: Path) -> Path | None:
    """The query file of a task folder, None when it has none."""
    for name in QUERY_FILE_NAMES:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return None


def read_query(path: Path) -> str:
    """The text of a query file (a notebook's Markdown cells, an HTML export or LaTeX
    source read as the text it shows), struck-through text left out; :class:`InputError`
    when it cannot be read as UTF-8."""
    try:
        text = path.read_text(encoding="utf-8-sig").strip()
    except UnicodeDecodeError:
        raise InputError(path, "query file is not UTF-8 text") from None
    except OSError as error:
        raise InputError(path, f"query file cannot be read: {error.strerror}") from None
    if is_notebook(text):
        text = notebook_as_text(text)
    elif is_html(text):
        text = html_as_text(text)
    elif is_latex(text):
        text = latex_as_text(text)
    return _STRUCK.sub("", text)


_STRUCK = re.compile(r"~~[^~\n]+~~")
"""A requirement struck through in Markdown (``~~不少于 3500 字~~``): cancelled."""


def with_query(report: Report, explicit: str | None, folder_query: str | None) -> Report:
    """The report with the query it answers: ``explicit`` first, then its own, then the
    task folder's."""
    query = explicit or report.query or folder_query
    return report if query == report.query else report.model_copy(update={"query": query})
