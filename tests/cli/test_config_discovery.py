"""Configuration: discovery upward, file precedence, CLI precedence, unknown keys."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from citecheck.cli import main
from citecheck.config import Config, load_config
from citecheck.errors import InputError


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_no_config_gives_defaults(tmp_path: Path) -> None:
    assert load_config(tmp_path) == Config()


def test_pyproject_table_found_from_a_subfolder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.citecheck]\nfail-on = "warning"\nselect = ["CC1"]\n')
    config = load_config(tmp_path / "a" / "b")
    assert config.fail_on == "warning" and config.select == ["CC1"]
    assert config.source == str(tmp_path / "pyproject.toml")


def test_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.citecheck]\nfail_on = "info"\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    assert load_config(tmp_path / "sub").fail_on == "info"


def test_citecheck_toml_wins_over_pyproject_in_same_folder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.citecheck]\nfail_on = "info"\n')
    write(tmp_path / ".citecheck.toml", 'fail_on = "never"\n')
    assert load_config(tmp_path).fail_on == "never"


def test_nearest_config_wins(tmp_path: Path) -> None:
    write(tmp_path / ".citecheck.toml", 'fail_on = "never"\n')
    write(tmp_path / "inner" / ".citecheck.toml", 'fail_on = "warning"\n')
    assert load_config(tmp_path / "inner").fail_on == "warning"


def test_explicit_file_skips_search_and_paths_are_relative_to_it(tmp_path: Path) -> None:
    write(tmp_path / ".citecheck.toml", 'fail_on = "never"\n')
    explicit = write(tmp_path / "conf" / "lint.toml", 'pack = "packs/mine.toml"\ncache_dir = "c"\n')
    config = load_config(tmp_path, explicit)
    assert config.fail_on == "error"
    assert config.pack == str(tmp_path / "conf" / "packs" / "mine.toml")
    assert config.cache_dir == str(tmp_path / "conf" / "c")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("colour = true\n", "unknown config key 'colour'"),
        ('fail_on = "sometimes"\n', "invalid config value for 'fail_on'"),
        ('severity = { CC101 = "fatal" }\n', "invalid config value for 'severity.CC101'"),
        ("select = [\n", "invalid TOML"),
    ],
)
def test_bad_config_is_one_line_naming_file(tmp_path: Path, text: str, problem: str) -> None:
    path = write(tmp_path / ".citecheck.toml", text)
    with pytest.raises(InputError) as caught:
        load_config(tmp_path)
    assert caught.value.path == str(path)
    assert caught.value.problem.startswith(problem)
    assert "\n" not in str(caught.value)


def test_missing_explicit_config(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="config file not found"):
        load_config(tmp_path, tmp_path / "none.toml")


def test_cli_options_override_config(task: Path, fake_stages, fake_rules) -> None:
    write(task / ".citecheck.toml", 'select = ["CC203"]\nfail_on = "never"\nformat = "json"\n')
    report = str(task / "reports" / "bad.md")
    runner = CliRunner()
    from_file = runner.invoke(main, ["lint", report])
    assert from_file.exit_code == 0
    assert {f["code"] for f in json.loads(from_file.output)["findings"]} == {"CC203"}
    overridden = runner.invoke(main, ["lint", report, "--select", "CC1", "--fail-on", "error"])
    assert overridden.exit_code == 1
    assert {f["code"] for f in json.loads(overridden.output)["findings"]} == {"CC101"}


def test_cli_reports_unknown_config_key(task: Path, fake_stages, fake_rules) -> None:
    config = write(task / "pyproject.toml", "[tool.citecheck]\nseverities = {}\n")
    outcome = CliRunner().invoke(main, ["lint", str(task / "reports" / "bad.md")])
    assert outcome.exit_code == 2
    assert outcome.output.strip() == f"citecheck: {config}: unknown config key 'severities'"
