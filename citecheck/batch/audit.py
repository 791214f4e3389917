"""One audit run: discover task folders, skip what the store already holds, lint
the rest on an engine, store each outcome the moment it arrives.

Ctrl-C (or any exception in the driver) marks the run ``interrupted`` and keeps
every task finished before it; the next run skips them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from citecheck.batch.discovery import Discovery, discover_tasks
from citecheck.batch.engines import make_engine
from citecheck.batch.fingerprint import TaskKey, settings_fingerprint, task_key
from citecheck.batch.progress import Progress, make_progress
from citecheck.batch.store import AuditStore, StoredTask
from citecheck.batch.worker import TaskJob
from citecheck.checks._crash import has_crashed
from citecheck.config import Config
from citecheck.emitters.destination import refuse_input_as_output
from citecheck.errors import InputError, UsageError
from citecheck.models import Severity
from citecheck.rulepack import load_pack, with_syntax

EXIT_FINDINGS = 1
EXIT_TASK_FAILED = 4


@dataclass
class AuditOptions:
    """What an audit run needs besides its roots."""

    store: Path
    config: Config = field(default_factory=Config)
    jobs: int = 1
    engine: str = "local"
    address: str | None = None
    progress: bool = True
    # paths the run will write; refused when they lie inside a task folder
    outputs: list[Path] = field(default_factory=list)


@dataclass
class AuditRun:
    """What one run covered: its id, every task's stored result, what was skipped."""

    run_id: int
    tasks: list[StoredTask]
    discovery: Discovery


def run_audit(roots: list[Path], options: AuditOptions) -> AuditRun:
    """Audit every task folder under ``roots`` into ``options.store``."""
    config = options.config
    pack = with_syntax(load_pack(config.pack), config.syntax)
    discovery = discover_tasks(roots, pack)
    if not discovery.tasks:
        where = roots[0] if len(roots) == 1 else " ".join(map(str, roots))
        raise InputError(where, "no task folder here (a folder holding sources and a report)")
    _refuse_outputs_inside_tasks([options.store, *options.outputs], discovery)
    engine = make_engine(options.engine, options.jobs, options.address)
    store = AuditStore(options.store)
    try:
        settings = settings_fingerprint(config, pack)
        run_id = store.begin_run([str(root) for root in roots], settings)
        progress = make_progress(len(discovery.tasks), options.progress)
        try:
            jobs, keys = _pending_jobs(discovery, settings, store, run_id, progress)
            for outcome in engine(jobs, config):
                store.record(run_id, outcome, keys[outcome.folder])
                progress.finished(outcome)
        except BaseException:
            store.finish_run(run_id, "interrupted")
            raise
        finally:
            progress.close()
        store.finish_run(run_id, "complete")
        return AuditRun(run_id, store.run_tasks(run_id), discovery)
    finally:
        store.close()


def _pending_jobs(
    discovery: Discovery, settings: str, store: AuditStore, run_id: int, progress: Progress
) -> tuple[list[TaskJob], dict[str, TaskKey]]:
    """The jobs still to run; tasks with a stored result are covered at once."""
    jobs: list[TaskJob] = []
    keys: dict[str, TaskKey] = {}
    for task in discovery.tasks:
        folder = str(task.folder)
        key = task_key(task, settings, store)
        stored = store.stored(folder, key.key)
        if stored is not None and stored.status == "ok":
            store.reuse(run_id, folder, key.key)
            progress.reused(folder)
            continue
        keys[folder] = key
        jobs.append(
            TaskJob(
                folder=folder,
                key=key.key,
                reports=tuple(str(path) for path in task.reports),
                trace=str(task.trace) if task.trace else None,
            )
        )
    return jobs, keys


def _refuse_outputs_inside_tasks(outputs: list[Path], discovery: Discovery) -> None:
    folders = [task.folder for task in discovery.tasks]
    files = [path for task in discovery.tasks for path in task.files]
    refuse_outputs_over_tasks(outputs, folders, files)


def refuse_outputs_over_tasks(outputs: list[Path], folders: list[Path], files: list[Path]) -> None:
    """:class:`UsageError` for an output inside one of the task ``folders`` or that is
    (a hard link or symlink to) one of their ``files``."""
    for output in outputs:
        target = output.resolve()
        for folder in folders:
            if target.is_relative_to(folder):
                raise UsageError(f"{output}: inside the task folder {folder}; write it elsewhere")
        refuse_input_as_output(output, files, [])


def _failed(task: StoredTask) -> bool:
    result = task.result()
    return task.status == "failed" or (result is not None and has_crashed(result.findings))


def audit_exit_code(tasks: list[StoredTask], fail_on: str) -> int:
    """Bit 1: a finding at or above ``fail_on``; bit 4: a task failed, or one of its
    rules crashed (an internal-error finding)."""
    code = EXIT_TASK_FAILED if any(_failed(task) for task in tasks) else 0
    if fail_on != "never":
        levels = [level for level in Severity if level.rank >= Severity(fail_on).rank]
        if any(task.count(level) for task in tasks for level in levels):
            code |= EXIT_FINDINGS
    return code
