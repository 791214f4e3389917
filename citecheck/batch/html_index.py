"""The HTML audit of a whole batch: an index page linking one page per task.

Task pages are the single-run HTML report (:func:`citecheck.emitters.html.render`),
reading only reports that still lie in their task folder (a report swapped for a
symlink to elsewhere after the audit is not shown); the index is this module's
own: the run's counts by category and rule, then one row per task with its
counts, its error if it failed, and a link to its page.
Inline CSS only; every path and message is escaped.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from citecheck.batch.store import StoredTask
from citecheck.batch.summary import AuditSummary
from citecheck.emitters.html import HtmlOptions
from citecheck.emitters.html import render as render_html
from citecheck.errors import UsageError

TASK_PAGES = "tasks"
INDEX_STYLE = """
body { font: 15px/1.5 system-ui, "Noto Sans", "Noto Sans CJK SC", sans-serif; color:#101828;
       background:#f9fafb; margin:0; }
main { max-width: 1100px; margin: 0 auto; padding: 32px 24px 64px; }
table { border-collapse: collapse; background:#fff; border:1px solid #e4e7ec; margin: 8px 0 20px; }
th, td { padding: 5px 12px; border-bottom: 1px solid #e4e7ec; text-align:left; vertical-align:top; }
th { background:#f2f4f7; }
td.num { text-align:right; font-variant-numeric: tabular-nums; }
tr.failed td { background:#fef3f2; }
.error { color:#b42318; } .muted { color:#667085; }
"""


def task_page_name(index: int, task: StoredTask) -> str:
    """``tasks/0007-<folder name>.html``: numbered, so equal folder names never clash."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(task.folder).name)[:60] or "task"
    return f"{TASK_PAGES}/{index:04d}-{stem}.html"


def write_batch_html(folder: Path, tasks: list[StoredTask], summary: AuditSummary) -> Path:
    """Write ``index.html`` and the task pages into ``folder``; the index's path."""
    try:
        (folder / TASK_PAGES).mkdir(parents=True, exist_ok=True)
        links: list[str | None] = []
        for index, task in enumerate(tasks, 1):
            result = task.result()
            if result is None:
                links.append(None)
                continue
            name = task_page_name(index, task)
            page = render_html(result, HtmlOptions(confine_to=Path(task.folder)))
            (folder / name).write_text(page, encoding="utf-8")
            links.append(name)
        index_path = folder / "index.html"
        index_path.write_text(render_index(tasks, links, summary), encoding="utf-8")
    except OSError as error:
        raise UsageError(f"{folder}: cannot write the HTML audit: {error.strerror}") from None
    return index_path


def render_index(tasks: list[StoredTask], links: list[str | None], summary: AuditSummary) -> str:
    """The index page: counts, then one row per task (``links[i]`` is its page)."""
    rows = "".join(_task_row(task, link) for task, link in zip(tasks, links, strict=True))
    head = (
        f"<p>{summary.tasks} tasks: {summary.ran} linted, {summary.reused} unchanged, "
        f"<span class='error'>{summary.failed} failed</span>; {summary.findings} findings</p>"
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>citecheck batch audit</title><style>{INDEX_STYLE}</style></head><body><main>"
        f"<h1>citecheck batch audit · run {summary.run}</h1>{head}"
        f"{_counts('By category', summary.by_category)}{_counts('By rule', summary.by_code)}"
        "<h2>Tasks</h2><table><tr><th>task</th><th>errors</th><th>warnings</th><th>info</th>"
        f"<th>status</th></tr>{rows}</table></main></body></html>\n"
    )


def _counts(title: str, counts: dict[str, int]) -> str:
    if not counts:
        return ""
    rows = "".join(
        f'<tr><td>{escape(name)}</td><td class="num">{n}</td></tr>' for name, n in counts.items()
    )
    return f"<h2>{escape(title)}</h2><table>{rows}</table>"


def _task_row(task: StoredTask, link: str | None) -> str:
    name = escape(task.folder)
    cell = f'<a href="{escape(link)}">{name}</a>' if link else name
    if task.error:
        status = f'<span class="error">failed: {escape(task.error)}</span>'
    else:
        status = '<span class="muted">unchanged</span>' if task.reused else "linted"
    return (
        f'<tr class="{"failed" if task.error else "ok"}"><td>{cell}</td>'
        f'<td class="num">{task.errors}</td><td class="num">{task.warnings}</td>'
        f'<td class="num">{task.infos}</td><td>{status}</td></tr>'
    )
