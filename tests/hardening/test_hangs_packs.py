"""A rule pack's own regular expressions are data, not trusted code: they run under
a bounded matcher, so a pattern that backtracks exponentially is one line naming
the pack and the pattern, never a hang, also when a task folder brings the pack
(issue 18)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.hardening.hostile import Outcome, assert_clean_error, run_process

LINE_OF_AS = "# 报告\n\n" + "a" * 40 + "\n\n正文[文档: pdf.pdf, page 1]。\n"
GUARD_SECONDS = 20.0


def _pack(task: Path, table: str, pattern: str) -> Path:
    text = f'extends = "default"\nname = "hostile"\n[requirements]\n{table}\n'
    pack = task / "hostile.toml"
    pack.write_text(text.replace("PATTERN", pattern), encoding="utf-8")
    (task / "report.md").write_text(LINE_OF_AS, encoding="utf-8")
    return pack


def _timed(*args: object) -> tuple[float, Outcome]:
    start = time.perf_counter()
    outcome = run_process(*args, timeout=GUARD_SECONDS * 3)
    return time.perf_counter() - start, outcome


@pytest.mark.parametrize("pattern", ["(a+)+$", "(a|a)+$", "(a|aa)+$"])
@pytest.mark.parametrize(
    "table",
    [
        "self_reported_length_patterns = ['PATTERN']",
        "sections = [{name = 'x', patterns = ['PATTERN']}]",
    ],
    ids=["self-reported-length", "section"],
)
def test_a_backtracking_pack_pattern_is_bounded(task: Path, table: str, pattern: str) -> None:
    pack = _pack(task, table, pattern)
    seconds, outcome = _timed("lint", "--select", "CC5", task / "report.md", "--pack", pack)
    assert seconds < GUARD_SECONDS, seconds
    assert "internal error" not in outcome.stderr, outcome
    if outcome.code == 2:
        assert_clean_error(outcome, "hostile.toml", "pattern")


def test_a_pack_chosen_by_a_task_folder_config_is_bounded(task: Path) -> None:
    _pack(task, "self_reported_length_patterns = ['PATTERN']", "(a|a)+$")
    (task / ".citecheck.toml").write_text('pack = "hostile.toml"\n', encoding="utf-8")
    seconds, outcome = _timed("lint", "--select", "CC5", task / "report.md")
    assert seconds < GUARD_SECONDS, seconds
    assert_clean_error(outcome, "hostile.toml", "pattern")
