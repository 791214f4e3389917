"""The Python API returns the models the JSON output is a dump of."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import citecheck
from citecheck.cli import main
from citecheck.config import Config
from citecheck.errors import InputError


def test_check_matches_json_output(task: Path, fake_stages, fake_rules) -> None:
    report = task / "reports" / "bad.md"
    result = citecheck.check(report, corpus=task)
    cli = CliRunner().invoke(main, ["lint", str(report), "--corpus", str(task), "--format", "json"])
    assert json.loads(cli.output) == result.model_dump(mode="json")


def test_check_keyword_options_override_config(task: Path, fake_stages, fake_rules) -> None:
    report = task / "reports" / "bad.md"
    config = Config(select=["CC203"])
    assert {f.code for f in citecheck.check(report, config=config).findings} == {"CC203"}
    only_cc1 = citecheck.check(report, config=config, select=["CC1"])
    assert {f.code for f in only_cc1.findings} == {"CC101"}


def test_revision_list_is_compact_and_actionable(task: Path, fake_stages, fake_rules) -> None:
    items = citecheck.revision_list(citecheck.check(task / "reports" / "bad.md"))
    assert [item["line"] for item in items] == [1, 2, 3]
    first = items[0]
    assert first == {
        "path": str(task / "reports" / "bad.md"),
        "line": 1,
        "code": "CC101",
        "severity": "error",
        "claim": "Sky is blue",
        "citation": "[Doc: missing.pdf]",
        "problem": "cited source not found",
        "fix": "cite a file of the corpus",
    }


def test_check_raises_input_error_for_missing_report(tmp_path: Path, fake_stages) -> None:
    with pytest.raises(InputError, match="no such file"):
        citecheck.check(tmp_path / "none.md")
