"""Configuration and rule packs that used to crash or be accepted until a rule ran:
one line naming the file and what is wrong, at load (issue 18)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hardening.hostile import assert_clean_error, run_cli

LINT = ("lint", "--select", "CC1")
NESTED = "x = " + "[" * 5000 + "]" * 5000 + "\n"


@pytest.mark.parametrize(
    ("setting", "fragments"),
    [
        ('pack = "/tmp"\n', ("/tmp", "rule pack is a directory")),
        (NESTED, (".citecheck.toml", "nested too deeply")),
        ('[judge]\nbackend = "magic"\n', (".citecheck.toml", "judge.backend")),
        ('[judge]\nsupported_min = "high"\n', (".citecheck.toml", "judge.supported_min")),
        ("[judge]\nsupported_min = 7\n", (".citecheck.toml", "judge.supported_min")),
        ('[judge]\ncolour = "red"\n', (".citecheck.toml", "unknown config key 'judge.colour'")),
    ],
    ids=["pack-is-a-folder", "nested-5000", "backend", "threshold-word", "threshold-7", "key"],
)
def test_a_bad_config_file_is_one_line_at_load(
    task: Path, setting: str, fragments: tuple[str, ...]
) -> None:
    (task / ".citecheck.toml").write_text(setting, encoding="utf-8")
    assert_clean_error(run_cli(*LINT, task / "report.md"), *fragments)


def test_a_rule_pack_nested_5000_levels_is_one_line(task: Path) -> None:
    (task / "pack.toml").write_text('extends = "default"\n' + NESTED, encoding="utf-8")
    outcome = run_cli(*LINT, task / "report.md", "--pack", task / "pack.toml")
    assert_clean_error(outcome, "pack.toml", "nested too deeply")


def test_a_config_in_the_audit_root_is_checked_at_load(task: Path, tmp_path: Path) -> None:
    (task.parent / ".citecheck.toml").write_text('[judge]\nbackend = "magic"\n', encoding="utf-8")
    outcome = run_cli("audit", task.parent, "--store", tmp_path / "s.sqlite", "--no-progress")
    assert_clean_error(outcome, ".citecheck.toml", "judge.backend")
