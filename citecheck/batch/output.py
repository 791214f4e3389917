"""The batch as text, JSON or JSON Lines: one entry per task, with its lint result."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from citecheck.textutil import escape_line

if TYPE_CHECKING:
    from citecheck.batch.store import StoredTask
    from citecheck.batch.summary import AuditSummary

BATCH_FORMATS = ("text", "json", "jsonl", "html")


def task_record(task: StoredTask) -> dict[str, Any]:
    """A task as plain data: status, error, whether it was reused, the lint result."""
    return {
        "folder": task.folder,
        "key": task.key,
        "status": task.status,
        "error": task.error,
        "reused": task.reused,
        "result": json.loads(task.result_json) if task.result_json else None,
    }


def render_jsonl(tasks: list[StoredTask]) -> str:
    """One JSON object per line, one line per task."""
    return "".join(json.dumps(task_record(t), ensure_ascii=False) + "\n" for t in tasks)


def render_json(tasks: list[StoredTask], summary: AuditSummary) -> str:
    """``{"summary": …, "tasks": […]}``."""
    document = {
        "summary": summary.model_dump(mode="json"),
        "tasks": [task_record(t) for t in tasks],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def render_text(tasks: list[StoredTask], summary: AuditSummary) -> str:
    """One line per task, then the totals; folder names and errors escaped
    (:func:`~citecheck.textutil.escape_line`)."""
    lines = []
    for task in tasks:
        if task.error:
            lines.append(f"{escape_line(task.folder)}: FAILED: {escape_line(task.error)}")
        else:
            lines.append(
                f"{escape_line(task.folder)}: {task.errors} errors, {task.warnings} warnings, "
                f"{task.infos} info" + (" (unchanged)" if task.reused else "")
            )
    lines.append(
        f"{summary.tasks} tasks ({summary.ran} linted, {summary.reused} unchanged, "
        f"{summary.failed} failed), {summary.findings} findings"
    )
    return "\n".join(lines) + "\n"
