"""Bad audit input: one line naming the file and the problem, exit 2, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from citecheck.cli import main
from tests.batch.batch_factories import SharedSources, make_task


def audit(*args: object):
    return CliRunner().invoke(main, ["audit", *map(str, args), "--no-progress"])


def assert_one_line(outcome, starts: str) -> None:
    assert outcome.exit_code == 2, outcome.output
    lines = outcome.output.strip().splitlines()
    assert len(lines) == 1, outcome.output
    assert lines[0].startswith(f"citecheck: {starts}"), lines[0]


@pytest.fixture
def task(tmp_path: Path, shared_sources: SharedSources) -> Path:
    return make_task(tmp_path / "root", "t", shared_sources, "task")


def test_missing_root(tmp_path: Path) -> None:
    outcome = audit(tmp_path / "nope", "--store", tmp_path / "a.sqlite")
    assert_one_line(outcome, f"{tmp_path / 'nope'}: audit root is not a folder")
    assert not (tmp_path / "a.sqlite").exists()


def test_store_that_is_not_a_database(task: Path, tmp_path: Path) -> None:
    store = tmp_path / "notes.sqlite"
    store.write_text("these are my notes, not a database\n" * 20, encoding="utf-8")
    before = store.read_bytes()

    assert_one_line(audit(task, "--store", store), f"{store}: not a citecheck audit store")
    assert store.read_bytes() == before


def test_store_that_is_a_folder(task: Path, tmp_path: Path) -> None:
    assert_one_line(audit(task, "--store", tmp_path), f"{tmp_path}: audit store is a folder")


def test_outputs_inside_a_task_folder_are_refused(task: Path, tmp_path: Path) -> None:
    before = sorted(p.name for p in task.iterdir())

    assert_one_line(audit(task, "--store", task / "a.sqlite"), f"{task / 'a.sqlite'}: inside")
    outcome = audit(task, "--store", tmp_path / "a.sqlite", "--format", "html", "-o", task / "h")
    assert_one_line(outcome, f"{task / 'h'}: inside the task folder")
    assert sorted(p.name for p in task.iterdir()) == before


def test_html_needs_an_output_folder(task: Path, tmp_path: Path) -> None:
    outcome = audit(task, "--store", tmp_path / "a.sqlite", "--format", "html")
    assert_one_line(outcome, "--format html writes a folder")


def test_summary_without_a_store(tmp_path: Path) -> None:
    outcome = audit("--summary", "--store", tmp_path / "none.sqlite")
    assert_one_line(outcome, f"{tmp_path / 'none.sqlite'}: no audit store here")
    assert not (tmp_path / "none.sqlite").exists()


def test_no_root_and_no_summary(tmp_path: Path) -> None:
    assert_one_line(audit("--store", tmp_path / "a.sqlite"), "give at least one ROOT")


def test_unknown_rule(task: Path, tmp_path: Path) -> None:
    outcome = audit(task, "--store", tmp_path / "a.sqlite", "--select", "CC999")
    assert_one_line(outcome, "--select: 'CC999' matches no rule")


def test_root_without_task_folders(tmp_path: Path) -> None:
    (tmp_path / "empty" / "notes").mkdir(parents=True)
    (tmp_path / "empty" / "notes" / "draft.md").write_text(
        "text [文档: pdf.pdf, page 1]\n", "utf-8"
    )

    outcome = audit(tmp_path / "empty", "--store", tmp_path / "a.sqlite")

    assert_one_line(outcome, f"{tmp_path / 'empty'}: no task folder here")
    assert not (tmp_path / "a.sqlite").exists()
