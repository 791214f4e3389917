"""The task's query read from the folder or --query, and one bad sidecar among many reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from citecheck.api import check
from citecheck.cli import main
from citecheck.config import Config
from citecheck.pipeline import LintOptions, expand_report_paths, lint

REPORT = "# 报告\n\n## 一、论文基本信息\n\n内容。\n\n## 二、核心方法\n\n方法。\n"
QUERY = "请撰写报告，包含以下部分：（1）论文基本信息；（2）核心方法；（3）总结与思考。\n"


def _task(folder: Path, query_name: str | None = "query.md") -> Path:
    (folder / "video.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42")
    if query_name:
        (folder / query_name).write_text(QUERY, encoding="utf-8")
    report = folder / "report.md"
    report.write_text(REPORT, encoding="utf-8")
    return report


def _missing(result) -> list[str]:
    return [f.message for f in result.findings if f.code == "CC501"]


@pytest.mark.parametrize("name", ["query.md", "task.md", "prompt.md", "prompt.txt", "query.txt"])
def test_missing_section_found_through_the_folder_query(tmp_path: Path, name: str) -> None:
    report = _task(tmp_path, name)
    [message] = _missing(check(report, select=["CC501"]))
    assert "总结与思考" in message


def test_without_a_query_nothing_is_required(tmp_path: Path) -> None:
    assert _missing(check(_task(tmp_path, None), select=["CC501"])) == []


def test_query_file_given_on_the_command_line(tmp_path: Path) -> None:
    report = _task(tmp_path, None)
    query = tmp_path / "elsewhere.txt"
    query.write_text("Include the following sections: 论文基本信息、实验结果\n", encoding="utf-8")
    [message] = _missing(check(report, query=query, select=["CC501"]))
    assert "实验结果" in message
    runner = CliRunner()
    outcome = runner.invoke(main, ["lint", str(report), "--query", str(query), "--select", "CC501"])
    assert outcome.exit_code == 1 and "实验结果" in outcome.output


def test_missing_query_file_is_a_clear_input_error(tmp_path: Path) -> None:
    report = _task(tmp_path, None)
    outcome = CliRunner().invoke(main, ["lint", str(report), "--query", str(tmp_path / "nope")])
    assert outcome.exit_code == 2 and "query file not found" in outcome.output


def test_query_files_are_not_linted_as_reports(tmp_path: Path) -> None:
    _task(tmp_path)
    (tmp_path / "task.md").write_text(QUERY, encoding="utf-8")
    assert [p.name for p in expand_report_paths([tmp_path])] == ["report.md"]


def test_unreadable_sidecar_warns_and_every_report_is_still_linted(tmp_path: Path) -> None:
    (tmp_path / "video.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42")
    (tmp_path / "video.meta.json").write_text('{"speakers": [{"role": 1}]', encoding="utf-8")
    (tmp_path / "video.srt").write_text(
        "1\n00:00:01,000 --> 00:00:05,000\n[Yi Ren] We explain the squeezing effect.\n",
        encoding="utf-8",
    )
    reports = []
    for index in range(2):
        report = tmp_path / f"r{index}.md"
        report.write_text("# 视频\n\n主讲：Danica Sutherland [视频: video.mp4]\n", encoding="utf-8")
        reports.append(report)
    options = LintOptions(corpus=tmp_path, config=Config(select=["CC301", "CC902"]))
    result = lint(reports, options)
    by_report = {(Path(f.path).name, f.code) for f in result.findings}
    assert by_report == {
        ("r0.md", "CC902"),
        ("r1.md", "CC902"),
        ("r0.md", "CC301"),
        ("r1.md", "CC301"),
    }
    warning = next(f for f in result.findings if f.code == "CC902")
    assert warning.severity.value == "warning"
    assert "video.meta.json" in warning.message and '"speakers"' in warning.message


def test_cli_exit_is_not_2_for_a_bad_sidecar(tmp_path: Path) -> None:
    report = _task(tmp_path, None)
    (tmp_path / "video.keyframes.json").write_text(json.dumps([{"note": "x"}]), encoding="utf-8")
    outcome = CliRunner().invoke(main, ["lint", str(report), "--select", "CC902"])
    assert outcome.exit_code == 0 and "CC902" in outcome.output


def test_unreadable_sidecars_are_found_without_the_attribution_stage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CC902 alone reads the sidecars: no claim is attributed or judged for it."""
    from citecheck.attribution import stage

    def refuse(_inputs: object) -> None:
        raise AssertionError("the attribution stage ran for CC902")

    monkeypatch.setattr(stage, "assess_report", refuse)
    report = _task(tmp_path, None)
    (tmp_path / "video.keyframes.json").write_text(json.dumps([{"note": "x"}]), encoding="utf-8")
    result = lint([report], LintOptions(corpus=tmp_path, config=Config(select=["CC902"])))
    assert [f.code for f in result.findings] == ["CC902"]
