"""What an audit run found, and what changed since the previous complete run.

Built from the store alone, so ``citecheck audit --summary`` can print it for
the last run without linting anything.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from citecheck.batch.store import AuditStore, RunRecord, StoredTask
from citecheck.errors import UsageError
from citecheck.textutil import escape_line

WORST_TASKS = 10


class TaskLine(BaseModel):
    """One task's counts."""

    folder: str
    errors: int
    warnings: int
    infos: int
    findings: int


class Failure(BaseModel):
    """A task that could not be linted, with its one-line error."""

    folder: str
    error: str


class Change(BaseModel):
    """The difference from the previous complete run."""

    previous_run: int
    findings: int
    by_code: dict[str, int] = Field(description="nonzero differences only")
    new_tasks: list[str]
    gone_tasks: list[str]
    newly_failed: list[str]
    more_errors: list[str]
    fewer_errors: list[str]


class AuditSummary(BaseModel):
    """Counts over one run's tasks (``--summary --format json`` prints this)."""

    run: int
    status: str
    tasks: int
    ran: int
    reused: int
    failed: int
    findings: int
    by_severity: dict[str, int]
    by_category: dict[str, int]
    by_code: dict[str, int]
    worst: list[TaskLine]
    failures: list[Failure]
    change: Change | None = None


def summarise_run(store: AuditStore, run_id: int | None = None) -> AuditSummary:
    """The summary of ``run_id`` (default: the latest run in the store)."""
    runs = store.runs()
    if not runs:
        raise UsageError(f"{store.path}: the audit store holds no run yet")
    run = runs[-1] if run_id is None else next(r for r in runs if r.id == run_id)
    tasks = store.run_tasks(run.id)
    by_code = store.finding_counts(run.id, "code")
    ranked = sorted(tasks, key=lambda t: (-t.errors, -t.warnings, -t.findings, t.folder))
    return AuditSummary(
        run=run.id,
        status=run.status,
        tasks=len(tasks),
        ran=sum(not t.reused for t in tasks),
        reused=sum(t.reused for t in tasks),
        failed=sum(t.status == "failed" for t in tasks),
        findings=sum(t.findings for t in tasks),
        by_severity=store.finding_counts(run.id, "severity"),
        by_category=store.finding_counts(run.id, "category"),
        by_code=by_code,
        worst=[_line(t) for t in ranked[:WORST_TASKS] if t.findings],
        failures=[Failure(folder=t.folder, error=t.error or "") for t in tasks if t.error],
        change=_change(store, run, tasks, by_code),
    )


def _line(task: StoredTask) -> TaskLine:
    return TaskLine(
        folder=task.folder,
        errors=task.errors,
        warnings=task.warnings,
        infos=task.infos,
        findings=task.findings,
    )


def _change(
    store: AuditStore, run: RunRecord, tasks: list[StoredTask], by_code: dict[str, int]
) -> Change | None:
    previous = store.previous_complete_run(run.id)
    if previous is None:
        return None
    before = {t.folder: t for t in store.run_tasks(previous.id)}
    now = {t.folder: t for t in tasks}
    before_codes = store.finding_counts(previous.id, "code")
    deltas = {
        code: by_code.get(code, 0) - before_codes.get(code, 0)
        for code in sorted(set(by_code) | set(before_codes))
    }
    common = sorted(set(now) & set(before))
    return Change(
        previous_run=previous.id,
        findings=sum(t.findings for t in tasks) - sum(t.findings for t in before.values()),
        by_code={code: delta for code, delta in deltas.items() if delta},
        new_tasks=sorted(set(now) - set(before)),
        gone_tasks=sorted(set(before) - set(now)),
        newly_failed=[
            f for f in common if now[f].status == "failed" and before[f].status != "failed"
        ],
        more_errors=[f for f in common if now[f].errors > before[f].errors],
        fewer_errors=[f for f in common if now[f].errors < before[f].errors],
    )


def render_summary_text(summary: AuditSummary) -> str:
    """The summary as a few aligned text blocks; folder names and errors escaped."""
    lines = [
        f"audit run {summary.run} ({summary.status}): {summary.tasks} tasks, "
        f"{summary.ran} linted, {summary.reused} unchanged, {summary.failed} failed; "
        f"{summary.findings} findings",
        "",
    ]
    lines += _table("by severity", summary.by_severity)
    lines += _table("by category", summary.by_category)
    lines += _table("by rule", summary.by_code)
    if summary.worst:
        lines.append("worst tasks (errors/warnings/info)")
        lines += [
            f"  {t.errors:>4} {t.warnings:>4} {t.infos:>4}  {escape_line(t.folder)}"
            for t in summary.worst
        ]
        lines.append("")
    if summary.failures:
        lines.append("failed tasks")
        lines += [f"  {escape_line(f.folder)}: {escape_line(f.error)}" for f in summary.failures]
        lines.append("")
    lines += _change_lines(summary.change)
    return "\n".join(lines).rstrip() + "\n"


def _table(title: str, counts: dict[str, int]) -> list[str]:
    if not counts:
        return []
    width = max(len(name) for name in counts)
    return [title, *(f"  {name.ljust(width)}  {n:>6}" for name, n in counts.items()), ""]


def _change_lines(change: Change | None) -> list[str]:
    if change is None:
        return ["no earlier complete run to compare with"]
    lines = [f"since run {change.previous_run}: findings {change.findings:+d}"]
    lines += [f"  {code}  {delta:+d}" for code, delta in change.by_code.items()]
    for label, folders in (
        ("new tasks", change.new_tasks),
        ("tasks gone", change.gone_tasks),
        ("newly failed", change.newly_failed),
        ("more errors", change.more_errors),
        ("fewer errors", change.fewer_errors),
    ):
        if folders:
            shown = ", ".join(map(escape_line, folders[:WORST_TASKS]))
            lines.append(f"  {label} ({len(folders)}): {shown}")
    return lines
