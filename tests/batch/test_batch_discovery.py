"""Discovery on a tree of mixed folders: what is a task, which file is its report."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.batch.discovery import discover_tasks
from citecheck.errors import InputError
from citecheck.rulepack import load_pack
from tests.batch.batch_factories import SharedSources, make_task, run_log, task_file


@pytest.fixture
def mixed_tree(tmp_path: Path, shared_sources: SharedSources) -> Path:
    root = tmp_path / "nightly"
    make_task(root / "batch-a", "t-taskfile", shared_sources, "task")
    make_task(root / "batch-a", "t-runlog", shared_sources, "log")
    make_task(root / "batch-b", "t-plain", shared_sources, "plain")
    both = make_task(root / "batch-b", "t-both", shared_sources, "task")
    (both / "agent.log").write_text(run_log(4), encoding="utf-8")
    notes = make_task(root, "t-notes", shared_sources, "plain")
    (notes / "README.md").write_text("# Notes\n\nNothing cited here.\n", encoding="utf-8")
    (notes / "garbage.txt").write_bytes(b"\x00\x01\x02binary")
    (notes / "empty.txt").write_text("", encoding="utf-8")
    nested = make_task(notes, "inner", shared_sources, "task", variant=5)
    (nested / "reports").mkdir()
    (nested / "reports" / "second.md").write_text("extra [文档: pdf.pdf, page 1]\n", "utf-8")
    shared_sources.link_into(root / "sources-only")
    orphan = root / "loose"
    orphan.mkdir()
    (orphan / "draft.md").write_text("A claim [文档: pdf.pdf, page 2].\n", encoding="utf-8")
    (orphan / "todo.txt").write_text("buy milk\n", encoding="utf-8")
    make_task(root / ".hidden", "t-hidden", shared_sources, "task")
    make_task(root / ".citecheck-cache", "t-cache", shared_sources, "task")
    return root


def _names(paths: tuple[Path, ...], folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in paths)


def test_each_task_folder_is_found_once_with_its_report_and_trace(mixed_tree: Path) -> None:
    found = discover_tasks([mixed_tree], load_pack())
    tasks = {str(t.folder.relative_to(mixed_tree.resolve())): t for t in found.tasks}

    assert sorted(tasks) == [
        "batch-a/t-runlog",
        "batch-a/t-taskfile",
        "batch-b/t-both",
        "batch-b/t-plain",
        "t-notes",
        "t-notes/inner",
    ]
    runlog = tasks["batch-a/t-runlog"]
    assert _names(runlog.reports, runlog.folder) == ["run.log"]
    assert runlog.trace == runlog.folder / "run.log"
    both = tasks["batch-b/t-both"]
    assert _names(both.reports, both.folder) == ["task_report.txt"]
    assert both.trace == both.folder / "agent.log"
    assert tasks["batch-a/t-taskfile"].trace is None


def test_task_files_win_over_plain_reports_and_junk_is_no_report(mixed_tree: Path) -> None:
    found = discover_tasks([mixed_tree], load_pack())
    tasks = {t.folder.name: t for t in found.tasks}

    notes = tasks["t-notes"]
    assert _names(notes.reports, notes.folder) == ["report.md"]
    assert "README.md" in _names(notes.files, notes.folder)
    inner = tasks["inner"]
    assert _names(inner.reports, inner.folder) == ["task_report.txt"]
    assert "reports/second.md" in _names(inner.files, inner.folder)
    assert not any("inner" in str(p) for p in notes.files)


def test_folders_without_a_report_or_without_sources_are_listed_as_skipped(
    mixed_tree: Path,
) -> None:
    found = discover_tasks([mixed_tree], load_pack())
    skipped = {str(path.relative_to(mixed_tree.resolve())): why for path, why in found.skipped}

    assert skipped == {
        "sources-only": "sources but no report",
        "loose/draft.md": "report without sources",
    }


def test_a_single_task_folder_may_be_the_root(
    tmp_path: Path, shared_sources: SharedSources
) -> None:
    folder = make_task(tmp_path, "only", shared_sources, "task")
    (folder / "copy-of-task.md").write_text(task_file(9), encoding="utf-8")

    found = discover_tasks([folder], load_pack())

    assert [t.folder for t in found.tasks] == [folder.resolve()]
    assert _names(found.tasks[0].reports, found.tasks[0].folder) == [
        "copy-of-task.md",
        "task_report.txt",
    ]


def test_a_root_that_is_no_folder_names_itself(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="audit root is not a folder") as error:
        discover_tasks([tmp_path / "missing"], load_pack())
    assert str(tmp_path / "missing") in str(error.value)
