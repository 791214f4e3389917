"""Task folder names are shown, never obeyed: ESC, BEL and a newline followed by a
workflow command in a folder name reach neither the audit's text output, its
``--summary`` nor its progress lines raw (issue 18)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hardening.hostile import Outcome, run_cli

HOSTILE_NAME = "t\x1b]0;pwned\x07\n::error file=x::forged"


def _forged(outcome: Outcome) -> list[str]:
    text = outcome.stdout + outcome.stderr
    raw = [c for c in ("\x1b", "\x07") if c in text]
    return raw + [line for line in text.splitlines() if line.startswith("::")]


@pytest.fixture
def hostile_root(task: Path) -> Path:
    (task / "trace.log").unlink()  # its final answer would be the task's report
    task.rename(task.parent / HOSTILE_NAME)
    (task.parent / HOSTILE_NAME / "report.md").write_text(
        "# 报告\n\n论文[文档: missing.pdf, page 1]。\n", encoding="utf-8"
    )
    return task.parent


@pytest.mark.parametrize("summary", [False, True], ids=["tasks", "summary"])
def test_hostile_folder_names_are_escaped(
    hostile_root: Path, tmp_path: Path, summary: bool
) -> None:
    store = tmp_path / "s.sqlite"
    outcome = run_cli("audit", "--select", "CC1", hostile_root, "--store", store)
    assert outcome.code in (0, 1), outcome
    assert "[1/1]" in outcome.stderr  # the progress line was written
    assert _forged(outcome) == [], outcome
    if summary:
        outcome = run_cli("audit", "--summary", "--store", store)
        assert outcome.code in (0, 1), outcome
        assert _forged(outcome) == [], outcome
        assert "\\x1b" in outcome.stdout
