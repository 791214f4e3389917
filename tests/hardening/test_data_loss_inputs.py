"""--output (lint and audit) never destroys a file the run reads: a task's report
reached through a hard link or named by ``--summary``, the query, the config file,
``pyproject.toml`` (issue 18)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.hardening.hostile import assert_clean_error, run_cli

LINT = ("lint", "--select", "CC1")
AUDIT = ("audit", "--select", "CC1", "--no-progress")


def test_audit_output_through_a_hard_link_to_a_report_is_refused(
    task: Path, tmp_path: Path
) -> None:
    before = (task / "report.md").read_bytes()
    link = tmp_path / "out.json"
    os.link(task / "report.md", link)
    outcome = run_cli(*AUDIT, task.parent, "--store", tmp_path / "s.sqlite", "-o", link)
    assert_clean_error(outcome, "out.json", "would overwrite")
    assert (task / "report.md").read_bytes() == before


def test_audit_summary_output_onto_a_stored_report_is_refused(task: Path, tmp_path: Path) -> None:
    store = tmp_path / "s.sqlite"
    assert run_cli(*AUDIT, task.parent, "--store", store).code in (0, 1)
    before = (task / "report.md").read_bytes()
    outcome = run_cli("audit", "--summary", "--store", store, "-o", task / "report.md")
    assert_clean_error(outcome, "report.md", "inside the task folder")
    assert (task / "report.md").read_bytes() == before


def _config_files(task: Path) -> dict[str, tuple[Path, tuple[object, ...]]]:
    (task / "query.md").write_text("写一份阅读报告。\n", encoding="utf-8")
    (task / "request.md").write_text("写一份阅读报告。\n", encoding="utf-8")
    (task / "cc.toml").write_text('fail_on = "never"\n', encoding="utf-8")
    (task / "pyproject.toml").write_text('[tool.citecheck]\nfail_on = "never"\n', encoding="utf-8")
    return {
        "query-option": (task / "request.md", ("--query", task / "request.md")),
        "config-option": (task / "cc.toml", ("--config", task / "cc.toml")),
        "task-query": (task / "query.md", ()),
        "pyproject": (task / "pyproject.toml", ()),
    }


@pytest.mark.parametrize("victim", ["query-option", "config-option", "task-query", "pyproject"])
def test_lint_output_onto_a_query_or_config_file_is_refused(task: Path, victim: str) -> None:
    path, options = _config_files(task)[victim]
    before = path.read_bytes()
    outcome = run_cli(*LINT, task / "report.md", *options, "-o", path)
    assert_clean_error(outcome, path.name, "would overwrite")
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "victim", ["video.nfo", "video.slides.csv", "video.transcript.txt", "agent_trace.json"]
)
def test_lint_output_onto_a_sidecar_or_a_run_log_is_refused(task: Path, victim: str) -> None:
    assert (task / "video.mp4").exists()
    path = task / victim
    path.write_text("kept as it is\n", encoding="utf-8")
    outcome = run_cli(*LINT, task / "report.md", "-o", path)
    assert_clean_error(outcome, path.name, "would overwrite")
    assert path.read_text(encoding="utf-8") == "kept as it is\n"
