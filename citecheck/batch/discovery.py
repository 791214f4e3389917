"""Finding task folders under audit roots.

A *task folder* is a folder that directly holds sources (a PDF, a collection,
a video or a transcript, as :func:`citecheck.corpus.folder.holds_sources`
decides) and, in it or in subfolders that hold no sources of their own, the
text files of one agent task. Each text file is classed by its content:

- a *task file* holds a report-start marker of the rule pack's layout
  (``## Final Report``) and is no run log;
- a *run log* shows tool calls or retrieval listings; it is the task's trace,
  and its report too when it holds a ``FINAL ANSWER``;
- a *plain report* is any other text file with at least one citation in any of the
  pack's formats, or an API response holding a report (``.json``), which makes
  its folder a task folder even without source files (it carries its own);
- anything else (a README, notes, an empty or binary file) is not looked at again.

The task's reports are its task files; without any, the run logs holding a
final answer; without any, its plain reports. A folder with sources but no
report, and text files under no source folder, are listed as skipped with the
reason, as is a symlink that leaves its task folder, loops or leads nowhere.
Hidden folders, caches and symlinked folders are never entered.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from citecheck.corpus.folder import holds_sources
from citecheck.corpus.trace import parse_trace
from citecheck.errors import InputError
from citecheck.pipeline import REPORT_SUFFIXES, SKIPPED_FOLDERS
from citecheck.report.decode import read_text
from citecheck.report.envelope import is_envelope_file
from citecheck.report.extract import locate_report
from citecheck.report.formats import find_all_citations
from citecheck.rulepack import RulePack
from citecheck.safeio import confine
from citecheck.textutil import LineIndex

TEXT_SUFFIXES = (*REPORT_SUFFIXES, ".log")


@dataclass(frozen=True)
class TaskFolder:
    """One task: its folder, the reports to lint, the run log if any, and every
    file it owns (reports, trace and sources; what its fingerprint covers)."""

    folder: Path
    reports: tuple[Path, ...]
    trace: Path | None
    files: tuple[Path, ...]


@dataclass
class Discovery:
    """The task folders found under the roots, and what was passed over and why."""

    tasks: list[TaskFolder] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)


@dataclass
class _Owned:
    """The files found so far under one source folder."""

    task_files: list[Path] = field(default_factory=list)
    final_answer_logs: list[Path] = field(default_factory=list)
    run_logs: list[Path] = field(default_factory=list)
    plain_reports: list[Path] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


def discover_tasks(roots: Iterable[str | Path], pack: RulePack) -> Discovery:
    """The task folders under ``roots``, sorted by path; :class:`InputError` for a
    root that is no folder."""
    walker = _Walker(pack)
    for given in roots:
        root = Path(given)
        if not root.is_dir():
            raise InputError(root, "audit root is not a folder")
        walker.walk(root.resolve())
    found = Discovery()
    for folder in sorted(walker.owned):
        task = _task(folder, walker.owned[folder])
        if task is None:
            found.skipped.append((folder, "sources but no report"))
        else:
            found.tasks.append(task)
    found.skipped.extend((path, "report without sources") for path in sorted(set(walker.orphans)))
    found.skipped.extend(walker.passed_over)
    return found


class _Walker:
    """Walks roots, giving each file to the nearest enclosing source folder."""

    def __init__(self, pack: RulePack) -> None:
        self.pack = pack
        self.owned: dict[Path, _Owned] = {}
        self.orphans: list[Path] = []
        self.passed_over: list[tuple[Path, str]] = []

    def walk(self, root: Path) -> None:
        owner_of: dict[Path, Path | None] = {}
        for dirpath, dirnames, filenames in os.walk(root):
            folder = Path(dirpath)
            dirnames[:] = sorted(d for d in dirnames if _enterable(folder / d))
            inherited = owner_of.get(folder.parent) if folder != root else None
            owner = folder if _holds_sources(folder) else inherited
            owner_of[folder] = owner
            for name in sorted(filenames):
                self._take(folder / name, owner)

    def _take(self, path: Path, owner: Path | None) -> None:
        if path.is_symlink():
            try:
                confine(path, owner or path.parent)
            except InputError as error:  # leaves the task, loops, or leads nowhere
                self.passed_over.append((path, error.problem))
                return
        if not path.is_file():  # a link that leads nowhere, a FIFO, a socket
            self.passed_over.append((path, "not a regular file"))
            return
        kind = self._classify(path)
        if owner is None and kind == "response":
            owner = path.parent  # an API response carries its sources: its folder is a task
        if owner is None:
            if kind in ("plain", "response"):
                self.orphans.append(path)
            return
        task = self.owned.setdefault(owner, _Owned())
        task.files.append(path)
        if kind == "task":
            task.task_files.append(path)
        elif kind in ("plain", "response"):
            task.plain_reports.append(path)
        elif kind in ("log", "log+report"):
            task.run_logs.append(path)
            if kind == "log+report":
                task.final_answer_logs.append(path)

    def _classify(self, path: Path) -> str | None:
        """``task``, ``log``, ``log+report``, ``plain``, ``response`` (an API response:
        a plain report that carries its sources) or None (not a report)."""
        if is_envelope_file(path):
            return "response"
        if path.suffix.lower() not in TEXT_SUFFIXES:
            return None
        try:
            text = read_text(path).text
        except InputError:
            return None
        trace = parse_trace(text, str(path))
        has_report_marker = locate_report(text, self.pack.layout).marked
        if trace.tool_calls or trace.retrievals:
            return "log+report" if has_report_marker else "log"
        if has_report_marker:
            return "task"
        citations = find_all_citations(text, self.pack, 0, LineIndex(text)).citations
        return "plain" if citations else None


def _enterable(folder: Path) -> bool:
    name = folder.name
    return not (name.startswith(".") or name in SKIPPED_FOLDERS or folder.is_symlink())


def _holds_sources(folder: Path) -> bool:
    try:
        return holds_sources(folder)
    except OSError:
        return False


def _task(folder: Path, owned: _Owned) -> TaskFolder | None:
    reports = owned.task_files or owned.final_answer_logs or owned.plain_reports
    if not reports:
        return None
    return TaskFolder(
        folder=folder,
        reports=tuple(reports),
        trace=owned.run_logs[0] if owned.run_logs else None,
        files=tuple(owned.files),
    )
