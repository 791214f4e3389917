"""The pipeline on fake stages: selection, severities, suppressions, laziness, order."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.config import Config
from citecheck.errors import InputError
from citecheck.pipeline import LintOptions, exit_code, expand_report_paths, lint
from tests.fakes import FAKE_RULES


def run(paths: list[Path], stages, **config) -> object:
    return lint(paths, LintOptions(config=Config(**config), stages=stages, rules=FAKE_RULES))


def test_folder_expands_to_sorted_reports(task: Path) -> None:
    (task / "reports" / ".hidden").mkdir()
    (task / "reports" / ".hidden" / "skip.md").write_text("x", encoding="utf-8")
    names = [p.name for p in expand_report_paths([task / "reports"])]
    assert names == ["bad.md", "clean.md", "warn.md"]


def test_missing_report_raises_input_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        expand_report_paths([tmp_path / "nope.md"])
    assert caught.value.path == str(tmp_path / "nope.md")


def test_findings_sorted_and_counted(task: Path, fake_stages, fake_rules) -> None:
    result = run([task / "reports"], fake_stages)
    keys = [(f.path, f.line, f.column, f.code) for f in result.findings]
    assert keys == sorted(keys)
    assert [f.code for f in result.findings] == ["CC101", "CC201", "CC203", "CC203"]
    assert result.summary.by_severity == {"info": 0, "warning": 2, "error": 2}
    assert result.summary.by_code == {"CC101": 1, "CC201": 1, "CC203": 2}
    assert result.summary.files == 3
    assert result.summary.judge_backend == "fake-judge"
    assert result.corpus == str(task.resolve())


@pytest.mark.parametrize(
    ("select", "ignore", "codes"),
    [
        (["CC1"], [], {"CC101"}),
        (["uncited-claim"], [], {"CC203"}),
        ([], ["CC2"], {"CC101"}),
        (["ALL"], ["unsupported-claim"], {"CC101", "CC203"}),
    ],
)
def test_select_and_ignore(task, fake_stages, fake_rules, select, ignore, codes) -> None:
    result = run([task / "reports" / "bad.md"], fake_stages, select=select, ignore=ignore)
    assert {f.code for f in result.findings} == codes


def test_judge_is_created_only_when_a_rule_asks(task, fake_stages, fake_rules, support) -> None:
    result = run([task / "reports"], fake_stages, select=["CC1", "CC203"])
    assert support.created == []
    assert result.summary.judge_backend is None
    run([task / "reports"], fake_stages, select=["CC201"])
    assert len(support.created) == 1


def test_severity_override_by_code_or_slug(task, fake_stages, fake_rules) -> None:
    result = run([task / "reports" / "bad.md"], fake_stages, severity={"uncited-claim": "error"})
    assert {f.severity.value for f in result.findings if f.code == "CC203"} == {"error"}


def test_severity_override_naming_no_rule_is_an_input_error(task, fake_stages, fake_rules):
    with pytest.raises(InputError, match="CC999"):
        run([task / "reports" / "bad.md"], fake_stages, severity={"CC999": "error"})


def test_suppressions_are_applied(task, fake_stages, fake_rules) -> None:
    report = task / "reports" / "bad.md"
    report.write_text(
        "<!-- citecheck: disable-next-line CC101 -->\n" + report.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    codes = [f.code for f in run([report], fake_stages).findings]
    assert "CC101" not in codes and "CC203" in codes
    report.write_text("<!-- citecheck: disable-file uncited-claim -->\nSales.\n", encoding="utf-8")
    assert run([report], fake_stages).findings == []


@pytest.mark.parametrize(
    ("fail_on", "expected"), [("error", 0), ("warning", 1), ("info", 1), ("never", 0)]
)
def test_exit_code_follows_fail_level(task, fake_stages, fake_rules, fail_on, expected):
    result = run([task / "reports" / "warn.md"], fake_stages)
    assert exit_code(result, fail_on) == expected


def test_explicit_corpus_is_used_for_every_report(task, fake_stages, fake_rules) -> None:
    options = LintOptions(corpus=task, stages=fake_stages, rules=fake_rules)
    assert lint([task / "reports"], options).corpus == str(task)


def test_missing_corpus_or_trace_is_an_input_error(task, fake_stages) -> None:
    report = [task / "reports" / "clean.md"]
    with pytest.raises(InputError, match="corpus folder not found"):
        lint(report, LintOptions(corpus=task / "nowhere", stages=fake_stages))
    with pytest.raises(InputError, match="trace file not found"):
        lint(report, LintOptions(trace=task / "run.log", stages=fake_stages))
